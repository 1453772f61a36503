"""The web application: the volunteers' pages, the organiser's page, their JSON endpoint and
assets. Starlette (ASGI), served by uvicorn; every page is a template in data/serve/, rendered
in the letters' own Jinja2 environment (sandboxed, autoescaped)."""

from __future__ import annotations

import json
import secrets
import uuid
from contextlib import asynccontextmanager
from functools import lru_cache

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from ..errors import AppealkitError
from ..letters.compose import letter_warnings
from . import guard, letters, state
from .render import Busy
from .state import Night

# every asset the pages use, by fixed name: no path from a request reaches the file system
STATIC = {"app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8"}
# the browser may load nothing from anywhere but this server, and run no inline script
HEADERS = [(b"content-security-policy", b"default-src 'none'; script-src 'self'; style-src 'self'; "
                                        b"img-src 'self' data:; connect-src 'self'; form-action 'self'; "
                                        b"base-uri 'none'; frame-ancestors 'none'"),
           (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
           (b"cache-control", b"no-store")]


class Refused(Exception):
    """A request the server turns down with a page saying why."""

    def __init__(self, status: int, title: str, message: str):
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


def create_app(night: Night) -> _Headers:
    routes = [
        Route("/", home), Route("/case/{case_id}", case_page), Route("/letter", letter, methods=["POST"]),
        Route("/pdf", pdf, methods=["POST"]), Route("/api/censor", censor, methods=["POST"]),
        Route("/organiser", organiser), Route("/organiser/pack.pdf", organiser_pack),
        Route("/organiser/letters.csv", organiser_csv), Route("/organiser/close", organiser_close, methods=["POST"]),
        Route("/static/{name}", static),
    ]
    handlers = {Refused: _refused, HTTPException: _http_error, guard.TooLarge: _too_large,
                guard.BadForm: _bad_form, Busy: _busy, AppealkitError: _core_error, Exception: _crash}
    app = Starlette(routes=routes, exception_handlers=handlers, lifespan=_lifespan)
    app.state.night = night
    return _Headers(app)


class _Headers:
    """The security headers on every response (an ASGI wrapper: no response escapes it)."""

    def __init__(self, app: Starlette):
        self.app = app
        self.state = app.state

    async def __call__(self, scope, receive, send):
        async def add(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + HEADERS
            await send(message)

        try:
            await self.app(scope, receive, add if scope["type"] == "http" else send)
        except Exception:
            # Starlette re-raises what its error page (_crash) answered, for the server to log with
            # a traceback: _crash has said it in one line already
            if scope["type"] != "http":
                raise


@asynccontextmanager
async def _lifespan(app):
    night: Night = app.state.night
    night.renderer.start()
    try:
        yield
    finally:
        night.renderer.close()  # the renders under way finish first
        night.recorder.close()


# ------------------------------------------------------------------ pages


@lru_cache(maxsize=1)
def _templates():
    """The letters' environment (sandboxed, autoescaped, strict), overlaid with the pages' loader."""
    from jinja2 import FileSystemLoader

    from ..letters.render import environment
    from ..resources import data_path

    return environment(True).overlay(loader=FileSystemLoader(str(data_path("serve"))))


def _browser(request: Request) -> tuple[str, bool]:
    """This browser's random id (its cookie), and whether it is new."""
    have = request.cookies.get(guard.BROWSER_COOKIE)
    if have and 16 <= len(have) <= 64:
        return have, False
    return secrets.token_urlsafe(24), True


def page(request: Request, template: str, status: int = 200, **ctx) -> HTMLResponse:
    night: Night = request.app.state.night
    browser, new = _browser(request)
    html = _templates().get_template(template).render(
        csrf=guard.csrf_token(night.key, browser), event=night.event, open=night.open, **ctx)
    r = HTMLResponse(html, status)
    if new:
        r.set_cookie(guard.BROWSER_COOKIE, browser, httponly=True, samesite="strict")
    return r


async def _checked_form(request: Request) -> dict[str, str]:
    night: Night = request.app.state.night
    form = await guard.read_form(request)
    if not guard.csrf_ok(night.key, request.cookies.get(guard.BROWSER_COOKIE), form.get("csrf")):
        raise Refused(403, "This form has expired",
                      "The page was open too long, or came from somewhere else. Go back, reload the page and try again.")
    return form


async def home(request: Request) -> Response:
    night: Night = request.app.state.night
    rows = await run_in_threadpool(night.ordered)
    return page(request, "volunteer.html.j2", rows=rows)


async def case_page(request: Request) -> Response:
    night: Night = request.app.state.night
    case = _case(night, request.path_params["case_id"])
    return page(request, "case.html.j2", case=case, card=_card(case, night), recipients=state.recipients(case),
                countries=state.countries(), languages=state.languages())


def _card(case, night: Night) -> dict:
    """The case's card as the pack has it (its QR code drawn once a day, not per page)."""
    from ..pack.html import card

    key = (case.id, night.day())
    if key not in night.cards:
        c = card(case, night.day())
        c["summary"] = " ".join(case.summary.pick(case.language, "en").split()) if case.summary else ""
        c["id"] = case.id
        night.cards = {key: c, **{k: v for k, v in night.cards.items() if k[1] == key[1]}}
    return night.cards[key]


def _case(night: Night, case_id: str):
    case = night.cases.get(case_id)
    if case is None:
        raise Refused(404, "No such case", "This night has no such case. Go back to the list of cases.")
    return case


def _volunteer(form: dict[str, str]) -> letters.Volunteer:
    from ..address.countries import is_iso_country
    from ..letters.sender import split_lines

    name = " ".join(form.get("name", "").split())
    address = split_lines(form.get("address", "").replace("\r", "").replace("\n", ";"))
    country = form.get("country", "").strip().upper() or None
    lang = form.get("lang", "").strip() or None
    if not name or not address:
        raise Refused(400, "Your name and address are needed",
                      "The letter is signed with your name and carries your return address. Go back and fill them in.")
    if len(address) > 8:
        raise Refused(400, "The address is too long", "A return address has at most 8 lines.")
    if country is not None and not is_iso_country(country):
        raise Refused(400, "Unknown country", "Choose your country from the list.")
    if lang is not None and lang not in dict(state.languages()):
        raise Refused(400, "Unknown language", "Choose your language from the list.")
    return letters.Volunteer(name, address, country, lang)


def _target(case, form: dict[str, str]) -> str:
    to = form.get("to", "")
    if to not in dict(state.recipients(case)):
        raise Refused(400, "Choose whom to write to", "Go back and choose one of the case's recipients.")
    return to


def _open(night: Night) -> None:
    if not night.open:
        raise Refused(409, "The night is closed", "The organiser has closed this letter-writing night. Thank you for coming!")


async def letter(request: Request) -> Response:
    night: Night = request.app.state.night
    form = await _checked_form(request)
    _open(night)
    case = _case(night, form.get("case", ""))
    to, v = _target(case, form), _volunteer(form)
    message = form.get("message", "").strip()
    x = await run_in_threadpool(letters.preview, case, to, v, message, night.day())
    notes = letter_warnings(x.warnings)
    return page(request, "letter.html.j2", case=case, letter=x, notes=notes, form=form,
                uid=uuid.uuid4().hex, to_label=dict(state.recipients(case))[to])


async def pdf(request: Request) -> Response:
    from ..output import safe_name
    from .record import Entry

    night: Night = request.app.state.night
    form = await _checked_form(request)
    _open(night)
    case = _case(night, form.get("case", ""))
    to, v = _target(case, form), _volunteer(form)
    uid = form.get("uid", "")
    if not (len(uid) == 32 and all(c in "0123456789abcdef" for c in uid)):
        raise Refused(400, "Start again from the letter", "Go back to the letter and press the button there.")
    envelope = "labels" if form.get("envelope") == "labels" else "dl"
    message = form.get("message", "").strip()
    day = night.day()
    html = await run_in_threadpool(letters.letter_html, case, to, v, message, day, envelope)
    data, _ = await night.renderer.pdf([html])
    entry = Entry(uid, day, case.id, to, v.name, v.address, v.country or "", v.lang or "", message, night.event)
    await run_in_threadpool(night.recorder.record, entry)  # committed before the PDF leaves
    name = safe_name(f"letter-{case.id}-{to}.pdf")
    return Response(data, media_type="application/pdf",
                    headers={"content-disposition": f'attachment; filename="{name}"'})


async def censor(request: Request) -> Response:
    """The censor's words in a message as the volunteer types: {"warnings": [{"word", "why"}]}."""
    from ..letters.checks import caution_hits

    night: Night = request.app.state.night
    if not guard.csrf_ok(night.key, request.cookies.get(guard.BROWSER_COOKIE), request.headers.get("x-csrf-token")):
        return JSONResponse({"error": "expired page: reload it"}, 403)
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > guard.FORM_LIMIT:
            return JSONResponse({"error": "too long"}, 413)
    try:
        q = json.loads(raw.decode("utf-8"))
        text, case_id = str(q["text"])[:guard.FIELD_LIMITS["message"]], str(q["case"])
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"error": "send {text, case}"}, 400)
    if case_id not in night.cases:
        return JSONResponse({"error": "no such case"}, 404)
    # a message may be in any language, whatever the letter's: every caution list reads it (and
    # no language named by the request picks a file)
    langs = [lg for lg, _ in state.languages()]

    def hits():
        with letters._compose:  # the morphology is shared with the letters being composed
            return [{"word": w, "why": why} for lg in langs for w, why in caution_hits(text, lg, morphology=True)]

    found = {h["word"]: h for h in await run_in_threadpool(hits)}  # a word once, whichever language found it
    return JSONResponse({"warnings": list(found.values())})


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC:
        raise Refused(404, "Not found", "There is no such page here.")
    return Response(_asset(name), media_type=STATIC[name], headers={"cache-control": "max-age=3600"})


@lru_cache(maxsize=None)
def _asset(name: str) -> bytes:
    from ..resources import data_path

    return data_path("serve", "static", name).read_bytes()


# ------------------------------------------------------------------ the organiser


def _organiser(request: Request) -> Night:
    night: Night = request.app.state.night
    if not guard.same(request.cookies.get(guard.ORGANISER_COOKIE), night.token):
        raise Refused(403, "For the organiser only",
                      "Open the organiser's address printed when the server started (it carries the token).")
    return night


async def organiser(request: Request) -> Response:
    night: Night = request.app.state.night
    given = request.query_params.get("token")
    if given is not None:
        if not guard.same(given, night.token):
            raise Refused(403, "Wrong token", "Open the organiser's address exactly as the server printed it.")
        r = RedirectResponse("/organiser", 303)  # the token leaves the address bar for a cookie
        r.set_cookie(guard.ORGANISER_COOKIE, night.token, httponly=True, samesite="strict", path="/organiser")
        return r
    _organiser(request)
    entries = await run_in_threadpool(night.recorder.entries)
    by_case: dict[str, int] = {}
    by_writer: dict[str, int] = {}
    for e in entries:
        by_case[e.case_id] = by_case.get(e.case_id, 0) + 1
        by_writer[e.writer] = by_writer.get(e.writer, 0) + 1
    names = {cid: c.person.name.pick(c.language, "en") for cid, c in night.cases.items()}
    return page(request, "organiser.html.j2", total=len(entries), names=names,
                by_case=sorted(by_case.items(), key=lambda x: (-x[1], x[0])),
                by_writer=sorted(by_writer.items(), key=lambda x: (-x[1], x[0])))


async def organiser_pack(request: Request) -> Response:
    night = _organiser(request)
    by = "writer" if request.query_params.get("by") == "writer" else "case"
    entries = await run_in_threadpool(night.recorder.entries)
    if not entries:
        raise Refused(404, "No letters yet", "The pack holds the letters the volunteers have printed: none so far.")
    htmls = await run_in_threadpool(letters.pack_html, night.cases, entries, by, night.day())
    data, _ = await night.renderer.pdf(htmls)
    return Response(data, media_type="application/pdf",
                    headers={"content-disposition": f'attachment; filename="pack-by-{by}.pdf"'})


async def organiser_csv(request: Request) -> Response:
    night = _organiser(request)
    text = await run_in_threadpool(night.recorder.csv)
    return Response(text.encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": 'attachment; filename="letters.csv"'})


async def organiser_close(request: Request) -> Response:
    night = _organiser(request)
    form = await _checked_form(request)
    night.open = form.get("night") == "open"  # the same switch opens the night again
    return RedirectResponse("/organiser", 303)


# ------------------------------------------------------------------ error pages (never a traceback)


def _error(request: Request, status: int, title: str, message: str) -> Response:
    try:
        return page(request, "error.html.j2", status, title=title, message=message)
    except Exception:  # the templates themselves failed: plain text still says it
        return Response(f"{title}\n\n{message}\n", status, media_type="text/plain; charset=utf-8")


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    return _error(request, exc.status, exc.title, exc.message)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return _error(request, 404, "Not found", "There is no such page here.")
    if exc.status_code == 405:
        return _error(request, 405, "Not here", "This address does not take that kind of request.")
    return _error(request, exc.status_code, "The request was refused", str(exc.detail))


async def _too_large(request: Request, exc: Exception) -> Response:
    kb = guard.FORM_LIMIT // 1024
    return _error(request, 413, "Too long",
                  f"What you sent is larger than this server takes ({kb} KB). A personal message can have up to "
                  f"{guard.FIELD_LIMITS['message']} characters: go back and shorten it.")


async def _bad_form(request: Request, exc: Exception) -> Response:
    return _error(request, 400, "The form could not be used", f"{exc}. Go back, reload the page and try again.")


async def _busy(request: Request, exc: Exception) -> Response:
    r = _error(request, 503, "Busy printing", "Many letters are being printed at this moment. Wait a few seconds and press the button again.")
    r.headers["retry-after"] = "5"
    return r


async def _core_error(request: Request, exc: Exception) -> Response:
    return _error(request, 400, "This letter cannot be made", str(exc))


async def _crash(request: Request, exc: Exception) -> Response:
    import sys

    sys.stderr.write(f"appealkit: error: internal error on {request.url.path}: {type(exc).__name__}: {exc}\n")
    return _error(request, 500, "Something went wrong",
                  "The server could not finish this. Nothing was recorded; go back and try again.")
