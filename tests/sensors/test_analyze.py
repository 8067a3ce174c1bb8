"""The ``analyze`` command (UCI data: Sanchez & Sotelo, UCI ML Repository, CC BY 4.0)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from glute_coach.cli.analyze import main

UCI = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "emg" / "uci-lower-limb"
needs_uci = pytest.mark.usefixtures("uci_dir")  # fails in CI if the data is missing


@needs_uci
def test_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(
        [
            str(UCI / "5Npie.txt"),
            "--format",
            "json",
            "--target",
            "0.02:0.2",
            "--sides",
            "left=BF,right=ST",
        ]
    )
    assert rc == 0
    res = json.loads(capsys.readouterr().out)
    assert res["fs"] == 1000
    assert set(res["channels"]) == {"RF", "BF", "VM", "ST"}  # FX (degrees) is not EMG
    st = res["channels"]["ST"]
    assert st["reps"] == 5
    for key in ("onsets_s", "rep_intervals_s", "peak_envelope", "mean_envelope", "time_in_zone_s"):
        assert key in st
    assert 0 < st["time_in_zone_s"] <= res["duration_s"]
    assert set(res["symmetry"]) == {"left", "right", "mean_envelope", "peak_envelope"}


@needs_uci
def test_subprocess_text_and_channels() -> None:
    code = "import sys; from glute_coach.cli.analyze import main; sys.exit(main(sys.argv[1:]))"
    out = subprocess.run(
        [sys.executable, "-c", code, str(UCI / "3Asen.txt"), "--channels", "VM,RF"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "VM: 4 reps" in out.stdout
    assert "RF: 4 reps" in out.stdout


def test_csv_with_time_column_and_mvc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fs = 1000
    rng = np.random.default_rng(0)
    t = np.arange(6 * fs) / fs
    left = rng.normal(scale=0.01, size=t.size)
    left[2000:3000] += rng.normal(scale=0.5, size=1000)
    right = left * 0.5
    f = tmp_path / "rec.csv"
    np.savetxt(f, np.column_stack([t, left, right]), delimiter=",", header="time,L,R", comments="")
    mvc = tmp_path / "mvc.csv"
    np.savetxt(
        mvc,
        np.column_stack([t, left * 2, right * 2]),
        delimiter=",",
        header="time,L,R",
        comments="",
    )
    rc = main([str(f), "--format", "json", "--sides", "left=L,right=R", "--mvc", str(mvc)])
    assert rc == 0
    res = json.loads(capsys.readouterr().out)
    assert res["fs"] == pytest.approx(1000)
    assert res["units"] == "%MVC"
    assert res["channels"]["L"]["peak_envelope"] == pytest.approx(50, rel=0.1)
    # each side normalised to its own MVC: the 2x electrode gain difference disappears
    assert res["symmetry"]["mean_envelope"] == pytest.approx(0, abs=0.05)
    assert main([str(f), "--format", "json", "--sides", "left=L,right=R"]) == 0
    raw = json.loads(capsys.readouterr().out)
    assert raw["symmetry"]["mean_envelope"] == pytest.approx(2 / 3, abs=0.05)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["/no/such/file.txt"], "no such file"),
        (["{uci}", "--target", "abc"], "--target"),
        (["{uci}", "--target", "5:1"], "--target"),
        (["{uci}", "--channels", "XX"], "no channel"),
        (["{uci}", "--sides", "left=RF"], "--sides"),
        (["{bin}"], "not a text"),
        (["{csv_nofs}"], "--fs"),
    ],
)
def test_user_errors_exit_1(
    args: list[str], needle: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binf = tmp_path / "x.dat"
    binf.write_bytes(b"\xff\xfe\x00\x81" * 10)
    nofs = tmp_path / "n.csv"
    nofs.write_text("a,b\n1,2\n3,4\n")
    uci = tmp_path / "u.txt"
    uci.write_text(
        "File Name: u.log\nChannel 1: 'RF', 3 values, engineering units: mV, no filters.\n\n1\n2\n3\n"
    )
    subst = {"{uci}": str(uci), "{bin}": str(binf), "{csv_nofs}": str(nofs)}
    rc = main([subst.get(a, a) for a in args])
    err = capsys.readouterr().err.strip()
    assert rc == 1
    assert needle in err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1
