"""Stage 07 — the claims ledger: ``topics`` (what a claim counts, which country) and ``build``
(``claims_ledger`` and ``claim_links``); rules: ``rules/unit_classes.csv``."""
