"""A take exported as one HTML page opens in a real browser (headless Chromium) with no
network: the page renders, and the embedded recording has the take's length."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import soundfile as sf

from app.core.library import ScriptLibrary
from app.core.review_export import take_review, to_html, write_page
from app.core.store import connect
from app.core.takes import TakeStore
from tests.conftest import SPEECH

CLIP = SPEECH / "en_read" / "librispeech_61-70968-0000.flac"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def exported_take(home: Path) -> tuple[Path, float]:
    conn = connect(home / "pitchback.db")
    library = ScriptLibrary(conn)
    script = library.create("Voicemail", "en", "== Voicemail ==\nHi, this is Sam from Acme.\n")
    revision = library.history.latest_revision(script.id)
    store = TakeStore(conn, home)
    info = sf.info(str(CLIP))
    take = store.begin(info.samplerate)
    shutil.copy(CLIP, store.path_of(take))
    store.link(take.id, script.id, revision.id, "voicemail")
    store.finish(take.id, info.duration)
    store.set_notes(take.id, "Slower at the start <b>please</b>")
    page = home / "review.html"
    write_page(take_review(conn, home, take.id), page)
    conn.close()
    return page, info.duration


def test_the_page_holds_everything_and_asks_the_network_for_nothing(home: Path) -> None:
    page, _duration = exported_take(home)
    text = page.read_text("utf-8")
    assert "data:audio/flac;base64," in text
    assert "Hi, this is Sam from Acme." in text  # the script, as the take's revision had it
    assert "Slower at the start &lt;b&gt;please&lt;/b&gt;" in text  # notes, escaped
    assert "default-src 'none'" in text
    assert not re.search(r"(src|href)=\"(https?:)?//", text)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is installed by scripts/_setup.sh")
def test_it_opens_in_headless_chromium_with_the_right_duration(home: Path, tmp_path: Path) -> None:
    page, duration = exported_take(home)
    assert CHROMIUM is not None
    out = subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={tmp_path / 'chromium'}",
            "--proxy-server=127.0.0.1:9",  # any request for the network would fail
            "--virtual-time-budget=10000", "--dump-dom", page.as_uri(),
        ],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    dom = out.stdout
    assert "<h1>" in dom and "Hi, this is Sam from Acme." in dom
    found = re.search(r'<span id="length" data-seconds="([0-9.]+)">(\d+:\d\d)</span>', dom)
    assert found is not None, dom[-2000:]
    assert float(found.group(1)) == pytest.approx(duration, abs=0.05)
    assert found.group(2) == "0:05"


def test_a_review_is_escaped_text() -> None:
    from app.core.review_export import Review

    html = to_html(Review("<script>x</script>", b"fLaC", "audio/flac", transcript="a & b"))
    assert "<title>&lt;script&gt;x&lt;/script&gt;</title>" in html
    assert "a &amp; b" in html
