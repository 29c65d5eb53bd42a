"""Stage 04 — toponym detection and resolution into the ``places`` table (``toponyms``), against the
gazetteer in :mod:`helpers.geo`."""

from helpers.core.stage import DOCS_FILE, StageSpec

STAGES = (
    StageSpec("04", "places", "Places", reads=("articles", "sentences", DOCS_FILE), writes=("places",)),
)
