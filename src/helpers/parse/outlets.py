"""Outlet names: from a credit line in the text, or from a URL's domain.

``parse/rules/outlets.csv`` maps news domains to outlet names (a lexicon of major outlets,
extend it freely). Unknown domains fall back to the domain's main label, title-cased.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit
from helpers.core import rules


@functools.lru_cache(maxsize=1)
def domain_table() -> dict[str, str]:
    return {row["domain"].lower(): row["outlet"] for row in rules.load_csv("parse", "outlets.csv")}


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+\-]*):(?!\d)")


def domain_of(url: str | None) -> str | None:
    """The host of a web URL (``www.`` dropped); None for other schemes (``javascript:``, ``mailto:``…)."""
    if not url:
        return None
    scheme = _SCHEME.match(url.strip())
    if scheme and scheme.group(1).lower() not in ("http", "https"):
        return None
    if "//" not in url:
        url = "//" + url
    host = (urlsplit(url.strip()).hostname or "").lower()
    return host.removeprefix("www.") or None


def outlet_from_url(url: str | None) -> str | None:
    """``https://www.aljazeera.com/news/…`` → ``Al Jazeera``; unknown domains → main label title-cased."""
    host = domain_of(url)
    if not host:
        return None
    table = domain_table()
    parts = host.split(".")
    for i in range(len(parts) - 1):  # news.example.co.uk → example.co.uk → co.uk
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    generic = set(rules.load_json("parse", "domain_labels.json")["generic_labels"])
    labels = [p for p in parts if p not in generic]
    main = labels[-2] if len(labels) >= 2 and len(labels[-1]) == 2 else (labels[-1] if labels else parts[0])
    return main.replace("-", " ").title()


# Closing credit lines naming the publisher ("More: Example News", "Read more at X", "Originally published
# by X", "© 2024 X", "X's Jane Roe contributed to this report"): phrases in rules/credit_lines.json.
_CREDITS = rules.load_json("parse", "credit_lines.json")
_CREDIT = re.compile(
    r"^(?:" + "|".join(_CREDITS["credit_prefixes"]) + r")"
    r"\s*[:：\-–—]?\s*(?P<name>.+?)\s*\.?$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"^(?:" + "|".join(_CREDITS["copyright_marks"]) + r")\s*(?:\d{4}\s*)?(?P<name>[^.]+?)\s*\.?$",
                        re.IGNORECASE)
_STAFF = re.compile(r"^(?P<name>(?:[A-Z][\w&.-]*\s){0,3}[A-Z][\w&.-]*)[’']s?\s+[A-Z].{0,150}?\s+"
                    + _CREDITS["staff_credit"] + r"\.?$")
_URL = re.compile(r"https?://\S+")


def outlet_from_credit(text: str, last_paragraphs: int = 3) -> str | None:
    """Outlet named by a credit line among the last paragraphs of ``text``, else None."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()][-last_paragraphs:]
    for para in reversed(paragraphs):
        para = para.strip()
        if len(para) > 120:
            continue
        for rx in (_CREDIT, _COPYRIGHT, _STAFF):
            m = rx.match(para)
            if not m:
                continue
            name = m.group("name").strip(" .:-–—()[]\"'“”")
            url = _URL.search(name)
            if url:
                return outlet_from_url(url.group(0))
            words = name.split()
            if 1 <= len(words) <= 6 and words[0][:1].isupper():
                return name
    return None


def url_in_text(text: str) -> str | None:
    """A URL standing alone (or after a label) in one of the last paragraphs, else None."""
    for para in reversed(text.split("\n\n")[-3:]):
        m = _URL.search(para)
        if m and len(para) < 200:
            return m.group(0).rstrip(").,;")
    return None
