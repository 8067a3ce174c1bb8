"""Wires a sensor to a running session: drains the envelope once per frame into the model.

The session controller's display tick (one timer for the whole player) drives everything here:
the envelope samples that arrived since the previous frame go to :class:`Biofeedback`, the new
:class:`LiveFrame` goes to the views and to the feedback tone or chime. Segments and cues are
passed on with the moment they are *heard* on the sensor's clock (the audio's output latency
included), so activation latency is measured from what the person heard.

The sensor never stops the routine: a source that fails, drops or sends garbage only changes the
connection state shown, and :meth:`reconnect` tries again on request.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from glute_coach.core.engine import SessionState
from glute_coach.core.metrics import ExerciseMetrics
from glute_coach.core.timeline import Segment, SegmentKind, TimelineCue
from glute_coach.sensors.biofeedback import Biofeedback, LiveFrame
from glute_coach.sensors.profile import SensorProfile, roles_for
from glute_coach.sensors.session import SensorSession
from glute_coach.sensors.source import ConnectionState
from glute_coach.storage.settings import FeedbackSound, Settings
from glute_coach.ui.session_controller import SessionController

log = logging.getLogger("glute_coach.ui")

MESSAGE_EVERY_S = 0.5  # sensor messages are polled at most this often
SIM_HOLD_LEVEL = 0.5  # how hard a simulated client squeezes when a step has no %MVC band


class BiofeedbackController(QObject):
    updated = Signal(object)  # LiveFrame, once per display frame with data
    configured = Signal()  # the channels are known and the model is built
    segment_changed = Signal(object)  # Segment, after the model has taken it
    connection_changed = Signal(str)  # ConnectionState value
    message = Signal(str)  # a short line about the sensor for the user

    def __init__(
        self,
        sensor: SensorSession,
        session: SessionController,
        settings: Settings,
        *,
        profile: SensorProfile | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sensor = sensor
        self.session = session
        self.settings = settings
        self.profile = profile
        self.model: Biofeedback | None = None
        self.frame: LiveFrame | None = None
        self.messages: list[str] = []
        self._clock = clock
        self._last_t = -float("inf")
        self._state: ConnectionState | None = None
        self._next_message_at = 0.0
        self._pending: list[tuple[Segment, float]] = []  # segments entered before the model
        self._segment: Segment | None = None
        self._metrics: list[ExerciseMetrics] | None = None
        self._closed = False
        session.segment_entered.connect(self._on_segment)
        session.cue.connect(self._on_cue)
        session.state_changed.connect(self._on_state)
        session.frame.connect(self._on_frame)
        sensor.start()

    @property
    def name(self) -> str:
        return self.profile.name if self.profile is not None else self.sensor.spec_text

    @property
    def state(self) -> ConnectionState:
        return self.sensor.state

    @property
    def segment(self) -> Segment | None:
        return self._segment

    # --- commands --------------------------------------------------------------------------
    def reconnect(self) -> None:
        self.sensor.reconnect()
        self._on_frame()

    def set_settings(self, settings: Settings) -> None:
        self.settings = settings
        if settings.feedback_sound is not FeedbackSound.TONE:
            self._set_tone(None)

    def finish(self) -> tuple[list[ExerciseMetrics], Path | None]:
        """Stop the sensor; the per-exercise metrics and the recording (once; then cached)."""
        if self._metrics is None:
            self._on_frame()  # take the last samples
            self._metrics = self.model.finish(self._clock()) if self.model is not None else []
        self.close()
        return self._metrics, self.sensor.recording_path

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        for signal, slot in (
            (self.session.segment_entered, self._on_segment),
            (self.session.cue, self._on_cue),
            (self.session.state_changed, self._on_state),
            (self.session.frame, self._on_frame),
        ):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):  # already gone with the session
                log.debug("signal already disconnected", exc_info=True)
        self._set_tone(None)
        self.sensor.stop()

    # --- the session's events ------------------------------------------------------------------
    def heard_at(self, routine_s: float) -> float:
        """When the routine's moment ``routine_s`` is (or was) heard, on the sensor's clock."""
        engine = self.session.engine
        behind = (engine.position_s() - routine_s) / max(engine.speed, 1e-9)
        return self._clock() - behind + self.session.audio.output_latency_s

    def _on_segment(self, segment: Segment) -> None:
        if self._closed:
            return
        self._segment = segment
        t = self.heard_at(segment.start_s)
        # A simulated client follows the phases even where a cue gave way to another at the same
        # instant (e.g. the last "Relax" under the next exercise's announcement).
        if segment.kind in (SegmentKind.WORK, SegmentKind.HOLD, SegmentKind.CALIBRATE):
            self.sensor.simulate("squeeze", t, self._effort_for(segment))
        else:
            self.sensor.simulate("relax", t)
        if self.model is None:
            self._pending = [(segment, t)]
        else:
            self.model.enter_segment(segment, t, self._step_name(segment))
        self.segment_changed.emit(segment)

    def _on_cue(self, cue: TimelineCue) -> None:
        if self._closed:
            return
        t = self.heard_at(cue.at_s)
        segment = self.session.timeline.segments[cue.segment]
        self.sensor.on_cue(cue, t, level=self._effort_for(segment))
        if self.model is not None:
            self.model.on_cue(cue.role, t)

    def _on_state(self, state: str) -> None:
        if self.model is None or self._closed:
            return
        self.model.set_paused(state == SessionState.PAUSED.value, self._clock())
        if state != SessionState.RUNNING.value:
            self._set_tone(None)

    def _on_frame(self, *_: object) -> None:
        if self._closed:
            return
        now = self._clock()
        self._follow_state(now)
        if self.model is None and not self._build_model():
            return
        assert self.model is not None
        envelope = self.sensor.envelope
        if envelope is not None:
            window = envelope.since(self._last_t)
            if window.n:
                self._last_t = float(window.t[-1])
                self.model.feed(window)
        frame = self.model.frame(now)
        self.frame = frame
        self._sound(frame)
        self.updated.emit(frame)

    # --- internals ---------------------------------------------------------------------------
    def _build_model(self) -> bool:
        if self.sensor.envelope is None:
            return False
        names = list(self.sensor.channel_names)
        fs = self.sensor.source.sample_rate or 1.0
        self.model = Biofeedback(names, list(self.sensor.units), fs, roles_for(names, self.profile))
        for segment, t in self._pending:
            self.model.enter_segment(segment, t, self._step_name(segment))
        self._pending = []
        self.configured.emit()
        if self._segment is not None:
            self.segment_changed.emit(self._segment)
        return True

    def _step_name(self, segment: Segment) -> str:
        return self.session.step_for(segment).name

    def _effort_for(self, segment: Segment) -> float:
        """How hard a simulated client squeezes: fully when calibrating, mid-band in holds."""
        if segment.kind is SegmentKind.CALIBRATE:
            return 1.0
        target = segment.target
        if target is not None and target.mvc_percent is not None:
            return sum(target.mvc_percent) / 200.0
        return SIM_HOLD_LEVEL

    def _follow_state(self, now: float) -> None:
        state = self.sensor.state
        if state is not self._state:
            self._state = state
            self.connection_changed.emit(state.value)
        if now >= self._next_message_at:
            self._next_message_at = now + MESSAGE_EVERY_S
            for line in self.sensor.poll_messages():
                self.messages.append(line)
                self.message.emit(line)

    def _sound(self, frame: LiveFrame) -> None:
        mode = self.settings.feedback_sound
        if mode is FeedbackSound.TONE:
            self._set_tone(frame.feedback)
        elif mode is FeedbackSound.CHIME and frame.zone_change is not None:
            try:
                self.session.audio.chime(frame.zone_change)
            except Exception:  # sound helps; it never stops the session
                log.debug("chime not played", exc_info=True)

    def _set_tone(self, value: float | None) -> None:
        try:
            self.session.audio.set_feedback(value)
        except Exception:
            log.debug("feedback tone not set", exc_info=True)
