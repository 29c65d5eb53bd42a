"""Stage 07 — the claims ledger: ``topics`` (what a claim counts, which country) and ``build``
(``claims_ledger`` and ``claim_links``); rules: ``rules/unit_classes.csv``."""

from helpers.core.stage import StageSpec

STAGES = (
    StageSpec("07", "ledger", "Claims ledger", reads=("claims", "entities", "articles"), optional=("dates", "article_metadata"), writes=("claims_ledger", "claim_links")),
)
