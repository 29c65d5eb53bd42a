"""World knowledge below the stages: the offline gazetteer (``gazetteer``: places, countries, demonyms, name keys;
``python -m helpers.geo.gazetteer build``), its rules files (feature words, transliteration skeletons) and the
offline country outlines (``outlines``: Natural Earth, the map's base map and the gazetteer's country points).
Used by the text stage (entity fixes), places (04), the ledger (07) and the figures (08); imports only
``helpers.core``."""
