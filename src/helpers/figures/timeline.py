"""Timeline of dated events: a day as a point, a week/month/season/year as a span.

``prepare_timeline`` keeps the events with a resolved date and marks which of
them get a lane of their own (at most ``max_rows``, spread evenly over time, so
the figure stays readable for hundreds of articles); ``plot_timeline`` draws
those lanes, labelled with a short description and the article's outlet, over
a strip counting *all* dated events per week.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import schemas
from . import style

TIMELINE_COLUMNS = ["article_id", "sentence_id", "type", "start", "end", "precision", "is_span", "when",
                    "label", "source", "selected"]


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
    for r in articles[["article_id", "outlet", "title"]].itertuples(index=False):
        out[r.article_id] = style.shorten(style.present(r.outlet) or style.present(r.title) or r.article_id, 24)
    return out


def prepare_timeline(events: pd.DataFrame, articles: pd.DataFrame | None = None, max_rows: int = 40,
                     label_width: int = 48) -> pd.DataFrame:
    """One row per dated event, sorted by date; ``selected`` marks the rows drawn as lanes."""
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
    n = len(dated)
    keep = np.unique(np.linspace(0, n - 1, min(n, max_rows)).round().astype(int)) if n else []
    dated["selected"] = False
    dated.loc[keep, "selected"] = True
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
        gs = fig.add_gridspec(2, 1, height_ratios=(6, 1), left=0.45, right=0.98, top=0.90, bottom=0.08,
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
        counts = weekly_counts(rows)
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
        strip.set_ylabel("per week", fontsize=7)
        strip.tick_params(axis="x", labelsize=7, rotation=0)
        span_days = (max(rows["end"]) - min(rows["start"])).days + 1
        pad = dt.timedelta(days=max(1, span_days // 40))
        ax.set_xlim(min(rows["start"]) - pad, max(rows["end"]) + one_day + pad)
        types = [t for t in schemas.EVENT_TYPES if t in set(rows["type"])]
        handles = [Patch(color=style.EVENT_COLOURS[t], label=t.replace("_", " ")) for t in types]
        handles += [Line2D([], [], marker="o", linestyle="", color="#666666", label="day"),
                    Patch(color="#666666", alpha=0.55, label="week / month / longer")]
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.45, 0.955), ncol=min(len(handles), 6),
                   fontsize=7)
        fig.suptitle(title, x=0.01, y=0.985, ha="left", fontsize=13, fontweight="bold")
        fig.text(0.01, 0.935, f"{len(lanes)} of {len(rows)} dated events shown as lanes (spread over time); "
                              f"the strip counts all {len(rows)}", fontsize=8, color="#444444")
        style.add_source_line(fig, source_line)
    return fig
