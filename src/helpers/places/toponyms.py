"""Place mentions in parsed articles, resolved against the offline gazetteer (the ``places`` table).

Detection (:func:`candidates`) combines three signals, because the small English model
labels many places as PERSON, ORG or PRODUCT:

- **gazetteer matching**: every run of capitalised tokens (joined by "of", "-", …) up to five
  tokens long is looked up in :mod:`helpers.geo.gazetteer`, longest first;
- **NER**: GPE/LOC entities are candidates even when their capitalisation is unusual, and
  give evidence to a gazetteer match;
- **context**: a place preposition before ("in X", "near X"), a feature word before or after
  ("the town of X", "the republics of X", "X region", "X Oblast").

Rejected: demonyms (country demonyms from ``countryinfo``, NORP entities), words inside a longer
name that is not a place ("Kyiv Post", "Lloyd Austin"), the surname of a person named in the same
article, date and number expressions, and lone common words the model does not tag as proper nouns.

Disambiguation (:func:`resolve_article`) scores each candidate place by population, feature type
(from context words and the match), match quality (primary name, alternate name, variant
spelling), the article's country context (countries and demonyms it mentions, and the countries of
its unambiguous places), containment ("Dzerzhinsk in Nizhny Novgorod": the place must lie in the
region or country named after it) and closeness to the article's other places.
"""
from __future__ import annotations

import bisect
import functools
import math
from collections import Counter
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc

from helpers.core import rules
from helpers.geo import gazetteer as gz

_WORDS = rules.load_json("places", "words.json")  # language facts: places/rules/words.json (see its README)
NON_PLACE_ENTS = frozenset(_WORDS["non_place_entity_labels"])
NAME_ENTS = frozenset(_WORDS["name_entity_labels"])
PLACE_ENTS = frozenset(_WORDS["place_entity_labels"])
MAX_TOKENS = int(_WORDS["max_name_tokens"])
_DIRECTIONS = frozenset(_WORDS["part_of_place_words"])
_DIRECTION_NAMES = frozenset(_WORDS["direction_words"])
_POSSESSIVE = frozenset(_WORDS["possessive_tokens"])


@dataclass
class Candidate:
    start: int            # token indices into the doc
    end: int
    start_char: int
    end_char: int
    text: str
    matches: list[gz.Match]
    ner: str | None = None        # label of the NER entity equal to the span
    kind_hint: str | None = None  # admin1 / city / water from a feature word
    prep: bool = False            # place preposition before it
    inside: "Candidate | None" = None  # the place named right after "in"/"," (containment)
    extended_end_char: int | None = None  # end including a following feature word ("Donetsk region")
    chosen: gz.Place | None = None
    method: str = "unresolved"
    confidence: float = 0.0
    region_of: gz.Place | None = None  # "X region" read as the region whose centre is city X


@dataclass(frozen=True)
class _Lexicon:
    admin1_words: frozenset
    city_words: frozenset
    water_words: frozenset
    joiners: frozenset
    preps: frozenset
    admin2_words: frozenset


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    fw = gz.feature_words()
    return _Lexicon(frozenset(fw["admin1"]), frozenset(fw["city"]), frozenset(fw["water"]),
                    frozenset(fw["name_joiners"]), frozenset(fw["prefix_context"]), frozenset(fw["admin2"]))


def _feature_kind(word: str, lex: _Lexicon) -> str | None:
    w = word.lower()
    if w in lex.admin1_words:
        return "admin1"
    if w in lex.city_words:
        return "city"
    if w in lex.water_words:
        return "water"
    return None


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


# ------------------------------------------------------------------ detection
def candidates(doc: Doc, gaz: gz.Gazetteer) -> list[Candidate]:
    """Place candidates in ``doc`` (not yet disambiguated), in text order, non-overlapping."""
    lex = _lexicon()
    ent_of = {}
    for e in doc.ents:
        for i in range(e.start, e.end):
            ent_of[i] = e
    sent_starts = {s.start for s in doc.sents}  # (Token.is_sent_start scans the whole doc each call)
    doc_text = doc.text  # (Doc.text joins every token each call)
    person_parts = set()
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) > 1:
            person_parts.update(t.text for t in e if _capitalised(t))
    out: list[Candidate] = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if not _capitalised(tok) and not (ent_of.get(i) is not None and ent_of[i].label_ in PLACE_ENTS
                                          and ent_of[i].start == i):
            i += 1
            continue
        ent = ent_of.get(i)
        if ent is not None and ent.label_ in PLACE_ENTS and (ent.start == i or (
                ent.start == i - 1 and doc[i - 1].lower_ == "the")) \
                and _feature_kind(ent[-1].text, lex) == "water" and len(ent) > 1:
            # "the Black Sea": a water body, kept whole (the gazetteer has none)
            first = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
            cand = Candidate(first, ent.end, doc[first].idx, ent.end_char, doc_text[doc[first].idx:ent.end_char],
                             [], ner=ent.label_, kind_hint="water")
            out.append(cand)
            i = ent.end
            continue
        found = None
        for j in range(min(n, i + MAX_TOKENS), i, -1):
            last = doc[j - 1]
            if not (_capitalised(last) or last.text.isupper()):
                continue
            inner = doc[i:j]
            if any(t.is_space or (not _capitalised(t) and t.lower_ not in lex.joiners and t.text not in "-'")
                   for t in inner[1:-1]):
                continue
            if any(t.whitespace_ == "" and k < len(inner) - 1 and inner[k + 1].text not in "-" and t.text != "-"
                   and not t.text.endswith("-") for k, t in enumerate(inner)):
                continue  # glued tokens ("Kyiv's") are not one name
            span = doc[i:j]
            text = span.text
            key = gz.normalize(text)
            if key in gaz.demonyms:
                found = ("demonym", j)
                break
            matches = gaz.lookup(text)
            if matches:
                found = (matches, j)
                break
        if found is None and "-" in tok.text and _capitalised(tok):
            head = tok.text.split("-", 1)[0]  # "Lipetsk-2 airbase": the place before the suffix
            matches = gaz.lookup(head) if len(head) >= 3 else []
            if matches:
                cand = Candidate(i, i + 1, tok.idx, tok.idx + len(head), head, matches)
                if _keep(doc, cand, ent_of, person_parts, lex, gaz, sent_starts):
                    out.append(cand)
                i += 1
                continue
        if found is None:
            ent = ent_of.get(i)
            if ent is not None and ent.start == i and tok.lower_ == "the":
                i += 1  # "the Republic of Korea": look the name up without the article
                continue
            if ent is not None and ent.label_ in PLACE_ENTS and (
                    ent.start == i or (ent.start == i - 1 and doc[i - 1].lower_ == "the")):
                found = ([], ent.end)  # model's place with no gazetteer entry: kept, unresolved
            else:
                i += 1
                continue
        what, j = found
        if what == "demonym":
            i = j
            continue
        end_char = doc[j - 1].idx + len(doc[j - 1].text)
        while end_char > doc[i].idx + 1 and not doc_text[end_char - 1].isalnum():
            end_char -= 1  # "Kiev.-" in machine-translated text: the name without trailing punctuation
        cand = Candidate(i, j, doc[i].idx, end_char, doc_text[doc[i].idx:end_char], what)
        ent = ent_of.get(i)
        if ent is not None and ent.start == i and ent.end == j:
            cand.ner = ent.label_
        if _keep(doc, cand, ent_of, person_parts, lex, gaz, sent_starts):
            out.append(cand)
            i = cand.end if cand.extended_end_char is None else max(cand.end, _token_after(doc, cand.extended_end_char))
        else:
            i = j
    _link_containment(doc, out)
    return out


def _token_after(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char, alignment_mode="expand")
    return span.start if span is not None else len(doc)


def _keep(doc: Doc, cand: Candidate, ent_of: dict, person_parts: set, lex: _Lexicon, gaz: gz.Gazetteer,
          sent_starts: set[int]) -> bool:
    """Context checks; sets ``kind_hint``, ``prep`` and ``extended_end_char`` on the candidate."""
    i, j = cand.start, cand.end
    span = doc[i:j]
    # inside a number/date expression, or a longer non-place name ("Kyiv Post", "Lloyd Austin")
    for k in range(i, j):
        e = ent_of.get(k)
        if e is not None and e.label_ in NON_PLACE_ENTS:
            return False
    nxt = doc[j] if j < len(doc) else None
    prev = doc[i - 1] if i > 0 else None
    if nxt is not None and nxt.text.lower() in ("-", "\u2013") and nxt.whitespace_ == "" and j + 1 < len(doc):
        pass  # "Kyiv-based", "Russia-Ukraine": still the place
    feature_after = nxt is not None and _feature_kind(nxt.text, lex) in ("admin1", "water")
    if feature_after:
        cand.kind_hint = _feature_kind(nxt.text, lex)
        cand.extended_end_char = nxt.idx + len(nxt.text)
    elif nxt is not None and _capitalised(nxt) and nxt.text not in _POSSESSIVE and not nxt.is_punct \
            and _feature_kind(span[-1].text, lex) is None and span[-1].lower_ not in lex.admin2_words \
            and nxt.i not in sent_starts and span[-1].whitespace_:
        # followed by another capitalised word that is not a feature word: part of a longer name
        if not gaz.lookup(nxt.text, variants=False) or nxt.pos_ not in ("PROPN",):
            return False
    if prev is not None and _capitalised(prev) and prev.i not in sent_starts and not prev.is_punct \
            and prev.text.lower() not in lex.joiners and _feature_kind(prev.text, lex) is None \
            and prev.ent_type_ not in ("NORP",) and gz.normalize(prev.text) not in gaz.demonyms \
            and prev.ent_type_ not in PLACE_ENTS and prev.whitespace_:
        return False
    ent = ent_of.get(i)
    if ent is not None and ent.label_ in PLACE_ENTS and ent.start < i and any(
            _capitalised(t) and t.lower_ not in lex.joiners for t in doc[ent.start:i]):
        return False  # the last word of a longer place name ("Soviet Union", "East Timor")
    if ent is not None and ent.label_ in NAME_ENTS and (ent.start < i or ent.end > j):
        extra = [t for t in doc[ent.start:ent.end] if not (i <= t.i < j)]
        if any(_capitalised(t) and t.lower_ not in lex.joiners and _feature_kind(t.text, lex) is None
               and t.text not in _POSSESSIVE for t in extra):
            return False
    # surname of a person named in full in the same article ("Austin said")
    if len(span) == 1 and span.text in person_parts and cand.ner not in PLACE_ENTS \
            and not any(m.place.kind == "country" and m.match_type == gz.PRIMARY for m in cand.matches):
        return False  # a country's name is not a surname ("Rethinking Egypt" mis-tagged as a person)
    # context before: preposition / feature word ("the town of X", "the republics of X and Y")
    k = i - 1
    if k >= 0 and doc[k].lower_ in lex.preps:
        cand.prep = True
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in _DIRECTIONS:
        cand.prep = True  # "west of Avdiivka"
    if k >= 1 and doc[k].lower_ == "of" and _feature_kind(doc[k - 1].text, lex):
        cand.prep = True
        if _names_the_feature(doc, k - 1):
            cand.kind_hint = cand.kind_hint or _feature_kind(doc[k - 1].text, lex)
    if k >= 2 and doc[k].lower_ in ("and", ",") and doc[k - 1].ent_type_ in PLACE_ENTS | {""}:
        # second member of a list after a feature word: "the republics of Yakutia and Buryatia"
        for back in range(k - 1, max(-1, k - 6), -1):
            if doc[back].lower_ == "of" and back >= 1 and _feature_kind(doc[back - 1].text, lex):
                if _names_the_feature(doc, back - 1):
                    cand.kind_hint = cand.kind_hint or _feature_kind(doc[back - 1].text, lex)
                cand.prep = True
                break
    if len(span) == 1 and span[0].lower_ in _DIRECTION_NAMES:
        return False  # "the West", "the East"
    if prev is not None and prev.lower_ == "the" and len(span) == 1 and cand.ner != "GPE" \
            and not cand.kind_hint and span[-1].dep_ not in ("compound", "nmod", "amod", "poss") \
            and not any(m.place.kind in ("country", "other") for m in cand.matches):
        return False  # "the Gulf", "the Kremlin": a common-noun name, not a settlement
    # single common words the model does not treat as names ("Police", "Central")
    sent_initial = span[0].i in sent_starts or (prev is not None and prev.is_punct and prev.text in "\"\u201c'(")
    evidence = cand.ner in PLACE_ENTS or cand.prep or cand.kind_hint is not None
    if not cand.matches:  # the model's place that the gazetteer does not know: keep only name-like ones
        text = span.text
        return (cand.ner in PLACE_ENTS and not (len(span) == 1 and text in person_parts)
                and (len(span) > 1 or cand.prep or cand.kind_hint is not None)  # lone word: "in X", "X region"
                and not (text.isupper() and len(text) <= 5)  # UN, EU: organisations
                and not any(ch in text for ch in "/@") and not any(ch.isdigit() for ch in text))
    if len(span) == 1 and span[0].pos_ not in ("PROPN",) and not evidence:
        return False
    if len(span) == 1 and span[0].pos_ == "ADJ" and cand.ner not in PLACE_ENTS:
        return False  # "Western intelligence"
    if span.text.isupper() and len(span.text) <= 5 and cand.ner not in PLACE_ENTS \
            and not any(m.match_type == gz.ABBREV for m in cand.matches):
        return False  # acronyms of organisations (NIS, TASS)
    if cand.ner in NAME_ENTS and not (cand.prep or cand.kind_hint):
        # the model calls it a person/organisation/product: only a large place overrides that
        if not any((m.place.kind != "city" or m.place.population >= 100000) and m.match_type == gz.PRIMARY
                   and not m.variant for m in cand.matches):
            return False
    if cand.ner is None and not evidence and all(m.variant for m in cand.matches):
        return False
    if not (cand.prep or cand.kind_hint) and all(
            m.variant and m.place.kind == "city" and m.place.population < 10000 for m in cand.matches):
        return False  # a near-spelling of a village, with nothing else saying it is a place
    if sent_initial and len(span) == 1 and not evidence and span[0].pos_ != "PROPN":
        return False
    strong = any(m.match_type == gz.PRIMARY or m.place.kind != "city" or m.place.population >= 10000
                 for m in cand.matches)
    if not evidence and not strong:
        return False
    if cand.ner is None and not evidence and not any(
            (m.place.kind != "city" or m.place.population >= 100000) and m.match_type == gz.PRIMARY
            for m in cand.matches):
        return False  # a name no model label or context calls a place must be a large one
    if all(m.match_type == gz.ABBREV for m in cand.matches) and cand.ner not in PLACE_ENTS:
        return False
    return True


def _names_the_feature(doc: Doc, feature_i: int) -> bool:
    """"the town of X", "the republics of X": X is the feature. "a district of X": X contains it."""
    return feature_i >= 1 and doc[feature_i - 1].lower_ in ("the", "this", "that", "these", "those")


def _link_containment(doc: Doc, cands: list[Candidate]) -> None:
    """"X in Y" / "X, Y": Y names the region or country that contains X."""
    by_start = {c.start: c for c in cands}
    for c in cands:
        end = c.end
        if c.extended_end_char is not None:
            end = _token_after(doc, c.extended_end_char)
        if end + 1 < len(doc) and doc[end].lower_ in ("in", ",") and (end + 1) in by_start:
            c.inside = by_start[end + 1]
        elif end + 2 < len(doc) and doc[end].lower_ == "in" and doc[end + 1].lower_ in ("eastern", "western",
                                                                                     "northern", "southern",
                                                                                     "occupied", "central",
                                                                                     "the") \
                and (end + 2) in by_start:
            c.inside = by_start[end + 2]


# ------------------------------------------------------------------ disambiguation
KIND_PRIOR = {"country": 0.45, "admin1": 0.25, "city": 0.0, "other": 0.45}


def _popscore(p: gz.Place) -> float:
    return min(1.0, math.log10(p.population + 1) / 7.0)


def _contains(outer: gz.Place, inner: gz.Place) -> bool:
    if outer.kind == "country":
        return inner.country_code == outer.country_code
    if outer.kind == "admin1":
        return inner.admin1_index == outer.index or inner.index == outer.index
    if outer.kind == "city":
        return inner.country_code == outer.country_code and (
            inner.admin1_index == outer.admin1_index
            or gz.haversine_km(inner.latitude, inner.longitude, outer.latitude, outer.longitude) < 150)
    return False


def _score(c: Candidate, m: gz.Match, countries: Counter, anchors: list[gz.Place]) -> float:
    p = m.place
    s = 0.8 * _popscore(p)
    s += KIND_PRIOR[p.kind]
    if c.kind_hint == "admin1":
        s += 0.6 if p.kind == "admin1" else (-0.4 if p.kind == "country" else 0.0)
    elif c.kind_hint == "city":
        s += 0.4 if p.kind == "city" else -0.3
    s += {gz.PRIMARY: 0.25, gz.ALTERNATE: 0.05, gz.ABBREV: 0.1}[m.match_type]
    if m.variant:
        s -= 0.1
    total = sum(countries.values())
    if total:
        s += 0.35 * countries.get(p.country_code, 0) / total
    if c.inside is not None and c.inside.chosen is not None:
        s += 0.8 if _contains(c.inside.chosen, p) else -0.3
    if p.kind == "city":
        dists = [gz.haversine_km(p.latitude, p.longitude, a.latitude, a.longitude)
                 for a in anchors if a.index != p.index]
        if dists:
            s += 0.3 * math.exp(-min(dists) / 500.0)
    return s


def _choose(c: Candidate, countries: Counter, anchors: list[gz.Place]) -> None:
    if not c.matches:
        c.chosen, c.method, c.confidence = None, "ner+unresolved", 0.0
        return
    scored = sorted(((round(_score(c, m, countries, anchors), 6), -m.place.population, m.place.index, m)
                     for m in c.matches), key=lambda t: (-t[0], t[1], t[2]))
    best = scored[0]
    m = best[3]
    # a bare name shared by a region and its own largest city means the city ("Donetsk"), unless
    # a feature word says region
    if m.place.kind == "admin1" and c.kind_hint != "admin1":
        for s, _, _, other in scored[1:]:
            if other.place.kind == "city" and other.place.admin1_index == m.place.index \
                    and gz.normalize(other.place.name) == gz.normalize(c.text) \
                    and other.place.population * 3 >= m.place.population * 0.1:
                m = other
                best = (s, 0, 0, other)
                break
    # a bare name of a region that is also the name of a large city in the same country is the city
    # (Kiev, Washington): news say "X region" for the region
    if m.place.kind == "admin1" and c.kind_hint != "admin1":
        for s, _, _, other in scored[1:]:
            if other.place.kind == "city" and other.place.country_code == m.place.country_code \
                    and other.place.population >= 100000 and not other.variant:
                m, best = other, (s, 0, 0, other)
                break
    # "X region" where X is a city: the region the city is the centre of
    if c.kind_hint == "admin1" and m.place.kind == "city" and m.place.admin1_index >= 0:
        region = next((o.place for o in c.matches if o.place.index == m.place.admin1_index), None)
        if region is None:
            c.region_of = m.place  # resolved in resolve_article (needs the gazetteer)
    margin = best[0] - (scored[1][0] if len(scored) > 1 and scored[1][3] is not m else 0.0)
    c.chosen = m.place
    c.confidence = round(max(0.05, min(0.99, 0.5 + margin)), 3)
    parts = []
    parts.append("ner" if c.ner in PLACE_ENTS else ("context" if (c.prep or c.kind_hint) else "gazetteer"))
    parts.append("variant" if m.variant else "gazetteer")
    if c.inside is not None and c.inside.chosen is not None and _contains(c.inside.chosen, m.place):
        parts.append("containment")
    c.method = "+".join(dict.fromkeys(parts))


def resolve_article(doc: Doc, gaz: gz.Gazetteer) -> list[Candidate]:
    """Detect and disambiguate the places in one parsed article."""
    cands = candidates(doc, gaz)
    # article country context: explicit countries, demonyms, NORP
    countries: Counter = Counter()
    for c in cands:
        if len(c.matches) and all(m.place.kind == "country" for m in c.matches):
            for m in c.matches:
                countries[m.place.country_code] += 2
    for tok in doc:
        if tok.text[:1].isupper():
            cc = gaz.demonyms.get(gz.normalize(tok.text))
            if cc:
                countries[cc] += 1
    # pass 1: population and country context; anchors are the confident ones
    for c in cands:
        _choose(c, countries, [])
    for c in cands:
        if c.chosen is not None and c.confidence >= 0.8 and c.chosen.kind == "city":
            countries[c.chosen.country_code] += 1
    anchors = [c.chosen for c in cands if c.chosen is not None and c.confidence >= 0.8]
    # pass 2: containment and proximity (contained places after their containers)
    for c in sorted(cands, key=lambda c: c.inside is not None):
        _choose(c, countries, anchors)
    for c in cands:
        region_of = c.region_of
        if region_of is not None and c.chosen is region_of \
                and gz.normalize(gaz.capital[region_of.admin1_index]) == gz.normalize(region_of.name):
            c.chosen = gaz.place(region_of.admin1_index)
            c.method += "+region_of_city"
    # the model's LOC (seas, mountains, regions) matched only to a small settlement: leave unresolved
    for c in cands:
        p = c.chosen
        if c.ner == "LOC" and p is not None and p.kind == "city" and p.population < 100000 and not c.prep \
                and "containment" not in c.method:
            c.chosen, c.method, c.confidence = None, "ner+unresolved", 0.0
    # a small settlement outside the article's countries, with no context word and no container,
    # is more likely a misread name ("Asia", "Siberia" matching villages) than a place in the story
    for c in cands:
        p = c.chosen
        if countries and p is not None and p.kind == "city" and p.population < 10000 \
                and p.country_code not in countries \
                and not c.kind_hint and "containment" not in c.method:
            c.chosen, c.method, c.confidence = None, ("ner+unresolved" if c.ner in PLACE_ENTS else "dropped"), 0.0
    cands = [c for c in cands if c.method != "dropped"]
    # unresolved region-like names: a region named after its centre ("Yakutia" ~ "Yakutsk")
    for c in cands:
        if c.chosen is None and c.kind_hint == "admin1" and countries:
            regions = gaz.admin1_with_capital_stem(c.text, set(countries))
            if len(regions) == 1 or (regions and c.kind_hint == "admin1"):
                c.chosen = max(regions, key=lambda p: (countries.get(p.country_code, 0), p.population))
                c.method = "context+capital_stem"
                c.confidence = 0.5 if len(regions) == 1 else 0.35
    # "the Black Sea", "the Dnipro River": water bodies are not in the gazetteer; kept with the water word
    for c in cands:
        last = doc.char_span(c.start_char, c.end_char, alignment_mode="expand")
        if c.kind_hint == "water" or (last is not None and _feature_kind(last[-1].text, _lexicon()) == "water"):
            c.kind_hint = "water"
            c.chosen, c.confidence = None, 0.0
            c.method = ("ner" if c.ner in PLACE_ENTS else "context") + "+feature_word"
            if c.extended_end_char is not None:
                c.end_char = c.extended_end_char
    return cands


# ------------------------------------------------------------------ the table
class SentenceLookup:
    """Character offset -> ``sentence_id`` (from the ``sentences`` table, else the parse's sentences)."""

    def __init__(self, starts: list[int], ids: list[int]):
        order = sorted(range(len(starts)), key=starts.__getitem__)
        self.starts = [starts[k] for k in order]
        self.ids = [ids[k] for k in order]

    @classmethod
    def from_doc(cls, doc: Doc) -> "SentenceLookup":
        sents = list(doc.sents)
        return cls([s.start_char for s in sents], list(range(len(sents))))

    @classmethod
    def by_article(cls, sentences: pd.DataFrame) -> dict[str, "SentenceLookup"]:
        return {aid: cls(g["start_char"].tolist(), g["sentence_id"].tolist())
                for aid, g in sentences.groupby("article_id", sort=False)}

    def sentence_of(self, offset: int) -> int:
        k = bisect.bisect_right(self.starts, offset) - 1
        return int(self.ids[max(k, 0)]) if self.ids else 0


def place_rows(doc: Doc, article_id: str, gaz: gz.Gazetteer,
               sentences: SentenceLookup | None = None) -> list[dict]:
    """``places`` rows for one parsed article (``doc`` is the parse of ``articles.text``)."""
    lookup = sentences or SentenceLookup.from_doc(doc)
    rows = []
    text = doc.text
    for c in resolve_article(doc, gaz):
        p = c.chosen
        kind = p.kind if p is not None else ("water" if c.kind_hint == "water" else "other")
        rows.append({
            "article_id": article_id,
            "sentence_id": int(lookup.sentence_of(c.start_char)),
            "start_char": int(c.start_char),
            "end_char": int(c.end_char),
            "mention": text[c.start_char:c.end_char],
            "name": p.name if p is not None else None,
            "kind": kind,
            "country_code": (p.country_code or None) if p is not None else None,
            "admin1": (p.admin1 if p is not None and p.kind != "country" else None),
            "latitude": p.latitude if p is not None else None,
            "longitude": p.longitude if p is not None else None,
            "geonameid": p.geonameid if p is not None else None,
            "population": p.population if p is not None else None,
            "method": c.method,
            "confidence": float(c.confidence),
        })
    return rows


def places_table(docs, sentences: pd.DataFrame | None = None, gaz: gz.Gazetteer | None = None,
                 errors: list | None = None) -> pd.DataFrame:
    """The ``places`` table for parsed docs (each with ``doc.user_data["article_id"]``).

    Per-article failures go through the one guard (:func:`helpers.core.stage.rows_per_article`): a failing
    article is added to ``errors`` (article_id, message) and skipped, the others are still processed; with
    ``errors=None`` the first failure is raised.
    """
    from helpers.core import schemas
    from helpers.core.stage import rows_per_article

    gaz = gaz or gz.load()
    lookups = SentenceLookup.by_article(sentences) if sentences is not None and len(sentences) else {}
    folder = getattr(gaz, "folder", None)  # the gazetteer is part of each article's cache key (see core.artcache)
    gaz_id = (folder / "meta.json").read_text() if folder is not None and (folder / "meta.json").exists() else None

    def inputs(aid):
        lookup = lookups.get(aid)
        return gaz_id, (lookup.starts, lookup.ids) if lookup is not None else None

    df, failed = rows_per_article(docs, schemas.get("places"),
                                  lambda doc, aid: place_rows(doc, aid, gaz, lookups.get(aid)),
                                  inputs=inputs if gaz_id is not None else None)
    if failed and errors is None:
        raise ValueError(f"places: article {failed[0][0]} failed: {failed[0][1]}")
    if errors is not None:
        errors.extend(failed)
    for col in ("geonameid", "population"):
        df[col] = df[col].astype("Int64")
    return df
