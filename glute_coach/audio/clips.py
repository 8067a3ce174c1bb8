"""Loading audio clips at routine load time (never mid-session).

WAV is always readable (pydub reads PCM WAV without help; float WAV is read here).
MP3 and OGG are decoded by pydub through the ``ffmpeg`` program; when it is missing
the error names it. Everything that can be wrong with a file is reported as one
``ClipError`` whose message is the same in ``glute-coach validate`` and at play time.
"""

from __future__ import annotations

import shutil
import struct
import threading
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import numpy as np
import numpy.typing as npt

from glute_coach.audio.dsp import (
    SILENCE_PEAK,
    TARGET_RMS_DB,
    apply_fades,
    normalise_loudness,
    resample,
    to_mono,
)
from glute_coach.audio.sound import Samples, Sound

MAX_CLIP_BYTES = 20 * 1024 * 1024
MAX_CLIP_SECONDS = 60.0
MIN_RATE = 8_000
MAX_RATE = 384_000
MAX_CHANNELS = 8
_WAV_PCM = 0x0001
_WAV_FLOAT = 0x0003
_WAV_EXTENSIBLE = 0xFFFE
_UNKNOWN_SIZE = 0xFFFFFFFF


class ClipError(ValueError):
    """A clip that cannot be played. The message is one sentence saying why; callers put the
    file's name in front (``glute-coach validate`` shows ``clip '<ref>': <message>``)."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class Container(StrEnum):
    WAV = "WAV"
    MP3 = "MP3"
    OGG = "OGG"


@dataclass(frozen=True)
class Decoded:
    frames: npt.NDArray[np.float32]  # (n, channels), nominally in [-1, 1]
    rate: int

    @property
    def seconds(self) -> float:
        return int(self.frames.shape[0]) / self.rate


def _fail(path: Path, problem: str) -> ClipError:
    return ClipError(problem, path)


# --- format detection -----------------------------------------------------------------------


def _sniff(path: Path, head: bytes) -> tuple[Container, str | None]:
    """The container from the file's first bytes (extensions lie); for OGG also the codec."""
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return Container.WAV, None
    if head[:4] in (b"RIFX", b"RF64"):
        raise _fail(
            path, f"{head[:4].decode()} WAV files are not supported; save it as a plain WAV"
        )
    if head[:3] == b"ID3" or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0):
        return Container.MP3, "mp3"
    if head[:4] == b"OggS":
        for marker, codec in ((b"\x01vorbis", "vorbis"), (b"OpusHead", "opus"), (b"FLAC", "flac")):
            if marker in head:
                return Container.OGG, codec
        raise _fail(path, "an OGG file with an unknown codec (Vorbis, Opus or FLAC expected)")
    known = {
        ".wav": "WAV",
        ".wave": "WAV",
        ".mp3": "MP3",
        ".ogg": "OGG",
        ".oga": "OGG",
        ".opus": "OGG",
    }
    suffix = path.suffix.lower()
    if suffix in known:
        raise _fail(path, f"not a valid {known[suffix]} file (corrupt, truncated or mislabelled)")
    what = "FLAC" if head[:4] == b"fLaC" else (suffix[1:].upper() or "unknown")
    raise _fail(path, f"unsupported format ({what}); use WAV, MP3 or OGG")


def ffmpeg_path() -> str | None:
    return shutil.which("ffmpeg")


# --- WAV --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WavInfo:
    encoding: int
    channels: int
    rate: int
    bits: int
    data_offset: int
    data_bytes: int

    @property
    def block_align(self) -> int:
        return self.channels * self.bits // 8

    @property
    def frames(self) -> int:
        return self.data_bytes // self.block_align


def read_wav_header(path: Path, data: bytes) -> WavInfo:
    """Walk the RIFF chunks and check every field the decoder relies on."""
    pos, fmt = 12, None
    while pos + 8 <= len(data):
        chunk_id = data[pos : pos + 4]
        (size,) = struct.unpack_from("<I", data, pos + 4)
        body = pos + 8
        if chunk_id == b"fmt ":
            if size < 16 or body + size > len(data):
                raise _fail(path, "the WAV format header is damaged")
            encoding, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", data, body)
            if encoding == _WAV_EXTENSIBLE and size >= 40:
                (encoding,) = struct.unpack_from("<H", data, body + 24)
            fmt = (encoding, channels, rate, bits)
        elif chunk_id == b"data":
            if fmt is None:
                raise _fail(path, "the WAV file has audio data before its format header")
            available = len(data) - body
            declared = available if size == _UNKNOWN_SIZE else size
            if declared > available:
                raise _fail(
                    path,
                    f"the file is truncated: its header announces {declared} bytes of audio "
                    f"but only {available} are there",
                )
            return _check_wav_format(path, *fmt, data_offset=body, data_bytes=declared)
        pos = body + size + (size & 1)  # chunks are padded to even sizes
    if fmt is None:
        raise _fail(path, "the WAV file has no format header (corrupt or truncated)")
    raise _fail(path, "the WAV file has no audio data chunk (corrupt or truncated)")


def _check_wav_format(
    path: Path,
    encoding: int,
    channels: int,
    rate: int,
    bits: int,
    *,
    data_offset: int,
    data_bytes: int,
) -> WavInfo:
    if encoding not in (_WAV_PCM, _WAV_FLOAT):
        names = {0x0002: "ADPCM", 0x0006: "A-law", 0x0007: "µ-law", 0x0055: "MP3"}
        name = names.get(encoding, f"encoding 0x{encoding:04X}")
        raise _fail(path, f"WAV with {name} audio is not supported; use PCM or float WAV")
    valid_bits = (8, 16, 24, 32) if encoding == _WAV_PCM else (32, 64)
    if bits not in valid_bits:
        raise _fail(path, f"{bits}-bit WAV samples are not supported")
    info = WavInfo(encoding, channels, rate, bits, data_offset, data_bytes)
    _check_shape(path, channels, rate)
    if info.frames == 0:
        raise _fail(path, "the clip is empty (zero length)")
    return info


def _decode_wav(path: Path, data: bytes, max_seconds: float) -> Decoded:
    info = read_wav_header(path, data)
    if info.frames / info.rate > max_seconds:
        raise _too_long(path, info.frames / info.rate, max_seconds)
    raw = data[info.data_offset : info.data_offset + info.frames * info.block_align]
    if info.encoding == _WAV_FLOAT:
        dtype = "<f4" if info.bits == 32 else "<f8"
        frames = np.frombuffer(raw, dtype=dtype).astype(np.float32).reshape(-1, info.channels)
        if not np.isfinite(frames).all():
            raise _fail(path, "the clip contains invalid samples (NaN or infinity)")
        return Decoded(frames, info.rate)
    if info.bits == 24:
        # pydub widens 24-bit audio with a per-sample Python loop; numpy does it at once.
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        ints = (b[:, 0] << 8) | (b[:, 1] << 16) | (b[:, 2] << 24)
        frames = (ints / 2.0**31).astype(np.float32).reshape(-1, info.channels)
        return Decoded(frames, info.rate)
    from pydub import AudioSegment

    # Raw construction: pydub never hands a WAV we have already parsed to ffmpeg.
    segment = AudioSegment(
        data=raw, sample_width=info.bits // 8, frame_rate=info.rate, channels=info.channels
    )
    return _from_segment(segment, unsigned_8bit=True)


# --- MP3 / OGG through ffmpeg ------------------------------------------------------------------


def _decode_with_ffmpeg(
    path: Path, container: Container, codec: str, max_seconds: float
) -> Decoded:
    ffmpeg = ffmpeg_path()
    if ffmpeg is None:
        raise _fail(
            path,
            f"it is an {container.value} file, and decoding {container.value} needs the program "
            "'ffmpeg', which was not found. Install ffmpeg, or convert the clip to WAV.",
        )
    from pydub import AudioSegment
    from pydub.exceptions import CouldntDecodeError

    AudioSegment.converter = ffmpeg
    try:
        # Naming the decoder skips pydub's ffprobe call; decoding one second past the
        # limit is enough to tell that a clip is too long without decoding all of it.
        segment = AudioSegment.from_file(
            str(path), format=container.value.lower(), codec=codec, duration=max_seconds + 1
        )
    except CouldntDecodeError as err:
        lines = str(err).strip().splitlines()
        detail = lines[-1].replace(str(path), path.name) if lines else "no detail"
        raise _fail(
            path, f"not a valid {container.value} file (corrupt or truncated): {detail}"
        ) from err
    except Exception as err:
        raise _fail(path, f"the {container.value} file could not be decoded ({err})") from err
    return _from_segment(segment)


def _from_segment(segment: object, *, unsigned_8bit: bool = False) -> Decoded:
    from pydub import AudioSegment

    assert isinstance(segment, AudioSegment)
    width = segment.sample_width
    if width == 1 and unsigned_8bit:  # 8-bit WAV samples are unsigned, centred on 128
        ints = np.array(segment.get_array_of_samples("B"), dtype=np.float64) - 128
    else:
        ints = np.array(segment.get_array_of_samples(), dtype=np.float64)
    scale = float(2 ** (8 * width - 1))
    frames = (ints / scale).astype(np.float32).reshape(-1, max(segment.channels, 1))
    return Decoded(frames, segment.frame_rate)


# --- checks shared by every format -----------------------------------------------------------


def _check_shape(path: Path, channels: int, rate: int) -> None:
    if not 1 <= channels <= MAX_CHANNELS:
        raise _fail(path, f"it has {channels} channels; 1 to {MAX_CHANNELS} are supported")
    if not MIN_RATE <= rate <= MAX_RATE:
        raise _fail(
            path, f"a sample rate of {rate} Hz is not supported ({MIN_RATE} to {MAX_RATE} Hz)"
        )


def _too_long(path: Path, seconds: float, limit: float) -> ClipError:
    return _fail(path, f"the clip is longer than {limit:g} s ({seconds:.1f} s); trim it")


def decode_clip(
    path: str | Path, *, max_seconds: float = MAX_CLIP_SECONDS, max_bytes: int = MAX_CLIP_BYTES
) -> Decoded:
    """Decode and validate; raises ClipError with one clear sentence on any problem."""
    path = Path(path)
    if not path.exists():
        raise _fail(path, "file not found")
    if not path.is_file():
        raise _fail(path, "not a file")
    size = path.stat().st_size
    if size == 0:
        raise _fail(path, "the file is empty (0 bytes)")
    if size > max_bytes:
        raise _fail(
            path,
            f"the file is {size / 2**20:.1f} MB; clips may be at most {max_bytes / 2**20:g} MB",
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise _fail(path, f"cannot be read ({err.strerror or err})") from err
    container, codec = _sniff(path, data[:4096])
    if container is Container.WAV:
        decoded = _decode_wav(path, data, max_seconds)
    else:
        assert codec is not None
        decoded = _decode_with_ffmpeg(path, container, codec, max_seconds)
    _check_shape(path, decoded.frames.shape[1], decoded.rate)
    if decoded.frames.shape[0] == 0:
        raise _fail(path, "the clip contains no audio (zero length)")
    if decoded.seconds > max_seconds:
        raise _too_long(path, decoded.seconds, max_seconds)
    peak = float(np.max(np.abs(decoded.frames)))
    if peak < SILENCE_PEAK:
        raise _fail(path, "the clip is silent (no sample above -60 dBFS)")
    return decoded


def check_clip(path: str | Path) -> None:
    """For ``glute-coach validate``: raises ClipError exactly as loading for play would."""
    decode_clip(path)


def prepare_samples(decoded: Decoded, rate: int, target_db: float = TARGET_RMS_DB) -> Samples:
    """Mono, at the stream's rate, at the common loudness, with click-free ends."""
    mono = resample(to_mono(decoded.frames), decoded.rate, rate)
    return apply_fades(normalise_loudness(mono, rate, target_db), rate)


class ClipCache:
    """Prepared clips by (resolved path, file identity, rate, loudness), so each is decoded once."""

    def __init__(self) -> None:
        self._sounds: dict[tuple[object, ...], Sound] = {}
        self._lock = threading.Lock()

    def load(
        self,
        path: str | Path,
        rate: int,
        *,
        target_db: float = TARGET_RMS_DB,
        max_seconds: float = MAX_CLIP_SECONDS,
        max_bytes: int = MAX_CLIP_BYTES,
    ) -> Sound:
        path = Path(path)
        try:
            resolved = path.resolve()
            stat = resolved.stat()
            key: tuple[object, ...] = (resolved, stat.st_mtime_ns, stat.st_size, rate, target_db)
        except OSError:
            key = (path, rate, target_db)  # decode_clip reports the problem
        with self._lock:
            cached = self._sounds.get(key)
        if cached is not None:
            return cached
        decoded = decode_clip(path, max_seconds=max_seconds, max_bytes=max_bytes)
        sound = Sound(str(path), prepare_samples(decoded, rate, target_db), rate)
        with self._lock:
            self._sounds[key] = sound
        return sound

    def clear(self) -> None:
        with self._lock:
            self._sounds.clear()


default_cache = ClipCache()


def load_clip(path: str | Path, rate: int, *, cache: ClipCache | None = None) -> Sound:
    """A cue clip ready for the mixer (raises ClipError)."""
    return (cache or default_cache).load(path, rate)
