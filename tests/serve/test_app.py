"""The event server through Starlette's test client: pages, letters, PDFs, the log, the
organiser's page, and every refusal a clear page (never a traceback)."""

from __future__ import annotations

import datetime as dt
import io

from .forms import VOLUNTEER, csrf, form_of

CASE = "ru-aliyev-2026"


def _letter(client, **extra):
    token = csrf(client.get(f"/case/{CASE}").text)
    data = {"csrf": token, "case": CASE, "to": "person", **VOLUNTEER, **extra}
    return client.post("/letter", data=data)


def _pdf(client, **extra):
    r = _letter(client, **extra)
    assert r.status_code == 200, r.text
    return client.post("/pdf", data=form_of(r.text))


def _text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_home_lists_every_case_and_locks_the_browser_to_this_server(client, night):
    r = client.get("/")
    assert r.status_code == 200
    for case in night.cases.values():
        assert f"/case/{case.id}" in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp and "http" not in csp
    assert "appealkit_browser" in r.headers["set-cookie"] and "HttpOnly" in r.headers["set-cookie"]


def test_cases_with_fewer_letters_come_first(client, night):
    from appealkit.serve.record import Entry

    first = night.ordered()[0].id
    for i in range(2):
        night.recorder.record(Entry(f"{i:032x}", night.day(), first, "person", "W"))
    rows = night.ordered()
    assert rows[0].id != first
    # open cases by their letters, fewest first; passed deadlines after them all
    counts = {cid: t.letters for cid, t in night.recorder.tallies(night.day() - dt.timedelta(days=365)).items()}
    open_counts = [counts.get(r.id, 0) for r in rows if not r.passed]
    assert open_counts == sorted(open_counts) and counts[first] >= 2
    assert [r.passed for r in rows] == sorted(r.passed for r in rows)


def test_case_page_shows_the_card(client, night):
    r = client.get(f"/case/{CASE}")
    assert r.status_code == 200
    assert "Timur Aliyev" in r.text and "What not to write" in r.text and "insulin" in r.text
    assert 'name="csrf"' in r.text


def test_a_letter_in_cyrillic_and_its_pdf_recorded_once(client, night):
    r = _letter(client, message="Держитесь, мы о Вас помним.")
    assert r.status_code == 200
    assert "Анна Смирнова" in r.text and "Держитесь" in r.text
    fields = form_of(r.text)
    pdf = client.post("/pdf", data=fields)
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    text = _text(pdf.content)
    assert "Анна Смирнова" in text and "Держитесь" in text and "ПОКРОВ" in text.upper()
    again = client.post("/pdf", data=fields)  # a second click prints again, records nothing
    assert again.status_code == 200
    (e,) = night.recorder.entries()
    assert (e.case_id, e.recipient, e.writer, e.event) == (CASE, "person", "Анна Смирнова", "Test night")
    assert e.address == ["1 High Street", "London N1 1AA"]


def test_forms_without_the_csrf_token_are_refused(client, night):
    client.get("/")
    data = {"case": CASE, "to": "person", **VOLUNTEER}
    for path in ("/letter", "/pdf"):
        r = client.post(path, data=data)
        assert r.status_code == 403 and "This form has expired" in r.text
        r = client.post(path, data={**data, "csrf": "0" * 64})
        assert r.status_code == 403
    assert night.recorder.entries() == []


def test_a_token_from_another_browser_is_refused(client):
    token = csrf(client.get("/").text)
    client.cookies.clear()
    client.get("/")  # a new browser id
    r = client.post("/letter", data={"csrf": token, "case": CASE, "to": "person", **VOLUNTEER})
    assert r.status_code == 403


def test_a_10_mb_message_is_refused_with_a_clear_page(client, night):
    token = csrf(client.get(f"/case/{CASE}").text)
    r = client.post("/letter", data={"csrf": token, "case": CASE, "to": "person", **VOLUNTEER,
                                     "message": "я" * (10 * 1024 * 1024)})
    assert r.status_code == 413
    assert "Too long" in r.text and "Traceback" not in r.text
    assert night.recorder.entries() == []


def test_bad_fields_are_refused_by_name(client):
    token = csrf(client.get(f"/case/{CASE}").text)
    base = {"csrf": token, "case": CASE, "to": "person", **VOLUNTEER}
    assert client.post("/letter", data={**base, "path": "../../etc/passwd"}).status_code == 400
    r = client.post("/letter", data={**base, "to": "nobody"})
    assert r.status_code == 400 and "Choose whom to write to" in r.text
    r = client.post("/letter", data={**base, "case": "../examples/atabek"})
    assert r.status_code == 404 and "No such case" in r.text
    r = client.post("/letter", data={**base, "name": ""})
    assert r.status_code == 400 and "name and address" in r.text
    r = client.post("/letter", data={**base, "country": "XX"})
    assert r.status_code == 400


def test_assets_by_fixed_name_only(client):
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/app.js").status_code == 200
    for bad in ("/static/..%2f..%2fcli.py", "/static/pack.html.j2", "/static/%2e%2e"):
        r = client.get(bad)
        assert r.status_code == 404 and "Not found" in r.text


def test_unknown_pages_and_methods_get_pages(client):
    r = client.get("/nowhere")
    assert r.status_code == 404 and "<h1>Not found</h1>" in r.text
    assert client.get("/letter").status_code == 405


def test_censor_warnings_as_the_volunteer_types(client):
    token = csrf(client.get(f"/case/{CASE}").text)
    r = client.post("/api/censor", json={"text": "Желаю Вам свободы, война кончится", "case": CASE, "lang": "ru"},
                    headers={"x-csrf-token": token})
    assert r.status_code == 200
    words = {w["word"] for w in r.json()["warnings"]}
    assert {"свободы", "война"} <= words
    assert client.post("/api/censor", json={"text": "x", "case": CASE}).status_code == 403
    clean = client.post("/api/censor", json={"text": "Тёплый привет!", "case": CASE, "lang": "ru"},
                        headers={"x-csrf-token": token})
    assert clean.json() == {"warnings": []}


def test_the_organiser_needs_the_token(client, night):
    assert client.get("/organiser").status_code == 403
    assert client.get("/organiser/letters.csv").status_code == 403
    assert client.get("/organiser/pack.pdf").status_code == 403
    r = client.get("/organiser", params={"token": night.token[:-1] + "x"})
    assert r.status_code == 403 and "Wrong token" in r.text
    r = client.get("/organiser", params={"token": night.token}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/organiser"
    assert client.get("/organiser").status_code == 200


def test_the_organiser_counts_exports_and_prints_exactly_the_letters(client, night):
    assert _pdf(client).status_code == 200
    assert _pdf(client, to="prosecutor").status_code == 200
    client.get("/organiser", params={"token": night.token})
    page = client.get("/organiser").text
    assert "2 letters tonight" in page and "Анна Смирнова" in page
    rows = client.get("/organiser/letters.csv").text.splitlines()
    assert rows[0] == "day,case,recipient,writer,event,channel"
    assert sorted(r.split(",")[2] for r in rows[1:]) == ["person", "prosecutor"]
    for by in ("case", "writer"):
        pack = client.get("/organiser/pack.pdf", params={"by": by})
        assert pack.status_code == 200 and pack.content.startswith(b"%PDF")
        text = _text(pack.content)
        assert text.count("Анна Смирнова") >= 2


def test_closing_the_night_stops_new_letters(client, night):
    client.get("/organiser", params={"token": night.token})
    page = client.get("/organiser").text
    assert client.post("/organiser/close", data={"night": "close"}).status_code == 403  # no token
    r = client.post("/organiser/close", data={"csrf": csrf(page), "night": "close"}, follow_redirects=False)
    assert r.status_code == 303 and not night.open
    r = _letter(client)
    assert r.status_code == 409 and "closed" in r.text


def test_labels_instead_of_an_envelope(client):
    r = _letter(client)
    pdf = client.post("/pdf", data={**form_of(r.text), "envelope": "labels"})
    assert pdf.status_code == 200 and "Анна Смирнова" in _text(pdf.content)


def test_a_full_pdf_queue_asks_to_try_again_and_records_nothing(client, night):
    r = _letter(client)
    night.renderer.queue = 0  # every slot taken
    pdf = client.post("/pdf", data=form_of(r.text))
    assert pdf.status_code == 503 and pdf.headers["retry-after"] == "5" and "Busy printing" in pdf.text
    assert night.recorder.entries() == []
