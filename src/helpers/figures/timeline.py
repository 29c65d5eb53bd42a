"""Timeline of dated events: a day as a point, a week/month/season/year as a span.

``prepare_timeline`` keeps the events with a resolved date and marks which of
them get a lane of their own (at most ``max_rows``, spread evenly over time, so
the figure stays readable for hundreds of articles); ``plot_timeline`` draws
those lanes, labelled with a short description and the article's outlet, over
a strip counting *all* dated events per week.
"""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import matplotlib.dates as mdates
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.core import schemas
from helpers.figures import style

TIMELINE_COLUMNS = ["article_id", "sentence_id", "type", "start", "end", "precision", "is_span", "when",
                    "label", "source", "in_window", "selected"]
FINE_PRECISIONS = ("day", "week", "month")


def when_text(start: dt.date, end: dt.date, precision: str) -> str:
    """A compact date at the event's precision: 2024-10-18, 2024-10, 2024, or start–end."""
    if precision == "day" and start == end:
        return start.isoformat()
    if precision == "month":
        return start.strftime("%Y-%m")
    if precision == "year":
        return start.strftime("%Y")
    return f"{start.isoformat()}–{end.isoformat()}"


def _source_names(articles: pd.DataFrame | None) -> dict[str, str]:
    if articles is None or articles.empty:
        return {}
    out = {}
    for r in articles.itertuples(index=False):
        name = style.present(getattr(r, "outlet", None)) or style.article_label(
            getattr(r, "title", None), getattr(r, "text", None))
        out[r.article_id] = style.shorten(name, 24) if name else r.article_id[:8]
    return out


def core_window(starts, coverage: float = 0.9) -> tuple[dt.date, dt.date]:
    """The shortest period holding ``coverage`` of the dates (background mentions of 1850 or
    2014 would otherwise squeeze a 2022 war into a sliver of the axis)."""
    days = sorted(starts)
    k = max(1, math.ceil(coverage * len(days)))
    if k >= len(days):
        return days[0], days[-1]
    widths = [(days[i + k - 1] - days[i], i) for i in range(len(days) - k + 1)]
    _, i = min(widths)
    return days[i], days[i + k - 1]


def prepare_timeline(events: pd.DataFrame, articles: pd.DataFrame | None = None, max_rows: int = 40,
                     label_width: int = 48, coverage: float = 0.9) -> pd.DataFrame:
    """One row per dated event, sorted by date.

    ``in_window`` marks the events inside the core period (:func:`core_window`, the
    shortest period holding ``coverage`` of the day/week/month-precision events —
    year-level mentions are mostly background; with at most ``max_rows`` events the
    window is used only when the whole span is over three times longer); ``selected`` marks the at most
    ``max_rows`` drawn as lanes: events inside the window, day/week/month precision
    first, spread evenly over time.
    """
    if events is None or events.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    dated = events.dropna(subset=["date_start"]).copy()
    if dated.empty:
        return pd.DataFrame(columns=TIMELINE_COLUMNS)
    dated["start"] = pd.to_datetime(dated["date_start"]).dt.date
    dated["end"] = pd.to_datetime(dated["date_end"].fillna(dated["date_start"])).dt.date
    dated["end"] = [max(s, e) for s, e in zip(dated["start"], dated["end"])]
    dated["precision"] = dated["precision"].fillna("day")
    dated["is_span"] = (dated["precision"] != "day") | (dated["end"] > dated["start"])
    dated["when"] = [when_text(a, b, p) for a, b, p in zip(dated["start"], dated["end"], dated["precision"])]
    dated["label"] = [style.shorten(t, label_width) for t in dated["text"]]
    names = _source_names(articles)
    dated["source"] = [names.get(a, a[:8]) for a in dated["article_id"]]
    dated = dated.sort_values(["start", "end", "article_id", "sentence_id"]).reset_index(drop=True)
    fine_dates = dated.loc[dated["precision"].isin(FINE_PRECISIONS), "start"]
    basis = fine_dates if len(fine_dates) >= max(5, len(dated) // 2) else dated["start"]
    lo, hi = core_window(basis, coverage)
    full_days = (dated["end"].max() - dated["start"].min()).days + 1
    if len(dated) <= max_rows and full_days <= 3 * ((hi - lo).days + 1):  # few events, no outliers: show all
        lo, hi = dated["start"].min(), dated["end"].max()
    dated["in_window"] = (dated["start"] >= lo) & (dated["start"] <= hi)
    fine = dated.index[dated["in_window"] & dated["precision"].isin(FINE_PRECISIONS)]
    pool = fine if len(fine) >= max_rows else dated.index[dated["in_window"]]
    picks = np.unique(np.linspace(0, len(pool) - 1, min(len(pool), max_rows)).round().astype(int)) if len(pool) else []
    dated["selected"] = False
    dated.loc[pool[picks] if len(pool) else [], "selected"] = True
    return dated[TIMELINE_COLUMNS]


def weekly_counts(rows: pd.DataFrame) -> pd.DataFrame:
    """Dated events per ISO week (Monday) and type, for the density strip."""
    if rows.empty:
        return pd.DataFrame(columns=["week", "type", "n"])
    weeks = [d - dt.timedelta(days=d.weekday()) for d in rows["start"]]
    out = pd.DataFrame({"week": weeks, "type": rows["type"]}).groupby(["week", "type"]).size()
    return out.reset_index(name="n").sort_values(["week", "type"]).reset_index(drop=True)


def plot_timeline(rows: pd.DataFrame, *, source_line: str = "", title: str = "Dated events") -> Figure:
    if rows is None or rows.empty:
        return style.empty_figure("timeline", title, "No dated events")
    lanes = rows[rows["selected"]].reset_index(drop=True)
    with style.styled():
        fig = style.new_figure("timeline")
        gs = fig.add_gridspec(2, 1, height_ratios=(6, 1), left=0.45, right=0.98, top=0.86, bottom=0.08,
                              hspace=0.12)
        ax = fig.add_subplot(gs[0])
        strip = fig.add_subplot(gs[1], sharex=ax)
        y = np.arange(len(lanes))[::-1]
        one_day = dt.timedelta(days=1)
        for yi, r in zip(y, lanes.itertuples(index=False)):
            colour = style.EVENT_COLOURS.get(r.type, style.EVENT_COLOURS["other"])
            if r.is_span:
                ax.barh(yi, (r.end + one_day) - r.start, left=r.start, height=0.55, color=colour, alpha=0.55,
                        edgecolor=colour, linewidth=0.8)
            else:
                ax.plot([r.start + one_day / 2], [yi], marker="o", markersize=6, color=colour,
                        markeredgecolor="#333333", markeredgewidth=0.5)
        ax.set_yticks(y)
        ax.set_yticklabels([f"{r.when} · {r.label} — {r.source}" for r in lanes.itertuples(index=False)], fontsize=7)
        ax.set_ylim(-0.8, len(lanes) - 0.2)
        ax.grid(axis="x", color="#E5E5E5", linewidth=0.6)
        ax.tick_params(axis="x", labelbottom=False)
        inside = rows[rows["in_window"]]
        counts = weekly_counts(inside)
        bottom = {}
        for t in schemas.EVENT_TYPES:
            sub = counts[counts["type"] == t]
            if sub.empty:
                continue
            base = [bottom.get(w, 0) for w in sub["week"]]
            strip.bar(list(sub["week"]), sub["n"], width=6, bottom=base, align="edge",
                      color=style.EVENT_COLOURS[t], linewidth=0)
            for w, n in zip(sub["week"], sub["n"]):
                bottom[w] = bottom.get(w, 0) + n
        locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
        strip.xaxis.set_major_locator(locator)
        strip.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        strip.set_ylabel("per week", fontsize=7)
        strip.tick_params(axis="x", labelsize=7, rotation=0)
        x0, x1 = min(inside["start"]), max(max(lanes["end"]), max(inside["start"]))
        pad = dt.timedelta(days=max(1, ((x1 - x0).days + 1) // 40))
        ax.set_xlim(x0 - pad, x1 + one_day + pad)
        types = [t for t in schemas.EVENT_TYPES if t in set(rows["type"])]
        handles = [Patch(color=style.EVENT_COLOURS[t], label=t.replace("_", " ")) for t in types]
        handles += [Line2D([], [], marker="o", linestyle="", color="#666666", label="day"),
                    Patch(color="#666666", alpha=0.55, label="week / month / longer")]
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.01, 0.925), ncol=min(len(handles), 10),
                   fontsize=7)
        fig.suptitle(title, x=0.01, y=0.985, ha="left", fontsize=13, fontweight="bold")
        outside = len(rows) - len(inside)
        note = f"{len(lanes)} of {len(rows)} dated events shown as lanes (sampled evenly in date order); the strip counts " + (
            f"the {len(inside)} from {x0.isoformat()} to {max(inside['start']).isoformat()} "
            f"({outside} earlier or later not drawn)" if outside else f"all {len(rows)}")
        fig.text(0.01, 0.945, style.shorten(note, 200), fontsize=8, color="#444444")
        style.add_source_line(fig, source_line)
    return fig
