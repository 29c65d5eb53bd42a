"""Human captions for the figure files of ``reports/figures/`` (the index page names figures by these, not by
their file stems)."""
from __future__ import annotations

import re
from typing import Mapping

CAPTIONS = {  # figure file stem -> what a reader is told it shows (index page)
    "map": "Map of the places mentioned",
    "timeline": "Timeline of dated events",
    "claims_ledger": "Who claims how many",
    "reference_series": "Claimed losses against the official series",
    "rewrite_summary": "Rewrite and duplicate pairs: what the copy kept, changed and dropped",
    "events_by_type": "Events by type",
}
_PAIR_STEM = re.compile(r"^rewrite_([0-9a-f]{8})_([0-9a-f]{8})$")


def caption(stem: str, labels: Mapping[str, str] | None = None) -> str:
    """A human caption for the figure file ``stem`` (``labels``: article_id -> article label, for pair figures)."""
    if stem in CAPTIONS:
        return CAPTIONS[stem]
    pair = _PAIR_STEM.match(stem)
    if pair:
        def name(prefix: str) -> str:
            found = [label for aid, label in (labels or {}).items() if aid.startswith(prefix)]
            return f"“{found[0]}”" if len(found) == 1 else f"article {prefix}…"
        return f"What a rewrite changed: {name(pair.group(1))} → {name(pair.group(2))}"
    return stem.replace("_", " ")
