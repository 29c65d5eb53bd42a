"""The ``events`` table: one row per sentence that reports something happening.

Type (taxonomy and trigger words in ``time/rules/event_types.json``):
deployment (troop movement, mobilisation, withdrawal), strike (missiles,
drones, shelling, explosions), ground_assault (fighting, advances, captures),
casualties (people or equipment killed, wounded, lost), statement (reported
speech and nothing else), diplomacy (meetings, visits, talks, agreements,
sanctions), aid (weapons or aid packages and supplies), other.

Rules, all on the parse of the sentence:

1. Every verb whose lemma is in a type's verb list, and every noun in a type's
   noun list, is a *trigger*. A transfer verb ("send", "provide", "deliver")
   takes its type from its direct object: materiel (weapons, aid, shells) →
   aid, personnel (troops, soldiers, brigades) → deployment.
2. A trigger noun that is the direct object of a verb ("announced a $400m
   package") is ranked at that verb's depth.
3. A negated verb or one under a hypothetical modal ("did not send",
   "could deploy") is not a trigger, nor is a noun it governs, nor a noun
   with "no" ("there was no invasion").
4. Statement triggers ("said", "told") only decide when nothing else does:
   "Russia struck Kyiv, officials said" is a strike.
5. Among the rest verbs (and nouns ranked as verbs by rule 2) come before
   nouns, then the shallowest in the dependency tree, then the lexicon's type
   order, then the earliest.
6. A sentence with no trigger is an event of type ``other`` when it has a
   resolved time expression and a main verb; otherwise it is not an event.

Date: the sentence's time expression nearest to the trigger (resolved ones
first); a statement takes only an expression attached to its own verb ("Kirby
said on Wednesday"), not one inside what was said. Places: the ``places``
rows of the sentence with a gazetteer name.
Actors: canonical people, organisations and groups (``entities``) in the
sentence, plus a country or region that is the trigger verb's subject
("Ukraine struck …").
"""
from __future__ import annotations

import bisect
import functools
import math
from dataclasses import dataclass
from typing import Iterable

import pandas as pd
from spacy.attrs import LEMMA, POS
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from helpers.core import rules, schemas
from helpers.core.stage import row_digest, rows_by_article, rows_per_article
from helpers.time.table import sentence_index_for, sentence_indexes
from helpers.text.sentences import SentenceIndex
from helpers.time.tense import governing_verb

STATEMENT, OTHER, AID, DEPLOYMENT = "statement", "other", "aid", "deployment"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]
    order: tuple[str, ...]
    transfer_verbs: frozenset
    personnel: frozenset
    materiel: frozenset
    actor_labels: frozenset
    subject_actor_labels: frozenset
    phrasal: dict[str, str]
    non_factual_modals: frozenset


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = rules.load_json("time", "event_types.json")
    verbs, nouns = {}, {}
    for name, spec in data["types"].items():
        if name not in schemas.EVENT_TYPES:
            raise ValueError(f"events_lexicon.json: type {name!r} is not in schemas.EVENT_TYPES")
        for lemma in spec["verbs"]:
            verbs.setdefault(lemma, name)
        for lemma in spec["nouns"]:
            nouns.setdefault(lemma, name)
    return Lexicon(verbs, nouns, tuple(data["types"]), frozenset(data["transfer_verbs"]),
                   frozenset(data["personnel_nouns"]), frozenset(data["materiel_nouns"]),
                   frozenset(data["actor_labels"]), frozenset(data["subject_actor_labels"]),
                   {k: v for k, v in data["phrasal_verbs"].items() if not k.startswith("_")},
                   frozenset(data["non_factual_modals"]))


@dataclass(frozen=True)
class Trigger:
    type: str
    token: Token
    rank: tuple  # smaller wins


def _depth(token: Token) -> int:
    d = 0
    while token.head.i != token.i and d < 50:
        token, d = token.head, d + 1
    return d


def _object_lemmas(verb: Token) -> list[str]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    objs += [g for o in objs for g in o.children if g.dep_ == "conj"]
    out = []
    for o in objs:
        out.append(o.lemma_.lower())
        out += [g.lemma_.lower() for g in o.children if g.dep_ == "prep" for g in g.children if g.dep_ == "pobj"]  # "batch of troops"
    return out


def _transfer_type(verb: Token, lex: Lexicon) -> str | None:
    objects = _object_lemmas(verb)
    if any(o in lex.materiel for o in objects):
        return AID
    if any(o in lex.personnel for o in objects):
        return DEPLOYMENT
    return None


def _factual(verb: Token, lex: Lexicon) -> bool:
    """False for a negated verb or one under a hypothetical modal ("did not send", "could deploy")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return True
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lex.non_factual_modals):
            return False
    return True


TRIGGER_CANDIDATES = True  # session 21, speed only: visit only the tokens that can be triggers; a switch to measure it


def trigger_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens :func:`find_triggers` can take, in order: verbs, and nouns and proper nouns whose
    lower-cased lemma is a trigger noun (every other token is passed over there), read from ``doc.to_array``."""
    nouns, strings = lexicon().nouns, doc.vocab.strings
    lowered: dict[int, str] = {}
    out = []
    for i, (pos, lemma) in enumerate(doc.to_array([POS, LEMMA]).tolist()):
        if pos == VERB:
            out.append(i)
        elif pos == NOUN or pos == PROPN:
            word = lowered.get(lemma)
            if word is None:
                word = lowered[lemma] = strings[lemma].lower()
            if word in nouns:
                out.append(i)
    return out


def find_triggers(sent: Span, candidates: list[int] | None = None) -> list[Trigger]:
    """Trigger words of a sentence, best first (see the module rules); ``candidates``: the doc's
    :func:`trigger_candidates` (the same triggers, found faster)."""
    lex = lexicon()
    found = []
    tokens = sent if candidates is None else (
        sent.doc[i] for i in candidates[bisect.bisect_left(candidates, sent.start):bisect.bisect_left(candidates, sent.end)])
    for tok in tokens:
        lemma = tok.lemma_.lower()
        kind = None
        if tok.pos_ == "VERB":
            particle = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
            if particle and f"{lemma} {particle}" in lex.phrasal:
                kind = lex.phrasal[f"{lemma} {particle}"]
            elif lemma in lex.transfer_verbs:
                kind = _transfer_type(tok, lex)
            else:
                kind = lex.verbs.get(lemma)
            rank_token, is_verb = tok, 0
        elif tok.pos_ in ("NOUN", "PROPN") and lemma in lex.nouns:
            if any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in tok.children):
                continue  # "there was no invasion": a noun its determiner negates
            kind = lex.nouns[lemma]
            governed = tok.dep_ in ("dobj", "obj") and tok.head.pos_ == "VERB"
            rank_token, is_verb = (tok.head, 0) if governed else (tok, 1)
        if kind is None or not _factual(rank_token if rank_token.pos_ in ("VERB", "AUX") else tok.head, lex):
            continue
        found.append(Trigger(kind, tok, (kind == STATEMENT, is_verb, _depth(rank_token), lex.order.index(kind), tok.i)))
    return sorted(found, key=lambda t: t.rank)


def _main_verb(sent: Span) -> Token | None:
    root = sent.root
    if root.pos_ == "VERB":
        return root
    return next((t for t in sent if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound")), None)


def _choose_date(dates: list[dict], anchor_char: int, text: str, offset: int) -> dict | None:
    """The expression nearest the trigger (resolved first), joined with one coordinated with it
    ("on Tuesday and Wednesday" covers both days)."""
    if not dates:
        return None
    chosen = min(dates, key=lambda d: (d["start"] is None, abs(d["start_char"] - anchor_char)))
    if chosen["start"] is None:
        return chosen
    for other in dates:
        if other is chosen or other["start"] is None:
            continue
        first, last = sorted((chosen, other), key=lambda d: d["start_char"])
        between = text[first["end_char"] - offset:last["start_char"] - offset].strip().lower()
        if between in ("and", "to", "-", "–", "through", "until"):
            return {"start": min(first["start"], last["start"]), "end": max(first["end"], last["end"]),
                    "precision": first["precision"], "text": text[first["start_char"] - offset:last["end_char"] - offset]}
    return chosen


def _attached_to(doc: Doc, date_row: dict, verb: Token) -> bool:
    """True when the time expression's nearest governing verb is ``verb``."""
    span = doc.char_span(int(date_row["start_char"]), int(date_row["end_char"]), alignment_mode="expand")
    head = governing_verb(span.root) if span is not None and len(span) else None
    return head is not None and head.i == verb.i


def _subject_span(verb: Token) -> tuple[int, int] | None:
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)


def _actors(entities: list[dict], trigger: Token | None, lex: Lexicon) -> list[str]:
    subject = _subject_span(trigger) if trigger is not None and trigger.pos_ == "VERB" else None
    names = []
    for e in entities:
        keep = e["label"] in lex.actor_labels or (
            e["label"] in lex.subject_actor_labels and subject is not None
            and subject[0] <= e["start_char"] and e["end_char"] <= subject[1])
        if keep and e["canonical"] not in names:
            names.append(e["canonical"])
    return names


def _places(places: list[dict]) -> tuple[list[str], list, list]:
    names, lats, lons = [], [], []
    for p in places:
        if p.get("role", "toponym") != "toponym":  # a place inside an organisation's name, a demonym
            continue
        name = p.get("name")
        if name is None or (isinstance(name, float) and math.isnan(name)) or name in names:
            continue
        names.append(name)
        lats.append(_float_or_none(p.get("latitude")))
        lons.append(_float_or_none(p.get("longitude")))
    return names, lats, lons


def _float_or_none(x):
    return None if x is None or pd.isna(x) else float(x)


def events_for_doc(doc: Doc, article_id: str, sentences: SentenceIndex, dates: list[dict],
                   entities: list[dict], places: list[dict]) -> list[dict]:
    """Event rows of one parsed article from its sentences and its ``dates``/``entities``/``places`` rows."""
    lex = lexicon()
    by_sentence: dict[int, dict[str, list[dict]]] = {}
    for name, rows in (("dates", dates), ("entities", entities), ("places", places)):
        for r in rows:
            by_sentence.setdefault(int(r["sentence_id"]), {}).setdefault(name, []).append(r)
    out = []
    candidates = trigger_candidates(doc) if TRIGGER_CANDIDATES else None
    for sid, srow in enumerate(sentences.rows):
        sent = doc.char_span(srow["start_char"], srow["end_char"], alignment_mode="expand")
        if sent is None or len(sent) == 0:
            continue
        rows = by_sentence.get(int(srow["sentence_id"]), {})
        triggers = find_triggers(sent, candidates)
        sdates = rows.get("dates", [])
        if triggers:
            trigger, kind = triggers[0].token, triggers[0].type
        else:
            trigger = _main_verb(sent)
            if trigger is None or not any(d["start"] is not None for d in sdates):
                continue
            kind = OTHER
        if kind == STATEMENT:  # a statement is dated by when it was made, not by dates inside what was said
            sdates = [d for d in sdates if _attached_to(doc, d, trigger)]
        chosen = _choose_date(sdates, trigger.idx, srow["text"], int(srow["start_char"]))
        names, lats, lons = _places(rows.get("places", []))
        out.append({
            "article_id": article_id, "sentence_id": int(srow["sentence_id"]),
            "start_char": int(srow["start_char"]), "end_char": int(srow["end_char"]),
            "text": srow["text"], "type": kind, "trigger": trigger.text,
            "date_start": chosen["start"] if chosen else None, "date_end": chosen["end"] if chosen else None,
            "precision": chosen["precision"] if chosen and chosen["start"] is not None else None,
            "date_text": chosen["text"] if chosen else None,
            "places": names, "latitudes": lats, "longitudes": lons,
            "actors": _actors(rows.get("entities", []), trigger, lex),
        })
    return out


def build_events_table(docs: Iterable[Doc], dates: pd.DataFrame, sentences: pd.DataFrame | None = None,
                       entities: pd.DataFrame | None = None, places: pd.DataFrame | None = None,
                       ) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    """The ``events`` table for parsed docs; ``places`` may be empty (``schemas.PLACES.empty()``).

    Returns the table and ``(article_id, error)`` for articles that failed (the others are kept).
    """
    for name, df, table in (("dates", dates, schemas.DATES), ("entities", entities, schemas.ENTITIES),
                            ("places", places, schemas.PLACES)):
        if df is not None:
            missing = {"article_id", "sentence_id", "start_char", "end_char"} - set(df.columns)
            if missing:
                raise ValueError(f"build_events_table: {name} frame lacks columns {sorted(missing)} "
                                 f"(expected the {table.name} contract)")
    indexes = sentence_indexes(sentences)
    by = {name: rows_by_article(df) for name, df in (("dates", dates), ("entities", entities), ("places", places),
                                                     ("sentences", sentences))}

    def extract(doc: Doc, aid: str) -> list[dict]:
        return events_for_doc(doc, aid, sentence_index_for(doc, aid, indexes), by["dates"].get(aid, []),
                              by["entities"].get(aid, []), by["places"].get(aid, []))

    return rows_per_article(docs, schemas.EVENTS, extract,
                            inputs=lambda aid: [row_digest(by[name], aid) for name in ("sentences", "dates", "entities", "places")])
