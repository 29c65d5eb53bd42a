"""HTML reports, CSV exports and the report index (``reports/``).

After the pipeline has executed the numbered notebooks into
``reports/executed/``, :func:`build_reports` writes

- ``reports/html/NN_name.html`` — each executed notebook exported with
  nbconvert, code hidden unless ``show_code``;
- ``reports/tables/<table>.csv`` — the tables a researcher wants in a spreadsheet;
- ``reports/index.html`` — links to every report, figure and table, with the
  run's date and its ``run.json`` summary.

Article text is untrusted. Every HTML page is made safe in four layers:
Markdown (cells and ``text/markdown`` outputs) is rendered with raw HTML
*escaped* and harmful link protocols (``javascript:``) removed; ``text/html``
outputs are cleaned with an allow-list (``<script>`` and other unknown tags are
escaped to visible text, ``on*`` attributes and ``javascript:`` URLs dropped);
JavaScript outputs are removed; and each page carries a Content-Security-Policy
that forbids scripts, so even a missed payload cannot run. The page template
itself loads no script (no require.js, no MathJax from a CDN).

Rebuild from an existing run: ``python -m helpers.run.reports build [--reports-dir R] [--show-code]``.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import html
import json
import re
import shutil
import sys
import urllib.parse
from pathlib import Path

import functools
import importlib.metadata
import threading

from helpers.core import paths
from helpers.figures.captions import caption as figure_caption
from helpers.run import stages

# nbformat, pandas and the table readers are imported where used: a no-op rebuild, whose pages come from the page
# cache and whose index counts come from the index memo (build_index), needs no nbformat (jsonschema and its
# formats: ~150 modules) and reads no table. (pandas itself still comes in with the stage specs, helpers.core.stage.)

CSP = ("default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "font-src 'self' data:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'

# Tables exported as CSV, in this order; missing ones are skipped (and listed in the index).
CSV_TABLES = ("articles", "claims", "claims_ledger", "claim_links", "statements", "entities", "places", "dates",
              "events", "article_pairs", "article_metadata", "parse_errors", "duplicates")
CSV_DROP_COLUMNS = {"articles": ("text",)}  # the full text stays in Parquet; spreadsheets choke on it

_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block extra_css -%}""" + CSP_META + """<style>""" + "{{ resources.warclaims_nav_css }}" + """</style>{%- endblock extra_css -%}
{%- block body_header -%}{{ super() }}{{ resources.warclaims_nav }}{% if resources.warclaims_heading %}<h1 class="wc-title">{{ resources.warclaims_title | e }}</h1>{% endif %}{%- endblock body_header -%}
"""
NAV_CSS = ("nav.wc-nav{font-family:sans-serif;font-size:14px;padding:.5em 1em;background:#f3f3f3;"
           "border-bottom:1px solid #ccc;margin-bottom:1em} nav.wc-nav a{margin-right:1em;color:#0b4f8a}"
           " nav.wc-nav a[aria-current]{font-weight:bold;color:#222} h1.wc-title{font-family:sans-serif;margin:.3em 1em}"
           # tables made by helpers.core.display.table: text left, numbers right, the row count under the table
           # (two classes: more specific than JupyterLab's right-aligned table cells)
           " table.dataframe.wc-table{border-collapse:collapse;margin:.5em 0 1em}"
           " table.dataframe.wc-table th,table.dataframe.wc-table td{text-align:left;vertical-align:top;"
           "padding:.25em .6em;border-bottom:1px solid #e3e3e3;max-width:40em}"
           " table.dataframe.wc-table td.num{text-align:right;white-space:nowrap}"
           " table.dataframe.wc-table td[title]{cursor:help}"
           " table.dataframe.wc-table caption{caption-side:bottom;text-align:left;color:#555;font-size:90%;"
           "padding-top:.3em}")


def nav_bar(pages: list[str], current: str | None = None, prefix: str = "") -> str:
    """The navigation bar of every report page: the index, then each published stage page.

    ``pages`` are notebook stems (``02_sentences_entities``); ``prefix`` is the path from the page to
    ``reports/`` (``"../"`` for pages under ``html/``).
    """
    esc = html.escape
    links = [("index.html", "Overview", current is None)]
    links += [(f"html/{stem}.html", _title(stem), stem == current) for stem in pages]
    links.append(("explorer.html", "Claims explorer", current == "explorer"))
    items = "".join(f'<a href="{esc(prefix + href, quote=True)}"' + (' aria-current="page"' if here else "")
                    + f">{esc(label)}</a>" for href, label, here in links)
    return f'<nav class="wc-nav" aria-label="warclaims reports">{items}</nav>'

_ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "details", "div", "dl",
    "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
_ALLOWED_ATTRS = {"*": ["class", "id", "title", "colspan", "rowspan", "align", "border"], "a": ["href"],
                  "img": ["src", "alt", "width", "height"]}
_JS_OUTPUT_TYPES = ("application/javascript", "text/javascript", "application/vnd.jupyter.widget-view+json")
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>[^<]*</style>", re.IGNORECASE)
_SPREADSHEET_FORMULA = re.compile(r"^[=+\-@\t\r]")
_EXPORT_LOCK = threading.Lock()  # one page rendered at a time by the shared exporter (_exporter)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # the first characters _SPREADSHEET_FORMULA matches


def clean_html(fragment: str) -> str:
    """Allow-list clean an HTML fragment: tables and text markup stay, anything else is escaped.

    ``<script>``, ``<iframe>``… become visible text; event-handler attributes are
    dropped; only http(s)/mailto links and ``data:`` images survive. Style blocks
    (pandas adds one to every table) are removed: presentation only.
    """
    import bleach  # here, not at the top: a rebuild that renders no page (a no-op) does without it (0.1 s)

    fragment = _STYLE_BLOCK.sub("", fragment)
    return bleach.clean(fragment, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRS,
                        protocols={"http", "https", "mailto", "data"}, strip=False, strip_comments=True)


def _safe_data_urls(fragment: str) -> str:
    # data: is only allowed for images: drop it from links
    return re.sub(r'(<a\b[^>]*?)\shref="data:[^"]*"', r"\1", fragment, flags=re.IGNORECASE)


@functools.lru_cache(maxsize=None)
def _exporter_classes():
    """The sanitizing preprocessor and exporter classes, built on first use: nbconvert (and its Markdown and
    template machinery, about 0.35 s of imports) is loaded only when a page is really rendered, so a rebuild whose
    pages all come from the cache (a no-op run) never imports it."""
    import jinja2
    from nbconvert import HTMLExporter
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath
    from nbconvert.preprocessors import Preprocessor

    class ArticleTextSanitizer(Preprocessor):
        """Clean ``text/html`` outputs, drop JavaScript outputs and raw cells' HTML."""

        def preprocess_cell(self, cell, resources, index):
            if cell.cell_type == "raw":
                cell.source = html.escape(cell.source)
            if cell.cell_type == "code":
                for output in cell.get("outputs", []):
                    data = output.get("data")
                    if not data:
                        continue
                    for mime in _JS_OUTPUT_TYPES:
                        data.pop(mime, None)
                    if "text/html" in data:
                        value = data["text/html"]
                        value = "".join(value) if isinstance(value, list) else value
                        data["text/html"] = _safe_data_urls(clean_html(value))
                    if not data:
                        data["text/plain"] = ""
            return cell, resources

    class SafeHTMLExporter(HTMLExporter):
        """HTMLExporter whose Markdown keeps raw HTML as visible text and drops harmful links."""

        @jinja2.pass_context
        def markdown2html(self, context, source):  # noqa: D401 - nbconvert filter
            cell = context.get("cell", {})
            renderer = IPythonRenderer(
                escape=True,
                allow_harmful_protocols=False,
                attachments=cell.get("attachments", {}),
                embed_images=self.embed_images,
                path=context.get("resources", {}).get("metadata", {}).get("path", ""),
                anchor_link_text=self.anchor_link_text,
                exclude_anchor_links=self.exclude_anchor_links,
                **self.lexer_options,
            )
            return MarkdownWithMath(renderer=renderer).render(source)

    return ArticleTextSanitizer, SafeHTMLExporter


@functools.lru_cache(maxsize=None)
def _exporter(show_code: bool):
    """The page exporter, made once per process and option: a new one per page compiled nbconvert's templates
    again (Jinja caches them per exporter), 0.17 of the 0.33 s a page took. Pages are rendered under
    :data:`_EXPORT_LOCK`: the exporter registers a per-page filter on its one template environment."""
    import jinja2

    ArticleTextSanitizer, SafeHTMLExporter = _exporter_classes()
    exporter = SafeHTMLExporter(
        extra_loaders=[jinja2.DictLoader({"warclaims_report.html.j2": _TEMPLATE})],
        template_file="warclaims_report.html.j2",
        exclude_input=not show_code,
        exclude_input_prompt=not show_code,
        exclude_output_prompt=True,
        embed_images=True,
        exclude_anchor_links=True,
    )
    exporter.register_preprocessor(ArticleTextSanitizer(), enabled=True)
    return exporter


def export_notebook_html(notebook: str | Path, html_dir: str | Path, show_code: bool = False,
                         pages: list[str] | None = None) -> Path:
    """Export one executed notebook to ``html_dir/<stem>.html``, titled and with the navigation bar.

    A page exported before from the same executed notebook, options and exporter code is reused from
    ``html_dir/../.html-cache/`` (a skipped notebook's page is not rendered again)."""
    notebook = Path(notebook)
    out = Path(html_dir) / f"{notebook.stem}.html"
    key = hashlib.sha256(json.dumps([notebook.stem, show_code, pages, importlib.metadata.version("nbconvert")]).encode()
                         + notebook.read_bytes() + Path(__file__).read_bytes()).hexdigest()
    cached = Path(html_dir).parent / ".html-cache" / f"{notebook.stem}.{key[:32]}.html"
    if cached.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, out)
        return out
    import nbformat

    nb = nbformat.read(notebook, as_version=4)
    title = _title(notebook.stem)
    with _EXPORT_LOCK:
        body, _ = _exporter(show_code).from_notebook_node(
            nb, resources={"metadata": {"name": title, "path": str(notebook.parent)},
                           "warclaims_title": title, "warclaims_nav_css": NAV_CSS,
                           "warclaims_heading": not _opens_with_heading(nb),  # never the title twice
                           "warclaims_nav": nav_bar(pages if pages is not None else [notebook.stem], notebook.stem,
                                                    "../")})
    if "Content-Security-Policy" not in body or "script-src 'none'" not in body:  # never publish without it
        raise RuntimeError(f"{notebook.name}: exported HTML lacks the Content-Security-Policy")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(body, encoding="utf-8")
    cached.parent.mkdir(parents=True, exist_ok=True)
    for old in cached.parent.glob(f"{notebook.stem}.*.html"):  # one cached page per notebook
        old.unlink()
    shutil.copyfile(out, cached)
    return out


def _opens_with_heading(nb) -> bool:
    """The notebook's first cell is a Markdown cell starting with a level-1 heading (its own title)."""
    first = nb.cells[0] if nb.cells else None
    return bool(first is not None and first.cell_type == "markdown" and first.source.lstrip().startswith("# "))


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def spreadsheet_safe(df: "pd.DataFrame", skip: tuple[str, ...] = ()) -> "pd.DataFrame":
    """Prefix text cells that a spreadsheet would run as a formula (=, +, -, @) with an apostrophe.

    Numeric columns, the columns in ``skip`` (joined list columns) and cells that are plain numbers
    ("-77.03") are left as they are: programs reading the CSV must get the values unchanged.
    """
    import pandas as pd

    out = df.copy()
    for col in out.columns:
        if col in skip:
            continue
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            if isinstance(out[col].dtype, pd.StringDtype) and not out[col].str[:1].isin(_FORMULA_STARTS).any():
                continue  # no cell starts like a formula: nothing to prefix (the cell-by-cell pass took 0.37 s)
            out[col] = [("'" + v) if isinstance(v, str) and _SPREADSHEET_FORMULA.match(v) and not _NUMBER.match(v)
                        else v
                        for v in out[col]]
    return out


def _holds_no_lists(column) -> bool:
    """A text, number or boolean column, whose cells cannot be lists (so need no cell-by-cell check)."""
    import pandas as pd

    dtype = column.dtype
    return isinstance(dtype, pd.StringDtype) or pd.api.types.is_numeric_dtype(dtype) or pd.api.types.is_bool_dtype(dtype)


def export_tables_csv(processed_dir: str | Path, tables_dir: str | Path,
                      names: tuple[str, ...] = CSV_TABLES) -> dict[str, Path]:
    """Write each existing table as UTF-8 CSV (list columns joined with "; ")."""
    from helpers.core import tables

    written = {}
    for name in names:
        if not tables.table_path(name, processed_dir).exists():
            continue
        df = tables.read_table(name, processed_dir).drop(columns=list(CSV_DROP_COLUMNS.get(name, ())))
        list_columns = []
        for col in df.columns:
            if _holds_no_lists(df[col]):
                continue
            if df[col].map(lambda v: isinstance(v, (list, tuple)) or hasattr(v, "tolist")).any():
                list_columns.append(col)
                df[col] = df[col].map(lambda v: "; ".join(map(str, list(v))) if v is not None and not isinstance(v, str)
                                      and hasattr(v, "__iter__") else v)
        path = Path(tables_dir) / f"{name}.csv"
        path.parent.mkdir(parents=True, exist_ok=True)
        spreadsheet_safe(df, skip=tuple(list_columns)).to_csv(path, index=False, lineterminator="\n")
        written[name] = path
    return written


def _run_date(summary: dict) -> str:
    for key in ("finished", "finished_at", "ended", "date", "started", "started_at"):
        if summary.get(key):
            try:  # "2026-12-05T23:59:11+00:00" -> "2026-12-05 23:59 UTC"
                when = dt.datetime.fromisoformat(str(summary[key]))
            except ValueError:
                return str(summary[key])
            if when.utcoffset() == dt.timedelta(0):
                return when.strftime("%Y-%m-%d %H:%M UTC")
            return when.isoformat(sep=" ", timespec="minutes")
    return "unknown"


def _title(notebook: str) -> str:
    """The human title of notebook ``NN_name`` from its StageSpec (the file stem when none declares it)."""
    try:
        spec = stages.spec(notebook)
    except KeyError:
        return Path(notebook).stem
    return f"{spec.notebook} · {spec.title}"


def _summary_rows(summary: dict) -> str:
    """Run status, times and each notebook's status: the index's summary (run.json itself is linked)."""
    esc = html.escape
    rows = [f"<tr><th>status</th><td>{esc(str(summary.get('status', 'unknown')))}</td></tr>"]
    for key in ("started", "finished", "raw_dir", "stage_errors"):
        if summary.get(key) is not None:
            rows.append(f"<tr><th>{esc(key)}</th><td>{esc(str(summary[key]))}</td></tr>")
    for e in summary.get("notebooks", []):
        status = esc(str(e.get("status", "")))
        if e.get("error"):
            status += f" — {esc(str(e['error']))}"
        dur = f" ({e['duration_s']} s)" if e.get("duration_s") is not None else ""
        rows.append(f"<tr><th>{esc(_title(str(e.get('notebook', ''))))}</th><td>{status}{esc(dur)}</td></tr>")
    return "\n".join(rows)


def corpus_summary(processed_dir: str | Path) -> dict:
    """Counts a reader wants first: articles, claims, statements, places, rewrites, top topics."""
    from helpers.core import schemas, tables

    out = {}
    for name, label in (("articles", "articles"), ("claims", "claims"), ("statements", "statements"),
                        ("places", "place mentions")):
        if tables.table_path(name, processed_dir).exists():  # counts from the Parquet footer; places read `role`
            if name == "places" and "role" in tables.table_columns(name, processed_dir):
                out[label] = len(schemas.story_places(tables.read_table(name, processed_dir, columns=["role"])))
            else:
                out[label] = tables.table_rows(name, processed_dir)
    if tables.table_path("article_pairs", processed_dir).exists():
        pairs = tables.read_table("article_pairs", processed_dir)
        out["rewrites found"] = int(pairs.relation.isin(["rewrite", "duplicate"]).sum()) if "relation" in pairs else len(pairs)
    if tables.table_path("claims_ledger", processed_dir).exists():
        ledger = tables.read_table("claims_ledger", processed_dir, columns=["topic", "claim_id", "value", "claimant"])
        top = ledger.groupby("topic").agg(claims=("claim_id", "size"), values=("value", "nunique"),
                                          claimants=("claimant", "nunique"))
        top = top[top["values"] > 1]  # a topic whose claims all give one figure is no disagreement
        out["top topics"] = top.sort_values(["values", "claims"], ascending=False).head(5).reset_index().to_dict("records")
    return out


_SINGULAR = {"articles": "article", "claims": "claim", "statements": "statement", "place mentions": "place mention",
             "rewrites found": "rewrite found"}


def _corpus_html(counts: dict) -> str:
    esc = html.escape
    if not counts:
        return ""
    items = "".join(f"<li>{esc(str(v))} {esc(k if v != 1 else _SINGULAR.get(k, k))}</li>"
                    for k, v in counts.items() if k != "top topics")
    def plural(n, word):
        return f"{n} {word}" + ("" if n == 1 else "s")

    topics = "".join(f'<li><a href="explorer.html#topic={urllib.parse.quote(t["topic"])}">{esc(t["topic"])}</a>: '
                     f"{t['values']} different figures in {plural(t['claims'], 'claim')} from "
                     f"{plural(t['claimants'], 'claimant')}</li>" for t in counts.get("top topics", []))
    return (f'<h2>This corpus</h2><ul>{items}</ul>'
            + (f"<h3>Top topics (where figures disagree)</h3><ul>{topics}</ul>" if topics else "")
            + '<p><a href="explorer.html">Open the claims explorer</a> to search every claim and its source.</p>')


def _article_labels(processed_dir) -> dict[str, str]:
    if not processed_dir:  # the index made at a run's start: nothing to read (and pandas not imported for it)
        return {}
    from helpers.core import tables
    from helpers.core.display import article_labels

    if not tables.table_path("articles", processed_dir).exists():
        return {}
    return article_labels(tables.read_table("articles", processed_dir))


def clear_published(reports_dir: str | Path) -> None:
    """Remove the HTML pages of an earlier run, so that nothing stale is published as this run's."""
    for page in _links(Path(reports_dir), "html", "*.html"):
        page.unlink()


def _table_counted(path: Path, processed_dir: str | Path | None) -> bool:
    """The CSV's rows are counted from its table (:func:`_csv_rows`), not in the file."""
    return bool(processed_dir) and path.stem in CSV_TABLES and (Path(processed_dir) / f"{path.stem}.parquet").exists()


def _csv_rows(path: Path, processed_dir: str | Path | None = None) -> int:
    """Rows of an exported CSV: its table's row count when the table is there (one CSV row per table row), else
    counted in the file."""
    if _table_counted(path, processed_dir):
        from helpers.core import tables

        return tables.table_rows(path.stem, processed_dir)
    with path.open(encoding="utf-8", newline="") as fh:
        return max(sum(1 for _ in csv.reader(fh)) - 1, 0)


def _links(reports_dir: Path, sub: str, pattern: str) -> list[Path]:
    return sorted((reports_dir / sub).glob(pattern)) if (reports_dir / sub).is_dir() else []


def _counted(label: str, n: int) -> str:
    """"articles added" for n != 1, "article added" for one (the first plural word made singular)."""
    return label if n != 1 else re.sub(r"s\b", "", label, count=1)


def _changes_link(reports_dir: Path) -> str:
    """A line linking ``changes.html`` (written by :mod:`helpers.run.changes` after a whole run), with its counts."""
    try:
        changes = json.loads((reports_dir / "changes.json").read_text())
    except (OSError, ValueError):
        return ""
    if not changes.get("previous_run"):
        return '<p><a href="changes.html">What changed</a>: first run into these folders.</p>'
    counts = ", ".join(f"{len(v)} {_counted(k.replace('_', ' '), len(v))}" for k, v in changes.items()
                       if isinstance(v, list))
    return f'<p><a href="changes.html">What changed since the last run</a>: {html.escape(counts)}.</p>'


INDEX_MEMO = ".index-memo.json"  # in reports/: what the index last read from the tables, by their content hashes


class _IndexMemo:
    """What :func:`build_index` reads from the tables (corpus counts, article labels for the figure captions, CSV row
    counts), kept in ``reports/.index-memo.json`` under the tables' hashes (``table_keys``: the runner's ``{file
    name: sha256}``) and the code version. The index of a run whose tables are those of the last index — a no-op
    rebuild — reads no table. A CSV counted in its file is kept by its size and modification time."""

    def __init__(self, reports_dir: Path, table_keys: dict | None):
        self.path = reports_dir / INDEX_MEMO
        self.key = None
        if table_keys is not None:
            from helpers.core.artcache import code_version

            self.key = hashlib.sha256(json.dumps([table_keys, code_version()], sort_keys=True).encode()).hexdigest()
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            saved = {}
        self.tables = saved.get("tables", {}) if self.key is not None and saved.get("key") == self.key else {}
        # an index made without table hashes (the one at a run's start) keeps the saved tables' entry as it is: it
        # used to save an empty one, so the run's final index read the tables again, a no-op included
        self.saved = {"key": saved.get("key"), "tables": saved.get("tables", {})}
        self.files = saved.get("files", {})
        self.changed = False

    def get(self, name: str, make):
        """The value ``make()`` gives from the tables, or the saved one when the tables are the same."""
        if self.key is None:
            return make()
        if name not in self.tables:
            self.tables[name], self.changed = make(), True
        return self.tables[name]

    def file_rows(self, path: Path, count) -> int:
        stat = path.stat()
        stamp = [stat.st_size, stat.st_mtime_ns]
        saved = self.files.get(path.name)
        if saved and saved[:2] == stamp:
            return saved[2]
        rows = count()
        self.files[path.name], self.changed = stamp + [rows], True
        return rows

    def save(self) -> None:
        if not self.changed:
            return
        data = {"key": self.key, "tables": self.tables} if self.key is not None else dict(self.saved)
        data["files"] = self.files
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            tmp.write_text(json.dumps(data, default=str), encoding="utf-8")  # key order kept: the page lists them
            tmp.replace(self.path)
        except OSError:  # a read-only reports folder costs speed only
            pass


def build_index(reports_dir: str | Path, run_summary: dict | None = None,
                processed_dir: str | Path | None = None, table_keys: dict | None = None) -> Path:
    """Write ``reports/index.html``: the corpus summary, then links to every report, figure and table.

    ``table_keys`` (``{table file name: sha256}`` of ``processed_dir``, as the runner hashed them): what the index
    reads from the tables is then kept between runs (:class:`_IndexMemo`)."""
    reports_dir = Path(reports_dir)
    memo = _IndexMemo(reports_dir, table_keys if processed_dir else None)
    corpus = _corpus_html(memo.get("corpus", lambda: corpus_summary(processed_dir))) \
        if processed_dir and (run_summary or {}).get("status") == "ok" else ""
    summary = dict(run_summary or {})
    esc = html.escape
    reports = _links(reports_dir, "html", "*.html")
    pngs = _links(reports_dir, "figures", "*.png")
    csvs = _links(reports_dir, "tables", "*.csv")

    def rel(p: Path) -> str:
        return esc(p.relative_to(reports_dir).as_posix(), quote=True)

    if "notebooks" in summary:  # publish only what finished ok in this run
        ok = {Path(e["notebook"]).stem for e in summary["notebooks"] if e.get("status") == "ok"}
        reports = [p for p in reports if p.stem in ok]
    items = "\n".join(f'<li><a href="{rel(p)}">{esc(_title(p.stem))}</a></li>' for p in reports) or "<li>none</li>"
    run_json = '<p><a href="run.json">run.json</a> (every notebook\'s inputs, hashes and timings)</p>' \
        if (reports_dir / "run.json").exists() else ""
    labels = memo.get("labels", lambda: _article_labels(processed_dir)) if pngs else {}
    captions = {p.stem: figure_caption(p.stem, labels) for p in pngs}
    figures = "\n".join(
        f'<figure><a href="{rel(p)}"><img src="{rel(p)}" alt="{esc(captions[p.stem], quote=True)}" width="360"></a>'
        f'<figcaption>{esc(captions[p.stem])} — <a href="{rel(p)}">PNG</a>'
        + (f' · <a href="{rel(p.with_suffix(".svg"))}">SVG</a>' if p.with_suffix(".svg").exists() else "")
        + "</figcaption></figure>" for p in pngs) or "<p>none</p>"
    from_tables = memo.get("csv rows", lambda: {p.name: _csv_rows(p, processed_dir) for p in csvs
                                                if _table_counted(p, processed_dir)})
    csv_rows = {p.name: from_tables[p.name] if p.name in from_tables and _table_counted(p, processed_dir)
                else memo.file_rows(p, lambda p=p: _csv_rows(p)) for p in csvs}
    table_items = "\n".join(
        f'<li><a href="{rel(p)}">{esc(p.name)}</a> ({csv_rows[p.name]} rows)</li>' for p in csvs) or "<li>none</li>"
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{CSP_META}
<title>warclaims reports</title>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}}
figure{{display:inline-block;width:360px;margin:0 1em 1em 0;vertical-align:top}} th{{text-align:left;padding-right:1em;vertical-align:top}}
pre{{margin:0;white-space:pre-wrap}} table{{border-collapse:collapse}} td,th{{border-bottom:1px solid #ddd}} {NAV_CSS}</style>
</head><body>
{nav_bar([p.stem for p in reports])}
<h1>warclaims reports</h1>
<p>Run: {esc(_run_date(summary))} — status {esc(str(summary.get("status", "unknown")))}</p>
{corpus}
{_changes_link(reports_dir)}
<h2>Reports</h2><ul>
{items}
</ul>
<h2>Figures</h2>
{figures}
<h2>Tables (CSV)</h2><ul>
{table_items}
</ul>
<h2>Run</h2>
<table>
{_summary_rows(summary)}
</table>
{run_json}
</body></html>
"""
    out = reports_dir / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    memo.save()
    return out


def export_data(processed_dir: str | Path, reports_dir: str | Path, pages: list[str], csv_done=()) -> None:
    """The tables as CSV, the SQLite file for Datasette and the claims explorer (its navigation bar: ``pages``).
    ``csv_done``: tables whose CSV was already written from the table as it is now (the runner's reports ahead)."""
    reports_dir = Path(reports_dir)
    export_tables_csv(processed_dir, reports_dir / "tables", tuple(n for n in CSV_TABLES if n not in set(csv_done)))
    from helpers.run.sqlite_export import export as export_sqlite
    export_sqlite(processed_dir, reports_dir)  # reports/warclaims.sqlite + metadata.json for Datasette (make explore)
    from helpers.core import tables

    if tables.table_path("claims", processed_dir).exists():
        from helpers.run.explorer import build_explorer
        build_explorer(processed_dir, reports_dir, nav=nav_bar(pages, current="explorer"))


def build_reports(reports_dir: str | Path, executed_notebooks: list[Path], run_summary: dict,
                  show_code: bool = False, processed_dir: str | Path | None = None,
                  data_exports: bool = True, table_keys: dict | None = None) -> Path:
    """Export every executed notebook to HTML, the tables to CSV, and write the index.

    A notebook that fails to export is reported in the index (``report_errors``)
    and does not stop the others. Returns the path of ``index.html``. ``data_exports=False`` keeps the CSV files,
    the SQLite export and the explorer as they are (the runner passes it when the tables did not change);
    ``table_keys`` (the tables' hashes) lets the index reuse what it read from the same tables last time.
    """
    reports_dir = Path(reports_dir)
    summary = dict(run_summary or {})
    processed = paths.resolve(processed_dir or summary.get("processed_dir"), paths.PROCESSED_DIR)
    errors = {}
    notebooks = sorted(Path(p) for p in executed_notebooks)
    pages = [nb.stem for nb in notebooks]
    for nb in notebooks:
        try:
            export_notebook_html(nb, reports_dir / "html", show_code=show_code, pages=pages)
        except Exception as exc:  # one broken notebook must not lose the other reports
            errors[nb.name] = f"{type(exc).__name__}: {exc}"
    if data_exports:
        export_data(processed, reports_dir, pages)
    if errors:
        summary["report_errors"] = errors
    return build_index(reports_dir, summary, processed_dir=processed, table_keys=table_keys)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.run.reports", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="rebuild HTML reports, CSVs and index from reports/executed/")
    build.add_argument("--reports-dir", default=None)
    build.add_argument("--processed-dir", default=None)
    build.add_argument("--show-code", action="store_true", help="include the notebooks' code in the HTML")
    args = parser.parse_args(argv)
    reports_dir = paths.resolve(args.reports_dir, paths.REPORTS_DIR)
    executed = sorted((reports_dir / "executed").glob("*.ipynb"))
    run_json = reports_dir / "run.json"
    summary = json.loads(run_json.read_text(encoding="utf-8")) if run_json.exists() else {}
    index = build_reports(reports_dir, executed, summary, show_code=args.show_code, processed_dir=args.processed_dir)
    print(f"{len(executed)} notebook(s) exported; index: {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
