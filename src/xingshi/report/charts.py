"""Charts for the briefing: matplotlib (Agg) with the CJK font shipped in the mplfonts package.

The font is loaded from the package's files by path, so nothing is downloaded and no system
font is needed; every label is drawn with it, which is what keeps Chinese from turning to boxes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager
from matplotlib.axes import Axes
from matplotlib.figure import Figure

HIGHLIGHT = "#c0392b"
NORMAL = "#7f8c8d"
LINE = "#2c3e50"
# Sizes read on a phone (the picture shrinks to ~360 px) and on A4 (15 cm wide).
WIDTH = 5.6  # inches
SMALL = 10  # value labels, ticks, legends
TITLE = 12.5
LIGHT_COLORS = {"red": "#e74c3c", "yellow": "#f1c40f", "green": "#27ae60"}


@cache
def cjk_font_path() -> Path:
    """Noto Sans CJK SC from the mplfonts package (SimHei as the fallback)."""
    import mplfonts

    fonts = Path(mplfonts.__file__).parent / "fonts"
    for name in ("NotoSansCJKsc-Regular.otf", "SimHei.ttf", "SourceHanSerifSC-Regular.otf"):
        if (fonts / name).exists():
            return fonts / name
    raise FileNotFoundError(f"no CJK font in {fonts}")


@cache
def cjk_font_name() -> str:
    path = cjk_font_path()
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


# The tallest picture: at 15 cm wide on A4 (text area 156 × 225 mm) with its caption below.
MAX_HEIGHT = 7.0  # inches, i.e. 18.75 cm at 15 cm wide
LEGEND_ROOM = 0.38  # inches under the axes for a legend row


def _figure(
    width: float = WIDTH,
    height: float = 3.6,
    *,
    labels: Sequence[str] = (),
    bottom: float = 0.13,
    legend: bool = False,
) -> tuple[Figure, Axes]:
    """A figure with fixed margins: automatic layout engines draw twice and cost half the time.

    `labels` are the y-axis labels of a horizontal bar chart, whose length sets the left margin;
    `legend` leaves a row under the axes for the legend, so that it never covers a bar."""
    height = min(height, MAX_HEIGHT)
    matplotlib.rcParams["font.family"] = [cjk_font_name()]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["font.size"] = SMALL
    fig = Figure(figsize=(width, height), dpi=150)  # sharp at 15 cm on A4
    longest = max((len(x) for x in labels), default=0)
    # a CJK label at SMALL points is about 0.15 in a character
    left = min(0.45, (0.35 + 0.15 * longest) / width) if labels else 0.6 / width
    low = max(bottom, 0.6 / height) + (LEGEND_ROOM / height if legend else 0.0)
    fig.subplots_adjust(left=left, right=0.95, top=1 - 0.45 / height, bottom=low)
    ax = fig.add_subplot(1, 1, 1)
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _legend_below(fig: Figure, ax: Axes) -> None:
    """The legend in its own row at the bottom of the figure, outside the axes."""
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        fig.legend(
            handles,
            labels,
            loc="lower center",
            ncol=min(len(handles), 3),
            frameon=False,
            fontsize=SMALL,
            bbox_to_anchor=(0.5, 0.0),
        )


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()


def _room_for_labels(ax: Axes, values: Sequence[float]) -> None:
    """Widen a horizontal bar chart's value axis so the labels at the bar ends are not cut."""
    low, high = min(0.0, *values), max(0.0, *values)
    span = (high - low) or 1.0
    ax.set_xlim(low - (0.12 * span if low < 0 else 0), high + 0.12 * span)


def peer_growth(
    title: str, rows: Sequence[tuple[str, float]], highlight: str, parent: tuple[str, float] | None
) -> bytes:
    """Growth of each peer, best first, the region in red and the parent's growth as a line."""
    rows = sorted(rows, key=lambda r: r[1], reverse=True)
    names = [r[0] for r in rows][::-1]
    # 31 provinces fit the page: bars get thinner, labels smaller, never taller than MAX_HEIGHT
    many = len(rows) > 16
    height = max(3.2, (0.18 if many else 0.28) * len(rows) + 1.6)
    fig, ax = _figure(WIDTH, height, labels=names, legend=parent is not None)
    values = [r[1] for r in rows][::-1]
    colors = [HIGHLIGHT if n == highlight else NORMAL for n in names]
    bars = ax.barh(names, values, color=colors)
    size = SMALL - 2 if many else SMALL
    ax.bar_label(bars, labels=[f"{v:.1f}" for v in values], fontsize=size, padding=2)
    ax.tick_params(axis="y", labelsize=size)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    _room_for_labels(ax, [*values, *([parent[1]] if parent else [])])
    if parent is not None:
        label = f"{parent[0]} {parent[1]:.1f}%"
        ax.axvline(parent[1], color=LINE, linestyle="--", linewidth=1, label=label)
        _legend_below(fig, ax)
    ax.set_xlabel("增速（%）")
    ax.set_title(title, fontsize=TITLE)
    return _png(fig)


def children_growth(
    title: str, rows: Sequence[tuple[str, float, str | None]], parent: tuple[str, float]
) -> bytes:
    """Each child's growth, coloured by its light, against the parent's own growth."""
    names = [r[0] for r in rows]
    fig, ax = _figure(bottom=0.22 if len(rows) > 6 else 0.13, legend=True)
    colors = [LIGHT_COLORS.get(r[2] or "", NORMAL) for r in rows]
    bars = ax.bar(names, [r[1] for r in rows], color=colors)
    ax.bar_label(bars, labels=[f"{r[1]:.1f}" for r in rows], fontsize=SMALL)
    ax.axhline(
        parent[1], color=LINE, linestyle="--", linewidth=1, label=f"{parent[0]} {parent[1]:.1f}%"
    )
    _legend_below(fig, ax)
    ax.set_ylabel("增速（%）")
    ax.set_title(title, fontsize=TITLE)
    ax.tick_params(axis="x", labelsize=SMALL, rotation=30 if len(rows) > 6 else 0)
    return _png(fig)


def monthly_growth(title: str, series: dict[str, list[tuple[int, float]]]) -> bytes:
    """Cumulative growth month by month (1-2月, 1-3月 …) of the key indicators."""
    rows = (len(series) + 2) // 3
    fig, ax = _figure(WIDTH, 3.6 + LEGEND_ROOM * (rows - 1), legend=True)
    if rows > 1:  # more legend rows than the one _figure leaves room for
        fig.subplots_adjust(bottom=fig.subplotpars.bottom + LEGEND_ROOM * (rows - 1) / 4.0)
    months: set[int] = set()
    for name, points in series.items():
        xs = [m for m, _ in points]
        months.update(xs)
        ax.plot(xs, [g for _, g in points], marker="o", linewidth=1.5, label=name)
    ticks = sorted(months)
    ax.set_xticks(ticks, [f"1-{m}月" if m > 1 else "1月" for m in ticks], fontsize=SMALL)
    ax.set_ylabel("累计增速（%）")
    _legend_below(fig, ax)
    ax.set_title(title, fontsize=TITLE)
    ax.grid(axis="y", alpha=0.3)
    return _png(fig)


def target_progress(title: str, rows: Sequence[tuple[str, float]], time_progress: float) -> bytes:
    """Completion of annual targets against the time progress line."""
    names = [r[0] for r in rows][::-1]
    fig, ax = _figure(WIDTH, max(3.0, 0.35 * len(rows) + 1.6), labels=names, legend=True)
    values = [r[1] for r in rows][::-1]
    colors = ["#27ae60" if v >= time_progress else "#e74c3c" for v in values]
    bars = ax.barh(names, values, color=colors)
    ax.bar_label(bars, labels=[f"{v:.1f}%" for v in values], fontsize=SMALL, padding=2)
    _room_for_labels(ax, [*values, time_progress])
    label = f"时间进度 {time_progress:.1f}%"
    ax.axvline(time_progress, color=LINE, linestyle="--", linewidth=1, label=label)
    _legend_below(fig, ax)
    ax.set_xlabel("完成全年目标（%）")
    ax.set_title(title, fontsize=TITLE)
    return _png(fig)


def render_text(text: str, font: Path | str | None = None, size: int = 40) -> bytes:
    """Draw `text` alone with a font file (default: the CJK font) and return raw RGBA pixels."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=(3, 1), dpi=50)
    canvas = FigureCanvasAgg(fig)
    props = font_manager.FontProperties(fname=str(font or cjk_font_path()), size=size)
    fig.text(0.05, 0.2, text, fontproperties=props)
    canvas.draw()
    return bytes(canvas.buffer_rgba())
