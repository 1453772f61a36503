"""The parts' PDFs joined part by part (pack/join.py), read back: pages in order with their sizes
and text, offsets a strict reader accepts, bookmarks and destinations as pypdf's writer kept them,
a balanced pages tree, pages that render. Its memory is measured in bench/join.py."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader, PdfWriter

from appealkit.errors import OutputError
from appealkit.pack import join as join_module
from appealkit.pack.join import join
from appealkit.pack.pdf import _join, html_to_pdf

A4, DL, LETTER = (595.3, 841.9), (623.6, 311.8), (612.0, 792.0)
PAGE = '<section style="break-after: page">{}</section>'


def _html(name: str, title: str, lang: str, size: str, heading: str, pages: list[str]) -> str:
    body = "".join(PAGE.format(f"<p>{p}</p>") for p in pages)
    return (f'<html lang="{lang}"><head><title>{title}</title><style>@page {{ size: {size} }}</style></head>'
            f'<body><h1 id="{name}">{heading}</h1><h2>Deadline</h2><h2>Held at</h2>{body}</body></html>')


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    """A card and letters on A4 (Russian, bookmarked), DL envelopes, a US letter page, as WeasyPrint
    writes them: {name: (path, [each page's text])}."""
    folder = tmp_path_factory.mktemp("parts")
    made = {}
    for name, html, texts in [
        ("card", ("Пакет на вечер", "ru", "A4", "Алексей Петров",
                  ["Уважаемый господин начальник 1", "Уважаемый господин начальник 2"]), 2),
        ("envelopes", ("Envelopes", "en", "220mm 110mm", "Envelopes", ["Envelope one", "Envelope two"]), 2),
        ("letter", ("US", "en", "letter", "Letter", ["Dear Sir"]), 1),
    ]:
        path = folder / f"{name}.pdf"
        path.write_bytes(html_to_pdf(_html(name, *html))[0])
        made[name] = (str(path), [" ".join(p.extract_text().split()) for p in PdfReader(path).pages])
        assert len(made[name][1]) == texts
    return made


def _joined(tmp_path, paths: list[str], name: str = "joined.pdf"):
    out = tmp_path / name
    with out.open("wb") as fh:
        count = join(paths, fh)
    return out, count


def _size(page) -> tuple[float, float]:
    return round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)


ORDER = ["card", "envelopes", "letter", "card"]  # one part twice: its object numbers recur


def test_every_page_in_order_with_its_size_and_text(tmp_path, parts):
    out, count = _joined(tmp_path, [parts[n][0] for n in ORDER])
    pdf = PdfReader(out, strict=True)
    assert count == len(pdf.pages) == 7
    assert [" ".join(p.extract_text().split()) for p in pdf.pages] == [t for n in ORDER for t in parts[n][1]]
    assert "Уважаемый господин начальник 2" in pdf.pages[1].extract_text()
    assert [_size(p) for p in pdf.pages] == [A4, A4, DL, DL, LETTER, A4, A4]


def test_strict_reading_finds_every_object_where_the_table_says(tmp_path, parts, caplog):
    out, _ = _joined(tmp_path, [parts[n][0] for n in ORDER])
    data = out.read_bytes()
    start = int(data.rsplit(b"startxref", 1)[1].split()[0])
    table = re.match(rb"xref\n0 (\d+)\n", data[start:])
    assert table
    count, at = int(table.group(1)), start + table.end()
    rows = [data[i:i + 20] for i in range(at, at + 20 * count, 20)]  # 20 bytes each, as the standard says
    assert rows[0] == b"0000000000 65535 f \n" and data[at + 20 * count:].startswith(b"trailer\n")
    for num, row in enumerate(rows[1:], 1):
        assert row.endswith(b" 00000 n \n") and data[int(row[:10]):].startswith(b"%d 0 obj\n" % num), num
    caplog.set_level(logging.WARNING, logger="pypdf")
    pdf = PdfReader(out, strict=True)
    for num in range(1, count):
        assert pdf.get_object(num) is not None
    for page in pdf.pages:
        page.extract_text()
    assert caplog.records == []
    assert data.startswith(b"%PDF-1.7\n") and data.endswith(b"%%EOF\n")


def _outline(pdf, items=None) -> list:
    out = []
    for item in pdf.outline if items is None else items:
        if isinstance(item, list):
            out.append(_outline(pdf, item))
        else:
            out.append((item.title, pdf.get_destination_page_number(item), float(item.top)))
    return out


def test_bookmarks_and_destinations_as_pypdfs_writer_kept_them(tmp_path, parts):
    paths = [parts[n][0] for n in ORDER]
    out, _ = _joined(tmp_path, paths)
    writer = PdfWriter()
    for p in paths:
        writer.append(p)
    writer.write(tmp_path / "pypdf.pdf")
    ours, theirs = PdfReader(out, strict=True), PdfReader(tmp_path / "pypdf.pdf")
    assert _outline(ours) == _outline(theirs)  # titles, nesting, pages, places on the page
    card, sections = ("Алексей Петров", 0), [("Deadline", 0), ("Held at", 0)]
    assert [[t[:2] for t in x] if isinstance(x, list) else x[:2] for x in _outline(ours)] == [
        card, sections, ("Envelopes", 2), [("Deadline", 2), ("Held at", 2)], ("Letter", 4),
        [("Deadline", 4), ("Held at", 4)], ("Алексей Петров", 5), [("Deadline", 5), ("Held at", 5)]]
    top = ours.root_object["/Outlines"]  # every bookmark open, as WeasyPrint made them
    assert top["/Count"] == 12 and top["/First"]["/Count"] == 2 and "/Count" not in top["/First"]["/First"]
    # a name is kept once, where it first stands
    dests = {k: ours.get_destination_page_number(d) for k, d in ours.named_destinations.items()}
    assert dests == {"card": 0, "envelopes": 2, "letter": 4}
    # the first part's title and language; the producer is ours
    assert ours.metadata == {"/Producer": "appealkit", "/Title": "Пакет на вечер"}
    assert ours.root_object["/Lang"] == "ru"


def test_the_pages_tree_is_balanced(tmp_path, parts, monkeypatch):
    monkeypatch.setattr(join_module, "FANOUT", 2)
    out, count = _joined(tmp_path, [parts["envelopes"][0]] * 5)  # 10 pages: 5 leaves, 3, 2, 1
    pdf = PdfReader(out, strict=True)
    assert count == len(pdf.pages) == 10
    assert [" ".join(p.extract_text().split()) for p in pdf.pages] == parts["envelopes"][1] * 5

    def depths(node, depth=0) -> list[int]:
        assert len(node["/Kids"]) <= 2
        kids = [k.get_object() for k in node["/Kids"]]
        assert all(k["/Parent"].get_object() is node for k in kids)
        if kids[0]["/Type"] == "/Page":
            assert node["/Count"] == len(kids)
            return [depth]
        assert node["/Count"] == sum(k["/Count"] for k in kids)
        return [d for k in kids for d in depths(k, depth + 1)]

    root = pdf.root_object["/Pages"]
    assert "/Parent" not in root and root["/Count"] == 10
    assert set(depths(root)) == {3}


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) is not on this machine")
def test_first_and_last_pages_render_with_their_fonts(tmp_path, parts):
    out, count = _joined(tmp_path, [parts[n][0] for n in ORDER])
    for page in (1, count):
        r = subprocess.run(["pdftoppm", "-gray", "-r", "50", "-f", str(page), "-l", str(page), str(out)],
                           capture_output=True, check=True)
        assert r.stderr == b""  # poppler names a broken table, object or font here
        width, height, _, pixels = r.stdout.split(maxsplit=4)[1:]
        assert len(pixels) == int(width) * int(height)
        assert sum(1 for b in pixels if b < 128) > 200, page  # glyphs drawn, not a blank page


def test_an_existing_file_is_replaced_with_force_only(tmp_path, parts):
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"mine")
    with pytest.raises(OutputError):
        _join([parts["letter"][0]], target, force=False)
    assert target.read_bytes() == b"mine"
    _join([parts["letter"][0]], target, force=True)
    assert len(PdfReader(target, strict=True).pages) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]  # no temporary file left


def test_a_character_no_font_has_is_named_from_any_part(tmp_path):
    """The code points a part's fonts lack reach the run's notice, whichever part (and worker) had them."""
    from appealkit.pack.pdf import write_pdf

    page = "<html><body><p>{}</p></body></html>"
    parts = [(page.format("Hello"), 0), (page.format("A \ue000 here"), 1), (page.format("Bye"), 2)]
    assert write_pdf(parts, str(tmp_path / "one.pdf"), workers=1) == ["U+E000"]
    assert write_pdf(parts, str(tmp_path / "two.pdf"), workers=2) == ["U+E000"]
