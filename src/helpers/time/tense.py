"""Tense of the clause a text span sits in, from the dependency parse.

Used to pick which Wednesday or which October an expression means: the span's
syntactic head is followed up to the nearest verb; a future modal ("will",
"'ll", "shall") or a forward-looking governor ("is expected to meet") makes it
``"future"``, and so does a noun on the way there that a forward adjective describes ("the upcoming summit in
November"); a past-tense or perfect verb makes it ``"past"``, anything else
(present tense, no verb) gives ``None``. Cue words live in
``time/rules/date_words.json`` (``future_markers``, with ``forward_adjectives``).
"""
from __future__ import annotations

import functools

from spacy.tokens import Doc, Token

from helpers.time import lexicon as date_lexicon
from helpers.time.calendar import FUTURE, PAST

MAX_HOPS = 8


@functools.lru_cache(maxsize=1)
def _markers() -> tuple[frozenset, frozenset, frozenset]:
    m = date_lexicon.load()["future_markers"]
    return frozenset(m["modals"]), frozenset(m["governors"]), frozenset(m["main_verbs"])


@functools.lru_cache(maxsize=1)
def _forward_adjectives() -> frozenset:
    return frozenset(date_lexicon.load()["future_markers"]["forward_adjectives"])


# switched off only to measure it: a forward adjective on the way to the verb makes the expression future (session 12)
FORWARD_NOUNS = True


def _forward_noun(token: Token, verb: Token | None) -> bool:
    """A noun that an adjective puts ahead, between ``token`` and its verb or in the phrase right before it ("invited
    him to the upcoming summit in November": the summit, so November, is ahead whatever the verb's tense — the parser
    hangs "in November" on the summit or on the verb)."""
    forward = _forward_adjectives()

    def ahead_on_way_up(tok: Token) -> bool:
        for _ in range(MAX_HOPS):
            if verb is not None and tok.i == verb.i:
                return False
            if tok.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "amod" and c.lower_ in forward for c in tok.children):
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    if ahead_on_way_up(token):
        return True
    prep = token.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else None
    # the phrase that ends right before the expression's preposition, when both hang from the same verb
    return prep is not None and prep.i > 0 and verb is not None and prep.head.i == verb.i \
        and ahead_on_way_up(token.doc[prep.i - 1])


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` in the dependency tree (auxiliaries skipped), or None."""
    for _ in range(MAX_HOPS):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def verb_tense(verb: Token) -> str | None:
    modals, governors, planning = _markers()
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in modals or c.lemma_.lower() in modals for c in aux):
        return FUTURE
    if verb.lemma_.lower() in planning:  # "planned a rally on Saturday", "plans to meet on Tuesday"
        return FUTURE
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in aux):
        head = verb.head
        if head.i != verb.i and head.lemma_.lower() in governors:
            return FUTURE
        if head.lemma_.lower() == "be" and head.head.lemma_.lower() in governors:
            return FUTURE
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
        return PAST
    if verb.tag_ == "VBN":
        # perfect ("has seized") or a bare participle ("seized in February", "given on Monday"): past;
        # a present passive ("is seized") stays present
        if any(c.lemma_.lower() == "have" for c in aux) or not any(c.lemma_.lower() == "be" for c in aux):
            return PAST
    return None


def span_tense(doc: Doc, start_char: int, end_char: int) -> str | None:
    """Tense of the clause containing ``doc.text[start_char:end_char]`` (None if unknown)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    if FORWARD_NOUNS and _forward_noun(span.root, verb):
        return FUTURE
    if verb is None:
        # no verb above the span (headline, fragment): the sentence's root verb, if any
        root = span.sent.root
        verb = root if root.pos_ in ("VERB", "AUX") else None
    return verb_tense(verb) if verb is not None else None
