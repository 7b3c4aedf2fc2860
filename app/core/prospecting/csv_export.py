"""Prospects as a CSV file that Excel and CRMs open: UTF-8 with a BOM, comma-separated."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from pathlib import Path

from app.core.prospecting.models import Prospect

HEADERS = ("Name", "Company", "Phone", "Tier", "Notes")


def to_csv(prospects: Iterable[Prospect]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for p in prospects:
        writer.writerow((p.name, p.company, p.phone, p.tier, p.notes))
    return out.getvalue()


def export_csv(prospects: Iterable[Prospect], path: Path) -> None:
    """Write to a temporary file, then rename: a failed export never leaves half a file."""
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(b"\xef\xbb\xbf" + to_csv(prospects).encode("utf-8"))
    os.replace(temporary, path)
