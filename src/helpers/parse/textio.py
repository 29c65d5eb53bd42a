"""Bytes → text: encoding detection, binary detection and body normalisation."""
from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer
from charset_normalizer.md import mess_ratio

from helpers.core import rules
from helpers.parse.furniture import SENTENCE_OPENERS
from helpers.parse.inputs import InputError  # noqa: F401 - raised by the decoders here


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """Decode file bytes and name the encoding used.

    UTF-8 (with or without BOM) and UTF-16 with BOM are taken as such; anything else is
    detected with charset-normalizer. Raises :class:`InputError` for empty or binary input.
    """
    if not data.strip():
        raise InputError("empty", "file is empty (no bytes or only whitespace)")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise InputError("binary", "file looks binary (contains NUL bytes); not a text article")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        found = _detect(data)
        if found is None:
            raise InputError("decode_error", f"not valid UTF-8 ({exc.reason} at byte {exc.start}) "
                             "and no other text encoding fits") from None
        text, encoding = found
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) / len(sample) > 0.05:
        raise InputError("binary", f"file looks binary (many control characters after decoding as {encoding})")
    return text, encoding


# Encodings news text is usually in, in order of preference (rules/encodings.json).
LEGACY_ENCODINGS = tuple(rules.load_json("parse", "encodings.json")["legacy"])
MESS_TOLERANCE = rules.load_json("parse", "encodings.json")["mess_tolerance"]


def _detect(data: bytes) -> tuple[str, str] | None:
    """The most preferred legacy encoding whose text is about as clean as the cleanest one.

    Each encoding of ``LEGACY_ENCODINGS`` that decodes the bytes is scored by charset-normalizer's
    mess ratio; among those within ``MESS_TOLERANCE`` of the least messy, the first in preference
    order wins (short Western texts score alike in cp1252, cp1250 and cp1257; the ratio alone
    mislabels them). Falls back to charset-normalizer's best guess over all encodings."""
    scored = []
    for rank, encoding in enumerate(LEGACY_ENCODINGS):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        scored.append((mess_ratio(text[:20000], 1.0), rank, encoding, text))
    if scored:
        least = min(m for m, *_ in scored)
        _, encoding, text = min((r, e, t) for m, r, e, t in scored if m <= least + MESS_TOLERANCE)
        return text, encoding
    match = charset_normalizer.from_bytes(data).best()
    return (str(match), match.encoding) if match is not None else None


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


_MARKUP = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>", re.DOTALL)


def strip_markup(text: str) -> str:
    """Text without HTML/XML tags and comments (markup in a text export never reaches the tables)."""
    return _MARKUP.sub(" ", text) if "<" in text else text


# a quotation mark glued between a sentence's end and the next word, where a flattened page lost the space or the
# paragraph break: '… of it.”Roe warned', '… said.“We are', '… Ukraine."Such is politics," he said'
_CLOSE_GLUED = re.compile(r"(?<=[.!?,;:…][”’])(?=[\w“‘])")
_OPEN_GLUED = re.compile(r"(?<=[.!?…])(?=[“‘]\w)")
_STRAIGHT_GLUED = re.compile(r'(?<=[.!?,…])"(?=\w)')


def unglue_quotes(line: str) -> str:
    """``line`` with a space where a quotation mark is glued between one sentence and the next word: after a
    closing curly mark, before an opening one; a straight mark is opening or closing by how many straight marks come
    before it on the line (an even number: it opens)."""
    if '"' in line:
        line = _STRAIGHT_GLUED.sub(lambda m: ' "' if line.count('"', 0, m.start()) % 2 == 0 else '" ', line)
    return _OPEN_GLUED.sub(" ", _CLOSE_GLUED.sub(" ", line))


# a lower-case word glued to a capitalised word that opens sentences ("… includingHe was", "companiesThe"); not inside
# a handle, address or hashtag
_GLUED_WORD = re.compile(r"(?<![\w#@/.\-'’&])([a-z]{3,})([A-Z][a-z]*)(?![\w@])")


def unglue_words(line: str) -> str:
    """``line`` with a space where a capitalised function word that opens sentences (parse rules ``furniture.json``,
    ``sentence_openers``) is glued to the lower-case word before it, as flattened pages leave them ("among
    othersAbout the talks" -> "among others About the talks")."""
    return _GLUED_WORD.sub(lambda m: f"{m.group(1)} {m.group(2)}" if m.group(2) in SENTENCE_OPENERS else m.group(0),
                           line)


def normalise_body(text: str) -> str:
    """The canonical article body: one paragraph per non-empty line, paragraphs separated by a blank line.

    Line ends are unified (CRLF/CR → LF), Unicode is NFC, runs of spaces become one space,
    zero-width characters are dropped, a quotation mark glued between a sentence and the next word gets its space
    (:func:`unglue_quotes`), and so does a word that opens sentences glued to the word before
    (:func:`unglue_words`). Every character offset downstream refers to the result.
    """
    text = strip_markup(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    lines = (unglue_words(unglue_quotes(_SPACES.sub(" ", line).strip())) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def clean_field(value) -> str | None:
    """A metadata field as a single-line string, or None when empty."""
    if value is None:
        return None
    s = _SPACES.sub(" ", strip_markup(str(value)).replace("\r", " ").replace("\n", " ")).strip()
    return s or None
