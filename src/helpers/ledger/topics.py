"""Normalised claim topics: ``"<owner> | <unit> | <category>"``.

A claimed figure is about *whose* what: "3,000 North Korean soldiers", "Russia had lost
9,000 tanks". The topic keeps three parts, each normalised by general rules only (no topic
or name lists):

* **owner** — the country or group the counted things belong to, found in the parse of
  the claim's sentence, in this order:

  1. a GPE/NORP entity inside the counted noun phrase (``amod``/``compound``/``poss``
     modifiers: "*North Korean* soldiers", "*Russia's* tanks") or attached to it by
     *of/from* ("troops *from North Korea*");
  2. otherwise the grammatical subject of the nearest governing verb, walking up the
     dependency tree ("*Pyongyang* had decided to deploy … 12,000 troops", "*Russia*
     had lost 9,000 tanks"), if that subject is a GPE/NORP entity;
  3. otherwise the owner of the nearest earlier claim *in the same article*, at most
     ``CONTEXT_SENTENCES`` sentences away, with the same unit class and category (a story
     keeps talking about the same troops: "the first batch of 2,600 soldiers"), else the
     nearest later one; else ``(unspecified)``.

  Entity names are mapped to a country name where they name one, from the gazetteer
  (:mod:`helpers.geo.gazetteer`, the one source of country knowledge; :func:`country_of`):
  the country's own name or abbreviation, its capital ("Pyongyang" → north korea), or a
  demonym ("North Korean" → north korea, "Ukrainians" → ukraine). Other names are lower-cased.
* **unit** — ``claims.unit`` (a singular lower-case noun by contract) mapped to its unit
  class by the lexicon ``ledger/rules/unit_classes.csv`` (near-synonyms of the war-reporting
  vocabulary: troop, infantryman, serviceman … → soldier; a data file, extend it freely),
  with the ``rate`` appended when there is one ("casualty per day"), so daily rates never
  mix with totals.
* **category** — ``claims.category`` as is.
"""
from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Span, Token
from helpers.core import rules
from helpers.geo import gazetteer

OWNER_LABELS = ("GPE", "NORP")
UNSPECIFIED = "(unspecified)"
CONTEXT_SENTENCES = 5
COUNTRY_KIND = gazetteer.KINDS.index("country")


@functools.lru_cache(maxsize=1)
def _gazetteer_countries() -> tuple[dict[str, str], dict[str, str]]:
    """(ISO code → country name, capital → country name) from :mod:`helpers.geo.gazetteer`, lower-cased."""
    gaz = gazetteer.load()
    by_code = {gaz.cc[i]: gaz.names[i].lower() for i in range(len(gaz)) if gaz.kind[i] == COUNTRY_KIND}
    capitals = {}
    for code, info in gazetteer._countryinfo().items():
        if code in by_code and isinstance(info.get("capital"), str) and info["capital"].strip():
            capitals[info["capital"].strip().lower()] = by_code[code]
    return by_code, capitals


def country_of(text: str) -> str | None:
    """The one lookup of country knowledge (all of it from the gazetteer): the country a name,
    ISO-style abbreviation, capital or demonym refers to, lower-cased; None if it names no country.
    Kept in one function so that a ``country_of`` of the gazetteer can replace it."""
    by_code, capitals = _gazetteer_countries()
    gaz = gazetteer.load()
    raw, key = text.strip(), _strip(text)
    if len(key.replace(" ", "")) <= 3:  # codes only when written in capitals ("US", "U.S.", not "us")
        letters = re.sub(r"[^A-Za-z]", "", raw)
        if not letters.isupper():
            return None
        key = letters.lower()
    for m in gaz.lookup(key, variants=False):
        if m.place.kind == "country":
            return by_code.get(m.place.country_code, m.place.name.lower())
    if key in capitals:
        return capitals[key]
    countries = sorted(set(by_code.values()))
    for suffix in _owner_words()["demonym_suffixes"]:  # a demonym is a country name's stem + suffix
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            stem = key[: -len(suffix)]
            hits = [c for c in countries if c.startswith(stem) and len(c) - len(stem) <= 2]
            if len(hits) == 1:
                return hits[0]
    for form in (key, key[:-1] if key.endswith("s") else None):  # the gazetteer's demonyms
        code = gaz.demonym_country(form) if form else None
        if code in by_code:
            return by_code[code]
    return None


def _strip(text: str) -> str:
    words = _owner_words()
    text = re.sub(r"^(" + "|".join(map(re.escape, words["leading_articles"])) + r")\s+", "", text.strip(),
                  flags=re.IGNORECASE)
    text = re.sub(r"[’']s$", "", text)
    return re.sub(r"[.\s]+", " ", text).strip(" .").lower()


@functools.lru_cache(maxsize=1)
def _owner_words() -> dict:
    """``ledger/rules/owner_words.json``: words the owner rules read (see the rules README)."""
    return rules.load_json("ledger", "owner_words.json")


@functools.lru_cache(maxsize=4096)
def country_name(text: str) -> str | None:
    """The country a name, code, capital or demonym refers to (lower-case), else None."""
    return country_of(text) if _strip(text) else None


def owner_name(span: Span | str) -> str:
    """Normalised owner string for an entity (country name where it is one)."""
    text = span if isinstance(span, str) else span.text
    return country_name(text) or _strip(text)


def _ent_owner(token: Token) -> str | None:
    """Normalised owner if ``token`` is part of a GPE/NORP entity."""
    if token.ent_type_ not in OWNER_LABELS:
        return None
    for e in token.doc.ents:
        if e.start <= token.i < e.end:
            return owner_name(e)
    return None


def _np_owner(noun: Token) -> str | None:
    """Owner named inside the counted noun phrase or attached by of/from."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            for t in child.subtree:
                found = _ent_owner(t)
                if found:
                    return found
        if child.dep_ == "prep" and child.lower_ in _owner_words()["owner_prepositions"]:
            for t in child.subtree:
                found = _ent_owner(t)
                if found:
                    return found
    return None


def _verb_subject_owner(noun: Token, max_steps: int = 8) -> str | None:
    """Subject entity of the nearest governing verb whose subject is a country or group."""
    token = noun
    for _ in range(max_steps):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    # the subject and its own modifiers ("the *Russian* military"),
                    # not appositions or clauses attached to it
                    for t in [child] + [c for c in child.children if c.dep_ in ("compound", "amod", "poss")]:
                        found = _ent_owner(t)
                        if found:
                            return found
    return None


def counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a number (character span ``start:end`` in ``doc``) counts."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for t in span:
        if t.pos_ in ("NOUN", "PROPN") and not t.like_num and t.dep_ not in ("nummod", "quantmod"):
            return t
    head = span.root
    for _ in range(3):
        if head.pos_ in ("NOUN", "PROPN") and not head.like_num:
            return head
        if head.head is head:
            break
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


def sentence_owner(doc: Doc, start: int, end: int) -> str | None:
    """Owner of the figure at ``start:end`` in a parsed sentence, by rules 1–2 (see module doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        for t in span:  # "Russian casualties" inside the claim text itself
            found = _ent_owner(t)
            if found:
                return found
    noun = counted_noun(doc, start, end)
    if noun is None:
        return _verb_subject_owner(span.root) if span is not None and len(span) else None
    return _np_owner(noun) or _verb_subject_owner(noun)


@functools.lru_cache(maxsize=1)
def unit_classes() -> dict[str, str]:
    """``ledger/rules/unit_classes.csv``: unit → the class it is grouped under in topics."""
    return {row["unit"].strip().lower(): row["topic_unit"].strip().lower()
            for row in rules.load_csv("ledger", "unit_classes.csv")}


def unit_key(unit: str | None, rate: str | None = None) -> str:
    """``claims.unit`` (a singular lower-case noun) mapped to its unit class, rate appended."""
    u = (unit or "unit").strip().lower()
    u = unit_classes().get(u, u)
    if isinstance(rate, str) and rate.strip():
        u = f"{u} {str(rate).strip().lower()}"
    return u


def topic(owner: str | None, unit: str, category: str) -> str:
    owner = owner if isinstance(owner, str) and owner.strip() else UNSPECIFIED
    return f"{owner} | {unit} | {category}"
