from pathlib import Path

from app.core.profile import Profile, load_profile, save_profile
from app.core.store import connect


def test_the_profile_is_kept_in_the_database_across_a_restart(tmp_path: Path) -> None:
    conn = connect(tmp_path / "p.db")
    assert load_profile(conn) == Profile("", "")
    save_profile(conn, Profile(" Ann Peeters ", "Acme NV"))
    conn.close()
    again = load_profile(connect(tmp_path / "p.db"))
    assert again == Profile("Ann Peeters", "Acme NV")
    assert again.values() == {"my_name": "Ann Peeters", "my_company": "Acme NV"}


def test_an_empty_field_fills_nothing() -> None:
    assert Profile("Ann", "").values() == {"my_name": "Ann"}
