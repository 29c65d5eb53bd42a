"""Claimed figures against the Ukrainian General Staff series over time (``reference_checks``).

:func:`prepare_reference` (checks + series → one row per claim and the series points of each panel)
and :func:`plot_reference` (one panel per series category: the official line, each claim a dot at the
date it was compared on, coloured by whose figure it is; Oryx's dots are lower bounds by design).
"""
from __future__ import annotations

from datetime import timedelta

import pandas as pd
import matplotlib.dates as mdates
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from helpers.figures import style
from helpers.ledger import reference

SOURCE_COLOURS = {"ukrainian_official": "#0072B2", "unattributed": "#999999", "oryx": "#E69F00",
                  "russian": "#D55E00", "other": "#CC79A7"}
POINT_COLUMNS = ["series", "claim_id", "compared_on", "value", "series_value", "verdict", "source_kind", "claimant"]


def prepare_reference(checks: pd.DataFrame, series: pd.DataFrame, labels: dict[str, str],
                      margin_days: int = 30) -> tuple[pd.DataFrame, dict[str, pd.Series]]:
    """(claim points, {series label: the official series over the claims' dates ± margin}).

    ``labels``: series label → the series' column key (from ``ledger/rules/reference_categories.csv``)."""
    if checks is None or checks.empty:
        return pd.DataFrame(columns=POINT_COLUMNS), {}
    points = checks[POINT_COLUMNS].sort_values(["series", "compared_on", "claim_id"]).reset_index(drop=True)
    lines = {}
    for label, g in points.groupby("series", sort=True):
        lo, hi = min(g["compared_on"]) - timedelta(days=margin_days), max(g["compared_on"]) + timedelta(days=margin_days)
        col = series[labels[label]].dropna()
        lines[label] = col[(col.index >= lo) & (col.index <= hi)]
    return points, lines


def plot_reference(points: pd.DataFrame, lines: dict[str, pd.Series], *, source_line: str = "",
                   title: str = "Claimed losses against the General Staff series") -> Figure:
    if points is None or points.empty:
        return style.empty_figure("ledger", title, "No claim was checked against the series")
    names = list(lines)
    with style.styled():
        fig = style.new_figure("ledger")
        gs = fig.add_gridspec(len(names), 1, left=0.09, right=0.97, top=0.88, bottom=0.08, hspace=0.75)
        axes = [fig.add_subplot(gs[i]) for i in range(len(names))]
        for ax, name in zip(axes, names):
            line = lines[name]
            ax.plot(pd.to_datetime(pd.Index(line.index)), line.values, color="#333333", linewidth=1.2,
                    label="General Staff series")
            g = points[points["series"] == name]
            for kind, k in g.groupby("source_kind", sort=True):
                ax.scatter(pd.to_datetime(k["compared_on"]), k["value"], s=28, zorder=3,
                           color=SOURCE_COLOURS.get(kind, SOURCE_COLOURS["other"]),
                           label=reference.source_label(kind))
            ax.set_title(name, loc="left", fontsize=10, fontweight="bold")
            ax.legend(loc="upper left", fontsize=7, frameon=False)
            locator = mdates.AutoDateLocator(maxticks=7)
            ax.xaxis.set_major_locator(locator)
            ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
            ax.tick_params(labelsize=8)
        fig.suptitle(title, x=0.01, y=0.985, ha="left", fontsize=13, fontweight="bold")
        fig.text(0.01, 0.935, "line: the Ukrainian General Staff's cumulative count; dots: claimed figures on the date they "
                 "are compared on (refers_to, else claimed_on), coloured by whose figure it is", fontsize=8, color="#444444")
        if source_line:
            style.add_source_line(fig, source_line)
    return fig
