"""YAML to plain Python values, remembering where each key and value stood.

safe_load semantics (plain data, merge keys included), plus what safe_load lacks: duplicate keys are errors,
tags outside the YAML core schema are refused by name, and aliases cannot expand a small file
into a huge one ("billion laughs"), because every node visited counts against a budget.
"""

from __future__ import annotations

from ..errors import CaseError, Where
from ..lazyre import lazy

MAX_NODES = 200_000  # values after alias expansion
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
_ALLOWED = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


class Positions:
    """Where each value (and each mapping key) stood, by path: ('person', 'address', 'lines', 0)."""

    def __init__(self, file: str):
        self.file = file
        self.values: dict[tuple, tuple[int, int]] = {}
        self.keys: dict[tuple, tuple[int, int]] = {}
        # the source text of scalars YAML typed as non-strings (`postcode: 010000`, `name: Yes`),
        # so a field that wants text gets what the author wrote, not 4096 or True
        self.raw: dict[tuple, str] = {}
        # values already reported (a refused tag, an impossible date): no follow-on errors there
        self.reported: set[tuple] = set()

    def at(self, path: tuple, key: bool = False) -> Where:
        p = tuple(path)
        if key and p in self.keys:
            return Where(self.file, *self.keys[p])
        while p:  # a value, else the nearest enclosing value that has a place
            if p in self.values:
                return Where(self.file, *self.values[p])
            p = p[:-1]
        return Where(self.file, 1, 1)


def _mark(m) -> tuple[int, int]:
    return (m.line + 1, m.column + 1)


def parse(text: str, file: str, errors: list) -> tuple[object, Positions]:
    """Parse one YAML document. Fatal problems raise CaseError; the rest go to `errors`."""
    from ..resources import yaml_module

    yaml = yaml_module()

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    pos = Positions(file)
    try:
        node = yaml.compose(text, Loader=loader_cls)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = Where(file, *_mark(mark)) if mark else Where(file)
        msg = " ".join(x for x in (e.context, e.problem) if x) or "YAML syntax error"
        raise CaseError(f"YAML syntax error: {msg}{syntax_hint(text, mark, msg)}", where) from None
    except (RecursionError, MemoryError):
        raise CaseError(f"the document is nested more than {MAX_DEPTH} levels deep", Where(file, 1, 1)) from None
    except yaml.YAMLError as e:
        raise CaseError(f"YAML error: {e}", Where(file, 1, 1)) from None
    if node is None:
        raise CaseError("the file is empty; start one with 'appealkit init'", Where(file, 1, 1))
    return _Walker(pos, errors, yaml).walk(node, (), 0), pos


_TYPO_QUOTES = "“”„‘’‚«»"
# compiled only when a syntax error is to be explained
_NO_SPACE = lazy(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?=[^\s:/\\])(\S+)")
_COLON_VALUE = lazy(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s+([^\s'\"\[{|>&*!#][^#]*?:\s.*)$")
_APOSTROPHE = lazy(r"^\s*(?:-\s+)?(?:[A-Za-z_][\w-]*:\s+)?'[^']*?(\w+)'(\w+)")
_KEY = lazy(r"^\s*[A-Za-z_][\w-]*:(\s|$)")


def syntax_hint(text: str, mark, msg: str) -> str:
    """The usual cause of a YAML syntax error, named with its fix, as " (...)"; or ""."""
    if mark is None:
        return ""
    lines = text.split("\n")
    n = min(mark.line, len(lines) - 1)  # 0-based
    here = lines[n]
    near = [(i, lines[i]) for i in range(n, max(0, n - 2) - 1, -1)]  # this line, then up to two above

    def at(i: int) -> str:
        return "" if i == n else f"line {i + 1}: "

    def quotes(line: str) -> str:
        return "".join(dict.fromkeys(c for c in line if c in _TYPO_QUOTES))

    if "\t" in here[: len(here) - len(here.lstrip())] or "tab" in msg.lower() or _char_at(text, mark) == "\t":
        return " (indent with spaces, not tabs)"
    if quotes(here):
        return _typo(quotes(here), "")
    for i, line in near:
        m = _APOSTROPHE().match(line)
        if m:
            a, b = m.group(1), m.group(2)
            return (f" ({at(i)}the apostrophe in {a}'{b} ends the text quoted with '...': write it twice "
                    f"({a}''{b}) or put the value in double quotes)")
    for i, line in near:
        m = _NO_SPACE().match(line)
        if m and not m.group(2).startswith(("//", "$")):
            return f" ({at(i)}put a space after the colon: '{m.group(1)}: {m.group(2)}')"
    above = next((lines[i] for i in range(n - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), "")
    indent = len(here) - len(here.lstrip())
    if above and indent > len(above) - len(above.lstrip()) and not above.rstrip().endswith((":", "|", ">", "|-", ">-")) \
            and not above.lstrip().startswith("- ") and _KEY().match(here):
        return (" (this line is indented more than the line above, which already has its value: "
                "line up keys of one mapping, or end the line above with a colon)")
    m = _COLON_VALUE().match(here)
    if m and "mapping values" in msg:
        return f" (the value holds ': '; put it in quotes: {m.group(1)}: \"{m.group(2).strip()}\")"
    for i, line in near[1:]:
        if quotes(line):
            return _typo(quotes(line), at(i))
    if any(w in msg for w in ("expected key", "expected ':'", "mapping values", "block end", "expected <")):
        return (" (usual causes: a line indented more or less than the keys beside it, a missing "
                "space after a colon, or a colon in an unquoted value)")
    return ""


def _typo(quotes: str, where: str) -> str:
    return (f" ({where}the typographic quotes {quotes} are ordinary letters to YAML, so they do not "
            f"protect a colon or # inside; put the value in straight quotes \"...\")")


def _char_at(text: str, mark) -> str:
    """The character at a mark (syntax_hint has one: it returns before, without)."""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


class _Walker:
    """Turns composed nodes into values, recording positions and collecting errors."""

    def __init__(self, pos: Positions, errors: list, yaml):
        self.pos = pos
        self.errors = errors
        self.yaml = yaml
        self.constructor = yaml.constructor.SafeConstructor()
        self.budget = MAX_NODES

    def _error(self, message: str, mark) -> None:
        self.errors.append(CaseError(message, Where(self.pos.file, *_mark(mark))))

    def walk(self, node, path: tuple, depth: int):
        yaml, pos = self.yaml, self.pos
        self.budget -= 1
        if self.budget < 0:
            raise CaseError(f"the document expands to more than {MAX_NODES} values (an alias bomb?)",
                            Where(pos.file, *_mark(node.start_mark)))
        if depth > MAX_DEPTH:
            raise CaseError(f"the document is nested more than {MAX_DEPTH} levels deep",
                            Where(pos.file, *_mark(node.start_mark)))
        pos.values.setdefault(path, _mark(node.start_mark))
        if node.tag not in _ALLOWED:
            pos.reported.add(path)
            self._error(f"tag '{node.tag}' is not allowed: a case file holds plain data only", node.start_mark)
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag != _CORE + "str":
                pos.raw[path] = node.value
            try:
                return self.constructor.construct_object(node, deep=True)
            except (ValueError, OverflowError, yaml.YAMLError):
                pos.reported.add(path)
                kind = node.tag[len(_CORE):]
                if kind == "timestamp":  # a date YAML recognises by its shape, that the calendar lacks
                    from .suggest import date_fix

                    fix = date_fix(node.value) or "dates are YYYY-MM-DD"
                    self._error(f"'{node.value}' is not a date: {fix}", node.start_mark)
                else:
                    self._error(f"'{node.value}' is not a valid {kind}", node.start_mark)
                return None
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        return self._mapping(node, path, depth)

    def _mapping(self, node, path: tuple, depth: int) -> dict:
        yaml, pos = self.yaml, self.pos
        result: dict = {}
        merged: dict = {}
        for knode, vnode in node.value:
            if knode.tag == _CORE + "merge":
                # "<<: *anchor" (safe_load semantics): keys written here win over merged ones
                sources = vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]
                for src in sources:
                    if not isinstance(src, yaml.MappingNode):
                        self._error("a merge key ('<<') takes a mapping or a list of mappings", knode.start_mark)
                        continue
                    for k, v in (self.walk(src, path, depth + 1) or {}).items():
                        merged.setdefault(k, v)
                continue
            if not isinstance(knode, yaml.ScalarNode) or knode.tag not in _ALLOWED:
                self._error("a key must be a plain word", knode.start_mark)
                continue
            key = knode.value if knode.tag == _CORE + "str" else _scalar_key(knode, self.constructor)
            if key in result:
                first = pos.keys.get(path + (key,))
                at = f" (first at line {first[0]})" if first else ""
                self._error(f"duplicate key '{key}'{at}", knode.start_mark)
                continue
            pos.keys[path + (key,)] = _mark(knode.start_mark)
            result[key] = self.walk(vnode, path + (key,), depth + 1)
        for k, v in merged.items():
            result.setdefault(k, v)
        return result


def _scalar_key(knode, constructor):
    try:
        return constructor.construct_object(knode, deep=True)
    except Exception:  # a key that will not construct is reported as unknown later
        return knode.value
