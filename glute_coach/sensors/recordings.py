"""Reading recorded sensor files for offline analysis.

Formats:

- The UCI "EMG dataset in Lower Limb" text files (Sanchez & Sotelo, UCI Machine Learning
  Repository, CC BY 4.0): a short header of ``Channel N: 'name', ... engineering units: U``
  lines, a blank line, then tab-separated samples at 1000 Hz.
- Generic CSV/TSV with a header row of channel names. A time column (``time``, ``t``,
  ``time_s``, ``timestamp``) gives the sampling rate and is dropped.
- EDF+/BDF+ through ``pyedflib`` when it is installed.

Errors a user can fix raise :class:`RecordingError` with a one-line message.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

UCI_FS = 1000.0
#: The UCI files of subject 3A spell the muscles out in Spanish; map them to the short names used
#: by the other files.
UCI_NAMES = {
    "recto femoral": "RF",
    "biceps femoral": "BF",
    "vasto medial": "VM",
    "emg semitendinoso": "ST",
    "semitendinoso": "ST",
    "flexo-extension": "FX",
}
TIME_COLUMNS = {"time", "t", "time_s", "timestamp", "seconds", "time (s)"}
_UCI_CHANNEL = re.compile(r"^Channel\s+\d+:\s*'([^']*)'.*?engineering units:\s*([^,]+)", re.I)


class RecordingError(Exception):
    """A recording that cannot be read; the message is one line for the user."""


@dataclass
class Recording:
    data: FloatArray  # (n_samples, n_channels)
    fs: float | None
    channels: list[str]
    units: list[str] = field(default_factory=list)
    source: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def duration_s(self) -> float | None:
        return self.data.shape[0] / self.fs if self.fs else None

    def index(self, name: str) -> int:
        for i, ch in enumerate(self.channels):
            if ch == name or ch.lower() == name.lower():
                return i
        raise RecordingError(f"no channel named {name!r} (have: {', '.join(self.channels)})")

    def is_emg(self, i: int) -> bool:
        """EMG channels are in volts (V, mV, uV) or have no unit; angles, pressures are not."""
        unit = self.units[i].strip().lower() if i < len(self.units) else ""
        return unit in ("", "v", "mv", "uv", "µv", "μv")


def read_recording(path: str | Path, fs: float | None = None) -> Recording:
    p = Path(path)
    if not p.exists():
        raise RecordingError(f"{p}: no such file")
    if p.is_dir():
        raise RecordingError(f"{p}: is a directory, not a recording")
    suffix = p.suffix.lower()
    if suffix in (".edf", ".bdf"):
        rec = _read_edf(p)
    else:
        try:
            text = p.read_text(encoding="utf-8", errors="strict")
        except UnicodeDecodeError:
            raise RecordingError(f"{p}: not a text recording (and not .edf/.bdf)") from None
        except OSError as exc:
            raise RecordingError(f"{p}: cannot read ({exc.strerror})") from None
        cut = False
        if not _looks_uci(text) and text and not text.endswith("\n"):
            # A power cut mid-append can leave a last row whose final number is cut short but
            # still parses: only rows that reached their newline are trusted.
            text, cut = text[: text.rfind("\n") + 1], True
        rec = _read_uci(text, p) if _looks_uci(text) else _read_delimited(text, p)
        if cut:
            rec.notes.append("the last row was incomplete (recording cut short) and was ignored")
    _apply_sidecar(rec, p)
    if fs is not None:
        if not fs > 0:
            raise RecordingError(f"sampling rate must be positive, got {fs:g}")
        if rec.fs is not None and abs(rec.fs - fs) > 1e-6 * fs:
            rec.notes.append(f"--fs {fs:g} overrides the file's {rec.fs:g} Hz")
        rec.fs = float(fs)
    if rec.data.shape[0] == 0:
        raise RecordingError(f"{p}: no samples")
    return rec


def _looks_uci(text: str) -> bool:
    head = text[:2000].lstrip()
    return head.startswith("File Name:") or bool(_UCI_CHANNEL.match(head))


def _read_uci(text: str, p: Path) -> Recording:
    lines = text.splitlines()
    names: list[str] = []
    units: list[str] = []
    i = 0
    for i, line in enumerate(lines):  # noqa: B007 - i is used after the loop
        m = _UCI_CHANNEL.match(line.strip())
        if m:
            raw = m.group(1).strip()
            names.append(UCI_NAMES.get(raw.lower(), raw))
            units.append(m.group(2).strip())
        elif line.strip() and not line.startswith("File Name:"):
            break
    data = _parse_numbers(lines[i:], p, delimiter="\t", ncols=len(names) or None)
    if names and data.shape[1] != len(names):
        raise RecordingError(f"{p}: header names {len(names)} channels, data has {data.shape[1]}")
    return Recording(data, UCI_FS, names, units, str(p))


def _parse_numbers(
    lines: list[str], p: Path, delimiter: str | None, ncols: int | None
) -> FloatArray:
    rows: list[list[float]] = []
    width = ncols
    for k, line in enumerate(lines):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        # Split the unstripped line: leading empty fields are missing channels, not absent ones.
        raw = line.rstrip("\r\n")
        parts = raw.split(delimiter) if delimiter else raw.split()
        if width is None:
            width = len(parts)
        if len(parts) != width or any(not v.strip() for v in parts):
            # An incomplete row ends the recording: a file cut short by a crash, or (UCI) the
            # goniometer column running on alone after the EMG stopped.
            break
        try:
            rows.append([float(v) for v in parts])
        except ValueError:
            raise RecordingError(
                f"{p}: line {k + 1} of the data is not numeric: {s[:40]!r}"
            ) from None
    if not rows:
        raise RecordingError(f"{p}: no samples")
    return np.asarray(rows, dtype=np.float64)


def _read_delimited(text: str, p: Path) -> Recording:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise RecordingError(f"{p}: empty file")
    header = lines[0]
    delimiter: str | None = (
        "\t" if "\t" in header else "," if "," in header else ";" if ";" in header else None
    )
    names = [
        n.strip().strip('"') for n in (header.split(delimiter) if delimiter else header.split())
    ]
    try:
        [float(n) for n in names]
        raise RecordingError(f"{p}: the first row must name the channels")
    except ValueError:
        pass
    data = _parse_numbers(lines[1:], p, delimiter, len(names))
    fs: float | None = None
    units = [""] * len(names)
    notes: list[str] = []
    tcol = next((i for i, n in enumerate(names) if n.lower() in TIME_COLUMNS), None)
    if tcol is not None:
        t = data[:, tcol]
        if t.size > 1:
            dt = float(np.median(np.diff(t)))
            if dt > 0:
                if names[tcol].lower() == "timestamp" and dt > 0.05 and t[0] > 1e9:
                    dt /= 1000.0  # millisecond timestamps
                fs = 1.0 / dt
                notes.append(f"sampling rate {fs:.4g} Hz from the {names[tcol]!r} column")
        data = np.delete(data, tcol, axis=1)
        del names[tcol]
        del units[tcol]
    # "name [unit]" or "name (unit)" headers
    for i, n in enumerate(names):
        m = re.match(r"^(.*?)\s*[\[(]([^\])]+)[\])]$", n)
        if m:
            names[i], units[i] = m.group(1), m.group(2)
    return Recording(data, fs, names, units, str(p), notes)


def _read_edf(p: Path) -> Recording:
    try:
        import pyedflib
    except ImportError:
        raise RecordingError(
            f"{p}: reading EDF/BDF needs pyedflib (pip install pyedflib)"
        ) from None
    try:
        with pyedflib.EdfReader(str(p)) as f:
            n = f.signals_in_file
            rates = [float(f.getSampleFrequency(i)) for i in range(n)]
            keep = [i for i in range(n) if rates[i] == max(rates)]
            names = [str(f.getLabel(i)).strip() for i in keep]
            units = [str(f.getPhysicalDimension(i)).strip() for i in keep]
            cols = [np.asarray(f.readSignal(i), dtype=np.float64) for i in keep]
            skipped = n - len(keep)
    except OSError as exc:
        raise RecordingError(f"{p}: not a readable EDF/BDF file ({exc})") from None
    length = min(len(c) for c in cols) if cols else 0
    data = np.column_stack([c[:length] for c in cols]) if cols else np.zeros((0, 0))
    notes = [f"{skipped} channel(s) at lower sampling rates skipped"] if skipped else []
    return Recording(data, max(rates) if rates else None, names, units, str(p), notes)


RECORDING_FORMAT = "glute-coach-recording"


def _apply_sidecar(rec: Recording, p: Path) -> None:
    """Our own recordings: take the rate from the sidecar and keep only the raw channels.

    The envelope columns are the app's processing, not signal: replaying or analysing them as
    channels would process them twice.
    """
    sidecar = p.with_suffix(".json")
    if not sidecar.is_file():
        return
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        rec.notes.append(f"{sidecar.name} could not be read; the recording is used without it")
        return
    if not isinstance(meta, dict) or meta.get("format") != RECORDING_FORMAT:
        return
    kinds = {c.get("name"): c.get("kind") for c in meta.get("channels", []) if isinstance(c, dict)}
    keep = [i for i, name in enumerate(rec.channels) if kinds.get(name, "raw") == "raw"]
    if len(keep) < len(rec.channels):
        rec.notes.append(f"{len(rec.channels) - len(keep)} envelope column(s) left out")
        rec.data = rec.data[:, keep]
        rec.channels = [rec.channels[i] for i in keep]
        rec.units = [rec.units[i] for i in keep] if rec.units else rec.units
    fs = meta.get("fs")
    if isinstance(fs, (int, float)) and fs > 0:
        rec.fs = float(fs)
        rec.notes = [n for n in rec.notes if not n.startswith("sampling rate")]
