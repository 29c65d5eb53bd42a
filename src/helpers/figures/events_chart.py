"""Bar chart of the ``events`` table by type: all events and those with a resolved date (notebook 06)."""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from helpers.core import schemas
from helpers.figures import style

COLOURS = {"events": "#9aa5b1", "dated": "#1f5f8b"}


def event_type_counts(events: pd.DataFrame) -> pd.DataFrame:
    """Events and dated events per type, every type of the taxonomy listed (zeros included)."""
    dated = events["date_start"].notna() if len(events) else pd.Series(dtype=bool)
    counts = pd.DataFrame({
        "events": events.groupby("type").size() if len(events) else pd.Series(dtype=int),
        "dated": dated.groupby(events["type"]).sum() if len(events) else pd.Series(dtype=int),
    })
    return counts.reindex(list(schemas.EVENT_TYPES), fill_value=0).fillna(0).astype(int)


def plot_event_types(counts: pd.DataFrame) -> Figure:
    """Horizontal bars, one pair per type, in taxonomy order."""
    if int(counts["events"].sum()) == 0:
        return style.empty_figure("summary", "Events by type", "no events")
    with style.styled():
        fig = style.new_figure("summary")
        ax = fig.add_subplot()
        rows = counts.iloc[::-1]
        y = range(len(rows))
        ax.barh([i + 0.2 for i in y], rows["events"], height=0.4, color=COLOURS["events"], label="all")
        ax.barh([i - 0.2 for i in y], rows["dated"], height=0.4, color=COLOURS["dated"], label="with a resolved date")
        ax.set_yticks(list(y), [t.replace("_", " ") for t in rows.index])
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("sentences reporting an event")
        ax.set_title("Events by type", loc="left")
        ax.legend(loc="lower right", frameon=False)
        fig.tight_layout()
    return fig
