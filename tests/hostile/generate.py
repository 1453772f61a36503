"""Writes the hostile corpus: broken and malicious case files, each with the exit code and the
stderr fragment every command must give (expect.json). Run it to regenerate the files."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

GOOD = """\
appealkit: 1
id: hostile-base
title: A title
organisation: Some Group
person:
  name: Jane Doe
  address:
    country: RU
    lines: [ул. Ленина, д. 5]
    postcode: "101000"
    locality: г. Москва
summary: Something happened.
asks:
  - Release Jane Doe.
recipients:
  minister:
    role: minister
    address:
      country: RU
      lines: [Ministry]
      locality: Moscow
share:
  text: Free Jane Doe
"""


def sub(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


PAYLOADS = ["{{ 7*7 }}", "{% for x in range(3) %}X{% endfor %}", "{0.__class__}", "%s%s%n",
            "{{ ''.__class__.__mro__[1].__subclasses__() }}", "${7*7}", "<script>alert(1)</script>"]

CORPUS: dict[str, tuple[bytes | str, int, str]] = {
    "syntax-unclosed-bracket": ("appealkit: 1\nid: [unclosed\ntitle: x\n", 1, "YAML syntax error"),
    "syntax-bad-indent": (sub("  name: Jane Doe", " name: Jane Doe"), 1, "YAML syntax error"),
    "syntax-unclosed-quote": (sub("title: A title", 'title: "A title'), 1, "YAML syntax error"),
    "syntax-tab-indent": (sub("  name: Jane Doe", "\tname: Jane Doe"), 1, "tabs"),
    "syntax-two-documents": (GOOD + "---\n" + GOOD, 1, "single document"),
    "syntax-stray-colon": (sub("summary: Something happened.", "summary: a: b: c"), 1, "YAML syntax error"),
    "duplicate-key-top": (GOOD + "title: Again\n", 1, "duplicate key 'title'"),
    "duplicate-key-nested": (sub("  name: Jane Doe", "  name: Jane Doe\n  name: John Doe"), 1, "duplicate key 'name'"),
    "wrong-type-title-list": (sub("title: A title", "title: [a, b]"), 1, "title must be a string"),
    "wrong-type-asks-string": (sub("asks:\n  - Release Jane Doe.", "asks: Release Jane Doe."), 1, "asks must be a list"),
    "wrong-type-person-list": (GOOD[:GOOD.index("person:")] + "person: [Jane Doe]\n" + GOOD[GOOD.index("summary:"):],
                               1, "person must be a mapping"),
    "wrong-type-age": (sub("  name: Jane Doe", "  name: Jane Doe\n  age: old"), 1, "age must be a whole number"),
    "wrong-type-age-huge": (sub("  name: Jane Doe", "  name: Jane Doe\n  age: 1e400"), 1, "age must be a whole number"),
    "wrong-type-recipients-list": (sub("recipients:\n  minister:", "recipients:\n  - minister:"), 1, "recipients must be a mapping"),
    "wrong-type-handles": (sub("    role: minister", "    role: minister\n    handles: [MVD_RK]"), 1, "handles must be a mapping"),
    "wrong-type-lines-string": (sub("    lines: [ул. Ленина, д. 5]", "    lines: ул. Ленина"), 1, "must be a list"),
    "wrong-type-title-null": (sub("title: A title", "title:"), 1, "title must be a string"),
    "unknown-key-top": (sub("recipients:", "recipents:"), 1, "did you mean 'recipients'?"),
    "unknown-key-person": (sub("  name: Jane Doe", "  name: Jane Doe\n  nmae: x"), 1, "did you mean 'name'?"),
    "unknown-key-address": (sub("    postcode:", "    postode:"), 1, "did you mean 'postcode'?"),
    "missing-id": (sub("id: hostile-base\n", ""), 1, "missing required key 'id'"),
    "missing-person-name": (sub("  name: Jane Doe\n", ""), 1, "missing required key 'name'"),
    "bad-date": (GOOD + "issued: 2014-02-30\n", 1, "February 2014 has no day 30"),
    "bad-deadline": (GOOD + "deadline: soon\n", 1, "deadline must be an ISO date"),
    "bad-country": (sub("    country: RU\n    lines: [ул.", "    country: RUS\n    lines: [ул."), 1, "not an ISO 3166-1"),
    "bad-slug": (sub("id: hostile-base", "id: Hostile Base"), 1, "not a slug"),
    "id-path-traversal": (sub("id: hostile-base", "id: ../../etc/passwd"), 1, "not a slug"),
    "recipient-id-traversal": (sub("  minister:", '  "../../x":'), 1, "must match"),
    "reserved-recipient-id": (sub("  minister:", "  all:"), 1, "reserved"),
    "bad-url-javascript": (GOOD + "url: javascript:alert(1)\n", 1, "not an http(s) URL"),
    "bad-version": (sub("appealkit: 1", "appealkit: 2"), 1, "format version must be 1"),
    "bad-role": (sub("    role: minister", "    role: king"), 1, "unknown role 'king'"),
    "alias-bomb": ("a: &a [" + ",".join(["x"] * 10) + "]\n" + "".join(
        f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdefgh", "bcdefghi")), 1, "alias bomb"),
    "deep-nesting": ("a: " + "[" * 500 + "]" * 500 + "\n", 1, "nested"),
    "deep-nesting-mapping": ("".join("  " * i + f"k{i}:\n" for i in range(100)) + "  " * 100 + "v: 1\n", 1, "nested"),
    "binary-junk": (bytes(range(128, 256)) * 8, 1, "not UTF-8"),
    "nul-bytes": (GOOD.encode() + b"\x00\x00junk", 1, "NUL bytes"),
    "windows-1251": (GOOD.encode("cp1251"), 1, "Windows-1251"),
    "utf16-bom": (GOOD.encode("utf-16"), 1, "UTF-16"),
    "utf16-nobom": (GOOD.encode("utf-16-le"), 1, "UTF-16"),
    "utf8-bom": (b"\xef\xbb\xbf" + GOOD.encode(), 0, ""),
    "crlf": (GOOD.replace("\n", "\r\n").encode(), 0, ""),
    "python-object-tag": (GOOD + "x: !!python/object:os.system ls\n", 1, "is not allowed"),
    "python-apply-tag": (GOOD + "x: !!python/object/apply:os.system [ls]\n", 1, "is not allowed"),
    "python-name-tag": (sub("title: A title", "title: !!python/name:os.system"), 1, "is not allowed"),
    "custom-tag": (sub("title: A title", "title: !secret token"), 1, "is not allowed"),
    "merge-key": (GOOD.replace("  minister:\n", "  minister: &m\n").replace(
        "share:", "  deputy:\n    <<: *m\n    name: Deputy\nshare:"), 0, ""),  # valid: safe_load merges
    "very-long-line": (sub("summary: Something happened.", "summary: " + "x" * 20_000), 1, "longer than"),
    "empty": ("", 1, "empty"),
    "only-comments": ("# nothing here\n# at all\n", 1, "empty"),
    "list-not-mapping": ("- appealkit: 1\n- id: x\n", 1, "must be a mapping"),
    "scalar-not-mapping": ("just a string\n", 1, "must be a mapping"),
    "empty-asks": (sub("asks:\n  - Release Jane Doe.", "asks: []"), 1, "asks is empty"),
    "jinja-payloads": (
        GOOD.replace("title: A title", "title: " + json.dumps(" ".join(PAYLOADS)))
            .replace("summary: Something happened.", "summary: " + json.dumps("Summary " + " ".join(PAYLOADS)))
            .replace("  - Release Jane Doe.", "\n".join("  - " + json.dumps("Ask " + p) for p in PAYLOADS))
            .replace("organisation: Some Group", "organisation: " + json.dumps("{{ config }}"))
            .replace("  name: Jane Doe", "  name: " + json.dumps("Jane {{ 7*7 }} Doe"))
            .replace("share:\n  text: Free Jane Doe", "copies: " + json.dumps("cc {{ 7*7 }}") + "\nshare:\n  text: " + json.dumps("Free {{ 7*7 }} {0.__class__}")),
        0, ""),
    "format-string-payloads": (sub("summary: Something happened.", 'summary: "{0} {1!r} {name.__globals__} %(x)s %d"'), 0, ""),
    "bidi-override-name": (sub("  name: Jane Doe", "  name: \"Jane \\u202eeoD\""), 0, ""),
    "zero-width-name": (sub("  name: Jane Doe", "  name: \"Ja\\u200bne\\u200d Doe\""), 0, ""),
    "homoglyph-address": (sub("ул. Ленина", "ул. Лeнина"), 0, ""),
}


def main() -> None:
    expect = {}
    for name, (content, code, fragment) in CORPUS.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (HERE / f"{name}.yaml").write_bytes(data)
        expect[f"{name}.yaml"] = {"code": code, "fragment": fragment}
    (HERE / "expect.json").write_text(json.dumps(expect, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(expect)} files")


if __name__ == "__main__":
    main()
