"""How tables and articles are shown to a reader: notebooks, HTML reports and figures all use this module.

- :func:`article_label` / :func:`article_labels`: an article's title, or — when it has none (plain-text
  inputs) — the first words of its first sentence, instead of its 16-hex ``article_id``.
- :func:`table`: a frame as a reader sees it on a report page: at most ``rows`` rows (the caption says how many
  there are), no index column (a meaningful index becomes ordinary columns), one missing-value marker
  (:data:`MISSING`) for None / NaN / <NA> / NaT / blank, numbers with thousands separators, lists joined with
  "; ", long text cut with "…" (the whole text on hover), and article ids shown as article labels (the id on
  hover; an id inside free text is replaced by the quoted label). Cell text is HTML-escaped.
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import math
import re
import textwrap
from typing import Mapping

import numpy as np
import pandas as pd

MISSING = "—"  # the one missing-value marker on every page
LABEL_WIDTH = 48
TEXT_WIDTH = 300  # whole sentences, mostly
_ID_IN_TEXT = re.compile(r"(?<![\w-])([0-9a-f]{16})(?![\w-])")  # a bare article id inside free text
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s|\n")


def is_missing(value) -> bool:
    """None, NaN, pd.NA, NaT and blank strings are missing; lists and arrays never are."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value)) if pd.api.types.is_scalar(value) else False
    except (TypeError, ValueError):
        return False


def shorten(text, width: int) -> str:
    """One line of at most ``width`` characters, cut at a word with an ellipsis."""
    return _shorten(text if isinstance(text, str) else str(text or ""), width)


@functools.lru_cache(maxsize=16384)
def _shorten(text: str, width: int) -> str:
    """:func:`shorten` of a string, kept: the same titles and sentences are shortened by every table and figure of a
    run (``textwrap.shorten`` costs ~50 µs a long string; ``article_labels`` of 357 articles took 14 ms a call)."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    return textwrap.shorten(text, width=width, placeholder="…") or text[: width - 1] + "…"


def first_sentence(text) -> str:
    """The first sentence (or first line) of ``text``, whitespace collapsed."""
    text = str(text or "").strip()
    end = _SENTENCE_END.search(text)
    return " ".join((text[:end.start()] if end else text).split())


def article_label(title, text=None, width: int = LABEL_WIDTH) -> str:
    """The article's title, else the first words of its first sentence (``…`` when cut); "" when neither."""
    if not is_missing(title):
        return shorten(title, width)
    if is_missing(text):
        return ""
    sentence = first_sentence(text)
    return shorten(sentence, width) if sentence else ""


def article_labels(articles: pd.DataFrame | Mapping[str, str] | None, width: int = LABEL_WIDTH) -> dict[str, str]:
    """``article_id`` → :func:`article_label` (the id itself when an article has neither title nor text)."""
    if articles is None:
        return {}
    if isinstance(articles, Mapping):
        return dict(articles)
    if len(articles) == 0:
        return {}
    titles = articles["title"] if "title" in articles else [None] * len(articles)
    texts = articles["text"] if "text" in articles else [None] * len(articles)
    return {str(aid): article_label(t, x, width) or str(aid) for aid, t, x in zip(articles["article_id"], titles, texts)}


def cell_text(value) -> str:
    """One value as a reader sees it (without the article-label and length rules of :func:`table`)."""
    if isinstance(value, (list, tuple)) or hasattr(value, "tolist") and not pd.api.types.is_scalar(value):
        items = [cell_text(v) for v in (value.tolist() if hasattr(value, "tolist") else value)]
        items = [i for i in items if i != MISSING]
        return "; ".join(items) if items else MISSING
    if is_missing(value):
        return MISSING
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (int, np.integer)):
        return f"{int(value):,}"
    if isinstance(value, (float, np.floating)):
        value = float(value)
        if value.is_integer() and abs(value) < 1e15:
            return f"{value:,.0f}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)


def _numeric(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _flat(df: pd.DataFrame) -> pd.DataFrame:
    """Index levels that carry information become columns; a plain 0..n-1 index is dropped."""
    if isinstance(df.columns, pd.MultiIndex):
        df = df.set_axis([" / ".join(str(p) for p in c if str(p)) for c in df.columns], axis=1)
    if any(n is not None for n in df.index.names) or not isinstance(df.index, pd.RangeIndex):
        names = [n if n is not None else ("" if df.index.nlevels == 1 else f"level_{i}")
                 for i, n in enumerate(df.index.names)]
        if df.index.nlevels == 1 and names[0] == "" and pd.api.types.is_integer_dtype(df.index):
            return df.reset_index(drop=True)  # a filtered 0..n-1 index says nothing
        df = df.rename_axis(names).reset_index()
    return df.reset_index(drop=True)


class Table:
    """A frame prepared for reading (see :func:`table`); shown as HTML in notebooks and reports, text elsewhere."""

    def __init__(self, columns: list[str], cells: list[list[tuple[str, str | None]]], numeric: list[bool],
                 total: int):
        self.columns, self.cells, self.numeric, self.total = columns, cells, numeric, total

    @property
    def caption(self) -> str:
        shown = len(self.cells)
        if self.total == 0:
            return "no rows"
        return f"first {shown} of {self.total:,} rows" if shown < self.total else ""

    def _repr_html_(self) -> str:
        esc = html.escape
        head = "".join(f"<th>{esc(c)}</th>" for c in self.columns)
        body = []
        for row in self.cells:
            tds = []
            for (text, hover), num in zip(row, self.numeric):
                cls = ' class="num"' if num else ""
                title = f' title="{esc(hover, quote=True)}"' if hover else ""
                tds.append(f"<td{cls}{title}>{esc(text)}</td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        caption = f"<caption>{esc(self.caption)}</caption>" if self.caption else ""
        return (f'<table class="dataframe wc-table">{caption}<thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table>")

    def __repr__(self) -> str:
        if not self.cells:
            return " | ".join(self.columns) + "\n(no rows)"
        frame = pd.DataFrame([[t for t, _ in row] for row in self.cells], columns=self.columns)
        text = frame.to_string(index=False)
        return text + (f"\n({self.caption})" if self.caption else "")


def table(df: pd.DataFrame | pd.Series, articles: pd.DataFrame | Mapping[str, str] | None = None, rows: int = 10,
          width: int = TEXT_WIDTH) -> Table:
    """``df`` as a reader sees it: see the module docstring. ``articles``: the articles table (or labels)."""
    if isinstance(df, pd.Series):
        df = df.to_frame()
    df = _flat(df)
    labels = article_labels(articles)
    shown = df.head(rows)
    columns, numeric, formatters = [], [], []
    for col in shown.columns:
        values = df[col].dropna()
        is_article = bool(labels) and len(values) > 0 and values.map(lambda v: isinstance(v, str)).all() \
            and values.isin(labels.keys()).all()
        columns.append("article" if is_article and col == "article_id" else str(col))
        numeric.append(_numeric(df[col]))
        formatters.append(is_article)
    cells = []
    for values in shown.itertuples(index=False, name=None):
        row = []
        for value, is_article in zip(values, formatters):
            if is_article and not is_missing(value):
                row.append((labels[value], value))
                continue
            text = cell_text(value)
            if labels and isinstance(value, str):  # "credit line: <id> names …" reads "credit line: “title” names …"
                text = _ID_IN_TEXT.sub(lambda m: f"“{labels[m.group(1)]}”" if m.group(1) in labels else m.group(1), text)
            row.append((shorten(text, width), text) if len(text) > width else (text, None))
        cells.append(row)
    return Table(columns, cells, numeric, len(df))
