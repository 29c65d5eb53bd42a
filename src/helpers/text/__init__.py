"""Stages 02–03 — spaCy parse and what is read from it: ``sentences``, ``entities``, ``statements``, ``claims``.

``components`` the spaCy pipeline and rule components · ``doccache`` model loading and the parsed-doc cache
(``docs.spacy``) · ``lexicon`` the word lists (``rules/``) · ``sentences`` · ``entities`` · ``attribution`` speaker tracking shared by statements and claims · ``statements`` ·
``claims`` · ``stage`` the entry points ``run_parse`` (02) and ``run_attribution`` (03)."""

from helpers.core.spec import DOCS_FILE, StageSpec

STAGES = (
    StageSpec("02", "text", "Sentences and entities", reads=("articles",), writes=("sentences", "entities", DOCS_FILE),
              warm=("helpers.text.stage", "helpers.text.components:build_pipeline", "helpers.geo.gazetteer:load")),
    StageSpec("03", "text", "Statements and claims", reads=("articles", "sentences", "entities", DOCS_FILE), writes=("statements", "claims", "claim_rejections"),
              warm=("helpers.text.stage", "helpers.text.components:build_pipeline", "helpers.geo.gazetteer:load",
                    "helpers.text.attribution:_first_names")),
)


def run_parse(*args, **kwargs):
    """Notebook 02 (see :func:`helpers.text.stage.run_parse`)."""
    from helpers.text.stage import run_parse as _run
    return _run(*args, **kwargs)


def run_attribution(*args, **kwargs):
    """Notebook 03 (see :func:`helpers.text.stage.run_attribution`)."""
    from helpers.text.stage import run_attribution as _run
    return _run(*args, **kwargs)
