"""Small pictures drawn on the server as inline SVG (no chart JavaScript, ARCHITECTURE.md 11).

The CSP forbids `style=` attributes, so shapes carry SVG presentation attributes
(`fill=`) and classes that spark.css may restyle; every chart has a <title> and a
<desc> that says in words what the bars show, for screen readers and for paper.
"""
from markupsafe import Markup, escape

WIDTH = 320
HEIGHT = 170
LEFT = 30      # room for the scale's numbers
BOTTOM = 34    # room for the bars' labels
TOP = 18       # room for the value above the highest bar
BAR_FILL = "#5b3cc4"
AXIS_STROKE = "#9aa3b5"
TEXT_FILL = "#33384a"


def bar_chart(bars, *, title, description, chart_id, css_class="chart") -> Markup:
    """An SVG bar chart of `bars`, a list of (label, value) with values of zero or more."""
    count = max(1, len(bars))
    highest = max([value for _, value in bars] + [0])
    scale_top = _nice_ceiling(highest)
    plot_width = WIDTH - LEFT - 6
    plot_height = HEIGHT - BOTTOM - TOP
    slot = plot_width / count
    bar_width = max(2.0, slot * 0.7)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_height}" x2="{WIDTH - 4}" y2="{TOP + plot_height}" '
        f'stroke="{AXIS_STROKE}" stroke-width="1"/>',
        _scale_label(LEFT - 4, TOP + plot_height, 0),
        _scale_label(LEFT - 4, TOP + 4, scale_top),
        f'<line class="grid" x1="{LEFT}" y1="{TOP}" x2="{WIDTH - 4}" y2="{TOP}" stroke="{AXIS_STROKE}" '
        f'stroke-width="0.5" stroke-dasharray="3 3"/>',
    ]
    for index, (label, value) in enumerate(bars):
        height = 0 if scale_top == 0 else plot_height * value / scale_top
        x = LEFT + index * slot + (slot - bar_width) / 2
        y = TOP + plot_height - height
        centre = x + bar_width / 2
        parts.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar_width:.1f}" height="{height:.1f}" '
                     f'fill="{BAR_FILL}"><title>{escape(label)}: {_number(value)}</title></rect>')
        if value:
            parts.append(f'<text class="value" x="{centre:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                         f'font-size="10" fill="{TEXT_FILL}">{_number(value)}</text>')
        parts.append(f'<text class="label" x="{centre:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle" '
                     f'font-size="10" fill="{TEXT_FILL}">{escape(label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _scale_label(x, y, value):
    return (f'<text class="scale" x="{x}" y="{y}" text-anchor="end" font-size="10" '
            f'fill="{TEXT_FILL}">{_number(value)}</text>')


def _nice_ceiling(value):
    """The smallest of 1, 2, 5, 10, 20, 50… at or above `value` (at least 1), for a readable scale."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def _number(value):
    return f"{value:g}" if isinstance(value, float) else str(value)
