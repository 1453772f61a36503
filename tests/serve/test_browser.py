"""End to end in a real headless Chromium (Debian's, driven by Playwright): a volunteer on a
phone writes a letter in Cyrillic and gets its PDF, the organiser downloads the pack; no request
goes anywhere but the server. Set APPEALKIT_SCREENSHOTS=docs to refresh the README's pictures."""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import ROOT, ctrl_c_as_a_terminal_has_it

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """`appealkit serve` on the examples, as a user starts it; stopped with Ctrl-C (SIGINT)."""
    cases = tmp_path / "cases"
    shutil.copytree(ROOT / "examples", cases, ignore=shutil.ignore_patterns("*.sqlite*"))  # not a log left by make demo
    port = _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "appealkit", "serve", str(cases), "--port", str(port),
                             "--event", "Browser night"], stderr=subprocess.PIPE, text=True, env=env,
                            preexec_fn=ctrl_c_as_a_terminal_has_it)
    organiser = None
    deadline = time.monotonic() + 60
    while organiser is None and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        m = re.search(r"organiser: (\S+)", line)
        organiser = m.group(1) if m else None
    assert organiser, "the server printed no organiser address"
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):  # the address is printed just before uvicorn listens
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield base, organiser, cases / "appealkit-log.sqlite"
    proc.send_signal(2)
    try:
        rest = proc.communicate(timeout=60)[1]
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    assert proc.returncode == 130 and "Traceback" not in rest


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


SHOTS = os.environ.get("APPEALKIT_SCREENSHOTS")  # read before the fixtures clear APPEALKIT_*


def _shots() -> Path | None:
    return Path(SHOTS) if SHOTS else None


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(Path(path).read_bytes())).pages)


def test_a_volunteer_on_a_phone_and_the_organiser(server, browser, tmp_path):
    base, organiser, log = server
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True,
                              has_touch=True, accept_downloads=True)
    page = ctx.new_page()
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))

    page.goto(base + "/")
    page.click("a[href='/case/ru-aliyev-2026']")
    page.fill("#name", "Анна Смирнова")
    page.fill("#address", "1 High Street\nLondon N1 1AA")
    page.select_option("#country", "GB")
    page.select_option("#lang", "en")
    page.check("input[name=to][value=person]")
    page.locator("#message").press_sequentially("Желаю Вам свободы и сил!", delay=5)
    page.wait_for_selector("#censor:not([hidden])", timeout=10_000)
    assert "свободы" in page.inner_text("#censor")
    if _shots():
        page.screenshot(path=str(_shots() / "serve-volunteer.png"), full_page=True)
    page.click("button[type=submit]")
    page.wait_for_selector("article.letter")
    assert "Анна Смирнова" in page.inner_text("article.letter")
    with page.expect_download() as dl:
        page.click("form.print button[type=submit]")
    path = tmp_path / "letter.pdf"
    dl.value.save_as(path)
    text = _pdf_text(path)
    assert "Анна Смирнова" in text and "свободы" in text

    # the details are kept in the browser: the next case asks for nothing
    page.goto(base + "/case/ua-kovalenko-2026")
    assert page.input_value("#name") == "Анна Смирнова"
    assert page.get_attribute("#about", "open") is None

    org = browser.new_context(viewport={"width": 1200, "height": 800}, accept_downloads=True).new_page()
    org.on("request", lambda r: seen.append(r.url))
    org.goto(organiser)
    assert org.url == base + "/organiser"
    assert "1 letter tonight" in org.inner_text("h1")
    if _shots():
        org.screenshot(path=str(_shots() / "serve-organiser.png"), full_page=True)
    with org.expect_download() as dl:
        org.click("a[href='/organiser/pack.pdf?by=case']")
    pack = tmp_path / "pack.pdf"
    dl.value.save_as(pack)
    assert "Анна Смирнова" in _pdf_text(pack)
    with org.expect_download() as dl:
        org.click("a[href='/organiser/letters.csv']")
    rows = Path(dl.value.path()).read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and ",ru-aliyev-2026,person,Анна Смирнова,Browser night,post" in rows[1]

    assert seen and all(u.startswith(base + "/") for u in seen), [u for u in seen if not u.startswith(base)]
    ctx.close()
