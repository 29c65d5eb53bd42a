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


@functools.lru_cache(maxsize=1)
def _round16_markers() -> tuple[frozenset, frozenset]:
    m = date_lexicon.load()["future_markers"]
    return frozenset(m["forward_predicates"]), frozenset(m["possibility_modals"])


# switched off only to measure them (round 16): a passive infinitive and the forward predicates ("is likely to be
# approved in November") look ahead as a governor's active infinitive does; so do modals of possibility ("may face")
FORWARD_INFINITIVES = True
POSSIBILITY_MODALS = True
SINCE_IS_PAST = True  # a date after "since" starts a period begun by the anchor: past (round 16)
BE_TO_INFINITIVE = True  # "is/are to" + infinitive is an arrangement ahead (round 16)

# switched off only to measure it: a forward adjective on the way to the verb makes the expression future (session 12)
FORWARD_NOUNS = True

# switched off only to measure it: a governor is known by its inflected forms too, not only by the lemma the
# model gives it — the small model lemmatises "hopes"/"hoping" as "hop" (session 19)
GOVERNOR_FORMS = True


@functools.lru_cache(maxsize=1)
def _governor_forms() -> frozenset:
    """The regular English forms of every governor lemma: -s/-es, -ed/-d, -ing (a final "e" dropped, a final
    consonant doubled: "planned", "planning"); forms that are no word are harmless, no token spells them."""
    forms = set()
    for lemma in _markers()[1]:
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        forms |= {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
        if lemma[-1] not in "aeiouwy":
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return frozenset(forms)


def _is_governor(token: Token) -> bool:
    if token.lemma_.lower() in _markers()[1]:
        return True
    return GOVERNOR_FORMS and token.pos_ in ("VERB", "AUX", "ADJ") and token.lower_ in _governor_forms()


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


# switched off only to measure it: a condition whose consequence lies ahead is itself ahead (round 16)
CONDITIONAL_FORWARD = True
CONDITION_MARKERS = frozenset({"if", "unless"})
# switched off only to measure it: a present-tense temporal clause ("when", "once", "before" …) of a future main
# clause is ahead too — English puts such a clause in the present ("When she arrives in Oslo this week, she will …")
# (round 17)
TEMPORAL_CLAUSE_FORWARD = True


@functools.lru_cache(maxsize=1)
def _temporal_conjunctions() -> frozenset:
    return frozenset(date_lexicon.load()["future_markers"]["temporal_conjunctions"])


def _present_form(verb: Token) -> bool:
    """True for a verb in the present, simple or with a present auxiliary ("arrives", "is visiting", "has
    signed"), not in the past ("arrived", "was visiting")."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return (any(c.tag_ in ("VBZ", "VBP") for c in aux) if aux else verb.tag_ in ("VBZ", "VBP")) \
        and not any(c.tag_ == "VBD" for c in aux)


def _forward_condition(verb: Token) -> bool:
    """True for the verb of a condition ("if"/"unless") or of a present-tense temporal clause ("when", "once", …:
    ``TEMPORAL_CLAUSE_FORWARD``) whose consequence is a plain future or hypothetical:
    "If the vote went ahead in November, the party would lose", "If talks fail in March, prices will rise" — the
    condition is about a time to come, whatever the form of its own verb. A counterfactual ("If it had gone ahead
    in November, the party would have lost") and a condition of a past consequence ("If it rained in March, the
    harvest failed") keep their past."""
    if not CONDITIONAL_FORWARD or verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    temporal = TEMPORAL_CLAUSE_FORWARD and bool(marks & _temporal_conjunctions()) and _present_form(verb)
    if not (marks & CONDITION_MARKERS or temporal):
        return False
    if any(c.lemma_.lower() == "have" and c.dep_ == "aux" for c in verb.children):
        return False  # "if it had gone": a past condition
    consequence = verb.head
    aux = [c for c in consequence.children if c.dep_ in ("aux", "auxpass")]
    return any(c.lower_ in _markers()[0] or c.lemma_.lower() in _markers()[0] for c in aux) \
        and not any(c.lemma_.lower() == "have" for c in aux)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` in the dependency tree (auxiliaries skipped), or None."""
    for _ in range(MAX_HOPS):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


NEGATORS = frozenset({"not", "n't", "never", "neither", "nor", "no", "nobody", "none", "nothing"})


def _negated(verb: Token) -> bool:
    """True when the verb is negated, by its own "not" or in its subject ("Neither he nor they could be found")."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        t.lower_ in NEGATORS for t in verb.subtree if t.i < verb.i)


def verb_tense(verb: Token) -> str | None:
    modals, governors, planning = _markers()
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _forward_condition(verb):
        return FUTURE
    if any(c.lower_ in modals or c.lemma_.lower() in modals for c in aux):
        return FUTURE
    if verb.lemma_.lower() in planning:  # "planned a rally on Saturday", "plans to meet on Tuesday"
        return FUTURE
    passive = FORWARD_INFINITIVES and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in aux)
    if (verb.tag_ == "VB" or passive) and any(c.lower_ == "to" for c in aux):
        head = verb.head
        if FORWARD_INFINITIVES and head.i != verb.i and head.lower_ in _round16_markers()[0]:
            return FUTURE  # "is likely to be approved", "is supposed to be signed": the word as written
        if head.i != verb.i and _is_governor(head):
            return FUTURE
        if head.lemma_.lower() == "be" and _is_governor(head.head):
            return FUTURE
        if BE_TO_INFINITIVE and verb.dep_ == "xcomp" and head.lemma_.lower() == "be" and head.tag_ in ("VBZ", "VBP"):
            return FUTURE  # "the chancellor is to visit Kyiv on Monday": an arrangement ahead
    if BE_TO_INFINITIVE and verb.lemma_.lower() == "be" and verb.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "xcomp" and c.tag_ == "VB" and any(a.lower_ == "to" for a in c.children) for c in verb.children):
        return FUTURE  # "the chancellor on Monday is to visit Kyiv": the date hangs on "is"
    if POSSIBILITY_MODALS and any(c.lower_ in _round16_markers()[1] for c in aux) \
            and not any(c.lemma_.lower() == "have" for c in aux) and not _negated(verb):
        return FUTURE  # "may face a hostile assembly after November's vote"; not "could not agree", "may have left"
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
    if SINCE_IS_PAST and span.root.dep_ == "pobj" and span.root.head.lower_ == "since":
        return PAST  # "shortages since February may push prices higher": a period begun by the anchor, whatever the verb
    verb = governing_verb(span.root)
    if FORWARD_NOUNS and _forward_noun(span.root, verb):
        return FUTURE
    if verb is None:
        # no verb above the span (headline, fragment): the sentence's root verb, if any
        root = span.sent.root
        verb = root if root.pos_ in ("VERB", "AUX") else None
    return verb_tense(verb) if verb is not None else None
