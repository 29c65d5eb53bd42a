"""How the pair stage scales, and whether it finds every exact duplicate.

    .venv/bin/python benchmarks/pairs_scaling.py [--corpus DIR] [--sizes 100,200,357,1000,2500,5000]
                                                [--out docs/corpus]

On the ukraine-war-news corpus (``../shared/corpora/ukraine-war-news`` by default):

1. **Exact duplicates, two checks.** (a) The pair finder runs on the raw files *including*
   repeats (one article per file, no parse-time de-duplication); every group of files with
   the same MD5 must come out as ``duplicate`` pairs, all of them. (b) The parse stage's
   ``duplicates`` table is checked against the same MD5 groups: each group must collapse
   to one kept article.
2. **Pairs on the parsed corpus** (articles from ``helpers.parse.articles``, sentences from the
   warclaims spaCy pipeline): relation counts, and five rewrite pairs with what they kept,
   changed and dropped -> ``<out>/rewrite_pairs.csv``, ``<out>/pair_counts.csv``.
3. **Scaling.** Time of :func:`helpers.rewrites.pairs.find_pairs` (shingles, MinHash, LSH Ensemble,
   verification, sentence alignment, classification — parsing excluded) on the first 100 /
   200 / 357 raw files (repeats included, in file-name order), then on synthetic corpora
   made by repeating every article with perturbations (see :func:`synthetic`) up to the
   larger sizes. Prints a table, fits ``time ~ N^k`` by least squares on log-log, writes
   ``<out>/pairs_scaling.csv``.
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

from helpers.rewrites import pairs
from helpers.parse import run as parse_run
from helpers.text.stage import parse_articles
from helpers.text.sentences import extract_sentences

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "ukraine-war-news"
NO_SENTENCES = pd.DataFrame(columns=["article_id", "sentence_id", "text"])


def md5_groups(corpus: Path) -> tuple[dict[str, str], list[list[str]]]:
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith((".", "README")))
    texts = {str(p.relative_to(corpus)): p.read_text(encoding="utf-8", errors="replace") for p in files}
    digests = ((k, hashlib.md5(v.encode("utf-8")).hexdigest()) for k, v in texts.items())
    return texts, pairs.exact_duplicate_groups(digests)


def check_duplicates(corpus: Path, parsed) -> dict:
    texts, groups = md5_groups(corpus)
    frame = pd.DataFrame({"article_id": list(texts), "text": list(texts.values())})
    p, _ = pairs.find_pairs(frame, NO_SENTENCES)
    found = set(map(tuple, p.loc[p.relation == "duplicate", ["article_a", "article_b"]].values))
    expected = {(g[i], g[j]) for g in groups for i in range(len(g)) for j in range(i + 1, len(g))}
    # parse stage: each MD5 group is one kept article, the other files listed in `duplicates`
    kept_of = dict(zip(parsed["articles"].source_file, parsed["articles"].article_id))
    kept_of.update(dict(zip(parsed["duplicates"].source_file, parsed["duplicates"].duplicate_of)))
    collapsed = sum(len({kept_of.get(f) for f in g}) == 1 and None not in {kept_of.get(f) for f in g} for g in groups)
    return dict(files=len(texts), md5_groups=len(groups), files_in_groups=sum(map(len, groups)),
                expected_pairs=len(expected), found_pairs=len(expected & found),
                missed_pairs=len(expected - found), extra_duplicate_pairs=len(found - expected),
                parse_stage_groups_collapsed=collapsed)


def sentences_of(articles: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for aid, doc in zip(articles["article_id"], parse_articles(articles)):
        rows += extract_sentences(doc, aid)
    return pd.DataFrame(rows)


def perturb(sents: list[str], rng: random.Random, vocab: list[str]) -> list[str]:
    """A light rewrite: drop ~20 % of sentences, replace a word in ~30 %, swap one neighbour pair."""
    out = []
    for s in [s for s in sents if rng.random() > 0.2] or sents[:1]:
        words = s.split()
        if words and rng.random() < 0.3:
            words[rng.randrange(len(words))] = rng.choice(vocab)
        out.append(" ".join(words))
    if len(out) > 2:
        i = rng.randrange(len(out) - 1)
        out[i], out[i + 1] = out[i + 1], out[i]
    return out


def tag(k: int) -> str:
    """Letters naming repetition ``k`` (1 -> "b", 26 -> "ba")."""
    out = ""
    while True:
        k, r = divmod(k, 26)
        out = chr(97 + r) + out
        if k == 0:
            return out


def synthetic(articles: pd.DataFrame, sentences: pd.DataFrame, n: int, seed: int = 0):
    """``n`` articles: the real ones, then repetitions of them, each repetition perturbed
    (:func:`perturb`) and written in its own "dialect" — every word suffixed with the
    repetition's tag — so that repetitions of one article are not duplicates of each
    other, while articles *within* a repetition keep the real corpus's overlaps."""
    rng = random.Random(seed)
    by_article = {a: g.sort_values("sentence_id")["text"].tolist() for a, g in sentences.groupby("article_id")}
    base = [a for a in articles["article_id"] if by_article.get(a)]
    vocab = sorted({w for s in sentences["text"] for w in s.split()})
    arts, sents = [], []
    for k in range(n):
        rep, src = divmod(k, len(base))
        ss = by_article[base[src]]
        if rep:
            suffix = "_" + tag(rep)
            ss = [" ".join(w + suffix for w in s.split()) for s in perturb(ss, rng, vocab)]
        aid = f"syn{k:05d}"
        arts.append(dict(article_id=aid, text="\n\n".join(ss), published=None, outlet=None))
        sents += [dict(article_id=aid, sentence_id=i, text=s) for i, s in enumerate(ss)]
    return pd.DataFrame(arts), pd.DataFrame(sents)


def raw_files_frame(parsed, sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One article per raw file *including exact repeats* (a repeat gets its kept copy's
    text and sentences), in file-name order: the 357-file corpus as it is on disk."""
    kept = parsed["articles"].set_index("article_id")
    source = dict(zip(parsed["articles"].source_file, parsed["articles"].article_id))
    source.update(dict(zip(parsed["duplicates"].source_file, parsed["duplicates"].duplicate_of)))
    by_article = {a: g for a, g in sentences.groupby("article_id")}
    arts, sents = [], []
    for f in sorted(source):
        aid = source[f]
        row = kept.loc[aid]
        arts.append(dict(article_id=f, text=row.text, published=row.published, outlet=row.outlet))
        if aid in by_article:
            sents.append(by_article[aid].assign(article_id=f))
    return pd.DataFrame(arts), pd.concat(sents, ignore_index=True)


def timed(articles: pd.DataFrame, sentences: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    t0 = time.perf_counter()
    p, _ = pairs.find_pairs(articles, sentences)
    return time.perf_counter() - t0, p


def example_rows(p: pd.DataFrame, al: pd.DataFrame, articles: pd.DataFrame, k: int = 5) -> pd.DataFrame:
    meta = articles.set_index("article_id")
    """Up to ``k`` rewrite pairs (then duplicates if fewer rewrites), what they kept and changed."""
    rw = p[p.relation.isin(["rewrite", "duplicate"])].assign(decided=p.derived.notna(), is_rewrite=p.relation == "rewrite")
    rw = rw.sort_values(["is_rewrite", "decided", "aligned_sentences", "article_a"], ascending=[False, False, False, True])
    rows = []
    for r in rw.head(k).itertuples(index=False):
        pa = al[(al.article_a == r.article_a) & (al.article_b == r.article_b)]
        derived = r.derived if isinstance(r.derived, str) else None
        source = (r.article_b if derived == r.article_a else r.article_a) if derived else None

        def first(label, col):
            s = pa.loc[pa.label == label, col].dropna()
            return s.iloc[0] if len(s) else None
        rows.append(dict(
            relation=r.relation, article_a=r.article_a, article_b=r.article_b,
            file_a=meta.loc[r.article_a, "source_file"], file_b=meta.loc[r.article_b, "source_file"],
            published_a=meta.loc[r.article_a, "published"], published_b=meta.loc[r.article_b, "published"],
            jaccard=round(r.jaccard, 3), containment_a_in_b=round(r.containment_a_in_b, 3),
            containment_b_in_a=round(r.containment_b_in_a, 3), aligned_sentences=r.aligned_sentences,
            sentences_a=r.sentences_a, sentences_b=r.sentences_b, derived=derived, source=source,
            derived_reason=r.derived_reason,
            same=int((pa.label == "same").sum()), changed=int((pa.label == "changed").sum()),
            only_in_a=int((pa.label == "only_in_a").sum()), only_in_b=int((pa.label == "only_in_b").sum()),
            example_changed_a=first("changed", "text_a"), example_changed_b=first("changed", "text_b"),
            example_only_in_a=first("only_in_a", "text_a"), example_only_in_b=first("only_in_b", "text_b"),
        ))
    return pd.DataFrame(rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sizes", default="100,200,357,1000,2500,5000")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "corpus")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (expected ../shared/corpora/ukraine-war-news)", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)

    parsed = parse_run(args.corpus)
    dup = check_duplicates(args.corpus, parsed)
    print("exact duplicates:", dup)

    articles = parsed["articles"].sort_values("source_file").reset_index(drop=True)
    t0 = time.perf_counter()
    sentences = sentences_of(articles)
    print(f"parsed {len(articles)} articles into {len(sentences)} sentences in {time.perf_counter() - t0:.1f} s (not part of the pair stage)")

    p, al = pairs.find_pairs(articles, sentences)
    counts = pairs.relation_counts(p)
    print("relations on the parsed corpus:", counts.to_dict())
    counts.rename_axis("relation").reset_index(name="pairs").to_csv(args.out / "pair_counts.csv", index=False)
    example_rows(p, al, articles).to_csv(args.out / "rewrite_pairs.csv", index=False)

    files, file_sentences = raw_files_frame(parsed, sentences)
    timings = []
    for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
        if n <= len(files):
            a = files.head(n)
            s = file_sentences[file_sentences.article_id.isin(set(a.article_id))]
            kind = "real files"
        else:
            a, s = synthetic(articles, sentences, n)
            kind = "synthetic"
        secs, pp = timed(a, s)
        timings.append(dict(articles=n, kind=kind, sentences=len(s), pairs=len(pp), seconds=round(secs, 3),
                            ms_per_article=round(1000 * secs / n, 2)))
        print(timings[-1], flush=True)
    ok = dup["missed_pairs"] == 0 and dup["parse_stage_groups_collapsed"] == dup["md5_groups"]
    print("every exact duplicate found:" if ok else "MISSED exact duplicates:", dup["found_pairs"], "of", dup["expected_pairs"])
    if len(timings) < 2:
        return 0 if ok else 1
    t = pd.DataFrame(timings)
    k, _ = np.polyfit(np.log(t.articles), np.log(t.seconds), 1)
    k_real = np.polyfit(np.log(t[t.kind == "real files"].articles), np.log(t[t.kind == "real files"].seconds), 1)[0] \
        if (t.kind == "real files").sum() >= 2 else float("nan")
    t.to_csv(args.out / "pairs_scaling.csv", index=False)
    print(t.to_string(index=False))
    print(f"growth exponent (time ~ N^k), all sizes: k = {k:.2f}; real files only: k = {k_real:.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
