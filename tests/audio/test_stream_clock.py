"""The stream clock: samples set the pace, the monotonic clock only interpolates."""

from __future__ import annotations

import pytest

from glute_coach.audio.stream_clock import StreamClock
from tests.audio.conftest import BLOCK, RATE, DrivenEngine, FakeWall


def test_now_is_the_last_block_plus_elapsed_time_plus_lead() -> None:
    wall = FakeWall(10.0)
    clock = StreamClock(RATE, 0.015, wall)
    assert not clock.started
    clock.publish(10.0, 48_000)
    wall.t = 10.002
    assert clock.now() == pytest.approx(1.0 + 0.015 + 0.002)


def test_now_never_goes_back_when_a_callback_is_late() -> None:
    wall = FakeWall(0.0)
    clock = StreamClock(RATE, 0.0, wall)
    clock.publish(0.0, 0)
    wall.t = 0.050  # the callback for frame 1200 (25 ms) comes 25 ms late
    ahead = clock.now()
    clock.publish(0.050, 1200)
    assert clock.now() == ahead  # held, not stepped back
    wall.t = 0.080
    assert clock.now() == pytest.approx(0.055)  # and moves on with the samples


def test_over_an_hour_the_samples_not_the_system_clock_set_the_pace(driven: DrivenEngine) -> None:
    """A device clock 100 ppm fast relative to the system: stream time follows the device."""
    engine, wall = driven.engine, driven.wall
    blocks = 3600 * RATE // BLOCK
    for i in range(0, blocks, 1000):  # sample the hour sparsely; each callback re-anchors
        engine.clock.publish(wall.t, i * BLOCK)
        wall.t = 100.0 + i * BLOCK / RATE / 1.0001
    engine.clock.publish(wall.t, blocks * BLOCK)
    assert engine.clock.now() == pytest.approx(3600 + engine.clock.lead_s, abs=1e-6)


def test_frames_and_times_convert_exactly() -> None:
    clock = StreamClock(RATE, 0.0)
    assert clock.frame_at(1.5) == 72_000
    assert clock.frame_at(clock.time_of(123_457)) == 123_457
    assert clock.frame_at(4 * 3600.0 + 1 / RATE) == 4 * 3600 * RATE + 1  # hours in, still exact
