"""The figures stage in one code path: :func:`run` makes and saves the figures a notebook (08–11) declares.

A notebook reads its inputs with :func:`read_inputs`, calls ``run(notebook, inputs, figures_dir)`` and shows what
came back: the prepared frames (``result.frames``, what the tests check and the notebook previews) and the saved
figures (``result.show(name)``: the PNG, or the sentence saying why nothing was drawn). The figures stage writes
no table, so ``result.tables`` is empty; its files are listed in ``result.figures``.
"""
from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

import pandas as pd

from helpers.core import artcache, schemas, tables as table_io
from helpers.core.stage import StageResult, StageSpec
from helpers.figures import basemap, events_chart, ledger_chart, reference_chart, rewrite_view, style, timeline
from helpers.figures import map as place_map


@dataclass
class FigureResult(StageResult):
    """What a figures notebook made: prepared frames, saved figure files, messages for figures not drawn."""
    frames: dict[str, object] = field(default_factory=dict)        # name -> DataFrame (or small object)
    figures: dict[str, dict[str, Path]] = field(default_factory=dict)  # name -> {"png": path, "svg": path}
    messages: dict[str, str] = field(default_factory=dict)         # name -> why the figure was not drawn

    def show(self, name: str):
        """The saved PNG of figure ``name`` for a notebook cell, or the sentence saying why there is none."""
        from IPython.display import Image, Markdown

        if name in self.figures:
            return Image(filename=self.figures[name]["png"])
        return Markdown(self.messages.get(name, f"No figure {name!r}."))


def _spec(notebook: str) -> StageSpec:
    from helpers.figures import STAGES

    for s in STAGES:
        if s.notebook == str(notebook)[:2]:
            return s
    raise KeyError(f"no figures notebook {notebook!r}; known: {', '.join(s.notebook for s in STAGES)}")


def read_inputs(notebook: str, processed_dir: str | Path) -> dict[str, pd.DataFrame]:
    """The tables notebook ``notebook`` reads (its optional ones only when present), by name."""
    spec = _spec(notebook)
    names = list(spec.reads) + [n for n in spec.optional if table_io.table_path(n, processed_dir).exists()]
    return {n: table_io.read_table(n, processed_dir) for n in names}


def _drawn(figures_dir, stem: str, make: Callable[[], list[Path]], *inputs) -> list[Path]:
    """The files ``make()`` writes into ``figures_dir`` (e.g. a figure's PNG and SVG), or the same bytes from the
    figure cache when the same code drew them from equal ``inputs`` before.

    The key is the SHA-256 of ``stem`` (each stem is drawn by one function), the matplotlib version and the pickled
    inputs (frames, labels, source line), in the per-article cache's folder for this code version
    (:mod:`helpers.core.artcache`), which changes with any ``helpers`` code or rules file: a rebuild
    whose figure data did not change copies the saved files instead of drawing again. Inputs that pickle
    differently (a set's order) only cost a redraw; equal pickles are equal data, so a hit is the same figure."""
    import matplotlib

    cache = artcache.for_stage("figures")
    key = None
    if cache is not None:
        try:
            blob = pickle.dumps(inputs, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # an input that does not pickle: drawn every time
            blob = None
        if blob is not None:
            key = artcache.input_key("figures", stem, matplotlib.__version__, hashlib.sha256(blob).hexdigest())
            hit, saved = cache.get(key)
            if hit:
                out = Path(figures_dir)
                out.mkdir(parents=True, exist_ok=True)
                for name, data in saved:
                    (out / name).write_bytes(data)
                return [out / name for name, _ in saved]
    files = make()
    if key is not None:
        cache.put(key, [(f.name, f.read_bytes()) for f in files])
    return files


def _save(result: FigureResult, figures_dir, name: str, plot: Callable, *args, depends_on=(), **kwargs) -> None:
    """Figure ``name``: ``plot(*args, **kwargs)`` saved as PNG and SVG (or the cached files, see :func:`_drawn`;
    ``depends_on``: what else the drawing reads, e.g. the basemap's source)."""
    def make():
        return list(style.save_figure(plot(*args, **kwargs), figures_dir, name).values())

    png, svg = _drawn(figures_dir, name, make, args, kwargs, depends_on)
    result.figures[name] = {"png": png, "svg": svg}


def _map(t: Mapping[str, pd.DataFrame], figures_dir, result: FigureResult) -> None:
    places, articles = t["places"], t["articles"]
    points = place_map.prepare_map_points(places, t["events"])
    result.frames.update(points=points, panels=place_map.plan_panels(points))
    used = schemas.story_places(places).dropna(subset=["latitude", "longitude"])
    _save(result, figures_dir, "map", place_map.plot_map,
          points, countries=place_map.country_mentions(places), source_line=style.sources_text(articles, used["article_id"]),
          depends_on=(basemap.source_description(), basemap.available_sources()))


def _timeline(t: Mapping[str, pd.DataFrame], figures_dir, result: FigureResult) -> None:
    articles = t["articles"]
    rows = timeline.prepare_timeline(t["events"], articles)
    result.frames["rows"] = rows
    _save(result, figures_dir, "timeline", timeline.plot_timeline,
          rows, source_line=style.sources_text(articles, rows["article_id"]))
    counts = events_chart.event_type_counts(t["events"])  # drawn here, not in 06: off the table notebooks' path
    result.frames["event_types"] = counts
    _save(result, figures_dir, "events_by_type", events_chart.plot_event_types, counts)


def _ledger(t: Mapping[str, pd.DataFrame], figures_dir, result: FigureResult) -> None:
    from helpers.ledger import reference

    articles, checks = t["articles"], t.get("reference_checks")
    rows = ledger_chart.prepare_ledger(t["claims_ledger"], checks=checks)
    result.frames["rows"] = rows
    _save(result, figures_dir, "claims_ledger", ledger_chart.plot_ledger,
          rows, source_line=style.sources_text(articles, rows["article_id"]))
    points, lines = reference_chart.prepare_reference(checks, reference.series(), reference.series_keys())
    result.frames.update(reference_points=points, reference_lines=lines)
    _save(result, figures_dir, "reference_series", reference_chart.plot_reference,
          points, lines, source_line="Series: Ukrainian General Staff via moskali; "
          + style.sources_text(articles, points["claim_id"].str.split("-").str[0]))


PAIR_FIGURES = 3  # the closest pairs saved as figures of their own


def _rewrite(t: Mapping[str, pd.DataFrame], figures_dir, result: FigureResult) -> None:
    pairs, alignment, articles = t["article_pairs"], t["sentence_alignment"], t["articles"]
    rows = rewrite_view.prepare_rewrite(alignment, pairs)
    summary = rewrite_view.rewrite_summary(rows, alignment, pairs)
    result.frames.update(rows=rows, summary=summary)
    names = style.article_names(articles)
    if summary.empty:  # no pairs: say so instead of drawing an empty chart
        result.messages["rewrite_summary"] = "No rewrite pairs in this corpus."
    else:
        _save(result, figures_dir, "rewrite_summary", rewrite_view.plot_rewrite_summary,
              summary, names=names, source_line=style.sources_text(articles, rows["original"]),
              total=len(rewrite_view.rewrite_pairs(pairs)))

    # each closest pair's figure cached on its own inputs: a rebuild that adds a pair draws that pair alone
    pairs = rewrite_view.pair_figures(rows, summary, names=names, max_pairs=PAIR_FIGURES)
    for i, (stem, sub, kwargs) in enumerate(pairs, start=1):
        def make(stem=stem, sub=sub, kwargs=kwargs):
            return list(style.save_figure(rewrite_view.plot_rewrite_pair(sub, **kwargs), figures_dir, stem).values())

        png, svg = _drawn(figures_dir, stem, make, sub, kwargs)
        result.figures[f"rewrite_pair_{i}"] = {"png": png, "svg": svg}
    if not pairs:
        result.messages["rewrite_pair_1"] = "No rewrite or duplicate pairs in this corpus."
    # an earlier run's closest pairs (or summary) not drawn now: a rebuild that adds an article must leave the figures
    # a full run makes, and the index lists every PNG in the folder
    made = {path.name for files in result.figures.values() for path in files.values()}
    for old in sorted(Path(figures_dir).glob("rewrite_*")):
        if old.suffix in (".png", ".svg") and old.name not in made:
            old.unlink()


MAKERS: dict[str, Callable] = {"08": _map, "09": _timeline, "10": _ledger, "11": _rewrite}


def run(notebook: str, inputs: Mapping[str, pd.DataFrame], figures_dir: str | Path) -> FigureResult:
    """Make and save (PNG + SVG, byte-stable) the figures notebook ``notebook`` ("08".."11") declares.

    ``inputs`` maps table names to frames (:func:`read_inputs`); a declared input that is missing fails
    with a clear error.
    """
    spec = _spec(notebook)
    missing = [n for n in spec.reads if n not in inputs]
    if missing:
        raise ValueError(f"notebook {spec.notebook} ({spec.title}) needs tables {missing}")
    result = FigureResult({})
    MAKERS[spec.notebook](inputs, Path(figures_dir), result)
    return result
