"""SensorSession: a sim source recorded to disk, cues, failures reported as one line each."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from glute_coach.core.timeline import CueRole
from glute_coach.sensors.recorder import read_cues
from glute_coach.sensors.recordings import read_recording
from glute_coach.sensors.session import SensorSession, cue_action
from glute_coach.sensors.sim import SimSource
from glute_coach.sensors.source import ConnectionState
from tests.conftest import ROOT


@dataclass(frozen=True)
class Cue:
    text: str | None
    role: CueRole


SQUEEZE = Cue("Squeeze", CueRole.START)
RELAX = Cue("Relax", CueRole.END)


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.01)


def collect_messages(session: SensorSession, until: Callable[[list[str]], bool]) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + 10.0
    while not until(seen):
        if time.monotonic() > deadline:
            raise AssertionError(f"messages so far: {seen}")
        seen += session.poll_messages()
        time.sleep(0.01)
    return seen


def samples(session: SensorSession) -> int:
    return session.raw.total if session.raw is not None else 0


@pytest.fixture
def sim_session(tmp_path: Path) -> Iterator[SensorSession]:
    session = SensorSession("sim:seed=3", record_dir=tmp_path / "rec", routine_id="demo")
    session.start()
    yield session
    session.stop()


def test_cue_roles_map_to_squeeze_and_relax() -> None:
    assert cue_action(Cue("Squeeze", CueRole.START)) == "squeeze"
    assert cue_action(Cue(None, CueRole.PHASE)) == "squeeze"
    assert cue_action(Cue("Relax", CueRole.END)) == "relax"
    assert cue_action(Cue("Halfway", CueRole.HALFWAY)) is None


def test_records_samples_envelopes_and_cues(sim_session: SensorSession, tmp_path: Path) -> None:
    wait_until(lambda: samples(sim_session) >= 300)
    sim_session.on_cue(SQUEEZE)
    wait_until(lambda: samples(sim_session) >= 800)
    sim_session.on_cue(RELAX)
    wait_until(lambda: samples(sim_session) >= 1200)
    path = sim_session.stop()
    assert path is not None
    assert path.parent == tmp_path / "rec"
    assert sim_session.stop() == path  # idempotent

    rec = read_recording(path)
    assert rec.fs == pytest.approx(1000.0, rel=0.01)
    assert rec.channels == ["left", "right"]  # the sidecar marks the envelope columns
    assert rec.units == ["mV"] * 2
    assert rec.data.shape[0] >= 1200
    assert np.isfinite(rec.data).all()
    cues = read_cues(path.with_name(path.stem + ".cues.csv"))
    assert [(c.kind, c.text) for c in cues if c.kind != "gap"] == [
        ("start", "Squeeze"),
        ("end", "Relax"),
    ]
    sidecar = json.loads(path.with_suffix(".json").read_text())
    assert sidecar["complete"] is True
    assert sidecar["routine_id"] == "demo"
    assert sidecar["source"] == "sim:seed=3"
    assert "demo" in path.name


def test_a_squeeze_raises_the_envelope_after_a_latency() -> None:
    session = SensorSession("sim:seed=5,channels=1")
    session.start()
    try:
        wait_until(lambda: samples(session) >= 500)
        t_cue = time.monotonic()
        session.on_cue(SQUEEZE, t_cue)
        # the sim responds within 150-400 ms; wait until 0.8 s of data after the cue exist
        wait_until(
            lambda: session.envelope is not None and session.envelope.since(t_cue + 0.8).n > 0
        )
        assert session.envelope is not None
        env = session.envelope.latest(30_000)
        before = env.data[env.t < t_cue].mean()
        after = env.data[env.t > t_cue + 0.5].mean()
        assert after > 10 * before
        levels = session.levels()
        assert [lv.name for lv in levels] == ["emg"]
        assert levels[0].unit == "mV"
        window = session.latest(1.0)
        assert window is not None
        assert window[0].n == window[1].n > 0
    finally:
        assert session.stop() is None  # not recording


def test_pressure_envelope_is_the_raw_value() -> None:
    session = SensorSession("sim:seed=1,kind=pressure")
    with session:
        wait_until(lambda: samples(session) >= 100)
        latest = session.latest(0.05)
        assert latest is not None
        raw, env = latest
        n = min(raw.n, env.n)
        np.testing.assert_array_equal(raw.data[-n:], env.data[-n:])
        assert 20 < float(env.data.mean()) < 70  # mmHg around the 40 mmHg baseline


def test_recorder_failure_is_one_message_and_the_session_goes_on(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    session = SensorSession("sim:seed=2", record_dir=blocker / "rec")
    session.start()
    try:
        messages = collect_messages(session, lambda seen: any("record" in m for m in seen))
        failures = [m for m in messages if "record" in m]
        assert len(failures) == 1
        assert str(blocker) in failures[0]
        start = samples(session)
        wait_until(lambda: samples(session) > start + 200)  # still acquiring
        session.on_cue(SQUEEZE)  # cues after the failure do not raise
        assert session.state is ConnectionState.CONNECTED
        assert not [m for m in session.poll_messages() if "record" in m]  # not repeated
    finally:
        assert session.stop() is None


def test_a_source_that_cannot_connect_is_reported_without_raising() -> None:
    session = SensorSession("serial:/dev/does-not-exist")
    session.start()
    try:
        messages = collect_messages(session, lambda seen: any("cannot connect" in m for m in seen))
        line = next(m for m in messages if "cannot connect" in m)
        assert line.startswith("sensor: ")
        assert "does-not-exist" in line
        assert "\n" not in line
        session.on_cue(SQUEEZE)  # no sim behind it: ignored
        assert session.latest(1.0) is None
        assert all(np.isnan(lv.value) for lv in session.levels())
    finally:
        assert session.stop() is None


def test_messages_are_rate_limited() -> None:
    session = SensorSession("serial:/dev/does-not-exist")
    session.source.reconnect_delay = 0.01  # type: ignore[attr-defined]
    session.start()
    try:
        messages = collect_messages(
            session, lambda seen: sum("cannot connect" in m for m in seen) >= 1
        )
        deadline = time.monotonic() + 0.3
        while time.monotonic() < deadline:
            messages += session.poll_messages()
            time.sleep(0.01)
        assert sum("cannot connect" in m for m in messages) == 1
    finally:
        session.stop()


def test_a_built_source_is_accepted_and_a_bad_spec_raises() -> None:
    source = SimSource(channels=1, seed=1)
    session = SensorSession(source)
    assert session.source is source
    with pytest.raises(ValueError, match="unknown sensor kind"):
        SensorSession("nope:1")


ROUTINE = {
    "format_version": 1,
    "id": "sensor-test",
    "title": "Sensor test",
    "summary": "Short.",
    "level": "beginner",
    "author": "tests",
    "defaults": {"prepare_s": 3},
    "steps": [
        {
            "kind": "exercise",
            "name": "Glute squeeze",
            "reps": 2,
            "hold_s": 4,
            "cues": {"start": {"say": "Squeeze"}, "end": {"say": "Relax"}},
        },
    ],
}


def test_play_with_a_sim_sensor_records(tmp_path: Path) -> None:
    routine = tmp_path / "sensor-test.json"
    routine.write_text(json.dumps(ROUTINE))
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "glute_coach",
            "play",
            str(routine),
            "--no-audio",
            "--speed",
            "20",
            "--sensor",
            "sim:seed=4",
            "--record",
            str(out),
        ],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    saved = [line for line in done.stdout.splitlines() if line.startswith("recording saved: ")]
    assert len(saved) == 1, done.stdout
    path = Path(saved[0].removeprefix("recording saved: "))
    assert path.parent == out
    rec = read_recording(path)
    assert rec.data.shape[1] == 2  # two raw channels; envelopes stay in the file
    assert rec.data.shape[0] > 100
    cues = read_cues(path.with_name(path.stem + ".cues.csv"))
    assert [c.text for c in cues if c.kind == "start"] == ["Squeeze", "Squeeze"]
    assert "Traceback" not in done.stderr


def test_play_rejects_record_without_sensor(tmp_path: Path) -> None:
    routine = tmp_path / "sensor-test.json"
    routine.write_text(json.dumps(ROUTINE))
    done = subprocess.run(
        [sys.executable, "-m", "glute_coach", "play", str(routine), "--record", str(tmp_path)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 1
    assert "--record and --lsl-markers need --sensor" in done.stderr


def test_lsl_markers_get_every_cue(tmp_path: Path) -> None:
    pytest.importorskip("pylsl")
    session = SensorSession("sim:seed=6", record_dir=tmp_path, lsl_markers=True)
    with session:
        wait_until(lambda: samples(session) >= 100)
        session.on_cue(SQUEEZE)
        session.on_cue(Cue("Halfway", CueRole.HALFWAY))
        session.on_cue(RELAX)
        markers = session._markers
        assert markers is not None
        assert markers.pushed == 3
        assert not [m for m in session.poll_messages() if "LSL" in m]
    assert session._markers is not None
