"""Claim precision/recall, claimant accuracy and statement speaker accuracy on the hand-annotated dev set.

Usage (from the project root):

    .venv/bin/python benchmarks/claims_eval.py [--set dev|heldout|check] [--processed-dir DIR] [--verbose]
    .venv/bin/python benchmarks/claims_eval.py --validate        # check the annotation files only

Three sets of ``../shared/corpora/ukraine-war-news`` articles annotated by hand (``benchmarks/dev_set/``,
described in its README):

- ``--set dev`` (``annotations.jsonl``, 48 articles): the first 16 were used to develop the rules, 10 more were
  added by a seeded random draw for issue 10 (``dev_set/draw.py``), 12 more by the same draw in issue 10 round
  13 and 10 more in round 14; develop on this set — its figures are optimistic;
- ``--set heldout`` (``heldout.jsonl``, 5 articles): annotated after the rules were written; looked at once
  since, so no longer untouched;
- ``--set check`` (``check.jsonl``, 10 articles drawn with the same seed, issue 10): an **untouched check set**.
  Nobody tunes on it — do not read its errors (``--verbose``) to write rules; report it separately.

Each line names the article file and lists

- ``claims``: ``[span, occurrence, value, claimant, category]`` — a short quoted span that starts at the figure as
  written (the ``occurrence``-th match of the span in ``articles.text``, whitespace-insensitive), its value, who
  the text says asserts it (canonical name, or ``"(unattributed)"``) and its category (one of
  ``helpers.core.schemas.CATEGORIES``; rows of 4 elements, without category, are accepted and left out of the
  category accuracy);
- ``statements``: ``[snippet, occurrence, speaker]`` — a snippet holding the reporting cue, and the speaker.

Annotation rules: every quantity counts (people, equipment, money, percentages, distances, multiples) except
dates, years, clock times, durations ("100 days", "nearly 4 months"), ages, ordinals, identifiers and
calibres; a parenthesised unit conversion is part of the figure before it. The claimant is whoever the text
says asserts the figure — speaker of a statement holding it, source of "according to", subject of a
reporting/assessment verb — else "(unattributed)".

Clarifications applied since issue 10 (they make explicit what the first 21 articles already did): a written
number with a counted noun counts even when trivial ("the two countries", "one analyst report"); "one" as a
pronoun or in an idiom ("one of several", "an attack on one", "in one voice", "one day") and numbers with no
counted noun ("the two have a lot in common") do not; vague plurals with no number ("dozens of missiles",
"thousands of refugees") are not annotated (they have no value) while "three dozen" is (36); the claimant is
read from what the text says, not from the article's overall source, so a lead sentence restating a figure that
a later paragraph attributes stays "(unattributed)". Categories, by meaning rather than by word:

- ``casualties`` — people killed, dead, wounded, injured, missing, captured, whatever the counted noun
  (soldiers, civilians, generals, people, lives);
- ``personnel`` — military or security forces and fighters counted as such (troops, soldiers, officers,
  battalion groups) when nothing says they were killed or wounded;
- ``equipment`` — weapons, munitions, vehicles, aircraft, missiles, wagons and other materiel (losses of
  materiel too);
- ``money`` — amounts in a currency; ``percent`` — percentages and percentage changes;
- ``distance`` and ``area`` — lengths and surfaces;
- ``attacks`` — counts of attacks, strikes, raids, shellings (not the missiles fired, which are equipment);
- ``other`` — everything else: civilians who are not casualties (refugees, staff, voters), countries,
  organisations, documents, sanctions packages, tonnes of grain, multiples ("30 times").

Matching: a predicted claim matches a gold one when their character spans overlap (one-to-one, preferring equal
values). Values are equal when within 1e-6 relative. Names match when equal after case/accent/punctuation
folding, when one contains the other as whole words ("Tinkov" / "Oleg Tinkov"), when one is the initials of
the other ("KIIS"), or (since issue 10 round 3, off with ``--strict-names``) when they are two spellings of one
source by ``helpers.text.entities.org_key`` / ``person_key`` ("British Ministry of Defense" / "U.K. Ministry of
Defence", "Zelensky" / "Zelenskyy"): the cross-article merge picks one spelling per source, which need not be the
article's own. A gold statement is found when a predicted statement of the same sentence has its cue inside
the snippet. Reported:

- claim precision/recall/F1 — span overlap only; value precision/recall/F1 — span overlap and equal value
  (value-correct matches over predicted, over gold claims);
- claimant accuracy on matched claims (all), and on **attributed** claims (gold claimant not
  "(unattributed)"): right claimant over the matched attributed ones, and over all attributed gold claims
  (end to end, a missed figure counting as wrong);
- category accuracy on matched claims that have a gold category.

A predicted figure with qualifier ``vague`` ("dozens of", "tens of thousands") that matches no gold claim is left
out of the predicted count (the guideline does not annotate vague plurals) and reported on its own line.

Tables: by default the text stage is run on the set's articles (``helpers.text.stage.run_stage``);
``--processed-dir`` scores existing pipeline output instead (``articles``, ``claims``, ``statements`` and
``sentences`` Parquet of a run over ukraine-war-news; a file dropped as an exact duplicate is scored through the
kept copy named in ``duplicates.parquet``, whose text is identical). Either way the gold spans are first checked
against the article texts as ``helpers.parse.articles.parse_file`` reads them; a span, snippet, row shape or
category that does not check out stops the script with the list of problems (``--validate`` does only this).

The article texts are read from ../shared at run time (``WARCLAIMS_SHARED`` overrides; ../shared beside the
repo or beside a worktree's folder); the script exits with a message if they are absent.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
from pathlib import Path

from anyascii import anyascii
from helpers.core.schemas import CATEGORIES, UNATTRIBUTED, UNKNOWN

ROOT = Path(__file__).resolve().parents[1]
_SHARED = [Path(os.environ["WARCLAIMS_SHARED"])] if "WARCLAIMS_SHARED" in os.environ else []
_SHARED += [ROOT.parent / "shared", ROOT.parents[1] / "shared"]  # ../shared from the repo or from a worktree
CORPUS = next((p for p in _SHARED if p.exists()), _SHARED[0]) / "corpora" / "ukraine-war-news"
DEV_SET = Path(__file__).resolve().parent / "dev_set"
SETS = {"dev": DEV_SET / "annotations.jsonl", "heldout": DEV_SET / "heldout.jsonl", "check": DEV_SET / "check.jsonl"}
TABLES = ("articles", "claims", "statements", "sentences")


def fold(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", anyascii(str(name)).lower()).strip()


STRICT_NAMES = False  # --strict-names: without the source keys (the scorer before issue 10 round 3)


def same_name(pred: str, gold: str) -> bool:
    if gold == UNATTRIBUTED or pred in (UNATTRIBUTED, UNKNOWN):
        return pred in (gold, UNKNOWN) and gold == UNATTRIBUTED
    p, g = fold(pred), fold(gold)
    if not p or not g:
        return False
    if p == g or f" {g} " in f" {p} " or f" {p} " in f" {g} ":
        return True
    initials = lambda s: "".join(w[0] for w in s.split() if w not in ("of", "the", "and", "for"))  # noqa: E731
    if p.replace(" ", "") == initials(g) or g.replace(" ", "") == initials(p):
        return True
    return not STRICT_NAMES and same_source(pred, gold)


def same_source(pred: str, gold: str) -> bool:
    """Two spellings of one source: the same organisation key ("British Ministry of Defense" = "U.K. Ministry of
    Defence") or, for names of two words or more, the same transliteration key ("Zelensky" = "Zelenskyy")."""
    from helpers.text.entities import org_key, person_key

    if len(pred.split()) > 1 and len(gold.split()) > 1 and person_key(pred) == person_key(gold):
        return True
    a, b = org_key(pred), org_key(gold)
    return len(a) > 1 and a == b and any(not k.startswith("@") for k in a)


def same_value(pred, gold) -> bool:
    try:
        return math.isclose(float(pred), float(gold), rel_tol=1e-6, abs_tol=1e-9)
    except (TypeError, ValueError):
        return False


def locate(text: str, span: str, occurrence: int) -> tuple[int, int] | None:
    pattern = r"\s+".join(re.escape(part) for part in span.split())
    matches = list(re.finditer(pattern, text))
    if len(matches) <= occurrence:
        return None
    m = matches[occurrence]
    return m.start(), m.end()


def read_gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_problems(gold: list[dict], texts: dict[str, str]) -> list[str]:
    """Every row shape, value, category, span and snippet that does not check out against the article texts."""
    problems, seen = [], set()
    for g in gold:
        name, text = g["file"], texts.get(g["file"])
        if name in seen:
            problems.append(f"{name}: listed twice")
        seen.add(name)
        if text is None:
            problems.append(f"{name}: article not found")
            continue
        for row in g["claims"]:
            if len(row) not in (4, 5) or not isinstance(row[0], str) or not isinstance(row[1], int):
                problems.append(f"{name}: claim row must be [span, occurrence, value, claimant(, category)]: {row}")
                continue
            if not isinstance(row[2], (int, float)) or not isinstance(row[3], str) or not row[3]:
                problems.append(f"{name}: claim value must be a number and claimant a name: {row}")
            if len(row) == 5 and row[4] not in CATEGORIES:
                problems.append(f"{name}: category {row[4]!r} not one of {CATEGORIES}: {row}")
            if locate(text, row[0], row[1]) is None:
                problems.append(f"{name}: gold span not found: {row[0]!r} occurrence {row[1]}")
        for row in g["statements"]:
            if len(row) != 3 or not isinstance(row[1], int):
                problems.append(f"{name}: statement row must be [snippet, occurrence, speaker]: {row}")
            elif locate(text, row[0], row[1]) is None:
                problems.append(f"{name}: gold snippet not found: {row[0]!r} occurrence {row[1]}")
    return problems


def corpus_articles(corpus: Path, gold: list[dict]) -> tuple[list[dict], list[str]]:
    from helpers.parse.articles import parse_file

    rows, problems = [], []
    for g in gold:
        arts, errors, _ = parse_file(corpus / g["file"], g["file"])
        if arts:
            rows.append(arts[0])
        else:
            problems.append(f"cannot read {g['file']}: {errors}")
    return rows, problems


def run_tables(rows: list[dict]) -> dict:
    import pandas as pd

    from helpers.text.stage import run_stage

    result = run_stage(pd.DataFrame(rows))
    return {"articles": pd.DataFrame(rows), **{name: result[name] for name in TABLES[1:]}}


def processed_tables(folder: Path, rows: list[dict]) -> tuple[dict, list[str]]:
    """The run's tables, with each gold article's row (through the kept copy when it was a duplicate)."""
    import pandas as pd

    missing = [name for name in TABLES if not (folder / f"{name}.parquet").exists()]
    if missing:
        return {}, [f"{folder}: no {', '.join(missing)} table(s)"]
    tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
    arts = tables["articles"].set_index("source_file", drop=False)
    kept = {}
    if (folder / "duplicates.parquet").exists():
        dups = pd.read_parquet(folder / "duplicates.parquet")
        kept = dict(zip(dups.source_file, dups.kept_source_file))
    picked, problems = [], []
    for row in rows:
        name = row["source_file"] if row["source_file"] in arts.index else kept.get(row["source_file"])
        if name not in arts.index:
            problems.append(f"{row['source_file']}: not in {folder / 'articles.parquet'}")
            continue
        art = arts.loc[name].to_dict()
        if art["text"] != row["text"]:
            problems.append(f"{row['source_file']}: text in the tables differs from the corpus file")
            continue
        picked.append(art)
    tables["articles"] = pd.DataFrame(picked)
    return tables, problems


def score(gold: list[dict], tables: dict) -> tuple[dict, list[str]]:
    claims, statements, sentences = tables["claims"], tables["statements"], tables["sentences"]
    n = dict.fromkeys(("gold", "pred", "match", "value_ok", "claimant_ok", "attr", "attr_match", "attr_ok",
                       "cat", "cat_ok", "stmt", "stmt_found", "speaker_ok", "vague_extra"), 0)
    problems = []
    for g, art in zip(gold, tables["articles"].to_dict("records")):
        aid, text = art["article_id"], art["text"]
        pred = claims[claims.article_id == aid].to_dict("records")
        n["pred"] += len(pred)
        used = set()
        for span, occ, value, claimant, *category in g["claims"]:
            n["gold"] += 1
            attributed = claimant != UNATTRIBUTED
            n["attr"] += attributed
            where = locate(text, span, occ)
            cands = [i for i, p in enumerate(pred) if i not in used
                     and p["start_char"] < where[1] and where[0] < p["end_char"]]
            if not cands:
                problems.append(f"MISSED  {g['file']}: {span!r}")
                continue
            best = min(cands, key=lambda i: (not same_value(pred[i]["value"], value),
                                             abs(pred[i]["start_char"] - where[0])))
            used.add(best)
            p = pred[best]
            n["match"] += 1
            n["attr_match"] += attributed
            if same_value(p["value"], value):
                n["value_ok"] += 1
            else:
                problems.append(f"VALUE   {g['file']}: {span!r}: predicted {p['value']}, gold {value}")
            if same_name(p["claimant"], claimant):
                n["claimant_ok"] += 1
                n["attr_ok"] += attributed
            else:
                problems.append(f"CLAIMANT {g['file']}: {span!r}: predicted {p['claimant']!r} ({p['claimant_via']}), gold {claimant!r}")
            if category:
                n["cat"] += 1
                if p["category"] == category[0]:
                    n["cat_ok"] += 1
                else:
                    problems.append(f"CATEGORY {g['file']}: {span!r}: predicted {p['category']!r}, gold {category[0]!r}")
        for i, p in enumerate(pred):
            if i not in used and p["qualifier"] == "vague":  # the guideline does not annotate vague plurals
                n["pred"] -= 1
                n["vague_extra"] += 1
            elif i not in used:
                problems.append(f"EXTRA   {g['file']}: {p['text']!r} in: {p['sentence'][:90]!r}")

        sents = sentences[sentences.article_id == aid]
        st = statements[statements.article_id == aid]
        for snippet, occ, speaker in g["statements"]:
            n["stmt"] += 1
            where = locate(text, snippet, occ)
            sid = sents[(sents.start_char <= where[0])].sentence_id.max()
            snippet_text = text[where[0]:where[1]].lower()
            cands = st[(st.sentence_id.between(sid - 3, sid + 1))]
            cands = [r for r in cands.itertuples() if r.cue.lower() in snippet_text
                     and (r.start_char - 400 < where[0] < r.end_char + 400)]
            if not cands:
                problems.append(f"NO STMT {g['file']}: {snippet!r} (gold {speaker!r})")
                continue
            n["stmt_found"] += 1
            r = min(cands, key=lambda r: min(abs(r.start_char - where[1]), abs(r.end_char - where[0])))
            if same_name(r.speaker, speaker):
                n["speaker_ok"] += 1
            else:
                problems.append(f"SPEAKER {g['file']}: {snippet!r}: predicted {r.speaker!r}, gold {speaker!r}")
    return n, problems


def prf(hits: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = hits / n_pred if n_pred else 0.0
    recall = hits / n_gold if n_gold else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / max(b, 1):.3f}"


def report(name: str, n_articles: int, n: dict) -> list[str]:
    precision, recall, f1 = prf(n["match"], n["pred"], n["gold"])
    v_precision, v_recall, v_f1 = prf(n["value_ok"], n["pred"], n["gold"])
    return [
        f"{name} set: {n_articles} articles, {n['gold']} gold claims, {n['pred']} predicted, {n['match']} matched",
        f"claim precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}",
        f"value correct on matched claims: {ratio(n['value_ok'], n['match'])}",
        f"claimant accuracy on matched claims: {ratio(n['claimant_ok'], n['match'])}",
        f"statements: {n['stmt']} gold, {n['stmt_found']} found ({n['stmt_found'] / max(n['stmt'], 1):.3f}); "
        f"speaker accuracy {n['speaker_ok']}/{n['stmt']} = {n['speaker_ok'] / max(n['stmt'], 1):.3f} of gold "
        f"({n['speaker_ok'] / max(n['stmt_found'], 1):.3f} of found)",
        f"value precision {v_precision:.3f}  recall {v_recall:.3f}  F1 {v_f1:.3f} "
        f"(span overlap and equal value: {n['value_ok']} of {n['pred']} predicted, of {n['gold']} gold)",
        f"claimant accuracy on attributed claims: {ratio(n['attr_ok'], n['attr_match'])} of matched "
        f"({n['attr_ok']}/{n['attr']} = {n['attr_ok'] / max(n['attr'], 1):.3f} of all {n['attr']} attributed gold claims)",
        f"category accuracy on matched claims: {ratio(n['cat_ok'], n['cat'])}",
        f"vague figures not annotated by the guideline (left out of 'predicted'): {n['vague_extra']}",
    ]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--verbose", action="store_true", help="list every miss and wrong attribution "
                    "(not on the check set when you are developing rules)")
    ap.add_argument("--set", choices=sorted(SETS), default="dev",
                    help="dev: the articles to develop on; heldout: 5 articles annotated after development; "
                         "check: 10 articles nobody tunes on")
    ap.add_argument("--processed-dir", type=Path,
                    help="score the tables of an existing pipeline run over ukraine-war-news instead of running "
                         "the text stage")
    ap.add_argument("--validate", action="store_true", help="only check the annotation files against the texts")
    ap.add_argument("--strict-names", action="store_true",
                    help="names match only by folding, containment and initials (not by the source keys)")
    args = ap.parse_args(argv)
    global STRICT_NAMES
    STRICT_NAMES = args.strict_names
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (../shared is only on dev/CI machines); nothing evaluated")
        return 0

    names = sorted(SETS) if args.validate else [args.set]
    for name in names:
        gold = read_gold(SETS[name])
        rows, problems = corpus_articles(args.corpus, gold)
        problems += gold_problems(gold, {row["source_file"]: row["text"] for row in rows})
        if problems:
            print(f"{name} set ({SETS[name].name}): {len(problems)} annotation problem(s)\n" + "\n".join(problems))
            return 1
        if args.validate:
            print(f"{name} set ({SETS[name].name}): {len(gold)} articles, "
                  f"{sum(len(g['claims']) for g in gold)} claims, "
                  f"{sum(len(g['statements']) for g in gold)} statements; all spans found")
    if args.validate:
        return 0

    if args.processed_dir:
        tables, problems = processed_tables(args.processed_dir, rows)
        if problems:
            print("\n".join(problems))
            return 1
    else:
        tables = run_tables(rows)
    n, problems = score(gold, tables)
    print("\n".join(report(args.set, len(gold), n)))
    if args.verbose:
        print("\n".join(problems))
    return 0


if __name__ == "__main__":
    sys.exit(main())
