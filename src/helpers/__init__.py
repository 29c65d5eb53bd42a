"""warclaims helpers: the code the numbered notebooks share.

Modules, one responsibility each, by pipeline stage:

Foundation
    ``paths`` project directories · ``schemas`` table contracts · ``tables`` validated Parquet I/O ·
    ``datadict`` README data dictionary · ``progress`` progress bars · ``pipeline`` the papermill CLI ·
    ``notebooks`` re-executing the committed notebooks
Parsing (01)
    ``textio`` bytes → text · ``readers`` tagged/text/HTML/CSV/JSONL readers · ``outlets`` outlet names ·
    ``articles`` the articles / parse_errors / duplicates tables
Text (02–03)
    ``docs`` model loading and the parsed-doc cache · ``nlp`` the spaCy pipeline and rule components ·
    ``lexicons`` word lists · ``sentences`` · ``entities`` · ``statements`` · ``claims`` ·
    ``stage`` run_parse (02) and run_attribution (03)
Places (04)
    ``gazetteer`` offline gazetteer index · ``places`` detection and disambiguation
Across articles (05, 07)
    ``pairs`` · ``alignment`` · ``inference`` inferred metadata · ``topics`` claim topics · ``ledger``
Dates and events (06)
    ``date_lexicon`` · ``date_calendar`` · ``tense`` · ``dates`` · ``dates_table`` · ``events`` ·
    ``events_chart`` · ``article_rows`` per-article failure isolation · ``dates_events_stage``
Figures and reports (08–11)
    ``figures`` (style, basemap, labels, map, timeline, ledger_chart, rewrite_view) · ``reports`` HTML/CSV/index
"""

__version__ = "0.1.0"
