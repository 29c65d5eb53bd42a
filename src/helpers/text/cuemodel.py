"""A small statistical cue tagger: is this verb a reporting cue? (issue 10)

The word lists in ``rules/cue_verbs.json`` name the verbs that report speech most of the time. Many verbs report
speech only in some of their uses ("Clinton *hammered* Sanders on guns", "the senator *believes* …" is listed but
"*reckoned*", "*mocked*", "*slammed*" are not); a list cannot hold them without firing on every other use. This
module scores each verb the lists do not know by its context — its lemma, its dependents (a clausal complement,
"that", an object), its subject (a person, an organisation, a pronoun), quotation marks around it — with a
logistic-regression model trained on PolNeAR *train* by ``benchmarks/train_cue_model.py`` and committed as
``models/cue_model.json`` (feature -> weight; read with the standard library, nothing downloaded).

:func:`model_cues` gives the verbs of a parsed doc whose score reaches the model's threshold;
``statements.extract_statements`` reads them like listed reporting verbs (same subject, speaker and content
rules). :func:`cue_features` is the one definition of the features, used by training and tagging alike.
"""
from __future__ import annotations

import functools
import json
import math
from pathlib import Path

from spacy.tokens import Doc, Token

from helpers.core.tokens import doc_text

MODEL_PATH = Path(__file__).with_name("models") / "cue_model.json"
CANDIDATE_POS = ("VERB",)
_KID_DEPS = ("ccomp", "xcomp", "dobj", "advcl", "prep", "agent", "nsubjpass", "parataxis", "neg", "prt", "dative",
             "mark", "aux", "auxpass", "advmod", "npadvmod", "attr", "acomp", "conj", "csubj")
_QUOTES = "\"“”«»"
_PERSONAL = {"i", "we", "you", "he", "she", "they", "it", "who"}


def _subject_kind(subj: Token | None) -> str:
    if subj is None:
        return "none"
    if subj.pos_ == "PRON":
        return "pron:" + subj.lower_ if subj.lower_ in _PERSONAL else "pron"
    if subj.ent_type_:
        return "ent:" + subj.ent_type_
    return subj.pos_


def _subject(tok: Token) -> Token | None:
    cur = tok
    for _ in range(3):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
        if cur.dep_ in ("conj", "xcomp", "advcl") and cur.head is not cur:
            cur = cur.head
        else:
            break
    return None


def cue_features(tok: Token, text: str | None = None, sent_chars: tuple[int, int] | None = None) -> list[str]:
    """The features of one candidate verb (strings; the model holds a weight for each it saw in training).

    ``text`` (``doc.text``) and ``sent_chars`` (the verb's sentence start and end) may be passed in when tagging a
    whole doc: spaCy rebuilds ``doc.text`` and finds ``token.sent`` anew on every access."""
    lemma = tok.lemma_.lower()
    kids = list(tok.children)
    deps = {c.dep_ for c in kids}
    ccomp = [c for c in kids if c.dep_ == "ccomp"]
    that = any(x.dep_ == "mark" and x.lower_ in ("that", "whether", "if") for c in ccomp for x in c.children)
    ccomp_kind = "that" if that else ("yes" if ccomp else "no")
    subj = _subject(tok)
    skind = _subject_kind(subj)
    if text is None or sent_chars is None:
        text, sent = doc_text(tok.doc), tok.sent
        sent_chars = (sent.start_char, sent.end_char)
    before = text[sent_chars[0]:tok.idx]
    after = text[tok.idx + len(tok):sent_chars[1]]
    inside_quote = sum(before.count(q) for q in "\"") % 2 == 1 or before.count("“") > before.count("”")
    quote_near = any(q in before for q in _QUOTES) or any(q in after for q in _QUOTES)
    prev = tok.doc[tok.i - 1] if tok.i > 0 and tok.doc[tok.i - 1].idx >= sent_chars[0] else None
    f = ["bias", "l=" + lemma, "tag=" + tok.tag_, "dep=" + tok.dep_, "ccomp=" + ccomp_kind,
         "subj=" + skind, "l=%s|ccomp=%s" % (lemma, ccomp_kind), "l=%s|subj=%s" % (lemma, skind),
         "subj=%s|ccomp=%s" % (skind, ccomp_kind), "dep=%s|ccomp=%s" % (tok.dep_, ccomp_kind),
         "headl=%s|dep=%s" % (tok.head.lemma_.lower(), tok.dep_), "l=%s|dep=%s" % (lemma, tok.dep_),
         "inq=%s" % inside_quote, "qnear=%s" % quote_near, "l=%s|qnear=%s" % (lemma, quote_near),
         "prev=" + (prev.lower_ if prev is not None and prev.is_punct else "w")]
    f += ["kid=" + d for d in sorted(deps.intersection(_KID_DEPS))]
    f += ["l=%s|kid=%s" % (lemma, d) for d in sorted(deps.intersection(("dobj", "xcomp", "prep", "prt", "dative")))]
    f += ["prep=" + c.lower_ for c in kids if c.dep_ == "prep"]
    f += ["l=%s|prep=%s" % (lemma, c.lower_) for c in kids if c.dep_ in ("prep", "prt")]
    if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        f.append("subjl=" + subj.lemma_.lower())
    if subj is not None and subj.i > tok.i:
        f.append("subj_after")  # "…, said the senator"
    if ccomp:
        f.append("ccomp_pos=%s" % ("after" if ccomp[0].i > tok.i else "before"))
    return f


@functools.lru_cache(maxsize=1)
def load_model(path: str | None = None) -> dict:
    """The committed model: ``{"weights": {feature: weight}, "threshold": p, "object_threshold": q, ...}`` — a verb
    scored at least ``threshold`` is a cue; its object (rather than a clause) is read as its content only when it
    scores at least ``object_threshold`` (verbs of attitude with an object, "enjoyed a surge", are rarely claims)."""
    with open(path or MODEL_PATH, encoding="utf-8") as fh:
        model = json.load(fh)
    return model


def cue_probability(tok: Token, model: dict | None = None, text: str | None = None,
                    sent_chars: tuple[int, int] | None = None) -> float:
    """The model's probability that ``tok`` is a reporting cue (``text``, ``sent_chars``: see :func:`cue_features`)."""
    return _probability((model or load_model())["weights"], cue_features(tok, text, sent_chars))


def is_candidate(tok: Token, known: set[str]) -> bool:
    """A verb the word lists do not already read as a cue."""
    return tok.pos_ in CANDIDATE_POS and tok.lemma_.lower() not in known and tok.is_alpha


def noun_content_parts(noun: Token, preps: set[str], of_object: bool = True) -> list[Token]:
    """The dependents of a noun that say what it reports: a that-clause ("allegations that …"), else (with
    ``of_object``) the object of one of ``preps`` after it ("criticism of the plan", "support for X") — the prepositions
    themselves, in order. ``of_object`` False: the that-clause only (a noun naming a document: "the estimate of the
    damage" is what the estimate is about)."""
    return [c for c in noun.children if c.i > noun.i and (
        c.dep_ in ("acl", "ccomp") and any(x.lower_ == "that" for x in c.children)
        or of_object and c.dep_ == "prep" and c.lower_ in preps and any(x.dep_ in ("pobj", "pcomp") for x in c.children))]


def is_noun_candidate(tok: Token, known: set[str], preps: set[str]) -> bool:
    """A noun the cue-noun lists do not know with a content of its own (:func:`noun_content_parts`): "his support for
    X", "the decision to …" is not one (no content dependent), "opposition to X" is when "to" is in ``preps``."""
    return tok.pos_ == "NOUN" and tok.is_alpha and tok.lemma_.lower() not in known \
        and bool(noun_content_parts(tok, preps))


def noun_features(tok: Token, preps: set[str], text: str | None = None,
                  sent_chars: tuple[int, int] | None = None) -> list[str]:
    """The features of one candidate noun: those of :func:`cue_features` and who owns it ("Kerry's opposition to"),
    what its content hangs on (a preposition, "that") and the noun's lemma with each."""
    lemma = tok.lemma_.lower()
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    okind = _subject_kind(owner)
    part = noun_content_parts(tok, preps)[0]
    pkind = part.lower_ if part.dep_ == "prep" else "that"
    return cue_features(tok, text, sent_chars) + [
        "own=" + okind, "part=" + pkind, "l=%s|part=%s" % (lemma, pkind), "l=%s|own=%s" % (lemma, okind == "none"),
        "part=%s|own=%s" % (pkind, okind)]


def _probability(weights: dict, features: list[str]) -> float:
    z = sum(weights.get(name, 0.0) for name in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def model_cues(doc: Doc, known: set[str], model: dict | None = None, known_nouns: set[str] | None = None,
               noun_preps: set[str] | None = None) -> list[tuple[Token, float]]:
    """``(verb, probability)`` for the verbs of ``doc`` whose lemma is not in ``known`` (the listed cues) and that the
    model scores at or above its ``threshold``; with ``known_nouns`` (the listed cue nouns) and a model that holds
    ``noun_weights``, also ``(noun, probability)`` for the nouns outside those lists with a content
    (:func:`is_noun_candidate`, prepositions ``noun_preps``) scored at or above ``noun_threshold``."""
    model = model or load_model()
    nouns = model.get("noun_weights") if known_nouns is not None else None
    text, out = doc_text(doc), []
    for sent in doc.sents:
        chars = (sent.start_char, sent.end_char)
        for t in sent:
            if is_candidate(t, known):
                p = cue_probability(t, model, text, chars)
                if p >= model["threshold"]:
                    out.append((t, p))
            elif nouns and is_noun_candidate(t, known_nouns, noun_preps):
                p = _probability(nouns, noun_features(t, noun_preps, text, chars))
                if p >= model["noun_threshold"]:
                    out.append((t, p))
    return out
