"""The live biofeedback model, driven through a real compiled routine with scripted envelopes."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest

from glute_coach.core.loading import load_routine
from glute_coach.core.metrics import PERCENT_MVC
from glute_coach.core.routine import Side
from glute_coach.core.timeline import Segment, SegmentKind, Timeline
from glute_coach.sensors.biofeedback import Biofeedback, Zone
from glute_coach.sensors.profile import ChannelRole
from glute_coach.sensors.ring_buffer import Window
from tests.conftest import ROUTINES

FS = 1000.0
STEP_S = 0.02  # one display frame's worth of samples per feed
MVC_MV = {0: 0.40, 1: 0.30}  # strongest squeeze, left and right

Level = Callable[[Segment, float], tuple[float, float]]  # (segment, seconds into it) -> mV


def biofeedback_timeline() -> Timeline:
    return load_routine(ROUTINES / "biofeedback-session.json").timeline


def scripted(seg: Segment, into: float) -> tuple[float, float]:
    """A client who squeezes 0.2 s after each cue: maximal in calibration, 30 %MVC in holds."""
    rest = (0.004, 0.004)
    if into < 0.2:
        return rest
    if seg.kind is SegmentKind.CALIBRATE:
        on_side = {Side.LEFT: (1.0, 0.0), Side.RIGHT: (0.0, 1.0)}.get(seg.side or Side.BOTH)
        fl, fr = on_side or (1.0, 1.0)
        return (max(MVC_MV[0] * fl, rest[0]), max(MVC_MV[1] * fr, rest[1]))
    if seg.kind is SegmentKind.HOLD:
        return (MVC_MV[0] * 0.30, MVC_MV[1] * 0.24)
    return rest


def drive(
    bio: Biofeedback,
    timeline: Timeline,
    *,
    until_block: int,
    level: Level = scripted,
    drop: Callable[[Segment, float], bool] | None = None,
    frames: list[tuple[Segment, float, object]] | None = None,
) -> float:
    """Feed the segments of blocks <= until_block in real-time order; returns the end time."""
    t = 100.0
    for seg in timeline.segments:
        if seg.block > until_block:
            break
        bio.enter_segment(seg, t, name=seg.label)
        for cue in timeline.cues:
            if cue.segment == seg.index and cue.at_ms == seg.start_ms:
                bio.on_cue(cue.role, t)
        n_steps = max(1, round(seg.duration_s / STEP_S))
        for k in range(n_steps):
            into = k * STEP_S
            n = int(FS * STEP_S)
            times = t + into + np.arange(n) / FS
            if drop is not None and drop(seg, into):
                continue
            left, right = level(seg, into)
            data = np.column_stack([np.full(n, left), np.full(n, right)])
            bio.feed(Window(times, data, 0))
            if frames is not None:
                frames.append((seg, into, bio.frame(float(times[-1]))))
        t += seg.duration_s
    return t


def two_glutes() -> Biofeedback:
    roles = {
        "left": ChannelRole(channel="left", muscle="gluteus_maximus", side=Side.LEFT),
        "right": ChannelRole(channel="right", muscle="gluteus_maximus", side=Side.RIGHT),
    }
    return Biofeedback(["left", "right"], ["mV", "mV"], FS, roles)


def block_of(timeline: Timeline, exercise_id: str) -> int:
    return next(s.block for s in timeline.segments if s.exercise_id == exercise_id)


def test_calibration_gives_each_side_its_strongest_squeeze() -> None:
    timeline = biofeedback_timeline()
    bio = two_glutes()
    calibration = block_of(timeline, "mvc-gluteus_maximus")
    frames: list[tuple[Segment, float, object]] = []
    drive(bio, timeline, until_block=calibration, frames=frames)
    bio.enter_segment(timeline.segments[-1], 1e6)  # leave the last effort
    assert bio.mvc[0] == pytest.approx(MVC_MV[0], rel=1e-6)
    assert bio.mvc[1] == pytest.approx(MVC_MV[1], rel=1e-6)
    progress = [f.calibration for _, _, f in frames if f.calibration is not None]  # type: ignore[attr-defined]
    assert {p.where for p in progress} == {"Gluteus maximus, left", "Gluteus maximus, right"}
    assert {p.effort for p in progress} == {1, 2, 3}
    assert all(p.efforts == 3 for p in progress)
    # During the right side's efforts only the right channel is measured.
    assert {p.channels for p in progress if p.where.endswith("right")} == {("right",)}


def test_holds_read_in_percent_mvc_with_band_zone_reps_and_latency() -> None:
    timeline = biofeedback_timeline()
    bio = two_glutes()
    squeeze = block_of(timeline, "standing-glute-squeeze")
    frames: list[tuple[Segment, float, object]] = []
    drive(bio, timeline, until_block=squeeze, frames=frames)
    hold_frames = [(s, i, f) for s, i, f in frames if s.kind is SegmentKind.HOLD and i > 0.5]
    assert hold_frames
    seg, _, frame = hold_frames[-1]
    left, right = frame.readings  # type: ignore[attr-defined]
    assert left.unit == PERCENT_MVC
    assert left.value == pytest.approx(30.0)
    assert right.value == pytest.approx(24.0)
    assert left.band == (20.0, 40.0)
    assert left.zone is Zone.IN
    assert right.zone is Zone.IN
    assert frame.zone is Zone.IN  # type: ignore[attr-defined]
    assert 0.0 < frame.feedback < 1.0  # type: ignore[attr-defined]
    assert frame.latency_s == pytest.approx(0.2, abs=0.03)  # type: ignore[attr-defined]
    assert left.zone_s == pytest.approx(seg.duration_s - 0.2, abs=0.05)
    # The tone stays silent outside work and holds.
    rest_frames = [f for s, _, f in frames if s.kind is SegmentKind.REST]
    assert rest_frames
    assert all(f.feedback is None for f in rest_frames)

    metrics = bio.finish()
    squeeze_metrics = [m for m in metrics if m.exercise_id == "standing-glute-squeeze"]
    assert len(squeeze_metrics) == 1
    m = squeeze_metrics[0]
    holds = [s for s in timeline.segments if s.block == squeeze and s.kind is SegmentKind.HOLD]
    assert m.band == (20.0, 40.0)
    by_side = {c.side: c for c in m.channels}
    assert by_side["left"].reps == len(holds) == 16
    assert by_side["right"].reps == 16
    assert by_side["left"].peak == pytest.approx(30.0)
    assert by_side["left"].unit == PERCENT_MVC
    assert by_side["left"].onset_latency_s == pytest.approx(0.2, abs=0.03)
    assert m.symmetry == pytest.approx((30 - 24) / 27, abs=0.05)
    assert m.gap_s == 0.0
    assert m.active_s == pytest.approx(sum(s.duration_s for s in holds), abs=0.1)


def test_zone_changes_are_debounced_and_reported_once() -> None:
    timeline = biofeedback_timeline()
    bio = two_glutes()
    squeeze = block_of(timeline, "standing-glute-squeeze")

    def wobbling(seg: Segment, into: float) -> tuple[float, float]:
        if seg.kind is SegmentKind.HOLD and seg.rep == 1 and seg.set == 1:
            # In band, a 60-ms dip below it (ignored), then clearly above it.
            pct = 30.0 if into < 3 else (10.0 if into < 3.06 else (30.0 if into < 6 else 60.0))
            return (MVC_MV[0] * pct / 100, MVC_MV[1] * pct / 100)
        return scripted(seg, into)

    frames: list[tuple[Segment, float, object]] = []
    drive(bio, timeline, until_block=squeeze, level=wobbling, frames=frames)
    first_hold = [
        (i, f)
        for s, i, f in frames
        if s.kind is SegmentKind.HOLD and s.rep == 1 and s.set == 1 and s.block == squeeze
    ]
    changes = [(i, f.zone_change) for i, f in first_hold if f.zone_change]  # type: ignore[attr-defined]
    assert [c for _, c in changes] == ["enter", "leave"]
    assert changes[1][0] == pytest.approx(6.3, abs=0.05)  # left the band after 300 ms above it


def test_a_lost_sensor_shows_missing_values_and_counts_the_gap() -> None:
    timeline = biofeedback_timeline()
    bio = two_glutes()
    squeeze = block_of(timeline, "standing-glute-squeeze")

    def lost(seg: Segment, into: float) -> bool:
        return seg.block == squeeze and seg.kind is SegmentKind.HOLD and seg.rep == 2 and into > 2

    frames: list[tuple[Segment, float, object]] = []
    drive(bio, timeline, until_block=squeeze, drop=lost, frames=frames)
    metrics = next(m for m in bio.finish() if m.exercise_id == "standing-glute-squeeze")
    rep2 = [s for s in timeline.segments if s.block == squeeze and s.rep == 2]
    missing = sum(s.duration_s - 2 for s in rep2 if s.kind is SegmentKind.HOLD)
    assert metrics.gap_s == pytest.approx(missing, abs=0.1)
    # A reading after 0.5 s without data is NaN, never a stale number.
    frame = bio.frame(now=1e9)
    assert frame.stale
    assert all(math.isnan(r.value) for r in frame.readings)
    assert frame.feedback is None


def test_garbage_and_wrong_shapes_never_raise() -> None:
    bio = two_glutes()
    timeline = biofeedback_timeline()
    hold = next(s for s in timeline.segments if s.kind is SegmentKind.HOLD)
    bio.enter_segment(hold, 0.0)
    t = np.arange(20) / FS
    bio.feed(Window(t, np.full((20, 2), np.nan), 0))
    bio.feed(Window(t, np.full((20, 2), np.inf), 0))
    bio.feed(Window(t, np.zeros((20, 3)), 0))  # wrong channel count: ignored
    bio.feed(Window(np.empty(0), np.empty((0, 2)), 0))
    frame = bio.frame(0.02)
    assert all(math.isnan(r.value) or math.isinf(r.value) for r in frame.readings) or frame.stale
    assert bio.finish()  # the hold's exercise is reported, with no values


def test_pressure_reads_mmhg_against_its_band() -> None:
    from glute_coach.core.routine import SensorTarget

    bio = Biofeedback(["cuff"], ["kPa"], 100.0)
    seg = Segment(
        index=0,
        kind=SegmentKind.HOLD,
        label="Bridge",
        start_ms=0,
        duration_ms=10_000,
        block=0,
        target=SensorTarget(pressure_mmhg=(40.0, 50.0)),
    )
    bio.enter_segment(seg, 0.0)
    t = np.arange(100) / 100.0
    bio.feed(Window(t, np.full((100, 1), 6.0), 0))  # 6 kPa = 45 mmHg
    reading = bio.frame(1.0).readings[0]
    assert reading.unit == "mmHg"
    assert reading.value == pytest.approx(45.0, abs=0.01)
    assert reading.zone is Zone.IN
    assert reading.band == (40.0, 50.0)


def test_unused_channels_are_left_out() -> None:
    roles = {"aux": ChannelRole(channel="aux", use=False)}
    bio = Biofeedback(["left", "aux"], ["mV", "mV"], FS, roles)
    assert [c.name for c in bio.channels] == ["left"]
