"""The pipeline CLI: runs notebooks with papermill, records run.json, fails loudly."""
from __future__ import annotations

import json
import time
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from helpers.run import pipeline
from helpers.core import tables

ROOT = Path(__file__).resolve().parents[2]


def test_discover_and_select():
    nbs = pipeline.discover()
    assert nbs and nbs[0].name == "01_parse_articles.ipynb"
    numbers = [p.name[:2] for p in nbs]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert [p.name[:2] for p in pipeline.select(nbs, only=["1"])] == ["01"]
    assert pipeline.select(nbs, start="01") == nbs
    with pytest.raises(SystemExit, match="no notebook numbered"):
        pipeline.select(nbs, only=["98"])


def test_every_notebook_has_a_parameters_cell_and_the_project_kernel():
    for nb_path in pipeline.discover():
        nb = nbformat.read(nb_path, as_version=4)
        assert nb.metadata.kernelspec.name == "warclaims", nb_path.name
        tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, nb_path.name
        src = tagged[0].source
        for name in ("raw_dir", "processed_dir", "reports_dir"):
            assert f"{name} = " in src, (nb_path.name, name)


def test_run_parse_stage_on_a_folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Officials said 200 troops arrived.\n\nMore: Example Herald\n", encoding="utf-8")
    (raw / "bad.bin").write_bytes(b"\x00\x01\x02")
    summary = pipeline.run(raw, tmp_path / "processed", tmp_path / "reports", only=["01"], html=False,
                           log=lambda *a, **k: None)
    assert summary["status"] == "ok"
    entry = summary["notebooks"][0]
    assert entry["notebook"] == "01_parse_articles.ipynb" and entry["status"] == "ok"
    assert len(entry["inputs"]["notebook"]) == 64 and entry["inputs"]["raw_dir"]
    before = time.time()
    run_json = json.loads((tmp_path / "reports" / "run.json").read_text())
    assert run_json["notebooks"][0]["duration_s"] > 0
    started = run_json["notebooks"][0]["started_at"]  # when it started: what a memory sampler lines samples up with
    assert before - 600 < started <= before - run_json["notebooks"][0]["duration_s"] + 1
    assert (tmp_path / "reports" / "executed" / "01_parse_articles.ipynb").exists()
    arts = tables.read_table("articles", tmp_path / "processed")
    assert list(arts.outlet) == ["Example Herald"]
    errs = tables.read_table("parse_errors", tmp_path / "processed")
    assert list(errs.source_file) == ["bad.bin"] and list(errs.reason) == ["unsupported_format"]


def test_failure_names_the_notebook_and_exits_nonzero(tmp_path):
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "warclaims", "display_name": "Python (warclaims)", "language": "python"}
    params = nbformat.v4.new_code_cell('raw_dir = "data/raw"\nprocessed_dir = "data/processed"\nreports_dir = "reports"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("raise ValueError('table is broken')")]
    nbformat.write(nb, nbdir / "01_broken.ipynb")
    nbformat.write(nb, nbdir / "02_never.ipynb")
    logged = []
    summary = pipeline.run(ROOT / "data" / "raw", tmp_path / "p", tmp_path / "r", html=False,
                           notebooks_dir=nbdir, log=lambda *a, **k: logged.append(a[0]))
    assert summary["status"] == "failed"
    assert [e["notebook"] for e in summary["notebooks"]] == ["01_broken.ipynb"]  # stops at the failure
    assert "ValueError" in summary["notebooks"][0]["error"] and "table is broken" in summary["notebooks"][0]["error"]
    assert "01_broken.ipynb" in logged[0]


def test_cli_rejects_unknown_notebook_number():
    env = dict(os.environ, WARCLAIMS_NO_PROGRESS="1")
    proc = subprocess.run([sys.executable, "-m", "helpers.pipeline", "run", "--only", "97", "--no-html"],
                          capture_output=True, text=True, env=env, cwd=ROOT)
    assert proc.returncode != 0 and "no notebook numbered '97'" in proc.stderr
    listed = subprocess.run([sys.executable, "-m", "helpers.pipeline", "list"], capture_output=True, text=True, cwd=ROOT)
    assert listed.returncode == 0 and "01_parse_articles.ipynb" in listed.stdout


def test_stage_errors_rows_replace_only_their_stage(tmp_path):
    from helpers.core import stage
    from helpers.run import stages
    text, places = stages.spec("02"), stages.spec("04")
    stage.write_stage_errors(stage.StageResult({}, [("a1", "ValueError: bad")]), text, tmp_path)
    stage.write_stage_errors(stage.StageResult({}, [("a2", "KeyError: x")]), places, tmp_path)
    stage.write_stage_errors(stage.StageResult({}, []), text, tmp_path)  # a rerun of text without failures
    rows = tables.read_table("stage_errors", tmp_path)
    assert rows.to_dict("records") == [{"stage": "04 places", "article_id": "a2", "error": "KeyError: x"}]
    assert pipeline._stage_errors(tmp_path) == (1, {"04 places": ["a2"]})
    # the same file as the previous run recorded: its figures are taken from that run.json (no table read)
    digest = pipeline.incremental.sha256_file(tmp_path / "stage_errors.parquet")
    previous = {"status": "ok", "stage_errors": 7, "stage_error_articles": {"x": ["y"]},
                "tables": {"stage_errors.parquet": {"sha256": digest}}}
    assert pipeline._stage_errors(tmp_path, previous) == (7, {"x": ["y"]})
    previous["tables"]["stage_errors.parquet"]["sha256"] = "0" * 64  # another file: read
    assert pipeline._stage_errors(tmp_path, previous) == (1, {"04 places": ["a2"]})


def _notebook(path: Path, *sources: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "warclaims", "display_name": "Python (warclaims)", "language": "python"}
    params = nbformat.v4.new_code_cell('raw_dir = "data/raw"\nprocessed_dir = "data/processed"\nreports_dir = "reports"')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, *(nbformat.v4.new_code_cell(s) for s in sources)]
    nbformat.write(nb, path)


@pytest.mark.parametrize("fresh", [False, True])
def test_notebooks_share_one_kernel_cleared_between_them(tmp_path, fresh):
    """Notebooks after the first share the main kernel, cleared between them (the first runs in the second kernel
    while the main one loads what the others need); ``--fresh-kernels``: one kernel per notebook."""
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    _notebook(nbdir / "01_first.ipynb", "import os\nprint('pid', os.getpid())")
    _notebook(nbdir / "02_second.ipynb", "import os\nleftover = 1\nprint('pid', os.getpid())")
    _notebook(nbdir / "03_third.ipynb", "import os\nprint('pid', os.getpid())\nprint('leftover' in dir())")
    summary = pipeline.run(ROOT / "data" / "raw", tmp_path / "p", tmp_path / "r", html=False, notebooks_dir=nbdir,
                           log=lambda *a, **k: None, fresh_kernels=fresh)
    assert summary["status"] == "ok"
    outputs = []
    for name in ("01_first.ipynb", "02_second.ipynb", "03_third.ipynb"):
        executed = nbformat.read(tmp_path / "r" / "executed" / name, as_version=4)
        code = [c for c in executed.cells if c.cell_type == "code"]
        assert code[0].execution_count == 1  # each notebook counts from 1, as in a fresh kernel
        outputs.append("".join(o.get("text", "") for o in code[-1].outputs).split())
    assert outputs[2][2] == "False"  # the second notebook's variables are gone
    assert (outputs[1][1] == outputs[2][1]) is not fresh  # same kernel process unless --fresh-kernels
    assert outputs[0][1] != outputs[1][1]


@pytest.mark.parametrize("overlap", [True, False])
def test_the_main_kernel_loads_the_next_notebooks_imports_while_the_first_runs(tmp_path, monkeypatch, overlap):
    """While the first notebook runs in the second kernel, the main kernel imports what the later notebooks import
    (their import statements, helpers.run.preload): a module they import is loaded before the first notebook ends.
    ``overlap=False`` (--sequential): one kernel, nothing loaded ahead."""
    mods = tmp_path / "mods"
    mods.mkdir()
    (mods / "wc_probe_module.py").write_text("import time\nLOADED_AT = time.time()\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(mods), os.environ.get("PYTHONPATH", "")]))
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    _notebook(nbdir / "01_first.ipynb", "import time\ntime.sleep(3)\nprint('end', time.time())")
    _notebook(nbdir / "02_second.ipynb", "import wc_probe_module\nprint('loaded', wc_probe_module.LOADED_AT)")
    summary = pipeline.run(ROOT / "data" / "raw", tmp_path / "p", tmp_path / "r", html=False, notebooks_dir=nbdir,
                           log=lambda *a, **k: None, overlap=overlap)
    assert summary["status"] == "ok"
    printed = {}
    for name in ("01_first.ipynb", "02_second.ipynb"):
        executed = nbformat.read(tmp_path / "r" / "executed" / name, as_version=4)
        words = "".join(o.get("text", "") for o in executed.cells[-1].outputs).split()
        printed[words[0]] = float(words[1])
    assert (printed["loaded"] < printed["end"]) is overlap


def _started_ended(reports: Path, name: str) -> tuple[int, float, float]:
    executed = nbformat.read(reports / "executed" / name, as_version=4)
    words = "".join(o.get("text", "") for c in executed.cells if c.cell_type == "code" for o in c.outputs).split()
    return int(words[1]), float(words[3]), float(words[5])


def _run_timed(tmp_path: Path, nbdir: Path, *names: str) -> tuple[dict, list[tuple[int, float, float]]]:
    """Run the notebooks of ``nbdir``; the summary and, for each of ``names``, its kernel's pid, start and end."""
    summary = pipeline.run(ROOT / "data" / "raw", tmp_path / "p", tmp_path / "r", html=False, notebooks_dir=nbdir,
                           log=lambda *a, **k: None)
    assert summary["status"] == "ok"
    return summary, [_started_ended(tmp_path / "r", name) for name in names]


@pytest.mark.parametrize("overlap", [True, False])
def test_notebooks_that_write_no_table_run_beside_the_others(tmp_path, overlap):
    """A notebook that writes no table (09 and 11 here: figures) runs in a second kernel as soon as the earlier
    notebooks that write what it reads have finished: 11 (nothing selected writes its tables) beside 06, 09 (reads
    06's events) after it. ``overlap=False`` runs them one at a time in one kernel."""
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    clock = "import os, time\nt0 = time.time()\n"
    report = "print('pid', os.getpid(), 'start', t0, 'end', time.time())"
    _notebook(nbdir / "06_writes.ipynb", clock + "time.sleep(4)\n" + report)
    _notebook(nbdir / "09_reads_06.ipynb", clock + report)
    _notebook(nbdir / "11_reads_other.ipynb", clock + "time.sleep(1)\n" + report)
    summary = pipeline.run(ROOT / "data" / "raw", tmp_path / "p", tmp_path / "r", html=False, notebooks_dir=nbdir,
                           log=lambda *a, **k: None, overlap=overlap)
    assert summary["status"] == "ok"
    assert [e["notebook"][:2] for e in summary["notebooks"]] == ["06", "09", "11"]
    pid06, start06, end06 = _started_ended(tmp_path / "r", "06_writes.ipynb")
    pid09, start09, _ = _started_ended(tmp_path / "r", "09_reads_06.ipynb")
    pid11, start11, end11 = _started_ended(tmp_path / "r", "11_reads_other.ipynb")
    assert start09 >= end06  # what it reads is final
    if overlap:  # 11 in the second kernel, beside 06; 09 in whichever kernel is free when 06 has ended
        assert pid11 != pid06 and start11 < end06 and pid09 in (pid06, pid11)
    else:
        assert pid06 == pid09 == pid11 and start11 >= end06


def test_a_notebook_that_needs_no_parsed_docs_writes_its_tables_in_the_second_kernel(tmp_path):
    """05 (its spec reads articles and sentences and writes the pair tables: no parsed docs, so no spaCy model) runs in
    the second kernel beside 03 (which reads the docs); 06, which reads 05's ``article_metadata``, waits for it. Each
    notebook is recorded as the writer of the tables its spec declares, though both wrote while the other ran, and
    ``stage_errors``, which both update, keeps both stages' rows."""
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    clock = "import os, time\nfrom pathlib import Path\nt0 = time.time()\n"
    report = "print('pid', os.getpid(), 'start', t0, 'end', time.time())"

    def writes(number: str, *names: str) -> str:
        return ("from helpers.core import stage\nfrom helpers.run import stages\n"
                + "".join(f"Path(processed_dir, '{n}.parquet').write_bytes(b'{number} {n}')\n" for n in names)
                + f"stage.write_stage_errors(stage.StageResult({{}}, [('{number}', 'ValueError: x')]), "
                  f"stages.spec('{number}'), processed_dir)\n")
    _notebook(nbdir / "01_first.ipynb", clock + "Path(processed_dir).mkdir(parents=True, exist_ok=True)\n"
              + writes("01", "duplicates") + report)
    _notebook(nbdir / "03_reads_docs.ipynb", clock + "time.sleep(3)\n" + writes("03", "statements") + report)
    _notebook(nbdir / "05_no_docs.ipynb", clock + "time.sleep(1)\n" + writes("05", "article_metadata") + report)
    _notebook(nbdir / "06_reads_05.ipynb", clock + "assert Path(processed_dir, 'article_metadata.parquet').exists()\n"
              + report)
    summary, ((pid03, start03, end03), (pid05, start05, end05), (pid06, start06, _)) = _run_timed(
        tmp_path, nbdir, "03_reads_docs.ipynb", "05_no_docs.ipynb", "06_reads_05.ipynb")
    assert pid05 != pid03 and start05 < end03  # beside 03, in the second kernel
    assert pid06 == pid03 and start06 >= end05
    writer = {name: rec["notebook"][:2] for name, rec in summary["tables"].items()}
    assert writer["statements.parquet"] == "03" and writer["article_metadata.parquet"] == "05"
    assert writer["duplicates.parquet"] == "01"
    wrote = {e["notebook"][:2]: e["wrote"] for e in summary["notebooks"]}
    assert "article_metadata.parquet" not in wrote["03"] and "statements.parquet" not in wrote["05"]
    assert summary["tables"]["stage_errors.parquet"]["sha256"] == pipeline._sha256(tmp_path / "p" / "stage_errors.parquet")
    assert sorted(tables.read_table("stage_errors", tmp_path / "p").article_id) == ["01", "03", "05"]


def test_after_the_last_table_the_main_kernel_takes_figures_the_second_one_has_not_started(tmp_path):
    """08 and 09 both wait for 06; once the main lane has ended, the main kernel, idle, takes the queue's last (09)
    instead of leaving it behind 08 (08 runs in the second kernel, or in the main one if the second is still busy
    loading the figures' modules)."""
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    clock = "import os, time\nt0 = time.time()\n"
    report = "print('pid', os.getpid(), 'start', t0, 'end', time.time())"
    _notebook(nbdir / "06_writes.ipynb", clock + "time.sleep(1)\n" + report)
    _notebook(nbdir / "08_slow.ipynb", clock + "time.sleep(4)\n" + report)
    _notebook(nbdir / "09_quick.ipynb", clock + report)
    summary, ((pid06, _, end06), (_, start08, end08), (pid09, start09, _)) = _run_timed(
        tmp_path, nbdir, "06_writes.ipynb", "08_slow.ipynb", "09_quick.ipynb")
    assert pid09 == pid06 and end06 <= start09 < end08
    assert sorted(e["notebook"][:2] for e in summary["notebooks"]) == ["06", "08", "09"]  # each ran once


def test_a_failure_in_the_second_kernel_stops_the_run(tmp_path):
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    _notebook(nbdir / "06_writes.ipynb", "import time\ntime.sleep(3)")
    _notebook(nbdir / "09_after_06.ipynb", "print('ran')")
    _notebook(nbdir / "11_fails.ipynb", "raise ValueError('no figure today')")
    messages = []
    summary = pipeline.run(ROOT / "data" / "raw", tmp_path / "p", tmp_path / "r", html=False, notebooks_dir=nbdir,
                           log=lambda *a, **k: messages.append(" ".join(map(str, a))))
    assert summary["status"] == "failed"
    statuses = {e["notebook"][:2]: e["status"] for e in summary["notebooks"]}
    assert statuses == {"06": "ok", "11": "failed"}  # 09 never started
    assert "11_fails.ipynb" in messages[0] and "no figure today" in messages[0]


def test_kernels_keep_no_history(tmp_path):
    """Pipeline kernels write no IPython history (a database shared by every kernel on the machine, whose
    concurrent writes printed errors into notebook cells)."""
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    _notebook(nbdir / "01_history.ipynb", "print('history', get_ipython().history_manager.enabled)")
    summary = pipeline.run(ROOT / "data" / "raw", tmp_path / "p", tmp_path / "r", html=False, notebooks_dir=nbdir,
                           log=lambda *a, **k: None)
    assert summary["status"] == "ok"
    executed = nbformat.read(tmp_path / "r" / "executed" / "01_history.ipynb", as_version=4)
    assert "".join(o.get("text", "") for o in executed.cells[-1].outputs).split() == ["history", "False"]


def test_speed_benchmark_gives_each_notebook_the_peak_of_its_own_window():
    """``benchmarks/pipeline_speed.py`` lines memory samples up with ``run.json``'s start and duration of each
    notebook: a sample belongs to every notebook running then (the two kernels overlap), none outside a window."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    try:
        import pipeline_speed
    finally:
        sys.path.pop(0)
    run = {"notebooks": [{"notebook": "01_a.ipynb", "started_at": 100.0, "duration_s": 2.0},
                         {"notebook": "02_b.ipynb", "started_at": 101.0, "duration_s": 5.0},
                         {"notebook": "03_c.ipynb", "status": "skipped", "duration_s": 0.0}]}
    samples = [(99.0, 900.0), (100.5, 300.0), (101.5, 450.0), (103.0, 700.0), (107.0, 990.0)]
    assert pipeline_speed.notebook_peaks(run, samples) == {"01": 450, "02": 700}


def test_table_hashes_are_memoised_only_while_the_file_is_unchanged(tmp_path):
    """The runner hashes the tables before and after every notebook; a file whose inode, size and times are those
    it had when hashed is not read again, any change is, and a file changed within the last moments (when a second
    write could keep its times) is never memoised."""
    import hashlib

    f = tmp_path / "t.parquet"
    f.write_bytes(b"a" * 1000)
    assert pipeline._sha256(f) == hashlib.sha256(b"a" * 1000).hexdigest()
    assert os.fspath(f) not in pipeline._HASHED  # just written: not memoised
    old = time.time() - 10
    os.utime(f, (old, old))
    time.sleep(pipeline._RACY_NS / 1e9 + 0.05)  # its change time (the utime) is old enough now
    pipeline._sha256(f)
    assert os.fspath(f) in pipeline._HASHED
    with f.open("r+b") as fh:  # same size, same inode, modification time set back: the change time still moves
        fh.write(b"b")
    os.utime(f, (old, old))
    assert pipeline._sha256(f) == hashlib.sha256(b"b" + b"a" * 999).hexdigest()


def test_the_executed_copy_is_written_at_most_once_a_second_while_a_notebook_runs_and_always_at_its_end():
    import datetime as dt

    from helpers.run.kernel import throttle_saves

    class Manager:  # papermill's NotebookExecutionManager as far as saving goes, on a clock the test moves
        def __init__(self):
            self.clock = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
            self.last_save_time, self.end_time, self.saved = self.clock, None, []

        def now(self):
            return self.clock

        def save(self, **kwargs):
            self.saved.append(self.clock)
            self.last_save_time = self.clock

    m = Manager()
    throttle_saves(m, every_s=1.0)
    for step_s in (0.3, 0.3, 0.3, 0.3, 2.0, 0.1):  # cells starting and ending
        m.clock += dt.timedelta(seconds=step_s)
        m.save()
    start = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    assert [(t - start).total_seconds() for t in m.saved] == pytest.approx([1.2, 3.2])
    m.clock += dt.timedelta(seconds=0.1)
    m.end_time = m.clock  # notebook_complete: always written
    m.save()
    assert len(m.saved) == 3 and m.saved[-1] == m.end_time


def test_a_failed_notebooks_executed_copy_holds_its_error_and_every_cell_before(tmp_path):
    nbdir = tmp_path / "notebooks"
    nbdir.mkdir()
    _notebook(nbdir / "01_broken.ipynb", *(f"print('cell {i}')" for i in range(5)),
              "raise ValueError('table is broken')", "print('never')")
    summary = pipeline.run(ROOT / "data" / "raw", tmp_path / "p", tmp_path / "r", html=False,
                           notebooks_dir=nbdir, log=lambda *a, **k: None)
    assert summary["status"] == "failed"
    executed = nbformat.read(tmp_path / "r" / "executed" / "01_broken.ipynb", as_version=4)
    code = [c for c in executed.cells if c.cell_type == "code"]  # parameters, papermill's injected ones, ours
    printed = ["".join(o.get("text", "") for o in c.outputs) for c in code]
    assert printed[2:] == [f"cell {i}\n" for i in range(5)] + ["", ""]
    assert any(o.get("ename") == "ValueError" for o in code[-2].outputs) and code[-1].execution_count is None


def test_the_second_kernels_notebooks_load_no_spacy():
    """What the second kernel loads for its notebooks (01, then 05 and the figures: their import statements and
    their stages' ``warm`` list, helpers.run.preload) does not import spaCy: it runs no parse, and spaCy's import
    was 0.7–1.4 s of its CPU on every run (through the ledger's topic labels, which the claims chart uses)."""
    code = ("import sys\n"
            "from helpers.run import pipeline, preload\n"
            "nbs = pipeline.discover()\n"
            "lane = [nb for nb in nbs if nb == nbs[0] or pipeline._Lane.takes(nb)]\n"
            "assert [nb.name[:2] for nb in lane] == ['01', '05', '08', '09', '10', '11'], lane\n"
            "exec(preload.code(lane, [w for nb in lane for w in pipeline._spec(nb).warm]), {})\n"
            "import helpers.figures.stage, helpers.parse.articles, helpers.rewrites.pairs\n"
            "print(sorted(m for m, mod in sys.modules.items() if m.split('.')[0] in ('spacy', 'thinc')\n"
            "             and not hasattr(mod, '__warclaims_deferred__')))\n")  # spacy.cli's stand-ins are no spaCy
    env = dict(os.environ, MPLBACKEND="agg")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT)
    assert out.stdout.strip() == "[]"
