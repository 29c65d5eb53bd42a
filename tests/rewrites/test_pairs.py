"""article_pairs: the seed pair, constructed pairs, direction rules, corpus duplicates."""
from __future__ import annotations

import hashlib
from datetime import date

import pandas as pd
import pytest

from helpers.rewrites import pairs
from helpers.core import schemas
from cross_article_seeds import lines_of, seed_id

def _sentences_of(frame: pd.DataFrame) -> pd.DataFrame:
    """Constructed articles: one sentence per line (the test texts are written that way)."""
    rows = []
    for r in frame.itertuples(index=False):
        for i, line in enumerate(t for t in r.text.split("\n") if t.strip()):
            rows.append(dict(article_id=r.article_id, sentence_id=i, text=line.strip()))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "text"])


def _find(frame: pd.DataFrame):
    return pairs.find_pairs(frame, _sentences_of(frame))


@pytest.fixture(scope="module")
def seed_pairs(seed_articles, seed_stage):
    return pairs.find_pairs(seed_articles, seed_stage["sentences"])


@pytest.fixture(scope="module")
def body_002(seed_articles, seed_stage):
    return lines_of(seed_stage, seed_id(seed_articles, "002"))


def test_seed_pair_is_a_rewrite_of_002(seed_pairs, seed_articles):
    p, _ = seed_pairs
    schemas.validate(p, "article_pairs")
    a000, a002 = seed_id(seed_articles, "000"), seed_id(seed_articles, "002")
    row = p[(p.article_a == min(a000, a002)) & (p.article_b == max(a000, a002))]
    assert len(row) == 1
    row = row.iloc[0]
    assert row.relation == "rewrite"
    assert row.derived == a000
    assert "credit line" in row.derived_reason and "Al Jazeera" in row.derived_reason
    assert "containment asymmetry" in row.derived_reason
    c000 = row.containment_a_in_b if row.article_a == a000 else row.containment_b_in_a
    c002 = row.containment_b_in_a if row.article_a == a000 else row.containment_a_in_b
    assert c000 > 0.5 > 0.3 > c002
    assert row.jaccard < 0.3  # a Jaccard-only candidate search would miss this pair
    n000 = row.sentences_a if row.article_a == a000 else row.sentences_b
    assert n000 >= row.aligned_sentences >= 0.7 * n000


def test_exact_duplicate_and_light_edit_are_duplicates(body_002):
    base = body_002
    edited = base.replace("fourth visit", "fifth visit").replace("Pacific port", "Pacific harbour")
    frame = pd.DataFrame({"article_id": ["x1", "x2", "x3"], "text": [base, base, edited],
                          "published": [date(2024, 10, 24), date(2024, 10, 25), None],
                          "outlet": ["Daily Alpha", "Beta Times", None]})
    p, al = _find(frame)
    assert set(map(tuple, p[["article_a", "article_b"]].values)) == {("x1", "x2"), ("x1", "x3"), ("x2", "x3")}
    assert set(p.relation) == {"duplicate"}
    exact = p[(p.article_a == "x1") & (p.article_b == "x2")].iloc[0]
    assert exact.jaccard == 1.0 and exact.derived == "x2" and exact.derived_reason.startswith("dates")
    light = p[(p.article_a == "x1") & (p.article_b == "x3")].iloc[0]
    assert 0.9 < light.jaccard < 1.0
    changed = al[(al.article_a == "x1") & (al.article_b == "x3") & (al.label == "changed")]
    assert changed.text_b.str.contains("fifth visit").any()
    assert (al.label != "only_in_a").all() and (al.label != "only_in_b").all()


def test_unrelated_articles_on_the_same_topic_are_not_rewrites(body_002):
    own = "\n".join([
        "Seoul's spy agency said on Friday that North Korea has sent thousands of soldiers to Russia.",
        "Officials in Kyiv called the move a dangerous escalation of the conflict.",
        "The Kremlin denied that any North Korean units were present on Russian territory.",
        "Analysts said Pyongyang could gain combat experience and technology in exchange.",
        "NATO's secretary general said the alliance was consulting its partners in Asia.",
    ])
    frame = pd.DataFrame({"article_id": ["p", "q"], "text": [body_002, own],
                          "published": [None, None], "outlet": [None, None]})
    p, al = _find(frame)
    assert not p.relation.isin(["duplicate", "rewrite"]).any()
    assert al.empty


def test_candidate_search_finds_contained_rewrite_only(body_002):
    body = body_002
    half = "\n".join(body.split("\n")[::2])
    sh = {"full": pairs.shingles(body), "half": pairs.shingles(half), "other": pairs.shingles(
        "An entirely different story about grain exports through the Black Sea and shipping insurance.")}
    assert pairs.candidate_pairs(sh) == [("full", "half")]


def test_candidates_per_article_are_capped(body_002):
    """Six mutual near-copies (15 pairs) with at most 2 candidates each: a pair is kept only if it is among either
    side's two closest, so at most 6 * 2 pairs are verified, and the closest pair is among them."""
    lines = [ln for ln in body_002.split("\n") if ln.strip()]
    sh = {f"c{k}": pairs.shingles("\n".join(lines[:len(lines) - k])) for k in range(6)}
    every = pairs.candidate_pairs(sh)
    assert len(every) == 15
    capped = pairs.candidate_pairs(sh, pairs.PairRules(max_candidates=2))
    assert set(capped) < set(every) and len(capped) <= 12
    assert ("c0", "c1") in capped
    per_article = {k: sum(k in p for p in capped) for k in sh}
    assert min(per_article.values()) >= 2


@pytest.mark.parametrize("pub_a,pub_b,expected", [
    (date(2024, 1, 1), date(2024, 1, 3), "b"),
    (date(2024, 1, 3), date(2024, 1, 1), "a"),
    (None, None, None),
])
def test_direction_by_dates(pub_a, pub_b, expected):
    a = pairs.ArticleInfo("a", "text one", pub_a, "Outlet One")
    b = pairs.ArticleInfo("b", "text two", pub_b, "Outlet Two")
    derived, reason = pairs.direction(a, b, 0.5, 0.45)
    assert derived == expected
    assert (reason is None) == (expected is None)


def test_direction_credit_line_beats_dates_and_reports_conflict():
    a = pairs.ArticleInfo("a", "Body text, reported Outlet Two.", date(2024, 1, 1), "Outlet One")
    b = pairs.ArticleInfo("b", "Body text.", date(2024, 1, 5), "Outlet Two")
    derived, reason = pairs.direction(a, b, 0.6, 0.6)
    assert derived == "a"
    assert reason.startswith("credit line") and "contradicted by dates" in reason


def test_bad_input_gets_a_clear_error():
    with pytest.raises(ValueError, match="text"):
        pairs.find_pairs(pd.DataFrame({"article_id": ["a"]}), pd.DataFrame())
    frame = pd.DataFrame({"article_id": ["a", "a"], "text": ["x", "y"]})
    with pytest.raises(ValueError, match="repeated"):
        pairs.find_pairs(frame, pd.DataFrame(columns=["article_id", "sentence_id", "text"]))


@pytest.mark.corpus
def test_every_exact_duplicate_in_the_corpus_is_found(shared_dir):
    files = sorted((shared_dir / "corpora" / "ukraine-war-news").glob("*.txt"))
    texts = {f.name: f.read_text(encoding="utf-8") for f in files}
    groups = pairs.exact_duplicate_groups((k, hashlib.md5(v.encode()).hexdigest()) for k, v in texts.items())
    assert groups, "the corpus is known to contain repeated texts"
    frame = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    p, _ = pairs.find_pairs(frame, pd.DataFrame(columns=["article_id", "sentence_id", "text"]))
    dup = set(map(tuple, p.loc[p.relation == "duplicate", ["article_a", "article_b"]].values))
    expected = {(g[i], g[j]) for g in groups for i in range(len(g)) for j in range(i + 1, len(g))}
    assert expected <= dup


def test_stage_run_returns_the_three_declared_tables(seed_articles, seed_stage, tmp_path):
    import helpers.rewrites as stage
    from helpers.rewrites import inference

    result = stage.run(seed_articles, seed_stage["sentences"])
    p, al = pairs.find_pairs(seed_articles, seed_stage["sentences"])
    pd.testing.assert_frame_equal(result["article_pairs"], p)
    pd.testing.assert_frame_equal(result["sentence_alignment"], al)
    pd.testing.assert_frame_equal(result["article_metadata"], inference.infer_metadata(seed_articles, p))
    written = sorted(p.name for p in result.write(stage.STAGES[0], tmp_path))
    assert written == ["article_metadata.parquet", "article_pairs.parquet", "sentence_alignment.parquet",
                       "stage_errors.parquet"]  # the declared tables, and the notebook's (empty) stage_errors rows


def _parquet_bytes(df: pd.DataFrame, name: str, folder) -> bytes:
    from helpers.core import tables

    return tables.write_table(df, name, folder).read_bytes()


def test_cached_pairs_equal_a_full_computation_after_adding_an_article(seed_articles, seed_stage, tmp_path,
                                                                      monkeypatch):
    """The per-article MinHash and per-pair caches (``find_pairs(cache=True)``, what the stage runs): a rebuild
    after adding an article computes only what involves it, and the tables are byte-identical to an uncached run."""
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path / "cache"))
    sentences = seed_stage["sentences"]
    a000 = seed_id(seed_articles, "000")
    first = seed_articles[seed_articles.article_id != a000]
    p1, _ = pairs.find_pairs(first, sentences[sentences.article_id.isin(first.article_id)], cache=True)
    assert p1.empty  # one article: no pair yet

    computed = []
    real_minhash = pairs.minhash
    monkeypatch.setattr(pairs, "minhash", lambda sh, rules=pairs.RULES: computed.append(len(sh)) or real_minhash(sh, rules))
    grown = pairs.find_pairs(seed_articles, sentences, cache=True)
    assert len(computed) == 1  # the added article's MinHash only; the other's came from the cache
    full = pairs.find_pairs(seed_articles, sentences)  # uncached
    assert len(grown[0]) == 1 and grown[0].iloc[0]["relation"] == "rewrite"
    for got, want, name in zip(grown, full, ("article_pairs", "sentence_alignment")):
        assert _parquet_bytes(got, name, tmp_path / "a") == _parquet_bytes(want, name, tmp_path / "b")

    def fail(*args, **kwargs):
        raise AssertionError("computed again although cached")

    monkeypatch.setattr(pairs, "minhash", fail)
    monkeypatch.setattr(pairs, "_pair_result", fail)
    again = pairs.find_pairs(seed_articles, sentences, cache=True)  # every MinHash and the pair from the cache
    for got, want, name in zip(again, full, ("article_pairs", "sentence_alignment")):
        assert _parquet_bytes(got, name, tmp_path / "c") == _parquet_bytes(want, name, tmp_path / "d")
    changed = sentences.assign(text=sentences.text.where(sentences.article_id != a000, sentences.text + " "))
    with pytest.raises(AssertionError, match="computed again"):  # a changed sentence is a new pair input
        pairs.find_pairs(seed_articles, changed, cache=True)


_CODED_TEXTS = [
    "The ministry said the convoy reached the port on Monday.",
    "On Monday the convoy reached the port, the ministry said, and the port reopened.",
    "Short text",  # fewer words than a shingle
    "A",
    "",
    "the port the port the port",  # repeated shingles count once
    "An unrelated story about grain prices and the harvest in the south.",
]


@pytest.mark.parametrize("bits", [None, 2])
def test_shingle_codes_share_exactly_what_the_string_shingles_share(bits):
    """The compact codes give every pair of texts the same shingle counts and shared counts as the sets of strings
    — with the packed codes, and with the mixed codes a vocabulary beyond the packed range gets (forced here with a
    2-bit range: from the fourth word on every shingle is mixed)."""
    codes = pairs.ShingleCodes()
    if bits is not None:
        codes.bits = bits
    coded = [codes(t) for t in _CODED_TEXTS]
    strings = [pairs.shingles(t) for t in _CODED_TEXTS]
    assert [len(c) for c in coded] == [len(s) for s in strings] and len(coded[5]) == 2 and len(coded[2]) == 1
    for i in range(len(_CODED_TEXTS)):
        for j in range(len(_CODED_TEXTS)):
            assert pairs.shared_count(coded[i], coded[j]) == len(strings[i] & strings[j])
            assert pairs.overlap(coded[i], coded[j]) == pairs.overlap(strings[i], strings[j])
    assert pairs.shared_count(coded[0], coded[1]) > 0  # the two reports share shingles
    if bits is not None:
        assert (coded[6] >= 2 ** 63).any() and (coded[0] < 2 ** 63).any()  # both kinds of code were made
    same = pairs.ShingleCodes()
    for t in reversed(_CODED_TEXTS):  # another order of first use: other ids, the same shares
        same(t)
    assert pairs.shared_count(same(_CODED_TEXTS[0]), same(_CODED_TEXTS[1])) == pairs.shared_count(coded[0], coded[1])


def test_pairs_stage_leaves_no_sentence_forms_cached(body_002):
    """The alignment's per-sentence caches are emptied when the pairs are found (a kernel keeps them otherwise)."""
    from helpers.rewrites import alignment

    half = "\n".join(body_002.split("\n")[::2])
    frame = pd.DataFrame({"article_id": ["full", "half"], "text": [body_002, half]})
    found, aligned = _find(frame)
    assert len(found) == 1 and len(aligned) > 0  # sentences were aligned, so the caches were used
    assert alignment.normalise.cache_info().currsize == 0 and alignment._content.cache_info().currsize == 0
