"""Finding PortAudio and an output device, with errors a user can act on.

sounddevice is imported here, lazily: importing it initialises PortAudio, which only sees
a PulseAudio server that is already running (field notes §3, trap 4), and raises OSError
when the PortAudio library is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any

from glute_coach.audio.output import AudioUnavailableError


def load_sounddevice() -> ModuleType:
    try:
        import sounddevice
    except OSError as err:
        raise AudioUnavailableError(
            "the PortAudio library is not installed (Debian/Ubuntu: apt install libportaudio2)"
        ) from err
    module: ModuleType = sounddevice
    return module


@dataclass(frozen=True)
class OutputDevice:
    index: int
    name: str
    channels: int
    samplerate: int


def _describe(device: str | int | None) -> str:
    return "the default output" if device is None else f"output device {device!r}"


def find_output_device(sd: ModuleType, device: str | int | None, samplerate: int) -> OutputDevice:
    devices: Any = sd.query_devices()
    if len(devices) == 0:
        # PortAudio lists devices once, at initialisation; a sound server may have started
        # since. With no device listed no stream can be open, so re-initialising is safe.
        sd._terminate()
        sd._initialize()
        devices = sd.query_devices()
    if len(devices) == 0:
        raise AudioUnavailableError("no audio device found (no sound server or sound card)")
    try:
        info: Any = sd.query_devices(device, "output")
    except (ValueError, sd.PortAudioError) as err:
        if device is None:
            raise AudioUnavailableError("no default audio output device") from err
        raise AudioUnavailableError(f"no output device matching {device!r}") from err
    channels = min(2, int(info["max_output_channels"]))
    if channels < 1:
        raise AudioUnavailableError(f"{_describe(device)} has no output channels")
    index = int(info["index"])
    try:
        sd.check_output_settings(index, channels=channels, dtype="float32", samplerate=samplerate)
        rate = samplerate
    except (ValueError, sd.PortAudioError):
        rate = int(info["default_samplerate"])  # the device's own rate; clips are resampled to it
    return OutputDevice(index, str(info["name"]), channels, rate)
