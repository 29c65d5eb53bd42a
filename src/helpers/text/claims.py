"""Numeric claims: one row per figure, with qualifier, unit, category, subject, rate and claimant.

A Matcher finds number tokens (digits, "200bn"/"900km"-style tokens, written numbers); each run
of them is read into a value, then widened:

- left: a currency sign ("$", "US$", "£"), a qualifier ("at least", "more than", "over", …),
  "between X and Y" / "from X to Y";
- right: a scale ("m", "bn", "million"), a currency word, "%"/"percent", a distance or area
  unit, a range end ("X to Y", "X-Y");
- the unit is the noun the number counts (its dependency head: "3,000 … soldiers" → soldier),
  looked up in ``text/rules/units.csv`` for the category; the subject is that noun phrase;
- a rate ("a day", "per week", "daily", "… each") is read after the noun.

Not counted (general rules, ``text/rules/numbers.json``): numbers inside DATE/TIME/ORDINAL
entities or inside names (an entity with a non-numeric word: "Su-34", "Lipetsk-2"), years,
day numbers next to a month, clock times, ages, ordinals, identifiers after a designator noun
("Article 5"), hyphenated model numbers ("F-16"), calibres ("152 mm"), and a parenthesised
conversion right after a figure of the same kind ("900km (560 miles)" is one distance).

The claimant is the speaker of the innermost statement whose content holds the figure
(``statement`` / ``according_to``; not the object of a cue-model verb, statement rule ``model_object``:
"X enjoyed a surge of 40%", nor a fallback content, ``speech_object`` / ``subtree_fallback``: "X denied reports
of 500 dead"); else the named source of the one "according to" phrase in the
figure's sentence (``according_to``); else the subject of a reporting or attribution verb above
the figure in the parse when the figure is in what the verb reports, not in its subject or an adjunct
("The NIS monitored … 1,500 troops": ``attribution_verb``); else, for a sentence no statement touches between
statements of one named speaker that report the sentence before it to its end and the sentence after it from its
start, in one paragraph ("According to X, …. The two sides have … . “…,” she noted."), that speaker (``context``,
round 13); else "(unattributed)". Session 20: a figure no statement holds but that lies in the parse subtree of the
clause a statement's cue reports, past where its content stops, is that statement's speaker's (``statement``); a
figure nothing else credits, in the clause of an "in" phrase naming a poll or count with a name ("In a CNN/ORC poll,
31% of voters said …", "… leads by 57 percent to 33 percent in the Gallup poll"), is that name's (``according_to``).

A speaker that is a noun phrase and no named entity (``statements.speaker_kind`` group, role, anonymous,
document or body: "officials", "the spokesman", "a person familiar with the matter", "the report", "the emergency
service") makes the claimant
"(<phrase>)" — in parentheses like "(unattributed)", so the ledger's charts and counts treat it as unnamed, and it
is never merged with another article's speaker of the same words (phrases are no entities: the cross-article
canonical names never touch them); ``claimant_kind`` keeps the kind.
"""
from __future__ import annotations

import functools
import re
from typing import Callable

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from helpers.core.tokens import doc_text, hyphen_word
from helpers.text import lexicon as lexicons
from helpers.text.attribution import PHRASE_KINDS, attribution_verb, mention_span, speaker_kind

from helpers.core.schemas import UNATTRIBUTED, UNKNOWN  # noqa: E402
# statement rules through which no figure is credited: a cue-model verb's object ("enjoyed a surge of 40%"), a
# speech verb's object read as a fallback ("denied the reports of 500 dead") and the content of a noun the cue model
# found ("its support for the 300 …")
_NO_FIGURE_RULES = ("model_object", "speech_object", "subtree_fallback", "model_noun")
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_SUFFIXED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-zA-Z%²]+)$")
_GROUP = re.compile(r"^\d{3}$")  # a thousands group after a space ("20 000")
_LEADING_GROUP = re.compile(r"^\d{1,3}$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
_PAGE_COUNTER = re.compile(r"^\W*([A-Za-z]+)\s+\d+\s+of\s+\d+\b")
_CODED = re.compile(r"^([A-Z]{3})(\d[\d,]*(?:\.\d+)?)$")  # a currency code glued to the number: "EUR6", "PLN300"


def _coded_pattern() -> str:
    """The regex of a currency code glued to a number, from the codes in ``numbers.json`` ``currency_words``."""
    codes = sorted(w.upper() for w in _lex()["currency_words"] if len(w) == 3 and w.isalpha())
    return r"^(?:" + "|".join(codes) + r")\d[\d,]*(?:\.\d+)?$"


def _coded(text: str) -> tuple[str, str] | None:
    """("eur", "6") for "EUR6" when the three letters are a currency code, else None."""
    m = _CODED.match(text)
    return (m.group(1).lower(), m.group(2)) if m and m.group(1).lower() in _lex()["currency_words"] else None


@functools.lru_cache(maxsize=1)
def _lex():
    n = lexicons.numbers()
    return {
        "words": n["words"], "scales": n["scales"],
        "signs": n["currency_signs"], "currency_words": n["currency_words"],
        "rate_units": set(n["rate_units"]), "rate_words": n["rate_words"], "rate_dets": set(n["rate_determiners"]),
        "identifiers": set(n["identifier_nouns"]),
        "identifier_abbreviations": set(n["identifier_abbreviations"]), "calibre": set(n["calibre_units"]),
        "lowercase_identifiers": set(n["lowercase_identifier_nouns"]),
        "months": set(n["months"]), "ages": set(n["age_words"]), "age_comparatives": set(n["age_comparatives"]),
        "page_counter_words": set(n["page_counter_words"]), "skip_labels": set(n["skip_entity_labels"]),
        "numeric_labels": set(n["numeric_entity_labels"]), "clock_words": set(n["clock_words"]),
        "time_abbreviations": set(n["time_unit_abbreviations"]),
        "dashes": set(n["dashes"]), "year_prepositions": set(n["year_prepositions"]),
        "date_list_joiners": set(n["date_list_joiners"]), "range_joiners": set(n["range_joiners"]),
        "unit_phrases_after": set(n["unit_phrases_after"]), "unit_words_after": set(n["unit_words_after"]),
        "discourse_nouns": set(n["discourse_nouns"]), "contrast": set(n["contrast_words"]),
        "list_closers": set(n["list_marker_closers"]),
        "idioms": [re.compile(rf"\b{re.escape(p)}\b") for p in n["idioms"]],
        "owning_determiners": frozenset(n["owning_determiners"]),
        "one_at_a_time": list(n["one_at_a_time"]),
        "casualty": set(n["casualty_words"]), "casualty_nouns": set(n["casualty_nouns"]),
        "people_loss": set(n["people_loss_words"]), "count_nouns": set(n["count_nouns"]),
        "adjunct_preps": set(n["adjunct_prepositions"]),
        "fractions": n["fractions"], "numerators": n["fraction_numerators"], "periods": set(n["period_nouns"]),
        "vague_plurals": n["vague_plurals"], "vague_counts": n["vague_counts"], "vague_numerals": n["vague_numerals"],
        # the words a vague quantity can start with (_vague_span finds none at any other token)
        "vague_first": frozenset(n["vague_plurals"]) | frozenset(n["vague_counts"])
        | frozenset(phrase.split()[0] for phrase in n["vague_numerals"]),
        "qualifiers": lexicons.qualifiers(), "units": lexicons.units(),
        "speech": set(lexicons.cue_verbs()["speech"]), "attribution": set(lexicons.cue_verbs()["attribution"]),
        "adjunct_marks": set(lexicons.cue_verbs()["adjunct_marks"]),
        "refusal_verbs": set(lexicons.cue_verbs()["refusal_verbs"]),
        "factive_verbs": set(lexicons.cue_verbs()["factive_verbs"]),
        "question_verbs": set(lexicons.cue_verbs()["question_verbs"]),
        "figure_only_with": lexicons.cue_verbs()["figure_only_with"],
        "judged_object_cues": set(lexicons.cue_verbs()["judged_object_cues"]),
        "addressee_verbs": set(lexicons.cue_verbs()["addressee_verbs"]),
        "deliberation_verbs": set(lexicons.cue_verbs()["deliberation_verbs"]),
        "spaced_scales": set(n["spaced_scale_abbreviations"]), "strength": set(n["strength_words"]),
        "measure_units": set(n["measure_units"]), "million_nouns": set(n["million_nouns"]),
        "dimension_words": set(n["dimension_words"]), "change_verbs": frozenset(n["change_verbs"]), "generic_collectives": frozenset(n["generic_collectives"]), "lives_loss": frozenset(n["lives_loss_verbs"]),
        "military_company_modifiers": frozenset(n["military_company_modifiers"]),
        "population_nouns": frozenset(n["population_nouns"]), "people_subject_verbs": frozenset(n["people_subject_verbs"]),
        "bare_identifiers": frozenset(n["bare_identifier_nouns"]),
        "share_heads": set(n["share_heads"]), "survey_nouns": set(n["survey_nouns"]),
        "documents": set(lexicons.names()["document_nouns"]) | set(lexicons.names()["source_nouns"]),
    }


@functools.lru_cache(maxsize=4)
def _matcher(vocab) -> Matcher:
    m = Matcher(vocab)
    m.add("NUM", [
        [{"LIKE_NUM": True, "OP": "+"}],
        [{"TEXT": {"REGEX": r"^\d[\d,]*(?:\.\d+)?[a-zA-Z%²]+$"}}],
        [{"TEXT": {"REGEX": _coded_pattern()}}, {"LIKE_NUM": True, "OP": "*"}],
    ], greedy="LONGEST")
    return m


def _glue_dashed_words(tokens: list[str], lex: dict) -> list[str]:
    """["twenty", "-", "four", "million"] -> ["twenty-four", "million"]: a dash between two number words."""
    out: list[str] = []
    for t in tokens:
        if len(out) >= 2 and t.lower() in lex["words"] and out[-1] in lex["dashes"] \
                and out[-2].lower() in lex["words"]:
            out[-2:] = [f"{out[-2]}-{t}"]
        else:
            out.append(t)
    return out


def parse_number(tokens: list[str]) -> float | None:
    """Value of a run of number tokens ("3,000", "3.5 million", "two hundred", "200bn"); None if not a cardinal."""
    lex = _lex()
    total, current, seen = 0.0, 0.0, False
    digits_before = None  # the previous token when it was a plain digit token
    if HYPHENATED_NUMBER_WORDS:  # "twenty", "-", "four" as the tokenizer splits it: "twenty-four"
        tokens = _glue_dashed_words(tokens, lex)
    for raw in tokens:
        coded = _coded(raw)
        t = (coded[1] if coded else raw.lower()).replace("\u00a0", "")
        m = _DIGITS.match(t)
        if m:
            if digits_before is not None:  # "20 000": thousands grouped by a space; "75 12 72" is a table row
                if not (_GROUP.match(t) and (_LEADING_GROUP.match(digits_before) or _GROUP.match(digits_before))):
                    return None
                current = current * 1000 + float(t)
            else:
                current += float(t.replace(",", ""))
            seen, digits_before = True, t
            continue
        digits_before = None
        m = _SUFFIXED.match(t)
        if m and m.group(2).lower() in lex["scales"]:
            current += float(m.group(1).replace(",", "")) * lex["scales"][m.group(2).lower()]
            seen = True
            continue
        if m:  # "900km", "78%": the number part; the suffix is a unit
            current += float(m.group(1).replace(",", ""))
            seen = True
            continue
        if t in lex["scales"] and t not in ("m", "b", "k"):
            current = (current or 1) * lex["scales"][t]
            if lex["scales"][t] >= 1000:
                total, current = total + current, 0.0
            seen = True
            continue
        parts = [p for p in re.split(r"-", t) if p]
        if parts and all(p in lex["words"] and p not in ("a", "an") for p in parts):
            if WRITTEN_UNITS_RUN and 0 < current % 100 < 10 and lex["words"][parts[0]] < 100:
                return None  # "four five-litre bottles": two counts side by side, no one number
            current += sum(lex["words"][p] for p in parts)
            seen = True
            continue
        return None
    return total + current if seen else None


def _suffix_unit(token: Token) -> str | None:
    m = _SUFFIXED.match(token.text)
    return m.group(2).lower() if m else None


PROPER_PLURAL_UNIT = True  # session 23, switched off only to measure it


# session 17, switched off only to measure it: what a figure counts starts after a parenthesised conversion or an
# alternative number between the figure and its noun
SUBJECT_AFTER_ASIDE = True


class _Reader:
    """Reads the claims of one doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)  # Doc.text rebuilds the string on every access
        self.lex = _lex()
        self.n = len(doc)
        self._lowers: list[str] | None = None

    @property
    def lowers(self) -> list[str]:
        """Every token's lower-case text, read once per doc: the scans for shares, ratios, multiples and vague
        quantities look at these words first and build a token (a new object on each ``doc[i]``) only where one of
        their patterns can start."""
        if self._lowers is None:
            self._lowers = [t.lower_ for t in self.doc]
        return self._lowers

    def tok(self, i: int) -> Token | None:
        return self.doc[i] if 0 <= i < self.n else None

    def rejection(self, start: int, end: int, written_cardinal: bool = False) -> str | None:
        """The name of the first rule in :data:`EXCLUSION_RULES` that rejects tokens ``start:end``, else None.
        ``written_cardinal``: the run is one side of a shared scale ("two or three million"), a cardinal by its form,
        so the rules that read the model's entity or the number's parse role (:data:`_FORM_OVERRIDES`) are not asked."""
        span = _Span(self, start, end)
        for name, rule in EXCLUSION_RULES:
            if written_cardinal and name in _FORM_OVERRIDES:
                continue
            if rule(self, span):
                return name
        return None

    def excluded(self, start: int, end: int) -> bool:
        return self.rejection(start, end) is not None

    def read(self, start: int, end: int) -> dict | None:
        """The figure at tokens ``start:end`` widened by :data:`READ_STEPS`, or None when it is not a number."""
        words = [t.text for t in self.doc[start:end]]
        value = parse_number(words)
        if value is None:
            return None
        fig = _Figure(self, start, end, words, value)
        for _, step in READ_STEPS:
            step(self, fig)
        doc, left, right = self.doc, fig.left, fig.right
        return {
            "tok_start": left, "tok_end": right, "num_token": fig.last.i,
            "start_char": doc[left].idx, "end_char": doc[right - 1].idx + len(doc[right - 1]),
            "value": float(fig.value), "value_low": float(fig.value_low), "value_high": float(fig.value_high),
            "qualifier": fig.qualifier, "unit": fig.unit, "category": fig.category, "subject": fig.subject,
            "rate": fig.rate, "head_i": fig.head.i if fig.head is not None else None, "_pair": fig.pair,
        }

    def _range_end(self, right: int):
        joiner = self.tok(right)
        if joiner is None or joiner.lower_ not in self.lex["range_joiners"]:
            return None
        j = right + 1
        sign = self.tok(j)
        had_sign = sign is not None and sign.lower_ in self.lex["signs"]
        if had_sign:
            j += 1
        k = j
        while self.tok(k) is not None and (self.tok(k).like_num or _SUFFIXED.match(self.tok(k).text)):
            k += 1
        if k == j:
            return None
        hi = parse_number([t.text for t in self.doc[j:k]])
        if hi is None:
            return None
        # the scale of the high end ("7 million", "7bn"), shared by a bare low end ("5-7 million")
        scale = max([self.lex["scales"][t.lower_] for t in self.doc[j + 1:k] if t.lower_ in self.lex["scales"]]
                    + [self.lex["scales"].get(_suffix_unit(self.doc[k - 1]) or "", 1)])
        nxt = self.tok(k)
        if nxt is not None and nxt.lower_ in self.lex["scales"] and nxt.lower_ not in ("k",):
            scale = self.lex["scales"][nxt.lower_]
            return hi * scale, k + 1, had_sign, scale
        return hi, k, had_sign, scale

    def _counted_noun(self, tok: Token, right: int) -> Token | None:
        dash, unit = self.tok(right), self.tok(right + 1)
        if STRENGTH_COUNT and _strength_after(self, tok.i + 1):  # "a 2,000-strong force": the force is counted
            noun = self.doc[tok.i + 2].head  # "the 30-strong military alliance"
            return noun if noun.i > tok.i + 2 and noun.pos_ in ("NOUN", "PROPN") else None
        if HYPHENATED_UNIT and dash is not None and unit is not None and dash.text in self.lex["dashes"] \
                and not tok.whitespace_ and not dash.whitespace_ and unit.pos_ == "NOUN" \
                and (unit.lower_ in self.lex["units"] or unit.lemma_.lower() in self.lex["units"]):
            return unit  # "an 800-mile land border": the unit glued by a hyphen, however the parser hung it
        if tok.dep_ == "quantmod" and tok.head.i < tok.i and tok.head.like_num:  # "two dozen roses": the number counts
            tok = tok.head
        head = tok.head
        if PROPER_MODIFIER_COUNTED and tok.dep_ in ("nummod", "quantmod") and head.i > tok.i and head.pos_ == "PROPN" \
                and head.dep_ in ("compound", "nmod") and head.head.i > head.i and head.head.pos_ == "NOUN" \
                and head.head.i - head.i <= 6:
            return head.head  # "90 M777 howitzers", "90 M777 Nato-standard artillery pieces": the name modifies
        if COMPOUND_MODIFIER_COUNTED and tok.dep_ == "nummod" and head.i > tok.i and head.pos_ == "NOUN" \
                and head.tag_ == "NN" and head.dep_ in ("compound", "nmod") and head.head.i > head.i \
                and head.head.tag_ == "NNS" and head.head.pos_ == "NOUN" and head.head.i - head.i <= 6 \
                and not (tok.like_num and parse_number([tok.text]) == 1):
            return head.head  # "eight frontline battlegroups": a singular noun modifying the plural that is counted
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i > tok.i and head.pos_ in ("NOUN", "PROPN"):
            if head.ent_type_ in ("GPE", "NORP", "PERSON", "ORG") and head.pos_ == "PROPN" \
                    and not (head.ent_type_ == "NORP" and head.tag_ == "NNPS") and head.lower_ not in self.lex["units"]:
                return None
            return head
        nxt = self.tok(right)
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.lemma_.lower() in self.lex["units"]:
            return nxt
        return None

    def _unit_of(self, noun: Token) -> tuple[str, str]:
        units = self.lex["units"]
        lemma, low = noun.lemma_.lower(), noun.lower_
        if noun.tag_ == "NNPS" and lemma == low and low.endswith("s"):  # "Crimeans": the tagger keeps the plural
            lemma = low[:-1]
        prefix = _hyphen_prefix(self.doc, noun) if HYPHENATED_NOUN_UNIT else None
        if prefix is not None:  # "two fly-bys", "1,000 anti-tank [missiles]": the noun is the whole hyphenated word
            word = f"{prefix}-{lemma}"
            base = units.get(lemma) or units.get(low)
            return units.get(word) or (word, base[1] if base else "other")
        prev = self.tok(noun.i - 1)
        if prev is not None:
            two = f"{prev.lower_} {lemma}"
            if two in units:
                return units[two]
        for key in (lemma, low):
            if key in units:
                return units[key]
        if PROPER_PLURAL_UNIT and noun.pos_ == "PROPN" and noun.tag_ == "NNP" and lemma == low \
                and low.endswith("s") and not low.endswith("ss") and noun.ent_type_ == "":
            # "the 27 EU Member States": a capitalised plural the tagger kept as a name, counted in the singular
            return units.get(low[:-1], (low[:-1], "other"))
        if lemma.endswith("man") or low.endswith("men"):
            return lemma if lemma.endswith("man") else low[:-3] + "man", "personnel"
        return lemma, "other"

    def _subject(self, noun: Token, right: int) -> str | None:
        doc = self.doc
        start = right if right <= noun.i else noun.i
        if SUBJECT_AFTER_ASIDE and start < noun.i and doc[start].text == "(":
            close = next((t.i for t in doc[start:noun.i] if t.text == ")"), None)
            if close is not None:  # "a 1,300km (810-mile) border": the conversion is no part of what is counted
                start = close + 1
        elif SUBJECT_AFTER_ASIDE and start + 1 < noun.i and doc[start].lower_ == "or" and doc[start + 1].like_num:
            start += 1  # "70 or 80,000 victims", "150 or one million soldiers": the other number is not counted
            while start < noun.i and doc[start].like_num:
                start += 1
        while start < noun.i and (doc[start].is_punct or doc[start].dep_ == "det"):
            start += 1
        text = self.text[doc[start].idx:noun.idx + len(noun)]
        return " ".join(text.split()) or None

    def _governing_np(self, tok: Token) -> str | None:
        """'the first batch of 2,600' -> 'first batch'."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            noun = tok.head.head
            start = noun.left_edge.i
            while start < noun.i and (self.doc[start].dep_ == "det" or self.doc[start].is_punct):
                start += 1
            return " ".join(self.text[self.doc[start].idx:noun.idx + len(noun)].split())
        return None

    def _rate(self, tok: Token) -> str | None:
        for i in range(tok.i + 1, min(tok.i + 4, self.n)):
            t = self.doc[i]
            if t.lower_ in self.lex["rate_words"]:
                return self.lex["rate_words"][t.lower_]
            nxt = self.tok(i + 1)
            if t.lower_ in self.lex["rate_dets"] and nxt is not None and nxt.lemma_.lower() in self.lex["rate_units"]:
                return f"per {nxt.lemma_.lower()}"
            if t.lower_ == "each" and (nxt is None or nxt.is_punct or nxt.pos_ not in ("NOUN", "ADJ")):
                return "each"
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                break
        return None

    def is_conversion(self, claim: dict, previous: dict | None) -> bool:
        """'900km (560 miles)': a parenthesised figure right after a figure of the same kind."""
        if previous is None:
            return False
        opener = self.tok(claim["tok_start"] - 1)
        between = self.doc[previous["tok_end"]:claim["tok_start"] - 1]  # a hyphenated unit: "1,000-kilometer ("
        glued_unit = len(between) <= 2 and all(t.text in self.lex["dashes"] or t.lemma_.lower() in self.lex["units"]
                                               or t.lower_ in self.lex["units"] for t in between)
        return (opener is not None and opener.text == "(" and glued_unit
                and (previous["category"] == claim["category"] and claim["category"] in ("distance", "area", "money")
                     or MEASURE_CONVERSION and previous["unit"] in self.lex["measure_units"]
                     and claim["unit"] in self.lex["measure_units"]))  # "500-kilogram (1,100-pound)"


class _Span:
    """A candidate run of number tokens and its neighbours, as the exclusion rules read it."""

    def __init__(self, reader: _Reader, start: int, end: int):
        doc, lex = reader.doc, reader.lex
        self.start, self.end = start, end
        self.first, self.last = doc[start], doc[end - 1]
        self.tokens = doc[start:end]
        self.words = [t.text for t in self.tokens]
        self.value = parse_number(self.words)
        self.prev, self.nxt = reader.tok(start - 1), reader.tok(end)
        last = self.last
        self.counts_noun = last.dep_ == "nummod" and last.head.pos_ == "NOUN" and last.head.i > last.i \
            and last.head.lemma_.lower() not in lex["rate_units"]
        # the word after the number, over a glued dash ("20-year")
        nxt = self.nxt
        self.unit_word = reader.tok(end + 1) if nxt is not None and nxt.text in lex["dashes"] and not nxt.whitespace_ \
            else nxt


# ---------------------------------------------------------------- exclusion rules
# Each rule reads a candidate and says whether it is not a claim; the first that fires names the rejection.

GLUED_UNIT_KEPT = True  # session 20, switched off only to measure it


GLUED_MEASURE_KEPT = True  # session 21, switched off only to measure it


def _glued_unit(r: _Reader, c: _Span) -> bool:
    """One number token with a distance, area or money unit glued to it ("10km", "5miles"; GLUED_UNIT_KEPT); or
    with a unit of measure of ``numbers.json`` ``measure_units`` or a scale glued to it ("450kg", "35C", "2bn",
    "40k"; GLUED_MEASURE_KEPT): a quantity, never a date or a time, whatever entity the model gave it."""
    suffix = _suffix_unit(c.last)
    if suffix is None or len(c.tokens) != 1:
        return False
    unit, category = r.lex["units"].get(suffix, ("", ""))
    if GLUED_MEASURE_KEPT and (suffix in r.lex["scales"] or unit in r.lex["measure_units"] or category == "percent"):
        return True
    return GLUED_UNIT_KEPT and r.lex["units"].get(suffix, ("", ""))[1] in ("distance", "area", "money")


def _in_date_or_ordinal(r: _Reader, c: _Span) -> bool:
    """Inside an ORDINAL entity, or a DATE/TIME entity unless it counts a noun ("three days" of fighting …); not a
    number with a distance, area or money unit glued to it, which the model may tag a DATE ("a 10km-long convoy",
    GLUED_UNIT_KEPT)."""
    if _glued_unit(r, c) or _bare_number_date(r, c):
        return False
    return any(t.ent_type_ == "ORDINAL" or (t.ent_type_ in ("DATE", "TIME") and not c.counts_noun) for t in c.tokens)


BARE_NUMBER_DATE_KEPT = True  # session 21 (lead), switched off only to measure it


def _bare_number_date(r: _Reader, c: _Span) -> bool:
    """A DATE entity that is nothing but a number of one to three digits, right after a name ("… 45 diplomats,
    Germany 40, France 35"): the model's guess, no date — no month, day or year word is in it (BARE_NUMBER_DATE_KEPT;
    "on May 5", "in 2022", "the 1990s" are other rules' or stay dates)."""
    if not BARE_NUMBER_DATE_KEPT or len(c.tokens) != 1 or not re.fullmatch(r"\d{1,3}", c.last.text) \
            or c.last.ent_type_ != "DATE" or c.last.ent_iob_ != "B":
        return False
    nxt, prev = c.nxt, c.prev
    return (nxt is None or nxt.ent_type_ != "DATE" or nxt.ent_iob_ == "B") and prev is not None \
        and prev.pos_ == "PROPN" and prev.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")


def _in_name(r: _Reader, c: _Span) -> bool:
    """Inside a name: an entity of a skipped label with a non-numeric word ("Su-34", "Lipetsk-2"); not a number with a
    unit of measure or a scale glued to it ("35C in the afternoon", GLUED_MEASURE_KEPT)."""
    lex = r.lex
    if GLUED_MEASURE_KEPT and _glued_unit(r, c):
        return False
    if LISTED_PLACE_COUNT and _listed_place_count(r, c):
        return False
    for t in c.tokens:
        if t.ent_type_ and t.ent_type_ not in lex["numeric_labels"] and t.ent_type_ in lex["skip_labels"]:
            ent = next((e for e in r.doc.ents if e.start <= t.i < e.end), None)
            if ent is not None and any(w.is_alpha and parse_number([w.text]) is None and w.lower_ not in lex["scales"]
                                       and w.lower_ not in lex["currency_words"] for w in ent):  # "EUR 4-5 billion"
                return True
    prev = c.prev  # "the Group of 20 summit": the model ended the name at "of", which no name ends with
    if NAME_ENDING_IN_OF and prev is not None and prev.lower_ == "of" and prev.ent_type_ in lex["skip_labels"] \
            and prev.ent_type_ not in lex["numeric_labels"] and prev.ent_iob_ != "B":
        return True
    # "the Nord Stream 1 pipeline", "the Apollo 11 mission": digits between a proper name and the noun both modify
    last = c.last
    if NAME_NUMBER_BEFORE_NOUN and prev is not None and len(c.tokens) == 1 and last.text.isdigit() \
            and prev.pos_ == "PROPN" and prev.lower_ not in lex["signs"] \
            and prev.dep_ in ("compound", "nmod") and prev.head.i == last.head.i \
            and last.head.i == last.i + 1 and last.head.pos_ == "NOUN":
        return True
    # "the Nord Stream 1 and 2 pipelines", "Boeing 737 and 747 jets": a number coordinated with one that is a name's
    # (after a proper noun) is the name's too (the same number of digits, and no "other"/"more" after it: "Nord Stream
    # 2 and 12 other projects"; NAME_NUMBER_SERIES)
    if NAME_NUMBER_SERIES and prev is not None and len(c.tokens) == 1 and last.text.isdigit() \
            and prev.lower_ in ("and", "or", "&") and prev.i > 0:
        other, after = r.doc[prev.i - 1], r.tok(last.i + 1)
        if other.text.isdigit() and len(other.text) == len(last.text) and other.i > 0 \
                and r.doc[other.i - 1].pos_ == "PROPN" and not (after is not None and after.lower_ in ("other", "more")) \
                and _in_name(r, _Span(r, other.i, other.i + 1)):
            return True
    if NAME_NUMBER_MODIFIER and _name_number_modifier(r, c):
        return True
    if NAMES_AFTER_KIND_NOUN and _names_after_kind_noun(r, c):
        return True
    if _written_number_in_name(r, c):
        return True
    # "Putin's Nord Stream 2.", "the S&P 500 plunged": a bare number right after an organisation's or product's name
    # (tagged so, or of two capitalised words) that counts no common noun after it is the name's; not after a place
    # or nationality ("sent Ukraine 14 tanks", "Denmark 15" in a list of countries) nor a month or a person
    return NAME_NUMBER_AFTER_NAME and prev is not None and len(c.tokens) == 1 and last.text.isdigit() \
        and len(last.text) <= 4 and prev.pos_ == "PROPN" and prev.text[:1].isupper() and bool(prev.whitespace_) \
        and (prev.ent_type_ in ("ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW")
             or prev.i > 0 and r.doc[prev.i - 1].pos_ == "PROPN" and r.doc[prev.i - 1].text[:1].isupper()
             and r.doc[prev.i - 1].ent_type_ not in ("GPE", "NORP", "PERSON", "DATE")) \
        and prev.ent_type_ not in ("GPE", "LOC", "NORP", "PERSON", "DATE", "TIME") \
        and prev.lower_.rstrip(".") not in lex["months"] and prev.lower_ not in lex["currency_words"] \
        and prev.lower_ not in lex["signs"] \
        and not (last.head.i > last.i and last.head.pos_ == "NOUN") \
        and not any(ch.dep_ == "prep" for ch in last.children)  # "Nato 30 of …"? a partitive counts


NAME_ENDING_IN_OF = True  # session 13; a switch to measure it
NAMES_AFTER_KIND_NOUN = True  # session 23b; a switch to measure it
_NAME_LIST_MAX = 12  # at most this many tokens of names, numbers, commas and "and" between the kind noun and a number


def _names_after_kind_noun(r: _Reader, c: _Span) -> bool:
    """Digits right after a proper name, counting nothing after them, in a run of names that follows a plural common
    noun naming their kind ("TV channels Russia 24, Channel One and Moscow 24", "the submarines Kursk 141"): the
    number is the name's (NAMES_AFTER_KIND_NOUN). Only names, numbers, commas and "and" between the kind noun and the
    number, the first of them a capitalised name; not "sent Ukraine 14 tanks" (a verb before the name), nor a gapped
    list of counts ("expelled 45 diplomats, Germany 40": a number before the names)."""
    prev, last, nxt = c.prev, c.last, c.nxt
    if prev is None or len(c.tokens) != 1 or not last.text.isdigit() or len(last.text) > 4 \
            or prev.pos_ != "PROPN" or not prev.text[:1].isupper() or not prev.whitespace_ \
            or nxt is not None and (nxt.pos_ in ("NOUN", "NUM") or nxt.lower_ in r.lex["scales"]):
        return False
    i = prev.i
    while i > 0 and prev.i - i < _NAME_LIST_MAX and (r.doc[i - 1].pos_ == "PROPN" or r.doc[i - 1].text in (",", "and")
                                                     or r.doc[i - 1].like_num):
        i -= 1
    kind, first = r.tok(i - 1), r.doc[i]
    return kind is not None and kind.pos_ == "NOUN" and kind.tag_ == "NNS" and first.pos_ == "PROPN" \
        and first.text[:1].isupper() and kind.sent.start == last.sent.start
LISTED_PLACE_COUNT = True  # session 23; a switch to measure it


def _listed_place_count(r: _Reader, c: _Span) -> bool:
    """Digits the model put at the end of a place's entity in a list of places with counts ("… Germany 40, France 35,
    Slovenia 33, Italy 30" with "Slovenia 33" one GPE): a count, no name, when the item before is a place's count in
    digits too and a comma, semicolon or "and" separates the items (LISTED_PLACE_COUNT; "Russia 24, Channel One" is a
    channel's name: the item before has no count in digits)."""
    last, prev = c.last, c.prev
    if len(c.tokens) != 1 or not last.text.isdigit() or last.ent_type_ not in ("GPE", "LOC") or last.ent_iob_ != "I" \
            or prev is None or prev.pos_ != "PROPN" or prev.ent_type_ != last.ent_type_:
        return False
    nxt = c.nxt
    if nxt is not None and nxt.text not in (",", ";", ".", ")") and nxt.lower_ != "and":
        return False
    start = prev.i
    while start > 0 and r.doc[start].ent_iob_ == "I":
        start -= 1
    sep = r.tok(start - 1)
    count = r.tok(start - 2)
    return sep is not None and (sep.text in (",", ";") or sep.lower_ == "and") and count is not None \
        and count.text.isdigit() and r.tok(start - 3) is not None and r.tok(start - 3).pos_ == "PROPN"
NAME_NUMBER_MODIFIER = True  # session 23; a switch to measure it


def _name_number_modifier(r: _Reader, c: _Span) -> bool:
    """Digits right after a proper name (no person's or month's) that, with the name, modify the noun
    after them (NAME_NUMBER_MODIFIER): when another number before the name counts that noun ("10 Switchblade 600
    combat drones": 600 is the model's), or when a number of as many digits is coordinated after them and a plural
    noun follows ("the Minsk 1 and 2 agreements", "Nord Stream 1 and 2 pipelines": a series of names, whose second
    NAME_NUMBER_SERIES then takes); or when "the" opens the name and the parser hung the number on it ("the S&P 500
    plunged"). Not "sent Ukraine 14 tanks" (no number before the name, no series, no "the")."""
    prev, last = c.prev, c.last
    if prev is None or len(c.tokens) != 1 or not last.text.isdigit() or len(last.text) > 4 or prev.pos_ != "PROPN" \
            or not prev.text[:1].isupper() or not prev.whitespace_ or prev.i == 0 \
            or prev.ent_type_ in ("PERSON", "DATE", "TIME") or prev.lower_.rstrip(".") in r.lex["months"] \
            or prev.lower_ in r.lex["signs"] or prev.lower_ in r.lex["currency_words"]:
        return False
    before = r.doc[prev.i - 1]
    noun = last.head if last.head.i > last.i else prev.head if last.head.i == prev.i and prev.head.i > last.i else None
    if before.like_num and noun is not None and noun.pos_ == "NOUN" and before.dep_ == "nummod" \
            and before.head.i >= noun.i and (before.head.i == noun.i or noun.head.i == before.head.i):
        return True
    if before.lower_ == "the" and before.head.i == prev.i and last.dep_ in ("nummod", "appos") and last.head.i == prev.i:
        return True  # "the S&P 500 plunged", "the Minsk 2 deal": the parser hung the number on the name
    joiner, other, plural = r.tok(c.end), r.tok(c.end + 1), r.tok(c.end + 2)
    return joiner is not None and joiner.lower_ in ("and", "or", "&") and other is not None \
        and other.text.isdigit() and len(other.text) == len(last.text) and plural is not None \
        and plural.pos_ == "NOUN" and plural.tag_ == "NNS"
NAME_NUMBER_SERIES = True  # session 22 (lead); a switch to measure it
NAME_NUMBER_AFTER_NAME = True  # session 15; a switch to measure it
NAME_NUMBER_BEFORE_NOUN = True  # session 13; a switch to measure it


def _ordinal_digits(r: _Reader, c: _Span) -> bool:
    """"1st", "22nd"."""
    return any(_ORDINAL.match(t.text) for t in c.tokens)


def _digit_run(r: _Reader, c: _Span) -> bool:
    """Digit tokens side by side that are not one number grouped by spaces: a table row ("75 12 72 13")."""
    return c.value is None and sum(bool(_DIGITS.match(w)) for w in c.words) > 1


def _not_a_number(r: _Reader, c: _Span) -> bool:
    return c.value is None


def _glued_word(r: _Reader, c: _Span) -> bool:
    """A number glued to a capitalised word that is no unit: a live-blog time stamp run into its headline
    ("14.54Ten …"), a reference code."""
    if len(c.words) != 1:
        return False
    m = _SUFFIXED.match(c.words[0])
    if m is None or not re.fullmatch(r"[A-Z][a-z]+", m.group(2)):
        return False
    low = m.group(2).lower()
    return low not in r.lex["scales"] and low not in r.lex["units"] and low not in r.lex["currency_words"]


def _idiom(r: _Reader, c: _Span) -> bool:
    """A number inside a set phrase ("the lesser of two evils", "one way or another"): ``numbers.json`` ``idioms``."""
    sent = c.first.sent
    start = sent.start_char
    text = r.text[start:sent.end_char].lower()
    a, b = c.first.idx - start, c.last.idx + len(c.last) - start
    return any(m.start() <= a and b <= m.end() for pattern in r.lex["idioms"] for m in pattern.finditer(text))


def _model_number(r: _Reader, c: _Span) -> bool:
    """Hyphenated model numbers and names: "Su-34", "F-16", "Lipetsk-2"."""
    prev = c.prev
    if prev is not None and prev.text in r.lex["dashes"] and not prev.whitespace_:
        before = r.tok(c.start - 2)
        return before is not None and before.is_alpha and not before.whitespace_ and before.lower_ not in r.lex["words"]
    return False


def _glued_to_capital(r: _Reader, c: _Span) -> bool:
    """A capitalised word glued to the number ("M1A1"); or, after it, a short acronym in capitals that is no unit or
    scale ("5G networks", "3D printers": GLUED_ACRONYM_AFTER)."""
    prev, nxt, lex = c.prev, c.nxt, r.lex
    if GLUED_ACRONYM_AFTER and nxt is not None and not c.last.whitespace_ and nxt.is_alpha and nxt.is_upper \
            and len(nxt.text) <= 3 and nxt.lower_ not in lex["units"] and nxt.lower_ not in lex["scales"] \
            and nxt.lower_ not in lex["currency_words"] and nxt.lower_ not in lex["clock_words"] \
            and _suffix_unit(c.last) is None:
        return True
    return prev is not None and not prev.whitespace_ and prev.is_alpha and prev.text[:1].isupper()


GLUED_ACRONYM_AFTER = True  # session 23b, switched off only to measure it
WRITTEN_NUMBER_IN_NAME = True  # session 23b, switched off only to measure it


def _written_number_in_name(r: _Reader, c: _Span) -> bool:
    """A capitalised written number inside a sentence next to a capitalised proper name: part of the name ("the
    Marine One helicopter", "Air Force One", "President of One Philosophy"; WRITTEN_NUMBER_IN_NAME, rejection
    ``in_name``); not at a sentence's or line's start ("One official said"), nor in lower case ("the Czech Republic
    one")."""
    first, prev, nxt = c.first, c.prev, c.nxt
    if not WRITTEN_NUMBER_IN_NAME or len(c.tokens) != 1 or not _written(c) or not first.is_title \
            or first.is_sent_start or prev is None or not prev.is_alpha or "\n" in prev.whitespace_:
        return False
    def name(t: Token | None) -> bool:
        return t is not None and t.pos_ == "PROPN" and t.is_title and t.ent_type_ not in ("DATE", "TIME")
    return name(prev) or prev.is_lower and name(nxt)


def _identifier(r: _Reader, c: _Span) -> bool:
    """After a designator noun: "Article 5", "Unit 29155"; after a number sign glued to it ("#2", "No #1")."""
    prev = c.prev
    if NUMBER_SIGN_IDENTIFIER and prev is not None and prev.text.endswith("#") and not prev.whitespace_:
        return True
    if ABBREVIATED_DESIGNATOR and (_after_abbreviation(r, c.start) or prev is not None and prev.text in r.lex["dashes"]
                                   and not prev.whitespace_ and c.start >= 2 and r.doc[c.start - 2].like_num
                                   and _after_abbreviation(r, c.start - 2)):  # "pp. 40-45": both ends
        return True
    if LOWERCASE_DESIGNATOR and prev is not None and prev.lower_ in r.lex["lowercase_identifiers"] \
            and not (c.start >= 2 and r.doc[c.start - 2].lower_ in _NOT_BEFORE_DESIGNATOR):
        return True  # "tier 1 troops", "phase 2", "Nato's article 5"; not "at this stage 200 soldiers"
    if BARE_LOWERCASE_DESIGNATOR and prev is not None and prev.lower_ in r.lex["bare_identifiers"] \
            and prev.pos_ == "NOUN" and not c.counts_noun and len(c.words) == 1 and c.last.text.isdigit() \
            and not (c.nxt is not None and (c.nxt.pos_ in ("NOUN", "PROPN") or c.nxt.lower_ in r.lex["scales"]
                                            or c.nxt.text == "%")):
        return True  # "adopted resolution 678", "under decree 1010"; not "the resolution 141 votes to 5"
    return prev is not None and prev.text[:1].isupper() and prev.lower_.rstrip(".") in r.lex["identifiers"]


LOWERCASE_DESIGNATOR = True  # session 17, switched off only to measure it
# session 23b, switched off only to measure it: a designator noun of ``bare_identifier_nouns`` in lower case before a
# number that counts nothing after it names a numbered item
BARE_LOWERCASE_DESIGNATOR = True
_NOT_BEFORE_DESIGNATOR = frozenset({"this", "that", "these", "those", "each", "every", "any", "some", "one", "another",
                                    "which", "what", "first", "next", "last", "final", "same"})


NUMBER_SIGN_IDENTIFIER = True  # session 15, switched off only to measure it
ABBREVIATED_DESIGNATOR = True  # session 15, switched off only to measure it


def _after_abbreviation(r: _Reader, i: int) -> bool:
    """Whether token ``i`` follows an abbreviated designator with its stop ("vol. 704", "col. 909", "p. 12")."""
    prev = r.tok(i - 1)
    if prev is None:
        return False
    if prev.text == ".":  # the tokenizer split the stop off: "vol" "." "704"
        word = r.tok(i - 2)
        return word is not None and not word.whitespace_ and word.lower_ in r.lex["identifier_abbreviations"]
    return prev.text.endswith(".") and prev.lower_.rstrip(".") in r.lex["identifier_abbreviations"]


def _day_of_month(r: _Reader, c: _Span) -> bool:
    """A day number beside a month, or in a date list "October 8 and 13"."""
    doc, months = r.doc, r.lex["months"]
    prev, nxt = c.prev, c.nxt
    if (prev is not None and prev.lower_ in months) or (nxt is not None and nxt.lower_ in months):
        return True
    near = [r.tok(i) for i in range(c.start - 3, c.end + 2) if r.tok(i) is not None]
    if c.counts_noun and c.last.head.lower_ not in months:  # "since February 2023, 20 generals …" counts generals
        return False
    return c.last.head.lower_ in months or any(
        t.lower_ in months and t.i < c.start and all(x.lower_ in r.lex["date_list_joiners"] or x.like_num
                                                     for x in doc[t.i + 1:c.start]) for t in near)


def _year(r: _Reader, c: _Span) -> bool:
    """A four-digit year, unless it counts a plural noun the unit lexicon knows ("1900 soldiers")."""
    lex, last, prev = r.lex, c.last, c.prev
    if not (len(c.words) == 1 and re.fullmatch(r"(1[89]|20)\d\d", c.first.text)):
        return False
    head = last.head
    # a count of a plural noun ("1900 soldiers") stays; "his 2008 attack" is a year
    if not (last.dep_ == "nummod" and head.i > last.i and head.tag_ in ("NNS", "NNPS")):
        return True
    # ... and only a noun the unit lexicon knows: "2024 replacements", "2021 census results" are years
    if head.lower_ not in lex["units"] and head.lemma_.lower() not in lex["units"]:
        return True
    # after a time preposition it is a year: "In 2003 french fries were renamed …"
    if prev is not None and prev.lower_ in lex["year_prepositions"]:
        return True
    # after a determiner or possessive it is a year too: "its 1991 borders", "a 2016 candidates' debate"
    return prev is not None and (prev.dep_ in ("det", "poss") or prev.tag_ in ("POS", "PRP$", "DT"))


# a time of day written with a dot after a preposition of time ("at 12.30"); not "by" or "about", which quantities take
_CLOCK_DOT = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
_CLOCK_PREPS = ("at", "from", "until", "till", "before", "after")
CLOCK_AFTER_PREPOSITION = True  # session 13; a switch to measure it


def _clock_or_age(r: _Reader, c: _Span) -> bool:
    """Clock times ("10 am", "5.30am", "14:00") and ages ("45 years old", "a 20-year-old", "aged 45")."""
    lex, nxt, prev = r.lex, c.nxt, c.prev
    if _suffix_unit(c.last) in lex["clock_words"]:
        return True
    if nxt is not None and (nxt.lower_ in lex["clock_words"] or nxt.lower_ in lex["ages"] or nxt.text in (":",)
                            or nxt.lower_.startswith("year-old")):
        return True
    if nxt is not None and nxt.text in lex["dashes"] and r.tok(c.end + 1) is not None and \
            r.tok(c.end + 1).lower_.startswith("year"):
        after = r.tok(c.end + 3)
        if after is not None and after.lower_ == "old":
            return True
    if nxt is not None and nxt.lower_ in ("years", "year") and (r.tok(c.end + 1) is not None
                                                                and r.tok(c.end + 1).lower_ == "old"):
        return True
    if prev is None:
        return False
    if CLOCK_AFTER_PREPOSITION and prev.lower_ in _CLOCK_PREPS and len(c.words) == 1 \
            and _CLOCK_DOT.fullmatch(c.words[0]) \
            and not (nxt is not None and (nxt.pos_ == "NOUN" or nxt.lower_ in lex["scales"] or nxt.text == "%")):
        return True  # "at 12.30 there will be a summit", "from 9.30 until noon"
    if prev.lower_ in lex["ages"]:
        return True
    before = r.tok(c.start - 2)
    if before is None:
        return False
    if prev.lower_ == "than" and before.lower_ in lex["age_comparatives"]:  # "younger than 40"
        return True
    # the second number of an age range: "aged 40 to 64", "between the ages of 18 and 60"
    first_prev = r.tok(c.start - 3)
    return (prev.lower_ in lex["range_joiners"] or prev.text in lex["dashes"]) and before.like_num \
        and first_prev is not None and (first_prev.lower_ in lex["ages"] or first_prev.lower_ == "of"
                                        and r.tok(c.start - 4) is not None and r.tok(c.start - 4).lower_ in lex["ages"])


AGE_AT = True  # session 23b, switched off only to measure it
_PERSON_PRONOUNS = frozenset({"he", "she", "who", "i"})


def _age_at(r: _Reader, c: _Span) -> bool:
    """An age after "at" ("a man who at 79 still chairs the board", "she retired at 65"): a bare whole number of one
    to three digits (at most 120) after "at", with no noun, unit or scale after it, the "at" phrase hung on a verb
    whose subject is a person (a PERSON name or he/she/who/I) and, when the phrase follows the verb, which has no
    object (not "he put the toll at 79"; AGE_AT; rejection ``age_at``)."""
    prev, nxt, last = c.prev, c.nxt, c.last
    if not AGE_AT or prev is None or prev.lower_ != "at" or len(c.tokens) != 1 or not last.text.isdigit() \
            or not 0 < int(last.text) <= 120 or last.dep_ != "pobj" or last.head.i != prev.i:
        return False
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "NUM", "SYM", "ADJ") or nxt.text == "%"
                            or nxt.lower_ in r.lex["scales"] or nxt.lower_ in r.lex["unit_words_after"]
                            or nxt.text in r.lex["dashes"]):
        return False
    verb = prev.head
    if verb.pos_ not in ("VERB", "AUX") or prev.i > verb.i and any(ch.dep_ in ("dobj", "attr", "oprd")
                                                                   for ch in verb.children):
        return False  # "he put the toll at 79"; but "who at 79 still chairs the board"
    subject = next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and (subject.lower_ in _PERSON_PRONOUNS or subject.ent_type_ == "PERSON")


AGE_OF_PERSON = True  # session 23b, switched off only to measure it
_AGE_CLOSERS = frozenset({",", ".", ")", ";", "\u201d", '"', "\u2019", "'", "-", "\u2013", "\u2014"})


def _age_of_person(r: _Reader, c: _Span) -> bool:
    """A person's age: a bare whole number (at most 120) set off by a comma right after a person's name ("Veli
    Merentie, 98", "Anna Ivanova, 34, said …"), or the complement of "be" whose subject is a person ("Anna Ivanova was
    33 and …", "she is 45"); nothing counted after it (AGE_OF_PERSON; rejection ``age_of_person``)."""
    prev, nxt, last = c.prev, c.nxt, c.last
    if not AGE_OF_PERSON or len(c.tokens) != 1 or not last.text.isdigit() or not 0 < int(last.text) <= 120 \
            or prev is None or c.counts_noun:
        return False
    if nxt is not None and (nxt.pos_ in ("NOUN", "NUM", "SYM") or nxt.text == "%" or nxt.lower_ in ("of", "per")
                            or nxt.lower_ in r.lex["scales"] or nxt.lower_ in r.lex["unit_words_after"]):
        return False
    name = r.tok(c.start - 2)
    if prev.text == "," and name is not None and name.ent_type_ == "PERSON" and last.ent_type_ != "PERSON" \
            and (nxt is None or nxt.text in _AGE_CLOSERS or "\n" in last.whitespace_ or nxt.is_space or nxt.is_title
                 and nxt.ent_type_ != name.ent_type_):
        return True
    verb = last.head
    if last.dep_ not in ("attr", "acomp") or verb.lemma_.lower() != "be":
        return False
    subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    return subject is not None and (subject.lower_ in ("he", "she") or subject.ent_type_ == "PERSON")


def _relative_time(r: _Reader, c: _Span) -> bool:
    """A live blog's relative time stamp: a time unit glued to the number, then "ago" ("4d ago", "16h ago")."""
    nxt = c.nxt
    return _suffix_unit(c.last) in r.lex["time_abbreviations"] and nxt is not None and nxt.lower_.startswith("ago")


def _duration(r: _Reader, c: _Span) -> bool:
    """Durations: "100 days", "8 years", "20-year conflict", "a year or two"."""
    before = r.tok(c.start - 2)
    if c.prev is not None and c.prev.lower_ == "or" and before is not None and before.lemma_.lower() in r.lex["rate_units"]:
        return True
    w = c.unit_word
    if GLUED_DURATION and w is not None and (m := _GLUED_HEADLINE.match(w.text)) is not None \
            and m.group(1).lower() in r.lex["rate_units"]:
        return True  # "for 12 daysAndrew Roth …", "by two yearsRead more": a live blog's next line glued on
    return w is not None and (w.lemma_.lower() in r.lex["rate_units"]
                              or w.lower_.lstrip("-–").rstrip("s") in r.lex["rate_units"])


GLUED_DURATION = True  # session 23, switched off only to measure it
_GLUED_HEADLINE = re.compile(r"^([a-z]+?)s?[A-Z][a-z]")  # a time unit with a capitalised word glued after it


DETACHED_HYPHEN_MODIFIER = True  # session 19, switched off only to measure it


STRENGTH_COUNT = True  # session 20, switched off only to measure it


def _strength_after(r: _Reader, i: int) -> bool:
    """A strength word glued by a hyphen at token ``i`` ("-strong" in "a 2,000-strong force"; ``strength_words``)."""
    dash, word = r.tok(i), r.tok(i + 1)
    return dash is not None and word is not None and dash.text in r.lex["dashes"] and not r.doc[i - 1].whitespace_ \
        and not dash.whitespace_ and word.lower_ in r.lex["strength"]


def _hyphenated_modifier(r: _Reader, c: _Span) -> bool:
    """Hyphenated modifiers that are not units: "36-veteran", "three-day"; and, where the text lost the join before
    the hyphen, "two -party support" (one token "-party" after a space: DETACHED_HYPHEN_MODIFIER)."""
    lex, nxt, w = r.lex, c.nxt, c.unit_word
    if STRENGTH_COUNT and _strength_after(r, c.end) or _glued_unit(r, c):
        return False  # "a 2,000-strong force" counts the force; "a 10km-long convoy" is 10km long
    if SIGNED_MODIFIER_KEPT and c.prev is not None and (c.prev.lower_ in lex["signs"] or c.prev.text.endswith("$")) \
            and not (w is not None and w.lower_ == "plus"):
        return False  # "a £190,000-a-year job", "$70-a-barrel oil": an amount of money; not "a $20-plus trillion …"
    if HYPHENATED_CURRENCY and w is not None and w.lower_ in lex["currency_words"] and w.lemma_.lower() != "pound":
        return False  # "a 50-euro note"
    if DETACHED_HYPHEN_MODIFIER and nxt is not None and c.last.whitespace_ and len(nxt.text) > 1 \
            and nxt.text[0] in lex["dashes"] and nxt.text[1:].isalpha():
        word = nxt.text[1:].lower()
        return word not in lex["units"] and word.rstrip("s") not in lex["units"]
    return nxt is not None and nxt.text in lex["dashes"] and not c.last.whitespace_ and not nxt.whitespace_ \
        and w is not None and w.is_alpha and w.lower_ not in lex["units"] and w.lemma_.lower() not in lex["units"]


def _calibre(r: _Reader, c: _Span) -> bool:
    """Calibres: "152 mm", "155-mm"; not a length of something an "of" phrase names ("15cm of snow", "10mm of rain":
    CALIBRE_NOT_OF)."""
    nxt = c.nxt
    unit_tok = r.tok(c.end + 1) if nxt is not None and nxt.text in r.lex["dashes"] else nxt
    glued = _suffix_unit(c.last) in r.lex["calibre"]
    after = r.tok(c.end) if glued else r.tok(unit_tok.i + 1) if unit_tok is not None else None
    if CALIBRE_NOT_OF and _of_common_noun(after):
        return False
    return (unit_tok is not None and unit_tok.lower_ in r.lex["calibre"]) or glued


CALIBRE_NOT_OF = True  # session 21, switched off only to measure it


def _pronoun_one(r: _Reader, c: _Span) -> bool:
    """A written number that modifies nothing: "one of the largest" (not a number above one before an "of" phrase of a
    plural noun: "two of the three reactors", PARTITIVE_COUNT); and "one" as a pronoun however the parser hangs
    it — before a possessive ("between one's ears") or after the noun the parser gave it, with no noun after it ("a
    David v Goliath one, with …", "from day one"), unless that noun is a proper name other than a person's: a list of
    counts ("Sweden three, the Czech Republic one and …")."""
    if c.value is None or any(ch.isdigit() for w in c.words for ch in w):
        return False
    last, nxt = c.last, c.nxt
    if PARTITIVE_COUNT and c.value > 1 and _plural_of_object(nxt) is not None:
        return False  # "two of the three reactors", "five of its soldiers": a count of the "of" phrase's noun
    if SCALED_WRITTEN_KEPT and c.words[0].lower() not in r.lex["scales"] \
            and any(r.lex["scales"].get(w.lower(), 0) >= 1000 for w in c.words[1:]):
        return False  # "more than five million have been displaced": a count, whatever the parser hung it on
    if WRITTEN_CASUALTY_COUNT and c.value > 1 and _casualty_count_of_people(r, c):
        return False  # "two were killed and three wounded", "Five killed as …"
    if PARALLEL_WRITTEN_COUNT and _parallel_written_count(r, c):
        return False  # "three were killed in Kharkiv and two in Kherson": the ellipsis rule reads what it counts
    if PRONOUN_ONE_BY_POSITION and [w.lower() for w in c.words] == ["one"] and nxt is not None and (
            nxt.text in ("'s", "\u2019s")
            or last.dep_ == "nummod" and last.head.i < last.i and nxt.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ")
            and not (last.head.pos_ == "PROPN" and last.head.ent_type_ != "PERSON")):  # "… the Czech Republic one"
        return True
    return last.dep_ not in ("nummod", "quantmod") and not (nxt is not None and nxt.lower_ in r.lex["scales"])


PRONOUN_ONE_BY_POSITION = True  # session 13; a switch to measure it
PARALLEL_WRITTEN_COUNT = True  # session 23b, switched off only to measure it


def _parallel_written_count(r: _Reader, c: _Span) -> bool:
    """A written number right after "and", "or" or a comma and before a preposition that also opens a phrase after a
    count of a noun earlier in the sentence ("three people were killed in Kharkiv and two in Kherson", "sent 12 tanks
    to Poland and four to Romania"): the count of a parallel phrase with its noun left out, no pronoun
    (PARALLEL_WRITTEN_COUNT; the ellipsis rule PARALLEL_PHRASE_ELLIPSIS then gives it the noun)."""
    prev, nxt = c.prev, c.nxt
    if prev is None or nxt is None or prev.lower_ not in ("and", "or", ",") or nxt.pos_ != "ADP" or nxt.lower_ == "of":
        return False
    sent = c.last.sent
    count = next((t for t in reversed(r.doc[sent.start:prev.i]) if t.like_num), None)
    if count is None or count.dep_ not in ("nummod", "quantmod") or count.head.pos_ not in ("NOUN", "PROPN") \
            or count.head.i < count.i or prev.i - count.head.i > _PARALLEL_MAX:
        return False
    return any(t.lower_ == nxt.lower_ and t.pos_ == "ADP" and any(x.dep_ == "pobj" for x in t.children)
               for t in r.doc[count.head.i + 1:prev.i])
PARTITIVE_COUNT = True  # session 20, switched off only to measure it
SCALED_WRITTEN_KEPT = True  # session 21, switched off only to measure it
WRITTEN_CASUALTY_COUNT = True  # session 21, switched off only to measure it


def _casualty_count_of_people(r: _Reader, c: _Span) -> bool:
    """A written number with no noun that counts casualties: a casualty word right after it, or after "more"
    ("three wounded", "Five killed as …", "five more injured"), or the number the subject of a casualty verb ("the
    other two were killed", "at least seven died"); not before "of" ("Two of them were wounded")."""
    words = r.lex["casualty"]
    after = c.nxt
    if after is not None and after.lower_ == "of":
        return False  # "Two of them were wounded": a share of something named before, no count of its own
    if after is not None and after.lower_ in ("more", "others") and r.tok(c.end + 1) is not None:
        after = r.tok(c.end + 1)
    if after is not None and after.lower_ in words and after.pos_ in ("VERB", "ADJ", "NOUN"):
        return True
    verb = c.last.head
    return c.last.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" and verb.lemma_.lower() in words


def _written(c: _Span) -> bool:
    return not any(ch.isdigit() for w in c.words for ch in w)


def _counted_lemma(c: _Span) -> str | None:
    last = c.last
    if last.dep_ in ("nummod", "quantmod") and last.head.i > last.i and last.head.pos_ in ("NOUN", "PROPN"):
        return last.head.lemma_.lower()
    return None


def _list_marker(r: _Reader, c: _Span) -> bool:
    """"1." / "2)" / "(3)" opening a line, or "2)" closing no parenthesis inside a line ("… 1) a tax; 2) a cut"):
    a list marker."""
    prev, nxt = c.prev, c.nxt
    if nxt is None or nxt.text not in r.lex["list_closers"] or _written(c):
        return False
    at_line_start = prev is None or "\n" in prev.text or (prev.text == "(" and (r.tok(c.start - 2) is None
                                                                               or "\n" in r.tok(c.start - 2).text))
    if at_line_start:
        return True
    if nxt.text != ")" or len(c.words) != 1:
        return False
    line_start = r.text.rfind("\n", 0, c.first.idx) + 1
    before = r.text[line_start:c.first.idx]
    return before.count("(") <= before.count(")")  # the ")" closes nothing opened before it


def _discourse_noun(r: _Reader, c: _Span) -> bool:
    """A number counting parts of the text or the argument: "two questions", "three scenarios", "one hand"."""
    lemma = _counted_lemma(c)
    if DIGIT_POINTS and lemma == "point" and not _written(c):
        return False  # "fell 500 points", "a 2.3-point rise": points in digits are a score or an index's move
    # ... but not a compound that names a unit ("percentage points", "checkpoint")
    return lemma is not None and lemma in r.lex["discourse_nouns"] and not any(
        t.dep_ == "compound" for t in c.last.head.children)


DIGIT_POINTS = True  # session 21, switched off only to measure it


def _page_counter(r: _Reader, c: _Span) -> bool:
    """A page's furniture on a short line of its own: "Image 1 of 3", "Slide 2 of 10 next"."""
    if not c.first.is_digit:
        return False
    text = r.text
    lo = text.rfind("\n", 0, c.first.idx) + 1
    hi = text.find("\n", c.first.idx)
    line = text[lo:hi if hi >= 0 else len(text)]
    m = _PAGE_COUNTER.match(line)
    return bool(m) and m.group(1).lower() in r.lex["page_counter_words"] and len(line.split()) <= 6


ONE_AGAINST_ALL = True  # session 19, switched off only to measure it


def _one_and_another(r: _Reader, c: _Span) -> bool:
    """"One country has invaded another", "one way or another": a written one set against another; and, with the
    same preposition before each, against all ("an attack on one member is an attack on all": ONE_AGAINST_ALL)."""
    if not _written(c) or c.value != 1:
        return False
    sent = c.last.sent
    if any(t.lower_ in r.lex["contrast"] for t in r.doc[c.end:sent.end]):
        return True
    prep = c.prev
    if not ONE_AGAINST_ALL or prep is None or prep.i == 0 or not prep.is_alpha:
        return False
    noun = r.doc[prep.i - 1]
    return any(t.lower_ == prep.lower_ and r.doc[t.i + 1].lower_ == "all" and r.doc[t.i - 1].pos_ == noun.pos_ == "NOUN"
               and r.doc[t.i - 1].lemma_.lower() == noun.lemma_.lower() for t in r.doc[c.end:sent.end - 1])


NAMED_APPOSITION = True  # session 23b, switched off only to measure it


def _named_apposition(r: _Reader, c: _Span) -> bool:
    """A partitive count in apposition to the names it describes ("Russia and Ukraine, two of the world's biggest
    grain exporters, …", "two of Nato's newest members, Finland and Sweden"): it restates what the names already
    say and counts nothing in the world (NAMED_APPOSITION; rejection ``named_apposition``). Not a count with a noun
    of its own ("the two countries, Russia and Ukraine")."""
    if not NAMED_APPOSITION or _plural_of_object(c.nxt) is None:
        return False
    last = c.last
    def name(t: Token) -> bool:
        return t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON", "LOC", "FAC")
    whole = _plural_of_object(c.nxt)  # "two of Nato's newest members, Finland and Sweden"
    return last.dep_ == "appos" and name(last.head) or any(ch.dep_ == "appos" and name(ch) for ch in last.children) \
        or any(ch.dep_ == "appos" and name(ch) for ch in whole.children)


ONLY_ONE = True  # session 18, switched off only to measure it


def _only_one(r: _Reader, c: _Span) -> bool:
    """A written "one" that means "only" or "single", counting nothing: after "the" or a possessive before a noun
    ("the one area where Russia has an advantage", "his one chance"; not "the one million refugees"), or in "one X
    at a time" ("one bite at a time")."""
    if not ONLY_ONE or [w.lower() for w in c.words] != ["one"]:
        return False
    last, nxt, prev = c.last, c.nxt, c.prev
    if nxt is None or nxt.lower_ in r.lex["scales"] or last.dep_ != "nummod" or last.head.i <= last.i:
        return False
    noun = last.head
    while prev is not None and prev.is_quote and prev.i > 0:  # 'the “one area” where …'
        prev = r.doc[prev.i - 1]
    if prev is not None and prev.lower_ in r.lex["owning_determiners"] and prev.head.i == noun.i:
        return True
    tail = r.lex["one_at_a_time"]
    return [t.lower_ for t in r.doc[noun.i + 1:noun.i + 1 + len(tail)]] == tail


EXCLUSION_RULES: list[tuple[str, Callable[[_Reader, _Span], bool]]] = [
    ("digit_run", _digit_run),
    ("date_or_ordinal_entity", _in_date_or_ordinal),
    ("in_name", _in_name),
    ("ordinal", _ordinal_digits),
    ("not_a_number", _not_a_number),
    ("glued_word", _glued_word),
    ("model_number", _model_number),
    ("glued_to_capital", _glued_to_capital),
    ("identifier", _identifier),
    ("day_of_month", _day_of_month),
    ("year", _year),
    ("clock_or_age", _clock_or_age),
    ("relative_time", _relative_time),
    ("duration", _duration),
    ("hyphenated_modifier", _hyphenated_modifier),
    ("calibre", _calibre),
    ("pronoun_one", _pronoun_one),
    ("named_apposition", _named_apposition),
    ("age_at", _age_at),
    ("age_of_person", _age_of_person),
    ("idiom", _idiom),
    ("list_marker", _list_marker),
    ("discourse_noun", _discourse_noun),
    ("one_and_another", _one_and_another),
    ("only_one", _only_one),
    ("page_counter", _page_counter),
]


# ---------------------------------------------------------------- reading steps
class _Figure:
    """A figure being read: its token window [left, right) grows as the steps of :data:`READ_STEPS` widen it."""

    def __init__(self, reader: _Reader, start: int, end: int, words: list[str], value: float):
        self.start, self.end, self.words, self.value = start, end, words, value
        self.last = reader.doc[end - 1]
        self.left, self.right = start, end
        self.currency = self.unit = self.category = self.subject = self.rate = None
        self.qualifier = "exact"
        self.value_low = self.value_high = value
        self.head = None
        self.pair = False  # the first of two figures that count one thing ("a 30-0 vote")
        self.before: list[str] = []
        suffix = _suffix_unit(self.last)
        self.scaled = (suffix in reader.lex["scales"]) or any(w.lower() in reader.lex["scales"] for w in words)


def _article_count(r: _Reader, f: _Figure) -> None:
    """"a million", "half a million": the article is the count."""
    prev = r.tok(f.left - 1)
    if f.words[0].lower() in r.lex["scales"] and prev is not None and prev.lower_ in ("a", "an"):
        f.left -= 1
        half = r.tok(f.left - 1)
        if half is not None and half.lower_ == "half":
            f.value *= 0.5
            f.left -= 1


def _currency_sign(r: _Reader, f: _Figure) -> None:
    """A currency sign before: "$", "US$", "£"."""
    prev = r.tok(f.left - 1)
    coded = _coded(r.doc[f.left].text)
    if coded:  # "EUR6-7 billion"
        f.currency = r.lex["currency_words"][coded[0]]
    elif prev is not None and prev.lower_ in r.lex["signs"]:
        f.currency = r.lex["signs"][prev.lower_]
        f.left -= 1
    elif prev is not None and prev.lower_.endswith("$") and len(prev.text) <= 4:
        f.currency = "usd"
        f.left -= 1
    elif prev is not None and prev.is_upper and len(prev.text) == 3 and prev.lower_ in r.lex["currency_words"]:
        f.currency = r.lex["currency_words"][prev.lower_]  # a currency code before: "PLN 300 million", "EUR 6bn"
        f.left -= 1


SPACED_SCALE_ABBREVIATION = True  # session 20, switched off only to measure it


def _scale_after(r: _Reader, f: _Figure) -> None:
    """A scale after: "3.5 billion", "$400 m", "three dozen"; a bare "m"/"b" only after a currency or glued to the
    number before a plural noun ("22m tonnes", "32m square metres"; "below 11m where" stays metres); an abbreviation
    that is only a scale also after a space ("2.5 mln tonnes", SPACED_SCALE_ABBREVIATION)."""
    lex, last = r.lex, f.last
    nxt = r.tok(f.right)
    if nxt is not None and nxt.lower_ in lex["scales"] \
            and (f.currency or not last.whitespace_ or SPACED_SCALE_ABBREVIATION and nxt.lower_ in lex["spaced_scales"]) \
            and nxt.lower_ not in ("k",) and not (nxt.lower_ in ("m", "b") and not f.currency
                                                  and not _plural_noun_after(r, f.right + 1)
                                                  and not (GLUED_M_MILLION and _m_means_million(r, nxt))):
        f.value *= lex["scales"][nxt.lower_]
        f.scaled = True
        f.right += 1
        nxt = r.tok(f.right)
    if nxt is not None and nxt.lower_ == "dozen":  # "three dozen missiles"
        f.value *= 12
        f.right += 1


GLUED_M_MILLION = True  # session 21, switched off only to measure it
GLUED_M_METRES = True  # session 21, switched off only to measure it


def _m_means_million(r: _Reader, m: Token) -> bool:
    """A bare "m" glued to a number (token ``m``) with no plural noun after it is a million when an "of" phrase of
    people or things follows ("2m of them", "1m of the refugees") or it completes a count of a whole ("a population
    of 1.5m", "the number rose to 8m"; ``numbers.json`` ``million_nouns``) or the number has decimals and no noun or
    word of size follows ("hit a record 6.6m"), GLUED_M_MILLION; "11m of water", "below 11m", "2.5m high" stay metres."""
    nxt, after = r.tok(m.i + 1), r.tok(m.i + 2)
    number = r.doc[m.i - 1].text
    if "." in number and (nxt is None or nxt.lower_ not in r.lex["dimension_words"] and nxt.pos_ != "NOUN"):
        return True  # "claims hit a record 6.6m", "a city of 1.5m": a decimal count of millions, not of metres
    if nxt is not None and nxt.lower_ == "of" and after is not None \
            and (after.tag_ in ("PRP", "DT", "PRP$") and after.lower_ not in ("a", "an") or after.tag_ == "NNS"):
        return True
    head = m.head if m.dep_ == "pobj" else None
    if head is not None and head.lower_ in ("to", "at") and head.head.pos_ in ("VERB", "AUX"):
        head = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif head is not None and head.lower_ == "of":
        head = head.head
    return head is not None and head.lemma_.lower() in r.lex["million_nouns"]


def _metres_after(r: _Reader, f: _Figure) -> None:
    """A bare "m" after the number before a word of size ("3m high", "a crater 10m deep", "40m wide"; ``numbers.json``
    ``dimension_words``): metres, a distance (GLUED_M_METRES)."""
    m, word = r.tok(f.right), r.tok(f.right + 1)
    if GLUED_M_METRES and f.unit is None and not f.currency and not f.scaled and m is not None and m.lower_ == "m" \
            and not r.doc[f.right - 1].whitespace_ and word is not None and word.lower_ in r.lex["dimension_words"]:
        f.unit, f.category = "m", "distance"
        f.right += 1


MINUS_NEGATIVE = True  # session 21, switched off only to measure it


def _minus(r: _Reader, f: _Figure) -> None:
    """"minus 20 degrees", "fell to minus 3.5%": a negative value (MINUS_NEGATIVE); not a difference ("five minus
    two") nor a margin ("plus or minus 3 percentage points")."""
    prev, before = r.tok(f.left - 1), r.tok(f.left - 2)
    if MINUS_NEGATIVE and prev is not None and prev.lower_ == "minus" and not f.currency \
            and not (before is not None and (before.like_num or before.lower_ in ("or", "/", "and"))):
        f.value = -f.value
        f.left -= 1


def _and_a_half(r: _Reader, f: _Figure) -> None:
    """"one and a half million" (1.5 million), "a million and a half" (1.5 million), "two and a half billion dollars"
    (AND_A_HALF): the half is of the scale word before or after it."""
    if not AND_A_HALF or [t.lower_ for t in r.doc[f.right:f.right + 3]] != ["and", "a", "half"]:
        return
    after, last = r.tok(f.right + 3), r.doc[f.right - 1]
    if not f.scaled and after is not None and after.lower_ in r.lex["scales"] and after.lower_ not in ("m", "b", "k"):
        f.value = (f.value + 0.5) * r.lex["scales"][after.lower_]
        f.right += 4
        f.scaled = True
    elif f.scaled and last.lower_ in r.lex["scales"] and last.lower_ not in ("m", "b", "k"):
        f.value += 0.5 * r.lex["scales"][last.lower_]
        f.right += 3


def _plural_noun_after(r: _Reader, i: int) -> bool:
    """A plural noun at token ``i``, or after one adjective there ("tonnes", "square metres")."""
    t = r.tok(i)
    if t is not None and t.tag_ == "JJ":
        t = r.tok(i + 1)
    return t is not None and t.tag_ in ("NNS", "NNPS")


def _unit_after(r: _Reader, f: _Figure) -> None:
    """A unit glued to the number ("900km"), a currency word, or a unit word after it ("%", "per cent", "km")."""
    lex = r.lex
    suffix = _suffix_unit(f.last)
    if suffix is not None and suffix not in lex["scales"]:
        unit_info = lex["units"].get(suffix) or (lex["units"].get(suffix[:-1]) if suffix.endswith("s") else None)
        if unit_info:
            f.unit, f.category = unit_info
    nxt = r.tok(f.right)
    glued = r.tok(f.right + 1)
    if HYPHENATED_CURRENCY and not f.currency and nxt is not None and glued is not None \
            and nxt.text in lex["dashes"] and not r.doc[f.right - 1].whitespace_ and not nxt.whitespace_ \
            and glued.lower_ in lex["currency_words"] and glued.lemma_.lower() != "pound":
        # "a 1.2bn-dollar loan", "a 50-euro note"; not "a 1,000-pound bomb", a weight
        f.currency = lex["currency_words"][glued.lower_]
        f.right += 2
    elif nxt is not None and nxt.lower_ in lex["currency_words"] and not f.currency \
            and not (POUNDS_OF_WEIGHT and nxt.lemma_.lower() == "pound" and _of_common_noun(r.tok(f.right + 1))):
        f.currency = lex["currency_words"][nxt.lower_]
        f.right += 1
    elif nxt is not None and f.unit is None:
        two = f"{nxt.lower_} {r.tok(f.right + 1).lower_}" if r.tok(f.right + 1) is not None else None
        if two in lex["unit_phrases_after"]:
            f.unit, f.category = lex["units"].get(two, lex["units"].get(two.rstrip("s"), ("percent", "percent")))
            f.right += 2
        elif nxt.lower_ in lex["unit_words_after"]:
            f.unit, f.category = lex["units"].get(nxt.lower_, lex["units"].get(nxt.lemma_.lower(), ("unit", "other")))
            f.right += 1
    if f.currency:
        f.unit, f.category = f.currency, "money"


HYPHENATED_CURRENCY = True  # session 21, switched off only to measure it
SIGNED_MODIFIER_KEPT = True  # session 21, switched off only to measure it
CURRENCY_NOUN = True  # session 21, switched off only to measure it
POUNDS_OF_WEIGHT = True  # session 21, switched off only to measure it: "300 pounds of cocaine" is a weight
SPEED_UNIT = True  # session 21, switched off only to measure it
MEASURE_NOT_CASUALTY = True  # session 21, switched off only to measure it
MEASURE_CONVERSION = True  # session 21, switched off only to measure it
WRITTEN_UNITS_RUN = True  # session 21, switched off only to measure it


def _of_common_noun(of: Token | None) -> bool:
    """Whether ``of`` is an "of" with a common noun as its object ("of cocaine", "of explosives")."""
    return of is not None and of.lower_ == "of" and any(c.dep_ == "pobj" and c.pos_ == "NOUN" for c in of.children)


def _per_hour(r: _Reader, f: _Figure) -> None:
    """A distance unit read after the number, then "/h" or "per hour": a speed ("900 km/h", "200 kilometres per
    hour", "60 miles per hour"; SPEED_UNIT); the unit becomes km/h or mph, a rate of nothing."""
    words = [t.lower_ for t in r.doc[f.right:f.right + 2]]
    if not SPEED_UNIT or f.category != "distance" or words not in (["/", "h"], ["/", "hr"], ["per", "hour"]):
        return
    f.unit = "mph" if f.unit == "mile" else f"{f.unit}/h"
    f.category = "other"
    f.right += 2


def _range(r: _Reader, f: _Figure) -> None:
    """Range end: "X to Y", "X-Y", "between X and Y" (not two figures of different units: "rose 18% to $37.6bn")."""
    f.value_low = f.value_high = f.value  # the point value, after scale and the article count
    range_end = r._range_end(f.right)
    f.before = [t.lower_ for t in r.doc[max(0, f.left - 3):f.left]]
    if range_end is not None and ((range_end[2] and not f.currency) or (f.unit is not None and not f.currency)):
        range_end = None
    if SHARED_THOUSANDS:
        _shared_thousands(r, f, range_end)
    if DESCENDING_NOT_RANGE and range_end is not None and f.before[-1:] != ["between"] \
            and range_end[3] == 1 and not f.scaled and 2 <= range_end[0] < f.value:
        range_end = None  # "won 45 to 40", "a 5-4 vote", "fell from 50 to 40": two figures, no range (not a ratio
        # "by 2-1", "four to one", nor "1-0")
        f.pair = True
    if CHANGE_NOT_RANGE and range_end is not None and f.before[-1:] == ["from"] and _changes(r, r.doc[f.left - 1]):
        range_end = None  # "support grew from 60 to 71 percent": the value before and after, two figures
        f.pair = True
    if range_end is not None and (f.before[-1:] == ["between"] or r.doc[f.right].lower_ != "and"):
        hi_value, f.right, _, scale = range_end
        if scale > 1 and not f.scaled:  # "6-7 billion", "5 to 7 million": the scale is shared
            f.value *= scale
            f.value_low = f.value
        if hi_value is not None and hi_value >= f.value:
            f.qualifier, f.value_high = "range", hi_value
            if f.before[-1:] in (["between"], ["from"]):
                f.left -= 1
            after = r.tok(f.right)
            if after is not None and not f.currency and f.unit is None and after.lower_ in r.lex["currency_words"]:
                f.currency = r.lex["currency_words"][after.lower_]  # "5 to 7bn dollars"
                f.unit, f.category = f.currency, "money"
                f.right += 1


SHARED_THOUSANDS = True  # session 17, switched off only to measure it
CHANGE_NOT_RANGE = True  # session 23, switched off only to measure it


def _changes(r: _Reader, prep: Token) -> bool:
    """Whether the "from" token ``prep`` hangs on a verb of change (``numbers.json`` ``change_verbs``: "grew from",
    "was raised from") or on a noun of one ("an increase from 5% to 8%")."""
    head = prep.head
    return head.i != prep.i and head.pos_ in ("VERB", "NOUN", "AUX") and head.lemma_.lower() in r.lex["change_verbs"]
DESCENDING_NOT_RANGE = True  # session 20, switched off only to measure it
_ROUND_THOUSANDS = re.compile(r"^[1-9]\d{0,2}((?:,000)+)$")  # "80,000", "35,000", "2,000,000"


def _shared_thousands(r: _Reader, f: _Figure, range_end) -> None:
    """"70 to 80,000", "30-35,000", "70 or 80,000 victims": a bare low number of at most three digits before a round
    number of thousands writes the thousands once, for both (70,000 to 80,000). Only when the low end so scaled is
    at most the high end and more than half of it ("between 5 and 10,000", "1 to 10,000" stay as written)."""
    if f.scaled or len(f.words) != 1 or not re.fullmatch(r"[1-9]\d{0,2}", f.words[0]):
        return
    joiner = r.tok(f.right)
    if range_end is not None:  # a range the next lines take ("70 to 80,000", "between 70 and 80,000")
        if range_end[3] > 1 or (f.before[-1:] != ["between"] and joiner.lower_ == "and"):
            return
    elif joiner is None or joiner.lower_ != "or":  # "70 or 80,000": two figures, the first without its thousands
        return
    hi = r.tok(f.right + 1)
    m = _ROUND_THOUSANDS.match(hi.text) if hi is not None else None
    if m is None:
        return
    scale = 1000 ** (len(m.group(1)) // 4)
    high = parse_number([hi.text])
    if high is not None and f.value * scale <= high < 2 * f.value * scale:
        f.value *= scale
        f.value_low = f.value_high = f.value


def _qualifier(r: _Reader, f: _Figure) -> None:
    """The longest qualifier phrase before ("at least", "more than", "nearly")."""
    if f.qualifier != "exact":
        return
    found = _qualifier_before(r, f.left)
    if found:
        f.qualifier, f.left = found


def _plural_of_object(of: Token | None) -> Token | None:
    """The plural common noun an "of" token governs ("of Ukrainian refugees", "of the wounded soldiers")."""
    if of is None or of.lower_ != "of":
        return None
    return next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and c.tag_ == "NNS"), None)


def _count_of(r: _Reader, f: _Figure) -> Token | None:
    """What a figure with no counted noun of its own counts, read from an "of" phrase: right after it ("2.5 million
    of Ukrainian refugees", ``COUNT_OF_NOUN``), or after the count noun that is the subject of the verb the figure
    completes ("the number of refugees reached 1 million", "the total of displaced people stood at 40,000",
    ``NUMBER_OF_SUBJECT``)."""
    if COUNT_OF_NOUN and (noun := _plural_of_object(r.tok(f.right))) is not None:
        return noun
    if PARTITIVE_OF_COUNT and (noun := _partitive_whole(r, f.right)) is not None:
        return noun
    if not NUMBER_OF_SUBJECT:
        return None
    verb = f.last.head
    if TOLL_COUNT and f.last.dep_ == "pobj" and verb.lower_ == "of" and verb.head.pos_ == "NOUN":
        counted = _casualty_count(r, verb.head)  # "a death toll of 300"
        if counted is None and GROUP_OF_COUNT:
            counted = _group_of(r, verb.head)  # "a new force of 300,000"
        return counted
    to = f.last.dep_ == "pobj" and verb.lower_ == "to" and verb.dep_ == "prep"
    if f.last.dep_ == "pobj" and verb.lower_ in ("to", "at") and verb.dep_ == "prep":
        verb = verb.head  # "rose to 300", "stood at 40,000"
    elif f.last.dep_ not in ("dobj", "attr"):
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if (c.dep_ == "nsubj" or PASSIVE_COUNT_SUBJECT and c.dep_ == "nsubjpass")
                    and c.lemma_.lower() in r.lex["count_nouns"]), None)
    counted = None if subject is None else next(
        (n for c in subject.children if c.dep_ == "prep" and (n := _plural_of_object(c)) is not None), None)
    if counted is None and TOLL_COUNT:  # "the death toll rose to 1,200", "casualties reached 45"
        counted = next((n for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c is not f.last
                        and (n := _casualty_count(r, c)) is not None), None)  # "bringing the death toll to 15"
    if counted is None and CHANGED_COUNT:
        counted = _changed_count(r, f, verb, to)
    return counted


CHANGED_COUNT = True  # session 21 (lead), switched off only to measure it
PARTITIVE_OF_COUNT = True  # session 23, switched off only to measure it


def _partitive_whole(r: _Reader, i: int) -> Token | None:
    """The plural noun a count of a whole counts when "of" (token ``i``) and a number of that whole follow a bare figure
    ("600 of 800 surveyed companies", "33 of the 41 embassy staff", "16 of the 36 missiles launched": companies,
    staff, missiles; PARTITIVE_OF_COUNT), not a share ("2 of 3", "300 of them")."""
    of = r.tok(i)
    if of is None or of.lower_ != "of":
        return None
    j = i + 1
    while r.tok(j) is not None and r.tok(j).dep_ in ("det", "poss") and j < i + 3:
        j += 1
    whole = r.tok(j)
    if whole is None or not whole.like_num or whole.dep_ != "nummod":
        return None
    noun = whole.head
    return noun if noun.i > whole.i and noun.pos_ == "NOUN" and noun.tag_ in ("NNS", "NN") else None
GROUP_OF_COUNT = True  # session 21 (lead), switched off only to measure it


def _group_of(r: _Reader, noun: Token) -> Token | None:
    """The body a bare figure after "of" gives the size of: a singular noun units.csv knows as a unit of people or
    things ("a new high-readiness force of 300,000", "a contingent of 1,500": force, personnel), not of measure or
    money ("a range of 300" stays as it was). ``GROUP_OF_COUNT``."""
    unit = _lexicon_unit(r, noun)
    if noun.tag_ != "NN" or unit is None or unit[1] == "other" or _measure(r, noun, unit):
        return None
    return noun


_MEASURE_CATEGORIES = ("money", "percent", "distance", "area")


def _lexicon_unit(r: _Reader, noun: Token) -> tuple[str, str] | None:
    """units.csv's (unit, category) for ``noun`` by lemma or as written; None when it has none."""
    return r.lex["units"].get(noun.lemma_.lower()) or r.lex["units"].get(noun.lower_)


def _measure(r: _Reader, noun: Token, unit: tuple[str, str] | None) -> bool:
    """``noun`` names a unit of measure or money, not something counted."""
    return noun.lemma_.lower() in r.lex["measure_units"] or unit is not None and unit[1] in _MEASURE_CATEGORIES


def _changed_count(r: _Reader, f: _Figure, verb: Token, to: bool) -> Token | None:
    """What a bare figure counts when it is the new size of the verb's object ("increased the number of commissions
    to 12": commissions; "pledged to increase its deployable troops to 300,000": troops) or the object of the verb
    "number" ("US troops in Europe now number 100,000": troops) — a plural common noun, not a unit of measure or
    money ("extended the ranges to 40" stays as it was). ``CHANGED_COUNT``."""
    if to:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    elif f.last.dep_ == "dobj" and verb.lemma_.lower() == "number":
        obj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    else:
        return None
    if obj is None or obj.pos_ != "NOUN":
        return None
    if obj.lemma_.lower() in r.lex["count_nouns"]:
        return next((n for c in obj.children if c.dep_ == "prep" and (n := _plural_of_object(c)) is not None), None)
    if obj.tag_ != "NNS" or _measure(r, obj, _lexicon_unit(r, obj)):
        return None  # "cut the range to 40" (km?), "raised the limits to 50": no count of what it names
    return obj


COUNT_OF_NOUN = True  # session 15, switched off only to measure it
# session 21 (lead): the count noun may be a passive subject ("the number of refugees was put at 40,000")
PASSIVE_COUNT_SUBJECT = True
NUMBER_OF_SUBJECT = True  # session 15, switched off only to measure it
TOLL_COUNT = True  # session 20, switched off only to measure it


def _casualty_count(r: _Reader, noun: Token | None) -> Token | None:
    """What a figure counts when the noun phrase it completes is a count of casualties (``TOLL_COUNT``): the casualty
    noun itself ("Casualties rose to 45", "deaths reached 300"), the casualty noun a count noun is compounded with
    ("the death toll rose to 1,200", "a death toll of 300", "the casualty count"), or the casualty word a count noun
    counts ("the number of dead rose to 52", "the toll of wounded"); the noun phrase is the verb's subject or, after
    "to", its object ("bringing the death toll to 15"). A count noun without one ("the toll climbed to 40", "the
    number rose to 52") says nothing of what is counted."""
    if noun is None or noun.pos_ != "NOUN":
        return None
    def casualty(t: Token) -> bool:  # "deaths", "casualties", "dead", "wounded" (a participle: its form, not lemma)
        return any(r.lex["units"].get(w, ("", ""))[1] == "casualties" for w in (t.lemma_.lower(), t.lower_))

    if casualty(noun):
        return noun
    if noun.lemma_.lower() not in r.lex["count_nouns"]:
        return None
    return next((c for c in noun.children if c.dep_ == "compound" and casualty(c)), None) or next(
        (o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
         if o.dep_ == "pobj" and casualty(o)), None)


SCALED_PLURAL_AFTER = True  # session 21, switched off only to measure it


def _plural_after_scale(r: _Reader, i: int) -> Token | None:
    """The plural noun right after a scaled figure, over adjectives ("8m Ukrainians", "40k Russian troops",
    "1.5 million displaced people", "four million fewer players"), whatever the parser made of the number
    (SCALED_PLURAL_AFTER); None when something else comes first ("2m of them", "1.5m before the war")."""
    while (t := r.tok(i)) is not None and t.tag_ in ("JJ", "JJR", "VBN") and i < r.n - 1:
        i += 1
    t = r.tok(i)
    return t if t is not None and t.tag_ in ("NNS", "NNPS") and t.pos_ in ("NOUN", "PROPN") else None


MULTIPLE_TIMES = True  # session 23, switched off only to measure it
_MULTIPLE_AFTER = ("as", "the", "over", "more", "less", "fewer")


def _multiple(r: _Reader, f: _Figure) -> None:
    """"30 times more than …", "three times as many soldiers", "five times the size of …", "grew tenfold … 20 times
    over": a multiple, unit "times", category other, what follows no counted noun (MULTIPLE_TIMES; "visited three
    times" is no multiple and stays as it was)."""
    times, after = r.tok(f.right), r.tok(f.right + 1)
    if not MULTIPLE_TIMES or f.unit is not None or f.currency or times is None or times.lower_ != "times" \
            or after is None or not (after.lower_ in _MULTIPLE_AFTER or after.tag_ in ("JJR", "RBR")):
        return
    f.unit, f.category = "times", "other"
    f.right += 1


GENERIC_GROUP_OF = True  # session 23, switched off only to measure it: "a group of six women" counts no force
ROUND_OF_EVENTS = True  # session 23, switched off only to measure it


COMPANY_AS_BUSINESS = True  # session 23, switched off only to measure it


def _military_company(r: _Reader, noun: Token) -> bool:
    """Whether a counted "company" is a body of troops: an "of" phrase of people counted as forces ("two companies of
    paratroopers") or a military modifier (``numbers.json`` ``military_company_modifiers``: "three infantry
    companies", "private military companies"); else it is a business (COMPANY_AS_BUSINESS)."""
    obj = _of_object(r.tok(noun.i + 1))
    if obj is not None and (_lexicon_unit(r, obj) or ("", ""))[1] == "personnel":
        return True
    return any(c.dep_ in ("amod", "compound", "nmod") and c.lower_ in r.lex["military_company_modifiers"]
               for c in noun.children)


def _of_object(of: Token | None) -> Token | None:
    """The noun an "of" token governs ("of talks"), else None."""
    if of is None or of.lower_ != "of":
        return None
    return next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)


def _counted(r: _Reader, f: _Figure) -> None:
    """The counted noun: unit and category from the lexicon, the subject its phrase; else "unit"."""
    if f.unit == "times" and MULTIPLE_TIMES:
        return  # a multiple counts nothing
    f.head = r._counted_noun(r.doc[f.right - 1] if f.right > f.end else f.last, f.right)
    subject_from = f.right
    if SCALED_PLURAL_AFTER and f.head is None and f.unit is None and not f.currency and f.scaled:
        f.head = _plural_after_scale(r, f.right)  # "almost 8m Ukrainians have fled", "40k Russian troops"
    if f.head is None and f.unit is None and not f.currency:
        f.head = _count_of(r, f)
        if f.head is not None:
            subject_from = f.head.left_edge.i  # the "of" phrase's noun phrase, not the words between
            if PARTITIVE_OF_COUNT:  # "600 of 800 surveyed companies", "70 of the 90 tanks": after the whole's count
                subject_from = max([subject_from] + [t.i + 1 for t in r.doc[f.right:f.head.i] if t.like_num])
    if CURRENCY_NOUN and f.unit is None and f.head is not None and f.head.lower_ in r.lex["currency_words"] \
            and not (f.head.lemma_.lower() == "pound" and (_of_common_noun(r.tok(f.head.i + 1))
                                                        or r.doc[f.head.i - 1].text in r.lex["dashes"])):
        # "5,000 Swiss francs", "40 billion Hong Kong dollars": the currency a modifier keeps from the number
        named = any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.is_title)
                    and c.lower_ not in ("us", "u.s.", "american", "states") for c in f.head.children)
        f.currency = f.head.lemma_.lower() if named and f.head.lemma_.lower() == "dollar" \
            else r.lex["currency_words"][f.head.lower_]
        f.unit, f.category = f.currency, "money"
    if POPULATION_OF_PLACE and f.unit is None and f.head is None and not f.currency and _population_of(r, f):
        f.unit, f.category = "person", "other"  # "a prewar population of 100,000", "a nation of 5.5 million"
    if f.unit is None:
        f.unit, f.category = r._unit_of(f.head) if f.head is not None else ("unit", "other")
    if f.head is not None:
        f.subject = r._subject(f.head, subject_from)
        of = f.head.head
        if f.category == "other" and f.head.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" \
                and r.lex["units"].get(of.head.lemma_.lower(), ("", ""))[1] == "personnel" \
                and not (GENERIC_GROUP_OF and of.head.lemma_.lower() in r.lex["generic_collectives"]):
            f.category = "personnel"  # "two brigades of 6,000 people": people counted as a force
        if COMPANY_AS_BUSINESS and f.category == "personnel" and f.head.lemma_.lower() == "company" \
                and not _military_company(r, f.head):
            f.category = "other"  # "1,361 western companies", "600 of 800 surveyed companies": businesses
        if ROUND_OF_EVENTS and f.category == "equipment" and f.head.lemma_.lower() == "round" \
                and (obj := _of_object(r.tok(f.head.i + 1))) is not None \
                and (_lexicon_unit(r, obj) or ("", ""))[1] != "equipment":
            f.category = "other"  # "three rounds of talks", "a fourth round of sanctions": no munitions
    elif not f.currency:
        f.subject = r._governing_np(f.last)


POPULATION_OF_PLACE = True  # session 23b, switched off only to measure it


def _population_of(r: _Reader, f: _Figure) -> bool:
    """A figure with no counted noun in the "of" phrase of a population or of a place that people live in ("a prewar
    population of 100,000", "the nation of 5.5 million", "a city of 1.5m"; ``numbers.json`` ``population_nouns``):
    it counts inhabitants (unit person; POPULATION_OF_PLACE)."""
    of = f.last.head
    if not (f.last.dep_ == "pobj" and of.lower_ == "of" and of.head.i < of.i and of.head.pos_ == "NOUN"
            and of.head.lemma_.lower() in r.lex["population_nouns"]):
        return False
    # not a place in a phrase hung on a count of forces or things ("its existing force in the country of about 1,700":
    # the parser's attachment; the figure counts the force)
    place = of.head
    holder = place.head.head if place.dep_ == "pobj" and place.head.dep_ == "prep" else None
    return holder is None or holder.pos_ != "NOUN" \
        or (_lexicon_unit(r, holder) or ("", ""))[1] not in ("personnel", "equipment")


_LABEL_WORDS = 3  # at most this many words before the colon of a label line ("Civilians killed: 5,000")


def _label_before(r: _Reader, f: _Figure) -> None:
    """A figure with no counted noun after a label that opens its line or sentence ("Deaths: 6", "Cases: 2,137",
    "Civilians killed: 5,000" in a factbox or a live blog's tally): the label's noun is what is counted — its unit,
    its category, the label its subject; a casualty word in the label makes a casualty figure. Not a label that
    holds a preposition or a name ("In hospital: 210", "Kyiv: 12"), nor a colon inside a sentence ("the toll:
    12")."""
    if f.head is not None or f.unit != "unit" or f.left < 2 or r.doc[f.left - 1].text != ":":
        return
    def opens_line(i: int) -> bool:
        return i == 0 or r.doc[i].is_sent_start or "\n" in r.doc[i - 1].text + r.doc[i - 1].whitespace_

    colon = f.left - 1
    start = colon
    while colon - start < _LABEL_WORDS and not opens_line(start):
        start -= 1
    if not opens_line(start):
        return  # more words than a label before the colon
    words = r.doc[start:colon]
    if not words or not words[0].is_title or any(t.pos_ in ("ADP", "NUM", "PRON") or t.is_punct or t.ent_type_
                                                   for t in words):
        return
    noun = next((t for t in reversed(words) if t.pos_ in ("NOUN", "PROPN")), None)  # "Army casualties": casualties
    if noun is None:
        return
    f.head = noun
    f.unit, f.category = r._unit_of(noun)
    f.subject = words.text
    if any(t.lemma_.lower() in r.lex["casualty"] | r.lex["casualty_nouns"] or t.lower_ in r.lex["casualty"]
           for t in words) and f.category not in ("money", "percent", "distance", "area"):
        f.category = "casualties"


def _rate_step(r: _Reader, f: _Figure) -> None:
    """A rate after the figure: "a day", "per week", "daily", "… each"."""
    f.rate = r._rate(f.head or r.doc[f.right - 1])


def _casualty_context(r: _Reader, f: _Figure) -> None:
    """Killed, dead, wounded, injured, missing, captured: a casualty figure whatever is counted ("300 soldiers were
    killed", "killing at least 10 people", "263 dead Crimeans", "198 civilians … killed", "at least 10 died", "the
    death of four generals", a list or an "including" part of such a count); lost or eliminated people ("lost 24,000
    soldiers", not "lost 1,000 tanks")."""
    if f.category in ("money", "percent", "distance", "area") or MEASURE_NOT_CASUALTY and f.unit in r.lex["measure_units"] \
            or MULTIPLE_TIMES and f.unit == "times" or EQUIPMENT_NOT_CASUALTY and f.category == "equipment":
        return  # "lost 20 pounds of weight", "1,000 tonnes of grain were lost"
    words = r.lex["casualty"]

    def says_casualty(t: Token | None) -> bool:
        return t is not None and (t.lemma_.lower() in words or t.lower_ in words)

    after = r.tok(f.right)
    if f.head is None and after is not None and after.lower_ in words and after.pos_ in ("ADJ", "NOUN", "VERB"):
        f.category = "casualties"  # "left 18 dead", "12 wounded": the casualty word is what is counted
        return
    if CASUALTY_AFTER_NOUN and f.head is not None and f.category in ("personnel", "other"):
        word = r.tok(f.head.i + 1)  # "left at least 21 people dead", "leaving 30 civilians injured"
        if says_casualty(word) and word.pos_ in ("ADJ", "VERB") and word.head.i != f.head.i:
            f.category = "casualties"
            return
    noun = f.head if f.head is not None else f.last
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == f.last.i:
        noun = f.last  # "at least 1,300 of his troops have been killed": the figure is the verb's subject
    # the head of a list ("two colonels, three … and 12 officers were killed") and the whole a part is included in
    # ("198 civilians, including three children, had been killed")
    for _ in range(6):
        if noun.dep_ == "conj" and noun.head.i < noun.i:
            noun = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ in ("including", "among") and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head
        else:
            break
    if EQUIPMENT_NOT_CASUALTY and noun is not f.head and (_lexicon_unit(r, noun) or ("", ""))[1] == "equipment":
        return  # "captured 30 tanks, including 5 T-90s": a part of materiel
    verb = noun.head
    people = f.category in ("personnel", "other") and f.head is not None
    if INCLUDED_IN_CASUALTY_CLAUSE and people and _included_part(noun) and _casualty_clause(r, verb.head, says_casualty):
        f.category = "casualties"  # "28 journalists were killed, including seven foreigners"
        return
    hit = (
        any(says_casualty(c) and c.dep_ in ("amod", "acl", "relcl", "compound") for c in noun.children)  # dead Crimeans
        or (noun.dep_ in ("nsubjpass", "nsubj", "dobj") and says_casualty(verb))  # were killed / killing N / N died
        or (people and noun.dep_ == "pobj" and verb.lower_ == "of"
            and verb.head.lemma_.lower() in r.lex["casualty_nouns"])  # the death of N generals, not the loss of N tanks
        or (people and noun.dep_ == "dobj" and verb.lemma_.lower() in r.lex["people_loss"])  # lost N soldiers
        or (LIVES_LOST and people and f.head.lemma_.lower() == "life" and noun.dep_ == "dobj"
            and verb.lemma_.lower() in r.lex["lives_loss"])  # a conflict that has claimed 14,000 lives
        or (noun.dep_ == "pobj" and verb.dep_ == "agent" and says_casualty(verb.head))
        or (noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "AUX"
            and any(says_casualty(c) and c.dep_ in ("acomp", "attr") for c in verb.children))  # N were dead
        or (CASUALTY_COMPLEMENT and noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB"
            and any(says_casualty(c) and c.dep_ in ("acomp", "oprd") and c.pos_ in ("ADJ", "VERB")
                    for c in verb.children))  # N were confirmed dead, N are feared dead, N remain missing
        or (CASUALTY_RAISING and noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB"
            and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "ADJ") and says_casualty(c) for c in verb.children))
        # N are believed to have been killed, N are known to have died, N were confirmed to have been killed
    )
    if hit:
        f.category = "casualties"


INCLUDED_IN_CASUALTY_CLAUSE = True  # session 23, switched off only to measure it
CASUALTY_RAISING = True  # session 23b, switched off only to measure it: "N are believed to have been killed"
LIVES_LOST = True  # session 23, switched off only to measure it: "has claimed 14,000 lives" counts the dead
# session 23, switched off only to measure it: materiel captured, hit or missing stays equipment ("captured 30 tanks")
EQUIPMENT_NOT_CASUALTY = True


def _casualty_clause(r: _Reader, verb: Token, says_casualty) -> bool:
    """Whether ``verb`` is a casualty verb ("killed", "died", "were wounded") whose subject or object is no
    materiel: the clause an "including"/"among" part hung on the verb belongs to ("28 journalists were killed,
    including seven foreigners", "40 civilians died, among them 5 children"; not "captured 30 tanks, including 5
    …"). INCLUDED_IN_CASUALTY_CLAUSE."""
    if verb.pos_ != "VERB" or not says_casualty(verb):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and (_lexicon_unit(r, c) or ("", ""))[1] == "equipment"
                   for c in verb.children)


# switched off only to measure it: a unit glued to the number by a hyphen is what is counted (session 12)
HYPHENATED_UNIT = True
# session 23b, switched off only to measure it: a count the parser hung on a proper name that modifies a common noun
# after it counts that noun ("90 M777 artillery pieces": pieces, not "m777")
PROPER_MODIFIER_COUNTED = True
# session 23b, switched off only to measure it: the same for a singular common noun the parser gave the count
# ("eight frontline Nato battlegroups": battlegroups, not "frontline")
COMPOUND_MODIFIER_COUNTED = True
HYPHENATED_NOUN_UNIT = True  # session 18, switched off only to measure it


def _hyphen_prefix(doc: Doc, noun: Token) -> str | None:
    """The word glued before a counted noun by a hyphen ("fly-*bys*", "anti-*tank*"), lower case; None when there is
    none or it is a number ("T-72", "800-mile": other rules)."""
    start, _ = hyphen_word(doc, noun.i)
    if start > noun.i - 2 or doc[noun.i - 1].text != "-":
        return None
    word = doc[noun.i - 2]
    return word.lower_ if word.is_alpha and not word.like_num else None


# switched off only to measure it: a casualty word right after the counted people ("left 21 people dead"; session 13)
CASUALTY_AFTER_NOUN = True
# switched off only to measure it: a casualty word completing the verb of the counted people ("were confirmed dead";
# session 17)
CASUALTY_COMPLEMENT = True

READ_STEPS: list[tuple[str, Callable[[_Reader, _Figure], None]]] = [
    ("article_count", _article_count),
    ("currency_sign", _currency_sign),
    ("scale_after", _scale_after),
    ("and_a_half", _and_a_half),
    ("unit_after", _unit_after),
    ("metres_after", _metres_after),
    ("per_hour", _per_hour),
    ("minus", _minus),
    ("range", _range),
    ("qualifier", _qualifier),
    ("multiple", _multiple),
    ("counted_noun", _counted),
    ("label_before", _label_before),
    ("casualty_context", _casualty_context),
    ("rate", _rate_step),
]


def _stance_only() -> set[str]:
    from helpers.text.attribution import _lex as cue_lex
    return cue_lex()["stance_only"]


def _qualifier_before(reader: _Reader, start: int) -> tuple[str, int] | None:
    """(qualifier, first token) of the longest qualifier phrase right before token ``start``, else None."""
    before = [t.lower_ for t in reader.doc[max(0, start - 3):start]]
    for k in (3, 2, 1):
        phrase = " ".join(before[-k:]) if len(before) >= k else None
        if phrase and phrase in reader.lex["qualifiers"]:
            return reader.lex["qualifiers"][phrase], start - k
    return None


@functools.lru_cache(maxsize=4)
def _fraction_matcher(vocab) -> Matcher:
    lex = _lex()
    m = Matcher(vocab)
    m.add("FRACTION", [
        [{"LOWER": {"IN": sorted(lex["numerators"])}}, {"TEXT": {"IN": sorted(lex["dashes"])}, "OP": "?"},
         {"LOWER": {"IN": sorted(lex["fractions"])}}, {"LOWER": "of"}],
        [{"LOWER": {"IN": ["half"]}}, {"LOWER": "of"}],
    ], greedy="LONGEST")
    return m


def _fractions(reader: _Reader) -> list[dict]:
    """Shares written as fractions: "a third of", "two-thirds of", "almost one third of", "half of" -> a percent of
    what follows "of" (not "the first half of", not "a quarter of an hour")."""
    doc, lex = reader.doc, reader.lex
    out = []
    lowers, words = reader.lowers, lex["fractions"]
    if not any(low == "of" and (lowers[i - 1] in words or lowers[i - 1] == "half") for i, low in enumerate(lowers) if i):
        return out  # every pattern ends in a fraction word right before "of": no need to run the matcher
    for _, start, end in sorted((m for m in _fraction_matcher(doc.vocab)(doc)), key=lambda m: m[1]):
        of = doc[end - 1]
        frac = doc[end - 2]
        prev = reader.tok(start - 1)
        if prev is not None and (prev.ent_type_ == "ORDINAL" or prev.lower_ in ("first", "second", "last", "latter", "former", "the")):
            continue
        obj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() in lex["periods"]:
            continue
        num = 1 if end - start == 2 else lex["numerators"][doc[start].lower_]
        value = 100.0 * num * lex["fractions"][frac.lower_]
        qualifier, left = _qualifier_before(reader, start) or ("exact", start)
        right = end - 1
        subject = " ".join(reader.text[obj.left_edge.idx:obj.right_edge.idx + len(obj.right_edge)].split())
        out.append({"tok_start": left, "tok_end": right, "num_token": frac.i,
                    "start_char": doc[left].idx, "end_char": doc[right - 1].idx + len(doc[right - 1]),
                    "value": value, "value_low": value, "value_high": value, "qualifier": qualifier,
                    "unit": "percent", "category": "percent", "subject": subject, "rate": None})
    return out


VAGUE_NOUN_AFTER = True  # session 15, switched off only to measure it
HALF_A_DOZEN = True  # session 20, switched off only to measure it


def _plural_after(reader: _Reader, i: int) -> Token | None:
    """A plural common noun at token ``i`` or after at most two adjectives or "more"/"fewer" before it."""
    for k in range(i, i + 3):
        t = reader.tok(k)
        if t is None:
            return None
        if t.pos_ == "NOUN" and t.tag_ == "NNS":
            return t
        if not (t.pos_ == "ADJ" or t.lower_ in ("more", "fewer")):
            return None
    return None


def _vague_span(reader: _Reader, i: int) -> tuple[int, int, list[float], Token | None] | None:
    """The vague quantity starting at token ``i``: (start, end, [value, low, high], counted noun or None)."""
    doc, lex = reader.doc, reader.lex
    tok, nxt = doc[i], reader.tok(i + 1)
    low = tok.lower_
    if low in lex["vague_plurals"] and nxt is not None and nxt.lower_ == "of":
        triple, end = [float(x) for x in lex["vague_plurals"][low]], i + 2
        # chains: "tens of thousands of", "hundreds of millions of"
        while reader.tok(end) is not None and reader.tok(end).lower_ in lex["vague_plurals"] \
                and reader.tok(end).lower_[:-1] in lex["scales"]:
            scale = lex["scales"][reader.tok(end).lower_[:-1]]
            triple = [x * scale for x in triple]
            end += 1
            if reader.tok(end) is not None and reader.tok(end).lower_ == "of":
                end += 1
        last = reader.tok(end - 1)
        noun = next((c for c in last.children if c.dep_ == "pobj"), None) if last.lower_ == "of" else None
        if noun is None and last.lower_ != "of" and VAGUE_NOUN_AFTER:
            noun = _plural_after(reader, end)  # "hundreds of thousands more troops"
        end = end - 1 if last.lower_ == "of" else end
        return i, end, triple, noun
    prev = reader.tok(i - 1)
    if low in lex["vague_counts"] and prev is not None and prev.lower_ in ("a", "an"):
        triple = [float(x) for x in lex["vague_counts"][low]]
        if nxt is not None and nxt.lower_ == "of":
            noun = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        else:
            noun = tok.head if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN") \
                else None
            if noun is None and low != "dozen":
                return None
        half = reader.tok(i - 2)
        if HALF_A_DOZEN and half is not None and half.lower_ == "half":  # "half a dozen drones": 6 (5-7)
            return i - 2, i + 1, [x / 2 for x in triple], noun
        return i - 1, i + 1, triple, noun
    for phrase, triple in lex["vague_numerals"].items():
        words = phrase.split()
        k = i + len(words)
        if words[0] == low and [t.lower_ for t in doc[i:k]] == words and reader.tok(k) is not None and reader.tok(k).lower_ in lex["scales"] \
                and reader.tok(k).is_alpha and len(reader.tok(k).text) > 2:
            scale = lex["scales"][reader.tok(k).lower_]
            head = doc[k].head
            noun = head if head.i > k and head.pos_ in ("NOUN", "PROPN") else None
            if noun is None and reader.tok(k + 1) is not None and reader.tok(k + 1).lower_ == "of":
                noun = next((c for c in doc[k + 1].children if c.dep_ == "pobj"), None)
            return i, k + 1, [float(x) * scale for x in triple], noun
    return None


def _vague(reader: _Reader) -> list[dict]:
    """Vague quantities ("tens of thousands of", "dozens of", "hundreds of", "a dozen", "a handful of", "several
    hundred"): a conventional value with a range, qualifier ``vague`` (``numbers.json`` ``vague_*``). A qualifier
    before ("more than a dozen", "at least hundreds of") keeps its own meaning with the conventional value and no
    invented bounds."""
    doc, lex = reader.doc, reader.lex
    out: list[dict] = []
    first, lowers = lex["vague_first"], reader.lowers
    i = 0
    while i < reader.n:
        found = _vague_span(reader, i) if lowers[i] in first else None
        if found is None:
            i += 1
            continue
        start, end, (value, low, high), noun = found
        qualifier, left = "vague", start
        if _qualifier_before(reader, start):
            (qualifier, left), low, high = _qualifier_before(reader, start), value, value
        anchor = doc[end - 1]
        if noun is not None and noun.lower_ in lex["currency_words"]:
            unit, category = lex["currency_words"][noun.lower_], "money"
        elif noun is not None:
            unit, category = reader._unit_of(noun)
        else:
            unit, category = "unit", "other"
        fig = _Figure(reader, start, end, [t.text for t in doc[start:end]], value)
        fig.category, fig.head = category, noun
        _casualty_context(reader, fig)
        if fig.category != "casualties" and noun is not None:  # "Hundreds of soldiers were killed": the vague word
            fig.head = anchor if anchor.pos_ in ("NOUN", "PROPN") else doc[start]  # carries the clause role
            _casualty_context(reader, fig)
        out.append({"tok_start": left, "tok_end": end, "num_token": anchor.i,
                    "start_char": doc[left].idx, "end_char": doc[end - 1].idx + len(doc[end - 1]),
                    "value": value, "value_low": low, "value_high": high, "qualifier": qualifier,
                    "unit": unit, "category": fig.category,
                    "subject": reader._subject(noun, end + 1) if noun is not None else None,
                    "rate": reader._rate(noun or anchor)})
        i = end
    return out


_RATIO = re.compile(r"^(\d+(?:\.\d+)?):(\d)$")  # "7:1", "3:2" — a clock time has two-digit minutes ("7:30")


def _ratios(reader: _Reader) -> list[dict]:
    """Ratios written with a colon ("outnumbered 7:1"): the value is the quotient, unit "ratio", category other."""
    out = []
    for tok in (reader.doc[i] for i, low in enumerate(reader.lowers) if ":" in low):
        m = _RATIO.match(tok.text)
        if m is None or float(m.group(2)) == 0 or tok.ent_type_ in ("TIME", "DATE"):
            continue
        value = float(m.group(1)) / float(m.group(2))
        out.append({"tok_start": tok.i, "tok_end": tok.i + 1, "num_token": tok.i,
                    "start_char": tok.idx, "end_char": tok.idx + len(tok), "value": value, "value_low": value,
                    "value_high": value, "qualifier": "exact", "unit": "ratio", "category": "other",
                    "subject": None, "rate": None})
    return out


FOLD_MULTIPLES = True  # session 21, switched off only to measure it
_FOLD = re.compile(r"^([a-z]+)-?fold$")


def _folds(reader: _Reader) -> list[dict]:
    """Multiples written with "-fold" in words ("grew sevenfold", "a twofold rise", "rose three-fold"; FOLD_MULTIPLES):
    the value is the number, unit "times", category other (as "30 times"). Digits ("10-fold") are read as a number
    with the unit "fold" after it."""
    out = []
    candidates = (reader.doc[i] for i, low in enumerate(reader.lowers) if "fold" in low)
    for tok in candidates if FOLD_MULTIPLES else ():
        m = _FOLD.match(tok.lower_)
        start = tok.i
        word = m.group(1) if m else None
        if m is None and tok.lower_ == "fold" and tok.i >= 2 and reader.doc[tok.i - 1].text in reader.lex["dashes"] \
                and not reader.doc[tok.i - 2].whitespace_ and not reader.doc[tok.i - 1].whitespace_:
            start, word = tok.i - 2, reader.doc[tok.i - 2].lower_  # "three-fold" as the tokenizer splits it
        value = reader.lex["words"].get(word) if word not in (None, "a", "an", "half", "dozen") else None
        if not value:
            continue
        first = reader.doc[start]
        out.append({"tok_start": start, "tok_end": tok.i + 1, "num_token": start,
                    "start_char": first.idx, "end_char": tok.idx + len(tok), "value": float(value),
                    "value_low": float(value), "value_high": float(value), "qualifier": "exact", "unit": "times",
                    "category": "other", "subject": None, "rate": None})
    return out


ONE_IN_N = True  # round 13, switched off only to measure it
# session 20, switched off only to measure it: any count below N ("seven in 10 voters" = 70%), "out of"
# ("nine out of 10") and "in every" ("one in every four tanks")
N_IN_M = True


def _one_in(reader: _Reader) -> list[dict]:
    """Shares written "one in N" ("one in three voters", "more than 1 in 5 homes") -> a percent (100 / N) of the
    noun N counts; N from 2 to 1,000, written in digits or as a word; with N_IN_M also "K in N", "K out of N", "one in
    every N" (100 K / N, K below N)."""
    doc, out = reader.doc, []
    if not ONE_IN_N:
        return out
    lowers = reader.lowers  # a share needs "in" or "out of" after its first word
    for tok in (doc[i] for i in range(reader.n - 1) if lowers[i + 1] in ("in", "out")):
        nxt, den = reader.tok(tok.i + 1), reader.tok(tok.i + 2)
        k = tok.i + 3
        num = 1 if tok.lower_ in ("one", "1") else None
        if N_IN_M and num is None:  # "seven in 10 voters", "nine out of 10 residents"
            num = reader.lex["words"].get(tok.lower_) if not tok.text.isdigit() else int(tok.text)
        if N_IN_M and nxt is not None and nxt.lower_ == "out" and den is not None and den.lower_ == "of":
            nxt, den, k = den, reader.tok(tok.i + 3), k + 1
        if N_IN_M and den is not None and den.lower_ == "every" and nxt.lower_ == "in":  # "one in every four tanks"
            den, k = reader.tok(den.i + 1), k + 1
        if not num or nxt is None or nxt.lower_ not in ("in", "of") or den is None \
                or nxt.lower_ == "of" and reader.tok(nxt.i - 1).lower_ != "out":
            continue
        n = reader.lex["words"].get(den.lower_) if not den.text.isdigit() else int(den.text)
        if n and (num >= n or num > 1 and n not in (10, 100) and (tok.text.isdigit() or den.text.isdigit())
                  and not (DIGIT_SHARE_OF_PEOPLE and _share_of_people_after(reader, tok.i, k))):
            continue  # "killed 2 in 3 attacks", "300 out of 450 lawmakers": a K above one only as "seven in 10",
            # "two in three", "nine out of 10"
        while reader.tok(k) is not None and reader.tok(k).dep_ in ("amod", "compound") and k < tok.i + 5:
            k += 1  # "one in three adult voters"
        noun = reader.tok(k)
        if not n or not 2 <= n <= 1000 or noun is None or noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ not in ("NNS", "NNPS"):
            continue
        value = 100.0 * num / n
        qualifier, left = _qualifier_before(reader, tok.i) or ("exact", tok.i)
        out.append({"tok_start": left, "tok_end": den.i + 1, "num_token": den.i,
                    "start_char": doc[left].idx, "end_char": den.idx + len(den),
                    "value": value, "value_low": value, "value_high": value, "qualifier": qualifier,
                    "unit": "percent", "category": "percent", "subject": reader._subject(noun, den.i + 1), "rate": None})
    return out


DIGIT_SHARE_OF_PEOPLE = True  # session 23, switched off only to measure it


def _share_of_people_after(reader: _Reader, first: int, k: int) -> bool:
    """Whether a "K in N" written in digits with K above one is a share ("About 2 in 3 Americans", "nearly 3 in 4
    Ukrainians support …"; DIGIT_SHARE_OF_PEOPLE), not a count and a number of events ("killed 2 in 3 attacks"): a
    qualifier before it, or the plural after it names people (a nationality, or a noun units.csv knows as people)
    and is the subject of its clause."""
    if _qualifier_before(reader, first) is not None:
        return True
    while reader.tok(k) is not None and reader.tok(k).dep_ in ("amod", "compound") and k < first + 6:
        k += 1
    noun = reader.tok(k)
    if noun is None or noun.tag_ not in ("NNS", "NNPS") or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return noun.ent_type_ == "NORP" or (_lexicon_unit(reader, noun) or ("", ""))[0] == "person"


HYPHENATED_NUMBER_WORDS = True  # session 17, switched off only to measure it


def _tens_and_unit(r: _Reader, dash: int) -> bool:
    """Whether the dash at token ``dash`` joins a written tens word and a unit word, glued ("twenty-four")."""
    a, d, b = r.tok(dash - 1), r.tok(dash), r.tok(dash + 1)
    words = r.lex["words"]
    return a is not None and b is not None and d.text in r.lex["dashes"] and not a.whitespace_ and not d.whitespace_ \
        and words.get(a.lower_, 0) in range(20, 100, 10) and words.get(b.lower_, 0) in range(1, 10)


def _join_hyphenated_words(r: _Reader, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The tokenizer splits "twenty-four million" into "twenty", "-", "four million": one number again."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and out[-1][1] == s - 1 and _tens_and_unit(r, s - 1):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


SHARED_SCALE_ALTERNATIVE = True  # session 20, switched off only to measure it
AND_A_HALF = True  # session 20, switched off only to measure it
ALTERNATIVE_COUNT = True  # session 20, switched off only to measure it
# rules a number run with a shared scale word is not asked: the model tags "Five or six thousand soldiers" or
# "between 5 and 10 million" a DATE and hangs "three million" in "two or three million" as a conjunct
_FORM_OVERRIDES = ("date_or_ordinal_entity", "in_name", "pronoun_one")


def _scale_of(r: _Reader, start: int, end: int) -> float | None:
    """The scale word ending tokens ``start:end`` ("three million", "6bn", "four hundred"), else None; not a bare
    "m"/"b"/"k" word (metres, …)."""
    last = r.doc[end - 1]
    if end - start >= 2 and last.lower_ in r.lex["scales"] and last.lower_ not in ("m", "b", "k"):
        return float(r.lex["scales"][last.lower_])
    suffix = _suffix_unit(last)
    if end - start == 1 and suffix in r.lex["scales"] and suffix != "k" and r.lex["scales"][suffix] >= 1e6:
        return float(r.lex["scales"][suffix])
    glued = r.tok(end)  # "6m people" as the tokenizer splits it: "6", "m"
    if glued is not None and not last.whitespace_ and glued.lower_ in r.lex["scales"] \
            and r.lex["scales"][glued.lower_] >= 1e6 and (glued.lower_ not in ("m", "b") or _plural_noun_after(r, end + 1)):
        return float(r.lex["scales"][glued.lower_])
    return None


def _bare_count(r: _Reader, start: int, end: int) -> float | None:
    """The value of a number run with no scale of its own ("two", "5", "twenty-five"), else None."""
    words = [t.text for t in r.doc[start:end]]
    if any(w.lower() in r.lex["scales"] or _suffix_unit(r.doc[start + k]) for k, w in enumerate(words)):
        return None
    return parse_number(words)


def _shared_scales(r: _Reader, spans: list[tuple[int, int]]) -> dict[tuple[int, int], float]:
    """Number runs that share the scale word written once after the second ("two or three million", "5 or 6m",
    "five to six thousand", "between 5 and 10 million", SHARED_SCALE_ALTERNATIVE; "one and a half million",
    AND_A_HALF): {span: the scale} for the first run (it has none of its own) and {span: 0.0} for the second (a
    cardinal by its form, read as written). The first's count is below the second's ("150 or one million" shares
    nothing); "and" only after "between"."""
    out: dict[tuple[int, int], float] = {}
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        joiner = r.tok(e1)
        low = _bare_count(r, s1, e1)
        if low is None or low <= 0 or joiner is None:
            continue
        if AND_A_HALF and s2 == e1 + 3 and [t.lower_ for t in r.doc[e1:s2]] == ["and", "a", "half"] \
                and e2 - s2 == 1 and r.doc[s2].lower_ in r.lex["scales"] and r.doc[s2].lower_ not in ("m", "b", "k"):
            out[(s1, e1)] = out[(s2, e2)] = 0.0  # "one and a half million": read by the and_a_half step
            continue
        if s2 != e1 + 1:
            continue
        prev = r.tok(s1 - 1)
        if not (joiner.lower_ in ("or", "to") or joiner.text in r.lex["dashes"]
                or joiner.lower_ == "and" and prev is not None and prev.lower_ == "between"):
            continue
        scale = _scale_of(r, s2, e2)
        noun = r.tok(e2)
        if scale is None:  # "two or three people": the second counts the noun the first counts (ALTERNATIVE_COUNT)
            high = _bare_count(r, s2, e2)
            if ALTERNATIVE_COUNT and joiner.lower_ == "or" and high is not None and low < high and noun is not None \
                    and noun.tag_ == "NNS" and r.doc[e1 - 1].dep_ == "nummod" and r.doc[e1 - 1].head.i == e2 \
                    and r.rejection(s2, e2, written_cardinal=True) is None:
                out[(s2, e2)] = 0.0
            continue
        if not SHARED_SCALE_ALTERNATIVE:
            continue
        words = [t.text for t in r.doc[s2:e2]]
        high = _bare_count(r, s2, e2)
        if high is None:  # the scale inside the run: "three million", "6bn"
            high = parse_number(words[:-1]) if e2 - s2 >= 2 else parse_number([_SUFFIXED.match(words[0]).group(1)])
        # a count before a scale word is below a thousand, its scale word in lower case ("Six Million Dollar Man" is
        # a name), and the second run no duration, age or other non-figure by its form ("two or three thousand years")
        if high is None or not low < high < 1000 or r.doc[e2 - 1].text[:1].isupper() \
                or r.rejection(s2, e2, written_cardinal=True) is not None:
            continue
        out[(s1, e1)], out[(s2, e2)] = scale, 0.0
    return out


def _share_noun(first: dict, second: dict) -> None:
    """The two figures of "5 or 6m people", "$5 or 6bn", "a 30-0 vote" count one thing: the second's noun or the
    first's currency for both. In place."""
    if second["unit"] == "unit":
        second.update({k: first[k] for k in ("unit", "category", "subject")})
    elif first["unit"] == "unit" or first["unit"] != second["unit"] and second.get("head_i") is not None:
        first.update({k: second[k] for k in ("unit", "category", "subject", "head_i")})


def find_numbers(doc: Doc, rejections: list[dict] | None = None) -> list[dict]:
    """Figures in a doc, in text order, before attribution.

    With ``rejections`` (a list), every number candidate an :data:`EXCLUSION_RULES` rule rejects is appended to
    it as ``{"start_char", "end_char", "text", "rule"}`` (a parenthesised conversion as ``"conversion"``)."""
    reader = _Reader(doc)
    shares = _fractions(reader) + _ratios(reader) + _vague(reader) + _one_in(reader) + _folds(reader)
    in_share = {i for f in shares for i in range(f["tok_start"], f["tok_end"])}
    spans = [(s, e) for _, s, e in _matcher(doc.vocab)(doc) if not in_share.intersection(range(s, e))]
    spans.sort()
    if HYPHENATED_NUMBER_WORDS:
        spans = _join_hyphenated_words(reader, spans)
    out: list[dict] = []
    consumed = -1

    def reject(start: int, end: int, rule: str) -> None:
        if rejections is not None:
            a, b = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            rejections.append({"start_char": a, "end_char": b, "text": reader.text[a:b], "rule": rule})

    shared = _shared_scales(reader, spans)
    for start, end in spans:
        if start < consumed:
            continue
        rule = reader.rejection(start, end, written_cardinal=(start, end) in shared)
        if rule is not None:
            reject(start, end, rule)
            continue
        claim = reader.read(start, end)
        if claim is None:
            continue
        scale = shared.get((start, end))
        if scale and claim["qualifier"] != "range" and claim["value"] == claim["value_high"] < scale:
            for key in ("value", "value_low", "value_high"):  # "two or three million": 2,000,000 or 3,000,000
                claim[key] *= scale
            claim["_pair"] = True
        if out and out[-1].pop("_pair", False) and start == out[-1]["tok_end"] + 1:
            _share_noun(out[-1], claim)
        if reader.is_conversion(claim, out[-1] if out else None):
            reject(claim["tok_start"], claim["tok_end"], "conversion")
            consumed = claim["tok_end"] + 1
            continue
        consumed = claim["tok_end"]
        out.append(claim)
    for claim in out:
        claim.pop("_pair", None)
    if ELLIPTICAL_UNIT:
        _elliptical_units(reader, out)
    _gapped_list(reader, out)
    if OTHERS_UNIT:
        _others_unit(reader, out)
    if INCLUDED_PART_UNIT:
        _included_part_unit(reader, out)
    if NUMBER_OF_IN_SENTENCE:
        _number_of_in_sentence(reader, out)
    for switch, rule, figures in (("SHARED_NOUN_MODIFIERS", _shared_noun_modifiers, out),  # session 23c rules
                                  ("POSSESSIVE_ELLIPSIS", _possessive_ellipsis, out),
                                  ("NUMBER_VERB_COUNT", _number_verb_count, out),
                                  ("PEOPLE_VERB_SUBJECT", _people_verb_subjects, out + shares),
                                  ("FORCE_SIZE_COUNT", _force_size_count, out)):
        if globals()[switch]:  # read at call time, so each stays a switch
            rule(reader, figures)
    if CASUALTY_LIST_ITEMS:
        _casualty_list_items(reader, out)
    if CASUALTY_PERSON_UNIT:
        for fig in out + shares:  # "left 18 dead", "and 19 were injured", "the other two were killed": people
            if fig["unit"] == "unit" and fig["category"] == "casualties" and fig.get("head_i") is None:
                fig["unit"] = "person"
    return sorted(out + shares, key=lambda c: c["tok_start"]) if shares else out


# session 23b, switched off only to measure it: a casualty figure that names no counted noun, after every rule that
# borrows one from a count before it, counts people (unit person, not "unit")
CASUALTY_PERSON_UNIT = True


CASUALTY_LIST_ITEMS = True  # session 19, switched off only to measure it


def _casualty_list_items(reader: _Reader, figures: list[dict]) -> None:
    """"the death of four generals, 58 colonels and 176 lieutenant colonels were confirmed": a count of forces
    right after a casualty count, with only that count's noun phrase and a comma or "and" between, is the next
    item of the same casualty list (the parser hung it apart, as another subject). In place."""
    doc = reader.doc
    for prev, fig in zip(figures, figures[1:]):
        if prev["category"] != "casualties" or fig["category"] != "personnel" or prev.get("head_i") is None:
            continue
        between = list(doc[prev["head_i"] + 1:fig["tok_start"]])
        if 0 < len(between) <= 2 and all(t.lower_ in (",", "and") for t in between) \
                and doc[prev["head_i"]].sent.start == doc[fig["tok_start"]].sent.start:
            fig["category"] = "casualties"


ELLIPTICAL_UNIT = True  # session 15, switched off only to measure it
ELLIPSIS_MAX_RATIO = 100  # the second count of an ellipsis is at most this many times the first
EDITORIAL_BRACKETS = True  # session 15, switched off only to measure it
_NO_ELLIPSIS = _MEASURE_CATEGORIES


def _elliptical_units(reader: _Reader, figures: list[dict]) -> None:
    """A count with no noun of its own right after a count of something, joined by "and", "or" or a comma with only
    verbs and function words between, counts the same thing ("five people were killed and 18 injured", "killed 3
    civilians and wounded 14"): its unit and subject are the first one's. In place."""
    doc = reader.doc
    by_head = {f["head_i"]: f for f in figures if f.get("head_i") is not None}
    for prev, fig in zip(figures, figures[1:]):
        if fig["unit"] != "unit" or fig.get("head_i") is not None or prev.get("head_i") is None:
            continue
        noun = doc[prev["head_i"]]
        if _included_part(noun):
            # "331 civilians, including 19 children, had been killed and 675 injured": the whole, not the part
            whole = by_head.get(noun.head.head.i)
            if whole is None:
                continue
            between = doc[noun.head.head.i + 1:fig["tok_start"]]
            between = [t for t in between if t.i < noun.head.i or t.i > noun.head.right_edge.i]
            prev = whole
        else:
            between = doc[prev["head_i"] + 1:fig["tok_start"]]
        if prev["unit"] == "unit" or prev["category"] in _NO_ELLIPSIS or fig["category"] in _NO_ELLIPSIS \
                or not 0 < fig["value"] <= ELLIPSIS_MAX_RATIO * max(prev["value"], 1):
            continue  # "three to four brigades and perhaps 15,000" counts no brigades
        if doc[prev["head_i"]].sent.start != doc[fig["tok_start"]].sent.start:
            continue
        if len(between) > 6 or not any(t.lower_ in ("and", "or", ",") for t in between) \
                or any(t.pos_ in ("NOUN", "PROPN", "NUM", "PRON") for t in between):
            if not (PARALLEL_PHRASE_ELLIPSIS and _parallel_phrase(reader, list(between), fig)):
                continue
        fig["unit"], fig["subject"] = prev["unit"], prev["subject"]
        if fig["category"] == "other" or prev["category"] == "equipment":  # "lost 20 tanks, and 300 were captured"
            fig["category"] = prev["category"]


PARALLEL_PHRASE_ELLIPSIS = True  # session 23, switched off only to measure it
_PARALLEL_MAX = 12  # at most this many words between the first count's noun and the second count


def _parallel_phrase(reader: _Reader, between: list[Token], fig: dict) -> bool:
    """Whether a bare count repeats the prepositional phrase that follows the count before it, its noun and verb left
    out ("three people were killed in Kharkiv and 2 in Kherson", "wants 12 people returned from Finland and 21 from
    Sweden"; PARALLEL_PHRASE_ELLIPSIS): the count comes right after "and", "or" or a comma, a preposition follows it,
    and the same preposition opens a phrase between the two counts; no other number and at most
    ``_PARALLEL_MAX`` words between."""
    prep = reader.tok(fig["tok_end"])
    if not between or len(between) > _PARALLEL_MAX or prep is None or prep.pos_ != "ADP" \
            or between[-1].lower_ not in ("and", "or", ",") or any(t.like_num for t in between):
        return False
    return any(t.lower_ == prep.lower_ and t.pos_ == "ADP" and any(c.dep_ == "pobj" for c in t.children)
               for t in between[:-1])


OTHERS_UNIT = True  # session 23, switched off only to measure it
INCLUDED_PART_UNIT = True  # session 23, switched off only to measure it
NUMBER_OF_IN_SENTENCE = True  # session 23, switched off only to measure it


def _number_of_in_sentence(reader: _Reader, figures: list[dict]) -> None:
    """A bare count (unit "unit") after "the number/total/tally of <plural noun>" earlier in its sentence counts that
    noun, whatever the parse between ("an increase in the number of British troops available to about 3,000", "the
    number of UK citizens in the country is estimated at upwards of 6,000", "the number of displaced people increased
    by 331,600 … to stand at 1.8 million"; NUMBER_OF_IN_SENTENCE): the unit and subject of the nearest such phrase.
    In place."""
    doc = reader.doc
    for fig in figures:
        if fig["unit"] != "unit" or fig.get("head_i") is not None or fig["category"] != "other":
            continue
        sent = doc[fig["tok_start"]].sent
        noun = next((n for t in reversed(doc[sent.start:fig["tok_start"]]) if t.lemma_.lower() in reader.lex["count_nouns"]
                     and t.pos_ == "NOUN" for c in t.children if c.dep_ == "prep"
                     and (n := _plural_of_object(c)) is not None and n.i < fig["tok_start"]), None)
        if noun is None:
            continue
        fig["unit"], fig["category"] = reader._unit_of(noun)
        start = max([noun.left_edge.i] + [t.i + 1 for t in doc[noun.left_edge.i:noun.i] if t.like_num])
        fig["subject"] = reader._subject(noun, start)  # "the number of 2,557 people …, with 289 of those": "people"


SHARED_NOUN_MODIFIERS = True  # session 23c, switched off only to measure it
POSSESSIVE_ELLIPSIS = True  # session 23c, switched off only to measure it
_SHARED_MODIFIER_MAX = 4  # at most this many modifier words between a bare count and the "and"/"or" after it


def _modifier_run(tokens) -> bool:
    """Whether ``tokens`` are only the modifiers of a noun left out: adjectives, singular nouns, names, hyphens."""
    return bool(tokens) and all(t.text in ("-", "–") or t.pos_ in ("ADJ", "PROPN") or t.tag_ == "NN"
                                for t in tokens) and not any(t.like_num for t in tokens)


def _shared_noun_modifiers(reader: _Reader, figures: list[dict]) -> None:
    """"1,000 anti-tank and 500 anti-aircraft missiles", "five Ukrainian and three Russian soldiers": a count with no
    noun, with a singular the parser took for one (more than one "anti-tank"), or with the shared noun but the next
    count in its subject, whose own modifiers are followed by "and"/"or" and the next count, itself with modifiers
    and a plural noun, counts that noun (SHARED_NOUN_MODIFIERS): the next count's unit and category; subject its
    own modifiers and the noun. In place."""
    doc = reader.doc
    for prev, fig in zip(figures, figures[1:]):
        if fig.get("head_i") is None or fig["unit"] in ("unit", "other") or fig["category"] in _NO_ELLIPSIS:
            continue
        joiner, noun = doc[fig["tok_start"] - 1], doc[fig["head_i"]]
        if not (prev["unit"] == "unit" and prev.get("head_i") is None or prev.get("head_i") == noun.i
                or prev.get("head_i") == joiner.i - 1 and doc[joiner.i - 1].tag_ == "NN" and prev["value"] > 1):
            continue  # bare, or a singular the parser took for the noun counted ("1,000 anti-tank and 500 …")
        own = list(doc[prev["tok_end"]:fig["tok_start"] - 1])
        if joiner.lower_ not in ("and", "or") or not 0 < len(own) <= _SHARED_MODIFIER_MAX \
                or not _modifier_run(own) or noun.tag_ != "NNS" \
                or not _modifier_run(list(doc[fig["tok_end"]:noun.i])):
            continue
        prev["unit"], prev["category"], prev["head_i"] = fig["unit"], fig["category"], noun.i
        prev["subject"] = " ".join(reader.text[own[0].idx:own[-1].idx + len(own[-1])].split() + [noun.text])


def _possessive_ellipsis(reader: _Reader, figures: list[dict]) -> None:
    """"its air force has 1,172 combat aircraft against Ukraine's 124": a bare count in digits owned by a name
    (after "'s"), its noun left out, counts what the nearest count before it in the sentence counted
    (POSSESSIVE_ELLIPSIS): its unit, category and subject. In place."""
    doc = reader.doc
    for i, fig in enumerate(figures):
        before = reader.tok(fig["tok_start"] - 1)
        if fig["unit"] != "unit" or fig.get("head_i") is not None or fig["category"] != "other" \
                or before is None or before.lower_ not in ("'s", "’s") or not doc[fig["tok_start"]].text[0].isdigit():
            continue
        sent = doc[fig["tok_start"]].sent
        prev = next((p for p in reversed(figures[:i]) if p["tok_start"] >= sent.start), None)
        if prev is None or prev.get("head_i") is None or prev["unit"] in ("unit", "other") \
                or prev["category"] in _NO_ELLIPSIS:
            continue
        fig["unit"], fig["category"], fig["subject"] = prev["unit"], prev["category"], prev["subject"]


NUMBER_VERB_COUNT = True  # session 23c, switched off only to measure it
PEOPLE_VERB_SUBJECT = True  # session 23c, switched off only to measure it


def _number_verb_count(reader: _Reader, figures: list[dict]) -> None:
    """"US troops in Europe now number 100,000", "the force numbers up to 40,000", "the soldiers are understood to
    number around 600": a bare count completing the verb "number" (directly or through a preposition) counts the
    verb's subject, or the subject of the verb it completes (NUMBER_VERB_COUNT): its unit, category and subject.
    "the number of …" (a noun with a determiner) is left to the count-noun rules. In place."""
    doc = reader.doc
    for fig in figures:
        if fig["unit"] != "unit" or fig.get("head_i") is not None or fig["category"] != "other":
            continue
        verb = doc[fig["num_token"]].head
        if verb.dep_ == "prep" and verb.i < fig["num_token"]:
            verb = verb.head  # "number around 600", "numbers up to 40,000"
        if verb.lemma_.lower() not in ("number", "numbers") or verb.i > fig["tok_start"] \
                or any(c.dep_ == "det" for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ == "xcomp":  # "are understood to number": the subject of the verb it completes
            subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ != "NOUN":
            continue
        fig["unit"], fig["category"] = reader._unit_of(subj)
        fig["subject"] = reader._subject(subj, subj.left_edge.i)


FORCE_SIZE_COUNT = True  # session 23c, switched off only to measure it
_SIZE_NOUNS = ("strength", "presence", "size")


def _force_size_count(reader: _Reader, figures: list[dict]) -> None:
    """"a wartime troop strength of 280,000", "the US troop presence has risen from 5,000 to about 24,000", "a force
    of 40,000": a bare count in an "of"/"from"/"to"/"by" phrase hung on a body of troops (a personnel noun of
    ``units.csv`` that is no generic collective), or on a strength, presence or size compounded with one, or on a verb whose object or else
    subject is such a noun, counts that body's members (FORCE_SIZE_COUNT): unit of the personnel noun, category
    personnel. In place."""
    units = reader.lex["units"]

    def personnel(tok: Token | None) -> Token | None:
        if tok is None or tok.pos_ != "NOUN":
            return None
        if units.get(tok.lemma_.lower(), ("", ""))[1] == "personnel":  # not "groups of 10" (a generic collective)
            return tok if tok.lemma_.lower() not in reader.lex["generic_collectives"] else None
        if tok.lemma_.lower() in _SIZE_NOUNS:  # "troop strength", "troop presence"
            return next((c for c in tok.children if c.dep_ == "compound"
                         and units.get(c.lemma_.lower(), ("", ""))[1] == "personnel"), None)
        return None

    for fig in figures:
        tok = reader.doc[fig["num_token"]]
        prep = tok.head
        if fig["unit"] != "unit" or fig.get("head_i") is not None or fig["category"] != "other" \
                or tok.dep_ != "pobj" or prep.lower_ not in ("of", "from", "to", "by"):
            continue
        owner = prep.head
        if owner.pos_ in ("VERB", "AUX"):
            owner = next((c for dep in ("dobj", "nsubj", "nsubjpass") for c in owner.children if c.dep_ == dep), None)
        noun = personnel(owner)
        if noun is None:
            continue
        fig["unit"], fig["category"] = units[noun.lemma_.lower()]
        fig["subject"] = reader._subject(owner, owner.left_edge.i)


def _people_verb_subjects(reader: _Reader, figures: list[dict]) -> None:
    """A bare count (vague ones too) that is the subject of a verb only people do or undergo (``numbers.json``
    ``people_subject_verbs``: "Tens of thousands have fled", "16,000 gathered at the square", "more than 6,000 had
    been evacuated"; PEOPLE_VERB_SUBJECT) counts people: unit person; not when an "of" phrase names what it counts.
    In place."""
    for fig in figures:
        tok = reader.doc[fig["num_token"]]
        if fig["unit"] == "unit" and fig.get("head_i") is None and tok.dep_ in ("nsubj", "nsubjpass") \
                and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in reader.lex["people_subject_verbs"] \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            fig["unit"] = "person"


def _included_part_unit(reader: _Reader, figures: list[dict]) -> None:
    """A bare count right after "including" or "among them" counts what the count before it in the sentence counted
    ("Around 100,000 people have crossed, including 9,000 who entered since Saturday": people; "killed 12 civilians,
    including 3 in Kharkiv"; INCLUDED_PART_UNIT): its unit, and its category when that is casualties or
    equipment. In place."""
    doc = reader.doc
    for prev, fig in zip(figures, figures[1:]):
        if fig["unit"] != "unit" or fig.get("head_i") is not None or prev["unit"] in ("unit", "other") \
                or prev["category"] in _NO_ELLIPSIS or fig["category"] in _NO_ELLIPSIS:
            continue
        before = [t.lower_ for t in doc[max(0, fig["tok_start"] - 2):fig["tok_start"]]]
        if before[-1:] != ["including"] and before != ["among", "them"] \
                or doc[prev["tok_start"]].sent.start != doc[fig["tok_start"]].sent.start:
            continue
        fig["unit"], fig["subject"] = prev["unit"], prev["subject"]
        if prev["category"] in ("casualties", "equipment"):
            fig["category"] = prev["category"]


def _included_part(noun: Token) -> bool:
    """Whether ``noun`` is the object of "including"/"among": a part of a count named before it."""
    return noun.dep_ == "pobj" and noun.head.lower_ in ("including", "among")


def _others_unit(reader: _Reader, figures: list[dict]) -> None:
    """"three people died and five others were injured", "destroyed 12 tanks and damaged two others": a count of
    "others" counts what the count before it in the sentence counted — its unit (OTHERS_UNIT); with none, a casualty
    count of others counts people. In place."""
    doc = reader.doc
    for i, fig in enumerate(figures):
        if fig.get("head_i") is None or doc[fig["head_i"]].lower_ != "others":
            continue
        sent = doc[fig["head_i"]].sent
        prev = next((p for p in reversed(figures[:i]) if p.get("head_i") is not None and p["tok_start"] >= sent.start
                     and p["unit"] not in ("unit", "other") and p["category"] not in _NO_ELLIPSIS
                     and not _included_part(doc[p["head_i"]])), None)
        if prev is not None:
            fig["unit"] = prev["unit"]
            if fig["category"] == "other" and prev["category"] == "equipment":  # "damaged two others" (tanks)
                fig["category"] = prev["category"]
        elif fig["category"] == "casualties":
            fig["unit"] = "person"


GAPPED_LIST_COUNT = True  # session 21 (lead), switched off only to measure it


def _gapped_list(reader: _Reader, figures: list[dict]) -> None:
    """A bare count right after a name in a list that follows a count of something counts the same thing, its verb
    and noun left out ("Poland has expelled 45 Russian diplomats, Germany 40, France 35 and Italy 30": diplomats,
    each; ``GAPPED_LIST_COUNT``). Only a comma, semicolon or "and", then one name of at most four words (proper
    nouns, "the") between the two figures, in one sentence; not after money, shares or measures. In place."""
    if not GAPPED_LIST_COUNT:
        return
    doc = reader.doc
    for prev, fig in zip(figures, figures[1:]):
        if fig["unit"] != "unit" or fig.get("head_i") is not None or prev["unit"] == "unit" \
                or prev["category"] in _NO_ELLIPSIS or fig["category"] in _NO_ELLIPSIS:
            continue
        start = prev["head_i"] + 1 if prev.get("head_i") is not None and prev["head_i"] >= prev["tok_start"] \
            else prev["tok_end"]
        between = list(doc[start:fig["tok_start"]])
        if len(between) < 2 or doc[start].sent.start != doc[fig["tok_start"]].sent.start \
                or not (between[0].text in (",", ";") or between[0].lower_ == "and"):
            continue
        name = between[1:]
        if name[0].lower_ == "and":
            name = name[1:]
        if name and name[0].lower_ == "the":
            name = name[1:]
        if not 0 < len(name) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
            continue
        fig["unit"], fig["subject"] = prev["unit"], prev["subject"]
        if fig["category"] == "other":
            fig["category"] = prev["category"]


COUNT_OF_SOURCE_NOT_CLAIMED = True  # session 15, switched off only to measure it
PARTICIPLE_ADJUNCT_OUTSIDE = True  # session 15, switched off only to measure it
# session 17, switched off only to measure it: a figure inside the source mention of the sentence's "according to"
# ("according to three officials and one diplomat") or of a reporting verb's resolved subject counts the sources and
# gets no claimant from them, as COUNT_OF_SOURCE_NOT_CLAIMED does for the statement holding it
SOURCE_COUNT_UNATTRIBUTED = True


def _in_mention(claim: dict, statement: dict) -> bool:
    """Whether a figure lies in the statement's own speaker mention ("…, the two leaders said, …": the count of the
    sources is no claim of theirs)."""
    start, end = statement.get("speaker_start"), statement.get("speaker_end")
    return start is not None and end is not None and start <= claim["start_char"] and claim["end_char"] <= end


def _counts_source(claim: dict, statement: dict, text: str) -> bool:
    """Whether a figure counts the statement's sources: it lies in the speaker mention, with no comma before it there
    (a mention the parse ran on past a comma into the clause — "according to the agency, over 30 countries …" — is
    no evidence)."""
    return _in_mention(claim, statement) and "," not in text[statement["speaker_start"]:claim["start_char"]]


def _in_square_brackets(text: str, start: int, end: int) -> bool:
    """Whether a figure stands inside square brackets (an editor's insertion: "[thousands were killed there - ed.]")
    on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    opened = text.rfind("[", line_start, start)
    return opened >= 0 and "]" not in text[opened:start] and "]" in text[end:line_end] \
        and "[" not in text[end:text.find("]", end)]


def claimant_name(speaker: str, kind: str | None) -> str:
    """The claimant for a speaker: an entity's canonical name as it is; a noun-phrase speaker in parentheses
    ("officials" -> "(officials)"), marked unnamed like "(unattributed)"."""
    return f"({speaker})" if kind in PHRASE_KINDS else speaker


def _bare_word(speaker: str, kind: str | None, start: int | None, end: int | None, text: str) -> bool:
    """A document speaker written as one bare word ("Intelligence suggests …", "Research shows …"): nothing in
    particular, no claimant. ("The report says" or "Police said" do name a source.)"""
    return kind == "document" and start is not None and " " not in speaker and text[start:end].lower() == speaker.lower()


def _named_first(holders: list[dict], text: str) -> list[dict]:
    """Statements holding a figure that may give its claimant: when one has a named speaker, a noun-phrase speaker
    does not ("U.K. officials said 824 …, according to Ukrainian updates" stays the officials'); a document written
    as one bare word never does."""
    holders = [h for h in holders if not _bare_word(h["speaker"], h.get("speaker_kind"), h.get("speaker_start"),
                                                    h.get("speaker_end"), text)]
    named = [h for h in holders if h.get("speaker_kind") not in PHRASE_KINDS]
    return named or holders


def _sentence_source(claim: dict, statements: list[dict], sent: dict, text: str = "") -> dict | None:
    """The figure's own "according to X": the one "according to" statement with a named source in the figure's
    sentence ("HARMs have a range of 30 miles, according to the US Air Force, making them …" — the parse may hang
    the phrase on the wrong clause, so its content misses the figure; the phrase still sources the sentence).
    Only called for a figure no statement holds; two different sources in the sentence give none, nor does a phrase
    whose own source mention holds the figure ("according to three officials and one diplomat", session 17)."""
    found = {s["speaker"]: s for s in statements
             if s["kind"] == "according_to" and s["speaker"] != UNKNOWN
             and sent["start_char"] <= s["start_char"] and s["end_char"] <= sent["end_char"]
             and not (SOURCE_COUNT_UNATTRIBUTED and _counts_source(claim, s, text))
             and not (AFTER_TRAILING_SOURCE_UNCLAIMED and _after_trailing_source(claim, s))}
    return next(iter(found.values())) if len(found) == 1 else None


# session 19, switched off only to measure it: an "according to" phrase set after what it reports sources what comes
# before it; a figure after the phrase ("The port earned 80 million euros, according to public records, a large sum
# for a port with 12 berths") is the writer's comment
AFTER_TRAILING_SOURCE_UNCLAIMED = True


def _after_trailing_source(claim: dict, statement: dict) -> bool:
    """Whether the statement's content ends before its source mention and the figure starts after that mention."""
    start, end = statement.get("speaker_start"), statement.get("speaker_end")
    return start is not None and end is not None and statement["end_char"] <= start and claim["start_char"] >= end


WITH_PHRASE_OF_REPORT = True  # session 17, switched off only to measure it


def _report_with_phrase(num: Token, statements: list[dict]) -> dict | None:
    """"A total of 2,557 people were evacuated, the minister confirmed, with 289 of those from the port": a "with"
    phrase hung on a reporting verb after it, whose reported clause stands before the verb, goes on with what is
    reported. The statement whose content holds that clause and whose speaker mention holds the verb's subject."""
    node = num
    while node.head.i != node.i and not (node.dep_ == "prep" and node.lower_ == "with" and node.head.pos_ == "VERB"):
        node = node.head
    verb = node.head
    if node.i == verb.i or node.i < verb.i or node.nbor(-1).text != ",":  # set off by a comma: "confirmed, with …"
        return None
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > (content.i if content is not None else 0)),
                   None)
    if content is None or subject is None:
        return None
    found = [s for s in statements if s["speaker"] != UNKNOWN and s.get("speaker_start") is not None
             and s["start_char"] <= content.idx < s["end_char"]
             and s["speaker_start"] <= subject.idx < s["speaker_end"]]
    return found[0] if len(found) == 1 else None


BETWEEN_ONE_SPEAKER = True  # round 13, switched off only to measure it
# session 17, switched off only to measure it: a quotation the writer closed just before the sentence gives it no
# speaker ("“… one of the carrier groups.” Britain operates two carriers … “…,” he said." is the writer's aside)
QUOTE_CLOSED_BEFORE = True
_EDGE = 2  # characters a statement's content may stop short of a sentence's edge (a closing mark, a stop)


def _between_one_speaker(sent: dict, statements: list[dict], index) -> dict | None:
    """A figure's sentence that no statement touches, between statements of one named speaker, one reporting the
    sentence just before it to its end, the other the sentence just after it from its start, the three in one
    paragraph ("According to X, …. The two sides have … . “…,” she noted."): the paragraph goes on with that
    speaker's account, so the statement after it gives the claimant."""
    sid, rows = sent["sentence_id"], index.rows
    if not 0 < sid < len(rows) - 1 or not rows[sid - 1]["paragraph_id"] == sent["paragraph_id"] == rows[sid + 1]["paragraph_id"]:
        return None
    named = [s for s in statements if s["speaker"] != UNKNOWN and s.get("speaker_kind") not in PHRASE_KINDS]
    if any(s["start_char"] < sent["end_char"] and sent["start_char"] < s["end_char"] for s in statements):
        return None
    # what is reported runs to the end of the sentence before and starts the sentence after (a quotation mark aside)
    prev, nxt = rows[sid - 1], rows[sid + 1]
    before = {s["speaker"] for s in named if prev["end_char"] - _EDGE <= s["end_char"] <= sent["start_char"]
              and not (QUOTE_CLOSED_BEFORE and s["kind"] == "direct")}
    after = [s for s in named if sent["end_char"] <= s["start_char"] <= nxt["start_char"] + _EDGE]
    speakers = {s["speaker"] for s in after}
    if len(before) == 1 and speakers == before:
        return after[0]
    return None


BACKSHIFT_CONTINUES = True  # round 14, switched off only to measure it


def _past_perfect(tok: Token) -> bool:
    """"had lost", "had been established": a past participle with the auxiliary "had"."""
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)


def _backshifted_report_before(doc: Doc, sent: dict, statements: list[dict], index) -> dict | None:
    """"The report estimated that Russia had abducted N children. In the region, 43 camps had been established …":
    a figure's sentence that no statement touches and whose main verb is in the past perfect, right after a sentence
    (of the same paragraph) that a named speaker's indirect statement reports to its end, itself in the past perfect:
    the backshifted tense says the report goes on (round 14)."""
    sid, rows = sent["sentence_id"], index.rows
    if not 0 < sid or rows[sid - 1]["paragraph_id"] != sent["paragraph_id"]:
        return None
    if any(s["start_char"] < sent["end_char"] and sent["start_char"] < s["end_char"] for s in statements):
        return None
    span = doc.char_span(sent["start_char"], sent["end_char"], alignment_mode="expand")
    if span is None or not _past_perfect(span.root):
        return None
    prev = rows[sid - 1]
    before = [s for s in statements if s["speaker"] != UNKNOWN and s.get("speaker_kind") not in PHRASE_KINDS
              and s["kind"] == "indirect" and prev["start_char"] <= s["start_char"]
              and prev["end_char"] - _EDGE <= s["end_char"] <= sent["start_char"]]
    if len(before) != 1:
        return None
    content = doc.char_span(before[0]["start_char"], before[0]["end_char"], alignment_mode="expand")
    return before[0] if content is not None and any(_past_perfect(t) for t in content) else None


_NOT_CONTENT = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "agent", "prep",
                          "appos", "mark", "punct"})


def _outside_content(num: Token, verb: Token | None) -> bool:
    """Whether the figure hangs on the reporting verb outside what the verb reports: in its subject ("Smith, who
    flew 39 missions, said …"), its agent, an adjunct ("said at a meeting with four leaders") or a clause with a
    subordinating word ("while massing 100,000 troops, denies …"; "adding that 40 …" is content)."""
    if verb is None:
        return False
    node = num  # spaCy makes a new Token object on every access: compare indices, never identity
    below = None  # the step under ``node`` on the way up from the figure
    while node.head.i != node.i and node.head.i != verb.i:
        below, node = node, node.head
    if node.head.i == verb.i and node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _lex()["adjunct_marks"] for c in node.children):
        return True  # "Russia, while massing 100,000 troops, denies …": a clause of time or contrast, no content
    if PARTICIPLE_ADJUNCT_OUTSIDE and node.head.i == verb.i and node.dep_ == "advcl" and node.tag_ in ("VBG", "VBN") \
            and below is not None and below.dep_ == "prep" and below.lower_ in _lex()["adjunct_preps"]:
        return True  # "Speaking after two meetings of Nato, the prime minister admitted …": when, not what
    if OBJECT_PREDICATE_CONTENT and _object_predicate(node, verb):
        return False  # "a survey showed the ferry with 62 percent": what is shown of the object
    return node.head.i == verb.i and node.i != verb.i and node.dep_ in _NOT_CONTENT


# session 19, switched off only to measure it: a "with" or "as" phrase right after a reporting verb's direct object
# says what is reported of that object ("a harbour survey showed the northern ferry with 62 percent", "the office
# reported the fleet as 14 ferries"): content, no adjunct; not after a verb whose object is the one spoken to ("told
# reporters with …")
OBJECT_PREDICATE_CONTENT = True
_OBJECT_PREDICATE_PREPS = ("with", "as")


def _object_predicate(node: Token, verb: Token) -> bool:
    """Whether ``node`` is a "with"/"as" phrase on ``verb`` that directly follows the verb's direct object."""
    if node.head.i != verb.i or node.dep_ != "prep" or node.lower_ not in _OBJECT_PREDICATE_PREPS \
            or verb.lemma_.lower() in _lex()["addressee_verbs"]:
        return False
    return any(c.dep_ == "dobj" and c.right_edge.i + 1 == node.i for c in verb.children)


# session 18, each switched off only to measure it: a cue that asserts nothing gives a figure in its content no
# claimant. Negated or not done: "has not spoken publicly about a 2.5% target", "doesn't know", "declined to say
# whether …", "refused to lift restrictions on the 15 countries …" (a cue that is, or is the infinitive of, one of
# cue_verbs.json refusal_verbs)
NEGATED_CUE_NOT_CLAIMED = True
# … asked or supposed: a cue in a question or a condition ("Asked whether he supported the 2.5% idea, …", "if X
# says …"), a figure in the question a cue reports ("asked if she backed the 2.5% idea"), and a "why"/"how" clause of
# a verb that asks (question_verbs: "wondering why, after expelling 45 diplomats, …")
QUESTION_CUE_NOT_CLAIMED = True
# … taken as true by the writer: the clause of a factive verb (factive_verbs: "they start realizing that …
# thousands of KIAs …") is the writer's presupposition, not the subject's claim
FACTIVE_CONTENT_NOT_CLAIMED = True
# … or a placing: a verb that reports a figure only with a given preposition (figure_only_with: "put the toll at
# 300"), read with an object and without it ("put 8,500 troops on heightened preparedness", "putting three
# refineries into a trusteeship"; "as he put it" keeps its quotation)
PLACING_NOT_REPORTING = True
# … or the writer's description of a judged thing: a figure in a relative clause or participle on a noun in the
# object of a verb that judges, answers or resembles it (judged_object_cues: "denounced the strikes … that left at
# least 21 dead", "rejected a peace plan proposed by leaders from seven countries", "echoes the siege …, where
# hundreds … sheltered"), unless a reporting verb stands in between ("… commitments he said included 100,000 …")
JUDGED_OBJECT_DESCRIBED = True
# … or the audience: a figure in the direct object of a verb whose object is the one spoken to (addressee_verbs: "told
# 1,200 graduating cadets", "told the two countries' ambassadors")
ADDRESSEE_NOT_CLAIMED = True
# … or an option weighed: the gerund of a verb of deliberation (deliberation_verbs: "states are considering paying
# rebate checks of several hundred dollars"); "consider these countries the safest" and "considers that …" still report
DELIBERATION_NOT_CLAIMED = True
_QUESTION_MARKS = ("whether", "if")
_WH_TAGS = ("WDT", "WP", "WP$", "WRB")


def _cue_token(doc: Doc, statement: dict) -> Token | None:
    """The statement's cue token (``_cue_char`` of a statement row), when the row has one and it is that word."""
    at = statement.get("_cue_char")
    span = doc.char_span(at, at + 1, alignment_mode="expand") if at is not None else None
    return span[0] if span is not None and len(span) and span[0].idx == at \
        and span[0].text == statement["cue"].split()[0] else None


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _child_towards(num: Token, cue: Token) -> Token | None:
    """The cue's dependent that holds the figure (None when the figure is not below the cue)."""
    node = num
    while node.head.i != node.i and node.head.i != cue.i:
        node = node.head
    return node if node.head.i == cue.i and node.i != cue.i else None


def _asks(cue: Token, clause: Token | None) -> bool:
    """A cue in a question or condition, or a question the cue reports (QUESTION_CUE_NOT_CLAIMED)."""
    if any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in cue.children):
        return True
    if clause is None:
        return False
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS), None)
    if mark is not None:
        # "if" asks only right after the cue ("asked if she backed …"); "said that if the two countries …" and a
        # quotation before "said" are conditions inside what is said
        return mark.lower_ == "whether" or cue.i < mark.i and not any(
            t.lower_ == "that" for t in cue.doc[cue.i + 1:mark.i])
    first = clause.doc[clause.left_edge.i]
    return cue.lemma_.lower() in _lex()["question_verbs"] and cue.i < first.i and first.tag_ in _WH_TAGS


def _describes_object(num: Token, cue: Token) -> bool:
    """Whether the figure is in a relative clause or a participle (``relcl``; ``acl`` as a participle) on a noun of the
    cue's object or prepositional object, with no reporting verb on the way (JUDGED_OBJECT_DESCRIBED)."""
    lex = _lex()
    node, described = num, False
    while node.head.i != node.i and node.head.i != cue.i:
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in lex["speech"] | lex["attribution"] \
                or node.dep_ == "ccomp":
            return False
        described = described or node.dep_ == "relcl" or node.dep_ == "acl" and node.tag_ in ("VBN", "VBG")
        node = node.head
    return described and node.head.i == cue.i and node.dep_ in ("dobj", "prep")


def _asserts_nothing(num: Token, cue: Token | None) -> bool:
    """Whether a reporting cue asserts nothing of the figure ``num`` in its content (the seven switches above)."""
    if cue is None or cue.pos_ not in ("VERB", "AUX"):
        return False
    lex, lemma = _lex(), cue.lemma_.lower()
    refusal = lex["refusal_verbs"]
    if NEGATED_CUE_NOT_CLAIMED and (_negated(cue) or lemma in refusal or cue.dep_ == "xcomp" and (
            cue.head.lemma_.lower() in refusal or _negated(cue.head))):
        return True
    child = _child_towards(num, cue)
    clause = child if child is not None and child.dep_ == "ccomp" else None  # the clause the cue reports
    if QUESTION_CUE_NOT_CLAIMED and _asks(cue, clause):
        return True
    if FACTIVE_CONTENT_NOT_CLAIMED and lemma in lex["factive_verbs"] and clause is not None:
        return True
    if JUDGED_OBJECT_DESCRIBED and lemma in lex["judged_object_cues"] and _describes_object(num, cue):
        return True
    if ADDRESSEE_NOT_CLAIMED and lemma in lex["addressee_verbs"] and child is not None \
            and child.dep_ in ("dobj", "dative"):
        return True
    if DELIBERATION_NOT_CLAIMED and lemma in lex["deliberation_verbs"] and child is not None \
            and child.dep_ in ("xcomp", "dobj") and child.tag_ == "VBG":
        return True
    preps = lex["figure_only_with"].get(lemma)
    if not PLACING_NOT_REPORTING or preps is None:
        return False
    # the preposition gives a figure ("at 300", not "at the end of the year"); a particle makes another verb ("put
    # forward an estimate of 5,000", "put out a statement"), and "as he put it" a quotation's cue
    kids = [c for c in cue.children if c.dep_ == "prep"]
    return bool(kids) and not any(c.lower_ in preps and any(t.like_num for t in c.subtree) for c in kids) \
        and not any(c.dep_ == "prt" or c.dep_ == "dobj" and c.lower_ == "it" for c in cue.children)


# session 19, switched off only to measure it: the mention of a claimant found through an attribution verb is the
# subject's whole noun phrase, as a statement's speaker mention is (``attribution.mention_span``: "The latest harbour
# survey", "Governor Jane Roe", a pronoun "He" whose name stands in another sentence), not the name inside it
SUBJECT_PHRASE_MENTION = True


def _subject_phrase(verb: Token | None, sent: dict) -> tuple[int, int] | None:
    """The character span of the verb's subject (or passive agent) phrase, when it lies in the figure's sentence."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None) if verb is not None else None
    if subject is None and agent is not None:
        subject = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subject is None:
        return None
    start, end = mention_span(subject)
    return (start, end) if sent["start_char"] <= start and end <= sent["end_char"] else None


def _holds(doc: Doc, claim: dict, statement: dict) -> bool:
    """Whether a statement's content holds the figure as its speaker's claim (whoever the speaker is): not through a
    rule that credits no figure, not in its own speaker mention, not under a cue that asserts nothing, not from a
    share of people (SHARE_SPEAKER_NOT_CLAIMANT)."""
    return statement["start_char"] <= claim["start_char"] and claim["end_char"] <= statement["end_char"] \
        and statement.get("_rule") not in _NO_FIGURE_RULES \
        and not (COUNT_OF_SOURCE_NOT_CLAIMED and _in_mention(claim, statement)) \
        and not (SHARE_SPEAKER_NOT_CLAIMANT and _share_of_people(doc, statement.get("speaker_start"),
                                                                 statement.get("speaker_end"))) \
        and not _asserts_nothing(doc[claim["num_token"]], _cue_token(doc, statement))


# session 20, switched off only to measure it: a statement's content may stop short of the clause its cue reports
# (at a comma, a coordination or a clause joined to it: "the agency showed $200 in fees and $47 in rents", "listed an
# array of more than 60 names", "charged that the hearing ignored the attacks that killed four guards"); a figure no
# statement holds, in the parse subtree of the cue's dependent that starts in or lies in a statement's content, is
# that statement's speaker's claim — not in the cue's subject or an adjunct, not under a cue that asserts nothing,
# not in a relative clause or participle set off by a comma (", which means …": the writer's aside), not in the
# subject of another reporting verb on the way ("…, while nine in 10 said …"), and not when a statement whose source
# is unknown holds the figure ("I saw that the cost is estimated at $100bn": the estimate is no one's named claim)
CONTENT_CLAUSE_CONTINUES = True
# session 20, tried and not kept (off): a contrast clause ("while", "whereas") hung on the cue after the content it
# follows goes on with what is reported ("the survey found that 449 back the plan, while only 19 back the other");
# one PolNeAR train figure gained, but on unseen war news it credited a new event to the speaker ("Captured soldiers
# express regret while, on the borders, an exodus continues, with about 2 million people having fled")
CONTRAST_AFTER_CONTENT = False
_CONTRAST_MARKS = ("while", "whereas")
_ASIDE_MARKS = (",", "—", "–", "(", ";")
_MAIN_DEPS = ("ROOT", "ccomp", "conj", "parataxis")


def _aside_on_path(num: Token, top: Token) -> bool:
    """Whether the way up from the figure to ``top`` (a dependent of a cue) passes a relative clause or participle set
    off by a comma (``relcl``/``acl``/``appos`` whose first word follows one of _ASIDE_MARKS), the subject of a
    reporting verb, or a clause of time or contrast when the cue is no main verb."""
    lex, node = _lex(), num
    while True:
        before = node.left_edge.i - 1
        while before > 0 and node.doc[before].is_quote:  # "the program, “Radio Free,” broadcast on …"
            before -= 1
        if node.dep_ in ("relcl", "acl", "appos") and before >= 0 and node.doc[before].text in _ASIDE_MARKS:
            return True
        if node.dep_ in ("nsubj", "nsubjpass") and node.head.lemma_.lower() in lex["speech"] | lex["attribution"]:
            return True
        if node.dep_ == "advcl" and top.head.dep_ not in _MAIN_DEPS \
                and any(c.dep_ == "mark" and c.lower_ in lex["adjunct_marks"] for c in node.children):
            return True  # "bases from which intelligence indicates an attack is imminent, while …": no main verb's
        if node.i == top.i or node.head.i == node.i:
            return False
        node = node.head


def _contrast_after(child: Token, cue: Token, statement: dict, statements: list[dict]) -> bool:
    """Whether ``child`` is a contrast clause on the cue after the cue and after the statement's content, the cue a
    main verb (not in a relative or adverbial clause: "bases from which intelligence indicates an attack, while …"),
    the clause with no cue of its own ("…, while Bloomberg lists them with $55 billion")."""
    start, end = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
    return CONTRAST_AFTER_CONTENT and child.dep_ == "advcl" and cue.i < child.i and cue.dep_ in _MAIN_DEPS \
        and start >= statement["end_char"] and statement["start_char"] > cue.idx \
        and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in child.children) \
        and not any(o.get("_cue_char") is not None and start <= o["_cue_char"] < end for o in statements)


def _content_clause_holder(doc: Doc, claim: dict, statements: list[dict], sent: dict) -> dict | None:
    """The innermost statement (known speaker, in the figure's sentence, its content starting before the figure and no
    semicolon between its end and the figure) whose cue's dependent towards the figure starts or lies in its content
    (CONTENT_CLAUSE_CONTINUES), or is a contrast clause after it (CONTRAST_AFTER_CONTENT)."""
    num = doc[claim["num_token"]]
    if any(s["speaker"] == UNKNOWN and _holds(doc, claim, s) for s in statements):
        return None
    found = []
    for s in statements:
        if s["speaker"] == UNKNOWN or s.get("_rule") in _NO_FIGURE_RULES \
                or not sent["start_char"] <= s["start_char"] <= claim["start_char"] \
                or s["end_char"] > sent["end_char"] \
                or ";" in doc_text(doc)[s["end_char"]:claim["start_char"]] \
                or _in_mention(claim, s) \
                or _bare_word(s["speaker"], s.get("speaker_kind"), s.get("speaker_start"), s.get("speaker_end"),
                              doc_text(doc)) \
                or SHARE_SPEAKER_NOT_CLAIMANT and _share_of_people(doc, s.get("speaker_start"), s.get("speaker_end")):
            continue
        cue = _cue_token(doc, s)
        child = _child_towards(num, cue) if cue is not None else None
        if child is None or _aside_on_path(num, child) or _asserts_nothing(num, cue):
            continue
        if _contrast_after(child, cue, s, statements) or CONTENT_CLAUSE_CONTINUES \
                and s["start_char"] <= child.idx < s["end_char"] and not _outside_content(num, cue):
            found.append(s)
    return min(found, key=lambda s: s["end_char"] - s["start_char"]) if found else None


# session 20, switched off only to measure it: a quotation that goes on from an earlier one of the same speaker
# (``speaker_resolved_from`` "continuation": "“…,” Roe told reporters. ¶ “So we get to 1,237.”") names its speaker
# nowhere in its own sentence; the claimant's mention is the one that named the speaker for the earlier quotation
CONTINUED_QUOTE_MENTION = True


def _continued_mention(statement: dict, statements: list[dict]) -> tuple:
    """The speaker mention of the nearest earlier statement of the same speaker that has one, for a continued
    quotation; (None, None) otherwise."""
    if statement.get("speaker_resolved_from") != "continuation":
        return None, None
    earlier = [s for s in statements if s["speaker"] == statement["speaker"] and s.get("speaker_start") is not None
               and s["end_char"] <= statement["start_char"]]
    last = max(earlier, key=lambda s: s["end_char"], default=None)
    return (last["speaker_start"], last["speaker_end"]) if last is not None else (None, None)


# session 20, switched off only to measure it: an "in" phrase whose object is a poll or a count (numbers.json
# survey_nouns) on the figure's clause or noun sources the figure as "according to" does ("In a poll released Sunday,
# 8 percent of voters said …", "X leads by 57 percent to 33 percent in the poll"): for a figure nothing else credits,
# the survey's resolved name is the claimant
IN_SURVEY_SOURCE = True
# tried, not kept (off): an unnamed survey as a noun-phrase claimant ("40 percent were hurt in the new survey" ->
# "(new survey)"); a document phrase naming no one credits no one (round 12, statements.READ_SOURCE_PHRASE)
UNNAMED_SURVEY_CLAIMANT = False


def _clause_of(tok: Token) -> Token:
    """The nearest verb (or auxiliary) at or above ``tok``: the head of its clause (the root when there is none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _survey_object(prep: Token, num: Token) -> Token | None:
    """The survey noun that ``prep`` ("in") takes as object, when the phrase does not hold the figure."""
    if prep.dep_ != "prep" or prep.lower_ != "in" or prep.left_edge.i <= num.i <= prep.right_edge.i:
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return pobj if pobj is not None and pobj.lower_ in _lex()["survey_nouns"] else None


def _survey_source(num: Token, resolve) -> tuple[dict | None, tuple[int, int]] | None:
    """(entity row or None, mention span) of the survey sourcing the figure (:func:`_survey_phrase`), when it
    resolves to a name (or UNNAMED_SURVEY_CLAIMANT)."""
    survey = _survey_phrase(num)
    if survey is None:
        return None
    found, _ = resolve(survey)
    if found is None or speaker_kind(found) in PHRASE_KINDS:  # "a survey by the Harbour Institute": the name inside
        end = survey.right_edge.idx + len(survey.right_edge)
        inside = [e.root for e in survey.doc.ents if e.label_ in ("ORG", "PERSON")
                  and survey.left_edge.idx <= e.start_char and e.end_char <= end]
        found = resolve(inside[0])[0] if inside else found
    named = found is not None and speaker_kind(found) not in PHRASE_KINDS
    return (found, mention_span(survey)) if named or UNNAMED_SURVEY_CLAIMANT else None


def _survey_phrase(num: Token) -> Token | None:
    """The object of an "in" phrase whose word is a survey noun: in the figure's own clause ("leads by 40 percent to
    35 percent in the poll", wherever the parser hung it), else the nearest on a word above the figure."""
    clause = _clause_of(num)
    for tok in clause.subtree:
        if (found := _survey_object(tok, num)) is not None and _clause_of(tok.head).i == clause.i:
            return found
    node = clause
    while node.head.i != node.i:
        node = node.head
        for child in node.children:
            if (found := _survey_object(child, num)) is not None:
                return found
    return None


# session 19, switched off only to measure it: a speaker mention that is a share of people ("Just 30 percent of the
# dock workers said …", "a majority of respondents say") is what a poll found, no source: the statement credits no
# figure ("…, compared with 45 percent in May" is the writer's comparison)
SHARE_SPEAKER_NOT_CLAIMANT = True
# session 19, switched off only to measure it: an "according to" statement whose source mention neither a name nor a
# noun-phrase source resolves ("according to the harbour timetable") still names its source when the mention is
# headed by a common noun (no pronoun, no proper noun the entity stage declined as a name): a figure it holds, that
# no resolved statement holds, is credited to the mention as a noun phrase ("(harbour timetable)")
UNRESOLVED_MENTION_CLAIMANT = True
# tried, not kept (off): the same for the unresolved subject of a speech verb ("the review team estimated …") — it
# gains on PolNeAR but credits things the speaker rules leave out on purpose ("the move suggests", "the map can tell")
UNRESOLVED_SPEECH_CUE = False


def _mention_span(doc: Doc, start: int | None, end: int | None):
    span = doc.char_span(start, end, alignment_mode="expand") if start is not None and end is not None else None
    return span if span is not None and len(span) else None


def _share_of_people(doc: Doc, start: int | None, end: int | None) -> bool:
    """Whether the speaker mention ``start``-``end`` is headed by a share ("percent", "%", "majority", "half",
    "three-quarters": numbers.json share_heads and fractions)."""
    span = _mention_span(doc, start, end)
    lex = _lex()
    return span is not None and (span.root.lower_ in lex["share_heads"] or span.root.lower_ in lex["fractions"])


def _unresolved_holder(doc: Doc, claim: dict, statements: list[dict]) -> dict | None:
    """The innermost "according to" statement (also a speech cue's with UNRESOLVED_SPEECH_CUE) holding the figure,
    whose source is unresolved but whose mention is headed by a common noun (UNRESOLVED_MENTION_CLAIMANT)."""
    found = [s for s in statements if s["speaker"] == UNKNOWN and (s["kind"] == "according_to" or UNRESOLVED_SPEECH_CUE
                                                                    and s["cue_lemma"] in _lex()["speech"])
             and (span := _mention_span(doc, s.get("speaker_start"), s.get("speaker_end"))) is not None
             and span.root.pos_ == "NOUN" and _holds(doc, claim, s)]
    return min(found, key=lambda s: s["end_char"] - s["start_char"]) if found else None


def _mention_claimant(doc: Doc, statement: dict) -> tuple[str, str]:
    """(claimant, kind) for an unresolved noun mention: the words after a leading article, in parentheses; a
    document, a group (plural head) or else a body."""
    span = _mention_span(doc, statement["speaker_start"], statement["speaker_end"])
    words = span
    while len(words) > 1 and (words[0].lower_ in ("the", "a", "an") or words[0].is_punct):
        words = words[1:]
    phrase = words.text
    if words[0].is_sent_start and words[0].pos_ != "PROPN":
        phrase = phrase[:1].lower() + phrase[1:]
    root = span.root
    kind = "document" if root.lemma_.lower() in _lex()["documents"] else "group" if root.tag_ in ("NNS", "NNPS") else "body"
    return claimant_name(phrase, kind), kind


def extract_claims(doc: Doc, article_id: str, statements: list[dict], sentences: list[dict],
                   resolve, rejections: list[dict] | None = None) -> list[dict]:
    """Claim rows (``claims`` contract) for one article.

    ``statements``: this article's statement rows; ``sentences``: its sentence rows;
    ``resolve(token) -> (entity row or None, how)`` resolves a subject token to an entity.
    """
    from helpers.text.sentences import SentenceIndex

    lex = _lex()
    index = SentenceIndex(sentences)
    # a speaker only its mention names (a hedge's or a predicate's subject: ``speaker_resolved_from`` "mention") is no
    # claimant: the statement is read as one of unknown speaker (session 23)
    statements = [{**s, "speaker": UNKNOWN, "speaker_kind": None, "speaker_resolved_from": None}
                  if s.get("speaker_resolved_from") == "mention" else s for s in statements]
    rows = []
    text = doc_text(doc)
    rejected: list[dict] = []
    found = find_numbers(doc, rejected)
    if rejections is not None:
        for r in rejected:
            rejections.append({"article_id": article_id, "sentence_id": index.row(r["start_char"])["sentence_id"], **r})
    for c in found:
        holders = [s for s in statements if s["speaker"] != UNKNOWN and _holds(doc, c, s)]
        claimant, via, statement_id, mention, kind = UNATTRIBUTED, "unattributed", None, (None, None), None
        sent = index.row(c["start_char"])
        if EDITORIAL_BRACKETS and _in_square_brackets(text, c["start_char"], c["end_char"]):
            rows.append(_claim_row(c, article_id, len(rows), sent, text, claimant, kind, via, mention, statement_id))
            continue  # the editor's words, no one's claim
        if len(holders) > 1:  # "X said Washington believes N": a stance verb inside a statement is not on record
            stance = _stance_only()
            holders = [h for h in holders if h["cue_lemma"] not in stance or not any(
                o is not h and o["cue_lemma"] not in stance and o["start_char"] <= h["start_char"]
                and h["end_char"] <= o["end_char"] for o in holders)]
        holders = _named_first(holders, text)
        if holders:
            inner = min(holders, key=lambda s: s["end_char"] - s["start_char"])
            claimant, kind = claimant_name(inner["speaker"], inner.get("speaker_kind")), inner.get("speaker_kind")
            via = "according_to" if inner["kind"] == "according_to" else "statement"
            statement_id = inner["statement_id"]
            mention = (inner.get("speaker_start"), inner.get("speaker_end"))
            if CONTINUED_QUOTE_MENTION and mention[0] is None:
                mention = _continued_mention(inner, statements)
        elif UNRESOLVED_MENTION_CLAIMANT and (source := _unresolved_holder(doc, c, statements)) is not None:
            claimant, kind = _mention_claimant(doc, source)
            via = "according_to" if source["kind"] == "according_to" else "statement"
            statement_id, mention = source["statement_id"], (source["speaker_start"], source["speaker_end"])
        elif (CONTENT_CLAUSE_CONTINUES or CONTRAST_AFTER_CONTENT) \
                and (source := _content_clause_holder(doc, c, statements, sent)) is not None:
            kind = source.get("speaker_kind")
            claimant, via, statement_id = claimant_name(source["speaker"], kind), "statement", source["statement_id"]
            mention = (source.get("speaker_start"), source.get("speaker_end"))
        elif WITH_PHRASE_OF_REPORT and (source := _report_with_phrase(doc[c["num_token"]], statements)) is not None:
            kind = source.get("speaker_kind")
            claimant, via, statement_id = claimant_name(source["speaker"], kind), "statement", source["statement_id"]
            mention = (source.get("speaker_start"), source.get("speaker_end"))
        elif (source := _sentence_source(c, statements, sent, text)) is not None:
            kind = source.get("speaker_kind")
            claimant, via, statement_id = claimant_name(source["speaker"], kind), "according_to", source["statement_id"]
            mention = (source.get("speaker_start"), source.get("speaker_end"))
        else:
            row, verb = attribution_verb(doc[c["num_token"]], lex["attribution"] | lex["speech"], resolve)
            if row is not None and (_outside_content(doc[c["num_token"]], verb)
                                    or SHARE_SPEAKER_NOT_CLAIMANT and _share_of_people(doc, row["start_char"],
                                                                                       row["end_char"])
                                    or _asserts_nothing(doc[c["num_token"]], verb) or _bare_word(
                    row["canonical"], row.get("kind"), row["start_char"], row["end_char"], text)
                    or SOURCE_COUNT_UNATTRIBUTED and _counts_source(c, {"speaker_start": row["start_char"],
                                                                       "speaker_end": row["end_char"]}, text)):
                row = None
            if row is not None:
                kind = speaker_kind(row)
                claimant, via = claimant_name(row["canonical"], kind), "attribution_verb"
                if sent["start_char"] <= row["start_char"] and row["end_char"] <= sent["end_char"]:
                    mention = (row["start_char"], row["end_char"])
                if SUBJECT_PHRASE_MENTION and (said := _subject_phrase(verb, sent)) is not None:
                    mention = said
            elif IN_SURVEY_SOURCE and (survey := _survey_source(doc[c["num_token"]], resolve)) is not None:
                found, mention = survey
                if found is not None:
                    kind = speaker_kind(found)
                    claimant = claimant_name(found["canonical"], kind)
                else:
                    claimant, kind = _mention_claimant(doc, {"speaker_start": mention[0], "speaker_end": mention[1]})
                via = "survey"  # no statement holds it (claimant_via "according_to" points at one)
            elif BETWEEN_ONE_SPEAKER and (around := _between_one_speaker(sent, statements, index)) is not None:
                kind = around.get("speaker_kind")
                claimant, via, statement_id = claimant_name(around["speaker"], kind), "context", around["statement_id"]
            elif BACKSHIFT_CONTINUES and (before := _backshifted_report_before(doc, sent, statements, index)) is not None:
                kind = before.get("speaker_kind")
                claimant, via, statement_id = claimant_name(before["speaker"], kind), "context", before["statement_id"]
        rows.append(_claim_row(c, article_id, len(rows), sent, text, claimant, kind, via, mention, statement_id))
    return rows


def _claim_row(c: dict, article_id: str, n: int, sent: dict, text: str, claimant: str, kind: str | None, via: str,
               mention: tuple, statement_id: str | None) -> dict:
    return {
        "claim_id": f"{article_id}-c{n}",
        "article_id": article_id,
        "sentence_id": sent["sentence_id"],
        "start_char": c["start_char"],
        "end_char": c["end_char"],
        "text": text[c["start_char"]:c["end_char"]],
        "value": c["value"], "value_low": c["value_low"], "value_high": c["value_high"],
        "qualifier": c["qualifier"], "unit": c["unit"], "category": c["category"],
        "subject": c["subject"], "rate": c["rate"],
        "claimant": claimant, "claimant_kind": kind, "claimant_via": via, "claimant_start": mention[0],
        "claimant_end": mention[1],
        "statement_id": statement_id,
        "sentence": sent["text"],
    }
