"""Bar charts as inline SVG, made on the server (no script, no inline style: the CSP allows neither).

Colours and fonts come from console.css through the classes ``chart``, ``bar``, ``label``, ``value``
and ``axis``; every text is escaped. Each chart has a <title> and an aria-label for screen readers.
"""
from __future__ import annotations

from html import escape
from typing import Sequence, Tuple


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def horizontal_bars(items: Sequence[Tuple[str, int]], title: str, width: int = 640, label_width: int = 230) -> str:
    """One row per item: label, bar proportional to the largest value, the value."""
    row, gap, top = 22, 6, 4
    height = top + len(items) * (row + gap) + 4
    largest = max((value for _, value in items), default=0) or 1
    room = width - label_width - 60
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value) in enumerate(items):
        y = top + index * (row + gap)
        bar = max(room * value / largest, 1 if value else 0)
        parts.append(
            f'<text class="label" x="{label_width - 8}" y="{_fmt(y + row * 0.7)}" text-anchor="end">{escape(label)}</text>'
            f'<rect class="bar" x="{label_width}" y="{y}" width="{_fmt(bar)}" height="{row}" rx="3"></rect>'
            f'<text class="value" x="{_fmt(label_width + bar + 6)}" y="{_fmt(y + row * 0.7)}">{value:,}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def vertical_bars(items: Sequence[Tuple[str, int]], title: str, width: int = 640, height: int = 200) -> str:
    """One column per item (e.g. a day), value above, label below; the axis starts at zero."""
    bottom, top, left = 34, 18, 8
    plot = height - bottom - top
    largest = max((value for _, value in items), default=0) or 1
    step = (width - 2 * left) / max(len(items), 1)
    bar_width = max(step * 0.7, 2)
    parts = [
        f'<svg class="chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{escape(title)}</title>",
        f'<line class="axis" x1="{left}" y1="{height - bottom}" x2="{width - left}" y2="{height - bottom}"></line>',
    ]
    label_every = max(1, round(len(items) / 10))
    for index, (label, value) in enumerate(items):
        x = left + index * step + (step - bar_width) / 2
        bar = plot * value / largest
        y = height - bottom - bar
        centre = x + bar_width / 2
        parts.append(
            f'<rect class="bar" x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(bar_width)}" height="{_fmt(bar)}" rx="2">'
            f"<title>{escape(label)}: {value:,}</title></rect>"
        )
        if value:
            parts.append(f'<text class="value" x="{_fmt(centre)}" y="{_fmt(y - 4)}" text-anchor="middle">{value:,}</text>')
        if index % label_every == 0 or index == len(items) - 1:
            parts.append(
                f'<text class="label" x="{_fmt(centre)}" y="{height - bottom + 16}" text-anchor="middle">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)
