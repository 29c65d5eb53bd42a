"""Stage 07 — the claims ledger: ``topics`` (what a claim counts, which country) and ``build``
(``claims_ledger`` and ``claim_links``); rules in ``rules/`` (README there).

Entry point: :func:`run` (claims, entities, articles, saved parses, optional dates and article
metadata → ``claims_ledger``, ``claim_links``, ``reference_checks`` against the General Staff series of
the ``moskali`` package)."""

from helpers.core.spec import DOCS_FILE, StageSpec

STAGES = (
    StageSpec("07", "ledger", "Claims ledger", reads=("claims", "entities", "articles", DOCS_FILE), optional=("dates", "article_metadata"), writes=("claims_ledger", "claim_links", "reference_checks"),
              warm=("helpers.ledger.build", "helpers.ledger.reference", "helpers.rewrites.inference",
                    "helpers.text.components:build_pipeline", "helpers.geo.gazetteer:load")),
)


def run(claims, entities, articles, dates=None, metadata=None, docs=None) -> "StageResult":
    """Both tables of notebook 07. ``docs``: the article parses of ``docs.spacy`` (notebook 02; lazy ones from
    ``doccache.lazy_docs`` are built only for articles whose topics are not in the per-article cache),
    used for the owner rules of the topics; without them (None) claims get owners only from the
    story context rules. ``metadata`` (article_metadata) gives article dates and outlets, stated
    else inherited; without it the articles' own stated values are used."""
    from helpers.ledger import build, reference  # imported here: the package init stays light
    from helpers.core.stage import StageResult
    from helpers.rewrites import inference

    if metadata is None:
        metadata = inference.infer_metadata(articles, build.schemas.ARTICLE_PAIRS.empty())
    topic_of = build.topic_table(claims, docs if docs is not None else [], entities, cache=True)
    ledger = build.claims_ledger(claims, topic_of, metadata, dates, articles)
    return StageResult({"claims_ledger": ledger, "claim_links": build.claim_links(ledger),
                        "reference_checks": reference.reference_checks(ledger)})
