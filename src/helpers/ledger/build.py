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

import re
from collections import namedtuple
from typing import Iterable

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from spacy.tokens import Doc
from spacy.util import filter_spans

from helpers.rewrites import inference
from helpers.core import schemas
from helpers.core.stage import doc_article_id, doc_text_key, loaded, per_article, row_digest, rows_by_article
from helpers.ledger import claimdates, topics

CLAIM_COLUMNS = schemas.CLAIMS.column_names  # the claims contract, never re-listed


def _check(df: pd.DataFrame, cols: Iterable[str], name: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{name} frame lacks columns {missing}")


def _apply_entities(doc: Doc, ents: pd.DataFrame) -> None:
    """Replace the doc's entities by the ``entities`` table's (rule-corrected) ones."""
    spans = []
    for start, end, label in _columns(ents, "start_char", "end_char", "label"):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    if spans:
        doc.ents = filter_spans(spans)


def _docs_by_article(claims: pd.DataFrame, docs: Iterable[Doc], entities: pd.DataFrame | None) -> dict[str, Doc]:
    """The saved parses of the claims' articles, their entities replaced by the ``entities`` table's."""
    wanted = set(claims["article_id"])
    by_doc = {doc_article_id(d): d for d in docs if doc_article_id(d) in wanted}
    if entities is not None and len(entities):
        _check(entities, ("article_id", "start_char", "end_char", "label"), "entities")
        for aid, g in entities[entities["article_id"].isin(list(by_doc))].groupby("article_id"):
            _apply_entities(by_doc[aid], g)
    return by_doc


def claim_owners(claims: pd.DataFrame, docs: Iterable[Doc] | dict, entities: pd.DataFrame | None = None) -> pd.Series:
    """Owner (rules 1–2 of :mod:`helpers.ledger.topics`) per ``claim_id``; None when not found.

    ``docs`` are the article parses saved by notebook 02 (``docs.spacy``, each with
    ``user_data["article_id"]``), or :func:`_docs_by_article`'s dict: nothing is parsed again. A
    claim whose article has no parse gets no owner from these rules.
    """
    _check(claims, CLAIM_COLUMNS, "claims")
    by_doc = docs if isinstance(docs, dict) else _docs_by_article(claims, docs, entities)
    owners = [topics.sentence_owner(by_doc[aid], start, end) if aid in by_doc else None
              for aid, start, end in _columns(claims, "article_id", "start_char", "end_char")]
    return pd.Series(owners, index=claims["claim_id"].tolist(), dtype="object")


def fill_from_context(claims: pd.DataFrame, owners: pd.Series,
                      max_gap: int = topics.CONTEXT_SENTENCES) -> pd.Series:
    """Rule 3: a claim without owner takes the owner of the nearest earlier (else later)
    claim in the same article, at most ``max_gap`` sentences away, with the same unit class
    and category."""
    filled = owners.copy()
    for g in _context_groups(claims, owners):
        known = [(sid, owner) for _, sid, owner in g if isinstance(owner, str)]
        for cid, sid, owner in g:
            if isinstance(owner, str):
                continue
            near = [(s, o) for s, o in known if abs(s - sid) <= max_gap]
            before = [o for s, o in near if s <= sid]
            after = [o for s, o in near if s > sid]
            if before or after:
                filled[cid] = before[-1] if before else after[0]
    return filled


def _context_groups(claims: pd.DataFrame, owners: pd.Series) -> list[list[tuple]]:
    """The claims :func:`fill_from_context` fills from one another, as ``(claim_id, sentence_id, owner)`` lists:
    what ``claims.sort_values("start_char").groupby(["article_id", unit key, "category"], sort=False)`` yields — the
    same sort (NumPy's default argsort of the offsets, which pandas calls), groups in order of first appearance, a
    claim with a missing key in none (groupby's ``dropna``) — from column lists, without a frame per group (pandas'
    ``itertuples`` took ~3 ms a group, most of the stage's time)."""
    starts = claims["start_char"].to_numpy()
    if starts.dtype.kind not in "iu":  # not plain integers (nulls): pandas' own sort and grouping
        df = claims.assign(owner_=owners.values, unit_key_=[topics.unit_key(u, r) for u, r in zip(claims.unit, claims.rate)])
        return [list(zip(g["claim_id"], g["sentence_id"], g["owner_"])) for _, g in
                df.sort_values("start_char").groupby(["article_id", "unit_key_", "category"], sort=False)]
    order = np.argsort(starts, kind="quicksort").tolist()  # pandas' sort_values: nargsort, the default kind
    cols = list(_columns(claims, "article_id", "unit", "rate", "category", "claim_id", "sentence_id"))
    values = owners.tolist()
    groups: dict[tuple, list[tuple]] = {}
    for k in order:
        aid, unit, rate, category, cid, sid = cols[k]
        if pd.isna(aid) or pd.isna(category):
            continue
        groups.setdefault((aid, topics.unit_key(unit, rate), category), []).append((cid, sid, values[k]))
    return list(groups.values())


def _columns(df: pd.DataFrame, *names: str):
    """``df``'s values in the columns ``names``, row by row (the values ``itertuples`` gives, from a few columns
    rather than every one: pandas builds a Series per column and a namedtuple class per call)."""
    return zip(*(df[n].tolist() for n in names))


_ClaimRow = namedtuple("_ClaimRow", "claim_id unit category start_char end_char rate")


def figure_kind(claim, doc: Doc | None = None) -> str:
    """total | rate | part | share of one claim.

    ``rate``: a stated rate (``claims.rate``), or a rate cue (``rate_cues`` in
    ``ledger/rules/ledger_rules.json``: "in the past day", "per day" …) that modifies the figure in
    its own clause of the parse (:func:`helpers.ledger.topics.modifies_figure` — by the dependency
    tree, whatever commas stand between); ``share``: a percentage; ``part``: the figure counted
    inside a part cue (``part_cues``: "the first batch of", "including", "another", "of whom";
    :func:`helpers.ledger.topics.governs_figure`), or the count of one episode (``episode_cues``: "in a
    single battle", modifying the figure in its clause); else ``total``. Without the article's parse
    (``doc`` None) only the stated rate and the percentage are known: the kind is then rate, share
    or total."""
    if isinstance(claim.rate, str) and claim.rate.strip():
        return "rate"
    if claim.category == "percent" or (claim.unit or "") in ("percent", "%"):
        return "share"
    if doc is None:
        return "total"
    cfg = claimdates.ledger_rules()
    if topics.has_cue(doc, claim.start_char, claim.end_char, cfg["rate_cues"]):
        return "rate"
    if topics.has_cue(doc, claim.start_char, claim.end_char, cfg["part_cues"], topics.governs_figure):
        return "part"
    if topics.has_cue(doc, claim.start_char, claim.end_char, cfg["episode_cues"]):
        return "part"  # the count of one episode ("killed 5,000 troops in a single battle"), not the total
    return "total"


def topic_table(claims: pd.DataFrame, docs: Iterable[Doc], entities: pd.DataFrame | None = None,
                cache: bool = False) -> pd.DataFrame:
    """Per claim (index ``claim_id``): ``topic``, ``topic_reason``, ``figure_kind``.

    Topic = ``owner | thing | category | kind | event``: the owner (:mod:`helpers.ledger.topics`
    rules 1–3); the counted thing — the unit class with the modifiers that say which things
    (:func:`helpers.ledger.topics.thing_modifiers`: "artillery system", "contract soldier") and any
    stated rate; the category; the kind of figure (a share adds its base, "share of voter"); and what
    happened to the things (:func:`helpers.ledger.topics.counted_event`: lost, deployed, supplied …).
    A claim for which a part cannot be found — no owner, no event, a percentage without a stated
    base, or no parse — stays alone (its topic ends in its own claim_id): it is never forced into a
    topic.

    Everything up to the two cross-article rules (``event_place``, ``one_sentence``) depends on one article alone
    (its claims, its entities, its parse): :func:`_article_topics` computes it article by article through the
    per-article guard. ``docs`` may be :class:`~helpers.core.stage.LazyItem` s (``doccache.lazy_docs``); with
    ``cache`` (the stage's :func:`helpers.ledger.run`) each article's rows are kept in the per-article cache
    (:mod:`helpers.core.artcache`) under its text, its claims and entities rows and the gazetteer, and a doc is
    built only for an article computed again."""
    cols = ["topic", "topic_reason", "figure_kind"]
    if claims.empty:
        return pd.DataFrame(columns=cols)
    _check(claims, CLAIM_COLUMNS, "claims")
    wanted = set(claims["article_id"])
    items = {doc_article_id(d): d for d in docs if doc_article_id(d) in wanted}
    # each article's rows by position, its frame taken only when it is computed (every group's frame: 0.2 s)
    claims_at = claims.groupby("article_id", sort=False).indices
    ents, ents_at = None, {}
    if entities is not None and len(entities):
        _check(entities, ("article_id", "start_char", "end_char", "label"), "entities")
        ents = entities[entities["article_id"].isin(list(items))]
        ents_at = ents.groupby("article_id", sort=False).indices
    ordered = list(dict.fromkeys(claims["article_id"]))
    inputs = None
    gaz = _gazetteer_id() if cache else None
    if gaz is not None:  # without a gazetteer to name, results are not cached
        claim_rows = rows_by_article(claims[CLAIM_COLUMNS])
        ent_rows = rows_by_article(entities[["article_id", "start_char", "end_char", "label"]]) if ents_at else {}

        def inputs(aid):
            return (doc_text_key(items[aid]) if aid in items else None,
                    (row_digest(claim_rows, aid), row_digest(ent_rows, aid), gaz))
    done, errors = per_article(ordered, lambda aid: aid,
                               lambda aid: _article_topics(claims.iloc[claims_at[aid]], items.get(aid),
                                                           ents.iloc[ents_at[aid]] if aid in ents_at else None),
                               "07 ledger topics", inputs)
    if errors:  # no per-article failure is tolerated here: the ledger needs every claim's topic
        raise ValueError(f"ledger topics: article {errors[0][0]} failed: {errors[0][1]}")
    by_claim = {cid: row for _, rows in done for cid, *row in rows}
    ids = claims["claim_id"].tolist()
    table = pd.DataFrame([by_claim[cid][:3] for cid in ids], columns=cols, index=ids)
    places = pd.Series([by_claim[cid][3] for cid in ids], index=ids, dtype="object")
    return _one_sentence_rivals_alone(_split_by_place(table, places), claims)


def _gazetteer_id() -> str | None:
    """What identifies the gazetteer the topic rules read (its ``meta.json``), for the per-article cache key."""
    folder = getattr(topics.gazetteer.load(), "folder", None)
    meta = folder / "meta.json" if folder is not None else None
    return meta.read_text() if meta is not None and meta.exists() else None


def _article_topics(claims: pd.DataFrame, item, entities: pd.DataFrame | None) -> list[tuple]:
    """``(claim_id, topic, topic_reason, figure_kind, place)`` for the claims of one article (rules 1–3 of the owner,
    the counted thing, kind and event; the place the cross-article rule ``event_place`` compares). ``item``: the
    article's saved parse (a doc or a lazy one) or None; ``entities``: its rows of the ``entities`` table, which
    replace the parse's own."""
    doc = loaded(item) if item is not None else None
    by_doc = {}
    if doc is not None:
        if entities is not None and len(entities):
            _apply_entities(doc, entities)
        by_doc[claims["article_id"].iloc[0]] = doc
    parsed = claim_owners(claims, by_doc)
    owners = fill_from_context(claims, parsed)
    cfg = claimdates.ledger_rules()
    rows = []
    for c in map(_ClaimRow._make, _columns(claims, *_ClaimRow._fields)):
        kind = figure_kind(c, doc)
        unit = topics.unit_key(c.unit)
        owner = owners[c.claim_id]
        event = base = place = None
        kind_key = kind
        if doc is not None:
            event = topics.counted_event(doc, c.start_char, c.end_char)
            event = cfg["category_events"].get(c.category, {}).get(event, event)  # rule ``category_event``: money sent is supplied
            words = set(unit.split())
            unit = topics.thing_key(" ".join([m for m in topics.thing_modifiers(doc, c.start_char, c.end_char) if m not in words] + [unit]))
            base = topics.share_base(doc, c.start_char, c.end_char) if kind == "share" else None
            if event is None and base is not None:  # rule ``share_stance``: what the share of people say or do
                stance = topics.share_stance(doc, c.start_char, c.end_char)
                event = f"stance: {stance}" if stance else None
            if event in cfg["placed_events"] or event in cfg["named_place_events"]:
                place = topics.event_place(doc, c.start_char, c.end_char, event)
            if event in cfg["aid_events"] and kind == "total":  # rule ``aid_kind``: a package is not a running total
                kind_key = topics.aid_kind(doc, c.start_char, c.end_char)
            if kind != "share" and topics.is_conditional(doc, c.start_char, c.end_char):
                kind_key = f"conditional {kind_key}"  # rule ``conditional``: what would be, apart from what is
        rate = c.rate.strip().lower() if isinstance(c.rate, str) and c.rate.strip() else None
        if rate is None and kind == "rate" and doc is not None:  # rule ``rate_period``: the cue's period
            rate = topics.rate_period(doc, c.start_char, c.end_char)
        if rate:
            unit = f"{unit} {rate}"
        if kind == "share":
            kind_key = f"share of {base or 'unknown base'}"
        topic = f"{topics.topic(owner, unit, c.category)} | {kind_key} | {event or '(no event)'}"
        missing = [why for why, lacking in (("no owner found", not isinstance(owner, str)),
                                            ("no parse of the article", doc is None),
                                            ("no counted event found", doc is not None and event is None),
                                            ("a percentage without a stated base", kind == "share" and doc is not None and base is None))
                   if lacking]
        described = f"unit class {unit}; {c.category}; {kind_key}; event {event or '(none)'}"
        if missing:
            rows.append((c.claim_id, f"{topic} | {c.claim_id}", f"alone: {', '.join(missing)}; {described}", kind, place))
            continue
        how = "sentence parse" if isinstance(parsed[c.claim_id], str) else "story context"
        rows.append((c.claim_id, topic, f"owner {owner} ({how}); {described}", kind, place))
    return rows


def _split_by_place(table: pd.DataFrame, places: pd.Series) -> pd.DataFrame:
    """Rule ``event_place``: a deployment (or displacement) to one place is not one to another, nor a loss
    in one named place one in another (``named_place_events``: "killed in X" / "killed in Y"). Where the
    claims of one topic state two or more different places (:func:`helpers.ledger.topics.event_place`), each
    place becomes part of the event ("deployed at poland"); a claim of that topic that states no place stays in
    the topic without one. A topic whose claims state one place or none keeps its name: nothing to tell apart."""
    grouped = table.assign(place=places)[~table["topic_reason"].str.startswith("alone")]
    for topic, g in grouped.groupby("topic"):
        if g["place"].dropna().nunique() < 2:
            continue
        for cid, place in g["place"].dropna().items():
            table.loc[cid, "topic"] = f"{topic} at {place}"
            table.loc[cid, "topic_reason"] = f"{table.loc[cid, 'topic_reason']}; place {place}"
    return table


def _one_sentence_rivals_alone(table: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Rule ``one_sentence``: a sentence does not give two values of one quantity (a range is one claim), so
    two claims of one topic from the same sentence with different values count different things the rules
    could not tell apart ("5.9 million within the country, and 5.7 million who fled"): both stay alone."""
    c = claims.set_index("claim_id").loc[table.index]
    key = pd.DataFrame({"topic": table["topic"], "article": c["article_id"], "sentence": c["sentence_id"], "value": c["value"]})
    clash = key.groupby(["topic", "article", "sentence"])["value"].transform("nunique") > 1
    for cid in table.index[clash.to_numpy()]:
        table.loc[cid, "topic"] = f"{table.loc[cid, 'topic']} | {cid}"
        table.loc[cid, "topic_reason"] = f"alone: another figure of its sentence has the same topic; {table.loc[cid, 'topic_reason']}"
    return table


def claim_topics(claims: pd.DataFrame, docs: Iterable[Doc], entities: pd.DataFrame | None = None) -> pd.Series:
    """``claim_id`` → topic (see :func:`topic_table`)."""
    if claims.empty:
        return pd.Series([], dtype="object")
    return topic_table(claims, docs, entities)["topic"]


def _sentence_dates(claims: pd.DataFrame, dates: pd.DataFrame | None) -> dict[str, tuple]:
    """claim_id → (date, inferred) from the nearest resolved date in the claim's sentence (the first of equally
    near ones in table order)."""
    if dates is None or dates.empty:
        return {}
    _check(dates, ("article_id", "sentence_id", "start_char", "start", "anchor_source", "relative"), "dates")
    d = dates[dates["start"].notna()]
    groups: dict[tuple, list] = {}
    for row in zip(d["article_id"].tolist(), d["sentence_id"].tolist(), d["start_char"].tolist(), d["start"].tolist(),
                   d["relative"].tolist(), d["anchor_source"].tolist()):
        groups.setdefault(row[:2], []).append(row[2:])
    out = {}
    for c in claims.itertuples(index=False):
        g = groups.get((c.article_id, c.sentence_id))
        if g is None:
            continue
        best = g[int(np.argsort(np.abs(np.array([r[0] for r in g]) - c.start_char))[0])]
        out[c.claim_id] = (best[1], bool(best[2]) and best[3] == "inferred")
    return out


def claims_ledger(claims: pd.DataFrame, topic_of: pd.Series | pd.DataFrame, metadata: pd.DataFrame,
                  dates: pd.DataFrame | None = None, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``claims_ledger`` table, sorted by topic, claimed_on and value.

    ``topic_of``: :func:`topic_table` (or a bare topic Series: reason and kind then derived here).
    ``articles`` (their texts) lets :mod:`helpers.ledger.claimdates` find reporting-event dates."""
    if claims.empty:
        return schemas.CLAIMS_LEDGER.empty()
    if isinstance(topic_of, pd.Series):
        topic_of = pd.DataFrame({"topic": topic_of, "topic_reason": "given",
                                 "figure_kind": [figure_kind(c) for c in claims.set_index("claim_id").loc[topic_of.index].reset_index().itertuples(index=False)]},
                                index=topic_of.index)
    anchors = inference.date_anchors(metadata).set_index("article_id")
    anchor_of = dict(zip(anchors.index, zip(anchors["anchor"].tolist(), anchors["anchor_source"].tolist())))
    topic_rows = dict(zip(topic_of.index, zip(topic_of["topic"].tolist(), topic_of["figure_kind"].tolist(),
                                              topic_of["topic_reason"].tolist())))
    outlets = inference.outlet_of(metadata)
    in_sentence = _sentence_dates(claims, dates)
    texts = dict(zip(articles["article_id"], articles["text"])) if articles is not None else {}
    two_dates = claimdates.claim_dates(claims, dates, texts, anchors)
    rows = []
    for c in claims.itertuples(index=False):
        if c.claim_id in in_sentence:
            claim_date, inferred = in_sentence[c.claim_id]
        elif c.article_id in anchor_of:
            anchor, source = anchor_of[c.article_id]
            claim_date, inferred = anchor, source == "inferred"
        else:
            claim_date, inferred = None, False
        (topic, kind, reason), d = topic_rows[c.claim_id], two_dates[c.claim_id]
        rows.append(dict(topic=_period_topic(topic, kind, d), claim_id=c.claim_id, article_id=c.article_id, value=c.value,
                         value_low=c.value_low, value_high=c.value_high, qualifier=c.qualifier, unit=c.unit,
                         category=c.category, claimant=c.claimant, claim_date=claim_date,
                         claim_date_inferred=bool(inferred), claimed_on=d.claimed_on,
                         claimed_on_source=d.claimed_on_source, refers_to_start=d.refers_to_start,
                         refers_to_end=d.refers_to_end, refers_to_precision=d.refers_to_precision,
                         figure_kind=kind, topic_reason=reason,
                         outlet=outlets.get(c.article_id, (None, False))[0], text=c.text, sentence=c.sentence))
    df = pd.DataFrame(rows, columns=schemas.CLAIMS_LEDGER.column_names)
    order = df.assign(_d=pd.to_datetime(df["claimed_on"]))
    order = order.sort_values(["topic", "_d", "value", "claim_id"], na_position="last")
    return order.drop(columns="_d").reset_index(drop=True)


def _period_topic(topic: str, kind: str, d: claimdates.ClaimDates) -> str:
    """The time of a figure as part of its topic, three rules:

    * ``period_count``: a total counted over a stated period ("since January 1", "from March") is not the
      same quantity as a total without one: its topic's kind becomes "count since <start>";
    * ``package_month``: a package (rule ``aid_kind``) is one announcement: its kind becomes "package of
      <month claimed>", so two packages of one owner announced in different months stay apart; a part of aid
      ("another $1 billion", "a further $205 million") is one tranche: "part of <month claimed>";
    * ``event_year``: a deployment or displacement (``placed_events``) the sentence dates in another year
      than the claim's ("sending 130,000 troops in 2003") gets that year: "deployed in 2003"."""
    parts = topic.split(" | ")
    if len(parts) < 5:
        return topic
    condition = "conditional " if parts[3].startswith("conditional ") else ""  # rule ``conditional`` stays first
    parts[3] = parts[3][len(condition):]
    if kind == "total" and d.opens_period and d.refers_to_start is not None:
        parts[3] = f"count since {pd.Timestamp(d.refers_to_start).date().isoformat()}"
    elif parts[3] in ("package", "unstated") and d.claimed_on is not None:
        parts[3] = f"{parts[3]} of {pd.Timestamp(d.claimed_on).strftime('%Y-%m')}"
    elif parts[3] == "part" and parts[4] in claimdates.ledger_rules()["aid_events"] and d.claimed_on is not None:
        parts[3] = f"part of {pd.Timestamp(d.claimed_on).strftime('%Y-%m')}"  # "another $1 billion": one tranche
    parts[3] = condition + parts[3]
    event = parts[4].split(" at ")[0]
    if event in claimdates.ledger_rules()["placed_events"] and d.refers_to_start is not None and d.claimed_on is not None \
            and pd.Timestamp(d.refers_to_start).year != pd.Timestamp(d.claimed_on).year:
        parts[4] = f"{parts[4]} in {pd.Timestamp(d.refers_to_start).year}"
    return " | ".join(parts)


def _open_range(c) -> tuple[float, float]:
    """The values a claim allows: its range, open above for at_least / more_than, below for up_to / less_than."""
    lo, hi = c.value_low, c.value_high
    if c.qualifier in ("at_least", "more_than"):
        hi = float("inf")
    if c.qualifier in ("up_to", "less_than"):
        lo = float("-inf")
    return lo, hi


def agreement(a, b) -> str:
    """same | different_value | different_qualifier | different_claimant, checked in that order (two unnamed
    noun-phrase claimants, ``schemas.phrase_claimant``, are different claimants even when worded alike). A ``vague`` figure
    ("tens of thousands") is compared by its range: a value inside it is no different value, only a different
    qualifier."""
    if "vague" in (a.qualifier, b.qualifier):
        (lo_a, hi_a), (lo_b, hi_b) = _open_range(a), _open_range(b)
        if hi_a < lo_b or hi_b < lo_a:
            return "different_value"
    elif (a.value, a.value_low, a.value_high) != (b.value, b.value_low, b.value_high):
        return "different_value"
    if a.qualifier != b.qualifier:
        return "different_qualifier"
    if a.claimant != b.claimant or schemas.phrase_claimant(a.claimant):
        return "different_claimant"  # "(officials)" in two articles: nothing says they are the same officials
    return "same"


def _base(topic: str) -> str:
    """owner | thing | category | event of a topic (its kind dropped): a part and a total of it."""
    parts = topic.split(" | ")
    return " | ".join(parts[:3] + parts[4:5])


def _link(a, b, topic, agreement_):
    return dict(claim_a=a.claim_id, claim_b=b.claim_id, article_a=a.article_id, article_b=b.article_id, topic=topic,
                agreement=agreement_, similarity=round(fuzz.token_set_ratio(a.sentence, b.sentence) / 100.0, 4))


def claim_links(ledger: pd.DataFrame) -> pd.DataFrame:
    """Every pair of claims of one topic from different articles (same / different value, qualifier,
    claimant), and every part (``figure_kind`` part) with a total of the same owner, unit and
    category in another article (``part_of``, under the total's topic).

    Topics (and bases) in sorted order, claims by ``claim_id`` within each; the ledger is read once as records
    (indexing a frame group by group cost seconds on a few hundred topics)."""
    rows = []
    recs = sorted((r for r in ledger.itertuples(index=False) if isinstance(r.topic, str)), key=lambda r: r.claim_id)
    by_topic: dict[str, list] = {}
    for r in recs:
        by_topic.setdefault(r.topic, []).append(r)
    for topic in sorted(by_topic):
        group = by_topic[topic]
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.article_id != b.article_id:
                    rows.append(_link(a, b, topic, agreement(a, b)))
    if "figure_kind" in ledger.columns:
        by_base: dict[str, list] = {}
        for r in recs:  # a claim alone is compared with nothing, parts included
            if r.figure_kind in ("part", "total") and not ("topic_reason" in ledger.columns
                                                            and str(r.topic_reason).startswith("alone")):
                by_base.setdefault(_base(r.topic), []).append(r)
        for base in sorted(by_base):
            group = by_base[base]
            for p in (r for r in group if r.figure_kind == "part"):
                for t in (r for r in group if r.figure_kind == "total"):
                    if p.article_id != t.article_id and p.value <= t.value:
                        rows.append(_link(p, t, t.topic, "part_of"))
    if not rows:
        return schemas.CLAIM_LINKS.empty()
    return pd.DataFrame(rows, columns=schemas.CLAIM_LINKS.column_names)
