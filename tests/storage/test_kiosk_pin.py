"""The kiosk staff PIN: salted scrypt hash, atomic 0o600 file, persisted rate limit."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from glute_coach.storage import kiosk_pin
from glute_coach.storage.kiosk_pin import (
    PIN_FILE,
    PinCheck,
    PinStore,
    lock_seconds,
    pin_path,
)

PIN = "482916"


class FakeTime:
    """A monotonic clock and a wall clock moved together by hand."""

    def __init__(self, mono: float = 100.0, wall: float = 1_700_000_000.0) -> None:
        self.mono = mono
        self.wall = wall

    def now(self) -> float:
        return self.mono

    def time(self) -> float:
        return self.wall

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += seconds


@pytest.fixture
def fake() -> FakeTime:
    return FakeTime()


def _store(path: Path, fake: FakeTime) -> PinStore:
    return PinStore(path, clock=fake.now, wall_clock=fake.time)


@pytest.fixture
def store(tmp_path: Path, fake: FakeTime) -> PinStore:
    made = _store(tmp_path / PIN_FILE, fake)
    made.set_pin(PIN)
    return made


def _data(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_default_path_is_in_the_user_config_folder() -> None:
    assert pin_path().name == PIN_FILE == "kiosk-pin.json"
    assert PinStore().path == pin_path()
    assert not PinStore().is_set()


def test_a_fresh_store_has_no_pin(tmp_path: Path) -> None:
    store = PinStore(tmp_path / PIN_FILE)
    assert not store.is_set()
    assert store.problem is None
    assert store.locked_for() == 0.0
    assert store.verify("1234") == PinCheck(False, 0.0)


def test_round_trip_and_a_new_store_reads_it(store: PinStore, fake: FakeTime) -> None:
    assert store.is_set()
    assert store.verify(PIN) == PinCheck(True, 0.0)
    again = _store(store.path, fake)
    assert again.is_set()
    assert again.verify(PIN).ok
    assert not again.verify("482917").ok


def test_file_holds_a_salted_scrypt_hash_never_the_pin(store: PinStore) -> None:
    text = store.path.read_text(encoding="utf-8")
    assert PIN not in text
    data = _data(store.path)
    assert data["version"] == 1
    assert (data["n"], data["r"], data["p"]) == (2**14, 8, 1)
    assert isinstance(data["salt"], str)
    assert isinstance(data["hash"], str)
    assert len(bytes.fromhex(data["salt"])) == 16
    assert len(bytes.fromhex(data["hash"])) == 32
    assert PIN.encode().hex() not in text
    assert not list(store.path.parent.glob(".kiosk-pin*.tmp"))  # no temp file left behind


def test_salt_and_hash_differ_each_time_the_same_pin_is_set(store: PinStore) -> None:
    first = _data(store.path)
    store.set_pin(PIN)
    second = _data(store.path)
    assert first["salt"] != second["salt"]
    assert first["hash"] != second["hash"]
    assert store.verify(PIN).ok


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_file_is_readable_by_its_owner_only(store: PinStore) -> None:
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    store.verify("0000")  # rewritten with the attempt count: still private
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_wrong_pin_is_refused(store: PinStore) -> None:
    assert store.verify("482917") == PinCheck(False, 0.0)
    assert store.verify("") == PinCheck(False, 0.0)
    assert store.verify(PIN).ok


@pytest.mark.parametrize(
    ("pin", "words"),
    [
        ("", "4 to 12 digits"),
        ("123", "this one has 3"),
        ("1234567890123", "this one has 13"),
        ("12a4", "digits only"),
        ("12 34", "digits only"),
        ("１２３４", "digits only"),  # fullwidth digits
        ("١٢٣٤", "digits only"),  # Arabic-Indic digits
        ("-1234", "digits only"),
    ],
)
def test_bad_pin_formats_are_rejected_plainly(tmp_path: Path, pin: str, words: str) -> None:
    store = PinStore(tmp_path / PIN_FILE)
    with pytest.raises(ValueError, match=words):
        store.set_pin(pin)
    assert not store.is_set()
    assert not store.path.exists()


@pytest.mark.parametrize("pin", ["0000", "123456789012"])
def test_four_and_twelve_digits_are_fine(tmp_path: Path, pin: str) -> None:
    store = PinStore(tmp_path / PIN_FILE)
    store.set_pin(pin)
    assert store.verify(pin).ok


def test_lock_lengths() -> None:
    assert [lock_seconds(n) for n in range(12)] == [
        0,
        0,
        0,
        0,
        5,
        10,
        20,
        40,
        80,
        160,
        300,
        300,
    ]
    assert lock_seconds(10_000) == 300


def test_three_free_attempts_then_doubling_locks(store: PinStore, fake: FakeTime) -> None:
    for _ in range(3):
        assert store.verify("0000") == PinCheck(False, 0.0)
    assert store.verify("0000") == PinCheck(False, 5.0)
    assert store.locked_for() == 5.0

    fake.advance(2.0)
    assert store.verify(PIN) == PinCheck(False, 3.0)  # refused unchecked, even the right PIN
    assert store.verify("0000") == PinCheck(False, 3.0)  # and not extended
    fake.advance(2.999)
    assert store.locked_for() == pytest.approx(0.001)
    fake.advance(0.001)
    assert store.locked_for() == 0.0

    expected = [10.0, 20.0, 40.0, 80.0, 160.0, 300.0, 300.0]
    for wait in expected:
        assert store.verify("0000") == PinCheck(False, wait)
        fake.advance(wait)
    assert store.verify(PIN) == PinCheck(True, 0.0)  # resets the count
    for _ in range(3):
        assert store.verify("1111") == PinCheck(False, 0.0)
    assert store.verify("1111").wait_s == 5.0


def test_refused_attempts_do_not_hash(store: PinStore, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(4):
        store.verify("0000")
    calls: list[object] = []
    monkeypatch.setattr(kiosk_pin, "_derive", lambda *a, **k: calls.append(a) or b"")
    for _ in range(100):  # rapid repeated touches while locked
        assert not store.verify(PIN).ok
    assert calls == []


def test_impossible_pins_count_but_are_not_hashed(
    store: PinStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    monkeypatch.setattr(kiosk_pin, "_derive", lambda *a, **k: calls.append(a) or b"")
    for junk in ("1", "x" * 10_000, "12a4"):
        assert store.verify(junk) == PinCheck(False, 0.0)
    assert calls == []
    assert store.verify("9" * 20).wait_s == 5.0


def test_lock_survives_a_restart(store: PinStore, fake: FakeTime) -> None:
    for _ in range(4):
        store.verify("0000")
    fake.advance(5.0)
    assert store.verify("0000").wait_s == 10.0
    fake.advance(4.0)

    restarted = _store(store.path, fake)
    assert restarted.locked_for() == pytest.approx(6.0)
    assert restarted.verify(PIN) == PinCheck(False, pytest.approx(6.0))
    fake.advance(6.0)
    assert restarted.verify("0000").wait_s == 20.0  # the count survived too
    fake.advance(20.0)
    assert restarted.verify(PIN).ok
    assert _data(store.path)["failures"] == 0
    assert _store(store.path, fake).verify("0000") == PinCheck(False, 0.0)


def test_a_restart_with_a_fresh_monotonic_clock_keeps_the_lock(
    store: PinStore, fake: FakeTime
) -> None:
    for _ in range(4):
        store.verify("0000")
    rebooted = FakeTime(mono=3.0, wall=fake.wall + 1.0)  # monotonic clocks restart at boot
    assert _store(store.path, rebooted).locked_for() == pytest.approx(4.0)


def test_a_wall_clock_turned_back_cannot_stretch_the_lock(store: PinStore, fake: FakeTime) -> None:
    for _ in range(4):
        store.verify("0000")
    fake.wall -= 86_400.0
    assert _store(store.path, fake).locked_for() == 5.0


def test_right_pin_clears_the_persisted_count(store: PinStore, fake: FakeTime) -> None:
    store.verify("0000")
    store.verify("0000")
    assert _data(store.path)["failures"] == 2
    assert store.verify(PIN).ok
    assert _data(store.path)["failures"] == 0
    assert _data(store.path)["locked_until"] == 0


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        "[]",
        '{"version": 2}',
        json.dumps({"version": 1, "salt": "zz", "hash": "00" * 32, "n": 16384, "r": 8, "p": 1}),
        json.dumps({"version": 1, "salt": "00" * 16, "n": 16384, "r": 8, "p": 1}),
        json.dumps(
            {"version": 1, "salt": "00" * 16, "hash": "00" * 32, "n": 2**40, "r": 8, "p": 1}
        ),
        json.dumps({"version": 1, "salt": "00" * 16, "hash": "00" * 32, "n": 1000, "r": 8, "p": 1}),
        json.dumps(
            {"version": 1, "salt": "00" * 16, "hash": "00" * 32, "n": 16384, "r": True, "p": 1}
        ),
        json.dumps(
            {
                "version": 1,
                "salt": "00" * 16,
                "hash": "00" * 32,
                "n": 16384,
                "r": 8,
                "p": 1,
                "failures": -1,
            }
        ),
    ],
)
def test_a_damaged_file_is_set_but_unverifiable(
    tmp_path: Path, fake: FakeTime, content: str
) -> None:
    path = tmp_path / PIN_FILE
    path.write_text(content, encoding="utf-8")
    store = _store(path, fake)
    assert store.is_set()  # corrupting the file must not open "choose a new PIN"
    assert store.problem is not None
    assert store.problem.startswith("the staff PIN file is damaged: ")
    assert str(path) in store.problem
    for pin in ("0000", "1234", PIN, ""):
        assert store.verify(pin) == PinCheck(False, 0.0)
    with pytest.raises(ValueError, match="damaged"):
        store.set_pin("1234")
    assert path.read_text(encoding="utf-8") == content  # left for staff to look at


def test_a_damaged_file_is_recovered_by_deleting_it(tmp_path: Path, fake: FakeTime) -> None:
    path = tmp_path / PIN_FILE
    path.write_text("garbage", encoding="utf-8")
    assert _store(path, fake).problem is not None
    path.unlink()  # with the computer's own login
    store = _store(path, fake)
    assert not store.is_set()
    assert store.problem is None
    store.set_pin("2468")
    assert store.verify("2468").ok


def test_an_unreadable_file_is_a_problem_not_a_missing_pin(
    store: PinStore, fake: FakeTime, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> str:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_text", refuse)
    other = _store(store.path, fake)
    assert other.is_set()
    assert other.problem is not None
    assert "cannot be read" in other.problem
    assert not other.verify(PIN).ok


def test_clear_forgets_the_pin_and_the_count(store: PinStore) -> None:
    for _ in range(4):
        store.verify("0000")
    store.clear()
    assert not store.is_set()
    assert not store.path.exists()
    assert store.locked_for() == 0.0
    store.clear()  # twice is fine


def test_set_pin_resets_the_count(store: PinStore) -> None:
    for _ in range(3):
        store.verify("0000")
    store.set_pin("1357")
    for _ in range(3):
        assert store.verify("0000") == PinCheck(False, 0.0)


def test_a_failed_counter_write_keeps_the_lock_in_memory(
    store: PinStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    for _ in range(4):
        store.verify("0000")
    assert store.locked_for() == 5.0
    assert not list(store.path.parent.glob(".kiosk-pin*.tmp"))


def test_the_pin_is_never_logged(
    store: PinStore, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(os, "replace", lambda *_a: (_ for _ in ()).throw(OSError("x")))
    with caplog.at_level("DEBUG"):
        for pin in ("0000", "13579", PIN):
            store.verify(pin)
    assert caplog.records  # the failed writes were reported ...
    for pin in ("0000", "13579", PIN):
        assert pin not in caplog.text  # ... without the PIN
