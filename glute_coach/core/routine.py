"""Routine format v1: the one definition of what a routine file may say.

The JSON Schema in ``routines/schema.json`` is exported from these models
(``glute-coach schema``); a test fails when the committed copy is stale.
Every duration is in seconds. Values set on a step override the routine's
``defaults``; anything left unset on a step falls back to them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

FORMAT_VERSION = 1
SUPPORTED_FORMAT_VERSIONS = frozenset({FORMAT_VERSION})
MAX_REPEAT_DEPTH = 3
BUILTIN_ASSET_PREFIX = "asset:"

# Ranges a human could plausibly prescribe; anything outside is a typo or a unit mistake.
Seconds = Annotated[float, Field(ge=0, le=3600)]
WorkSeconds = Annotated[float, Field(gt=0, le=3600)]
HoldSeconds = Annotated[float, Field(gt=0, le=300)]
ShortSeconds = Annotated[float, Field(ge=0, le=600)]
Reps = Annotated[int, Field(ge=1, le=200)]
Sets = Annotated[int, Field(ge=1, le=50)]
Percent = Annotated[float, Field(ge=0, le=200)]
Millimetres = Annotated[float, Field(ge=0, le=300)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(min_length=1, max_length=2000)]
AssetPath = Annotated[
    str,
    Field(
        min_length=1,
        max_length=500,
        description="A file next to the routine (relative path inside its folder) or a "
        "built-in asset written 'asset:images/name.svg'.",
    ),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Level(StrEnum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


class Sides(StrEnum):
    """Which side(s) an exercise works.

    ``each`` runs the left side, then a switch-sides cue, then the right side.
    """

    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"
    EACH = "each"


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class Reference(_Strict):
    citation: LongText = Field(description="Author(s), year, title, journal.")
    doi: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=500)


class BasedOn(_Strict):
    """The routine a client program was adapted from, as it was then."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$", description="The original routine's id.")
    version: int = Field(ge=1, le=10000, description="The edition it was adapted from.")


class Frequency(_Strict):
    times_per_week: int = Field(ge=1, le=21)
    note: ShortText | None = None


class Defaults(_Strict):
    """Routine-wide values that each step may override."""

    prepare_s: Seconds = Field(
        default=10, le=120, description="Get-ready time before each exercise."
    )
    countdown_beeps: int = Field(default=3, ge=0, le=10, description="Beeps in the last seconds.")
    rest_between_steps_s: Seconds = Field(default=0, le=600)
    rest_between_sets_s: Seconds = Field(default=30, le=600)
    rest_between_reps_s: Seconds = Field(default=3, le=120)
    rest_between_sides_s: Seconds = Field(default=0, le=600)
    switch_sides_s: Seconds = Field(default=5, le=60)
    voice: bool = Field(
        default=True, description="Speak cues; when off, beeps stand in and captions remain."
    )


class Cue(_Strict):
    """Something heard at a moment: spoken text, a routine-supplied clip, or both.

    The text is always shown as a caption, even when a clip is played.
    """

    say: ShortText | None = None
    clip: AssetPath | None = None

    @model_validator(mode="after")
    def _has_something(self) -> Self:
        if self.say is None and self.clip is None:
            raise ValueError("a cue needs 'say' (text), 'clip' (audio file) or both")
        return self


class TimedCue(Cue):
    offset_s: float = Field(
        ge=-3600,
        le=3600,
        description="Seconds from the start of each work segment; negative counts back from its end.",
    )


class Cues(_Strict):
    start: Cue | None = Field(
        default=None, description="At the start of each rep, hold or timed set."
    )
    halfway: Cue | bool | None = Field(
        default=None, description="true for a beep, or a cue; only on segments of 10 s or more."
    )
    countdown: int | None = Field(
        default=None, ge=0, le=10, description="Overrides defaults.countdown_beeps."
    )
    end: Cue | None = Field(default=None, description="When each rep, hold or timed set ends.")
    at: list[TimedCue] = Field(default_factory=list, max_length=20)


class TempoPhase(_Strict):
    action: Literal["lower", "raise", "hold", "pause"]
    s: float = Field(gt=0, le=30)
    say: ShortText | None = None


class SensorTarget(_Strict):
    """What the biofeedback should aim for during this step's work."""

    muscle: ShortText | None = Field(
        default=None, description="e.g. gluteus_maximus, gluteus_medius."
    )
    channel: ShortText | None = Field(
        default=None, description="A named channel, when not by muscle."
    )
    side: Side = Side.BOTH
    mvc_percent: tuple[Percent, Percent] | None = Field(
        default=None, description="[low, high] %MVC band."
    )
    pressure_mmhg: tuple[Millimetres, Millimetres] | None = Field(
        default=None, description="[low, high] pressure band in mmHg."
    )

    @model_validator(mode="after")
    def _one_band(self) -> Self:
        bands = [b for b in (self.mvc_percent, self.pressure_mmhg) if b is not None]
        if len(bands) != 1:
            raise ValueError("a target needs exactly one of 'mvc_percent' or 'pressure_mmhg'")
        low, high = bands[0]
        if low >= high:
            raise ValueError(
                f"a target band is [low, high] with low < high, got [{low:g}, {high:g}]"
            )
        if self.mvc_percent is not None and self.muscle is None and self.channel is None:
            raise ValueError("an %MVC target names a 'muscle' or a 'channel'")
        return self


class ExerciseStep(_Strict):
    """One exercise, timed by exactly one of: duration_s, hold_s, tempo or rep_s."""

    kind: Literal["exercise"]
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$")] | None = None
    name: ShortText
    instructions: list[LongText] = Field(default_factory=list, max_length=30)
    image: AssetPath | None = None
    sides: Sides = Sides.BOTH
    sets: Sets = 1
    reps: Reps | None = None
    duration_s: WorkSeconds | None = Field(
        default=None, description="A timed set, e.g. a 30 s stretch."
    )
    hold_s: HoldSeconds | None = Field(
        default=None, description="Each rep is a hold of this length."
    )
    tempo: list[TempoPhase] | None = Field(default=None, min_length=1, max_length=6)
    rep_s: HoldSeconds | None = Field(
        default=None, description="Each rep takes this long, self-paced."
    )
    prepare_s: Seconds | None = Field(default=None, le=120)
    rest_between_reps_s: Seconds | None = Field(default=None, le=120)
    rest_between_sets_s: Seconds | None = Field(default=None, le=600)
    rest_between_sides_s: Seconds | None = Field(default=None, le=600)
    switch_sides_s: Seconds | None = Field(default=None, le=60)
    cues: Cues = Field(default_factory=Cues)
    target: SensorTarget | None = None

    @model_validator(mode="after")
    def _one_timing(self) -> Self:
        timings = [
            name
            for name in ("duration_s", "hold_s", "tempo", "rep_s")
            if getattr(self, name) is not None
        ]
        if len(timings) != 1:
            given = ", ".join(timings) if timings else "none"
            raise ValueError(
                f"an exercise is timed by exactly one of duration_s, hold_s, tempo or rep_s (given: {given})"
            )
        if self.duration_s is not None and self.reps is not None:
            raise ValueError("'reps' goes with hold_s, tempo or rep_s, not with duration_s")
        if self.duration_s is None and self.reps is None:
            raise ValueError(f"'{timings[0]}' times each rep, so 'reps' is needed too")
        return self


class RestStep(_Strict):
    kind: Literal["rest"]
    duration_s: WorkSeconds = Field(le=1800)
    label: ShortText = "Rest"
    say: ShortText | None = None


class InfoStep(_Strict):
    """An education card shown for a while, e.g. why we lengthen the hip flexors first."""

    kind: Literal["info"]
    title: ShortText
    text: list[LongText] = Field(min_length=1, max_length=20)
    image: AssetPath | None = None
    duration_s: WorkSeconds = Field(default=20, le=600)
    say: ShortText | None = None


class CalibrationStep(_Strict):
    """Maximal voluntary contractions, to express the live signal as %MVC."""

    kind: Literal["mvc_calibration"]
    muscles: list[ShortText] = Field(min_length=1, max_length=8)
    sides: Sides = Sides.EACH
    efforts: int = Field(default=3, ge=1, le=5)
    effort_s: float = Field(default=5, ge=2, le=15)
    rest_s: float = Field(default=30, ge=5, le=180)
    instructions: list[LongText] = Field(default_factory=list, max_length=10)
    image: AssetPath | None = None


class RepeatStep(_Strict):
    kind: Literal["repeat"]
    times: int = Field(ge=1, le=50)
    rest_between_s: Seconds = Field(default=0, le=600)
    label: ShortText | None = None
    steps: list[Step] = Field(min_length=1, max_length=100)


Step = Annotated[
    ExerciseStep | RestStep | InfoStep | CalibrationStep | RepeatStep,
    Field(discriminator="kind"),
]
STEP_CLASSES: dict[str, type[BaseModel]] = {
    "exercise": ExerciseStep,
    "rest": RestStep,
    "info": InfoStep,
    "mvc_calibration": CalibrationStep,
    "repeat": RepeatStep,
}


class ProgressionChange(_Strict):
    """One small step up for the exercise(s) with this id: exactly one of hold_s, reps or sets."""

    step: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]{0,63}$",
        description="The exercise's id; every exercise step with this id changes.",
    )
    hold_s: float | None = Field(
        default=None,
        gt=0,
        le=60,
        description="Seconds added to its hold (or its timed set, or its rep time).",
    )
    reps: int | None = Field(default=None, ge=1, le=20, description="Reps added per set.")
    sets: int | None = Field(default=None, ge=1, le=5, description="Sets added.")
    up_to: float | None = Field(
        default=None,
        gt=0,
        le=300,
        description="The most it may become (seconds, reps or sets); it stops growing there.",
    )

    @model_validator(mode="after")
    def _one_change(self) -> Self:
        given = [n for n in ("hold_s", "reps", "sets") if getattr(self, n) is not None]
        if len(given) != 1:
            named = ", ".join(given) if given else "none"
            raise ValueError(
                f"a change adds exactly one of hold_s, reps or sets (given: {named}); "
                "write one change per quantity"
            )
        return self

    @property
    def quantity(self) -> Literal["hold_s", "reps", "sets"]:
        if self.hold_s is not None:
            return "hold_s"
        return "reps" if self.reps is not None else "sets"

    @property
    def amount(self) -> float:
        value = self.hold_s if self.hold_s is not None else self.reps or self.sets
        assert value is not None
        return value


class Progression(_Strict):
    """When and how to suggest the next level; the app only suggests, the user decides."""

    after_sessions: int = Field(
        ge=1, le=100, description="Completed sessions (since the last step up) before suggesting."
    )
    pain_not_worse: bool = Field(
        default=True,
        description="Count only a run of sessions where pain after was not above pain before.",
    )
    suggest: list[ProgressionChange] = Field(default_factory=list, max_length=20)
    next_routine: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9-]{0,63}$",
        description="A harder routine's id, suggested once no change above is left to make.",
    )
    note: LongText | None = Field(default=None, description="Shown with the suggestion.")
    stage: int = Field(
        default=1,
        ge=1,
        le=100,
        description="How many step ups from the original this is (1 = as written); the app "
        "sets it on the copy it saves.",
    )

    @model_validator(mode="after")
    def _something_to_suggest(self) -> Self:
        if not self.suggest and self.next_routine is None:
            raise ValueError("a progression needs 'suggest' (changes), 'next_routine' or both")
        return self


def _exercises_by_id(steps: list[Step]) -> dict[str, list[ExerciseStep]]:
    found: dict[str, list[ExerciseStep]] = {}
    for step in steps:
        if isinstance(step, RepeatStep):
            for key, value in _exercises_by_id(step.steps).items():
                found.setdefault(key, []).extend(value)
        elif isinstance(step, ExerciseStep) and step.id is not None:
            found.setdefault(step.id, []).append(step)
    return found


def _check_progression(routine_id: str, progression: Progression, steps: list[Step]) -> None:
    if progression.next_routine == routine_id:
        raise ValueError("progression.next_routine names this routine itself")
    exercises = _exercises_by_id(steps)
    for change in progression.suggest:
        found = exercises.get(change.step)
        if not found:
            known = ", ".join(sorted(exercises)) or "none"
            raise ValueError(
                f"progression: no exercise has the id '{change.step}' (exercise ids: {known})"
            )
        for step in found:
            if change.quantity == "hold_s" and step.tempo is not None:
                raise ValueError(
                    f"progression: '{change.step}' is timed by its tempo, so it has no hold to lengthen"
                )
            if change.quantity == "reps" and step.duration_s is not None:
                raise ValueError(
                    f"progression: '{change.step}' is one timed set, so it has no reps to add"
                )


def _repeat_depth(steps: list[Step]) -> int:
    inner = [_repeat_depth(s.steps) for s in steps if isinstance(s, RepeatStep)]
    return 1 + max(inner) if inner else 0


class Routine(_Strict):
    """A routine file, format v1."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        json_schema_extra={
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://glute-coach.invalid/schema/routine-v1.json",
        },
    )

    format_version: Literal[1] = Field(
        description="Routine format version; this schema is version 1."
    )
    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]{0,63}$",
        description="Stable identifier, lower-case with dashes.",
    )
    version: int = Field(
        default=1, ge=1, le=10000, description="Edition of this routine; bump on changes."
    )
    title: ShortText
    summary: LongText
    level: Level
    language: str = Field(default="en", pattern=r"^[a-z]{2}(-[A-Z]{2})?$")
    tags: list[Annotated[str, Field(min_length=1, max_length=40)]] = Field(
        default_factory=list, max_length=20
    )
    equipment: list[ShortText] = Field(default_factory=list, max_length=20)
    author: ShortText
    client: ShortText | None = Field(
        default=None,
        description="Who this program was made for: a client's name or code (clinic programs).",
    )
    based_on: BasedOn | None = Field(
        default=None, description="The routine (id and version) this program was adapted from."
    )
    references: list[Reference] = Field(default_factory=list, max_length=30)
    safety_notes: list[LongText] = Field(default_factory=list, max_length=20)
    frequency: Frequency | None = None
    progression: Progression | None = Field(
        default=None,
        description="When to suggest a small step up (longer holds, more reps, a harder routine).",
    )
    defaults: Defaults = Field(default_factory=Defaults)
    steps: list[Step] = Field(min_length=1, max_length=200)

    @field_validator("tags")
    @classmethod
    def _lower_tags(cls, tags: list[str]) -> list[str]:
        return [t.lower() for t in tags]

    @model_validator(mode="after")
    def _bounded_nesting(self) -> Self:
        depth = _repeat_depth(self.steps)
        if depth > MAX_REPEAT_DEPTH:
            raise ValueError(
                f"repeat blocks are nested {depth} deep; at most {MAX_REPEAT_DEPTH} levels are allowed"
            )
        return self

    @model_validator(mode="after")
    def _progression_names_exercises(self) -> Self:
        if self.progression is not None:
            _check_progression(self.id, self.progression, self.steps)
        return self


RepeatStep.model_rebuild()
Routine.model_rebuild()
