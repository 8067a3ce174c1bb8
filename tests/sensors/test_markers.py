"""The LSL cue marker outlet, received by a real inlet on loopback (machine-only LSLAPICFG)."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

os.environ["LSLAPICFG"] = str(Path(__file__).resolve().parent / "lsl.cfg")

import pytest

from glute_coach.sensors.markers import CueMarkerOutlet
from glute_coach.sensors.recorder import Recorder

pylsl = pytest.importorskip("pylsl")


def _inlet_for(name: str) -> object:
    found = pylsl.resolve_byprop("name", name, 1, 10.0)
    assert found, f"stream {name!r} not resolved on loopback"
    assert found[0].type() == "Markers"
    assert found[0].channel_format() == pylsl.cf_string
    inlet = pylsl.StreamInlet(found[0])
    inlet.open_stream(10.0)
    return inlet


def test_clock_mapping_matches_local_clock() -> None:
    with CueMarkerOutlet(f"GluteCoachCues-{uuid.uuid4().hex[:8]}") as outlet:
        for _ in range(5):
            assert abs(outlet.to_lsl_time(time.monotonic()) - pylsl.local_clock()) < 0.005


def test_markers_arrive_in_order_with_timestamps() -> None:
    name = f"GluteCoachCues-{uuid.uuid4().hex[:8]}"
    with CueMarkerOutlet(name, source_id=f"test-{name}") as outlet:
        inlet = _inlet_for(name)
        assert outlet.wait_for_consumers(10.0)
        texts = ["start", "squeeze", "hold 3 s", "relax", "rest"]
        pushed = []
        for text in texts:
            now = time.monotonic()
            pushed.append((outlet.push(now, text, "cue"), pylsl.local_clock()))
            time.sleep(0.01)
        got = []
        deadline = time.monotonic() + 10.0
        while len(got) < len(texts) and time.monotonic() < deadline:
            sample, ts = inlet.pull_sample(timeout=1.0)  # type: ignore[attr-defined]
            if sample is not None:
                got.append((sample[0], ts))
        inlet.close_stream()  # type: ignore[attr-defined]
        assert [g[0] for g in got] == texts
        for (_, ts), (stamp, lsl_now) in zip(got, pushed, strict=True):
            assert abs(ts - stamp) < 0.005
            assert abs(ts - lsl_now) < 0.005
        assert outlet.pushed == len(texts)


def test_outlet_listens_to_a_recorder(tmp_path: Path) -> None:
    name = f"GluteCoachCues-{uuid.uuid4().hex[:8]}"
    with CueMarkerOutlet(name, include_kind=True) as outlet:
        inlet = _inlet_for(name)
        assert outlet.wait_for_consumers(10.0)
        with Recorder(tmp_path, "s", ["a"], ["uV"], 1000.0) as rec:
            rec.add_listener(outlet)
            t = time.monotonic()
            rec.annotate(t, "bridge up", "cue")
            rec.mark_gap(t + 0.01, t + 0.02)
        got = []
        deadline = time.monotonic() + 10.0
        while len(got) < 2 and time.monotonic() < deadline:
            sample, ts = inlet.pull_sample(timeout=1.0)  # type: ignore[attr-defined]
            if sample is not None:
                got.append((sample[0], ts))
        assert [g[0] for g in got] == ["cue: bridge up", "gap: source lost"]
        assert abs(got[0][1] - outlet.to_lsl_time(t)) < 0.005
