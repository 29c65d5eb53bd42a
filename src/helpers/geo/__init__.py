"""World knowledge below the stages: the offline gazetteer (``gazetteer``: places, countries, demonyms, name keys;
``python -m helpers.geo.gazetteer build``) and its rules files (feature words, transliteration skeletons).
Used by the text stage (entity fixes), places (04) and the ledger (07); imports only ``helpers.core``."""
