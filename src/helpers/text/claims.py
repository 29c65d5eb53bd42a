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
(``statement`` / ``according_to``); else the subject of a reporting or attribution verb above
the figure in the parse ("The NIS monitored … 1,500 troops": ``attribution_verb``); else
"(unattributed)".
"""
from __future__ import annotations

import functools
import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from helpers.text import lexicon as lexicons
from helpers.text.attribution import attribution_verb

from helpers.core.schemas import UNATTRIBUTED, UNKNOWN  # noqa: E402
_DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_SUFFIXED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-zA-Z%²]+)$")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)
_CLOCK = {"am", "pm", "a.m.", "p.m.", "gmt", "utc", "hrs", "hours", "o'clock", "cet", "est", "bst"}
_NAME_LABELS_OK = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_DASHES = {"-", "–", "—"}


@functools.lru_cache(maxsize=1)
def _lex():
    n = lexicons.numbers()
    return {
        "words": n["words"], "scales": n["scales"],
        "signs": n["currency_signs"], "currency_words": n["currency_words"],
        "rate_units": set(n["rate_units"]), "rate_words": n["rate_words"], "rate_dets": set(n["rate_determiners"]),
        "identifiers": set(n["identifier_nouns"]), "calibre": set(n["calibre_units"]),
        "months": set(n["months"]), "ages": set(n["age_words"]), "skip_labels": set(n["skip_entity_labels"]),
        "qualifiers": lexicons.qualifiers(), "units": lexicons.units(),
        "speech": set(lexicons.cue_verbs()["speech"]), "attribution": set(lexicons.cue_verbs()["attribution"]),
    }


@functools.lru_cache(maxsize=4)
def _matcher(vocab) -> Matcher:
    m = Matcher(vocab)
    m.add("NUM", [
        [{"LIKE_NUM": True, "OP": "+"}],
        [{"TEXT": {"REGEX": r"^\d[\d,]*(?:\.\d+)?[a-zA-Z%²]+$"}}],
    ], greedy="LONGEST")
    return m


def parse_number(tokens: list[str]) -> float | None:
    """Value of a run of number tokens ("3,000", "3.5 million", "two hundred", "200bn"); None if not a cardinal."""
    lex = _lex()
    total, current, seen = 0.0, 0.0, False
    for raw in tokens:
        t = raw.lower().replace("\u00a0", "")
        m = _DIGITS.match(t)
        if m:
            current += float(t.replace(",", ""))
            seen = True
            continue
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
            current += sum(lex["words"][p] for p in parts)
            seen = True
            continue
        return None
    return total + current if seen else None


def _suffix_unit(token: Token) -> str | None:
    m = _SUFFIXED.match(token.text)
    return m.group(2).lower() if m else None


class _Reader:
    """Reads the claims of one doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc.text  # Doc.text rebuilds the string on every access
        self.lex = _lex()
        self.n = len(doc)

    def tok(self, i: int) -> Token | None:
        return self.doc[i] if 0 <= i < self.n else None

    def excluded(self, start: int, end: int) -> bool:
        doc, lex = self.doc, self.lex
        first, last = doc[start], doc[end - 1]
        counts_noun = last.dep_ == "nummod" and last.head.pos_ == "NOUN" and last.head.i > last.i \
            and last.head.lemma_.lower() not in lex["rate_units"]
        for t in doc[start:end]:
            if t.ent_type_ == "ORDINAL" or (t.ent_type_ in ("DATE", "TIME") and not counts_noun):
                return True
            if t.ent_type_ and t.ent_type_ not in _NAME_LABELS_OK and t.ent_type_ in lex["skip_labels"]:
                ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)
                if ent is not None and any(w.is_alpha and parse_number([w.text]) is None
                                           and w.lower_ not in lex["scales"] for w in ent):
                    return True
            if _ORDINAL.match(t.text):
                return True
        words = [t.text for t in doc[start:end]]
        if parse_number(words) is None:
            return True
        prev, nxt = self.tok(start - 1), self.tok(end)
        # hyphenated model numbers and names: "Su-34", "F-16", "Lipetsk-2"
        if prev is not None and prev.text in _DASHES and not prev.whitespace_:
            before = self.tok(start - 2)
            if before is not None and before.is_alpha and not before.whitespace_ and before.lower_ not in lex["words"]:
                return True
        if prev is not None and not prev.whitespace_ and prev.is_alpha and prev.text[:1].isupper():
            return True
        # identifiers: "Article 5", "Unit 29155"
        if prev is not None and prev.text[:1].isupper() and prev.lower_.rstrip(".") in lex["identifiers"]:
            return True
        # day numbers beside a month, and date lists "October 8 and 13"
        near = [self.tok(i) for i in range(start - 3, end + 2) if self.tok(i) is not None]
        if (prev is not None and prev.lower_ in lex["months"]) or (nxt is not None and nxt.lower_ in lex["months"]):
            return True
        if last.head.lower_ in lex["months"] or any(
                t.lower_ in lex["months"] and t.i < start and all(x.lower_ in ("and", "-", "–", "to", ",") or x.like_num
                                                                  for x in doc[t.i + 1:start]) for t in near):
            return True
        # years
        value = parse_number(words)
        if len(words) == 1 and re.fullmatch(r"(1[89]|20)\d\d", first.text):
            head = last.head
            # a count of a plural noun ("1900 soldiers") stays; "his 2008 attack" is a year
            if not (last.dep_ == "nummod" and head.i > last.i and head.tag_ in ("NNS", "NNPS")):
                return True
            # ... and only a noun the unit lexicon knows: "2024 replacements", "2021 census results" are years
            if head.lower_ not in lex["units"] and head.lemma_.lower() not in lex["units"]:
                return True
            # after a time preposition it is a year: "In 2003 french fries were renamed …"
            if prev is not None and prev.lower_ in ("in", "since", "until", "till", "by", "from", "before",
                                                    "after", "during", "of", "throughout"):
                return True
            # after a determiner or possessive it is a year too: "its 1991 borders", "a 2016 candidates' debate"
            if prev is not None and (prev.dep_ in ("det", "poss") or prev.tag_ in ("POS", "PRP$", "DT")):
                return True
        # clock times and ages
        if nxt is not None and (nxt.lower_ in _CLOCK or nxt.lower_ in lex["ages"] or nxt.text in (":",)
                                or nxt.lower_.startswith("year-old")):
            return True
        if nxt is not None and nxt.text in _DASHES and self.tok(end + 1) is not None and \
                self.tok(end + 1).lower_.startswith("year"):
            after = self.tok(end + 3)
            if after is not None and after.lower_ == "old":
                return True
        if nxt is not None and nxt.lower_ in ("years", "year") and (self.tok(end + 1) is not None
                                                              and self.tok(end + 1).lower_ == "old"):
            return True
        if prev is not None and prev.lower_ in lex["ages"]:
            return True
        # durations: "100 days", "8 years", "20-year conflict"
        unit_word = self.tok(end + 1) if nxt is not None and nxt.text in _DASHES and not nxt.whitespace_ else nxt
        if unit_word is not None and (unit_word.lemma_.lower() in lex["rate_units"]
                                      or unit_word.lower_.lstrip("-–").rstrip("s") in lex["rate_units"]):
            return True
        # hyphenated modifiers that are not units: "36-veteran", "three-day"
        if nxt is not None and nxt.text in _DASHES and not last.whitespace_ and not nxt.whitespace_ \
                and unit_word is not None and unit_word.is_alpha and unit_word.lower_ not in lex["units"] \
                and unit_word.lemma_.lower() not in lex["units"]:
            return True
        # calibres: "152 mm", "155-mm"
        unit_tok = nxt
        if nxt is not None and nxt.text in _DASHES:
            unit_tok = self.tok(end + 1)
        if (unit_tok is not None and unit_tok.lower_ in lex["calibre"]) or _suffix_unit(last) in lex["calibre"]:
            return True
        # written "one" used as a pronoun ("one of the largest")
        if value is not None and not any(ch.isdigit() for w in words for ch in w):
            if last.dep_ not in ("nummod", "quantmod") and not (nxt is not None and nxt.lower_ in lex["scales"]):
                return True
        return False

    def read(self, start: int, end: int) -> dict | None:
        doc, lex = self.doc, self.lex
        words = [t.text for t in doc[start:end]]
        value = parse_number(words)
        if value is None:
            return None
        last = doc[end - 1]
        left, right = start, end
        currency = None
        unit = category = None
        # "a million", "half a million": the article is the count
        prev = self.tok(left - 1)
        if words[0].lower() in lex["scales"] and prev is not None and prev.lower_ in ("a", "an"):
            left -= 1
            half = self.tok(left - 1)
            if half is not None and half.lower_ == "half":
                value *= 0.5
                left -= 1
        # currency sign before: "$", "US$", "£"
        prev = self.tok(left - 1)
        if prev is not None and prev.lower_ in lex["signs"]:
            currency = lex["signs"][prev.lower_]
            left -= 1
        elif prev is not None and prev.lower_.endswith("$") and len(prev.text) <= 4:
            currency = "usd"
            left -= 1
        # scale or unit right after: "400m", "3.5 billion", "dollars", "%", "km"
        nxt = self.tok(right)
        suffix = _suffix_unit(last)
        if nxt is not None and nxt.lower_ in lex["scales"] and (currency or not last.whitespace_) \
                and nxt.lower_ not in ("k",) and not (nxt.lower_ in ("m", "b") and not currency):
            value *= lex["scales"][nxt.lower_]
            right += 1
            nxt = self.tok(right)
        if nxt is not None and nxt.lower_ == "dozen":  # "three dozen missiles"
            value *= 12
            right += 1
            nxt = self.tok(right)
        if suffix is not None and suffix not in lex["scales"]:
            unit_info = lex["units"].get(suffix)
            if unit_info:
                unit, category = unit_info
        if nxt is not None and nxt.lower_ in lex["currency_words"] and not currency:
            currency = lex["currency_words"][nxt.lower_]
            right += 1
        elif nxt is not None and unit is None:
            two = f"{nxt.lower_} {self.tok(right + 1).lower_}" if self.tok(right + 1) is not None else None
            if two in ("per cent", "square kilometres", "square kilometers", "square km", "sq km", "square miles"):
                unit, category = lex["units"].get(two, lex["units"].get(two.rstrip("s"), ("percent", "percent")))
                right += 2
            elif nxt.lower_ in ("%", "percent", "pct", "km", "kilometres", "kilometers", "miles", "mile", "km2", "km²",
                                "hectares", "acres", "metres", "meters", "kilometre", "kilometer"):
                unit, category = lex["units"].get(nxt.lower_, lex["units"].get(nxt.lemma_.lower(), ("unit", "other")))
                right += 1
        if currency:
            unit, category = currency, "money"
        qualifier = "exact"
        value_low = value_high = value
        # range end: "X to Y", "X-Y", "between X and Y"
        range_end = self._range_end(right)
        before = [t.lower_ for t in doc[max(0, left - 3):left]]
        if range_end is not None and ((range_end[2] and not currency) or (unit is not None and not currency)):
            range_end = None  # "rose 18% to $37.6 billion": two figures, not a range
        if range_end is not None and (before[-1:] == ["between"] or doc[right].lower_ != "and"):
            hi_value, right, _ = range_end
            if hi_value is not None and hi_value >= value:
                qualifier, value_high = "range", hi_value
                if before[-1:] in (["between"], ["from"]):
                    left -= 1
        if qualifier == "exact":
            for k in (3, 2, 1):
                phrase = " ".join(before[-k:]) if len(before) >= k else None
                if phrase and phrase in lex["qualifiers"]:
                    qualifier = lex["qualifiers"][phrase]
                    left -= k
                    break
        head_tok = self._counted_noun(doc[right - 1] if right > end else last, right)
        subject = None
        if unit is None:
            if head_tok is not None:
                unit, category = self._unit_of(head_tok)
            else:
                unit, category = "unit", "other"
        if head_tok is not None:
            subject = self._subject(head_tok, right)
        elif currency:
            subject = None
        else:
            subject = self._governing_np(last)
        rate = self._rate(head_tok or doc[right - 1])
        return {
            "tok_start": left, "tok_end": right, "num_token": last.i,
            "start_char": doc[left].idx, "end_char": doc[right - 1].idx + len(doc[right - 1]),
            "value": float(value), "value_low": float(value_low), "value_high": float(value_high),
            "qualifier": qualifier, "unit": unit, "category": category, "subject": subject, "rate": rate,
        }

    def _range_end(self, right: int):
        joiner = self.tok(right)
        if joiner is None or joiner.lower_ not in ("to", "and", "-", "–", "—"):
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
        nxt = self.tok(k)
        if nxt is not None and nxt.lower_ in self.lex["scales"] and nxt.lower_ not in ("k",):
            hi *= self.lex["scales"][nxt.lower_]
            k += 1
        return hi, k, had_sign

    def _counted_noun(self, tok: Token, right: int) -> Token | None:
        head = tok.head
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i > tok.i and head.pos_ in ("NOUN", "PROPN"):
            if head.ent_type_ in ("GPE", "NORP", "PERSON", "ORG") and head.pos_ == "PROPN":
                return None
            return head
        nxt = self.tok(right)
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.lemma_.lower() in self.lex["units"]:
            return nxt
        return None

    def _unit_of(self, noun: Token) -> tuple[str, str]:
        units = self.lex["units"]
        lemma, low = noun.lemma_.lower(), noun.lower_
        prev = self.tok(noun.i - 1)
        if prev is not None:
            two = f"{prev.lower_} {lemma}"
            if two in units:
                return units[two]
        for key in (lemma, low):
            if key in units:
                return units[key]
        if lemma.endswith("man") or low.endswith("men"):
            return lemma if lemma.endswith("man") else low[:-3] + "man", "personnel"
        return lemma, "other"

    def _subject(self, noun: Token, right: int) -> str | None:
        doc = self.doc
        start = right if right <= noun.i else noun.i
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
        return (opener is not None and opener.text == "(" and previous["tok_end"] == claim["tok_start"] - 1
                and previous["category"] == claim["category"] and claim["category"] in ("distance", "area", "money"))


def find_numbers(doc: Doc) -> list[dict]:
    """Figures in a doc, in text order, before attribution."""
    reader = _Reader(doc)
    spans = [(s, e) for _, s, e in _matcher(doc.vocab)(doc)]
    spans.sort()
    out: list[dict] = []
    consumed = -1
    for start, end in spans:
        if start < consumed or reader.excluded(start, end):
            continue
        claim = reader.read(start, end)
        if claim is None:
            continue
        if reader.is_conversion(claim, out[-1] if out else None):
            consumed = claim["tok_end"] + 1
            continue
        consumed = claim["tok_end"]
        out.append(claim)
    return out


def extract_claims(doc: Doc, article_id: str, statements: list[dict], sentences: list[dict],
                   resolve) -> list[dict]:
    """Claim rows (``claims`` contract) for one article.

    ``statements``: this article's statement rows; ``sentences``: its sentence rows;
    ``resolve(token) -> (entity row or None, how)`` resolves a subject token to an entity.
    """
    from helpers.text.sentences import SentenceIndex

    lex = _lex()
    index = SentenceIndex(sentences)
    rows = []
    text = doc.text
    for c in find_numbers(doc):
        holders = [s for s in statements if s["start_char"] <= c["start_char"] and c["end_char"] <= s["end_char"]
                   and s["speaker"] != UNKNOWN]
        claimant, via, statement_id, mention = UNATTRIBUTED, "unattributed", None, (None, None)
        sent = index.row(c["start_char"])
        if holders:
            inner = min(holders, key=lambda s: s["end_char"] - s["start_char"])
            claimant = inner["speaker"]
            via = "according_to" if inner["kind"] == "according_to" else "statement"
            statement_id = inner["statement_id"]
            mention = (inner.get("speaker_start"), inner.get("speaker_end"))
        else:
            row, _ = attribution_verb(doc[c["num_token"]], lex["attribution"] | lex["speech"], resolve)
            if row is not None:
                claimant, via = row["canonical"], "attribution_verb"
                if sent["start_char"] <= row["start_char"] and row["end_char"] <= sent["end_char"]:
                    mention = (row["start_char"], row["end_char"])
        rows.append({
            "claim_id": f"{article_id}-c{len(rows)}",
            "article_id": article_id,
            "sentence_id": sent["sentence_id"],
            "start_char": c["start_char"],
            "end_char": c["end_char"],
            "text": text[c["start_char"]:c["end_char"]],
            "value": c["value"], "value_low": c["value_low"], "value_high": c["value_high"],
            "qualifier": c["qualifier"], "unit": c["unit"], "category": c["category"],
            "subject": c["subject"], "rate": c["rate"],
            "claimant": claimant, "claimant_via": via, "claimant_start": mention[0], "claimant_end": mention[1],
            "statement_id": statement_id,
            "sentence": sent["text"],
        })
    return rows
