"""Who the user is: the name and company that fill {my_name} and {my_company} in a script."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.core.store import get_setting, put_setting


@dataclass(frozen=True)
class Profile:
    my_name: str = ""
    my_company: str = ""

    def values(self) -> dict[str, str]:
        """The placeholders this profile fills (an empty field fills nothing)."""
        return {
            key: value
            for key, value in (("my_name", self.my_name), ("my_company", self.my_company))
            if value
        }


def load_profile(conn: sqlite3.Connection) -> Profile:
    return Profile(
        my_name=get_setting(conn, "profile.my_name") or "",
        my_company=get_setting(conn, "profile.my_company") or "",
    )


def save_profile(conn: sqlite3.Connection, profile: Profile) -> None:
    put_setting(conn, "profile.my_name", profile.my_name.strip())
    put_setting(conn, "profile.my_company", profile.my_company.strip())
