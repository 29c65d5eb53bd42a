"""Stage 06 — dates and events: ``calendar`` date arithmetic · ``lexicon`` calendar words (``rules/``) ·
``expressions`` the time-expression grammar · ``tense`` · ``table`` the ``dates`` table · ``events`` the
``events`` table · ``stage`` the stage in one code path."""

from helpers.core.spec import DOCS_FILE, StageSpec

STAGES = (
    StageSpec("06", "time", "Dates and events", reads=("articles", "sentences", "entities", DOCS_FILE), optional=("places", "article_metadata"), writes=("dates", "events"),
              warm=("helpers.time.stage", "helpers.text.components:build_pipeline", "helpers.geo.gazetteer:load")),
)


def run(*args, **kwargs):
    """The stage entry point (:func:`helpers.time.stage.run`)."""
    from helpers.time.stage import run as _run
    return _run(*args, **kwargs)
