"""BrainFlow boards (PyPI ``brainflow``, which bundles its native libraries).

Spec: ``brainflow:BOARD[,key=value...]``. ``BOARD`` is a ``BoardIds`` name without the ``_BOARD``
suffix, case-insensitive (``synthetic``, ``playback``, ``ganglion``, ``ganglion_native``,
``cyton``, ``cyton_daisy``, ``callibri_emg``, ``gforce_pro``...) or its number (``-1``, ``46``).
Options are ``BrainFlowInputParams`` fields (``serial_port``, ``mac_address``, ``ip_address``,
``ip_port``, ``ip_protocol``, ``file``, ``master_board``, ``timeout``, ``serial_number``,
``other_info``...) plus the short aliases in :data:`OPTION_ALIASES` (``mac``, ``port``...).

Only the ExG channels (``BoardShim.get_exg_channels``, in microvolts) are delivered. BrainFlow's
timestamp channel (wall-clock seconds, ``time.time``) is mapped to :func:`time.monotonic` through
the offset measured when the stream starts. BrainFlow's own logger is disabled: problems arrive as
:class:`~glute_coach.sensors.source.SourceEvent`.

A bad board or option never raises into the caller: the constructor records it, and the
acquisition thread reports it as one ``ERROR`` event (code ``connect``) and stops.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from glute_coach.sensors.lsl_source import clock_offset
from glute_coach.sensors.source import Block, Clock, ThreadedSource

OPTION_ALIASES: dict[str, str] = {
    "mac": "mac_address",
    "port": "serial_port",
    "serial": "serial_port",
    "ip": "ip_address",
    "master": "master_board",
    "path": "file",
}
_INT_FIELDS = frozenset({"ip_port", "ip_port_aux", "ip_port_anc", "ip_protocol", "timeout"})
_BOARD_ALIASES = {"playback": "PLAYBACK_FILE_BOARD", "streaming": "STREAMING_BOARD"}


class BrainFlowConfigError(ValueError):
    """A board name or option BrainFlow cannot use."""


def _brainflow() -> Any:
    from brainflow import board_shim

    return board_shim


def resolve_board(board: str | int) -> int:
    """A ``BoardIds`` value from a name (``cyton_daisy``) or a number (``2``)."""
    ids = _brainflow().BoardIds
    text = str(board).strip()
    try:
        number = int(text)
    except ValueError:
        key = text.upper().replace("-", "_")
        for candidate in (_BOARD_ALIASES.get(text.lower()), key, f"{key}_BOARD"):
            if candidate and candidate in ids.__members__:
                return int(ids[candidate].value)
        known = ", ".join(sorted(n.removesuffix("_BOARD").lower() for n in ids.__members__))
        raise BrainFlowConfigError(
            f"unknown BrainFlow board {text!r} (known: {known}, or a numeric board id)"
        ) from None
    if number not in {int(b.value) for b in ids}:
        raise BrainFlowConfigError(f"unknown BrainFlow board id {number}")
    return number


def build_params(options: Mapping[str, str]) -> tuple[Any, int | None]:
    """``BrainFlowInputParams`` from spec options, and the master board id if one was given."""
    params = _brainflow().BrainFlowInputParams()
    fields = {k for k in vars(params) if not k.startswith("_")}
    master: int | None = None
    for raw_key, value in options.items():
        key = OPTION_ALIASES.get(raw_key.lower(), raw_key.lower())
        if key not in fields:
            raise BrainFlowConfigError(
                f"unknown BrainFlow option {raw_key!r} (allowed: {', '.join(sorted(fields))})"
            )
        if key == "master_board":
            master = resolve_board(value)
            params.master_board = master
        elif key in _INT_FIELDS:
            try:
                setattr(params, key, int(value))
            except ValueError:
                raise BrainFlowConfigError(
                    f"BrainFlow option {raw_key}={value!r} is not an integer"
                ) from None
        else:
            setattr(params, key, value)
    return params, master


class BrainFlowSource(ThreadedSource):
    def __init__(
        self,
        board: str | int,
        options: Mapping[str, str] | None = None,
        *,
        clock: Clock = time.monotonic,
        stall_timeout: float = 2.0,
        keep_blocks: int = 0,
        poll_interval: float = 0.005,
    ) -> None:
        super().__init__(
            [], [], 0.0, clock=clock, stall_timeout=stall_timeout, keep_blocks=keep_blocks
        )
        self.board = board
        self.options = dict(options or {})
        self.poll_interval = poll_interval
        self.config_error: str | None = None
        self.board_id: int | None = None
        self._descr_id: int | None = None  # the board whose layout the data has
        self._params: Any = None
        self._shim: Any = None
        self._exg: list[int] = []
        self._ts_row = -1
        self._offset = 0.0
        self._last_t: float | None = None
        try:
            self._configure()
        except BrainFlowConfigError as exc:
            self.config_error = str(exc)
        except Exception as exc:  # BrainFlowError from a descriptor query
            self.config_error = f"BrainFlow board {board!r}: {exc}"

    def _configure(self) -> None:
        bs = _brainflow()
        ids = bs.BoardIds
        board_id = resolve_board(self.board)
        params, master = build_params(self.options)
        descr_id = board_id
        if board_id in (int(ids.PLAYBACK_FILE_BOARD.value), int(ids.STREAMING_BOARD.value)):
            if master is None:
                raise BrainFlowConfigError(
                    f"BrainFlow board {self.board!r} needs master_board= (the board that recorded)"
                )
            descr_id = master
            if board_id == int(ids.PLAYBACK_FILE_BOARD.value):
                if not params.file:
                    raise BrainFlowConfigError("BrainFlow playback needs file=PATH")
                if not Path(params.file).is_file():
                    raise BrainFlowConfigError(f"BrainFlow playback: no such file {params.file}")
        exg = [int(c) for c in bs.BoardShim.get_exg_channels(descr_id)]
        if not exg:
            raise BrainFlowConfigError(f"BrainFlow board {self.board!r} has no ExG channels")
        self._exg = exg
        self._ts_row = int(bs.BoardShim.get_timestamp_channel(descr_id))
        self._fs = float(bs.BoardShim.get_sampling_rate(descr_id))
        self._channel_names = tuple(f"exg{i + 1}" for i in range(len(exg)))
        self._units = ("uV",) * len(exg)
        self.board_id, self._descr_id, self._params = board_id, descr_id, params

    # --- ThreadedSource ----------------------------------------------------------------------
    def _open(self) -> None:
        if self.config_error is not None:
            self._stop.set()  # nothing to retry: one error event, then STOPPED
            raise BrainFlowConfigError(self.config_error)
        bs = _brainflow()
        bs.BoardShim.disable_board_logger()
        shim = bs.BoardShim(self.board_id, self._params)
        try:
            shim.prepare_session()
            shim.start_stream()
        except BaseException:
            self._release(shim)
            raise
        self._offset = clock_offset(time.time, self._clock)
        self._last_t = None
        self._shim = shim

    def _read(self, timeout: float) -> Block | None:
        shim = self._shim
        assert shim is not None
        deadline = time.monotonic() + timeout
        while shim.get_board_data_count() <= 0:
            if time.monotonic() >= deadline or self._stop.is_set():
                return None
            time.sleep(self.poll_interval)
        raw = shim.get_board_data()
        if raw.shape[1] == 0:
            return None
        data = np.ascontiguousarray(raw[self._exg].T, dtype=np.float64)
        stamps = raw[self._ts_row]
        fs = self._fs
        t0 = float(stamps[0]) + self._offset
        # Keep blocks contiguous when BrainFlow's per-sample stamps only jitter.
        if self._last_t is not None and np.isfinite(t0) and abs(t0 - self._last_t) < 0.05:
            t0 = self._last_t
        self._last_t = t0 + data.shape[0] / fs
        return Block(t0, fs, data)

    def _close(self) -> None:
        shim, self._shim = self._shim, None
        if shim is not None and shim.is_prepared():
            with contextlib.suppress(Exception):
                shim.stop_stream()
            shim.release_session()  # a failure here is reported by the base class

    @staticmethod
    def _release(shim: Any) -> None:
        with contextlib.suppress(Exception):
            if shim.is_prepared():
                with contextlib.suppress(Exception):
                    shim.stop_stream()
                shim.release_session()
