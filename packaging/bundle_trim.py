"""What glute-coach.spec does to the Linux bundle beyond PyInstaller's defaults, to keep it small
without leaving out anything the app runs:

- ``small_icu_data``: Qt links ICU, whose data library (libicudata, 31 MiB) holds every locale,
  converter and dictionary ICU has. Qt uses four ICU services (collation, case mapping, time-zone
  names, legacy text converters). The copy keeps the locale data of the app's own languages and
  the root locale, and drops legacy converters, break-iterator dictionaries and transliterators,
  the way Node's "small-icu" build does (4 MiB). Other locales fall back to the root data.
- ``HOST_LIBRARIES`` / ``without_host_libraries``: libraries that must match the machine's own
  display, font and sound set-up are not bundled (the AppImage project's exclude list: a bundled
  ALSA or fontconfig cannot read a newer system's configuration).
- ``stripped``: symbol tables removed from libraries that are not wheel-repaired (system libraries,
  Python's, brainflow's). Libraries patched by auditwheel (numpy, scipy) are left untouched:
  stripping patchelf-modified files is a known way to break them.
- ``linked_duplicates``: byte-identical copies of one library (numpy and scipy each ship the same
  libgfortran) become a symbolic link to the first.

Build tools: binutils (readelf, strip, as, ld) and icupkg (Debian/Ubuntu: icu-devtools).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

TocEntry = tuple[str, str, str]  # PyInstaller: (destination, source, type)

# From the AppImage exclude list (github.com/AppImageCommunity/pkg2appimage, "excludelist"): the
# ones PyInstaller would otherwise bundle here. A bundled libstdc++ or glib older than the
# machine's breaks the machine's own plug-ins loaded into the app (Mesa's drivers, GIO modules);
# the bundle needs a glibc as new as the build machine's anyway, and such systems have both.
# glib's smaller libraries (gmodule, gthread) go with it. Not followed for libjack: the bundled
# PortAudio needs it, and few machines have JACK.
HOST_LIBRARIES = frozenset(
    {
        "libasound.so.2",
        "libexpat.so.1",
        "libfontconfig.so.1",
        "libfreetype.so.6",
        "libgcc_s.so.1",
        "libgio-2.0.so.0",
        "libglib-2.0.so.0",
        "libgmodule-2.0.so.0",
        "libgobject-2.0.so.0",
        "libgpg-error.so.0",
        "libgthread-2.0.so.0",
        "libstdc++.so.6",
        "libusb-1.0.so.0",
        "libuuid.so.1",
        "libX11.so.6",
        "libz.so.1",
    }
)

# ICU items Qt never opens: break-iterator rules and dictionaries (Qt has its own text
# boundaries), transliterators, and legacy converters (the app reads and writes UTF-8; Qt
# converts UTF-8/16/32 and Latin-1 itself).
_ICU_TREES_DROPPED = ("brkitr/", "translit/")
_ICU_ALWAYS_KEPT = {"root.res", "pool.res", "res_index.res"}
_ICU_LOCALE = re.compile(r"(?P<language>[a-z]{2,3})(?:_\w*)?\.res")


def _run(*args: str | Path) -> str:
    return subprocess.run(
        [str(arg) for arg in args], capture_output=True, text=True, check=True
    ).stdout


def icu_items_dropped(items: Iterable[str], languages: Iterable[str]) -> list[str]:
    """The ICU data items (``coll/fr.res``, ``ibm-943_P15A-2003.cnv``, ...) not needed for these
    languages."""
    kept_languages = set(languages)
    dropped = []
    for item in items:
        name = item.rpartition("/")[2]
        if item.startswith(_ICU_TREES_DROPPED) or name.endswith(".cnv"):
            dropped.append(item)
            continue
        locale = _ICU_LOCALE.fullmatch(name)
        if locale and name not in _ICU_ALWAYS_KEPT and locale["language"] not in kept_languages:
            dropped.append(item)
    return dropped


def _icu_data_symbol(lib: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the ICU common data (``icudtNN_dat``) inside ``lib``."""
    symbols = _run("readelf", "-W", "--dyn-syms", lib)
    found = re.search(
        r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL.*\s(icudt\d+_dat)$", symbols, re.M
    )
    if not found:
        raise ValueError(f"{lib}: no icudtNN_dat symbol")
    address, size, name = int(found[1], 16), int(found[2], 0), found[3]
    for line in _run("readelf", "-W", "-S", lib).splitlines():
        section = re.match(
            r"\s*\[\s*\d+\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)", line
        )
        if section:
            start, offset, length = (int(part, 16) for part in section.groups())
            if start <= address < start + length:
                return name, offset + address - start, size
    raise ValueError(f"{lib}: {name} lies in no section")


def small_icu_data(lib: Path, languages: Iterable[str], workdir: Path) -> Path:
    """A copy of ``lib`` (libicudata.so.NN) with the ICU data for ``languages`` (and the root
    locale) only, built in ``workdir``; same soname and symbol, so ICU cannot tell."""
    workdir.mkdir(parents=True, exist_ok=True)
    symbol, offset, size = _icu_data_symbol(lib)
    with lib.open("rb") as elf:
        elf.seek(offset)
        data = elf.read(size)
    # The package name inside the file (icudt73l) must match what ICU looks for: the 'l'/'b'
    # is the byte order recorded in the data header.
    package = symbol.removesuffix("_dat") + ("b" if data[8] else "l")
    full = workdir / "full" / f"{package}.dat"
    small = workdir / "small" / f"{package}.dat"
    for path in (full, small):
        path.parent.mkdir(parents=True, exist_ok=True)
    full.write_bytes(data)

    items = _run("icupkg", "-l", full).split()
    drop_list = workdir / "dropped.txt"
    drop_list.write_text("\n".join(icu_items_dropped(items, languages)) + "\n", encoding="utf-8")
    small.unlink(missing_ok=True)
    _run("icupkg", "-r", drop_list, full, small)

    # The data as a read-only, 16-byte-aligned global object, as ICU's own build lays it out.
    assembly = workdir / "icudata.s"
    assembly.write_text(
        '\t.section .note.GNU-stack,"",%progbits\n'
        "\t.section .rodata\n"
        "\t.balign 16\n"
        f"\t.globl {symbol}\n"
        f"\t.type {symbol},%object\n"
        f"{symbol}:\n"
        f'\t.incbin "{small}"\n'
        f"\t.size {symbol}, .-{symbol}\n",
        encoding="utf-8",
    )
    soname = re.search(r"\(SONAME\)\s+Library soname: \[(.+)\]", _run("readelf", "-d", lib))
    out = workdir / "lib" / lib.name
    out.parent.mkdir(parents=True, exist_ok=True)
    _run("as", "-o", workdir / "icudata.o", assembly)
    _run(
        "ld",
        "-shared",
        "-z",
        "noexecstack",
        "-soname",
        soname[1] if soname else lib.name,
        "-o",
        out,
        workdir / "icudata.o",
    )
    return out


def without_host_libraries(binaries: Iterable[TocEntry]) -> list[TocEntry]:
    """The bundle without ``HOST_LIBRARIES``, and without the system libraries only they needed
    (libpng for freetype, libXau for libxcb ...): left in, those would be found before the
    machine's own copies by the machine's libraries."""
    kept = [entry for entry in binaries if Path(entry[0]).name not in HOST_LIBRARIES]
    while True:
        needed = {name for _, src, _ in kept for name in _needed(Path(src))}
        orphans = {
            dest
            for dest, src, kind in kept
            if kind == "BINARY"
            and "/" not in dest
            and src.startswith(_SYSTEM_LIBRARY_DIRS)
            and Path(dest).name not in needed
            and not Path(dest).name.startswith(_LOADED_BY_NAME)
        }
        if not orphans:
            return kept
        kept = [entry for entry in kept if entry[0] not in orphans]


# System libraries the bundle loads by name at run time, not through a NEEDED entry.
_LOADED_BY_NAME = ("libpython", "libportaudio")
_SYSTEM_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")


def _needed(binary: Path) -> list[str]:
    if not binary.is_file() or not _is_elf(binary):
        return []
    dynamic = _run("readelf", "-d", "-W", binary)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", dynamic)


def _repaired_by_auditwheel(src: Path) -> bool:
    """True for a file of a wheel whose libraries auditwheel grafted and patched (numpy,
    scipy: they come with a ``<package>.libs`` folder beside the package)."""
    for parent in src.parents:
        if parent.name.endswith(".libs") or (parent.parent / f"{parent.name}.libs").is_dir():
            return True
    return False


def _is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


def stripped(entry: TocEntry, workdir: Path) -> TocEntry:
    """The entry, with its binary replaced by a copy without symbol table and debug sections
    when it has them and is safe to strip."""
    dest, src, kind = entry
    source = Path(src)
    if (
        kind not in {"BINARY", "EXTENSION"}
        or not _is_elf(source)
        or _repaired_by_auditwheel(source)
    ):
        return entry
    sections = _run("readelf", "-S", "-W", source)
    if ".symtab" not in sections and ".debug_info" not in sections:
        return entry
    out = workdir / dest
    out.parent.mkdir(parents=True, exist_ok=True)
    _run("strip", "--strip-unneeded", "-o", out, source)
    return (dest, str(out), kind)


def linked_duplicates(binaries: Iterable[TocEntry]) -> list[TocEntry]:
    """Byte-identical libraries of the same name collected twice: the second becomes a
    relative symbolic link to the first."""
    binaries = list(binaries)
    names = Counter(Path(dest).name for dest, _, kind in binaries if kind == "BINARY")
    first: dict[tuple[str, str], str] = {}
    result = []
    for dest, src, kind in binaries:
        # only a name collected more than once can be a copy: hash just those
        if kind == "BINARY" and names[Path(dest).name] > 1 and os.path.isfile(src):
            digest = hashlib.sha256(Path(src).read_bytes()).hexdigest()
            key = (Path(dest).name, digest)
            if key in first:
                target = os.path.relpath(first[key], os.path.dirname(dest) or ".")
                result.append((dest, target, "SYMLINK"))
                continue
            first[key] = dest
        result.append((dest, src, kind))
    return result


def have_build_tools() -> bool:
    return all(shutil.which(tool) for tool in ("readelf", "strip", "as", "ld", "icupkg"))
