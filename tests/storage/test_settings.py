"""Settings: defaults declared once, versioned upgrades, corrupt files moved aside."""

from __future__ import annotations

import json
from pathlib import Path

from glute_coach.storage.settings import (
    SETTINGS_VERSION,
    Settings,
    Theme,
    load_settings,
    save_settings,
    settings_path,
)


def test_missing_file_gives_defaults_without_a_notice() -> None:
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert loaded.notice is None


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    chosen = Settings(theme=Theme.HIGH_CONTRAST, font_scale=1.5, voice_language="de", muted=True)
    save_settings(chosen, path)
    assert json.loads(path.read_text())["version"] == SETTINGS_VERSION
    assert load_settings(path).settings == chosen
    assert list(tmp_path.iterdir()) == [path]  # no temporary files left behind


def test_default_location_is_the_user_config_folder() -> None:
    save_settings(Settings(flash_on_cue=True))
    assert settings_path().is_file()
    assert load_settings().settings.flash_on_cue


def test_version_1_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"version": 1, "volume": 0.3, "dark_mode": True, "font_scale": 1.25})
    )
    loaded = load_settings(path)
    assert loaded.notice is None
    assert loaded.settings.voice_volume == 0.3
    assert loaded.settings.beep_volume == 0.3
    assert loaded.settings.theme is Theme.DARK
    assert loaded.settings.font_scale == 1.25


def test_corrupt_file_is_moved_aside_and_the_user_told(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 2, "theme": ')
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.notice is not None
    assert "defaults are in use" in loaded.notice
    assert not path.exists()
    kept = list(tmp_path.glob("settings.json.corrupt-*"))
    assert len(kept) == 1
    assert kept[0].read_text() == '{"version": 2, "theme": '
    assert load_settings(path).notice is None  # told once: the next start is clean


def test_future_version_is_not_guessed_at(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 99, "theme": "dark"}))
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.notice is not None


def test_one_bad_value_falls_back_alone(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, "font_scale": 40, "theme": "dark", "unknown": 1}))
    loaded = load_settings(path)
    assert loaded.settings.font_scale == Settings().font_scale
    assert loaded.settings.theme is Theme.DARK
    assert loaded.notice is not None
    assert "font_scale" in loaded.notice
