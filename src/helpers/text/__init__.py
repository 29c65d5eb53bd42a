"""Stages 02–03 — spaCy parse and what is read from it: ``sentences``, ``entities``, ``statements``, ``claims``.

``components`` the spaCy pipeline and rule components · ``doccache`` model loading and the parsed-doc cache
(``docs.spacy``) · ``lexicon`` the word lists (``rules/``) · ``sentences`` · ``entities`` · ``statements`` ·
``claims`` · ``stage`` the stage in one code path."""

from helpers.core.stage import DOCS_FILE, StageSpec

STAGES = (
    StageSpec("02", "text", "Sentences and entities", reads=("articles",), writes=("sentences", "entities", DOCS_FILE)),
    StageSpec("03", "text", "Statements and claims", reads=("articles", "sentences", "entities", DOCS_FILE), writes=("statements", "claims")),
)
