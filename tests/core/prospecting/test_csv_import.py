"""CSV import on files shaped like real CRM exports (tests/core/prospecting/data)."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.prospecting import ProspectDraft, ProspectStore
from app.core.prospecting.csv_export import export_csv
from app.core.prospecting.csv_import import (
    ImportProblem,
    guess_mapping,
    plan_import,
    read_table,
)
from tests.core.prospecting.conftest import DATA


def plan_for(name: str, store: ProspectStore):
    table = read_table(DATA / name)
    phones, names = store.known_keys()
    return table, plan_import(table, guess_mapping(table.headers), phones, names)


def test_excel_in_belgium_windows_1252_with_semicolons(conn: sqlite3.Connection) -> None:
    store = ProspectStore(conn)
    table, plan = plan_for("excel_belgium.csv", store)
    assert (table.encoding, table.delimiter) == ("cp1252", ";")
    assert [d.name for d in plan.new] == [
        "Hélène Desmet", "Jürgen Peeters", "Loïc Vermeulen", "Françoise Maes",
    ]  # fmt: skip
    assert plan.new[1].company == "Transport Geërts BV"
    assert [d.tier for d in plan.new] == ["A", "B", "C", "B"]
    assert plan.new[3].notes == 'Zegt "nee" tegen alles; toch proberen'


def test_google_sheets_quoted_commas_and_line_breaks(conn: sqlite3.Connection) -> None:
    table, plan = plan_for("google_sheets.csv", ProspectStore(conn))
    assert (table.encoding, table.delimiter) == ("utf-8", ",")
    assert plan.new[0].company == "Acme, Inc."
    assert plan.new[0].notes == "Met at the fair,\nasked for a call in spring"
    assert plan.new[2].name == "O'Brien, Kate"
    assert len(plan.new) == 3


def test_hubspot_names_are_mapped_and_a_duplicate_found(conn: sqlite3.Connection) -> None:
    table, plan = plan_for("hubspot.csv", ProspectStore(conn))
    assert table.encoding == "utf-8-sig" and table.headers[0] == "Record ID"  # BOM gone
    mapping = guess_mapping(table.headers)
    assert table.headers[mapping["phone"]] == "Phone Number"
    assert table.headers[mapping["company"]] == "Company Name"
    assert [d.name for d in plan.new] == ["Anna de Vries", "Tom Janssens"]
    assert plan.duplicates == [3]  # the same number written another way


def test_salesforce_after_excel_finds_the_prospect_already_there(
    conn: sqlite3.Connection,
) -> None:
    store = ProspectStore(conn)
    _table, first = plan_for("excel_belgium.csv", store)
    store.add_all(first.new)
    table, plan = plan_for("salesforce.csv", store)
    assert table.headers[guess_mapping(table.headers)["company"]] == "Account Name"
    assert [d.name for d in plan.new] == ["Jeroen Claes", "Marie Dubois"]
    assert plan.duplicates == [3]  # Hélène Desmet, +32 57 against 057
    assert plan.new[1].company == "Dubois Frères"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("empty.csv", "empty"),
        ("headers_only.csv", "no prospects"),
        ("prospects.xlsx", "not a CSV file"),
    ],
)
def test_bad_files_get_a_clear_message(name: str, words: str) -> None:
    with pytest.raises(ImportProblem, match=words):
        read_table(DATA / name)


def test_no_name_column_asks_for_one(conn: sqlite3.Connection) -> None:
    table = read_table(DATA / "google_sheets.csv")
    with pytest.raises(ImportProblem, match="name"):
        plan_import(table, {"phone": 2}, set(), set())


def test_nothing_is_imported_half(conn: sqlite3.Connection) -> None:
    store = ProspectStore(conn)
    store.add(ProspectDraft("Already here"))
    drafts = [ProspectDraft("One"), ProspectDraft("Two", tier="X")]  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.add_all(drafts)
    assert [p.name for p in store.all()] == ["Already here"]


def test_export_then_import_gives_the_same_prospects(conn: sqlite3.Connection, tmp_path) -> None:
    store = ProspectStore(conn)
    _table, plan = plan_for("google_sheets.csv", store)
    store.add_all(plan.new)
    out = tmp_path / "out.csv"
    export_csv(store.all(), out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    table = read_table(out)
    again = plan_import(table, guess_mapping(table.headers), set(), set())
    assert {d.draft() for d in store.all()} == set(again.new)
