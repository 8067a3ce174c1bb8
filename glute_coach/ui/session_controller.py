"""One running session for the GUI: the engine, its sound, a display timer and the summary.

A precise ~16 ms QTimer calls ``tick()``: pump the audio (queues cues ahead on the audio clock),
update the engine (segment entries and due cues become Qt signals), then emit the display
snapshot, which ``SessionAudio`` moves back by the output latency so the number on screen
changes when the beep is heard. Nothing counts ticks: every time is read from the engine's clock,
so a late or missed tick never lengthens a phase.

Resuming from a pause gives a 3-second get-ready first. It is a deadline on the same clock (the
audio stream's when sound is on); the engine resumes when the clock reaches it.

With ``clock`` given (tests) the engine runs on that clock with silent audio, and a test drives
it by advancing the clock and calling ``tick()``.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from glute_coach.audio.output import AudioStatus
from glute_coach.audio.session import SessionAudio, open_session_audio, silent_session_audio
from glute_coach.audio.settings import AudioSettings
from glute_coach.audio.sound import Category
from glute_coach.core.clock import Clock, MonotonicClock
from glute_coach.core.engine import (
    CueDue,
    Event,
    SegmentEntered,
    SessionEngine,
    SessionState,
    Snapshot,
    StateChanged,
)
from glute_coach.core.loading import LoadedRoutine
from glute_coach.core.routine import (
    CalibrationStep,
    ExerciseStep,
    InfoStep,
    RepeatStep,
    RestStep,
    Step,
)
from glute_coach.core.timeline import Segment, SegmentKind, Timeline, Tone
from glute_coach.storage.sessions import SessionSummary, now_iso
from glute_coach.storage.settings import Settings

log = logging.getLogger("glute_coach.ui")

GET_READY_S = 3.0
FRAME_MS = 16
# After the last cue the output is kept open this long so "Routine complete" is heard in full.
AUDIO_TAIL_MS = 4000

AudioFactory = Callable[[SessionEngine, LoadedRoutine], SessionAudio]


@dataclass(frozen=True)
class StepInfo:
    """One step of the routine as the player shows it (a timeline block)."""

    block: int
    name: str
    kind: str  # "exercise", "rest", "info" or "calibration"
    segments: tuple[int, ...]  # indices of its segments in the timeline
    unit: str  # "hold" when every rep is a hold, else "rep"


def audio_settings_for(settings: Settings) -> AudioSettings:
    """The user's sound preferences as the audio layer takes them."""
    return AudioSettings(
        device=settings.audio_device,
        language=settings.voice_language,
        voice=settings.voice_enabled,
        single_beep=settings.single_beep,
        voice_volume=settings.voice_volume,
        beep_volume=settings.beep_volume,
        feedback_volume=settings.feedback_volume,
        music_volume=settings.music_volume,
        muted=settings.muted,
    )


def _step_entries(steps: list[Step]) -> list[tuple[str, str]]:
    """(name, kind) for each timeline block, in the order the compiler makes them."""
    out: list[tuple[str, str]] = []
    for step in steps:
        if isinstance(step, RepeatStep):
            for _ in range(step.times):
                out += _step_entries(step.steps)
        elif isinstance(step, ExerciseStep):
            out.append((step.name, "exercise"))
        elif isinstance(step, RestStep):
            out.append((step.label, "rest"))
        elif isinstance(step, InfoStep):
            out.append((step.title, "info"))
        elif isinstance(step, CalibrationStep):
            muscles = ", ".join(m.replace("_", " ") for m in step.muscles)
            name = QCoreApplication.translate("SessionController", "Calibration: {muscles}")
            out.append((name.format(muscles=muscles), "calibration"))
    return out


def describe_steps(loaded: LoadedRoutine) -> list[StepInfo]:
    """Every step (timeline block) with its name and segments."""
    timeline = loaded.timeline
    by_block: dict[int, list[Segment]] = {}
    for seg in timeline.segments:
        by_block.setdefault(seg.block, []).append(seg)
    entries = _step_entries(list(loaded.routine.steps))
    blocks = sorted(by_block)
    if len(entries) != len(blocks):  # defensive: fall back on segment labels
        log.debug("step names do not match the timeline's blocks; using segment labels")
        entries = [(by_block[b][-1].label, "exercise") for b in blocks]
    infos = []
    for block, (name, kind) in zip(blocks, entries, strict=True):
        segs = by_block[block]
        kinds = {s.kind for s in segs if s.rep is not None and s.kind is not SegmentKind.REST}
        unit = "hold" if kinds == {SegmentKind.HOLD} else "rep"
        infos.append(StepInfo(block, name, kind, tuple(s.index for s in segs), unit))
    return infos


class SessionController(QObject):
    """Runs one routine: Qt signals out, commands in. Call ``close()`` when done with it."""

    frame = Signal(object)  # Snapshot as heard (latency compensated), every tick
    segment_entered = Signal(object)  # Segment
    cue = Signal(object)  # TimelineCue
    state_changed = Signal(str)  # SessionState value
    get_ready = Signal(float)  # seconds left of the get-ready after resume; then 0.0
    finished = Signal(object)  # SessionSummary, once
    notice = Signal(str)  # a message about sound (device lost, voice missing, ...)

    def __init__(
        self,
        loaded: LoadedRoutine,
        *,
        clock: Clock | None = None,
        audio_factory: AudioFactory | None = None,
        settings: Settings | None = None,
        pain_before: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.loaded = loaded
        self.settings = settings or Settings()
        self.pain_before = pain_before
        self.notices: list[str] = []
        self.steps = describe_steps(loaded)
        self._step_by_block = {s.block: s for s in self.steps}
        self.engine = SessionEngine(loaded.timeline, clock or MonotonicClock())
        self._entered: set[int] = set()
        self._ready_deadline: float | None = None  # engine-clock time the engine resumes
        self._ready_shown_until: float | None = None  # the same, kept until it is heard
        self._ready_clock: Clock | None = None  # the clock those two times are on
        self._started_at: str | None = None
        self._summary: SessionSummary | None = None
        self._closed = False
        self._unsubscribe = self.engine.subscribe(self._on_event)
        if audio_factory is not None:
            self.audio = audio_factory(self.engine, loaded)
        elif clock is not None:
            self.audio = silent_session_audio(self.engine, loaded.timeline)
        else:
            self.audio = open_session_audio(
                self.engine,
                loaded,
                language=self.settings.voice_language,
                warn=self._warn,
                settings=audio_settings_for(self.settings),
            )
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # --- observation -----------------------------------------------------------------------

    @property
    def timeline(self) -> Timeline:
        return self.loaded.timeline

    @property
    def state(self) -> SessionState:
        return self.engine.state

    @property
    def in_get_ready(self) -> bool:
        return self._ready_deadline is not None

    @property
    def summary(self) -> SessionSummary | None:
        """The summary once the session has finished or been stopped."""
        return self._summary

    @property
    def timer_active(self) -> bool:
        return self._timer.isActive()

    def is_active(self) -> bool:
        """Started and not yet over (running, paused or getting ready)."""
        return self.engine.state in (SessionState.RUNNING, SessionState.PAUSED)

    def snapshot(self) -> Snapshot:
        """The session as it is heard now."""
        return self.audio.display_snapshot()

    def get_ready_left(self) -> float:
        """Seconds left of the get-ready as heard (0 when none is running)."""
        if self._ready_shown_until is None:
            return 0.0
        heard_now = self.engine.clock.now() - self.audio.output_latency_s
        return max(self._ready_shown_until - heard_now, 0.0)

    def step_for(self, segment: Segment) -> StepInfo:
        return self._step_by_block[segment.block]

    # --- commands --------------------------------------------------------------------------

    def start(self) -> None:
        if self._closed or self.engine.state is not SessionState.READY:
            return
        self._started_at = now_iso()
        self.engine.start()
        self.tick()

    def toggle_pause(self) -> None:
        state = self.engine.state
        if state is SessionState.READY:
            self.start()
        elif state is SessionState.RUNNING or self.in_get_ready:
            self.pause()
        elif state is SessionState.PAUSED:
            self.resume()

    def pause(self) -> None:
        if self._closed:
            return
        getting_ready = self._ready_deadline is not None
        self._cancel_get_ready()  # pausing during the get-ready cancels it and stays paused
        if not getting_ready and self.engine.pause():
            self.audio.announce("Paused")
        self.tick()

    def resume(self) -> None:
        """Resume after a 3-second get-ready (a deadline on the engine's clock)."""
        if self._closed or self.engine.state is not SessionState.PAUSED:
            return
        if self._ready_deadline is not None:
            return
        self._ready_clock = self.engine.clock
        self._ready_deadline = self._ready_clock.now() + GET_READY_S
        self._ready_shown_until = self._ready_deadline
        self._announce_get_ready(self._ready_deadline)
        self.tick()

    def skip(self) -> None:
        self._command(self.engine.skip)

    def back(self) -> None:
        self._command(self.engine.back)

    def restart_step(self) -> None:
        self._command(self.engine.restart_step)

    def stop(self) -> None:
        """End the session early; emits ``finished`` (once) with what was done."""
        if self._closed:
            return
        self._cancel_get_ready()
        self.engine.stop()
        self.tick()

    def close(self) -> None:
        """Stop the display timer and release the sound device. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._unsubscribe()
        audio = self.audio
        if self.engine.state is SessionState.FINISHED and audio.status is AudioStatus.PLAYING:
            # Let the final "Routine complete" finish; the output plays on its own thread.
            audio.scheduler.close()
            QTimer.singleShot(AUDIO_TAIL_MS, audio.close)
        else:
            audio.close()

    # --- the heartbeat ---------------------------------------------------------------------

    def tick(self) -> None:
        """Advance: get-ready deadline, audio, engine, then one frame. Driven by the timer."""
        if self._closed:
            return
        self._follow_get_ready()
        self.audio.pump()
        self.engine.update()
        if self.engine.state is SessionState.RUNNING:
            self._mark(self.engine.snapshot().segment)
        if self._ready_shown_until is not None:
            left = self.get_ready_left()
            self.get_ready.emit(left)
            if left <= 0 and self._ready_deadline is None:
                self._ready_shown_until = None
        self.frame.emit(self.audio.display_snapshot())
        if self.engine.state in (SessionState.FINISHED, SessionState.STOPPED):
            self._finish()

    # --- internals -------------------------------------------------------------------------

    def _command(self, action: Callable[[], bool]) -> None:
        if self._closed:
            return
        action()
        self.tick()

    def _follow_get_ready(self) -> None:
        self._rebase_get_ready()
        deadline = self._ready_deadline
        if deadline is None:
            return
        if self.engine.state is not SessionState.PAUSED:  # stopped meanwhile
            self._cancel_get_ready()
            return
        if self.engine.clock.now() >= deadline:
            self._ready_deadline = None
            self.engine.resume()

    def _rebase_get_ready(self) -> None:
        """Keep the time left when the engine moves to another clock (audio device lost/back)."""
        old, new = self._ready_clock, self.engine.clock
        if old is None or old is new:
            return
        shift = new.now() - old.now()
        if self._ready_deadline is not None:
            self._ready_deadline += shift
        if self._ready_shown_until is not None:
            self._ready_shown_until += shift
        self._ready_clock = new

    def _cancel_get_ready(self) -> None:
        pending = self._ready_deadline is not None
        self._ready_deadline = None
        if self._ready_shown_until is not None:
            self._ready_shown_until = None
            self.get_ready.emit(0.0)
        if pending:  # drop the get-ready ticks still queued (the engine queues nothing paused)
            try:
                self.audio.output.cancel_pending()
            except Exception:  # the output may be gone; the get-ready sounds do not matter then
                log.debug("could not cancel the get-ready sounds", exc_info=True)

    def _announce_get_ready(self, deadline: float) -> None:
        """ "Get ready" now, then a tick as each remaining second starts, on the output's clock."""
        try:
            output = self.audio.output
            offset = output.clock.now() - self.engine.clock.now()  # 0 when the stream drives
            self.audio.announce("Get ready")
            tick = self.audio.scheduler.sounds.tones[Tone.TICK]
            for k in range(math.ceil(GET_READY_S) - 1, 0, -1):
                output.play_at(tick, deadline - k + offset, category=Category.BEEPS)
        except Exception:  # sound is a help here, never a reason to fail
            log.debug("could not queue the get-ready sounds", exc_info=True)

    def _on_event(self, event: Event) -> None:
        if isinstance(event, SegmentEntered):
            self._mark(event.segment)
            self.segment_entered.emit(event.segment)
        elif isinstance(event, CueDue):
            self.cue.emit(event.cue)
        elif isinstance(event, StateChanged):
            self.state_changed.emit(event.state.value)

    def _mark(self, segment: Segment) -> None:
        """Count a segment as played once the running session has moved into it.

        Landing on a segment's first instant (a skip, or a seek while paused) is not playing it:
        skipping straight through a step leaves it skipped.
        """
        if self.engine.state is not SessionState.RUNNING:
            return
        if self.engine.position_s() * 1000 > segment.start_ms + 1e-6:
            self._entered.add(segment.index)

    def _warn(self, message: str) -> None:
        self.notices.append(message)
        self.notice.emit(message)

    def _finish(self) -> None:
        if self._summary is not None:
            return
        self._timer.stop()
        routine = self.loaded.routine
        done = [s.name for s in self.steps if all(i in self._entered for i in s.segments)]
        skipped = [s.name for s in self.steps if not all(i in self._entered for i in s.segments)]
        ended = now_iso()
        self._summary = SessionSummary(
            routine_id=routine.id,
            routine_version=routine.version,
            title=routine.title,
            started_at=self._started_at or ended,
            ended_at=ended,
            completed=self.engine.state is SessionState.FINISHED,
            steps_done=done,
            steps_skipped=skipped,
            pain_before=self.pain_before,
        )
        self.finished.emit(self._summary)
