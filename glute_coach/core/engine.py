"""The session engine: where are we at time t, and which cues are due.

Position is always ``base + (clock.now() - anchor) * speed``: computed from an
absolute clock, never accumulated per tick, so late, early or irregular
updates cannot make a session drift. Pause, seek and clock changes only move
``base`` and ``anchor``; the timeline is never edited.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from glute_coach.core.clock import Clock
from glute_coach.core.timeline import Segment, Timeline, TimelineCue

# Within this much of a step's start, "back" goes to the previous step (like a media player).
BACK_GRACE_S = 3.0
_EPS_MS = 1e-6


class SessionState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class CueDue:
    cue: TimelineCue


@dataclass(frozen=True, slots=True)
class SegmentEntered:
    segment: Segment


@dataclass(frozen=True, slots=True)
class StateChanged:
    state: SessionState


@dataclass(frozen=True, slots=True)
class Seeked:
    """The position jumped (skip, back, restart); schedulers must drop what they queued."""

    position_s: float


Event = CueDue | SegmentEntered | StateChanged | Seeked
Listener = Callable[[Event], None]


@dataclass(frozen=True, slots=True)
class Snapshot:
    state: SessionState
    position_s: float
    total_s: float
    segment: Segment
    segment_left_s: float
    routine_left_s: float

    @property
    def progress(self) -> float:
        return self.position_s / self.total_s if self.total_s else 1.0


class SessionEngine:
    def __init__(self, timeline: Timeline, clock: Clock, *, speed: float = 1.0) -> None:
        if not timeline.segments:
            raise ValueError("cannot run an empty timeline")
        if not 0 < speed <= 10_000:
            raise ValueError("speed must be above 0 and at most 10000")
        self.timeline = timeline
        self._clock = clock
        self._speed = speed
        self._state = SessionState.READY
        self._base_s = 0.0
        self._anchor = clock.now()
        self._cue_times = [c.at_ms for c in timeline.cues]
        self._next_cue = 0
        self._next_segment = 0  # segments before this index have been entered
        self._listeners: list[Listener] = []
        self.generation = 0  # bumps on every discontinuity (pause, resume, seek, stop)

    # --- observation -----------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        return self._state

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def speed(self) -> float:
        return self._speed

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def position_s(self) -> float:
        if self._state is SessionState.RUNNING:
            pos = self._base_s + (self._clock.now() - self._anchor) * self._speed
            return min(pos, self.timeline.total_s)
        return self._base_s

    def clock_time_at(self, position_s: float) -> float | None:
        """When, on the engine's clock, the session will reach ``position_s`` (if running)."""
        if self._state is not SessionState.RUNNING:
            return None
        return self._anchor + (position_s - self._base_s) / self._speed

    def snapshot(self) -> Snapshot:
        pos = self.position_s()
        seg = self.timeline.segments[self.timeline.segment_index_at(pos * 1000)]
        return Snapshot(
            state=self._state,
            position_s=pos,
            total_s=self.timeline.total_s,
            segment=seg,
            segment_left_s=max(seg.end_s - pos, 0.0),
            routine_left_s=max(self.timeline.total_s - pos, 0.0),
        )

    # --- commands (each returns whether it did anything) ----------------------------------

    def start(self) -> bool:
        if self._state is not SessionState.READY:
            return False
        self._anchor = self._clock.now()
        self._set_state(SessionState.RUNNING)
        return True

    def pause(self) -> bool:
        if self._state is not SessionState.RUNNING:
            return False
        self._base_s = self.position_s()
        self.generation += 1
        self._set_state(SessionState.PAUSED)
        return True

    def resume(self) -> bool:
        if self._state is not SessionState.PAUSED:
            return False
        self._anchor = self._clock.now()
        self.generation += 1
        self._set_state(SessionState.RUNNING)
        return True

    def toggle_pause(self) -> bool:
        return self.pause() or self.resume() or self.start()

    def stop(self) -> bool:
        if self._state in (SessionState.FINISHED, SessionState.STOPPED):
            return False
        self._base_s = self.position_s()
        self.generation += 1
        self._set_state(SessionState.STOPPED)
        return True

    def skip(self) -> bool:
        """Jump to the start of the next step, or to the end on the last one."""
        pos_ms = self.position_s() * 1000
        starts = self.timeline.block_starts_ms
        i = bisect.bisect_right(starts, pos_ms + _EPS_MS)
        target = starts[i] if i < len(starts) else self.timeline.total_ms
        return self.seek(target / 1000)

    def back(self) -> bool:
        """Restart this step, or go to the previous one when just inside it."""
        pos_ms = self.position_s() * 1000
        starts = self.timeline.block_starts_ms
        i = max(bisect.bisect_right(starts, pos_ms + _EPS_MS) - 1, 0)
        if pos_ms - starts[i] < BACK_GRACE_S * 1000 * min(self._speed, 1.0) and i > 0:
            i -= 1
        return self.seek(starts[i] / 1000)

    def restart_step(self) -> bool:
        pos_ms = self.position_s() * 1000
        starts = self.timeline.block_starts_ms
        i = max(bisect.bisect_right(starts, pos_ms + _EPS_MS) - 1, 0)
        return self.seek(starts[i] / 1000)

    def seek(self, position_s: float) -> bool:
        if self._state in (SessionState.FINISHED, SessionState.STOPPED):
            return False
        position_s = min(max(position_s, 0.0), self.timeline.total_s)
        self._base_s = position_s
        self._anchor = self._clock.now()
        target_ms = position_s * 1000
        # Cues at exactly the target are due again; the segment there is entered afresh.
        self._next_cue = bisect.bisect_left(self._cue_times, target_ms - _EPS_MS)
        at_end = target_ms >= self.timeline.total_ms
        self._next_segment = (
            len(self.timeline.segments) if at_end else self.timeline.segment_index_at(target_ms)
        )
        self.generation += 1
        self._emit(Seeked(position_s))
        return True

    def set_clock(self, clock: Clock) -> None:
        """Change clocks (audio stream gone or back) without a jump in position."""
        position = self.position_s()
        self._clock = clock
        self._base_s = position
        self._anchor = clock.now()
        self.generation += 1

    # --- the heartbeat ---------------------------------------------------------------------

    def update(self) -> list[Event]:
        """Emit, in time order, every segment entry and cue due since the last update."""
        if self._state not in (SessionState.RUNNING, SessionState.PAUSED):
            return []
        pos_ms = self.position_s() * 1000
        events: list[Event] = []
        segments, cues = self.timeline.segments, self.timeline.cues
        running = self._state is SessionState.RUNNING
        while True:
            seg_due = self._next_segment < len(segments) and (
                segments[self._next_segment].start_ms <= pos_ms + _EPS_MS
            )
            # While paused only the screen moves (after a seek); nothing is heard.
            cue_due = (
                running
                and self._next_cue < len(cues)
                and cues[self._next_cue].at_ms <= pos_ms + _EPS_MS
            )
            if seg_due and (
                not cue_due or segments[self._next_segment].start_ms <= cues[self._next_cue].at_ms
            ):
                events.append(SegmentEntered(segments[self._next_segment]))
                self._next_segment += 1
            elif cue_due:
                events.append(CueDue(cues[self._next_cue]))
                self._next_cue += 1
            else:
                break
        for event in events:
            self._emit(event)
        if running and pos_ms >= self.timeline.total_ms - _EPS_MS:
            self._base_s = self.timeline.total_s
            self._set_state(SessionState.FINISHED)
            events.append(StateChanged(SessionState.FINISHED))
        return events

    def _set_state(self, state: SessionState) -> None:
        self._state = state
        self._emit(StateChanged(state))

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)
