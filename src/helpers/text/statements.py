"""Attributed statements: direct quotes, indirect speech and "according to" attributions.

How a statement is found (all rules read their words from ``text/rules/cue_verbs.json``):

- **indirect**: a reporting verb (say, tell, add, estimate, claim, …) with a subject; the content
  is its clausal complement (or, for verbs like *claim*/*announce*/*confirm*, its object).
  A subject-less verb (conjunct "… and claims", "was quoted as saying") takes the subject of
  the verb it hangs from.
- **direct**: a quotation (curly quotes may run over several sentences and paragraphs and stay
  one statement). The speaker is the reporting verb next to it in the same sentence
  ("“…,” Austin said"), else the name before a colon introducing it ("…given by X: “…”"),
  else — for a quote standing alone — the speaker of the statement just before it.
- **according_to**: "according to X" / "citing X"; the content is the rest of the sentence.
- **own line**: "He said:" at the end of a line introduces the following line as the content.
- **dash quotation**: "- … - he said." (a dash opening a line or following a sentence end, closed by a spaced
  dash that a reporting verb follows) is a quotation like one in quotation marks.
- **noun cue**: a reporting verb the tagger read as a noun ("Ukraine's military claims that …", "…, customs
  data show.").
- **hedged clause**: "X appears to …", "it seems that …" (``evidential_verbs``): the clause is a statement whose
  speaker is unknown (the writer hedges; the subject is not speaking).
- **fallback content**: a cue with a subject whose content none of the rules read — a speech verb's object
  ("denied the allegations"), else what hangs on the cue after it ("describes herself as a moderate"); the statement
  filter always judges these, and ``claims`` credits no figure through them.
- **named object, then a preposition** (round 11): "Poland criticised Hungary for blocking the aid" — a stance verb whose
  only object is a name reports the object of "of"/"for"/"about"/"over"/"on"/"against" after it; a common-noun object
  is read with such a preposition right after it ("took a shot at X" for a cue-model verb, "at" too).
- **relative clause** (round 11): "…, which Democrats say could be aiding Sanders" — the clause after the cue when the
  parser hung the relative pronoun in it.
- **participle with an agent** (round 11): "the campaign, first reported by The Washington Post, …" — the noun the
  participle describes is the content, the agent the speaker.
- **a content ends before another cue's clause** (round 12): "said A and suggested B", "…, while 22 percent said …",
  "… policies, which he said had harmed …" — a conjunct, a clause of contrast or a trailing relative clause that another
  cue heads is that cue's content, not part of this one's.
- **the clause after the cue** (round 12): where the parser made a clause before the cue its complement and the cue has
  a clause after it ("I saw her surprise — he expected me to read …"), the clause after it.
- **document phrase** (round 12): "In a new poll by X, …", "By the ministry's tally, …" — "in"/"by" and a document
  noun set off before a clause no cue heads: the clause, the source a name inside the phrase (else unknown).
- **model cue**: a verb outside the lists that the trained cue model (:mod:`helpers.text.cuemodel`) scores as a
  cue is read like a listed stance verb by the same rules; its object is its content only from the model's
  ``object_threshold``, and nested in another statement it never replaces that statement's speaker. A noun outside
  the cue-noun lists with a that-clause or a prepositional object ("her opposition to X", "fears that …") that the
  model scores as a cue is read by the cue-noun rules (rule ``model_noun``: the owner is the source, else unknown;
  ``claims`` credits no figure through it).

- **session 17**: a cue in a relative clause whose object is the gap reports the noun it describes ("a plan the
  governor once supported", ``RELATIVE_GAP_OBJECT``); "X is quick to note that …" — the subject of "be" speaks through a
  (non-modal) adjective (``SUBJECT_THROUGH_ADJECTIVE``); "His view is that …" (``COPULA_CONTENT``); a cue with its own
  complement clause before a quotation reports the clause, not the quotation (``QUOTE_NOT_OVER_CLAUSE``); "endorsed
  her", "opposes it" (``PRONOUN_OBJECT_CONTENT``).

Speakers resolve to entity canonical names: a named subject directly; a subject with an
apposition ("The head of …, Kyrylo Budanov, told"); pronouns (he/she → the most recent named
person speaker, it/they → the most recent organisation/place speaker); a role noun ("the
spokesman said") → the most recent entity whose stated role has that noun; a group subject named by what it
belongs to ("Republican senators", "lawyers for the union") → that organisation, party or place; a participle
("voters supporting X") → the noun it describes; else "(unknown)". A cue in the middle of its sentence ("The
closures, he said, have …") reports the whole sentence; two apostrophes (''…'') quote like a double quotation mark.
"""
from __future__ import annotations

import bisect
import functools
import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from helpers.text import cuemodel, statementmodel
from helpers.core.tokens import doc_text
from helpers.text import lexicon as lexicons
from helpers.text.attribution import _PERSONISH, EntityLookup, _when, SpeakerTracker, _lex, common_word, entity_mention, mention_span, semicolon_between, speaker_kind, subject_mention  # noqa: F401
from helpers.text.entities import after_bare_preposition, noun_cue_subject
from helpers.text.entities import role_holders

from helpers.core.schemas import UNKNOWN  # noqa: E402  (re-exported)
_DIRECT_QUOTE = re.compile(r"“[^“”]{2,4000}”|\"[^\"\n]{2,1500}\"|«[^«»]{2,4000}»|(?<!\w)''(?:(?!'')[^\n]){2,1500}''")
# a straight opening mark closed by a curly one on the same line (mixed typography): a quotation too (round 13)
_MIXED_QUOTE = re.compile(r"\"[^\"“”\n]{2,1500}”")
MIXED_QUOTES = True  # round 13, switched off only to measure it
MIN_QUOTE_WORDS = 4
MAX_HEADING_WORDS = 8  # a line this short without a closing stop is a heading
MAX_COLON_GAP = 5  # characters of white space between a colon and the quotation it introduces
MAX_SPEAKER_GAP = 80  # characters from the end of a quotation to the reporting verb after it on its line
_DEMONSTRATIVE = re.compile(r"^(?:that|this|these|those)(?:\s*(?:is|was|are|were|'s|’s))?$", re.I)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


@functools.lru_cache(maxsize=4)
def _matcher(vocab) -> Matcher:
    lex = _lex()
    m = Matcher(vocab)
    m.add("VERB", [[{"LEMMA": {"IN": sorted(lex["speech"] | lex["stance"] | set(lex["prep_cues"]))},
                     "POS": {"IN": ["VERB", "AUX"]}}]])
    m.add("NOUN", [[{"LEMMA": {"IN": sorted(lex["cue_nouns"])}, "POS": "NOUN"}]])
    m.add("NOUN_CUE", [[{"LEMMA": {"IN": sorted(lex["speech"])}, "POS": "NOUN"}]])
    m.add("EVIDENTIAL", [[{"LEMMA": {"IN": sorted(lexicons.cue_verbs()["evidential_verbs"])}, "POS": "VERB"}]])
    m.add("ACCORDING", [[{"LOWER": p[0]}] + [{"LOWER": w} for w in p[1:]] for p in lex["according"]])
    return m


@functools.lru_cache(maxsize=1)
def _listed_nouns() -> frozenset[str]:
    """Noun lemmas the cue model does not score: the listed cue nouns, the reporting verbs the tagger may read as
    nouns (``claims``, ``reports``: read by :func:`_noun_cue`) and ``not_model_cues`` ("an attack on the city")."""
    lex = _lex()
    return frozenset(lex["cue_nouns"] | lex["document_cue_nouns"] | lex["speech"]
                     | set(lexicons.cue_verbs()["not_model_cues"]))


@functools.lru_cache(maxsize=1)
def model_noun_preps() -> frozenset[str]:
    """The prepositions whose object a noun the cue model scores may report (see :func:`_noun_preps`)."""
    lex = _lex()
    return frozenset(lex["cue_noun_preps"] | lex["stance_preps"])


@functools.lru_cache(maxsize=1)
def _listed_verbs() -> frozenset[str]:
    """Lemmas the cue model (:mod:`helpers.text.cuemodel`) does not score: those the word lists read as reporting
    verbs, and those it must never read as cues (``not_model_cues``)."""
    lex = _lex()
    return frozenset(lex["speech"] | lex["stance"] | set(lex["prep_cues"]) | set(lexicons.cue_verbs()["not_model_cues"]))


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it hangs from (a passive subject is read by :func:`_passive_source`).
    None for a passive participle clause of its own ("Asked about the losses, Smith said …"): the main clause's
    subject is who was asked, not who spoke."""
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and verb.head.i > verb.i \
            and not any(c.dep_ in _SUBJECT_DEPS or c.dep_ in ("aux", "auxpass", "mark", "agent") for c in verb.children):
        return None
    head = verb.head
    if PARTICIPLE_TO_REPORTER and verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.dep_ == "ccomp" \
            and head.head.i < head.i and head.head.lemma_.lower() in _lex()["speech"]:
        # "X said that training the forces would not escalate, adding that …": the parser hung the participle on the
        # reported clause; who adds is who said, not the clause's subject
        return _subject(head.head)
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS]
        if len(subjects) > 1 and _dateline(subjects[0]):
            subjects = subjects[1:]  # "WASHINGTON (AP) — Tom Hale said": the dateline the parser made a subject
        if len(subjects) > 1 and tok.i > 0 and tok.doc[tok.i - 1].is_punct and subjects[-1].i > tok.i:
            return _true_subject(subjects[-1])  # "…, forces on the ground, said Tom Hale": the inverted subject
        if SUBJECT_AFTER_QUOTATION and len(subjects) > 1 and any(
                t.tag_ == "''" for t in tok.doc[subjects[0].i:subjects[-1].i]):
            return _true_subject(subjects[-1])  # "“Good news, we agree,” Jane Roe said": "news" is none
        if RELATIVE_BEFORE_SPEAKER and len(subjects) > 1 and subjects[0].tag_ in _RELATIVE_WORDS \
                and subjects[0].i + 1 == subjects[1].left_edge.i and subjects[1].i < tok.i:
            return _true_subject(subjects[1])  # "the emails, which she said were all": she speaks, "which" is said of
        if len(subjects) > 1 and subjects[0].pos_ == "NOUN" and subjects[0].right_edge.i + 1 == subjects[1].left_edge.i \
                and all(t.pos_ == "PROPN" for t in subjects[1].subtree):
            return _true_subject(subjects[1])  # "The region's governor Vyacheslav Gladkov said": a title split off
        if subjects:
            return _true_subject(subjects[0])
        if tok.i == verb.i and (named := _inverted_object_speaker(verb)) is not None:
            return named
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            issuer = _issuer(tok.head) if DOCUMENT_ISSUER_SPEAKS else None
            return issuer or tok.head  # "a group backing the bill", "voters supporting the plan"
        if OBJECT_CONTROL and tok.dep_ == "xcomp" and (obj := _controlling_object(tok)) is not None:
            return obj  # "the leak led Republicans to say …", "leaving many to wonder …": who says is the object
        if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and tok.head.i != tok.i:
            tok = tok.head
        elif SUBJECT_THROUGH_ADJECTIVE and tok.dep_ == "acomp" and tok.pos_ == "ADJ" and tok.i != verb.i \
                and tok.lemma_.lower() not in _lex()["modal_adjectives"]:
            tok = tok.head  # "X is quick to note that …", "the group was more likely to back Y": X, the group
        else:
            break
    return None


def _inverted_object_speaker(verb: Token) -> Token | None:
    """"… in front of children, writes Jane Roe in Lviv.", "“…,” writes John Smith.": a speech verb after the clause
    it reports, set off by a comma or a closing quotation mark, whose speaker (a name right after it) the parser took
    for its object; the name speaks (``INVERTED_OBJECT_SPEAKER``, session 21)."""
    doc = verb.doc
    if not INVERTED_OBJECT_SPEAKER or verb.i == 0 or doc[verb.i - 1].text not in (",", "”", '"', "''") \
            or verb.lemma_.lower() not in _lex()["speech"] or verb.lemma_.lower() in lexicons.cue_verbs()["addressee_verbs"] \
            or not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or obj.pos_ != "PROPN" \
            or any(t.pos_ not in ("PROPN", "DET", "PUNCT") and t.dep_ not in ("compound", "prep", "pobj", "appos")
                   for t in obj.subtree):
        return None
    return obj


INVERTED_OBJECT_SPEAKER = True  # session 21, switched off only to measure it


def _controlling_object(xcomp: Token) -> Token | None:
    """The object of the verb an infinitive completes, standing between them ("led Republicans to say", "urged the
    council to reject"): the one who does what the infinitive says (object control; session 18). Not a reflexive
    ("allowed himself to say": the subject) nor an expletive."""
    verb, lex = xcomp.head, _lex()
    if verb.lemma_.lower() in lex["speech"] | lex["stance"] or verb.lemma_.lower() in _listed_verbs():
        return None  # "urged voters to reject …": the urging is the attribution, its subject the source
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < xcomp.i), None)
    if obj is None or obj.lower_.endswith(("self", "selves")) or obj.lower_ in lex["no_source_words"]:
        return None
    if obj.ent_type_ in ("DATE", "TIME") or any(  # "spent many hours …", "spent most of her time …"
            o.tag_ in ("NN", "NNP") or o.ent_type_ in ("DATE", "TIME") for p in obj.children if p.lower_ == "of"
            for o in p.children):
        return None
    if any(c.lower_ in lex["floating_quantifiers"] for c in obj.children):
        return None  # "inviting all candidates to speak": all of a group, no one in particular
    people = set(lex["pronouns"]) | lex["group_pronouns"]
    if obj.lower_ in people or obj.tag_ == "PRP" or obj.pos_ == "PROPN" or obj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or any(
            c.lower_ in lex["group_pronouns"] for c in obj.children) or obj.lemma_.lower() in lex["anonymous_nouns"] | lex["roles"]:
        return obj  # a person or some of a group ("led some allies to say"), not a thing ("used an expletive to …")
    return None


SUBJECT_AFTER_QUOTATION = True  # round 12, switched off only to measure it
RELATIVE_BEFORE_SPEAKER = True  # session 20, switched off only to measure it
OBJECT_CONTROL = True  # session 18, switched off only to measure it
SUBJECT_THROUGH_ADJECTIVE = True  # session 17, switched off only to measure it
EXPLETIVE_IT_NO_SOURCE = True  # session 15, switched off only to measure it
PARTICIPLE_TO_REPORTER = True  # session 15, switched off only to measure it
ADDRESSEE_BEFORE_COLON = True  # session 13, switched off only to measure it
DOCUMENT_ISSUER_SPEAKS = True  # round 13, switched off only to measure it
COLON_LINE_OVER_INNER = True  # round 13, switched off only to measure it
CITING_IS_SUBJECTS = True  # round 13, switched off only to measure it


_ISSUING_VERBS = ("issue", "release", "send", "write", "publish", "post", "tweet", "email", "put", "revise", "file",
                  "sign", "circulate", "distribute", "run", "air", "launch", "draft", "deliver", "submit")


def _issuer(noun: Token) -> Token | None:
    """The subject of the verb whose object is the document ``noun`` ("The league issued a statement saying …": the
    league), or None: who issues a statement speaks through it, as who released it does ("figures released by X")."""
    if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in _ISSUING_VERBS or (
            noun.lemma_.lower() not in _lex()["documents"] and noun.lower_ not in _lex()["documents"]):
        return None  # "Police found a letter saying …": who finds a document is not its author
    subjects = [c for c in noun.head.children if c.dep_ in ("nsubj",)]
    return _true_subject(subjects[0]) if subjects else None


def _dateline(subj: Token) -> bool:
    """A subject that opens its line and runs up to a dash over names, numbers and marks only: a dateline
    ("PHILADELPHIA, July 25 (UPI) —")."""
    doc, start = subj.doc, subj.left_edge.i
    if start > 0 and "\n" not in doc[start - 1].text:
        return False
    dash = next((t.i for t in doc[subj.i + 1:subj.right_edge.i + 2] if t.text in ("—", "–", "--")), None)
    # only names, numbers and marks before the dash: a place, a date, an agency ("figures — whose party …" is none)
    return dash is not None and all(t.pos_ in ("PROPN", "NUM", "PUNCT", "SPACE") for t in doc[start:dash])


def _true_subject(subj: Token) -> Token:
    """``subj``, or where the parser made a preposition's object the subject ("despite the agency's shift in tone,
    the ministry said …"), the name set off by a comma inside that phrase which is the real subject (the parser
    hangs it as an apposition); with none, ``subj`` (its speaker stays unknown, see ``SpeakerTracker.resolve``).
    Where the parser made a word of the quotation before the cue the subject and the name after the closing mark its
    apposition, the name."""
    after_quote = [t for t in subj.subtree if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i > subj.i
                   and t.left_edge.i > 0 and subj.doc[t.left_edge.i - 1].text in ("”", "''", '"')]
    if after_quote:  # "… good reporter, this guy,” Trump, the frontrunner, said": the name after the quotation
        return after_quote[0]
    if not after_bare_preposition(subj):
        return subj
    names = [t for t in subj.subtree if t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN")
             and t.left_edge.i > subj.i and subj.doc[t.left_edge.i - 1].text == ","]
    return names[-1] if names else subj


def _edges(tokens: list[Token]) -> tuple[int, int]:
    left = min(t.left_edge.idx for t in tokens)
    right = max(t.right_edge.idx + len(t.right_edge) for t in tokens)
    return left, right


ADVERBIAL_CLAUSE_NOT_CONTENT = True  # session 15, switched off only to measure it
WITH_PHRASE_CONTENT = True  # session 15, switched off only to measure it


def _adverbial_mark(clause: Token) -> bool:
    """A clause the parser made a verb's complement that a subordinator of time, cause or manner opens ("as the
    number of refugees reached 1 million, the council called a session", "when the talks failed") is an adverbial
    clause, not what the verb reports; a complement is opened by "that", "whether", "if", "for" or nothing (a
    determiner the parser made a mark, "said the the diplomats …", opens no adverbial clause)."""
    opening = lexicons.cue_verbs()["complementizers"]  # "for": "showed support for X rising", "called for X to go"
    return any(c.dep_ == "mark" and c.pos_ == "SCONJ" and c.lower_ not in opening for c in clause.children)


def _absolute(with_: Token) -> bool:
    """A "with" phrase that states something of its own ("with 30 soldiers killed", "with 64% of respondents backing
    it", "with food up 20%"), not a "with" of means or company ("with help from three insurers")."""
    return any(t.pos_ == "VERB" and t.tag_ in ("VBG", "VBN") or t.lower_ in ("up", "down") and t.dep_ != "prt"
               for t in with_.subtree if t is not with_)


TRAILING_REPORTER_OUTER = True  # session 18, switched off only to measure it


def _trailing_reporter(verb: Token, lex) -> Token | None:
    """"X said missiles hit four depots, Reuters reported.": the parser hung the trailing "Reuters reported" on
    "said" as its complement and gave it the reported clause. The trailing cue reports X's statement (it is the
    outer one) and X's content is that clause. Returns the clause when ``verb`` is such a trailing cue: a speech
    verb, complement of an earlier verb, its subject (not a pronoun) after a comma and after the clause, nothing it
    governs after it but adjuncts (``TRAILING_REPORTER_OUTER``)."""
    if not TRAILING_REPORTER_OUTER or verb.dep_ != "ccomp" or verb.head.i > verb.i or verb.head.pos_ not in ("VERB", "AUX") \
            or verb.lemma_.lower() not in lex["speech"]:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if clause is None or subj is None or subj.pos_ == "PRON" or not clause.right_edge.i < subj.left_edge.i < verb.i \
            or verb.doc[subj.left_edge.i - 1].text != ",":  # "…, he said": the same speaker going on, no reporter
        return None
    if any(c.i > verb.i and c.dep_ not in ("punct", "advmod", "npadvmod", "prep") for c in verb.children):
        return None
    return clause


def _content_span(verb: Token, lex, stance: bool = False) -> tuple[int, int] | None:
    """Character span of what a cue verb reports: its clausal complement; for object-content and stance verbs
    their object and complements ("asked the crowd to stand"); "said that …" parsed as advcl; for stance verbs
    the object of a content preposition ("warned of X", "called for X"). ``stance``: read the verb as a stance verb
    whatever its lemma (a cue found by the cue model, :mod:`helpers.text.cuemodel`)."""
    lemma = verb.lemma_.lower()
    if (clause := _trailing_reporter(verb, lex)) is not None:  # the trailing cue reports the whole statement before it
        return verb.head.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    for child in verb.children:
        if child.dep_ == "ccomp" and (clause := _trailing_reporter(child, lex)) is not None:
            return _edges([clause])  # "X said [missiles hit …], Reuters reported": X's own content stops at the comma
        if child.dep_ == "ccomp" and not (SEMICOLON_APART and semicolon_between(verb, child)) \
                and not (ADVERBIAL_CLAUSE_NOT_CONTENT and _adverbial_mark(child)):
            after = _complement_after(verb, child, lex, stance or lemma in lex["stance"])
            span = _edges([after if after is not None else child])
            return _after_semicolon(verb, span) if SEMICOLON_APART and span[1] <= verb.idx else span
    if lemma in lex["speech"] and (that := _that_clause_on_adjunct(verb)) is not None:
        return _edges([that])
    stance = stance or lemma in lex["stance"]
    if lemma in lex["object_content"] or stance:
        deps = ("dobj", "xcomp", "attr") if lemma in lex["object_content"] else lex["content_deps"]
        parts = [c for c in verb.children if c.dep_ in deps and (c.i > verb.i or lemma in lex["object_content"])]
        if lemma not in lex["object_content"] and all(c.right_edge.i == c.left_edge.i and c.pos_ == "PRON" for c in parts) \
                and not (PRONOUN_OBJECT_CONTENT and lemma in lexicons.cue_verbs()["pronoun_object_cues"]
                         and not any(c.lower_.endswith(("self", "selves")) for c in parts)):
            # "accused him", "told them": a bare pronoun object is whom it was said to or of; but "endorsed her",
            # "opposes it" (pronoun_object_cues, session 17): what is judged — not "defend itself", a deed
            parts = []
        if parts and stance and lemma not in lex["object_content"]:
            reason = _reason_object(verb, parts)
            if reason is not None:
                return reason
            parts = parts + _object_preposition(verb, parts, model=lemma not in lex["stance"])
        if parts:
            parts = parts if stance else parts[:1]
            if WITH_PHRASE_CONTENT and lemma in lex["object_content"]:
                # "found broad support, with 64% of respondents backing it": what the finding is made of
                end = max(p.right_edge.i for p in parts)
                parts = parts + [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i > end
                                 and _absolute(c)]
            return _edges(parts)
    for child in verb.children:  # "said that …" parsed as advcl / "adding that …"; "called for X to go" (stance)
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and (c.lower_ == "that" or stance and c.lower_ == "for"
                                                               and c.i > verb.i) for c in child.children):
            return _edges([child])
    preps = lex["stance_preps"] if stance else lex["prep_cues"].get(lemma)
    if preps:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > verb.i:
                objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")]
                if objs:
                    return _edges(objs)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is not None and any(c.dep_ == "agent" for c in verb.children) and subj.pos_ != "PRON":
        return _edges([subj])  # "The plan was criticized by the mayor": what was spoken of
    return None


SEMICOLON_APART = True  # round 14, switched off only to measure it
PRONOUN_OBJECT_CONTENT = True  # session 17, switched off only to measure it


def _after_semicolon(verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """A complement before its cue starts after the last semicolon in it that no quotation holds ("A kill 11; B say
    …; C will continue, X says": C)."""
    doc, start = verb.doc, span[0]
    text = doc_text(doc)
    for t in doc[verb.sent.start:verb.i]:
        if t.text == ";" and span[0] <= t.idx < span[1] and not _inside_quotation(text, verb.sent.start_char, t.idx):
            start = t.idx + 1
    while start < span[1] and text[start].isspace():
        start += 1
    return start, span[1]


def _inside_quotation(text: str, start: int, at: int) -> bool:
    before = text[start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _that_clause_on_adjunct(verb: Token) -> Token | None:
    """"Roe told reporters after a meeting of the board that the pier would close": a "that" clause with its own subject that
    the parser hung as a relative clause on the object of a preposition after the cue — the cue's complement (round
    14). None when there is none (or the rule is off)."""
    if not THAT_CLAUSE_ON_ADJUNCT:
        return None
    return next((r for p in verb.children if p.dep_ == "prep" and p.i > verb.i for o in p.children if o.dep_ == "pobj"
                 for r in o.children if r.dep_ == "relcl"
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in r.children)
                 and any(x.dep_ in _SUBJECT_DEPS for x in r.children)), None)


THAT_CLAUSE_ON_ADJUNCT = True  # round 14, switched off only to measure it


def _complement_after(verb: Token, before: Token, lex, stance: bool) -> Token | None:
    """"When I began to speak I saw her surprise — he expected me to read the statement", "… ticking away — both sides
    sought to give every appearance of warmth": where the parser made the clause before the cue its complement and the
    cue has a clause after it (or, for an object-content or stance cue, an object after it and a dash, semicolon or
    colon between), that is what it reports; the clause before is the writer's. None: keep ``before``."""
    if not READ_COMPLEMENT_AFTER or before.i > verb.i:
        return None
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("ccomp", "xcomp")
             and not (SEMICOLON_APART and semicolon_between(verb, c))]
    if after:
        return after[0]
    between = verb.doc[before.right_edge.i + 1:verb.i]
    if (stance or verb.lemma_.lower() in lex["object_content"]) \
            and any(t.text in ("—", "–", "--", ";", ":", ".") for t in between):
        after = [c for c in verb.children if c.i > verb.i and c.dep_ == "dobj" and c.pos_ != "PRON"]
    return after[0] if after else None


READ_COMPLEMENT_AFTER = True


TARGET_PREPS = ("of", "for", "about", "over", "on", "against")  # "accused X of …", "blasted X for …"
_TARGET_ENTS = ("PERSON", "ORG", "GPE", "NORP")


def _reason_object(verb: Token, parts: list[Token]) -> tuple[int, int] | None:
    """"Poland criticised Hungary for blocking the aid", "critics accused Washington of throwing away …": a stance
    verb whose only object names whom it is said of (a name or an entity), followed by a preposition of
    ``TARGET_PREPS`` — the content is that preposition's object, as for a bare pronoun object ("accused him of …")."""
    if not READ_REASON_OBJECT or any(c.dep_ != "dobj" for c in parts) or len(parts) != 1:
        return None
    obj = parts[0]
    if not (obj.pos_ == "PROPN" or obj.ent_type_ in _TARGET_ENTS):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS and child.i > obj.i:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME")]
            if objs:
                return _edges(objs)
    return None


def _object_preposition(verb: Token, parts: list[Token], model: bool) -> list[Token]:
    """"took a shot at Hillary Clinton", "criticised the ministry for its slow response": a preposition of ``TARGET_PREPS`` (for a
    cue the cue model found, "at" too) that the parser hung on the verb right after its object is part of what the
    object says; returned to be read with it."""
    if not READ_OBJECT_PREPOSITION or len(parts) != 1 or parts[0].dep_ != "dobj":
        return []
    end = parts[0].right_edge.i
    preps = TARGET_PREPS + ("at",) if model else TARGET_PREPS
    return [c for c in verb.children if c.dep_ == "prep" and c.i == end + 1 and c.lower_ in preps
            and any(x.dep_ in ("pobj", "pcomp") and x.ent_type_ not in ("DATE", "TIME") for x in c.children)]


READ_OBJECT_PREPOSITION = True
READ_REASON_OBJECT = True
READ_RELATIVE_COMPLEMENT = True


PARENTHETICAL_SET_OFF = True  # session 18, switched off only to measure it
_SET_OFF = (",", "—", "–", "-", ";", "(", ":", '"', "“", "''")


def _inverted_content(verb: Token) -> tuple[int, int] | None:
    """'Troops captured the city, the agency said, as …': the clause the verb is parenthetical to; 'As the agency
    reported, troops captured …': the clause an as-clause introduces; 'After the vote, Roe said, the ferries would …'
    (a parenthetical cue the parser gave the opening clause): the whole sentence (``PARENTHETICAL_OPENING``)."""
    own = {c.dep_: c for c in verb.children}
    if verb.dep_ == "advcl" and verb.head.i > verb.i and "nsubj" in own and own.get("mark") is not None \
            and own["mark"].lower_ == "as":
        rest = [t for t in verb.doc[verb.right_edge.i + 1:verb.sent.end] if not (t.is_punct or t.is_space)]
        if rest:
            return rest[0].idx, rest[-1].idx + len(rest[-1])
    lex = _lex()
    if TRAILING_AS_CLAUSE and verb.dep_ == "advcl" and verb.head.i < verb.i and "nsubj" in own \
            and verb.lemma_.lower() in lex["speech"] and verb.head.lemma_.lower() not in lex["speech"] | lex["stance"] \
            and own.get("mark") is not None and own["mark"].lower_ == "as" \
            and all(c.dep_ in _AS_CLAUSE_ADJUNCTS for c in verb.children if c.i > verb.i):
        return _before_trailing_as(verb.sent, own["mark"], verb.right_edge)
    if (verb.dep_ in ("parataxis", "ccomp") and (verb.head.i < verb.i or verb.dep_ == "parataxis")
            or _trailing_conj(verb)) and verb.head.pos_ in ("VERB", "AUX"):
        sent = verb.sent
        subj = _subject(verb)
        if subj is not None and subj.i > verb.i and verb.doc[verb.i - 1].text == ",":
            left_end = verb.i - 1  # "…, said local officials": whatever else the parser hung on the cue is reported
        else:
            left_end = min(verb.left_edge.i, subj.left_edge.i if subj is not None else verb.i)
        if PARENTHETICAL_SET_OFF and verb.dep_ == "ccomp" and not _trailing_conj(verb) and left_end > sent.start \
                and verb.doc[left_end - 1].text not in _SET_OFF:
            return None  # "officials say they expect the campaign to emphasize …": a complement, not set off
        first = sent[0]
        if left_end <= sent.start:
            # "After the vote, Roe said, the ferries would stop": the parser hung the clause that opens the
            # sentence on the cue, and the reported clause runs on after the cue (round 14)
            if not (PARENTHETICAL_OPENING and verb.dep_ == "parataxis" and verb.head.i > verb.right_edge.i
                    and subj is not None and subj.i < verb.i
                    and not any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i < verb.i for c in verb.children)):
                return None  # "So what did we learn… Later, …": the cue's own object opens the sentence
            if subj.left_edge.i <= sent.start:  # "Roe said, the ferries …": only what follows the cue
                first = next((t for t in verb.doc[verb.right_edge.i + 1:sent.end] if not (t.is_punct or t.is_space)), None)
                if first is None:
                    return None
            left_end = verb.right_edge.i + 1
        last = verb.doc[left_end - 1]
        rest = [t for t in verb.doc[verb.right_edge.i + 1:sent.end] if not (t.is_punct or t.is_space)]
        if rest:  # "Many of them, he said, have closed": the clause runs on after the cue; the whole sentence
            last = rest[-1]
            while last.i + 1 < sent.end and verb.doc[last.i + 1].is_punct and verb.doc[last.i + 1].text not in ".,;:":
                last = verb.doc[last.i + 1]  # a closing quotation mark or bracket
        return first.idx, last.idx + len(last)
    return None


PARENTHETICAL_OPENING = True  # round 14, switched off only to measure it
TRAILING_AS_CLAUSE = True  # session 21, switched off only to measure it
AS_CLAUSE_NOUN_CUE = True  # session 21, switched off only to measure it
_AS_CLAUSE_ADJUNCTS = ("punct", "prep", "advmod", "npadvmod", "prt")


def _before_trailing_as(sent, as_: Token, last: Token) -> tuple[int, int] | None:
    """"The bridge was closed on Tuesday, as the agency reported (in its bulletin).": the clause before ", as" —
    what an as-clause closing its sentence reports (session 21); None unless a comma sets the as-clause off and the
    as-clause (``last`` its last word) ends the sentence."""
    doc = as_.doc
    if as_.i == 0 or doc[as_.i - 1].text != "," or not all(t.is_punct or t.is_space for t in doc[last.i + 1:sent.end]):
        return None
    words = [t for t in doc[sent.start:as_.i - 1] if not (t.is_punct or t.is_space)]
    return (words[0].idx, words[-1].idx + len(words[-1])) if len(words) >= 3 else None


def _as_noun_cue(f: "_Finder", tok: Token) -> bool:
    """"As the news agency notes, …" / "…, as Smith points out.": a reporting verb in the present that the tagger read
    as a plural noun after "as" and a noun phrase, the phrase set off by a comma before or after the clause — a
    statement over the clause, its source the phrase (session 21; a verb read as a verb is :func:`_inverted_content`'s).
    Only a form ending in -s, only right before the comma or the sentence's end ("out" after "points" may stand
    between; "points" alone is no cue), not inside a quotation."""
    if not AS_CLAUSE_NOUN_CUE or not tok.lower_.endswith("s") or any(qs <= tok.idx < qe for qs, qe in f.quotes):
        return False
    doc, sent = tok.doc, tok.sent
    j = tok.i - 1
    while j > sent.start and doc[j].lower_ != "as" and (doc[j].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "NUM")
                                                        or doc[j].tag_ == "POS"):
        j -= 1
    phrase = doc[j + 1:tok.i]
    if doc[j].lower_ != "as" or not len(phrase) or not any(t.pos_ in ("PROPN", "NOUN") for t in phrase):
        return False
    end = tok.i + 1
    if end < sent.end and doc[end].lower_ == "out" and doc[end].pos_ in ("ADP", "ADV", "PART"):
        end += 1
    elif tok.lemma_.lower() not in f.lex["speech"] or tok.lower_ == "points":
        return False  # "as the data points": "point" reports only with "out"
    after = doc[end] if end < sent.end else None
    if j == sent.start or all(t.is_punct or t.is_space for t in doc[sent.start:j]):
        if after is None or after.text != ",":
            return False
        rest = [t for t in doc[end + 1:sent.end] if not (t.is_punct or t.is_space)]
        span = (rest[0].idx, rest[-1].idx + len(rest[-1])) if len(rest) >= 3 else None
    elif after is None or after.is_sent_end or after.text in (".", "!", "?") and after.i == sent.end - 1:
        span = _before_trailing_as(sent, doc[j], doc[end - 1])
    else:
        return False
    if span is None:
        return False
    head = phrase[-1]
    inside = [r for r in f.lookup.at(phrase.start_char, phrase.end_char)
              if r["label"] in _PERSONISH | {"ORG"} and r["start_char"] >= phrase.start_char and r["end_char"] <= phrase.end_char]
    row, how = (max(inside, key=lambda r: r["end_char"] - r["start_char"]), "name") if inside else f.tracker.resolve_or_phrase(head)
    f.add_verb(*span, tok, row, how, "indirect", "as_noun_cue", (phrase.start_char, phrase.end_char))
    if how == "name":
        f.tracker.remember(row)
    return True


def _trailing_conj(verb: Token) -> bool:
    """"At least 50 were killed, but the toll will be higher, the UN rights chief said" (or "…, said local officials"):
    the parser made the trailing cue a conjunct of the clause it reports — after a comma, with its own subject, no
    conjunction of its own and nothing it reports after it (only a time or place adjunct)."""
    if verb.dep_ != "conj" or verb.head.i > verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    inverted = verb.i > 0 and verb.doc[verb.i - 1].text == "," and subjects and subjects[-1].i > verb.i
    subj = subjects[-1] if inverted else subjects[0] if subjects else None
    if subj is None or any(c.dep_ == "cc" for c in verb.children) or subj.left_edge.i == 0:
        return False
    # "…, the chief said" / "…, said local officials who …" (inverted)
    if verb.doc[subj.left_edge.i - 1].text != "," and not inverted:
        return False
    return all(c.dep_ in ("punct", "nsubj", "aux", "neg", "advmod", "npadvmod", "prep") for c in verb.children
               if c.i > verb.i)


def _quotes(text: str) -> list[tuple[int, int]]:
    """Inner (start, end) of quotations long enough to be speech rather than scare quotes."""
    out = []
    found = list(_DIRECT_QUOTE.finditer(text))
    if MIXED_QUOTES:
        found = sorted(found + [m for m in _MIXED_QUOTE.finditer(text)
                                if not any(o.start() < m.end() and m.start() < o.end() for o in found)], key=lambda m: m.start())
    for m in found:
        mark = 2 if m.group(0).startswith("''") else 1  # a typewriter double quote written as two apostrophes
        inner = m.group(0)[mark:-mark]
        if len(inner.split()) >= MIN_QUOTE_WORDS:
            lead = len(inner) - len(inner.lstrip())
            out.append((m.start() + mark + lead, m.end() - mark - (len(inner) - len(inner.rstrip()))))
    if OPEN_PARAGRAPH_QUOTES:
        out = sorted(out + [q for q in _open_paragraph_quotes(text) if not any(a < q[1] and q[0] < b for a, b in out)])
    return out


_OPEN_AT_END = re.compile(r"“[^“”\n]*$|^[ \t]*\"[^\"\n]*$")
OPEN_PARAGRAPH_QUOTES = True  # round 14, switched off only to measure it


def _open_paragraph_quotes(text: str) -> list[tuple[int, int]]:
    """A quotation of several paragraphs is printed with no closing mark at the end of each paragraph but the last,
    and an opening mark at the start of each next one: a quotation opened in a paragraph and still open at its end,
    when the next paragraph opens with a quotation mark (past a line of at most two words with no punctuation, page
    furniture such as "Advertisement"), runs to the end of its paragraph (round 14)."""
    out, pos = [], 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        m = _OPEN_AT_END.search(line)
        if m is None:
            continue
        after = text[pos:pos + 2000].lstrip(" \t\n")
        furniture = re.match(r"[^\n.!?:“”\"]*\n", after)  # a line of page furniture between ("Advertisement")
        if furniture and len(furniture.group(0).split()) <= 2:
            after = after[furniture.end():].lstrip(" \t\n")
        if not after.startswith(("“", '"')):
            continue
        qs = start + m.start() + m.group(0).index(m.group(0).strip()[0]) + 1
        inner = text[qs:start + len(line)]
        if len(inner.split()) >= MIN_QUOTE_WORDS:
            qs += len(inner) - len(inner.lstrip())
            out.append((qs, start + len(line.rstrip())))
    return out


_DASH_OPEN = re.compile(r"(?:^|(?<=[.!?:”\"]))[ \t]*[-–—][ \t]*(?=\S)", re.M)
_DASH_CLOSE = re.compile(r"[ \t][-–—][ \t]+")
MAX_DASH_TAIL = 4  # tokens between a closing dash and its reporting verb


def _dash_quotes(doc: Doc, speech: set[str]) -> list[tuple[int, int]]:
    """Quotations set off by dashes, as in Polish and Russian news: "- We will not send soldiers - he said." — a
    dash opening a line or following a sentence end, closed on the same line by a spaced dash that a reporting
    verb follows within a few words."""
    text, out = doc_text(doc), []
    for m in _DASH_OPEN.finditer(text):
        qs = m.end()
        line_end = text.find("\n", qs)
        line_end = len(text) if line_end < 0 else line_end
        for c in _DASH_CLOSE.finditer(text, qs, line_end):
            tail = doc.char_span(c.end(), line_end, alignment_mode="expand")
            tail = [] if tail is None else list(tail[:MAX_DASH_TAIL])
            for t in tail:
                if t.is_punct and t.text in (".", "!", "?"):
                    break
                if t.lemma_.lower() in speech and t.pos_ in ("VERB", "AUX"):
                    if len(text[qs:c.start()].split()) >= MIN_QUOTE_WORDS and (not out or qs >= out[-1][1]):
                        out.append((qs, c.start()))
                    break
            else:
                continue
            break
    return out


class _Finder:
    """The statements of one article, found by the ordered rules below (each records its name in ``_rule``)."""

    def __init__(self, doc: Doc, entities: list[dict]):
        self.doc, self.text, self.lex = doc, doc_text(doc), _lex()
        self.lookup = EntityLookup(entities)
        self.tracker = SpeakerTracker(self.lookup, self.text)
        marked = _quotes(self.text)
        self.quotes = sorted(marked + [q for q in _dash_quotes(doc, self.lex["speech"])
                                       if not any(a < q[1] and q[0] < b for a, b in marked)])
        self.used_quotes: set[int] = set()
        self.found: list[dict] = []
        self.verb_chars: list[int] = []
        self.verb_cues: list[int] = []  # token indexes of the cue verbs and of the cue nouns with an owner
        self.mention: tuple[int, int] | None = None  # the source mention of the cue being read (speaker_start/end)
        self.mention_row: dict | None = None  # whom that mention names, the speaker unknown (:func:`_mention_speaker`)
        self.model_cues: dict[int, float] = {}  # token index -> probability, of the cues the cue model found

    def add(self, start, end, speaker_row, how, cue, cue_lemma, kind, anchor, rule, mention=None) -> None:
        text = self.text
        while end > start and text[end - 1] in " \n\t,;:.":
            end -= 1
        while start < end and text[start] in " \n\t,;:":
            start += 1
        if end <= start:
            return
        self.found.append({"start_char": start, "end_char": end, "speaker_row": speaker_row, "how": how,
                           "cue": cue, "cue_lemma": cue_lemma, "kind": kind, "anchor": anchor, "rule": rule,
                           "mention": mention, "mention_row": self.mention_row if speaker_row is None else None})

    def add_verb(self, start, end, cue: Token, row, how, kind, rule, mention=None) -> None:
        if kind == "indirect":
            end = _end_before_cue_clause(self, start, end, cue)
        end = _end_of_cue_quotation(self, start, end, cue)
        self.add(start, end, row, how, cue.text, cue.lemma_.lower(), kind, cue.idx, rule, mention or self.mention)


QUOTED_CUE_CONTENT_IN_QUOTE = True  # session 20, switched off only to measure it


def _end_of_cue_quotation(f: "_Finder", start: int, end: int, cue: Token) -> int:
    """A cue inside a quotation reports no more than the rest of that quotation: "“He says what we all think,” Jane
    Roe said at the meeting" — the parser may hang the reporting clause after the closing mark on the quoted cue, and
    its content then ran on over the quotation's own speaker (session 20)."""
    if not QUOTED_CUE_CONTENT_IN_QUOTE:
        return end
    for qs, qe in f.quotes:
        if qs <= cue.idx < qe and qs <= start < qe < end:
            return qe
    return end


_CLAUSE_LINKS = ("and", "but", "or", "while", "even", "though", "although", "whereas")
_CONTRAST_MARKS = ("while", "though", "although", "whereas")


def _end_before_cue_clause(f: "_Finder", start: int, end: int, cue: Token) -> int:
    """Where a content runs on into a conjoined or adverbial clause of its own that another cue heads ("said he had
    not accepted any fees and suggested that …", "… are set on voting for X, while 22 percent said …"), the content
    ends before that clause (and the "and"/"while" and punctuation that join it): the other cue reports the rest."""
    if not CUT_AT_CUE_CLAUSE:
        return end
    doc = f.doc
    for i in f.verb_cues:
        c = doc[i]
        if c.i == cue.i or not start < c.idx < end or not start <= c.head.idx < end:
            continue
        if SECOND_THAT_CLAUSE_STAYS and c.dep_ == "conj" and any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children) \
                and any(x.dep_ == "mark" for x in c.children):
            continue  # "X noted that A, and that B should worry …": a second complement of the same cue, not a cue's clause
        top = not (start <= c.head.head.idx < end and c.head.head.i != c.head.i)  # joined to the content's own head
        if not (top and (c.dep_ == "conj" or c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CONTRAST_MARKS for m in c.children))) \
                and not (CUT_TRAILING and _trailing_clause(c, end)) and not _trailing_time_clause(c, end) \
                and not _trailing_speech_participle(f, c, cue, end):
            continue
        k = c.left_edge.i - 1
        while k >= 0 and doc[k].idx > start and (doc[k].is_punct or doc[k].is_space or doc[k].dep_ == "cc"
                                                  or doc[k].lower_ in _CLAUSE_LINKS):
            k -= 1
        if k < 0 or doc[k].idx <= start:
            return end
        return doc[k].idx + len(doc[k])
    return _end_before_which_clause(doc, start, end, cue)


def _end_before_which_clause(doc: Doc, start: int, end: int, cue: Token) -> int:
    """"ordered a review of the program, which allows foreigners to …": a relative clause opened by "which" (or a
    relative "that"), set off by a comma and running to the end of a content after its cue, is no part of what the
    cue reports, whatever its verb (PolNeAR ends the content before it; its verb is often a cue of its own, nested in
    the content, so the statement was matched to that attribution). Session 18; "who" clauses stay (measured: their
    cut lowers content F1), as do clauses without the comma."""
    if not TRAILING_WHICH_CLAUSE:
        return end
    for c in doc.char_span(start, end, alignment_mode="expand") or ():
        if c.dep_ != "relcl" or c.idx <= cue.idx or c.head.is_ancestor(cue) or not _trailing_clause(c, end) \
                or doc[c.left_edge.i - 1].text != "," or not any(t.tag_ == "WDT" for t in c.children if t.i < c.i):
            continue
        k = c.left_edge.i - 2
        if k >= 0 and doc[k].idx > start:
            return doc[k].idx + len(doc[k])
    return end


TRAILING_SPEECH_PARTICIPLE = True  # session 22, switched off only to measure it


def _trailing_speech_participle(f: "_Finder", c: Token, cue: Token, end: int) -> bool:
    """Whether cue ``c`` is a reporting verb's present participle heading a clause set off by a comma that closes the
    content of ``cue`` ("X says he would release his accounts on Friday, calling them very boring", "…, adding that
    …"), and the one who speaks through it is the speaker of ``cue``: it is that speaker's next statement, not part
    of the clause it hangs on (session 22). A participle whose speaker is another or unknown, or one inside a
    quotation, stays in the content."""
    doc = c.doc
    if not (TRAILING_SPEECH_PARTICIPLE and c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i == c.i
            and c.lemma_.lower() in f.lex["speech"] | f.lex["stance"] and c.i > 0 and doc[c.i - 1].text == ","
            and _closes_content(c, end)) or any(qs <= c.idx < qe for qs, qe in f.quotes):
        return False  # a participle inside a quotation is part of what was quoted
    own, other = _subject(cue), _subject(c)
    if own is None or other is None:
        return False
    row, again = f.tracker.resolve_or_phrase(own)[0], f.tracker.resolve_or_phrase(other)[0]
    return row is not None and again is not None and again["canonical"] == row["canonical"]


def _trailing_clause(c: Token, end: int) -> bool:
    """Whether cue ``c`` heads a clause set off by a comma or dash that runs to the end of a content ending at ``end``
    ("… policies, which he said had harmed the economy", "…, pointing to the sale of land")."""
    doc = c.doc
    if c.dep_ not in TRAILING_DEPS or c.left_edge.i == 0 \
            or doc[c.left_edge.i - 1].text not in (",", "—", "–", ";"):
        return False
    return _closes_content(c, end)


def _closes_content(c: Token, end: int) -> bool:
    """Whether the clause ``c`` heads runs (over punctuation) to the end ``end`` of a content."""
    doc, last = c.doc, c.right_edge
    while last.i + 1 < len(doc) and doc[last.i + 1].idx < end and (doc[last.i + 1].is_punct or doc[last.i + 1].is_space):
        last = doc[last.i + 1]
    return last.idx + len(last) >= end


TRAILING_TIME_CLAUSE = True  # session 20, switched off only to measure it
_TIME_MARKS = ("after", "as", "before", "until", "once")  # not "when", "since": mostly part of what was said


def _trailing_time_clause(c: Token, end: int) -> bool:
    """Whether cue ``c`` heads an adverbial clause of time that closes the content ("admitted the city had erred
    after the paper reported that …", "… even as officials railed against …"): what that clause's cue reports is an
    attribution of its own, not part of the first (session 20). Not "when"/"since" (round 12: "said the bridge would
    reopen when the engineers said it was safe" is what was said; measured, they gain about as much as they lose),
    nor a clause on a modal verb (a condition said)."""
    if not TRAILING_TIME_CLAUSE or c.dep_ != "advcl" or not any(
            m.dep_ in ("mark", "advmod") and m.lower_ in _TIME_MARKS and m.i < c.i and not _as_if(m) for m in c.children) \
            or any(a.tag_ == "MD" for a in c.head.children):
        return False  # "said the bridge would reopen after the engineers said it was safe": a condition said
    return _closes_content(c, end)


def _as_if(mark: Token) -> bool:
    """"as if" / "as though": a clause of manner, part of what was said ("believed X was behaving as if he wanted a
    role"), not of time (``AS_IF_NOT_TIME``, session 21)."""
    return AS_IF_NOT_TIME and mark.lower_ == "as" and mark.i + 1 < len(mark.doc) \
        and mark.doc[mark.i + 1].lower_ in ("if", "though")


AS_IF_NOT_TIME = True  # session 21, switched off only to measure it
CUT_AT_CUE_CLAUSE = True
CUT_TRAILING = True
SECOND_THAT_CLAUSE_STAYS = True  # round 13, switched off only to measure it
TRAILING_DEPS = ("relcl", "conj")
TRAILING_WHICH_CLAUSE = True  # session 18, switched off only to measure it


# ---------------------------------------------------------------- rules for a reporting verb with a subject
# Each returns None when it does not apply (the next rule is tried), True when it added a statement (the speaker
# is remembered for later pronouns), False when it settles that the verb gives no statement.

def _quote_beside_verb(f: _Finder, tok: Token, subj: Token, row, how) -> bool | None:
    """"“…,” Austin said": a quotation sharing the verb's sentence — unless another cue verb with a subject stands
    between them, which takes it ("When a reporter asked about the ferry, Jane Roe joked, “…”", "After the mayor
    criticized her, Jane Roe shot back, “…”": not the cue of the clause before; round 12). A cue verb that hangs from
    this one (not as a conjunct) leaves it the quotation ("The governor condemned a plan that cost 40 million, saying
    that he keeps “…”"): the figures in this verb's own content would otherwise become the governor's claims. A
    quotation after a colon that a cue with a subject follows straight away is that cue's ("X asserted that …: “…,” he
    claimed"; round 13)."""
    i = _quote_near(f.quotes, tok.sent, tok)
    if i is None and QUOTE_BEFORE_SENTENCE:
        i = _quote_ending_before(f, tok, subj)
    if i is None or i in f.used_quotes:
        return None
    if QUOTE_NOT_OVER_CLAUSE and subj.lower_ not in f.lex["first_second_person"] and _clause_before_quote(tok, f.quotes[i]):
        return None  # not for "I say he …": the writer's "I" is no speaker to keep the clause for
    if tok.dep_ == "parataxis" and not _touches(f, f.quotes[i], tok, subj):
        return None  # "X will send 6,000 missiles, he said, with kit “in the quantity needed”": the clause it breaks
    if NEARER_CUE_TAKES_QUOTE:
        lo, hi = (tok.idx, f.quotes[i][0]) if tok.idx < f.quotes[i][0] else (f.quotes[i][1], tok.idx)
        if any(lo < f.doc[j].idx < hi and f.doc[j].pos_ in ("VERB", "AUX") and _subject(f.doc[j]) is not None
               and (not tok.is_ancestor(f.doc[j]) or f.doc[j].dep_ == "conj" or _participle_before_quote(f.doc[j], tok))
               for j in f.verb_cues if j != tok.i):
            return None
    if CUE_AFTER_QUOTE_TAKES_IT and tok.idx < f.quotes[i][0] and f.text[:f.quotes[i][0]].rstrip(" \n“\"‘'`").endswith(":") \
            and _cue_right_after(f, f.quotes[i]):
        return None  # "X told reporters: “…,” Y predicted": the cue set right after the quotation takes it
    f.used_quotes.add(i)
    f.add_verb(*f.quotes[i], tok, row, how, "direct", "quote_beside_verb")
    return True


PARTICIPLE_TAKES_QUOTE = True  # session 22, switched off only to measure it


def _participle_before_quote(c: Token, tok: Token) -> bool:
    """"X denied the accusations through a spokeswoman, dismissing Y as “…”", "X tweeted congratulations to Y, adding
    “…”": a reporting verb's present participle that hangs on the cue ``tok`` after it, set off by a comma, and stands
    before the quotation is the quotation's cue (PolNeAR: 37 of 39 such quotations on train); ``tok`` reports its own
    object (session 22)."""
    return PARTICIPLE_TAKES_QUOTE and c.head.i == tok.i and c.i > tok.i and c.dep_ == "advcl" and c.tag_ == "VBG" \
        and c.lemma_.lower() in _lex()["speech"] | _lex()["stance"] and c.doc[c.i - 1].text == ","


def _quote_ending_before(f: _Finder, tok: Token, subj: Token) -> int | None:
    """"“Why does the ferry still stop?” Dana Reyes asked.", "“I am honoured!” she said.": the splitter ended the
    sentence with the quotation, so the cue's own sentence holds none. The quotation that ends right before the
    cue's sentence on the same line, with only its closing marks between it and the cue's clause, when the cue
    reports nothing else (no complement or object after it; round 14)."""
    s0 = tok.sent.start_char
    if any(c.i > tok.i and c.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "prep", "attr") for c in tok.children):
        return None
    for i, (qs, qe) in enumerate(f.quotes):
        if qe <= s0 and s0 - qe <= 3 and "\n" not in f.text[qe:tok.idx] and _touches(f, (qs, qe), tok, subj):
            return i
    return None


QUOTE_BEFORE_SENTENCE = True  # round 14, switched off only to measure it
QUOTE_NOT_OVER_CLAUSE = True  # session 17, switched off only to measure it


def _clause_before_quote(tok: Token, quote: tuple[int, int]) -> bool:
    """"Roe said the pier would close, adding, “…”", "Roe said that the owner was a “good neighbour,” who …": a cue
    whose own complement clause follows it and opens before the quotation reports that clause, not the quotation (a
    quotation inside it is part of it; one after it is the next cue's, or runs on from it). A quotation that opens
    the clause ("Roe said: “…”") stays the cue's (session 17)."""
    comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if comp is None or _adverbial_mark(comp) or semicolon_between(tok, comp):
        return False
    first = next((t for t in comp.subtree if not (t.is_punct or t.is_space)), None)
    return first is not None and tok.idx < first.idx and first.idx + len(first) < quote[0] - 1


def _cue_right_after(f: _Finder, quote: tuple[int, int]) -> bool:
    """Whether a cue verb with a subject follows the quotation with only punctuation between (“…,” she wrote)."""
    for j in f.verb_cues:
        c = f.doc[j]
        if c.idx < quote[1] or c.pos_ not in ("VERB", "AUX"):
            continue
        subj = _subject(c)
        return subj is not None and c.sent.start_char < quote[1] and _touches(f, quote, c, subj)
    return False


CUE_AFTER_QUOTE_TAKES_IT = True  # round 13, switched off only to measure it


def _touches(f: _Finder, quote: tuple[int, int], tok: Token, subj: Token) -> bool:
    """Only punctuation between the quotation and the cue's own clause ("“…,” he said", "he said: “…”")."""
    doc = tok.doc
    first = min(tok.left_edge.i, subj.left_edge.i)
    start, end = doc[first].idx, doc[tok.right_edge.i].idx + len(doc[tok.right_edge.i])
    gap = f.text[quote[1]:start] if quote[1] <= start else f.text[end:quote[0]] if quote[0] >= end else ""
    return all(not ch.isalnum() for ch in gap)


NEARER_CUE_TAKES_QUOTE = True  # round 12, switched off only to measure it


def _complement(f: _Finder, tok: Token, subj: Token, row, how) -> bool | None:
    """"X said (that) …": the clausal complement (or the object of claim/estimate/announce …); a quotation
    starting there makes it direct."""
    span = _content_span(tok, f.lex, stance=f.model_cues.get(tok.i, 0.0) >= cuemodel.load_model()["object_threshold"])
    if span is None:
        return None
    start, end = span
    q = next((i for i, (qs, qe) in enumerate(f.quotes)
              if i not in f.used_quotes and qs <= start + 1 and qe >= start and not qs <= tok.idx < qe), None)
    if q is not None:
        f.used_quotes.add(q)
        f.add_verb(*f.quotes[q], tok, row, how, "direct", "quoted_complement")
    elif (rel := _relative_complement(tok)) is not None:
        f.add_verb(*rel, tok, row, how, "indirect", "complement")
    elif start > tok.idx or end <= tok.idx:
        clause = any(c.dep_ == "ccomp" or c.dep_ == "advcl" and any(x.lower_ == "that" for x in c.children)
                     for c in tok.children)
        # a cue-model verb's object ("slammed the plan"): a statement, but no figure in it is the subject's claim
        f.add_verb(start, end, tok, row, how, "indirect", "complement" if clause or tok.i not in f.model_cues
                   else "model_object")
    else:
        return False
    return True


def _relative_complement(tok: Token) -> tuple[int, int] | None:
    """"a surge of independents, which Democrats say could be aiding Sanders": the cue's clause opens with the
    relative pronoun before the cue (the parser hangs it in the clause); the content is the clause after the cue."""
    if not READ_RELATIVE_COMPLEMENT:
        return None
    clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
    if clause is None:
        return None
    before = [t for t in clause.subtree if t.i < tok.i]
    after = [t for t in clause.subtree if t.i > tok.i and not (t.is_punct or t.is_space)]
    if not before or len(after) < 2 or not any(t.tag_ in ("WDT", "WP", "WP$") for t in before) \
            or any(t.i != before[0].i + k for k, t in enumerate(before)) or len(before) > 3:
        return None
    return after[0].idx, after[-1].idx + len(after[-1])


PARENTHETICAL_NOT_PREPOSITIONAL = True  # session 18, switched off only to measure it


def _parenthetical(f: _Finder, tok: Token, subj: Token, row, how) -> bool | None:
    """"Troops captured the city, the agency said": the clause the verb is parenthetical to."""
    span = _inverted_content(tok)
    if span is None or tok.lemma_.lower() in ("add",):
        return None
    lemma = tok.lemma_.lower()
    if PARENTHETICAL_NOT_PREPOSITIONAL and lemma in f.lex["prep_cues"] and lemma not in f.lex["speech"] | f.lex["stance"]:
        return None  # "…, which allow independents to vote in …": a cue that reports only through a preposition
    f.add_verb(*span, tok, row, how, "indirect", "parenthetical")
    return True


def _colon_lines(f: _Finder, tok: Token, subj: Token, row, how) -> bool | None:
    """"He said:" at the end of a line: the following lines (or the quotation starting them)."""
    sent = tok.sent
    if not (sent.text.rstrip().endswith(":") and tok.i > subj.i):
        return None
    nxt = _following_lines(f.text, sent.start_char + len(sent.text.rstrip()), f.verb_chars)
    if nxt is None:
        return False
    q = next((i for i, (qs, qe) in enumerate(f.quotes) if qs <= nxt[0] + 1 and qe >= nxt[0]), None)
    if q is not None:
        f.used_quotes.add(q)
        nxt = f.quotes[q]
    f.add_verb(nxt[0], nxt[1], tok, row, "own_line" if how == "name" else how, "direct", "colon_lines")
    return True


# dependents of a cue that are no part of what it reports (its subject, auxiliaries, marks, a conjoined clause, …)
_NOT_REPORTED = ("punct", "cc", "conj", "nsubj", "nsubjpass", "agent", "mark", "aux", "auxpass", "neg", "advmod",
                 "npadvmod", "parataxis", "prt")


def _fallback_content(f: _Finder, tok: Token, subj: Token, row, how) -> bool | None:
    """A cue with a subject whose content none of the rules above read: a fallback content the statement filter
    judges (it always judges these, :data:`helpers.text.statementmodel.ALWAYS_JUDGED`), and through which ``claims``
    credits no figure ("denied reports of 500 dead" is no claim of 500).

    - ``speech_object``: a listed speech verb read like a stance verb — its object or complement, else the object of a
      content preposition ("The governor denied the allegations", "she pointed to X", "he said seeing … was …");
    - ``subtree_fallback``: else (not for a prepositional cue, "talked with the mayor") what hangs on the cue after it,
      less its subject, agent, marks, adverbs, a conjoined clause, dates and a bare pronoun ("describes herself as a
      moderate", "believes in hard work").

    Not where that content holds another cue verb or a cue noun with an owner, which reports it ("was quoted as
    saying …", "with his remarks")."""
    lemma = tok.lemma_.lower()
    if lemma in f.lex["speech"] and tok.i not in f.model_cues:
        span, rule = _content_span(tok, f.lex, stance=True), "speech_object"
    else:
        span, rule = None, "subtree_fallback"
    if span is None and lemma not in f.lex["prep_cues"]:
        rest = [c for c in tok.children if c.i > tok.i and c.dep_ not in _NOT_REPORTED and not _when(c)
                and c.ent_type_ not in ("DATE", "TIME")]
        if not all(c.pos_ == "PRON" and c.left_edge.i == c.right_edge.i for c in rest):  # "praised him": none
            span, rule = _edges(rest), "subtree_fallback"
    if span is None or span[0] <= tok.idx < span[1]:
        return None
    if any(span[0] <= f.doc[i].idx < span[1] for i in f.verb_cues):
        return None  # another cue inside reports it
    f.add_verb(*span, tok, row, how, "indirect", rule)
    return True


RELATIVE_GAP_OBJECT = True  # session 17, switched off only to measure it
_RELATIVE_WORDS = ("WDT", "WP", "WP$")


def _relative_gap(f: _Finder, tok: Token, subj: Token, row, how) -> bool | None:
    """"a deal she once supported", "Sanders's victory, which Clinton conceded", "the establishment he rails against":
    a cue in a relative clause whose object is the gap the clause leaves (no object of its own, or only the relative
    pronoun; a prepositional cue's preposition stranded or holding the pronoun) reports the noun the clause describes —
    the content is that noun's phrase up to the relative pronoun (session 17; PolNeAR marks the noun or the pronoun).
    Not a passive clause ("a judge who was confirmed": its subject is the gap), nor one a relative adverb opens
    ("the day when …"), nor a time noun's ("the week she announced it")."""
    if not RELATIVE_GAP_OBJECT or tok.dep_ != "relcl" or tok.head.pos_ not in ("NOUN", "PROPN", "PRON") \
            or tok.head.ent_type_ in ("DATE", "TIME") or subj.tag_ in _RELATIVE_WORDS or subj.head.i != tok.i:
        return None
    kids = list(tok.children)
    if any(c.dep_ in ("nsubjpass", "auxpass", "ccomp", "xcomp", "attr", "oprd") for c in kids) \
            or any(c.tag_ == "WRB" for c in kids):
        return None
    if any(c.dep_ == "dobj" and c.tag_ not in _RELATIVE_WORDS for c in kids):
        return None  # "a governor who had endorsed him": an object of its own
    preps = f.lex["prep_cues"].get(tok.lemma_.lower())
    if preps is not None:  # "the establishment he rails against", "for which he apologized": the preposition's gap
        if not any(c.dep_ == "prep" and c.lower_ in preps and not any(
                x.dep_ in ("pobj", "pcomp") and x.tag_ not in _RELATIVE_WORDS for x in c.children) for c in kids):
            return None
    elif any(c.dep_ == "prep" and c.i > tok.i and not any(x.dep_ in ("pobj", "pcomp") for x in c.children) for c in kids):
        return None
    noun = tok.head
    end_tok = max([noun] + [t for t in tok.subtree if t.tag_ in _RELATIVE_WORDS and t.i < tok.i])
    start = noun.left_edge.idx
    f.add_verb(start, end_tok.idx + len(end_tok), tok, row, how, "indirect", "relative_gap")
    return True


GERUND_SUBJECT_CLAUSE = True  # session 19, switched off only to measure it


def _gerund_subject_clause(f: _Finder, tok: Token, subj: Token, row, how) -> bool | None:
    """"He said legalizing it could put thousands to work", "economists say taxing consumption encourages savings": the
    parser made the reported clause's gerund subject the speech verb's ``xcomp`` and hung the clause's verb on it; the
    gerund and all it holds is the content, also where that clause's verb is a cue (it is what is said, not a cue of its
    own). Only for a listed speech verb with no clause or object of its own (session 19)."""
    if not GERUND_SUBJECT_CLAUSE or tok.lemma_.lower() not in f.lex["speech"] \
            or any(c.dep_ in ("ccomp", "dobj") for c in tok.children):
        return None
    gerund = next((c for c in tok.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > tok.i
                   and any(x.dep_ == "ccomp" and x.i > c.i for x in c.children)), None)
    if gerund is None:
        return None
    f.add_verb(*_edges([gerund]), tok, row, how, "indirect", "gerund_subject_clause")
    return True


VERB_RULES = [
    ("quote_beside_verb", _quote_beside_verb),
    ("complement", _complement),
    ("parenthetical", _parenthetical),
    ("colon_lines", _colon_lines),
    ("relative_gap", _relative_gap),
    ("gerund_subject_clause", _gerund_subject_clause),  # session 19
    ("fallback_content", _fallback_content),
]


# ---------------------------------------------------------------- rules for a quotation no verb claimed
# Each returns True when it settled the quotation (extended a statement, added one, or dropped it), None otherwise.

def _continues_statement(f: _Finder, qs: int, qe: int) -> bool | None:
    """A quotation that starts inside (or right after) a statement already found extends it."""
    holder = next((s for s in f.found if s["start_char"] <= qs <= s["end_char"] + 1), None)
    if holder is None:
        return None
    holder["end_char"] = max(holder["end_char"], qe)
    return True


def _after_colon(f: _Finder, qs: int, qe: int) -> bool | None:
    """"… the figure given by X: “…”": the last name before the colon."""
    found = _colon_speaker(f.text, f.lookup, qs)
    if found is None:
        return None
    row, line_start, colon = found
    f.add(qs, qe, row, "name", ":", ":", "direct", qs, "after_colon", entity_mention(f.doc, row, line_start, colon))
    return True


def _own_line_continuation(f: _Finder, qs: int, qe: int) -> bool | None:
    """A quotation alone on its line, shortly after a statement: the same speaker."""
    line_start = f.text.rfind("\n", 0, qs) + 1
    if f.text[line_start:qs - 1].strip():
        return True
    prev = [s for s in f.found if s["end_char"] <= qs and qs - s["end_char"] < 300]
    if prev and NEAREST_BEFORE_CONTINUES:  # the statement nearest before it, not the one found last (round 13)
        prev = sorted(prev, key=lambda s: s["end_char"])
    if prev:
        # the speaker goes on: so does the mention that names them (PolNeAR marks the same source span; session 21)
        mention = prev[-1]["mention"] if CONTINUATION_MENTION and prev[-1]["speaker_row"] is not None else None
        f.add(qs, qe, prev[-1]["speaker_row"], "continuation", prev[-1]["cue"], prev[-1]["cue_lemma"], "direct", qs,
              "own_line_continuation", mention)
    return True


CONTINUATION_MENTION = False  # session 21: off — the statements contract (schemas.py speaker_start) has no mention for a continuing quotation; on: PolNeAR train +29 exact


def _speaker_after_on_line(f: _Finder, qs: int, qe: int) -> bool | None:
    """A quotation opening its line whose speaker follows it on the line ("“…?” the senator continued. “…”",
    "“…,” Lee said, “…”" where the verb took the other quotation): the subject of the first verb after it, before the
    next quotation; a personal pronoun there ("“…,” she added") is the last speaker before, with the pronoun as the
    mention; a subject that resolves to no one leaves the speaker unknown (never the last speaker)."""
    text = f.text
    line_start = text.rfind("\n", 0, qs) + 1
    if text[line_start:qs - 1].strip():
        return None
    ends = [text.find("\n", qe), next((a for a, _ in f.quotes if a >= qe), -1)]
    end = min([e for e in ends if e >= 0] + [len(text), qe + MAX_SPEAKER_GAP])
    words = f.doc.char_span(qe, end, alignment_mode="contract")
    if words is None:
        return None
    for tok in words:
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None) if tok.pos_ == "VERB" else None
        if subj is not None and qe <= subj.idx < end:
            break
    else:
        return None
    if subj.lower_ in f.lex["pronouns"]:
        prev = [s for s in f.found if s["end_char"] <= qs and s["speaker_row"] is not None]
        row, how = (prev[-1]["speaker_row"], "pronoun") if prev else (None, None)
    else:
        row, how = f.tracker.resolve_or_phrase(subj)
    mention = mention_span(subj) if row is not None else subject_mention(subj)
    if mention is None:
        return None
    # a subject that names no one we know still is not the last speaker: the quotation's speaker stays unknown
    f.add(qs, qe, row, how, tok.text, tok.lemma_.lower(), "direct", qs, "speaker_after_on_line", mention)
    if f.found and f.found[-1]["anchor"] == qs:
        f.found[-1]["cue_char"] = tok.idx  # where the cue stands, for a quotation that continues it on the line
    return True


CONTINUES_ON_LINE = True  # round 13, switched off only to measure it
CUE_AFTER_OPENING_QUOTE_CONTINUES = True  # round 14, switched off only to measure it
QUOTED_SUBJECT_NOT_REMEMBERED = True  # round 13, switched off only to measure it
NEAREST_BEFORE_CONTINUES = True  # round 13, switched off only to measure it


def _continues_on_line(f: _Finder, qs: int, qe: int) -> bool | None:
    """A quotation further on the line of a quotation whose speaker follows it ("“…,” Lee told reporters. “…”"):
    the same speaker goes on, so that statement runs on over it (as :func:`_continues_statement` does for a quotation
    right after one), when no other cue or quotation stands between that speaker's cue and this quotation and the cue
    is at most a short clause before it. (A statement of its own lost on PolNeAR, which annotates the two quotations
    as one attribution.)"""
    if not CONTINUES_ON_LINE:
        return None
    line_start = f.text.rfind("\n", 0, qs) + 1
    prev = [s for s in f.found if line_start <= s["start_char"] and s["end_char"] <= qs]
    if not prev:
        return None
    s = max(prev, key=lambda s: s["end_char"])
    # "“…,” he continued. “…”" after a quotation that opened its line: the cue, not the quotation, is the anchor's
    cue = s.get("cue_char", s["anchor"]) if CUE_AFTER_OPENING_QUOTE_CONTINUES else s["anchor"]
    if s["kind"] != "direct" or s["speaker_row"] is None or not s["end_char"] <= cue < qs \
            or qs - cue > MAX_SPEAKER_GAP and not _after_cue_sentence(f, cue, qs) \
            or any(cue < c < qs for c in f.verb_chars) \
            or any(cue < a < qs for a, _ in f.quotes):
        return None
    while qe > qs and f.text[qe - 1] in " \n\t,;:.":
        qe -= 1  # as Finder.add trims a content
    s["end_char"] = qe
    return True


def _after_cue_sentence(f: _Finder, cue: int, qs: int) -> bool:
    """Whether the quotation opens the sentence right after the one its cue stands in ("“…,” said Jane Roe, a
    long-serving member of the county board. “…”"): however long the speaker's description, nothing else stands
    between (session 18)."""
    if not LONG_SPEAKER_CONTINUES:
        return False
    tok = f.doc.char_span(cue, cue + 1, alignment_mode="expand")
    if tok is None:
        return False
    sent = tok[0].sent
    return sent.end < len(f.doc) and not f.text[sent.end_char:qs].strip(" \t\"“'‘")


LONG_SPEAKER_CONTINUES = True  # session 18, switched off only to measure it


QUOTE_RULES = [
    ("continues_statement", _continues_statement),
    ("after_colon", _after_colon),
    ("speaker_after_on_line", _speaker_after_on_line),
    ("continues_on_line", _continues_on_line),
    ("own_line_continuation", _own_line_continuation),
]


def extract_statements(doc: Doc, article_id: str, entities: list[dict], sentence_of) -> list[dict]:
    """Statement rows (``statements`` contract) for one parsed article.

    ``entities``: this article's entity rows (``entities.article_entities``);
    ``sentence_of(char) -> sentence_id``. Pass 1 reads reporting verbs (:data:`VERB_RULES`, first that applies)
    and "according to" cues in text order; pass 2 the quotations no verb claimed (:data:`QUOTE_RULES`).
    """
    f = _Finder(doc, entities)
    events = [(doc.vocab.strings[mid], doc[start]) for mid, start, _ in _matcher(doc.vocab)(doc)]
    listed = {t.i for _, t in events}
    f.model_cues = {t.i: p for t, p in cuemodel.model_cues(doc, _listed_verbs(), known_nouns=_listed_nouns(),
                                                          noun_preps=model_noun_preps())
                    if t.i not in listed and not _action_model_cue(t)}
    events = sorted(events + [("NOUN" if doc[i].pos_ == "NOUN" else "VERB", doc[i]) for i in f.model_cues]
                    + [("ADJ", t) for t in doc if _adjective_cue(t, f.lex)
                                                     and (t.pos_ == "ADJ" or t.i not in listed)],
                    key=lambda e: e[1].i)
    f.verb_chars = sorted(t.idx for k, t in events if k != "ADJ")
    f.verb_cues = [t.i for kind, t in events if kind == "VERB" or kind == "NOUN" and any(c.dep_ == "poss" for c in t.children)]
    if READ_SOURCE_PHRASE:  # "In a new poll, X leads …": after verb_chars and verb_cues, which it is none of
        cue_heads = {t.i for _, t in events}
        events = sorted(events + [("SOURCE_PHRASE", t) for t in doc if _source_phrase(t, f.lex, cue_heads)],
                        key=lambda e: e[1].i)
    if DASH_REPORT:  # "… - said Jane Roe.": after a cue another rule reads at the same token (a stable sort)
        events = sorted(events + [("DASH_REPORT", t) for t in _dash_cues(f)], key=lambda e: e[1].i)
    for kind, tok in events:
        f.mention = f.mention_row = None
        if kind == "ACCORDING":
            _according(doc, tok, f.tracker, f.add)
            continue
        if kind == "SOURCE_PHRASE":
            _source_phrase_statement(f, tok)
            continue
        if kind == "DASH_REPORT":
            _dash_report(f, tok)
            continue
        if kind == "NOUN":
            _cue_noun(f, tok)
            continue
        if kind == "NOUN_CUE":
            _noun_cue(f, tok)
            continue
        if kind == "EVIDENTIAL":
            _evidential(f, tok)
            continue
        if kind == "VERB" and _as_reported_by(f, tok):
            continue
        if kind == "VERB" and _question_participle(f, tok):
            continue
        if kind == "VERB" and _inverted_mid_speaker(f, tok):
            continue
        if kind == "VERB" and IMPERATIVE_NO_STATEMENT and _imperative(tok):
            continue
        subj = _subject(tok.head if kind == "ADJ" else tok)
        if kind == "VERB" and subj is not None and (outer := _outer_conjunct_subject(f, tok, subj)) is not None:
            subj = outer
        before_cue = subj is None and kind == "VERB" and tok.i not in f.model_cues  # a listed cue only ("launched tours")
        if before_cue:
            subj = _subject_before_cue(tok)
        if subj is None:
            if kind == "VERB":
                _participle_by_agent(f, tok)
            continue
        if EXPLETIVE_IT_NO_SOURCE and _empty_it(subj, tok):
            row, how = None, None  # "it is safe to suggest …", "it would be wrong to think …": no source
        elif subj.dep_ != "nsubjpass" or _active_despite_passive(f, tok, subj):
            row, how = f.tracker.resolve_or_phrase(subj)
            if before_cue:
                row, how = _not_the_named_head(f, subj, row, how)
            row, how = _demonym_phrase(f, subj, row, how)
            f.mention = mention_span(subj) if row is not None else subject_mention(subj)
            clause = tok
            if CONJUNCT_OF_REPORTED_CLAUSE and tok.dep_ == "conj" and subj.head.i == tok.head.i and not any(
                    c.dep_ in _SUBJECT_DEPS for c in tok.children):
                clause = tok.head  # "X said that she … and predicted …": the parser hung the second verb in the clause
            if row is not None and subj.pos_ == "PRON" and clause.dep_ == "ccomp" \
                    and clause.head.lemma_.lower() in f.lex["speech"]:
                # "He says he believes …": one attribution, whose source is the subject of the speech verb
                outer = _subject(clause.head)
                if outer is not None and outer.dep_ == "nsubj" and f.tracker.resolve_or_phrase(outer)[0] == row and (
                        outer.lower_ not in f.lex["first_second_person"] or subj.lower_ in f.lex["first_second_person"]):
                    f.mention = mention_span(outer)
        else:
            row, how = _expletive_passive(f, subj) if subj.lower_ == "it" else _passive_source(f, subj)
            if INHERITED_PASSIVE_MENTION and row is None and tok.tag_ != "VBN":
                # "X was dismissed after warning that …": the active cue's subject, taken over from a passive
                # verb, is its mention (only the mention: the speaker stays unknown, as before)
                f.mention = subject_mention(subj)
        quoted = any(qs <= tok.idx < qe for qs, qe in f.quotes)
        if (row is None or how == "phrase" or subj.lower_ in f.lex["first_second_person"]) and quoted:
            continue  # a verb inside a quotation with no known subject, or "I think", is part of what was quoted
        # a subject inside a quotation is no speaker a later pronoun of the narrative refers to (round 13)
        remember = not (quoted and QUOTED_SUBJECT_NOT_REMEMBERED)
        if how == "name" and remember:
            f.tracker.remember(row)
        if STANCE_NOT_QUOTED and quoted and tok.lemma_.lower() in f.lex["stance"] - f.lex["speech"]:
            continue  # "“… people who think the states should …”": a belief in a quotation is part of what was quoted
        for _, rule in (ADJ_RULES if kind == "ADJ" else VERB_RULES):
            done = rule(f, tok, subj, row, how)
            if done is not None:
                break
        if done and remember:
            f.tracker.remember(row)

    f.mention_row = None
    for i, (qs, qe) in enumerate(f.quotes):
        if i not in f.used_quotes:
            for _, rule in QUOTE_RULES:
                if rule(f, qs, qe) is not None:
                    break

    _name_colon_lines(f)
    f.found = _with_content(f)
    f.found = [_read_in_source(f, s) for s in f.found if not _described_not_hedged(f, s)]
    f.found.sort(key=lambda s: (s["start_char"], s["anchor"]))
    # a hedged clause that someone is reported to say is theirs, not the writer's ("X appears to …, the ministry said")
    f.found = [s for s in f.found if s["rule"] != "evidential" or not any(
        o["rule"] != "evidential" and o["start_char"] <= s["start_char"] and s["end_char"] <= o["end_char"] for o in f.found)]
    # a cue the model found is read like a stance verb: it never replaces the speaker of a statement around it
    f.found = _drop_nested(f.found, f.lex["stance_only"] | {doc[i].lemma_.lower() for i in f.model_cues})
    # statements whose shape the trained statement filter (statementmodel) scores as no attribution are dropped
    f.found = statementmodel.keep_statements(f.found, statementmodel.Context(doc, f.quotes, f.model_cues, f.lex, f.text))
    return [_row(s, article_id, n, sentence_of, f.text) for n, s in enumerate(f.found)]


def _outer_conjunct_subject(f: _Finder, verb: Token, subj: Token) -> Token | None:
    """"The spokesman said the party was not in crisis, and urged …", "X told the AP her group never worked with Y
    and said …": a cue without a subject of its own that the parser hung as a conjunct on the clause another cue
    reports is that cue's conjunct — its subject speaks, not the reported clause's (session 18). Not for a pronoun
    subject of the clause (:data:`CONJUNCT_OF_REPORTED_CLAUSE` reads it), nor inside a quotation."""
    clause = verb.head
    if not OUTER_CONJUNCT_SUBJECT or verb.dep_ != "conj" or subj.head.i != clause.i or clause.dep_ != "ccomp" \
            or subj.pos_ == "PRON" or any(c.dep_ in _SUBJECT_DEPS for c in verb.children) \
            or clause.head.lemma_.lower() not in f.lex["speech"] | f.lex["stance"] \
            or any(qs <= verb.idx < qe for qs, qe in f.quotes):
        return None
    outer = _subject(clause.head)
    if outer is None or outer.dep_ != "nsubj" or outer.lower_ in f.lex["first_second_person"]:
        return None  # "you say he is … and ask …" is a figure of speech
    return outer


def _active_despite_passive(f: _Finder, cue: Token, subj: Token) -> bool:
    """A cue whose subject the parser marked passive but who speaks (session 23): "He's said that …" ("'s" read as
    "is", the parser's ``auxpass``: "has"; not "He's said to be rich", a passive with an infinitive, "she's seen as
    …", nor with a "by" agent), and a cue verb without a passive of its own that shares a passive verb's subject
    ("Roe was forced out and said …": Roe said it) — a finite verb conjoined with the passive one, not an
    infinitive or participle hanging from it ("Russia is allowed to threaten …", "units were given markings to
    indicate …", "X was hit …, saying …" are no statements of theirs), with a subject the tracker resolves to a
    name, pronoun or role noun and no "by" agent on the passive verb. Not an expletive "it" ("It's said that …")."""
    if subj.lower_ == "it" or any(c.dep_ == "agent" for c in cue.children):
        return False
    own = [c for c in cue.children if c.dep_ == "auxpass"]
    if subj.head.i == cue.i:
        return PERFECT_S_ACTIVE and len(own) == 1 and own[0].lower_ in ("'s", "’s") \
            and not any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "as" for c in cue.children)
    if not SHARED_PASSIVE_SUBJECT_ACTIVE or own or cue.tag_ not in _FINITE \
            or any(c.dep_ == "agent" for c in subj.head.children):
        return False  # "… organized by nationalists …, but want …": who wants is unclear
    tok = cue
    while tok.i != subj.head.i and tok.dep_ == "conj":
        tok = tok.head  # conjuncts only: "units were given markings to indicate …" is no statement of the units'
    # a name, pronoun or role noun: a thing ("sanctions can be lifted and agree …") is a parse gone wrong
    return tok.i == subj.head.i and f.tracker.resolve(subj)[0] is not None


_FINITE = ("VBD", "VBZ", "VBP")


PERFECT_S_ACTIVE = True  # session 23, switched off only to measure it
SHARED_PASSIVE_SUBJECT_ACTIVE = True  # session 23, switched off only to measure it
STANCE_NOT_QUOTED = True  # session 18, switched off only to measure it
OUTER_CONJUNCT_SUBJECT = True  # session 18, switched off only to measure it
INVERTED_MID_SPEAKER = True  # session 20, switched off only to measure it
_MID_MARKS = (",", "—", "–")


def _inverted_mid_speaker(f: _Finder, verb: Token) -> bool:
    """"The bridge, said Tom Hale, who runs the ferry, will not reopen": a speech verb set in the middle of the
    clause it reports, its speaker after it — the parser made the fronted phrase the verb's subject and the speaker
    the subject of the rest. The speaker is the phrase after the verb; the content runs from the fronted phrase to
    the end of the clause (the reporting words inside it, as PolNeAR's covering span has them; session 20)."""
    if not INVERTED_MID_SPEAKER or verb.lemma_.lower() not in f.lex["speech"] or verb.i == 0 \
            or verb.doc[verb.i - 1].text not in _MID_MARKS or any(qs <= verb.idx < qe for qs, qe in f.quotes):
        return False
    doc = verb.doc
    fronted = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if fronted is None or clause is None or fronted.lower_ in f.lex["first_second_person"] \
            or fronted.right_edge.i not in (verb.i - 2, verb.i - 1) \
            or any(t.dep_ in ("relcl", "appos") and t.i < verb.i for t in fronted.subtree):
        return False  # "Jane Roe, for example, said …", "aides to X, who …, said …": the subject speaks
    speaker = next((c for c in clause.children if c.dep_ == "nsubj" and c.left_edge.i == verb.i + 1), None)
    if speaker is None or speaker.pos_ not in ("PROPN", "NOUN") \
            or not any(t.text in _MID_MARKS for t in doc[speaker.i + 1:clause.i]):
        return False  # "X, said Jane Roe, …": a name or a noun phrase set off before the rest of the clause
    row, how = f.tracker.resolve_or_phrase(speaker)
    mention = mention_span(speaker, inverted=True) if row is not None else subject_mention(speaker)
    end = clause.right_edge
    f.add_verb(fronted.left_edge.idx, end.idx + len(end), verb, row, how, "indirect", "inverted_mid_speaker", mention)
    if how == "name":
        f.tracker.remember(row)
    return True


def _empty_it(subj: Token, cue: Token) -> bool:
    """"It" as the subject of "be" or an adjective that a cue's infinitive completes ("it is safe to suggest that …",
    "it would be wrong to think …", "it is hard not to conclude …"): an empty subject, no source."""
    frame = subj.head
    return subj.lower_ == "it" and subj.dep_ == "nsubj" and frame is not cue and cue.dep_ == "xcomp" \
        and (frame.lemma_ == "be" or frame.pos_ == "ADJ") and cue.head in (frame, *frame.children)


def _participle_by_agent(f: _Finder, verb: Token) -> None:
    """"the campaign, first reported by The Washington Post, …", "Kasich, endorsed by the Boston Globe": a cue as a
    past participle that describes a noun and names its "by" agent — the noun (without the participle) is what the
    agent said of or reported, the agent the speaker. Not inside a quotation."""
    if not READ_PARTICIPLE_AGENT or verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return
    if any(qs <= verb.idx < qe for qs, qe in f.quotes):
        return
    obj = next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
    if obj is None:
        return
    noun = verb.head
    skip = {t.i for t in verb.subtree}
    toks = [t for t in noun.subtree if t.i not in skip and t.i < verb.left_edge.i and not (t.is_punct or t.is_space)]
    if not toks:
        return
    row, how = f.tracker.resolve_or_phrase(obj)
    mention = mention_span(obj) if row is not None else subject_mention(obj)
    f.add_verb(toks[0].idx, toks[-1].idx + len(toks[-1]), verb, row, how, "indirect", "participle_agent", mention)


READ_PARTICIPLE_AGENT = True
AS_REPORTED_BY = True  # session 22, switched off only to measure it


def _as_reported_by(f: _Finder, verb: Token) -> bool:
    """"As reported by Reuters, the army lost …", "…, as confirmed by the ministry.": a speech verb as a past
    participle in an as-clause that names its "by" agent and no subject reports the clause the as-clause is set off
    from — the sentence around an opening or inserted as-clause ("The army, as reported by …, lost …"), the clause
    before a closing one (as :func:`_before_trailing_as` reads "…, as the agency reported."); the agent is the
    speaker (session 22). Not inside a quotation, and not over a clause that holds a cue of its own ("As reported by
    X, the minister said …", "“…,” according to an official, as reported by X": the inner statement is the one a
    figure's claimant comes from, and the statement filter drops a statement nested in another). True when it read
    the cue (no other rule reads it then: the main clause's subject is no speaker of it)."""
    if not AS_REPORTED_BY or verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.lemma_.lower() not in f.lex["speech"]:
        return False
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.i < verb.i), None)
    obj = next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
    if mark is None or mark.lower_ != "as" or obj is None or any(qs <= verb.idx < qe for qs, qe in f.quotes):
        return False
    if verb.head.i > verb.i:  # an opening or inserted as-clause: the sentence around it
        inner = range(verb.left_edge.i, verb.right_edge.i + 1)
        rest = [t for t in verb.sent if t.i not in inner and not (t.is_punct or t.is_space)]
        span = (rest[0].idx, rest[-1].idx + len(rest[-1])) if len(rest) >= 3 else None
    else:
        span = _before_trailing_as(verb.sent, mark, verb.right_edge)
    if span is None or any(span[0] <= c < span[1] for c in f.verb_chars):
        return False  # "As reported by X, the minister said …": the minister's statement, which claims credit
    row, how = f.tracker.resolve_or_phrase(obj)
    mention = mention_span(obj) if row is not None else subject_mention(obj)
    f.add_verb(*span, verb, row, how, "indirect", "as_reported_by", mention)
    return True
CONJUNCT_OF_REPORTED_CLAUSE = True  # session 18, switched off only to measure it
INHERITED_PASSIVE_MENTION = True  # round 15, switched off only to measure it


def _passive_source(f: _Finder, subj: Token) -> tuple[dict | None, str | None]:
    """'X was accused of …', 'X was warned by Y that …': the passive subject is spoken of, not speaking; the speaker
    is the 'by' agent, else unknown. Verbs of quoting ('X was quoted as saying') keep their subject as the speaker
    (rules: cue_verbs.json passive_speakers)."""
    verb = subj.head
    if verb.lemma_ in f.lex["passive_speakers"]:
        row, how = f.tracker.resolve_or_phrase(subj)
        f.mention = mention_span(subj) if row is not None else _unresolved_mention(subj)
        return row, how
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        for obj in agent.children:
            if obj.dep_ == "pobj":
                row, how = f.tracker.resolve_or_phrase(obj)
                f.mention = mention_span(obj) if row is not None else _unresolved_mention(obj)
                return row, how
    if PASSIVE_EXPERIENCER_MENTION and verb.lemma_.lower() in f.lex["experiencer_passives"]:
        f.mention = subject_mention(subj)  # "X was worried that …": who feels it (the speaker stays unknown)
        f.mention_row = _mention_speaker(f, f.mention, EXPERIENCER_MENTION_SPEAKER)
    return None, None


def _unresolved_mention(tok: Token) -> tuple[int, int] | None:
    """The mention of a passive cue's source that resolves to no speaker ("was rejected by an electorate he no longer
    recognized"): written all the same, as an active subject's is (:func:`subject_mention`)."""
    return subject_mention(tok) if PASSIVE_UNRESOLVED_MENTION else None


PASSIVE_UNRESOLVED_MENTION = True  # round 15, switched off only to measure it
PASSIVE_EXPERIENCER_MENTION = True  # session 18, switched off only to measure it


def _expletive_passive(f: _Finder, subj: Token) -> tuple[dict | None, str | None]:
    """"It was emphasized that …": no one is named; the speaker of a statement in the sentence just before goes on
    speaking, otherwise the speaker is unknown ("it" is no pronoun here)."""
    doc, prev = subj.doc, subj.sent
    for _ in range(4):  # the sentence before, over a heading line ("Sanctions against Russia") and blank lines
        if prev.start == 0:
            break
        prev = doc[prev.start - 1].sent
        body = prev.text.strip()
        if body and (body[-1] in ".!?\"”" or len(body.split()) > MAX_HEADING_WORDS):
            break
    prev_start = prev.start_char
    prev = [s for s in f.found if s["speaker_row"] is not None and s["end_char"] > prev_start and s["anchor"] < subj.idx]
    return (prev[-1]["speaker_row"], "continuation") if prev else (None, None)


def _drop_nested(found: list[dict], stance_only: set[str]) -> list[dict]:
    """Statements inside another statement's content that add no source of their own: an unknown speaker, the
    same speaker as the statement around them, or a stance verb inside a reported statement ("X said Washington believes …" is X's statement; the figure's
    claimant stays X, see ``claims``)."""
    def redundant(i: int, s: dict) -> bool:
        for j, o in enumerate(found):
            if j == i or not (o["start_char"] <= s["start_char"] and s["end_char"] <= o["end_char"]):
                continue
            if (o["start_char"], o["end_char"]) == (s["start_char"], s["end_char"]) and j > i:
                continue  # of two statements over the same span the first is kept
            if s["speaker_row"] is None or s["how"] == "phrase" or (s["cue_lemma"] in stance_only and o["cue_lemma"] not in stance_only):
                return True
            if o["speaker_row"] is not None and o["speaker_row"]["canonical"] == s["speaker_row"]["canonical"]:
                return True  # "she said she believes that …": one speaker, one statement
        return False
    return [s for i, s in enumerate(found) if not redundant(i, s)]


def _row(s: dict, article_id: str, n: int, sentence_of, text: str) -> dict:
    r, how = s["speaker_row"], s["how"]
    if r is None and s.get("mention_row") is not None:
        r, how = s["mention_row"], "mention"  # named by its mention, no one's claim (``claims`` reads it as unknown)
    return {
        "statement_id": f"{article_id}-s{n}",
        "article_id": article_id,
        "sentence_id": sentence_of(s["start_char"]),
        "start_char": s["start_char"],
        "end_char": s["end_char"],
        "speaker": r["canonical"] if r else UNKNOWN,
        "speaker_role": r["role"] if r else None,
        "cue": s["cue"],
        "cue_lemma": s["cue_lemma"],
        "kind": s["kind"],
        "content": text[s["start_char"]:s["end_char"]],
        "speaker_resolved_from": how if r else None,
        "speaker_kind": speaker_kind(r),
        "speaker_start": s["mention"][0] if s.get("mention") else None,
        "speaker_end": s["mention"][1] if s.get("mention") else None,
        "_label": r["label"] if r else None,
        "_rule": s["rule"],
        "_cue_char": s.get("cue_char", s["anchor"]),  # where the cue starts (claims.py reads its token; session 18)
    }


def _quote_near(quotes, sent, verb: Token) -> int | None:
    """Index of a quotation that shares the verb's sentence (touching it) and does not contain the verb."""
    s0 = sent.start_char
    s1 = s0 + len(sent.text.rstrip())
    best = None
    for i, (qs, qe) in enumerate(quotes):
        if qs <= verb.idx < qe:
            continue
        if qs < s1 and qe > s0:
            dist = verb.idx - qe if qe <= verb.idx else qs - verb.idx
            if best is None or dist < best[0]:
                best = (dist, i)
    return None if best is None else best[1]


def _following_lines(text: str, pos: int, verb_chars: list[int], max_lines: int = 6) -> tuple[int, int] | None:
    """The lines after an introducing colon, up to a line with a reporting cue of its own."""
    m = re.compile(r"[ \t]*\n\s*").match(text, pos)
    if m is None:
        return None
    start = end = cur = m.end()
    for _ in range(max_lines):
        line_end = text.find("\n", cur)
        line_end = len(text) if line_end < 0 else line_end
        i = bisect.bisect_left(verb_chars, cur)
        if line_end <= cur or (i < len(verb_chars) and verb_chars[i] < line_end):
            break
        end = line_end
        cur = len(text) - len(text[line_end:].lstrip())
        if cur >= len(text):
            break
    end = len(text[:end].rstrip())
    return (start, end) if end > start else None


def _colon_speaker(text: str, lookup: EntityLookup, qs: int) -> tuple[dict, int, int] | None:
    """A quote introduced by a colon, on the same line or the next paragraph ("Cruz continued:\n\n“…”"): the last
    named person or organisation between the sentence start and the colon (row, sentence start, colon offset)."""
    k = qs - 1  # the opening quotation mark
    while k > 0 and text[k - 1] in " \t\r\n" and qs - k < MAX_COLON_GAP:
        k -= 1
    if k == 0 or text[k - 1] != ":":
        return None
    colon = k - 1
    line_start = max(text.rfind("\n", 0, colon), text.rfind(". ", 0, colon)) + 1
    rows = [r for r in lookup.at(line_start, colon) if r["label"] in _PERSONISH | {"ORG"} and r["end_char"] <= colon]
    return (rows[-1], line_start, colon) if rows else None


_HEADLINE = re.compile(r"^[ \t]*([^:\n]{2,60}?)[ \t]*:[ \t]+(\S[^\n]*?)[ \t]*$", re.M)
_TO_BEFORE = re.compile(r"\bto\s+$")  # "… to <name>:": the name is an addressee


def _name_colon_lines(f: _Finder) -> None:
    """"Trump: Cruz has a long way to go" — a line that starts with a person's or organisation's name and a colon
    reports what they said (headlines, interview transcripts). A named source speaking inside the line keeps the line
    from being read, unless the name is all there is before the colon and the inner statement does not name that
    source again (round 13: "Ruiz: Vega thinks …" is Ruiz's, Vega's statement nested in it)."""
    for m in _HEADLINE.finditer(f.text):
        name_end, (cs, ce) = m.end(1), m.span(2)
        inner = [s for s in f.found if s["start_char"] < ce and cs < s["end_char"] and s["speaker_row"] is not None
                 and s["speaker_row"]["label"] != "PHRASE"]  # a named source inside the line speaks
        if len(f.text[cs:ce].split()) < MIN_QUOTE_WORDS:
            continue
        rows = [r for r in f.lookup.at(m.start(1), name_end)
                if r["label"] in _PERSONISH | {"ORG"} and r["end_char"] == name_end and r["start_char"] >= m.start(1)]
        mention = None
        if not rows and (named := _named_elsewhere(f, m.group(1))) is not None:
            # "Reyes: Harbour Repairs Will Take Two Years" — a headline name the model did not tag (round 14)
            rows, mention = [named], (m.start(1), name_end)
        to = _TO_BEFORE.search(f.text, m.start(1), rows[-1]["start_char"]) if ADDRESSEE_BEFORE_COLON and rows else None
        if to is not None:
            # "Biden to Xi: …": the name before the colon is whom it was said to; the speaker comes before "to"
            rows = [r for r in f.lookup.at(m.start(1), to.start()) if r["label"] in _PERSONISH | {"ORG", "GPE"}
                    and f.text[r["end_char"]:to.start()].strip() == ""][-1:]
            if not rows:
                continue
        alone = rows and (rows[-1]["start_char"] == m.start(1) or mention is not None)  # the name alone before the colon
        if inner and not (COLON_LINE_OVER_INNER and alone and not any(
                s["speaker_row"]["canonical"] == rows[-1]["canonical"] and s["how"] == "name" for s in inner)):
            continue  # a name alone before the colon speaks over another source in the line, not over its own name
        if rows:
            # "Ruiz: Vega said the count is wrong": Ruiz reports, and Vega's statement stays inside Ruiz's
            f.found = [s for s in f.found if not (s["start_char"] < ce and cs < s["end_char"]) or s in inner]
            f.add(cs, ce, rows[-1], "name", ":", ":", "indirect", cs, "name_colon_line",
                  mention or entity_mention(f.doc, rows[-1], m.start(1), name_end))


def _named_elsewhere(f: _Finder, name: str) -> dict | None:
    """The person or organisation of the article whose name ends with ``name`` — one to three capitalised words, as
    a headline or transcript writes a speaker before a colon ("Reyes:", "REYES:", "Dana Reyes:") — when the model
    tagged it somewhere else in the article and no other entity's name ends so; else None."""
    words = name.split()
    if not NAME_BEFORE_COLON_ELSEWHERE or not 1 <= len(words) <= 3 \
            or not all(len(w) > 1 and w[:1].isupper() and w.replace(".", "").replace("-", "").isalpha() for w in words):
        return None
    key = [w.casefold() for w in words]
    hits = {r["canonical"]: r for r in f.lookup.rows if r["label"] in _PERSONISH | {"ORG"}
            and [w.casefold() for w in r["canonical"].split()[-len(key):]] == key}
    return next(iter(hits.values())) if len(hits) == 1 else None


NAME_BEFORE_COLON_ELSEWHERE = True  # round 14, switched off only to measure it


def _cue_noun(f: _Finder, noun: Token) -> None:
    """"Kerry's announcement of X", "the ministry's estimate that …": a cue noun with a possessor; the content is
    the clause or the object of "of"/"on"/"about" it governs. The source mention is the possessor, or where a
    pronoun possessor owns the object of a verb whose subject is the same speaker, that subject ("Trump offered his
    assessment of …": "Trump", as PolNeAR marks it)."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        _unowned_cue_noun(f, noun)
        return
    if owner.pos_ == "PRON" and owner.lower_ not in f.lex["pronouns"]:
        return
    parts = cuemodel.noun_content_parts(noun, _noun_preps(f, noun)) or _copula_content(f, noun)
    if not parts:
        return
    part = parts[0]
    span = _edges([x for x in part.children if x.dep_ in ("pobj", "pcomp")] if part.dep_ == "prep" else [part])
    row, how = f.tracker.resolve_or_phrase(owner)
    mention = mention_span(owner)
    if owner.pos_ == "PRON" and noun.dep_ == "dobj" and row is not None:
        subj = _subject(noun.head)  # "Trump also offered his assessment of …": the one who offered it
        if subj is not None and subj.dep_ == "nsubj" and subj.pos_ in ("PROPN", "PRON") and not any(
                c.dep_ == "case" for c in subj.children) \
                and f.tracker.resolve_or_phrase(subj)[0] == row:
            mention = mention_span(subj)
    f.add_verb(*span, noun, row, how, "indirect", "model_noun" if noun.i in f.model_cues else "cue_noun", mention)


def _unowned_cue_noun(f: _Finder, noun: Token) -> None:
    """"allegations that the count was rigged", "criticism of the plan": a cue noun without an owner that reports a
    content — its that-clause, or for a noun of saying or stance the object of "of"/"on"/"about" — is a statement
    whose source is not named (speaker unknown: never anyone's claim), unless the noun is the object of a verb with a
    subject: "the union raised concerns that …", "the ministry issued a warning that …" — that subject is the source
    (round 10). A noun naming a document or a figure
    (``document_cue_nouns``: report, estimate, poll …) reports only a that-clause ("reports that the port closed");
    its "of" object is what it is about ("The estimate of the damage was published" is no statement). Not inside a
    quotation (part of what was quoted), nor a reporting verb the tagger read as a noun after its subject ("Ukraine's
    military claims that …", read by :func:`_noun_cue`). The statement filter judges these."""
    if any(qs <= noun.idx < qe for qs, qe in f.quotes):
        return
    if noun.lemma_.lower() in f.lex["speech"] and noun_cue_subject(noun) is not None:
        return
    document = noun.lemma_.lower() in f.lex["document_cue_nouns"]
    parts = cuemodel.noun_content_parts(noun, _noun_preps(f, noun), of_object=not document)
    if not parts:
        return
    part = parts[0]
    span = _edges([x for x in part.children if x.dep_ in ("pobj", "pcomp")] if part.dep_ == "prep" else [part])
    row = how = mention = None
    subj = _subject(noun.head) if noun.dep_ == "dobj" else None
    if subj is not None and subj.dep_ == "nsubj":  # "the union raised concerns that …": who raised them
        row, how = f.tracker.resolve_or_phrase(subj)
        mention = mention_span(subj) if row is not None else subject_mention(subj)
    elif (agent := _noun_agent(noun)) is not None:
        mention = subject_mention(agent)  # "complaints from local fishermen that …": the fishermen (speaker unknown)
    elif (subj := _predicate_subject(noun)) is not None:
        mention = subject_mention(subj)  # "X has been a critic of Y", "X voted in favor of Y": X (speaker unknown)
    elif (apposed := _apposed_mention(noun)) is not None:
        mention = apposed  # "Jane Roe, a critic of the plan, …": Jane Roe (speaker unknown)
    elif (named := _named_modifier(noun)) is not None:
        mention = named  # "Republican criticism that …", "a German warning about …": the name (speaker unknown)
    if row is None:
        f.mention_row = _mention_speaker(f, mention, UNOWNED_NOUN_MENTION_SPEAKER)
    f.add_verb(*span, noun, row, how, "indirect", "model_noun" if noun.i in f.model_cues else "cue_noun_unowned", mention)


NAMED_MODIFIER_SOURCE = True  # session 18, switched off only to measure it
_MODIFIER_NAMES = ("NORP", "ORG", "GPE", "PERSON")


def _named_modifier(noun: Token) -> tuple[int, int] | None:
    """The name that modifies an unowned cue noun before it ("Republican criticism that …", "a German warning about
    …", "Pentagon estimates of …"): PolNeAR marks that word as the source (session 18). Only the mention: the speaker
    stays unknown, as for :func:`_predicate_subject`."""
    if not NAMED_MODIFIER_SOURCE:
        return None
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i
            and c.ent_type_ in _MODIFIER_NAMES and (c.ent_type_ == "NORP" or not c.is_sent_start)]
    # (a capital opening a sentence is no evidence of a name: "Fierce criticism that …" tagged as one)
    if not mods:
        return None
    mod, doc = mods[0], noun.doc
    name = next((e for e in doc.ents if e.start <= mod.i < e.end), None)  # a name of several words
    lo, hi = (name.start, min(name.end, noun.i) - 1) if name is not None else (mod.i, mod.i)
    return doc[lo].idx, doc[hi].idx + len(doc[hi])


COPULA_CONTENT = True  # session 17, switched off only to measure it


def _copula_content(f: _Finder, noun: Token) -> list[Token]:
    """"His view is that the talks failed", "the mayor's argument was that …": an owned listed cue noun (not one the cue
    model found) that is the subject of "be" reports the clause "be" takes after it — a complement clause or an
    infinitive (session 17), where the noun governs no content of its own. (Unowned, "The question is whether …",
    tried and not kept: PolNeAR mostly names a source elsewhere.)"""
    if not COPULA_CONTENT or noun.i in f.model_cues or noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return []
    return [c for c in noun.head.children if c.i > noun.i and (c.dep_ == "ccomp" or c.dep_ == "xcomp" and any(
        x.dep_ == "aux" and x.lower_ == "to" and x.i < c.i for x in c.children))][:1]


NOUN_PREDICATE_SOURCE = True  # round 12, switched off only to measure it
NOUN_AGENT_SOURCE = True  # round 15, switched off only to measure it


def _noun_agent(noun: Token) -> Token | None:
    """The object of "from" or "by" on an unowned cue noun ("complaints from his counterpart that …", "criticism by
    the unions of …"): who made them, the source mention PolNeAR marks. Only the mention: the speaker stays
    unknown, as for :func:`_predicate_subject`."""
    if not NOUN_AGENT_SOURCE:
        return None
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("from", "by") and p.i > noun.i
                 for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _predicate_subject(noun: Token) -> Token | None:
    """The subject of the clause whose predicate holds an unowned cue noun as its complement ("Jane Roe has been a
    fierce critic of …") or in a prepositional phrase on its verb ("the senator closed the debate with harsh words
    about …", "the council voted in favor of the bill"): PolNeAR marks that subject as the source (round 12). Only
    the mention: the speaker stays unknown, so no claimant changes."""
    if not NOUN_PREDICATE_SOURCE:
        return None
    if noun.dep_ == "attr":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        verb = noun.head.head
    else:
        return None
    subj = _subject(verb)
    return subj if subj is not None and subj.dep_ == "nsubj" else None


EVIDENTIAL_MENTION_SPEAKER = True  # session 23, switched off only to measure it
UNOWNED_NOUN_MENTION_SPEAKER = True  # session 23, switched off only to measure it
MENTION_THING_OF_PLACE = True  # session 23, switched off only to measure it
MENTION_PEOPLE_GROUP = True  # session 23b: a plural people noun (people_nouns.json) as a mention's group; switch to measure it
EXPERIENCER_MENTION_SPEAKER = True  # session 23, switched off only to measure it


def _mention_speaker(f: _Finder, mention: tuple[int, int] | None, switch: bool) -> dict | None:
    """Who a source mention names where the statement's speaker is unknown by design — the subject of a hedge
    ("Jane Roe appears to be …"), of a predicate holding an unowned cue noun ("Jane Roe has been a critic of …"),
    the agent or apposition of such a noun, the one a passive of feeling speaks of ("Roe was worried that …"): the
    name, role noun, pronoun or phrase the tracker resolves the mention's head to, as for a cue's subject (session
    23). The statement names it as its speaker with ``speaker_resolved_from`` "mention"; it is no one's claim
    (``claims`` reads such a speaker as unknown), and no later pronoun is bound to it. A noun phrase that is no name
    only as an unnamed role, anonymous source or body: a plural ("these ideas seem secondary", "appeals appeared to
    …") is no group of people by its form alone; not "I" or "we" outside a quotation."""
    if not switch or mention is None:
        return None
    span = f.doc.char_span(*mention, alignment_mode="expand")
    if span is None or span.root.lower_ in f.lex["first_second_person"]:
        return None
    root = span.root
    row, how = f.tracker.resolve_or_phrase(root)
    if MENTION_THING_OF_PLACE and how == "name" and root.pos_ == "NOUN" and row["label"] in ("GPE", "LOC", "NORP") \
            and not row["start_char"] <= root.idx < row["end_char"]:
        return None  # "Ukrainian successes appeared to …", "Diplomats from Russia and France": a place's is no one
    if how == "phrase" and row["kind"] == "group" and MENTION_PEOPLE_GROUP and root.pos_ == "NOUN" and common_word(root) \
            and root.lemma_.lower() in f.tracker.lex["people_nouns"]:
        return row  # "Voters seem to care more …", "Democratic voters were supporting …": people (session 23b)
    return row if how != "phrase" or row["kind"] in _MENTION_PHRASE_KINDS else None


_MENTION_PHRASE_KINDS = ("role", "anonymous", "body")


APPOSED_NOUN_SOURCE = True  # session 19, switched off only to measure it


def _apposed_mention(noun: Token) -> tuple[int, int] | None:
    """The mention of the name an unowned cue noun stands in apposition to ("Jane Roe, a fierce critic of the plan,
    said …", "the mayor, a harbour pilot and a supporter of the ferry,"): the name, without the apposition that holds
    the noun, is the one who criticises or supports (session 19). Only the mention, as for
    :func:`_predicate_subject`."""
    if not APPOSED_NOUN_SOURCE:
        return None
    t = noun
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    if t.dep_ != "appos" or t.head.i > t.i or t.head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    if subject_mention(t.head) is None:
        return None
    start, end = mention_span(t.head, without=t)
    before = t.doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
    if before is not None and before.text in (",", "–", "—", "-") and before.idx < end <= before.idx + len(before):
        end = before.idx  # the mark that opens the apposition is no part of the name
        while end > start and doc_text(t.doc)[end - 1].isspace():
            end -= 1
    return (start, end) if end > start else None


def _noun_preps(f: _Finder, noun: Token) -> set[str]:
    """The prepositions whose object a cue noun reports: ``cue_noun_prepositions`` for a listed noun; for a noun the
    cue model found, those and the stance verbs' (``stance_prepositions``: "opposition to X", "a swipe at X")."""
    return model_noun_preps() if noun.i in f.model_cues else f.lex["cue_noun_preps"]


def _adjective_cue(tok: Token, lex) -> bool:
    """"was critical of X", "is confident that …": an adjective after a form of "be", not one of ability, likelihood or
    readiness (``modal_adjectives``: able, likely, ready …). Its content is read by :func:`_adjective`. Also a past
    participle of feeling (``experiencer_passives``) the tagger read as a verb in that place, with a clause of its own
    ("is convinced that …", "were concerned that …": ``PARTICIPLE_ADJECTIVE_CLAUSE``, session 22; not "is so involved
    he is …", "were … NATO-sourced")."""
    if tok.dep_ != "acomp" or tok.head.lemma_ != "be" or tok.lemma_.lower() in lex["modal_adjectives"]:
        return False
    return tok.pos_ == "ADJ" or PARTICIPLE_ADJECTIVE_CLAUSE and tok.tag_ == "VBN" \
        and tok.lemma_.lower() in lexicons.cue_verbs()["experiencer_passives"] and bool(_adjective_clause(tok))


PARTICIPLE_ADJECTIVE_CLAUSE = True  # session 22, switched off only to measure it


def _adjective_clause(tok: Token) -> list[Token]:
    """The clause an adjective cue reports ("is confident that …"): a complement clause after it, or an adverbial
    clause the parser made of a that-clause."""
    return [c for c in tok.children if c.i > tok.i and (c.dep_ == "ccomp" or c.dep_ == "advcl" and any(
        x.dep_ == "mark" and x.lower_ == "that" for x in c.children))]


def _adjective(f: _Finder, tok: Token, subj: Token, row, how) -> bool | None:
    """The content of an adjective cue (:func:`_adjective_cue`): its clause ("is confident that …"), else the object of
    a preposition after it (``adjective_prepositions``: "was critical of the plan"); never an infinitive ("is eager to
    …" is a wish, not a statement). The speaker is the subject of the copula; a subject that resolves to no one who can
    hold a view ("The harbour is full of boats") makes no statement. The statement filter judges these."""
    if row is None:
        return False
    parts = _adjective_clause(tok)
    if not parts and tok.pos_ == "ADJ":  # a participle ("is convinced that …") reports only its clause
        parts = [x for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ in f.lex["adjective_preps"]
                 for x in c.children if x.dep_ in ("pobj", "pcomp")][:1]
    if not parts:
        return None
    f.add_verb(*_edges(parts), tok, row, how, "indirect", "adjective")
    return True


ADJ_RULES = [("adjective", _adjective)]  # the rules for an adjective cue (:func:`_adjective_cue`)


def _evidential(f: _Finder, verb: Token) -> None:
    """"Ben Carson appears to be slipping", "it seems that …": the writer hedges a clause; the clause (with its subject,
    as PolNeAR marks it) is a statement whose source is not named — never the subject's claim (speaker unknown);
    the subject is its source mention all the same (PolNeAR marks it so; as :func:`subject_mention`).
    Not inside a quotation (part of what was quoted), and only with a complement ("appeared on television" is none)."""
    if any(qs <= verb.idx < qe for qs, qe in f.quotes):
        return
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    mention = None
    if ccomp is not None:
        span = _edges([ccomp])
    else:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        comp = [c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd") and c.i > verb.i]
        if subj is None or not comp or subj.lower_ == "it" and not comp:
            return
        span = _edges([subj] + comp)
        mention = subject_mention(subj)  # "Voters seem to care …": the guideline marks the subject as the source
        f.mention_row = _mention_speaker(f, mention, EVIDENTIAL_MENTION_SPEAKER)
    f.add_verb(*span, verb, None, None, "indirect", "evidential", mention)


def _noun_cue(f: _Finder, tok: Token) -> None:
    """A reporting verb tagged as a noun ("Ukraine's military claims that …", "…, customs data show."): its "that"
    clause, else the sentence before the comma; the speaker is the name in the phrase before it."""
    if _as_noun_cue(f, tok):
        return
    subj = noun_cue_subject(tok)
    if subj is None:
        return
    rows = [r for r in f.lookup.at(subj.start_char, subj.end_char)
            if r["label"] in _PERSONISH | {"ORG"} and r["start_char"] >= subj.start_char and r["end_char"] <= subj.end_char]
    if not rows:
        return
    row = max(rows, key=lambda r: r["end_char"] - r["start_char"])
    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    span = _edges([clause]) if clause is not None else (tok.sent.start_char, subj.start_char)
    f.add_verb(*span, tok, row, "name", "indirect", "noun_cue", (subj.start_char, subj.end_char))
    f.tracker.remember(row)


SOURCE_PHRASE_PREPS = ("in", "by")


def _source_phrase(tok: Token, lex, cue_heads: set[int]) -> bool:
    """"In a new poll by the agency, the mayor leads by 9 points", "By the ministry's tally, 300 were hurt": "in"/"by" and a
    noun naming a document or a figure (``document_cue_nouns``: poll, survey, report, tally …), set off by a comma
    before a clause no cue heads — a statement over that clause (:func:`_source_phrase_statement`), rule
    ``source_phrase``, judged by the statement filter."""
    if tok.dep_ != "prep" or tok.lower_ not in SOURCE_PHRASE_PREPS or tok.head.pos_ not in ("VERB", "AUX") \
            or tok.head.i in cue_heads and not _respondents_say(tok.head) or tok.i > tok.head.i or tok.right_edge.i + 1 >= len(tok.doc) \
            or tok.doc[tok.right_edge.i + 1].text != ",":
        return False  # a phrase set off by a comma before its clause ("In a new poll, …"), not "leads in the polls"
    return any(c.dep_ == "pobj" and c.lemma_.lower() in lex["document_cue_nouns"] for c in tok.children)


def _respondents_say(cue: Token) -> bool:
    """"In a new poll, 79 percent of voters said …": a cue whose subject is a share or count of people (a number or
    "percent" in it) reports what the poll found — the phrase is still the source of the clause, over the cue
    (``SOURCE_PHRASE_OVER_COUNT``, session 21; PolNeAR marks the poll's attribution around the respondents' one)."""
    subj = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return SOURCE_PHRASE_OVER_COUNT and subj is not None and cue.i > subj.i and any(
        t.like_num or t.lower_ in ("percent", "%", "per") for t in subj.subtree)


SOURCE_PHRASE_OVER_COUNT = True  # session 21, switched off only to measure it


def _source_phrase_statement(f: _Finder, tok: Token) -> None:
    """The statement of a source phrase (:func:`_source_phrase`): the clause it modifies, less the phrase; the source a
    person or organisation named inside the phrase ("In a new poll by the Gallup agency"), else unknown ("In the new
    survey, …": no one's claim). Not inside a quotation."""
    if any(qs <= tok.idx < qe for qs, qe in f.quotes):
        return
    skip = {t.i for t in tok.subtree}
    words = [t for t in tok.head.subtree if t.i not in skip and not (t.is_punct or t.is_space)
             and not (t.dep_ == "cc" and t.head.i == tok.head.i)]
    if len(words) < 3:
        return
    obj = next(c for c in tok.children if c.dep_ == "pobj")
    inside = [r for r in f.lookup.at(obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge))
              if r["label"] in _PERSONISH | {"ORG"} and r["start_char"] >= obj.left_edge.idx]
    row, how = (inside[0], "name") if inside else (None, None)
    f.add(words[0].idx, words[-1].idx + len(words[-1]), row, how, tok.text, tok.lower_, "indirect", tok.idx,
          "source_phrase", mention_span(obj) if row is not None or SOURCE_PHRASE_MENTION else None)


SOURCE_PHRASE_MENTION = True  # session 18: "In the latest poll, …" marks the poll as the source (speaker unknown)


READ_SOURCE_PHRASE = True


def _according(doc: Doc, tok: Token, tracker: SpeakerTracker, add) -> None:
    """'according to X, …' / '…, according to X': content is the rest of the sentence."""
    sent = tok.sent
    if CITING_IS_SUBJECTS and tok.lower_ == "citing" and tok.dep_ in ("advcl", "xcomp", "conj") \
            and tok.head.lemma_.lower() in _lex()["speech"] | _lex()["stance"] and _subject(tok.head) is not None:
        return  # "X said …, citing Y": the cue verb's subject speaks and cites Y (PolNeAR marks it X's own act)
    obj_head = doc[tok.i + 1] if tok.lower_ in ("according", "cited", "quoted") and tok.i + 1 < len(doc) else tok
    objs = [c for c in obj_head.children if c.dep_ in ("pobj", "dobj")]
    if not objs:
        return
    obj = objs[0]
    phrase_start, phrase_end = tok.idx, obj.right_edge.idx + len(obj.right_edge)
    mention = mention_span(obj, owned_phrase=ACCORDING_OWNED_PHRASE)
    glued = _subject_glued_to(obj, tok)
    if glued is not None:  # "According to the report, the mayor resigned": the mayor is no part of the source
        phrase_end = doc[glued.left_edge.i - 1].idx
        mention = (mention[0], min(mention[1], phrase_end))
    row, how = tracker.resolve(obj)
    if row is not None and row["start_char"] >= phrase_end:
        row = None  # a name in the clause's subject glued to the source speaks for no one here
    if row is None:  # "according to a count by the AP": a name inside the phrase; "according to a poll": the poll
        inside = [r for r in tracker.entities.at(obj.left_edge.idx, phrase_end)
                  if r["label"] in _PERSONISH | {"ORG"} and r["start_char"] >= obj.left_edge.idx]
        row, how = (inside[0], "name") if inside else tracker.resolve_or_phrase(obj) if glued is None else (
            tracker.phrase_row(obj), "phrase")
    before = (sent.start_char, phrase_start)
    after = (phrase_end, sent.end_char)
    start, end = before if before[1] - before[0] >= after[1] - after[0] else after
    prev = doc[tok.i - 1] if tok.i > sent.start else None
    if prev is not None and prev.pos_ == "CCONJ" and doc_text(doc)[after[0]:after[1]].strip(" ,.\n"):
        start, end = after  # "X announced A, and according to Y, B": the phrase opens the clause after the "and"
    if _DEMONSTRATIVE.match(doc_text(doc)[before[0]:before[1]].strip(" ,.\n")) and sent.start > 0:
        # "That's according to Politico.": the attribution covers the sentence before
        prev = doc[sent.start - 1].sent
        while prev.start > 0 and not prev.text.strip():
            prev = doc[prev.start - 1].sent
        start, end = prev.start_char, prev.start_char + len(prev.text.rstrip())
    cue = doc[tok.i:obj_head.i + 1].text.lower()
    add(start, end, row, how, cue, cue.lower(), "according_to", tok.idx, "according_to", mention)
    tracker.remember(row)


ACCORDING_OWNED_PHRASE = True  # round 15, switched off only to measure it
ACCORDING_SUBJECT_APART = True  # round 15, switched off only to measure it


def _subject_glued_to(obj: Token, cue: Token) -> Token | None:
    """"According to the report, the mayor resigned": the parser often hangs the clause's subject on the source as
    an apposition or a conjunct of it and leaves the verb after it without a subject; that phrase (after a comma, right
    before the verb) is the clause's subject, not part of the source. None when the verb has its own subject."""
    verb = cue.head
    if not ACCORDING_SUBJECT_APART or verb.i < cue.i or verb.pos_ not in ("VERB", "AUX") or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    return next((c for c in obj.subtree if c.dep_ in ("appos", "conj") and c.i > obj.i and c.right_edge.i + 1 == verb.i
                 and obj.doc[c.left_edge.i - 1].text == ","), None)


# ---------------------------------------------------------------- session 19: cues the parser left without a subject

SUBJECT_BEFORE_CUE = True  # session 19, switched off only to measure it
QUESTION_PARTICIPLE_CONTENT = True  # session 19, switched off only to measure it
_FINITE_TAGS = ("VBD", "VBZ", "VBP")


def _subject_before_cue(verb: Token) -> Token | None:
    """The subject of a finite reporting verb heading its sentence that the parser left without one, having hung the
    noun phrase right before it elsewhere ("In an interview with A and B, the candidate stated that …": an apposition
    of B; "…, the campaign chief, Paul Manafort, bluntly suggested that …"): that noun phrase, when only adverbs of the
    verb and a comma that closes it stand between them (session 19). A verb with a subject of any kind (a clause,
    "there") keeps it, and nothing is guessed where the word before is no noun ("Bringing the show back, he said, feels
    …", "[…] feel uncomfortable")."""
    if not SUBJECT_BEFORE_CUE or verb.dep_ != "ROOT" or verb.tag_ not in _FINITE_TAGS \
            or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl") for c in verb.children):
        return None
    doc, k = verb.doc, verb.i - 1
    while k >= verb.sent.start and doc[k].dep_ == "advmod" and doc[k].head.i == verb.i and doc[k].pos_ == "ADV":
        k -= 1  # "bluntly", "also"
    if k >= verb.sent.start and doc[k].text == ",":
        k -= 1
    if k < verb.sent.start:
        return None
    if doc[k].pos_ not in ("NOUN", "PROPN") or doc[k].right_edge.i != k:
        return None
    chain = [doc[k]]  # the phrases that end with that noun, innermost first
    while chain[-1].head.i != chain[-1].i and chain[-1].head.i < verb.i and chain[-1].head.right_edge.i >= k:
        chain.append(chain[-1].head)
    if chain[-1].pos_ in ("NOUN", "PROPN"):
        return chain[-1]  # "Col. Jane Roe, a military spokesman in Baghdad, said": the whole phrase
    # the phrase is part of an opening adverbial ("In an interview with A and B, the candidate stated"): the last
    # apposition set off by a comma in it is the subject, and nothing when there is none; where that apposition
    # follows a name set off itself ("Alarmed by the unrest, Senator Jane Roe, the minority leader, said"), the name
    title = next((t for t in chain if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "appos"
                  and t.left_edge.i > 1 and doc[t.left_edge.i - 1].text == ","), None)
    if title is None:
        return None
    name, first = title.head, title.head.i
    while first > verb.sent.start and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == name.i:
        first -= 1  # "Senator Jane Roe"
    if name.pos_ == "PROPN" and doc[title.left_edge.i - 2].i == name.i and (
            first == verb.sent.start or doc[first - 1].text in _SET_OFF + ("”",)):
        return name
    return title


def _not_the_named_head(f: _Finder, subj: Token, row, how) -> tuple[dict | None, str | None]:
    """The speaker of a subject found by :func:`_subject_before_cue` that is an apposition of a name in the phrase
    before it ("In an interview with the hosts A and B, the defence minister stated …"): never that name, which the
    resolver reads through the apposition the parser made, but the phrase itself (an unnamed role)."""
    head = subj.head
    if subj.dep_ == "appos" and head.i < subj.i and row is not None and any(
            r["canonical"] == row["canonical"] for r in f.lookup.at(head.idx, head.idx + len(head))):
        phrase = f.tracker.phrase_row(subj)
        return (phrase, "phrase") if phrase is not None else (None, None)
    return row, how


def _question_participle(f: _Finder, verb: Token) -> bool:
    """"Asked whether he would resign, the mayor said …", "When asked about the losses, …": a participle of a verb that
    asks (``question_verbs``) with no subject of its own reports the question put to the main clause's subject, not
    something that subject says: a statement over the question (its "whether"/"if"/wh- clause, the object of "about",
    or the infinitive of "asked to confirm …") whose source is unnamed, or the "by" agent (session 19; PolNeAR marks
    these questions with no source); the one asked is never its source ("Asked by a reporter whether …, Roe said":
    the reporter). True when it added the statement. Not inside a quotation."""
    if not QUESTION_PARTICIPLE_CONTENT or verb.tag_ != "VBN" or verb.dep_ != "advcl" \
            or verb.lemma_.lower() not in lexicons.cue_verbs()["question_verbs"] \
            or any(c.dep_ in _SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children) \
            or any(qs <= verb.idx < qe for qs, qe in f.quotes):
        return False
    kids = [c for c in verb.children if c.i > verb.i]
    part = next((c for c in kids if c.dep_ in ("ccomp", "xcomp") or c.dep_ == "advcl" and any(
        x.dep_ == "mark" and x.lower_ in ("whether", "if") for x in c.children)), None)  # "Asked by X if …"
    if part is None:
        about = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "about"), None)
        part = next((c for c in about.children if c.dep_ == "pobj"), None) if about is not None else None
    if part is None:
        return False
    agent = next((o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
    row, how, mention = None, None, None
    if agent is not None:
        row, how = f.tracker.resolve_or_phrase(agent)
        mention = mention_span(agent) if row is not None else subject_mention(agent)
    f.add_verb(*_edges([part]), verb, row, how, "indirect", "question_participle", mention)
    return True

DASH_REPORT = True  # session 19, switched off only to measure it
_DASH_BEFORE = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[^\W\d_]))[-–—][ \t]*$")  # a spaced, line-opening or glued dash
_SPEAKER_STOPS = (".", "!", "?", ",", ";", ":", "(", ")", '"', "“", "”", "«", "»", "-", "–", "—")
MAX_DASH_SPEAKER = 12  # tokens from an inverted cue to the end of its speaker phrase
_NOT_DASH_SPEAKER = ("to", "that", "it", "this", "by", "there")  # "- said to be …", "- says that …": no inverted report


def _dash_verb(tok: Token, verbs: set[str]) -> bool:
    """A lower-case reporting verb in an inflected form ("said", "notes", "continued"), however the parser tagged it
    ("notes" as a noun, "said" as an adjective)."""
    low = tok.lower_
    if not tok.is_lower or not tok.is_alpha or low == tok.lemma_.lower() and not low.endswith(("s", "d")):
        return False  # an inflected form only: not "home-state", "eight-point"
    forms = {tok.lemma_.lower(), low, low[:-1], low[:-2], low[:-3] + "y" if low.endswith("ies") else low}
    return bool(forms & verbs)


def _dash_speaker_words(tok: Token) -> tuple[list[Token], str]:
    """The words after an inverted cue up to the first stop, comma or line end, as its speaker phrase, and the mark
    that ends them ("" at the end of the text); no words when no such mark comes within :data:`MAX_DASH_SPEAKER`
    words or a verb or "that" comes first ("- said at a rally that …", "- revealed X is …": a clause, no speaker)."""
    words = []
    for t in tok.doc[tok.i + 1:tok.i + 2 + MAX_DASH_SPEAKER]:
        if t.text in _SPEAKER_STOPS or "\n" in t.text:
            return words, t.text
        if len(words) == MAX_DASH_SPEAKER or t.pos_ in ("VERB", "AUX") or t.lower_ == "that":
            return [], ""
        words.append(t)
    return words, ""


def _dash_speaker(f: _Finder, words: list[Token]) -> tuple[dict | None, str | None, Token | None]:
    """Who an inverted cue's phrase names: a person named in it ("- said the President of the United States Jane
    Roe"), else the holder of the role noun it ends in ("- said the party's president"), else an organisation named
    in it ("- reports Reuters"), else the phrase itself; the token its mention is read from."""
    lo, hi = words[0].idx, words[-1].idx + len(words[-1])
    rows = [r for r in f.lookup.at(lo, hi) if r["start_char"] >= lo and r["end_char"] <= hi]
    people = [r for r in rows if r["label"] in _PERSONISH]
    at = {t.idx: t for t in words}
    if people:
        return people[0], "name", at.get(people[0]["start_char"])
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN", "PRON")]
    roles = [t for t in nouns if t.lemma_.lower() in f.lex["roles"] or t.lower_ in f.lex["roles"]]
    if roles:  # "- noted the US president": the person named before whose role fits, not the last president named
        head = roles[-1]
        first = next((t for t in words if t.i <= head.i and t.pos_ not in ("DET", "ADP", "PUNCT")), head)
        titled = [r for r in f.lookup.rows if r["label"] in _PERSONISH and r["role"] and r["start_char"] < head.idx
                  and len(r["canonical"].split()) > 1]
        holders = role_holders(head.doc[first.i:head.i + 1].text, titled)
        if holders:
            return holders[-1], "role_noun", head
        return f.tracker.phrase_row(head), "phrase", head
    named = [r for r in rows if r["label"] == "ORG" and not any(  # not "the interlocutor of PAP": PAP's guest
        t.pos_ == "ADP" and t.idx < r["start_char"] for t in words)]
    if named:
        return named[0], "name", at.get(named[0]["start_char"])
    adp = next((t.i for t in words if t.pos_ == "ADP"), None)
    nouns = [t for t in nouns if adp is None or t.i < adp]  # "the interlocutor of X": the interlocutor
    if not nouns:
        return None, None, None
    row, how = f.tracker.resolve_or_phrase(nouns[-1])
    return row, how, nouns[-1]


def _dash_content_start(f: _Finder, dash: int, cue: Token) -> int:
    """Where the words an inverted cue reports begin: after the dash that opens them on the line or after a report
    that closes a quotation before on the line (with what its cue goes on to report), else at the sentence start
    (never on the line before: a dash opening its line leaves too few words)."""
    text = f.text
    line = text.rfind("\n", 0, dash) + 1
    # a report closing a quotation before on the line, and what its cue goes on to report right after it ("- … - he
    # said, pointing out that “…” … - said X."): the words after them
    before = [s["anchor"] + len(s["cue"]) for s in f.found if line <= s["anchor"] < dash and s["anchor"] >= s["end_char"]]
    before += [s["end_char"] for s in f.found if before and s["end_char"] < dash
               and s["anchor"] >= max(before) and not text[max(before):s["anchor"]].strip(" ,")]
    opened = [m.end() for m in _DASH_OPEN.finditer(text, line, dash) if m.end() < dash] + before
    if opened:
        return max(opened)
    return max(line, cue.sent.start_char) if cue.sent.start_char < dash else line


def _dash_report(f: _Finder, tok: Token) -> None:
    """"… their goal is Kiev - said the President of the United States Jane Roe.", "… - notes Jan Kowalski, MP.",
    "… - continued Roe.": the inverted report of Polish and Russian news translated to English, a reporting verb in
    an inflected form right after a dash with its speaker after it, which the parser seldom reads (the name taken for
    an object, the verb for an adjective or a noun). The words before the dash, from the dash that opens them on the
    line (else the sentence), are a direct statement of the person named after the verb, else of the holder of the
    role noun there, else of the organisation named (:data:`DASH_REPORT`). Not when a verb or "that" follows the cue
    (a clause, no speaker phrase), nor, for a cue the parser took for no verb or a hyphen inside a word, without a
    person's name. A cue another rule read already is left to it."""
    text = f.text
    m = _DASH_BEFORE.search(text, max(0, tok.idx - 3), tok.idx)
    if m is None or any(s.get("cue_char", s["anchor"]) == tok.idx for s in f.found):
        return
    words, stop = _dash_speaker_words(tok)
    if not words or words[0].lower_ in _NOT_DASH_SPEAKER or any(a <= tok.idx < b for a, b in _quotes(text)):
        return
    dash = m.start()
    start = _dash_content_start(f, dash, tok)
    if len(text[start:dash].split()) < MIN_QUOTE_WORDS:
        return
    row, how, head = _dash_speaker(f, words)
    person = how == "name" and row["label"] in _PERSONISH
    if head is None or tok.pos_ not in ("VERB", "AUX") and not person:
        return  # a verb the parser read as a noun ("— states like Texas") reports only before a person's name
    if dash > 0 and text[dash - 1].isalpha() and not (person and (stop in (".", "!", "?", "") or "\n" in stop)):
        return  # a hyphen inside a word ("self-described", "now-denied X pipeline and …") only before a name ending it
    for i, (qs, qe) in enumerate(f.quotes):
        if qe <= dash and text[qe:dash].strip() == "" and qs >= start - 2:
            f.used_quotes.add(i)  # the dash quotation this cue closes: read here, not again by the quotation rules
    mention = (row["start_char"], row["end_char"]) if how == "name" else mention_span(head)
    f.add(start, dash, row, how, tok.text, tok.lemma_.lower(), "direct", tok.idx, "dash_report", mention)
    if how == "name" and row is not None:
        f.tracker.remember(row)


def _dash_cues(f: _Finder) -> list[Token]:
    """The tokens :func:`_dash_report` reads: a reporting verb right after a dash."""
    verbs = f.lex["speech"] | set(lexicons.cue_verbs()["dash_report_verbs"])
    text = f.text
    return [t for t in f.doc if t.idx > 0 and text[t.idx - 1] in "-–— \t" and _dash_verb(t, verbs)
            and _DASH_BEFORE.search(text, max(0, t.idx - 3), t.idx)]


# --- session 19: statements that are no statements (a deed read as a cue, an imperative, a content of one word) ---
MODEL_CUE_NOT_ACTION = True  # session 19, switched off only to measure it
IMPERATIVE_NO_STATEMENT = True  # session 19, switched off only to measure it
DEMONYM_SPEAKER_PHRASE = True  # session 19, switched off only to measure it
FUNCTION_WORD_CONTENT = True  # session 19, switched off only to measure it
_LEAD_DEPS = ("cc", "intj", "advmod", "punct", "discourse")
_AGENT_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "person")  # nouns of one who does


def _action_model_cue(tok: Token) -> bool:
    """A verb the cue model scored as a cue whose lemma names a deed or a preparation, never a saying or a belief
    (``cue_verbs.json`` ``action_verbs``: "Poland braced itself to …", "X launched an offensive", "held talks"): no
    cue (MODEL_CUE_NOT_ACTION). Deeds PolNeAR annotates as attributions ("made remarks", "decided to", "signed",
    "delivered a speech", "laid out") are not in the class."""
    return MODEL_CUE_NOT_ACTION and tok.pos_ in ("VERB", "AUX") \
        and tok.lemma_.lower() in lexicons.cue_verbs()["action_verbs"]


def _imperative(verb: Token) -> bool:
    """A cue verb in the imperative ("And ask yourself …", "Tell them …"): the base form with no subject, auxiliary
    or subordinator of its own, with only a conjunction, interjection, adverb or punctuation before it in its
    sentence (the parser may hang it on a later verb: "And ask yourself, do they …?"). It addresses the reader: no one is on record (IMPERATIVE_NO_STATEMENT)."""
    if verb.tag_ != "VB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in verb.children):
        return False
    return all(t.dep_ in _LEAD_DEPS or t.is_punct for t in verb.doc[verb.sent.start:verb.i])


def _demonym_phrase(f: _Finder, subj: Token, row: dict | None, how: str | None) -> tuple[dict | None, str | None]:
    """A subject noun whose only name is a nationality or regional adjective before it ("Ukrainian troops said",
    "a Russian campaigner challenged …", "European diplomats believe"): the speaker is the noun phrase (as
    "Western leaders" is), not the adjective's entity ("Ukrainian"); a party's adjective (``party_adjectives``:
    "Republican senators") still names the speaker (DEMONYM_SPEAKER_PHRASE)."""
    if not DEMONYM_SPEAKER_PHRASE or how != "name" or row is None or row.get("label") != "NORP" \
            or subj.pos_ != "NOUN" or row["end_char"] > subj.idx:
        return row, how
    mods = [c for c in subj.children if c.dep_ in ("amod", "compound") and c.ent_type_ == "NORP"]
    if not mods:
        return row, how  # the entity is elsewhere (an apposition, a pronoun's antecedent): left as resolved
    if any(c.lower_ in lexicons.cue_verbs()["party_adjectives"] for c in mods):
        return row, how  # "Republican senators": the party they belong to speaks (issue 10)
    phrase = f.tracker.phrase_row(subj)
    if phrase is None and not subj.lemma_.lower().endswith(_AGENT_SUFFIXES):
        return row, how  # "the Russian invasion signals …": an event, no one speaking (left as it was)
    if phrase is None:  # "a Ukrainian campaigner": no group, role or body noun, but someone who acts all the same
        first = min(c.left_edge.i for c in subj.children if c.dep_ in ("amod", "compound") and c.i < subj.i)
        words = subj.doc[first:subj.i + 1]
        phrase = {"canonical": words.text, "text": words.text, "label": "PHRASE", "role": None,
                  "kind": "group" if subj.tag_ == "NNS" else "anonymous",
                  "start_char": words.start_char, "end_char": words.end_char, "found_by": "phrase"}
    return phrase, "phrase"


def _with_content(f: _Finder) -> list[dict]:
    """The statements whose content says something: a content of one function word ("decided everything for
    *you*", "a war they don't agree *with*", "thinking about *what*") is no statement. A pronoun stays the content
    of a speech verb, which reports what was said before ("X informed about *it*", "confirmed *this*"), and of a
    cue that judges a pronoun's referent (``pronoun_object_cues``: "opposes it") (FUNCTION_WORD_CONTENT)."""
    if not FUNCTION_WORD_CONTENT:
        return f.found
    judged = set(lexicons.cue_verbs()["pronoun_object_cues"])

    def empty(s: dict) -> bool:
        span = f.doc.char_span(s["start_char"], s["end_char"], alignment_mode="expand")
        words = [t for t in span if not t.is_punct] if span is not None else []
        if len(words) != 1 or s["cue_lemma"] in judged:
            return False
        if words[0].pos_ in ("ADP", "PART"):
            return True
        return words[0].pos_ in ("PRON", "DET") and s["cue_lemma"] not in f.lex["speech"]
    return [s for s in f.found if not empty(s)]


EVIDENTIAL_RELATIVE_SUBJECT = True  # session 19, switched off only to measure it
READER_NOT_SOURCE = True  # session 19, switched off only to measure it


def _token_at(f: _Finder, char: int) -> Token | None:
    span = f.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _described_not_hedged(f: _Finder, s: dict) -> bool:
    """A hedge whose subject is a relative or free relative pronoun ("what appeared to be white smoke", "a ship that
    appeared to be unloading"): the writer describes a thing, no clause is hedged (EVIDENTIAL_RELATIVE_SUBJECT)."""
    if not EVIDENTIAL_RELATIVE_SUBJECT or s["rule"] != "evidential":
        return False
    first = _token_at(f, s["start_char"])
    return first is not None and first.tag_ in ("WP", "WDT") and first.dep_ in ("nsubj", "nsubjpass")


def _read_in_source(f: _Finder, s: dict) -> dict:
    """"read" whose subject is a reader — a pronoun, a person, or a group or anonymous phrase ("MPs will have read in
    the paper that …", "- we read in the Post.", "a benefactor read about …"): the one reading is no source. The
    publication it was read in or on is ("in the Daily Telegraph", "on TVN"); with none the speaker is unknown. A
    text that reads ("the statement reads", "reads the resolution", "an excerpt reads") stays the source
    (READER_NOT_SOURCE)."""
    if not READER_NOT_SOURCE or s["cue_lemma"] != "read":
        return s
    cue = _token_at(f, s["anchor"])
    subjects = [c for c in cue.children if c.dep_ == "nsubj"] if cue is not None else []
    if not subjects:
        return s
    subj = min(subjects, key=lambda c: abs(c.i - cue.i))  # not a quotation's subject the parser hung on it too
    reader = subj.pos_ == "PRON" or subj.ent_type_ in ("PERSON", "NORP")
    if not reader:
        phrase = f.tracker.phrase_row(subj)
        if phrase is None or phrase["kind"] not in ("group", "anonymous"):  # a "role" may be a voice verb's guess
            return s
    where = [o for p in cue.children if p.dep_ == "prep" and p.lower_ in ("in", "on") for o in p.children
             if o.dep_ == "pobj"]
    rows = [(o, f.tracker.entities.covering(o)) for o in where]
    rows = [(o, r) for o, r in rows if r is not None and r["label"] in ("ORG", "WORK_OF_ART", "PERSON")]
    if rows:
        o, row = rows[0]
        return {**s, "speaker_row": row, "how": "name", "mention": mention_span(o)}
    return {**s, "speaker_row": None, "how": None, "mention": None}
