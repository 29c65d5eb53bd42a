"""Format readers: one input file → article records (dicts) and per-row problems.

Each reader takes the decoded file text and returns a list of records. A record
holds the raw fields (title, outlet, author, url, published, body, summary,
highlights, source_row); :mod:`helpers.parse.articles` normalises them into the
``articles`` table. Which reader reads which file is the format registry (:mod:`helpers.parse.formats`,
``rules/formats.json``). A problem with the whole file raises :class:`InputError`;
a problem with one CSV row or JSONL line is returned as a ``RowError`` so the
other rows are still read.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from dateutil import parser as dateparser

from helpers.core import rules
from helpers.parse.textio import InputError, clean_field

csv.field_size_limit(sys.maxsize)


@dataclass
class RowError:
    source_row: int
    reason: str
    detail: str


# ---------------------------------------------------------------- dates in metadata and file names

_DEFAULTS = (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2))
_LATEST_PAGE_DATE = "2099-12-31"  # upper bound for HTML metadata dates (never "today": see read_html)


def parse_date(value) -> dt.date | None:
    """A metadata date string (ISO, RFC 2822, "Wednesday, 23 February 2022", …) → date, else None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    if not s:
        return None
    if re.fullmatch(r"\d{8}(T\d{6}Z?)?", s):
        return date_from_filename(s)
    if re.fullmatch(r"\d{10}(\.\d+)?|\d{13}", s):  # Unix epoch seconds / milliseconds
        secs = float(s) / (1000 if len(s) == 13 else 1)
        return dt.datetime.fromtimestamp(secs, tz=dt.timezone.utc).date()
    try:  # two different defaults: a part taken from a default (e.g. today's) makes them differ
        one = dateparser.parse(s, fuzzy=False, dayfirst=False, default=_DEFAULTS[0]).date()
        two = dateparser.parse(s, fuzzy=False, dayfirst=False, default=_DEFAULTS[1]).date()
    except (ValueError, OverflowError, TypeError):
        return None
    return one if one == two else None  # "Wednesday", "October", "12" are not dates


_FILENAME_TS = re.compile(r"(?<![0-9A-Za-z])(\d{4})(\d{2})(\d{2})(?:T\d{4,6}Z?)?(?![0-9])")
_FILENAME_ISO = re.compile(r"(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])")
_GDELT_NAME = re.compile(r"^\d{8}T\d{6}Z_(?P<country>[A-Z]{2})_(?P<lang>[a-z]{2,3})_")


def date_from_filename(name: str) -> dt.date | None:
    """``20240421T074500Z_UA_en_….txt`` or ``2024-04-21-story.txt`` → 2024-04-21; else None."""
    for rx in (_FILENAME_TS, _FILENAME_ISO):
        for m in rx.finditer(name):
            y, mo, d = map(int, m.groups()[:3])
            if 1900 <= y <= 2100:
                try:
                    return dt.date(y, mo, d)
                except ValueError:
                    continue
    return None


def country_from_filename(name: str) -> str | None:
    """Outlet country code of a GDELT-style file name (``…Z_GB_en_…``), else None."""
    m = _GDELT_NAME.match(name)
    return m.group("country") if m else None


# ---------------------------------------------------------------- tagged format

TAGS = ("TITLE", "PUBLISHED_DATE", "URL", "AUTHOR", "SUMMARY", "HIGHLIGHTS", "CONTENT")
_TAG_LINE = re.compile(r"^\s*<(" + "|".join(TAGS) + r")>", re.MULTILINE)


def is_tagged(text: str) -> bool:
    return len(set(_TAG_LINE.findall(text[:200000]))) >= 1 and bool(re.search(r"</?(?:" + "|".join(TAGS) + r")>", text))


_ANY_TAG = re.compile(r"</?(?:" + "|".join(TAGS) + r")>")


def _cut(value: str) -> str:
    """A tag's value ends at the next format tag, so misnested tags never leak into a field."""
    m = _ANY_TAG.search(value)
    return value[:m.start()] if m else value


def _tags(text: str, name: str) -> list[str]:
    """Every ``<NAME>…</NAME>`` block's value; else the value of one unclosed ``<NAME>``; else []."""
    closed = [_cut(m.group(1)) for m in re.finditer(rf"<{name}>(.*?)</{name}>", text, re.DOTALL)]
    if closed:
        return closed
    m = re.search(rf"<{name}>(.*?)(?=<(?:{'|'.join(TAGS)})>|\Z)", text, re.DOTALL)  # unclosed tag
    return [_cut(m.group(1))] if m else []


def _tag(text: str, name: str) -> str | None:
    found = _tags(text, name)
    return found[0] if found else None


def _bullets(block: str | None) -> list[str]:
    if not block:
        return []
    items = [re.sub(r"^\s*(?:[-*•–]\s*)", "", line).strip() for line in block.splitlines()]
    return [clean_field(i) for i in items if i and clean_field(i)]


def read_tagged(text: str, suffix: str = "") -> list[dict]:
    blocks = [b for b in _tags(text, "CONTENT") if b.strip()]
    content = "\n\n".join(blocks) if blocks else None  # a second <CONTENT> block is kept, not dropped
    if content is None:
        raise InputError("no_content", "tagged file has no <CONTENT> block (or it is empty); nothing to analyse")
    summary = _tag(text, "SUMMARY")
    return [{
        "title": clean_field(_tag(text, "TITLE")),
        "published": parse_date(clean_field(_tag(text, "PUBLISHED_DATE"))),
        "url": clean_field(_tag(text, "URL")),
        "author": clean_field(_tag(text, "AUTHOR")),
        "summary": "\n".join(line.strip() for line in summary.strip().splitlines() if line.strip()) if summary and summary.strip() else None,
        "highlights": _bullets(_tag(text, "HIGHLIGHTS")),
        "body": content,
    }]


# ---------------------------------------------------------------- plain text

def read_text(text: str, suffix: str = "") -> list[dict]:
    return [{"body": text}]


# ---------------------------------------------------------------- HTML

def read_html(text: str, suffix: str = "") -> list[dict]:
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True,
                                      # no date guessed from page text (a "© 2024" footer is no publication date);
                                      # a fixed latest date: htmldate's default is the day of the run, which
                                      # would make the result depend on the clock
                                      date_extraction_params={"extensive_search": False, "original_date": True,
                                                              "max_date": _LATEST_PAGE_DATE})
    if doc is None or not (doc.text or "").strip():
        raise InputError("no_content", "HTML page has no extractable article text (trafilatura found none)")
    if not _text_outside_boilerplate(text):
        raise InputError("no_content", "HTML page has only navigation, header, footer or sidebar text; no article")
    body = doc.text
    title = clean_field(doc.title)
    first, _, rest = body.partition("\n")
    if title and clean_field(first) == title and rest.strip():
        body = rest  # trafilatura repeats the headline as the first line
    return [{
        "title": title,
        "author": clean_field(doc.author),
        "url": clean_field(doc.url),
        "outlet": clean_field(doc.sitename),
        "published": parse_date(doc.date),
        "summary": clean_field(doc.description),
        "body": body,
    }]




def _text_outside_boilerplate(html: str) -> bool:
    """Does the page's body hold any words outside navigation, header, footer and sidebar elements?"""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # unparsable markup: let trafilatura's verdict stand
        return True
    body = root.find("body")
    if body is None:
        return True
    furniture = rules.load_json("parse", "html.json")["boilerplate_elements"]
    for el in body.xpath("|".join(f".//{tag}" for tag in furniture)):
        el.drop_tree()
    return bool(re.search(r"\w", body.text_content()))


# ---------------------------------------------------------------- CSV / JSONL / JSON

_NAMES = rules.load_json("parse", "field_names.json")
# Usual column names, normalised (lower case, non-alphanumerics → "_"), in order of preference.
FIELD_NAMES = {field: tuple(names) for field, names in _NAMES["fields"].items()}


def _has_any(name: str, words) -> bool:
    return any(w in name for w in words)


def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", str(name).strip().lower()).strip("_")


def map_columns(columns: list[str]) -> dict[str, str]:
    """Map article fields to source column names using the usual names (see ``FIELD_NAMES``)."""
    by_norm = {}
    for col in columns:
        by_norm.setdefault(_norm(col), col)
    mapping = {}
    for field, names in FIELD_NAMES.items():
        for name in names:
            if name in by_norm:
                mapping[field] = by_norm[name]
                break
    if "url" not in mapping:  # e.g. "Article Url" next to "Image Url"
        for norm, col in by_norm.items():
            if _has_any(norm, _NAMES["url_words"]) and not _has_any(norm, _NAMES["not_article_url_words"]):
                mapping["url"] = col
                break
    if "published" not in mapping:
        for norm, col in by_norm.items():
            if _has_any(norm, _NAMES["date_words"]) and not _has_any(norm, _NAMES["not_published_words"]):
                mapping["published"] = col
                break
    return mapping


def _record(row: dict, mapping: dict[str, str]) -> dict:
    get = lambda f: row.get(mapping[f]) if f in mapping else None  # noqa: E731
    return {
        "title": clean_field(get("title")),
        "author": clean_field(get("author")),
        "url": clean_field(get("url")),
        "outlet": clean_field(get("outlet")),
        "published": parse_date(clean_field(get("published"))),
        "summary": clean_field(get("summary")),
        "body": get("body") if isinstance(get("body"), str) else ("" if get("body") is None else str(get("body"))),
    }


def _rows_to_records(rows, mapping, problems) -> list[dict]:
    out = []
    for row_no, row in rows:
        rec = _record(row, mapping)
        if not rec["body"].strip():
            problems.append(RowError(row_no, "no_content", f"row {row_no}: the text column {mapping.get('body')!r} is empty"))
            continue
        rec["source_row"] = row_no
        out.append(rec)
    return out


def read_csv(text: str, suffix: str = ".csv") -> tuple[list[dict], list[RowError]]:
    if suffix == ".tsv":
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff(text[:20000], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    lines = io.StringIO(text, newline="").readlines()  # physical lines, ends kept (\n, \r\n or \r)
    cursor = _Lines(lines)
    reader = csv.reader(cursor, delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InputError("malformed_row", f"CSV has no readable header row ({exc or 'empty'})") from None
    mapping = map_columns(header)
    if "body" not in mapping:
        raise InputError("no_content", f"CSV has no text column (looked for {', '.join(FIELD_NAMES['body'][:6])}, …); columns: {header[:12]}")
    problems: list[RowError] = []
    rows = []
    data_row = 0
    while True:
        start = cursor.pos
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            fault = str(exc)
        else:
            if not any(v.strip() for v in values):
                continue
            if len(values) == len(header):
                data_row += 1
                rows.append((data_row, dict(zip(header, values))))
                continue
            fault = f"{len(values)} fields, header has {len(header)}"
        # A structural fault (e.g. an unbalanced quote): one malformed_row, then resynchronise at the
        # next line that parses as a whole row, so later rows are neither lost nor renumbered.
        data_row += 1
        resume = start + 1
        while resume < len(lines) and not _parses_as_row(lines, resume, delimiter, len(header)):
            resume += 1
        span = f"line {start + 1}" if resume == start + 1 else f"lines {start + 1}-{resume}"
        problems.append(RowError(data_row, "malformed_row", f"row {data_row} ({span}): {fault}"))
        cursor.pos = resume
    return _rows_to_records(rows, mapping, problems), problems


class _Lines:
    """An iterator over ``lines`` whose position can be moved (the CSV reader reads through it)."""

    def __init__(self, lines: list[str], pos: int = 0):
        self.lines, self.pos = lines, pos

    def __iter__(self):
        return self

    def __next__(self) -> str:
        if self.pos >= len(self.lines):
            raise StopIteration
        self.pos += 1
        return self.lines[self.pos - 1]


def _parses_as_row(lines: list[str], at: int, delimiter: str, n_fields: int) -> bool:
    """Does a CSV record starting at physical line ``at`` parse cleanly with ``n_fields`` fields?"""
    if not lines[at].strip():
        return False
    try:
        values = next(csv.reader(_Lines(lines, at), delimiter=delimiter))
    except (csv.Error, StopIteration):
        return False
    return len(values) == n_fields


def _json_rows(objs) -> tuple[list[tuple[int, dict]], list[RowError]]:
    rows, problems = [], []
    for i, obj in objs:
        if isinstance(obj, dict):
            rows.append((i, obj))
        else:
            problems.append(RowError(i, "malformed_row", f"record {i} is a JSON {type(obj).__name__}, not an object"))
    return rows, problems


def _records_from_objects(objs) -> tuple[list[dict], list[RowError]]:
    """JSON records may differ in their keys, so each is mapped on its own."""
    rows, problems = _json_rows(objs)
    records = []
    for row_no, row in rows:
        mapping = map_columns(list(row))
        if "body" not in mapping:
            problems.append(RowError(row_no, "no_content", f"record {row_no} has no text field (keys: {sorted(row)[:12]})"))
            continue
        records += _rows_to_records([(row_no, row)], mapping, problems)
    return records, problems


def read_jsonl(text: str, suffix: str = "") -> tuple[list[dict], list[RowError]]:
    objs, problems = [], []
    for line_no, line in enumerate(text.split("\n"), start=1):  # "\n" only: U+2028/U+0085 are text
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        try:
            objs.append((line_no, json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(RowError(line_no, "malformed_row", f"line {line_no}: invalid JSON ({exc.msg} at column {exc.colno})"))
    records, more = _records_from_objects(objs)
    return records, problems + more


def read_json(text: str, suffix: str = "") -> tuple[list[dict], list[RowError]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("malformed_row", f"invalid JSON ({exc.msg} at line {exc.lineno})") from None
    if isinstance(data, dict):
        for key in _NAMES["json_container_keys"]:
            if isinstance(data.get(key), list):
                data = data[key]
                break
        else:
            data = [data]
    if not isinstance(data, list):
        raise InputError("no_content", "JSON is neither an object nor a list of objects")
    return _records_from_objects(list(enumerate(data, start=1)))
