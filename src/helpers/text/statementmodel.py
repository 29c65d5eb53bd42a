"""A small statistical statement filter: is this found statement an attribution? (issue 10)

The statement rules (:mod:`helpers.text.statements`) read every listed or model-found cue with a subject and a
content span. On PolNeAR train about one statement in five matches no gold attribution, and most of these are not
wrong spans but statements that are no attribution at all: a second statement over content another one already
reports ("… want to change the world" inside a quotation), verbs of wish or action read as stance ("wants to be
neutral", "put more pressure"), a pronoun object. Their shape tells them apart: which rule found them, the cue's
lemma and how it was found (speech list, stance list, cue model), how the speaker was resolved, the length and
first word of the content, whether the statement lies inside another statement or a quotation.

This module scores each found statement with a logistic-regression model over such features, trained on PolNeAR
*train* by ``benchmarks/train_statement_filter.py`` and committed as ``models/statement_model.json`` (feature ->
weight; read with the standard library, nothing downloaded). :func:`keep_statements` drops the statements it judges
(:func:`filtered`: all but quotations, "according to X", "Name: …" lines and speech by a known source holding a
number) and scores below the model's ``threshold``; :func:`statement_features` is the one definition of the features, used by training and filtering alike.
"""
from __future__ import annotations

import bisect
import functools
import json
import math
from pathlib import Path

from spacy.tokens import Doc

from helpers.core.tokens import doc_text

MODEL_PATH = Path(__file__).with_name("models") / "statement_model.json"
_SHORT_WORDS = {"that", "to", "the", "a", "an", "it", "he", "she", "they", "we", "i", "you", "this", "his", "her",
                "their", "what", "how", "why", "whether", "if", "there", "and", "but", "in", "on", "for", "of", "not"}
_FIRST_SECOND = {"i", "we", "you", "me", "us"}
# rules whose statements the filter never drops: the source is named right at the content ("according to X",
# a "Name: …" line of an interview or headline)
ALWAYS_KEPT = ("according_to", "name_colon_line")
ALWAYS_JUDGED = ("speech_object", "subtree_fallback")  # content read by a fallback: judged whoever the speaker


def _bucket(n: int) -> str:
    for top in (1, 2, 3, 5, 8, 13, 21, 40):
        if n <= top:
            return str(top)
    return "more"


class Context:
    """What the features of one article's statements read besides the statement itself."""

    def __init__(self, doc: Doc, quotes: list[tuple[int, int]], model_cues: dict[int, float], lex: dict,
                 text: str | None = None):
        self.doc, self.quotes, self.model_cues, self.lex = doc, quotes, model_cues, lex
        self.text = doc_text(doc) if text is None else text  # spaCy rebuilds doc.text on every access

    @functools.cached_property
    def starts(self) -> list[int]:
        return [t.idx for t in self.doc]  # built only for an article with statements

    def token_at(self, char: int):
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[max(0, i)]

    def n_tokens(self, start: int, end: int) -> int:
        return bisect.bisect_left(self.starts, end) - bisect.bisect_left(self.starts, start)


def statement_features(s: dict, found: list[dict], ctx: Context) -> list[str]:
    """The features of one found statement (a dict of :class:`helpers.text.statements._Finder`'s ``found`` list)."""
    start, end, anchor = s["start_char"], s["end_char"], s["anchor"]
    rule, kind, lemma = s["rule"], s["kind"], (s["cue_lemma"] or "").lower()
    row = s["speaker_row"]
    how = s["how"] if row is not None else "none"
    skind = (row.get("kind") or row.get("label") or "x") if row is not None else "none"
    cue = ctx.token_at(anchor)
    lex = ctx.lex
    if cue.i in ctx.model_cues:
        source = "model"
    elif lemma in lex["speech"]:
        source = "speech"
    elif lemma in lex["stance"]:
        source = "stance"
    else:
        source = "other"
    n = _bucket(ctx.n_tokens(start, end))
    where = "after" if start >= anchor else ("before" if end <= anchor else "around")
    outer = [o for o in found if o is not s and o["start_char"] <= start and end <= o["end_char"]
             and (o["start_char"], o["end_char"]) != (start, end)]
    nested = "no" if not outer else ("in_direct" if any(o["kind"] == "direct" for o in outer) else "in_indirect")
    same = sum(1 for o in found if o is not s and o["start_char"] < end and start < o["end_char"])
    in_quote = kind != "direct" and any(qs <= anchor < qe for qs, qe in ctx.quotes)
    first = ctx.token_at(start)
    first_word = first.lower_ if first.lower_ in _SHORT_WORDS else first.pos_
    clause = any(t.pos_ in ("VERB", "AUX") for t in ctx.doc[first.i:first.i + 40] if t.idx < end)
    mention = s.get("mention")
    pron = ctx.text[mention[0]:mention[1]].lower() if mention else ""
    first_person = "yes" if pron in _FIRST_SECOND else "no"
    f = ["bias", "rule=" + rule, "kind=" + kind, "how=" + how, "skind=" + skind, "l=" + lemma, "src=" + source,
         "n=" + n, "where=" + where, "nested=" + nested, "same=" + _bucket(same), "inq=%s" % in_quote,
         "first=" + first_word, "clause=%s" % clause, "fp=" + first_person, "cdep=" + cue.dep_, "cpos=" + cue.pos_,
         "rule=%s|l=%s" % (rule, lemma), "l=%s|n=%s" % (lemma, n), "src=%s|n=%s" % (source, n),
         "rule=%s|n=%s" % (rule, n), "rule=%s|nested=%s" % (rule, nested), "src=%s|nested=%s" % (source, nested),
         "l=%s|first=%s" % (lemma, first_word), "src=%s|first=%s" % (source, first_word),
         "src=%s|clause=%s" % (source, clause), "how=%s|skind=%s" % (how, skind), "l=%s|how=%s" % (lemma, how),
         "src=%s|inq=%s" % (source, in_quote), "kind=%s|nested=%s" % (kind, nested), "l=%s|where=%s" % (lemma, where),
         "l=%s|cdep=%s" % (lemma, cue.dep_), "src=%s|fp=%s" % (source, first_person)]
    if cue.i in ctx.model_cues:
        f.append("mp=%.1f" % round(ctx.model_cues[cue.i], 1))
    return f


@functools.lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict:
    """The committed model: ``{"weights": {feature: weight}, "threshold": p, ...}``."""
    with open(path or MODEL_PATH, encoding="utf-8") as fh:
        return json.load(fh)


def probability(features: list[str], model: dict) -> float:
    weights = model["weights"]
    z = sum(weights.get(name, 0.0) for name in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep_statements(found: list[dict], ctx: Context, model: dict | None = None) -> list[dict]:
    """The statements of ``found`` the filter does not judge (:func:`filtered`) and those the model scores at or above
    its ``threshold`` (features read on the whole list)."""
    if not found:
        return found
    model = model or load_model()
    return [s for s in found if not filtered(s, ctx)
            or probability(statement_features(s, found, ctx), model) >= model["threshold"]]


def filtered(s: dict, ctx: Context) -> bool:
    """Whether the filter judges this statement: every statement but a quotation, an explicit "according to X", a
    "Name: …" line (a person or organisation named at the head of the line, :data:`ALWAYS_KEPT`) and reported speech
    by a known source whose content holds a number (a fallback content, :data:`ALWAYS_JUDGED`, is judged all the
    same). Those are kept whatever their shape: claims credit a figure to the innermost statement that holds it ("X
    said the agency had learned that 500 …"), so a nested speech statement with a figure in it must stay. Speech
    without a number is judged like the rest (round 6: on PolNeAR train most unmatched statements by known sources are
    second statements over content another one reports)."""
    lemma = (s["cue_lemma"] or "").lower()
    if s["rule"] in ALWAYS_KEPT or s["kind"] == "direct":
        return False
    if s["rule"] in ALWAYS_JUDGED:
        return True
    speech = lemma in ctx.lex["speech"] and ctx.token_at(s["anchor"]).i not in ctx.model_cues
    if speech and s["speaker_row"] is not None and s["how"] != "phrase":
        return not _holds_number(s, ctx)
    return True


def _holds_number(s: dict, ctx: Context) -> bool:
    """Whether the statement's content holds a number (a token spaCy reads as like a number: "12,000", "two", "5")."""
    first = ctx.token_at(s["start_char"])
    for t in ctx.doc[first.i:]:
        if t.idx >= s["end_char"]:
            return False
        if t.like_num:
            return True
    return False
