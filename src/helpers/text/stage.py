"""The text stage's two entry points (notebooks 02 and 03), parsing each article once.

- :func:`run_parse` (02): ``articles`` -> parsed docs (``nlp.pipe`` in batches; each doc carries
  ``doc.user_data["article_id"]``) -> ``sentences`` and ``entities`` plus the ``docs.spacy`` cache
  (``result.extra["docbin"]``). Entities get one corpus-wide canonical name.
- :func:`run_attribution` (03): the saved docs, ``sentences`` and ``entities`` -> ``statements`` and
  ``claims``. Sentences and entities are read, never recomputed.

Per-article work goes through :func:`helpers.core.stage.per_article` (one bad article is reported, the
others kept). :func:`extract_article` reads every row of one parsed doc (tests, benchmarks).
"""
from __future__ import annotations

import bisect
import gc
import itertools
import logging
import multiprocessing
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa

import pandas as pd
from spacy.tokens import Doc

from helpers.core import engine, schemas
from helpers.core.progress import progress
from helpers.core.tokens import doc_text
from helpers.core.stage import (CHUNK, ArticleRows, StageResult, by_article_in_table_order, doc_article_id, doc_text_key,
                                loaded, per_article, row_digest, rows_by_article)
from helpers.text import doccache
from helpers.text.claims import extract_claims
from helpers.text.components import build_pipeline
from helpers.text import entities as _entities
from helpers.text.entities import (article_entities, canonical_map_from_labels, count_labels, entity_frame_rows,
                                   org_group_key, rows_from_table)
from helpers.text.sentences import SentenceIndex, extract_sentences, paragraph_starts
from helpers.text.attribution import EntityLookup, SpeakerTracker
from helpers.text.statements import extract_statements

log = logging.getLogger(__name__)


def default_workers() -> int:
    """Processes for the parse: ``WARCLAIMS_WORKERS`` (set by ``pipeline run --workers``), else every core."""
    return engine.workers()


def _require_columns(articles: pd.DataFrame) -> None:
    if not {"article_id", "text"} <= set(articles.columns):
        raise ValueError("the text stage needs an articles table with 'article_id' and 'text' columns")


def parse_articles(articles: pd.DataFrame, batch_size: int = 16, max_length: int | None = None,
                   workers: int | None = None, cache: bool = True) -> Iterator[Doc]:
    """Parse ``articles.text`` with the warclaims pipeline, in input order; each doc knows its ``article_id``.

    Texts parsed before by the same model and text-stage code come from the per-article parse cache
    (:func:`helpers.text.doccache.pipe_cached`); the rest are parsed on ``workers`` processes, or on the Dask
    cluster with the ``dask`` engine (:mod:`helpers.core.engine`). A text longer than ``max_length`` (default:
    the model's ``nlp.max_length``) is parsed in pieces cut at paragraph boundaries (:func:`pieces`) and the pieces
    joined into one doc whose text is the whole ``articles.text``, so every offset stays an offset into it.
    The docs are the same whatever the engine, ``workers`` and the cache.
    """
    _require_columns(articles)
    nlp = build_pipeline()
    pairs = zip(articles["text"].astype(str), articles["article_id"].astype(str))
    cache_dir = doccache.parse_cache_dir(nlp) if cache else None
    parse = _parser(nlp, batch_size, workers or default_workers(), max_length or nlp.max_length,
                    engine.current() == "dask")
    version = doccache.parse_version(nlp)
    for doc in doccache.pipe_cached(nlp, pairs, cache_dir=cache_dir, parse=parse):
        doc.user_data[doccache.PARSE_KEY] = version  # a saved doc is reused only by the same model and code
        yield doc


class ParsedArticle:
    """One article parsed by a worker of :func:`parse_in_workers`: its ``user_data`` (as a doc's), its saved form
    (:func:`helpers.text.doccache.doc_blob`, or None) and ``rows`` = ``(True, parse_rows(doc))`` or
    ``(False, the exception)`` — what notebook 02 keeps of a doc, so the doc itself never crosses processes."""
    __slots__ = ("user_data", "blob", "rows")

    def __init__(self, user_data: dict, blob: bytes | None, rows: tuple[bool, object]):
        self.user_data, self.blob, self.rows = user_data, blob, rows


_WORK: tuple | None = None  # (nlp, batch_size, limit, cache_dir, version, keep_docs), set before the fork


def _work_batch(batch: list[tuple[str, str]]) -> list[ParsedArticle]:
    """In a forked worker: parse ``(text, article_id)`` pairs, write their parse-cache entries, extract their rows."""
    nlp, batch_size, limit, cache_dir, version, keep_docs = _WORK
    out = []
    for doc, (text, aid) in zip(_parser(nlp, batch_size, 1, limit, False)([t for t, _ in batch]), batch):
        if cache_dir is not None:
            doccache.store_parse(cache_dir, text, doc)
        doccache.label_doc(doc, text, aid).user_data[doccache.PARSE_KEY] = version  # as parse_articles labels it
        try:
            rows = (True, parse_rows(doc, aid))
        except Exception as exc:  # reported by the per-article guard in the kernel, like an error there
            rows = (False, exc)
        meta = {k: doc.user_data[k] for k in ("article_id", doccache.TEXT_KEY, doccache.PARSE_KEY)}
        out.append(ParsedArticle(meta, doccache.doc_blob(doc) if keep_docs else None, rows))
    return out


def parse_in_workers(articles: pd.DataFrame, workers: int, batch_size: int = 16, max_length: int | None = None,
                     cache: bool = True, keep_docs: bool = True) -> Iterator[Doc | ParsedArticle]:
    """:func:`parse_articles` for notebook 02 on ``workers`` forked processes that also write each new parse to the
    parse cache and extract its rows and saved form (:class:`ParsedArticle`): no doc is serialized to be sent back
    and rebuilt, and the kernel only collects results while the workers keep parsing. Texts in the parse cache
    come from it as docs (:func:`helpers.text.doccache.pipe_cached`). Input order; the rows and DocBin are those of
    :func:`parse_articles` followed by :func:`parse_rows`."""
    global _WORK
    _require_columns(articles)
    nlp = build_pipeline()
    pairs = list(zip(articles["text"].astype(str), articles["article_id"].astype(str)))
    cache_dir = doccache.parse_cache_dir(nlp) if cache else None
    limit = max_length or nlp.max_length
    hit = [doccache.is_cached(cache_dir, text) for text, _ in pairs]
    todo = [p for p, h in zip(pairs, hit) if not h]
    cached = doccache.pipe_cached(nlp, [p for p, h in zip(pairs, hit) if h], cache_dir=cache_dir,
                                  parse=_parser(nlp, batch_size, 1, limit, False))  # a damaged entry: parsed here
    version = doccache.parse_version(nlp)
    _WORK = (nlp, batch_size, limit, cache_dir, version, keep_docs)
    gc.freeze()  # the workers' collector would touch (so copy) every inherited page
    batches = [todo[i:i + batch_size] for i in range(0, len(todo), batch_size)]
    try:
        with multiprocessing.get_context("fork").Pool(max(1, min(workers, len(batches)))) as pool:
            done = (a for got in pool.imap(_work_batch, batches) for a in got)
            for h in hit:
                if not h:
                    yield next(done)
                    continue
                doc = next(cached)
                doc.user_data[doccache.PARSE_KEY] = version
                yield doc
    finally:
        gc.unfreeze()
        _WORK = None


def _parser(nlp, batch_size: int, n_process: int, limit: int, use_dask: bool):
    """``parse(texts) -> docs``: pieces of over-long texts parsed and joined; locally or on the Dask cluster."""
    def parse(texts: list[str]) -> Iterator[Doc]:
        split = [pieces(text, limit) for text in texts]
        flat = [part for parts in split for part in parts]
        if use_dask:
            batches = (flat[i:i + batch_size] for i in range(0, len(flat), batch_size))
            docs = (Doc(nlp.vocab).from_bytes(b) for blobs in engine.map_ordered(parse_to_bytes, batches) for b in blobs)
        else:
            docs = nlp.pipe(flat, batch_size=batch_size, n_process=n_process if len(flat) > batch_size else 1)
        for parts in split:
            got = [next(docs) for _ in parts]
            yield got[0] if len(got) == 1 else Doc.from_docs(got, ensure_whitespace=False)
    return parse


def parse_to_bytes(texts: list[str]) -> list[bytes]:
    """Parse ``texts`` with the warclaims pipeline (built once per worker process); docs as bytes."""
    nlp = build_pipeline()
    return [doc.to_bytes(exclude=["user_data"]) for doc in nlp.pipe(texts, batch_size=16)]


def pieces(text: str, limit: int) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters whose concatenation is ``text``.

    Cuts fall at the last paragraph start that fits; a paragraph longer than ``limit`` is cut at its last
    line break, else its last space, else at ``limit``."""
    if len(text) <= limit:
        return [text]
    starts = paragraph_starts(text)
    out, lo = [], 0
    while len(text) - lo > limit:
        hi = lo + limit
        i = bisect.bisect_right(starts, hi) - 1
        cut = starts[i] if starts[i] > lo else max(text.rfind("\n", lo + 1, hi), text.rfind(" ", lo + 1, hi))
        cut = cut if cut > lo else hi
        out.append(text[lo:cut])
        lo = cut
    out.append(text[lo:])
    return out


def parse_rows(doc: Doc, article_id: str) -> tuple[list[dict], list[dict]]:
    """``sentences`` and ``entities`` rows of one parsed article (entity canonical names per article)."""
    sentences = extract_sentences(doc, article_id)
    index = SentenceIndex(sentences)
    return sentences, entity_frame_rows(article_entities(doc, article_id), index.sentence_id)


def _article_rows(item: Doc | ParsedArticle) -> tuple[list[dict], list[dict]]:
    """:func:`parse_rows` of a doc, or the rows a worker of :func:`parse_in_workers` extracted (its error raised)."""
    if not isinstance(item, ParsedArticle):
        return parse_rows(item, doc_article_id(item))
    ok, value = item.rows
    if not ok:
        raise value
    return value


def attribution_rows(doc: Doc, article_id: str, sentences: list[dict],
                     entities: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """``statements``, ``claims`` and ``claim_rejections`` rows of one parsed article from its sentence and entity rows."""
    index = SentenceIndex(sentences)
    statements = extract_statements(doc, article_id, entities, index.sentence_id)
    resolve = SpeakerTracker(EntityLookup(entities), doc_text(doc)).resolve_or_phrase
    rejections: list[dict] = []
    claims = extract_claims(doc, article_id, statements, sentences, resolve, rejections)
    return [{k: v for k, v in s.items() if not k.startswith("_")} for s in statements], claims, rejections


def extract_article(doc: Doc, article_id: str | None = None) -> dict[str, list[dict]]:
    """All rows of one parsed article (entity canonical names per article)."""
    aid = article_id or doc.user_data["article_id"]
    sentences, entities = parse_rows(doc, aid)
    statements, claims, rejections = attribution_rows(doc, aid, sentences, entities)
    return {"sentences": sentences, "entities": entities, "statements": statements, "claims": claims,
            "claim_rejections": rejections}


def run_parse(articles: pd.DataFrame, batch_size: int = 16, keep_docs: bool = True,
              max_length: int | None = None, workers: int | None = None, cache: bool = True,
              reuse: doccache.SavedDocs | None = None, save_to: str | Path | None = None) -> StageResult:
    """Notebook 02: parse every article once; ``sentences``, ``entities`` and (``extra["docbin"]``) the docs.

    The docs are written article by article to ``save_to/docs.spacy`` (a temporary file without ``save_to``) and
    ``extra["docbin"]`` is that file (:class:`helpers.text.doccache.SavedDocs`); the rows are kept as compact Arrow
    tables chunk by chunk, and the corpus-wide canonical names are set from label counts at the end — so memory does
    not grow with every parse or every row dict of the corpus.

    ``reuse``: the docs the previous run saved (:func:`helpers.text.doccache.read_docbin`). An article whose id, text
    and parse version are unchanged keeps its saved parse — copied into the new file as saved bytes, its doc built
    only if its rows are not in the per-article cache — so a rebuild after adding one article parses and
    deserializes that one. With ``cache=False`` nothing is reused. The tables and docs are the same either way.
    """
    _require_columns(articles)
    ids, texts = articles["article_id"].astype(str).tolist(), articles["text"].astype(str).tolist()
    saved = doccache.saved_parses(reuse, build_pipeline()) if cache and reuse is not None else {}
    reused = [saved.get((aid, doccache.text_sha256(text))) for aid, text in zip(ids, texts)]
    target = None
    if keep_docs:
        target = doccache.docs_path(save_to) if save_to is not None else doccache.temporary_docs_path()
    writer = doccache.DocsWriter(target) if target is not None else None
    todo, n_process = articles[[i is None for i in reused]], workers or default_workers()
    if n_process > 1 and engine.current() != "dask" and len(todo) > batch_size:
        parsed = parse_in_workers(todo, n_process, batch_size=batch_size, max_length=max_length, cache=cache,
                                  keep_docs=writer is not None)
    else:
        parsed = parse_articles(todo, batch_size=batch_size, max_length=max_length, workers=n_process, cache=cache)

    def items() -> Iterator[Doc | doccache.LazyDoc | ParsedArticle]:
        for i in reused:
            doc = next(parsed) if i is None else doccache.LazyDoc(reuse, i, build_pipeline().vocab)
            if writer is not None and i is not None:
                writer.add_blob(reuse.blob(i), reuse.user_data(i))
            elif writer is not None and isinstance(doc, ParsedArticle):
                writer.add_blob(doc.blob, doc.user_data)
                doc.blob = None
            elif writer is not None:
                writer.add(loaded(doc))
            yield doc

    # one iterator, taken CHUNK at a time: islice over a tqdm bar itself would start a new pass each time, and a
    # bar's pass ends the bar (a third chunk came out empty when bars were shown: interactive use, tests)
    docs = iter(progress(items(), desc="parse", total=len(articles), unit="article"))
    inputs = (lambda d: (doc_text_key(d), None)) if cache else None
    sentences, entities, labels, errors = [], [], {}, []
    try:
        while chunk := list(itertools.islice(docs, CHUNK)):
            done, failed = per_article(chunk, doc_article_id, _article_rows, "02 text", inputs=inputs,
                                       parallel=False)  # the parse itself runs on the workers; its rows are cheap
            errors += failed
            sentences.append(_table([r for _, (s, _) in done for r in s], "sentences"))
            rows = [r for _, (_, e) in done for r in e]
            count_labels(labels, rows)
            entities.append(_table(rows, "entities"))
            del chunk, done, rows
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    extra = {"docbin": doccache.SavedDocs(writer.close().path, temporary=save_to is None)} if writer else {}
    mapping = canonical_map_from_labels(labels, memo=cache)
    sentences_df = _concat(sentences, "sentences")
    entities_df = _concat(entities, "entities")
    apply_canonical_map(entities_df, mapping, labels)
    return StageResult({"sentences": sentences_df, "entities": _frame(entities_df, "entities")}, errors, extra=extra)


def apply_canonical_map(entities: pd.DataFrame, mapping: dict[str, str], labels: dict) -> None:
    """Set the corpus-wide canonical names (in place). A lone word the model tagged a place or an organisation that
    joined a person named in full (:data:`helpers.text.entities.LONE_SURNAME_ANY_LABEL`: "Scholz" tagged GPE ->
    "Olaf Scholz") is relabelled PERSON, so that 03 reads it as a person (its pronouns, its speaker kind)."""
    mapped = entities["canonical"].map(mapping)
    if _entities.LONE_SURNAME_ANY_LABEL:
        persons = {mapping[n] for n, c in labels.items() if c.most_common(1)[0][0] == "PERSON"}
        moved = entities["label"].ne("PERSON") & mapped.ne(entities["canonical"]) & mapped.isin(persons) \
            & ~entities["canonical"].str.contains(" ", regex=False)
        entities.loc[moved, "label"] = "PERSON"
    entities["canonical"] = mapped


def run_attribution(docs: Iterable[Doc], sentences: pd.DataFrame, entities: pd.DataFrame,
                    total: int | None = None) -> StageResult:
    """Notebook 03: ``statements`` and ``claims`` from the saved docs and the tables notebook 02 wrote."""
    sent_by = rows_by_article(by_article_in_table_order(sentences, ["sentence_id"]))
    # each article's rows converted when it is looked up (a slice of the sorted table, not a group, nor a dict per row)
    ent_by = ArticleRows(by_article_in_table_order(entities, ["start_char"]), records=rows_from_table)

    def one(doc: Doc):
        aid = doc_article_id(doc)
        return attribution_rows(doc, aid, sent_by.get(aid, []), ent_by.get(aid, []))

    def inputs(doc: Doc):
        aid = doc_article_id(doc)
        return doc_text_key(doc), (row_digest(sent_by, aid), row_digest(ent_by, aid))

    done, errors = per_article(progress(docs, desc="attribution", total=total, unit="article"),
                               doc_article_id, one, "03 text", inputs=inputs)
    statements = [r for _, (s, _, _) in done for r in s]
    claims = [r for _, (_, c, _) in done for r in c]
    rejections = [r for _, (_, _, x) in done for r in x]
    if OWNED_NAMES_MERGED:
        rename_owned_organisations(statements, claims, entities)
    return StageResult({"statements": _frame(statements, "statements"), "claims": _frame(claims, "claims"),
                        "claim_rejections": _frame(rejections, "claim_rejections")}, errors)


OWNED_NAMES_MERGED = True  # session 14, switched off only to measure it


def rename_owned_organisations(statements: list[dict], claims: list[dict], entities: pd.DataFrame) -> None:
    """An organisation named by its owner ("Russia's defence ministry", no entity of its own) takes the corpus's
    canonical name of the organisation entity with the same key ("Russian defence ministry"), so that one source has
    one name across articles; the most frequent such name when several share the key. In place, after the
    per-article rows (whose cache keys hold one article's inputs only)."""
    owned = {r["speaker"] for r in statements if r.get("speaker_kind") == "organisation"}
    if not owned or entities.empty:
        return
    orgs = entities.loc[entities["label"] == "ORG", "canonical"]
    owned -= set(orgs)
    if not owned:
        return
    by_key: dict[str, str] = {}  # 02 merged names by this key already; the most frequent name where several remain
    for name in orgs.value_counts().sort_index(kind="stable").sort_values(ascending=False, kind="stable").index:
        by_key.setdefault(org_group_key(name), name)
    rename = {n: by_key[k] for n in owned if (k := org_group_key(n)).startswith("org:") and k in by_key}
    for r in statements:
        if r.get("speaker_kind") == "organisation" and r["speaker"] in rename:
            r["speaker"] = rename[r["speaker"]]
    for r in claims:
        if r.get("claimant_kind") == "organisation" and r["claimant"] in rename:
            r["claimant"] = rename[r["claimant"]]


def run_stage(articles: pd.DataFrame, batch_size: int = 16) -> StageResult:
    """Both notebooks in one call (tests, benchmarks): parse, then read attribution from the parse."""
    parsed = run_parse(articles, batch_size=batch_size)
    docs = parsed.extra["docbin"].get_docs(doccache.load_model().vocab)
    attributed = run_attribution(docs, parsed["sentences"], parsed["entities"], total=len(articles))
    return StageResult({**parsed.tables, **attributed.tables}, parsed.errors + attributed.errors, parsed.extra)


def _frame(rows: list[dict] | pd.DataFrame, name: str) -> pd.DataFrame:
    """Rows as the contract's frame; empty frames and all-null columns get the contract's dtypes."""
    return _table(rows, name).to_pandas()


def _table(rows: list[dict] | pd.DataFrame, name: str) -> pa.Table:
    """Rows (dicts or a frame) as the contract's validated Arrow table."""
    df = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows, columns=schemas.get(name).column_names)
    return schemas.validate(df, name)


def _concat(parts: list[pa.Table], name: str) -> pd.DataFrame:
    """Chunks of one table (:func:`_table`) as one frame — the frame :func:`_frame` makes of all their rows."""
    if not parts:
        return _frame([], name)
    return pa.concat_tables(parts).combine_chunks().to_pandas()
