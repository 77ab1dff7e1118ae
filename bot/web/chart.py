"""Articles per day as a small bar chart, drawn on the server as SVG (no script, no style
attribute: the Content-Security-Policy allows neither)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

DAYS = 30
WIDTH, HEIGHT, GAP = 150, 32, 1


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str  # "2026-11-22: 4 articles", the bar's tooltip


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    total: int
    summary: str  # what the chart says, for screen readers


def per_day(counts: dict[date, int], today: date, days: int = DAYS) -> Chart:
    """A bar for each of the ``days`` days up to ``today`` (oldest left), scaled to the
    busiest; a day without articles has a 1-pixel bar, so the days stay countable."""
    first = today - timedelta(days=days - 1)
    series = [
        (first + timedelta(days=n), counts.get(first + timedelta(days=n), 0)) for n in range(days)
    ]
    top = max((count for _, count in series), default=0) or 1
    step = WIDTH / days
    bars = []
    for index, (day, count) in enumerate(series):
        height = max(1.0, (HEIGHT - 2) * count / top)
        noun = "article" if count == 1 else "articles"
        bars.append(
            Bar(
                x=round(index * step, 2),
                y=round(HEIGHT - height, 2),
                width=round(step - GAP, 2),
                height=round(height, 2),
                label=f"{day.isoformat()}: {count} {noun}",
            )
        )
    total = sum(count for _, count in series)
    busiest = max(series, key=lambda pair: pair[1])
    summary = f"{total} articles in the last {days} days"
    if total:
        summary += f", most on {busiest[0].isoformat()} ({busiest[1]})"
    return Chart(WIDTH, HEIGHT, tuple(bars), total, summary)
