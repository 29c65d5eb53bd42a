"""Screenshots of the report index and the claims explorer for the README (headless Chromium).

    python docs/screenshots.py [--reports-dir reports]    writes docs/figures/report_index.png, claims_explorer.png

Run after `make run` (the seed corpus). Needs the Debian package `chromium`. The explorer is shown filtered to
the topic with the most claims in the run's ledger (`--explorer-hash` to choose another view, e.g. `q=shelling`).
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def busiest_topic_hash(processed_dir: Path) -> str:
    """`topic=<the ledger topic with the most claims>` (ties: the first by name), or "" without a ledger."""
    from collections import Counter
    from urllib.parse import quote

    from helpers.core.tables import read_table, table_path
    from helpers.run.explorer import shared_topics

    if not table_path("claims_ledger", processed_dir).exists():
        return ""
    counts = Counter(shared_topics(read_table("claims_ledger", processed_dir, columns=["claim_id", "topic"])).values())
    if not counts:
        return ""
    topic = min(counts, key=lambda t: (-counts[t], t))
    return "topic=" + quote(str(topic))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports-dir", type=Path, default=ROOT / "reports")
    ap.add_argument("--out-dir", type=Path, default=ROOT / "docs" / "figures")
    ap.add_argument("--processed-dir", type=Path, default=ROOT / "data" / "processed",
                    help="the run's tables, for the explorer's default view")
    ap.add_argument("--explorer-hash", default=None, help="explorer filters, e.g. 'q=shelling&category=casualties'")
    args = ap.parse_args(argv)
    view = busiest_topic_hash(args.processed_dir) if args.explorer_hash is None else args.explorer_hash
    shots = {"report_index.png": "index.html", "claims_explorer.png": "explorer.html" + (f"#{view}" if view else "")}
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium not found (apt-get install chromium)")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, page in shots.items():
        url = (args.reports_dir.resolve() / page.split("#")[0]).as_uri() + ("#" + page.split("#")[1] if "#" in page else "")
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            f"--user-data-dir={profile}", "--window-size=1200,900", "--virtual-time-budget=3000",
                            f"--screenshot={args.out_dir / name}", url], check=True, capture_output=True, timeout=120)
        print(args.out_dir / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
