"""Progression: when a routine's own rules suggest a small step up, and what would change.

A routine may carry a ``progression`` block (see ``docs/routine-format.md``). After
``after_sessions`` completed sessions of this routine (this id and version) in a row where pain
did not get worse, ``suggest`` offers the next level: the changes in words and the progressed
routine, built with ``core.editing`` so it is valid by construction — or, once every change has
reached its ``up_to`` limit, the harder routine ``next_routine`` names. Nothing is applied here:
the user accepts or declines, and an accepted step up is saved as the user's own copy.

The copy (``progressed_routine``) gets a new id, ``<original-id>-step-<n>``, version 1, the
title ``<title> — step <n>`` and ``based_on`` the routine it came from (id and version). The
original — possibly a bundled file — is never changed, sessions of the copy count from zero
under its own id, and ``progression.stage`` says how many step ups it is from the original.

"Pain not worse" means pain after ≤ pain before in a session. A session without both values
does not count as worse (it cannot be judged), but the suggestion says how many there were.
A session with worse pain resets the run: the count starts again after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from glute_coach.core.editing import (
    ID_MAX_CHARS,
    TITLE_MAX_CHARS,
    document,
    set_hold,
    set_reps,
    set_sets,
    step_at,
    step_paths,
    timing_of,
    validated,
    work_seconds,
)
from glute_coach.core.routine import ExerciseStep, ProgressionChange, Routine

PAIN_RISE_POINTS = 2
DEFAULT_TITLE_TEMPLATE = "{title} — step {stage}"

Quantity = Literal["hold_s", "duration_s", "rep_s", "reps", "sets"]


@dataclass(frozen=True)
class SessionFacts:
    """What progression needs to know about one finished session.

    ``routine_id`` and ``routine_version``, when given, must match the routine for the session
    to count; leave them ``None`` when the caller has already picked this routine's sessions.
    """

    completed: bool
    pain_before: int | None
    pain_after: int | None
    ended: datetime
    routine_id: str | None = None
    routine_version: int | None = None

    @property
    def pain_known(self) -> bool:
        return self.pain_before is not None and self.pain_after is not None

    @property
    def pain_worse(self) -> bool:
        """Pain after above pain before; False when either is missing."""
        return (
            self.pain_before is not None
            and self.pain_after is not None
            and self.pain_after > self.pain_before
        )


@dataclass(frozen=True)
class Change:
    """One quantity of one exercise, before and after: "Glute bridge: hold 10 s → 12 s"."""

    step_id: str
    name: str
    quantity: Quantity  # hold_s also covers a timed set (duration_s) or a rep time (rep_s)
    before: float
    after: float

    def describe(self) -> str:
        """Plain English (the UI words it through Qt's translations instead)."""
        if self.quantity in ("hold_s", "duration_s", "rep_s"):
            what = {"hold_s": "hold", "duration_s": "time", "rep_s": "rep time"}[self.quantity]
            return f"{self.name}: {what} {_num(self.before)} s → {_num(self.after)} s"
        return f"{self.name}: {self.quantity} {_num(self.before)} → {_num(self.after)}"


@dataclass(frozen=True)
class Suggestion:
    """A step up to offer: either changes (with the progressed routine) or a harder routine."""

    routine: Routine  # the routine as it is now
    sessions: int  # completed sessions in the run that earned this suggestion
    unrecorded_pain: int  # of those, sessions without pain before and after recorded
    changes: tuple[Change, ...] = ()
    progressed: Routine | None = None  # the copy to save when accepted (None: next_routine)
    next_routine: str | None = None  # a harder routine's id (when no change is left to make)
    note: str | None = None

    def describe(self) -> list[str]:
        """What would change, one line each, in plain English."""
        if self.changes:
            return [c.describe() for c in self.changes]
        return [f"Move on to the routine '{self.next_routine}'"]


def _num(value: float) -> str:
    return f"{value:g}"


def pain_rise_advice(pain_before: int | None, pain_after: int | None) -> bool:
    """True when pain rose by 2 or more points within a session: advise stopping for today."""
    if pain_before is None or pain_after is None:
        return False
    return pain_after - pain_before >= PAIN_RISE_POINTS


def pain_rise(pain_before: int | None, pain_after: int | None) -> int:
    """How many points pain went up (0 when it did not, or when a value is missing)."""
    if pain_before is None or pain_after is None:
        return 0
    return max(0, pain_after - pain_before)


def counted_sessions(
    routine: Routine, history: Iterable[SessionFacts], *, since: datetime | None = None
) -> list[SessionFacts]:
    """The run of completed sessions that counts toward the next step up, oldest first.

    Only sessions of this routine (when they say which), completed, ended after ``since`` (the
    last accepted or declined step up, if any) count; with ``pain_not_worse`` a session with
    worse pain ends the run and counting starts again after it.
    """
    rule = routine.progression
    mine = sorted(
        (
            f
            for f in history
            if f.completed
            and (f.routine_id is None or f.routine_id == routine.id)
            and (f.routine_version is None or f.routine_version == routine.version)
            and (since is None or _after(f.ended, since))
        ),
        key=lambda f: f.ended.timestamp(),
    )
    run: list[SessionFacts] = []
    for facts in mine:
        if rule is not None and rule.pain_not_worse and facts.pain_worse:
            run = []
        else:
            run.append(facts)
    return run


def _after(ended: datetime, since: datetime) -> bool:
    return ended.timestamp() > since.timestamp()


def suggest(
    routine: Routine,
    history: Sequence[SessionFacts],
    *,
    since: datetime | None = None,
    title_template: str = DEFAULT_TITLE_TEMPLATE,
) -> Suggestion | None:
    """The step up the routine's rules suggest now, or None (no rules, not yet, or nothing left).

    ``history`` is the sessions of this routine (others are ignored when they carry their id);
    ``since`` is when the user last accepted or declined a step up for it (sessions before then
    do not count again). ``title_template`` (``{title}``, ``{stage}``) words the copy's title.
    """
    rule = routine.progression
    if rule is None:
        return None
    run = counted_sessions(routine, history, since=since)
    if len(run) < rule.after_sessions:
        return None
    run = run[-rule.after_sessions :]
    unrecorded = sum(1 for f in run if not f.pain_known)
    changes, progressed = _apply(routine, rule.suggest)
    if changes:
        return Suggestion(
            routine=routine,
            sessions=len(run),
            unrecorded_pain=unrecorded,
            changes=tuple(changes),
            progressed=progressed_routine(progressed, routine, title_template=title_template),
            note=rule.note,
        )
    if rule.next_routine is not None:
        return Suggestion(
            routine=routine,
            sessions=len(run),
            unrecorded_pain=unrecorded,
            next_routine=rule.next_routine,
            note=rule.note,
        )
    return None


def _apply(routine: Routine, rules: Sequence[ProgressionChange]) -> tuple[list[Change], Routine]:
    """Every rule applied to every exercise with its id, capped at ``up_to``; unchanged ones left out."""
    changes: list[Change] = []
    current = routine
    for rule in rules:
        for path in step_paths(current):
            step = step_at(current, path)
            if not isinstance(step, ExerciseStep) or step.id != rule.step:
                continue
            quantity: Quantity
            if rule.quantity == "hold_s":
                timing = timing_of(step)
                if timing == "tempo":  # the routine model refuses this; keep the guard
                    continue
                quantity = timing
                before = work_seconds(step)
            elif rule.quantity == "reps":
                if step.reps is None:
                    continue
                quantity = "reps"
                before = step.reps
            else:
                quantity = "sets"
                before = step.sets
            after = before + rule.amount
            if rule.up_to is not None:
                after = min(after, rule.up_to)
            if after <= before:
                continue
            if quantity in ("reps", "sets"):
                after = int(after)
                if after <= before:
                    continue
                edit = set_reps if quantity == "reps" else set_sets
                current = edit(current, path, int(after))
            else:
                current = set_hold(current, path, after)
            change = Change(rule.step, step.name, quantity, before, after)
            if change not in changes:  # the same exercise twice (e.g. in a circuit): one line
                changes.append(change)
    return changes, current


def progressed_id(routine: Routine) -> str:
    """``<original-id>-step-<n+1>``: the id the next step up is saved under (at most 64 chars)."""
    stage = routine.progression.stage if routine.progression is not None else 1
    base = re.sub(rf"-step-{stage}$", "", routine.id) if stage > 1 else routine.id
    tail = f"-step-{stage + 1}"
    return base[: ID_MAX_CHARS - len(tail)].rstrip("-") + tail


def progressed_routine(
    edited: Routine, original: Routine, *, title_template: str = DEFAULT_TITLE_TEMPLATE
) -> Routine:
    """``edited`` as the user's own copy of ``original``'s next step up (validated)."""
    assert original.progression is not None
    stage = original.progression.stage
    title = original.title
    if stage > 1:
        title = title.removesuffix(title_template.format(title="", stage=stage))
    new_title = title_template.format(title=title, stage=stage + 1)
    if len(new_title) > TITLE_MAX_CHARS:
        room = TITLE_MAX_CHARS - len(title_template.format(title="", stage=stage + 1))
        new_title = title_template.format(title=title[: room - 1].rstrip() + "…", stage=stage + 1)
    data = document(edited)
    data.update(
        id=progressed_id(original),
        version=1,
        title=new_title,
        based_on={"id": original.id, "version": original.version},
    )
    data["progression"] = {**data["progression"], "stage": stage + 1}
    return validated(data)


def progressed_from(routine: Routine, others: Iterable[Routine]) -> Routine | None:
    """A step up already saved from this routine (this id and version), if any."""
    for other in others:
        if (
            other.based_on is not None
            and other.based_on.id == routine.id
            and other.based_on.version == routine.version
            and other.progression is not None
            and routine.progression is not None
            and other.progression.stage == routine.progression.stage + 1
        ):
            return other
    return None
