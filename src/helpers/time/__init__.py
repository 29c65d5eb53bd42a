"""Stage 06 — dates and events: ``calendar`` date arithmetic · ``lexicon`` calendar words (``rules/``) ·
``expressions`` the time-expression grammar · ``tense`` · ``table`` the ``dates`` table · ``events`` the
``events`` table · ``stage`` the stage in one code path."""
