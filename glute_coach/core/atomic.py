"""Writing a file so that a crash leaves the old file or the new one, never half of either.

One way for the whole app: a temporary file beside the target (``mkstemp``: private to this
user), flushed and fsync'd, then renamed over the target.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def replace_atomically(
    path: Path, write: Callable[[Path], None], *, shareable: bool = False
) -> Path:
    """Run ``write`` on a temporary file beside ``path`` (making its folder), then rename the
    result over ``path``; returns ``path``. ``shareable``: the file gets the permissions of any
    new file (a handout, a report, a package) instead of staying private to this user."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        if shareable:
            readable_as_umask_allows(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def write_text_atomic(path: Path, text: str, *, newline: str | None = None) -> Path:
    """Write ``text`` (UTF-8) to ``path`` atomically, making its folder; returns ``path``.

    ``newline=""`` keeps line endings exactly as given (e.g. the CRLF of an .ics file).
    """

    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())

    return replace_atomically(path, write)


def readable_as_umask_allows(path: Path) -> None:
    """Give a file made by ``mkstemp`` (private) the permissions of any new file: for files
    meant to be shared (a handout, a report, a package)."""
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o666 & ~umask)
