"""Read a routine file safely and explain every problem in one line each.

Nothing here raises anything but ``RoutineLoadError`` for a bad file: the
CLI and the app show its problems as they are, so a user never sees a
traceback. Each problem names the file, where in it (``steps[2].hold_s`` or
``line 4, column 9``), what is wrong and what is allowed.
"""

from __future__ import annotations

import difflib
import json
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from glute_coach.core.resources import builtin_asset
from glute_coach.core.routine import (
    BUILTIN_ASSET_PREFIX,
    STEP_CLASSES,
    SUPPORTED_FORMAT_VERSIONS,
    CalibrationStep,
    Cues,
    ExerciseStep,
    InfoStep,
    RepeatStep,
    Routine,
    Step,
)
from glute_coach.core.timeline import Timeline, TimelineError, compile_timeline

MAX_FILE_BYTES = 1024 * 1024
MAX_JSON_DEPTH = 32

# A check the audio layer supplies for sound files (the core cannot decode audio itself).
ClipCheck = Callable[[Path], None]


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    location: str
    message: str

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        return f"{self.file}: {where}{self.message}"


class RoutineLoadError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class LoadedRoutine:
    routine: Routine
    timeline: Timeline
    path: Path

    def resolve_asset(self, ref: str) -> Path:
        return resolve_asset(ref, self.path.parent)

    def with_calibration(self) -> LoadedRoutine:
        """With a sensor: a strongest-squeeze calibration first when the routine sets %MVC
        targets but has no calibration of its own (so the bands can be shown at all)."""
        muscles = mvc_target_muscles(self.routine.steps)
        if not muscles or has_calibration(self.routine.steps):
            return self
        step = CalibrationStep(kind="mvc_calibration", muscles=muscles)
        routine = self.routine.model_copy(update={"steps": [step, *self.routine.steps]})
        return replace(self, routine=routine, timeline=compile_timeline(routine))

    def with_countdown(self, beeps: int) -> LoadedRoutine:
        """The same routine compiled with the user's countdown length."""
        if beeps == self.routine.defaults.countdown_beeps:
            return self
        return replace(self, timeline=compile_timeline(self.routine, countdown_beeps=beeps))


def _walk(steps: Sequence[Step]) -> Iterator[Step]:
    for step in steps:
        yield step
        if isinstance(step, RepeatStep):
            yield from _walk(step.steps)


def mvc_target_muscles(steps: Sequence[Step]) -> list[str]:
    """The muscles named by %MVC targets, in order of first appearance."""
    out: list[str] = []
    for step in _walk(steps):
        if isinstance(step, ExerciseStep) and step.target is not None:
            muscle = step.target.muscle
            if step.target.mvc_percent is not None and muscle and muscle not in out:
                out.append(muscle)
    return out


def has_calibration(steps: Sequence[Step]) -> bool:
    return any(isinstance(step, CalibrationStep) for step in _walk(steps))


def resolve_asset(ref: str, routine_dir: Path) -> Path:
    """Where an asset reference points; raises ValueError for paths that leave the folder."""
    if ref.startswith(BUILTIN_ASSET_PREFIX):
        name = ref[len(BUILTIN_ASSET_PREFIX) :]
        _check_relative(name, "built-in asset")
        return builtin_asset(name)
    _check_relative(ref, "asset path")
    base = routine_dir.resolve()
    target = (base / ref).resolve()
    if not target.is_relative_to(base):
        raise ValueError(
            f"'{ref}' points outside the routine's folder; keep assets beside the routine"
        )
    return target


def _check_relative(ref: str, what: str) -> None:
    pure = PurePosixPath(ref.replace("\\", "/"))
    if pure.is_absolute() or (len(ref) > 1 and ref[1] == ":"):
        raise ValueError(f"{what} '{ref}' is absolute; use a path relative to the routine's folder")
    if ".." in pure.parts:
        raise ValueError(f"{what} '{ref}' leaves the routine's folder ('..' is not allowed)")


# --- reading ---------------------------------------------------------------------------------


def load_routine(path: Path, *, clip_check: ClipCheck | None = None) -> LoadedRoutine:
    """Read, validate and compile one routine file, checking every asset it names."""
    name = str(path)
    data = _read_json(path)
    routine = parse_routine(data, name)
    problems = list(check_assets(routine, path.parent, name, clip_check))
    try:
        timeline = compile_timeline(routine)
    except TimelineError as exc:
        problems.append(Problem(name, "steps", str(exc)))
    if problems:
        raise RoutineLoadError(problems)
    return LoadedRoutine(routine=routine, timeline=timeline, path=path)


def _read_json(path: Path) -> Any:
    name = str(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise RoutineLoadError([Problem(name, "", "is not a file")])
        if size > MAX_FILE_BYTES:
            raise RoutineLoadError(
                [
                    Problem(
                        name,
                        "",
                        f"is {size / 1024 / 1024:.1f} MB; routine files may be at most 1 MB",
                    )
                ]
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RoutineLoadError([Problem(name, "", "no such file")]) from None
    except OSError as exc:
        raise RoutineLoadError(
            [Problem(name, "", f"cannot be read ({exc.strerror or exc})")]
        ) from None
    return parse_json_bytes(raw, name)


def parse_json_bytes(raw: bytes, name: str) -> Any:
    if not raw.strip():
        raise RoutineLoadError([Problem(name, "", "is empty; a routine is a JSON object")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RoutineLoadError(
            [
                Problem(
                    name,
                    f"line {line}",
                    f"is not UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
                )
            ]
        ) from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise RoutineLoadError(
            [Problem(name, f"line {exc.lineno}, column {exc.colno}", f"invalid JSON: {exc.msg}")]
        ) from None
    except _JsonValueError as exc:
        raise RoutineLoadError([Problem(name, "", str(exc))]) from None
    except RecursionError:
        raise RoutineLoadError(
            [Problem(name, "", f"is nested too deeply (at most {MAX_JSON_DEPTH} levels)")]
        ) from None
    depth = _depth(data)
    if depth > MAX_JSON_DEPTH:
        raise RoutineLoadError(
            [
                Problem(
                    name, "", f"is nested {depth} levels deep; at most {MAX_JSON_DEPTH} are allowed"
                )
            ]
        )
    return data


class _JsonValueError(ValueError):
    pass


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _JsonValueError(f"the key '{key}' appears twice in one object")
        out[key] = value
    return out


def _no_constants(token: str) -> Any:
    raise _JsonValueError(f"'{token}' is not a number JSON allows")


def _depth(value: Any) -> int:
    depth, level = 0, [value]
    while level:
        depth += 1
        nxt: list[Any] = []
        for item in level:
            if isinstance(item, dict):
                nxt.extend(item.values())
            elif isinstance(item, list):
                nxt.extend(item)
        level = nxt
    return depth - 1


def parse_routine(data: Any, name: str) -> Routine:
    """Validate already-parsed JSON as a routine; problems name their location."""
    if not isinstance(data, dict):
        raise RoutineLoadError(
            [Problem(name, "", f"must hold a JSON object, not {_json_type(data)}")]
        )
    supported = ", ".join(str(v) for v in sorted(SUPPORTED_FORMAT_VERSIONS))
    version = data.get("format_version")
    if version is None:
        raise RoutineLoadError(
            [
                Problem(
                    name, "format_version", f"is missing; this app reads routine format {supported}"
                )
            ]
        )
    if (
        isinstance(version, bool)
        or not isinstance(version, int)
        or version not in SUPPORTED_FORMAT_VERSIONS
    ):
        raise RoutineLoadError(
            [
                Problem(
                    name,
                    "format_version",
                    f"{json.dumps(version)} is not supported by this version of Glute Coach "
                    f"(supported: {supported}); a newer app may read it",
                )
            ]
        )
    try:
        return Routine.model_validate(data)
    except ValidationError as exc:
        errors = _without_union_noise(exc.errors())
        raise RoutineLoadError([_problem(name, err) for err in errors]) from None


_PRIMITIVE_TAGS = frozenset({"bool", "int", "float", "str", "none"})


def _without_union_noise(errors: list[Any]) -> list[Any]:
    """Drop "should be a boolean" when the same value also failed as an object (``Cue | bool``)."""

    def is_primitive_branch(err: Any) -> bool:
        loc = err["loc"]
        return bool(loc) and isinstance(loc[-1], str) and loc[-1] in _PRIMITIVE_TAGS

    kept = []
    for err in errors:
        if is_primitive_branch(err):
            prefix = tuple(err["loc"][:-1])
            if any(o is not err and tuple(o["loc"][: len(prefix)]) == prefix for o in errors):
                continue
        kept.append(err)
    return kept


def _json_type(value: Any) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


# --- explaining validation errors ------------------------------------------------------------


def _problem(name: str, err: Any) -> Problem:
    loc: tuple[int | str, ...] = tuple(err["loc"])
    kind: str = err["type"]
    location, owner, field = _locate(loc, extra_key=kind == "extra_forbidden")
    got = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
        return Problem(name, location, f"unknown key '{key}'; {hint}")
    if kind in {"union_tag_invalid", "union_tag_not_found"}:
        kinds = list(STEP_CLASSES)
        tag = ctx.get("tag")
        if kind == "union_tag_not_found" or tag is None:
            return Problem(name, location, f"a step needs 'kind', one of: {', '.join(kinds)}")
        close = difflib.get_close_matches(str(tag), kinds, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return Problem(
            name, location, f"unknown step kind '{tag}'; {hint}allowed: {', '.join(kinds)}"
        )
    if kind in {"greater_than", "greater_than_equal", "less_than", "less_than_equal"}:
        unit = " seconds" if location.endswith("_s") or location.endswith(".s") else ""
        return Problem(
            name, location, f"{_show(got)} is out of range; allowed: {_range(field, ctx)}{unit}"
        )
    if kind == "missing":
        return Problem(name, location, "is required but missing")
    if kind == "string_pattern_mismatch":
        field_name = location.rsplit(".", 1)[-1]
        wanted = _PATTERN_HINTS.get(
            field_name, f"must match {ctx.get('pattern', 'the expected form')}"
        )
        return Problem(name, location, f"{wanted}, got {_show(got)}")
    if kind in {"too_short", "too_long"}:
        return Problem(name, location, _length_message(kind, ctx, got))
    message = str(err["msg"]).removeprefix("Value error, ")
    if kind == "value_error":
        return Problem(name, location, message)
    if got is not None and not isinstance(got, (dict, list)):
        message = f"{message}, got {_show(got)}"
    return Problem(name, location, message[0].lower() + message[1:] if message else message)


# What a pattern means, for people who do not read regular expressions.
_PATTERN_HINTS = {
    "id": "must be lower-case letters, digits and dashes, like 'glute-bridge'",
    "language": "must be a language code like 'en' or 'de-AT'",
}


def _show(value: Any) -> str:
    text = json.dumps(value) if isinstance(value, (int, float, str, bool)) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _length_message(kind: str, ctx: dict[str, Any], got: Any) -> str:
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        what = "characters" if isinstance(got, str) else "items"
        return "must not be empty" if least == 1 else f"needs at least {least} {what}"
    most = ctx.get("max_length")
    what = "characters" if isinstance(got, str) else "items"
    return f"is too long; at most {most} {what}"


def _range(field: FieldInfo | None, ctx: dict[str, Any]) -> str:
    low: tuple[float, bool] | None = None  # (value, inclusive)
    high: tuple[float, bool] | None = None
    for item in _constraints(field):
        for attr, inclusive, is_low in (
            ("ge", True, True),
            ("gt", False, True),
            ("le", True, False),
            ("lt", False, False),
        ):
            value = getattr(item, attr, None)
            if value is None:
                continue
            if is_low and (low is None or value > low[0]):
                low = (value, inclusive)
            if not is_low and (high is None or value < high[0]):
                high = (value, inclusive)
    if low is None and high is None:  # fall back on what pydantic reported
        for attr, inclusive, is_low in (
            ("ge", True, True),
            ("gt", False, True),
            ("le", True, False),
            ("lt", False, False),
        ):
            if attr in ctx:
                if is_low:
                    low = (ctx[attr], inclusive)
                else:
                    high = (ctx[attr], inclusive)
    parts = []
    if low is not None:
        parts.append(f"{'at least' if low[1] else 'more than'} {low[0]:g}")
    if high is not None:
        parts.append(f"{'at most' if high[1] else 'less than'} {high[0]:g}")
    return " and ".join(parts) if parts else "a smaller value"


def _constraints(field: FieldInfo | None) -> list[Any]:
    """Constraint objects on a field, including those inside ``Annotated[...] | None``."""
    if field is None:
        return []
    found: list[Any] = list(field.metadata)
    pending = [field.annotation]
    while pending:
        tp = pending.pop()
        if typing.get_origin(tp) is typing.Annotated:
            for extra in typing.get_args(tp)[1:]:
                found.extend(getattr(extra, "metadata", [extra]))
            pending.append(typing.get_args(tp)[0])
        elif typing.get_origin(tp) in (typing.Union, types.UnionType):
            pending.extend(typing.get_args(tp))
    return found


def _locate(
    loc: tuple[int | str, ...], *, extra_key: bool = False
) -> tuple[str, type[BaseModel] | None, FieldInfo | None]:
    """Turn pydantic's location into ``steps[2].hold_s``; find the model and field it names.

    Pydantic puts union member tags (``exercise``, ``Cue``, ``bool``) into locations;
    they are not keys a user wrote, so they are skipped.
    """
    text = ""
    candidates: list[Any] = [Routine]
    owner: type[BaseModel] | None = None
    field: FieldInfo | None = None
    for part in loc[:-1] if extra_key else loc:
        models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        if isinstance(part, int):
            text += f"[{part}]"
            candidates = [a for c in candidates for a in _list_items(c)]
            continue
        matching = [m for m in models if part in m.model_fields]
        if matching:
            owner = matching[0]
            field = owner.model_fields[part]
            text += f".{part}" if text else part
            candidates = _unwrap(field.annotation)
        elif part in STEP_CLASSES and any(c is Step or _is_step_union(c) for c in candidates):
            candidates = [STEP_CLASSES[part]]
        else:
            named = [c for c in _flatten(candidates) if getattr(c, "__name__", None) == part]
            candidates = named or candidates
    if extra_key:
        models = [
            c for c in _flatten(candidates) if isinstance(c, type) and issubclass(c, BaseModel)
        ]
        owner = models[0] if models else owner
        text += f".{loc[-1]}" if text else str(loc[-1])
    return text, owner, field


def _flatten(candidates: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for c in candidates:
        out.extend(_unwrap(c))
    return out


def _unwrap(tp: Any) -> list[Any]:
    """The concrete types an annotation may hold (through Annotated, unions and aliases)."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        return [t for arg in typing.get_args(tp) for t in _unwrap(arg)]
    return [tp]


def _list_items(tp: Any) -> list[Any]:
    if typing.get_origin(tp) in (list, tuple):
        args = typing.get_args(tp)
        return [t for a in args if a is not Ellipsis for t in _unwrap(a)]
    return []


def _is_step_union(tp: Any) -> bool:
    return tp in STEP_CLASSES.values()


# --- assets ----------------------------------------------------------------------------------


def _asset_refs(routine: Routine) -> Iterable[tuple[str, str, str]]:
    """(location, reference, kind) for every file a routine names."""

    def walk(steps: list[Step], prefix: str) -> Iterable[tuple[str, str, str]]:
        for i, step in enumerate(steps):
            here = f"{prefix}[{i}]"
            if isinstance(step, RepeatStep):
                yield from walk(step.steps, f"{here}.steps")
                continue
            if isinstance(step, (ExerciseStep, InfoStep, CalibrationStep)) and step.image:
                yield f"{here}.image", step.image, "image"
            if isinstance(step, ExerciseStep):
                yield from _cue_refs(step.cues, f"{here}.cues")

    yield from walk(routine.steps, "steps")


def _cue_refs(cues: Cues, prefix: str) -> Iterable[tuple[str, str, str]]:
    for key in ("start", "end", "halfway"):
        cue = getattr(cues, key)
        clip = getattr(cue, "clip", None)
        if clip:
            yield f"{prefix}.{key}.clip", clip, "clip"
    for j, timed in enumerate(cues.at):
        if timed.clip:
            yield f"{prefix}.at[{j}].clip", timed.clip, "clip"


def check_assets(
    routine: Routine, routine_dir: Path, name: str, clip_check: ClipCheck | None = None
) -> Iterable[Problem]:
    for location, ref, kind in _asset_refs(routine):
        try:
            target = resolve_asset(ref, routine_dir)
        except ValueError as exc:
            yield Problem(name, location, str(exc))
            continue
        if not target.is_file():
            yield Problem(name, location, f"{kind} '{ref}' was not found (looked for {target})")
        elif kind == "clip" and clip_check is not None:
            try:
                clip_check(target)
            except ValueError as exc:
                yield Problem(name, location, f"clip '{ref}': {exc}")
