"""Charts for admins, as PNG bytes: admins would rather look than read.

matplotlib is drawn through its Agg canvas on a `Figure` of our own (not pyplot), so nothing
needs a display and concurrent reports never share pyplot's global state. Drawing takes a
moment: call it from a worker thread (`asyncio.to_thread`).
"""

from __future__ import annotations

import datetime as dt
import io

from bot import texts

# Outcome -> bar colour: green answered, amber suggested, red not known.
COLOURS = {"answer": "#2e7d32", "suggest": "#f9a825", "unknown": "#c62828"}


def questions_per_day_png(per_day: list[tuple[dt.date, dict[str, int]]], title: str) -> bytes:
    """Stacked bars of questions per day by outcome (answered, suggested, unknown)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, DateFormatter
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=(8, 4), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    days = [day for day, _ in per_day]
    bottom = [0] * len(days)
    for outcome, label in texts.ADMIN_CHART_LEGEND:
        counts = [counts.get(outcome, 0) for _, counts in per_day]
        axes.bar(days, counts, bottom=bottom, color=COLOURS[outcome], label=label, width=0.8)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    axes.set_title(title)
    axes.set_ylabel(texts.ADMIN_CHART_Y_LABEL)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(bottom=0, top=max([*bottom, 1]) * 1.15)
    axes.legend(loc="upper left", frameon=False, ncols=3)
    axes.spines[["top", "right"]].set_visible(False)
    axes.xaxis.set_major_locator(AutoDateLocator(maxticks=10))
    axes.xaxis.set_major_formatter(DateFormatter("%d/%m"))
    figure.autofmt_xdate()
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
