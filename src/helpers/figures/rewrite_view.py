"""Rewrite comparison: the original's sentences in order, marked kept / changed / dropped.

``rewrite_pairs`` picks the duplicate/rewrite pairs of ``article_pairs`` and
decides which side is the original (the side that is *not* ``derived``;
``article_a`` when undecided). ``prepare_rewrite`` maps ``sentence_alignment``
labels onto the original's sentences: ``same`` → kept, ``changed`` → changed,
only in the original → dropped (sentences only in the copy are counted as
added). ``plot_rewrite_pair`` draws one pair; ``plot_rewrite_summary`` the closest pairs.

The view is bounded: only the ``max_pairs`` closest pairs (highest Jaccard, :data:`MAX_PAIRS` by default) are
prepared, and the alignment table is split by pair once — a corpus of thousands of near-copies (8,245 pairs and
177,262 alignment rows in a synthetic 2,000-article run) costs no more to draw than a few hundred pairs.
"""
from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from helpers.figures import style

PAIR_COLUMNS = ["original", "copy", "relation", "direction_known", "jaccard"]
ROW_COLUMNS = ["original", "copy", "position", "sentence_id", "copy_sentence_id", "status", "similarity", "text"]
SUMMARY_COLUMNS = ["original", "copy", "relation", "kept", "changed", "dropped", "added", "sentences"]
STATUSES = ("kept", "changed", "dropped")
MAX_PAIRS = 100  # pairs prepared for the view (closest first); the summary chart shows at most 25 of them


def rewrite_pairs(article_pairs: pd.DataFrame, max_pairs: int | None = None) -> pd.DataFrame:
    """Duplicate and rewrite pairs, closest (highest Jaccard) first; the first ``max_pairs`` when given."""
    if article_pairs is None or article_pairs.empty:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    pairs = article_pairs[article_pairs["relation"].isin(["duplicate", "rewrite"])]
    if max_pairs is not None:
        pairs = pairs.sort_values(["jaccard", "article_a", "article_b"], ascending=[False, True, True]).head(max_pairs)
    rows = []
    for r in pairs.itertuples(index=False):
        known = isinstance(r.derived, str) and r.derived in (r.article_a, r.article_b)
        copy = r.derived if known else r.article_b
        original = r.article_a if copy == r.article_b else r.article_b
        rows.append(dict(original=original, copy=copy, relation=r.relation, direction_known=known,
                         jaccard=float(r.jaccard)))
    out = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    return out.sort_values(["jaccard", "original", "copy"], ascending=[False, True, True]).reset_index(drop=True)


def _split(alignment: pd.DataFrame | None, pairs: pd.DataFrame) -> dict[tuple[str, str], pd.DataFrame]:
    """``(article_a, article_b) -> alignment rows`` for the given pairs only (one pass over the table)."""
    if alignment is None or alignment.empty or pairs.empty:
        return {}
    wanted = set(zip(pairs["original"], pairs["copy"])) | set(zip(pairs["copy"], pairs["original"]))
    keys = pd.Series(list(zip(alignment["article_a"], alignment["article_b"])), index=alignment.index)
    sub = alignment[keys.isin(wanted)]
    return {key: g for key, g in sub.groupby(["article_a", "article_b"], sort=False)}


def _oriented(alignment, original: str, copy: str) -> pd.DataFrame:
    """The pair's alignment rows with columns orig/copy_ regardless of which side is A (``alignment``: the table,
    or its rows split by pair, :func:`_split`)."""
    if isinstance(alignment, dict):
        empty = pd.DataFrame(columns=["article_a", "article_b", "sentence_a", "sentence_b", "text_a", "text_b",
                                      "similarity", "label"])
        a_first, b_first = alignment.get((original, copy), empty), alignment.get((copy, original), empty)
    else:
        a_first = alignment[(alignment["article_a"] == original) & (alignment["article_b"] == copy)]
        b_first = alignment[(alignment["article_a"] == copy) & (alignment["article_b"] == original)]
    if len(a_first):
        return pd.DataFrame({"orig": a_first["sentence_a"], "cp": a_first["sentence_b"], "orig_text": a_first["text_a"],
                             "similarity": a_first["similarity"],
                             "label": a_first["label"].replace({"only_in_a": "only_orig", "only_in_b": "only_copy"})})
    return pd.DataFrame({"orig": b_first["sentence_b"], "cp": b_first["sentence_a"], "orig_text": b_first["text_b"],
                         "similarity": b_first["similarity"],
                         "label": b_first["label"].replace({"only_in_b": "only_orig", "only_in_a": "only_copy"})})


def prepare_rewrite(sentence_alignment: pd.DataFrame, article_pairs: pd.DataFrame,
                    max_pairs: int | None = MAX_PAIRS) -> pd.DataFrame:
    """One row per sentence of each pair's original, in order, with its status in the copy (the ``max_pairs``
    closest pairs; all with ``None``)."""
    pairs = rewrite_pairs(article_pairs, max_pairs)
    if pairs.empty or sentence_alignment is None or sentence_alignment.empty:
        return pd.DataFrame(columns=ROW_COLUMNS)
    parts = []
    status_of = {"same": "kept", "changed": "changed", "only_orig": "dropped"}
    by_pair = _split(sentence_alignment, pairs)
    for p in pairs.itertuples(index=False):
        rows = _oriented(by_pair, p.original, p.copy)
        rows = rows[rows["label"].isin(status_of) & rows["orig"].notna()].copy()
        if rows.empty:
            continue
        rows = rows.sort_values(["orig", "similarity"], ascending=[True, False]).drop_duplicates("orig")
        parts.append(pd.DataFrame({
            "original": p.original, "copy": p.copy, "position": range(len(rows)),
            "sentence_id": rows["orig"].astype("int64").to_numpy(),
            "copy_sentence_id": rows["cp"].astype("Int64").reset_index(drop=True),
            "status": rows["label"].map(status_of).to_numpy(), "similarity": rows["similarity"].to_numpy(),
            "text": rows["orig_text"].fillna("").to_numpy()}))
    if not parts:
        return pd.DataFrame(columns=ROW_COLUMNS)
    return pd.concat(parts, ignore_index=True)[ROW_COLUMNS]


def rewrite_summary(rows: pd.DataFrame, sentence_alignment: pd.DataFrame, article_pairs: pd.DataFrame,
                    max_pairs: int | None = MAX_PAIRS) -> pd.DataFrame:
    """Kept / changed / dropped sentences of each original, and sentences the copy added (the ``max_pairs``
    closest pairs, as :func:`prepare_rewrite`)."""
    pairs = rewrite_pairs(article_pairs, max_pairs)
    by_pair = _split(sentence_alignment, pairs)
    by_rows = {key: g for key, g in rows.groupby(["original", "copy"], sort=False)} if len(rows) else {}
    out = []
    for p in pairs.itertuples(index=False):
        sub = by_rows.get((p.original, p.copy), rows.iloc[:0])
        counts = sub["status"].value_counts() if len(sub) else pd.Series(dtype=int)
        oriented = _oriented(by_pair, p.original, p.copy) if sentence_alignment is not None else None
        added = int((oriented["label"] == "only_copy").sum()) if oriented is not None else 0
        out.append(dict(original=p.original, copy=p.copy, relation=p.relation,
                        **{s: int(counts.get(s, 0)) for s in STATUSES}, added=added, sentences=len(sub)))
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)


def _pair_name(aid: str, names: dict[str, str] | None) -> str:
    return (names or {}).get(aid) or aid


def plot_rewrite_pair(rows: pd.DataFrame, *, names: dict[str, str] | None = None, max_sentences: int = 60,
                      source_line: str = "", title: str = "What the copy kept, changed and dropped") -> Figure:
    """One pair (``rows`` of a single original/copy): the original's sentences top to bottom."""
    if rows is None or rows.empty:
        return style.empty_figure("rewrite", title, "No rewrite or duplicate pairs")
    original, copy = rows["original"].iloc[0], rows["copy"].iloc[0]
    shown = rows.sort_values("position").head(max_sentences)
    with style.styled():
        fig = style.new_figure("rewrite")
        ax = fig.add_axes((0.02, 0.05, 0.96, 0.82))
        ax.set_axis_off()
        n = len(shown)
        ax.set_xlim(0, 1)
        ax.set_ylim(0, max(n, 12))
        fontsize = 8 if n <= 25 else 6.5 if n <= 40 else 5.5
        width = 150 if n <= 25 else 190 if n <= 40 else 220
        for i, r in enumerate(shown.itertuples(index=False)):
            y = max(n, 12) - i - 1
            colour = style.STATUS_COLOURS[r.status]
            ax.add_patch(Rectangle((0.0, y + 0.1), 0.012, 0.8, color=colour))
            ax.add_patch(Rectangle((0.015, y + 0.1), 0.985, 0.8, color=colour, alpha=0.12, linewidth=0))
            ax.text(0.02, y + 0.5, f"{r.sentence_id:>3}", va="center", fontsize=fontsize, family="DejaVu Sans Mono",
                    color="#555555")
            text = textwrap.shorten(" ".join(str(r.text).split()), width=width, placeholder="…") or "(no text)"
            ax.text(0.06, y + 0.5, text, va="center", fontsize=fontsize,
                    color="#888888" if r.status == "dropped" else "#111111")
        counts = rows["status"].value_counts()
        handles = [Patch(color=style.STATUS_COLOURS[s], label=f"{s} ({int(counts.get(s, 0))})") for s in STATUSES]
        fig.legend(handles=handles, loc="upper right", bbox_to_anchor=(0.98, 0.955), ncol=3, fontsize=8)
        fig.suptitle(title, x=0.01, y=0.985, ha="left", fontsize=13, fontweight="bold")
        more = f" (first {len(shown)} of {len(rows)})" if len(rows) > len(shown) else ""
        fig.text(0.01, 0.935, style.shorten(f"Original: {_pair_name(original, names)}", 110), fontsize=8)
        fig.text(0.01, 0.91, style.shorten(f"Copy: {_pair_name(copy, names)} — original's sentences in order{more}", 110),
                 fontsize=8)
        style.add_source_line(fig, source_line)
    return fig


def plot_rewrite_summary(summary: pd.DataFrame, *, names: dict[str, str] | None = None, max_pairs: int = 25,
                         source_line: str = "", title: str = "Rewrite and duplicate pairs",
                         total: int | None = None) -> Figure:
    """Stacked bars: per pair, the original's sentences kept / changed / dropped. ``total``: the corpus's
    duplicate and rewrite pairs (default ``len(summary)``), for the "N of M pairs" line."""
    if summary is None or summary.empty:
        return style.empty_figure("summary", title, "No rewrite or duplicate pairs")
    shown = summary.head(max_pairs).reset_index(drop=True)
    top, bottom, row = 0.95, 0.75, 0.32  # inches: title and legend, axis and source line, one bar
    height = min(style.SIZES["summary"][1], top + bottom + row * max(len(shown), 2))
    with style.styled():
        fig = style.new_figure("summary", height=height)
        ax = fig.add_axes((0.42, bottom / height, 0.55, 1 - (top + bottom) / height))
        slots = max(len(shown), 2)
        y = [slots - 1 - i for i in range(len(shown))]
        left = [0] * len(shown)
        for s in STATUSES:
            ax.barh(y, shown[s], left=left, color=style.STATUS_COLOURS[s], label=s, height=0.65)
            left = [a + b for a, b in zip(left, shown[s])]
        ax.set_ylim(-0.6, slots - 0.4)
        ax.set_yticks(y)
        ax.set_yticklabels([f"{style.shorten(_pair_name(r.original, names), 36)} → {style.shorten(_pair_name(r.copy, names), 36)}"
                            for r in shown.itertuples(index=False)], fontsize=7)
        ax.set_xlabel("sentences of the original")
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(STATUSES), fontsize=7)
        fig.suptitle(title, x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontsize=13, fontweight="bold")
        fig.text(0.01, 1 - 0.42 / height, f"{len(shown)} of {len(summary) if total is None else total} pairs", va="top", fontsize=8,
                 color="#444444")
        style.add_source_line(fig, source_line)
    return fig


def pair_figures(rows: pd.DataFrame, summary: pd.DataFrame, *, names: dict[str, str] | None = None,
                 max_pairs: int = 3) -> list[tuple[str, pd.DataFrame, dict]]:
    """The first ``max_pairs`` pairs' figures to draw: ``(stem, rows, keyword arguments of plot_rewrite_pair)``,
    stem ``rewrite_<original8>_<copy8>``. Each carries only what its figure shows (the pair's rows, renumbered from 0,
    and the two articles' names), so a figure's inputs do not change when another pair or article does."""
    out = []
    if rows is None or rows.empty or summary is None or summary.empty:
        return out
    for p in summary.head(max_pairs).itertuples(index=False):
        sub = rows[(rows["original"] == p.original) & (rows["copy"] == p.copy)].reset_index(drop=True)
        if sub.empty:
            continue
        pair_names = {a: names[a] for a in (p.original, p.copy) if a in (names or {})}
        out.append((f"rewrite_{p.original[:8]}_{p.copy[:8]}", sub, {
            "names": pair_names,
            "source_line": f"Sources: {_pair_name(p.original, names)}; {_pair_name(p.copy, names)}"}))
    return out


def save_pair_figures(rows: pd.DataFrame, summary: pd.DataFrame, figures_dir, *, names: dict[str, str] | None = None,
                      max_pairs: int = 3) -> list:
    """Save ``rewrite_<original8>_<copy8>`` figures for the first ``max_pairs`` pairs; PNG paths."""
    return [style.save_figure(plot_rewrite_pair(sub, **kwargs), figures_dir, stem)["png"]
            for stem, sub, kwargs in pair_figures(rows, summary, names=names, max_pairs=max_pairs)]
