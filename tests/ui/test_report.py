"""The progress report: a real session history in, a PDF a therapist can read in a minute out.

Pages are checked as a person meets them: pdftoppm renders each one (none may be blank) and
pdftotext reads the words (routine names, pain, the session flagged for a pain rise, the sensor
measurements). Without poppler-utils these tests skip on a developer's machine and fail under
CI=true (scripts/install-system-deps installs it).
"""

from __future__ import annotations

import argparse
import re
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from glute_coach.cli import main as cli_main
from glute_coach.cli.main import EXIT_OK, EXIT_USER_ERROR, UserError
from glute_coach.cli.report_cmd import add_report_parser, cmd_report
from glute_coach.core.metrics import PERCENT_MVC, ChannelMetrics, ExerciseMetrics
from glute_coach.storage.history import HistoryStore, StoredSession
from glute_coach.storage.sessions import SessionSummary
from glute_coach.ui.report import day_text, report_html, write_report_pdf
from tests.ui.pdf_support import ink, require_poppler, squash

TODAY = date(2025, 3, 16)  # a Sunday: six whole weeks from Monday 3 February
FIRST = date(2025, 2, 3)
PAIN_RISE_DAY = date(2025, 2, 26)
MIN_INK = 0.01  # share of a page's pixels that are not white
TITLES = {
    "biofeedback-session": "Glute biofeedback session",
    "glute-bridge-progression": "Glute bridge progression",
    "my-own-routine": "My own routine",  # not in the library: counted, no weekly plan
}


def _metrics(n: int) -> list[ExerciseMetrics]:
    """Two exercises measured with EMG left and right, getting a little stronger over time."""

    def channel(side: str, mean: float, onset: float | None) -> ChannelMetrics:
        return ChannelMetrics(
            f"glute-{side}",
            "gluteus_maximus",
            side,
            PERCENT_MVC,
            mean * 1.6,
            mean,
            18.0 + n,
            10,
            onset,
        )

    left, right = 38.0 + 2.5 * n, 33.0 + 2.0 * n
    return [
        ExerciseMetrics(
            "Glute bridge hold",
            "bridge-hold",
            60.0,
            0.0,
            (40.0, 70.0),
            [channel("left", left, 0.31), channel("right", right, 0.36)],
            (left - right) / ((left + right) / 2),
        ),
        ExerciseMetrics(
            "Side-lying clam",
            "clam",
            45.0,
            1.5,
            None,
            [channel("left", left - 8, None), channel("right", right - 6, 0.42)],
            None,
        ),
    ]


def history_summaries() -> list[SessionSummary]:
    """About 20 sessions over six weeks: three routines, pain easing, one session with a rise."""
    plan = [  # (day offset, routine, pain before, pain after, completed, notes)
        (0, "glute-bridge-progression", 5, 4, True, "Felt stiff at first."),
        (2, "biofeedback-session", 5, 4, True, ""),
        (4, "glute-bridge-progression", 5, 3, True, ""),
        (7, "biofeedback-session", 4, 4, True, ""),
        (9, "glute-bridge-progression", 4, 3, False, "Had to stop: the phone rang."),
        (11, "biofeedback-session", 4, 3, True, ""),
        (14, "glute-bridge-progression", 4, 3, True, ""),
        (16, "my-own-routine", 3, 3, True, ""),
        (19, "biofeedback-session", 3, 3, True, ""),
        (23, "glute-bridge-progression", 2, 5, True, "Long drive this morning, sore in the car."),
        (25, "biofeedback-session", 3, 2, True, ""),
        (28, "glute-bridge-progression", 3, 2, True, ""),
        (30, "biofeedback-session", 3, 2, True, ""),
        (32, "my-own-routine", 2, 2, True, ""),
        (35, "glute-bridge-progression", 2, 1, True, ""),
        (36, "biofeedback-session", 2, 2, False, ""),
        (37, "glute-bridge-progression", 2, 1, True, ""),
        (39, "biofeedback-session", 2, 1, True, "Much easier today. " * 12),
        (40, "glute-bridge-progression", 2, 1, True, ""),
        (41, "biofeedback-session", 1, 1, True, ""),
    ]
    out: list[SessionSummary] = []
    measured = 0
    for offset, routine_id, before, after, completed, notes in plan:
        start = datetime(2025, 2, 3, 18, 0).astimezone() + timedelta(days=offset)
        metrics: list[ExerciseMetrics] = []
        if routine_id == "biofeedback-session":
            metrics = _metrics(measured)
            measured += 1
        out.append(
            SessionSummary(
                routine_id=routine_id,
                routine_version=1,
                title=TITLES[routine_id],
                started_at=start.isoformat(timespec="seconds"),
                ended_at=(start + timedelta(minutes=20)).isoformat(timespec="seconds"),
                completed=completed,
                steps_done=["Warm-up", "Bridge", "Clam", "Cool-down"][: 4 if completed else 2],
                steps_skipped=[] if offset % 3 else ["Side plank"],
                pain_before=before,
                pain_after=after,
                rpe=4 + offset % 4,
                notes=notes,
                metrics=metrics,
            )
        )
    return out


def fill(store: HistoryStore) -> None:
    for summary in history_summaries():
        store.add(summary)


@pytest.fixture
def stored(tmp_path: Path) -> list[StoredSession]:
    with HistoryStore.open(tmp_path / "history.sqlite3", import_from=tmp_path / "none") as store:
        fill(store)
        return store.sessions()


@pytest.fixture
def report(stored: list[StoredSession], tmp_path: Path, qapp: object) -> Path:
    return write_report_pdf(stored, tmp_path / "report.pdf", client="Sam Example", today=TODAY)


def _pages(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", str(pdf), str(folder / "page")], check=True, timeout=120
    )
    return sorted(folder.glob("page-*.png"))


def _text(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", *options, str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout


def test_pages_are_a4_and_none_is_blank(report: Path, tmp_path: Path) -> None:
    require_poppler()
    pages = _pages(report, tmp_path)
    # summary, session list, sensor measurements (two exercises × 12 sessions × 2 sides)
    assert 3 <= len(pages) <= 7, f"{len(pages)} pages"
    for page in pages:
        image = QImage(str(page))
        assert abs(image.width() - 413) <= 1
        assert abs(image.height() - 585) <= 1
        assert ink(image) > MIN_INK, f"{page.name} is (nearly) blank"


def test_page_one_is_the_summary(report: Path) -> None:
    require_poppler()
    first = _text(report, "-f", "1", "-l", "1")
    squashed = squash(first)
    assert "Progress report" in first
    assert "Sam Example" in first
    assert "20" in first  # sessions in the period
    for title in TITLES.values():  # how often, per routine
        assert squash(title) in squashed, title
    assert "no weekly plan on file" in first  # the routine not in the library: counts only
    assert "3 times a week" in first
    assert "Pain" in first
    # the session with a rise of 3 points, plainly named with its day and ratings
    assert squash(f"{day_text(PAIN_RISE_DAY)}, Glute bridge progression: pain 2 → 5") in squashed
    assert "worth a chat" in first
    assert "Done to the end" in first
    assert re.search(r"Page 1 of \d", first)


def test_the_session_list_and_the_measurements(report: Path) -> None:
    require_poppler()
    text = _text(report)
    squashed = squash(text)
    assert "Sessions" in text
    assert "Stopped early" in text
    assert "Had to stop: the phone rang." in text
    assert "Much easier today." in text
    assert ("Much easier today. " * 12).strip() not in text  # long notes are shortened
    assert "Sensor measurements" in text
    assert "Glute bridge hold" in text
    assert squash("Side-lying clam") in squashed
    assert "Symmetry" in text
    assert "%MVC" in text
    assert "ms" in text  # reaction times
    assert not re.search("[\ufb00-\ufb06]", text), "ligatures do not copy or search as letters"
    for scary in ("danger", "warning", "alarm", "damage", "injur"):
        assert scary not in text.lower()


def test_the_summary_numbers(stored: list[StoredSession], qapp: object) -> None:
    html_text, images = report_html(stored, today=TODAY)
    assert len(images) == 4  # pain, completion, and one chart per measured exercise
    for image in images.values():
        assert image.width() >= 1500  # print resolution
    assert "20 sessions were saved in 6 weeks." in html_text
    assert "18 of 20 sessions were done to the end." in html_text
    # pain before: first two weeks 5,5,5,4,4,4 → 4.5; last two weeks 2,2,2,2,2,1 (+3,3?) → lower
    assert "Pain before sessions eased from 4.5 to" in html_text
    assert "One session ended with more pain than it started with" in html_text


def test_filters_by_routine_and_since(stored: list[StoredSession], qapp: object) -> None:
    html_text, images = report_html(
        stored, routine_id="glute-bridge-progression", since=date(2025, 3, 3), today=TODAY
    )
    assert "Routine: Glute bridge progression" in html_text
    assert "4 sessions were saved in 2 weeks." in html_text
    assert "Glute biofeedback session" not in html_text
    assert "Sensor measurements" not in html_text
    assert len(images) == 2


def test_no_sessions_still_makes_a_report_that_says_so(tmp_path: Path, qapp: object) -> None:
    require_poppler()
    out = write_report_pdf([], tmp_path / "empty.pdf", since=date(2025, 3, 1), today=TODAY)
    pages = _pages(out, tmp_path)
    assert len(pages) == 1
    assert "No sessions were saved in this period" in _text(out)


# --- the command -------------------------------------------------------------------------------


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Through ``glute-coach`` once it knows `report`; until then as main() would run it."""
    if "report" in cli_main.SUBCOMMANDS:
        code = cli_main.main(args)
    else:
        parser = argparse.ArgumentParser(prog="glute-coach")
        add_report_parser(parser.add_subparsers(dest="command"))
        try:
            code = cmd_report(parser.parse_args(args))
        except UserError as exc:
            print(f"glute-coach: {exc}", file=__import__("sys").stderr)
            code = EXIT_USER_ERROR
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_writes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    require_poppler()
    with HistoryStore.open() as store:  # the default history, in this test's private home
        fill(store)
    out = tmp_path / "out" / "sam.pdf"
    code, stdout, err = _run(
        ["report", "--since", "2025-02-01", "--client", "Sam Example", "--out", str(out)], capsys
    )
    assert (code, err) == (EXIT_OK, "")
    assert str(out) in stdout
    text = _text(out)
    assert "Sam Example" in text
    assert "Glute bridge progression" in text
    assert "Sensor measurements" in text
    code, stdout, err = _run(
        ["report", "--routine", "my-own-routine", "--out", str(tmp_path / "mine.pdf")], capsys
    )
    assert code == EXIT_OK
    assert "Sensor measurements" not in _text(tmp_path / "mine.pdf")


def test_the_command_with_no_sessions_writes_a_report_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    out = tmp_path / "empty.pdf"
    code, _, err = _run(["report", "--since", "2030-01-01", "--out", str(out)], capsys)
    assert code == EXIT_OK
    assert out.is_file()
    assert "no sessions since 2030-01-01" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "2025-13-01"], "--since"),
        (["--since", "last week"], "YYYY-MM-DD"),
        (["--since", "2025-3-1"], "YYYY-MM-DD"),
    ],
)
def test_the_command_refuses_a_bad_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "r.pdf"
    code, _, err = _run(["report", *args, "--out", str(out)], capsys)
    assert code == EXIT_USER_ERROR
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_the_command_refuses_an_unwritable_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for out in (blocker / "r.pdf", tmp_path):  # a file where a folder must be; a folder
        code, _, err = _run(["report", "--out", str(out)], capsys)
        assert code == EXIT_USER_ERROR, err
        assert "--out" in err
        assert len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]  # nothing half-written


def test_the_app_button_asks_for_a_file_and_writes_the_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

    from glute_coach.ui import report as report_module

    out = tmp_path / "for-sam"
    said: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(out), "PDF (*.pdf)"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a: (" Sam Example ", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: said.append(a[2]))
    path = tmp_path / "history.sqlite3"
    with HistoryStore.open(path, import_from=tmp_path / "none") as store:
        fill(store)
    parent = QWidget()
    try:
        written = report_module.save_report(
            parent, lambda: HistoryStore.open(path, import_from=tmp_path / "none")
        )
    finally:
        parent.deleteLater()
    assert written == tmp_path / "for-sam.pdf"
    assert written.is_file()
    assert said == [f"Report saved: {written}"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    assert report_module.save_report(QWidget(), lambda: HistoryStore.open(path)) is None
