"""How timelines and libraries are written for people (text) and programs (JSON)."""

from __future__ import annotations

from typing import Any

from glute_coach.core.timeline import Segment, Timeline, TimelineCue


def clock(seconds: float) -> str:
    """m:ss, or h:mm:ss past an hour; tenths only when they matter."""
    whole = int(seconds)
    tenths = round((seconds - whole) * 10)
    if tenths == 10:
        whole, tenths = whole + 1, 0
    h, rem = divmod(whole, 3600)
    m, s = divmod(rem, 60)
    text = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
    return f"{text}.{tenths}" if tenths else text


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    return {
        "id": timeline.routine_id,
        "title": timeline.title,
        "total_s": timeline.total_s,
        "segments": [_segment_json(s) for s in timeline.segments],
        "cues": [_cue_json(c) for c in timeline.cues],
    }


def _segment_json(seg: Segment) -> dict[str, Any]:
    return {
        "index": seg.index,
        "kind": seg.kind.value,
        "label": seg.label,
        "side": seg.side.value if seg.side else None,
        "set": seg.set,
        "rep": seg.rep,
        "start_s": seg.start_s,
        "duration_s": seg.duration_s,
        "end_s": seg.end_s,
        "step": seg.block,
        "sets": seg.sets,
        "reps": seg.reps,
        "phase": seg.phase,
        "exercise_id": seg.exercise_id,
        "image": seg.image,
        "target": seg.target.model_dump(mode="json", exclude_none=True) if seg.target else None,
    }


def _cue_json(cue: TimelineCue) -> dict[str, Any]:
    return {
        "at_s": cue.at_s,
        "kind": cue.kind.value,
        "text": cue.text,
        "clip": cue.clip,
        "segment": cue.segment,
        "role": cue.role.value,
        "tone": cue.tone.value if cue.tone else None,
    }


def _cue_text(cue: TimelineCue) -> str:
    if cue.kind.value == "clip":
        return f"clip {cue.clip}" + (f' "{cue.text}"' if cue.text else "")
    if cue.text:
        return f'{cue.kind.value} "{cue.text}"'
    return f"beep ({cue.tone.value if cue.tone else 'go'})"


def timeline_text(timeline: Timeline) -> str:
    lines = [
        f"{timeline.title} ({timeline.routine_id})",
        f"Total {clock(timeline.total_s)} in {len(timeline.segments)} segments, {len(timeline.cues)} cues",
        "",
        f"{'#':>4}  {'start':>7}  {'length':>6}  {'kind':<12} {'side':<5} {'set':>5} {'rep':>5}  label",
    ]
    by_segment: dict[int, list[TimelineCue]] = {}
    for cue in timeline.cues:
        by_segment.setdefault(cue.segment, []).append(cue)
    for seg in timeline.segments:
        set_text = f"{seg.set}/{seg.sets}" if seg.set and seg.sets else ""
        rep_text = f"{seg.rep}/{seg.reps}" if seg.rep and seg.reps else ""
        lines.append(
            f"{seg.index:>4}  {clock(seg.start_s):>7}  {clock(seg.duration_s):>6}  "
            f"{seg.kind.value:<12} {(seg.side.value if seg.side else ''):<5} "
            f"{set_text:>5} {rep_text:>5}  {seg.label}"
        )
        spoken = [c for c in by_segment.get(seg.index, []) if c.text or c.clip]
        beeps = len(by_segment.get(seg.index, [])) - len(spoken)
        for cue in spoken:
            lines.append(f"{'':>6}{'':>6}@ {clock(cue.at_s):>6}  {_cue_text(cue)}")
        if beeps:
            lines.append(f"{'':>12}+ {beeps} beep{'s' if beeps > 1 else ''}")
    return "\n".join(lines)
