"""Figures for the end of the pipeline (notebooks 08–11).

Each figure module has a pure *data-preparation* function (tables in, a small
DataFrame out — what the tests check) and a *plotting* function (that frame
in, a matplotlib Figure out). Every figure is drawn with :mod:`.style` and
saved with :func:`.style.save_figure` (PNG with deterministic bytes + SVG).

- ``style``        sizes, colours, deterministic saving, empty-input figures
- ``labels``       greedy non-colliding label placement
- ``basemap``      offline Natural Earth country outlines
- ``map``          places as points on the base map, with insets
- ``timeline``     dated events (day = point, week/month = span)
- ``ledger_chart`` claimed figures side by side per topic
- ``reference_chart`` claimed losses against the General Staff series over time
- ``rewrite_view`` an original's sentences marked kept / changed / dropped
- ``captions``     human captions for the figure files (the index page)
- ``stage``        the stage entry point: :func:`run` makes and saves the figures a notebook declares
"""

from helpers.core.spec import StageSpec

STAGES = (
    StageSpec("08", "figures", "Map of places", reads=("places", "events", "articles"),
              warm=("helpers.figures.stage", "helpers.figures.basemap:countries")),
    StageSpec("09", "figures", "Timeline of events", reads=("events", "articles"),
              warm=("helpers.figures.stage",)),
    StageSpec("10", "figures", "Claims chart", reads=("claims_ledger", "articles"), optional=("reference_checks",),
              warm=("helpers.figures.stage",)),
    StageSpec("11", "figures", "Rewrite comparison", reads=("article_pairs", "sentence_alignment", "articles"),
              warm=("helpers.figures.stage",)),
)


def run(notebook: str, inputs, figures_dir):
    """The stage entry point (:func:`helpers.figures.stage.run`): the figures of notebook 08–11."""
    from helpers.figures.stage import run as _run
    return _run(notebook, inputs, figures_dir)


def read_inputs(notebook: str, processed_dir):
    """The tables a figures notebook reads (:func:`helpers.figures.stage.read_inputs`)."""
    from helpers.figures.stage import read_inputs as _read
    return _read(notebook, processed_dir)
