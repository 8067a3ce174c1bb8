"""Frame and text-line decoders: examples plus hypothesis fuzzing."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glute_coach.sensors.frames import (
    SYNC,
    FrameDecoder,
    TextLineDecoder,
    checksum,
    encode_frame,
    encode_line,
)

int16 = st.integers(-32768, 32767)


@st.composite
def frame_streams(draw: st.DrawFn) -> tuple[int, list[tuple[int, ...]], bytes]:
    n = draw(st.integers(1, 8))
    frames = draw(st.lists(st.tuples(*[int16] * n), max_size=30))
    start = draw(st.integers(0, 255))
    data = b"".join(encode_frame(f, start + i) for i, f in enumerate(frames))
    return n, frames, data


def split(data: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(data) + 1) for c in cuts})
    edges = [0, *points, len(data)]
    return [data[a:b] for a, b in itertools.pairwise(edges)]


def decode_chunks(decoder: FrameDecoder, chunks: list[bytes]) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = []
    for chunk in chunks:
        out += decoder.feed(chunk)
    return out


# --- frames: examples --------------------------------------------------------------------------
def test_frame_layout_and_checksum() -> None:
    frame = encode_frame([1, -2], 7)
    assert frame[:2] == SYNC
    assert frame[2:4] == bytes((2, 7))
    assert frame[4:8] == b"\x01\x00\xfe\xff"
    assert frame[-1] == checksum(frame[2:-1])


def test_bad_checksum_and_sequence_gap() -> None:
    good = [encode_frame([i, i], i) for i in range(5)]
    broken = bytearray(good[1])
    broken[-1] ^= 0xFF
    dec = FrameDecoder()
    out = dec.feed(good[0] + bytes(broken) + good[2] + good[4])
    assert out == [(0, 0), (2, 2), (4, 4)]
    assert dec.stats.malformed == 1
    # frame 1 lost to the checksum, frame 3 never sent
    assert dec.stats.dropped_frames == 2


def test_declared_channel_count_rejects_others() -> None:
    dec = FrameDecoder(channels=2)
    assert dec.feed(encode_frame([1], 0) + encode_frame([1, 2], 1)) == [(1, 2)]
    assert dec.stats.malformed == 1


def test_encode_frame_rejects_bad_sizes() -> None:
    with pytest.raises(ValueError, match="1 to 255"):
        encode_frame([], 0)


# --- frames: fuzz ------------------------------------------------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=200), max_size=10), st.sampled_from([None, 1, 2, 3]))
def test_random_bytes_never_raise(chunks: list[bytes], channels: int | None) -> None:
    dec = FrameDecoder(channels)
    for chunk in chunks:
        for sample in dec.feed(chunk):
            assert all(-32768 <= v <= 32767 for v in sample)
    assert dec.stats.malformed >= 0
    assert dec.stats.skipped_bytes <= sum(map(len, chunks))


@settings(max_examples=200, deadline=None)
@given(frame_streams())
def test_round_trip(stream: tuple[int, list[tuple[int, ...]], bytes]) -> None:
    n, frames, data = stream
    dec = FrameDecoder(n)
    assert dec.feed(data) == frames
    assert dec.stats.malformed == dec.stats.skipped_bytes == dec.stats.dropped_frames == 0


@settings(max_examples=200, deadline=None)
@given(frame_streams(), st.lists(st.integers(0, 10_000), max_size=20))
def test_any_split_decodes_identically(
    stream: tuple[int, list[tuple[int, ...]], bytes], cuts: list[int]
) -> None:
    _, frames, data = stream
    whole = FrameDecoder()
    chunked = FrameDecoder()
    assert decode_chunks(chunked, split(data, cuts)) == whole.feed(data) == frames
    assert chunked.stats == whole.stats


@settings(max_examples=200, deadline=None)
@given(
    frame_streams(),
    st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\xaa", b"\x00")), max_size=30),
    st.lists(st.integers(0, 10_000), max_size=10),
)
def test_garbage_between_frames_is_skipped_and_counted(
    stream: tuple[int, list[tuple[int, ...]], bytes], garbage: list[bytes], cuts: list[int]
) -> None:
    n, frames, _ = stream
    encoded = [encode_frame(f, i) for i, f in enumerate(frames)]
    parts: list[bytes] = []
    for i, frame in enumerate(encoded):
        parts += [garbage[i] if i < len(garbage) else b"", frame]
    parts.append(garbage[len(encoded)] if len(garbage) > len(encoded) else b"")
    data = b"".join(parts)
    junk = sum(len(p) for p in parts) - sum(map(len, encoded))
    dec = FrameDecoder(n)
    assert decode_chunks(dec, split(data, cuts)) == frames
    assert dec.stats.skipped_bytes == junk
    assert dec.stats.dropped_frames == 0


@settings(max_examples=100, deadline=None)
@given(frame_streams(), st.lists(st.integers(0, 10_000), min_size=1, max_size=5))
def test_corruption_never_raises_and_later_frames_survive(
    stream: tuple[int, list[tuple[int, ...]], bytes], flips: list[int]
) -> None:
    n, _frames, data = stream
    damaged = bytearray(data)
    for f in flips:
        if damaged:
            damaged[f % len(damaged)] ^= 0x5A
    tail = b"".join(encode_frame([7] * n, i) for i in range(3))  # frames after the damage
    dec = FrameDecoder(n)
    out = dec.feed(bytes(damaged) + b"\x00" * (2 * n + 5) + tail)
    assert out[-3:] == [(7,) * n] * 3


# --- text lines --------------------------------------------------------------------------------
def test_text_separators_comments_and_bad_lines() -> None:
    dec = TextLineDecoder()
    out = dec.feed(
        b"# header\n1,2\r\n3\t4\n5 6\n7;8  # trailing\n\nx,1\n1,2,3\n\xff\xfe,1\nnan,inf\n"
    )
    assert out[:4] == [(1.0, 2.0), (3.0, 4.0), (5.0, 6.0), (7.0, 8.0)]
    assert len(out) == 5
    assert all(math.isnan(v) for v in out[4])
    assert dec.stats.malformed == 3
    assert dec.stats.nonfinite == 2
    assert dec.channels == 2


def test_text_overlong_line_is_dropped() -> None:
    dec = TextLineDecoder(1, max_line=16)
    out = dec.feed(b"1\n" + b"9" * 40)
    out += dec.feed(b"9" * 40 + b"\n2\n")
    assert out == [(1.0,), (2.0,)]
    assert dec.stats.malformed == 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=100), max_size=10))
def test_text_random_bytes_never_raise(chunks: list[bytes]) -> None:
    dec = TextLineDecoder()
    for chunk in chunks:
        dec.feed(chunk)


finite = st.floats(allow_nan=False, allow_infinity=False, width=32)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 4).flatmap(lambda n: st.lists(st.tuples(*[finite] * n), max_size=30)),
    st.lists(st.integers(0, 10_000), max_size=20),
)
def test_text_round_trip_any_split(samples: list[tuple[float, ...]], cuts: list[int]) -> None:
    data = b"".join(encode_line(s) for s in samples)
    whole = TextLineDecoder()
    chunked = TextLineDecoder()
    out: list[tuple[float, ...]] = []
    for chunk in split(data, cuts):
        out += chunked.feed(chunk)
    assert out == whole.feed(data) == [tuple(float(v) for v in s) for s in samples]
    assert chunked.stats == whole.stats
