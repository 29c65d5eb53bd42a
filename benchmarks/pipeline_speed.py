"""Whole-pipeline speed and memory, side by side with bare spaCy (issue: fast, incremental, beyond one machine).

Usage (from the project root):

    .venv/bin/python benchmarks/pipeline_speed.py                      # the 357-file ukraine-war-news corpus
    .venv/bin/python benchmarks/pipeline_speed.py --sizes 357 2000     # plus a synthetic 2,000-article corpus
    .venv/bin/python benchmarks/pipeline_speed.py --sizes 60 --quick   # a smoke run

For each corpus size it measures, in one sitting:

1. **full**: ``python -m helpers.pipeline run`` into empty folders (HTML export included);
2. **no-op**: the same command again with nothing changed;
3. **+1 article**: one new article added to the raw folder, the same command again;
4. **bare 1 / bare N**: ``nlp.pipe`` of the base spaCy model over the same texts with one process and with
   ``--processes`` processes (docs discarded) — the floor any pipeline built on spaCy can reach.
5. with ``--watch``: the full run, no-op and +1 again in watch mode (``python -m helpers.pipeline watch``: one
   long-lived watcher whose kernels stay warm between rebuilds, :mod:`helpers.run.watch`), in a folder of its own;
   the tables after its +1 are compared with the cold +1's.

Peak memory is the largest sum of resident set sizes of the pipeline process and all its descendants (the
kernels and their forked workers), sampled every 0.2 s from /proc, and the largest sum of their proportional set
sizes (PSS): a page a forked worker shares with its parent counts once in PSS, once per process in RSS. Synthetic corpora larger than the real one are made from the real
texts (:func:`_synthetic`): nine in ten are 3–7 paragraphs, each a run of 1–3 sentences of a random real
paragraph; one in ten rewrites an earlier article (a window of 50–90 % of its paragraphs, a sentence dropped from
some); every number is changed (×0.6–1.6, years kept) and some month names moved; the file name carries a
GDELT-style timestamp (a real one moved 0–30 days) and country. So no two are exact duplicates, a tenth are
rewrites to find, and the rest share a passage now and then — instead of every copy being a near-duplicate of
every other copy of the same source (the first method, sentences rotated: 8,245 pairs at 2,000 articles).
Prints one row per measurement with seconds, seconds per article, the ratio to the full run and to bare spaCy,
the peak memory, and the split of the seconds into the notebooks' papermill time and the runner's own (start-up,
hashing, reports after the last notebook); each step's per-notebook times (``01:o12.3s``: ok, ``s``: skipped) are
printed as it ends. Reads ``../shared/corpora`` beside the repository; exits with a message if it is absent.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared") \
    / "corpora" / "ukraine-war-news"


def _children(pid: int) -> list[int]:
    """Children of every thread of ``pid`` (a kernel started from a helper thread is a child of that thread)."""
    out = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out += [int(x) for x in fh.read().split()]
        except OSError:
            continue
    return out


def _process_memory_mib(pid: int) -> list[tuple[int, float, float]]:
    """(pid, RSS, PSS) in MiB of ``pid`` and each of its descendants. Forked workers share their parent's pages,
    which a sum of RSS counts once per process; PSS splits each shared page among its sharers, so its sum is the
    memory used."""
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        values = []
        for name, field in ((f"/proc/{p}/status", "VmRSS:"), (f"/proc/{p}/smaps_rollup", "Pss:")):
            try:
                with open(name) as fh:
                    values.append(next((int(line.split()[1]) / 1024 for line in fh if line.startswith(field)), 0.0))
            except OSError:
                values.append(0.0)
        out.append((p, *values))
        stack.extend(_children(p))
    return out


LAST_PSS = [0.0]  # the peak tree PSS (MiB) of the last :func:`timed` command
LAST_SAMPLES: list[tuple[float, float]] = []  # (wall clock, tree PSS MiB) of the last :func:`timed` command
LAST_PEAK_PROCESSES: list[tuple[str, float]] = []  # (role, PSS MiB) of each process at the last command's peak


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _role(pid: int) -> str:
    """What process ``pid`` is in a pipeline run: the runner, a kernel, or a worker (a kernel's fork, which keeps
    the kernel's command line, or a Dask process)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            parent = int(fh.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return "gone"
    cmd = _cmdline(pid)
    if "helpers.pipeline" in cmd:
        return "runner"
    kernel = "ipykernel" in cmd or "kernel-" in cmd
    return "kernel" if kernel and "helpers.pipeline" in _cmdline(parent) else "worker"


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Run ``cmd``; (wall seconds, peak tree RSS MiB, exit code). The peak tree PSS is in :data:`LAST_PSS`, the
    samples in :data:`LAST_SAMPLES` (to tell which notebook held the memory) and the processes at the peak in
    :data:`LAST_PEAK_PROCESSES`."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0.0, 0.0]
    LAST_PSS[0] = 0.0
    LAST_SAMPLES.clear()
    LAST_PEAK_PROCESSES.clear()

    def sample():
        while proc.poll() is None:
            procs = _process_memory_mib(proc.pid)
            rss, pss = sum(r for _, r, _ in procs), sum(p for _, _, p in procs)
            LAST_SAMPLES.append((time.time(), pss))
            if pss > peak[1]:
                LAST_PEAK_PROCESSES[:] = [(_role(p), round(m)) for p, _, m in procs if m >= 1]
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            LAST_PSS[0] = peak[1]
            time.sleep(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    th.join()
    if proc.returncode:
        sys.stderr.write(err[-2000:])
    return time.perf_counter() - t0, peak[0], proc.returncode


def notebook_peaks(run: dict, samples: list[tuple[float, float]]) -> dict[str, float]:
    """Peak tree PSS (MiB) while each notebook of ``run`` (a ``run.json``) ran, from ``samples`` of
    :func:`timed`. Notebooks of the two kernels overlap, so a peak belongs to every notebook running then."""
    peaks = {}
    for e in run["notebooks"]:
        if "started_at" not in e:
            continue
        start, end = e["started_at"], e["started_at"] + e["duration_s"]
        inside = [pss for t, pss in samples if start <= t <= end]
        if inside:
            peaks[e["notebook"][:2]] = round(max(inside))
    return peaks


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:,\d{3})*(?:\.\d+)?(?![\w.,]?\d)")
_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _renumber(text: str, rng: random.Random) -> str:
    """Every number scaled by a random factor (0.6–1.6; years 1900–2099 kept) and every month name shifted by −1..+1:
    the copies of one source then disagree on figures and dates, as independent reports do."""
    def number(m):
        raw = m.group(0)
        value = float(raw.replace(",", ""))
        if "." not in raw and 1900 <= value <= 2099:
            return raw
        new = value * rng.uniform(0.6, 1.6)
        return f"{new:.1f}" if "." in raw else f"{max(1, round(new)):,}" if "," in raw else str(max(1, round(new)))

    text = _NUMBER.sub(number, text)
    return _MONTH.sub(lambda m: MONTHS[(MONTHS.index(m.group(1)) + rng.choice((-1, 0, 1))) % 12], text)


def _drop_sentences(paragraph: str, rng: random.Random) -> str:
    sents = _SENTENCE_END.split(paragraph)
    if len(sents) > 2 and rng.random() < 0.4:
        del sents[rng.randrange(len(sents))]
    return " ".join(sents)


REWRITE_SHARE = 0.1  # synthetic articles that rewrite an earlier article; the others mix passages


def _passages(texts: list[str]) -> list[list[str]]:
    """Every real paragraph's sentences (paragraphs of 8+ words: no bylines, headings or "Advertisement")."""
    return [_SENTENCE_END.split(p) for t in texts for p in _paragraphs(t) if len(p.split()) >= 8]


def _synthetic(pool: list[list[str]], earlier: list[str], rng: random.Random) -> str:
    """One synthetic article. Most (1 − :data:`REWRITE_SHARE`) are 3–7 paragraphs, each a run of 1–3 consecutive
    sentences of a random real paragraph; the rest rewrite an earlier article (real or synthetic): 50–90 % of its
    paragraphs in a window, a sentence dropped from some. Every number is then changed and some month names moved
    (:func:`_renumber`). So none is an exact duplicate, a tenth are rewrites the pairs stage should find, and the
    others share a passage now and then, as wire copy is reused."""
    if earlier and rng.random() < REWRITE_SHARE:
        paras = _paragraphs(rng.choice(earlier))
        size = max(1, round(len(paras) * rng.uniform(0.5, 0.9)))
        start = rng.randrange(len(paras) - size + 1)
        chosen = [_drop_sentences(p, rng) for p in paras[start:start + size]]
    else:
        chosen = []
        for sents in rng.sample(pool, rng.randint(3, 7)):
            size = min(len(sents), rng.randint(1, 3))
            start = rng.randrange(len(sents) - size + 1)
            chosen.append(" ".join(sents[start:start + size]))
    return _renumber("\n\n".join(chosen), rng) + "\n"


def _perturb(text: str, k: int, rng: random.Random) -> str:
    """A light rewrite of one article (the +1 step's new article): its paragraphs, numbers and months changed."""
    body = _renumber("\n\n".join(_drop_sentences(p, rng) for p in _paragraphs(text)), rng)
    return f"Dispatch {k}.\n\n{body}\n"  # never an exact copy, even of a text without numbers


_STAMP = re.compile(r"^(\d{8})T(\d{6})Z_([A-Z]{2})_en_")


def _synthetic_name(i: int, src_name: str, rng: random.Random) -> str:
    """A GDELT-style name (timestamp, country) like the corpus's, the date moved by 0–30 days, so the synthetic
    articles have dates and outlet countries as the real ones do."""
    from datetime import datetime, timedelta

    m = _STAMP.match(src_name)
    if not m:
        return f"synthetic_{i:06d}.txt"
    when = datetime.strptime(m.group(1) + m.group(2), "%Y%m%d%H%M%S") + timedelta(days=rng.randint(0, 30),
                                                                                 minutes=15 * rng.randint(0, 95))
    return f"{when:%Y%m%dT%H%M%S}Z_{m.group(3)}_en_syn{i:07d}.txt"


def make_corpus(source: Path, n: int, dest: Path, seed: int = 0) -> list[str]:
    """``n`` article files in ``dest``: the real ones first, then synthetic ones (:func:`_synthetic`) mixed from
    them. Returns the texts. The same ``seed`` gives the same corpus."""
    dest.mkdir(parents=True)
    files = sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith((".", "README")))
    real = [f.read_text(errors="replace") for f in files]
    pool = _passages(real)
    texts = []
    rng = random.Random(seed)
    for i in range(n):
        if i < len(files):
            shutil.copyfile(files[i], dest / files[i].name)
            texts.append(real[i])
        else:
            text = _synthetic(pool, texts, rng)
            (dest / _synthetic_name(i, files[i % len(files)].name, rng)).write_text(text)
            texts.append(text)
    return texts


def bare_spacy(texts: list[str], processes: int, batch_size: int = 16) -> float:
    code = (
        "import sys, time, json; from helpers.text.doccache import load_model; nlp = load_model();\n"
        "texts = json.load(open(sys.argv[1])); t0 = time.perf_counter()\n"
        f"for _ in nlp.pipe(texts, batch_size={batch_size}, n_process={processes}): pass\n"
        "print(time.perf_counter() - t0)"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(texts, fh)
    try:
        out = subprocess.run([sys.executable, "-c", code, fh.name], cwd=ROOT, capture_output=True, text=True, check=True)
    finally:
        os.unlink(fh.name)
    return float(out.stdout.strip().splitlines()[-1])


def pipeline_command(work: Path, command: str, *args: str) -> tuple[list[str], dict]:
    """The pipeline CLI (``run`` or ``watch``) on ``work``'s raw/processed/reports folders, with ``args``, and the
    environment every measured run gets (its own parse cache, no GUI backend, a fixed hash seed)."""
    env = dict(os.environ, MPLBACKEND="agg", PYTHONHASHSEED="0", WARCLAIMS_PARSE_CACHE=str(work / "parse-cache"))
    return [sys.executable, "-m", "helpers.pipeline", command, "--raw-dir", str(work / "raw"), "--processed-dir",
            str(work / "processed"), "--reports-dir", str(work / "reports"), *args], env


def measure(size: int, corpus: Path, work: Path, processes: int, extra_args: list[str], bare: bool = True,
            rebuilds: bool = True) -> list[dict]:
    raw, processed, reports = work / "raw", work / "processed", work / "reports"
    texts = make_corpus(corpus, size, raw)
    cmd, env = pipeline_command(work, "run", *extra_args)
    rows = []

    def step(name):
        s, peak, rc = timed(cmd, env)
        row = {"size": size, "step": name, "seconds": s, "peak_mib": peak, "peak_pss_mib": LAST_PSS[0], "rc": rc}
        rows.append(row)
        try:
            run = json.loads((reports / "run.json").read_text())
            per_nb = {e["notebook"][:2]: (e["status"][0], e["duration_s"]) for e in run["notebooks"]}
            print(f"  {name}: " + " ".join(f"{k}:{st}{d:.1f}s" for k, (st, d) in per_nb.items()), flush=True)
            row["notebook_peak_pss_mib"] = notebook_peaks(run, LAST_SAMPLES)
            print(f"  {name}: peak PSS MiB per notebook " + " ".join(
                f"{k}:{v}" for k, v in row["notebook_peak_pss_mib"].items()) + f"; at the peak, PSS per process "
                f"{' '.join(f'{r}:{m}' for r, m in sorted(LAST_PEAK_PROCESSES, key=lambda x: -x[1]))}", flush=True)
            row["notebooks_s"] = sum(d for _, d in per_nb.values())  # papermill time of the notebooks that ran
            row["runner_s"] = s - row["notebooks_s"]  # start-up, hashing, reports after the last notebook
        except (OSError, ValueError, KeyError):
            pass
        return s

    full = step("full")
    shutil.copytree(processed, work / "processed-full")  # the full run's tables, for the engine comparison
    if rebuilds:
        step("no-op rebuild")
        extra = _perturb(texts[0], 10**7, random.Random(1))
        (raw / "zz_one_more_article.txt").write_text(extra)
        step("+1 article")
    for n in sorted({1, processes}) if bare else ():
        b = bare_spacy(texts, n)
        rows.append({"size": size, "step": f"bare nlp.pipe n_process={n}", "seconds": b, "peak_mib": None, "rc": 0})
    for r in rows:
        r["s_per_article"] = r["seconds"] / size
        r["vs_full"] = r["seconds"] / full
    if bare:
        bare_n = next(r["seconds"] for r in rows if r["step"] == f"bare nlp.pipe n_process={processes}")
        bare_1 = next(r["seconds"] for r in rows if r["step"] == "bare nlp.pipe n_process=1")
        rows[0]["throughput_vs_bare_N"] = bare_n / full
        rows[0]["throughput_vs_bare_1"] = bare_1 / full
    return rows


def measure_watch(size: int, corpus: Path, work: Path, local_work: Path | None, extra_args: list[str],
                  cold_full: float | None = None, interval: float = 0.1) -> list[dict]:
    """The same three steps in watch mode (``python -m helpers.pipeline watch``, :mod:`helpers.run.watch`): one
    watcher process, its kernels kept between rebuilds; the full run is its first rebuild, the no-op its rebuild
    after a hidden file (read by no stage) appeared in the raw folder, the +1 its rebuild after the extra article
    appeared. ``seconds`` is the rebuild's own time as the watcher logs it (``watch: rebuild N ok in X s``); the
    wait before it — a change is acted on once it held still for one ``interval`` — is ``detect_s``. Peak memory is
    sampled over the watcher's process tree while each step runs. With ``local_work`` (the cold runs' folder), the
    tables after the +1 are compared with the cold +1's; ``vs_cold_full`` is each step's share of the cold full run
    (``cold_full`` seconds), the reference of the rebuild targets."""
    raw, processed = work / "raw", work / "processed"
    texts = make_corpus(corpus, size, raw)
    cmd, env = pipeline_command(work, "watch", "--interval", str(interval), "--max-runs", "3", *extra_args)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: list[tuple[float, str]] = []
    done = re.compile(r"^watch: rebuild (\d+) (\w+) in ([\d.]+) s")

    def read():
        for line in proc.stderr:
            if done.match(line):
                lines.append((time.perf_counter(), line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    rows = []
    changes = [None, lambda: (raw / ".watch-noop").write_text("a hidden file: read by no stage\n"),
               lambda: (raw / "zz_one_more_article.txt").write_text(_perturb(texts[0], 10**7, random.Random(1)))]
    for i, (name, change) in enumerate(zip(("full", "no-op rebuild", "+1 article"), changes)):
        t0 = time.perf_counter()
        if change:
            change()
        peak = 0.0
        while len(lines) <= i and proc.poll() is None:
            peak = max(peak, sum(p for _, _, p in _process_memory_mib(proc.pid)))
            time.sleep(0.2)
        if len(lines) <= i:
            break
        m = done.match(lines[i][1])
        seconds = float(m.group(3))
        rows.append({"size": size, "step": f"{name} (watch)", "seconds": seconds, "peak_pss_mib": peak,
                     "rc": 0 if m.group(2) == "ok" else 1, "detect_s": round(lines[i][0] - t0 - seconds, 3)})
        print(f"  {name} (watch): {seconds:.2f} s, status {m.group(2)}", flush=True)
        if name == "full":
            time.sleep(1.0)  # the watcher is polling again
    proc.wait(timeout=120)
    if local_work is not None and rows:
        differ = same_tables(local_work / "processed", processed)
        rows[-1]["tables_differ_from_cold"] = ",".join(differ) or "none"
    full = rows[0]["seconds"] if rows else None
    for r in rows:
        r["s_per_article"] = r["seconds"] / size
        r["vs_full"] = r["seconds"] / full
        if cold_full:
            r["vs_cold_full"] = r["seconds"] / cold_full
    return rows


def same_tables(a: Path, b: Path) -> list[str]:
    """Names of the Parquet tables that differ between two processed folders (empty: identical)."""
    import pandas as pd

    names = sorted({p.name for p in a.glob("*.parquet")} | {p.name for p in b.glob("*.parquet")})
    differ = []
    for name in names:
        try:
            pd.testing.assert_frame_equal(pd.read_parquet(a / name), pd.read_parquet(b / name))
        except (AssertionError, OSError, ValueError):
            differ.append(name)
    return differ


def measure_dask(size: int, corpus: Path, work: Path, local_work: Path, processes: int, extra_args: list[str]) -> dict:
    """A full run with ``--engine dask`` (a LocalCluster of ``processes`` workers) on the same corpus, cold caches,
    and whether its tables equal the local engine's full run (the local folder before its +1 step: compared on a
    copy of its raw folder without the extra article)."""
    raw, processed, reports = work / "raw", work / "processed", work / "reports"
    make_corpus(corpus, size, raw)
    cmd, env = pipeline_command(work, "run", "--engine", "dask", "--workers", str(processes), *extra_args)
    s, peak, rc = timed(cmd, env)
    try:
        run = json.loads((reports / "run.json").read_text())
        print("  full (dask): " + " ".join(f"{e['notebook'][:2]}:{e['status'][0]}{e['duration_s']:.0f}s"
                                           for e in run["notebooks"]), flush=True)
    except (OSError, ValueError, KeyError):
        pass
    differ = same_tables(local_work / "processed-full", processed)
    return {"size": size, "step": f"full, --engine dask ({processes} workers)", "seconds": s, "peak_mib": peak,
            "peak_pss_mib": LAST_PSS[0], "rc": rc, "s_per_article": s / size, "tables_differ_from_local": ",".join(differ) or "none"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sizes", type=int, nargs="+", default=[357])
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="processes for bare nlp.pipe [all cores]")
    ap.add_argument("--keep", type=Path, help="keep the work folders under this directory")
    ap.add_argument("--quick", action="store_true", help="skip the HTML export (--no-html) for a smoke run")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare nlp.pipe reference runs")
    ap.add_argument("--no-rebuilds", action="store_true", help="skip the no-op and +1 rebuilds (full runs only)")
    ap.add_argument("--watch", action="store_true", help="also the full run, no-op and +1 in watch mode (one "
                    "watcher process, kernels kept between rebuilds), tables compared with the cold +1's")
    ap.add_argument("--dask", action="store_true", help="also a full run with --engine dask (LocalCluster of "
                    "--processes workers), compared with the local full run: time and identical tables")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (this benchmark needs ../shared beside the repository)")
        return 2
    import pandas as pd

    all_rows = []
    base = args.keep or Path(tempfile.mkdtemp(prefix="wc-speed-"))
    for size in args.sizes:
        work = base / f"n{size}"
        if work.exists():
            shutil.rmtree(work)
        extra = ["--no-html"] if args.quick else []
        all_rows += measure(size, args.corpus, work, args.processes, extra, bare=not args.no_bare,
                            rebuilds=not args.no_rebuilds)
        if args.watch:
            watch_work = base / f"n{size}-watch"
            if watch_work.exists():
                shutil.rmtree(watch_work)
            cold = next(r["seconds"] for r in all_rows if r["size"] == size and r["step"] == "full")
            all_rows += measure_watch(size, args.corpus, watch_work, None if args.no_rebuilds else work, extra, cold)
        if args.dask:
            dask_work = base / f"n{size}-dask"
            if dask_work.exists():
                shutil.rmtree(dask_work)
            row = measure_dask(size, args.corpus, dask_work, work, args.processes, extra)
            full = next(r["seconds"] for r in all_rows if r["size"] == size and r["step"] == "full")
            row["vs_full"] = row["seconds"] / full
            all_rows.append(row)
        print(pd.DataFrame([r for r in all_rows if r["size"] == size]).to_string(index=False, float_format="%.3f"),
              flush=True)
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    print()
    print(pd.DataFrame(all_rows).to_string(index=False, float_format="%.3f"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
