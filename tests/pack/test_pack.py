"""The printable pack, read back as printed: the PDF's pages, sizes, text and fonts (pypdf)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from ..conftest import run

NIGHT = Path(__file__).parents[1] / "night"
CASES = NIGHT / "cases"
WRITERS = str(NIGHT / "pack-writers.csv")
MM = 72 / 25.4  # PDF points per millimetre


@pytest.fixture(scope="module")
def night(tmp_path_factory):
    """One pack for four cases (Russia, Kazakhstan, Armenia, Georgia) and the writers' file."""
    out = tmp_path_factory.mktemp("pack") / "pack.pdf"
    r = run("pack", str(CASES / "20-petrov.yaml"), str(CASES / "30-urgent.yaml"), str(CASES / "40-open.yaml"),
            str(CASES / "50-future.yaml"), "--writers", WRITERS, "--out", str(out), "--date", "2026-12-01")
    return r, PdfReader(str(out))


def _size(page) -> tuple[float, float]:
    return round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)


def test_bad_rows_named_good_rows_printed(night):
    r, pdf = night
    assert r.code == 1  # a row failed
    errors = [x for x in r.err.splitlines() if "error:" in x]
    assert errors[0] == f"appealkit: error: {WRITERS}:3: no address"
    # the Russian-speaking writer gets Russian letters where a case has Russian, and is named where not
    assert f"appealkit: error: {WRITERS}:4: kz-nurlan-2026: no letters in 'ru' for this case (it has en)" in errors
    assert "no font here has" not in r.err  # every letter of every script has its glyph
    assert r.err.endswith("appealkit: 4 cases, 9 letters, 7 envelopes; 4 left out (see above)\n")


def test_print_order_and_page_sizes(night):
    _, pdf = night
    texts = [p.extract_text() for p in pdf.pages]
    sizes = [_size(p) for p in pdf.pages]
    a4, dl = (595.3, 841.9), (623.6, 311.8)
    assert abs(220 * MM - dl[0]) < 0.1 and abs(110 * MM - dl[1]) < 0.1
    # Petrov: card, 3 letters from each of 2 writers, 2 envelopes each (the embassy has no address)
    assert sizes[:11] == [a4] * 7 + [dl] * 4
    assert "Alexei Petrov" in texts[0] and "Letters reach him only in Russian" in texts[0]
    # one letter a page, each page one letter: one date line, one signature
    assert [t.count("1 December 2026") for t in texts[1:4]] == [1, 1, 1]
    assert [t.count("1 декабря 2026 г.") for t in texts[4:7]] == [1, 1, 1]
    assert all("Anna Smith" in t for t in texts[1:4]) and all("Анна Смирнова" in t for t in texts[4:7])
    assert "Dear Prosecutor General," in texts[2]
    assert "Уважаемый Игорь Викторович!" in texts[5]
    assert sizes.count(dl) == 7 and len(pdf.pages) == 4 + 9 + 7


def test_envelope_address_in_local_script_with_return_address(night):
    _, pdf = night
    env = pdf.pages[7].extract_text()
    for line in ("Anna Smith", "1 High Street", "London N1 1AA", "UNITED KINGDOM",
                 "ФКУ ИК-2 УФСИН России по Владимирской обл.", "г. Покров", "601446", "RUSSIA"):
        assert line in env
    kz_writer = pdf.pages[9].extract_text()
    assert "Анна Смирнова" in kz_writer and "РЕСЕЙ" not in kz_writer  # the country line in the sender's language
    assert "РОССИЯ" in kz_writer or "RUSSIA" in kz_writer


def test_kazakh_armenian_georgian_as_text(night):
    _, pdf = night
    text = "\n".join(p.extract_text() for p in pdf.pages)
    for s in ("Жақсыбеков Нұрлан Серікұлы", "Արմավիրի ՔԿՀ", "თბილისის №8 პენიტენციური დაწესებულება"):
        assert s in text


def test_every_font_embedded(night):
    _, pdf = night
    seen = set()
    for page in pdf.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            for d in font.get("/DescendantFonts", [font]):
                d = d.get_object()
                desc = d["/FontDescriptor"].get_object()
                assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), d["/BaseFont"]
                seen.add(str(d["/BaseFont"]).split("+", 1)[-1])
    assert seen == {"Pack-Sans", "Pack-Sans-Bold", "Pack-Serif"}


def test_labels_and_letter_paper(tmp_path):
    out = tmp_path / "labels.pdf"
    r = run("pack", str(CASES / "20-petrov.yaml"), "--writers", WRITERS, "--to", "person", "--envelope", "labels",
            "--paper", "letter", "--out", str(out), "--date", "2026-12-01")
    assert r.code == 1 and r.err.endswith("1 case, 2 letters, 2 labels; 1 left out (see above)\n")
    pdf = PdfReader(str(out))
    sizes = [_size(p) for p in pdf.pages]
    # the card and two letters (a letter may run to a second page) on Letter paper, then one A4 sheet
    assert len(sizes) >= 4 and set(sizes[:-1]) == {(612.0, 792.0)} and sizes[-1] == (595.3, 841.9)
    sheet = pdf.pages[-1].extract_text()
    assert sheet.count("ФКУ ИК-2 УФСИН России по Владимирской обл.") == 2


def test_html_pack_and_refusals(tmp_path):
    out = tmp_path / "pack.html"
    r = run("pack", str(CASES / "30-urgent.yaml"), "--out", str(out), "--sender-name", "A. Writer",
            "--sender-address", "1 Road; Town", "--from", "GB", "--date", "2026-12-01")
    assert r.code == 0, r.err
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="envelope"') == 1 and html.count('<article class="letter"') == 1
    assert "@page envelope { size: 220mm 110mm" in html and "<svg" in html
    again = run("pack", str(CASES / "30-urgent.yaml"), "--out", str(out))
    assert again.code == 1 and again.err == f"appealkit: error: {out}: already exists; use --force to overwrite\n"
    bad = run("pack", str(CASES / "30-urgent.yaml"), "--out", str(tmp_path / "pack.docx"))
    assert bad.code == 2


def test_missing_weasyprint_says_what_to_install(monkeypatch):
    import sys

    from appealkit.errors import AppealkitError
    from appealkit.pack.pdf import html_to_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(AppealkitError, match=r"pip install 'appealkit\[pack\]'"):
        html_to_pdf("<p>x</p>")


def test_a_case_past_its_deadline_gets_its_card_only(tmp_path):
    from ..conftest import ROOT, run

    out = tmp_path / "p.html"
    r = run("pack", str(ROOT / "examples/ru-aliyev.yaml"), "--to", "person", "--writers",
            str(ROOT / "examples/writers.csv"), "--out", str(out), "--date", "2026-12-20")
    assert r.code == 0 and "has passed: the pack has its card only" in r.err
    assert "1 case, 0 letters, 0 envelopes" in r.err
    assert "passed: do not send" in out.read_text(encoding="utf-8")
