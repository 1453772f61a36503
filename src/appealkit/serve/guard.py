"""The server's defences: the organiser's token, CSRF tokens on every form, and forms read with
a size limit. Secrets are compared in constant time (hmac.compare_digest)."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import parse_qsl

FORM_LIMIT = 64 * 1024  # bytes of a form: a letter's fields and a long personal message fit
FIELD_LIMITS = {"name": 200, "address": 1000, "country": 2, "lang": 8, "message": 4000, "case": 120,
                "to": 120, "uid": 64, "csrf": 128, "envelope": 8, "night": 8}
BROWSER_COOKIE = "appealkit_browser"
ORGANISER_COOKIE = "appealkit_organiser"


class TooLarge(Exception):
    """A request body over FORM_LIMIT."""


class BadForm(Exception):
    """A field the form does not have, or over its size."""


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def same(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a secret a request carries with the one the server holds."""
    return given is not None and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


def csrf_token(key: bytes, browser: str) -> str:
    """The form token of one browser: an HMAC of its cookie under the server's key (a signed
    double-submit token: a page elsewhere can neither read the cookie nor make the token)."""
    return hmac.new(key, browser.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_ok(key: bytes, browser: str | None, token: str | None) -> bool:
    return bool(browser) and same(token, csrf_token(key, browser or ""))


async def read_form(request, limit: int = FORM_LIMIT) -> dict[str, str]:
    """An urlencoded form, read no further than `limit` bytes (TooLarge past it); each field
    within its own limit (BadForm)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise TooLarge()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise TooLarge()
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False,
                          max_num_fields=len(FIELD_LIMITS))
    except (UnicodeDecodeError, ValueError):
        raise BadForm("the form could not be read") from None
    form: dict[str, str] = {}
    for k, v in pairs:
        if k not in FIELD_LIMITS:
            raise BadForm(f"unknown field '{k[:40]}'")
        if len(v) > FIELD_LIMITS[k]:
            raise BadForm(f"the field '{k}' is longer than {FIELD_LIMITS[k]} characters")
        form[k] = v
    return form
