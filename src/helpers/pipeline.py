"""The pipeline CLI's stable address: ``python -m helpers.pipeline run …`` (cron lines and scripts call it).

The code lives in :mod:`helpers.run.pipeline`; this module only forwards to it.
"""
from __future__ import annotations

import sys

from helpers.run.pipeline import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
