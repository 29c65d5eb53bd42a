"""Screenshots of the report index and the claims explorer for the README (headless Chromium).

    python docs/screenshots.py [--reports-dir reports]    writes docs/figures/report_index.png, claims_explorer.png

Run after `make run` (the seed corpus). Needs the Debian package `chromium`.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHOTS = {"report_index.png": "index.html", "claims_explorer.png": "explorer.html#q=north%20korea&category=personnel"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports-dir", type=Path, default=ROOT / "reports")
    ap.add_argument("--out-dir", type=Path, default=ROOT / "docs" / "figures")
    args = ap.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium not found (apt-get install chromium)")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    for name, page in SHOTS.items():
        url = (args.reports_dir.resolve() / page.split("#")[0]).as_uri() + ("#" + page.split("#")[1] if "#" in page else "")
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                            f"--user-data-dir={profile}", "--window-size=1200,900", "--virtual-time-budget=3000",
                            f"--screenshot={args.out_dir / name}", url], check=True, capture_output=True, timeout=120)
        print(args.out_dir / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
