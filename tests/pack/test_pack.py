"""The printable pack, read back as printed: the PDF's pages, sizes, text, where the text sits,
and fonts (pypdf)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from ..conftest import ROOT, run

NIGHT = Path(__file__).parents[1] / "night"
CASES = NIGHT / "cases"
WRITERS = str(NIGHT / "pack-writers.csv")
# writers as a spreadsheet exports them: languages no case has (de, uk, be), two bad rows
MANY = str(NIGHT / "pack-night.csv")
OPEN = [str(CASES / f) for f in ("10-sokolova.yaml", "20-petrov.yaml", "30-urgent.yaml", "40-open.yaml",
                                 "50-future.yaml")]
MM = 72 / 25.4  # PDF points per millimetre
A4, DL = (595.3, 841.9), (623.6, 311.8)
ENVELOPE_MARKS = ("For the envelope", "Для конверта", "Для канверта", "From:", "От кого", "Від кого")


@pytest.fixture(scope="module")
def night(tmp_path_factory):
    """One pack for five cases (Belarus past its deadline, Russia, Kazakhstan, Armenia, Georgia)
    and seven writers, two of them bad rows."""
    out = tmp_path_factory.mktemp("pack") / "night pack.pdf"
    r = run("pack", *OPEN, "--writers", MANY, "--out", str(out), "--date", "2026-12-01")
    return r, PdfReader(str(out))


def _size(page) -> tuple[float, float]:
    return round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)


def _texts(pdf) -> list[str]:
    """Each page's text, its lines joined (a phrase may wrap anywhere)."""
    return [" ".join(p.extract_text().split()) for p in pdf.pages]


def _spans(page) -> list[tuple[float, float, str]]:
    """(x, y) in millimetres from the page's bottom left, and the text, of every text run."""
    out: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            out.append((x / MM, y / MM, text))

    page.extract_text(visitor_text=visit)
    return out


def test_bad_rows_named_once_good_rows_printed(night):
    r, pdf = night
    assert r.code == 1
    errors = [x for x in r.err.splitlines() if "error:" in x]
    assert errors == [f"appealkit: error: {MANY}:3: row 3 (No Address): no address",
                      f"appealkit: error: {MANY}:7: row 7 (Bad Country): unknown country code 'UK'; use the ISO two-letter code "
                      "(GB, DE, KZ) (the United Kingdom's is GB)"]
    assert r.err.endswith("appealkit: 5 cases, 35 letters (and 8 writer's copies), 30 envelopes; "
                          "2 left out (see above)\n")
    assert r.out.endswith("night pack.pdf\n")
    assert "no font here has" not in r.err


def test_every_writer_gets_letters_with_one_note_each(night):
    r, pdf = night
    texts = _texts(pdf)
    # five good writers, each with a letter to every open case's person and to Petrov's authorities
    for name in ("Anna Smith", "Анна Смирнова", "Jürgen Weber", "Олена Коваль", "Янка Купала"):
        letters = [t for t in texts if name in t and ("Кому:" in t or "To:" in t or "Dear" in t or "Уважаем" in t)]
        assert len(letters) >= 6, name
    # the writers in de, uk, be: one note each, not one per case x recipient
    notes = [x for x in r.err.splitlines() if "no letters in" in x]
    assert [x.split(f"{MANY}:")[1].split(":")[0] for x in notes] == ["5", "6", "8"]
    assert all("the case's language" in x for x in notes)
    assert len(set(r.err.splitlines())) == len(r.err.splitlines())  # nothing said twice


def test_support_letters_to_russian_prisons_in_russian_with_a_writers_copy(night):
    _, pdf = night
    texts = _texts(pdf)
    to_petrov = [t for t in texts if "Петрову Алексею Ивановичу" in t and "Кому:" in t]
    assert len(to_petrov) == 5  # every writer's letter to him is in Russian
    assert not [t for t in texts if "To: Alexei Petrov" in t and "Your copy" not in t]
    copies = [t for t in texts if "Your copy" in t]
    assert len(copies) == 8 and all("Keep this page; do not post it." in t for t in copies)
    anna = [t for t in copies if "Your copy, Anna Smith" in t]
    assert any("in Russian" in t and "Dear Alexei" in t for t in anna)
    # the copy's pages carry the mark at the top of every page
    i = texts.index(anna[0])
    assert "WRITER'S COPY" in texts[i]


def test_closed_appeal_keeps_support_letters_and_says_so(night):
    r, pdf = night
    texts = _texts(pdf)
    assert ("appealkit: warning: by-sokolova-2026: the appeal closed on 2026-11-20: the letters to the "
            "authorities are left out; the support letter to the person stays") in r.err
    card = next(t for t in texts if "Maria Sokolova" in t and "DEADLINE" in t)
    assert "the appeal is closed" in card and "support letters to the person are still welcome" in card
    assert "14 December: turns 41 in 13 days" in card  # the birthday near
    assert len([t for t in texts if "Кому: Соколовой Марии Петровне" in t]) == 5
    assert not [t for t in texts if "Sokolova" in t and "Dear Prosecutor" in t]


def test_the_page_in_the_envelope_holds_the_letter_only(night):
    _, pdf = night
    for page in pdf.pages:
        t = page.extract_text()
        if _size(page) != A4 or "Кому:" not in t and "To:" not in t:
            continue
        assert not any(m in t for m in ENVELOPE_MARKS), t
        # nothing below the signature: the writer's name is the letter's last line (a copy's
        # page mark comes after it in the text)
        last = t.replace("WRITER'S COPY — KEEP IT: NOT FOR THE ENVELOPE", "").strip().splitlines()[-1]
        assert any(last.strip() == n for n in ("Anna Smith", "Анна Смирнова", "Jürgen Weber", "Олена Коваль",
                                               "Янка Купала")), last


def test_cards_in_urgency_order_with_summary_and_country_line(night):
    _, pdf = night
    cards = [t for t in _texts(pdf) if "WHAT NOT TO WRITE" in t]
    names = [next(n for n in ("Nurlan", "Sokolova", "Beridze", "Petrov", "Petrosyan") if n in t) for t in cards]
    # as `list` orders them: urgent first, then by deadline, none given, the closed appeal last
    assert names == ["Nurlan", "Beridze", "Petrov", "Petrosyan", "Sokolova"]
    assert "Activist Nurlan Zhaksybekov is denied medical care in prison." in cards[0]
    assert "KAZAKHSTAN" in cards[0] and "RUSSIA" in cards[2]


def test_envelopes_keep_the_barcode_zone_clear(night):
    _, pdf = night
    envelopes = [p for p in pdf.pages if _size(p) == DL]
    assert len(envelopes) == 30
    for page in envelopes:
        spans = _spans(page)
        assert spans and min(y for _, y, _ in spans) >= 15, page.extract_text()
        assert max(x for x, _, _ in spans) < 220


def test_kazakh_armenian_georgian_as_text(night):
    _, pdf = night
    text = "\n".join(_texts(pdf))
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


def test_by_writer_bundles(tmp_path):
    out = tmp_path / "пакет.pdf"
    r = run("pack", *OPEN, "--writers", WRITERS, "--by", "writer", "--out", str(out), "--date", "2026-12-01")
    assert r.code == 1 and r.out == f"{out}\n"
    texts = _texts(PdfReader(str(out)))
    covers = [i for i, t in enumerate(texts) if "IN THIS BUNDLE" in t]
    assert len(covers) == 2 and covers[0] == 5  # the five cards first
    anna, smirnova = texts[covers[0]:covers[1]], texts[covers[1]:]
    assert all("Анна Смирнова" not in t for t in anna)
    assert all("Anna Smith" not in t for t in smirnova)
    assert sum("Кому: Петрову" in t for t in anna) == 1 and sum("UNITED KINGDOM" in t for t in anna) >= 5
    # the cover names what the writer will find: the copies' heading as printed, the envelopes' size
    cover = texts[covers[0]]
    assert 'Pages headed "Your copy" are for you' in cover and "print them on DL (220 x 110 mm) envelopes." in cover
    assert any("Your copy, Anna Smith:" in t for t in anna)


@pytest.mark.parametrize("sheet, paper, per, width, height", [
    ("l7163", A4, 14, 99.1, 38.1), ("l7160", A4, 21, 63.5, 38.1), ("5160", (612.0, 792.0), 30, 66.675, 25.4)])
def test_labels_run_on_and_keep_off_the_edges(tmp_path, sheet, paper, per, width, height):
    from appealkit.pack import LABEL_SHEETS

    out = tmp_path / "labels.pdf"
    r = run("pack", *OPEN, "--writers", WRITERS, "--envelope", "labels", "--labels", sheet, "--start-label", "3",
            "--out", str(out), "--date", "2026-12-01")
    assert r.code == 1 and r.err.endswith("12 labels; 1 left out (see above)\n")
    pdf = PdfReader(str(out))
    sheets = [p for p in pdf.pages if "Anna Smith, 1 High Street" in p.extract_text()]
    assert len(sheets) == -(-(12 + 2) // per) and all(_size(p) == paper for p in sheets)  # one run, not one per case
    s = LABEL_SHEETS[sheet]
    assert (s.width, s.height) == pytest.approx((width, height), abs=0.01)
    ph = paper[1] / MM
    for page in sheets:
        for x, y, text in _spans(page):
            top = ph - y  # the baseline, from the top
            col = min(range(s.columns), key=lambda c: abs(x - (s.left + c * (s.width + s.gap))))
            row = int((top - s.top) // s.height)
            left = s.left + col * (s.width + s.gap)
            assert x >= left + 1.5 and top <= s.top + (row + 1) * s.height - 1.5, text
            assert top >= s.top + row * s.height + 1.5 + 1.0, text  # a glyph's top is above its baseline
    first = _spans(sheets[0])
    # the first two labels of the used sheet stay empty: nothing in row 1, columns 1-2 (3160: 1-2 of 3)
    assert not [t for x, y, t in first if ph - y < s.top + s.height and x < s.left + 2 * s.width]


LETTER = (612.0, 792.0)


def test_labels_follow_the_paper(tmp_path):
    """US Letter paper gets US label sheets (Avery 5160) unless others are asked for: no A4 sheet
    among Letter pages, and no warning."""
    out = tmp_path / "letter.pdf"
    r = run("pack", OPEN[1], "--writers", WRITERS, "--paper", "letter", "--envelope", "labels",
            "--out", str(out), "--date", "2026-12-01")
    assert "label sheets are" not in r.err
    pages = PdfReader(str(out)).pages
    assert {_size(p) for p in pages} == {LETTER}
    assert sum("Anna Smith, 1 High Street" in p.extract_text() for p in pages) == 1


@pytest.mark.parametrize("paper, sheet, said", [
    ("letter", "l7163", "Avery L7163 label sheets are A4, the other pages US Letter"),
    ("a4", "5160", "Avery 5160 label sheets are US Letter, the other pages A4")])
def test_label_sheets_of_another_paper_are_said(tmp_path, paper, sheet, said):
    out = tmp_path / "mixed.pdf"
    r = run("pack", OPEN[1], "--writers", WRITERS, "--paper", paper, "--envelope", "labels", "--labels", sheet,
            "--out", str(out), "--date", "2026-12-01")
    assert r.err.count(said) == 1
    sizes = {_size(p) for p in PdfReader(str(out)).pages}
    assert sizes == {A4, LETTER}  # as asked: the organiser loads both


def test_start_label_is_checked_before_any_work(tmp_path):
    r = run("pack", *OPEN, "--envelope", "labels", "--start-label", "15", "--out", str(tmp_path / "p.pdf"))
    assert r.code == 1 and r.err == "appealkit: error: --start-label: the first label is 1 to 14 on Avery L7163\n"
    assert not list(tmp_path.iterdir())


def test_letter_paper_never_spills_a_line(tmp_path):
    out = tmp_path / "letter.pdf"
    r = run("pack", *OPEN, "--writers", WRITERS, "--paper", "letter", "--out", str(out), "--date", "2026-12-01")
    assert r.code == 1
    pdf = PdfReader(str(out))
    for page in pdf.pages:
        if _size(page) == (612.0, 792.0):
            assert len(page.extract_text().strip().splitlines()) > 3, page.extract_text()


def test_html_pack_and_refusals(tmp_path):
    out = tmp_path / "pack.html"
    r = run("pack", str(CASES / "30-urgent.yaml"), "--out", str(out), "--sender-name", "A. Writer",
            "--sender-address", "1 Road; Town", "--from", "GB", "--date", "2026-12-01")
    assert r.code == 0, r.err
    html = out.read_text(encoding="utf-8")
    assert html.count('<section class="item envelope"') == 1 and html.count('<article class="item letter"') == 1
    assert "@page envelope { size: 220mm 110mm" in html and "<svg" in html
    again = run("pack", str(CASES / "30-urgent.yaml"), "--out", str(out))
    assert again.code == 1 and again.err == f"appealkit: error: {out}: already exists; use --force to overwrite\n"
    bad = run("pack", str(CASES / "30-urgent.yaml"), "--out", str(tmp_path / "pack.docx"))
    assert bad.code == 2
    nowhere = run("pack", str(CASES / "30-urgent.yaml"), "--out", str(tmp_path / "no" / "pack.pdf"))
    assert nowhere.code == 1 and "output folder does not exist" in nowhere.err


def test_missing_weasyprint_says_what_to_install(monkeypatch):
    import sys

    from appealkit.errors import AppealkitError
    from appealkit.pack.pdf import html_to_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(AppealkitError, match=r"pip install 'appealkit\[pack\]'"):
        html_to_pdf("<p>x</p>")


def test_a_closed_appeal_keeps_its_support_letter(tmp_path):
    out = tmp_path / "p.html"
    r = run("pack", str(ROOT / "examples/ru-aliyev.yaml"), "--writers", str(ROOT / "examples/writers.csv"),
            "--out", str(out), "--date", "2026-12-20")
    assert "the letters to the authorities are left out; the support letter to the person stays" in r.err
    html = out.read_text(encoding="utf-8")
    assert "the appeal is closed" in html
    assert html.count('data-to="person"') >= 1 and 'data-to="president"' not in html


def _api_night(tmp_path, monkeypatch, part_pages: int, workers: int):
    """The night through the API (appealkit.make_pack), in parts of `part_pages` items."""
    import datetime as dt

    from appealkit import make_pack
    from appealkit.pack import html

    monkeypatch.setattr(html, "PART_PAGES", part_pages)
    out = tmp_path / f"parts-{part_pages}-{workers}.pdf"
    seen: list[tuple[int, int]] = []
    report = make_pack(OPEN, str(out), writers=MANY, date=dt.date(2026, 12, 1), workers=workers,
                       progress=lambda done, total: seen.append((done, total)))
    return out, report, seen


def test_parts_in_workers_join_to_the_same_pack(tmp_path, monkeypatch):
    one, _, _ = _api_night(tmp_path, monkeypatch, 1000, 1)
    many, report, seen = _api_night(tmp_path, monkeypatch, 7, 2)
    a, b = _texts(PdfReader(str(one))), _texts(PdfReader(str(many)))
    assert len(b) == len(a) > 70 and a == b
    assert report.summary() == "5 cases, 35 letters (and 8 writer's copies), 30 envelopes; 2 left out (see above)"
    assert len(seen) >= 10 and seen[-1] == (25, 25)  # 5 writers x 5 cases
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert sorted(os.listdir(tmp_path)) == sorted([one.name, many.name])  # no part left behind


def test_interrupted_pack_leaves_no_file(tmp_path, monkeypatch):
    from appealkit.pack import pdf

    calls = []

    def boom(html, path):
        calls.append(path)
        if len(calls) == 3:
            raise KeyboardInterrupt
        Path(path).write_bytes(b"%PDF-1.4")
        return []

    monkeypatch.setattr(pdf, "_render_part", boom)
    with pytest.raises(KeyboardInterrupt):
        _api_night(tmp_path, monkeypatch, 5, 1)
    assert os.listdir(tmp_path) == []


def test_a_5000_letter_word_wraps(tmp_path):
    word = "Ж" + "а" * 4999
    text = (CASES / "30-urgent.yaml").read_text(encoding="utf-8").replace(
        "summary: Activist", f"summary: {word} Activist")
    case = tmp_path / "long.yaml"
    case.write_text(text, encoding="utf-8")
    out = tmp_path / "long.pdf"
    r = run("pack", str(case), "--out", str(out), "--from", "GB", "--date", "2026-12-01")
    assert r.code == 0, r.err
    card = "".join("".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert word in card  # every letter printed, none clipped at the page's edge


def test_an_embassy_without_an_address_is_on_the_card_and_said_once(tmp_path):
    """The case cannot give the embassy in each writer's country: the ambassador's letter is
    printed for the writer to address, the card says so, and the run says it once per case."""
    out = tmp_path / "embassy.html"
    r = run("pack", str(ROOT / "examples" / "ru-aliyev.yaml"), "--writers", WRITERS, "--out", str(out),
            "--date", "2026-12-01")
    html = out.read_text(encoding="utf-8")
    assert html.count("<h2>The embassy</h2>") == 1
    assert ("The letter to the Ambassador of the Russian Federation has no address: find the address of the "
            "embassy in your country on its website and write it on the letter and on an envelope.") in html
    assert r.err.count("the letter to the Ambassador of the Russian Federation has no address") == 1
    r = run("pack", str(ROOT / "examples" / "ru-aliyev.yaml"), "--writers", WRITERS, "--out", str(out), "--force",
            "--date", "2026-12-01", "--embassy-address", "6/7 Kensington Palace Gardens; London W8 4QP")
    assert "The embassy</h2>" not in out.read_text(encoding="utf-8") and "has no address" not in r.err


def test_two_embassies_without_an_address_are_one_plural_sentence(tmp_path):
    # a second ambassador the case gives no address for either
    case = (ROOT / "examples" / "ru-aliyev.yaml").read_text(encoding="utf-8").replace("\ncopies:", """
  belarus:
    role: ambassador
    pronoun: they
    title: {en: Ambassador of the Republic of Belarus, ru: Посол Республики Беларусь}

copies:""")
    (tmp_path / "two.yaml").write_text(case, encoding="utf-8")
    out = tmp_path / "two.html"
    r = run("pack", str(tmp_path / "two.yaml"), "--writers", str(ROOT / "examples" / "writers.csv"), "--out",
            str(out), "--date", "2026-12-01")
    assert r.code == 0, r.err
    assert ("The letters to the Ambassador of the Russian Federation and to the Ambassador of the Republic of "
            "Belarus have no address: find") in out.read_text(encoding="utf-8")


def test_a_writer_in_the_cases_country_gets_no_letter_to_its_ambassador():
    """There is no embassy of a country in that country: a writer in Ukraine writes to Ukraine's
    officials, not to «Послу України в Україні»; a writer abroad still writes to the ambassador."""
    from appealkit import load_case
    from appealkit.night.assign import assignments
    from appealkit.night.writers import Writer

    case = load_case(str(ROOT / "examples" / "ua-kovalenko.yaml"))
    at_home = Writer(2, "Оксана Мельник", ["вул. Шевченка, 5", "79000 Львів"], "UA", "uk")
    abroad = Writer(3, "Anna Smith", ["1 High Street", "London N1 1AA"], "GB", "en")
    home, away = assignments([case], [at_home, abroad], by="case")
    assert "ambassador" in away.recipients and any(j.target == "ambassador" for j in away.jobs)
    assert "ambassador" not in home.recipients and not any(j.target == "ambassador" for j in home.jobs)
    assert {"prosecutor", "president", "person"} <= set(home.recipients)


def test_label_paper_notice_is_the_runs(tmp_path):
    from appealkit import make_pack
    from appealkit.night.notices import Code

    report = make_pack([OPEN[1]], str(tmp_path / "p.html"), writers=WRITERS, envelope="labels", labels="5160",
                       date=dt.date(2026, 12, 1))
    (n,) = [n for n in report.notices if n.code == Code.LABEL_PAPER]
    assert (n.level, n.scope, n.where) == ("warning", "run", None)
