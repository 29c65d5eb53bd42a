"""Stage 05 — which articles copy which: ``pairs`` (MinHash candidates, classification, direction),
``alignment`` (sentence alignment) and ``inference`` (metadata an article inherits from its source)."""

from helpers.core.stage import StageSpec

STAGES = (
    StageSpec("05", "rewrites", "Article pairs and rewrites", reads=("articles", "sentences"), writes=("article_pairs", "sentence_alignment", "article_metadata")),
)
