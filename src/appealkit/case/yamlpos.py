"""YAML to plain Python values, remembering where each key and value stood.

safe_load semantics (plain data, merge keys included), plus what safe_load lacks: duplicate keys are errors,
tags outside the YAML core schema are refused by name, and aliases cannot expand a small file
into a huge one ("billion laughs"), because every node visited counts against a budget.
"""

from __future__ import annotations

from ..errors import CaseError, Where

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
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                line, col = table[p]
                return Where(self.file, line, col)
            if p in self.values:
                line, col = self.values[p]
                return Where(self.file, line, col)
            p = p[:-1]
        return Where(self.file, 1, 1)


def _mark(m) -> tuple[int, int]:
    return (m.line + 1, m.column + 1)


def parse(text: str, file: str, errors: list) -> tuple[object, Positions]:
    """Parse one YAML document. Fatal problems raise CaseError; the rest go to `errors`."""
    import yaml

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    pos = Positions(file)
    try:
        node = yaml.compose(text, Loader=loader_cls)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = Where(file, *_mark(mark)) if mark else Where(file)
        msg = " ".join(x for x in (e.context, e.problem) if x) or "YAML syntax error"
        if "tab" in msg.lower() or _char_at(text, mark) == "\t":
            msg += " (indent with spaces, not tabs)"
        raise CaseError(f"YAML syntax error: {msg}", where) from None
    except (RecursionError, MemoryError):
        raise CaseError(f"the document is nested more than {MAX_DEPTH} levels deep", Where(file, 1, 1)) from None
    except yaml.YAMLError as e:
        raise CaseError(f"YAML error: {e}", Where(file, 1, 1)) from None
    if node is None:
        raise CaseError("the file is empty; start one with 'appealkit init'", Where(file, 1, 1))
    constructor = yaml.constructor.SafeConstructor()
    budget = [MAX_NODES]
    value = _walk(node, (), 0, pos, constructor, errors, budget, yaml)
    return value, pos


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _walk(node, path, depth, pos, constructor, errors, budget, yaml):
    budget[0] -= 1
    where = Where(pos.file, *_mark(node.start_mark))
    if budget[0] < 0:
        raise CaseError(
            f"the document expands to more than {MAX_NODES} values (an alias bomb?)", where
        )
    if depth > MAX_DEPTH:
        raise CaseError(f"the document is nested more than {MAX_DEPTH} levels deep", where)
    pos.values.setdefault(path, _mark(node.start_mark))
    if node.tag not in _ALLOWED:
        pos.reported.add(path)
        errors.append(CaseError(
            f"tag '{node.tag}' is not allowed: a case file holds plain data only", where))
        return None
    if isinstance(node, yaml.ScalarNode):
        if node.tag != _CORE + "str":
            pos.raw[path] = node.value
        try:
            return constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError):
            pos.reported.add(path)
            kind = node.tag[len(_CORE):]
            hint = " (dates are YYYY-MM-DD)" if kind == "timestamp" else ""
            errors.append(CaseError(f"'{node.value}' is not a valid {kind}{hint}", where))
            return None
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk(child, path + (i,), depth + 1, pos, constructor, errors, budget, yaml)
            for i, child in enumerate(node.value)
        ]
    result: dict = {}
    merged: dict = {}
    for knode, vnode in node.value:
        kwhere = Where(pos.file, *_mark(knode.start_mark))
        if knode.tag == _CORE + "merge":
            # "<<: *anchor" (safe_load semantics): keys written here win over merged ones
            sources = vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]
            for src in sources:
                if not isinstance(src, yaml.MappingNode):
                    errors.append(CaseError("a merge key ('<<') takes a mapping or a list of mappings", kwhere))
                    continue
                value = _walk(src, path, depth + 1, pos, constructor, errors, budget, yaml)
                for k, v in (value or {}).items():
                    merged.setdefault(k, v)
            continue
        if not isinstance(knode, yaml.ScalarNode) or knode.tag not in _ALLOWED:
            errors.append(CaseError("a key must be a plain word", kwhere))
            continue
        key = knode.value if knode.tag == _CORE + "str" else _scalar_key(knode, constructor)
        if key in result:
            first = pos.keys.get(path + (key,))
            at = f" (first at line {first[0]})" if first else ""
            errors.append(CaseError(f"duplicate key '{key}'{at}", kwhere))
            continue
        pos.keys[path + (key,)] = _mark(knode.start_mark)
        result[key] = _walk(vnode, path + (key,), depth + 1, pos, constructor, errors, budget, yaml)
    for k, v in merged.items():
        result.setdefault(k, v)
    return result


def _scalar_key(knode, constructor):
    try:
        return constructor.construct_object(knode, deep=True)
    except Exception:  # a key that will not construct is reported as unknown later
        return knode.value
