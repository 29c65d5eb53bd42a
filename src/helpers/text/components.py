"""The warclaims spaCy pipeline: the base English model plus two rule components.

``build_pipeline()`` returns ``docs.load_model()`` with:

- ``warclaims_boundaries`` (before the parser): a sentence starts after every line break, so a
  sentence never crosses a paragraph (``articles.text`` separates paragraphs with a blank line),
  and after a full stop glued to the next word ("Poland.He said", common in machine-translated
  text — the tokenizer already splits such a stop off as its own token). The parser keeps these
  boundaries and adds its own, except where this component says a token starts no sentence: a closing quote
  glued to the stop before it ('… of Russia."') or ending a line after text, and the first word after a bullet or
  an opening quote at a line start ("- It is …", '"These forces …'),
  which the parser made sentences of their own (3 % of the war-news corpus's sentences were a lone '"' or "-").
- ``warclaims_entity_fixes`` (after NER): general corrections of the small model's labels —
  a single-word PERSON/ORG/PRODUCT/… mention that is a place in the offline gazetteer
  (a country, region or city of 15,000+ by its standard name), or ends like a toponym and follows a place preposition, becomes GPE unless the
  article uses it as the surname of a named person; a single-word ORG/PRODUCT/GPE that is the
  surname of a full PERSON name in the same article becomes PERSON; an acronym defined in
  parentheses after an organisation ("… Service (NIS)") is tagged ORG wherever it recurs, and
  the surname of a full PERSON name is tagged PERSON wherever the model missed it.

Everything is done with Matchers and per-entity work (no per-token Python loops over the doc).
"""
from __future__ import annotations

import functools
import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from helpers.core.tokens import last_doc_memo
from helpers.geo import gazetteer
from helpers.text import doccache as docs_module
from helpers.text import lexicon as lexicons

BOUNDARIES = "warclaims_boundaries"
ENTITY_FIXES = "warclaims_entity_fixes"
_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Z0-9&]{1,9})\)")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_CLOSING_QUOTES = ('"', "”", "»", "’")
_OPENERS = ("-", "–", "—", "·", "•", "*", "▪", "►", '"', "“", "«")  # bullets and opening quotes


@Language.factory(BOUNDARIES)
def make_boundaries(nlp: Language, name: str):
    return ParagraphBoundaries(nlp)


class ParagraphBoundaries:
    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        # a whitespace token holding a line break: the next token starts a sentence
        self.matcher.add("BREAK", [[{"IS_SPACE": True, "TEXT": {"REGEX": "\n"}}]])
        # "word.Word" with no space: the tokenizer splits the stop; the capitalised word starts a sentence
        self.matcher.add("GLUED_STOP", [[
            {"IS_ALPHA": True, "SPACY": False},
            {"ORTH": {"IN": [".", "!", "?"]}, "SPACY": False},
            {"IS_TITLE": True},
        ]])
        # a closing quote glued to the next sentence: 'situation."- We expect'
        self.matcher.add("GLUED_QUOTE", [[
            {"ORTH": {"IN": [".", "!", "?"]}, "SPACY": False},
            {"ORTH": {"IN": ['"', "”", "»"]}, "SPACY": False},
            {"ORTH": {"IN": ["-", "–", "—"]}},
        ]])

        # never a sentence of their own (the parser would make one): a closing quote glued to the stop before it
        # ('… of Russia."' then a space or a line break) or ending a line after text ('… this threat. "'), and the
        # words after a bullet or an opening quote at a line start ("- It is …", '"These forces …')
        self.matcher.add("CLOSING_QUOTE", [[
            {"ORTH": {"IN": [".", "!", "?", ","]}, "SPACY": False},
            {"ORTH": {"IN": list(_CLOSING_QUOTES)}},
        ]])
        self.matcher.add("QUOTE_ENDS_LINE", [[
            {"IS_SPACE": False},
            {"ORTH": {"IN": list(_CLOSING_QUOTES)}},
            {"IS_SPACE": True, "TEXT": {"REGEX": "\n"}},
        ]])
        self.matcher.add("OPENER", [[
            {"IS_SPACE": True, "TEXT": {"REGEX": "\n"}},
            {"ORTH": {"IN": list(_OPENERS)}},
            {"IS_SPACE": False},
        ]])

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        strings = self.matcher.vocab.strings
        for match_id, start, end in self.matcher(doc):
            rule = strings[match_id]
            if rule == "CLOSING_QUOTE":
                quote = doc[end - 1]
                if quote.whitespace_ or end == n or doc[end].is_space:
                    quote.is_sent_start = False
                continue
            if rule in ("QUOTE_ENDS_LINE", "OPENER"):
                doc[start + 1 if rule == "QUOTE_ENDS_LINE" else end - 1].is_sent_start = False
                continue
            nxt = end if rule == "BREAK" else end - 1
            if 0 < nxt < n:
                doc[nxt].is_sent_start = True
        if n > 1 and doc[0].text in _OPENERS and not doc[1].is_space:
            doc[1].is_sent_start = False
        return doc


@Language.factory(ENTITY_FIXES)
def make_entity_fixes(nlp: Language, name: str):
    return EntityFixes()


class EntityFixes:
    def __init__(self):
        lex = lexicons.names()
        self.honorifics = set(lex["honorifics"])
        self.suffixes = tuple(sorted(set(lex["toponym_suffixes"]), key=len, reverse=True))
        self.checked = set(lex["person_labels_to_check"])
        self.locative = set(lex["locative_prepositions"])
        self.speech = set(lexicons.cue_verbs()["speech"])
        self.roles = set(lex["role_nouns"])
        self.particles = set(lex["name_particles"])

    def _join_particles(self, doc: Doc, ents: list[Span]) -> list[Span] | None:
        """A person's name the model ended on or before lower-case name particles, joined to the one capitalised word
        after them when that word is in no other person's name ("Ursula von der" + "Leyen", "Hamish de" +
        "Bretton-Gordon"): one PERSON. Only a name (capitalised words and particles) is extended. None when nothing
        was joined."""
        if not JOIN_NAME_PARTICLES:
            return None
        people = {i for e in ents if e.label_ == "PERSON" for i in range(e.start, e.end)}

        def particle(t: Token) -> bool:
            return t.lower_ in self.particles and t.is_lower

        out, changed, taken_until = [], False, -1
        for ent in ents:
            if ent.start < taken_until:
                changed = True
                continue  # the word joined to the person before it
            end = ent.end
            if ent.label_ == "PERSON" and all(t.is_title or particle(t) for t in ent) and not particle(ent[0]):
                while end < len(doc) and end - ent.end < 3 and particle(doc[end]):
                    end += 1
                if (particle(doc[end - 1]) and end < len(doc) and doc[end].is_title and not doc[end].is_punct
                        and end not in people):
                    end += 1
                else:
                    end = ent.end
            if end > ent.end:
                out.append(Span(doc, ent.start, end, label="PERSON"))
                taken_until, changed = end, True
            else:
                out.append(ent)
        return out if changed else None

    def _is_place(self, span: Span) -> bool:
        text = span.text.strip()
        if gazetteer.load().is_major_place(text):
            return True
        prev = span.doc[span.start - 1] if span.start > 0 else None
        return bool(
            len(span) == 1 and text[:1].isupper() and text.lower().endswith(self.suffixes)
            and prev is not None and prev.lower_ in self.locative
        )

    def _is_speaker(self, span: Span) -> bool:
        root = span.root
        return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in self.speech

    def _speaks(self, span: Span) -> bool:
        """A PERSON mention that is the subject of a reporting verb stays a person ("Austin said")."""
        root = span.root
        return span.label_ == "PERSON" and root.dep_ == "nsubj" and root.head.lemma_ in self.speech

    def _titled_name(self, span: Span) -> bool:
        """Two or three capitalised words set in apposition with a person's role: "the Ukrainian president,
        Volodymyr Zelenskiy", "Volodymyr Zelenskiy, the president" — a person whatever the model said."""
        if not (2 <= len(span) <= 3 and all(t.is_alpha and t.is_title for t in span)):
            return False
        root = span.root
        role = root.head if root.dep_ == "appos" and root.head.i < span.start else next(
            (c for c in root.children if c.dep_ == "appos" and c.i >= span.end), None)
        return role is not None and role.pos_ == "NOUN" and role.lower_ in self.roles

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        joined = self._join_particles(doc, ents)
        changed = joined is not None
        ents = joined if changed else ents
        for k, ent in enumerate(ents):  # first, so that the surname rule below knows these people too
            if ent.label_ not in ("ORG", "NORP", "GPE", "PRODUCT"):
                continue
            start = ent.start  # with the given name the model left out: "Lyudmyla [Denisova], the ombudsperson"
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                    and doc[start - 1].dep_ == "compound" and doc[start - 1].ent_iob_ == "O" \
                    and ent.start <= doc[start - 1].head.i < ent.end:
                start -= 1
            if self._titled_name(doc[start:ent.end]):
                ents[k] = Span(doc, start, ent.end, label="PERSON")
                changed = True
        surnames = {e[-1].text for e in ents if e.label_ == "PERSON" and len(e) > 1}
        new = []
        for ent in ents:
            label = ent.label_
            single = len(ent) == 1
            prev = doc[ent.start - 1].lower_ if ent.start > 0 else ""
            if single and ent.text in surnames and label in {"ORG", "PRODUCT", "GPE", "NORP", "WORK_OF_ART", "EVENT"}:
                label = "PERSON"
            elif label in {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"} and self._is_speaker(ent):
                # who speaks is a person or an organisation, not a title or a product
                label = "PERSON" if 2 <= len(ent) <= 3 and all(t.is_alpha and t.is_title for t in ent) else "ORG"
            elif (label in self.checked and label != "NORP" and ent.text not in surnames
                  and prev not in self.honorifics and len(ent) <= 3 and not self._speaks(ent)
                  and self._is_place(ent)):
                label = "GPE"
            if label != ent.label_:
                changed = True
                ent = Span(doc, ent.start, ent.end, label=label)
            new.append(ent)
        text = doc.text
        added = self._recurrences(doc, text, new, self._acronym_defs(text), "ORG")
        added += self._recurrences(doc, text, new + added, surnames, "PERSON")
        if changed or added:
            doc.ents = sorted(new + added, key=lambda s: s.start)
        return doc

    @staticmethod
    def _acronym_defs(text: str) -> set[str]:
        return {m.group(1) for m in _ACRONYM_DEF.finditer(text)}

    @staticmethod
    def _recurrences(doc: Doc, text: str, ents: list[Span], names: set[str], label: str) -> list[Span]:
        """Tag untagged recurrences of known names (acronyms defined as '(ABC)', surnames of full names)."""
        if not names:
            return []
        taken = set()
        for e in ents:
            taken.update(range(e.start, e.end))
        added = []
        for name in sorted(names):
            for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
                span = doc.char_span(m.start(), m.end())
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                if label == "PERSON" and span[0].pos_ != "PROPN":
                    continue
                taken.update(range(span.start, span.end))
                added.append(Span(doc, span.start, span.end, label=label))
        return added


# switched off only to measure it: a person's name continues over a lower-case particle (session 12)
JOIN_NAME_PARTICLES = True


@functools.lru_cache(maxsize=4)
def cue_verb_matcher(vocab) -> Matcher:
    """Matcher for reporting and attribution verbs (label SPEECH or ATTRIBUTION)."""
    cues = lexicons.cue_verbs()
    m = Matcher(vocab)
    m.add("SPEECH", [[{"LEMMA": {"IN": sorted(set(cues["speech"]))}, "POS": {"IN": ["VERB", "AUX"]}}]])
    m.add("ATTRIBUTION", [[{"LEMMA": {"IN": sorted(set(cues["attribution"]))}, "POS": "VERB"}]])
    return m


@last_doc_memo
def cue_verb_matches(doc) -> list[tuple[int, int, int]]:
    """:func:`cue_verb_matcher`'s matches on ``doc``, kept for the doc last asked about: the speaker phrases and the
    source phrases of an article both read them (the matches depend on lemmas and tags, which nothing changes after
    the parse)."""
    return cue_verb_matcher(doc.vocab)(doc)


@functools.lru_cache(maxsize=1)
def build_pipeline() -> Language:
    """The base model with the warclaims rule components (built once per process)."""
    nlp = docs_module.load_model()
    if BOUNDARIES not in nlp.pipe_names:
        nlp.add_pipe(BOUNDARIES, before="parser")
    if ENTITY_FIXES not in nlp.pipe_names:
        nlp.add_pipe(ENTITY_FIXES, after="ner")
    return nlp
