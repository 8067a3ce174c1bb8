"""Tests of the causal EMG/pressure processing.

The UCI tests use the "EMG dataset in Lower Limb" by Oscar Sanchez and Jose Sotelo (UCI Machine
Learning Repository), licensed CC BY 4.0, read unchanged from shared/data/emg/uci-lower-limb.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from glute_coach.sensors.processing import (
    EmgProcessor,
    MovingRms,
    MvcCalibration,
    OnsetDetector,
    PressureMonitor,
    RepCounter,
    SosFilter,
    activation_latency,
    best_window_mean,
    design_emg_filter,
    kpa_to_mmhg,
    mmhg_to_kpa,
    pressure_stability,
    rep_thresholds,
    rest_level,
    symmetry_index,
    time_in_zone,
)
from glute_coach.sensors.recordings import read_recording

UCI = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "emg" / "uci-lower-limb"
# file -> (goniometer reps, working muscles: quadriceps for seated extension, hamstrings (ST)
# for standing flexion)
UCI_CASES = {
    "3Asen": (4, ("VM", "RF")),
    "5Nsen": (4, ("VM", "RF")),
    "5Npie": (5, ("ST",)),
    "3Apie": (3, ("ST",)),
}


def _blocks(x: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    out, i = [], 0
    while i < len(x):
        n = int(rng.integers(1, 700))
        out.append(x[i : i + n])
        i += n
    return out


def test_block_wise_equals_whole() -> None:
    rng = np.random.default_rng(1)
    x = rng.normal(size=(20000, 3))
    whole = EmgProcessor(2000, 3, notch_hz=50).process_full(x)
    proc = EmgProcessor(2000, 3, notch_hz=50)
    parts = [proc.process_full(b) for b in _blocks(x, rng)]
    np.testing.assert_allclose(
        np.concatenate([p.filtered for p in parts]), whole.filtered, atol=1e-9
    )
    np.testing.assert_allclose(
        np.concatenate([p.envelope for p in parts]), whole.envelope, atol=1e-9
    )


def _gain_db(freq: float, fs: float = 2000.0) -> float:
    t = np.arange(int(fs * 4)) / fs
    x = np.sin(2 * np.pi * freq * t)[:, None]
    y = SosFilter(design_emg_filter(fs).sos, 1).process(x)[int(fs * 2) :, 0]
    return 20 * math.log10(np.sqrt(np.mean(y**2)) / np.sqrt(0.5))


def test_band_pass_attenuation() -> None:
    assert _gain_db(5) < -20
    assert _gain_db(600) < -20
    assert abs(_gain_db(100)) < 1


def test_envelope_delay_is_half_window() -> None:
    fs, w = 1000.0, 0.1
    x = np.zeros((3000, 1))
    x[1000:1010] = 1.0  # a 10 ms burst centred at 1004.5 ms
    env = MovingRms(round(w * fs), 1).process(x)[:, 0]
    power = env**2
    centroid = float((np.arange(len(power)) * power).sum() / power.sum())
    assert abs((centroid - 1004.5) / fs - w / 2) <= 2 / fs
    assert EmgProcessor(fs, 1, rms_window_s=w).delay_s == pytest.approx(w / 2, abs=1e-3)


def test_low_fs_adapts_and_warns_once() -> None:
    proc = EmgProcessor(200, 4)
    assert proc.design.band_hz[1] == pytest.approx(90.0)
    msgs = proc.pop_messages()
    assert len(msgs) == 1
    assert "too low" in msgs[0]
    for _ in range(5):
        proc.process(np.random.default_rng(0).normal(size=(50, 4)))
    assert proc.pop_messages() == []
    # extreme: no room for a band at all -> still no crash
    EmgProcessor(30, 1).process(np.ones((10, 1)))


def test_non_finite_does_not_poison() -> None:
    rng = np.random.default_rng(2)
    x = rng.normal(size=(4000, 2))
    proc = EmgProcessor(1000, 2)
    bad = x[:1000].copy()
    bad[10, 0] = np.nan
    bad[500:520, 1] = np.inf
    out1 = proc.process(bad)
    out2 = proc.process(x[1000:])
    assert np.isfinite(out1).all()
    assert np.isfinite(out2).all()
    assert proc.bad_samples == 21
    msgs = proc.pop_messages()
    assert len(msgs) == 1
    assert "non-finite" in msgs[0]


def _bursts(fs: float, spans: list[tuple[float, float]], total: float) -> np.ndarray:
    env = np.full((int(total * fs), 1), 0.05)
    for a, b in spans:
        env[int(a * fs) : int(b * fs)] = 1.0
    return env


def test_rep_counter_bursts_and_chatter() -> None:
    fs = 1000.0
    # three clean 1.5 s reps, a 0.2 s twitch (ignored), a chattering burst (3 pieces with
    # 150 ms gaps) that is one rep
    spans = [(1, 2.5), (4, 5.5), (7, 8.5), (10, 10.2), (12, 12.5), (12.65, 13.1), (13.25, 14)]
    env = _bursts(fs, spans, 16)
    rc = RepCounter(fs, 1, on=0.5, off=0.25)
    for b in np.array_split(env, 37):
        rc.process(b)
    reps = rc.finish()[0]
    assert int(rc.counts[0]) == 4
    assert reps[-1].start_s == pytest.approx(12.0, abs=0.01)
    assert reps[-1].end_s == pytest.approx(14.0, abs=0.01)
    # a plain threshold (no min on-time, no refractory) over-counts
    plain = RepCounter(fs, 1, on=0.5, off=0.5, min_on_s=0.001, refractory_s=0)
    plain.process(env)
    assert int(plain.counts[0]) == 7


def test_rep_hysteresis_ignores_noise_between_thresholds() -> None:
    fs = 1000.0
    t = np.arange(10000) / fs
    env = (0.4 + 0.1 * np.sin(2 * np.pi * 7 * t))[:, None]  # wobbles around 0.4, never > 0.55
    env[2000:4000] = 0.9
    rc = RepCounter(fs, 1, on=0.55, off=0.25)
    rc.process(env)
    assert int(rc.counts[0]) == 1


def test_onset_plain_and_tkeo() -> None:
    fs = 1000.0
    rng = np.random.default_rng(3)
    x = rng.normal(scale=0.01, size=(5000, 1))
    x[2500:3500] += rng.normal(scale=0.2, size=(1000, 1))
    env = MovingRms(50, 1).process(x)
    det = OnsetDetector(fs, 1, baseline_s=1.0)
    for b in np.array_split(env, 13):
        det.process(b)
    assert len(det.onsets) == 1
    assert abs(det.onsets[0].time_s - 2.5) < 0.03
    tk = OnsetDetector(fs, 1, baseline_s=1.0, tkeo=True)
    for b in np.array_split(x, 7):
        tk.process(b)
    assert len(tk.onsets) == 1
    assert abs(tk.onsets[0].time_s - 2.5) < 0.02
    assert activation_latency(2.3, [o.time_s for o in tk.onsets]) == pytest.approx(0.2, abs=0.02)
    assert activation_latency(4.0, [2.5]) is None


def test_symmetry_zone_pressure_mvc() -> None:
    assert symmetry_index(1.0, 1.0) == 0
    assert symmetry_index(3.0, 1.0) == pytest.approx(1.0)
    assert symmetry_index(0.0, 2.0) == pytest.approx(-2.0)
    assert math.isnan(symmetry_index(0.0, 0.0))
    v = np.concatenate([np.zeros(500), np.full(1500, 0.5)])
    assert time_in_zone(v, 1000, 0.4, 0.6)[0] == pytest.approx(1.5)

    assert kpa_to_mmhg(1.0) == pytest.approx(7.50062, rel=1e-5)
    assert mmhg_to_kpa(kpa_to_mmhg(5.3)) == pytest.approx(5.3)
    pm = PressureMonitor(50, target_mmhg=40, band_mmhg=2, unit="kPa")
    pm.zero(np.full(50, 101.3))  # vented cuff reads atmospheric pressure
    pm.start_hold()
    rng = np.random.default_rng(4)
    steady = pm.process(101.3 + mmhg_to_kpa(40 + rng.normal(scale=0.5, size=500)))
    assert pm.in_band(steady).mean() > 0.99
    assert pm.stability() == pytest.approx(0.5, abs=0.05)
    assert pressure_stability([40, 44, 36, 40]) > pressure_stability([40, 41, 39, 40])

    fs = 1000.0
    cal = MvcCalibration(fs, 2)
    for level in (0.8, 1.2, 1.0):
        eff = np.zeros((3000, 2))
        eff[1000:1600] = [level, 2 * level]
        eff[1100:1200] = [5 * level, 5 * level]  # a 100 ms spike does not set the MVC
        cal.add_effort(eff)
    # best 500 ms window of the best effort (1.2): 400 ms at the plateau + 100 ms at the spike
    np.testing.assert_allclose(cal.mvc, [0.8 * 1.2 + 0.2 * 6.0, 0.8 * 2.4 + 0.2 * 6.0])
    np.testing.assert_allclose(cal.normalise(np.array([[cal.mvc[0], cal.mvc[1] / 2]])), [[100, 50]])


def _goniometer_reps(angle: np.ndarray, fs: float) -> int:
    """Ground truth: reps in the knee angle with hysteresis at 50 % / 25 % of the excursion."""
    dev = np.abs(angle - np.median(angle[: int(fs)]))[:, None]
    rc = RepCounter(fs, 1, on=0.5 * dev.max(), off=0.25 * dev.max(), min_on_s=0.3, refractory_s=0)
    rc.process(dev)
    return int(rc.counts[0])


@pytest.mark.usefixtures("uci_dir")  # fails in CI if the data is missing
@pytest.mark.parametrize("name", sorted(UCI_CASES))
def test_uci_rep_counts_match_goniometer(name: str) -> None:
    expected, muscles = UCI_CASES[name]
    rec = read_recording(UCI / f"{name}.txt")
    assert rec.fs == 1000
    assert rec.channels == ["RF", "BF", "VM", "ST", "FX"]
    fs = rec.fs
    assert _goniometer_reps(rec.data[:, rec.index("FX")], fs) == expected
    emg = rec.data[:, :4]
    proc = EmgProcessor(fs, 4)
    rng = np.random.default_rng(5)
    env = np.concatenate([proc.process(b) for b in _blocks(emg, rng)])
    on, off = rep_thresholds(rest_level(env, fs), best_window_mean(env, fs))
    rc = RepCounter(fs, 4, on, off)  # the one default parameter set
    for b in _blocks(env, rng):
        rc.process(b)
    for m in muscles:
        assert int(rc.counts[rec.index(m)]) == expected, m
    # a plain threshold (100 ms RMS, rest + 3 SD, no hysteresis/min-time/refractory) over-counts
    k = rec.index(muscles[0])
    quiet = env[: int(fs), k]
    plain = RepCounter(
        fs,
        1,
        on=quiet.mean() + 3 * quiet.std(),
        off=quiet.mean() + 3 * quiet.std(),
        min_on_s=0.001,
        refractory_s=0,
    )
    plain.process(env[:, k : k + 1])
    assert int(plain.counts[0]) > expected


def test_a_row_cut_short_by_a_power_cut_is_not_trusted(tmp_path: Path) -> None:
    from glute_coach.sensors.recordings import read_recording

    path = tmp_path / "cut.csv"
    path.write_text("time_s,A [mV]\n0.000,1.25\n0.001,1.5\n0.002,1.7")  # "1.75" lost its last digit
    rec = read_recording(path)
    assert rec.data[:, -1].tolist() == [1.25, 1.5]
    assert any("incomplete" in note for note in rec.notes)


def test_edf_plus_recordings_read_and_replay(tmp_path: Path) -> None:
    import pyedflib

    from glute_coach.sensors.file_source import FileSource
    from glute_coach.sensors.recordings import read_recording

    fs, seconds = 1000, 3
    t = np.arange(fs * seconds) / fs
    signals = [0.2 * np.sin(2 * np.pi * 80 * t), 0.1 * np.sin(2 * np.pi * 120 * t)]
    headers = [
        pyedflib.highlevel.make_signal_header(
            name, dimension="mV", sample_frequency=fs, physical_min=-1.0, physical_max=1.0
        )
        for name in ("L_GMax", "R_GMax")
    ]
    path = tmp_path / "session.edf"
    pyedflib.highlevel.write_edf(str(path), signals, headers)
    rec = read_recording(path)
    assert rec.channels == ["L_GMax", "R_GMax"]
    assert rec.units == ["mV", "mV"]
    assert rec.fs == fs
    assert rec.data.shape == (fs * seconds, 2)
    np.testing.assert_allclose(rec.data[:, 0], signals[0], atol=1e-4)  # 16-bit digital resolution
    source = FileSource(path, speed=100)
    assert list(source.channel_names) == ["L_GMax", "R_GMax"]
    assert source.total_samples == fs * seconds


def test_a_file_that_is_not_edf_gets_one_line(tmp_path: Path) -> None:
    from glute_coach.sensors.recordings import RecordingError, read_recording

    path = tmp_path / "broken.edf"
    path.write_bytes(b"0       not an edf header" * 20)
    with pytest.raises(RecordingError, match="not a readable EDF/BDF file"):
        read_recording(path)
