"""Waiting on a source's events in tests: drain the queue until a match, with a deadline."""

from __future__ import annotations

import queue
import time
from collections.abc import Callable

import pytest

from glute_coach.sensors.source import ConnectionState, EventKind, SignalSource, SourceEvent


def events_until(
    source: SignalSource,
    predicate: Callable[[SourceEvent], bool],
    timeout: float = 5.0,
    seen: list[SourceEvent] | None = None,
) -> list[SourceEvent]:
    """Events up to and including the first that matches; fails after ``timeout`` seconds."""
    seen = [] if seen is None else seen
    deadline = time.monotonic() + timeout
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            event = source.events().get(timeout=remaining)
        except queue.Empty:
            break
        seen.append(event)
        if predicate(event):
            return seen
    pytest.fail(f"no matching event within {timeout} s; saw {seen}")


def wait_event(
    source: SignalSource,
    predicate: Callable[[SourceEvent], bool],
    timeout: float = 5.0,
    seen: list[SourceEvent] | None = None,
) -> SourceEvent:
    """The first event that matches."""
    return events_until(source, predicate, timeout, seen)[-1]


def is_state(state: ConnectionState) -> Callable[[SourceEvent], bool]:
    return lambda e: e.kind is EventKind.STATE and e.state is state
