"""The band gauge and the symmetry bar, as real widgets: zones and their words, no-signal and
signal-lost states, colour feedback on and off (sampled from the painted bar), clamping, the
peak hold on a manual clock, readability at 1280×720, and the balance words."""

from __future__ import annotations

import math

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from glute_coach.core.clock import ManualClock
from glute_coach.storage.settings import Theme
from glute_coach.ui.gauge import (
    EVEN_THRESHOLD,
    MIN_GRAPHIC_CONTRAST,
    NO_DATA,
    PEAK_HOLD_SECONDS,
    BandGauge,
    GaugeColors,
    SymmetryBar,
    gauge_colors,
    symmetry,
    symmetry_text,
)
from glute_coach.ui.theme import contrast_ratio, palette_for

THEMES = [Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST]


def make_gauge(
    qtbot: QtBot, theme: Theme = Theme.LIGHT, *, clock: ManualClock | None = None
) -> BandGauge:
    gauge = BandGauge(palette_for(theme), clock=clock or ManualClock(10.0))
    qtbot.addWidget(gauge)
    gauge.set_label("Left")
    gauge.set_band(40, 70)
    gauge.resize(320, 560)
    gauge.show()
    return gauge


def image(widget: QWidget) -> QImage:
    return widget.grab().toImage()


def bar_pixel(gauge: BandGauge, fraction: float = 0.05) -> str:
    """The colour painted in the middle of the bar, ``fraction`` of full scale from the bottom."""
    rect = gauge.bar_rect()
    y = rect.bottom() - fraction * rect.height()
    return image(gauge).pixelColor(round(rect.center().x()), round(y)).name()


def close(first: str, second: str, tolerance: int = 6) -> bool:
    a, b = QColor(first), QColor(second)
    pairs = [(a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())]
    return all(abs(x - y) <= tolerance for x, y in pairs)


# --- colours -----------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_derived_colours_meet_contrast_and_differ(theme: Theme) -> None:
    c: GaugeColors = gauge_colors(palette_for(theme))
    bars = [c.below, c.in_band, c.above, c.neutral]
    for bar in bars:
        assert contrast_ratio(bar, c.track) >= MIN_GRAPHIC_CONTRAST
        assert contrast_ratio(c.on_zone, bar) >= 4.5  # the zone pill's words
    assert len(set(bars)) == 4  # below, in, above and neutral all look different
    assert contrast_ratio(c.band_edge, c.band_fill) >= MIN_GRAPHIC_CONTRAST
    assert contrast_ratio(c.band_edge, c.track) >= MIN_GRAPHIC_CONTRAST
    assert contrast_ratio(c.band_fill, c.track) > 1.1  # the band shows on the empty bar
    assert contrast_ratio(c.text, c.track) >= 4.5
    assert contrast_ratio(c.muted, c.track) >= 4.5


# --- zones -------------------------------------------------------------------------------------


def test_zone_transitions_update_zone_words_and_accessible_text(qtbot: QtBot) -> None:
    gauge = make_gauge(qtbot)
    expected = [
        (20, "below", "Lower"),
        (40, "in", "In zone"),  # the band's edges are in it
        (55, "in", "In zone"),
        (70, "in", "In zone"),
        (85, "above", "Higher"),
        (30, "below", "Lower"),
    ]
    for value, zone, words in expected:
        gauge.set_value(value)
        assert gauge.zone() == zone
        assert gauge.zone_text() == words
        assert gauge.value_text() == f"{value} %"
        assert gauge.accessibleName() == f"Left: {value} %"
        assert gauge.accessibleDescription() == f"{words}, target 40 % to 70 %"


def test_open_ended_and_missing_bands(qtbot: QtBot) -> None:
    gauge = make_gauge(qtbot)
    gauge.set_band(50, None)
    gauge.set_value(95)
    assert gauge.zone() == "in"
    assert "target at least 50 %" in gauge.accessibleDescription()
    gauge.set_band(None, 30)
    assert gauge.zone() == "above"
    gauge.set_band(None, None)
    assert gauge.zone() is None
    assert gauge.zone_text() == ""
    with pytest.raises(ValueError, match="above its high end"):
        gauge.set_band(70, 40)


def test_units_and_decimals(qtbot: QtBot) -> None:
    gauge = make_gauge(qtbot)
    gauge.set_label("Pressure")
    gauge.set_unit("mmHg")
    gauge.set_scale(200)
    gauge.set_value(38.4)
    assert gauge.value_text() == "38 mmHg"
    gauge.set_unit("mV")
    gauge.set_scale(0.5)
    gauge.set_band(0.1, 0.3)
    gauge.set_value(0.1234)
    assert gauge.value_text() == "0.12 mV"
    assert gauge.zone() == "in"
    gauge.set_value(-0.001)
    assert gauge.value_text() == "0.00 mV"  # never "-0.00"
    with pytest.raises(ValueError, match="positive"):
        gauge.set_scale(0)


# --- no data and signal lost -------------------------------------------------------------------


@pytest.mark.parametrize("missing", [None, math.nan])
def test_no_data_shows_no_signal_never_zero(qtbot: QtBot, missing: float | None) -> None:
    gauge = make_gauge(qtbot)
    gauge.set_value(55)
    gauge.set_value(missing)
    assert gauge.value() is None
    assert gauge.value_text() == NO_DATA
    assert gauge.zone() is None
    assert gauge.zone_text() == "No signal"
    assert gauge.accessibleName() == f"Left: {NO_DATA}"
    assert gauge.accessibleDescription().startswith("No signal")
    assert "0 %" not in gauge.accessibleName()
    colors = gauge.gauge_colors()
    painted = bar_pixel(gauge, 0.03)
    for bar in (colors.below, colors.in_band, colors.above, colors.neutral):
        assert not close(painted, bar)  # hatched grey, not a filled bar


def test_stale_greys_the_bar_and_says_signal_lost(qtbot: QtBot) -> None:
    gauge = make_gauge(qtbot)
    gauge.set_value(55)
    colors = gauge.gauge_colors()
    assert close(bar_pixel(gauge), colors.in_band)
    gauge.set_stale(True)
    assert gauge.is_stale()
    assert gauge.zone() is None
    assert gauge.zone_text() == "Signal lost"
    assert gauge.value_text() == "55 %"  # the last value, greyed
    assert gauge.accessibleDescription().startswith("Signal lost")
    rect = gauge.bar_rect()
    img = image(gauge)
    x = round(rect.center().x())
    column = {
        img.pixelColor(x, round(rect.bottom() - f * rect.height())).name()
        for f in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3)
    }
    assert not any(close(p, colors.in_band) for p in column)
    assert any(close(p, colors.no_signal, 30) for p in column)
    gauge.set_stale(False)
    assert gauge.zone() == "in"
    assert close(bar_pixel(gauge), colors.in_band)


# --- colour feedback ---------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_colour_feedback_on_and_off_changes_the_painted_bar(qtbot: QtBot, theme: Theme) -> None:
    gauge = make_gauge(qtbot, theme)
    colors = gauge.gauge_colors()
    for value, zone_colour in ((20, colors.below), (55, colors.in_band), (90, colors.above)):
        gauge.set_value(value)
        gauge.set_colored(True)
        assert close(bar_pixel(gauge), zone_colour)
        gauge.set_colored(False)
        assert close(bar_pixel(gauge), colors.neutral)
        assert gauge.zone_text()  # the words stay: colour is never the only cue
        assert not gauge.is_colored()


def test_theme_change_repaints_in_the_new_colours(qtbot: QtBot) -> None:
    gauge = make_gauge(qtbot)
    gauge.set_value(55)
    gauge.set_colors(palette_for(Theme.DARK))
    assert close(bar_pixel(gauge), gauge_colors(palette_for(Theme.DARK)).in_band)
    assert gauge.gauge_colors() == gauge_colors(palette_for(Theme.DARK))


# --- scale, clamping, peak ---------------------------------------------------------------------


def test_values_above_full_scale_clamp_the_bar_but_show_the_true_number(qtbot: QtBot) -> None:
    gauge = make_gauge(qtbot)
    gauge.set_value(150)
    assert gauge.value_text() == "150 %"
    assert gauge.zone() == "above"
    rect = gauge.bar_rect()
    assert gauge.value_y(150) == pytest.approx(rect.top())
    assert gauge.value_y(-20) == pytest.approx(rect.bottom())
    colors = gauge.gauge_colors()
    assert close(bar_pixel(gauge, 0.97), colors.above)  # full to the top
    img = image(gauge)
    above_bar = img.pixelColor(round(rect.center().x()), round(rect.top()) - 6).name()
    assert not close(above_bar, colors.above)  # and not beyond it
    gauge.set_value(12345)
    assert gauge.value_text() == "12345 %"


def test_peak_hold_follows_an_injected_clock(qtbot: QtBot) -> None:
    clock = ManualClock(100.0)
    gauge = make_gauge(qtbot, clock=clock)
    gauge.set_value(80)
    clock.advance(1.0)
    gauge.set_value(50)
    assert gauge.peak() == 80
    clock.advance(PEAK_HOLD_SECONDS - 0.5)
    gauge.set_value(60)
    assert gauge.peak() == 60  # 80 is older than the hold now
    gauge.set_value(None)
    assert gauge.peak() is None
    gauge.set_peak_hold(False)
    gauge.set_value(70)
    assert gauge.peak() is None


def test_repaints_only_when_something_changed(qtbot: QtBot) -> None:
    gauge = make_gauge(qtbot)
    gauge.set_value(55)
    calls: list[None] = []
    gauge.update = lambda: calls.append(None)  # type: ignore[method-assign,assignment]
    gauge.set_value(55)
    gauge.set_band(40, 70)
    gauge.set_colored(True)
    gauge.set_stale(False)
    gauge.set_label("Left")
    gauge.set_colors(palette_for(Theme.LIGHT))
    assert calls == []
    gauge.set_value(56)
    assert len(calls) == 1


# --- readability -------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", THEMES)
def test_two_gauges_and_balance_at_1280x720_are_big(qtbot: QtBot, theme: Theme) -> None:
    colors = palette_for(theme)
    window = QWidget()
    qtbot.addWidget(window)
    outer = QVBoxLayout(window)
    row = QHBoxLayout()
    left, right = BandGauge(colors), BandGauge(colors)
    for gauge, label, value in ((left, "Left", 62), (right, "Right", 35)):
        gauge.set_label(label)
        gauge.set_band(40, 70)
        gauge.set_value(value)
        row.addWidget(gauge)
    outer.addLayout(row, 5)
    balance = SymmetryBar(colors)
    balance.set_values(62, 35)
    outer.addWidget(balance, 1)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    assert window.grab().size().width() == 1280
    for gauge in (left, right):
        assert gauge.value_pixel_size() >= gauge.height() / 12
    assert (left.zone(), right.zone()) == ("in", "below")
    assert balance.text() == "Left 56 % stronger"
    # a narrow gauge with a long unit still keeps its number large
    right.set_unit("mmHg")
    right.set_scale(200)
    right.resize(300, 560)
    assert right.value_pixel_size() >= right.height() / 12


# --- symmetry ----------------------------------------------------------------------------------


def test_symmetry_words() -> None:
    assert symmetry_text(62, 35) == "Left 56 % stronger"
    assert symmetry_text(40, 50) == "Right 22 % stronger"
    assert symmetry_text(50, 55) == "Even"  # |s| < 0.1
    assert symmetry_text(50, 50) == "Even"
    assert symmetry_text(None, 40) == NO_DATA
    assert symmetry_text(40, math.nan) == NO_DATA
    assert symmetry_text(0, 0) == NO_DATA  # nothing on either side: no balance to report
    s = symmetry(53, 50)
    assert s is not None
    assert abs(s) < EVEN_THRESHOLD


def test_symmetry_bar_draws_towards_the_stronger_side(qtbot: QtBot) -> None:
    bar = SymmetryBar(palette_for(Theme.LIGHT))
    qtbot.addWidget(bar)
    bar.resize(1000, 120)
    bar.show()
    colors = gauge_colors(palette_for(Theme.LIGHT))
    rect = bar.bar_rect()
    cx, cy, half = rect.center().x(), round(rect.center().y()), rect.width() / 2

    def at(offset: float) -> str:
        return image(bar).pixelColor(round(cx + offset * half), cy).name()

    bar.set_values(62, 35)  # left stronger by 56 %
    assert bar.text() == "Left 56 % stronger"
    assert bar.accessibleName() == "Left/right balance: Left 56 % stronger"
    assert close(at(-0.3), colors.neutral)
    assert close(at(0.3), colors.track)
    bar.set_values(30, 45)  # right stronger
    assert bar.text() == "Right 40 % stronger"
    assert close(at(0.3), colors.neutral)
    assert close(at(-0.3), colors.track)
    bar.set_values(50, 52)
    assert bar.text() == "Even"
    assert close(at(0.02), colors.in_band)  # a short bar to the right
    bar.set_values(None, 52)
    assert bar.text() == NO_DATA
    assert bar.symmetry() is None
    assert bar.accessibleDescription() == "No signal"
