"""Case files from imported rows: a new file per person, or the person's existing file with only
the list's own keys changed (names, birth date, address, status, source). The file is edited
as a round trip through ruamel.yaml, so the organiser's texts, comments and key order stay as
they were written."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

from .person import Imported
from .read import formats_data

_ADDRESS_KEYS = ("country", "lines", "postcode", "locality", "district", "region")


@dataclass
class Known:
    """A case file already in the folder, and how a re-import recognises it."""

    path: Path
    keys: list[tuple[str, str]] = field(default_factory=list)
    list: str | None = None


def _yaml():
    from ruamel.yaml import YAML

    y = YAML()  # round trip: comments, order and quoting kept
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a long line the organiser wrote
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def scan(folder: Path) -> list[Known]:
    """The case files in `folder` that came from a list (they have `source`)."""
    import yaml

    out = []
    for p in sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")]):
        try:
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue  # not ours to judge here: `check` names what is wrong with it
        if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
            continue
        src = data["source"]
        person: dict = data["person"] if isinstance(data.get("person"), dict) else {}
        k = Known(p, list=str(src.get("list")))
        for key in ("id", "url"):
            if src.get(key) is not None:
                k.keys.append((key, str(src[key])))
        born = person.get("born")
        year = born.year if isinstance(born, dt.date) else born
        k.keys.append(("name", f"{person.get('native_name') or _first(person.get('name'))} {year or ''}".strip()))
        out.append(k)
    return out


def _first(name) -> str:
    if isinstance(name, dict):
        return str(next(iter(name.values()), ""))
    return str(name or "")


def new_case(p: Imported) -> str:
    """The text of a new case file for `p`."""
    from ruamel.yaml.comments import CommentedMap

    title, summary, ask = _texts(p)
    listed = formats_data()["list_titles"].get(p.source["list"], p.source["list"])
    doc = CommentedMap()
    doc["appealkit"] = 1
    doc["id"] = p.case_id
    doc["title"] = title
    doc["language"] = "en"
    doc["person"] = _person(p)
    doc["summary"] = summary
    doc["asks"] = [ask]
    doc["source"] = CommentedMap(p.source)
    doc.yaml_set_start_comment(
        f"Imported by appealkit import from {listed}.\n"
        "The list owns person.name, native_name, born, status and address, and source: a re-import updates them.\n"
        "Everything else (title, summary, asks, recipients, share) is yours to write; a re-import keeps it.")
    if p.scheme:
        from ..translit import get_scheme

        doc["person"].yaml_add_eol_comment(f"en: by {get_scheme(p.scheme).name.split(' (')[0]}", "name")
    if p.why:
        doc["person"].yaml_add_eol_comment(f"the list says: {p.why}", "status")
    buf = io.StringIO()
    _yaml().dump(doc, buf)
    return buf.getvalue()


def _texts(p: Imported):
    """(title, summary, ask) as language -> text, in English and each language of the name the
    grammar can decline; a language it cannot is left out (the organiser writes it)."""
    from ruamel.yaml.comments import CommentedMap

    from ..grammar import name_case

    t = formats_data()["texts"]
    listed = formats_data()["list_titles"].get(p.source["list"], p.source["list"])
    by_list = t["summary_by_list"].get(p.source["list"], {})
    title, summary, ask = CommentedMap(), CommentedMap(), CommentedMap()
    for lang, name in p.name.items():
        if lang not in t["ask"]:
            continue
        a = t["ask"][lang]
        try:
            declined = name if a["case"] == "nom" else name_case(name, a["case"], p.pronoun or "they", lang)
        except Exception:  # a name the grammar cannot decline: that language is the organiser's to write
            continue
        title[lang] = t["title"][lang].format(name=name)
        summary[lang] = by_list.get(lang, t["summary"][lang]).format(name=name, list=listed)
        ask[lang] = a["text"].format(name=declined)
    return title, summary, ask


def _person(p: Imported):
    from ruamel.yaml.comments import CommentedMap

    m = CommentedMap()
    m["name"] = CommentedMap(p.name)
    m["name"].fa.set_flow_style()
    if p.native_name:
        m["native_name"] = p.native_name
    if p.born is not None:
        m["born"] = p.born
    if p.pronoun:
        m["pronoun"] = p.pronoun
    m["status"] = p.status
    if p.address:
        m["address"] = _address(p.address)
    return m


def _address(a: dict):
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    m = CommentedMap()
    for k in _ADDRESS_KEYS:
        if k in a:
            m[k] = CommentedSeq(a[k]) if k == "lines" else a[k]
    return m


def update_case(text: str, p: Imported) -> tuple[str, list[str]]:
    """`text` with the list's keys set from `p`, and what changed (empty: nothing)."""
    y = _yaml()
    doc = y.load(text)
    person = doc["person"]
    changes: list[str] = []
    if p.native_name and person.get("native_name") != p.native_name:
        changes.append(f"name: {person.get('native_name') or _first(person.get('name'))} -> {p.native_name}")
        person["native_name"] = p.native_name
        name = person.get("name")
        if isinstance(name, dict):
            name.update(p.name)
        else:
            person["name"] = p.name
    old_born = person.get("born")
    if p.born is not None and old_born != p.born and not (
            isinstance(old_born, dt.date) and old_born.year == p.born):  # a date the organiser knows better
        changes.append(f"born: {old_born} -> {p.born}")
        _set(person, "born", p.born, after="native_name")
    if p.pronoun and "pronoun" not in person:
        _set(person, "pronoun", p.pronoun, after="born")
    old_status = person.get("status", "held")
    if old_status != p.status:
        changes.append(f"status: {old_status} -> {p.status}" + (f" ({p.why})" if p.why else ""))
    _set(person, "status", p.status, after="pronoun")
    if old_status != p.status:
        _list_says(person, p.why)
    old = person.get("address")
    if p.address is None and old is not None:
        changes.append(f"address removed ({p.status}): was {_one_line(old)}")
        _delete(person, "address")
    elif p.address is not None and (old is None or any(_plain(old.get(k)) != p.address.get(k) for k in _ADDRESS_KEYS)):
        changes.append(f"address: {_one_line(old) if old else 'none'} -> {_one_line(p.address)}")
        if old is None:
            person["address"] = _address(p.address)
        else:
            new = _address(p.address)
            for i, k in enumerate(_ADDRESS_KEYS):  # in place: the organiser's comments on the address stay
                if k in new:
                    _set(old, k, new[k], after=[x for x in _ADDRESS_KEYS[:i] if x in old][-1:] or None)
                elif k in old:
                    _delete(old, k)
            if "latin" in old:  # a Latin rendering of the old address is wrong for the new one
                _delete(old, "latin")
                changes.append("address.latin removed (it rendered the old address)")
    src = doc.get("source")
    if not isinstance(src, dict):
        doc["source"] = src = {}
    for k, v in p.source.items():
        if k != "imported" and src.get(k) != v:
            src[k] = v
    if changes or "imported" not in src:
        src["imported"] = p.source["imported"]
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue(), changes


def _list_says(person, why: str | None) -> None:
    """The comment after `status` that quotes the list: replaced (or dropped) with the status.
    A comment of the organiser's own there is left alone."""
    item = person.ca.items.get("status")
    comment = item[2] if item and len(item) > 2 else None
    if comment is not None and not comment.value.lstrip().startswith("# the list says:"):
        return
    if comment is not None:
        item[2] = None
    if why:
        person.yaml_add_eol_comment(f"the list says: {why}", "status")


def _plain(v):
    return [str(x) for x in v] if isinstance(v, list) else (str(v) if v is not None else None)


def _one_line(a) -> str:
    return ", ".join(str(x) for k in ("lines", "locality") for x in (a.get(k) if k == "lines" else [a.get(k)]) or [] if x)


def _set(m, key, value, after) -> None:
    """m[key] = value; a new key goes after `after` (a key, a list of one key, or None: first)
    so the file reads in order. A comment written below the key before it stays below that key's
    block, as ruamel keeps it: inserting never moves the organiser's comments."""
    if key in m:
        m[key] = value
        return
    if isinstance(after, list):
        after = after[0] if after else None
    keys = list(m)
    pos = keys.index(after) + 1 if after in keys else (0 if after is None else len(keys))
    if pos == len(keys) and keys:  # appending: the comment after the old last key moves below the new one
        _move_comment(m, keys[-1], key)
    m.insert(pos, key, value)


def _delete(m, key) -> None:
    """del m[key], keeping a comment that followed it (ruamel stores it with the key)."""
    keys = list(m)
    i = keys.index(key)
    if i > 0:
        _move_comment(m, key, keys[i - 1])
    del m[key]


def _move_comment(m, src, dst) -> None:
    """Move the comment lines written after `src`'s value to after `dst`'s, when `src` holds them.
    A nested mapping or list holds its own trailing comment: found and moved from there."""
    holder, k = _last_holder(m, src)
    item = holder.ca.items.get(k) if holder is not None else None
    if not item or len(item) < 3 or item[2] is None:
        return
    comment = item[2]
    item[2] = None
    m.ca.items.setdefault(dst, [None, None, None, None])[2] = comment


def _last_holder(m, key):
    """The mapping and key whose comment slot holds what is written after m[key]'s block."""
    v = m[key]
    while hasattr(v, "ca") and len(v):
        if isinstance(v, dict):
            m, key = v, list(v)[-1]
        else:
            m, key = v, len(v) - 1
        v = m[key]
    return m, key
