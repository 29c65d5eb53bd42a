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

Peak memory is the largest sum of resident set sizes of the pipeline process and all its descendants (the
kernels), sampled every 0.2 s from /proc. Synthetic corpora larger than the real one are made by perturbing
real texts (sentences of each paragraph rotated, a numbered dateline added) so that no two are exact duplicates.
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
CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine-war-news"


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


def _tree_rss_mib(pid: int) -> float:
    total, stack = 0.0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) / 1024
                        break
        except OSError:
            continue
        stack.extend(_children(p))
    return total


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Run ``cmd``; (wall seconds, peak tree RSS MiB, exit code)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0.0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mib(proc.pid))
            time.sleep(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    th.join()
    if proc.returncode:
        sys.stderr.write(err[-2000:])
    return time.perf_counter() - t0, peak[0], proc.returncode


def _perturb(text: str, k: int, rng: random.Random) -> str:
    paras = [p for p in text.split("\n") if p.strip()]
    out = []
    for p in paras:
        sents = re.split(r"(?<=[.!?])\s+", p)
        if len(sents) > 2:
            r = rng.randrange(1, len(sents))
            sents = sents[r:] + sents[:r]
        out.append(" ".join(sents))
    return f"Dispatch {k}.\n\n" + "\n\n".join(out) + "\n"


def make_corpus(source: Path, n: int, dest: Path, seed: int = 0) -> list[str]:
    """``n`` article files in ``dest``: the real ones first, then perturbed copies. Returns the texts."""
    dest.mkdir(parents=True)
    files = sorted(p for p in source.iterdir() if p.is_file() and not p.name.startswith((".", "README")))
    texts = []
    rng = random.Random(seed)
    for i in range(n):
        src = files[i % len(files)]
        if i < len(files):
            shutil.copyfile(src, dest / src.name)
            texts.append(src.read_text(errors="replace"))
        else:
            text = _perturb(src.read_text(errors="replace"), i, rng)
            (dest / f"synthetic_{i:06d}_{src.name}").write_text(text)
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


def measure(size: int, corpus: Path, work: Path, processes: int, extra_args: list[str], bare: bool = True) -> list[dict]:
    raw, processed, reports = work / "raw", work / "processed", work / "reports"
    texts = make_corpus(corpus, size, raw)
    env = dict(os.environ, MPLBACKEND="agg", PYTHONHASHSEED="0", WARCLAIMS_PARSE_CACHE=str(work / "parse-cache"))
    cmd = [sys.executable, "-m", "helpers.pipeline", "run", "--raw-dir", str(raw), "--processed-dir", str(processed),
           "--reports-dir", str(reports), *extra_args]
    rows = []

    def step(name):
        s, peak, rc = timed(cmd, env)
        row = {"size": size, "step": name, "seconds": s, "peak_mib": peak, "rc": rc}
        rows.append(row)
        try:
            run = json.loads((reports / "run.json").read_text())
            per_nb = {e["notebook"][:2]: (e["status"][0], e["duration_s"]) for e in run["notebooks"]}
            print(f"  {name}: " + " ".join(f"{k}:{st}{d:.1f}s" for k, (st, d) in per_nb.items()), flush=True)
            row["notebooks_s"] = sum(d for _, d in per_nb.values())  # papermill time of the notebooks that ran
            row["runner_s"] = s - row["notebooks_s"]  # start-up, hashing, reports after the last notebook
        except (OSError, ValueError, KeyError):
            pass
        return s

    full = step("full")
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
        rows[0]["throughput_vs_bare_N"] = bare_n / full
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sizes", type=int, nargs="+", default=[357])
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1, help="processes for bare nlp.pipe [all cores]")
    ap.add_argument("--keep", type=Path, help="keep the work folders under this directory")
    ap.add_argument("--quick", action="store_true", help="skip the HTML export (--no-html) for a smoke run")
    ap.add_argument("--no-bare", action="store_true", help="skip the bare nlp.pipe reference runs")
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
        all_rows += measure(size, args.corpus, work, args.processes, ["--no-html"] if args.quick else [],
                            bare=not args.no_bare)
        print(pd.DataFrame([r for r in all_rows if r["size"] == size]).to_string(index=False, float_format="%.3f"),
              flush=True)
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    print()
    print(pd.DataFrame(all_rows).to_string(index=False, float_format="%.3f"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
