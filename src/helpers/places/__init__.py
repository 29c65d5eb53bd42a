"""Stage 04 — toponym detection and resolution into the ``places`` table (``toponyms``), against the
gazetteer in :mod:`helpers.geo`."""
