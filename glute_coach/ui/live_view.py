"""Live EMG traces: one stacked pyqtgraph plot per channel, raw signal and envelope.

Import this module lazily (only when a live plot is first shown): it imports pyqtgraph, which
costs 0.4-0.7 s (field notes section 4).

Acquisition runs on its own thread and writes :class:`~glute_coach.sensors.ring_buffer.RingBuffer`
objects; :class:`LiveView` never redraws per sample block. A precise GUI timer (60 Hz by default)
calls :meth:`LiveView.refresh`, which takes the newest ``window_s`` seconds ONCE per frame (one
copy of the window, never of the whole history) and hands every curve its new arrays.

The x axis is *relative* time in seconds: the newest raw sample is at 0 and the window spans
``-window_s .. 0``, so the axis ticks stay put while the trace scrolls. Plotting follows field
notes section 5: pen width 1, no antialiasing, ``setClipToView(True)``, peak downsampling,
``skipFiniteCheck=True``, numpy arrays, no OpenGL.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar, runtime_checkable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from glute_coach.sensors.ring_buffer import RingBuffer, Window
from glute_coach.sensors.source import FloatArray
from glute_coach.storage.settings import Theme
from glute_coach.ui.chart_axes import LocalNumberAxis
from glute_coach.ui.theme import ThemeColors, palette_for

DEFAULT_WINDOW_S = 10.0
DEFAULT_FPS = 60.0
TARGET_ALPHA = 90  # of 255: a wash over the raw trace, under the envelope

RAW_WEIGHT = 0.4  # the raw trace is the border colour faded 60 % toward the plot background
MIN_BINS = 100
DEFAULT_BINS = 1000  # before the plots are laid out
AXIS_WIDTH = 72  # room for "-0.015" beside the rotated channel name
Y_PADDING = 0.05
Y_SHRINK = 0.5  # the y range shrinks once the data span falls below half of it

_T = TypeVar("_T")


@runtime_checkable
class LiveDataProvider(Protocol):
    """What the view reads; a :class:`~glute_coach.sensors.session.SensorSession` fits."""

    def latest(self, seconds: float) -> tuple[Window, Window] | None: ...

    @property
    def channel_names(self) -> Sequence[str]: ...

    @property
    def units(self) -> Sequence[str]: ...


class RingBufferProvider:
    """Adapts a raw (and optionally an envelope) :class:`RingBuffer` to :class:`LiveDataProvider`.

    The window is chosen by timestamp (``since(newest - seconds)``), so no sample rate is needed.
    """

    def __init__(
        self,
        raw: RingBuffer,
        envelope: RingBuffer | None = None,
        *,
        channel_names: Sequence[str] = (),
        units: Sequence[str] = (),
    ) -> None:
        if envelope is not None and envelope.channels != raw.channels:
            raise ValueError("raw and envelope buffers have different channel counts")
        self.raw = raw
        self.envelope = envelope
        self._names = tuple(channel_names)
        self._units = tuple(units)

    @property
    def channel_names(self) -> Sequence[str]:
        return self._names

    @property
    def units(self) -> Sequence[str]:
        return self._units

    def latest(self, seconds: float) -> tuple[Window, Window] | None:
        last = self.raw.latest(1)
        if last.n == 0:
            return None
        start = float(last.t[-1]) - seconds
        raw = self.raw.since(start)
        if self.envelope is None:
            env = Window(np.empty(0), np.empty((0, self.raw.channels)), 0)
        else:
            env = self.envelope.since(start)
        return raw, env


@dataclass(slots=True)
class _Channel:
    plot: pg.PlotItem
    raw: pg.PlotDataItem
    envelope: pg.PlotDataItem
    target: pg.LinearRegionItem | None = None
    threshold: pg.InfiniteLine | None = None


def _blend(color: str, background: str, weight: float) -> QColor:
    """``weight`` of ``color`` over ``background``, as an opaque colour (cheap to draw)."""
    a, b = QColor(color), QColor(background)
    return QColor(
        round(a.red() * weight + b.red() * (1 - weight)),
        round(a.green() * weight + b.green() * (1 - weight)),
        round(a.blue() * weight + b.blue() * (1 - weight)),
    )


def _with_alpha(hex_color: str, alpha: int) -> QColor:
    color = QColor(hex_color)
    color.setAlpha(alpha)
    return color


class LiveView(QWidget):
    """Stacked live plots of raw EMG (thin, muted) and envelope (accent), one per channel.

    ``source`` is a :class:`LiveDataProvider` (e.g. a ``SensorSession``) or a ``(raw, envelope)``
    pair of ring buffers. Plots are built on the first frame with data (a session knows its
    channels only then) and rebuilt if the channel count changes. Call :meth:`start` to run the
    display timer; :meth:`stop` and :meth:`close` stop it.
    """

    def __init__(
        self,
        source: LiveDataProvider | tuple[RingBuffer, RingBuffer | None],
        *,
        window_s: float = DEFAULT_WINDOW_S,
        theme: Theme = Theme.LIGHT,
        fps: float = DEFAULT_FPS,
        decimate: bool = True,
        labels: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # the channel names to show, when the caller knows better ones than the sensor's (the
        # biofeedback panel: "Left"/"Right" in the interface language)
        self.labels = tuple(labels)
        if window_s <= 0:
            raise ValueError("window_s must be positive")
        if isinstance(source, tuple):
            self.provider: LiveDataProvider = RingBufferProvider(source[0], source[1])
        else:
            self.provider = source
        self.window_s = float(window_s)
        self.colors: ThemeColors = palette_for(theme)
        self.decimate = decimate  # min/max per pixel column before pyqtgraph (field notes 5)
        self._y_ranges: dict[int, tuple[float, float]] = {}
        self.frames = 0  # refreshes that drew new data
        self.drawn_until = 0  # absolute raw index one past the newest sample drawn
        self._channels: list[_Channel] = []
        self._targets: dict[int | None, tuple[float, float] | None] = {}
        self._thresholds: dict[int | None, float | None] = {}
        self._last_t: float | None = None

        self.graphics = pg.GraphicsLayoutWidget(parent=self)  # raster painting, no OpenGL
        self.graphics.setBackground(self.colors.surface)
        self.graphics.ci.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.graphics)

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.refresh)
        self.set_fps(fps)

    # --- timer ------------------------------------------------------------------------------
    def set_fps(self, fps: float) -> None:
        if fps <= 0:
            raise ValueError("fps must be positive")
        self.fps = float(fps)
        # Round the interval down: a 60 Hz display needs a frame at least every 16.7 ms.
        self._timer.setInterval(max(1, int(1000.0 // self.fps)))

    def start(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def timer(self) -> QTimer:
        return self._timer

    def closeEvent(self, event: QCloseEvent) -> None:
        self.stop()
        super().closeEvent(event)

    # --- plots ------------------------------------------------------------------------------
    @property
    def plots(self) -> list[pg.PlotItem]:
        return [c.plot for c in self._channels]

    @property
    def raw_curves(self) -> list[pg.PlotDataItem]:
        return [c.raw for c in self._channels]

    @property
    def envelope_curves(self) -> list[pg.PlotDataItem]:
        return [c.envelope for c in self._channels]

    def _label(self, i: int) -> str:
        if i < len(self.labels) and self.labels[i]:
            return self.labels[i]
        names = list(self.provider.channel_names)
        return names[i] if i < len(names) else f"ch{i + 1}"

    def _time_label(self) -> str:
        """The x axis's label, with the signals' unit when they share one (short plots have no
        room for a unit in each rotated channel label)."""
        units = {u for u in self.provider.units if u}
        unit = f" · {units.pop()}" if len(units) == 1 else ""
        return QCoreApplication.translate("LiveView", "time (s)") + unit

    def _build(self, count: int) -> None:
        self.graphics.ci.clear()
        self._channels = []
        self._y_ranges = {}
        c = self.colors
        raw_pen = pg.mkPen(_blend(c.border, c.surface, RAW_WEIGHT), width=1)  # opaque: no blending
        env_pen = pg.mkPen(c.accent, width=1)
        for i in range(count):
            plot = self.graphics.ci.addPlot(
                row=i,
                col=0,
                axisItems={side: LocalNumberAxis(side) for side in ("left", "bottom")},
            )
            plot.setClipToView(True)
            plot.setDownsampling(auto=True, mode="peak")
            plot.setMouseEnabled(x=False, y=False)
            plot.setMenuEnabled(False)
            plot.hideButtons()
            plot.setXRange(-self.window_s, 0.0, padding=0.0)
            plot.enableAutoRange(x=False, y=False)  # y: _update_y_ranges
            for side in ("left", "bottom"):
                axis = plot.getAxis(side)
                axis.setPen(pg.mkPen(c.border, width=1))
                axis.setTextPen(pg.mkPen(c.text))
            left = plot.getAxis("left")
            # Plain numbers: a "(x0.001)" scale note would lengthen the rotated label past a
            # short plot's height, and neighbouring labels would overlap.
            left.setSIPrefixEnableRanges(((math.inf, math.inf),))
            left.enableAutoSIPrefix(False)
            left.setWidth(AXIS_WIDTH)
            if count > 1:  # stacked: a tick label at an edge would run into the next plot's
                left.setStyle(hideOverlappingLabels=True)
            plot.setLabel("left", self._label(i))
            if i < count - 1:
                plot.getAxis("bottom").setStyle(showValues=False)
            else:
                plot.setLabel("bottom", self._time_label())
            # no setXLink: every plot has the same fixed range, and linked views of different
            # geometry shift each other's ranges to align pixels
            raw = plot.plot(pen=raw_pen, antialias=False, skipFiniteCheck=True)
            env = plot.plot(pen=env_pen, antialias=False, skipFiniteCheck=True)
            raw.setZValue(1)
            env.setZValue(2)
            self._channels.append(_Channel(plot, raw, env))
        for i in range(count):
            self._apply_target(i)
            self._apply_threshold(i)

    # --- target band and threshold ----------------------------------------------------------
    def set_target(self, lo: float, hi: float, channel: int | None = None) -> None:
        """Shade ``lo..hi`` (envelope units) on ``channel``, or on every channel if None."""
        lo, hi = sorted((float(lo), float(hi)))
        self._set_spec(self._targets, channel, (lo, hi))
        self._for_channels(channel, self._apply_target)

    def clear_target(self, channel: int | None = None) -> None:
        self._set_spec(self._targets, channel, None)
        self._for_channels(channel, self._apply_target)

    def set_threshold(self, value: float | None, channel: int | None = None) -> None:
        """A horizontal line at ``value`` on ``channel`` (every channel if None); None removes."""
        self._set_spec(self._thresholds, channel, None if value is None else float(value))
        self._for_channels(channel, self._apply_threshold)

    @staticmethod
    def _set_spec(
        specs: dict[int | None, _T | None], channel: int | None, value: _T | None
    ) -> None:
        if channel is None:
            specs.clear()  # a setting for every channel replaces per-channel ones
        specs[channel] = value

    def _for_channels(self, channel: int | None, apply: Callable[[int], None]) -> None:
        for i in range(len(self._channels)) if channel is None else (channel,):
            if 0 <= i < len(self._channels):
                apply(i)

    def _apply_target(self, i: int) -> None:
        ch = self._channels[i]
        spec = self._targets.get(i, self._targets.get(None))
        if spec is None:
            if ch.target is not None:
                ch.plot.removeItem(ch.target)
                ch.target = None
            return
        if ch.target is None:
            color = self.colors.rest
            ch.target = pg.LinearRegionItem(
                values=spec,
                orientation="horizontal",
                movable=False,
                brush=pg.mkBrush(_with_alpha(color, TARGET_ALPHA)),
                pen=pg.mkPen(_with_alpha(color, 160), width=1),
            )
            # Between the raw trace and the envelope: visible during a contraction, when it counts.
            ch.target.setZValue(1.5)
            ch.plot.addItem(ch.target, ignoreBounds=True)
        else:
            ch.target.setRegion(spec)

    def _apply_threshold(self, i: int) -> None:
        ch = self._channels[i]
        value = self._thresholds.get(i, self._thresholds.get(None))
        if value is None:
            if ch.threshold is not None:
                ch.plot.removeItem(ch.threshold)
                ch.threshold = None
            return
        if ch.threshold is None:
            ch.threshold = pg.InfiniteLine(
                pos=value,
                angle=0,
                movable=False,
                pen=pg.mkPen(self.colors.focus, width=1, style=Qt.PenStyle.DashLine),
            )
            ch.threshold.setZValue(5)
            ch.plot.addItem(ch.threshold, ignoreBounds=True)
        else:
            ch.threshold.setValue(value)

    @property
    def target_items(self) -> list[pg.LinearRegionItem | None]:
        return [c.target for c in self._channels]

    @property
    def threshold_items(self) -> list[pg.InfiniteLine | None]:
        return [c.threshold for c in self._channels]

    # --- frame ------------------------------------------------------------------------------
    def refresh(self) -> bool:
        """Draw the newest window once; True if there was data. Called by the display timer."""
        result = self.provider.latest(self.window_s)
        if result is None:
            return False
        raw, env = result
        if raw.n == 0 and env.n == 0:
            return False
        count = int(raw.data.shape[1] if raw.n else env.data.shape[1])
        if count != len(self._channels):
            self._build(count)
        t_ref = max(float(w.t[-1]) for w in (raw, env) if w.n)
        bins = self._bins()
        lows = np.full(count, np.inf)
        highs = np.full(count, -np.inf)
        for curves, window in ((self.raw_curves, raw), (self.envelope_curves, env)):
            if window.n == 0 or window.data.shape[1] != count:
                for curve in curves:
                    curve.setData(np.empty(0), np.empty(0))
                continue
            x, columns = decimate(window, bins) if self.decimate else _columns(window)
            x = x - t_ref
            for curve, y in zip(curves, columns, strict=True):
                curve.setData(x, y, skipFiniteCheck=True)
            np.minimum(lows, columns.min(axis=1), out=lows)
            np.maximum(highs, columns.max(axis=1), out=highs)
        self._update_y_ranges(lows, highs)
        self._last_t = t_ref
        if raw.n:
            self.drawn_until = raw.first_index + raw.n
        self.frames += 1
        return True

    def _bins(self) -> int:
        width = max((c.plot.vb.width() for c in self._channels), default=0.0)
        return max(MIN_BINS, int(width) or DEFAULT_BINS)

    def _update_y_ranges(self, lows: FloatArray, highs: FloatArray) -> None:
        """Set each y range ourselves, with hysteresis: grow at once, shrink only past half.

        The range (and so the axis) stays still from frame to frame, and the view is laid out
        once per frame: ViewBox auto-range would re-range during paint and paint twice.
        """
        for i, ch in enumerate(self._channels):
            lo, hi = float(lows[i]), float(highs[i])
            target = self._targets.get(i, self._targets.get(None))
            threshold = self._thresholds.get(i, self._thresholds.get(None))
            extras = [v for v in (*(target or ()), threshold) if v is not None]
            if extras:
                lo, hi = min(lo, *extras), max(hi, *extras)
            if not (np.isfinite(lo) and np.isfinite(hi)):
                continue
            if hi - lo <= 0:
                lo, hi = lo - 0.5, hi + 0.5
            pad = (hi - lo) * Y_PADDING
            lo, hi = lo - pad, hi + pad
            cur = self._y_ranges.get(i)
            if cur is not None:
                c_lo, c_hi = cur
                inside = c_lo <= lo and hi <= c_hi
                if inside and (hi - lo) > Y_SHRINK * (c_hi - c_lo):
                    continue
            self._y_ranges[i] = (lo, hi)
            ch.plot.setYRange(lo, hi, padding=0.0)


def _columns(window: Window) -> tuple[FloatArray, FloatArray]:
    return window.t, np.ascontiguousarray(window.data.T)


def decimate(window: Window, bins: int) -> tuple[FloatArray, FloatArray]:
    """Min/max decimation to about ``2 * bins`` points per channel: ``(x, y[channel, point])``.

    Windows shorter than ``4 * bins`` come back whole (``y`` is ``data.T``). Bins are aligned to
    absolute sample indices, so a bin holds the same samples from frame to frame (no shimmer
    while the trace scrolls); the newest samples that do not fill a bin are kept as they are.
    Every local extreme survives, as in pyqtgraph's "peak" mode, but all channels are reduced
    in one numpy pass before pyqtgraph sees them.
    """
    n = window.n
    if bins <= 0 or n < 4 * bins:
        return _columns(window)
    k = n // bins
    skip = (-window.first_index) % k  # first sample that starts an aligned bin
    full = (n - skip) // k
    end = skip + full * k
    blocks = window.data[skip:end].reshape(full, k, window.data.shape[1])
    y = np.empty((window.data.shape[1], 2 * full + (n - end)))
    y[:, 0 : 2 * full : 2] = blocks.min(axis=1).T
    y[:, 1 : 2 * full : 2] = blocks.max(axis=1).T
    y[:, 2 * full :] = window.data[end:].T
    x = np.empty(y.shape[1])
    starts = window.t[skip:end:k]
    x[0 : 2 * full : 2] = starts
    x[1 : 2 * full : 2] = window.t[skip + k - 1 : end : k]
    x[2 * full :] = window.t[end:]
    return x, y
