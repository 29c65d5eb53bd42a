"""warclaims helpers: the code the numbered notebooks share, one subpackage per pipeline stage.

Each stage package declares its notebooks (``STAGES``) and one entry point ``run(...) -> StageResult``
(see :mod:`helpers.core.stage`); a stage imports only earlier ones, in this order:

``core``      paths, table schemas and markers, Parquet I/O, data dictionary, rules loader, progress, stage contract
              (with the one per-article guard and its result cache), display helpers, execution engine
``geo``       the offline gazetteer (the one source of country names, demonyms, distances)
``parse``     01: bytes → text, the reader registry (one entry per input format), outlets, the articles tables
``text``      02–03: spaCy components, the parsed-doc cache, sentences, entities, attribution, statements, claims
``places``    04: place mentions and their resolution against the gazetteer
``rewrites``  05: article pairs, sentence alignment, inherited metadata
``time``      06: calendar, date grammar, tense, dates and events
``ledger``    07: claim topics, the claims ledger and claim links
``figures``   08–11: map, timeline, claims chart, reference chart, rewrite comparison, events chart (``figures.run``)
``run``       the papermill pipeline CLI, incremental runs, stage registry, notebook maintenance, HTML reports,
              claims explorer, Datasette export, change report

``helpers.pipeline`` is the CLI's stable address (``python -m helpers.pipeline run …``).
"""

__version__ = "0.1.0"
