"""Audio fixtures: a private PulseAudio server, fake streams, and files to feed the clip loader."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from glute_coach.audio.engine import AudioEngine
from glute_coach.audio.settings import AudioSettings
from glute_coach.core.routine import Routine
from glute_coach.core.timeline import Timeline, compile_timeline
from tests.conftest import ROOT

PULSE_SCRIPT = ROOT / "scripts" / "pulse-test-server"
RATE = 48_000
BLOCK = 256


# --- the real audio server ---------------------------------------------------------------------


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _unavailable(reason: str) -> None:
    """Skip locally; in CI a missing audio stack is a failure, not a pass."""
    if _in_ci():
        pytest.fail(f"{reason}, and CI must run the audio tests")
    pytest.skip(reason)


def _parse_env(output: str) -> dict[str, str]:
    env = {}
    for line in output.splitlines():
        if line.startswith("export "):
            key, _, value = line[len("export ") :].partition("=")
            env[key] = value
    return env


def _script(command: str, folder: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GLUTE_PULSE_DIR": folder}
    return subprocess.run(
        [PULSE_SCRIPT, command], env=env, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="session")
def pulse_server() -> Iterator[dict[str, str]]:
    """A private PulseAudio server for this test session, with PortAudio pointed at it.

    A server named by the environment (``eval "$(scripts/pulse-test-server start)"``) is
    reused and left running. Otherwise this session starts its own, in a folder of its own so
    that two test runs on one machine never share (or stop) each other's sink, and stops it.
    """
    for program in ("pulseaudio", "parec", "pactl"):
        if shutil.which(program) is None:
            _unavailable(f"{program} is not installed (apt install pulseaudio)")
    given = os.environ.get("GLUTE_PULSE_DIR")
    reuse = (
        bool(given and os.environ.get("PULSE_SERVER"))
        and _script("status", str(given)).returncode == 0
    )
    folder = str(given) if reuse else f"/tmp/glute-coach-pulse-{os.getuid()}-{os.getpid()}"
    started = _script("start", folder)
    if started.returncode != 0:
        pytest.fail(f"the test PulseAudio server did not start: {started.stderr.strip()}")
    env = _parse_env(started.stdout)
    saved = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    try:
        import sounddevice as sd
    except OSError:
        _unavailable("the PortAudio library is not installed (apt install libportaudio2)")
    # PortAudio lists devices when it initialises; if anything imported sounddevice before
    # the server was up, it must look again.
    if "pulse" not in [d["name"] for d in sd.query_devices()]:
        sd._terminate()
        sd._initialize()
    assert "pulse" in [d["name"] for d in sd.query_devices()], "PortAudio does not see the server"
    yield env
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
    if not reuse:
        _script("stop", folder)


@pytest.fixture
def pulse_settings(pulse_server: dict[str, str]) -> AudioSettings:
    return AudioSettings(device="pulse", samplerate=RATE, blocksize=BLOCK)


@pytest.fixture
def second_pulse_server(pulse_server: dict[str, str], tmp_path: Path) -> Iterator[Path]:
    """Another private server, so a test can pull the plug on one device."""
    folder = Path(f"/tmp/glute-coach-pulse-second-{os.getpid()}")
    env = {**os.environ, "GLUTE_PULSE_DIR": str(folder)}
    subprocess.run([PULSE_SCRIPT, "start"], env=env, check=True, capture_output=True)
    yield folder
    subprocess.run([PULSE_SCRIPT, "stop"], env=env, check=False, capture_output=True)


def pulse_control(folder: Path, command: str) -> dict[str, str]:
    env = {**os.environ, "GLUTE_PULSE_DIR": str(folder)}
    done = subprocess.run(
        [PULSE_SCRIPT, command], env=env, check=True, capture_output=True, text=True
    )
    return _parse_env(done.stdout)


# --- an engine without a device ------------------------------------------------------------------


class FakeStream:
    """Stands in for sounddevice.OutputStream: tests call the engine's callback themselves."""

    latency = 0.01

    def __init__(self) -> None:
        self.started = False
        self.closed = False

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.started = False

    def close(self) -> None:
        self.closed = True


class FakeWall:
    """The monotonic clock as the engine sees it, moved by the test."""

    def __init__(self, t: float = 100.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@dataclass
class DrivenEngine:
    """An AudioEngine whose callback the test drives block by block."""

    engine: AudioEngine
    wall: FakeWall
    channels: int = 2

    def run(self, frames: int, block: int = BLOCK) -> np.ndarray:
        """Render ``frames`` in blocks, advancing the fake wall clock in step; returns channel 0."""
        out = np.empty((frames, self.channels), dtype=np.float32)
        done = 0
        while done < frames:
            n = min(block, frames - done)
            buf = np.full((n, self.channels), np.nan, dtype=np.float32)
            t = self.wall.t
            info = SimpleNamespace(
                currentTime=t, outputBufferDacTime=t + 0.01, inputBufferAdcTime=0.0
            )
            self.engine.callback(buf, n, info, SimpleNamespace(output_underflow=False))
            out[done : done + n] = buf
            done += n
            self.wall.t += n / self.engine.rate
        return out[:, 0]


@pytest.fixture
def driven() -> DrivenEngine:
    wall = FakeWall()
    engine = AudioEngine(RATE, blocksize=BLOCK, channels=2, monotonic=wall)
    engine.attach(FakeStream())
    return DrivenEngine(engine, wall)


# --- routines ------------------------------------------------------------------------------------


def routine(steps: list[dict[str, object]], **defaults: object) -> Routine:
    return Routine.model_validate(
        {
            "format_version": 1,
            "id": "audio-test",
            "title": "Audio test",
            "summary": "A routine built by the audio tests.",
            "level": "beginner",
            "author": "tests",
            "defaults": defaults,
            "steps": steps,
        }
    )


def timeline(steps: list[dict[str, object]], **defaults: object) -> Timeline:
    return compile_timeline(routine(steps, **defaults))


# --- files for the clip loader --------------------------------------------------------------------


def wav_bytes(
    samples: np.ndarray,
    rate: int = 22_050,
    *,
    bits: int = 16,
    encoding: int = 1,
    channels: int | None = None,
    declared_data: int | None = None,
) -> bytes:
    """A RIFF/WAVE file built by hand, so tests can also write headers no library would."""
    frames = samples if samples.ndim == 2 else samples[:, None]
    n_channels = frames.shape[1] if channels is None else channels
    if encoding == 3:
        data = frames.astype("<f4" if bits == 32 else "<f8").tobytes()
    elif bits == 8:
        data = np.clip(np.round(frames * 127 + 128), 0, 255).astype(np.uint8).tobytes()
    elif bits == 24:
        ints = np.clip(np.round(frames * 8388607), -8388608, 8388607).astype("<i4")
        data = ints.view(np.uint8).reshape(-1, 4)[:, :3].tobytes()
    elif bits in (16, 32):
        scale = 2 ** (bits - 1) - 1
        data = (
            np.clip(np.round(frames * scale), -scale - 1, scale).astype(f"<i{bits // 8}").tobytes()
        )
    else:
        data = b"\x00" * (frames.size * 2)
    block_align = max(n_channels * bits // 8, 1)
    fmt = struct.pack("<HHIIHH", encoding, n_channels, rate, rate * block_align, block_align, bits)
    size = len(data) if declared_data is None else declared_data
    body = (
        b"WAVE"
        + b"fmt "
        + struct.pack("<I", len(fmt))
        + fmt
        + b"data"
        + struct.pack("<I", size)
        + data
    )
    return b"RIFF" + struct.pack("<I", len(body)) + body


def sine(
    seconds: float, rate: int = 22_050, hz: float = 440.0, amplitude: float = 0.5
) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * hz * t)).astype(np.float32)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def ffmpeg_or_skip() -> str:
    found = shutil.which("ffmpeg")
    if found is None:
        _unavailable("ffmpeg is not installed (apt install ffmpeg)")
    assert found is not None
    return found


def encode_with_ffmpeg(source: Path, target: Path, *args: str) -> Path:
    ffmpeg = ffmpeg_or_skip()
    subprocess.run(
        [ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-i", str(source), *args, str(target)],
        check=True,
    )
    return target
