"""What changed since the last successful run into the same folders: ``reports/changes.json`` and ``changes.html``.

A scheduled rebuild's reader wants the news first. After every successful run the pipeline compares the tables
with the keys it saved after the previous successful run (``processed_dir/changes_state.json``):

- articles added and removed (by ``article_id``, with title or first words);
- new claims (by ``claim_id``: figure, claimant, sentence);
- new or changed disagreements in the ledger (``claim_links`` rows whose agreement is not ``same``);
- new rewrite pairs (``article_pairs`` with relation ``duplicate`` or ``rewrite``).

Each row names what a reader knows: articles by title (or first words), claims as "figure unit — claimant", a pair's
copy by the title of the article judged to copy the other ("undecided" when the dates and texts do not tell). The
JSON keeps the ids too (``article_id``, ``claim_id``, ``pair``, ``claims``).

The first run into a folder says that there is no previous run. Article text is escaped in the page, and the page
loads no script.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

STATE_FILE = "changes_state.json"
CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _read(name: str, processed_dir: Path):
    from helpers.core import tables  # only when a snapshot is taken: a no-op rebuild reuses the last one

    path = tables.table_path(name, processed_dir)
    return tables.read_table(name, processed_dir) if path.exists() else None


def _label(row) -> str:
    title = row.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    words = str(row.get("text") or "").split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def snapshot(processed_dir: Path) -> dict:
    """The keys of the current tables that :func:`compare` needs (small: no article text)."""
    out = {"articles": {}, "claims": {}, "disagreements": {}, "rewrites": {}}
    arts = _read("articles", processed_dir)
    if arts is not None:
        out["articles"] = {r.article_id: _label(r._asdict()) for r in arts.itertuples(index=False)}
    claims = _read("claims", processed_dir)
    if claims is not None:
        out["claims"] = {r.claim_id: {"article_id": r.article_id, "value": float(r.value), "unit": r.unit,
                                      "claimant": r.claimant, "text": r.text} for r in claims.itertuples(index=False)}
    links = _read("claim_links", processed_dir)
    if links is not None:
        for r in links.itertuples(index=False):
            if r.agreement != "same":
                out["disagreements"][f"{r.claim_a}|{r.claim_b}"] = {"topic": r.topic, "agreement": r.agreement}
    pairs = _read("article_pairs", processed_dir)
    if pairs is not None:
        for r in pairs.itertuples(index=False):
            if r.relation in ("duplicate", "rewrite"):
                derived = r.derived if isinstance(r.derived, str) else None  # null (NaN in Arrow's pandas view)
                out["rewrites"][f"{r.article_a}|{r.article_b}"] = {"relation": r.relation, "derived": derived}
    return out


def _claim_words(claim: dict | None) -> str:
    """"8,500 troop — Lloyd Austin": a claim as a reader names it."""
    if not claim:
        return "(no longer in the tables)"
    unit = f" {claim['unit']}" if claim.get("unit") else ""
    return f"{_cell(claim.get('value'))}{unit} — {claim.get('claimant')}"


def compare(before: dict | None, after: dict) -> dict:
    """The changes from ``before`` (None: no previous run) to ``after``."""
    if before is None:
        return {"previous_run": False}
    added = sorted(set(after["articles"]) - set(before["articles"]))
    removed = sorted(set(before["articles"]) - set(after["articles"]))
    new_claims = sorted(set(after["claims"]) - set(before["claims"]))
    dis = {k: v for k, v in after["disagreements"].items() if before["disagreements"].get(k) != v}
    titles, claims = after["articles"], after["claims"]

    def pair(key: str, value: dict) -> dict:
        a, b = key.split("|", 1)
        copy = value.get("derived")
        return {"pair": key, **value, "article_a": titles.get(a, a), "article_b": titles.get(b, b),
                "copy": titles.get(copy, copy) if copy else "undecided"}

    def disagreement(key: str, value: dict) -> dict:
        a, b = key.split("|", 1)
        return {"claims": key, **value, "was": (before["disagreements"].get(key) or {}).get("agreement"),
                "claim_a": _claim_words(claims.get(a)), "claim_b": _claim_words(claims.get(b))}

    return {
        "previous_run": True,
        "articles_added": [{"article_id": a, "title": titles[a]} for a in added],
        "articles_removed": [{"article_id": a, "title": before["articles"][a]} for a in removed],
        "new_claims": [{"claim_id": c, **claims[c], "article": titles.get(claims[c]["article_id"])}
                       for c in new_claims],
        "disagreements": [disagreement(k, v) for k, v in sorted(dis.items())],
        "new_rewrites": [pair(k, v) for k, v in sorted(after["rewrites"].items()) if k not in before["rewrites"]],
    }


def _cell(value) -> str:
    """A cell as a reader reads it: a whole number with thousands separators ("400,000,000", not "400000000.0"); a
    missing value empty, never "nan"."""
    if value is None or isinstance(value, float) and value != value:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,}"
    return str(value)


def _section(title: str, rows: list[dict], columns: list[tuple[str, str]]) -> str:
    """One table of the page: ``columns`` are (key in the rows, header a reader reads)."""
    e = html.escape
    if not rows:
        return f"<h2>{e(title)}</h2><p>None.</p>"
    head = "".join(f"<th>{e(h)}</th>" for _, h in columns)
    body = "".join("<tr>" + "".join(f"<td>{e(_cell(r.get(c)))}</td>" for c, _ in columns) + "</tr>" for r in rows)
    return f"<h2>{e(title)} ({len(rows)})</h2><table><tr>{head}</tr>{body}</table>"


def render_html(changes: dict) -> str:
    if not changes.get("previous_run"):
        body = "<p>This is the first successful run into these folders: there is no previous run to compare with.</p>"
    else:
        body = "".join([
            _section("Articles added", changes["articles_added"], [("title", "title or first words"),
                                                                   ("article_id", "article_id")]),
            _section("Articles removed", changes["articles_removed"], [("title", "title or first words"),
                                                                       ("article_id", "article_id")]),
            _section("New claims", changes["new_claims"], [("value", "figure"), ("unit", "unit"),
                                                           ("claimant", "claimant"), ("text", "as written"),
                                                           ("article", "article")]),
            _section("New or changed disagreements", changes["disagreements"],
                     [("topic", "topic"), ("agreement", "agreement"), ("was", "was"), ("claim_a", "claim"),
                      ("claim_b", "other claim")]),
            _section("New rewrite pairs", changes["new_rewrites"], [("relation", "relation"), ("article_a", "article"),
                                                                    ("article_b", "other article"),
                                                                    ("copy", "judged the copy")]),
        ])
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
            "<title>warclaims · what changed since the last run</title><style>body{font-family:sans-serif;"
            "max-width:70em;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
            "padding:.2em .5em;text-align:left;vertical-align:top}</style></head><body>"
            "<p><a href=\"index.html\">← index</a></p><h1>What changed since the last run</h1>"
            f"{body}</body></html>\n")


def write(processed_dir: Path, reports_dir: Path, table_keys: dict | None = None) -> dict:
    """Compare with the previous successful run, write ``changes.json``/``changes.html``, save the new keys.

    ``table_keys`` (table file name -> content hash, as the runner records them): when they equal the keys saved
    with the previous snapshot, the tables are the ones that snapshot was taken of, so it is reused rather than
    read again (a no-op rebuild reads no table)."""
    processed_dir, reports_dir = Path(processed_dir), Path(reports_dir)
    state_path = processed_dir / STATE_FILE
    try:
        before = json.loads(state_path.read_text())
    except (OSError, ValueError):
        before = None
    saved_keys = before.pop("table_keys", None) if isinstance(before, dict) else None
    if table_keys is not None and saved_keys == table_keys:
        after = before
    else:
        after = snapshot(processed_dir)
    changes = compare(before, after)
    reports_dir.mkdir(parents=True, exist_ok=True)
    (reports_dir / "changes.json").write_text(json.dumps(changes, indent=1, sort_keys=True, default=str) + "\n")
    (reports_dir / "changes.html").write_text(render_html(changes), encoding="utf-8")
    tmp = state_path.with_suffix(".tmp")
    tmp.write_text(json.dumps({**after, "table_keys": table_keys} if table_keys is not None else after,
                              sort_keys=True, default=str))
    tmp.replace(state_path)
    return changes

