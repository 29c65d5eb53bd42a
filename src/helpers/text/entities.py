"""Named entities with canonical names and stated roles.

Rows come from ``doc.ents`` (PERSON, ORG, GPE, LOC, NORP, FAC; labels already corrected by
``helpers.text.components``) plus organisation noun phrases the model does not tag — an organisation head
noun with a place/nationality modifier ("Ukraine's defence ministry", "Ukrainian military
intelligence") — which are the typical sources of figures in war reporting.

Canonical names, in two steps:

1. within an article (:func:`article_entities`): honorifics are dropped, a surname or shorter
   name points to the full PERSON name that ends with it ("Kirby" -> "John Kirby"); an acronym
   points to its long form when defined in parentheses or when it spells the initials of an
   organisation named in the article ("NIS" -> "National Intelligence Service");
2. across articles (:func:`canonical_map`): names are normalised (no leading "the", no
   possessive, straight quotes, single spaces) and every spelling that differs only in case,
   accents or punctuation gets the most frequent form; so does every organisation name with the same
   :func:`org_key` (word order, "X of Y" / "Y's X", a demonym for its country, British/US spelling: "Ukraine's
   defence ministry" = "the Ukrainian Ministry of Defense" = "the Defence Ministry of Ukraine") and every full
   person name with the same :func:`person_key` (transliterations: "Aleksandr"/"Alexander"); a lone surname that
   matches exactly one full person name in the corpus gets that name.

Roles come from appositions ("John Kirby, White House national security spokesman"; "The head
of Ukrainian military intelligence, Kyrylo Budanov") and title premodifiers ("White House
national security spokesman John Kirby"); a role stated once is given to every mention of that
entity in the article.
"""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from typing import Iterable

from anyascii import anyascii
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, ORTH, POS, SENT_START
from spacy.parts_of_speech import AUX, VERB
from spacy.tokens import Doc, Span, Token

from helpers.core import artcache
from helpers.core.tokens import doc_text as whole_text
from helpers.geo import gazetteer
from helpers.text import lexicon as lexicons

LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "“": '"', "”": '"', "\u00a0": " "})
_POSSESSIVE = re.compile(r"(?:'s|')$")
_EDGE_PUNCT = " \t\n\"'.,;:()[]{}-–—/"
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,9}$")
MAX_ROLE_TOKENS = 14
#: a lone surname joins the corpus's most named full name ending with it when that one is named this many times as
#: often as the others together (:func:`canonical_map_from_labels`)
SURNAME_DOMINANCE = 10
#: session 15: a lone word tagged a place or an organisation joins a person named in full across the corpus
#: (:func:`_may_be_surname`); switched off only to measure it
LONE_SURNAME_ANY_LABEL = True
SURNAME_PLACE_MAX_POPULATION = 50_000  # a settlement this large is read as the place, not as a surname
SURNAME_OWNER_MIN_MENTIONS = 10  # the full name is given at least this often in the corpus


@functools.lru_cache(maxsize=1)
def _vocab():
    lex = lexicons.names()
    role_nouns = set()
    for r in lex["role_nouns"]:
        role_nouns.add(r.split()[-1])
    return {
        "honorifics": set(lex["honorifics"]),
        "role_nouns": role_nouns,
        "org_heads": set(lex["org_heads"]),
        "source_nouns": set(lex["source_nouns"]),
        "document_tail": (set(lex["document_nouns"]) | set(lex["source_nouns"])) - set(lex["org_heads"]),
        "speech": set(lexicons.cue_verbs()["speech"]),
        "initial_skip": set(lex["initialism_skip_words"]),
        "weekdays": set(lex["weekdays"]),
        "titles": {r for r in lex["role_nouns"] if " " not in r} | set(lex["title_abbreviations"]),
        "leading": re.compile(r"^(?:" + "|".join(map(re.escape, lex["leading_determiners"])) + r")\s+", re.I),
    }


def normalise(text: str) -> str:
    """Surface-normalise a name: straight quotes, single spaces, no leading 'the', no possessive."""
    t = " ".join(text.translate(_QUOTES).split())
    t = _vocab()["leading"].sub("", t)
    t = _POSSESSIVE.sub("", t).strip(_EDGE_PUNCT)
    return t


# a live blog's time stamp run into the name after it ("4d ago01:56Russia" when "ago" is glued too): "01:56Russia", "22.56 Boris Johnson", "24 Feb 202221.18Obama"
_TIME_STAMP = re.compile(r"(?:ago)?(?:(?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\s+\d{4})?\d{1,2}[:.]\d{2}\s*(?=[A-Z])")


_ZONE = re.compile(r"[A-Z]{1,3}T|UTC|MSK")  # time zones: GMT, BST, CEST, UTC, MSK …
_CLOCK_BEFORE = re.compile(r"\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\.?\s)?$")


def _trim(span: Span) -> tuple[int, int] | None:
    """Character offsets of the span without surrounding whitespace/punctuation or a leading time stamp, or None if
    empty."""
    text = span.text
    left = len(text) - len(text.lstrip(_EDGE_PUNCT))
    stamp = _TIME_STAMP.match(text, left)
    if stamp:
        left = stamp.end()
    right = len(text.rstrip(_EDGE_PUNCT))
    if right <= left or "\n" in text[left:right]:
        return None
    return span.start_char + left, span.start_char + right


HONORIFIC_MAKES_PERSON = True  # session 17: "Ms Sandu" tagged ORG is a person; switch to measure it
GLUED_WORDS_CUT = True  # session 17: "Nick MossLondon", "saysRussia": switch to measure it
GLUED_BEFORE_KNOWN_NAME = True  # session 18: "MacronBoris Johnson" where the article writes "Boris Johnson" apart
QUOTE_IN_NAME_CUT = True  # session 18: "Emmanuel Macron’s“Emmanuel": a quotation glued to a possessive ends the name
_QUOTE_INSIDE = re.compile(r"[\u2019']s?[\u201c\u201d\"«»]")  # a possessive or apostrophe run into a quotation
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Al", "El", "O")


_OPENING_WORDS = frozenset("the it he she they we this that these those there here his her its our their".split())


def _unglued(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A mention with a word glued to it where a line break or a tag was lost on the page: cut at the glue, keeping the
    name's side. Glued before the name: a word in lower case ("saysRussia", "includingEmmanuel Macron"), or a country
    with more of the name after it ("UkraineBarack Obama"). Glued after it: a pronoun or determiner that opened the
    next sentence ("SummaryIt", "SlovyanskThe"), or a country or place of weight after another word of the name (a
    letter's signature, "Nick MossLondon"). Surname prefixes ("McConnell", "DeSantis") and brand names ("YouTube",
    "GlaxoSmithKline", "LinkedIn") stay whole. None when nothing is left."""
    mention = text[start:end]
    quote = _QUOTE_INSIDE.search(mention, 1) if QUOTE_IN_NAME_CUT else None
    if quote is not None and mention[:quote.start()].strip():
        return _unglued(text, start, start + len(mention[:quote.start()].rstrip()))  # the name ends before it
    for m in _GLUE.finditer(mention):
        i = m.start()
        lo = max(mention.rfind(" ", 0, i), mention.rfind("-", 0, i)) + 1
        left = mention[lo:i]
        right = re.match(r"[A-Z][a-z]+", mention[i:]).group(0)
        if len(left) < 2 or left in _NAME_PREFIXES:
            continue
        more_after = " " in mention[i:].strip()
        if left.islower() or lo == 0 and more_after and len(left) >= 4 and country_of(left):
            return _unglued(text, start + i, end)  # the name starts after it (look again in what is left)
        if GLUED_BEFORE_KNOWN_NAME and lo == 0 and more_after and right.lower() not in _OPENING_WORDS \
                and _written_apart(text, start + i, end):
            return _unglued(text, start + i, end)  # "MacronBoris Johnson": the article writes the name on its own
        if right.lower() in _OPENING_WORDS or lo > 0 and len(right) >= 4 and _place_of_weight(right):
            return (start, start + i)  # the name ends before the glued word
    return (start, end) if end > start else None


def _written_apart(text: str, start: int, end: int) -> bool:
    """Whether the article writes ``text[start:end]`` (a name of two words or more) somewhere else with no letter
    glued before it: its own evidence that a word glued in front of it there is not part of the name."""
    name = text[start:end]
    return any(m.start() != start for m in re.finditer(r"(?<![A-Za-z\u00c0-\u024f])" + re.escape(name) + r"(?![a-z])", text))


def _strip_honorific(tokens: list[str]) -> list[str]:
    hon = _vocab()["honorifics"]
    while len(tokens) > 1 and tokens[0].lower() in hon:
        tokens = tokens[1:]
    return tokens


def after_bare_preposition(tok: Token) -> bool:
    """Whether the phrase ``tok`` heads follows a preposition that governs nothing and runs over a comma ("despite
    the agency's shift in tone, the ministry said …" parsed with "shift" as the subject and "the ministry" inside
    it): the phrase is that preposition's object, a misparse, and no subject. ("Under Secretary X said", with no
    comma, is a title.)"""
    left = tok.left_edge
    if left.i == 0:
        return False
    prev = tok.doc[left.i - 1]
    return prev.dep_ == "prep" and prev.pos_ in ("ADP", "SCONJ") and not any(
        c.dep_ in ("pobj", "pcomp") for c in prev.children) and any(t.text == "," for t in tok.subtree)


def org_phrases(doc: Doc) -> list[tuple[Span, str]]:
    """Noun phrases NER does not tag: an organisation head noun ("Ukraine's defence ministry", ORG) or a role
    noun ("Ukraine's health minister", PERSON) with a place/nationality/organisation modifier; also any noun
    with such a modifier that is the subject of a reporting verb ("Chinese and Ukrainian customs data show")."""
    heads = _vocab()["org_heads"]
    roles = _vocab()["role_nouns"]
    speech = set(lexicons.cue_verbs()["speech"])
    taken = {i for e in doc.ents for i in range(e.start, e.end) if e.label_ in ("ORG", "PERSON")}
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP", "ORG"):
            continue
        head = ent.root.head
        kind = _phrase_kind(head, heads, roles, speech)
        if MODIFIER_THROUGH_COMPOUNDS and ent.label_ in ("GPE", "NORP"):
            further = _compounded_head(doc, ent, head, taken)  # "Ukrainian state emergency officials said"
            if further is not head and (further_kind := _phrase_kind(further, heads, roles, speech)) is not None:
                head, kind = further, further_kind
        if head.i in taken or head.i < ent.end or kind is None or head.pos_ not in ("NOUN", "PROPN"):
            continue
        if kind == "PERSON" and any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in head.children):
            continue  # "Russia's president, Vladimir Putin": the named person is the entity
        if ent.root.dep_ not in ("poss", "amod", "compound", "nmod"):
            continue
        if any(t.pos_ == "VERB" or t.is_punct and t.text not in ("'", "’") for t in doc[ent.start:head.i]):
            continue
        out.append((doc[ent.start:head.i + 1], kind))
    return out


def _phrase_kind(head: Token, heads: set[str], roles: set[str], speech: set[str]) -> str | None:
    """ORG for an organisation head ("ministry") or any other noun that is the subject of a reporting verb, PERSON
    for a role noun ("minister"), else None (the phrase names no source)."""
    speaks = head.dep_ == "nsubj" and head.head.lemma_.lower() in speech \
        and not after_bare_preposition(head)  # "Chinese customs data show"; not "despite X's shift …, Y said"
    return "ORG" if head.lower_ in heads or (speaks and head.lower_ not in roles) else \
        "PERSON" if head.lower_ in roles and head.pos_ == "NOUN" else None


def _compounded_head(doc: Doc, ent: Span, head: Token, taken: set[int]) -> Token:
    """The head of the noun phrase a place or nationality modifies through lower-case nouns compounded onto it
    ("Ukrainian state emergency officials" -> officials; at most three steps, within the sentence, every word after
    the name lower case — not an organisation's name, "supreme court confirmation hearing", nor a headline run into
    the next sentence, "Ukraine military The Ukrainian military")."""
    for _ in range(3):
        nxt = head.head
        if not (head.dep_ in ("compound", "amod") and head.pos_ == "NOUN" and nxt.i > head.i and nxt.pos_ == "NOUN"
                and head.i not in taken and head.sent.start == nxt.sent.start
                and all(t.is_lower or t.is_punct for t in doc[ent.end:nxt.i + 1])):
            break
        head = nxt
    return head


def speaker_phrases(doc: Doc) -> list[tuple[Span, str]]:
    """Proper-noun subjects of reporting verbs that NER missed ("Oryx, an … platform, has confirmed"), labelled by
    :func:`name_subject`."""
    from helpers.text.components import cue_verb_matches

    taken = {i for e in doc.ents if not (NAME_CASED_IN_ARTICLE and e.label_ in _MISREAD_SPAN_LABELS)
             for i in range(e.start, e.end)}
    names = article_name_words(doc) if NAME_CASED_IN_ARTICLE else frozenset()
    out = []
    cues = {start for _, start, _ in cue_verb_matches(doc)}
    person_words = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    verbs = sorted(cues)
    if SUBJECT_OF_ANY_VERB:  # any verb's: the cue model finds cues beyond the lexicon ("Forbes lists …")
        verbs = [i for i, p in enumerate(doc.to_array(POS).tolist()) if p in (VERB, AUX)]
    for i in verbs:
        subj = next((c for c in doc[i].children if c.dep_ in ("nsubj", "nsubjpass")), None)
        found = _name_after_title(subj, taken, person_words) if NAME_AFTER_TITLE and subj is not None else None
        if found is None:
            found = None if subj is None else name_subject(subj, names, taken, strict=i not in cues)
        if found is not None:
            taken.update(range(found[0].start, found[0].end))
            out.append(found)
    return out


NAME_AFTER_TITLE = True  # session 19 (resolve): "Minister of … of Lithuania Jane Roe posted" is Jane Roe; switch to measure it


def _name_after_title(subj: Token, taken: set[int], person_words: set[str]) -> tuple[Span, str] | None:
    """The name NER missed at the end of a role noun's title: "Minister of Foreign Affairs of <country> Jane Roe posted",
    "Journalist of <channel> “<name>” Jane Roe, reporting …, said" — two or three capitalised proper nouns closing the
    subject (before its verb or a comma), after a word of the title (not after "of the": "the Chairman of the Joint
    Chiefs"),
    none a country, title, role or organisation word, the last written as a person's name elsewhere in the article
    (session 19, :data:`NAME_AFTER_TITLE`)."""
    voc, doc = _vocab(), subj.doc
    if subj.lower_ not in voc["role_nouns"] and subj.lemma_.lower() not in voc["role_nouns"] or subj.head.i <= subj.i:
        return None
    stop = next((t.i for t in doc[subj.i + 1:subj.head.i + 1] if t.text == "," or t.i == subj.head.i
                 or "\n" in t.text), subj.head.i)
    run = []
    for k in range(stop - 1, subj.i, -1):
        t = doc[k]
        if len(run) == 3 or not (t.pos_ == "PROPN" and t.is_title and t.is_alpha and k not in taken
                                 and t.ent_type_ in ("", "PERSON") and country_of(t.text) is None
                                 and not {t.lower_} & (voc["titles"] | voc["role_nouns"] | voc["org_heads"])):
            break
        run.insert(0, k)
    if len(run) < 2 or doc[run[-1]].text not in person_words:
        return None
    before = doc[run[0] - 1]
    if before.pos_ in ("ADP", "DET"):
        return None
    return doc[run[0]:run[-1] + 1], "PERSON"


def name_subject(subj: Token, names: frozenset[str] | set[str], taken: set[int] = frozenset(),
                 strict: bool = False) -> tuple[Span, str] | None:
    """The name a subject token stands for when NER tagged none there: a proper noun, or a title-case noun inside its
    sentence or written as a name elsewhere in the article (``names``: :func:`article_name_words`), with the proper
    nouns compounded before it and one conjoined name ("Smith and Jones"). Labelled PERSON when an apposition gives
    a person role or the phrase is two or three capitalised words with no organisation word; else ORG. None for a
    role or organisation noun ("Officials", "Ministry") and for tokens in ``taken``. ``strict`` (the subject of a
    verb that is no reporting cue): a word opening its sentence or a quotation ("“People are dying …"), and any
    title-case noun, must be one of ``names``."""
    voc, doc = _vocab(), subj.doc
    opens = _opens_sentence(subj)
    if subj.i in taken or not (
            subj.pos_ == "PROPN" or (subj.pos_ == "NOUN" and subj.is_title
                                     and (not (opens or strict) or subj.text in names)
                                     and subj.lower_ not in voc["role_nouns"] and subj.lower_ not in voc["org_heads"])):
        return None
    if strict and (opens and subj.text not in names or subj.tag_ in ("NNS", "NNPS")):
        return None  # and no plural ("Finns are …", "Allies agreed"): a group, which the phrase rules read
    if subj.ent_type_ in _MISREAD_SPAN_LABELS and (subj.pos_ != "PROPN" or subj.ent_iob_ != "B"):
        return None  # only a name that opens the misread span ("Trump assured Jones" read as a title)
    if NAME_CASED_IN_ARTICLE and (subj.ent_type_ in _NOT_NAME_LABELS and subj.pos_ != "PROPN"
                                  or subj.lower_.rstrip(".") in voc["weekdays"] or _in_capitals_line(subj)):
        return None  # "Friday's talks", a headline in capitals ("PUTIN VOWS …"); not "Lula, 76, said" (read as a date)
    left = subj.i
    while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i >= left \
            and doc[left - 1].pos_ == "PROPN" and doc[left - 1].i not in taken:
        left -= 1
    right = subj.i + 1
    conj = next((c for c in subj.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i - subj.i <= 4), None)
    if conj is not None and not strict and all(t.pos_ in ("PROPN", "CCONJ") for t in doc[subj.i + 1:conj.i + 1]):
        right = conj.i + 1
    span = doc[left:right]
    if any(not (t.text[:1].isupper() or t.pos_ == "CCONJ") for t in span):
        return None
    words = [t.lower_ for t in span]
    if strict and any(w in voc["titles"] or w in voc["role_nouns"] for w in words):
        return None  # "the US President", "Deputy Chairman of …": a role, which the role rules read
    if strict and len(span) == 1 and _place_of_weight(span.text):
        return span, "GPE"  # "Kyiv has called for …": a city or country NER missed, not an organisation
    appos = next((c for c in subj.children if c.dep_ == "appos"), None)
    if appos is not None:
        label = "PERSON" if appos.lemma_.lower() in voc["role_nouns"] else "ORG"
    elif 2 <= len(span) <= 3 and not any(w in voc["org_heads"] for w in words) and all(t.is_alpha for t in span):
        label = "PERSON"
    else:
        label = "ORG"
    return span, label


# session 17: a word written as a name inside the article's sentences is a name at a sentence's start too ("Trump later
# said …", where the tagger read the first word as the noun "trump"), and a name opening a span the model tagged as
# a title or a product ("Trump assured Jones" as WORK_OF_ART) still names the speaker; switch to measure it
NAME_CASED_IN_ARTICLE = True
SUBJECT_OF_ANY_VERB = True  # session 17: the name subject of any verb, not only of a lexicon cue; switch to measure it
_MISREAD_SPAN_LABELS = ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE")


def _place_of_weight(name: str) -> bool:
    """A country (or its short name) or a gazetteer place of at least ``SURNAME_PLACE_MAX_POPULATION`` people."""
    if name.isupper() and len(name) <= 3:
        return False  # "PM": an abbreviation is read as a place only when the model tags it so
    if country_of(name):
        return True
    return any(m.place.kind in ("country", "admin1")
               or m.place.kind == "city" and (m.place.population or 0) >= SURNAME_PLACE_MAX_POPULATION
               for m in gazetteer.load().lookup(name, variants=False))


def _opens_sentence(tok: Token) -> bool:
    """The first word of its sentence, of a quotation or of a line (only marks and spaces before it)."""
    if tok.i == 0 or tok.is_sent_start:
        return True
    if not NAME_CASED_IN_ARTICLE:
        return False
    before = tok.doc[tok.i - 1]
    if before.is_space or before.text in (":", "“", '"', "‘", "-", "–", "—"):
        return True
    i = tok.i - 1  # only marks back to the sentence's start
    while i >= 0 and (tok.doc[i].is_punct or tok.doc[i].is_space):
        if i == 0 or tok.doc[i].is_sent_start:
            return True
        i -= 1
    return False


_NOT_NAME_LABELS = ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")


def _in_capitals_line(tok: Token) -> bool:
    """An upper-case word in a sentence written mostly in capitals (a headline), where case says nothing of names."""
    if not tok.is_upper or len(tok) < 2:
        return False
    words = [t for t in tok.sent if t.is_alpha and len(t) > 1]
    return len(words) >= 3 and sum(t.is_upper for t in words) * 2 >= len(words)


def article_name_words(doc: Doc) -> frozenset[str]:
    """Title-case words the article writes capitalised inside a sentence and never in lower case: its names, known
    from their casing where the sentence's first word is no evidence (truecasing by the article itself). Read from
    the doc's arrays (no Token objects: this runs over every word of every article)."""
    arr = doc.to_array([IS_ALPHA, IS_LOWER, IS_TITLE, IS_PUNCT, IS_SPACE, SENT_START, ORTH]).tolist()
    strings = doc.vocab.strings
    inside, lower = set(), set()
    prev_mark = True  # the document's first word opens a sentence
    for alpha, low, title, punct, space, start, orth in arr:
        if alpha:
            if low:
                lower.add(orth)
            elif title and start != 1 and not prev_mark:
                inside.add(orth)
        prev_mark = bool(punct or space)
    names = set()
    for o in inside:
        word = strings[o]
        low = word.lower()
        if not (low in strings and strings[low] in lower):
            names.add(word)
    return frozenset(names)


def _according_objects(doc: Doc) -> list[Token]:
    """Objects of the "according to X" / "citing X" cues (``cue_verbs.json`` ``according_to``)."""
    out = []
    for pattern in lexicons.cue_verbs()["according_to"]:
        for m in re.finditer(r"\b" + r"\s+".join(map(re.escape, pattern)) + r"\b", whole_text(doc), re.I):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is not None and [t.lower_ for t in span] == pattern:
                out += [c for c in span[-1].children if c.dep_ in ("pobj", "dobj")]
    return out


def source_phrases(doc: Doc) -> list[tuple[Span, str]]:
    """Sources NER missed that a figure can be attributed to: a proper noun after "according to" ("according to the
    FT"), and a source noun (``names.json`` ``source_nouns``: data, records, filings, intelligence …) with its
    modifiers as the subject of a reporting verb or the object of "according to" ("Western intelligence
    estimated", "according to filings dated …"). ORG."""
    from helpers.text.components import cue_verb_matches

    voc = _vocab()
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    heads = [c for _, start, _ in cue_verb_matches(doc) for c in doc[start].children if c.dep_ == "nsubj"]
    heads = [h for h in heads if h.pos_ == "NOUN"] + _according_objects(doc)
    out = []
    for head in heads:
        if head.i in taken or not (head.pos_ == "PROPN" and head.text[:1].isupper()
                                   or head.pos_ == "NOUN" and head.lemma_.lower() in voc["source_nouns"]):
            continue
        left = head.i
        while left > 0 and doc[left - 1].head.i == head.i and doc[left - 1].dep_ in ("amod", "compound") \
                and doc[left - 1].i not in taken and doc[left - 1].is_alpha:
            left -= 1
        if head.pos_ == "NOUN" and (left == head.i and head.dep_ == "nsubj" or any(
                c.dep_ == "prep" and c.lower_ == "by" for c in head.children)):
            continue  # a bare "intelligence suggests": no one in particular; "a count by X": X is the source
        taken.update(range(left, head.i + 1))
        out.append((doc[left:head.i + 1], "ORG"))
    return out


def noun_cue_subject(tok: Token) -> Span | None:
    """A reporting verb the tagger read as a noun ("Ukraine's military claims that …", "…, customs data show."):
    the phrase before it that is its subject, when the cue has no determiner and either governs a "that" clause or
    closes its sentence after a comma; else None."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in _vocab()["speech"] \
            or any(c.dep_ == "det" for c in tok.children):
        return None
    that_clause = any(c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in c.children) for c in tok.children)
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    closes = after is None or after.is_punct and after.text in (".", "!", "?") or after.is_space
    mods = [c for c in tok.children if c.i < tok.i and c.dep_ in ("nmod", "amod", "compound", "poss", "nsubj")]
    if not mods:
        return None
    left = min(c.left_edge.i for c in mods)
    if not that_clause and not (closes and left > tok.sent.start and doc[left - 1].text == ","):
        return None
    while left < tok.i and (doc[left].dep_ == "det" or doc[left].is_punct):
        left += 1
    if left == tok.i or tok.i - left > 6 or any(t.pos_ in ("VERB", "AUX", "ADP") for t in doc[left:tok.i]):
        return None
    return doc[left:tok.i]


def noun_cue_phrases(doc: Doc) -> list[tuple[Span, str]]:
    """Subjects of reporting verbs the tagger read as nouns (:func:`noun_cue_subject`) that hold a name or end in a
    source noun: "Ukraine's military", "Chinese and Ukrainian customs data" (ORG)."""
    voc = _vocab()
    taken = {i for e in doc.ents if e.label_ in ("ORG", "PERSON") for i in range(e.start, e.end)}
    out = []
    for tok in doc:
        span = noun_cue_subject(tok)
        if span is None or taken.intersection(range(span.start, span.end)) or len(span) < 2:
            continue
        if any(t.ent_type_ in ("GPE", "NORP") for t in span) or span[-1].lemma_.lower() in voc["source_nouns"]:
            out.append((span, "ORG"))
    return out


def mention_role(span: Span) -> str | None:
    """Role the text gives a mention: apposition after or before, or a title premodifier."""
    doc = span.doc
    root = span.root
    roles = _vocab()["role_nouns"]
    # apposition after: "John Kirby, White House national security spokesman, said"
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end:
            return _role_text(doc[child.left_edge.i:child.right_edge.i + 1], roles)
    # apposition before: "The head of Ukrainian military intelligence, Kyrylo Budanov, told"
    if root.dep_ == "appos" and root.head.i < span.start:
        head = root.head
        return _role_text(doc[head.left_edge.i:span.start], roles)
    # premodifiers: "White House national security spokesman John Kirby", "Ambassador to the U.S. Oksana Markarova"
    edge = root.left_edge.i
    if edge < span.start and not any(t.pos_ in ("VERB", "AUX") for t in doc[edge:span.start]):
        role = _role_text(doc[edge:span.start], roles)
        if role:
            return role
    left = span.start
    for j in range(span.start - 1, max(span.start - MAX_ROLE_TOKENS, 0) - 1, -1):
        tok = doc[j]
        if tok.is_punct or tok.is_space or tok.dep_ == "det" or tok.pos_ in ("VERB", "AUX", "ADP", "PRON", "DET"):
            break
        if not (j < tok.head.i < span.end):
            break
        left = j
    if left < span.start:
        return _role_text(doc[left:span.start], roles)
    return _role_run_before(span, roles) if ROLE_RUN_BEFORE_NAME else None


ROLE_RUN_BEFORE_NAME = True  # session 19: "Ukrainian Ambassador to the U.S. Oksana Markarova"; switch to measure it
_RUN_STOPS = ("VERB", "AUX", "PRON", "CCONJ", "SCONJ", "NUM", "PART")


def _role_run_before(span: Span, roles: set[str]) -> str | None:
    """The title run right before a name that the parser hung elsewhere ("Ukrainian Ambassador to the U.S. Oksana
    Markarova", the title taken for a subject of its own): the words back to a punctuation mark, a verb, a pronoun or
    a conjunction, in the name's sentence, holding a role noun (a leading preposition, determiner or other lower-case
    word before the first role noun or capitalised word left out)."""
    doc, sent_start = span.doc, span.sent.start
    if any(t.ent_type_ != "PERSON" for t in span):
        return None  # a person's title only: "the U.S" after "Ambassador to" is no one's
    j = span.start
    while j > max(sent_start, span.start - MAX_ROLE_TOKENS) and not (
            doc[j - 1].is_punct or doc[j - 1].is_space or doc[j - 1].pos_ in _RUN_STOPS):
        j -= 1
    run = [t for t in doc[j:span.start]]
    if not run or run[-1].pos_ not in ("NOUN", "PROPN"):
        return None  # "spokeswoman for X", "adviser to both X": the name is the preposition's object, no holder
    cut = [k for k, t in enumerate(run) if t.pos_ == "ADP" and any(u.lower_ in roles for u in run[k + 1:])]
    if cut:  # "an adviser to the Ukrainian president X": X's title is what follows the last such preposition
        run = run[cut[-1] + 1:]
    while run and (run[0].pos_ in ("ADP", "DET") or run[0].is_lower and run[0].lower_ not in roles):
        run = run[1:]  # "by a spokesman for …": from the first content word
    if not run or not any(t.lower_ in roles or t.lemma_.lower() in roles for t in run):
        return None
    return _role_text(doc[run[0].i:span.start], roles)


def _role_text(span: Span, roles: set[str]) -> str | None:
    tokens = [t for t in span if not t.is_space]
    while tokens and (tokens[0].dep_ == "det" or tokens[0].is_punct or tokens[0].lower_ in ("the", "a", "an")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > MAX_ROLE_TOKENS:
        return None
    if not any(t.lower_ in roles or t.lemma_.lower() in roles for t in tokens):
        return None
    base = span.start_char
    text = span.text[tokens[0].idx - base:tokens[-1].idx + len(tokens[-1]) - base]
    return " ".join(text.translate(_QUOTES).split())


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w.lower() not in _vocab()["initial_skip"]).upper()


ACRONYM_MUST_FIT = True  # round 13, switched off only to measure it
DOCUMENT_NOT_IN_NAME = True  # session 14: "the White House statement" names the White House; switch to measure it
ORG_HEAD_SHORT_FORM = True  # session 15: "the Institute" after "Kyiv … Institute of Sociology"; switch to measure it
UNCLOSED_BRACKET_CUT = True  # session 15: "World Health Organization (WHO" -> the name before it; switch to measure it
MODIFIER_THROUGH_COMPOUNDS = True  # session 15: "Ukrainian state emergency officials said"; switch to measure it
SURNAME_TAGGED_OTHERWISE = True  # session 15: "Scholz" tagged GPE beside "Olaf Scholz" is him; switch to measure it


def _may_abbreviate(acronym: str, name: str) -> bool:
    """Whether a parenthesised acronym can stand for the name before it: its first letter is the initial of one of
    the name's words ("Institute for the Study of War (ISW)", "the UN refugee agency (UNHCR)"); not a dateline's
    agency after a place ("Wellington, New Zealand (CNN) -")."""
    first = acronym[:1].lower()
    return any(w.startswith(first) for w in re.findall(r"[a-z0-9]+", anyascii(name).lower()))


def without_open_bracket(words: Span) -> Span:
    """The span cut before a bracket it opens and does not close (the dozen-word limit can stop inside one: "80% in
    Poland, Sweden, the UK (83%) and …" → "80% in Poland, Sweden, the UK"), without trailing punctuation or a
    dangling conjunction; a closing bracket that closes one in the span and a percent sign stay."""
    opened = []
    for i, t in enumerate(words):
        if t.text in "([{":
            opened.append(i)
        elif t.text in ")]}" and opened:
            opened.pop()
    if opened and opened[0] > 0:
        words = words[:opened[0]]

    def closes(t):
        return t.text in ")]}" and any(w.text in "([{" for w in words[:t.i - words.start])

    while len(words) > 1 and (words[-1].dep_ == "cc" or words[-1].is_punct and words[-1].text != "%"
                              and not closes(words[-1])):
        words = words[:-1]
    return words


def article_entities(doc: Doc, article_id: str) -> list[dict]:
    """Entity rows of one article with within-article canonical names and roles."""
    mentions: list[tuple[Span, str, str]] = [(e, e.label_, "ner") for e in doc.ents if e.label_ in LABELS]
    mentions += [(p, label, "org_phrase") for p, label in org_phrases(doc)]
    mentions += [(p, label, "speaker_phrase") for p, label in speaker_phrases(doc)]
    mentions += [(p, label, "speaker_phrase") for p, label in source_phrases(doc)]
    mentions += [(p, label, "speaker_phrase") for p, label in noun_cue_phrases(doc)]
    mentions.sort(key=lambda m: m[0].start)
    rows = []
    doc_text = whole_text(doc)  # Doc.text rebuilds the string on every access
    vocab = _vocab()
    weekdays, document_tail = vocab["weekdays"], vocab["document_tail"]
    for span, label, found_by in mentions:
        while len(span) > 1 and span[-1].lower_.rstrip(".") in weekdays:
            span = span[:-1]  # "Source: Reuters Thu 24 Mar": the model glues the weekday of a time stamp to a name
        if DOCUMENT_NOT_IN_NAME and label == "ORG" and span[-1].is_lower and span[-1].text in document_tail:
            # "the White House statement", "interior ministry estimates": a document written in lower case is no part
            # of the name ("Washington Post", "Institute for Strategic Studies" are); with no name (a nationality is
            # none) or organisation word left the mention stays whole ("customs filings", "Polish customs data show")
            name = span[:-1]
            while len(name) and (name[-1].is_punct or name[-1].lower_ in ("'s", "\u2019s")):
                name = name[:-1]
            if any(t.pos_ == "PROPN" and t.ent_type_ != "NORP" or t.lower_ in vocab["org_heads"] for t in name):
                span = name
        if UNCLOSED_BRACKET_CUT and span.text.count("(") > span.text.count(")"):
            span = without_open_bracket(span)  # "World Health Organization (WHO": the model stopped inside the bracket
        offsets = _trim(span)
        if offsets is not None and GLUED_WORDS_CUT:
            offsets = _unglued(doc_text, *offsets)
        if offsets is None:
            continue
        start, end = offsets
        text = doc_text[start:end]
        if _ZONE.fullmatch(text) and _CLOCK_BEFORE.search(doc_text, max(0, start - 8), start):
            continue  # a time zone after a clock time ("19.29 GMT"), no organisation
        name = normalise(text)
        if not name:
            continue
        title = None
        words = name.split()
        if HONORIFIC_MAKES_PERSON and label in ("ORG", "GPE", "NORP", "FAC", "LOC") and len(words) > 1 \
                and words[0].lower() in vocab["honorifics"] and all(w[:1].isupper() for w in words[1:]):
            label = "PERSON"  # "Ms Sandu" tagged ORG: an honorific names a person
        if label == "PERSON":
            name, title = _strip_title(" ".join(_strip_honorific(words)))
        rows.append({"article_id": article_id, "start_char": start, "end_char": end, "text": text,
                     "label": label, "canonical": name,
                     "role": (mention_role(span) or title) if label in ("PERSON", "ORG") else None,
                     "found_by": found_by})
    _link_short_forms(rows, doc_text)
    roles: dict[str, str] = {}
    for r in rows:
        if r["role"] and r["canonical"] not in roles:
            roles[r["canonical"]] = r["role"]
    for r in rows:
        r["role"] = roles.get(r["canonical"])
    return rows


def _strip_title(name: str) -> tuple[str, str | None]:
    """'Taoiseach Leo Varadkar' -> ('Leo Varadkar', 'Taoiseach'): capitalised title words before at least two name
    words are a title, not part of the name."""
    words, titles = name.split(), _vocab()["titles"]
    k = 0
    while k < len(words) - 2 and words[k][:1].isupper() and words[k].lower() in titles:
        k += 1
    return (" ".join(words[k:]), " ".join(words[:k])) if k else (name, None)


def _link_titles(rows: list[dict], text: str = "") -> None:
    """A bare title ("Taoiseach", "the Chancellor") is the person the article gives that title (the nearest before,
    else the first after)."""
    titles = _vocab()["titles"]
    titled = [r for r in rows if r["label"] == "PERSON" and r["role"] and len(r["canonical"].split()) > 1]
    for r in rows:
        word = r["canonical"].lower()
        if r["label"] not in ("PERSON", "ORG") or " " in word or word not in titles:
            continue
        holders = [t for t in titled if word in t["role"].lower().split()]
        if holders:
            before = [t for t in holders if t["start_char"] < r["start_char"]]
            r["canonical"], r["label"] = (before[-1] if before else holders[0])["canonical"], "PERSON"
    # an unnamed role phrase ("Ukraine's ambassador", "the Belarusian foreign minister") is the named person whose
    # stated role holds the same role noun and shares its other words (nearest before, else first after)
    for r in rows:
        if r["found_by"] != "org_phrase" or r["label"] != "PERSON":
            continue
        holders = role_holders(r["canonical"], titled, _definite(text, r["start_char"]))
        if not holders and LEAD_ROLE_NAMED_NEXT and _definite(text, r["start_char"]):
            holders = _named_next_after_lead(r, rows, text)
        if holders:
            before = [t for t in holders if t["start_char"] < r["start_char"]]
            r["canonical"] = (before[-1] if before else holders[0])["canonical"]


LEAD_ROLE_NAMED_NEXT = True  # session 19: "…, the US secretary of state has warned.\n\nAntony Blinken said …"


def _named_next_after_lead(phrase: dict, rows: list[dict], text: str) -> list[dict]:
    """The person whose full name opens the paragraph after the article's first one, for an unnamed role phrase with
    "the" in that first paragraph that no named person's stated role fits (the lead names the role, the next
    paragraph the person: "…, the US secretary of state has warned …\n\nAntony Blinken said …")."""
    if "\n" in text[:phrase["start_char"]].strip():
        return []
    end = text.find("\n", phrase["end_char"])
    if end < 0:
        return []
    start = len(text) - len(text[end:].lstrip())
    first = min((o for o in rows if o["start_char"] >= start), key=lambda o: o["start_char"], default=None)
    if first is None or first["start_char"] != start or first["label"] != "PERSON" or first["role"] \
            or len(first["canonical"].split()) < 2:
        return []
    return [first]


def role_holders(phrase: str, titled: list[dict], definite: bool = True) -> list[dict]:
    """The entity rows of named people (``titled``: with a stated role) that an unnamed role phrase may be: their
    role holds the phrase's role noun (or, session 19, a synonym, or any role for a noun of no office with "the")
    and shares its other words (by word, stem or country); else, for a phrase whose only modifier is a country, a
    one-word title naming none that is a synonym of its noun ("Taoiseach" for "Ireland's premier"; the same noun,
    "President X" for "the US president", is too often another country's; :data:`BARE_TITLE_HOLDER`)."""
    words = _fold(phrase).split()
    head, rest = words[-1], {w for w in words[:-1] if len(w) >= 2}
    # "a senior Ukrainian official told CNN": a noun of no office, with no "the", is someone the text does not name
    generic = head in lexicons.names()["generic_role_nouns"]
    holders = [t for t in titled if _holds_role(head, rest if definite else set(), t)
               and (not rest or _shares_modifier(rest, phrase, t, generic)) and rank_agrees(phrase, t["role"])]
    if not holders and BARE_TITLE_HOLDER and rest and all(k.startswith("@") or k == head for k in org_key(phrase)):
        # "Ireland's premier" for "Taoiseach Leo Varadkar": a phrase whose only modifier is a country
        holders = [t for t in titled if _holds_role(head, set(), t) and len(t["role"].split()) == 1
                   and head not in _fold(t["role"]).split() and not any(k.startswith("@") for k in org_key(t["role"]))]
    return holders


MODIFIER_BY_COUNTRY = True  # session 19: "American president" is the "US President" the article names; switch to measure it
ROLE_SYNONYMS = True  # session 19: "Ireland's premier" is the "Taoiseach" the article names; switch to measure it
BARE_TITLE_HOLDER = True  # session 19: a one-word title synonym naming no country ("Taoiseach X", not "President X")
# fits a phrase whose only modifier is a country ("Ireland's premier") when no holder's role shares it; switch to
# measure it
GENERIC_ROLE_PHRASE = True  # session 19: "the Chinese official" is the one Chinese role holder; switch to measure it
ROLE_RANK_AGREES = True  # session 19 (resolve): "the vice president" is no "President X"; switch to measure it


def rank_agrees(phrase: str, role: str | None, head: str | None = None) -> bool:
    """Whether a role phrase and a stated role that holds its noun (``head``, else the phrase's last word) hold the
    same ranks (names.json ``rank_words``: "the vice president" is no "Ukrainian President", "the minister" no
    "Deputy Foreign Minister"; a rank of ``ranks_of_holder_only`` counts only when the role holds it); a missing role,
    or one of another noun ("the politician" for a "Vice President"), fits."""
    if not ROLE_RANK_AGREES or not role:
        return True
    words, held = re.findall(r"[a-z]+", phrase.lower()), re.findall(r"[a-z]+", role.lower())
    if not words or (head or words[-1]).lower() not in held:
        return True
    lex = lexicons.names()
    ranks, one_way = lex["rank_words"], set(lex["ranks_of_holder_only"])
    said, has = {ranks[w] for w in words if w in ranks}, {ranks[w] for w in held if w in ranks}
    return said - one_way == has - one_way and (has & one_way) <= said


def _holds_role(head: str, rest: set[str], holder: dict) -> bool:
    """Whether a holder's stated role is the office an unnamed role phrase's head noun names: the same noun, or one
    that names the same office (names.json ``role_synonyms``: "premier" for a "Taoiseach"); a noun that names no
    office (``generic_role_nouns``: "the Chinese official", "the Russian leader") fits any role without (or, for
    "leader", with) one of ``leading_offices``, once the phrase has a modifier (``rest``, given only for a definite
    phrase)."""
    lex = lexicons.names()
    role = _fold(holder["role"]).split()
    if head in role:
        return True
    if ROLE_SYNONYMS and set(lex["role_synonyms"].get(head, ())) & set(role):
        return True
    if not (GENERIC_ROLE_PHRASE and rest and head in lex["generic_role_nouns"]):
        return False
    # "the Chinese leader" is a head of state or government, "the US official" is none
    return bool(set(lex["leading_offices"]) & set(role)) == lex["generic_role_nouns"][head]


_DETERMINER_BEFORE = re.compile(r"\b(the|this|that|a|an|another|one|some|any)\s+(?:[a-z-]+\s+){0,2}$", re.I)


def _definite(text: str, start: int) -> bool:
    """Whether the phrase starting at ``start`` has a definite determiner ("the senior Chinese official"), not an
    indefinite one ("a high Chinese official") nor none."""
    m = _DETERMINER_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and m.group(1).lower() in ("the", "this", "that")


def _shares_modifier(rest: set[str], phrase: str, holder: dict, generic: bool) -> bool:
    """Whether a role phrase's modifiers fit a holder: a word of the holder's role or name, a place and its
    adjective, or (:data:`MODIFIER_BY_COUNTRY`) one country; a noun of no office ("the Kremlin leader" is no
    "Kremlin spokesman") fits by country only."""
    if generic:
        return _same_country(phrase, holder["role"])
    return bool(rest & set(_fold(holder["role"] + " " + holder["canonical"]).split())) or _stems_meet(rest, holder) \
        or MODIFIER_BY_COUNTRY and _same_country(phrase, holder["role"])


def _same_country(phrase: str, role: str) -> bool:
    """'American' ~ 'US', 'Ukraine's' ~ 'Ukrainian Ambassador': a modifier and a word of the role that name one
    country (or are its demonyms)."""
    countries = {k for k in org_key(phrase) if k.startswith("@")}
    return bool(countries & {k for k in org_key(role) if k.startswith("@")})


STAFF_SPEAK_FOR_ORG = True  # session 19: "ISW experts said" is the institute; switch to measure it


def _staff_to_organisation(rows: list[dict]) -> None:
    """A phrase of a research body's name and a plural noun of its research staff ("ISW experts" for the Institute
    for the Study of War, names.json ``staff_nouns``, ``research_bodies``) speaks for that body: the phrase's
    canonical name is the body's (a party's, a company's or a country's staff stay a group)."""
    staff, bodies = set(lexicons.names()["staff_nouns"]), set(lexicons.names()["research_bodies"])
    for r in rows:
        if r["found_by"] != "org_phrase" or _fold(r["canonical"]).split()[-1:] not in [[w] for w in staff]:
            continue
        named = [o for o in rows if o["label"] == "ORG" and o["found_by"] == "ner"
                 and r["start_char"] <= o["start_char"] and o["end_char"] < r["end_char"]
                 and set(_fold(o["canonical"]).split()) & bodies]
        if named:
            r["canonical"] = named[0]["canonical"]


def _stems_meet(words: set[str], row: dict) -> bool:
    """'ukraine' ~ 'ukrainian', 'belarus' ~ 'belarusian': a place and its adjective share a five-letter stem."""
    other = _fold(row["role"]).split()
    return any(a[:5] == b[:5] and len(a) >= 5 and len(b) >= 5 for a in words for b in other)


def _surnames_tagged_otherwise(rows: list[dict], full: list[dict], text: str) -> None:
    """A lone word the model tagged a place or an organisation that is the surname of a person the article names in
    full ("Scholz said" as GPE beside "Olaf Scholz", "Biden's" as ORG) is that person: relabelled PERSON, so that
    the linking below names them and the speaker's kind is a person. Not a country or its demonym ("Ukraine" after a
    mis-tagged "Groznyfy Ukraine"), nor a word after a determiner ("the West" beside "Jenny West"). The same for a
    one-word subject of a reporting verb that NER missed (:func:`speaker_phrases` guesses ORG for it)."""
    surnames = {r["canonical"].split()[-1] for r in full}
    for r in rows:
        word = r["canonical"]
        guessed = r["found_by"] == "speaker_phrase" and NAME_CASED_IN_ARTICLE  # a one-word subject, ORG by guess
        if r["label"] in ("PERSON", "NORP") or not (r["found_by"] == "ner" or guessed) or " " in word \
                or word not in surnames:
            continue
        before = text[max(0, r["start_char"] - 5):r["start_char"]].lower().split()
        if before and before[-1] in ("the", "a", "an") or country_of(word):
            continue
        r["label"] = "PERSON"


def _link_short_forms(rows: list[dict], text: str) -> None:
    _link_titles(rows, text)
    if SURNAME_TAGGED_OTHERWISE:
        _surnames_tagged_otherwise(rows, [r for r in rows if r["label"] == "PERSON" and len(r["canonical"].split()) > 1],
                                   text)
    persons = [r for r in rows if r["label"] == "PERSON"]
    full = [r for r in persons if len(r["canonical"].split()) > 1]
    for r in persons:
        words = r["canonical"].split()
        candidates = [f for f in full if len(f["canonical"].split()) > len(words)
                      and f["canonical"].split()[-len(words):] == words]
        if candidates:
            before = [f for f in candidates if f["start_char"] < r["start_char"]]
            r["canonical"] = (before[-1] if before else candidates[0])["canonical"]
    # acronyms: defined in parentheses right after an organisation, else by initials
    orgs = [r for r in rows if r["label"] in ("ORG", "GPE", "NORP", "FAC") and len(r["canonical"].split()) > 1]
    long_forms: dict[str, str] = {}
    for m in re.finditer(r"\(([A-Z][A-Z0-9&]{1,9})\)", text):
        prev = [o for o in orgs if o["end_char"] <= m.start() and m.start() - o["end_char"] <= 2]
        if prev and (not ACRONYM_MUST_FIT or _may_abbreviate(m.group(1), prev[-1]["canonical"])):
            long_forms.setdefault(m.group(1), prev[-1]["canonical"])
    for o in orgs:
        long_forms.setdefault(_initials(o["canonical"]), o["canonical"])
    for r in rows:
        if _ACRONYM.match(r["canonical"]) and r["canonical"] in long_forms:
            r["canonical"] = long_forms[r["canonical"]]
    if ORG_HEAD_SHORT_FORM:
        _org_heads_to_full_names(rows)
    if STAFF_SPEAK_FOR_ORG:
        _staff_to_organisation(rows)


def name_head(name: str) -> str | None:
    """The head noun of a multi-word organisation name: the word before "of", else the last ("Kyiv International
    Institute of Sociology" -> "Institute", "Deutsche Bank" -> "Bank"); None for a one-word name."""
    words = name.split()
    if len(words) < 2:
        return None
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _org_heads_to_full_names(rows: list[dict]) -> None:
    """A one-word organisation name that is the head noun of exactly one longer organisation name of the article is
    that organisation ("the Institute's latest data" after "Kyiv International Institute of Sociology", "the
    Commission" after "European Commission"): the head is the word before "of", else the last word."""
    heads: dict[str, set[str]] = defaultdict(set)
    org_heads = _vocab()["org_heads"]  # a generic organisation noun ("Institute", "Commission"), not a name ("Nato")
    for r in rows:
        head = name_head(r["canonical"])
        if r["label"] == "ORG" and head is not None:
            heads[head].add(r["canonical"])
    for r in rows:
        name = r["canonical"]
        if r["label"] == "ORG" and " " not in name and name[:1].isupper() and not name.isupper() \
                and name.lower() in org_heads and len(heads.get(name, ())) == 1:
            r["canonical"] = next(iter(heads[name]))


def _fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", anyascii(name).lower()).strip()


@functools.lru_cache(maxsize=1)
def _one_word_countries() -> dict[str, str]:
    """Normalised one-word country names -> ISO code (the gazetteer's countries)."""
    g = gazetteer.load()
    country = gazetteer.KINDS.index("country")
    return {gazetteer.normalize(g.names[i]): g.cc[i] for i in range(len(g)) if g.kind[i] == country
            and " " not in gazetteer.normalize(g.names[i])}


def country_of(word: str) -> str | None:
    """ISO code of the country a word names or is the demonym of ("Finland", "Finnish": "FI"); None otherwise."""
    return _country_code(gazetteer.normalize(word), True)


@functools.lru_cache(maxsize=20000)
def _country_code(key: str, abbreviation_ok: bool) -> str | None:
    """ISO code of the country a normalised word or phrase names ("ukraine", "united states", "uk" when written as
    an abbreviation) or whose demonym it is ("ukrainian"); None otherwise."""
    g = gazetteer.load()
    if key in lexicons.names()["country_aliases"]:
        return lexicons.names()["country_aliases"][key]
    countries = [m.place for m in g.lookup(key, variants=False)
                 if m.place.kind == "country" and (abbreviation_ok or m.match_type != gazetteer.ABBREV)]
    if countries:  # "america": the most populous country of that name
        return max(countries, key=lambda p: p.population).country_code
    cc = g.demonym_country(key)
    if cc is None:
        return None
    # the gazetteer keeps one country per demonym ("chinese"); prefer a one-word country name with its stem
    stems = [(len(gazetteer._common_prefix(key, name)), code) for name, code in _one_word_countries().items()]
    best = max(stems, default=(0, None))
    return best[1] if best[0] >= 4 and [n for n, _ in stems].count(best[0]) == 1 else cc


def org_key(name: str) -> tuple[str, ...]:
    """Order-free key of an organisation's name: words folded, British spelling, a country or its demonym as the
    country's code, function words left out — "Ukraine's defence ministry", "the Ukrainian Ministry of Defense" and
    "Defence Ministry of Ukraine" share ("@UA", "defence", "ministry")."""
    lex = lexicons.names()
    abbreviations = {gazetteer.normalize(a) for a in re.findall(r"(?:[A-Z]\.){2,}|\b[A-Z]{2,3}\b", anyascii(name))}
    words = _fold(gazetteer.normalize(re.sub(r"['’]s\b", "", name))).split()
    out, i = [], 0
    while i < len(words):
        if i + 1 < len(words) and _country_code(f"{words[i]} {words[i + 1]}", False):
            out.append("@" + _country_code(f"{words[i]} {words[i + 1]}", False))
            i += 2
            continue
        w = words[i]
        i += 1
        if w in lex["org_key_ignore"]:
            continue
        cc = _country_code(w, w in abbreviations) if len(w) > 1 else None
        if cc:
            out.append("@" + cc)
            continue
        w = lex["spelling_variants"].get(w, w)
        for us, gb in lex["spelling_suffixes"].items():
            if w.endswith(us) and len(w) > len(us) + 2:
                w = w[: -len(us)] + gb
                break
        out.append(w)
    return tuple(sorted(out))


def person_key(name: str) -> str:
    """Key of a full person name that transliterations share ("Aleksandr"/"Alexander", "Dmitry"/"Dmitri",
    "Zelensky"/"Zelenskyy"): the gazetteer's spelling skeleton, then ``names.json`` ``person_transliteration``."""
    rules = [(re.compile(p), r) for p, r in lexicons.names()["person_transliteration"]]
    words = []
    for w in gazetteer.skeleton(_fold(name)).split():
        for pattern, repl in rules:
            w = pattern.sub(repl, w)
        words.append(w)
    return " ".join(words)


def _group_key(canonical: str, label: str) -> str:
    """The corpus-wide key a canonical name is merged by (see :func:`canonical_map`)."""
    folded = _fold(canonical)
    if label == "PERSON" and len(folded.split()) > 1:
        return "person:" + person_key(canonical)
    if label == "ORG" and len(folded.split()) > 1:
        key = org_key(canonical)
        if len(key) > 1 and any(not k.startswith("@") for k in key):
            return "org:" + " ".join(key)
    return folded


def org_group_key(name: str) -> str:
    """The key an organisation's name is merged by across the corpus (:func:`_group_key`)."""
    return _group_key(name, "ORG")


def canonical_map(rows: list[dict]) -> dict[str, str]:
    """Map every within-article canonical name to one corpus-wide spelling (the most frequent of its group)."""
    labels: dict[str, Counter] = {}
    count_labels(labels, rows)
    return canonical_map_from_labels(labels)


def count_labels(labels: dict[str, Counter], rows: Iterable[dict]) -> None:
    """Add entity ``rows`` (in table order) to ``labels``: within-article canonical name -> its label counts — all
    :func:`canonical_map_from_labels` needs, so the corpus's rows can be counted chunk by chunk."""
    for r in rows:
        labels.setdefault(r["canonical"], Counter())[r["label"]] += 1


def canonical_map_from_labels(labels: dict[str, Counter], memo: bool = False) -> dict[str, str]:
    """:func:`canonical_map` from the label counts of every row (:func:`count_labels`). With ``memo``, each name's
    group key (:func:`_group_key`, a function of the name, its label, the code and the gazetteer) is kept across runs
    (:class:`helpers.core.artcache.Memo`, unless the cache is off): a rebuild after adding one article computed every
    name's key again — 0.5–0.9 s of notebook 02 on the 357-file corpus, in country look-ups — for a few new ones."""
    store = artcache.Memo(f"group keys g{gazetteer.VERSION}", artcache.cache_root() if memo else None)
    key_of = {}
    for name, c in labels.items():
        label = c.most_common(1)[0][0]
        key_of[name] = store.get((name, label), lambda: _group_key(name, label))  # noqa: B023 - called at once
    store.save()
    by_key: dict[str, Counter] = defaultdict(Counter)
    for name, c in labels.items():  # each name counted once per row, in the order its rows first came
        by_key[key_of[name]][name] += sum(c.values())
    chosen = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in by_key.items()}
    # lone surnames -> the full person name (group) in the corpus that ends with it: the only one, or one named
    # ten times as often as all the others together ("Joe Biden" 169 mentions against a stray "Putin-Biden")
    surname_owner: dict[str, Counter] = defaultdict(Counter)
    for name, key in key_of.items():
        words = _fold(name).split()
        if key.startswith("person:"):
            surname_owner[words[-1]][key] += sum(labels[name].values())
    mapping = {}
    for name, key in key_of.items():
        label = labels[name].most_common(1)[0][0]
        owners = surname_owner.get(key) if label == "PERSON" and len(key.split()) == 1 else None
        if LONE_SURNAME_ANY_LABEL and label in ("ORG", "GPE", "LOC", "FAC") and _fold(name) in surname_owner \
                and _may_be_surname(name):  # the dict first: the gazetteer is looked up for candidates only
            owners = surname_owner.get(_fold(name))
            if owners and not _surname_owner_named(owners, chosen, sum(labels[name].values())):
                owners = None
        if owners:
            top, n = owners.most_common(1)[0]
            if n >= SURNAME_DOMINANCE * (sum(owners.values()) - n):
                key = top
        mapping[name] = chosen[key]
    return mapping


def _may_be_surname(name: str) -> bool:
    """A lone capitalised word the model tagged a place or an organisation that may be a person's surname ("Scholz
    said", tagged GPE in an article that never gives the full name): no title ("President"), no country or its
    demonym, and no place of weight in the gazetteer — only settlements under ``SURNAME_PLACE_MAX_POPULATION``
    ("Stoltenberg", a village, is a surname; "Mariupol" is not)."""
    if " " in name or not name[:1].isupper() or _fold(name) in _vocab()["titles"] or country_of(name):
        return False
    city = gazetteer.KINDS.index("city")
    return all(m.place.kind == gazetteer.KINDS[city] and (m.place.population or 0) < SURNAME_PLACE_MAX_POPULATION
               for m in gazetteer.load().lookup(name, variants=False))


def _surname_owner_named(owners: Counter, chosen: dict[str, str], lone: int) -> bool:
    """Whether the person a lone non-PERSON word would join is named in full often enough to be read as theirs: at
    least ``SURNAME_OWNER_MIN_MENTIONS`` times and as often as the word itself, with a capitalised surname (not a
    role phrase such as "Russian president")."""
    top, n = owners.most_common(1)[0]
    return n >= max(SURNAME_OWNER_MIN_MENTIONS, lone) and chosen[top].split()[-1][:1].isupper()


def entity_frame_rows(rows: list[dict], sentence_of) -> list[dict]:
    """Contract rows (drop private keys, add ``sentence_id`` via ``sentence_of(start_char)``)."""
    out = []
    for r in rows:
        row = {k: v for k, v in r.items() if not k.startswith("_")}
        row["sentence_id"] = sentence_of(r["start_char"])
        out.append(row)
    return out


def rows_from_table(entities) -> list[dict]:
    """Entity rows of one article rebuilt from the ``entities`` table notebook 02 wrote (nothing re-detected)."""
    return entities.astype(object).where(entities.notna(), None).to_dict("records")  # nulls as None, not NaN
