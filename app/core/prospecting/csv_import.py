"""Prospects from a CRM's CSV export: any column order, a mapping, and duplicates found.

Reads what Excel writes in Belgium (Windows-1252, semicolons), Google Sheets (UTF-8, commas,
quoted commas and line breaks), and HubSpot and Salesforce exports (their column names are
mapped without asking). A bad file gets a message in the user's words; nothing here writes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from app.core.i18n import _
from app.core.prospecting.models import TIERS, ProspectDraft, Tier, name_key, phone_key

Field = Literal["name", "first_name", "last_name", "company", "phone", "tier", "notes"]
FIELDS: tuple[Field, ...] = get_args(Field)
MAX_BYTES = 50 * 1024 * 1024

# Column names as CRMs and people write them, compared without case, spaces or punctuation.
_NAMES: dict[Field, tuple[str, ...]] = {
    "name": ("name", "fullname", "contact", "contactname", "naam", "volledigenaam"),
    "first_name": ("firstname", "voornaam", "givenname"),
    "last_name": ("lastname", "achternaam", "familienaam", "surname"),
    "company": (
        "company", "companyname", "account", "accountname", "organization", "organisation",
        "bedrijf", "bedrijfsnaam", "firma", "associatedcompany",
    ),
    "phone": (
        "phone", "phonenumber", "telephone", "tel", "telefoon", "telefoonnummer", "mobile",
        "mobilephone", "mobilephonenumber", "gsm", "businessphone", "mobiel", "workphone",
    ),
    "tier": ("tier", "priority", "prioriteit", "abc", "segment", "rating"),
    "notes": ("notes", "note", "description", "notities", "opmerkingen", "comments"),
}  # fmt: skip


class ImportProblem(ValueError):
    """The file cannot be read as prospects; the message says why and what to do."""


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    encoding: str
    delimiter: str


@dataclass
class Plan:
    """What an import would do with a mapping: the new prospects, and what is left out why."""

    new: list[ProspectDraft] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)  # row numbers, 1 = first data row
    without_name: list[int] = field(default_factory=list)


def _key(header: str) -> str:
    return "".join(ch for ch in header.casefold() if ch.isalnum())


def read_table(path: Path) -> Table:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(
            _("The file could not be opened ({detail}).").format(detail=exc)
        ) from exc
    if len(data) > MAX_BYTES:
        raise ImportProblem(_("The file is larger than 50 MB; split it into smaller files."))
    return parse_table(data)


def parse_table(data: bytes) -> Table:
    if not data.strip(b"\xef\xbb\xbf \r\n\t"):
        raise ImportProblem(_("The file is empty: there are no prospects in it."))
    head = data[:4096]
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 100:
        raise ImportProblem(
            _(
                "This is not a CSV file (it looks like a spreadsheet or another binary file). "
                "In Excel, choose File > Save As > CSV; in your CRM, export as CSV."
            )
        )
    text, encoding = _decode(data)
    delimiter = _delimiter(text)
    rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    rows = [[cell.strip() for cell in row] for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise ImportProblem(_("The file is empty: there are no prospects in it."))
    headers, body = rows[0], rows[1:]
    if not body:
        raise ImportProblem(_("The file has column names but no prospects under them."))
    return Table(headers, body, encoding, delimiter)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Excel on Windows in Belgium and the Netherlands saves CSV in Windows-1252.
        return data.decode("cp1252", errors="replace"), "cp1252"


def _delimiter(text: str) -> str:
    """The separator that splits the header line into the most columns: Excel in Belgium
    writes ';', most tools ','."""
    best, most = ",", 1
    for sep in (",", ";", "\t"):
        first = next(csv.reader(io.StringIO(text, newline=""), delimiter=sep), [])
        if len(first) > most:
            best, most = sep, len(first)
    return best


def guess_mapping(headers: Sequence[str]) -> dict[Field, int]:
    """Each field's column, for the names CRMs use; the user corrects it in the mapping step."""
    mapping: dict[Field, int] = {}
    for index, header in enumerate(headers):
        key = _key(header)
        for name, known in _NAMES.items():
            if name not in mapping and key in known:
                mapping[name] = index
                break
    return mapping


def plan_import(
    table: Table,
    mapping: Mapping[Field, int],
    known_phones: set[str],
    known_names: set[str],
    script_id: int | None = None,
) -> Plan:
    """The prospects the rows give with ``mapping``; duplicates (the same phone, or the same
    name and company, already in the list or earlier in the file) are left out."""
    if "name" not in mapping and "first_name" not in mapping and "last_name" not in mapping:
        raise ImportProblem(_("Choose the column that holds the prospect's name."))
    phones, names = set(known_phones), set(known_names)
    plan = Plan()

    def cell(row: list[str], name: Field) -> str:
        index = mapping.get(name)
        return row[index] if index is not None and index < len(row) else ""

    for number, row in enumerate(table.rows, start=1):
        name = cell(row, "name") or " ".join(
            part for part in (cell(row, "first_name"), cell(row, "last_name")) if part
        )
        if not name:
            plan.without_name.append(number)
            continue
        company, phone = cell(row, "company"), cell(row, "phone")
        tier_text = cell(row, "tier").strip().upper()[:1]
        tier: Tier = next((t for t in TIERS if t == tier_text), "B")
        phone_id, name_id = phone_key(phone), name_key(name, company)
        if (phone_id and phone_id in phones) or name_id in names:
            plan.duplicates.append(number)
            continue
        if phone_id:
            phones.add(phone_id)
        names.add(name_id)
        plan.new.append(ProspectDraft(name, company, phone, tier, cell(row, "notes"), script_id))
    return plan
