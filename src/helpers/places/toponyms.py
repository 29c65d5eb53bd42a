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

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
import pandas as pd
from spacy.tokens import Doc

from helpers.core import rules
from helpers.core.tokens import doc_text
from helpers.geo import gazetteer as gz
from helpers.text.sentences import SentenceIndex, extract_sentences, sentence_indexes

_normalize = functools.lru_cache(maxsize=1 << 16)(gz.normalize)  # the same names, looked up again and again
_WORDS = rules.load_json("places", "words.json")  # language facts: places/rules/words.json (see its README)
NON_PLACE_ENTS = frozenset(_WORDS["non_place_entity_labels"])
NAME_ENTS = frozenset(_WORDS["name_entity_labels"])
PLACE_ENTS = frozenset(_WORDS["place_entity_labels"])
_LANGUAGE_ENTS = frozenset(_WORDS["language_entity_labels"])
MAX_TOKENS = int(_WORDS["max_name_tokens"])
_DIRECTIONS = frozenset(_WORDS["part_of_place_words"])
_DIRECTION_NAMES = frozenset(_WORDS["direction_words"])
_POSSESSIVE = frozenset(_WORDS["possessive_tokens"])
_LIST_JOINERS = frozenset(_WORDS["list_joiners"])
_MODIFIER_DEPS = frozenset(_WORDS["modifier_dependencies"])
_FEATURE_MODIFIER_DEPS = frozenset(_WORDS["feature_modifier_dependencies"])  # "the [eastern] province of X"
_FUNCTION_POS = frozenset(_WORDS["function_word_pos"])  # parts of speech no first name has ("Inside X")
_OPENERS = "".join(_WORDS["quote_openers"])  # (a substring test, as for one-character tokens)
_DEFINITE = frozenset(_WORDS["definite_determiners"])
_CONTAINER_MODIFIERS = frozenset(_WORDS["container_modifiers"])
_TLD_COUNTRIES = {k.lower(): v.upper() for k, v in _WORDS["country_code_tlds"].items()}
_GENERIC_TLDS = frozenset(_WORDS["generic_country_code_tlds"])
_RESIDENT_NOUNS = frozenset(_WORDS["resident_nouns"])
_PARTY_LETTERS = frozenset(_WORDS["party_letters"])
_DATELINE_MARKS = frozenset(_WORDS["dateline_marks"])
_WATER_BEFORE_NAME = frozenset(_WORDS["water_words_before_name"])
# titles written before a person's name: honorifics ("Mr", "Dr."), abbreviated titles ("Sen.", "Pres.") and office
# titles ("President", "Governor"), from the text stage's name vocabulary (text/rules/names.json)
_NAMES = rules.load_json("text", "names.json")
_TITLE_ABBREVIATIONS = frozenset(_NAMES["honorifics"]) | frozenset(_NAMES["title_abbreviations"])
_OFFICE_TITLES = frozenset(_NAMES["office_titles"])
_PERSON_PREPS = frozenset(_WORDS["person_prepositions"])  # place prepositions a person follows too ("a letter to X")
# nouns naming an institution or a body ("Congress", "the Council", "Parliament"): the text stage's organisation
# head nouns and the places stage's institution words
_INSTITUTION_WORDS = frozenset(_WORDS["institution_words"]) | frozenset(
    w for w in _NAMES["org_heads"] if " " not in w)
# "Calif." -> ("US", "California"): news-style abbreviations of states/provinces (places/rules/region_abbreviations.json)
_REGION_ABBREVIATIONS = {abbr: (cc, name) for cc, table in rules.load_json("places", "region_abbreviations.json").items()
                         for abbr, name in table.items()}
# the outlet's country (issue 12): when the article names none of a name's countries, a settlement or
# second-level unit in the outlet's country gains what a tenfold population gives (0.8 / 7 per power of ten in
# _score): a tie-breaker between namesakes of like size, never enough to overturn a world city ("Rome" in a US
# outlet), a feature class (Georgia the country, not the US state) or the article's own geography (an article
# naming Australia keeps Melbourne there whatever the outlet)
OUTLET_WEIGHT = 0.8 / 7
IN_NAME_MIN_POPULATION = 10000  # a settlement inside a longer name: this large, or in the article's countries
VARIANT_OF_NAMED_ELSEWHERE = True  # session 13: a spelling variant of a name the model calls a person or organisation
ABROAD_REGION_NAMED_ELSEWHERE = True  # session 13: "X territory" where X is an organisation elsewhere
ABROAD_MIN_POPULATION = 10000  # a settlement outside the article's countries, with no context: this large
# issue 12, round 16 (unseen news); each switch is for measuring its rule
GLUED_PARTS = True  # a place inside two words run together by the text's extraction ("SlovyanskThe", "SaltLondon")
NAME_BEFORE_GLUED_WORD = True  # "Jane RoeACT": the word before a glued surname is a first name, not a place
FIRST_NAME_BEFORE_SURNAME = True  # the model's one-word place (a small town's name) before a surname it does not know
CLAUSE_SUBJECT_NOT_CONTAINER = True  # "the siege of X, Y has said": Y opens a clause, it does not contain X
SAME_NAME_AS_MODEL_REGION = True  # the model's area the gazetteer lacks ("in X") is that area elsewhere in the article
PERSON_WORD_IN_UNKNOWN_NAME = True  # "Jane Roe" the model calls a place, where "Roe" is a person elsewhere
COMMON_WORD_AT_SENTENCE_START = True  # "Time is short": a word opening a sentence, also written in lower case
PERSON_NAME_WITHOUT_PLACE_WORD = True  # round 17: "X People's Republic" the model calls a person names no person
FEATURE_AFTER_MODIFIERS = True  # round 17: "the eastern province of X", "Ukraine's southern region of X": X is it
REGION_OF_FINAL_CITY = True  # round 17: "X region" whose final reading is another record of X's city: the region
COUNTRY_BEFORE_NUMBER = True  # round 17: "Denmark 15, Greece 12": a country before a number is no designator
STRONG_NAME_AS_MODIFIER = True  # round 17: "the X government" (X not tagged a proper noun) where X is a place elsewhere
REGION_ABROAD_ONE_SENSE = True  # session 18: "the provinces of X … in X": X is that region abroad every time
SHARED_REGION_NAME_ABROAD = True  # session 18: "Eastern Province" abroad, a name regions of several countries bear
COUNTED_LIST = True  # session 18: "fifteen in X, eight in Y and one in Z": places each after a count are a list
GLUED_MIN_POPULATION = 100000  # a settlement read out of glued words: this large, under its own name
# a token that is an abbreviation with its own stop: dotted initials ("U.S.", "U.A.E.") or a short capitalised
# word ("St.", "Mt."); spaCy splits a sentence's final stop off ordinary words, so only these end in "."
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{0,2}\.$")
# two words run together where a line or paragraph break was lost: a lower-case letter, then a capital that starts
# a word ("SlovyanskThe", "saysRussia", "KarpACT", "KharkivA man …"); the first part has three lower-case letters
# or more, so the "Mc"/"Mac"/"De" of one surname are no break
_GLUED = re.compile(r"^([A-Za-z][a-z]*[a-z]{3})([A-Z](?:[a-z]+|[A-Z]+)?)$")
_HANDLE_MARKS = "@#/_"  # a handle, hashtag or address runs words together on purpose ("@KyivIndependent")


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
    listed: bool = False          # in a list with a kept place ("Soroca, Tiraspol and Comrat", "Dalton, Georgia")
    inside: "Candidate | None" = None  # the place named right after "in"/"," (containment)
    extended_end_char: int | None = None  # end including a following feature word ("Donetsk region")
    chosen: gz.Place | None = None
    method: str = "unresolved"
    confidence: float = 0.0
    region_of: gz.Place | None = None  # "X region" read as the region whose centre is city X
    found_by: str | None = None   # the detection rule that found it (DETECTION_RULES)
    kept_by: str | None = None    # the keep rule that decided (KEEP_RULES; "passed": none dropped it)
    role: str = "toponym"         # schemas.PLACE_ROLES: toponym, in_name (inside a longer name), demonym


@dataclass(frozen=True)
class _Lexicon:
    admin1_words: frozenset
    city_words: frozenset
    water_words: frozenset
    joiners: frozenset
    preps: frozenset
    admin2_words: frozenset
    containment_links: frozenset
    landform_words: frozenset


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    fw = gz.feature_words()
    return _Lexicon(frozenset(fw["admin1"]), frozenset(fw["city"]), frozenset(fw["water"]),
                    frozenset(fw["name_joiners"]), frozenset(fw["prefix_context"]), frozenset(fw["admin2"]),
                    frozenset(fw["containment_links"]), frozenset(fw["landform"]))


def _feature_kind(word: str, lex: _Lexicon) -> str | None:
    w = word.lower()
    if w in lex.admin1_words:
        return "admin1"
    if w in lex.city_words:
        return "city"
    if w in lex.water_words:
        return "water"
    if w in lex.landform_words:
        return "landform"
    return None


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _after_title(doc: Doc, k: int) -> bool:
    """Token ``k`` follows a title: an honorific or abbreviated title ("Mr", "Gen.", "Pres." -- also split as
    "Pres" + ".") or a capitalised office title ("President", not sentence-initial "president")."""
    prev = doc[k - 1]
    if not prev.whitespace_:
        return False
    low = prev.lower_
    if low in _TITLE_ABBREVIATIONS or (low.rstrip(".") in _OFFICE_TITLES and prev.text[:1].isupper()):
        return True
    return low == "." and k >= 2 and not doc[k - 2].whitespace_ and doc[k - 2].text[:1].isupper() \
        and doc[k - 2].lower_ + "." in _TITLE_ABBREVIATIONS


# ------------------------------------------------------------------ detection
@dataclass
class _DocContext:
    """What every detection rule may look at in one parsed article (built once per doc)."""
    doc: Doc
    gaz: gz.Gazetteer
    lex: _Lexicon
    text: str                 # doc.text (Doc.text joins every token each call)
    ent_of: dict              # token index -> entity
    person_parts: set         # capitalised words of multi-word PERSON names
    sent_starts: set          # token indices starting a sentence (Token.is_sent_start scans the doc)
    titled_names: set = field(default_factory=set)  # words right after a title in the article ("Pres. Roe": Roe)
    # names the model calls a person or organisation more often than a place in the article ("Janes said")
    named_elsewhere: set = field(default_factory=set)
    lower_words: set = field(default_factory=set)  # words the article writes in lower case ("time", "man")
    person_words: set = field(default_factory=set)  # capitalised words of every PERSON entity ("Roe" of "Roe said")
    model_places: set = field(default_factory=set)  # texts of the model's GPE/LOC entities in the article
    surname_parts: set = field(default_factory=set)  # person_parts of entities that can be a person's name
    texts: list = field(default_factory=list)  # token index -> its text (no Token object built per look)
    capitalised: list = field(default_factory=list)  # token index -> _capitalised(token)

    @classmethod
    def of(cls, doc: Doc, gaz: gz.Gazetteer) -> "_DocContext":
        ent_of = {}
        person_parts, surname_parts = set(), set()
        lower = {t.text for t in doc if t.is_lower and t.is_alpha}
        texts = [t.text for t in doc]
        cap = [bool(t) and t[0].isupper() and any(c.isalpha() for c in t) for t in texts]  # _capitalised
        for e in doc.ents:
            for i in range(e.start, e.end):
                ent_of[i] = e
            if e.label_ == "PERSON" and len(e) > 1:
                person_parts.update(t.text for t in e if _capitalised(t))
                if _person_name(e, lower):
                    surname_parts.update(t.text for t in e if _capitalised(t))
        titled = {texts[k] for k in range(1, len(doc)) if cap[k] and _after_title(doc, k)}
        if titled:  # also written as a place ("'Mr. Springdale' ... a fair in Springdale"): both senses, no rule
            lex = _lexicon()
            titled -= {texts[k] for k in range(1, len(doc)) if texts[k] in titled and (
                doc[k - 1].lower_ in lex.preps and doc[k - 1].lower_ not in _PERSON_PREPS
                or k + 1 < len(doc) and _feature_kind(doc[k + 1].text, lex) in ("admin1", "city"))}
        senses: dict[str, Counter] = {}
        for e in doc.ents:
            if e.label_ in NAME_ENTS or e.label_ in PLACE_ENTS:
                senses.setdefault(e.text, Counter())[e.label_ in PLACE_ENTS] += 1
        named = {t for t, n in senses.items() if n[False] > n[True]}
        person_words = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e if _capitalised(t)}
        model_places = {e.text for e in doc.ents if e.label_ in PLACE_ENTS}
        return cls(doc, gaz, _lexicon(), doc_text(doc), ent_of, person_parts, {s.start for s in doc.sents}, titled, named,
                   lower, person_words, model_places, surname_parts, texts, cap)

    def place_ent_at(self, i: int, after_the: bool = True):
        """The GPE/LOC entity starting at token ``i`` (or at a "the" just before it), else None."""
        ent = self.ent_of.get(i)
        if ent is not None and ent.label_ in PLACE_ENTS and (
                ent.start == i or (after_the and ent.start == i - 1 and self.doc[i - 1].lower_ == "the")):
            return ent
        return None


def _person_name(ent, lower_words: set) -> bool:
    """The model's PERSON entity can be a person's name: not one holding a possessive, a region word or an
    institution word ("the X People's Republic", "X Region Council" the model calls a person), nor one opening
    with a word the article writes in lower case or a function word or verb ("Inside X", "Taking X"), whose words
    are then no surnames (``_surname_of_named_person``) elsewhere in the article."""
    if not PERSON_NAME_WITHOUT_PLACE_WORD or len(ent) < 2:
        return True
    lex = _lexicon()
    if ent[0].text.istitle() and (ent[0].text.lower() in lower_words or ent[0].pos_ in _FUNCTION_POS):
        return False
    return not any(t.lower_ in lex.admin1_words or t.lower_ in _INSTITUTION_WORDS for t in ent[1:]) \
        and not any(t.text in _POSSESSIVE for t in ent[1:-1])  # "Jane Roe's" ends with one


@dataclass
class _Found:
    """What a detection rule found at a token: where to continue, and a candidate (if any) to check."""
    next_i: int
    cand: Candidate | None = None
    check: bool = True              # run the keep rules on ``cand``
    next_if_kept: int | None = None  # where to continue when ``cand`` is kept (default: after it)


def _lowercase_word(ctx: _DocContext, i: int) -> _Found | None:
    """Not capitalised and not the start of a place entity: not a name."""
    if not ctx.capitalised[i] and ctx.place_ent_at(i, after_the=False) is None:
        return _Found(i + 1)
    return None


def _water_body_entity(ctx: _DocContext, i: int) -> _Found | None:
    """"the Black Sea", "the Sea of Azov": a place entity ending in a water word, or a water word + "of",
    kept whole (the gazetteer has no water)."""
    doc = ctx.doc
    ent = ctx.place_ent_at(i)
    if ent is None or len(ent) < 2:
        return None
    first = ent.start + 1 if doc[ent.start].lower_ == "the" else ent.start
    water_of = ent.end - first >= 3 and _feature_kind(doc[first].text, ctx.lex) == "water" \
        and doc[first + 1].lower_ == "of"
    if _feature_kind(ent[-1].text, ctx.lex) != "water" and not water_of:
        return None
    cand = Candidate(first, ent.end, doc[first].idx, ent.end_char, ctx.text[doc[first].idx:ent.end_char],
                     [], ner=ent.label_, kind_hint="water")
    return _Found(ent.end, cand, check=False)


def _glued(inner) -> bool:
    """Tokens written without a space that are not one name ("Kyiv's Mayor"); hyphens join, and so does a
    possessive inside a name the gazetteer knows ("People's Republic of China": the lookup decides)."""
    return any(t.whitespace_ == "" and k < len(inner) - 1 and inner[k + 1].text not in "-" and t.text != "-"
               and not t.text.endswith("-") and not (0 < k + 1 < len(inner) - 1 and inner[k + 1].text in _POSSESSIVE)
               and not (k > 0 and t.text in _POSSESSIVE)
               for k, t in enumerate(inner))


def _gazetteer_name(ctx: _DocContext, i: int) -> _Found | None:
    """The longest run of capitalised tokens (with joiners) from ``i`` that the gazetteer knows; a
    demonym is skipped whole."""
    doc, n = ctx.doc, len(ctx.doc)
    for j in range(min(n, i + MAX_TOKENS), i, -1):
        if not (ctx.capitalised[j - 1] or ctx.texts[j - 1].isupper()):
            continue
        inner = doc[i:j]
        if any(t.is_space or (not _capitalised(t) and t.lower_ not in ctx.lex.joiners and t.text not in "-'"
                              and t.text not in _POSSESSIVE) for t in inner[1:-1]):
            continue
        if _glued(inner):
            continue
        text = inner.text
        if _normalize(text) in ctx.gaz.demonyms:
            return _Found(j)
        matches = ctx.gaz.lookup(text)
        if matches and not text.isupper():  # an abbreviation is written in capitals (US, U.S.): "Mo.", "La." are not MO, LA
            matches = [m for m in matches if m.match_type != gz.ABBREV]
            if not matches:
                return _Found(j)
        if matches:
            return _Found(j, _span_candidate(ctx, i, j, matches))
    return None


def _region_abbreviation(ctx: _DocContext, i: int) -> _Found | None:
    """"Fresno, Calif.", "D-N.D.", "D-W. Va.": a news-style state/province abbreviation where the style puts one
    -- after "Town, " or a party letter and hyphen -- is that region (of that country only)."""
    doc = ctx.doc
    styled = i >= 2 and (doc[i - 1].text == "," and _capitalised(doc[i - 2]) and not doc[i - 2].is_punct
                         or doc[i - 1].text == "-" and doc[i - 2].text in _PARTY_LETTERS)
    if not styled:  # elsewhere only dotted initials the model calls a place on their own ("in N.Y. on Monday")
        ent = ctx.place_ent_at(i, after_the=False)
        if ent is None or len(ent) != 1 or not re.fullmatch(r"(?:[A-Z]\.){2,}", doc[i].text) \
                or (i > 0 and doc[i - 1].like_num):  # "300 B.C." is a year
            return None
    for j in (i + 2, i + 1):
        if j > len(doc):
            continue
        key = "".join(t.text for t in doc[i:j])
        full = key if key.endswith(".") else key + "."  # a sentence's last stop is split off: "W.Va" "."
        if full not in _REGION_ABBREVIATIONS or (j > i + 1 and not doc[i].text.endswith(".")) \
                or not (key == full or (j < len(doc) and doc[j].text == ".")):
            continue
        cc, name = _REGION_ABBREVIATIONS[full]
        here = [m for m in ctx.gaz.lookup(name, variants=False) if m.place.country_code == cc]
        matches = [m for m in here if m.place.kind == "admin1"] or here
        if not matches:
            return None
        end_char = doc[i].idx + len(doc[i:j].text) + (0 if key.endswith(".") else 1)
        cand = Candidate(i, j, doc[i].idx, end_char, ctx.text[doc[i].idx:end_char], matches, kind_hint="admin1")
        return _Found(j, cand, check=False)
    return None


def _lake_name(ctx: _DocContext, i: int) -> _Found | None:
    """"Lake Opechee": a water word written before its name (places/rules ``water_words_before_name``) and one or
    two proper nouns is a water body, unless the whole is a settlement the gazetteer knows under its own name
    ("Lake Charles") or part of a longer name ("Lake Forest High School", "Lake County")."""
    doc, n = ctx.doc, len(ctx.doc)
    if not (doc[i].text[:1].isupper() and doc[i].lower_ in _WATER_BEFORE_NAME and i + 1 < n):
        return None
    j = i + 1
    while j < n and j < i + 6 and _capitalised(doc[j]) and not doc[j].is_punct:
        j += 1
    name = doc[i + 1:j]
    if not 1 <= len(name) <= 2 or any(t.pos_ != "PROPN" or _feature_kind(t.text, ctx.lex) is not None
                                      or t.lower_ in ctx.lex.admin2_words for t in name) \
            or any(m.match_type == gz.PRIMARY and not m.variant for m in ctx.gaz.lookup(doc[i:j].text)):
        return None
    cand = Candidate(i, j, doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text), doc[i:j].text, [], kind_hint="water")
    return _Found(j, cand, check=False)


def _glued_words(ctx: _DocContext, tok) -> tuple[str, str] | None:
    """The two words of a token run together by the text's extraction ("SlovyanskThe", "saysRussia", "KarpACT"),
    or None; not inside a handle, hashtag or address ("@KyivIndependent", "#StandWithUkraine")."""
    m = _GLUED.match(tok.text)
    if m is None or (tok.idx > 0 and ctx.text[tok.idx - 1] in _HANDLE_MARKS):
        return None
    return m.group(1), m.group(2)


def _strong_reading(ctx: _DocContext, name: str) -> list[gz.Match]:
    """The gazetteer's readings of ``name`` when one is strong enough to stand without any context: a country,
    region or other area under one of its names (no spelling variant; an abbreviation only in capitals), or a
    settlement of ``GLUED_MIN_POPULATION`` or more under its own name. Else []."""
    matches = [m for m in ctx.gaz.lookup(name, variants=False)
               if not m.variant and (m.match_type != gz.ABBREV or name.isupper())]
    strong = any(m.place.kind != "city" or (m.match_type == gz.PRIMARY and m.place.population >= GLUED_MIN_POPULATION)
                 for m in matches)
    return matches if strong else []


def _glued_part(ctx: _DocContext, i: int) -> _Found | None:
    """A place name run together with the word before or after it where the text lost a line break ("the city of
    SlovyanskThe city …", "officials saysRussia …", a letter's signature "Jane RoeLondon"): the part the gazetteer
    knows as a country, region or city of 100,000+ under its own name is the place; the model's labels of such a
    token say nothing. The first part is tried first."""
    tok = ctx.doc[i]
    parts = _glued_words(ctx, tok) if GLUED_PARTS else None
    ent = ctx.ent_of.get(i)
    if parts is None or (ent is not None and ent.label_ in NON_PLACE_ENTS):
        return None
    head, tail = parts
    if head.lower() in _DIRECTION_NAMES or tail.lower() in _DIRECTION_NAMES:
        return None  # "the Pacific NorthWest"
    doc = ctx.doc
    # the first part is a place only where a place can start a phrase: no name before it on the line ("the X
    # ParaSport Games"), no article of its own ("the state-run XPress"), and not a first name before a surname
    # the model calls a person or organisation in the article ("VladimirPutin")
    prev = doc[i - 1] if i else None
    head_ok = not (prev is not None and _capitalised(prev) and not prev.is_punct and "\n" not in prev.whitespace_
                   and i not in ctx.sent_starts) \
        and not any(k.dep_ == "det" for k in tok.lefts) \
        and not (tail in ctx.named_elsewhere and _normalize(tail) not in ctx.gaz.demonyms)
    # the second part is a place only at the end of a line, before lower case or punctuation, or where the model's
    # name ends with it -- not before another word of one name ("Jane RoeMary Doe")
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    tail_ok = nxt is None or nxt.is_space or "\n" in tok.whitespace_ or not _capitalised(nxt) or nxt.is_punct \
        or nxt.ent_iob_ != "I"
    for start, name, ok in ((tok.idx, head, head_ok), (tok.idx + len(head), tail, tail_ok)):
        # never a word of a person's name in the article
        if not ok or not name[:1].isupper() or name in ctx.person_parts or name in ctx.named_elsewhere:
            continue
        matches = _strong_reading(ctx, name)
        if matches:
            cand = Candidate(i, i + 1, start, start + len(name), name, matches)
            return _Found(i + 1, cand, check=False)
    return None


def _place_before_suffix(ctx: _DocContext, i: int) -> _Found | None:
    """"Lipetsk-2 airbase": the place before a hyphenated suffix."""
    tok = ctx.doc[i]
    if "-" not in tok.text or not _capitalised(tok):
        return None
    head = tok.text.split("-", 1)[0]
    matches = ctx.gaz.lookup(head) if len(head) >= 3 else []
    if not matches:
        return None
    return _Found(i + 1, Candidate(i, i + 1, tok.idx, tok.idx + len(head), head, matches), next_if_kept=i + 1)


def _article_of_entity(ctx: _DocContext, i: int) -> _Found | None:
    """"the Republic of Korea": look the name up without the article."""
    ent = ctx.ent_of.get(i)
    if ent is not None and ent.start == i and ctx.doc[i].lower_ == "the":
        return _Found(i + 1)
    return None


def _model_place(ctx: _DocContext, i: int) -> _Found | None:
    """The model's place with no gazetteer entry: kept (if the keep rules agree), unresolved."""
    ent = ctx.place_ent_at(i)
    if ent is None:
        return None
    return _Found(ent.end, _span_candidate(ctx, i, ent.end, []))


def _no_name(ctx: _DocContext, i: int) -> _Found:
    return _Found(i + 1)


# Detection rules, tried in this order at each token; the first that answers decides.
DETECTION_RULES: list[tuple[str, Callable[[_DocContext, int], _Found | None]]] = [
    ("lowercase_word", _lowercase_word),
    ("water_body_entity", _water_body_entity),
    ("region_abbreviation", _region_abbreviation),
    ("lake_name", _lake_name),
    ("glued_part", _glued_part),
    ("gazetteer_name", _gazetteer_name),
    ("place_before_suffix", _place_before_suffix),
    ("article_of_entity", _article_of_entity),
    ("model_place", _model_place),
    ("no_name", _no_name),
]


def _span_candidate(ctx: _DocContext, i: int, j: int, matches: list[gz.Match]) -> Candidate:
    doc = ctx.doc
    last = doc[j - 1]
    end_char = last.idx + len(last.text)
    while end_char > doc[i].idx + 1 and not ctx.text[end_char - 1].isalnum():
        end_char -= 1  # "Kiev.-" in machine-translated text: the name without trailing punctuation
    if _ABBREVIATION.match(last.text) and end_char == last.idx + len(last.text) - 1:
        end_char += 1  # "U.S.", "St.": the stop belongs to the abbreviation
    cand = Candidate(i, j, doc[i].idx, end_char, ctx.text[doc[i].idx:end_char], matches)
    ent = ctx.ent_of.get(i)
    if ent is not None and ent.end == j and (ent.start == i or ctx.place_ent_at(i) is ent):
        cand.ner = ent.label_  # the model's entity is the span (or "the" + the span: "the United States")
    return cand


def candidates(doc: Doc, gaz: gz.Gazetteer, trace: list[dict] | None = None,
               in_names: list[Candidate] | None = None, ctx: "_DocContext | None" = None) -> list[Candidate]:
    """Place candidates in ``doc`` (not yet disambiguated), in text order, non-overlapping.

    ``trace``, if given, receives one record per candidate looked at: its text and offsets, the detection
    rule that found it, and the keep rule that kept or dropped it (for debugging a missed or wrong place).
    ``in_names``, if given, receives the gazetteer names dropped only because they are part of a longer name
    ("Kansas Department of Transportation", "Bank of Canada"): role ``in_name``, not places of the story.
    """
    ctx = ctx or _DocContext.of(doc, gaz)
    out: list[Candidate] = []
    pending: list[Candidate] = []  # dropped only for want of evidence: a list with a kept place may give it
    i, n = 0, len(doc)
    while i < n:
        found, rule = None, None
        for rule, fn in DETECTION_RULES:
            found = fn(ctx, i)
            if found is not None:
                break
        cand = found.cand
        i = found.next_i
        if cand is None:
            continue
        cand.found_by = rule
        if found.check:
            kept, cand.kept_by = _keep(ctx, cand)
        else:
            kept, cand.kept_by = True, rule
        if trace is not None:
            trace.append({"text": cand.text, "start_char": cand.start_char, "end_char": cand.end_char,
                          "found_by": rule, "kept": kept, "rule": cand.kept_by})
        if kept:
            out.append(cand)
            if found.next_if_kept is not None:
                i = found.next_if_kept
            elif cand.extended_end_char is not None:
                i = max(cand.end, _token_after(doc, cand.extended_end_char))
            else:
                i = max(i, cand.end)
        elif cand.kept_by in LIST_RESCUED and cand.matches:
            pending.append(cand)
        elif in_names is not None and cand.kept_by in IN_NAME_RULES and _in_name_part(ctx, cand):
            cand.role = "in_name"
            in_names.append(cand)
    out = _rescue_listed(ctx, out, pending, trace)
    if SAME_NAME_AS_MODEL_REGION:
        out = _same_name_as_model_region(ctx, out, trace)
    if in_names:
        taken = {k for c in out for k in range(c.start, c.end)}
        in_names[:] = [c for c in in_names if not any(k in taken for k in range(c.start, c.end))]
    _link_containment(doc, out)
    return out


def _same_name_as_model_region(ctx: _DocContext, out: list[Candidate], trace: list[dict] | None) -> list[Candidate]:
    """One sense per article for a region the gazetteer lacks: a name kept as the model's place with no gazetteer
    entry (its LOC, or its GPE after a place preposition: "fighting in X") is that place wherever else the article
    writes it as a proper noun on its own ("the offensive in the X … much of X"), also where the model gives it no
    label (its label is copied) -- not inside a person's or organisation's name, nor next to another capitalised
    word ("X Arena")."""
    doc, n = ctx.doc, len(ctx.doc)
    names = {tuple(t.text for t in doc[c.start:c.end]): c.ner for c in out
             if not c.matches and c.kind_hint != "water" and c.found_by == "model_place"
             and (c.ner == "LOC" or (c.ner in PLACE_ENTS and c.prep))}
    if not names:
        return out
    taken = {k for c in out for k in range(c.start, c.end)}
    added = []
    for i in range(n):
        for name in names:
            j = i + len(name)
            if j > n or tuple(t.text for t in doc[i:j]) != name or any(k in taken for k in range(i, j)):
                continue
            ents = {ctx.ent_of[k].label_ for k in range(i, j) if k in ctx.ent_of}
            nxt = doc[j] if j < n else None
            prev = doc[i - 1] if i else None
            if ents - PLACE_ENTS or doc[j - 1].pos_ != "PROPN" \
                    or (nxt is not None and _capitalised(nxt) and not nxt.is_punct and doc[j - 1].whitespace_) \
                    or (prev is not None and _capitalised(prev) and not prev.is_punct and i not in ctx.sent_starts
                        and prev.whitespace_):
                continue
            cand = _span_candidate(ctx, i, j, [])
            cand.ner = names[name]
            cand.found_by = cand.kept_by = "same_name_as_model_region"
            if trace is not None:
                trace.append({"text": cand.text, "start_char": cand.start_char, "end_char": cand.end_char,
                              "found_by": cand.found_by, "kept": True, "rule": cand.kept_by})
            added.append(cand)
            taken.update(range(i, j))
    return sorted(out + added, key=lambda c: c.start) if added else out


# Keep rules that only say "nothing else says it is a place": a list with a kept place says so.
LIST_RESCUED = frozenset(("model_says_name", "variant_without_evidence", "variant_of_village",
                          "all_caps_without_strong_evidence",
                          "weak_match_without_evidence", "small_place_without_evidence"))


# Keep rules that drop a name only because it is part of a longer one: the part is kept with role ``in_name``.
IN_NAME_RULES = frozenset(("longer_name_after", "longer_name_before", "inside_longer_name_entity"))


def _in_name_part(ctx: _DocContext, c: Candidate) -> bool:
    """A place name inside an organisation's, facility's or event's name ("Illinois Department of Employment
    Security", "Bank of Canada"): the gazetteer knows it under its own spelling, and it is not inside a person's
    name ("Lloyd Austin") nor a sentence-initial single common word."""
    if any((e := ctx.ent_of.get(k)) is not None and e.label_ == "PERSON" for k in range(c.start, c.end)):
        return False
    if c.end - c.start == 1 and ctx.doc[c.start].text in ctx.person_parts:
        return False
    if not any(not m.variant and m.match_type != gz.ABBREV for m in c.matches):
        return False
    return _keep(ctx, c, skip=IN_NAME_RULES)[0]  # on its own, the rest of the keep rules would keep it


def _neighbour(doc: Doc, k: int, step: int) -> int:
    """The token index past up to two list joiners from ``k`` in direction ``step`` ("," / "and" / ", and")."""
    moved = 0
    while 0 <= k < len(doc) and moved < 2 and doc[k].lower_ in _LIST_JOINERS:
        k += step
        moved += 1
    return k if moved else -1


def _rescue_listed(ctx: _DocContext, out: list[Candidate], pending: list[Candidate],
                   trace: list[dict] | None) -> list[Candidate]:
    """Candidates dropped for lack of evidence that sit in a list next to a kept place are checked again
    with that as evidence ("Briceni, Soroca, Ribnita"; "Dalton, Georgia"), until no more join."""
    doc = ctx.doc
    changed = True
    while pending and changed:
        changed = False
        starts = {c.start for c in out}
        ends = {(c.end if c.extended_end_char is None else _token_after(doc, c.extended_end_char)) - 1 for c in out}
        for c in list(pending):
            if _neighbour(doc, c.start - 1, -1) not in ends and _neighbour(doc, c.end, 1) not in starts:
                continue
            pending.remove(c)
            c.listed = True
            kept, rule = _keep(ctx, c)
            c.kept_by = "listed+" + rule
            if trace is not None:
                trace.append({"text": c.text, "start_char": c.start_char, "end_char": c.end_char,
                              "found_by": c.found_by, "kept": kept, "rule": c.kept_by})
            if kept:
                out.append(c)
                changed = True
        out.sort(key=lambda c: c.start)
    return out


def _token_after(doc: Doc, char: int) -> int:
    span = doc.char_span(char, char, alignment_mode="expand")
    return span.start if span is not None else len(doc)


# ---- keep rules: each returns True (keep), False (drop) or None (no decision; the next rule decides).
# Some only annotate the candidate (kind_hint, prep, extended_end_char) for the rules after them.
def _inside_non_place_entity(ctx: _DocContext, c: Candidate) -> bool | None:
    """Inside a number or date expression."""
    if any((e := ctx.ent_of.get(k)) is not None and e.label_ in NON_PLACE_ENTS for k in range(c.start, c.end)):
        return False
    return None


def _next_token(ctx: _DocContext, c: Candidate):
    return ctx.doc[c.end] if c.end < len(ctx.doc) else None


def _prev_token(ctx: _DocContext, c: Candidate):
    return ctx.doc[c.start - 1] if c.start > 0 else None


def _dateline(ctx: _DocContext, c: Candidate) -> bool | None:
    """"COLUMBUS -- A text message ...", "BEIRUT: ...", "FAIRFIELD, Conn. --": an all-caps name opening a
    sentence and followed by a dash or colon (after at most ", <State>" or a bracket) is the story's dateline."""
    doc, n = ctx.doc, len(ctx.doc)
    text = doc[c.start:c.end].text
    prev = _prev_token(ctx, c)
    if not (text.isupper() and sum(ch.isalpha() for ch in text) >= 3) \
            or not (c.start in ctx.sent_starts or prev is None or prev.is_space) \
            or not any(not m.variant for m in c.matches):
        return None
    k = c.end
    if k + 1 < n and doc[k].text == "," and _capitalised(doc[k + 1]):
        k += 2  # ", Conn."
    if k < n and doc[k].text == "(":
        while k < n and k < c.end + 6 and doc[k].text != ")":
            k += 1
        k += 1  # "(Reuters)"
    if k < n and doc[k].text in _DATELINE_MARKS:
        c.prep = True
        return True
    return None


def _feature_word_after(ctx: _DocContext, c: Candidate) -> None:
    """"X region", "X Oblast", "X River", "X Island": the feature word gives the kind and extends the mention."""
    nxt = _next_token(ctx, c)
    if nxt is not None and _feature_kind(nxt.text, ctx.lex) in ("admin1", "water", "landform"):
        c.kind_hint = _feature_kind(nxt.text, ctx.lex)
        c.extended_end_char = nxt.idx + len(nxt.text)
    return None


def _longer_name_after(ctx: _DocContext, c: Candidate) -> bool | None:
    """Followed by another capitalised word that is not a feature word: part of a longer name
    ("Kyiv Post"), unless that word is itself a proper-noun place or the model's place entity ends here."""
    nxt = _next_token(ctx, c)
    last = ctx.doc[c.end - 1]
    if c.ner in PLACE_ENTS:
        return None  # the model ends a place here ("US President", "Ukraine War"): a modifier, still the place
    if nxt is not None and _all_caps_run(ctx, c, nxt):
        return None
    if nxt is not None and c.extended_end_char is None and _capitalised(nxt) and nxt.text not in _POSSESSIVE \
            and not nxt.is_punct and _feature_kind(last.text, ctx.lex) is None \
            and last.lower_ not in ctx.lex.admin2_words and nxt.i not in ctx.sent_starts and last.whitespace_:
        if not ctx.gaz.lookup(nxt.text, variants=False) or nxt.pos_ not in ("PROPN",):
            return False
    return None


def _first_name_before(ctx: _DocContext, c: Candidate, nxt) -> bool:
    """One word before a surname: a person's first name, whatever the model calls it. Either the next token is two
    words run together whose first is capitalised ("Jane RoeACT": a byline glued to the next line), or the model
    calls only this word a place, the gazetteer knows it only as settlements under 100,000, and the next word is
    a proper noun the gazetteer does not know, no title and no feature word ("Daria Dugina")."""
    if c.end - c.start != 1:
        return False
    glued = _glued_words(ctx, nxt)
    if NAME_BEFORE_GLUED_WORD and glued is not None and glued[0][:1].isupper() and not _strong_reading(ctx, glued[0]) \
            and not any(m.place.kind == "country" or m.place.population >= 100000 for m in c.matches):
        return True  # (a country or a large place stays: "in US PoliticsThat's it")
    return FIRST_NAME_BEFORE_SURNAME and c.ner in PLACE_ENTS and c.matches \
        and all(m.place.kind == "city" and m.place.population < 100000 for m in c.matches) \
        and nxt.pos_ == "PROPN" and _capitalised(nxt) and nxt.text.isalpha() and not nxt.text.isupper() \
        and nxt.ent_type_ in ("", "PERSON", "GPE", "LOC") and nxt.i not in ctx.sent_starts \
        and nxt.lower_ not in _OFFICE_TITLES and nxt.lower_ + "." not in _TITLE_ABBREVIATIONS \
        and _feature_kind(nxt.text, ctx.lex) is None and nxt.lower_ not in ctx.lex.admin2_words \
        and not ctx.gaz.lookup(nxt.text, variants=False)


def _first_name(ctx: _DocContext, c: Candidate) -> bool | None:
    """A person's first name before the surname (:func:`_first_name_before`): no place, and no place inside a
    longer name either."""
    nxt = _next_token(ctx, c)
    if nxt is not None and ctx.doc[c.end - 1].whitespace_ and _first_name_before(ctx, c, nxt):
        return False
    return None


def _all_caps_run(ctx: _DocContext, c: Candidate, neighbour) -> bool:
    """In an all-caps headline every word is capitalised, so a capitalised neighbour says nothing about a
    longer name ("TROOPS LEAVE UKRAINE"); the gazetteer's longest match has already been tried."""
    text = ctx.doc[c.start:c.end].text
    return text.isupper() and len(text) > 3 and neighbour.text.isupper() and any(not m.variant for m in c.matches)


def _longer_name_before(ctx: _DocContext, c: Candidate) -> bool | None:
    """Preceded by a capitalised word that is not a joiner, feature word, compass word, demonym or place ("Lloyd Austin"),
    unless the model's place entity starts here."""
    prev = _prev_token(ctx, c)
    lex, gaz = ctx.lex, ctx.gaz
    if c.ner in PLACE_ENTS:
        return None  # the model starts a place here
    if prev is not None and _all_caps_run(ctx, c, prev):
        return None
    if prev is not None and _capitalised(prev) and prev.i not in ctx.sent_starts and not prev.is_punct \
            and prev.text.lower() not in lex.joiners and _feature_kind(prev.text, lex) is None \
            and prev.lower_ not in _DIRECTION_NAMES \
            and prev.ent_type_ not in ("NORP",) and _normalize(prev.text) not in gaz.demonyms \
            and prev.ent_type_ not in PLACE_ENTS and prev.whitespace_:
        return False
    return None


def _end_of_longer_place(ctx: _DocContext, c: Candidate) -> bool | None:
    """The last word of a longer place name ("Soviet Union", "East Timor"); a compass word before a place
    ("Northern Iraq", "Eastern Ukraine") names a part of it, so the place is kept."""
    ent = ctx.ent_of.get(c.start)
    if ent is not None and ent.label_ in PLACE_ENTS and ent.start < c.start and any(
            _capitalised(t) and t.lower_ not in ctx.lex.joiners and t.lower_ not in _DIRECTION_NAMES
            for t in ctx.doc[ent.start:c.start]):
        return False
    return None


def _inside_longer_name_entity(ctx: _DocContext, c: Candidate) -> bool | None:
    """Part of a longer person/organisation/work name with other capitalised words in it."""
    ent = ctx.ent_of.get(c.start)
    if ent is not None and ent.label_ in NAME_ENTS and (ent.start < c.start or ent.end > c.end):
        extra = [t for t in ctx.doc[ent.start:ent.end] if not (c.start <= t.i < c.end)]
        if any(_capitalised(t) and t.lower_ not in ctx.lex.joiners and _feature_kind(t.text, ctx.lex) is None
               and t.text not in _POSSESSIVE for t in extra):
            return False
    return None


def _surname_of_named_person(ctx: _DocContext, c: Candidate) -> bool | None:
    """The surname of a person named in full in the same article ("Austin said"); a country's own name
    is not a surname ("Rethinking Egypt" mis-tagged as a person)."""
    if c.end - c.start == 1 and ctx.doc[c.start:c.end].text in ctx.surname_parts and c.ner not in PLACE_ENTS \
            and not any(m.place.kind == "country" and m.match_type == gz.PRIMARY for m in c.matches):
        return False
    return None


def _language_or_nationality(ctx: _DocContext, c: Candidate) -> bool | None:
    """A word the model calls a language ("in English", "switching to English"), even after a place preposition:
    not a settlement of that name. A country or region under its own name is kept (a mis-tag), and so is a name a
    feature word gives a kind ("the English Channel"). Not NORP: the model calls settlements NORP too."""
    if c.ner in _LANGUAGE_ENTS and c.kind_hint is None and not _under_own_name(c.matches, ("country", "admin1")):
        return False
    return None


def _name_after_title(ctx: _DocContext, c: Candidate) -> bool | None:
    """A name right after a title or honorific is a person ("Pres. Roe", "Gen. Doe", "Mr Smith"): a place
    named with its title ("Prince George") was already looked up whole from the title. A country under its own
    name is kept (machine-translated "Prime Minister India")."""
    if _after_title(ctx.doc, c.start) and not _country_name(c):
        return False
    return None


def _under_own_name(matches, kinds: tuple[str, ...]) -> bool:
    """One of ``matches`` is a place of one of ``kinds`` under its own primary name (no alternate, no variant)."""
    return any(m.place.kind in kinds and m.match_type == gz.PRIMARY and not m.variant for m in matches)


def _country_name(c: Candidate) -> bool:
    return _under_own_name(c.matches, ("country",))


def _name_of_titled_person(ctx: _DocContext, c: Candidate) -> bool | None:
    """One sense per article: a word written after a title elsewhere in the article ("Pres. Roe ... Roe's
    decision") is that person's name, unless a preposition, feature word or list says this mention is a place."""
    if c.end - c.start == 1 and ctx.doc[c.start].text in ctx.titled_names and not _context(c) \
            and not _country_name(c):
        return False
    return None


def _name_elsewhere_in_article(ctx: _DocContext, c: Candidate) -> bool | None:
    """One sense per article: a name the model calls a person or organisation more often than a place in the article
    ("Janes said …, according to Janes"), matched only as another name or spelling of a place (no place has it as
    its own name), with no evidence of its own beyond the model (a preposition people follow too — "according to
    X" — is none)."""
    prev = ctx.doc[c.start - 1] if c.start else None
    locative = c.prep and not (prev is not None and prev.lower_ in _PERSON_PREPS)
    named = ctx.doc[c.start:c.end].text in ctx.named_elsewhere
    if named and not (locative or c.kind_hint or c.listed) \
            and all(m.match_type == gz.ALTERNATE or m.variant for m in c.matches):
        return False
    # a spelling variant is too weak for a preposition to outweigh the name's other sense ("In Zelensky's address")
    if VARIANT_OF_NAMED_ELSEWHERE and named and not (c.kind_hint or c.listed) and c.matches \
            and all(m.variant for m in c.matches):
        return False
    return None


def _institution_word(ctx: _DocContext, c: Candidate) -> bool | None:
    """A word naming an institution or body ("a bill sent to Congress", "a seat on the Council") that the
    model does not call a place: a preposition does not make it one (the small towns named Congress or Council are
    written with a feature word or a state: "Council, Idaho")."""
    doc = ctx.doc
    if c.end - c.start == 1 and doc[c.start].lower_ in _INSTITUTION_WORDS and c.ner not in PLACE_ENTS \
            and c.kind_hint is None and not _before_its_region(ctx, c):
        return False
    return None


def _designator_before_number(ctx: _DocContext, c: Candidate) -> bool | None:
    """One capitalised word (no abbreviation: "S.C. 5", "KY 80" are roads of a state) the model does not call a
    place, right before a small number: a part or item designator ("Annex 1", "Terminal 2", "Gate 5"), not a place —
    the small towns that share such words are written without a number."""
    doc = ctx.doc
    if c.end - c.start == 1 and doc[c.start].is_title and c.ner not in PLACE_ENTS and c.kind_hint is None \
            and c.end < len(doc) and doc[c.end].is_digit and len(doc[c.end].text) <= 3 and doc[c.end - 1].whitespace_ \
            and not (COUNTRY_BEFORE_NUMBER and _country_name(c)):  # "Denmark 15, Greece 12": a count per country
        return False
    return None


def _before_its_region(ctx: _DocContext, c: Candidate) -> bool:
    """"X, Idaho", "X, Portugal": followed by a comma and a state or country under its own name."""
    doc = ctx.doc
    return c.end + 1 < len(doc) and doc[c.end].text == "," and _capitalised(doc[c.end + 1]) and _under_own_name(
        ctx.gaz.lookup(doc[c.end + 1].text, variants=False), ("country", "admin1"))


def _place_context_before(ctx: _DocContext, c: Candidate) -> None:
    """A place preposition or feature word before: "in X", "west of X", "the town of X", "Jane Roe, 41, of X",
    the second member of a list after a feature word ("the republics of Yakutia and Buryatia"), or a
    resident noun after: "a X man", "X residents", "X police"."""
    doc, lex, k = ctx.doc, ctx.lex, c.start - 1
    if k >= 0 and doc[k].lower_ in lex.preps:
        c.prep = True
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in _DIRECTIONS:
        c.prep = True  # "west of Avdiivka"
    if k >= 2 and doc[k].lower_ == "of" and doc[k - 1].text == "," and doc[k - 2].like_num:
        c.prep = True  # "Jane Roe, 41, of X": a person's age, then where they live
    if c.end < len(doc) and doc[c.end].text in _RESIDENT_NOUNS and all(t.pos_ == "PROPN" for t in doc[c.start:c.end]):
        c.prep = True  # "a X man", "X residents", "X police"
    if k >= 1 and doc[k].lower_ == "of" and _feature_kind(doc[k - 1].text, lex):
        c.prep = True
        one = not (c.end < len(doc) and doc[c.end].lower_ in _LIST_JOINERS)
        if _names_the_feature(doc, k - 1, one_name=one, country=_country_name(c), gaz=ctx.gaz):
            c.kind_hint = c.kind_hint or _feature_kind(doc[k - 1].text, lex)
    if k >= 2 and doc[k].lower_ in _LIST_JOINERS and doc[k - 1].ent_type_ in PLACE_ENTS | {""}:
        for back in range(k - 1, max(-1, k - 6), -1):
            if doc[back].lower_ == "of" and back >= 1 and _feature_kind(doc[back - 1].text, lex):
                if _names_the_feature(doc, back - 1, gaz=ctx.gaz):
                    c.kind_hint = c.kind_hint or _feature_kind(doc[back - 1].text, lex)
                c.prep = True
                break
    return None


def _common_word_at_sentence_start(ctx: _DocContext, c: Candidate) -> bool | None:
    """One word opening a sentence or a line ("Time is not on our side", a headline "Man shot by police") that the
    article also writes in lower case is that common word, whatever the model calls it -- unless a feature word or
    a list says place, or it is a country or first-level region under its own name."""
    if not COMMON_WORD_AT_SENTENCE_START or c.end - c.start != 1:
        return None
    doc, k = ctx.doc, c.start
    prev = doc[k - 1] if k else None
    opens = k in ctx.sent_starts or prev is None or prev.is_space or (prev.is_punct and prev.text in _OPENERS)
    if opens and doc[k].text.istitle() and doc[k].text.lower() in ctx.lower_words and not (c.kind_hint or c.listed) \
            and not _under_own_name(c.matches, ("country", "admin1")):
        return False
    return None


def _all_caps_without_strong_evidence(ctx: _DocContext, c: Candidate) -> bool | None:
    """In capitals ("CITY VOWS TO HARDEN FLOOD WALLS") case says nothing and a headline's "TO" or "IN" is
    as often before a verb or a common word: a name outside a dateline must be the place's own name (not an
    settlement's alternate name or a spelling variant; an abbreviation, "USSR", or a country's or region's other
    name, "AMERICA", is its own) and have stronger evidence than a preposition -- the model's place label, a
    feature word, a list with a kept place ("KANKAKEE, ILLINOIS"), or a country, region or city of 100,000+."""
    text = ctx.doc[c.start:c.end].text
    if not (text.isupper() and sum(ch.isalpha() for ch in text) >= 4):
        return None
    if not any(not m.variant and (m.match_type != gz.ALTERNATE or m.place.kind != "city") for m in c.matches):
        return False
    large = any(not m.variant and (m.place.kind != "city" or m.match_type == gz.PRIMARY
                                   and m.place.population >= 100000) for m in c.matches)
    if not (c.ner in PLACE_ENTS or c.kind_hint is not None or c.listed or large):
        return False
    return None


def _lone_direction_word(ctx: _DocContext, c: Candidate) -> bool | None:
    """"the West", "the East"."""
    if c.end - c.start == 1 and ctx.doc[c.start].lower_ in _DIRECTION_NAMES:
        return False
    return None


def _common_noun_after_the(ctx: _DocContext, c: Candidate) -> bool | None:
    """"the Gulf", "the Kremlin": a common-noun name after "the", not a settlement. The model's GPE too when it
    names only small settlements (under 100,000) and nothing else says place ("join the Union", "members of the
    Alliance"): settlements are not written with "the"; not before a hyphen ("the X-based firm") or before "and"
    and another name ("the X and Y counties")."""
    prev = _prev_token(ctx, c)
    last = ctx.doc[c.end - 1]
    if prev is not None and prev.lower_ == "the" and c.end - c.start == 1 and c.ner != "GPE" \
            and not c.kind_hint and last.dep_ not in _MODIFIER_DEPS \
            and not any(m.place.kind not in ("city", "admin1") for m in c.matches):
        return False
    nxt = _next_token(ctx, c)
    if prev is not None and prev.lower_ == "the" and c.end - c.start == 1 and c.ner == "GPE" and not _context(c) \
            and last.dep_ not in _MODIFIER_DEPS and c.matches \
            and all(m.place.kind == "city" and m.place.population < 100000 for m in c.matches) \
            and not (nxt is not None and (nxt.text == "-" or nxt.lower_ in _LIST_JOINERS and nxt.i + 1 < len(ctx.doc)
                                          and _capitalised(ctx.doc[nxt.i + 1]))):
        return False
    return None


def _evidence(c: Candidate) -> bool:
    """The model, a preposition or a feature word says the span is a place."""
    return c.ner in PLACE_ENTS or _context(c)


def _context(c: Candidate) -> bool:
    """A preposition, a feature word or a list with other places says the span is a place."""
    return c.prep or c.kind_hint is not None or c.listed


def _model_place_unknown_to_gazetteer(ctx: _DocContext, c: Candidate) -> bool | None:
    """The model's place that the gazetteer does not know: keep only name-like ones (a lone word needs
    "in X", "X region" or the model's LOC label -- Donbas --, since a lone GPE is too often a surname or an
    acronym; no short acronyms (UN, EU), handles, or digits)."""
    if c.matches:
        return None
    text, length = ctx.doc[c.start:c.end].text, c.end - c.start
    if PERSON_WORD_IN_UNKNOWN_NAME and length > 1 and any(
            t.text in ctx.person_words and t.lower_ not in ctx.lower_words
            and not ctx.gaz.lookup(t.text, variants=False) for t in ctx.doc[c.start:c.end]):
        return False  # "Jane Roe, 82, …" the model calls a place, where it calls "Roe" (no place, no common word:
        # not the "Way" of a street it calls a person) a person elsewhere
    return (c.ner in PLACE_ENTS and not (length == 1 and text in ctx.person_parts)
            and (length > 1 or c.prep or c.kind_hint is not None or c.ner == "LOC")
            and not (text.isupper() and len(text) <= 5)
            and not any(ch in text for ch in "/@") and not any(ch.isdigit() for ch in text))


def _lone_common_word(ctx: _DocContext, c: Candidate) -> bool | None:
    """A single word the model does not tag as a proper noun ("Police", "Central"), with no evidence."""
    if c.end - c.start == 1 and ctx.doc[c.start].pos_ not in ("PROPN",) and not _evidence(c) \
            and not _strong_name_as_modifier(ctx, c):
        return False
    return None


def _strong_name_as_modifier(ctx: _DocContext, c: Candidate) -> bool:
    """"the X government", "a X theatre": a title-case word the parser tags as a modifier, not a proper noun, inside
    a sentence, which the model calls a place elsewhere in the article and the gazetteer knows under its own name
    as a country, a first-level region or a city of 100,000+ (``GLUED_MIN_POPULATION``); not after a hyphen
    ("a pro-X official": a stance, left as the base rules leave it)."""
    tok = ctx.doc[c.start]
    hyphened = c.start >= 1 and ctx.doc[c.start - 1].text == "-" and not ctx.doc[c.start - 1].whitespace_
    return STRONG_NAME_AS_MODIFIER and tok.text.istitle() and c.start not in ctx.sent_starts and not hyphened \
        and tok.pos_ in ("ADJ", "NOUN") and tok.text in ctx.model_places and tok.text.lower() not in ctx.lower_words \
        and any(m.match_type == gz.PRIMARY and not m.variant and (m.place.kind in ("country", "admin1") or
                m.place.kind == "city" and m.place.population >= GLUED_MIN_POPULATION) for m in c.matches)


def _lone_adjective(ctx: _DocContext, c: Candidate) -> bool | None:
    """"Western intelligence"."""
    if c.end - c.start == 1 and ctx.doc[c.start].pos_ == "ADJ" and c.ner not in PLACE_ENTS \
            and not _strong_name_as_modifier(ctx, c):
        return False
    return None


def _organisation_acronym(ctx: _DocContext, c: Candidate) -> bool | None:
    """Short all-caps words that are not a country abbreviation or a country's own name (NIS, TASS; not CHINA)."""
    text = ctx.doc[c.start:c.end].text
    if text.isupper() and len(text) <= 5 and c.ner not in PLACE_ENTS \
            and not any(m.match_type == gz.ABBREV or (m.place.kind == "country" and m.match_type == gz.PRIMARY
                                                      and not m.variant) for m in c.matches):
        return False
    return None


def _large_primary(c: Candidate, population: int) -> bool:
    return any((m.place.kind != "city" or m.place.population >= population) and m.match_type == gz.PRIMARY
               and not m.variant for m in c.matches)


def _country_initials(ctx: _DocContext, c: Candidate) -> bool:
    """An all-caps abbreviation of a country's name ("UAE", "DPRK", "PRC"): the small model often calls these an
    organisation; a country acting is still the country."""
    text = ctx.doc[c.start:c.end].text
    return text.isupper() and 3 <= len(text) <= 5 and any(
        m.match_type == gz.ABBREV and m.place.kind == "country" and not m.variant for m in c.matches)


def _model_says_name(ctx: _DocContext, c: Candidate) -> bool | None:
    """The model calls it a person/organisation/product: only context, a large place or a country's abbreviation
    overrides that."""
    listed_ok = c.listed and c.ner != "PERSON"  # people are listed next to places too ("Churchill, Yalta")
    if c.ner in NAME_ENTS and not (c.prep or c.kind_hint or listed_ok) and not _large_primary(c, 100000) \
            and not (c.ner == "ORG" and _country_initials(ctx, c)):
        return False
    return None


def _variant_without_evidence(ctx: _DocContext, c: Candidate) -> bool | None:
    """Only near-spellings matched, and nothing says it is a place."""
    if c.ner is None and not _evidence(c) and all(m.variant for m in c.matches):
        return False
    return None


def _variant_of_village(ctx: _DocContext, c: Candidate) -> bool | None:
    """A near-spelling of a village, with no context word saying it is a place."""
    if not _context(c) and all(
            m.variant and m.place.kind == "city" and m.place.population < 10000 for m in c.matches):
        return False
    return None


def _sentence_initial_word(ctx: _DocContext, c: Candidate) -> bool | None:
    """A single non-proper-noun word capitalised only because it starts a sentence or a quote."""
    prev = _prev_token(ctx, c)
    sent_initial = c.start in ctx.sent_starts or (prev is not None and prev.is_punct and prev.text in _OPENERS)
    if sent_initial and c.end - c.start == 1 and not _evidence(c) and ctx.doc[c.start].pos_ != "PROPN":
        return False
    return None


def _weak_match_without_evidence(ctx: _DocContext, c: Candidate) -> bool | None:
    """Only alternate names of small settlements matched, and nothing says it is a place."""
    strong = any(m.match_type == gz.PRIMARY or m.place.kind != "city" or m.place.population >= 10000
                 for m in c.matches)
    if not _evidence(c) and not strong:
        return False
    return None


def _small_place_without_evidence(ctx: _DocContext, c: Candidate) -> bool | None:
    """A name no model label or context calls a place must be a large one: a country, region or state under
    one of its own names ("Russian Federation", "Türkiye"), or a city of 100,000+ under its own name."""
    if c.ner is None and not _evidence(c) and not any(
            (m.place.kind != "city" and m.match_type != gz.ABBREV and not m.variant)
            or (m.place.population >= 100000 and m.match_type == gz.PRIMARY) for m in c.matches):
        return False
    return None


def _abbreviation_without_model_place(ctx: _DocContext, c: Candidate) -> bool | None:
    """A country abbreviation (US, UK) counts only when the model tags it as a place — or, for three letters or
    more, as an organisation ("the UAE", "the DPRK": the small model's usual label for a country's initials)."""
    if all(m.match_type == gz.ABBREV for m in c.matches) and c.ner not in PLACE_ENTS \
            and not (c.ner == "ORG" and _country_initials(ctx, c)):
        return False
    return None


# Keep rules, in order; the first True/False decides, a candidate no rule drops is kept ("passed").
KEEP_RULES: list[tuple[str, Callable[[_DocContext, Candidate], bool | None]]] = [
    ("inside_non_place_entity", _inside_non_place_entity),
    ("dateline", _dateline),
    ("feature_word_after", _feature_word_after),
    ("first_name", _first_name),
    ("longer_name_after", _longer_name_after),
    ("longer_name_before", _longer_name_before),
    ("end_of_longer_place", _end_of_longer_place),
    ("inside_longer_name_entity", _inside_longer_name_entity),
    ("surname_of_named_person", _surname_of_named_person),
    ("name_after_title", _name_after_title),
    ("language_or_nationality", _language_or_nationality),
    ("institution_word", _institution_word),
    ("designator_before_number", _designator_before_number),
    ("place_context_before", _place_context_before),
    ("name_of_titled_person", _name_of_titled_person),
    ("name_elsewhere_in_article", _name_elsewhere_in_article),
    ("common_word_at_sentence_start", _common_word_at_sentence_start),
    ("all_caps_without_strong_evidence", _all_caps_without_strong_evidence),
    ("lone_direction_word", _lone_direction_word),
    ("common_noun_after_the", _common_noun_after_the),
    ("model_place_unknown_to_gazetteer", _model_place_unknown_to_gazetteer),
    ("lone_common_word", _lone_common_word),
    ("lone_adjective", _lone_adjective),
    ("organisation_acronym", _organisation_acronym),
    ("model_says_name", _model_says_name),
    ("variant_without_evidence", _variant_without_evidence),
    ("variant_of_village", _variant_of_village),
    ("sentence_initial_word", _sentence_initial_word),
    ("weak_match_without_evidence", _weak_match_without_evidence),
    ("small_place_without_evidence", _small_place_without_evidence),
    ("abbreviation_without_model_place", _abbreviation_without_model_place),
]


def _keep(ctx: _DocContext, cand: Candidate, skip: frozenset = frozenset()) -> tuple[bool, str]:
    """Run the keep rules (but those named in ``skip``) on a candidate: (kept, name of the deciding rule)."""
    for name, rule in KEEP_RULES:
        if name in skip:
            continue
        verdict = rule(ctx, cand)
        if verdict is not None:
            return bool(verdict), name
    return True, "passed"


def _names_the_feature(doc: Doc, feature_i: int, one_name: bool = False, country: bool = False,
                       gaz: gz.Gazetteer | None = None) -> bool:
    """"the town of X", "the republics of X": X is the feature. "a district of X": X contains it. With
    modifiers between ("the eastern province of X", "Ukraine's southern region of X", "the two breakaway regions
    of X and Y"): the same, a definite article or a possessive before them; a plural feature word names a
    list only, so not for ``one_name`` ("the southern regions of X": X contains them), and a country contains
    ("the eastern region of X")."""
    if feature_i >= 1 and doc[feature_i - 1].lower_ in _DEFINITE:
        return True
    if not FEATURE_AFTER_MODIFIERS or country or (one_name and doc[feature_i].lower_.endswith("s")):
        return False
    k = feature_i - 1
    while k >= 0 and feature_i - k <= 5 and (doc[k].dep_ in _FEATURE_MODIFIER_DEPS or doc[k].text in "-,") \
            and doc[k].lower_ not in _DEFINITE and doc[k].text not in _POSSESSIVE and doc[k].pos_ != "DET":
        if doc[k].pos_ == "PROPN" and not (gaz is not None and (_normalize(doc[k].text) in gaz.demonyms or
                                                                _under_own_name(gaz.lookup(doc[k].text), ("country",)))):
            return False  # "the Y district of X": Y names the feature, X contains it (not a country: "the Z region")
        k -= 1
    return k < feature_i - 1 and k >= 0 and (doc[k].lower_ in _DEFINITE or doc[k].text in _POSSESSIVE
                                             or doc[k].tag_ == "PRP$")


def _link_containment(doc: Doc, cands: list[Candidate]) -> None:
    """"X in Y" / "X, Y" / "X in eastern Y": Y names the region or country that contains X."""
    links = _lexicon().containment_links
    by_start = {c.start: c for c in cands}
    for c in cands:
        end = c.end
        if c.extended_end_char is not None:
            end = _token_after(doc, c.extended_end_char)
        if end + 1 < len(doc) and doc[end].lower_ in links and (end + 1) in by_start:
            if not (CLAUSE_SUBJECT_NOT_CONTAINER and _opens_clause(doc, by_start[end + 1])):
                c.inside = by_start[end + 1]
        elif end + 2 < len(doc) and doc[end].lower_ in links and not doc[end].is_punct \
                and doc[end + 1].lower_ in _CONTAINER_MODIFIERS \
                and (end + 2) in by_start:
            c.inside = by_start[end + 2]


_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj", "csubjpass")


def _opens_clause(doc: Doc, c: Candidate) -> bool:
    """The place is the only subject of a verb after it: "after the siege of X, Y has said …" -- Y starts a new
    clause after the comma and does not contain X. Not when the parser gives that verb another subject too ("The
    source of the outbreak in X, Y has been found": the phrase before is the subject, Y its container)."""
    tok = doc[c.end - 1]
    verb = tok.head
    return tok.dep_ in _SUBJECT_DEPS and verb.i > tok.i and verb.pos_ in ("VERB", "AUX") \
        and not any(k.dep_ in _SUBJECT_DEPS and k.i != tok.i for k in verb.children)


# ------------------------------------------------------------------ disambiguation
KIND_PRIOR = {"country": 0.45, "admin1": 0.25, "city": 0.0, "other": 0.45, "continent": 0.45, "historical": 0.45,
              "region": 0.35}


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


CLUSTER_WEIGHT, CLUSTER_KM = 0.3, 100.0
_LOCAL_KINDS = ("city", "other")


def _cluster_km(cands: list[Candidate]) -> dict[tuple[int, int], float]:
    """For each settlement/unit reading of each candidate, the distance to the nearest settlement/unit reading of
    any *other* name in the article ("Alexandria ... Brandon ... Kensington": the readings that lie together),
    keyed by (id of the candidate, place index). Readings of the same name do not count, nor the namesakes of a
    name already read with confidence (pass 1) as a settlement, unit or region: "Cairo" read as Egypt's capital
    lends no Cairo, Illinois to pull "Medina" to Ohio — only its own reading counts then. A country name keeps
    lending its namesakes (a local paper's "Lebanon" is often the town: see :func:`_local_namesake`)."""
    groups: dict[str, list[gz.Place]] = {}
    settled: dict[str, list[gz.Place]] = {}  # names read with confidence: the readings they lend
    for c in cands:
        key = _normalize(c.text)
        places_ = groups.setdefault(key, [])
        places_.extend(m.place for m in c.matches if m.place.kind in _LOCAL_KINDS and not m.variant
                       and m.match_type == gz.PRIMARY)
        if c.chosen is not None and c.confidence >= 0.8 and c.chosen.kind != "country":
            settled.setdefault(key, []).extend(q for q in places_ if q.index == c.chosen.index)
    if len(groups) < 2:
        return {}
    names = [k for k, v in groups.items() if v]
    coords = {k: np.array([(p.latitude, p.longitude) for p in groups[k]]) for k in names}
    lent = {k: np.array([(p.latitude, p.longitude) for p in settled[k]]).reshape(-1, 2) if k in settled
            else coords[k] for k in names}
    nearest: dict[tuple[str, int], float] = {}
    for k in names:
        rest = [lent[o] for o in names if o != k and len(lent[o])]
        if not rest:
            continue
        other = np.concatenate(rest)
        for p in groups[k]:
            d = gz.haversine_km(p.latitude, p.longitude, other[:, 0], other[:, 1])
            nearest[(k, p.index)] = float(np.min(d))
    return {(id(c), m.place.index): nearest[(_normalize(c.text), m.place.index)]
            for c in cands for m in c.matches if (_normalize(c.text), m.place.index) in nearest}


def _largest_namesake_settlement(c: Candidate) -> int:
    """Population of the most populous settlement that bears the name itself (own name, not a variant)."""
    return max((m.place.population for m in c.matches if m.place.kind == "city" and m.match_type == gz.PRIMARY
                and not m.variant), default=0)


def _score(c: Candidate, m: gz.Match, countries: Counter, anchors: list[gz.Place], outlet: str | None = None,
           cluster: dict | None = None, namesake_city: int = 0) -> float:
    p = m.place
    s = 0.8 * _popscore(p)
    # feature class before population, but a first-level region that holds fewer people than a settlement of
    # the same name is the minor reading (Manchester the Jamaican parish vs the English city): no region prior
    if p.kind != "admin1" or p.population >= namesake_city:
        s += KIND_PRIOR[p.kind]
    if c.kind_hint == "admin1":
        s += 0.6 if p.kind == "admin1" else (-0.4 if p.kind == "country" else 0.0)
    elif c.kind_hint == "city":
        s += 0.4 if p.kind == "city" else -0.3
    elif c.kind_hint == "landform" and p.kind == "city":
        s -= 0.3  # "X Island", "X Peninsula": the area, not a settlement of that name
    s += {gz.PRIMARY: 0.25, gz.ALTERNATE: 0.05, gz.ABBREV: 0.1}[m.match_type]
    if m.variant:
        s -= 0.1
    total = sum(countries.values())
    if total:
        s += 0.35 * countries.get(p.country_code, 0) / total
    if outlet and p.country_code == outlet and p.kind in ("city", "other") \
            and not any(countries.get(o.place.country_code) for o in c.matches):
        s += OUTLET_WEIGHT  # only when the article's own countries favour none of the namesakes
    if c.inside is not None and c.inside.chosen is not None:
        s += 0.8 if _contains(c.inside.chosen, p) else -0.3
    if p.kind in ("city", "other"):  # settlements and second-level units: near the article's other places
        nearest = _nearest_anchor_km(p, anchors)
        if nearest is not None:
            s += 0.3 * math.exp(-nearest / 500.0)
        km = cluster.get((id(c), p.index)) if cluster else None
        if km is not None and (not total or countries.get(p.country_code)):  # in a country the article is about
            s += CLUSTER_WEIGHT * math.exp(-km / CLUSTER_KM)
    return s


_NEAREST: tuple = (None, {})  # (the anchors list last asked about, place index -> km to its nearest other anchor)


_km = functools.lru_cache(maxsize=1 << 16)(gz.haversine_km)  # scalar distances between the places news names again


def _nearest_anchor_km(p: gz.Place, anchors: list[gz.Place]) -> float | None:
    """Distance from ``p`` to the nearest of ``anchors`` other than itself (None without one); computed once per
    place and anchors list (an article's anchors are one list, asked about for every reading of every candidate)."""
    if not anchors:
        return None
    global _NEAREST
    last = _NEAREST
    if last[0] is not anchors:
        last = (anchors, {})
        _NEAREST = last
    memo = last[1]
    if p.index not in memo:
        dists = [_km(p.latitude, p.longitude, a.latitude, a.longitude) for a in anchors if a.index != p.index]
        memo[p.index] = min(dists) if dists else None
    return memo[p.index]


def _choose(c: Candidate, countries: Counter, anchors: list[gz.Place], outlet: str | None = None,
            cluster: dict | None = None) -> None:
    if not c.matches:
        c.chosen, c.method, c.confidence = None, "ner+unresolved", 0.0
        return
    namesake_city = _largest_namesake_settlement(c)
    scored = sorted(((round(_score(c, m, countries, anchors, outlet, cluster, namesake_city), 6),
                      -m.place.population, m.place.index, m)
                     for m in c.matches), key=lambda t: (-t[0], t[1], t[2]))
    best = scored[0]
    m = best[3]
    # a bare name shared by a region and its own largest city means the city ("Donetsk"), unless
    # a feature word says region
    if m.place.kind == "admin1" and c.kind_hint != "admin1":
        for s, _, _, other in scored[1:]:
            if other.place.kind == "city" and other.place.admin1_index == m.place.index \
                    and _normalize(other.place.name) == _normalize(c.text) \
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
    parts.append("ner" if c.ner in PLACE_ENTS else ("context" if _context(c) else "gazetteer"))
    parts.append("variant" if m.variant else "gazetteer")
    if c.inside is not None and c.inside.chosen is not None and _contains(c.inside.chosen, m.place):
        parts.append("containment")
    if outlet and m.place.country_code == outlet and m.place.kind in ("city", "other") \
            and not any(countries.get(o.place.country_code) for o in c.matches) \
            and any(o.place.country_code != outlet for o in c.matches if o is not m):
        parts.append("outlet")  # a namesake elsewhere existed: the outlet's country was part of the choice
    c.method = "+".join(dict.fromkeys(parts))


def _counted_neighbour(doc: Doc, k: int) -> int:
    """A count by place ("fifteen in X, fourteen in Y, and one in Z", session 18): from ``k``, past the list joiners,
    a number and a place preposition — the token after them, else -1 (or always -1 with ``COUNTED_LIST`` off)."""
    j = _neighbour(doc, k, 1)
    if not COUNTED_LIST or j < 0 or j + 2 > len(doc) or not doc[j].like_num \
            or doc[j + 1].lower_ not in _lexicon().preps:
        return -1
    return j + 2


def _list_runs(doc: Doc, cands: list[Candidate]) -> list[list[Candidate]]:
    """Places coordinated in a list that closes with a conjunction ("Alberta, Manitoba, Ontario and Quebec"): runs
    of two or more candidates joined by list joiners, with "and" somewhere between them, also each after a count
    ("twelve in Ontario, eight in Alberta, and one in Quebec": ``_counted_neighbour``). A run of commas only
    ("Stroud, Ontario, Canada") is a chain of containers, not a list."""
    runs: list[list[Candidate]] = []
    run: list[Candidate] = []
    ordered = sorted(cands, key=lambda c: c.start)
    for c in ordered:
        prev = run[-1] if run else None
        if prev is not None and c.start in (_neighbour(doc, prev.end, 1), _counted_neighbour(doc, prev.end)):
            run.append(c)
            continue
        runs.append(run)
        run = [c]
    runs.append(run)
    out = []
    for run in runs:
        if len(run) >= 2 and any(t.lower_ != "," for a, b in zip(run, run[1:]) for t in doc[a.end:b.start]):
            out.append(run)
    return out


def _plural_unit_words(lex: _Lexicon) -> dict[str, str]:
    """Plurals of the second-level unit words ("counties" -> "county", "parishes" -> "parish")."""
    out = {}
    for w in lex.admin2_words:
        out[w[:-1] + "ies" if w.endswith("y") else w + ("es" if w.endswith(("sh", "s", "ch")) else "s")] = w
    return out


def _units_of_a_list(doc: Doc, gaz: gz.Gazetteer, runs: list[list[Candidate]]) -> None:
    """"Navarro, Henderson and Ellis counties": a plural unit word after a list applies to every member, which is
    then read as that unit ("Navarro County"), where the gazetteer has one of that name; "Kherson, Donetsk and
    Luhansk oblasts": a plural region word makes every member a region name, as "X region" does one."""
    lex = _lexicon()
    plurals = _plural_unit_words(lex)
    for run in runs:
        last = run[-1]  # the word after it, or the feature word its mention was extended by
        end = last.end if last.extended_end_char is None else _token_after(doc, last.extended_end_char) - 1
        after = doc[end].lower_ if end < len(doc) else ""
        if after.endswith("s") and after[:-1] in lex.admin1_words and after in lex.admin1_words:
            for c in run:
                c.kind_hint = "admin1"
            continue
        word = plurals.get(after)
        if word is None:
            continue
        for c in run:
            units = [m for m in gaz.lookup(f"{c.text} {word.title()}", variants=False) if m.place.kind == "other"]
            if units:
                c.matches = units
                c.kind_hint = None


def _same_level_in_lists(runs: list[list[Candidate]]) -> None:
    """A name listed among regions (or countries) of one kind is one too: "Ontario, Alberta and Quebec" is the
    province, not Québec City; "Georgia, Illinois and Texas" the states. Needs two other members of that kind,
    or the one other member of a pair ("New York and Vermont", "Crimea and Sevastopol"); a region reading must
    lie in the country of the members' regions. Only a settlement reading is lifted
    ("Yugoslavia, Iraq, Libya and Syria" keeps the former state)."""
    for run in runs:
        for c in run:
            others = [o.chosen for o in run if o is not c and o.chosen is not None]
            for kind in ("admin1", "country"):
                same = [o for o in others if o.kind == kind]
                if len(same) < (2 if len(others) >= 2 else 1) or len(same) * 2 < len(others) \
                        or (c.chosen is not None and c.chosen.kind not in _LOCAL_KINDS):  # lifts settlements only
                    continue
                codes = {o.country_code for o in same}
                readings = [m.place for m in c.matches if m.place.kind == kind and not m.variant
                            and m.match_type != gz.ABBREV and (kind == "country" or m.place.country_code in codes)]
                if readings:
                    c.chosen = max(readings, key=lambda q: q.population)
                    c.method += "+listed_with_" + kind
                break


def _same_country_in_lists(runs: list[list[Candidate]]) -> None:
    """A list's places lie in one country when all its other members do: in "parts of Donetsk, Luhansk, Kherson
    and Zaporizhzhia" Donetsk is the Ukrainian city, not a small Russian namesake that lies near Luhansk. A
    settlement read abroad is moved to its most populous namesake of the same kind in the other members'
    country, only when that one is larger (so a list never trades a city for a village). Needs two other
    members, all resolved in that one country ("Paris, Berlin and Minsk" are left alone)."""
    for run in runs:
        for c in run:
            if c.chosen is None or c.chosen.kind not in _LOCAL_KINDS:
                continue
            others = [o.chosen for o in run if o is not c]
            codes = {o.country_code for o in others if o is not None}
            if len(others) < 2 or None in others or len(codes) != 1 or c.chosen.country_code in codes:
                continue
            readings = [m.place for m in c.matches if m.place.kind == c.chosen.kind and not m.variant
                        and m.place.country_code in codes and m.place.population > c.chosen.population]
            if readings:
                c.chosen = max(readings, key=lambda q: q.population)
                c.method += "+listed_in_country"


def _regions_abroad(cands: list[Candidate], countries: Counter, own_votes: dict[str, Counter],
                    named: set[str]) -> None:
    """Regions the gazetteer lacks, outside the article's countries (session 18). ``REGION_ABROAD_ONE_SENSE``: a name
    the context called a region read abroad ("the provinces of Nyanza", left unresolved) is that region in its other
    mentions too, not a settlement abroad that bears the name. ``SHARED_REGION_NAME_ABROAD``: a first-level region
    outside the article's countries, under a name that regions of two or more countries bear ("Eastern Province" in
    a story about Kenya: Saudi Arabia's, Zambia's, Rwanda's …), is one the gazetteer lacks, not a region abroad."""
    abroad = {_normalize(c.text) for c in cands if c.method.endswith("+region_abroad")}
    for c in cands:
        p = c.chosen
        own = own_votes.get(_normalize(c.text))
        known = countries - own if own else countries
        if p is None or not known or p.country_code in known or p.country_code in named or "containment" in c.method:
            continue
        shared = p.kind == "admin1" and len({m.place.country_code for m in c.matches
                                             if m.place.kind == "admin1" and not m.variant}) >= 2
        if (REGION_ABROAD_ONE_SENSE and p.kind == "city" and _normalize(c.text) in abroad) \
                or (SHARED_REGION_NAME_ABROAD and shared):
            c.chosen, c.confidence = None, 0.0
            c.method = ("ner" if c.ner in PLACE_ENTS else "context") + "+region_abroad"


def _outside_container(doc: Doc, cands: list[Candidate]) -> None:
    """"Stroud, Ontario": when no reading of a settlement lies even in the country of the region or country named
    as its container, the place is one the gazetteer lacks; it is left unresolved rather than put on a namesake
    abroad. Not when the container owns the next noun: in "the city of Melitopol, Russia's news agency said"
    Russia is no container."""
    for c in cands:
        cont = c.inside
        if c.chosen is None or c.chosen.kind not in _LOCAL_KINDS or cont is None or cont.chosen is None \
                or cont.chosen.kind not in ("admin1", "country") or _contains(cont.chosen, c.chosen) \
                or (cont.end < len(doc) and doc[cont.end].text in _POSSESSIVE):
            continue
        if not any(m.place.country_code == cont.chosen.country_code for m in c.matches):
            c.chosen, c.confidence = None, 0.0
            c.method = ("ner" if c.ner in PLACE_ENTS else "context") + "+outside_container"


NAMED_AFTER_STEM = 5  # letters a region's name shares with its centre's when named after it (Zaporizhia ~ Zaporizhzhya)


def _named_after(region: gz.Place, city: gz.Place) -> bool:
    """A region that bears its centre's name ("Donetsk region", "Nizhniy Novgorod region"), unlike a region the
    city merely lies in (Texas for "the Houston region": there the city's surroundings are meant)."""
    region_key, city_key = _normalize(region.name), _normalize(city.name)
    return len(gz._common_prefix(region_key, city_key)) >= min(len(city_key), NAMED_AFTER_STEM)


CITY_REACH_KM = 50.0  # a settlement named as inside a city lies this near it ("Queens, New York")


def _holds(outer: gz.Place, inner: gz.Place) -> bool:
    """Whether ``outer``, named as the container of ``inner``, can hold it: a region or country that contains it,
    or a city within ``CITY_REACH_KM`` of it."""
    if outer.kind == "city":
        return inner.kind in _LOCAL_KINDS and gz.haversine_km(
            outer.latitude, outer.longitude, inner.latitude, inner.longitude) <= CITY_REACH_KM
    return outer.kind in ("admin1", "country") and _contains(outer, inner)


def _container_reading(cands: list[Candidate]) -> None:
    """"Dalton, Georgia": when the place named after a resolved place does not contain it but another
    reading of that name (a region or country) does, that reading is meant (the US state, not the country).
    So too for a container read as a city that lies far from the place: "Buffalo, New York" is the state,
    "Queens, New York" the city."""
    for c in cands:
        cont = c.inside
        if cont is None or c.chosen is None or cont.chosen is None \
                or cont.chosen.kind not in ("admin1", "country", "city") or _holds(cont.chosen, c.chosen) \
                or (cont.chosen.kind == "city" and c.chosen.kind not in _LOCAL_KINDS):
            continue
        readings = [m.place for m in cont.matches if m.place.kind in ("admin1", "country") and not m.variant
                    and _contains(m.place, c.chosen)]
        if readings:
            cont.chosen = max(readings, key=lambda p: p.population)
            cont.method += "+contains_previous"
            c.method += "" if "containment" in c.method else "+containment"


LOCAL_NAMESAKE_KM = 50.0


def _local_namesake(doc: Doc, cands: list[Candidate], named_by_demonym: Counter) -> None:
    """"Jordan" in a story about Shakopee and Scott County: a country name that nothing else in the article
    places in that country (no other place there, no demonym, not listed with another country: "Georgia and
    Armenia") is the namesake settlement within ``LOCAL_NAMESAKE_KM`` of the article's confident places, or the
    namesake region that contains one of them (the US state "Georgia" in a story about Atlanta); not in a story
    that names another country than the namesake's."""
    def key(c):
        return _normalize(c.text)
    country_at = {}
    for c in cands:
        if c.chosen is not None and c.chosen.kind == "country":
            country_at[c.start], country_at[c.end - 1] = c, c
    for c in cands:
        p = c.chosen
        if p is None or p.kind != "country" or named_by_demonym.get(p.country_code):
            continue
        if any(country_at.get(_neighbour(doc, k, step)) not in (None, c)
               for k, step in ((c.end, 1), (c.start - 1, -1))):
            continue
        others = [o.chosen for o in cands if o.chosen is not None and key(o) != key(c) and o.confidence >= 0.6]
        if any(o.country_code == p.country_code for o in others):
            continue
        near = [m.place for m in c.matches if m.place.kind in ("city", "other", "admin1") and not m.variant
                and m.match_type == gz.PRIMARY and any(
                    _contains(m.place, o) if m.place.kind == "admin1" else
                    o.kind in ("city", "other") and gz.haversine_km(m.place.latitude, m.place.longitude,
                                                                   o.latitude, o.longitude) <= LOCAL_NAMESAKE_KM
                    for o in others)]
        foreign = {o.country_code for o in others if o.kind == "country"}
        near = [q for q in near if foreign <= {q.country_code}]  # an international story keeps the country
        if near:
            c.chosen = max(near, key=lambda q: q.population)
            c.method += "+local_namesake"


def resolve_article(doc: Doc, gaz: gz.Gazetteer, outlet: str | None = None) -> list[Candidate]:
    """Detect and disambiguate the places in one parsed article; ``outlet`` is the ISO code of the outlet's
    country (``articles.outlet_country`` or the URL's domain: :func:`outlet_countries`), a weak prior for
    namesakes."""
    in_names: list[Candidate] = []
    ctx = _DocContext.of(doc, gaz)
    cands = candidates(doc, gaz, in_names=in_names, ctx=ctx)
    # article country context: explicit countries, demonyms, NORP
    countries: Counter = Counter()
    for c in cands:
        if len(c.matches) and all(m.place.kind == "country" for m in c.matches):
            for m in c.matches:
                countries[m.place.country_code] += 2
    named_by_demonym: Counter = Counter()
    for word in ctx.texts:
        if word[:1].isupper():
            cc = gaz.demonyms.get(_normalize(word))
            if cc:
                countries[cc] += 1
                named_by_demonym[cc] += 1
    runs = _list_runs(doc, cands)
    _units_of_a_list(doc, gaz, runs)
    for run in runs:  # "Georgia, Illinois and Texas": a list, not containers
        for c in run:
            if c.inside is not None and any(c.inside is o for o in run):
                c.inside = None
    # pass 1: population and country context; anchors are the confident ones
    for c in cands:
        _choose(c, countries, [], outlet)
    own_votes: dict[str, Counter] = {}  # a name's own first reading is no evidence for itself
    for c in cands:  # the countries of its confident settlements, regions and units count too
        if c.chosen is not None and c.confidence >= 0.8 and c.chosen.kind in ("city", "admin1", "other"):
            countries[c.chosen.country_code] += 1
            own_votes.setdefault(_normalize(c.text), Counter())[c.chosen.country_code] += 1
    anchors = [c.chosen for c in cands if c.chosen is not None and c.confidence >= 0.8]
    # pass 2: containment and proximity (contained places after their containers)
    cluster = _cluster_km(cands)
    for c in sorted(cands, key=lambda c: c.inside is not None):
        own = own_votes.get(_normalize(c.text))
        _choose(c, countries - own if own else countries, anchors, outlet, cluster)
    _container_reading(cands)
    _same_level_in_lists(runs)
    _same_country_in_lists(runs)
    _outside_container(doc, cands)
    _local_namesake(doc, cands, named_by_demonym)
    for c in cands:
        region_of = c.region_of
        centre = _centre_among_matches(gaz, c) if REGION_OF_FINAL_CITY else None
        if centre is not None:  # a later pass may have chosen another record of the name (a village in the region)
            region_of = c.chosen = centre
        if region_of is not None and c.chosen is region_of \
                and _normalize(gaz.capital[region_of.admin1_index]) == _normalize(region_of.name) \
                and _named_after(gaz.place(region_of.admin1_index), region_of):
            c.chosen = gaz.place(region_of.admin1_index)
            c.method += "+region_of_city"
    # the model's LOC (seas, mountains, regions) matched only to a small settlement: leave unresolved; so is a
    # name before a landform word ("the Ural Mountains", "Fraser Valley") that only a settlement bears
    for c in cands:
        p = c.chosen
        if p is not None and p.kind == "city" and p.population < 100000 and "containment" not in c.method \
                and ((c.ner == "LOC" and not c.prep) or c.kind_hint == "landform"):
            c.chosen, c.confidence = None, 0.0
            c.method = "ner+unresolved" if c.ner == "LOC" else "context+landform"
    # a small settlement outside the article's countries, with no context word and no container,
    # is more likely a misread name ("Asia", "Siberia" matching villages) than a place in the story; and a name
    # the context calls a region ("X Province", "the provinces of X") read as a settlement abroad is a region
    # the gazetteer lacks. The countries a name's own reading added do not count for it; every country the
    # article names does ("Panama" counts, although a Panama City shares its name).
    named = {c.chosen.country_code for c in cands if c.chosen is not None and c.chosen.kind == "country"}
    for c in cands:
        p = c.chosen
        own = own_votes.get(_normalize(c.text))
        known = countries - own if own else countries
        if not known or p is None or p.kind != "city" or p.country_code in known or p.country_code in named \
                or p.country_code == outlet or "containment" in c.method:
            continue
        if p.population < ABROAD_MIN_POPULATION and not c.kind_hint:
            c.chosen, c.method, c.confidence = None, ("ner+unresolved" if c.ner in PLACE_ENTS else "dropped"), 0.0
        elif c.kind_hint == "admin1":
            c.chosen, c.confidence = None, 0.0
            c.method = ("ner" if c.ner in PLACE_ENTS else "context") + "+region_abroad"
            if ABROAD_REGION_NAMED_ELSEWHERE and c.ner not in PLACE_ENTS and c.text in ctx.named_elsewhere:
                c.method = "dropped"  # "Nato territory": a body the model names elsewhere, not a region
    _regions_abroad(cands, countries, own_votes, named)
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
    parts = _resolve_in_names(in_names, countries, anchors, outlet) + _demonyms(ctx, cands + in_names)
    return sorted(cands + parts, key=lambda c: c.start_char)


def _centre_among_matches(gaz: gz.Gazetteer, c: Candidate) -> gz.Place | None:
    """"X region" read as a settlement: the centre of that settlement's region when it is one of the name's own
    records (the region's largest city), else None -- the same region whichever record of the name was chosen."""
    p = c.chosen
    if c.kind_hint != "admin1" or p is None or p.kind != "city" or p.admin1_index < 0:
        return None
    capital = _normalize(gaz.capital[p.admin1_index])
    return next((m.place for m in c.matches if m.place.kind == "city" and m.place.admin1_index == p.admin1_index
                 and m.place is not p and _normalize(m.place.name) == capital), None)


def _resolve_in_names(in_names: list[Candidate], countries: Counter, anchors: list[gz.Place],
                      outlet: str | None) -> list[Candidate]:
    """Names inside longer names, resolved against the article's geography (which they do not add to); kept when
    resolved to an area or a settlement of ``IN_NAME_MIN_POPULATION`` or more, or one in the article's countries."""
    out = []
    for c in in_names:
        _choose(c, countries, anchors, outlet)
        p = c.chosen
        if p is None or (p.kind == "city" and p.population < IN_NAME_MIN_POPULATION
                         and not countries.get(p.country_code)):
            continue
        c.method = "in_name+" + c.method.split("+", 1)[-1]
        out.append(c)
    return out


def _demonyms(ctx: _DocContext, taken: list[Candidate]) -> list[Candidate]:
    """Adjectives and nouns of nationality ("Sudanese", "North Korean", "Czechs"): role ``demonym``, the country's
    entry as the place. Not inside a person's name, nor where a place was found."""
    used = {k for c in taken for k in range(c.start, c.end)}
    doc, gaz, text = ctx.doc, ctx.gaz, ctx.text
    n = len(doc)
    person, ent_types = doc.vocab.strings["PERSON"], doc.to_array("ENT_TYPE").tolist()  # t.ent_type_, no Token built
    ok = [k not in used and ctx.capitalised[k] and ent_types[k] != person for k in range(n)]
    out = []
    i = 0
    while i < n:
        if not ok[i]:
            i += 1
            continue
        for j in (i + 2, i + 1):
            if j > n or not all(ok[i:j]) or (j > i + 1 and not doc[i].whitespace_):
                continue
            end_char = doc[j - 1].idx + len(doc[j - 1].text)
            key = _normalize(text[doc[i].idx:end_char])
            cc = gaz.demonyms.get(key) or (gaz.demonyms.get(key[:-1]) if key.endswith("s") else None)
            country = gaz.country(cc) if cc else None
            if country is not None:
                out.append(Candidate(i, j, doc[i].idx, end_char, text[doc[i].idx:end_char], [], chosen=country,
                                     method="demonym", confidence=0.9, role="demonym"))
                i = j - 1
                break
        i += 1
    return out


# ------------------------------------------------------------------ the table
def _unresolved_kind(c: Candidate) -> str:
    """A water word makes it water; the model's LOC (not a country, city or state: Donbas), a name with a
    landform word ("X Peninsula") and one the context calls a region ("X Province") are regions."""
    if c.kind_hint == "water":
        return "water"
    return "region" if c.ner == "LOC" or c.kind_hint in ("landform", "admin1") else "other"


def place_rows(doc: Doc, article_id: str, gaz: gz.Gazetteer,
               sentences: SentenceIndex | None = None, outlet: str | None = None) -> list[dict]:
    """``places`` rows for one parsed article (``doc`` is the parse of ``articles.text``); ``sentences``
    is the article's index over the ``sentences`` table (made from the parse when not given); ``outlet`` the
    outlet's country code (see :func:`resolve_article`)."""
    lookup = sentences or SentenceIndex(extract_sentences(doc, article_id))
    rows = []
    text = doc_text(doc)
    for c in resolve_article(doc, gaz, outlet):
        p = c.chosen
        kind = p.kind if p is not None else _unresolved_kind(c)
        rows.append({
            "article_id": article_id,
            "sentence_id": int(lookup.row(c.start_char)["sentence_id"]),
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
            "role": c.role,
        })
    return rows


def _present(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def outlet_countries(articles: pd.DataFrame | None) -> dict[str, str]:
    """``article_id -> ISO code`` of the outlet's country: ``articles.outlet_country``, else the country-code
    domain of ``articles.url`` (``.co.uk`` → GB, ``.pl`` → PL; not domains used as generic ones, ``.tv``)."""
    from urllib.parse import urlsplit

    out: dict[str, str] = {}
    if articles is None or not len(articles) or "article_id" not in articles:
        return out
    for r in articles.to_dict("records"):
        cc = _present(r.get("outlet_country"))
        url = _present(r.get("url"))
        if cc is None and url is not None:
            host = urlsplit(url if "//" in url else "//" + url).hostname or ""
            tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
            if len(tld) == 2 and tld.isalpha() and tld not in _GENERIC_TLDS:
                cc = _TLD_COUNTRIES.get(tld, tld)
        if cc is not None:
            out[str(r["article_id"])] = cc.strip().upper()
    return out


def places_table(docs, sentences: pd.DataFrame | None = None, gaz: gz.Gazetteer | None = None,
                 errors: list | None = None, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The ``places`` table for parsed docs (each with ``doc.user_data["article_id"]``); ``articles`` (optional)
    gives each article's outlet country (:func:`outlet_countries`), context for namesakes.

    Per-article failures go through the one guard (:func:`helpers.core.stage.rows_per_article`): a failing
    article is added to ``errors`` (article_id, message) and skipped, the others are still processed; with
    ``errors=None`` the first failure is raised.
    """
    from helpers.core import schemas
    from helpers.core.stage import row_digest, rows_per_article

    gaz = gaz or gz.load()
    lookups = sentence_indexes(sentences)
    outlets = outlet_countries(articles)
    folder = getattr(gaz, "folder", None)  # the gazetteer is part of each article's cache key (see core.artcache)
    gaz_id = (folder / "meta.json").read_text() if folder is not None and (folder / "meta.json").exists() else None

    def inputs(aid):  # what place_rows reads of the sentences: their starts and ids (no SentenceIndex made)
        return gaz_id, row_digest(lookups, aid, ("start_char", "sentence_id")), outlets.get(aid)

    df, failed = rows_per_article(docs, schemas.get("places"),
                                  lambda doc, aid: place_rows(doc, aid, gaz, lookups.get(aid), outlets.get(aid)),
                                  inputs=inputs if gaz_id is not None else None)
    if failed and errors is None:
        raise ValueError(f"places: article {failed[0][0]} failed: {failed[0][1]}")
    if errors is not None:
        errors.extend(failed)
    for col in ("geonameid", "population"):
        df[col] = df[col].astype("Int64")
    return df
