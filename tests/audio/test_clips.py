"""Clip loading: every bad input gets one clear ClipError; good input comes out ready to mix."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from glute_coach.audio.clips import (
    MAX_CLIP_BYTES,
    ClipCache,
    ClipError,
    check_clip,
    decode_clip,
    load_clip,
)
from glute_coach.audio.dsp import TARGET_RMS_DB, db_to_gain, gated_rms
from tests.audio.conftest import encode_with_ffmpeg, ffmpeg_or_skip, sine, wav_bytes, write

RATE = 48_000


def _error(path: Path) -> str:
    with pytest.raises(ClipError) as caught:
        check_clip(path)
    return str(caught.value)


# --- bad input ---------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert "not found" in _error(tmp_path / "nope.wav")


def test_a_folder_is_not_a_clip(tmp_path: Path) -> None:
    assert "not a file" in _error(tmp_path)


def test_empty_file(tmp_path: Path) -> None:
    assert "empty (0 bytes)" in _error(write(tmp_path / "empty.wav", b""))


def test_file_over_20_mb(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.wav", wav_bytes(sine(0.1)))
    with path.open("r+b") as f:
        f.truncate(MAX_CLIP_BYTES + 1)
    message = _error(path)
    assert "at most 20 MB" in message
    assert "20.0 MB" in message


def test_clip_over_60_seconds(tmp_path: Path) -> None:
    path = write(tmp_path / "long.wav", wav_bytes(sine(61, rate=8_000), rate=8_000, bits=8))
    assert "longer than 60 s (61.0 s)" in _error(path)


def test_truncated_wav(tmp_path: Path) -> None:
    whole = wav_bytes(sine(1.0))
    message = _error(write(tmp_path / "cut.wav", whole[: len(whole) // 2]))
    assert "truncated" in message
    assert "announces 44100 bytes" in message


def test_wav_without_data_chunk(tmp_path: Path) -> None:
    whole = wav_bytes(sine(0.5))
    assert "no audio data chunk" in _error(write(tmp_path / "headonly.wav", whole[:36]))


def test_damaged_format_header(tmp_path: Path) -> None:
    data = bytearray(wav_bytes(sine(0.5)))
    data[16:20] = struct.pack("<I", 6)  # fmt chunk claims 6 bytes
    assert "damaged" in _error(write(tmp_path / "bad-fmt.wav", bytes(data)))


def test_random_bytes_named_wav(tmp_path: Path) -> None:
    noise = np.random.default_rng(0).integers(0, 256, 5000, dtype=np.uint8).tobytes()
    assert "not a valid WAV file" in _error(write(tmp_path / "noise.wav", noise))


def test_random_bytes_named_mp3(tmp_path: Path) -> None:
    assert "not a valid MP3 file" in _error(write(tmp_path / "noise.mp3", b"hello, not audio" * 50))


def test_unsupported_formats(tmp_path: Path) -> None:
    assert "unsupported format (FLAC)" in _error(write(tmp_path / "a.flac", b"fLaC" + b"\0" * 100))
    assert "unsupported format (TXT)" in _error(write(tmp_path / "notes.txt", b"just text\n" * 10))
    assert "RIFX WAV files are not supported" in _error(
        write(tmp_path / "big-endian.wav", b"RIFX" + wav_bytes(sine(0.2))[4:])
    )


def test_ogg_with_unknown_codec(tmp_path: Path) -> None:
    assert "unknown codec" in _error(write(tmp_path / "odd.ogg", b"OggS" + b"\0" * 200))


def test_zero_length_audio(tmp_path: Path) -> None:
    path = write(tmp_path / "zero.wav", wav_bytes(np.zeros(0, dtype=np.float32)))
    assert "empty (zero length)" in _error(path)


def test_silent_clip(tmp_path: Path) -> None:
    path = write(tmp_path / "silent.wav", wav_bytes(np.zeros(22_050, dtype=np.float32)))
    assert "silent" in _error(path)


@pytest.mark.parametrize(
    ("rate", "shown"), [(1, "1 Hz"), (400_000, "400000 Hz"), (4_000, "4000 Hz")]
)
def test_absurd_sample_rates(tmp_path: Path, rate: int, shown: str) -> None:
    path = write(tmp_path / "rate.wav", wav_bytes(sine(0.01, rate=22_050), rate=rate))
    message = _error(path)
    assert f"sample rate of {shown} is not supported" in message
    assert "8000 to 384000 Hz" in message


@pytest.mark.parametrize("channels", [0, 9, 64])
def test_absurd_channel_counts(tmp_path: Path, channels: int) -> None:
    path = write(tmp_path / "ch.wav", wav_bytes(sine(0.1), channels=channels))
    assert f"it has {channels} channels; 1 to 8 are supported" in _error(path)


def test_compressed_wav_encodings(tmp_path: Path) -> None:
    path = write(tmp_path / "adpcm.wav", wav_bytes(sine(0.1), encoding=2, bits=4))
    assert "ADPCM audio is not supported" in _error(path)


def test_odd_bit_depth(tmp_path: Path) -> None:
    path = write(tmp_path / "12bit.wav", wav_bytes(sine(0.1), bits=12))
    assert "12-bit WAV samples are not supported" in _error(path)


def test_float_wav_with_nan(tmp_path: Path) -> None:
    samples = sine(0.1)
    samples[10] = np.nan
    path = write(tmp_path / "nan.wav", wav_bytes(samples, encoding=3, bits=32))
    assert "NaN" in _error(path)


def test_mp3_truncated_to_its_header(tmp_path: Path) -> None:
    ffmpeg_or_skip()
    good = encode_with_ffmpeg(write(tmp_path / "s.wav", wav_bytes(sine(1.0))), tmp_path / "s.mp3")
    cut = write(tmp_path / "cut.mp3", good.read_bytes()[:120])
    message = _error(cut)
    assert "MP3" in message or "no audio" in message


def test_mp3_without_ffmpeg_names_the_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ffmpeg_or_skip()
    mp3 = encode_with_ffmpeg(write(tmp_path / "s.wav", wav_bytes(sine(1.0))), tmp_path / "s.mp3")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    message = _error(mp3)
    assert "needs the program 'ffmpeg', which was not found" in message
    assert "convert the clip to WAV" in message


def test_wav_needs_no_ffmpeg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "ok.wav", wav_bytes(sine(0.5)))
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    assert load_clip(path, RATE, cache=ClipCache()).duration_s == pytest.approx(0.5, abs=1e-3)


def test_check_and_load_give_the_same_message(tmp_path: Path) -> None:
    path = write(tmp_path / "silent.wav", wav_bytes(np.zeros(1000, dtype=np.float32)))
    with pytest.raises(ClipError) as checked:
        check_clip(path)
    with pytest.raises(ClipError) as loaded:
        load_clip(path, RATE, cache=ClipCache())
    assert str(checked.value) == str(loaded.value)
    assert checked.value.path == path


# --- good input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bits", "encoding"), [(8, 1), (16, 1), (24, 1), (32, 1), (32, 3), (64, 3)]
)
def test_wav_sample_formats_decode_to_the_same_signal(
    tmp_path: Path, bits: int, encoding: int
) -> None:
    reference = sine(0.2, amplitude=0.5)
    path = write(tmp_path / f"{bits}.wav", wav_bytes(reference, bits=bits, encoding=encoding))
    decoded = decode_clip(path)
    assert decoded.rate == 22_050
    assert decoded.frames.shape == (reference.size, 1)
    tolerance = 1.5 / 127 if bits == 8 else 1e-4
    np.testing.assert_allclose(decoded.frames[:, 0], reference, atol=tolerance)


def test_stereo_is_downmixed_and_resampled_to_the_stream_rate(tmp_path: Path) -> None:
    left, right = sine(1.0, rate=44_100, hz=440), sine(1.0, rate=44_100, hz=660)
    path = write(tmp_path / "stereo.wav", wav_bytes(np.stack([left, right], axis=1), rate=44_100))
    sound = load_clip(path, RATE, cache=ClipCache())
    assert sound.rate == RATE
    assert sound.samples.dtype == np.float32
    assert sound.samples.ndim == 1
    assert sound.frames == RATE  # exactly one second at the new rate
    spectrum = np.abs(np.fft.rfft(sound.samples))
    freqs = np.fft.rfftfreq(sound.frames, 1 / RATE)
    peaks = sorted(freqs[np.argsort(spectrum)[-2:]])
    assert peaks == pytest.approx([440, 660], abs=2)


def test_loudness_is_normalised_to_one_target(tmp_path: Path) -> None:
    cache = ClipCache()
    quiet = load_clip(
        write(tmp_path / "q.wav", wav_bytes(sine(1.0, amplitude=0.02))), RATE, cache=cache
    )
    loud = load_clip(
        write(tmp_path / "l.wav", wav_bytes(sine(1.0, amplitude=0.6))), RATE, cache=cache
    )
    target = db_to_gain(TARGET_RMS_DB)
    assert gated_rms(quiet.samples, RATE) == pytest.approx(target, rel=0.02)
    assert gated_rms(loud.samples, RATE) == pytest.approx(target, rel=0.02)


def test_loaded_clips_start_and_end_without_a_click(tmp_path: Path) -> None:
    # A square-ish wave that starts and ends at full scale would click without fades.
    path = write(tmp_path / "square.wav", wav_bytes(np.sign(sine(0.5)) * 0.5 + 0.1))
    sound = load_clip(path, RATE, cache=ClipCache())
    assert abs(sound.samples[0]) < 1e-3
    assert abs(sound.samples[-1]) < 0.05
    assert float(np.abs(sound.samples).max()) <= 0.9


def test_clips_are_cached_and_reloaded_when_the_file_changes(tmp_path: Path) -> None:
    cache = ClipCache()
    path = write(tmp_path / "c.wav", wav_bytes(sine(0.3)))
    first = load_clip(path, RATE, cache=cache)
    assert load_clip(path, RATE, cache=cache) is first
    assert load_clip(tmp_path / "." / "c.wav", RATE, cache=cache) is first  # keyed by resolved path
    write(path, wav_bytes(sine(0.4)))
    assert load_clip(path, RATE, cache=cache).duration_s == pytest.approx(0.4, abs=1e-3)


def test_sounds_are_read_only(tmp_path: Path) -> None:
    sound = load_clip(write(tmp_path / "r.wav", wav_bytes(sine(0.2))), RATE, cache=ClipCache())
    with pytest.raises(ValueError, match="read-only"):
        sound.samples[0] = 1.0


@pytest.mark.parametrize(
    ("suffix", "args"),
    [("mp3", ()), ("ogg", ("-c:a", "libvorbis")), ("opus.ogg", ("-c:a", "libopus"))],
)
def test_mp3_and_ogg_decode_through_ffmpeg(
    tmp_path: Path, suffix: str, args: tuple[str, ...]
) -> None:
    source = write(tmp_path / "s.wav", wav_bytes(sine(1.0, rate=44_100), rate=44_100))
    encoded = encode_with_ffmpeg(source, tmp_path / f"s.{suffix}", *args)
    sound = load_clip(encoded, RATE, cache=ClipCache())
    assert sound.duration_s == pytest.approx(1.0, abs=0.06)
    assert gated_rms(sound.samples, RATE) == pytest.approx(db_to_gain(TARGET_RMS_DB), rel=0.05)
