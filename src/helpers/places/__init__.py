"""Stage 04 — toponym detection and resolution into the ``places`` table (``toponyms``), against the
gazetteer in :mod:`helpers.geo`."""

from helpers.core.spec import DOCS_FILE, StageSpec

STAGES = (
    StageSpec("04", "places", "Places", reads=("articles", "sentences", DOCS_FILE), writes=("places",),
              warm=("helpers.places.toponyms", "helpers.text.components:build_pipeline", "helpers.geo.gazetteer:load")),
)


def run(docs, sentences=None, gaz=None, articles=None) -> "StageResult":
    """Notebook 04: the ``places`` table for the parsed ``docs``; articles that failed are in ``errors``.
    ``articles`` gives each article's outlet country, context for namesakes (without it, none is used)."""
    from helpers.places.toponyms import places_table
    from helpers.core.stage import StageResult

    errors: list[tuple[str, str]] = []
    table = places_table(docs, sentences=sentences, gaz=gaz, errors=errors, articles=articles)
    return StageResult({"places": table}, errors)
