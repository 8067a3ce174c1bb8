"""Quick edits of a routine for one client: small, pure operations that return a new routine.

Every operation takes a ``Routine`` and returns a new one, validated through the routine model
(the dumped data goes through ``parse_routine``, as a file would) and compiled, so a result is
valid by construction and the original is never touched. An edit the format does not allow
raises ``ValueError`` with one plain line, e.g. ``reps: 0 is out of range; allowed: at least 1
and at most 200``.

A step is addressed by its *path*: the index in the routine's ``steps``, then, inside a
``repeat`` block, the index among that block's steps — ``2`` or ``(2,)`` is the third step,
``(3, 0)`` the first step inside the repeat block that is the fourth. Steps move within the list
that holds them (a step does not move into or out of a repeat block).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Literal

from glute_coach.core.loading import RoutineLoadError, parse_routine
from glute_coach.core.routine import (
    ExerciseStep,
    InfoStep,
    RepeatStep,
    RestStep,
    Routine,
    Sides,
    Step,
)
from glute_coach.core.timeline import compile_timeline

StepPath = tuple[int, ...]
PathLike = int | Sequence[int]

CLIENT_MAX_CHARS = 60
ID_MAX_CHARS = 64
TITLE_MAX_CHARS = 200

# How a field reads in a message (the file's keys mean little to a clinician).
_FIELD_NAMES = {
    "hold_s": "hold",
    "duration_s": "duration",
    "rep_s": "rep time",
    "reps": "reps",
    "sets": "sets",
    "rest_between_reps_s": "rest between reps",
    "rest_between_sets_s": "rest between sets",
    "sides": "sides",
    "times": "rounds",
    "steps": "steps",
    "client": "client",
    "id": "id",
    "title": "title",
}


# --- addressing steps ------------------------------------------------------------------------


def as_path(path: PathLike) -> StepPath:
    """``2`` and ``[2]`` both become ``(2,)``; an empty path is refused."""
    out = (path,) if isinstance(path, int) else tuple(path)
    if not out or any(isinstance(i, bool) or not isinstance(i, int) for i in out):
        raise ValueError(f"a step is addressed by one or more indices, got {path!r}")
    return out


def _describe(path: StepPath) -> str:
    return "step " + ".".join(str(i + 1) for i in path)


def step_at(routine: Routine, path: PathLike) -> Step:
    """The step at ``path``; ValueError when there is none."""
    where = as_path(path)
    steps: Sequence[Step] = routine.steps
    step: Step | None = None
    for depth, index in enumerate(where):
        if not 0 <= index < len(steps):
            raise ValueError(f"there is no {_describe(where[: depth + 1])}")
        step = steps[index]
        if depth < len(where) - 1:
            if not isinstance(step, RepeatStep):
                raise ValueError(f"{_describe(where[: depth + 1])} is not a repeat block")
            steps = step.steps
    assert step is not None
    return step


def step_paths(routine: Routine) -> list[StepPath]:
    """Every step's path, in file order (a repeat block, then the steps inside it)."""

    def walk(steps: Sequence[Step], prefix: StepPath) -> list[StepPath]:
        out: list[StepPath] = []
        for i, step in enumerate(steps):
            here = (*prefix, i)
            out.append(here)
            if isinstance(step, RepeatStep):
                out += walk(step.steps, here)
        return out

    return walk(routine.steps, ())


def sibling_count(routine: Routine, path: PathLike) -> int:
    """How many steps share the list that holds the step at ``path``."""
    where = as_path(path)
    if len(where) == 1:
        return len(routine.steps)
    parent = step_at(routine, where[:-1])
    assert isinstance(parent, RepeatStep)
    return len(parent.steps)


# --- validation ------------------------------------------------------------------------------


def document(routine: Routine) -> dict[str, Any]:
    """The routine as the JSON object a file holds (unset optional values left out)."""
    return routine.model_dump(mode="json", exclude_none=True)


def _plain(location: str, message: str) -> str:
    """``steps[2].hold_s`` + message -> ``hold: message`` (the step is known to the caller)."""
    key = re.sub(r"\[\d+\]", "", location.rsplit(".", 1)[-1]) if location else ""
    name = _FIELD_NAMES.get(key, key.replace("_", " "))
    return f"{name}: {message}" if name else message


def validated(data: dict[str, Any]) -> Routine:
    """The routine ``data`` describes, checked as a file would be and compiled; else ValueError."""
    try:
        routine = parse_routine(data, "routine")
    except RoutineLoadError as exc:
        raise ValueError("; ".join(_plain(p.location, p.message) for p in exc.problems)) from None
    compile_timeline(routine)  # TimelineError (a ValueError) when too long to run
    return routine


def _replace_step(
    routine: Routine, path: PathLike, change: Callable[[Step], list[dict[str, Any]]]
) -> Routine:
    """A new routine where the step at ``path`` becomes the steps ``change`` returns (as data)."""
    where = as_path(path)
    step_at(routine, where)  # a clear message for a path that does not exist
    data = document(routine)

    def rebuild(steps: list[Any], rest: StepPath, model_steps: Sequence[Step]) -> list[Any]:
        index = rest[0]
        if len(rest) == 1:
            return [*steps[:index], *change(model_steps[index]), *steps[index + 1 :]]
        inner = model_steps[index]
        assert isinstance(inner, RepeatStep)
        block = dict(steps[index])
        block["steps"] = rebuild(list(block["steps"]), rest[1:], inner.steps)
        return [*steps[:index], block, *steps[index + 1 :]]

    data["steps"] = rebuild(list(data["steps"]), where, routine.steps)
    return validated(data)


def _update(routine: Routine, path: PathLike, **values: Any) -> Routine:
    def change(step: Step) -> list[dict[str, Any]]:
        item = step.model_dump(mode="json", exclude_none=True)
        for key, value in values.items():
            if value is None:
                item.pop(key, None)
            else:
                item[key] = value
        return [item]

    return _replace_step(routine, path, change)


def _exercise(routine: Routine, path: PathLike) -> ExerciseStep:
    step = step_at(routine, path)
    if not isinstance(step, ExerciseStep):
        raise ValueError(f"{_describe(as_path(path))} is not an exercise")
    return step


def _number(value: float, what: str) -> float:
    """A finite number to the millisecond; whole ones as int (messages say '10', not '10.0')."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ValueError(f"{what}: {value!r} is not a number")
    value = round(float(value), 3)  # the timeline keeps whole milliseconds
    return int(value) if value.is_integer() else value


def _whole(value: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what}: {value!r} is not a whole number")
    return value


# --- what a step uses ------------------------------------------------------------------------

TimingKind = Literal["hold_s", "duration_s", "rep_s", "tempo"]


def timing_of(step: ExerciseStep) -> TimingKind:
    """Which of its timings an exercise uses: a hold per rep, a timed set, a rep time or tempo."""
    if step.hold_s is not None:
        return "hold_s"
    if step.duration_s is not None:
        return "duration_s"
    if step.rep_s is not None:
        return "rep_s"
    return "tempo"


def work_seconds(step: ExerciseStep) -> float:
    """The hold, the timed set, the rep time, or one rep of its tempo."""
    kind = timing_of(step)
    if kind == "tempo":
        assert step.tempo is not None
        return sum(p.s for p in step.tempo)
    value = getattr(step, kind)
    assert isinstance(value, float | int)
    return float(value)


def rest_between_reps_s(routine: Routine, step: ExerciseStep) -> float:
    """The rest the session keeps between reps (held reps default to the routine's)."""
    if step.rest_between_reps_s is not None:
        return step.rest_between_reps_s
    return routine.defaults.rest_between_reps_s if step.hold_s is not None else 0.0


def rest_between_sets_s(routine: Routine, step: ExerciseStep) -> float:
    if step.rest_between_sets_s is not None:
        return step.rest_between_sets_s
    return routine.defaults.rest_between_sets_s


# --- the edits -------------------------------------------------------------------------------


def set_hold(routine: Routine, path: PathLike, seconds: float) -> Routine:
    """The exercise's time: its hold per rep, its timed set, or its rep time — whichever it uses.

    An exercise timed by a tempo has no single hold; that is refused.
    """
    step = _exercise(routine, path)
    kind = timing_of(step)
    if kind == "tempo":
        raise ValueError(
            f"{step.name} is timed by its tempo (phases of a rep), not by a single hold"
        )
    return _update(routine, path, **{kind: _number(seconds, _FIELD_NAMES[kind])})


def set_duration(routine: Routine, path: PathLike, seconds: float) -> Routine:
    """A rest or info step's length, or a timed exercise's (or held one's) time."""
    step = step_at(routine, path)
    if isinstance(step, ExerciseStep):
        return set_hold(routine, path, seconds)
    if not isinstance(step, (RestStep, InfoStep)):
        raise ValueError(f"{_describe(as_path(path))} has no duration of its own")
    return _update(routine, path, duration_s=_number(seconds, "duration"))


def set_reps(routine: Routine, path: PathLike, reps: int) -> Routine:
    step = _exercise(routine, path)
    if step.duration_s is not None:
        raise ValueError(f"{step.name} is one timed set, so it has no reps")
    return _update(routine, path, reps=_whole(reps, "reps"))


def set_sets(routine: Routine, path: PathLike, sets: int) -> Routine:
    _exercise(routine, path)
    return _update(routine, path, sets=_whole(sets, "sets"))


def set_rest(
    routine: Routine, path: PathLike, seconds: float, *, between: Literal["reps", "sets"]
) -> Routine:
    """The exercise's own rest between its reps or between its sets."""
    _exercise(routine, path)
    if between not in ("reps", "sets"):
        raise ValueError(f"rest is between 'reps' or 'sets', not {between!r}")
    key = f"rest_between_{between}_s"
    return _update(routine, path, **{key: _number(seconds, _FIELD_NAMES[key])})


def set_sides(routine: Routine, path: PathLike, sides: Sides | str) -> Routine:
    _exercise(routine, path)
    try:
        chosen = Sides(sides)
    except ValueError:
        allowed = ", ".join(s.value for s in Sides)
        raise ValueError(f"sides: {sides!r} is not one of {allowed}") from None
    return _update(routine, path, sides=chosen.value)


def set_times(routine: Routine, path: PathLike, times: int) -> Routine:
    """How many rounds a repeat block runs."""
    if not isinstance(step_at(routine, path), RepeatStep):
        raise ValueError(f"{_describe(as_path(path))} is not a repeat block")
    return _update(routine, path, times=_whole(times, "rounds"))


def remove_step(routine: Routine, path: PathLike) -> Routine:
    where = as_path(path)
    step_at(routine, where)
    if sibling_count(routine, where) == 1:
        if len(where) == 1:
            raise ValueError("a routine needs at least one step")
        raise ValueError("a repeat block needs at least one step; remove the block instead")
    return _replace_step(routine, where, lambda _step: [])


def move_step(routine: Routine, path: PathLike, new_index: int) -> Routine:
    """Move a step to ``new_index`` within the list that holds it (0 = first)."""
    where = as_path(path)
    step_at(routine, where)
    count = sibling_count(routine, where)
    new_index = _whole(new_index, "position")
    if not 0 <= new_index < count:
        raise ValueError(f"a step can move to positions 1 to {count}, not {new_index + 1}")
    if new_index == where[-1]:
        return routine
    data = document(routine)
    holder: dict[str, Any] = data
    for index in where[:-1]:
        holder = holder["steps"][index]
    steps = list(holder["steps"])
    steps.insert(new_index, steps.pop(where[-1]))
    holder["steps"] = steps
    return validated(data)


def moved_path(path: PathLike, new_index: int) -> StepPath:
    """Where the step at ``path`` is after ``move_step(routine, path, new_index)``."""
    where = as_path(path)
    return (*where[:-1], new_index)


# --- totals and client programs --------------------------------------------------------------


def total_seconds(routine: Routine) -> float:
    """How long the routine runs, from its compiled timeline."""
    return compile_timeline(routine).total_s


def client_slug(client: str) -> str:
    """``"Jane Doe (JD-042)"`` -> ``"jane-doe-jd-042"``; accents dropped; ``client`` if empty."""
    ascii_text = unicodedata.normalize("NFKD", client).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "client"


def clean_client(client: str) -> str:
    """The client's name or code, trimmed; ValueError unless 1 to 60 characters."""
    if not isinstance(client, str):
        raise ValueError("the client's name or code is text")
    text = " ".join(client.split())
    if not text:
        raise ValueError("the client's name or code is required")
    if len(text) > CLIENT_MAX_CHARS:
        raise ValueError(
            f"the client's name or code is at most {CLIENT_MAX_CHARS} characters, got {len(text)}"
        )
    return text


def program_id(base_id: str, client: str) -> str:
    """``<base-id>-<client-slug>``, fitted to the 64-character id limit.

    The original's id is kept whole when it fits, else the slug keeps at least 8 characters.
    """
    slug = client_slug(client)
    slug = slug[: max(8, ID_MAX_CHARS - 1 - len(base_id))].rstrip("-")
    head = base_id[: ID_MAX_CHARS - 1 - len(slug)].rstrip("-") or "program"
    return f"{head}-{slug}"


def _base(routine: Routine) -> tuple[str, str]:
    """Id and title without an earlier client's suffix (a program made from a program)."""
    base_id, title = routine.id, routine.title
    if routine.client:
        slug = f"-{client_slug(routine.client)}"
        if base_id.endswith(slug) and len(base_id) > len(slug):
            base_id = base_id[: -len(slug)]
        title = title.removesuffix(f" — for {routine.client}")
    return base_id, title


DEFAULT_TITLE_TEMPLATE = "{title} — for {client}"


def client_program(
    routine: Routine,
    client: str,
    *,
    new_id: str | None = None,
    title_template: str = DEFAULT_TITLE_TEMPLATE,
) -> Routine:
    """A copy made for ``client``: a new id, version 1, "… — for <client>", and its origin.

    ``client`` is a name or a code (trimmed, 1 to 60 characters). The copy records the client
    and the id and version it was made from (``based_on``). ``new_id`` replaces the generated id
    ``<original-id>-<client-slug>``; ``title_template`` (with ``{title}`` and ``{client}``) is
    how the title reads, e.g. a translation. A program made from another client's program drops
    that client from its id and title first.
    """
    who = clean_client(client)
    base_id, base_title = _base(routine)
    longest = title_template.format(title="", client=who)
    room = TITLE_MAX_CHARS - len(longest)
    if room < 1:
        raise ValueError(f"title: is too long; at most {TITLE_MAX_CHARS} characters")
    if len(base_title) > room:
        base_title = base_title[: room - 1].rstrip() + "…"
    data = document(routine)
    data.update(
        id=new_id if new_id is not None else program_id(base_id, who),
        version=1,
        title=title_template.format(title=base_title, client=who),
        client=who,
        based_on={"id": routine.id, "version": routine.version},
    )
    return validated(data)


def with_id(routine: Routine, new_id: str) -> Routine:
    """The same routine under another id (validated)."""
    data = document(routine)
    data["id"] = new_id
    return validated(data)
