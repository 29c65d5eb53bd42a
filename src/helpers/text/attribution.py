"""Speaker tracking shared by statements and claims: who a subject token refers to.

- :class:`EntityLookup` — one article's entity rows indexed by character position;
- :class:`SpeakerTracker` — resolves a subject token to an entity row (a name in place, an apposition,
  a pronoun -> the most recent compatible speaker, a role noun -> the entity given that role) and says how;
- :func:`attribution_verb` — the source of a figure: the subject or agent of the verb governing it.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata

from spacy.tokens import Token

from helpers.text import lexicon as lexicons
from helpers.core.tokens import doc_text
from helpers.text.entities import (after_bare_preposition, country_of, name_head, normalise, org_key, rank_agrees,
                                   without_open_bracket)

_PERSONISH = {"PERSON"}
_ORGISH = {"ORG", "GPE", "NORP", "FAC", "LOC"}
_CLAUSE_DEPS = ("acl", "relcl", "punct", "appos", "cc", "conj")
_GROUPISH = ("ORG", "NORP", "GPE")  # labels of the body an unnamed group subject belongs to, most telling first
_DATELINE_TAIL = re.compile(r"[^\n]{0,40}?(?:\s[—–-]\s|\()")
_INDEFINITE = ("a", "an", "another", "one", "some", "any")
_NAME_WORD = re.compile(r"(?<![^\W\d])[A-Z][^\W\d]+")  # also after glued digits: "01:33Finland"
_WORD_BEFORE = re.compile(r"(\w+\.?)\s+$")
_TITLE_BEFORE = re.compile(r"((?:[A-Z][\w.-]*\s+){1,4})$")  # "German Chancellor " before a name


@functools.lru_cache(maxsize=1)
def _lex():
    cues = lexicons.cue_verbs()
    names = lexicons.names()
    return {
        "speech": set(cues["speech"]),
        "object_content": set(cues["speech_object_content"]),
        "stance": set(cues["stance"]),
        "stance_only": set(cues["stance"]) - set(cues["speech"]),
        "stance_preps": set(cues["stance_prepositions"]),
        "content_deps": set(cues["content_deps"]),
        "cue_nouns": set(cues["cue_nouns"]),
        "passive_speakers": set(cues["passive_speakers"]),
        "experiencer_passives": set(cues["experiencer_passives"]),
        "prep_cues": {k: set(v) for k, v in cues["prepositional_cues"].items()},
        "cue_noun_preps": set(cues["cue_noun_prepositions"]),
        "document_cue_nouns": set(cues["document_cue_nouns"]),
        "modal_adjectives": set(cues["modal_adjectives"]),
        "adjective_preps": set(cues["adjective_prepositions"]),
        "according": [tuple(p) for p in cues["according_to"]],
        "voice_verbs": set(cues["voice_verbs"]),
        "pronouns": names["pronouns"],
        "pronoun_gender": names["pronoun_gender"],
        "first_second_person": set(names["first_second_person"]),
        "honorific_gender": names["honorific_gender"],
        "gendered_role_nouns": names["gendered_role_nouns"],
        "roles": {r.split()[-1] for r in names["role_nouns"]},
        "org_heads": set(names["org_heads"]),
        "documents": set(names["document_nouns"]) | set(names["source_nouns"]),
        "anonymous_markers": set(names["anonymous_markers"]),
        "anonymous_nouns": set(names["anonymous_nouns"]),
        "group_pronouns": set(names["group_pronouns"]),
        "relative_pronouns": set(names["relative_pronouns"]),
        "no_source_words": set(names["no_source_words"]),
        "office_titles": set(names["office_titles"]),
        "portfolios": set(names["portfolios"]),
        "focus_adverbs": set(names["focus_adverbs"]),
        "floating_quantifiers": set(names["floating_quantifiers"]),
        "leading_determiners": set(names["leading_determiners"]),
        "utterance_documents": set(names["utterance_documents"]),
        "accompanying_phrases": tuple(names["accompanying_phrases"]),
        "channel_prepositions": set(names["channel_prepositions"]),
        "channel_nouns": set(names["channel_nouns"]),
        "set_off_prepositions": set(names["set_off_prepositions"]),
        "head_of_offices": names["head_of_offices"],
        "body_nouns": set(names["body_nouns"]),
        "people_nouns": lexicons.people_nouns(),
        "share_words": set(lexicons.numbers()["fractions"]) | set(lexicons.numbers()["share_heads"]) - {"%"},
    }


# speaker_kind of a speaker that is an entity, by the entity's label (a phrase speaker carries its own "kind")
ENTITY_KINDS = {"PERSON": "person", "ORG": "organisation", "FAC": "organisation", "GPE": "place", "LOC": "place",
                "NORP": "group"}
# kinds of a speaker that is a noun phrase and no named entity: a claim they make is credited to "(<phrase>)"
PHRASE_KINDS = ("group", "role", "anonymous", "document", "body")
_PHRASE_DROP = ("relcl", "punct", "appos", "acl", "advcl", "cc", "conj", "parataxis")
_PHRASE_POS = ("NOUN", "PROPN", "NUM")
_DASHES = ("–", "—", "-", "--")
_SET_OFF = (",", *_DASHES)  # marks that open and close a part set off inside a mention
_CLOSING_QUOTES = {"”": "“", "’’": "‘‘", "''": "``"}  # closing quotation mark -> its opening one
_MENTION_DROP = ("relcl", "acl", "advcl", "parataxis")  # clauses describing a source are not part of its mention
_RESTRICTIVE = ("relcl", "acl")  # unless not set off by a comma: "people who lost …", "a poll released Sunday"


def speaker_kind(row: dict | None) -> str | None:
    """person | organisation | place | group | role | anonymous | document | body for a speaker row (None for none)."""
    if row is None:
        return None
    return row.get("kind") or ENTITY_KINDS.get(row["label"], "organisation")


def _when(tok: Token) -> bool:
    """A date or time the parser hung on a noun: "last week", "on Tuesday", "in June" (no part of a source)."""
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in ("DATE", "TIME")
    return tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in tok.children)


def _leading_adverb(t: Token, focus: set[str]) -> bool:
    """An adverb opening a subject that is no part of the source: a focus adverb ("Even Mr. Peck") or one on the
    noun ("Meanwhile Rihanna"); one on a number says how many ("Only about 4 in 10 voters", "nearly 40 percent")."""
    if (t.head.pos_ == "NUM" or t.head.like_num or t.head.dep_ in ("nummod", "quantmod")) and t.head.lower_ != "one":
        return False
    if QUANTITY_ADVERB_KEPT and t.head.ent_type_ in _QUANTITY_ENTS and t.head.i > t.i and t.head.lower_ != "one":
        return False  # "Nearly half said", "Only a quarter of Americans agree": the adverb says how many
    if t.lower_ in focus and t.dep_ == "advmod":
        return True
    return t.pos_ == "ADV" and t.dep_ in ("advmod", "compound") and t.head.pos_ in ("PROPN", "NOUN") and t.head.i > t.i


def mention_span(tok: Token, without: Token | None = None, owned_phrase: bool = False,
                 inverted: bool | None = None) -> tuple[int, int]:
    """Character span of the source mention a subject token heads, as PolNeAR's guideline marks a source: the whole
    noun phrase with its determiners, modifiers, titles, appositions ("Sanders, a Vermont senator,": the comma that
    closes the apposition too), conjoined names ("Google and Yahoo") and possessive ("Trump's"); a pronoun is its own
    mention; a relative clause set off by a comma is left out ("Kasich, who has …, said"), one that says which people
    are meant is kept ("Six million people who lost their insurance say"), and so is one after an inverted cue
    ("…,” said Kasich, who has …"); a participle not set off that says which document or people ("a poll released
    Sunday", "people briefed on the talks") is kept, a date the parser hung on the phrase is not ("Trump last week")
    unless it says which document ("a study from 2011", "a poll out Monday"; session 19); an adverb saying how many is
    kept ("Almost half of voters"), a focus adverb on a speaker not ("Even Mr. Peck"); ", along with X," is kept, and
    so are the quotation marks around a quoted title that is the whole mention ("“Lilyhammer”"), not the channel it
    spoke through ("Trump in his speech") nor a phrase set off by commas saying how or when it spoke ("DuPont, only two
    months later,"; session 19);
    "that" as a relative subject is its own mention, as "who" and "which" are (round 12: the guideline marks the
    relative pronoun and resolves no coreference, "a study that found …": "that"); the owner of remarks is their
    source ("His remarks indicated": "His"; a document keeps its phrase: "the party's report"), unless ``owned_phrase``
    (the object of "according to" is the phrase: "according to Roe's account")."""
    if _relative_that(tok):
        return tok.idx, tok.idx + len(tok)  # "a study that found …": the relative pronoun is the source
    if tok.lower_ == "that" and tok.tag_ == "WDT" and tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
        return mention_span(tok.head.head, without=tok.head)  # (rule switched off) the noun, without the clause
    if tok.pos_ == "PRON" and not list(tok.children):
        return tok.idx, tok.idx + len(tok)
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and not owned_phrase and (tok.lemma_.lower() in _lex()["cue_nouns"] - _lex()["documents"] or (
            OWNED_UTTERANCE_OWNER and tok.lemma_.lower() in _lex()["utterance_documents"])):
        # "His remarks indicated …", "Her statement said" (an utterance, session 19): who made them is the source
        # ("the party's report", a document, speaks itself)
        return owner.left_edge.idx, owner.right_edge.idx + len(owner.right_edge)
    if inverted is None:  # "…,” said Kasich, who …": the annotators keep the clause (also when the parser hung it elsewhere)
        inverted = tok.dep_ == "nsubj" and tok.head.i < tok.i
    drop = {c.i for c in tok.children if c.dep_ in _MENTION_DROP and not (c.dep_ == "relcl" and inverted) and not (
        c.dep_ in _RESTRICTIVE and c.left_edge.i > 0 and not tok.doc[c.left_edge.i - 1].is_punct
        and (c.dep_ == "relcl" or c.tag_ in ("VBN", "VBD") and tok.pos_ != "PROPN" and c.i > tok.i))} | {
        c.i for c in tok.children if c.i > tok.i and _when(c) and not _dated_document(c) and not any(
            d.i > c.i and not d.is_punct for d in tok.children)}  # "Trump last week", "a poll on Tuesday": not who
    if CHANNEL_LEFT_OUT:
        drop |= {c.i for c in tok.children if c.i > tok.i and _channel(c)}  # "Trump in his speech": how, not who
    if SET_OFF_MODIFIER_LEFT_OUT:
        drop |= {c.i for c in tok.children if _set_off_modifier(tok, c)}  # "DuPont, only two months later, announced"
    if without is not None:
        drop.add(without.i)
    keep = {t.i for t in tok.subtree if t.i not in drop and not any(a.i in drop for a in t.ancestors)}
    lo = hi = tok.i  # the unbroken run of kept words around the head
    while lo - 1 in keep:
        lo -= 1
    while hi + 1 in keep:
        hi += 1
    doc = tok.doc
    if SPLIT_TITLE_IN_MENTION and tok.dep_ == "nsubj":
        title = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.i and c.pos_ == "NOUN"
                      and c.right_edge.i + 1 == lo and not any(t.is_punct for t in c.subtree)), None)
        if title is not None:
            lo = title.left_edge.i  # "the region's governor Jane Roe said", the title parsed as a subject of its own
    for t in doc[lo:tok.i]:  # "New York (AFP) – Vice President Joe Biden said": the dateline is no part of it
        if t.text in _DASHES and t.whitespace_ or "\n" in t.text:
            lo = t.i + 1
    if tok.ent_type_ in ("GPE", "LOC"):  # the same parsed with the place as subject and the name as its apposition
        dash = next((t.i for t in doc[tok.i + 1:hi + 1] if t.text in _DASHES and t.whitespace_), None)
        if dash is not None and any(c.dep_ == "appos" and c.i > dash for c in tok.children):
            lo = dash + 1
    focus, floating = _lex()["focus_adverbs"], _lex()["floating_quantifiers"]
    while lo < tok.i and (doc[lo].is_punct or doc[lo].is_space or _leading_adverb(doc[lo], focus)):
        lo += 1  # "Even Mr. Peck said", "Meanwhile Rihanna spoke": an adverb is no part of the source
    if lo > 0 and doc[lo - 1].text in _CLOSING_QUOTES.values() and any(
            _CLOSING_QUOTES.get(t.text) == doc[lo - 1].text for t in doc[lo:tok.i]):
        lo -= 1  # "“Daily Show” host Trevor Noah": a quotation opened before the mention and closed in it
    while hi > tok.i and ((doc[hi].is_punct or doc[hi].is_space) and doc[hi].text != ")" and doc[hi].dep_ != "case"
                          or doc[hi].lower_ in floating):
        hi -= 1  # "Bolton and Gorka both argued": a floating quantifier neither ("Francis' remarks": "Francis'")
    if CONJUNCT_TO_VERB and doc[hi].dep_ == "cc" and hi > tok.i and tok.dep_.startswith("nsubj") \
            and hi + 1 < tok.head.i <= hi + 12 and not any(
                t.pos_ in ("VERB", "AUX", "SCONJ", "PRON") or t.text in (",", ";", ":") or "\n" in t.text
                for t in doc[hi + 1:tok.head.i]):
        hi = tok.head.i - 1  # "Jane Roe and former mayor Tom Hale said", the second name hung elsewhere: both
        while doc[hi].is_space or doc[hi].is_punct and doc[hi].text not in (")", *_DASHES):
            hi -= 1
    if ACCOMPANYING_IN_MENTION and tok.dep_.startswith("nsubj") and tok.head.i > hi:
        hi = _accompanying_end(doc, hi, tok.head)  # "Jane Roe, along with her lawyer, said": both are the source
    if any(c.dep_ == "appos" for c in tok.children) and hi + 1 < len(doc) and doc[hi + 1].text == "," \
            and not any(c.dep_ == "relcl" for c in tok.children):
        hi += 1  # "A top strategist, John Weaver, said": the apposition's closing comma
    elif hi + 1 < len(doc) and doc[hi + 1].text in _SET_OFF and any(t.text == doc[hi + 1].text for t in doc[tok.i:hi + 1]):
        hi += 1  # "Other candidates, including X and Y, said", "Jane Roe — a teacher —": the part set off is closed
    if hi + 1 < len(doc) and doc[hi + 1].text in _CLOSING_QUOTES and _left_open(doc[lo:hi + 1].text, doc[hi + 1].text):
        hi += 1  # "host of the show “Morning Joe,”": a quotation opened in the mention is closed in it
    elif ALIKE_QUOTES_CLOSED and hi + 2 < len(doc) and doc[hi + 1].text == "." and doc[hi + 2].text in _CLOSING_QUOTES \
            and not doc[hi + 1].whitespace_ and _left_open(doc[lo:hi + 1].text, doc[hi + 2].text):
        hi += 2  # "her memoir ''Harbour Lights.''": the full stop inside the quotation as well
    if ONE_WORD_SENTENCE_JOINED and lo > 0 and doc[lo].is_sent_start and _cut_first_word(doc, lo - 1):
        lo -= 1  # "Texas | Lt. Gov. Dan Patrick says": the splitter cut a paragraph's first word off its sentence
    if QUOTED_NAME_WITH_MARKS:
        lo, hi = _quoted_whole(doc, lo, hi)  # "“Lilyhammer” drew …": a quoted title is marked with its quotation marks
    word = doc[lo].text.lstrip("-–—") or doc[lo].text  # "-Jane Roe explains": the dash of a list is no part of it
    start = doc[lo].idx + len(doc[lo].text) - len(word)
    return start, doc[hi].idx + len(doc[hi])



def _left_open(text: str, close: str) -> bool:
    """Whether ``text`` opens a quotation that the mark ``close`` would close: more opening marks than closing ones,
    or — for two apostrophes, which some papers write for both marks ("a host of ''Harbour Talk,''") — an odd number."""
    if ALIKE_QUOTES_CLOSED and close == "''" and _CLOSING_QUOTES[close] not in text:
        return text.count(close) % 2 == 1
    return text.count(_CLOSING_QUOTES[close]) > text.count(close)


QUANTITY_ADVERB_KEPT = True  # session 19, switched off only to measure it
DOCUMENT_DATE_KEPT = True  # session 19, switched off only to measure it
OWNED_UTTERANCE_OWNER = True  # session 19, switched off only to measure it
_QUANTITY_ENTS = ("CARDINAL", "PERCENT", "QUANTITY")


ACCOMPANYING_IN_MENTION = True  # session 19, switched off only to measure it


def _accompanying_end(doc, hi: int, verb: Token) -> int:
    """The last token of a source mention followed by a phrase set off by commas that adds who speaks with it (", along
    with her lawyer," — ``names.json`` ``accompanying_phrases``), which the parser hangs on the verb: up to its closing
    comma; else ``hi``."""
    if hi + 2 >= verb.i or doc[hi + 1].text != ",":
        return hi
    for phrase in _lex()["accompanying_phrases"]:
        words = phrase.split()
        first = doc[hi + 2]
        if [t.lower_ for t in doc[hi + 2:hi + 2 + len(words)]] == words and first.head.i == verb.i:
            end = max(t.right_edge.i for t in doc[hi + 2:hi + 2 + len(words)])
            if end + 1 < verb.i and doc[end + 1].text == ",":
                end += 1
            return end if end < verb.i else hi
    return hi


CHANNEL_LEFT_OUT = True  # session 19, switched off only to measure it


def _channel(prep: Token) -> bool:
    """A prepositional phrase on a source that says through what it spoke ("in his speech", "in an interview", "via
    email", "through a spokeswoman": ``names.json`` ``channel_prepositions``, ``channel_nouns``): no part of the
    source."""
    return prep.dep_ == "prep" and prep.lower_ in _lex()["channel_prepositions"] and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _lex()["channel_nouns"] for o in prep.children)


SET_OFF_MODIFIER_LEFT_OUT = True  # session 19, switched off only to measure it


def _set_off_modifier(tok: Token, c: Token) -> bool:
    """An adverb, adjective or prepositional phrase after a source, set off by commas, that says how, when or in what
    state it spoke ("DuPont, only two months later, announced", "Republicans, concerned about …, have", "Cruz, with
    unconcealed delight, chided": ``names.json`` ``set_off_prepositions``): no part of the source. A set-off "of",
    "at" or "from" says who it is and stays ("Pantucci, at the Royal United Services Institute,")."""
    doc = tok.doc
    if c.i <= tok.i or not (c.dep_ == "advmod" or c.dep_ == "amod" and c.pos_ == "ADJ"
                            or c.dep_ == "prep" and c.lower_ in _lex()["set_off_prepositions"]):
        return False
    lo, hi = c.left_edge.i, c.right_edge.i
    return lo > tok.i + 1 and doc[lo - 1].text == "," and hi + 1 < len(doc) and doc[hi + 1].text == ","


QUOTED_NAME_WITH_MARKS = True  # session 19, switched off only to measure it
_OPENING_QUOTES = {"“": "”", "‘": "’", '"': '"', "''": "''", "``": "''"}  # opening quotation mark -> its closing one


def _quoted_whole(doc, lo: int, hi: int) -> tuple[int, int]:
    """(lo, hi) widened to the quotation marks around a mention that is the whole quotation — a quoted title ("“The
    Walking Dead”", "''The Trumps,''" with the comma inside the marks); else as they are."""
    if lo == 0 or doc[lo - 1].text not in _OPENING_QUOTES or doc[lo - 1].whitespace_:
        return lo, hi
    if lo > 1 and not (doc[lo - 2].whitespace_ or doc[lo - 2].is_space):
        return lo, hi  # glued to the word before: no opening mark
    j = hi + 1
    if j < len(doc) and doc[j].text == "," and not doc[hi].whitespace_:
        j += 1
    if j < len(doc) and doc[j].text == _OPENING_QUOTES[doc[lo - 1].text] and not doc[j - 1].whitespace_:
        return lo - 1, j
    return lo, hi


ONE_WORD_SENTENCE_JOINED = True  # session 19, switched off only to measure it


def _cut_first_word(doc, i: int) -> bool:
    """Whether token ``i`` is a capitalised word (after a list dash or not) standing as a sentence of its own at the
    start of a line, followed on the same line by the next sentence — a paragraph's first word the sentence splitter
    cut off ("Texas | Lt. Gov. …", "Dascha | Polanco opened up …", "-Jane | Roe explains")."""
    t = doc[i]
    return (t.is_sent_start and t.pos_ == "PROPN" and t.text.lstrip("-–—")[:1].isupper() and t.whitespace_ == " "
            and (i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_))


def _dated_document(c: Token) -> bool:
    """A date that says which document or where it comes from, kept in the mention: "a study from 2011", "a poll out
    Monday" (the parser hangs the date on the noun after "out")."""
    if not DOCUMENT_DATE_KEPT:
        return False
    if c.dep_ == "prep" and c.lower_ == "from":
        return True
    return c.i > 0 and c.doc[c.i - 1].lower_ == "out" and c.doc[c.i - 1].head.i == c.head.i


ALIKE_QUOTES_CLOSED = True  # round 15, switched off only to measure it
SPLIT_TITLE_IN_MENTION = True  # session 18, switched off only to measure it
CONJUNCT_TO_VERB = True  # round 15, switched off only to measure it


def entity_mention(doc, row: dict, lo: int, hi: int) -> tuple[int, int]:
    """The source mention of a named speaker found by position, not as a verb's subject ("Reporter Jane Roe: …",
    "More from Roe and Doe: …"): the noun phrase its name heads (titles, conjoined names; :func:`mention_span`) when
    that phrase lies within [lo, hi), else the name itself."""
    name = (row["start_char"], row["end_char"])
    span = doc.char_span(*name, alignment_mode="expand")
    if span is None:
        return name
    tok = span.root
    while tok.dep_ == "conj" and tok.head.i < tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    s, e = mention_span(tok)
    return (s, e) if lo <= s <= name[0] and name[1] <= e <= hi else name

def subject_mention(tok: Token) -> tuple[int, int] | None:
    """The source mention a cue's subject writes when no speaker can be named from it ("The advisory panel
    recommends …", "Another child responded"): the guideline marks it as the source all the same, so it is the
    statement's mention while its speaker stays unknown; None for an expletive or a word that stands for no one
    ("it", "there", "that", "what": ``names.json`` ``no_source_words``) — but a relative "that" is a source ("a study
    that found …", :func:`mention_span`), and so is a demonstrative that a clause or modifier says who it is
    ("those polled said", "those who back the plan say": :func:`_described_demonstrative`; round 12)."""
    if tok.dep_ == "expl" or after_bare_preposition(tok):
        return None
    if tok.lower_ in _lex()["no_source_words"] and not (_relative_that(tok) or _described_demonstrative(tok)):
        return None
    return mention_span(tok)


RELATIVE_THAT_IS_SOURCE = True  # round 12, switched off only to measure it
DESCRIBED_DEMONSTRATIVE_IS_SOURCE = True  # round 12, switched off only to measure it


def _relative_that(tok: Token) -> bool:
    """"that" as the subject of a relative clause ("a group that tracks …")."""
    return RELATIVE_THAT_IS_SOURCE and tok.lower_ == "that" and tok.tag_ == "WDT" and tok.head.dep_ == "relcl"


def _described_demonstrative(tok: Token) -> bool:
    """A demonstrative standing for people that a participle, relative clause, adjective or prepositional phrase
    describes ("those polled", "those who back the plan", "those close to him"): a source phrase; a bare one ("this
    explains", "those are …") stands for no one."""
    return DESCRIBED_DEMONSTRATIVE_IS_SOURCE and tok.tag_ == "DT" and tok.lower_ != "that" and any(
        c.dep_ in ("acl", "relcl", "amod", "prep") for c in tok.children)


APPOSITION_AFTER_VERB_NOT_NAME = True  # session 21 (lead), switched off only to measure it
FIRST_NAME_GENDER = True  # session 21: the gender a full name's first name nearly always has; switch to measure it
_NAME_GENDER_SHARE = 0.95  # share of bearers of one gender a first name needs (nomquamgender's p(female), both ways)
_NAME_GENDER_COUNT = 500  # and bearers counted in its sources
_UNDECOMPOSED = str.maketrans("łøđħ", "lodh")  # letters Unicode does not decompose ("Jarosław")


NAME_DATA_PACKAGE = "nomquamgender"  # MIT; its data file is read, the package (and its GPL dependency) never imported


@functools.lru_cache(maxsize=1)
def _first_names() -> dict:
    """First name -> [bearers counted, share female] for the names that nearly always name one gender (at least
    ``_NAME_GENDER_COUNT`` bearers, a share of ``_NAME_GENDER_SHARE`` either way), from the MIT-licensed
    ``nomquamgender`` package's data; empty when it is not installed. The package's file (721,739 names, 22 MB) takes
    1.2 s and 260 MB to read, so the ~21,000 names kept are written once to ``data/cache/first-names-<version>.json``
    (330 KB) and read from there; a cache that cannot be written is skipped."""
    import importlib.util
    import json
    import os
    from importlib.metadata import PackageNotFoundError, version
    from pathlib import Path

    from helpers.core import paths
    spec = importlib.util.find_spec(NAME_DATA_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return {}
    try:
        tag = version(NAME_DATA_PACKAGE)
    except PackageNotFoundError:
        tag = "unknown"
    cached = paths.ROOT / "data" / "cache" / f"first-names-{tag}-{_NAME_GENDER_COUNT}-{_NAME_GENDER_SHARE}.json"
    if cached.exists():
        return json.loads(cached.read_text(encoding="utf-8"))
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    if not path.exists():
        return {}
    kept = {name: [row[1], row[2]] for name, row in json.loads(path.read_text(encoding="utf-8")).items()
            if row[1] >= _NAME_GENDER_COUNT and (row[2] >= _NAME_GENDER_SHARE or row[2] <= 1 - _NAME_GENDER_SHARE)}
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(kept, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, cached)  # atomic: parallel workers building it at once each write a whole file
    except OSError:
        pass
    return kept


def first_name_gender(name: str) -> str | None:
    """"m"/"f" for a person's full name whose first name nearly always names one gender ("Zbigniew Rau": "m",
    "Liz Truss": "f"); None for one word, an initial or a name of either gender ("Kim", "Xi")."""
    words = name.split()
    if len(words) < 2 or len(words[0].rstrip(".")) < 2 or words[0].endswith("."):
        return None
    first = normalise(words[0]).lower()
    folded = "".join(c for c in unicodedata.normalize("NFKD", first.translate(_UNDECOMPOSED))
                     if not unicodedata.combining(c))
    row = _first_names().get(first) or _first_names().get(folded)
    if not row or row[0] < _NAME_GENDER_COUNT:
        return None
    return "f" if row[1] >= _NAME_GENDER_SHARE else "m" if row[1] <= 1 - _NAME_GENDER_SHARE else None


class EntityLookup:
    """Entity rows of one article indexed by character position."""

    def __init__(self, rows: list[dict]):
        self.rows = sorted(rows, key=lambda r: r["start_char"])
        self._starts = [r["start_char"] for r in self.rows]

    def at(self, start: int, end: int) -> list[dict]:
        """Entity rows overlapping [start, end)."""
        i = bisect.bisect_left(self._starts, start - 200)
        out = []
        for r in self.rows[i:]:
            if r["start_char"] >= end:
                break
            if r["end_char"] > start:
                out.append(r)
        return out

    def covering(self, tok: Token) -> dict | None:
        """The longest entity row containing the token."""
        hits = [r for r in self.at(tok.idx, tok.idx + len(tok)) if r["start_char"] <= tok.idx]
        if not hits:
            return None
        return max(hits, key=lambda r: r["end_char"] - r["start_char"])


class SpeakerTracker:
    """Resolve subjects to canonical names, remembering recent speakers for pronouns and role nouns."""

    def __init__(self, entities: EntityLookup, text: str = ""):
        self.entities = entities
        self.text = text
        self.last = {"PERSON": None, "ORG": None}
        self.last_group: dict | None = None  # the last group phrase speaker ("officials"), for "they"
        self.last_role: dict | None = None  # the last unnamed "the <role>" speaker, for "he"/"she" (session 20)
        self.lex = _lex()
        self.people: list[dict] = []  # person speakers, most recent last
        self.gender: dict[str, str] = {}  # canonical name -> "m"/"f", learnt from honorifics and pronouns
        self._at = -1  # where the subject being resolved stands
        self.last_at = -1  # where the last person speaker was remembered (round 14)
        self._learn_honorifics(text)

    def _learn_honorifics(self, text: str) -> None:
        """"Mr Varadkar", "Ms Kallas": the honorific before a person's mention states the gender."""
        for r in self.entities.rows:
            if r["label"] in _PERSONISH and r["start_char"] > 0:
                m = _WORD_BEFORE.search(text, max(0, r["start_char"] - 10), r["start_char"])
                g = self.lex["honorific_gender"].get(m.group(1).lower()) if m else None
                if g:
                    self.gender.setdefault(r["canonical"], g)
        if FIRST_NAME_GENDER:  # "Zbigniew Rau": a first name that nearly always names a man (or a woman)
            for r in self.entities.rows:
                if r["label"] in _PERSONISH and r["canonical"] not in self.gender and r.get("found_by") != "org_phrase":
                    g = first_name_gender(r["canonical"])
                    if g:
                        self.gender[r["canonical"]] = g
        if GENDER_FROM_ROLE:  # "spokeswoman Jane Roe", "Roe, the bank's chairwoman": the role states the gender
            nouns = self.lex["gendered_role_nouns"]
            for r in self.entities.rows:
                if r["label"] in _PERSONISH and r["canonical"] not in self.gender:
                    g = {nouns[w] for w in re.findall(r"[a-z]+", self._titles(r)) if w in nouns}
                    if len(g) == 1:
                        self.gender[r["canonical"]] = g.pop()

    def _dateline(self, row: dict) -> bool:
        """A place opening a line and followed by a dash or a parenthesis: "KYIV (Reuters) —", "MINSK, 26 May –"."""
        start = row["start_char"]
        if start > 0 and self.text[start - 1] != "\n":
            return False
        return bool(_DATELINE_TAIL.match(self.text, row["end_char"]))

    def remember(self, row: dict | None) -> None:
        """Remember a speaker for later pronouns; unnamed role phrases ("a Ukrainian activist") are not kept."""
        if row is not None and row.get("via_relative"):
            return
        if row is not None and row.get("kind") in PHRASE_KINDS:
            if row["kind"] == "group":  # "Officials said … They added": a later "they" may speak for the group
                self.last_group = row
            if PRONOUN_TO_ROLE_PHRASE and row["kind"] == "role" and self.text[:row["start_char"]].lower().endswith("the ") \
                    and set(row["canonical"].lower().split(" of ")[0].split()) & self.lex["roles"]:
                self.last_role = row  # "said the head of the agency. She added …" (session 20)
            return
        if row is not None and not (row.get("found_by") == "org_phrase" and row["label"] == "PERSON"):
            self.last["PERSON" if row["label"] in _PERSONISH else "ORG"] = row
            if row["label"] in _PERSONISH:
                self.people = [p for p in self.people if p["canonical"] != row["canonical"]] + [row]
                self.last_at = max(self.last_at, self._at)

    def _role_spoke_since(self, tok: Token, person: dict | None) -> bool:
        """Whether the last unnamed "the <role>" speaker spoke after the last person speaker and at most 400 characters
        before the pronoun ``tok``, and the person the pronoun would go to is not named since and is none it may
        describe ("… said the head of the agency. She added": the head, not a speaker before; "the dictator …
        he" stays a person with no stated role; session 20, :data:`PRONOUN_TO_ROLE_PHRASE`)."""
        role = self.last_role
        if role is None or role["start_char"] <= self.last_at or not 0 < tok.idx - role["end_char"] <= 400:
            return False
        if person is None:
            return True
        named = [r for r in self.entities.at(role["end_char"], tok.idx) if r["start_char"] >= role["end_char"]]
        if any(r["canonical"] == person["canonical"] for r in named):
            return False  # "… said the head. Jane Roe shared … as she said": the person named since
        return not self._may_be_described_as(person, role["canonical"])

    def _person_for(self, low: str) -> dict | None:
        """The most recent person speaker a gendered pronoun can refer to (gender agrees or is unknown; a pronoun
        that resolves teaches the speaker's gender)."""
        want = self.lex["pronoun_gender"].get(low)
        if want is None:
            return self.last["PERSON"]
        fits = [row for row in reversed(self.people) if self.gender.get(row["canonical"], want) == want]
        if PRONOUN_TO_KNOWN_GENDER and fits and fits[0]["canonical"] not in self.gender:
            # "Jane Roe (she) … met Tom Hale … she said": a speaker the text already gave that gender before one of
            # unknown gender (session 21, measured)
            fits = [r for r in fits if r["canonical"] in self.gender] + fits
        if fits:
            self.gender[fits[0]["canonical"]] = want
            return fits[0]
        return None

    @staticmethod
    def _may_be_described_as(person: dict, phrase: str) -> bool:
        """A person with no stated role, or whose role shares a modifier word with the phrase, may be what an unnamed
        role phrase describes ("Russian tycoon" for a "Russian billionaire"); one with another role is not."""
        role = person.get("role")
        if not role:
            return True
        return bool(set(phrase.lower().split()[:-1]) & set(role.lower().split())) and rank_agrees(phrase, role)

    def _role_holders(self, lemma: str, before: int, phrase: dict) -> list[dict]:
        """The people named before ``before`` whose stated role holds the role noun ``lemma`` ("Maine governor" for
        "the Democratic governor"), latest last; not the phrase itself."""
        if lemma not in self.lex["roles"]:
            return []
        return [r for r in self.entities.rows if r["start_char"] < before and r["label"] == "PERSON" and r is not phrase
                and r["role"] and re.search(rf"\b{re.escape(lemma)}", r["role"].lower())
                and rank_agrees(phrase["canonical"], r["role"], lemma)]

    def _holds_other_office(self, person: dict, title: str) -> bool:
        """Whether the text gave ``person`` an office other than ``title`` ("the prime minister said" is not the last
        speaker if that was "the US president" or "the Kremlin spokesman"; ``names.json`` ``office_titles``). A title
        that is no such office ("the official", "the head of diplomacy") may describe anyone."""
        offices = self.lex["office_titles"]
        held = set(re.findall(r"[a-z]+", (person.get("role") or "").lower())) & offices
        return title in offices and bool(held) and title not in held

    def _other_portfolio(self, phrase: str, role: str | None) -> bool:
        """Whether a role phrase and a stated role each name a minister's field (``names.json`` ``portfolios``) and
        none is in both ("the foreign secretary", "Defence Secretary"; session 20, :data:`PORTFOLIO_AGREES`)."""
        said, held = ({w.replace("defense", "defence").replace("labor", "labour")
                       for w in re.findall(r"[a-z]+", (t or "").lower())} & self.lex["portfolios"] for t in (phrase, role))
        return bool(said) and bool(held) and not said & held

    def _subject_since(self, tok: Token, want: str | None) -> dict | None:
        """The person named last as a clause's subject (or as its owner: "X's comments came …") after the last person
        speaker was remembered and before ``tok``, in ``tok``'s sentence or the two before it, whose gender agrees
        with ``want`` (or is unknown): "X was asked whether … “…,” he replied" is X, not the speaker before
        (round 14, :data:`SUBJECT_SINCE_SPEAKER`)."""
        doc, sent = tok.doc, tok.sent
        first = sent.start
        for _ in range(2):
            if first == 0:
                break
            first = doc[first - 1].sent.start
        for t in reversed(doc[max(first, 0):tok.i]):
            if t.idx <= self.last_at:
                return None
            subj = t.head if t.dep_ == "poss" else t
            if subj.dep_ not in ("nsubj", "nsubjpass") or t.dep_ not in ("nsubj", "nsubjpass", "poss") \
                    or not _main_clause(subj.head):
                continue
            row = self.entities.covering(t)
            if row is not None and row["label"] in _PERSONISH and row.get("found_by") != "org_phrase" \
                    and row["end_char"] <= tok.idx and (want is None or self.gender.get(row["canonical"], want) == want):
                return row
        return None

    def _subject_among(self, tok: Token, holders: list[dict]) -> dict | None:
        """When people of more than one name hold the role noun, the one made a clause's subject last in ``tok``'s
        sentence or the two before it ("… Jane Roe tried to coerce her rival Tom Hale. Speaking on Thursday, the former
        president said": Roe, not the last named); None when one name holds it or no holder was a subject there
        (session 20, :data:`ROLE_HOLDER_BY_SUBJECT`)."""
        names = {h["canonical"] for h in holders}
        if len(names) < 2:
            return None
        doc, first = tok.doc, tok.sent.start
        for _ in range(2):
            if first > 0:
                first = doc[first - 1].sent.start
        for t in reversed(doc[first:tok.i]):
            if t.dep_ in ("nsubj", "nsubjpass"):
                row = self.entities.covering(t)
                if row is not None and row["canonical"] in names:
                    return next(h for h in reversed(holders) if h["canonical"] == row["canonical"])
        return None

    def _own_apposition(self, tok: Token) -> dict | None:
        """The person set off by commas at the end of a role noun's phrase that the parser hung on the body the role
        belongs to ("The commander of the 36th Brigade, Maj. Jane Roe, told"); not one hung on a role noun or person
        of its own ("a spokesman for the president, Jane Roe, said": she is the president; session 19,
        :data:`ROLE_OWN_APPOSITION`)."""
        doc, end = tok.doc, tok.right_edge.i
        for t in tok.subtree:
            if t.dep_ != "appos" or t.head.i == tok.i or t.i < tok.i or t.left_edge.i == 0 \
                    or doc[t.left_edge.i - 1].text != "," or not all(x.is_punct for x in doc[t.right_edge.i + 1:end + 1]):
                continue
            if t.head.lemma_.lower() in self.lex["roles"] | self.lex["documents"] or t.head.ent_type_ == "PERSON":
                continue
            row = self.entities.covering(t)
            if row is not None and row["label"] in _PERSONISH and row.get("found_by") != "org_phrase":
                return row
        return None

    @staticmethod
    def _role_owner(tok: Token) -> str | None:
        """Whose role a role noun names, when its phrase names it: the possessor ("Estonia's prime minister") or the
        object of "of"/"for" ("the head of the UN refugee agency") holding a name; None for a pronoun possessor, for
        an owner without a name ("the head of state") or none (session 19)."""
        owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        owners += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "for") and c.i > tok.i
                   for p in c.children if p.dep_ == "pobj"]
        named = [o for o in owners if any(t.ent_type_ in _PERSONISH | _ORGISH or t.pos_ == "PROPN" for t in o.subtree)]
        if not named:
            return None  # "the head of state", "the region's governor": no one's in particular
        o = named[0]
        return tok.doc[o.left_edge.i:o.right_edge.i + 1].text

    @staticmethod
    def _owner_fits(owner: str, person: dict) -> bool:
        """Whether a person's stated role or name belongs to the owner a role phrase names: a content word in common
        ("agency", "minister") or one country ("Estonia's" and an "Estonian" role); a person with no stated role
        does not fit (:data:`ROLE_OF_NAMED_OWNER`)."""
        role = person.get("role")
        if not role:
            return True
        words = {w for w in re.findall(r"[a-z]+", owner.lower()) if len(w) > 2 and w not in ("the", "and", "for")}
        if words & set(re.findall(r"[a-z]+", f"{role} {person['canonical']}".lower())):
            return True
        countries = {k for k in org_key(owner) if k.startswith("@")}
        return bool(countries & {k for k in org_key(role) if k.startswith("@")})

    def _name_closing_title(self, tok: Token) -> dict | None:
        """The person whose full name closes a role noun's title run, up to a comma or a clause ("Advisor of the
        President of Ukraine Jane Roe stated", "said the spokesman of the Kremlin Jane Roe,"), of any length, or is
        followed only by when or where it spoke ("… Jane Roe yesterday in the Parliament said"; session 19,
        :data:`NAME_CLOSING_TITLE`)."""
        doc, end = tok.doc, tok.i
        clause = {t.i for c in tok.children if c.dep_ in _CLAUSE_DEPS and c.dep_ != "cc" and c.i > tok.i
                  for t in c.subtree}
        while end + 1 <= tok.right_edge.i and end + 1 not in clause and end + 1 - tok.i <= 15 \
                and not doc[end + 1].is_punct or end + 1 <= tok.right_edge.i and doc[end + 1].text in ("“", "”", '"'):
            end += 1
        adjunct = _when_where_adjuncts(tok) if NAME_BEFORE_ADJUNCT else set()
        for k in range(end, tok.i, -1):  # the last name in the run, with at most when or where it spoke after it
            if k in adjunct:
                continue
            row = self.entities.covering(doc[k])
            if row is not None and row["label"] in _PERSONISH and row.get("found_by") != "org_phrase" \
                    and row["end_char"] == doc[k].idx + len(doc[k]) and row["start_char"] > tok.idx \
                    and " " in row["text"].strip():
                return row
            if doc[k].pos_ in ("NOUN", "PROPN") and doc[k].ent_type_ not in ("DATE", "TIME") \
                    and not any(a.pos_ == "ADP" and a.i > tok.i + 1 and doc[a.i - 1].ent_type_ == "PERSON"
                                for a in doc[k].ancestors):  # "… Jane Roe in the invitation to the summit"
                return None  # a word of the title itself: the name, if any, is not at its end
        return None

    def _titles(self, person: dict) -> str:
        """The stated role of a person row and the capitalised title words written just before its mention
        ("German Chancellor Olaf Scholz": "German Chancellor"), lower case."""
        m = _TITLE_BEFORE.search(self.text, max(0, person["start_char"] - 40), person["start_char"])
        return f"{person.get('role') or ''} {m.group(1) if m else ''}".lower()

    def _head_of_office(self, tok: Token) -> str | None:
        """The office a singular "the head of [the] [X] <domain>" names by its domain ("government": a prime minister
        or chancellor, "state": a president or monarch, "diplomacy": a foreign minister; ``names.json``
        ``head_of_offices``), when the phrase names no person itself; None otherwise (session 21)."""
        if tok.lemma_.lower() not in ("head", "chief", "leader") or tok.tag_ != "NN" \
                or any(c.dep_ == "appos" or c.ent_type_ in _PERSONISH for c in tok.subtree if c.i != tok.i):
            return None
        offices = self.lex["head_of_offices"]
        return next((p.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in offices), None)

    def _office_holder(self, tok: Token, office: str) -> dict | None:
        """The person named before ``tok`` whose role or title holds a word of ``office`` and names no other country
        than the phrase ("Chancellor Olaf Scholz" for "the head of the German government"); when people of several
        names do, the one made a subject last in the sentences just before, else the last named."""
        words = set(self.lex["head_of_offices"][office])
        said = {k for k in org_key(tok.doc[tok.i + 1:tok.right_edge.i + 1].text) if k.startswith("@")}
        holders = []
        for r in self.entities.rows:
            if r["start_char"] >= tok.idx or r["label"] not in _PERSONISH or r.get("found_by") == "org_phrase":
                continue
            titles = self._titles(r)
            held = {k for k in org_key(titles) if k.startswith("@")}
            if set(re.findall(r"[a-z]+", titles)) & words and not (said and held and not said & held):
                holders.append(r)
        if not holders:
            return None
        return (self._subject_among(tok, holders) if ROLE_HOLDER_BY_SUBJECT else None) or holders[-1]

    def _other_office(self, person: dict, office: str) -> bool:
        """Whether a person's role or title holds a word of another office of ``head_of_offices`` and none of
        ``office`` ("President X" is no "head of the government")."""
        held = set(re.findall(r"[a-z]+", self._titles(person)))
        offices = self.lex["head_of_offices"]
        return not held & set(offices[office]) and any(held & set(v) for k, v in offices.items() if k != office)

    def _indefinite_phrase(self, row: dict) -> bool:
        """An unnamed role phrase with an indefinite article ("an Ukrinform correspondent reports"): someone a later
        "he" does not refer to (session 19, :data:`PRONOUN_NOT_TO_INDEFINITE`)."""
        if row.get("found_by") != "org_phrase" or row["canonical"] != normalise(row["text"]):
            return False
        m = _WORD_BEFORE.search(self.text, max(0, row["start_char"] - 12), row["start_char"])
        return m is not None and m.group(1).lower() in _INDEFINITE

    def _issuer_before(self, tok: Token) -> dict | None:
        """"A report published by X … The report estimated …": who issued the nearest earlier mention of the same
        document noun — its owner ("X's report"), the agent of a participle on it ("published by X"), or the object of
        "by"/"from" on it ("a study by X") — when that mention names one; a "the report" between that names no one is
        the same document (round 14, :data:`DOCUMENT_ISSUER_BEFORE`)."""
        lemma = tok.lemma_.lower()
        for prev in reversed(tok.doc[:tok.i]):
            if prev.lemma_.lower() != lemma or prev.pos_ != "NOUN":
                continue
            named = [c for c in prev.children if c.dep_ in ("poss", "compound")]
            named += [p for c in prev.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                      for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            named += [p for c in prev.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                      for p in c.children if p.dep_ == "pobj"]
            if not named and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in prev.children):
                continue  # "the report" again: the same document, named further back
            rows = [self.entities.covering(c) for c in named]
            rows = [r for r in rows if r is not None and r["label"] in _PERSONISH | _ORGISH]
            return rows[0] if len(rows) == 1 else None
        return None

    def _previous_subject(self, tok: Token) -> dict | None:
        """"Silva was registered last year. It reported …": an organisation pronoun at the start of a sentence refers to
        the organisation that is the subject of the sentence just before (of the same paragraph), if there is one."""
        if tok.i != tok.sent.start or tok.sent.start == 0:
            return None
        prev = tok.doc[tok.sent.start - 1].sent
        if "\n" in doc_text(tok.doc)[prev.end_char:tok.idx]:
            return None
        subj = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        row = self.entities.covering(subj) if subj is not None else None
        if row is None or row["label"] == "ORG":
            return row
        # an organisation, even where this mention of its name was tagged otherwise: its organisation row
        return next((r for r in reversed(self.entities.rows) if r["label"] == "ORG" and r["text"] == row["text"]
                     and r["start_char"] < tok.idx), None)

    def _owner_only(self, tok: Token, row: dict) -> bool:
        """Whether the person ``row`` only owns the speaking body or role ``tok`` heads: "Zelensky's office said",
        "the senator's spokesman said" are the office and the spokesman, not the owner (a possessor the model tagged a
        person, "Russia's defence ministry", likewise; :data:`POSSESSOR_NOT_SPEAKER`)."""
        if not POSSESSOR_NOT_SPEAKER:
            return False
        lemma, low = tok.lemma_.lower(), tok.lower_
        if not ({lemma, low} & (self.lex["org_heads"] | self.lex["roles"])):
            return False
        return any(c.dep_ == "poss" and c.left_edge.idx <= row["start_char"]
                   and row["end_char"] <= c.right_edge.idx + len(c.right_edge) for c in tok.children)

    def _owned_body(self, tok: Token) -> tuple[dict | None, str | None]:
        """An organisation named by its owner ("Russia's defence ministry", "Zelensky's office") is a named source,
        an organisation of its own (its phrase, normalised as a name is); a role it owns ("the senator's
        spokesman") stays an unnamed role phrase."""
        row = self.phrase_row(tok)
        owner = next(c for c in tok.children if c.dep_ == "poss")
        if row is not None and row["start_char"] < owner.left_edge.idx:
            return None, None  # "training X's forces": the phrase is no name
        if row is None or row["kind"] not in ("body", "group") or not (
                {tok.lemma_.lower(), tok.lower_} & self.lex["org_heads"]):
            return row, ("phrase" if row is not None else None)
        end = tok.idx + len(tok)  # the name ends at its head: "Zelensky's office in Kyiv" is "Zelensky's office"
        name = normalise(tok.sent.text[row["start_char"] - tok.sent.start_char:end - tok.sent.start_char])
        if row["canonical"][:1] != name[:1]:  # a sentence's first word lower-cased by phrase_row
            name = row["canonical"][:1] + name[1:]
        row = {**row, "canonical": name, "text": name, "label": "ORG", "found_by": "owned_body", "end_char": end}
        del row["kind"]
        return row, "name"

    def phrase_row(self, tok: Token) -> dict | None:
        """A speaker that is a noun phrase and no named entity, as a speaker row of its own: a group ("officials",
        "Republican voters", "Others"), an unnamed role ("the spokesman" no one in the article holds), an anonymous
        source ("a person familiar with the matter", "an official") or a document ("the report", "a new poll").
        Its ``canonical`` is the core phrase (no leading article, no clause or apposition), its ``kind`` says which;
        None for words that cannot speak for anyone ("it", "there", a bare pronoun)."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ not in _PHRASE_POS and low not in self.lex["group_pronouns"]:
            return None
        share = SHARE_SUBJECT_GROUP and tok.ent_type_ not in _NOT_SHARE_ENTS and low != "one" and (
            lemma in self.lex["share_words"] or tok.like_num and tok.pos_ == "NUM")
        if tok.ent_type_ in ("DATE", "TIME") or tok.like_num and tok.pos_ == "NUM" and tok.head.pos_ in ("VERB", "AUX") \
                and not any(c.dep_ == "prep" for c in tok.children) and not share:
            return None  # "2015 was …" (not "six in 10 said", "at least 21,000 said": session 22)
        keep = [c for c in tok.children if c.dep_ not in _PHRASE_DROP and not (c.dep_ == "prep" and c.i < tok.i)
                and not (PHRASE_WITHOUT_WHEN and c.i > tok.i and _when_or_channel(c))]
        toks = sorted({t.i for c in keep for t in c.subtree} | {tok.i})
        doc = tok.doc
        # contiguous run around the head, at most a dozen words
        lo = hi = tok.i
        while lo - 1 in toks and tok.i - lo < 12:
            lo -= 1
        while hi + 1 in toks and hi - tok.i < 12:
            hi += 1
        words = doc[lo:hi + 1]
        while len(words) > 1 and (words[0].lower_ in self.lex["leading_determiners"] or words[0].is_punct
                                   or words[0].dep_ == "det" and words[0].lower_ in ("a", "an")):
            words = words[1:]
        words = without_open_bracket(words)
        phrase = words.text
        first = words[0]
        if all(t.is_punct for t in doc[first.sent.start:first.i]) and first.pos_ != "PROPN" and first.is_title \
                and not (POSSESSOR_NOT_SPEAKER and first.ent_type_ in _GROUPISH + ("PERSON",)):  # "Chinese leader …"
            phrase = phrase[:1].lower() + phrase[1:]  # "Officials said", '- "Officials said': the sentence's first word
        mods = {t.lower_ for t in doc[lo:hi + 1]} | {t.lemma_.lower() for t in doc[lo:hi + 1]}
        det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "poss")), None)
        plural = share or tok.tag_ in ("NNS", "NNPS") or low in self.lex["group_pronouns"] or tok.pos_ == "NUM" \
            or any(c.dep_ in ("nummod", "quantmod") or c.lower_ in ("percent", "%") for c in tok.children)
        if lemma in self.lex["documents"] or low in self.lex["documents"]:
            kind = "document"
        elif mods & self.lex["anonymous_markers"] or (not plural and lemma in self.lex["anonymous_nouns"]
                                                        and det in (None, "a", "an", "one", "another")):
            kind = "anonymous"
        elif plural:
            kind = "group"
        elif lemma in self.lex["roles"] or low in self.lex["roles"]:
            kind = "role"
        elif lemma in self.lex["org_heads"] or low in self.lex["org_heads"]:
            kind = "body"  # "the regional emergency service said": an organisation the article does not name
        elif BODY_NOUN_SPEAKS and det is not None and tok.pos_ == "NOUN" and lemma in self.lex["body_nouns"]:
            kind = "body"  # "the group condemned", "his team believes", "a group of rabbis is planning" (session 22)
        elif VOICE_VERB_SUBJECT_SPEAKS and det is not None and tok.pos_ == "NOUN" and self._voices(tok):
            kind = "role"  # "the conductor explained", "the opposition asks": only someone speaks so
        elif tok.pos_ == "NOUN" and common_word(tok) and (PEOPLE_NOUN_SPEAKS and lemma in self.lex["people_nouns"] or
                                                         PEOPLE_NOUN_BY_SUFFIX and lemma.endswith(_AGENT_SUFFIXES)):
            # "the young lobbyist expressed", "Another child responded": a person no role lexicon lists (session 23b)
            kind = "anonymous" if det in (None, "a", "an", "one", "another") else "role"
        else:
            return None  # "the move suggests": an event or thing, no source
        s, e = words.start_char, words.end_char
        return {"canonical": phrase, "text": phrase, "label": "PHRASE", "kind": kind, "role": None,
                "start_char": s, "end_char": e, "found_by": "phrase"}

    def _voices(self, tok: Token) -> bool:
        """Whether ``tok`` is the subject of a verb only someone speaking or writing has ("asks", "explained",
        ``cue_verbs.json`` ``voice_verbs``) with no modal ("the map can tell us" is a figure of speech)."""
        head = tok.head
        return tok.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in self.lex["voice_verbs"] \
            and not any(c.tag_ == "MD" for c in head.children)

    def resolve_or_phrase(self, tok: Token) -> tuple[dict | None, str | None]:
        """:meth:`resolve`, else the subject as a noun-phrase speaker (:meth:`phrase_row`, how ``phrase``); a relative
        pronoun ("officials, who said …") speaks for the noun its clause describes."""
        if after_bare_preposition(tok):  # a preposition's object the parser took for the subject: no one
            return None, None
        if tok.lower_ in self.lex["relative_pronouns"] and tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
            row, how = self.resolve_or_phrase(tok.head.head)
            # "peers such as BP, which have posted …": the noun speaks here but is no speaker a later "the company"
            # or "it" refers to (a copy marked so that remember() passes it by)
            return ({**row, "via_relative": True}, "relative") if row is not None else (None, None)
        row, how = self.resolve(tok)
        if row is None:
            row = self.phrase_row(tok)
            how = "phrase" if row is not None else None
        return row, how

    def resolve(self, tok: Token) -> tuple[dict | None, str | None]:
        """(entity row, how) for a subject token; (None, None) when nothing fits."""
        self._at = tok.idx
        if tok.lemma_.lower() in self.lex["cue_nouns"]:  # "the ministry's report says": the report's owner
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is not None:
                own = [r for r in self.entities.at(owner.idx, owner.idx + len(owner))
                       if r["start_char"] <= owner.idx and r["end_char"] <= tok.idx and r["label"] in _PERSONISH | _ORGISH]
                if own:
                    return max(own, key=lambda r: r["end_char"] - r["start_char"]), "name"
                return self.resolve(owner)
        if tok.lemma_.lower() in self.lex["documents"] or tok.lower_ in self.lex["documents"]:
            # "Figures released by the agency show …": who released or published the document is its source
            agent = next((a for c in tok.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                          for a in c.children if a.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            row = self.entities.covering(pobj) if pobj is not None else None
            if row is not None and row["label"] in _PERSONISH | _ORGISH:
                return row, "name"
            if DOCUMENT_OF_NAMED_ISSUER and agent is None:  # "a Pew Research Center survey found": the named issuer
                rows = [self.entities.covering(c) for c in tok.children if c.dep_ in ("compound", "poss")]
                rows = [r for r in rows if r is not None and r["label"] in _PERSONISH | {"ORG"} and r["end_char"] <= tok.idx
                        and _named(tok.doc, r)]
                if rows:
                    return max(rows, key=lambda r: r["end_char"] - r["start_char"]), "name"
            if DOCUMENT_ISSUER_BEFORE and agent is None and tok.pos_ == "NOUN" and not any(
                    c.dep_ in ("poss", "compound") or c.dep_ == "prep" and c.lower_ in ("of", "by", "from")
                    for c in tok.children) and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in tok.children):
                row = self._issuer_before(tok)
                if row is not None:  # a speaker a later "he" or "it" does not refer to (not remembered)
                    return {**row, "via_relative": True}, "role_noun"
        row = self.entities.covering(tok)
        low = tok.lower_
        if row is not None and row["label"] in ("GPE", "LOC") and self._dateline(row):
            # "WASHINGTON (AP) — Donald Trump and … pledged": the name between the dateline and the verb
            names = [r for r in self.entities.at(row["end_char"], tok.head.idx)
                     if r["label"] in _PERSONISH | {"ORG"} and r["start_char"] >= row["end_char"]
                     and self.text[r["start_char"] - 1:r["start_char"]] != "("]  # not the agency: "(Reuters)"
            if names:
                return names[0], "name"
        if row is not None and row["label"] in ("GPE", "LOC"):
            # a dateline parsed as the subject: "MINSK, 26 September – Minister … Vladimir Makei said" (the apposition
            # stands between the subject and its verb; not a name the parse hung on the subject from after the verb)
            for child in tok.children:
                if child.dep_ == "appos" and child.i < tok.head.i:
                    people = [r for r in self.entities.at(child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
                              if r["label"] == "PERSON"]
                    if people:
                        return people[-1], "name"
        office = self._head_of_office(tok) if HEAD_OF_OFFICE else None
        if office is not None:  # "the head of the German government said": the chancellor the text named (session 21)
            holder = self._office_holder(tok, office)
            if holder is not None:
                return holder, "role_noun"
        # an unnamed role phrase with "the": "The Russian tycoon … wrote", "The Democratic governor wants"
        role_phrase = row is not None and row["found_by"] == "org_phrase" and row["label"] in _PERSONISH \
            and row["canonical"].lower().endswith(low) \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        holders = []
        if ROLE_PHRASE_TO_ROLE_HOLDER and role_phrase:
            # "the Ukrainian president, Jane Roe, … The Ukrainian president said": the one person the text gave that
            # role with a shared modifier; when people hold the role noun but none fits ("the Maine governor, Jane
            # Roe … The Democratic governor wants"), the phrase stays the speaker rather than the last person who
            # spoke (a byline, another story's subject)
            holders = self._role_holders(tok.lemma_.lower(), tok.idx, row)
            fits = {h["canonical"]: h for h in holders if self._may_be_described_as(h, row["canonical"])}
            if len(fits) == 1:
                return next(iter(fits.values())), "role_noun"
            since = self._subject_since(tok, None) if ROLE_PHRASE_TO_SUBJECT and holders and not fits else None
            if since is not None and not since.get("role"):
                # "Jane Roe could begin her speech. … the party's president said": the person the sentences just
                # before made their subject, given no role, rather than the unnamed phrase (session 19)
                return since, "role_noun"
        if role_phrase and not holders and self.last["PERSON"] is not None \
                and self._may_be_described_as(self.last["PERSON"], row["canonical"]) \
                and not (office is not None and self._other_office(self.last["PERSON"], office)):
            # the last person speaker, when the text gave that speaker no role or one that shares a modifier
            # ("Russian tycoon" for a "Russian billionaire")
            return self.last["PERSON"], "role_noun"
        if ROLE_PHRASE_TO_SUBJECT_UNHELD and role_phrase and not holders \
                and low not in lexicons.names()["generic_role_nouns"]:  # not "the former Russian official"
            since = self._subject_since(tok, None)
            if since is not None and since is not self.last["PERSON"] \
                    and self._may_be_described_as(since, row["canonical"]):
                # "Jane Roe could begin her speech. … the party's president said", no one given that role and the
                # last speaker another: the person the sentences just before made their subject (session 21)
                return since, "role_noun"
        if POSSESSOR_NOT_SPEAKER and row is not None and row["label"] == "ORG" and row["text"][:1].islower() \
                and any(c.dep_ == "poss" and c.idx < row["start_char"] for c in tok.children):
            owned, how = self._owned_body(tok)  # "Russia's defence ministry": a common-noun name keeps its owner
            if owned is not None and how == "name":
                return owned, how
        if APPOSITION_NAMES_ROLE_PHRASE and row is not None and row["found_by"] == "org_phrase" \
                and row["label"] in _PERSONISH:
            # "Russia's former president and current deputy chairman, Jane Roe, said": the person it names
            named = [self.entities.covering(c) for c in tok.subtree if c.dep_ == "appos" and c.i > tok.i and (
                c.head.i == tok.i or c.head.dep_ == "conj" and c.head.head.i == tok.i)]  # "… president and … chairman, X,"
            named = [r for r in named if r is not None and r["label"] in _PERSONISH and r["found_by"] != "org_phrase"]
            if named:
                return named[0], "name"
        if TITLE_TAGGED_ORG and row is not None and row["label"] == "ORG" and tok.tag_ not in ("NNS", "NNPS") \
                and tok.lemma_.lower() in self.lex["roles"] and set(re.findall(r"[a-z]+", row["text"].lower())[:3]) \
                & self.lex["roles"]:  # "the Minister of Foreign Affairs [ORG] of this country Jane Roe said" (session 20)
            named = [self.entities.covering(c) for c in tok.children if c.dep_ == "appos" and c.i > tok.i]
            named = [r for r in named if r is not None and r["label"] in _PERSONISH and r["found_by"] != "org_phrase"]
            person = next(iter(named), None) or self._own_apposition(tok) or self._name_closing_title(tok)
            if person is not None:
                return person, "name"
        if row is not None and row["label"] in _PERSONISH | _ORGISH and row["text"].lower() not in self.lex["roles"]:
            return row, "name"
        for child in tok.children:
            if child.dep_ == "appos" and not (APPOSITION_AFTER_VERB_NOT_NAME and tok.i < tok.head.i < child.i):
                # not a name the parse hung on the subject from beyond its verb ("The authors of the letter mentioned
                # that four reporters had been killed: Jane Roe, …" lists the killed, not the authors)
                row = self.entities.covering(child)
                if row is not None:
                    return row, "name"
        if ROLE_OWN_APPOSITION and tok.lemma_.lower() in self.lex["roles"] and tok.tag_ not in ("NNS", "NNPS"):
            row = self._own_apposition(tok)
            if row is not None:  # "The commander of the 36th Brigade, Maj. Jane Roe, told": the holder it names
                return row, "name"
        if NAME_CLOSING_TITLE and tok.lemma_.lower() in self.lex["roles"] and tok.tag_ not in ("NNS", "NNPS"):
            row = self._name_closing_title(tok)
            if row is not None:  # "Deputy Chairman of the Russian Security Council Jane Roe made …": however long
                return row, "name"
        if tok.pos_ == "PRON" and low in self.lex["pronouns"]:
            kind = self.lex["pronouns"][low]
            row = self._person_for(low) if kind == "PERSON" else \
                self._previous_subject(tok) or self.last[kind] or self.last["PERSON"]
            if SUBJECT_SINCE_SPEAKER and kind == "PERSON" and (row is not None or FIRST_NAME_GENDER and self.people):
                # (session 21: also when the first names leave no speaker of that gender)
                since = self._subject_since(tok, self.lex["pronoun_gender"].get(low))
                if since is not None and (row is None or since["canonical"] != row["canonical"]):
                    row = since
            if PRONOUN_TO_ROLE_PHRASE and low in self.lex["pronoun_gender"] and self._role_spoke_since(tok, row):
                return self.last_role, "pronoun"
            group = self.last_group
            if low in ("they", "them") and group is not None and group["start_char"] < tok.idx and (
                    row is None or row is not self._previous_subject(tok) and row["start_char"] < group["start_char"]):
                row = group
            if row is None and kind == "PERSON":
                people = [r for r in self.entities.at(tok.idx - 2000, tok.idx) if r["label"] == "PERSON"
                          and not (PRONOUN_NOT_TO_INDEFINITE and self._indefinite_phrase(r))]
                row = people[-1] if people else None
            return row, "pronoun"
        lemma = tok.lemma_.lower()
        before = [r for r in self.entities.rows if r["start_char"] < tok.idx]
        if (lemma in self.lex["roles"] or low in self.lex["roles"]) and tok.tag_ not in ("NNS", "NNPS"):
            # "the minister said": the entity given that role, else the last person who spoke ("top leaders",
            # "all three candidates" are a group, no one person)
            said = tok.doc[tok.left_edge.i:tok.i + 1].text  # "the vice president": its rank words
            candidates = [r for r in before if r["role"] and re.search(rf"\b{re.escape(lemma)}", r["role"].lower())
                          and rank_agrees(said, r["role"])]
            owned_by_it = OWNED_ROLE_IN_SENTENCE and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                         for c in tok.children)
            if owned_by_it:  # "the city of X, its mayor said": the holder of that role in a place of this sentence
                here = set(_NAME_WORD.findall(tok.sent.text[:tok.idx - tok.sent.start_char]))
                countries = {country_of(w) for w in here} - {None}
                # a name of the holder's role written in this sentence, or its country ("Finnish" for "Finland")
                candidates = [r for r in candidates if any(w in here or country_of(w) in countries
                                                           for w in _NAME_WORD.findall(r["role"]))]
                if not candidates:
                    return None, None  # someone the text has not named: the role phrase
            if ROLE_COUNTRY_AGREES:  # "the US president" is no "Russian President X"
                candidates = [r for r in candidates if not _other_country(said, r["role"])]
            if PORTFOLIO_AGREES:  # "the foreign secretary" is no "Defence Secretary X"
                candidates = [r for r in candidates if not self._other_portfolio(said, r["role"])]
            owner = self._role_owner(tok) if ROLE_OF_NAMED_OWNER and not owned_by_it else None
            if owner is not None:  # "the head of the UN refugee agency", "Estonia's prime minister": theirs only
                candidates = [r for r in candidates if self._owner_fits(owner, r)]
            if candidates:
                subject = self._subject_among(tok, candidates) if ROLE_HOLDER_BY_SUBJECT else None
                return subject or candidates[-1], "role_noun"
            last = self.last["PERSON"]
            if SUBJECT_SINCE_SPEAKER and last is not None:
                last = self._subject_since(tok, None) or last  # "X raised the topic. … said the minister": X
            # "the spokesman said" may be the last speaker; "a spokesman for X said" brings in someone new
            if last is not None and any(c.dep_ == "det" and c.lower_ not in _INDEFINITE for c in tok.children) \
                    and not self._holds_other_office(last, lemma) and rank_agrees(said, last.get("role")) \
                    and not (ROLE_COUNTRY_AGREES and _other_country(said, last.get("role"))) \
                    and not (PORTFOLIO_AGREES and self._other_portfolio(said, last.get("role"))) \
                    and (owner is None or self._owner_fits(owner, last)) \
                    and not (office is not None and self._other_office(last, office)):
                return last, "role_noun"
        if lemma in self.lex["org_heads"] or low in self.lex["org_heads"]:
            # "the ministry said": the organisation named with that head noun, else the last organisation speaker
            candidates = [r for r in before if r["label"] == "ORG" and r["canonical"].lower().endswith(low)]
            if not candidates and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
                # else, with "the", its head word anywhere in the name: "the department" is "the U.S. Department of State"
                candidates = [r for r in before if r["label"] == "ORG"
                              and re.search(rf"\b{re.escape(lemma)}\b", r["canonical"].lower())]
            owners = _named_modifiers(tok) if ORG_HEAD_OWNER_FITS else []
            if owners:  # "the Biden administration", "his government": a body of that owner only
                candidates = [r for r in candidates if _modifiers_fit(owners, r["canonical"])]
            owned = self.last["ORG"]
            if POSSESSOR_NOT_SPEAKER and owned is not None and owned.get("found_by") == "owned_body" \
                    and owned["canonical"].lower().endswith(low) \
                    and (not candidates or candidates[-1]["end_char"] <= owned["end_char"]):
                return owned, "role_noun"  # "Russia's defence ministry said … the ministry added": the same body
            if candidates:
                return candidates[-1], "role_noun"
            # else the last organisation that spoke — not a nationality or party ("Democrats said … The state
            # department announced": a department is no group of people)
            if self.last["ORG"] is not None and any(c.dep_ == "det" for c in tok.children) \
                    and not (ORG_HEAD_NOT_A_GROUP and self.last["ORG"]["label"] == "NORP") \
                    and (not owners or _modifiers_fit(owners, self.last["ORG"]["canonical"])):
                return self.last["ORG"], "role_noun"
            if owners and all(o.dep_ != "poss" for o in owners) and self.phrase_row(tok) is not None:
                return self.phrase_row(tok), "phrase"  # "the Biden administration": no body of that owner named
        if NAMED_BODY_BY_HEAD and tok.pos_ == "NOUN" and tok.tag_ == "NN" and self._voices(tok) \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # "the central bank said" after "the Central Bank of Russia": the organisation the article named with
            # that head noun and those modifiers (never just the last organisation that spoke)
            mods = {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound")}
            named = [r for r in before if r["label"] == "ORG" and (name_head(r["canonical"]) or "").lower() == low
                     and mods <= set(r["canonical"].lower().split())]
            if named:
                return named[-1], "role_noun"
        # a short phrase containing a named person: "Ukrainian President Volodymyr Zelenskyy"
        right = max([tok] + [c.right_edge for c in tok.children if c.i > tok.i and c.dep_ not in _CLAUSE_DEPS])
        if right.i - tok.left_edge.i <= 8:  # the phrase without a clause describing it ("voters supporting X")
            span_rows = self.entities.at(tok.left_edge.idx, right.idx + len(right))
            people = [r for r in span_rows if r["label"] == "PERSON"]
            owners = [r for r in people if self._owner_only(tok, r)]
            if owners:  # "Zelensky's office", "Xi's government": the office or body itself, named by its phrase
                return self._owned_body(tok)
            if people:
                return people[-1], "name"
            # a group named by what it belongs to: "Republican senators", "Border Patrol agents", "a review by the
            # Times": the organisation, else the nationality or party, else the place inside the phrase
            inside = [r for r in span_rows if r["start_char"] >= tok.left_edge.idx and r["label"] in _GROUPISH
                      and not (HYPHEN_MODIFIER_NOT_NAME and _in_hyphen_modifier(doc_text(tok.doc), r))]
            one_role = (lemma in self.lex["roles"] or low in self.lex["roles"]) and tok.tag_ not in ("NNS", "NNPS")
            # not "according to Ukrainian updates"; not one person's role: "the mayor of X said" is no X
            if DOCUMENT_OF_NAMED_ISSUER and (lemma in self.lex["documents"] or low in self.lex["documents"]):
                # "Court documents show": one common noun the model tagged is no organisation issuing the document
                inside = [r for r in inside if _named(tok.doc, r)]
            if inside and tok.dep_ in ("nsubj", "nsubjpass") and not one_role:
                return min(inside, key=lambda r: (_GROUPISH.index(r["label"]), -r["start_char"])), "name"
        return None, None


ROLE_OWN_APPOSITION = True  # session 19 (resolve): "The commander of X, Maj. Jane Roe, told" is Jane Roe; switch to measure it
ROLE_OF_NAMED_OWNER = True  # session 19 (resolve): "the head of <body>" is no last speaker of another; switch to measure it
ROLE_PHRASE_TO_SUBJECT = True  # session 19 (resolve): "the PiS president" after "X could begin"; switch to measure it
APPOSITION_NAMES_ROLE_PHRASE = True  # session 19 (resolve): "Russia's former president, Jane Roe, said"; switch to measure it
NAME_CLOSING_TITLE = True  # session 19 (resolve): "Advisor of the President of X Jane Roe stated"; switch to measure it
PRONOUN_NOT_TO_INDEFINITE = True  # session 19 (resolve): "he" is no earlier "a correspondent"; switch to measure it
TITLE_TAGGED_ORG = True  # session 20: a title tagged ORG ("the Minister of Foreign Affairs") before its holder's name; switch to measure it
PRONOUN_TO_ROLE_PHRASE = True  # session 20: "said the head of the agency. She added" is the head; switch to measure it
PORTFOLIO_AGREES = True  # session 20: "the foreign secretary" is no "Defence Secretary X"; switch to measure it
ROLE_COUNTRY_AGREES = True  # session 20: "the US president" is no "Russian President X"; switch to measure it
ORG_HEAD_OWNER_FITS = True  # session 20: "the Biden administration" is no last organisation of another name; switch to measure it
ROLE_HOLDER_BY_SUBJECT = True  # session 20: "the former president" is the holder last made a subject; switch to measure it
PHRASE_WITHOUT_WHEN = True  # session 20: "officials on Sunday said" speak as "officials"; switch to measure it
GENDER_FROM_ROLE = True  # session 21: "spokeswoman Jane Roe" is a she for later pronouns; switch to measure it
PRONOUN_TO_KNOWN_GENDER = False  # session 21, tried and not kept (claims dev speakers 383 -> 377): a pronoun preferring a speaker of known agreeing gender
ROLE_PHRASE_TO_SUBJECT_UNHELD = True  # session 21: ROLE_PHRASE_TO_SUBJECT when no one holds the role noun; switch to measure it
SHARE_SUBJECT_GROUP = True  # session 22: "Six in 10 said", "Nearly half say", "at least 21,000 said" are a group; switch to measure it
_NOT_SHARE_ENTS = ("DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL")
BODY_NOUN_SPEAKS = True  # session 22: "the group condemned", "its board recommended" are an unnamed body; switch to measure it
HEAD_OF_OFFICE = True  # session 21: "the head of the German government" is the chancellor named; switch to measure it
NAME_BEFORE_ADJUNCT = True  # session 20: "the chairman of the Council Jane Roe yesterday in Parliament said"; switch to measure it


def common_word(tok: Token) -> bool:
    """A word written as a common noun is: in lower case, or capitalised only as its sentence's first word."""
    return tok.is_lower or tok.i == tok.sent.start and tok.is_title


def _other_country(phrase: str, role: str | None) -> bool:
    """Whether a role phrase's words before its noun and a stated role each name a country and no country is in
    both ("the US president", "Russian President"; not "the MP"; session 20, :data:`ROLE_COUNTRY_AGREES`)."""
    said, held = ({k for k in org_key(t) if k.startswith("@")} for t in (phrase.rpartition(" ")[0], role or ""))
    return bool(said) and bool(held) and not said & held


def _named_modifiers(tok: Token) -> list[Token]:
    """The modifiers before a body's head noun that say whose body it is: a name ("the Biden administration", "the
    Russian defence ministry") or a possessive pronoun ("his government"; session 20, :data:`ORG_HEAD_OWNER_FITS`)."""
    return [c for c in tok.children if c.i < tok.i and c.dep_ in ("compound", "amod", "poss", "nmod")
            and (c.ent_type_ in _PERSONISH | _ORGISH or c.dep_ == "poss" and c.pos_ == "PRON")]


def _modifiers_fit(owners: list[Token], name: str) -> bool:
    """Whether an organisation's name holds every owner word, or its country ("Russian" for "Russia's …"); a
    pronoun fits no name."""
    words, countries = set(name.lower().split()), {k for k in org_key(name) if k.startswith("@")}
    return all(o.pos_ != "PRON" and (o.lower_ in words or f"@{country_of(o.text)}" in countries) for o in owners)


def _when_or_channel(c: Token) -> bool:
    """Whether a modifier after a phrase speaker's head says when it spoke or through what ("circles on Sunday",
    "last week", "during the debate", "in a letter"), no part of who speaks (session 20, :data:`PHRASE_WITHOUT_WHEN`)."""
    if c.dep_ == "npadvmod":
        return _date_phrase(c)
    return c.dep_ == "prep" and (c.lower_ == "during" or _channel(c) or any(
        o.dep_ == "pobj" and _date_phrase(o) for o in c.children))


def _date_phrase(o: Token) -> bool:
    """Every noun of the phrase ``o`` heads is in a date or time ("Sunday", "early March"; not "Russia Today")."""
    nouns = [t for t in o.subtree if t.pos_ in _PHRASE_POS]
    return bool(nouns) and all(t.ent_type_ in ("DATE", "TIME") for t in nouns)


def _when_where_adjuncts(tok: Token) -> set[int]:
    """The tokens of the adjuncts a role noun's parse hangs after it that say when or where its holder spoke, not
    whose role it is: a date or time ("yesterday", "last week") and a preposition on the head other than
    of/for/to/at/with ("… Jane Roe during the meeting of the Council", "… Jane Roe yesterday in Parliament"; session
    20, :data:`NAME_BEFORE_ADJUNCT`)."""
    out = set()
    for c in tok.children:
        if c.i > tok.i and (c.dep_ == "npadvmod" and _date_phrase(c)
                            or c.dep_ == "prep" and c.lower_ not in ("of", "for", "to", "at", "with")):
            out |= {t.i for t in c.subtree}
    return out

# switched off only to measure it: "the <modifier> <role>" is the one person the text gave that role with a shared
# modifier, and never the last speaker when someone else holds the role noun (session 12)
ROLE_PHRASE_TO_ROLE_HOLDER = True

NAMED_BODY_BY_HEAD = True  # session 17: "the central bank said" is the bank the article named; switch to measure it


VOICE_VERB_SUBJECT_SPEAKS = True  # session 17: "the conductor explained" is a role speaker; switch to measure it
PEOPLE_NOUN_BY_SUFFIX = False  # session 23b, tried: an agent suffix ("interviewer", "activist") as the people-noun test
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent")
PEOPLE_NOUN_SPEAKS = True  # session 23b: "the young lobbyist expressed" (people_nouns.json) is a role speaker; switch to measure it


HYPHEN_MODIFIER_NOT_NAME = True  # session 15, switched off only to measure it


def _in_hyphen_modifier(text: str, row: dict) -> bool:
    """A name inside a hyphenated modifier ("Kremlin-backed separatists", "pro-Russian militias", "the Russia-ally")
    says who backs or is backed, not who the group is."""
    start, end = row["start_char"], row["end_char"]
    after = text[end:end + 2]
    return len(after) == 2 and after[0] == "-" and after[1].islower() \
        or start >= 2 and text[start - 1] == "-" and text[start - 2].islower()


def _named(doc, row: dict) -> bool:
    """Whether an entity row is more than one common noun ("Court" opening "Court documents show" is none)."""
    span = doc.char_span(row["start_char"], row["end_char"], alignment_mode="expand")
    return span is None or len(span) > 1 or span[0].pos_ == "PROPN"


def _main_clause(verb: Token) -> bool:
    """Whether ``verb`` heads its sentence's main clause, or a clause joined to it by "and"/"but"."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


# switched off only to measure it: a gendered pronoun or "the <role>" speaker is the person named as a subject since the
# last person speaker was remembered, when there is one (round 14, SpeakerTracker._subject_since)
SUBJECT_SINCE_SPEAKER = True


# switched off only to measure it: a figure's clause set apart from a reporting verb by a semicolon is not its (round 14)
SEMICOLON_APART_CLAIMS = True


# switched off only to measure it: "the report" is whoever issued the nearest earlier "report" when the text says who
# did (round 14, SpeakerTracker._issuer_before)
DOCUMENT_ISSUER_BEFORE = True


# switched off only to measure it: "the department said" never falls back to a nationality or party (session 12)
ORG_HEAD_NOT_A_GROUP = True

# a document whose issuer is named in it ("a Pew Research Center survey", "the Kremlin's statement") is the issuer's
# (session 14; a switch to measure it)
DOCUMENT_OF_NAMED_ISSUER = True

# "its mayor", "their spokesman": only a holder of that role in a place or organisation named earlier in the same
# sentence, else an unnamed role (session 14; a switch to measure it)
OWNED_ROLE_IN_SENTENCE = True

# a person who only owns the speaking office or role ("Zelensky's office", "the senator's spokesman") is not the
# speaker; the phrase is (session 14; a switch to measure it)
POSSESSOR_NOT_SPEAKER = True


def semicolon_between(verb: Token, clause: Token) -> bool:
    """"… airstrikes kill 11 civilians; Rescuers say …": a clause the parser hung on a verb across a semicolon is a
    clause of its own, not what the verb reports (round 14, ``statements.SEMICOLON_APART``)."""
    doc = verb.doc
    between = doc[clause.right_edge.i + 1:verb.i] if clause.i < verb.i else doc[verb.i + 1:clause.left_edge.i]
    return any(t.text == ";" for t in between)


def attribution_verb(tok: Token, verbs: set[str], resolve) -> tuple[dict | None, Token | None]:
    """The source of a figure held by ``tok``: the subject (or passive agent) of the nearest governing verb in
    ``verbs``, resolved with ``resolve``; ``(row, verb)`` or ``(None, None)``; not across a semicolon that sets the
    figure's clause apart from the verb (round 14)."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            break
        if SEMICOLON_APART_CLAIMS and node.dep_ in ("ccomp", "conj", "parataxis") and semicolon_between(node.head, node):
            return None, None
        node = node.head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in verbs:
            for child in node.children:
                if child.dep_ == "nsubj":
                    row, _ = resolve(child)
                    return row, node
                if child.dep_ == "agent":  # passive: "confirmed by the BBC"
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        row, _ = resolve(pobj)
                        return row, node
            return None, None
    return None, None
