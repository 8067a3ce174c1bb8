"""Sensor profiles: JSON round trip, atomic writes, unreadable files reported, role guesses."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from glute_coach.core.routine import Side
from glute_coach.sensors.profile import (
    MUSCLES,
    PROFILES_DIR,
    ChannelRole,
    SensorProfile,
    delete_profile,
    find_profile,
    guess_role,
    load_profiles,
    profile_path,
    roles_for,
    save_profile,
)

PROFILE = SensorProfile(
    name="Both glutes",
    spec="sim:channels=2,kind=emg",
    channels=[
        ChannelRole(channel="left", muscle="gluteus_maximus", side=Side.LEFT),
        ChannelRole(channel="right", muscle="gluteus_maximus", side=Side.RIGHT, use=False),
    ],
)


def test_round_trip(tmp_path: Path) -> None:
    path = save_profile(PROFILE, tmp_path)
    assert path == profile_path(tmp_path, "Both glutes") == tmp_path / "both-glutes.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1
    loaded = load_profiles(tmp_path)
    assert loaded.problems == []
    assert loaded.profiles == [PROFILE]
    assert find_profile(tmp_path, "  both   GLUTES ") == PROFILE
    assert find_profile(tmp_path, "nobody") is None
    assert PROFILES_DIR == "sensor-profiles"


def test_saving_again_replaces(tmp_path: Path) -> None:
    save_profile(PROFILE, tmp_path)
    changed = PROFILE.model_copy(update={"spec": "sim:channels=4"})
    save_profile(changed, tmp_path)
    assert load_profiles(tmp_path).profiles == [changed]


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure before the rename leaves the old file whole and no temporary file behind."""
    path = save_profile(PROFILE, tmp_path)
    before = path.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="No space"):
        save_profile(PROFILE.model_copy(update={"spec": "sim:channels=3"}), tmp_path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["both-glutes.json"]


def test_leftover_temporary_file_is_ignored(tmp_path: Path) -> None:
    save_profile(PROFILE, tmp_path)
    (tmp_path / ".profile-abc123.json").write_text("", encoding="utf-8")  # a crash mid-save
    loaded = load_profiles(tmp_path)
    assert loaded.profiles == [PROFILE]
    assert loaded.problems == []


def test_bad_files_are_reported_not_raised(tmp_path: Path) -> None:
    save_profile(PROFILE, tmp_path)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "wrong.json").write_text(json.dumps({"version": 1, "name": "x"}), encoding="utf-8")
    (tmp_path / "badspec.json").write_text(
        json.dumps({"version": 1, "name": "Bad", "spec": "nosuchkind:1"}), encoding="utf-8"
    )
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    loaded = load_profiles(tmp_path)
    assert loaded.profiles == [PROFILE]
    assert len(loaded.problems) == 4
    text = "\n".join(loaded.problems)
    assert "broken.json: is not valid JSON (line 1)" in text
    assert "wrong.json: spec" in text
    assert "badspec.json: spec" in text
    assert "unknown sensor kind" in text
    assert "binary.json" in text


def test_missing_folder_is_empty(tmp_path: Path) -> None:
    loaded = load_profiles(tmp_path / "nowhere")
    assert loaded.profiles == []
    assert loaded.problems == []
    assert delete_profile(tmp_path / "nowhere", "x") is False


def test_delete(tmp_path: Path) -> None:
    save_profile(PROFILE, tmp_path)
    assert delete_profile(tmp_path, "Both glutes") is True
    assert delete_profile(tmp_path, "Both glutes") is False
    assert load_profiles(tmp_path).profiles == []


def test_delete_finds_a_file_saved_under_another_name(tmp_path: Path) -> None:
    save_profile(PROFILE, tmp_path).rename(tmp_path / "copied.json")
    assert delete_profile(tmp_path, "both glutes") is True
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("channel", "side", "muscle"),
    [
        ("left", Side.LEFT, "gluteus_maximus"),
        ("right", Side.RIGHT, "gluteus_maximus"),
        ("L1", Side.LEFT, "gluteus_maximus"),
        ("R2", Side.RIGHT, "gluteus_maximus"),
        ("glute_med_L", Side.LEFT, "gluteus_medius"),
        ("emg", Side.BOTH, None),
        ("left pressure", Side.LEFT, "gluteus_maximus"),
        ("Gluteus maximus rechts", Side.RIGHT, "gluteus_maximus"),
        ("exg1", Side.BOTH, None),
    ],
)
def test_guess_role(channel: str, side: Side, muscle: str | None) -> None:
    role = guess_role(channel)
    assert role == ChannelRole(channel=channel, muscle=muscle, side=side, use=True)
    assert role.muscle is None or role.muscle in MUSCLES


def test_roles_for_prefers_the_profile() -> None:
    roles = roles_for(["left", "right", "R3"], PROFILE)
    assert roles["left"] == PROFILE.channels[0]
    assert roles["right"].use is False
    assert roles["R3"] == guess_role("R3")
    assert roles_for(["emg"])["emg"] == guess_role("emg")


@pytest.mark.parametrize("spec", ["", "   ", "nosuchkind", "sim:channels=0", "serial:", "lsl:"])
def test_bad_spec_is_rejected(spec: str) -> None:
    with pytest.raises(ValidationError):
        SensorProfile(name="x", spec=spec)


def test_bad_name_is_rejected() -> None:
    with pytest.raises(ValidationError, match="name"):
        SensorProfile(name="   ", spec="sim")
    assert SensorProfile(name="  two   words ", spec=" sim ").name == "two words"
    assert SensorProfile(name="x", spec=" sim ").spec == "sim"
