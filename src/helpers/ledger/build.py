"""Who said how many: the ``claims_ledger`` and ``claim_links`` tables.

Each claim gets a normalised topic (:mod:`helpers.ledger.topics`) from the saved parse of its
article (``docs.spacy``, written by 02 — parsed once, never again here); the entities of the
``entities`` table (rule-corrected by 02_sentences_entities) replace the parse's own entities. Claims sharing a topic are
the same quantity as far as these general rules can tell; ``claim_links`` compares them
across articles.

Dates: a claim is dated by the nearest resolved time expression in its sentence
(``dates``), else by its article's date — stated, else inferred (``article_metadata``).
``claim_date_inferred`` is True whenever the date rests on an inferred article date.
"""
from __future__ import annotations

from typing import Iterable

import pandas as pd
from rapidfuzz import fuzz
from spacy.tokens import Doc
from spacy.util import filter_spans

from helpers.rewrites import inference
from helpers.core import schemas
from helpers.core.stage import doc_article_id
from helpers.ledger import topics

CLAIM_COLUMNS = schemas.CLAIMS.column_names  # the claims contract, never re-listed


def _check(df: pd.DataFrame, cols: Iterable[str], name: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} frame lacks columns {missing}")


def _apply_entities(doc: Doc, ents: pd.DataFrame) -> None:
    """Replace the doc's entities by the ``entities`` table's (rule-corrected) ones."""
    spans = []
    for e in ents.itertuples(index=False):
        span = doc.char_span(e.start_char, e.end_char, label=e.label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    if spans:
        doc.ents = filter_spans(spans)


def claim_owners(claims: pd.DataFrame, docs: Iterable[Doc], entities: pd.DataFrame | None = None) -> pd.Series:
    """Owner (rules 1–2 of :mod:`helpers.ledger.topics`) per ``claim_id``; None when not found.

    ``docs`` are the article parses saved by notebook 02 (``docs.spacy``, each with
    ``user_data["article_id"]``): nothing is parsed again. A claim whose article has no parse
    gets no owner from these rules.
    """
    _check(claims, CLAIM_COLUMNS, "claims")
    wanted = set(claims["article_id"])
    by_doc = {doc_article_id(d): d for d in docs if doc_article_id(d) in wanted}
    if entities is not None and len(entities):
        _check(entities, ("article_id", "start_char", "end_char", "label"), "entities")
        for aid, g in entities[entities["article_id"].isin(list(by_doc))].groupby("article_id"):
            _apply_entities(by_doc[aid], g)
    owners = [topics.sentence_owner(by_doc[c.article_id], c.start_char, c.end_char) if c.article_id in by_doc else None
              for c in claims.itertuples(index=False)]
    return pd.Series(owners, index=claims["claim_id"].tolist(), dtype="object")


def fill_from_context(claims: pd.DataFrame, owners: pd.Series,
                      max_gap: int = topics.CONTEXT_SENTENCES) -> pd.Series:
    """Rule 3: a claim without owner takes the owner of the nearest earlier (else later)
    claim in the same article, at most ``max_gap`` sentences away, with the same unit class
    and category."""
    filled = owners.copy()
    df = claims.assign(owner_=owners.values, unit_key_=[topics.unit_key(u, r) for u, r in zip(claims.unit, claims.rate)])
    for _, g in df.sort_values("start_char").groupby(["article_id", "unit_key_", "category"], sort=False):
        known = [(r.sentence_id, r.owner_) for r in g.itertuples(index=False) if isinstance(r.owner_, str)]
        for r in g.itertuples(index=False):
            if isinstance(r.owner_, str):
                continue
            near = [(s, o) for s, o in known if abs(s - r.sentence_id) <= max_gap]
            before = [o for s, o in near if s <= r.sentence_id]
            after = [o for s, o in near if s > r.sentence_id]
            if before or after:
                filled[r.claim_id] = before[-1] if before else after[0]
    return filled


def claim_topics(claims: pd.DataFrame, docs: Iterable[Doc], entities: pd.DataFrame | None = None) -> pd.Series:
    """``claim_id`` → ``"owner | unit | category"``."""
    if claims.empty:
        return pd.Series([], dtype="object")
    owners = fill_from_context(claims, claim_owners(claims, docs, entities))
    return pd.Series([topics.topic(owners[c.claim_id], topics.unit_key(c.unit, c.rate), c.category)
                      for c in claims.itertuples(index=False)], index=claims["claim_id"].tolist(), dtype="object")


def _sentence_dates(claims: pd.DataFrame, dates: pd.DataFrame | None) -> dict[str, tuple]:
    """claim_id → (date, inferred) from the nearest resolved date in the claim's sentence."""
    if dates is None or dates.empty:
        return {}
    _check(dates, ("article_id", "sentence_id", "start_char", "start", "anchor_source", "relative"), "dates")
    d = dates[dates["start"].notna()]
    groups = {k: g for k, g in d.groupby(["article_id", "sentence_id"])}
    out = {}
    for c in claims.itertuples(index=False):
        g = groups.get((c.article_id, c.sentence_id))
        if g is None:
            continue
        best = g.iloc[(g["start_char"] - c.start_char).abs().argsort().iloc[0]]
        out[c.claim_id] = (best["start"], bool(best["relative"]) and best["anchor_source"] == "inferred")
    return out


def claims_ledger(claims: pd.DataFrame, topic_of: pd.Series, metadata: pd.DataFrame,
                  dates: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``claims_ledger`` table, sorted by topic, date and value."""
    if claims.empty:
        return schemas.CLAIMS_LEDGER.empty()
    anchors = inference.date_anchors(metadata).set_index("article_id")
    outlets = inference.outlet_of(metadata)
    in_sentence = _sentence_dates(claims, dates)
    rows = []
    for c in claims.itertuples(index=False):
        if c.claim_id in in_sentence:
            claim_date, inferred = in_sentence[c.claim_id]
        elif c.article_id in anchors.index:
            a = anchors.loc[c.article_id]
            claim_date, inferred = a["anchor"], a["anchor_source"] == "inferred"
        else:
            claim_date, inferred = None, False
        rows.append(dict(topic=topic_of[c.claim_id], claim_id=c.claim_id, article_id=c.article_id, value=c.value,
                         value_low=c.value_low, value_high=c.value_high, qualifier=c.qualifier, unit=c.unit,
                         category=c.category, claimant=c.claimant, claim_date=claim_date,
                         claim_date_inferred=bool(inferred), outlet=outlets.get(c.article_id, (None, False))[0],
                         text=c.text, sentence=c.sentence))
    df = pd.DataFrame(rows, columns=schemas.CLAIMS_LEDGER.column_names)
    order = df.assign(_d=pd.to_datetime(df["claim_date"]))
    order = order.sort_values(["topic", "_d", "value", "claim_id"], na_position="last")
    return order.drop(columns="_d").reset_index(drop=True)


def agreement(a, b) -> str:
    """same | different_value | different_qualifier | different_claimant, checked in that order."""
    if (a.value, a.value_low, a.value_high) != (b.value, b.value_low, b.value_high):
        return "different_value"
    if a.qualifier != b.qualifier:
        return "different_qualifier"
    if a.claimant != b.claimant:
        return "different_claimant"
    return "same"


def claim_links(ledger: pd.DataFrame) -> pd.DataFrame:
    """Every pair of claims with the same topic from different articles."""
    rows = []
    for topic, g in ledger.groupby("topic", sort=True):
        recs = list(g.sort_values("claim_id").itertuples(index=False))
        for i, a in enumerate(recs):
            for b in recs[i + 1:]:
                if a.article_id == b.article_id:
                    continue
                rows.append(dict(claim_a=a.claim_id, claim_b=b.claim_id, article_a=a.article_id,
                                 article_b=b.article_id, topic=topic, agreement=agreement(a, b),
                                 similarity=round(fuzz.token_set_ratio(a.sentence, b.sentence) / 100.0, 4)))
    if not rows:
        return schemas.CLAIM_LINKS.empty()
    return pd.DataFrame(rows, columns=schemas.CLAIM_LINKS.column_names)
