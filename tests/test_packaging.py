"""What Glute Coach ships: one version everywhere, a wheel and sdist that carry the app's files,
and desktop metadata that validates. (scripts/dist builds and runs the real artefacts.)"""

from __future__ import annotations

import configparser
import importlib.metadata
import json
import shutil
import struct
import subprocess
import sys
import tarfile
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from glute_coach import __version__

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DESKTOP = PACKAGING / "glute-coach.desktop"
KIOSK_DESKTOP = PACKAGING / "kiosk" / "glute-coach-kiosk.desktop"
METAINFO = PACKAGING / "io.github.glutecoach.GluteCoach.metainfo.xml"
MIME = PACKAGING / "glute-coach-routine.xml"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)

sys.path.insert(0, str(PACKAGING))
import bundle_trim  # noqa: E402 - packaging/ is no package: the spec imports it the same way


def test_one_version_in_metadata_package_and_cli() -> None:
    metadata = importlib.metadata.version("glute-coach")
    assert metadata == __version__, (
        "package metadata is stale: reinstall (.venv/bin/pip install -e '.[dev]') after changing "
        "glute_coach/__init__.py's __version__"
    )
    done = subprocess.run(
        [sys.executable, "-m", "glute_coach", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == f"glute-coach {__version__}"


def test_changelog_has_this_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in text
    assert f"## [{__version__}]" in text


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sdist and the wheel built from it, as `python -m build` makes them (a few seconds)."""
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheel = out / f"glute_coach-{__version__}-py3-none-any.whl"
    sdist = out / f"glute_coach-{__version__}.tar.gz"
    assert wheel.is_file(), sorted(p.name for p in out.iterdir())
    assert sdist.is_file(), sorted(p.name for p in out.iterdir())
    return {"wheel": wheel, "sdist": sdist}


def test_wheel_carries_the_app_files(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built["wheel"]) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"glute_coach-{__version__}.dist-info/METADATA").decode()
        entry_points = wheel.read(f"glute_coach-{__version__}.dist-info/entry_points.txt").decode()
    expected = {"glute_coach/routines/schema.json", "glute_coach/assets/icons/glute-coach.svg"}
    expected |= {f"glute_coach/routines/{p.name}" for p in (ROOT / "routines").glob("*.json")}
    expected |= {
        f"glute_coach/assets/{p.relative_to(ROOT / 'assets').as_posix()}"
        for p in (ROOT / "assets").rglob("*")
        if p.is_file()
    }
    qm = {
        f"glute_coach/translations/{p.name}"
        for p in (ROOT / "glute_coach/translations").glob("*.qm")
    }
    assert qm, "no compiled translations in glute_coach/translations"
    expected |= qm
    expected |= {
        f"glute_coach/sensors/ble_profiles/{p.name}"
        for p in (ROOT / "glute_coach/sensors/ble_profiles").glob("*.json")
    }
    assert expected - names == set()
    assert f"\nVersion: {__version__}\n" in metadata
    assert "glute-coach = glute_coach.cli.main:main" in entry_points


def test_sdist_carries_sources_and_packaging(built: dict[str, Path]) -> None:
    prefix = f"glute_coach-{__version__}/"
    with tarfile.open(built["sdist"]) as sdist:
        names = {name.removeprefix(prefix) for name in sdist.getnames()}
    for needed in (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "glute_coach/__init__.py",
        "routines/schema.json",
        "assets/icons/glute-coach.svg",
        "packaging/glute-coach.spec",
        "packaging/io.github.glutecoach.GluteCoach.metainfo.xml",
        "packaging/icons/hicolor/256x256/apps/glute-coach.png",
        "scripts/dist",
    ):
        assert needed in names, needed


def _desktop_entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file() -> None:
    entry = _desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "glute-coach"
    assert entry["Icon"] == "glute-coach"
    mime_type = ET.parse(MIME).getroot()[0].get("type")
    assert f"{mime_type};" in entry["MimeType"]


@pytest.mark.parametrize("desktop", [DESKTOP, KIOSK_DESKTOP], ids=lambda p: p.name)
def test_desktop_files_validate(desktop: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    done = subprocess.run([tool, str(desktop)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_has_the_required_tags() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component"
    assert component.get("type") == "desktop-application"
    for tag in ("id", "name", "summary", "metadata_license", "project_license", "description"):
        element = component.find(tag)
        assert element is not None, tag
        assert "".join(element.itertext()).strip(), tag
    assert component.findtext("id") == "io.github.glutecoach.GluteCoach"
    launchable = component.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert component.findtext("provides/binary") == "glute-coach"
    mime_type = ET.parse(MIME).getroot()[0].get("type")
    assert component.findtext("provides/mediatype") == mime_type
    releases = component.findall("releases/release")
    assert releases
    assert releases[0].get("version") == __version__
    assert component.find("content_rating") is not None


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    done = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icon_set() -> None:
    for size in ICON_SIZES:
        png = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "glute-coach.png"
        assert _png_size(png) == (size, size)
    assert (PACKAGING / "windows" / "glute-coach.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (PACKAGING / "macos" / "glute-coach.icns").read_bytes()[:4] == b"icns"


def test_pyinstaller_spec_and_installer_script() -> None:
    spec = (PACKAGING / "glute-coach.spec").read_text(encoding="utf-8")
    compile(spec, "glute-coach.spec", "exec")  # at least valid Python
    for needed in ('"QtWebEngineCore"', '"tkinter"', '"matplotlib"', "libqxcb", "libqoffscreen"):
        assert needed in spec, needed
    iss = (PACKAGING / "windows" / "glute-coach.iss").read_text(encoding="utf-8")
    assert "dist\\glute-coach" in iss


# --- trimming the Linux bundle (packaging/bundle_trim.py, used by the spec) -------------------
linux_build_tools = pytest.mark.skipif(
    sys.platform != "linux" or not bundle_trim.have_build_tools(),
    reason="needs Linux, binutils and icupkg (icu-devtools)",
)


def test_icu_items_kept_are_the_app_languages_and_what_qt_uses() -> None:
    items = [
        "root.res",
        "pool.res",
        "res_index.res",
        "de.res",
        "de_AT.res",
        "en_GB.res",
        "fr.res",
        "coll/root.res",
        "coll/de.res",
        "coll/fr.res",
        "coll/es_.res",
        "coll/ucadata.icu",
        "zone/de.res",
        "zone/ja.res",
        "zone/tzdbNames.res",
        "supplementalData.res",
        "zoneinfo64.res",
        "metaZones.res",
        "cnvalias.icu",
        "ibm-943_P15A-2003.cnv",
        "brkitr/root.res",
        "brkitr/cjdict.dict",
        "translit/root.res",
        "uts46.nrm",
    ]
    dropped = set(bundle_trim.icu_items_dropped(items, {"en", "de"}))
    assert dropped == {
        "fr.res",
        "coll/fr.res",
        "coll/es_.res",
        "zone/ja.res",
        "ibm-943_P15A-2003.cnv",
        "brkitr/root.res",
        "brkitr/cjdict.dict",
        "translit/root.res",
    }


@linux_build_tools
def test_small_icu_data_serves_qt_in_the_app_languages(tmp_path: Path) -> None:
    """Qt's collation, time-zone names and case mapping work from the reduced ICU data in German
    and English; other locales fall back to the root data; legacy converters are gone (which
    also proves the copy, not the original, was loaded)."""
    import PySide6

    pyside = Path(PySide6.__file__).parent
    original = pyside / "Qt" / "lib"
    icudata = next(original.glob("libicudata.so.*"))
    small = bundle_trim.small_icu_data(icudata, {"en", "de"}, tmp_path / "icu")
    assert small.stat().st_size < icudata.stat().st_size / 4

    # A PySide6 with only QtCore, whose Qt libraries sit next to the reduced ICU data.
    copy = tmp_path / "site" / "PySide6"
    (copy / "Qt" / "lib").mkdir(parents=True)
    for item in pyside.iterdir():
        if item.suffix == ".py" or item.name.startswith(("QtCore.abi3", "libpyside6.abi3")):
            shutil.copy2(item, copy / item.name)
    shutil.copytree(pyside / "support", copy / "support")
    for lib in original.glob("lib*"):
        if lib.name.startswith(("libQt6Core.so", "libicu")):
            shutil.copy2(lib, copy / "Qt" / "lib" / lib.name)
    shutil.copy2(small, copy / "Qt" / "lib" / icudata.name)
    (copy.parent / "shiboken6").symlink_to(pyside.parent / "shiboken6")

    probe = """
import functools, json
from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone
def order(locale):
    collator = QCollator(QLocale(locale))
    return sorted(["Zebra", "Übung", "apple", "Äpfel", "Öl"], key=functools.cmp_to_key(collator.compare))
def zone(locale):
    berlin = QTimeZone(b"Europe/Berlin")
    return berlin.displayName(QTimeZone.StandardTime, QTimeZone.LongName, QLocale(locale))
print(json.dumps({
    "de": order("de_DE"), "en": order("en_GB"), "fr": order("fr_FR"),
    "zone_de": zone("de_DE"), "zone_en": zone("en_US"), "zone_fr": zone("fr_FR"),
    "upper": QLocale("de_DE").toUpper("straße"),
    "shift_jis": QStringDecoder("Shift_JIS").isValid(), "utf8": QStringDecoder("UTF-8").isValid(),
}))
"""
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env={"PYTHONPATH": str(copy.parent), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert "collator" not in done.stderr.lower(), done.stderr
    seen = json.loads(done.stdout)
    assert seen["de"] == seen["en"] == ["Äpfel", "apple", "Öl", "Übung", "Zebra"]
    assert seen["fr"] == seen["de"]  # French falls back to the root collation
    assert seen["zone_de"] == "Mitteleuropäische Normalzeit"
    assert seen["zone_en"] == seen["zone_fr"] == "Central European Standard Time"
    assert seen["upper"] == "STRASSE"
    assert seen["utf8"]
    assert not seen["shift_jis"]


def _system_library(name: str) -> str:
    for folder in (
        "/usr/lib/x86_64-linux-gnu",
        "/usr/lib/aarch64-linux-gnu",
        "/usr/lib64",
        "/usr/lib",
    ):
        if (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    pytest.skip(f"no {name} here")


@linux_build_tools
def test_host_libraries_and_what_only_they_needed_stay_out() -> None:
    import _sqlite3

    binaries = [
        ("lib-dynload/_sqlite3.so", _sqlite3.__file__, "EXTENSION"),
        ("libsqlite3.so.0", _system_library("libsqlite3.so.0"), "BINARY"),
        ("libfontconfig.so.1", _system_library("libfontconfig.so.1"), "BINARY"),
        ("libfreetype.so.6", _system_library("libfreetype.so.6"), "BINARY"),
        ("libpng16.so.16", _system_library("libpng16.so.16"), "BINARY"),  # freetype's only
        ("libportaudio.so.2", _system_library("libportaudio.so.2"), "BINARY"),  # ctypes loads it
    ]
    kept = [dest for dest, _, _ in bundle_trim.without_host_libraries(binaries)]
    assert kept == ["lib-dynload/_sqlite3.so", "libsqlite3.so.0", "libportaudio.so.2"]


def test_identical_libraries_become_links(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"\x7fELF same")
    (tmp_path / "b").write_bytes(b"\x7fELF same")
    (tmp_path / "c").write_bytes(b"\x7fELF other")
    binaries = [
        ("numpy.libs/libgfortran.so.5", str(tmp_path / "a"), "BINARY"),
        ("scipy.libs/libgfortran.so.5", str(tmp_path / "b"), "BINARY"),
        ("scipy.libs/libquadmath.so.0", str(tmp_path / "c"), "BINARY"),
        ("other/libgfortran.so.5", str(tmp_path / "c"), "BINARY"),
    ]
    assert bundle_trim.linked_duplicates(binaries) == [
        binaries[0],
        ("scipy.libs/libgfortran.so.5", "../numpy.libs/libgfortran.so.5", "SYMLINK"),
        binaries[2],
        binaries[3],
    ]
