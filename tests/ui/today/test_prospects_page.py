"""The Prospects tab: add by hand, import a CRM's CSV with the mapping step, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from app.core.library import ScriptLibrary
from app.core.prospecting.csv_import import read_table
from app.ui.today.hub import Prospecting
from app.ui.today.prospects_page import ProspectsPage
from tests.core.prospecting.conftest import DATA


def make_page(qtbot: Any, hub: Prospecting, library: ScriptLibrary) -> ProspectsPage:
    page = ProspectsPage(hub, lambda: library)
    page.message.connect(lambda text: setattr(page, "message_seen", text))
    qtbot.addWidget(page)
    page.show()
    return page


def test_import_with_the_mapping_step_then_export(
    qtbot: Any, hub: Prospecting, library: ScriptLibrary, tmp_path: Path
) -> None:
    page = make_page(qtbot, hub, library)
    dialog = page.import_file(DATA / "hubspot.csv")
    qtbot.waitUntil(lambda: not dialog.reading, timeout=5000)
    assert dialog.boxes["phone"].currentText() == "Phone Number"  # mapped from HubSpot's name
    assert dialog.boxes["first_name"].currentText() == "First Name"
    assert dialog.status.text() == "2 new prospects; 1 already in your list (left out)."
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == [
        "Anna de Vries", "Tom Janssens",
    ]  # fmt: skip
    assert page.message_seen == "2 prospects imported."  # type: ignore[attr-defined]

    again = page.import_file(DATA / "hubspot.csv")  # the same file: nothing new
    qtbot.waitUntil(lambda: not again.reading, timeout=5000)
    assert not again.import_button.isEnabled()
    assert again.status.text().startswith("0 new prospects; 3 already in your list")
    again.reject()

    out = tmp_path / "prospects.csv"
    page.export_file(out)
    table = read_table(out)
    assert [row[0] for row in table.rows] == ["Anna de Vries", "Tom Janssens"]


def test_a_binary_file_gets_a_clear_message(
    qtbot: Any, hub: Prospecting, library: ScriptLibrary
) -> None:
    page = make_page(qtbot, hub, library)
    dialog = page.import_file(DATA / "prospects.xlsx")
    with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
        pass
    assert "not a CSV file" in failed.args[0] and "Save As > CSV" in failed.args[0]
    assert not dialog.import_button.isEnabled()
    assert hub.prospects.all() == []
    dialog.reject()


def test_mapping_can_be_corrected(qtbot: Any, hub: Prospecting, library: ScriptLibrary) -> None:
    page = make_page(qtbot, hub, library)
    dialog = page.import_file(DATA / "google_sheets.csv")
    qtbot.waitUntil(lambda: not dialog.reading, timeout=5000)
    dialog.boxes["name"].setCurrentIndex(0)  # (none): no name column
    assert "name" in dialog.status.text() and not dialog.import_button.isEnabled()
    dialog.boxes["name"].setCurrentIndex(2)  # the Company column as the name, for once
    dialog.do_import()
    assert {p.name for p in hub.prospects.all()} == {
        "Acme, Inc.", "Northwind Traders", "Contoso Ltd",
    }  # fmt: skip
