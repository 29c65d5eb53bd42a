"""Stage 05 — which articles copy which: ``pairs`` (MinHash candidates, classification, direction),
``alignment`` (sentence alignment) and ``inference`` (metadata an article inherits from its source).

Entry point: :func:`run` (``articles``, ``sentences`` → ``article_pairs``, ``sentence_alignment``,
``article_metadata``)."""

from helpers.core.spec import StageSpec

STAGES = (
    StageSpec("05", "rewrites", "Article pairs and rewrites", reads=("articles", "sentences"), writes=("article_pairs", "sentence_alignment", "article_metadata"),
              warm=("helpers.rewrites.inference", "helpers.rewrites.pairs:warm")),
)


def run(articles, sentences) -> "StageResult":
    """The three tables of notebook 05: pairs, the sentence alignment of duplicates/rewrites, and the
    metadata each article states or inherits from its source."""
    from helpers.rewrites import inference, pairs  # imported here: the package init stays light
    from helpers.core.stage import StageResult

    article_pairs, sentence_alignment = pairs.find_pairs(articles, sentences, cache=True)
    return StageResult({"article_pairs": article_pairs, "sentence_alignment": sentence_alignment,
                        "article_metadata": inference.infer_metadata(articles, article_pairs)})
