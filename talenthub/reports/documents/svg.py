"""Bar charts as inline SVG for the PDF (WeasyPrint draws SVG; no JavaScript in a PDF)."""

from __future__ import annotations

from django.utils.html import escape

WIDTH, HEIGHT, PAD, AXIS = 640, 220, 28, 20
COLOURS = ("#0b4f8a", "#0a6b4f", "#8a4b0b")


def bar_chart(labels: list[str], series: list[tuple[str, list[float | None]]]) -> str:
    """Grouped bars, one group per label, one bar per series; values printed above the bars."""
    top = max([v or 0 for _name, values in series for v in values] + [1])
    group = (WIDTH - 2 * PAD) / max(len(labels), 1)
    bar = group * 0.8 / max(len(series), 1)
    plot = HEIGHT - PAD - AXIS
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img">'
    ]
    for i, label in enumerate(labels):
        x0 = PAD + i * group + group * 0.1
        for j, (_name, values) in enumerate(series):
            value = values[i] or 0
            h = plot * value / top
            x, y = x0 + j * bar, PAD + plot - h
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar * 0.9:.1f}" height="{h:.1f}" '
                f'fill="{COLOURS[j % len(COLOURS)]}"/>'
            )
            parts.append(
                f'<text x="{x + bar * 0.45:.1f}" y="{y - 3:.1f}" font-size="9" '
                f'text-anchor="middle">{value:g}</text>'
            )
        parts.append(
            f'<text x="{x0 + group * 0.4:.1f}" y="{HEIGHT - 6}" font-size="11" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
    for j, (name, _values) in enumerate(series):
        y = 12 + j * 14
        parts.append(
            f'<rect x="{WIDTH - 190}" y="{y - 9}" width="10" height="10" '
            f'fill="{COLOURS[j % len(COLOURS)]}"/>'
        )
        parts.append(f'<text x="{WIDTH - 175}" y="{y}" font-size="11">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)
