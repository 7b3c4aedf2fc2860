"""``pitchback prospects import FILE.csv`` and ``pitchback today``."""

from __future__ import annotations

from typing import Any

from app.__main__ import main
from tests.core.prospecting.conftest import DATA


def test_import_then_today_prints_the_queue(capsys: Any) -> None:
    assert main(["prospects", "import", str(DATA / "excel_belgium.csv")]) == 0
    assert capsys.readouterr().out == "4 prospects imported.\n"
    assert main(["prospects", "import", str(DATA / "salesforce.csv")]) == 0
    assert "1 already in your list (left out): row 3." in capsys.readouterr().out
    assert main(["today"]) == 0
    out = capsys.readouterr().out
    assert "This week: 0 of 150 minutes." in out
    queue = out.split("Call queue (B and C before A):\n")[1].splitlines()
    assert [line.split()[0] for line in queue] == ["C", "B", "B", "B", "B", "A"]
    assert "Hélène Desmet (Brouwerij Van Eecke)" in queue[-1]


def test_a_bad_file_says_why_and_exits_1(capsys: Any) -> None:
    assert main(["prospects", "import", str(DATA / "prospects.xlsx")]) == 1
    assert "not a CSV file" in capsys.readouterr().err
