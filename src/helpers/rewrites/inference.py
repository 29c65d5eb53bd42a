"""Metadata an article lacks, inferred from the article it derives from (``article_metadata``).

An article with no stated date or outlet that is a *duplicate* or *rewrite* of another, and
is the derived side of that pair (:func:`helpers.rewrites.pairs.direction`), takes the source's
date and outlet — stated values of the source, or values the source itself inherited (the
chain is followed, cycles are cut). Inferred values live in their own columns
(``published_inferred``, ``outlet_inferred``) and are never written over stated ones. When
an article derives from several sources, the one containing most of it wins.

:func:`date_anchors` gives later stages (relative dates, the claims ledger) one anchor date
per article and says whether it is stated or inferred.
"""
from __future__ import annotations

import pandas as pd

from helpers.core import schemas

INFERRING_RELATIONS = ("duplicate", "rewrite")


def _missing(value) -> bool:
    return value is None or (not isinstance(value, str) and pd.isna(value)) or (isinstance(value, str) and not value.strip())


def source_of(pairs: pd.DataFrame) -> dict[str, str]:
    """derived article → the article it copies (best-contained source when several)."""
    if pairs.empty:
        return {}
    p = pairs[pairs["relation"].isin(INFERRING_RELATIONS) & pairs["derived"].notna()]
    best: dict[str, tuple[float, str]] = {}
    for r in p.itertuples(index=False):
        if r.derived == r.article_a:
            src, share = r.article_b, r.containment_a_in_b
        elif r.derived == r.article_b:
            src, share = r.article_a, r.containment_b_in_a
        else:
            continue
        if r.derived not in best or (share, src) > best[r.derived]:
            best[r.derived] = (share, src)
    return {d: s for d, (_, s) in best.items()}


def _inherit(article_id: str, field: str, stated: dict[str, dict], sources: dict[str, str]):
    """Walk the source chain until an article states ``field``; (value, article) or (None, None)."""
    seen = {article_id}
    current = sources.get(article_id)
    while current is not None and current not in seen:
        value = stated.get(current, {}).get(field)
        if not _missing(value):
            return value, current
        seen.add(current)
        current = sources.get(current)
    return None, None


def infer_metadata(articles: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """The ``article_metadata`` table: one row per article, stated and inferred side by side."""
    for col in ("article_id", "published", "outlet"):
        if col not in articles.columns:
            raise ValueError(f"articles frame lacks column {col!r}")
    stated = {r.article_id: {"published": r.published, "outlet": r.outlet}
              for r in articles.itertuples(index=False)}
    sources = source_of(pairs)
    rows = []
    for aid, meta in stated.items():
        pub_inf = out_inf = inferred_from = None
        if _missing(meta["published"]):
            pub_inf, frm = _inherit(aid, "published", stated, sources)
            inferred_from = frm or inferred_from
        if _missing(meta["outlet"]):
            out_inf, frm = _inherit(aid, "outlet", stated, sources)
            inferred_from = inferred_from or frm
        rows.append(dict(article_id=aid,
                         published=None if _missing(meta["published"]) else meta["published"],
                         published_inferred=pub_inf,
                         outlet=None if _missing(meta["outlet"]) else meta["outlet"],
                         outlet_inferred=out_inf, inferred_from=inferred_from))
    if not rows:
        return schemas.ARTICLE_METADATA.empty()
    return pd.DataFrame(rows, columns=schemas.ARTICLE_METADATA.column_names)


def date_anchors(metadata: pd.DataFrame) -> pd.DataFrame:
    """Per article: ``anchor`` (stated date, else inferred) and ``anchor_source``
    (published | inferred | none), the values the ``dates`` table records."""
    def pick(r):
        if not _missing(r.published):
            return r.published, "published"
        if not _missing(r.published_inferred):
            return r.published_inferred, "inferred"
        return None, "none"
    picked = [pick(r) for r in metadata.itertuples(index=False)]
    return pd.DataFrame({"article_id": metadata["article_id"].tolist(),
                         "anchor": [p[0] for p in picked],
                         "anchor_source": [p[1] for p in picked]})


def outlet_of(metadata: pd.DataFrame) -> dict[str, tuple[str | None, bool]]:
    """article → (outlet stated, else inferred; True when inferred)."""
    out = {}
    for r in metadata.itertuples(index=False):
        if not _missing(r.outlet):
            out[r.article_id] = (r.outlet, False)
        elif not _missing(r.outlet_inferred):
            out[r.article_id] = (r.outlet_inferred, True)
        else:
            out[r.article_id] = (None, False)
    return out
