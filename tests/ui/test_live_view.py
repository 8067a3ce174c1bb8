"""LiveView: one plot per channel, curves equal the newest window, target band and threshold
items, the display timer stops on close, and a plotting smoke test (the CI guard against
PySide6/pyqtgraph regressions: 6.12.0 crashed in AxisItem.generateDrawSpecs on repeated updates)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from pytestqt.qtbot import QtBot

from glute_coach.sensors.ring_buffer import RingBuffer, Window
from glute_coach.sensors.source import Block
from glute_coach.storage.settings import Theme
from glute_coach.ui.live_view import LiveView, RingBufferProvider, decimate

FS = 1000.0


def fill(
    raw: RingBuffer, env: RingBuffer, seconds: float, t0: float = 100.0, seed: int = 0
) -> None:
    rng = np.random.default_rng(seed)
    block = 50
    for k in range(round(seconds * FS / block)):
        data = rng.standard_normal((block, raw.channels))
        start = t0 + k * block / FS
        raw.push(Block(start, FS, data))
        env.push(Block(start, FS, np.abs(data)))


def make_view(
    qtbot: QtBot, channels: int = 2, window_s: float = 2.0, **kwargs: object
) -> tuple[LiveView, RingBuffer, RingBuffer]:
    raw = RingBuffer(int(FS * 5), channels)
    env = RingBuffer(int(FS * 5), channels)
    view = LiveView((raw, env), window_s=window_s, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.resize(800, 600)
    return view, raw, env


def test_one_plot_per_channel(qtbot: QtBot) -> None:
    for n in (1, 3, 8):
        view, raw, env = make_view(qtbot, channels=n)
        assert view.plots == []  # nothing to draw yet: no plots
        assert view.refresh() is False
        fill(raw, env, 0.5)
        assert view.refresh() is True
        assert len(view.plots) == n
        assert len(view.raw_curves) == len(view.envelope_curves) == n
        view.close()


def test_curves_equal_the_newest_window(qtbot: QtBot) -> None:
    view, raw, env = make_view(qtbot, channels=3, window_s=2.0, decimate=False)
    fill(raw, env, 4.0)  # more than the window
    view.refresh()
    t_new = float(raw.latest(1).t[-1])
    expected_raw = raw.since(t_new - 2.0)
    expected_env = env.since(t_new - 2.0)
    assert expected_raw.n == 2000
    for i in range(3):
        x, y = view.raw_curves[i].getOriginalDataset()
        np.testing.assert_allclose(x, expected_raw.t - t_new)
        np.testing.assert_array_equal(y, expected_raw.data[:, i])
        xe, ye = view.envelope_curves[i].getOriginalDataset()
        np.testing.assert_allclose(xe, expected_env.t - t_new)
        np.testing.assert_array_equal(ye, expected_env.data[:, i])
    assert x[-1] == 0.0
    assert x[0] > -2.0
    assert view.drawn_until == raw.total
    # new data: the next frame shows the new window
    fill(raw, env, 0.5, t0=t_new + 1 / FS, seed=1)
    view.refresh()
    x, y = view.raw_curves[0].getOriginalDataset()
    np.testing.assert_array_equal(y, raw.since(float(raw.latest(1).t[-1]) - 2.0).data[:, 0])
    view.close()


def test_x_axis_is_relative_seconds(qtbot: QtBot) -> None:
    view, raw, env = make_view(qtbot, window_s=10.0)
    view.show()
    fill(raw, env, 1.0)
    view.refresh()
    qtbot.wait(0)
    for plot in view.plots:
        lo, hi = plot.viewRange()[0]
        assert lo == pytest.approx(-10.0)
        assert hi == pytest.approx(0.0)
    view.close()


def test_session_like_provider(qtbot: QtBot) -> None:
    raw, env = RingBuffer(2000, 2), RingBuffer(2000, 2)
    provider = RingBufferProvider(raw, env, channel_names=("left", "right"), units=("mV", "mV"))
    view = LiveView(provider, theme=Theme.DARK)
    qtbot.addWidget(view)
    fill(raw, env, 0.5)
    view.refresh()
    assert "left" in view.plots[0].getAxis("left").labelText
    assert "right" in view.plots[1].getAxis("left").labelString()
    assert "mV" in view.plots[1].getAxis("bottom").labelString()  # the unit they share
    view.close()


def test_raw_only_buffers(qtbot: QtBot) -> None:
    raw = RingBuffer(2000, 2)
    view = LiveView((raw, None))
    qtbot.addWidget(view)
    raw.push(Block(0.0, FS, np.ones((100, 2))))
    assert view.refresh()
    assert len(view.raw_curves[0].getOriginalDataset()[0]) == 100
    assert view.envelope_curves[0].getOriginalDataset()[0] is None or (
        len(view.envelope_curves[0].getOriginalDataset()[0]) == 0
    )
    view.close()


def test_target_and_threshold_items(qtbot: QtBot) -> None:
    view, raw, env = make_view(qtbot, channels=2)
    view.set_target(0.4, 0.2)  # before the plots exist: applied when they are built
    fill(raw, env, 0.5)
    view.refresh()
    for plot, region in zip(view.plots, view.target_items, strict=True):
        assert isinstance(region, pg.LinearRegionItem)
        assert region in plot.items
        assert region.getRegion() == pytest.approx((0.2, 0.4))
        assert not region.movable
    assert view.threshold_items == [None, None]
    view.set_threshold(0.7)
    for plot, line in zip(view.plots, view.threshold_items, strict=True):
        assert isinstance(line, pg.InfiniteLine)
        assert line in plot.items
        assert line.value() == pytest.approx(0.7)
        assert not line.movable
    view.set_threshold(0.9, channel=1)
    lines = view.threshold_items
    assert lines[0] is not None
    assert lines[0].value() == pytest.approx(0.7)
    assert lines[1] is not None
    assert lines[1].value() == pytest.approx(0.9)
    view.set_target(0.1, 0.3)
    assert all(
        r is not None and r.getRegion() == pytest.approx((0.1, 0.3)) for r in view.target_items
    )
    view.clear_target()
    view.set_threshold(None)
    assert view.target_items == [None, None]
    assert view.threshold_items == [None, None]
    view.close()


def test_timer_runs_at_display_rate_and_stops_on_close(qtbot: QtBot) -> None:
    view, raw, env = make_view(qtbot, fps=30.0)
    assert view.timer.interval() == 33
    view.set_fps(60)
    assert view.timer.interval() == 16  # rounded down: never slower than the display
    view.start()
    assert view.running
    view.stop()
    assert not view.running
    view.start()
    view.show()
    fill(raw, env, 0.5)
    qtbot.waitUntil(lambda: view.frames > 0, timeout=2000)  # the timer drew a frame
    view.close()
    assert not view.running
    assert not view.timer.isActive()


def test_plotting_smoke_many_updates_and_resizes(qtbot: QtBot) -> None:
    """500 frames of new random data, 8 channels x 2000 samples, with resizes and paints."""
    channels, n = 8, 2000
    raw, env = RingBuffer(n * 3, channels), RingBuffer(n * 3, channels)
    view = LiveView((raw, env), window_s=1.0)
    qtbot.addWidget(view)
    view.set_target(0.5, 1.5)
    view.set_threshold(2.0)
    view.resize(1280, 720)
    view.show()
    rng = np.random.default_rng(42)
    t = 0.0
    sizes = [(1280, 720), (640, 480), (1920, 1080), (320, 240), (1024, 768)]
    for frame in range(500):
        data = rng.standard_normal((n // 10, channels)) * rng.uniform(0.1, 100.0)
        raw.push(Block(t, 2000.0, data))
        env.push(Block(t, 2000.0, np.abs(data)))
        t += data.shape[0] / 2000.0
        assert view.refresh()
        if frame % 50 == 0:
            view.resize(*sizes[(frame // 50) % len(sizes)])
        if frame % 5 == 0:
            view.graphics.viewport().repaint()  # a full synchronous paint, axes included
        if frame % 25 == 0:
            qtbot.wait(0)  # let queued layout and paint events run
    assert view.frames == 500
    assert 0 < len(view.raw_curves[0].getOriginalDataset()[0]) <= n
    # empty windows and NaN-free zeros do not break painting either
    view.close()
    assert not view.running


def test_decimate_keeps_extremes_and_aligns_bins() -> None:
    rng = np.random.default_rng(5)
    n, bins = 20_000, 500
    data = rng.standard_normal((n, 3))
    t = np.arange(n) / 2000.0
    w = Window(t, data, first_index=12_345)
    x, y = decimate(w, bins)
    assert y.shape[0] == 3
    assert y.shape[1] < 2 * bins + 2 * (n // bins)
    assert x.shape[0] == y.shape[1]
    assert np.all(np.diff(x) >= 0)
    k = n // bins
    skip = (-w.first_index) % k
    assert (w.first_index + skip) % k == 0  # bins start on absolute multiples of k
    np.testing.assert_array_equal(y.max(axis=1), data[skip:].max(axis=0))
    np.testing.assert_array_equal(y.min(axis=1), data[skip:].min(axis=0))
    # short windows are not decimated
    _x2, y2 = decimate(Window(t[:100], data[:100], 0), bins)
    np.testing.assert_array_equal(y2, data[:100].T)


def test_y_range_holds_data_target_and_threshold(qtbot: QtBot) -> None:
    view, raw, env = make_view(qtbot, channels=1)
    view.set_threshold(50.0)
    fill(raw, env, 1.0)
    view.refresh()
    lo, hi = view.plots[0].viewRange()[1]
    assert lo <= float(raw.latest(5000).data.min())
    assert hi >= 50.0
    before = view.plots[0].viewRange()[1]
    fill(raw, env, 0.1, t0=200.0, seed=3)
    view.refresh()
    assert view.plots[0].viewRange()[1] == pytest.approx(before)  # steady axis: no jitter
    view.close()


def test_empty_window_helper() -> None:
    w = Window(np.empty(0), np.empty((0, 2)), 0)
    assert w.n == 0
