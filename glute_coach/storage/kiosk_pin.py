"""The kiosk's staff PIN: a salted scrypt hash on disk, wrong attempts rate-limited.

The PIN itself is never stored, logged or printed. The file (``kiosk-pin.json`` in the user
config folder, mode 0o600, written atomically) holds::

    {"version": 1, "salt": hex, "hash": hex, "n": 16384, "r": 8, "p": 1,
     "failures": 0, "locked_until": 0.0}

Rate limit: the first ``FREE_ATTEMPTS`` (3) wrong PINs in a row cost nothing; the 4th locks
entry for 5 s, the 5th for 10 s, then 20 s, 40 s ... up to 300 s. While locked, ``verify``
refuses without hashing and the lock is not extended. A right PIN resets the count.

Where the lock lives: in memory it is a deadline on the monotonic ``clock`` (immune to the wall
clock being changed while the app runs). The count and the lock's end are also written to the
file, the end as wall time (``wall_clock``), so restarting the app does not reset them. When a
store is made, a persisted lock resumes with its remaining wall time, never longer than the lock
it was (a wall clock turned back cannot stretch it; one turned forward can shorten it, which the
growing lock on the next wrong PIN makes up for).

The file is read once, when the ``PinStore`` is made: keep one store for the app's lifetime, and
make a new one to see changes made outside the app.

A damaged or unreadable file is *not* treated as "no PIN" (corrupting the file must not let
anyone choose a new PIN): ``is_set()`` stays True, ``verify`` always fails, ``set_pin`` refuses,
and ``problem`` explains. Recovery: someone with the computer's own login deletes the file; the
next start then asks staff for a new PIN.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glute_coach.core.atomic import write_text_atomic
from glute_coach.storage.paths import user_config_dir

log = logging.getLogger(__name__)

PIN_FILE = "kiosk-pin.json"
PIN_VERSION = 1
MIN_DIGITS = 4
MAX_DIGITS = 12
FREE_ATTEMPTS = 3
FIRST_LOCK_S = 5.0
MAX_LOCK_S = 300.0
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
# Parameters read from a file are bounded, so a doctored file cannot make verify() hang or
# exhaust memory (scrypt needs about 128 * n * r bytes).
_MAX_SCRYPT_BYTES = 64 * 1024 * 1024


def pin_path() -> Path:
    return user_config_dir() / PIN_FILE


def validate_pin(pin: str) -> None:
    """Raise ValueError with a plain message unless ``pin`` is 4 to 12 digits (0-9)."""
    if not isinstance(pin, str) or not pin:
        raise ValueError(f"A PIN has {MIN_DIGITS} to {MAX_DIGITS} digits.")
    if not all(ch in "0123456789" for ch in pin):
        raise ValueError("A PIN is digits only (0 to 9).")
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise ValueError(f"A PIN has {MIN_DIGITS} to {MAX_DIGITS} digits; this one has {len(pin)}.")


def lock_seconds(failures: int) -> float:
    """How long entry is locked after ``failures`` wrong PINs in a row (0 while still free)."""
    if failures <= FREE_ATTEMPTS:
        return 0.0
    doublings = min(failures - FREE_ATTEMPTS - 1, 16)  # 2**16 * 5 s is far past the cap
    return float(min(FIRST_LOCK_S * 2**doublings, MAX_LOCK_S))


@dataclass(frozen=True)
class PinCheck:
    """The answer to one PIN attempt.

    ``wait_s > 0``: entry is locked; try again after this many seconds. It comes with
    ``ok=False`` both when this wrong PIN started a lock and when the attempt was refused
    unchecked because a lock was already running.
    """

    ok: bool
    wait_s: float = 0.0


@dataclass(frozen=True)
class _Record:
    salt: bytes
    key: bytes
    n: int
    r: int
    p: int


class _DamagedError(Exception):
    pass


class PinStore:
    """The staff PIN: set, verify (rate-limited), clear. See the module docstring."""

    def __init__(
        self,
        path: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = path or pin_path()
        self._clock = clock
        self._wall_clock = wall_clock
        self._record: _Record | None = None
        self._problem: str | None = None
        self._failures = 0
        self._locked_until = 0.0  # on self._clock
        self._load()

    # --- public API ---------------------------------------------------------------------------

    def is_set(self) -> bool:
        """True when a PIN is stored, or the file is there but damaged (see ``problem``)."""
        return self._record is not None or self._problem is not None

    @property
    def problem(self) -> str | None:
        """Why the PIN cannot be checked (a damaged file), for staff; None when all is well."""
        return self._problem

    def locked_for(self) -> float:
        """Seconds until a PIN may be tried again; 0.0 when not locked."""
        return max(0.0, self._locked_until - self._clock())

    def set_pin(self, pin: str) -> None:
        """Store a new PIN (4-12 digits), replacing any old one; resets the wrong-PIN count.

        Raises ValueError with a plain message for a bad PIN or a damaged file (which only
        deleting it outside the app may fix), OSError when the file cannot be written.
        Callers let staff change the PIN only after ``verify`` succeeded.
        """
        validate_pin(pin)
        if self._problem is not None:
            raise ValueError(self._problem)
        salt = secrets.token_bytes(SALT_BYTES)
        key = _derive(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        record = _Record(salt, key, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        self._write(record, failures=0, locked_until=0.0)
        self._record = record
        self._failures = 0
        self._locked_until = 0.0

    def verify(self, pin: str) -> PinCheck:
        """Check ``pin``; a wrong one counts towards the lock. Never raises for any input."""
        wait = self.locked_for()
        if wait > 0:
            return PinCheck(False, wait)  # refused unchecked; the lock is not extended
        record = self._record
        if record is None:  # no PIN, or a damaged file: nothing can match
            return PinCheck(False, 0.0)
        if _plausible(pin):
            candidate = _derive(pin, record.salt, record.n, record.r, record.p)
            ok = hmac.compare_digest(candidate, record.key)
        else:  # cannot be the PIN (set_pin only stores digits): no need to hash it
            ok = False
        if ok:
            if self._failures or self._locked_until:
                self._failures = 0
                self._locked_until = 0.0
                self._persist_counter()
            return PinCheck(True, 0.0)
        self._failures += 1
        wait = lock_seconds(self._failures)
        self._locked_until = self._clock() + wait if wait else 0.0
        self._persist_counter()
        return PinCheck(False, wait)

    def clear(self) -> None:
        """Forget the PIN (delete the file) and the wrong-PIN count. Raises OSError on failure."""
        self.path.unlink(missing_ok=True)
        self._record = None
        self._problem = None
        self._failures = 0
        self._locked_until = 0.0

    # --- file ---------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            self._problem = _damaged(self.path, f"it cannot be read ({exc})")
            return
        try:
            record, failures, locked_until = _parse(text)
        except _DamagedError as exc:
            self._problem = _damaged(self.path, str(exc))
            return
        self._record = record
        self._failures = failures
        remaining = min(locked_until - self._wall_clock(), lock_seconds(failures))
        if remaining > 0:
            self._locked_until = self._clock() + remaining

    def _persist_counter(self) -> None:
        """Save the wrong-PIN count and lock; a failure to write only weakens the restart case."""
        assert self._record is not None
        wait = self.locked_for()
        locked_until = self._wall_clock() + wait if wait > 0 else 0.0
        try:
            self._write(self._record, self._failures, locked_until)
        except OSError as exc:
            log.warning("Could not save the staff PIN attempt count to %s: %s", self.path, exc)

    def _write(self, record: _Record, failures: int, locked_until: float) -> None:
        """Atomically: temp file (0o600) + fsync + os.replace; a crash leaves the old file."""
        payload: dict[str, Any] = {
            "version": PIN_VERSION,
            "salt": record.salt.hex(),
            "hash": record.key.hex(),
            "n": record.n,
            "r": record.r,
            "p": record.p,
            "failures": failures,
            "locked_until": round(locked_until, 3),
        }
        # mkstemp makes the file 0600 (this user only), and the rename keeps that mode.
        write_text_atomic(self.path, json.dumps(payload, indent=2, sort_keys=True) + "\n")


def _derive(pin: str, salt: bytes, n: int, r: int, p: int, length: int = KEY_BYTES) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=_MAX_SCRYPT_BYTES, dklen=length
    )


def _plausible(pin: object) -> bool:
    """Could ``pin`` be a stored PIN at all (4-12 ASCII digits)?"""
    return (
        isinstance(pin, str)
        and MIN_DIGITS <= len(pin) <= MAX_DIGITS
        and all(ch in "0123456789" for ch in pin)
    )


def _damaged(path: Path, why: str) -> str:
    return (
        f"the staff PIN file is damaged: {why}. To set a new PIN, delete {path} "
        "using this computer's own login, then restart Glute Coach."
    )


def _parse(text: str) -> tuple[_Record, int, float]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise _DamagedError(f"it is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise _DamagedError("it is not a JSON object")
    if data.get("version") != PIN_VERSION:
        raise _DamagedError(f"unknown version {data.get('version')!r}")
    n, r, p = (_int(data, k) for k in ("n", "r", "p"))
    if n < 2 or n & (n - 1) or r < 1 or p < 1 or p > 16 or 128 * n * r * 2 > _MAX_SCRYPT_BYTES:
        raise _DamagedError(f"unusable scrypt parameters n={n}, r={r}, p={p}")
    salt = _hex(data, "salt")
    key = _hex(data, "hash")
    if len(salt) < 8 or not 16 <= len(key) <= 64:
        raise _DamagedError("the salt or hash has the wrong length")
    failures = _int(data, "failures", default=0)
    locked_until = data.get("locked_until", 0.0)
    if (
        failures < 0
        or isinstance(locked_until, bool)
        or not isinstance(locked_until, int | float)
        or math.isnan(locked_until)
    ):
        raise _DamagedError("the attempt counter is not valid")
    return _Record(salt, key, n, r, p), failures, float(locked_until)


def _int(data: dict[str, Any], key: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise _DamagedError(f"{key!r} is missing or not a whole number")
    return value


def _hex(data: dict[str, Any], key: str) -> bytes:
    value = data.get(key)
    if not isinstance(value, str):
        raise _DamagedError(f"{key!r} is missing")
    try:
        return bytes.fromhex(value)
    except ValueError:
        raise _DamagedError(f"{key!r} is not hexadecimal") from None
