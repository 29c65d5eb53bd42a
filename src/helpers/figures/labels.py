"""Greedy, deterministic placement of point labels that never overlap.

Labels are tried in priority order at a few positions around their point; a
label is kept at the first position whose box overlaps no kept label and stays
inside the axes, and dropped otherwise (label thinning). Unlike iterative
repulsion, the result is guaranteed collision-free and identical on every run.
"""
from __future__ import annotations

from typing import Sequence

from matplotlib.axes import Axes
from matplotlib.text import Text
from matplotlib.transforms import Bbox

# (dx, dy) in points, horizontal and vertical alignment: right, left, above, below, diagonals.
_POSITIONS = (
    (5, 0, "left", "center"),
    (-5, 0, "right", "center"),
    (0, 5, "center", "bottom"),
    (0, -5, "center", "top"),
    (4, 4, "left", "bottom"),
    (-4, 4, "right", "bottom"),
    (4, -4, "left", "top"),
    (-4, -4, "right", "top"),
)


def place_labels(
    ax: Axes,
    xs: Sequence[float],
    ys: Sequence[float],
    texts: Sequence[str],
    *,
    fontsize: float = 8,
    pad: float = 1.5,
    max_labels: int | None = None,
    radii: Sequence[float] | None = None,
    obstacles: int | None = None,
    **text_kwargs,
) -> list[Text]:
    """Label points (in data coordinates, given in priority order) without overlaps.

    ``radii`` (marker radii in points) keep labels off the markers of the first
    ``obstacles`` points (all by default), their own included; smaller,
    lower-priority markers may sit under a label. Returns the kept :class:`~matplotlib.text.Text` artists. Axis
    limits must be final before calling (positions are computed in display space).
    """
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    axes_box = ax.get_window_extent(renderer)
    radii = list(radii) if radii is not None else [0.0] * len(xs)
    px_per_pt = fig.dpi / 72.0
    centres = ax.transData.transform(list(zip(xs, ys))) if len(xs) else []
    markers = [Bbox.from_bounds(cx - r * px_per_pt, cy - r * px_per_pt, 2 * r * px_per_pt, 2 * r * px_per_pt)
               for (cx, cy), r in list(zip(centres, radii))[:obstacles]]
    kept: list[Text] = []
    boxes: list[Bbox] = []
    for x, y, label, r in zip(xs, ys, texts, radii):
        if max_labels is not None and len(kept) >= max_labels:
            break
        if not label:
            continue
        for dx, dy, ha, va in _POSITIONS:
            ox = dx + (r if dx > 0 else -r if dx < 0 else 0)
            oy = dy + (r if dy > 0 else -r if dy < 0 else 0)
            artist = ax.annotate(
                label, (x, y), xytext=(ox, oy), textcoords="offset points",
                ha=ha, va=va, fontsize=fontsize, annotation_clip=True, **text_kwargs,
            )
            box = artist.get_window_extent(renderer).expanded(1.0, 1.0).padded(pad)
            inside = (box.x0 >= axes_box.x0 and box.x1 <= axes_box.x1
                      and box.y0 >= axes_box.y0 and box.y1 <= axes_box.y1)
            if inside and not any(box.overlaps(other) for other in boxes) and not any(
                    box.overlaps(m) for m in markers):
                kept.append(artist)
                boxes.append(box)
                break
            artist.remove()
    return kept


def boxes_overlap(artists: Sequence[Text]) -> bool:
    """True when any two of the drawn labels overlap (used by tests)."""
    renderer = artists[0].figure.canvas.get_renderer() if artists else None
    boxes = [a.get_window_extent(renderer) for a in artists]
    return any(boxes[i].overlaps(boxes[j]) for i in range(len(boxes)) for j in range(i + 1, len(boxes)))
