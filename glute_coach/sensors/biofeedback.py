"""Live biofeedback for a routine: %MVC, target bands, reps, time in zone, activation latency.

:class:`Biofeedback` is the model behind the player's gauges and the feedback tone. It is fed on
the GUI thread, once per display frame, with the envelope samples that arrived since the last
frame (drained from the sensor session's ring buffer), and told when the routine enters a segment,
gives a cue or pauses. All times are on the sensor's clock (monotonic seconds), so a caller
converts a cue's moment to that clock once, when it is heard.

- **Calibration** (``calibrate`` segments, "strongest squeeze"): each effort's score is the best
  500-ms mean of the envelope per channel; the channel's MVC is the best score of its efforts.
  From then on EMG channels read in %MVC. Uncalibrated EMG reads in its own unit.
- **Targets** come from the segment (``target`` of the exercise): a %MVC band for the channels on
  a muscle and side, or a mmHg band for pressure channels. ``side: both`` on a one-sided segment
  means the working side (the segment's side).
- **Per exercise** (a timeline block with work or hold segments): peak and mean, time in zone,
  reps (hysteresis on the band's low edge), symmetry of left and right, and cue-to-onset latency;
  :meth:`Biofeedback.finish` returns them as :class:`~glute_coach.core.metrics.ExerciseMetrics`.

Nothing here raises for bad data: non-finite samples are skipped, missing data shows as NaN and
counts as a gap.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

import numpy as np

from glute_coach.core.metrics import PERCENT_MVC, ChannelMetrics, ExerciseMetrics
from glute_coach.core.routine import SensorTarget, Side
from glute_coach.core.timeline import CueRole, Segment, SegmentKind
from glute_coach.sensors.processing import MVC_WINDOW_S, best_window_mean, symmetry_index
from glute_coach.sensors.profile import ChannelRole, guess_role
from glute_coach.sensors.ring_buffer import Window
from glute_coach.sensors.source import FloatArray

ACTIVE_KINDS = frozenset({SegmentKind.WORK, SegmentKind.HOLD})
SQUEEZE_ROLES = frozenset({CueRole.START, CueRole.PHASE})
STALE_S = 0.5  # no new sample for this long: the reading is shown as missing
ENTER_HOLD_S = 0.15  # the level must stay in the band this long to count as entering it
LEAVE_HOLD_S = 0.30  # ... and out of it this long to count as leaving it
BASELINE_S = 0.5  # level before a squeeze cue, for onset detection
ONSET_HOLD_S = 0.025  # above the onset threshold this long (rejects single spikes)
ONSET_GIVE_UP_S = 2.5  # no onset within this long after the cue: none for this cue
ONSET_MIN_RISE = {PERCENT_MVC: 5.0, "mmHg": 2.0}  # at least this rise above the baseline
REP_ON_FRACTION = 0.75  # reps: on above 75 % of the band's low edge, off below 50 %
REP_OFF_FRACTION = 0.5
TONE_HEADROOM = 1.25  # the tone's top note is at 125 % of the band's high edge
EMG_UNITS = frozenset({"", "v", "mv", "uv", "µv", "μv"})
PRESSURE_UNITS = {"mmhg": 1.0, "kpa": 7.500617, "hpa": 0.7500617, "pa": 0.007500617}


class Zone(StrEnum):
    BELOW = "below"
    IN = "in"
    ABOVE = "above"


ChannelKind = Literal["emg", "pressure", "other"]


def channel_kind(unit: str) -> ChannelKind:
    u = unit.strip().lower()
    if u in PRESSURE_UNITS:
        return "pressure"
    if u in EMG_UNITS:
        return "emg"
    return "other"


@dataclass(frozen=True, slots=True)
class FeedChannel:
    index: int  # column in the envelope
    name: str
    unit: str  # the source's unit
    kind: ChannelKind
    muscle: str | None
    side: Side


@dataclass(frozen=True, slots=True)
class Reading:
    """One channel now, as the gauges show it."""

    channel: FeedChannel
    value: float  # in ``unit``; NaN when there is no (fresh) data
    unit: str  # "%MVC", "mmHg" or the source's unit
    band: tuple[float, float] | None  # the target band when this channel is targeted
    zone: Zone | None
    reps: int  # in the current exercise
    zone_s: float  # seconds in the band in the current segment


@dataclass(frozen=True, slots=True)
class CalibrationProgress:
    where: str  # e.g. "Gluteus maximus, left"
    channels: tuple[str, ...]
    effort: int
    efforts: int
    level: float  # newest envelope value of the strongest channel (source unit)
    best: float  # best effort score so far on these channels (source unit)
    unit: str
    muscle: str | None = None  # for views that word ``where`` themselves (translated)
    side: Side | None = None


@dataclass(frozen=True, slots=True)
class LiveFrame:
    readings: tuple[Reading, ...]
    calibration: CalibrationProgress | None
    latency_s: float | None  # cue-to-onset of the newest squeeze cue, once seen
    awaiting_onset: bool
    symmetry: float | None  # (L - R) / mean, of the targeted muscle in this segment
    feedback: float | None  # 0..1 for the feedback tone; None = silent
    zone: Zone | None  # of the targeted channels together (their mean)
    zone_change: Literal["enter", "leave"] | None  # since the previous frame (for a chime)
    stale: bool  # no fresh data at all


@dataclass
class _ChannelStats:
    n: int = 0
    total: float = 0.0
    peak: float = -math.inf
    zone_n: int = 0
    reps: int = 0
    rep_on: bool = False
    latencies: list[float] = field(default_factory=list)

    def add(self, values: FloatArray, band: tuple[float, float] | None) -> None:
        finite = values[np.isfinite(values)]
        if finite.size == 0:
            return
        self.n += int(finite.size)
        self.total += float(finite.sum())
        self.peak = max(self.peak, float(finite.max()))
        if band is not None:
            self.zone_n += int(((finite >= band[0]) & (finite <= band[1])).sum())
            on, off = band[0] * REP_ON_FRACTION, band[0] * REP_OFF_FRACTION
            for v in finite.tolist():  # a few hundred values per frame at most
                if not self.rep_on and v >= on:
                    self.rep_on = True
                    self.reps += 1
                elif self.rep_on and v < off:
                    self.rep_on = False

    @property
    def mean(self) -> float | None:
        return self.total / self.n if self.n else None


@dataclass
class _Exercise:
    block: int
    name: str
    exercise_id: str | None
    band: tuple[float, float] | None = None
    unit: str | None = None
    targeted: set[int] = field(default_factory=set)
    stats: dict[int, _ChannelStats] = field(default_factory=dict)
    active_s: float = 0.0  # wall seconds spent in work/hold segments (not paused)
    data_n: int = 0  # samples received in them


@dataclass
class _Onset:
    cue_t: float
    channels: tuple[int, ...]
    threshold: FloatArray
    above_since: dict[int, float] = field(default_factory=dict)
    found: dict[int, float] = field(default_factory=dict)


def pretty_muscle(muscle: str) -> str:
    return muscle.replace("_", " ").capitalize()


class Biofeedback:
    """See the module docstring. ``roles`` maps channel names to muscle and side (a profile's)."""

    def __init__(
        self,
        channel_names: Sequence[str],
        units: Sequence[str],
        fs: float,
        roles: Mapping[str, ChannelRole] | None = None,
    ) -> None:
        self.fs = float(fs)
        roles = roles or {}
        channels: list[FeedChannel] = []
        for i, name in enumerate(channel_names):
            unit = units[i] if i < len(units) else ""
            role = roles.get(name) or guess_role(name)
            if not role.use:
                continue
            channels.append(FeedChannel(i, name, unit, channel_kind(unit), role.muscle, role.side))
        self.channels: tuple[FeedChannel, ...] = tuple(channels)
        self.n_columns = len(channel_names)
        self.mvc: dict[int, float] = {}  # channel index -> MVC in the source unit
        self._segment: Segment | None = None
        self._segment_t: float | None = None
        self._paused_at: float | None = None
        self._targeted: tuple[int, ...] = ()
        self._band: tuple[float, float] | None = None
        self._band_unit: str | None = None
        self._last_values = np.full(self.n_columns, np.nan)
        self._last_t: float | None = None
        self._tail: list[tuple[FloatArray, FloatArray]] = []  # recent (t, display values)
        self._segment_zone_n = np.zeros(self.n_columns, dtype=np.int64)
        self._segment_sums = np.zeros(self.n_columns)
        self._segment_n = np.zeros(self.n_columns, dtype=np.int64)
        self._effort: list[FloatArray] = []
        self._effort_channels: tuple[int, ...] = ()
        self._effort_scores: dict[int, list[float]] = {}
        self._exercise: _Exercise | None = None
        self._done: list[ExerciseMetrics] = []
        self._onset: _Onset | None = None
        self._latency: float | None = None
        self._zone: Zone | None = None
        self._zone_candidate: tuple[Zone | None, float] | None = None
        self._zone_change: Literal["enter", "leave"] | None = None

    # --- what the caller tells us ----------------------------------------------------------------
    def enter_segment(self, segment: Segment, t: float, name: str | None = None) -> None:
        """The routine moved into ``segment`` at ``t``; ``name`` is its step's name."""
        self._close_segment(t)
        if self._exercise is not None and self._exercise.block != segment.block:
            self._close_exercise()
        self._segment, self._segment_t = segment, t
        self._segment_zone_n[:] = 0
        self._segment_sums[:] = 0
        self._segment_n[:] = 0
        self._onset, self._latency = None, None
        self._zone, self._zone_candidate = None, None
        self._targeted, self._band, self._band_unit = self._target_for(segment)
        if segment.kind is SegmentKind.CALIBRATE:
            self._effort, self._effort_channels = [], self._calibration_channels(segment)
        if segment.kind in ACTIVE_KINDS:
            if self._exercise is None:
                self._exercise = _Exercise(
                    segment.block, name or segment.label, segment.exercise_id
                )
            ex = self._exercise
            if self._band is not None:
                ex.band, ex.unit = self._band, self._band_unit
                ex.targeted.update(self._targeted)

    def on_cue(self, role: CueRole, t: float) -> None:
        """A cue was heard at ``t``; a squeeze cue starts an activation-latency measurement."""
        seg = self._segment
        if seg is None or role not in SQUEEZE_ROLES:
            return
        if seg.kind not in ACTIVE_KINDS and seg.kind is not SegmentKind.CALIBRATE:
            return
        channels = self._targeted or self._effort_channels
        if not channels:
            return
        threshold = np.full(self.n_columns, np.inf)
        for i in channels:
            history = self._history(i, t - BASELINE_S, t)
            if history.size < 3:
                continue
            base, sd = float(history.mean()), float(history.std())
            unit = self._display_unit(self._channel(i))
            threshold[i] = base + max(3.0 * sd, ONSET_MIN_RISE.get(unit, 0.0), 1e-12)
        self._onset = _Onset(t, tuple(channels), threshold)
        self._latency = None

    def set_paused(self, paused: bool, t: float) -> None:
        if paused and self._paused_at is None:
            self._close_segment(t)
            self._paused_at = t
        elif not paused and self._paused_at is not None:
            self._paused_at = None
            if self._segment_t is not None:
                self._segment_t = t  # active time restarts counting now

    def feed(self, window: Window) -> None:
        """Envelope samples (source units) that arrived since the previous call."""
        if window.n == 0 or window.data.shape[1] != self.n_columns:
            return
        t = window.t
        values = self.to_display(window.data)
        self._last_t = float(t[-1])
        last = values[-1]
        self._last_values = np.where(np.isfinite(last), last, self._last_values)
        self._tail.append((t, values))
        self._trim_tail()
        if self._paused_at is not None or self._segment is None:
            return
        seg = self._segment
        if seg.kind is SegmentKind.CALIBRATE:
            self._effort.append(np.asarray(window.data, dtype=np.float64))
        in_active = seg.kind in ACTIVE_KINDS
        band = self._band
        for ch in self.channels:
            col = values[:, ch.index]
            finite = col[np.isfinite(col)]
            if finite.size == 0:
                continue
            self._segment_sums[ch.index] += float(finite.sum())
            self._segment_n[ch.index] += int(finite.size)
            targeted = ch.index in self._targeted
            if band is not None and targeted:
                self._segment_zone_n[ch.index] += int(
                    ((finite >= band[0]) & (finite <= band[1])).sum()
                )
            if in_active and self._exercise is not None:
                stats = self._exercise.stats.setdefault(ch.index, _ChannelStats())
                stats.add(col, band if targeted else None)
        if in_active and self._exercise is not None:
            self._exercise.data_n += window.n
        self._follow_onset(t, values)
        self._follow_zone(t, values)

    # --- what the views read ---------------------------------------------------------------------
    def frame(self, now: float) -> LiveFrame:
        stale = self._last_t is None or now - self._last_t > STALE_S
        readings: list[Reading] = []
        exercise = self._exercise
        for ch in self.channels:
            value = math.nan if stale else float(self._last_values[ch.index])
            targeted = ch.index in self._targeted
            band = self._band if targeted else None
            zone = _zone_of(value, band)
            reps = 0
            if exercise is not None and ch.index in exercise.stats:
                reps = exercise.stats[ch.index].reps
            readings.append(
                Reading(
                    ch,
                    value,
                    self._display_unit(ch),
                    band,
                    zone,
                    reps if targeted else 0,
                    float(self._segment_zone_n[ch.index]) / self.fs if targeted else 0.0,
                )
            )
        group = self._group_value(stale)
        feedback: float | None = None
        seg = self._segment
        if (
            self._band is not None
            and seg is not None
            and seg.kind in ACTIVE_KINDS
            and self._paused_at is None
            and math.isfinite(group)
        ):
            feedback = min(max(group / (self._band[1] * TONE_HEADROOM), 0.0), 1.0)
        change, self._zone_change = self._zone_change, None
        return LiveFrame(
            tuple(readings),
            self._calibration_progress(),
            self._latency,
            self._onset is not None and self._latency is None,
            self._live_symmetry(),
            feedback,
            self._zone if feedback is not None else None,
            change,
            stale,
        )

    @property
    def targets(self) -> tuple[tuple[int, ...], tuple[float, float] | None]:
        """The current segment's targeted channel indices and band (display units)."""
        return self._targeted, self._band

    @property
    def calibrated(self) -> bool:
        return bool(self.mvc)

    def finish(self, t: float | None = None) -> list[ExerciseMetrics]:
        """Close the current segment (at ``t``, else the newest sample) and exercise; every
        exercise's metrics so far."""
        end = t if t is not None else self._last_t
        if end is not None:
            self._close_segment(end)
        self._close_exercise()
        return list(self._done)

    # --- units and targets -----------------------------------------------------------------------
    def to_display(self, envelope: FloatArray) -> FloatArray:
        """Envelope (source units) -> display units: %MVC where calibrated, mmHg for pressure."""
        out = np.array(envelope, dtype=np.float64, copy=True)
        if out.ndim == 1:
            out = out.reshape(-1, 1)
        for ch in self.channels:
            if ch.kind == "emg" and self.mvc.get(ch.index, 0.0) > 0:
                out[:, ch.index] *= 100.0 / self.mvc[ch.index]
            elif ch.kind == "pressure":
                out[:, ch.index] *= PRESSURE_UNITS.get(ch.unit.strip().lower(), 1.0)
        return out

    def _display_unit(self, ch: FeedChannel) -> str:
        if ch.kind == "emg" and self.mvc.get(ch.index, 0.0) > 0:
            return PERCENT_MVC
        if ch.kind == "pressure":
            return "mmHg"
        return ch.unit

    def _channel(self, index: int) -> FeedChannel:
        for ch in self.channels:
            if ch.index == index:
                return ch
        raise KeyError(index)

    def _target_for(
        self, segment: Segment
    ) -> tuple[tuple[int, ...], tuple[float, float] | None, str | None]:
        target = segment.target
        if target is None or segment.kind not in ACTIVE_KINDS:
            return (), None, None
        if target.pressure_mmhg is not None:
            chosen = [c for c in self.channels if c.kind == "pressure"]
            chosen = self._on_side(chosen, target, segment) or chosen
            return tuple(c.index for c in chosen), target.pressure_mmhg, "mmHg"
        assert target.mvc_percent is not None
        emg = [c for c in self.channels if c.kind == "emg" and self.mvc.get(c.index, 0.0) > 0]
        if target.channel is not None:
            named = [c for c in emg if c.name == target.channel]
            return tuple(c.index for c in named), target.mvc_percent, PERCENT_MVC
        on_muscle = [c for c in emg if c.muscle == target.muscle] or emg
        chosen = self._on_side(on_muscle, target, segment)
        return tuple(c.index for c in chosen), target.mvc_percent, PERCENT_MVC

    @staticmethod
    def _on_side(
        channels: list[FeedChannel], target: SensorTarget, segment: Segment
    ) -> list[FeedChannel]:
        side = target.side
        if side is Side.BOTH and segment.side in (Side.LEFT, Side.RIGHT):
            side = segment.side  # the working side of a one-sided exercise
        if side is Side.BOTH:
            return channels
        return [c for c in channels if c.side in (side, Side.BOTH)] or channels

    # --- calibration -----------------------------------------------------------------------------
    def _calibration_channels(self, segment: Segment) -> tuple[int, ...]:
        emg = [c for c in self.channels if c.kind == "emg"]
        muscle = (segment.exercise_id or "").removeprefix("mvc-")
        on_muscle = [c for c in emg if c.muscle == muscle] or emg
        side = segment.side or Side.BOTH
        if side is not Side.BOTH:
            on_muscle = [c for c in on_muscle if c.side in (side, Side.BOTH)] or on_muscle
        return tuple(c.index for c in on_muscle)

    def _finish_effort(self) -> None:
        if not self._effort or not self._effort_channels:
            self._effort = []
            return
        data = np.concatenate(self._effort, axis=0)
        self._effort = []
        cols = list(self._effort_channels)
        block = data[:, cols]
        block = np.where(np.isfinite(block), block, 0.0)
        if block.shape[0] < max(2, round(0.2 * self.fs)):
            return  # too little data to score (the sensor was lost)
        scores = best_window_mean(block, self.fs, MVC_WINDOW_S)
        for col, score in zip(cols, scores.tolist(), strict=True):
            if score > 0 and math.isfinite(score):
                self._effort_scores.setdefault(col, []).append(float(score))
                self.mvc[col] = max(self._effort_scores[col])

    def _calibration_progress(self) -> CalibrationProgress | None:
        seg = self._segment
        if seg is None or seg.kind is not SegmentKind.CALIBRATE or not self._effort_channels:
            return None
        cols = self._effort_channels
        levels = [float(self._last_values_raw(i)) for i in cols]
        finite = [v for v in levels if math.isfinite(v)]
        best_scores = [max(self._effort_scores.get(i, [0.0])) for i in cols]
        unit = self._channel(cols[0]).unit
        muscle = (seg.exercise_id or "").removeprefix("mvc-")
        where = pretty_muscle(muscle) if muscle else seg.label
        if seg.side in (Side.LEFT, Side.RIGHT):
            where = f"{where}, {seg.side.value}"
        return CalibrationProgress(
            where,
            tuple(self._channel(i).name for i in cols),
            seg.rep or 1,
            seg.reps or 1,
            max(finite) if finite else math.nan,
            max(best_scores),
            unit,
            muscle or None,
            seg.side,
        )

    def _last_values_raw(self, index: int) -> float:
        value = float(self._last_values[index])
        ch = self._channel(index)
        if ch.kind == "emg" and self.mvc.get(index, 0.0) > 0:
            return value * self.mvc[index] / 100.0
        return value

    # --- segment and exercise bookkeeping --------------------------------------------------------
    def _close_segment(self, t: float) -> None:
        seg, start = self._segment, self._segment_t
        if seg is None or start is None:
            return
        if seg.kind is SegmentKind.CALIBRATE:
            self._finish_effort()
        if seg.kind in ACTIVE_KINDS and self._exercise is not None and self._paused_at is None:
            self._exercise.active_s += max(t - start, 0.0)
        self._segment_t = t

    def _close_exercise(self) -> None:
        ex = self._exercise
        self._exercise = None
        if ex is None:
            return
        channels: list[ChannelMetrics] = []
        for ch in self.channels:
            stats = ex.stats.get(ch.index)
            if stats is None:
                stats = _ChannelStats()
            targeted = ch.index in ex.targeted
            unit = self._display_unit(ch)
            latency = float(np.median(stats.latencies)) if stats.latencies else None
            channels.append(
                ChannelMetrics(
                    channel=ch.name,
                    muscle=ch.muscle,
                    side=ch.side.value,
                    unit=unit,
                    peak=stats.peak if stats.n else None,
                    mean=stats.mean,
                    zone_s=(stats.zone_n / self.fs) if (targeted and ex.band) else None,
                    reps=stats.reps if targeted else 0,
                    onset_latency_s=latency,
                )
            )
        data_s = ex.data_n / self.fs
        gap = max(ex.active_s - data_s, 0.0)
        self._done.append(
            ExerciseMetrics(
                exercise=ex.name,
                exercise_id=ex.exercise_id,
                active_s=round(min(data_s, ex.active_s) if ex.active_s else data_s, 3),
                gap_s=round(gap, 3) if gap >= 0.5 else 0.0,
                band=ex.band,
                channels=channels,
                symmetry=self._symmetry_of(ex),
            )
        )

    def _symmetry_of(self, ex: _Exercise) -> float | None:
        targeted = [c for c in self.channels if c.index in ex.targeted]
        muscles = {c.muscle for c in targeted} or {c.muscle for c in self.channels}
        left = [c for c in self.channels if c.muscle in muscles and c.side is Side.LEFT]
        right = [c for c in self.channels if c.muscle in muscles and c.side is Side.RIGHT]
        if not left or not right:
            return None
        unit_l, unit_r = self._display_unit(left[0]), self._display_unit(right[0])
        if unit_l != unit_r:
            return None
        means_l = [ex.stats[c.index].mean for c in left if c.index in ex.stats]
        means_r = [ex.stats[c.index].mean for c in right if c.index in ex.stats]
        ml = [m for m in means_l if m is not None]
        mr = [m for m in means_r if m is not None]
        if not ml or not mr:
            return None
        value = symmetry_index(float(np.mean(ml)), float(np.mean(mr)))
        return None if math.isnan(value) else round(value, 4)

    def _live_symmetry(self) -> float | None:
        seg = self._segment
        if seg is None or seg.kind not in ACTIVE_KINDS:
            return None
        targeted = [c for c in self.channels if c.index in self._targeted]
        muscles = {c.muscle for c in targeted} or {c.muscle for c in self.channels}
        sides: dict[Side, list[float]] = {Side.LEFT: [], Side.RIGHT: []}
        for c in self.channels:
            if c.muscle in muscles and c.side in sides and self._segment_n[c.index]:
                sides[c.side].append(self._segment_sums[c.index] / self._segment_n[c.index])
        if not sides[Side.LEFT] or not sides[Side.RIGHT]:
            return None
        value = symmetry_index(float(np.mean(sides[Side.LEFT])), float(np.mean(sides[Side.RIGHT])))
        return None if math.isnan(value) else value

    # --- onset and zone following ----------------------------------------------------------------
    def _follow_onset(self, t: FloatArray, values: FloatArray) -> None:
        onset = self._onset
        if onset is None:
            return
        after = t >= onset.cue_t
        for i in onset.channels:
            if i in onset.found or not math.isfinite(float(onset.threshold[i])):
                continue
            col = values[:, i]
            for tt, v in zip(t[after].tolist(), col[after].tolist(), strict=True):
                if v > onset.threshold[i]:
                    since = onset.above_since.setdefault(i, tt)
                    if tt - since >= ONSET_HOLD_S:
                        onset.found[i] = since - onset.cue_t
                        break
                else:
                    onset.above_since.pop(i, None)
        if onset.found:
            self._latency = min(onset.found.values())
            if self._exercise is not None:
                for i, latency in onset.found.items():
                    self._exercise.stats.setdefault(i, _ChannelStats()).latencies.append(latency)
            self._onset = None
        elif t.size and float(t[-1]) - onset.cue_t > ONSET_GIVE_UP_S:
            self._onset = None

    def _group_value(self, stale: bool) -> float:
        if stale or not self._targeted:
            return math.nan
        values = [float(self._last_values[i]) for i in self._targeted]
        finite = [v for v in values if math.isfinite(v)]
        return float(np.mean(finite)) if finite else math.nan

    def _follow_zone(self, t: FloatArray, values: FloatArray) -> None:
        band = self._band
        if band is None or not self._targeted:
            return
        group = values[:, list(self._targeted)]
        with np.errstate(all="ignore"):
            means = np.nanmean(np.where(np.isfinite(group), group, np.nan), axis=1)
        for tt, v in zip(t.tolist(), means.tolist(), strict=True):
            if not math.isfinite(v):
                continue
            zone = _zone_of(v, band)
            if zone == self._zone:
                self._zone_candidate = None
                continue
            if self._zone_candidate is None or self._zone_candidate[0] != zone:
                self._zone_candidate = (zone, tt)
            since = self._zone_candidate[1]
            needed = ENTER_HOLD_S if zone is Zone.IN else LEAVE_HOLD_S
            if self._zone is None or tt - since >= needed:
                was_in = self._zone is Zone.IN
                self._zone, self._zone_candidate = zone, None
                if zone is Zone.IN and not was_in:
                    self._zone_change = "enter"
                elif was_in and zone is not Zone.IN:
                    self._zone_change = "leave"

    # --- recent history --------------------------------------------------------------------------
    def _trim_tail(self) -> None:
        if self._last_t is None:
            return
        keep_from = self._last_t - BASELINE_S - 0.1
        while self._tail and float(self._tail[0][0][-1]) < keep_from:
            self._tail.pop(0)

    def _history(self, index: int, t0: float, t1: float) -> FloatArray:
        parts = []
        for t, values in self._tail:
            mask = (t >= t0) & (t <= t1)
            if mask.any():
                col = values[mask, index]
                parts.append(col[np.isfinite(col)])
        return np.concatenate(parts) if parts else np.empty(0)


def _zone_of(value: float, band: tuple[float, float] | None) -> Zone | None:
    if band is None or not math.isfinite(value):
        return None
    if value < band[0]:
        return Zone.BELOW
    if value > band[1]:
        return Zone.ABOVE
    return Zone.IN
