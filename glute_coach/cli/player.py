"""`glute-coach play`: a routine in the terminal, with audio cues and a live text display.

The display and the cue scheduler are paced by a frame deadline; position always comes from the
session engine's clock (the audio stream's when sound is on), so the loop's own timing never
changes what is heard or when.
"""

from __future__ import annotations

import math
import shutil
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from glute_coach.cli.formatting import clock as fmt_clock
from glute_coach.cli.terminal import Terminal
from glute_coach.core.clock import MonotonicClock
from glute_coach.core.engine import (
    CueDue,
    Event,
    SegmentEntered,
    SessionEngine,
    SessionState,
    Snapshot,
)
from glute_coach.core.loading import LoadedRoutine
from glute_coach.core.timeline import Segment, SegmentKind, Timeline

if TYPE_CHECKING:
    from glute_coach.audio.session import SessionAudio
    from glute_coach.sensors.session import SensorSession

FRAME_S = 0.05
METER_WIDTH = 10
KEYS_HELP = "[Space] pause/resume   [n] next   [p] back   [r] restart step   [q] quit"
PHASE_NAMES = {
    SegmentKind.PREPARE: "GET READY",
    SegmentKind.WORK: "WORK",
    SegmentKind.HOLD: "HOLD",
    SegmentKind.REST: "REST",
    SegmentKind.SWITCH_SIDES: "SWITCH SIDES",
    SegmentKind.INFO: "INFO",
    SegmentKind.CALIBRATE: "CALIBRATE",
}


@dataclass
class _Captions:
    """The last few things said, for people who cannot hear (or have the sound off)."""

    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines = [*self.lines[-2:], text]


def _counters(seg: Segment, sep: str = "   ") -> str:
    parts = []
    if seg.side is not None and seg.side.value != "both":
        parts.append(seg.side.value.upper())
    if seg.set and seg.sets and seg.sets > 1:
        parts.append(f"set {seg.set}/{seg.sets}")
    if seg.rep and seg.reps:
        parts.append(f"rep {seg.rep}/{seg.reps}")
    return sep.join(parts)


def _next_up(timeline: Timeline, seg: Segment) -> str:
    for later in timeline.segments[seg.index + 1 :]:
        if later.kind is not SegmentKind.REST or later.block != seg.block:
            return f"{later.label} ({fmt_clock(later.duration_s)})"
    return "finish"


def _meter_scale(unit: str) -> float:
    """Full scale of a meter: 0.5 mV of EMG envelope, 100 mmHg of pressure, else 1."""
    u = unit.strip().lower()
    return {"v": 0.0005, "mv": 0.5, "uv": 500.0, "µv": 500.0, "mmhg": 100.0}.get(u, 1.0)


def sensor_lines(sensors: SensorSession) -> list[str]:
    """One meter line per channel (``L ███████░░░ 0.42 mV``) and the connection state."""
    lines = [f"  Sensor: {sensors.state.value}"]
    levels = sensors.levels()
    width = max((len(level.name) for level in levels), default=0)
    for level in levels:
        value = level.value
        if math.isfinite(value):
            frac = min(1.0, max(0.0, value / _meter_scale(level.unit)))
            filled = round(frac * METER_WIDTH)
            shown = f"{value:.2f} {level.unit}".rstrip()
        else:
            filled = 0
            shown = "--"
        bar = "█" * filled + "░" * (METER_WIDTH - filled)
        lines.append(f"  {level.name:<{width}} {bar} {shown}")
    return lines


def render(
    timeline: Timeline,
    snap: Snapshot,
    captions: _Captions,
    note: str,
    sensors: SensorSession | None = None,
) -> str:
    seg = snap.segment
    width = 30
    filled = round(snap.progress * width)
    bar = "#" * filled + "-" * (width - filled)
    countdown = math.ceil(snap.segment_left_s - 1e-9)
    state = {SessionState.PAUSED: "  (paused)", SessionState.READY: "  (ready)"}.get(snap.state, "")
    lines = [
        f"{timeline.title}{state}",
        f"[{bar}] {round(snap.progress * 100):3d}%   {fmt_clock(math.ceil(snap.routine_left_s - 1e-9))} left",
        "",
        f"  {PHASE_NAMES[seg.kind]}   {seg.label}",
        f"  {_counters(seg)}",
        "",
        f"        {countdown:>3d}",
        "",
    ]
    if seg.instructions:
        width = max(shutil.get_terminal_size().columns - 4, 20)
        lines += [f"  {line}" for line in textwrap.wrap(seg.instructions[0], width)]
    lines += [f'  "{c}"' for c in captions.lines] or [""]
    lines += ["", f"  Next: {_next_up(timeline, seg)}"]
    if sensors is not None:
        lines += ["", *sensor_lines(sensors)]
    lines += ["", f"  {KEYS_HELP}"]
    if note:
        lines.append(f"  {note}")
    return "\n".join(lines) + "\n"


def _plain_event(event: Event) -> str | None:
    """One line per segment and spoken cue, for logs and pipes."""
    if isinstance(event, SegmentEntered):
        seg = event.segment
        counters = _counters(seg, ", ")
        detail = f" ({counters})" if counters else ""
        return f"[{fmt_clock(seg.start_s):>7}] {PHASE_NAMES[seg.kind]:<12} {seg.label}{detail}, {fmt_clock(seg.duration_s)}"
    if isinstance(event, CueDue) and event.cue.text:
        return f"{'':>10}» {event.cue.text}"
    return None


def play(
    loaded: LoadedRoutine,
    *,
    speed: float,
    audio: bool,
    lang: str | None,
    sensors: SensorSession | None = None,
) -> int:
    """Run a routine to the end (or until quit). Exit code 0 when it finished or was quit.

    With ``sensors`` (not yet started) the sensor runs for the session: every cue goes to
    :meth:`SensorSession.on_cue`, meters show in the display and the recording path is printed.
    """
    from glute_coach.audio.session import open_session_audio

    timeline = loaded.timeline
    engine = SessionEngine(timeline, MonotonicClock(), speed=speed)
    sound = open_session_audio(
        engine,
        loaded,
        enabled=audio,
        language=lang or loaded.routine.language,
        warn=lambda message: print(f"glute-coach: {message}", file=sys.stderr),
    )
    captions = _Captions()
    recording: Path | None = None
    try:
        with sound, Terminal() as term:
            if sensors is not None:
                sensors.start()
            _run(engine, timeline, sound, term, captions, sensors)
    finally:
        if sensors is not None:
            recording = sensors.stop()
            for message in sensors.poll_messages():
                print(f"glute-coach: {message}", file=sys.stderr)
    finished = engine.state is SessionState.FINISHED
    print(
        f"{timeline.title}: {'complete. Well done.' if finished else 'stopped at ' + fmt_clock(engine.position_s())}"
    )
    if recording is not None:
        print(f"recording saved: {recording}")
    return 0


def _cue_monotonic(engine: SessionEngine, event: CueDue) -> float:
    """When the cue was due, on the sensors' clock (monotonic), from the engine's clock."""
    now = time.monotonic()
    due = engine.clock_time_at(event.cue.at_s)
    if due is None:
        return now
    return min(now, now + (due - engine.clock.now()))


def _run(
    engine: SessionEngine,
    timeline: Timeline,
    sound: SessionAudio,
    term: Terminal,
    captions: _Captions,
    sensors: SensorSession | None,
) -> None:
    note = ""
    engine.start()
    if not term.interactive:
        print(f"{timeline.title}: {fmt_clock(timeline.total_s)}", flush=True)
    next_frame = time.monotonic()
    while _active(engine):
        sound.pump()
        for event in engine.update():
            if isinstance(event, CueDue) and event.cue.text:
                captions.add(event.cue.text)
            if isinstance(event, CueDue) and sensors is not None:
                sensors.on_cue(event.cue, _cue_monotonic(engine, event))
            if not term.interactive and (line := _plain_event(event)):
                print(line, flush=True)
        if sensors is not None:
            for message in sensors.poll_messages():
                if term.interactive:
                    note = message
                else:
                    print(f"glute-coach: {message}", file=sys.stderr, flush=True)
        if term.interactive:
            display = sound.display_snapshot()
            term.draw(render(timeline, display, captions, note, sensors))
        next_frame += FRAME_S
        wait = next_frame - time.monotonic()
        if wait < -1:  # fell far behind (machine suspended): do not try to catch up frames
            next_frame = time.monotonic()
        keys = term.read_keys(wait) if term.interactive else _wait(wait)
        for key in keys:
            note = _handle_key(engine, key)
            if key == " ":
                sound.announce("Paused" if engine.state is SessionState.PAUSED else "Resume")
            if not _active(engine):
                break
    sound.pump()


def _active(engine: SessionEngine) -> bool:
    return engine.state in (SessionState.RUNNING, SessionState.PAUSED)


def _wait(seconds: float) -> str:
    if seconds > 0:
        time.sleep(seconds)  # frame pacing only: positions come from the clock, not from this
    return ""


def _handle_key(engine: SessionEngine, key: str) -> str:
    if key == " ":
        if engine.state is SessionState.RUNNING:
            engine.pause()
            return "Paused. Space resumes."
        engine.resume()
        return ""
    action = {"n": engine.skip, "p": engine.back, "r": engine.restart_step, "q": engine.stop}.get(
        key.lower()
    )
    if action is None:
        return ""
    action()
    return {"n": "Skipped.", "p": "Back.", "r": "Restarted step.", "q": "Stopped."}[key.lower()]
