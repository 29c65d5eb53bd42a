"""Normalised claim topics: ``"<owner> | <unit> | <category>"``.

A claimed figure is about *whose* what: "3,000 North Korean soldiers", "Russia had lost
9,000 tanks". The topic keeps three parts, each normalised by general rules only (no topic
or name lists):

* **owner** — the country or group the counted things belong to, found in the parse of
  the claim's sentence, in this order:

  1. a GPE/NORP entity inside the counted noun phrase (``amod``/``compound``/``poss``
     modifiers: "*North Korean* soldiers", "*Russia's* tanks") or attached to it by
     *of/from* ("troops *from North Korea*");
  2. otherwise the grammatical subject of the nearest governing verb, walking up the
     dependency tree ("*Pyongyang* had decided to deploy … 12,000 troops", "*Russia*
     had lost 9,000 tanks"), if that subject is a GPE/NORP entity;
  3. otherwise the owner of the nearest earlier claim *in the same article*, at most
     ``CONTEXT_SENTENCES`` sentences away, with the same unit class and category (a story
     keeps talking about the same troops: "the first batch of 2,600 soldiers"), else the
     nearest later one; else ``(unspecified)``.

  Entity names are mapped to a country name where they name one, from the gazetteer
  (:mod:`helpers.geo.gazetteer`, the one source of country knowledge; :func:`country_of`):
  the country's own name or abbreviation, its capital ("Pyongyang" → north korea), or a
  demonym ("North Korean" → north korea, "Ukrainians" → ukraine). Other names are lower-cased.
* **unit** — ``claims.unit`` (a singular lower-case noun by contract) mapped to its unit
  class by the lexicon ``ledger/rules/unit_classes.csv`` (near-synonyms of the war-reporting
  vocabulary: troop, infantryman, serviceman … → soldier; a data file, extend it freely),
  with the ``rate`` appended when there is one ("casualty per day"), so daily rates never
  mix with totals.
* **category** — ``claims.category`` as is.
"""
from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from helpers.core import rules
from helpers.core.tokens import hyphen_word
from helpers.geo import gazetteer

if TYPE_CHECKING:  # annotations only: the figures' kernel imports this module (topic labels) and needs no spaCy
    from spacy.tokens import Doc, Span, Token

OWNER_LABELS = ("GPE", "NORP")
UNSPECIFIED = "(unspecified)"
CONTEXT_SENTENCES = 5
# a modifier is written as the text writes it: a hyphenated word whole ("self-propelled", "anti-aircraft", not
# "propel" or "anti - aircraft"), a participle or adjective as written ("alleged", not "allege"); only a noun is
# lemmatised ("artillery systems" → artillery system). Switch used to measure it (session 18).
MODIFIER_AS_WRITTEN = True
COUNTRY_KIND = gazetteer.KINDS.index("country")


@functools.lru_cache(maxsize=1)
def _gazetteer_countries() -> tuple[dict[str, str], dict[str, str]]:
    """(ISO code → country name, capital → country name) from :mod:`helpers.geo.gazetteer`, lower-cased."""
    gaz = gazetteer.load()
    by_code = {gaz.cc[i]: gaz.names[i].lower() for i in range(len(gaz)) if gaz.kind[i] == COUNTRY_KIND}
    capitals = {}
    for code, info in gazetteer._countryinfo().items():
        if code in by_code and isinstance(info.get("capital"), str) and info["capital"].strip():
            capitals[info["capital"].strip().lower()] = by_code[code]
    return by_code, capitals


def country_of(text: str, capitals: bool = True) -> str | None:
    """The one lookup of country knowledge (all of it from the gazetteer): the country a name,
    ISO-style abbreviation, capital (unless ``capitals`` is False) or demonym refers to, lower-cased; None if
    it names no country.
    Kept in one function so that a ``country_of`` of the gazetteer can replace it."""
    by_code, capitals_ = _gazetteer_countries()
    gaz = gazetteer.load()
    raw, key = text.strip(), _strip(text)
    if len(key.replace(" ", "")) <= 3:  # codes only when written in capitals ("US", "U.S.", not "us")
        letters = re.sub(r"[^A-Za-z]", "", raw)
        if not letters.isupper():
            return None
        key = letters.lower()
    for m in gaz.lookup(key, variants=False):
        if m.place.kind == "country":
            return by_code.get(m.place.country_code, m.place.name.lower())
    if capitals and key in capitals_:
        return capitals_[key]
    countries = sorted(set(by_code.values()))
    for suffix in _owner_words()["demonym_suffixes"]:  # a demonym is a country name's stem + suffix
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            stem = key[: -len(suffix)]
            hits = [c for c in countries if c.startswith(stem) and len(c) - len(stem) <= 2]
            if len(hits) == 1:
                return hits[0]
    for form in (key, key[:-1] if key.endswith("s") else None):  # the gazetteer's demonyms
        code = gaz.demonym_country(form) if form else None
        if code in by_code:
            return by_code[code]
    return None


def _strip(text: str) -> str:
    words = _owner_words()
    text = re.sub(r"^(" + "|".join(map(re.escape, words["leading_articles"])) + r")\s+", "", text.strip(),
                  flags=re.IGNORECASE)
    text = re.sub(r"[’']s$", "", text)
    return re.sub(r"[.\s]+", " ", text).strip(" .").lower()


@functools.lru_cache(maxsize=1)
def _owner_words() -> dict:
    """``ledger/rules/owner_words.json``: words the owner rules read (see the rules README)."""
    return rules.load_json("ledger", "owner_words.json")


@functools.lru_cache(maxsize=4096)
def country_name(text: str) -> str | None:
    """The country a name, code, capital or demonym refers to (lower-case), else None."""
    return country_of(text) if _strip(text) else None


def owner_name(span: Span | str) -> str:
    """Normalised owner string for an entity (country name where it is one)."""
    text = span if isinstance(span, str) else span.text
    return country_name(text) or _strip(text)


def _ent_owner(token: Token) -> str | None:
    """Normalised owner if ``token`` is part of a GPE/NORP entity, else a demonym or country name the
    tagger missed (:func:`demonym_owner`). Rule ``place_not_owner``: a GPE that names no country (a town, a
    village, a region: "509 people *from* three villages", "the *city's* residents") is where the things are
    counted, not whose they are — it is no owner (the place rules read it: :func:`event_place`); a country, its
    capital or a group (NORP) is."""
    if token.ent_type_ not in OWNER_LABELS:
        return demonym_owner(token)
    for e in token.doc.ents:
        if e.start <= token.i < e.end:
            if e.label_ == "GPE" and _local_place(e.text):
                return None
            return owner_name(e)
    return None


@functools.lru_cache(maxsize=4096)
def _local_place(text: str) -> bool:
    """A name the gazetteer knows only as a place inside a country (kinds of ``local_place_kinds``: a city, a
    province — not a country, a capital, a historical state, or a name it does not know, such as "Britain")."""
    if country_name(text) is not None:
        return False
    kinds = {m.place.kind for m in gazetteer.load().lookup(_strip(text), variants=False)}
    return bool(kinds) and kinds <= set(_owner_words()["local_place_kinds"])


def demonym_owner(token: Token) -> str | None:
    """Rule ``owner_demonym``: a capitalised adjective or proper noun that the entity tagger did not mark as a
    country or group ("more than 100,000 *Russian* troops" with "Russian" tagged as a person, or not tagged) is
    still an owner when the gazetteer maps it to a country (its demonyms, names, capitals: :func:`country_name`).
    Not a word inside a longer name of another kind, and not a proper noun tagged as a person or organisation
    ("Jordan" the person): only an adjective can be a demonym the tagger mislabelled."""
    if not token.is_alpha or not token.text[:1].isupper() or token.pos_ not in ("ADJ", "PROPN"):
        return None
    if token.ent_type_ and (token.pos_ != "ADJ" or any(e.start <= token.i < e.end and len(e) > 1 for e in token.doc.ents)):
        return None
    if not token.ent_type_ and len(token.text) <= 3:  # an untagged short capital word is no country code ("MV" of a ship)
        return None
    return country_name(token.text) if token.ent_type_ else _untagged_country(token.text)


@functools.lru_cache(maxsize=4096)
def _untagged_country(text: str) -> str | None:
    """A country name or demonym, not a capital: an untagged "Victoria" is a person sooner than a capital."""
    return country_of(text, capitals=False)


def _np_owner(noun: Token, placed: bool = False) -> str | None:
    """Owner named inside the counted noun phrase or attached by of/from. A phrase that names a town or province
    (rule ``place_not_owner``) is a place phrase as a whole: a name coordinated with it ("from X, Y and Z", one of
    them a name the gazetteer does not know) is a place too."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") or (
                child.dep_ == "prep" and child.lower_ in _owner_words()["owner_prepositions"]):
            if _names_local_place(child):
                continue
            for t in (_owner_phrase(child) if placed else child.subtree):
                found = _ent_owner(t)
                if found:
                    return found
    return None


def _owner_phrase(child: Token) -> list[Token]:
    """For a deployment or displacement (``placed_events``), the words of a modifier or *of/from* phrase that can
    name the owner: not those of a place phrase inside it (rule ``place_phrase``: a preposition of
    ``place_prepositions`` — "two squadrons of fighters *in the UK*" are stationed there, not the UK's) nor of a
    thing coordinated inside it. Things that do not move keep it ("buildings damaged in the *Russian* city")."""
    from helpers.ledger.claimdates import ledger_rules

    places = set(ledger_rules()["place_prepositions"])
    skip = {x.i for t in child.subtree if t.i != child.i and ((t.dep_ == "prep" and t.lower_ in places) or t.dep_ == "conj")
            for x in t.subtree}
    return [t for t in child.subtree if t.i not in skip]


def _names_local_place(phrase: Token) -> bool:
    """The phrase names a town or province (:func:`_local_place`): the modifier itself, or the object of the
    preposition, or one coordinated with either — not a name deeper inside ("buildings damaged *in* the Russian
    city of X" keeps its "Russian")."""
    heads = [o for o in phrase.children if o.dep_ == "pobj"] if phrase.dep_ == "prep" else [phrase]
    names = set()
    for h in heads:
        names |= {h.i} | {c.i for c in h.children if c.dep_ == "compound"} | {c.i for c in h.subtree if c.dep_ == "conj" and _chain_to(c, h)}
    return any(e.label_ == "GPE" and any(e.start <= i < e.end for i in names) and _local_place(e.text) for e in phrase.doc.ents)


def _absolute(prep: Token) -> bool:
    """An absolute construction: the preposition's object has a clause of its own ("with 150,000 troops
    *arrayed* on its borders"), not an instrument ("surrounded its neighbour with 100,000 troops")."""
    return any((o.dep_ == "pcomp" and o.pos_ in ("VERB", "AUX")) or
               (o.dep_ == "pobj" and any(c.dep_ in ("acl", "relcl") for c in o.children)) for o in prep.children)


def _verb_subject_owner(noun: Token, max_steps: int = 8) -> str | None:
    """Subject entity of the nearest governing verb whose subject is a country or group.

    Rule ``walk_stop``: the walk stops at a preposition of ``owner_walk_stops`` (amid, despite, against), and
    at one of ``absolute_prepositions`` (with, without) that opens an absolute construction: "the Ukrainians would
    choose this moment, *with* 150,000 troops arrayed on its borders" — a noun there is a circumstance of the
    clause, not a thing its subject owns or acts on ("Russia surrounded X *with* 100,000 troops" passes).
    Rule ``opponent_subject``: it also stops at a verb of ``opponent_verbs`` (kill, destroy, capture …) that has a
    subject: the subject of "Ukraine *killed* 1,000 soldiers" is the other side, not the soldiers' owner ("Russia *lost*
    1,000 soldiers" keeps its subject)."""
    token = noun
    words = _owner_words()
    stops, absolute, opponents = words["owner_walk_stops"], words["absolute_prepositions"], set(words["opponent_verbs"])
    for _ in range(max_steps):
        if token.head is token:
            break
        token = token.head
        if token.dep_ == "prep" and (token.lower_ in stops or (token.lower_ in absolute and _absolute(token))):
            return None
        if any(c.dep_ == "mark" and c.lower_ in stops + absolute for c in token.children):
            return None  # "with 150,000 troops massed …" parsed as the mark of a clause
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in opponents and any(c.dep_ == "nsubj" for c in token.children):
            return None  # rule ``opponent_subject``: who kills or captures the things does not own them
        if token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    # the subject and its own modifiers ("the *Russian* military"),
                    # not appositions or clauses attached to it
                    for t in [child] + [c for c in child.children if c.dep_ in ("compound", "amod", "poss")]:
                        found = _ent_owner(t)
                        if found:
                            return found
    return None


def counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a number (character span ``start:end`` in ``doc``) counts."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for t in span:
        if t.pos_ in ("NOUN", "PROPN") and not t.like_num and t.dep_ not in ("nummod", "quantmod"):
            return t
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]  # from the number, not the span's root:
    head = nums[-1] if nums else span.root  # "*between* 3,000-4,000 armored vehicles" hangs on the verb
    for _ in range(3):
        if head.pos_ in ("NOUN", "PROPN") and not head.like_num:
            return head
        if head.head is head:
            break
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN") else None


def sentence_owner(doc: Doc, start: int, end: int) -> str | None:
    """Owner of the figure at ``start:end`` in a parsed sentence, by rules 1–2 (see module doc)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        for t in span:  # "Russian casualties" inside the claim text itself
            found = _ent_owner(t)
            if found:
                return found
    noun = counted_noun(doc, start, end)
    if noun is None:
        return _verb_subject_owner(span.root) if span is not None and len(span) else None
    from helpers.ledger.claimdates import ledger_rules

    placed = counted_event(doc, start, end) in ledger_rules()["placed_events"]
    return _np_owner(noun, placed) or (None if _taken_by_other(noun) else _verb_subject_owner(noun))


def _taken_by_other(noun: Token) -> bool:
    """Rule ``captor_modifier``: a counted noun that a verb of ``captor_verbs`` modifies ("10 *captured*
    occupiers", "soldiers *detained* by the army") names people the other side holds: the subject of a verb
    above it (who exchanged, reported or counted them) is not their owner ("20 *wounded* soldiers" keep it).
    Rule ``host_place``: nor is the subject of a verb of ``host_verbs`` with displaced people as object ("Germany
    has taken in 3,000 refugees"): who takes them in is where they are, not whose they are."""
    if noun.dep_ in ("dobj", "obj") and _host_verb(noun.head) and _hosted(noun):
        return True
    captors = set(_owner_words()["captor_verbs"])
    return any(c.dep_ in ("amod", "acl") and c.lemma_.lower() in captors for c in noun.children)


def _hosted(noun: Token) -> bool:
    """The counted noun names displaced people ("refugees", "evacuees": an event of ``origin_prepositions``), whom
    a host takes in; money or weapons a country receives are its own."""
    from helpers.ledger.claimdates import ledger_rules

    return _event_of(noun) in ledger_rules()["origin_prepositions"]


def _host_verb(verb: Token) -> bool:
    """The verb, with its particle, is one of ``host_verbs`` (accept, host, take in …)."""
    from helpers.ledger.claimdates import ledger_rules

    lemma = verb.lemma_.lower()
    words = {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"}
    return verb.pos_ == "VERB" and bool(words & set(ledger_rules()["host_verbs"]))


@functools.lru_cache(maxsize=1)
def unit_classes() -> dict[str, str]:
    """``ledger/rules/unit_classes.csv``: unit → the class it is grouped under in topics."""
    return {row["unit"].strip().lower(): row["topic_unit"].strip().lower()
            for row in rules.load_csv("ledger", "unit_classes.csv")}


@functools.lru_cache(maxsize=1)
def thing_words() -> dict:
    """``ledger/rules/thing_words.json``: spelling variants and the class of people counted by a demonym."""
    return rules.load_json("ledger", "thing_words.json")


@functools.lru_cache(maxsize=4096)
def unit_key(unit: str | None, rate: str | None = None) -> str:
    """``claims.unit`` (a singular lower-case noun) mapped to its unit class, rate appended. A unit that is a
    country's demonym ("200,000 *Russians*", rule ``demonym_people``) counts people: the class
    ``people_class`` (the owner rules read the country from the word itself)."""
    u = (unit or "unit").strip().lower()
    u = unit_classes().get(u, u)
    country = country_name(u) if u.isalpha() and u not in unit_classes().values() else None
    if country and country != u:  # a demonym, not the country's own name
        u = thing_words()["people_class"]
    if isinstance(rate, str) and rate.strip():
        u = f"{u} {str(rate).strip().lower()}"
    return u


def thing_key(thing: str) -> str:
    """Rule ``thing_synonyms``: the counted thing (its modifiers and unit class, "armored personnel carrier",
    "service member") with each word's spelling variant made one (``spelling_variants``: armored → armoured)
    and its longest final run of words that ``unit_classes.csv`` lists replaced by its class ("armoured
    personnel carrier" → armoured vehicle, "service member" → soldier, "main battle tank" → tank), so that
    one thing written in two ways is one thing. Modifiers before that run stay ("combat soldier")."""
    variants = thing_words()["spelling_variants"]
    words = [variants.get(w, w) for w in thing.split()]
    classes = unit_classes()
    for i in range(len(words)):
        tail = " ".join(words[i:])
        if tail in classes:
            head = [w for w in words[:i] if w not in classes[tail].split()]
            return " ".join(head + [classes[tail]])
    return " ".join(words)


def topic(owner: str | None, unit: str, category: str) -> str:
    owner = owner if isinstance(owner, str) and owner.strip() else UNSPECIFIED
    return f"{owner} | {unit} | {category}"


# ---- the kind of figure from the parse: which cue phrases modify *this* figure ----

# dependency labels that open a new clause: a cue beyond one describes another clause's figure
CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "conj", "ROOT")


def number_token(doc: Doc, start: int, end: int) -> Token | None:
    """The number token of the figure at ``start:end`` (else the span's root)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    nums = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return nums[-1] if nums else span.root


def _reporting(t: Token) -> bool:
    from helpers.ledger.claimdates import ledger_rules  # the one reporting-verb list of the ledger

    return t.pos_ in ("VERB", "AUX") and t.lower_ in ledger_rules()["reporting_verbs"]


def figure_path(num: Token) -> list[Token]:
    """The figure's tokens up to the head of its clause: the number, the noun it counts, the
    prepositions and nouns above it, up to and including the first verb whose link opens a clause
    (``CLAUSE_DEPS``) or the root. Verbs linked by ``xcomp`` ("continued *to lose*") stay inside. A
    reporting verb that frames the clause ("*the ministry said*, Russia lost …") is added: what modifies
    the report ("over the past day, the ministry said") dates the figure it reports."""
    path, t = [num], num
    while t.head.i != t.i:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS:
            break
        t = t.head
        path.append(t)
    if t.dep_ in ("ccomp", "parataxis") and _reporting(t.head):
        path.append(t.head)
    return path


def _owns_other_figure(t: Token, num: Token, cue: Span) -> bool:
    """``t`` is, or directly governs, a number other than the figure's ("15", "15 tanks", "including 15");
    a number inside the cue itself ("the past 24 hours") is the cue's."""
    inside = range(cue.start, cue.end)
    return t.i != num.i and t.i not in inside and (
        t.like_num or any(c.like_num and c.i != num.i and c.i not in inside for c in t.children))


def modifies_figure(cue: Span, num: Token) -> bool:
    """Does the phrase ``cue`` (e.g. "in the past day", "batch of") describe the figure ``num``?

    Rule ``clause_scope``: the cue's route up the dependency tree joins the figure's path
    (:func:`figure_path`) without passing through another figure's phrase (so "9,000 tanks,
    including 15 in the past day" gives the rate to 15 only) and without crossing into another
    clause; a figure coordinated with ours (``conj``) shares its modifiers ("lost 15 tanks and
    9 guns in the past day"). Commas and distance play no part."""
    if num.sent.start != cue.sent.start:
        return False
    path = figure_path(num)
    on_path = {t.i for t in path}
    if any(t.i in on_path for t in cue):  # the cue is part of the figure's own phrase ("another 500")
        return True
    t = cue.root
    while t.head.i != t.i:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS and t.i not in on_path \
                and not (t.dep_ in ("acl", "relcl") and t.head.i in on_path) \
                and not (t.dep_ == "parataxis" and t.head.i in on_path and _reporting(t)):
            return False  # the cue sits in a clause of its own (a clause on the counted noun, or the
            # inserted "the ministry said" of the figure's clause, is the figure's own)
        if _owns_other_figure(t, num, cue) and not _conjoined(t, on_path):
            return False
        t = t.head
        if t.i in on_path:
            return True
    return False


def _conjoined(t: Token, on_path: set[int]) -> bool:
    """``t`` is coordinated (a chain of ``conj``) with a token of the figure's path."""
    seen = t
    while seen.dep_ == "conj" and seen.head.i != seen.i:
        seen = seen.head
        if seen.i in on_path:
            return True
    return any(c.i in on_path for c in t.subtree if c.dep_ == "conj" and _chain_to(c, t))


def _chain_to(c: Token, top: Token) -> bool:
    while c.dep_ == "conj" and c.head.i != c.i:
        c = c.head
        if c.i == top.i:
            return True
    return False


def cue_spans(doc: Doc, num: Token, phrases) -> list[Span]:
    """Occurrences (word-bounded, case-insensitive) of ``phrases`` in the figure's sentence."""
    sent = num.sent
    text = sent.text  # built once, not once per phrase (spaCy joins the tokens on each access)
    out = []
    for pattern in _cue_patterns(tuple(phrases)):
        for m in pattern.finditer(text):
            span = doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            if span is not None and len(span):
                out.append(span)
    return out


@functools.lru_cache(maxsize=64)
def _cue_patterns(phrases: tuple[str, ...]) -> list[re.Pattern]:
    """Each phrase as its word-bounded, case-insensitive pattern, compiled once per list of phrases."""
    return [re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE) for phrase in phrases]


PART_MODIFIER_DEPS = ("det", "amod", "advmod", "quantmod", "nummod", "predet")


def governs_figure(cue: Span, num: Token) -> bool:
    """Is the figure ``num`` counted *within* the phrase ``cue`` (a batch or part)?

    Rule ``part_scope``: the cue is on the figure's path below its clause head — the figure sits
    inside it ("the first batch of 1,500 troops", "including 400 snipers") — or is a modifier of the
    number or of the noun it counts ("another 500 troops"), or an *of* + pronoun on the number ("400 of
    whom"). A total that merely has
    a part attached ("900 soldiers, including 400 snipers" for 900) is not a part."""
    if num.sent.start != cue.sent.start:
        return False
    path = figure_path(num)
    below_clause = {t.i for t in path[:-1] if not (t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS + ("xcomp",))}
    if any(t.i in below_clause for t in cue):
        return True
    top = path[-1]  # the figure's clause hangs on the cue: "the first batch of [1,500 troops being ferried]"
    if top.dep_ in ("acl", "relcl", "pcomp") and cue.start <= top.head.i < cue.end:
        return True
    root = cue.root
    if root.head.i not in below_clause:
        return False
    if root.dep_ in PART_MODIFIER_DEPS:  # "*another* 500 troops", "3,000 *more* troops", "*another* $1 billion";
        # not a comparative on the number: "*more* than 500" ("than" is the number's quantmod)
        return not (root.head.i == num.i and any(c.dep_ == "quantmod" and c.is_alpha for c in num.children))
    return (  # "40 *of whom*", "15 *of which*": a pronoun for the whole
        root.head.i == num.i and root.dep_ == "prep" and any(c.pos_ == "PRON" for c in root.subtree))


def has_cue(doc: Doc, start: int, end: int, phrases, scope=modifies_figure) -> bool:
    """A phrase of ``phrases`` bears on the figure at ``start:end``: describes it
    (:func:`modifies_figure`, the default) or contains it (``scope=governs_figure``)."""
    num = number_token(doc, start, end)
    return num is not None and any(scope(s, num) for s in cue_spans(doc, num, phrases))


# ---- the counted thing: what the figure counts and what happened to it ----

@functools.lru_cache(maxsize=1)
def event_classes() -> dict[str, str]:
    """``ledger/rules/event_classes.csv``: a word's lemma → the event it names (lose, kill → lost)."""
    return {r["word"].strip().lower(): r["event"].strip().lower() for r in rules.load_csv("ledger", "event_classes.csv")}


def _event_of(t: Token) -> str | None:
    """The event a word names (``rules/event_classes.csv``), by its lemma or form; three general forms more:

    * rule ``phrasal_event``: a verb with its particle ("*built up* 100,000 troops" → "build up"), before the
      verb alone;
    * rule ``hyphen_event``: a word the tokenizer split at a hyphen ("the *build-up* of" → build, -, up);
    * rule ``ing_event``: a noun in -ing with an *of* names the event of its verb ("the *positioning* of", "the
      *sending* of")."""
    classes = event_classes()
    lemma = t.lemma_.lower()
    for prt in (c for c in t.children if c.dep_ == "prt"):
        found = classes.get(f"{lemma} {prt.lower_}")
        if found:
            return found
    found = classes.get(lemma) or classes.get(t.lower_)
    if found:
        return found
    doc = t.doc
    if t.i >= 2 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_ and not doc[t.i - 2].whitespace_:
        found = classes.get(f"{doc[t.i - 2].lower_}-{t.lower_}")
        if found:
            return found
    if t.pos_ == "NOUN" and t.lower_.endswith("ing") and len(t.lower_) > 6 and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        stem = t.lower_[:-3]
        for form in (stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else None):
            if form and classes.get(form):
                return classes[form]
    return None


def counted_event(doc: Doc, start: int, end: int) -> str | None:
    """What happened to the counted things (``rules/event_classes.csv``), else None (see :func:`event_word`)."""
    found = event_word(doc, start, end)
    return found[0] if found else None


def event_word(doc: Doc, start: int, end: int) -> tuple[str, Token] | None:
    """What happened to the counted things (``rules/event_classes.csv``), else None.

    Rule ``event``: the first word with an event class among — the counted noun itself
    ("casualties", "deaths"), the clauses and adjectives on it ("troops *killed*", "soldiers *being
    ferried*", "*wounded* soldiers"), then the words above the figure in the dependency tree
    ("Russia had *lost* 9,000 tanks", "the *loss* of 3,500 tanks", "decided to *deploy* four brigades
    amounting to 12,000 troops"), at most ``event_search_steps`` steps, stopping at a reporting verb
    (what was said is not what happened: "the ministry *said* 500 …") and at the verb of an adverbial or
    relative clause (rule ``event_clause``: "19 people were killed after two missiles *hit* a centre" — the
    main clause's event is not the missiles'); a verb of no event that has the
    counted noun as object passes to its prepositional complement ("put 8,500 troops *on standby*")."""
    num = number_token(doc, start, end)
    if num is None:
        return None
    noun = counted_noun(doc, start, end) or num
    for t in [noun] + [c for c in noun.children if c.dep_ in ("acl", "relcl", "amod")] + _conjunct_clauses(noun):
        found = _event_of(t)
        if found:
            return found, t
        if t.dep_ in ("acl", "relcl") and _state_of(t):  # "the 8,500 troops that Austin put *on standby*"
            return _state_of(t)
    t = num
    from helpers.ledger.claimdates import ledger_rules

    for _ in range(ledger_rules()["event_search_steps"]):
        if t.head.i == t.i:
            break
        t = t.head
        if _reporting(t):
            break
        if t.lemma_ in ledger_rules()["copulas"] and _is_pivot(noun, t):  # a copula says nothing itself; its
            for c in t.children:  # complement may, of its own subject or pivot (rule ``copula_pivot``):  # "were *in training*", "are *stationed*", "remained *displaced*"
                if c.dep_ in ("acomp", "attr", "prep", "advcl", "oprd"):
                    for g in [c] + [x for x in c.children if x.dep_ == "pobj"]:
                        if _event_of(g):
                            return _event_of(g), g
            if any(c.dep_ == "expl" for c in t.children):  # "there are 900 troops in X": presence
                return ledger_rules()["existential_event"], t
        found = _event_of(t)
        if found:
            return _shared_events(t, found), t
        if t.i == noun.head.i and noun.dep_ in ("dobj", "obj") and _state_of(t):
            return _state_of(t)
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("advcl", "relcl"):  # rule ``event_clause``: the figure's
            break  # clause ends here — "19 were killed after two missiles *hit* …": the killing is not the missiles'
    return _kind_event(noun, num)


def _is_pivot(noun: Token, copula: Token) -> bool:
    """Rule ``copula_pivot``: the counted noun is what the copula says something of — its subject or, after
    "there", its pivot ("*11,000 soldiers* were in training", "there were *three diplomats*", "*a total of 1,000
    troops* were on standby") —, reached from the noun through nothing but partitive prepositions
    (``partitive_prepositions``: of) and their objects. A figure deeper inside the subject or pivot is not what
    the clause places or describes: "there has been a change in perspective *about the 31 diplomats*" states no
    presence of the diplomats."""
    from helpers.ledger.claimdates import ledger_rules

    partitive = set(ledger_rules()["partitive_prepositions"])
    t = noun
    while t.head.i != t.i and t.head.i != copula.i:
        if t.dep_ != "pobj" and not (t.dep_ == "prep" and t.lower_ in partitive):
            return False
        t = t.head
    return t.head.i == copula.i and t.dep_ in ("nsubj", "nsubjpass", "attr")


def _kind_event(noun: Token, num: Token) -> tuple[str, Token] | None:
    """Rule ``event_in``, when no word above names an event: the object of a preposition of
    ``kind_prepositions`` on the counted noun or its number names one ("announced $205 million *in* humanitarian
    aid" → supplied). Last, so that the verb's event comes first ("*pledged* $800m in aid" stays pledged)."""
    for o in _kind_nouns(noun, num):
        return _event_of(o), o
    return None


def _kind_nouns(noun: Token, num: Token) -> list[Token]:
    """The objects of ``kind_prepositions`` on the counted noun or its number that name an event ("$205 million
    *in humanitarian aid*" → aid); their modifiers say which money or things (:func:`thing_modifiers`)."""
    kinds = set(thing_words()["kind_prepositions"])
    return [o for holder in {noun.i: noun, num.i: num}.values() for c in holder.children
            if c.dep_ == "prep" and c.lower_ in kinds for o in c.children if o.dep_ == "pobj" and _event_of(o)]


def _conjunct_clauses(noun: Token) -> list[Token]:
    """Rule ``conjunct_clause``: a clause on the last of coordinated nouns describes them all ("150,000 troops,
    equipment and heavy weapons *stationed* near X"): the clauses (acl, relcl — not adjectives) on the
    counted noun's following conjuncts."""
    out, t = [], noun
    while True:
        nxt = [c for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not nxt:
            return out
        t = nxt[0]
        out += [c for c in t.children if c.dep_ in ("acl", "relcl")]


def rate_period(doc: Doc, start: int, end: int) -> str | None:
    """Rule ``rate_period``: the period of a rate read from its cue (``rate_cue_periods``: "in the past day",
    "over the past 24 hours", "overnight" → per day; "per week" → per week), written as the claims table writes a
    stated rate, so that "824 soldiers in the past day" and "1,000 soldiers a day" are one quantity. None when
    no cue with a period bears on the figure."""
    periods = thing_words()["rate_cue_periods"]
    num = number_token(doc, start, end)
    if num is None:
        return None
    found = {periods[cue] for cue in periods if any(modifies_figure(s, num) for s in cue_spans(doc, num, [cue]))}
    return found.pop() if len(found) == 1 else None


def _state_of(verb: Token) -> tuple[str, Token] | None:
    """A verb of no event that puts its object into a state names it in a prepositional complement: "put
    8,500 troops *on standby*" → readied."""
    if verb.pos_ != "VERB":
        return None
    complements = [x for c in verb.children if c.dep_ == "prep" for x in c.children if x.dep_ == "pobj"]
    if any(c.dep_ == "prt" for c in verb.children):  # "put *on* standby" parsed as a particle and an object
        complements += [c for c in verb.children if c.dep_ == "dobj"]
    for g in complements:
        if _event_of(g):
            return _event_of(g), g
    return None


def _shared_events(verb: Token, event: str) -> str:
    """Rule ``shared_object``: verbs coordinated with the event verb that have no object of their own share its
    object ("killed, injured or captured 5,000 troops": the verbs before it, without an object or a counted
    subject of their own — not "five were killed and 18 injured"): the figure counts all their events together, written
    sorted and joined ("captured/lost/wounded") — not the same quantity as one of them alone."""
    top = verb
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    group = [top] + [x for x in top.subtree if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and _chain_to(x, top)]
    events = {event}
    for v in group:  # only verbs before the event verb share an object on its right
        if v.i < verb.i and not any(c.dep_ in ("dobj", "obj") or (c.dep_ in ("nsubj", "nsubjpass") and any(x.like_num for x in c.subtree))
                                    for c in v.children):
            events.add(_event_of(v) or event)
    return "/".join(sorted(events))


@functools.lru_cache(maxsize=4096)
def place_country(text: str) -> str | None:
    """The country a place name lies in: the country it names (:func:`country_name`), else the country of the
    gazetteer's most populous place of that primary name when it is a major place ("Vladivostok" → russia)."""
    found = country_name(text)
    if found or not gazetteer.load().is_major_place(text):
        return found
    by_code = _gazetteer_countries()[0]
    hits = [m.place for m in gazetteer.load().lookup(text, variants=False) if m.match_type == gazetteer.PRIMARY]
    best = max(hits, key=lambda pl: pl.population, default=None)
    return by_code.get(best.country_code) if best is not None else None


def _place_name(pobj: Token, local: bool = False) -> str:
    """A place phrase's key: the countries its GPE/LOC entities lie in ("to Vladivostok, Russia's largest
    port" → russia; "to Romania, Poland and Germany" → germany+poland+romania); names in no known country
    stay as written ("eastern europe") when no entity has a country; else the lemma of the phrase's noun
    ("the region" → region, "the border" → border), or its proper-noun compound ("the Azovstal steelworks" →
    azovstal: one place in two wordings). ``local`` (rule ``local_place``): a town or province is kept
    by its own name, only a country's name (or capital) becomes the country — an evacuation from one town is
    not one from another town of the same country."""
    countries, others = set(), set()
    for e in pobj.doc.ents:
        if e.label_ in OWNER_LABELS + ("LOC",) and pobj.left_edge.i <= e.start and e.end - 1 <= pobj.right_edge.i:
            found = country_name(e.text) if local else place_country(e.text)
            (countries.add(found) if found else others.add(_strip(e.text)))
    names = [c.lower_ for c in pobj.children if c.dep_ == "compound" and c.pos_ == "PROPN"]  # "*Azovstal* steelworks"
    return "+".join(sorted(countries or {n for n in others if n})) or (" ".join(names) if names else pobj.lemma_.lower())


def event_place(doc: Doc, start: int, end: int, event: str | None = None) -> str | None:
    """Where the counted things are or go, when the sentence says so (rule ``event_place``): a place
    preposition (``place_prepositions``: in, to, near, at …) on the counted noun ("900 troops *in X*"),
    on the verb of which the counted noun is a direct argument ("deploy 3,000 troops *to X*", "troops are
    stationed *in the region*"), on the event clause on the noun ("troops massed *close to X*") or on that
    clause's object (rule ``clause_place``: "refugees who have found *shelter in X*"), or on an adverb of
    those ("*close to* X"). A phrase that itself names the event ("in training") is not a place. Rule
    ``origin_place``: for an event of ``origin_prepositions`` (displaced) the place it starts from is its place
    too ("evacuated *from* the town of X", "people *from* three villages"), when it is named (a country, town,
    region or a proper noun: "fled *from the war*" names none); for an event of ``local_events`` (displaced,
    lost …) a town keeps its own name (rule ``local_place``). Rule ``host_place``: for a displacement, the subject
    of a verb of ``host_verbs`` with the counted noun as object is where they are ("*Poland* has taken in 2
    million refugees", "the US will accept 100,000 refugees"). Rule ``named_place``: for an event of
    ``named_place_events`` (lost, wounded, captured) only a named place counts — "killed *in the city*" or "*in
    the fighting*" names none, so a figure for the city named before stays comparable with one that names it.
    Several places are joined ("poland+romania"). None when no place is stated."""
    from helpers.ledger.claimdates import ledger_rules

    cfg = ledger_rules()
    noun = counted_noun(doc, start, end)
    if noun is None:
        return None
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    holders = [noun] + clauses + [o for c in clauses for o in c.children if o.dep_ in ("dobj", "obj")]
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and noun.head.i != noun.i:
        holders.append(noun.head)
    holders += [c for h in list(holders) for c in h.children if c.dep_ in ("advmod", "acomp")]
    origin = set(cfg["origin_prepositions"].get(event, []))
    preps = set(cfg["place_prepositions"]) | origin
    not_places = set(cfg["cumulative_cues"])  # "*in total*, 1 million people were evacuated"
    named_only = event in cfg["named_place_events"]
    local = event in cfg["local_events"]
    places = []
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for o in c.children:
                    if o.dep_ == "pobj" and not _event_of(o) and f"{c.lower_} {o.lower_}" not in not_places \
                            and ((not named_only and c.lower_ not in origin) or _named_place(o)):
                        places.append(_place_name(o, local))
    host = _host_subject(noun) if event in cfg["origin_prepositions"] else None
    if host is not None:
        places.append(_place_name(host, local))
    return "+".join(sorted(set(places))) if places else None


def _named_place(pobj: Token) -> bool:
    """The phrase names a place: a GPE, LOC or FAC entity inside it, or a proper-noun compound ("the *Azovstal*
    steelworks"); not a common noun alone ("the city", "the war")."""
    return any(e.label_ in OWNER_LABELS + ("LOC", "FAC") and pobj.left_edge.i <= e.start and e.end - 1 <= pobj.right_edge.i
               for e in pobj.doc.ents) or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in pobj.children)


def _host_subject(noun: Token) -> Token | None:
    """Rule ``host_place``: the subject naming a country or town of a verb of ``host_verbs`` (accept, host, take
    in …) whose object is the counted noun — where the counted people are received."""
    if noun.dep_ not in ("dobj", "obj") or not _host_verb(noun.head):
        return None
    for s in noun.head.children:
        if s.dep_ == "nsubj" and any(e.label_ == "GPE" and e.start <= s.i < e.end for e in s.doc.ents):
            return s
    return None


def is_cumulative(doc: Doc, start: int, end: int) -> bool:
    """Rule ``cumulative``: the figure is a running total — its verb is in the perfect ("*has provided*
    $2 billion") or a cumulative cue (``cumulative_cues``: since, so far, to date, in total) modifies it in
    its clause, a "since" clause on its verb included ("*since the war started*")."""
    from helpers.ledger.claimdates import ledger_rules

    num = number_token(doc, start, end)
    if num is None:
        return False
    path = figure_path(num)
    on_path = {t.i for t in path}
    for t in path:
        if t.pos_ in ("VERB", "AUX") and t.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children):
            return True
    for cue in cue_spans(doc, num, ledger_rules()["cumulative_cues"]):
        root = cue.root
        if modifies_figure(cue, num) or (root.dep_ in ("mark", "prep") and root.head.dep_ == "advcl" and root.head.head.i in on_path):
            return True
    return False


def is_conditional(doc: Doc, start: int, end: int) -> bool:
    """Rule ``conditional``: the figure is stated under a condition — a verb of its clause has an adverbial clause
    opened by a conditional conjunction (``conditional_marks``: if, unless: "*if* the country is attacked, there
    will be 100,000 soldiers here"), or the figure sits in such a clause ("*if* 10,000 soldiers cross the border").
    What would be is not an estimate of what is."""
    from helpers.ledger.claimdates import ledger_rules

    marks = set(ledger_rules()["conditional_marks"])
    num = number_token(doc, start, end)
    if num is None:
        return False

    def opens(clause: Token) -> bool:
        return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)

    path = figure_path(num)
    return opens(path[-1]) or any(t.pos_ in ("VERB", "AUX") and any(opens(c) for c in t.children) for t in path)


def aid_kind(doc: Doc, start: int, end: int) -> str:
    """Rule ``aid_kind``: which kind of total an amount of aid is — ``cumulative total`` (:func:`is_cumulative`:
    the perfect, "so far", "in total", "since the war started"); ``package``, one announcement: a one-off cue
    bears on the figure (``package_cues``: package, tranche, the latest, shipment …) or its verb tells of one
    act — the simple past ("*authorised* $350m", "$350m *was approved*"), a modal or future ("*will provide*"),
    an infinitive under either ("*agreed to send*"); else ``unstated``: the present or progressive without a cue
    ("the country *is providing* $2bn") may be a running total or a package, and is compared with neither."""
    from helpers.ledger.claimdates import ledger_rules

    if is_cumulative(doc, start, end):
        return "cumulative total"
    num = number_token(doc, start, end)
    if num is None:
        return "unstated"
    cues = cue_spans(doc, num, ledger_rules()["package_cues"])
    if any(modifies_figure(c, num) or governs_figure(c, num) for c in cues):
        return "package"
    path = figure_path(num)  # its first verb, not a reporting verb that frames its clause ("*said* the country …"):
    verb = next((t for k, t in enumerate(path[1:], 1) if t.pos_ in ("VERB", "AUX")  # "*announced* $200" is the act
                 and not (_reporting(t) and path[k - 1].dep_ in ("ccomp", "parataxis"))), None)
    for _ in range(3):  # an infinitive takes the tense of the verb it completes: "agreed *to send*"
        if verb is None or verb.tag_ != "VB" or verb.dep_ != "xcomp" or any(c.tag_ == "MD" for c in verb.children):
            break
        verb = verb.head
    if verb is None:
        return "unstated"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    top = verb
    while not auxes and top.dep_ == "conj" and top.head.i != top.i:  # "will send X and provide $25m": the
        top = top.head  # auxiliary of the first of coordinated verbs is theirs
        auxes = [c for c in top.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in auxes):
        return "package"
    tense = [verb.tag_] + [c.tag_ for c in auxes]  # "was approved": the auxiliary carries the tense
    return "package" if "VBD" in tense else "unstated"


def thing_modifiers(doc: Doc, start: int, end: int) -> list[str]:
    """The modifiers that say *which* things are counted ("*artillery* systems", "*contract* fighters",
    "*civilian* deaths"): adjectives, compounds and noun modifiers of the counted noun (with their own
    compounds), lemmatised, in reading order; not the owner (a GPE/NORP entity), numbers, or words that do not change what is counted
    (``neutral_modifiers``: other, extra, individual …)."""
    from helpers.ledger.claimdates import ledger_rules

    noun = counted_noun(doc, start, end)
    num = number_token(doc, start, end)
    neutral = set(ledger_rules()["neutral_modifiers"])
    out = {}
    for c in _kind_nouns(noun or num, num) if num is not None else []:  # rule ``event_in``: "$40 billion in *military* aid"
        for g in c.children:
            if g.dep_ in ("amod", "compound") and g.is_alpha and not g.is_stop and g.lower_ not in neutral \
                    and g.ent_type_ not in OWNER_LABELS and not demonym_owner(g):
                out[g.i] = g.lemma_.lower()
    for c in noun.children if noun is not None else []:
        if c.dep_ not in ("amod", "compound", "nmod"):
            continue
        for g in c.subtree:  # with its own compounds: "*air* defence systems"
            if g.i != c.i and g.dep_ not in ("amod", "compound"):
                continue
            if g.ent_type_ in OWNER_LABELS or demonym_owner(g) or g.like_num or g.is_stop or g.lower_ in neutral or _event_of(g):
                continue
            if g.is_alpha or "-" in g.text:
                out[g.i] = g.lemma_.lower()
    if MODIFIER_AS_WRITTEN:
        out = _as_written(doc, out, start, end, noun)
    return list(dict.fromkeys(out[i] for i in sorted(out)))  # a word once ("lethal and non-lethal")


def _as_written(doc: Doc, words: dict[int, str], start_char: int, end_char: int, noun: Token | None) -> dict[int, str]:
    """Rule ``MODIFIER_AS_WRITTEN`` on :func:`thing_modifiers`' token → word map: a hyphenated word is one word
    (kept at its first token), a word that is not a noun keeps its written form. A hyphenated word that holds the
    figure itself ("an *800-mile* border") or the counted noun ("40 *fly-bys*") says nothing more of what is counted."""
    out: dict[int, str] = {}
    for i in sorted(words):
        start, end = hyphen_word(doc, i)
        if end - start > 1:
            word = doc[start:end]
            if word.start_char < end_char and start_char < word.end_char or noun is not None and start <= noun.i < end:
                continue
            if start not in out and word.text.strip("-"):
                out[start] = word.text.lower().strip("-")
        elif doc[i].pos_ in ("NOUN", "PROPN"):
            out[i] = words[i]
        else:
            out[i] = doc[i].lower_
    return out


def share_base(doc: Doc, start: int, end: int) -> str | None:
    """What a percentage is a share of, from the parse: the object of an *of* on the percentage
    ("40% *of the voters*", "73 percent of Democrats") — its noun with its modifiers — else None."""
    num = number_token(doc, start, end)
    if num is None:
        return None
    holders = [num] + ([num.head] if num.head.i != num.i and num.head.lower_ in ("percent", "%", "per", "cent") else [])
    span = doc.char_span(start, end, alignment_mode="expand")
    holders += [t for t in (span or []) if t.i not in {h.i for h in holders}]
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj":
                        mods = [m.lemma_.lower() for m in o.children if m.dep_ in ("amod", "compound") and not m.is_stop]
                        return " ".join(mods + [o.lemma_.lower()])
    return None


def share_stance(doc: Doc, start: int, end: int) -> str | None:
    """What a share of people *do or hold* when no event class names it (rule ``share_stance``): the verb the
    percentage is the subject of, with its negation and the head of its complement — "71% of X *consider*
    themselves *happy*" → "consider happy", "15% did *not consider* themselves happy" → "not consider happy",
    "64 percent *support increasing* them" → "support increase". A pronoun complement is skipped. None when
    the percentage is no verb's subject, a reporting verb is the first verb above it, or the verb alone is a
    copula or an empty verb (``empty_verbs``: "as *do* 67 percent")."""
    num = number_token(doc, start, end)
    if num is None:
        return None
    t = num
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if t.dep_ in ("nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
            t = t.head
            break
        t = t.head
    if t.pos_ not in ("VERB", "AUX") or _reporting(t) or not any(
            c.dep_ in ("nsubj", "nsubjpass") and num.i in [x.i for x in c.subtree] for c in t.children):
        return None
    from helpers.ledger.claimdates import ledger_rules

    words = (["not"] if any(c.dep_ == "neg" for c in t.children) else []) + [t.lemma_.lower()]
    for c in t.children:
        if c.dep_ in ("dobj", "acomp", "oprd", "xcomp", "ccomp", "attr") and c.pos_ != "PRON":
            words.append(c.lemma_.lower())
            break
        if c.dep_ == "dobj" and c.pos_ == "PRON":  # "consider themselves happy": the complement hangs on the pronoun
            comp = [g for g in c.children if g.dep_ in ("amod", "acomp", "oprd")]
            if comp:
                words.append(comp[0].lemma_.lower())
                break
    if t.lemma_.lower() in ledger_rules()["empty_verbs"] + ledger_rules()["copulas"] and len(words) == 1 + ("not" in words):
        return None  # "as *do* 67 percent", "90% *are*": the verb stands for another that the rules do not read
    return " ".join(words)
