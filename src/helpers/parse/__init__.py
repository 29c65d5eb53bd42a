"""Stage 01 — raw files to the ``articles``, ``parse_errors`` and ``duplicates`` tables.

``textio`` bytes to text · ``formats`` the input-format registry (``rules/formats.json``) · ``readers``
one reader per input format · ``outlets`` outlet names (rules: ``rules/outlets.csv``) · ``articles`` the
stage itself; :func:`run` is its entry point."""

from helpers.core.spec import StageSpec

STAGES = (
    StageSpec("01", "parse", "Parse articles", reads=(), writes=("articles", "parse_errors", "duplicates")),
)


def run(raw_dir):
    """Stage 01 entry point: see :func:`helpers.parse.articles.run`."""
    from helpers.parse import articles
    return articles.run(raw_dir)


def hash_inputs(raw_dir):
    """Guarded per-file SHA-256 of the raw inputs: see :func:`helpers.parse.inputs.hash_inputs` (no pandas)."""
    from helpers.parse import inputs
    return inputs.hash_inputs(raw_dir)
