"""Compile a routine into a flat, deterministic timeline of segments and cues.

The timeline is computed once before a session starts; the session engine
only asks it where a time falls. Times are held in whole milliseconds so
that segments meet exactly (no float drift between ``start + duration`` and
the next start), and exposed in seconds for everyone else.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import groupby

from glute_coach.core.routine import (
    CalibrationStep,
    Cue,
    Defaults,
    ExerciseStep,
    InfoStep,
    RepeatStep,
    RestStep,
    Routine,
    SensorTarget,
    Side,
    Sides,
    Step,
)

MAX_TOTAL_S = 4 * 3600
MAX_SEGMENTS = 20_000
HALFWAY_MIN_MS = 10_000
ROUTINE_COMPLETE_TEXT = "Routine complete. Well done."
SWITCH_SIDES_TEXT = "Switch sides"
REST_TEXT = "Rest"


class SegmentKind(StrEnum):
    PREPARE = "prepare"
    WORK = "work"
    HOLD = "hold"
    REST = "rest"
    SWITCH_SIDES = "switch-sides"
    INFO = "info"
    CALIBRATE = "calibrate"


class CueKind(StrEnum):
    """What is heard: a synthesized beep, a spoken phrase, or the routine's own clip."""

    BEEP = "beep"
    VOICE = "voice"
    CLIP = "clip"


class Tone(StrEnum):
    """Beep flavours, distinct per phase (and what a voice cue falls back to)."""

    TICK = "tick"
    GO = "go"
    HALFWAY = "halfway"
    END = "end"
    FINISH = "finish"


class CueRole(StrEnum):
    ANNOUNCE = "announce"
    START = "start"
    PHASE = "phase"
    HALFWAY = "halfway"
    COUNTDOWN = "countdown"
    CUSTOM = "custom"
    END = "end"
    SWITCH = "switch"
    REST = "rest"
    FINISH = "finish"


# When several cues fall on one instant only one voice is heard: the most
# informative wins (lower is stronger). Beeps give way to any voice.
_PRIORITY = {
    CueRole.FINISH: 0,
    CueRole.ANNOUNCE: 1,
    CueRole.SWITCH: 2,
    CueRole.END: 3,
    CueRole.START: 4,
    CueRole.PHASE: 5,
    CueRole.CUSTOM: 5,
    CueRole.REST: 6,
    CueRole.HALFWAY: 7,
    CueRole.COUNTDOWN: 8,
}


class TimelineError(ValueError):
    """The routine is valid but compiles to something unusable (too long, too many segments)."""


@dataclass(frozen=True, slots=True)
class Segment:
    index: int
    kind: SegmentKind
    label: str
    start_ms: int
    duration_ms: int
    block: int
    side: Side | None = None
    set: int | None = None
    sets: int | None = None
    rep: int | None = None
    reps: int | None = None
    exercise_id: str | None = None
    phase: str | None = None
    instructions: tuple[str, ...] = ()
    image: str | None = None
    target: SensorTarget | None = None

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms

    @property
    def start_s(self) -> float:
        return self.start_ms / 1000

    @property
    def duration_s(self) -> float:
        return self.duration_ms / 1000

    @property
    def end_s(self) -> float:
        return self.end_ms / 1000


@dataclass(frozen=True, slots=True)
class TimelineCue:
    at_ms: int
    kind: CueKind
    role: CueRole
    segment: int
    text: str | None = None
    clip: str | None = None
    tone: Tone | None = None

    @property
    def at_s(self) -> float:
        return self.at_ms / 1000


@dataclass(frozen=True)
class Timeline:
    routine_id: str
    title: str
    segments: tuple[Segment, ...]
    cues: tuple[TimelineCue, ...]
    total_ms: int
    _starts: tuple[int, ...] = field(init=False, repr=False)
    _block_starts: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(s.start_ms for s in self.segments))
        firsts = [next(group) for _, group in groupby(self.segments, key=lambda s: s.block)]
        object.__setattr__(self, "_block_starts", tuple(s.start_ms for s in firsts))

    @property
    def total_s(self) -> float:
        return self.total_ms / 1000

    def segment_index_at(self, t_ms: float) -> int:
        """Index of the segment running at ``t_ms`` (the last one at or past the end)."""
        if not self.segments:
            raise IndexError("empty timeline")
        i = bisect.bisect_right(self._starts, t_ms) - 1
        return min(max(i, 0), len(self.segments) - 1)

    @property
    def block_starts_ms(self) -> tuple[int, ...]:
        """Start of each step (the targets of skip, back and restart)."""
        return self._block_starts

    def cues_between(self, after_ms: float, until_ms: float) -> list[TimelineCue]:
        """Cues with ``after_ms < at_ms <= until_ms``, in order."""
        times = [c.at_ms for c in self.cues]
        lo = bisect.bisect_right(times, after_ms)
        hi = bisect.bisect_right(times, until_ms)
        return list(self.cues[lo:hi])


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


def _pretty(name: str) -> str:
    return name.replace("_", " ")


def _side_label(side: Side | None) -> str:
    return {Side.LEFT: "left side", Side.RIGHT: "right side"}.get(side, "") if side else ""


@dataclass
class _PendingCue:
    at_ms: int
    role: CueRole
    segment: int
    text: str | None
    clip: str | None
    tone: Tone
    spoken: bool  # carries text or a clip meant to be heard as speech
    seq: int


class _Builder:
    def __init__(self, defaults: Defaults) -> None:
        self.defaults = defaults
        self.now_ms = 0
        self.block = -1
        self.segments: list[Segment] = []
        self.pending: list[_PendingCue] = []

    # --- primitives -------------------------------------------------------------------------

    def new_block(self) -> None:
        self.block += 1

    def segment(
        self, kind: SegmentKind, label: str, seconds: float, **meta: object
    ) -> Segment | None:
        duration = _ms(seconds)
        if duration <= 0 and seconds > 0 and kind in (SegmentKind.WORK, SegmentKind.HOLD):
            duration = 1  # work the schema allows (> 0 s) never vanishes in rounding
        if duration <= 0:
            return None
        if len(self.segments) >= MAX_SEGMENTS:
            raise TimelineError(f"the routine compiles to more than {MAX_SEGMENTS} segments")
        seg = Segment(
            index=len(self.segments),
            kind=kind,
            label=label,
            start_ms=self.now_ms,
            duration_ms=duration,
            block=self.block,
            **meta,  # type: ignore[arg-type]
        )
        self.segments.append(seg)
        self.now_ms += duration
        if self.now_ms > MAX_TOTAL_S * 1000:
            raise TimelineError(
                f"the routine lasts over {MAX_TOTAL_S // 3600} hours; split it into shorter routines"
            )
        return seg

    def cue(
        self,
        at_ms: int,
        role: CueRole,
        seg: Segment,
        *,
        text: str | None = None,
        clip: str | None = None,
        tone: Tone = Tone.GO,
    ) -> None:
        spoken = text is not None or clip is not None
        self.pending.append(
            _PendingCue(at_ms, role, seg.index, text, clip, tone, spoken, len(self.pending))
        )

    def authored(self, at_ms: int, role: CueRole, seg: Segment, cue: Cue, tone: Tone) -> None:
        self.cue(at_ms, role, seg, text=cue.say, clip=cue.clip, tone=tone)

    def countdown(self, seg: Segment, beeps: int) -> None:
        for k in range(beeps, 0, -1):
            at = seg.end_ms - k * 1000
            if at >= seg.start_ms + 1000:
                self.cue(at, CueRole.COUNTDOWN, seg, tone=Tone.TICK)

    def rest(self, seconds: float, label: str = REST_TEXT, say: str | None = REST_TEXT) -> None:
        seg = self.segment(SegmentKind.REST, label, seconds)
        if seg is not None:
            if say:
                self.cue(seg.start_ms, CueRole.REST, seg, text=say, tone=Tone.END)
            self.countdown(seg, self.defaults.countdown_beeps)

    # --- steps ------------------------------------------------------------------------------

    def steps(self, steps: Sequence[Step]) -> None:
        for i, step in enumerate(steps):
            if i > 0 and self.defaults.rest_between_steps_s > 0:
                self.rest(self.defaults.rest_between_steps_s)
            self.step(step)

    def step(self, step: Step) -> None:
        if isinstance(step, RepeatStep):
            for i in range(step.times):
                if i > 0 and step.rest_between_s > 0:
                    self.rest(step.rest_between_s)
                self.steps(step.steps)
        elif isinstance(step, ExerciseStep):
            self.new_block()
            self.exercise(step)
        elif isinstance(step, RestStep):
            self.new_block()
            self.rest(step.duration_s, step.label, step.say or step.label)
        elif isinstance(step, InfoStep):
            self.new_block()
            self.info(step)
        elif isinstance(step, CalibrationStep):
            self.new_block()
            self.calibration(step)

    def info(self, step: InfoStep) -> None:
        seg = self.segment(
            SegmentKind.INFO,
            step.title,
            step.duration_s,
            instructions=tuple(step.text),
            image=step.image,
        )
        if seg is not None:
            self.cue(seg.start_ms, CueRole.ANNOUNCE, seg, text=step.say or step.title)
            self.countdown(seg, self.defaults.countdown_beeps)

    def calibration(self, step: CalibrationStep) -> None:
        sides = [Side.LEFT, Side.RIGHT] if step.sides is Sides.EACH else [Side(step.sides.value)]
        for muscle in step.muscles:
            for side in sides:
                where = (
                    f"{_pretty(muscle)}, {_side_label(side)}"
                    if side is not Side.BOTH
                    else _pretty(muscle)
                )
                prep = self.segment(
                    SegmentKind.PREPARE,
                    f"Get ready: strongest squeeze, {where}",
                    self.defaults.prepare_s,
                    side=side,
                    instructions=tuple(step.instructions),
                    image=step.image,
                )
                if prep is not None:
                    self.cue(prep.start_ms, CueRole.ANNOUNCE, prep, text=f"Calibration: {where}")
                    self.countdown(prep, self.defaults.countdown_beeps)
                for effort in range(1, step.efforts + 1):
                    if effort > 1:
                        self.rest(step.rest_s, say="Rest")
                    seg = self.segment(
                        SegmentKind.CALIBRATE,
                        f"Strongest squeeze: {where}",
                        step.effort_s,
                        side=side,
                        rep=effort,
                        reps=step.efforts,
                        instructions=tuple(step.instructions),
                        image=step.image,
                        exercise_id=f"mvc-{muscle}",
                    )
                    assert seg is not None  # effort_s >= 2 by the schema
                    self.cue(
                        seg.start_ms,
                        CueRole.START,
                        seg,
                        text="Squeeze as hard as you can",
                        tone=Tone.GO,
                    )
                    self.countdown(seg, self.defaults.countdown_beeps)
                    self.cue(seg.end_ms, CueRole.END, seg, text="Relax", tone=Tone.END)

    def exercise(self, step: ExerciseStep) -> None:
        d = self.defaults
        sides = [Side.LEFT, Side.RIGHT] if step.sides is Sides.EACH else [Side(step.sides.value)]
        countdown = d.countdown_beeps if step.cues.countdown is None else step.cues.countdown
        meta: dict[str, object] = {
            "exercise_id": step.id,
            "instructions": tuple(step.instructions),
            "image": step.image,
            "target": step.target,
        }
        first_side = sides[0]
        prep = self.segment(
            SegmentKind.PREPARE,
            f"Get ready: {step.name}",
            d.prepare_s if step.prepare_s is None else step.prepare_s,
            side=first_side,
            sets=step.sets,
            reps=step.reps,
            **meta,
        )
        if prep is not None:
            spoken = (
                step.name
                if len(sides) == 1 and first_side is Side.BOTH
                else (f"{step.name}, {_side_label(first_side)}")
            )
            self.cue(prep.start_ms, CueRole.ANNOUNCE, prep, text=spoken)
            self.countdown(prep, countdown)
        for set_no in range(1, step.sets + 1):
            if set_no > 1:
                rest_s = (
                    d.rest_between_sets_s
                    if step.rest_between_sets_s is None
                    else step.rest_between_sets_s
                )
                self.rest(
                    rest_s,
                    label=f"Rest before set {set_no}"
                    + (f", {_side_label(first_side)} first" if len(sides) > 1 else ""),
                )
            for side_no, side in enumerate(sides):
                if side_no > 0:
                    between = (
                        d.rest_between_sides_s
                        if step.rest_between_sides_s is None
                        else step.rest_between_sides_s
                    )
                    if between > 0:
                        self.rest(between)
                    switch_s = (
                        d.switch_sides_s if step.switch_sides_s is None else step.switch_sides_s
                    )
                    switch = self.segment(
                        SegmentKind.SWITCH_SIDES,
                        f"Switch sides: {_side_label(side)}",
                        switch_s,
                        side=side,
                        set=set_no,
                        sets=step.sets,
                        **meta,
                    )
                    if switch is not None:
                        self.cue(
                            switch.start_ms,
                            CueRole.SWITCH,
                            switch,
                            text=SWITCH_SIDES_TEXT,
                            tone=Tone.END,
                        )
                        self.countdown(switch, countdown)
                self.one_side(step, side, set_no, countdown, meta)

    def one_side(
        self, step: ExerciseStep, side: Side, set_no: int, countdown: int, meta: dict[str, object]
    ) -> None:
        common: dict[str, object] = {"side": side, "set": set_no, "sets": step.sets, **meta}
        if step.duration_s is not None:
            seg = self.segment(SegmentKind.WORK, step.name, step.duration_s, **common)
            assert seg is not None
            self.unit_cues(step, [seg], countdown)
            return
        reps = step.reps or 1
        # Holds get the routine's rest between reps; tempo and self-paced reps flow on.
        if step.rest_between_reps_s is not None:
            between = step.rest_between_reps_s
        else:
            between = self.defaults.rest_between_reps_s if step.hold_s is not None else 0
        for rep in range(1, reps + 1):
            if rep > 1 and between > 0:
                self.segment(SegmentKind.REST, "Relax", between, **common, rep=rep - 1, reps=reps)
            unit: list[Segment] = []
            if step.tempo is not None:
                for phase in step.tempo:
                    kind = SegmentKind.HOLD if phase.action == "hold" else SegmentKind.WORK
                    seg = self.segment(
                        kind,
                        f"{step.name}: {phase.action}",
                        phase.s,
                        **common,
                        rep=rep,
                        reps=reps,
                        phase=phase.action,
                    )
                    assert seg is not None
                    if phase.say:
                        self.cue(seg.start_ms, CueRole.PHASE, seg, text=phase.say, tone=Tone.GO)
                    unit.append(seg)
            else:
                kind = SegmentKind.HOLD if step.hold_s is not None else SegmentKind.WORK
                seconds = step.hold_s if step.hold_s is not None else step.rep_s
                assert seconds is not None
                seg = self.segment(kind, step.name, seconds, **common, rep=rep, reps=reps)
                assert seg is not None
                unit.append(seg)
            self.unit_cues(step, unit, countdown)

    def unit_cues(self, step: ExerciseStep, unit: list[Segment], countdown: int) -> None:
        """Cues for one rep, hold or timed set, which may span several tempo phases."""
        first, last = unit[0], unit[-1]
        start, end = first.start_ms, last.end_ms
        cues = step.cues
        if cues.start is not None:
            self.authored(start, CueRole.START, first, cues.start, Tone.GO)
        else:
            self.cue(start, CueRole.START, first, tone=Tone.GO)
        if cues.halfway is not None and cues.halfway is not False and end - start >= HALFWAY_MIN_MS:
            mid = (start + end) // 2
            seg = _containing(unit, mid)
            if isinstance(cues.halfway, Cue):
                self.authored(mid, CueRole.HALFWAY, seg, cues.halfway, Tone.HALFWAY)
            else:
                self.cue(mid, CueRole.HALFWAY, seg, tone=Tone.HALFWAY)
        for timed in cues.at:
            offset = _ms(timed.offset_s)
            at = start + offset if offset >= 0 else end + offset
            if start < at < end:
                self.authored(at, CueRole.CUSTOM, _containing(unit, at), timed, Tone.GO)
        if step.tempo is None or len(unit) == 1:
            for seg in unit:
                self.countdown(seg, countdown)
        if cues.end is not None:
            self.authored(end, CueRole.END, last, cues.end, Tone.END)
        else:
            self.cue(end, CueRole.END, last, tone=Tone.END)

    # --- result -----------------------------------------------------------------------------

    def finish(self, voice: bool) -> list[TimelineCue]:
        if self.segments:
            last = self.segments[-1]
            self.cue(
                last.end_ms, CueRole.FINISH, last, text=ROUTINE_COMPLETE_TEXT, tone=Tone.FINISH
            )
        return _resolve(self.pending, voice)


def _containing(unit: Iterable[Segment], at_ms: int) -> Segment:
    chosen = None
    for seg in unit:
        if seg.start_ms <= at_ms:
            chosen = seg
    assert chosen is not None
    return chosen


def _resolve(pending: list[_PendingCue], voice: bool) -> list[TimelineCue]:
    """Keep one heard cue per instant, strongest first; order by time, then emission."""
    out: list[TimelineCue] = []
    pending = sorted(pending, key=lambda c: (c.at_ms, c.seq))
    for _, group in groupby(pending, key=lambda c: c.at_ms):
        candidates = list(group)
        spoken = [c for c in candidates if c.spoken]
        pool = spoken or candidates
        best = min(pool, key=lambda c: (_PRIORITY[c.role], c.seq))
        if best.clip is not None:
            kind = CueKind.CLIP
        elif best.text is not None and voice:
            kind = CueKind.VOICE
        else:
            kind = CueKind.BEEP
        out.append(
            TimelineCue(best.at_ms, kind, best.role, best.segment, best.text, best.clip, best.tone)
        )
    return out


def compile_timeline(routine: Routine, *, countdown_beeps: int | None = None) -> Timeline:
    """The one way a routine becomes a timeline. Raises TimelineError when unusable.

    ``countdown_beeps`` is the user's preference: it replaces the routine's default (a step
    that sets its own countdown keeps it).
    """
    defaults = routine.defaults
    if countdown_beeps is not None:
        defaults = defaults.model_copy(update={"countdown_beeps": countdown_beeps})
    builder = _Builder(defaults)
    builder.steps(routine.steps)
    cues = builder.finish(defaults.voice)
    if not builder.segments:
        raise TimelineError("the routine has no timed content (every duration is zero)")
    return Timeline(
        routine_id=routine.id,
        title=routine.title,
        segments=tuple(builder.segments),
        cues=tuple(cues),
        total_ms=builder.now_ms,
    )
