"""Page furniture that a flattened web page keeps in its body text: photo credits, teasers, live-blog stamps (stage 01).

Exports that flatten a page to plain text (a news API's body text, a scraped CSV column) keep the credit of each
photo ("… at the briefing on Thursday. Photograph: Jane Roe/AP"), the teasers that link to other articles
("<another article's headline>Read more") and a live blog's entry stamps ("Updated at 23.37 GMT 24 Feb 202223.12")
inside the running text, often glued to the next word ("…/APThe minister said"). Left in, a teaser's headline is
read as this article's sentence — its figures become this article's claims and its "says X" a statement here — a
photographer's name becomes a person of the story that "he said" may resolve to, and a stamp glues an entry to the
one before it. :func:`strip_furniture` cuts them and leaves a paragraph break where each was; the caption itself
(the sentence before the credit) stays, as it describes the story.

The words are data (``rules/furniture.json``): the labels that open a credit, the markers that end a teaser, the
update notice and "ago" of a stamp, the lower-case words a credit segment may hold, and the capitalised function
words that open a sentence. A stamp is an optional update notice ("Updated at 23.37 GMT"), then a date or an age
("4d ago") with the entry's clock time glued to it: a year or "ago" directly followed by a time is no prose. Where a
credit ends is decided from its shape, not from a list of agencies:

- a credit is segments separated by "/" ("Jane Roe/AFP/Getty Images"); every segment before a "/" is at most six
  words, each capitalised or one of the segment words;
- its last segment is one word, cut where another word is glued to it ("APThe", "Reuters‘Shocking",
  "Shutterstock01.13"); a second capitalised word is taken when the first is a function word ("…/The Observer"),
  when a word is glued to it, a sentence opener or a number follows it ("…/Getty Images In further …", but
  "…/Reuters Boris Roe said" keeps "Boris"), or when another credit of the same export (one input file) has
  that two-word ending where it was certain;
- a credit in brackets ends at the closing bracket; one at the end of a paragraph ends there; a paragraph of its
  own that opens with the label and a capitalised word and has at most eight words is the credit.

A teaser's headline runs back from its marker to the end of the previous sentence or paragraph (at most 40 words;
a headline's own "?" or "!" right before the marker is part of it). A marker followed by a lower-case word ("Read
more about …") or standing after a sentence's end ("… in the book. Read more Tolstoy") is prose and stays.
"""
from __future__ import annotations

import re

from helpers.core import rules

_R = rules.load_json("parse", "furniture.json")
_SEGMENT_WORDS = frozenset(_R["segment_words"])
SENTENCE_OPENERS = frozenset(_R["sentence_openers"])  # also read by textio.unglue_words
_OPENERS = SENTENCE_OPENERS
_CREDIT = re.compile(r"(?<![\w/])(?:%s)s?:(?=[ \t]|$)" % "|".join(map(re.escape, _R["credit_labels"])), re.M)
_TEASER = re.compile(r"(?:%s)(?=[ \t]*$|[ \t]+[\"“‘'(\[A-Z0-9]|[A-Z])" % "|".join(map(re.escape, _R["teaser_markers"])),
                     re.M)
_CLOCK = r"\d{1,2}[.:]\d{2}"
# a live blog's entry stamp: [update notice] date or age, glued to the entry's clock time
_STAMP = re.compile(r"(?:(?:%s) %s ?[A-Z]{2,5}[ \t]+)?(?:\d{1,2} [A-Z][a-z]{2,8} \d{4}|\d{1,3}[dhm] (?:%s))%s"
                    % ("|".join(map(re.escape, _R["update_markers"])), _CLOCK, "|".join(map(re.escape, _R["ago_words"])),
                       _CLOCK))
_SEGMENT = re.compile(r"([^\s/]+(?:[ \t]+[^\s/]+){0,5})[ \t]*/[ \t]*")
_WORD = re.compile(r"[^\s/]+")
_NAME_WORD = re.compile(r"[\w.&'’()-]+")  # a word of a credit segment (not "Photograph:", not "said,")
_NEXT_WORDS = re.compile(r"[ \t]+([^\s/]+)(?:[ \t]+([^\s/]+))?(?:[ \t]+([^\s/]+))?")
_OPEN_BRACKET = {"(": ")", "[": "]"}
# where another word is glued to a credit's last word: an opening quotation mark, capitals then a capitalised word
# ("APThe"), a lower-case letter then a capital ("ShutterstockUpdated"), letters then digits ("Reuters01.13")
_GLUE = re.compile(r"(?<=\w\w)[‘“\"']|(?<=[A-Z][A-Z])(?=[A-Z][a-z])|(?<=[a-z]{3})(?=[A-Z][a-z]|[AI]$)|(?<=[A-Za-z]{2})(?=\d)")
# the end of the sentence before a headline: a stop and a space, or one glued to a capital ("talk.”You"), a colon
# glued to a capital ("the full story here:Headline"), or a paragraph break
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?:[ \t]+|(?=[A-Z“‘\"]))|:(?=[A-Z“‘\"])|\n")
_MAX_HEADLINE_WORDS = 40
_MAX_LINE_WORDS = 8  # a paragraph that opens with a credit label and has no more words is the credit


def _starts_upper(word: str | None) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _credit_end(text: str, label_start: int, label_end: int, known: frozenset[str] = frozenset()) -> tuple[int, int, str, str | None]:
    """The span to cut for the credit whose label is ``text[label_start:label_end]``, what replaces it, and its
    last segment when that is two words whose end is certain (a glue, a sentence opener or a time after it).
    ``known``: two-word last segments of credits of the same text whose end was certain."""
    before = text[:label_start].rstrip(" \t")
    if before and before[-1] in _OPEN_BRACKET:
        close = text.find(_OPEN_BRACKET[before[-1]], label_end, label_end + 120)
        newline = text.find("\n", label_end, label_end + 120)
        if close != -1 and (newline == -1 or close < newline):
            return len(before) - 1, close + 1, " ", None
    line_end = text.find("\n", label_end)
    line_end = len(text) if line_end == -1 else line_end
    rest = text[label_end:line_end].split()
    if (label_start == 0 or text[label_start - 1] == "\n") and rest and _starts_upper(rest[0]) \
            and len(rest) <= _MAX_LINE_WORDS:
        return label_start, line_end, "\n", None  # a credit line of its own ("Photo: Jane Roe, Agency")
    pos = label_end
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    while m := _SEGMENT.match(text, pos):
        if not all((_starts_upper(w) or w in _SEGMENT_WORDS) and _NAME_WORD.fullmatch(w) for w in m.group(1).split()):
            break
        pos = m.end()
    word = _WORD.match(text, pos)
    if word is None or not _starts_upper(word.group(0)):
        return label_start, pos, "\n", None
    w1 = word.group(0)
    glue = _GLUE.search(w1, 1)
    if glue:
        return label_start, word.start() + glue.start(), "\n", None
    nxt = _NEXT_WORDS.match(text, word.end())
    if not nxt or not _starts_upper(nxt.group(1)) or nxt.group(1)[0].isdigit():
        return label_start, word.end(), "\n", None
    w2, w3, _ = nxt.groups()
    glue = _GLUE.search(w2, 1)
    two = f"{w1} {w2[:glue.start()] if glue else w2}"
    certain = bool(glue) or w3 is None or w3 in _OPENERS or w3[0].isdigit()
    if w1 in _OPENERS or (w2 not in _OPENERS and w2[-1] not in ".!?,;:" and (certain or two in known)):
        end = nxt.start(1) + (glue.start() if glue else len(w2))
        return label_start, end, "\n", two if certain and w1 not in _OPENERS else None
    return label_start, word.end(), "\n", None


def _headline_start(text: str, marker_start: int) -> int | None:
    """Where the headline of the teaser whose marker begins at ``marker_start`` begins; None when it is prose."""
    i = marker_start
    glued = i > 0 and not text[i - 1].isspace()
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return None  # a line that opens with the marker has no headline before it
    if not glued and text[i - 1] in ".!?:;,":
        return None  # "… in the book. Read more Tolstoy": prose
    end = i - 1 if text[i - 1] in "?!" else i  # the headline's own question or exclamation mark
    line_start = text.rfind("\n", 0, end) + 1
    window_start = max(line_start, end - 400)
    start = window_start
    for m in _SENTENCE_END.finditer(text, window_start, end):
        start = m.end()
    if start == window_start and window_start > line_start:
        return marker_start  # no sentence end within reach: cut the marker only
    if not 1 <= len(text[start:i].split()) <= _MAX_HEADLINE_WORDS:
        return marker_start
    return start


def strip_furniture(texts: list[str]) -> list[tuple[str, int]]:
    """Each of ``texts`` without live-blog stamps, photo credits and teasers (each cut leaves a paragraph break), and
    how many were cut from it. ``texts`` are the normalised bodies (:func:`helpers.parse.textio.normalise_body`) of
    one export (one file): a two-word credit ending that is certain in one of them is known in all. A result needs
    normalising again when anything was cut (the breaks are bare ``\\n``)."""
    # stamps first: a credit glued to a stamp ("…/APUpdated at …") then ends at the break
    stamped = [_cut_all(text, [(m.start(), m.end(), "\n") for m in _STAMP.finditer(text)]) for text in texts]
    labels = [list(_CREDIT.finditer(text)) for text, _ in stamped]
    known = frozenset(two for (text, _), found in zip(stamped, labels) for m in found
                      if (two := _credit_end(text, m.start(), m.end())[3]))
    out = []
    for (text, n_stamps), found in zip(stamped, labels):
        text, n_credits = _cut_all(text, [_credit_end(text, m.start(), m.end(), known)[:3] for m in found])
        teasers = [(start, m.end(), "\n") for m in _TEASER.finditer(text)
                   if (start := _headline_start(text, m.start())) is not None]
        text, n_teasers = _cut_all(text, teasers)
        out.append((text, n_stamps + n_credits + n_teasers))
    return out


def _cut_all(text: str, cuts: list[tuple[int, int, str]]) -> tuple[str, int]:
    """``text`` with ``cuts`` applied (:func:`_apply`), and how many there were."""
    return (_apply(text, cuts) if cuts else text), len(cuts)


def _apply(text: str, cuts: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end, replacement) applied; overlapping cuts merge into the first."""
    out, pos = [], 0
    for start, end, repl in sorted(cuts):
        if start < pos:
            pos = max(pos, end)
            continue
        out += [text[pos:start], repl]
        pos = end
    out.append(text[pos:])
    return "".join(out)
