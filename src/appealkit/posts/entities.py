"""URLs, mentions and hashtags in post text, after twitter-text's rules (extract.yml): what
X counts as a link (23) and what a post already mentions or tags."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazyre import lazy as _lazy
from .chars import is_simple
from .tlds import known_tlds

# twitter-text's URL grammar (extract.yml), with plain `re`:
# - a URL follows the start or a character that is not an ASCII letter or digit, @, $ or #;
#   one without a scheme not after "-", "_", "." or "/" either;
# - with a scheme the host may hold any non-punctuation characters; without one it is ASCII
#   (Latin accents allowed), so "例example.com" still yields "example.com";
# - labels neither start nor end with "-" or "_", and the one before the TLD takes no "_";
#   the TLD is a known one and does not run on into [a-z0-9@+-];
# - paths take ASCII, Cyrillic and accented Latin characters and may not end in punctuation;
#   queries likewise; balanced parentheses are kept;
# - t.co links end with their slug (at most 40 characters).
_LATIN_ACCENTS = "\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff\u0100-\u024f\u0253\u0254\u0256\u0257\u0259\u025b\u0263\u0268\u026f\u0272\u0289\u028b\u02bb\u0300-\u036f\u1e00-\u1eff"
_UCHAR = r"[^\s!-/:-@\[-`{-~\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ufffe\uffff\u202a-\u202e]"
_ACHAR = "[a-z0-9" + _LATIN_ACCENTS + "]"
_PATH_CHARS = "[a-z\u0400-\u04ff0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~&|@" + _LATIN_ACCENTS + "]"
_PATH_END = "[+\\-a-z\u0400-\u04ff0-9=_#/" + _LATIN_ACCENTS + "]"
_PARENS = r"\((?:[^\s()]+|\([^\s()]*\))*\)"
_PATH = "(?:/(?:(?:" + _PATH_CHARS + "|" + _PARENS + ")*(?:" + _PATH_END + "|" + _PARENS + "))?)"
_QUERY = r"(?:\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/])"
_TLD_END = r"(?=[^0-9a-z@+-]|$)"
def _labels(char: str, inner: str) -> str:
    return "(?:(?:" + char + "(?:" + inner + "|" + char + ")*)?" + char + r"\.)"


# what follows a dot, up to a space or the next dot (Indic TLDs hold combining marks: not \w)
_LABEL_AFTER_DOT = _lazy(r"\.([^\s.]{1,63})")


def _tlds_in(text: str) -> tuple[str, ...]:
    """The known TLDs that could end a host in `text`: each label after a dot, and its
    prefixes, that twitter-text lists. The URL pattern is built for these only: all 1,574 in
    one alternation took 120 ms to compile and made matching six times slower."""
    known = known_tlds()
    found: set[str] = set()
    longest = _longest_tld()
    for label in _LABEL_AFTER_DOT().findall(text.lower()):
        found.update(label[:i] for i in range(1, min(len(label), longest) + 1) if label[:i] in known)
    return tuple(sorted(found))


@lru_cache(maxsize=1)
def _longest_tld() -> int:
    return max(map(len, known_tlds()))


@lru_cache(maxsize=256)
def _url_re(tlds: tuple[str, ...]) -> re.Pattern:
    # the longest TLD first, as twitter-text's alternation tries them
    names = "".join(re.escape(t) + "|" for t in sorted(tlds, key=len, reverse=True))
    tld = "(?P<{}>" + names + r"xn--[a-z0-9-]+)" + _TLD_END
    return re.compile(
        r"(?:^|(?<=[^a-z0-9@＠$#＃]))(?P<url>"
        r"(?:(?P<scheme>https?://)(?P<uhost>" + _labels(_UCHAR, "[_-]") + "*" + _labels(_UCHAR, "-") + ")"
        + tld.format("utld") +
        r"|(?P<ahost>" + _labels(_ACHAR, "[_-]") + "*" + _labels(_ACHAR, "-") + ")" + tld.format("atld") +
        r")(?::\d{1,5})?" + _PATH + "?" + _QUERY + "?)",
        re.IGNORECASE,
    )


_TCO = _lazy(r"^https?://t\.co/([a-z0-9]+)" + _QUERY + "?", re.IGNORECASE)
_TCO_MAX_SLUG = 40


def _valid_host(host: str) -> bool:
    """DNS limits, on the punycode form a browser would send: labels of 63, names of 253."""
    total = 0
    for label in host.rstrip(".").split("."):
        if label.lower().startswith("xn--") and not label.isascii():
            return False
        if not label.isascii():
            try:
                label = "xn--" + label.encode("punycode").decode("ascii")
            except UnicodeError:
                return False
        if not 0 < len(label) <= 63:
            return False
        total += len(label) + 1
    return total <= 254


def urls(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) for every URL, end exclusive, in code points."""
    if "." not in text:
        return []
    out = []
    for m in _url_re(_tlds_in(text)).finditer(text):
        url, start = m.group("url"), m.start("url")
        if not m.group("scheme") and start and text[start - 1] in "-_./":
            continue
        tld = m.group("utld") or m.group("atld")
        host = m.group("uhost") or m.group("ahost")
        if not _valid_host(host + tld):
            continue
        tco = _TCO().match(url) if "t.co/" in url.lower() else None
        if tco:
            if len(tco.group(1)) > _TCO_MAX_SLUG:
                continue
            url = tco.group(0)
        out.append((start, start + len(url), url))
    return out


# a screen name, and what may not follow it (more name, another @, an accented letter, "://")
_SCREEN_NAME = r"[@＠]([A-Za-z0-9_]{1,20})(?![A-Za-z0-9_@＠\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]|://)"
_MENTION = _lazy(_SCREEN_NAME)
_LIST_SLUG = _lazy(r"/[A-Za-z][A-Za-z0-9_-]{0,24}")
_REPLY = _lazy(r"^[\s\u3000]*" + _SCREEN_NAME)
_CASHTAG = _lazy(r"(?:^|(?<=\s))(?P<sign>\$)([a-z]{1,6}(?:[._][a-z]{1,2})?)(?=$|\s|[!-/:-@\[-`{-~])", re.IGNORECASE)
_RT = _lazy(r"(?:^|[^A-Za-z0-9_+~.-])rt:?$", re.IGNORECASE)
_HT = r"\p{L}\p{M}\p{N}_\u200c\u200d\ua67e\u05be\u05f3\u05f4\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\u00b7\u301c\uff5e"
# for text of letters without combining marks (chars.is_simple), \w is all a tag can hold
_HASHTAG_SIMPLE = _lazy(r"(?:^|(?<=[^&\w\u00b7]))[#＃]([\w\u00b7]*[^\W\d_][\w\u00b7]*)(?![#＃\w\u00b7]|://)")


@lru_cache(maxsize=1)
def _hashtag_re():
    import regex

    return regex.compile(
        r"(?:^|(?<=[\ufe0e\ufe0f])|(?<=[^&" + _HT + r"]))[#＃](?![\ufe0f\u20e3])"
        r"([" + _HT + r"]*[\p{L}\p{M}][" + _HT + r"]*+)(?![#＃]|://)"
    )


def _mention_ok(text: str, start: int) -> bool:
    """twitter-text: a mention follows a non-word character, or an "RT" / "RT:" prefix."""
    if start == 0:
        return True
    prev = text[start - 1]
    if not (prev.isascii() and (prev.isalnum() or prev in "_!#$%&*@＠")) and prev != "＠":
        return True
    return bool(_RT().search(text[max(0, start - 4):start]))


def mention_spans(text: str) -> list[tuple[str, str, int, int]]:
    """(screen_name, list_slug, start, end) for mentions and list mentions (@user/list)."""
    if "@" not in text and "＠" not in text:
        return []
    spans = [(s, e) for s, e, _ in urls(text)]
    out = []
    for m in _MENTION().finditer(text):
        if not _mention_ok(text, m.start()) or any(s <= m.start() < e for s, e in spans):
            continue
        slug = _LIST_SLUG().match(text, m.end()) if text[m.end():m.end() + 1] == "/" else None
        end = slug.end() if slug else m.end()
        out.append((m.group(1), slug.group() if slug else "", m.start(), end))
    return out


def mentions(text: str) -> list[str]:
    return [name for name, _, _, _ in mention_spans(text)]


def reply(text: str) -> str | None:
    """The screen name a post replies to: a mention that opens it."""
    m = _REPLY().match(text)
    return m.group(1) if m else None


def hashtag_spans(text: str) -> list[tuple[str, int, int]]:
    if "#" not in text and "＃" not in text:
        return []
    spans = [(s, e) for s, e, _ in urls(text)]
    pattern = _HASHTAG_SIMPLE() if is_simple(text) else _hashtag_re()
    return [(m.group(1), m.start(), m.end()) for m in pattern.finditer(text)
            if not any(s <= m.start() < e for s, e in spans)]


def hashtags(text: str) -> list[str]:
    return [tag for tag, _, _ in hashtag_spans(text)]


def cashtags(text: str) -> list[tuple[str, int, int]]:
    """(symbol, start, end) for cashtags ($TEST), "$" included in the span."""
    return [(m.group(2), m.start("sign"), m.end()) for m in _CASHTAG().finditer(text)]


# twitter-text's isValidUrl (RFC 3986 with its own limits), for whole strings
_UNRESERVED = "a-z\u0400-\u04ff0-9\\-._~"
_PCHAR = f"(?:[{_UNRESERVED}!$&'()*+,;=:|@]|%[0-9a-f]{{2}})"
_SEG_CH = "(?:[a-z0-9]|[^\\x00-\\x7f])"
_SEG_IN = "(?:[a-z0-9\\-]|[^\\x00-\\x7f])"
_SUB_IN = "(?:[a-z0-9\\-_]|[^\\x00-\\x7f])"
_DEC_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_VALID_URL_PARTS = _lazy(r"^(?:([^:/?#]+)://)?([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", re.DOTALL)
_VALID_PATH = _lazy(f"^(?:/{_PCHAR}*)*$", re.IGNORECASE)
_VALID_QUERY = _lazy(f"^(?:{_PCHAR}|/|\\?)*$", re.IGNORECASE)
_VALID_AUTHORITY = _lazy(
    f"^(?:(?:[{_UNRESERVED}!$&'()*+,;=:]|%[0-9a-f]{{2}})*@)?"
    f"(?:{_DEC_OCTET}(?:\\.{_DEC_OCTET}){{3}}|\\[[a-f0-9:.]+\\]"
    f"|(?:{_SEG_CH}(?:{_SUB_IN}*{_SEG_CH})?\\.)*"  # subdomains may hold "_"
    f"{_SEG_CH}(?:{_SEG_IN}*{_SEG_CH})?\\."
    f"(?:[a-z]|[^\\x00-\\x7f])(?:{_SEG_IN}*{_SEG_CH})?"
    f"|{_SEG_CH}(?:{_SEG_IN}*{_SEG_CH})?)"  # a bare host name
    f"(?::\\d*)?$", re.IGNORECASE)


def valid_url(url: str, require_protocol: bool = True) -> bool:
    """twitter-text's isValidUrl: is the whole string one URL (http or https)?"""
    parts = _VALID_URL_PARTS().match(url)
    if not parts or url != url.strip():
        return False
    scheme, authority, path, query, fragment = parts.groups()
    if require_protocol and not (scheme and scheme.lower() in ("http", "https")):
        return False
    if scheme and scheme.lower() not in ("http", "https"):
        return False
    if not _VALID_PATH().match(path):
        return False
    if query is not None and not _VALID_QUERY().match(query):
        return False
    if fragment is not None and not _VALID_QUERY().match(fragment):
        return False
    return bool(authority) and bool(_VALID_AUTHORITY().match(authority))
