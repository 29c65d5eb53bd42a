"""One style for every figure: fixed size and dpi, colours, deterministic files.

Byte-stable output: PNGs are written without the ``Software`` text chunk
(matplotlib adds no timestamp to PNGs), SVGs without ``Date``/``Creator`` and
with a fixed ``svg.hashsalt`` so clip-path ids do not change between runs.
Fonts are matplotlib's bundled DejaVu Sans, so the machine's fonts do not
change the pixels. Figures are built on their own Agg canvas, never through
pyplot, so importing this module does not change a notebook's backend.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers.core import schemas
from helpers.core.display import article_label, is_missing, shorten  # noqa: F401 (shorten: used by every figure)

DPI = 150
SIZES = {  # inches (width, height); fixed per figure kind
    "map": (12.0, 8.0),
    "timeline": (12.0, 9.0),
    "ledger": (12.0, 9.0),
    "rewrite": (11.0, 9.0),
    "summary": (11.0, 6.0),
}

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "svg.hashsalt": "warclaims",
    "svg.fonttype": "path",
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "path.simplify": True,
    # text from the data (titles, outlets, claimants, labels) is never mathtext: "$5bn … $6bn" stays as written
    "text.parse_math": False,
}

# Colour-blind-safe (Okabe–Ito + greys), one per event type in contract order.
_PALETTE = ("#0072B2", "#D55E00", "#E69F00", "#CC79A7", "#56B4E9", "#009E73", "#F0E442", "#999999")
EVENT_COLOURS: dict[str, str] = dict(zip(schemas.EVENT_TYPES, _PALETTE))
NO_EVENT = "no event"
EVENT_COLOURS[NO_EVENT] = "#BBBBBB"

STATUS_COLOURS = {"kept": "#009E73", "changed": "#E69F00", "dropped": "#D55E00", "added": "#56B4E9"}

PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None}


@contextlib.contextmanager
def styled():
    """Context in which every figure of the project is built."""
    with matplotlib.rc_context(RC):
        yield


def new_figure(kind: str, height: float | None = None) -> Figure:
    """A figure of the fixed size for ``kind`` (not registered with pyplot); ``height`` (inches) overrides the
    kind's height for figures whose rows decide it (a chart of one bar is not drawn in a frame meant for 25)."""
    if kind not in SIZES:
        raise ValueError(f"unknown figure kind {kind!r}; known: {', '.join(SIZES)}")
    width, default = SIZES[kind]
    with styled():
        fig = Figure(figsize=(width, height or default), dpi=DPI)
    FigureCanvasAgg(fig)  # gives the figure a renderer (label placement measures text)
    return fig


def empty_figure(kind: str, title: str, message: str) -> Figure:
    """A figure that says why there is nothing to show (instead of crashing)."""
    with styled():
        fig = new_figure(kind)
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.set_title(title, loc="left")
        ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=14, color="#555555",
                transform=ax.transAxes)
    return fig


def add_source_line(fig: Figure, text: str) -> None:
    """A small grey line at the bottom left naming the data's sources."""
    with styled():
        fig.text(0.01, 0.005, shorten(text, 230), ha="left", va="bottom", fontsize=7, color="#555555")


def present(value) -> str | None:
    """``value`` as a non-empty string, or None for None / NaN / NA / blank."""
    return None if is_missing(value) else str(value).strip()


def save_figure(fig: Figure, figures_dir: str | Path, stem: str) -> dict[str, Path]:
    """Write ``stem.png`` and ``stem.svg`` into ``figures_dir``; byte-stable across runs."""
    if not stem or "/" in stem or "\\" in stem:
        raise ValueError(f"figure name must be a plain file stem, got {stem!r}")
    out = Path(figures_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {"png": out / f"{stem}.png", "svg": out / f"{stem}.svg"}
    with styled():
        fig.savefig(paths["png"], format="png", dpi=DPI, metadata=PNG_METADATA)
        fig.savefig(paths["svg"], format="svg", metadata=SVG_METADATA)
    return paths


def show(fig: Figure):
    """The figure as a PNG for a notebook cell (``Image``): shown the same in JupyterLab, papermill and HTML,
    without the ``<Figure size …>`` text a bare ``fig`` leaves in the output."""
    import io

    from IPython.display import Image

    buf = io.BytesIO()
    with styled():
        fig.savefig(buf, format="png", dpi=DPI, metadata=PNG_METADATA)
    return Image(data=buf.getvalue())


def sources_text(articles, article_ids, max_named: int = 3) -> str:
    """"Sources: …" naming the articles a figure draws on (titles and outlets when few)."""
    ids = sorted({str(a) for a in article_ids if a is not None})
    if not ids:
        return "Sources: none"
    rows = {}
    if articles is not None and len(articles):
        sub = articles[articles["article_id"].isin(ids)]
        rows = {r.article_id: r for r in sub.itertuples(index=False)}
    if len(ids) <= max_named:
        named = []
        for aid in ids:
            r = rows.get(aid)
            if r is None:
                named.append(aid)
                continue
            bits = [b for b in (present(getattr(r, "outlet", None)), present(getattr(r, "published", None))) if b]
            title = article_label(getattr(r, "title", None), getattr(r, "text", None), 70) or aid
            named.append(f"“{title}”" + (f" ({', '.join(map(str, bits))})" if bits else ""))
        return "Sources: " + "; ".join(named)
    outlets, countries = {}, {}
    for aid in ids:
        r = rows.get(aid)
        name = present(getattr(r, "outlet", None)) if r is not None else None
        country = present(getattr(r, "outlet_country", None)) if r is not None else None
        if name:
            outlets[name] = outlets.get(name, 0) + 1
        if country:
            countries[country] = countries.get(country, 0) + 1

    def top(counts):
        return ", ".join(f"{k} ({n})" for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6])

    parts = []
    if outlets:
        parts.append(f"{sum(outlets.values())} from {len(outlets)} named outlets, most from {top(outlets)}")
    if countries:
        parts.append(f"outlet countries {top(countries)}")
    return f"Sources: {len(ids)} articles" + (" — " + "; ".join(parts) if parts else "")


def article_names(articles, width: int = 60) -> dict[str, str]:
    """article_id → "Outlet: title" (shortened; an untitled article's first words), for labels that name articles."""
    if articles is None or len(articles) == 0:
        return {}
    out = {}
    for r in articles.itertuples(index=False):
        title = article_label(getattr(r, "title", None), getattr(r, "text", None), width) or r.article_id
        outlet = present(getattr(r, "outlet", None))
        out[r.article_id] = shorten(f"{outlet}: {title}" if outlet else title, width)
    return out


def digest(path: str | Path) -> str:
    """First 16 hex digits of the file's SHA-256: printed by the notebooks so nbval (which skips
    images) still checks that a re-run draws the same figure byte for byte."""
    import hashlib

    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
