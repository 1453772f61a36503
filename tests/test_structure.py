"""The package's structure: no import cycles (lazy imports inside functions included), no
private names reached across modules, and only cli.py knows typer and rich."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from appealkit import scripts

PKG = Path(__file__).resolve().parent.parent / "src" / "appealkit"


def _modules() -> dict[str, Path]:
    out = {}
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path):
    """(imported appealkit module, imported names) for every import in the module, lazy ones too."""
    is_pkg = path.name == "__init__.py"
    here = name if is_pkg else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("appealkit"):
                    yield a.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                target = f"{base}.{node.module}" if node.module else base
            elif node.module and node.module.startswith("appealkit"):
                target = node.module
            else:
                continue
            names = [a.name for a in node.names]
            subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in MODULES]
            if subs:
                yield from ((s, []) for s in subs)
            rest = [n for n in names if f"{target}.{n}" not in MODULES]
            if rest or not subs:
                yield target, rest


GRAPH = {m: {t for t, _ in _imports(m, p) if t in MODULES and t != m} for m, p in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    assert _cycles(GRAPH) == []


def test_no_private_names_imported_across_modules():
    reach_ins = [(m, t, n) for m, p in MODULES.items() for t, names in _imports(m, p)
                 for n in names if n.startswith("_") and not n.startswith("__")]
    assert reach_ins == []


def test_only_the_cli_imports_typer_or_rich():
    for name, path in MODULES.items():
        if name == "appealkit.cli":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                mods = [node.module or ""]
            else:
                continue
            assert not [m for m in mods if m.split(".")[0] in ("typer", "rich", "click")], name


# --- one owner for "which script is this?" --------------------------------------------------

_CLASS = re.compile(r"\[((?:\\.|[^\]\\])*)\]")
_RANGE = re.compile(r"(.)-(.)", re.S)
# modules with code-point ranges that answer another question than a character's script:
# twitter-text's published URL grammar and its weight ranges (X's rules, copied as published)
_NOT_SCRIPT_QUESTIONS = {"appealkit.posts.entities", "appealkit.posts.count"}


def _one_script(a: str, b: str) -> bool:
    sa = scripts.of(a)
    return sa is not None and sa == scripts.of(b) and not a.isascii()


def _script_questions(path: Path) -> list[str]:
    """Where a module tells scripts apart by itself: a character class or a comparison over one
    script's code points, or a character's Unicode name tested (LATIN ...)."""
    source = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for body in _CLASS.findall(node.value):
                found += [f"{node.lineno}: [{a}-{b}]" for a, b in _RANGE.findall(body) if _one_script(a, b)]
        elif isinstance(node, ast.Compare) and any(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in node.ops):
            for p in (node.left, *node.comparators):
                if not isinstance(p, ast.Constant):
                    continue
                if isinstance(p.value, str) and len(p.value) == 1 and _one_script(p.value, p.value):
                    found.append(f"{node.lineno}: compared with {p.value!r}")
                text = ast.get_source_segment(source, p) or ""
                if type(p.value) is int and text.lower().startswith("0x") and p.value >= 0x80 \
                        and _one_script(chr(p.value), chr(p.value)):
                    found.append(f"{node.lineno}: compared with {text}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "startswith":
            inner = node.func.value
            if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr == "name":
                found.append(f"{node.lineno}: a character's Unicode name tested")
    if "scripts.json" in source:
        found.append("reads the Unicode script table")
    return found


def test_one_module_classifies_scripts():
    classifiers = {m: why for m, p in MODULES.items() if m not in _NOT_SCRIPT_QUESTIONS and (why := _script_questions(p))}
    assert list(classifiers) == ["appealkit.scripts"], classifiers


def test_the_script_detector_sees_the_old_classifiers(tmp_path):
    # the shapes the eight classifiers of issue 21 had: each is seen
    old = {
        "ranges": 'ANY = re.compile("[\\u0400-\\u052f]")',
        "compare": 'ok = any("\\u0400" <= c <= "\\u04ff" for c in s)',
        "ord": "def f(o):\n    return 0x10A0 <= o <= 0x10FF",
        "name": 'ok = unicodedata.name(ch, "").startswith("LATIN")',
    }
    for shape, code in old.items():
        path = tmp_path / f"{shape}.py"
        path.write_text(code + "\n", encoding="utf-8")
        assert _script_questions(path), shape
