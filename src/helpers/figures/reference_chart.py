"""Claimed figures against the Ukrainian General Staff series over time (``reference_checks``).

:func:`prepare_reference` (checks + series → one row per claim and the series points of each panel)
and :func:`plot_reference` (one panel per series category: the official line, each claim a dot at the
date it was compared on, coloured by whose figure it is; Oryx's dots are lower bounds by design).
"""
from __future__ import annotations

from datetime import timedelta

import pandas as pd
from matplotlib.figure import Figure

from helpers.figures import style

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
        axes = fig.subplots(len(names), 1, squeeze=False)[:, 0]
        for ax, name in zip(axes, names):
            line = lines[name]
            ax.plot(pd.to_datetime(pd.Index(line.index)), line.values, color="#333333", linewidth=1.2,
                    label="General Staff series")
            g = points[points["series"] == name]
            for kind, k in g.groupby("source_kind", sort=True):
                ax.scatter(pd.to_datetime(k["compared_on"]), k["value"], s=28, zorder=3,
                           color=SOURCE_COLOURS.get(kind, SOURCE_COLOURS["other"]),
                           label=kind.replace("_", " ") + (" (confirmed losses: lower bound)" if kind == "oryx" else ""))
            ax.set_title(name, loc="left", fontsize=10)
            ax.legend(loc="upper left", fontsize=7, frameon=False)
        axes[0].figure.suptitle(title, x=0.01, ha="left")
        if source_line:
            style.add_source_line(fig, source_line)
    return fig
