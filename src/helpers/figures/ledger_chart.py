"""Claims ledger chart: per topic, every claimed figure side by side.

``prepare_ledger`` keeps topics of comparable figures with at least two claims (a claim the
ledger left alone — no owner, event or base — is never charted), orders each topic's claims by
``claimed_on`` (when the claim was made), spells each value the way the text qualified it ("≥ 3,000"
for *at least*, "> 7,300" for *more than*) and, with ``reference_checks``, carries the General Staff
series value the claim was compared with; ``plot_ledger`` draws one panel per topic, the series value
as a diamond beside the claim's bar, on a log scale when the topic's values span two orders of
magnitude or more.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, NullFormatter

from helpers.figures import style
from helpers.ledger import reference

QUALIFIER_MARKS = {"exact": "", "at_least": "≥ ", "more_than": "> ", "about": "≈ ", "up_to": "≤ ",
                   "less_than": "< ", "range": "", "vague": "~ "}
OPEN_ABOVE = ("at_least", "more_than")
OPEN_BELOW = ("up_to", "less_than")
LEDGER_COLUMNS = ["topic", "topic_label", "n_claims", "claim_id", "article_id", "claimant", "claim_date", "outlet",
                  "value", "value_low", "value_high", "qualifier", "value_label", "row_label", "log_scale",
                  "series_value", "series_date", "verdict", "source_label"]
SERIES_COLOUR = "#111111"
_CLAIMANT_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#999999", "#F0E442")


def format_number(v: float) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "?"
    if abs(v) >= 1e9 and v % 1e8 == 0:
        return f"{v / 1e9:,.1f}bn".replace(".0bn", "bn")
    if abs(v) >= 1e6 and v % 1e5 == 0:
        return f"{v / 1e6:,.1f}m".replace(".0m", "m")
    if float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def value_label(value: float, low: float, high: float, qualifier: str) -> str:
    """How the text qualified the figure: "≥ 3,000", "> 7,300", "≈ 50", "10–20", "~ 20,000–99,000" (vague)."""
    if qualifier == "vague":
        return f"{QUALIFIER_MARKS['vague']}{format_number(low)}–{format_number(high)}"
    if qualifier == "range" or (low is not None and high is not None and high > low and qualifier == "exact"):
        return f"{format_number(low)}–{format_number(high)}"
    return QUALIFIER_MARKS.get(qualifier, "") + format_number(value)


def needs_log_scale(values, ratio: float = 100.0) -> bool:
    """True when the positive values span ``ratio`` (two orders of magnitude) or more."""
    vals = np.asarray([v for v in values if v is not None and v > 0], float)
    return len(vals) >= 2 and vals.max() / vals.min() >= ratio


def topic_label(topic: str) -> str:
    """"owner | thing | category | kind | event" → "owner: thing event" (the kind in brackets unless a
    total: "russia: casualty per day lost (rate)"); the older "subject | unit | category" → "subject
    (unit)"; an unspecified subject → "unit — category"."""
    parts = [p.strip() for p in str(topic).split("|")]
    if len(parts) >= 5:
        owner, thing, category, kind, event = parts[:5]
        what = " ".join(x for x in (thing, "" if event.startswith("(") else event) if x)
        what += "" if kind == "total" else f" ({kind})"
        return f"{what} — {category}" if owner.startswith("(") else f"{owner}: {what}"
    subject = parts[0] if parts and parts[0] else str(topic)
    unit = parts[1] if len(parts) > 1 and parts[1] else ""
    category = parts[2] if len(parts) > 2 and parts[2] else ""
    if subject.startswith("(") and unit:  # "(unspecified)" and the like
        return f"{unit} — {category}" if category and category != unit else unit
    return f"{subject} ({unit})" if unit and unit not in subject else subject


def _has_subject(topic: str) -> bool:
    subject = str(topic).split("|")[0].strip()
    return bool(subject) and not subject.startswith("(")


def rank_topics(ledger: pd.DataFrame, min_claims: int = 2) -> pd.DataFrame:
    """Topics with ≥ ``min_claims`` claims, best first: a named subject before "(unspecified)",
    then more distinct named claimants (who disagrees with whom), then more claims."""
    attributed = ledger[~ledger["claimant"].astype(str).str.startswith("(")]
    sizes = ledger.groupby("topic").agg(n=("claim_id", "nunique")).reset_index()
    named = attributed.groupby("topic")["claimant"].nunique().rename("claimants").reset_index()
    sizes = sizes.merge(named, on="topic", how="left").fillna({"claimants": 0})
    sizes["claimants"] = sizes["claimants"].astype(int)
    sizes["has_subject"] = sizes["topic"].map(_has_subject)
    sizes = sizes[sizes["n"] >= min_claims]
    return sizes.sort_values(["has_subject", "claimants", "n", "topic"],
                             ascending=[False, False, False, True]).reset_index(drop=True)


def _date_column(ledger: pd.DataFrame) -> str:
    """``claimed_on`` (when the claim was made) where the ledger has it, else the older ``claim_date``."""
    return "claimed_on" if "claimed_on" in ledger.columns else "claim_date"


def prepare_ledger(ledger: pd.DataFrame, min_claims: int = 2, max_topics: int = 5,
                   max_claims_per_topic: int = 8, checks: pd.DataFrame | None = None) -> pd.DataFrame:
    """The chart's input rows: the best topics of :func:`rank_topics` (each a topic of comparable
    figures), each topic's claims ordered by ``claimed_on``; with ``checks`` (reference_checks) the
    General Staff value a claim was compared with goes into ``series_value`` (drawn beside it, with its
    ``verdict`` and, for a figure that is not Ukrainian-official or unattributed, whose it is:
    ``source_label``).

    When a topic has more than ``max_claims_per_topic`` claims, named claimants are kept
    before unattributed figures (``n_claims`` keeps the topic's full count).
    """
    if ledger is None or ledger.empty:
        return pd.DataFrame(columns=LEDGER_COLUMNS)
    if "topic_reason" in ledger.columns:  # comparable figures only: a claim left alone is not charted
        ledger = ledger[~ledger["topic_reason"].astype(str).str.startswith("alone")]
    ranked = rank_topics(ledger, min_claims)
    if checks is not None and len(checks):  # topics with a claim checked against the series first: the record shown
        checked = set(ledger.loc[ledger["claim_id"].isin(set(checks["claim_id"])), "topic"])
        ranked = ranked.assign(_checked=ranked["topic"].isin(checked)).sort_values("_checked", ascending=False, kind="stable")
    ranked = ranked.head(max_topics)
    if ranked.empty:
        return pd.DataFrame(columns=LEDGER_COLUMNS)
    parts = []
    for topic, n in zip(ranked["topic"], ranked["n"]):
        sub = ledger[ledger["topic"] == topic].drop_duplicates("claim_id").copy()
        sub["claim_date"] = sub[_date_column(sub)]
        sub["_date"] = pd.to_datetime(sub["claim_date"])
        sub["_unnamed"] = sub["claimant"].astype(str).str.startswith("(")
        sub = sub.sort_values(["_unnamed", "_date", "claimant", "value", "claim_id"], na_position="last")
        sub = sub.head(max_claims_per_topic)
        sub = sub.sort_values(["_date", "claimant", "value", "claim_id"], na_position="last")
        sub["n_claims"] = int(n)
        sub["topic_label"] = topic_label(topic)
        sub["value_label"] = [value_label(v, lo, hi, q) for v, lo, hi, q in
                              zip(sub["value"], sub["value_low"], sub["value_high"], sub["qualifier"])]
        sub["row_label"] = [
            " · ".join(x for x in (style.shorten(c, 32), d.isoformat() if pd.notna(d) and d is not None else "undated",
                                   style.shorten(o, 20) if style.present(o) else None) if x)
            for c, d, o in zip(sub["claimant"], sub["claim_date"], sub["outlet"])]
        sub["series_value"], sub["series_date"], sub["verdict"], sub["source_label"] = np.nan, None, None, None
        if checks is not None and len(checks):
            ref = checks.drop_duplicates("claim_id").set_index("claim_id")
            sub["series_value"] = sub["claim_id"].map(ref["series_value"]).astype(float)
            sub["series_date"] = sub["claim_id"].map(ref["series_date"])
            sub["verdict"] = sub["claim_id"].map(ref["verdict"])
            kinds = sub["claim_id"].map(ref["source_kind"]) if "source_kind" in ref.columns else pd.Series(None, index=sub.index)
            sub["source_label"] = [reference.source_label(k) if isinstance(k, str) and k not in ("ukrainian_official", "unattributed")
                                   else None for k in kinds]
        sub["log_scale"] = needs_log_scale(list(sub["value_low"]) + list(sub["value_high"])
                                           + list(sub["series_value"].dropna()))
        parts.append(sub)
    return pd.concat(parts, ignore_index=True)[LEDGER_COLUMNS]


def plot_ledger(rows: pd.DataFrame, *, source_line: str = "", title: str = "Who claims how many") -> Figure:
    if rows is None or rows.empty:
        return style.empty_figure("ledger", title, "No topic has two or more claims")
    topics = list(dict.fromkeys(rows["topic"]))
    with style.styled():
        fig = style.new_figure("ledger")
        heights = [max(len(rows[rows["topic"] == t]), 2) + 1.2 for t in topics]
        gs = fig.add_gridspec(len(topics), 1, height_ratios=heights, left=0.30, right=0.93, top=0.86,
                              bottom=0.07, hspace=0.55)
        for i, topic in enumerate(topics):
            sub = rows[rows["topic"] == topic].reset_index(drop=True)
            ax = fig.add_subplot(gs[i])
            colours = {c: _CLAIMANT_COLOURS[k % len(_CLAIMANT_COLOURS)]
                       for k, c in enumerate(dict.fromkeys(sub["claimant"]))}
            log = bool(sub["log_scale"].iloc[0])
            y = np.arange(len(sub))[::-1]
            vmax = float(max(sub["value_high"].max(), sub["series_value"].max(skipna=True))
                         if sub["series_value"].notna().any() else sub["value_high"].max())
            positive = sub.loc[sub["value_low"] > 0, "value_low"]
            lower = 10 ** math.floor(math.log10(float(positive.min()) / 2)) if log and len(positive) else 0.0
            for yi, r in zip(y, sub.itertuples(index=False)):
                colour = colours[r.claimant]
                hatch = "///" if r.qualifier in OPEN_ABOVE + OPEN_BELOW else None
                base = lower
                ax.barh(yi, r.value - base, left=base, height=0.6, color=colour, alpha=0.8, hatch=hatch,
                        edgecolor="white" if hatch else colour, linewidth=0)
                if r.value_high > r.value_low:
                    ax.plot([r.value_low, r.value_high], [yi, yi], color="#333333", linewidth=1.2)
                if r.qualifier in OPEN_ABOVE:
                    ax.plot([r.value], [yi], marker=">", color="#333333", markersize=6)
                elif r.qualifier in OPEN_BELOW:
                    ax.plot([r.value], [yi], marker="<", color="#333333", markersize=6)
                right = max(r.value, r.value_high)
                if pd.notna(r.series_value) and right * 0.9 <= r.series_value <= right * 1.1:
                    right = max(right, r.series_value)  # the label clears a diamond at the bar's end
                ax.annotate(r.value_label, (right, yi), xytext=(8, 0),
                            textcoords="offset points", va="center", fontsize=8, fontweight="bold")
                if pd.notna(r.series_value):  # the official count on the date the claim is compared on
                    ax.plot([r.series_value], [yi], marker="D", color=SERIES_COLOUR, markersize=6,
                            markeredgecolor="white", zorder=5)
                    ax.annotate(f"series {format_number(r.series_value)}: claim {r.verdict}" + (
                        f" ({r.source_label})" if isinstance(r.source_label, str) else ""), (r.series_value, yi), xytext=(0, 7),
                                textcoords="offset points", ha="center", va="bottom", fontsize=6.5,
                                color=SERIES_COLOUR)
            ax.set_yticks(y)
            ax.set_yticklabels(sub["row_label"], fontsize=7)
            if log:
                ax.set_xscale("log")
                ax.set_xlim(lower, vmax * 8)
                # plain numbers, not mathtext (off for data text): "1,000", not "$10^{3}$"
                ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v)))
                ax.xaxis.set_minor_formatter(NullFormatter())
            else:
                ax.set_xlim(0, vmax * 1.25 if vmax > 0 else 1)
                ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v)))
            ax.set_ylim(-0.7, len(sub) - 0.3)
            ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
            ax.set_axisbelow(True)
            scale = " — log scale" if log else ""
            total = int(sub["n_claims"].iloc[0])
            count = f"{len(sub)} claims" if total == len(sub) else f"{len(sub)} of {total} claims"
            ax.set_title(f"{style.shorten(sub['topic_label'].iloc[0], 80)}: {count}{scale}",
                         loc="left", fontsize=9)
            ax.tick_params(axis="x", labelsize=7)
        handles = [Patch(facecolor="#888888", hatch="///", edgecolor="white", label="open-ended (≥ at least, > more than, ≤ up to, < less than)"),
                   Patch(facecolor="#888888", label="stated value")]
        if rows["series_value"].notna().any():
            handles.append(Line2D([], [], marker="D", color=SERIES_COLOUR, linestyle="", markersize=6,
                                  label="Ukrainian General Staff series on the claim's date"))
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.01, 0.93), ncol=3, fontsize=7)
        fig.suptitle(title, x=0.01, y=0.985, ha="left", fontsize=13, fontweight="bold")
        fig.text(0.01, 0.94, f"{len(topics)} topic(s) of comparable figures (same owner, counted thing, event and kind of "
                 "figure) with two or more claims; claims ordered by the date they were made; bars coloured by claimant",
                 fontsize=8, color="#444444")
        style.add_source_line(fig, source_line)
    return fig
