"""Stage 01 — raw files to the ``articles``, ``parse_errors`` and ``duplicates`` tables.

``textio`` bytes to text · ``readers`` one reader per input format · ``outlets`` outlet names
(rules: ``rules/outlets.csv``) · ``articles`` the stage itself."""

from helpers.core.stage import StageSpec

STAGES = (
    StageSpec("01", "parse", "Parse articles", reads=(), writes=("articles", "parse_errors", "duplicates")),
)
