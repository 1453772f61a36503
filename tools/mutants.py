"""Mutation testing of the core: how much of its behaviour the test suite pins.

    python tools/mutants.py [--seed 1] [-n 20] [--module translit/engine.py] [--id ID ...] [--list]

A mutant is one small edit of the syntax tree of one module: a comparison flipped (`<` to
`>=`, `in` to `not in`), `and` swapped with `or`, a constant changed (a number plus one, a
boolean negated, a string wrapped in `XX`), a statement replaced by `pass`, or a condition
forced to True or False. For every module of src/appealkit but the CLI glue (cli.py,
__main__.py) a seeded random sample of N of its mutants is taken; each is written into a
temporary copy of the package (the real tree is never touched, so an interrupted run leaves no
mutant behind) that PYTHONPATH puts first, and the tests run against it, fail-fast. Which tests:
the ones that executed the mutated lines in one coverage run of the whole suite (pytest-cov's
per-test contexts, made once and reused while no source or test file is newer), plus the
out-of-process files, whose coverage the in-process run cannot see; a mutant on lines no test
executes in-process, or on code that runs at import (a module's or class's body: coverage credits
it to whichever test loaded the module first), gets the whole suite, as does every mutant with
--whole. A failing run kills the mutant; so does a time-out (the edit made something loop). A mutant the suite cannot tell
apart from the original because it behaves the same is listed with its reason in
tools/mutants-equivalent.txt and left out of the score.

Mutant ids hash the module, the enclosing function, the edit and its text, not the line, so
the list of equivalents survives edits elsewhere in a file.
"""

from __future__ import annotations

import argparse
import ast
import compileall
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "appealkit"
EQUIVALENT = ROOT / "tools" / "mutants-equivalent.txt"
GLUE = {"cli.py", "__main__.py"}
# files that start processes or build a wheel: run them last, after the quick ones had their go
SLOW = ("test_hostile.py", "test_wheel.py", "test_imports.py")
# what --quick leaves out: the out-of-process run of every command over every hostile file
# (hundreds of processes; the in-process matrix runs the same cases) and the wheel build
OUT_OF_PROCESS = ("tests/test_hostile.py::test_every_command_out_of_process", "tests/test_wheel.py")

FLIP = {ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE, ast.LtE: ast.Gt, ast.Eq: ast.NotEq,
        ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}


@dataclass
class Mutant:
    module: str         # path under src/appealkit
    line: int
    op: str             # cmp, bool, const, del, cond
    before: str
    after: str
    start: int          # byte offsets of the replaced text in the module's UTF-8 source
    end: int
    col: int = 0
    id: str = ""
    end_line: int = 0
    at_import: bool = False  # outside every function body: the code runs when the module is imported

    def describe(self) -> str:
        return f"{self.module}:{self.line}:{self.col} {self.op}: {_short(self.before)} -> {_short(self.after)}"


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


class _Sites(ast.NodeVisitor):
    """Collect every mutation site of one module, with the name of the function around it."""

    def __init__(self, module: str, source: bytes):
        self.module, self.source = module, source
        starts, pos = [], 0
        for line in source.splitlines(keepends=True):
            starts.append(pos)
            pos += len(line)
        self.line_starts = starts + [pos]
        self.scope: list[str] = []
        self.in_body = 0  # how many function bodies deep the walk is
        self.found: list[tuple[str, Mutant]] = []

    def _span(self, node: ast.AST) -> tuple[int, int]:
        # ast offsets are UTF-8 byte columns
        return (self.line_starts[node.lineno - 1] + node.col_offset,
                self.line_starts[node.end_lineno - 1] + node.end_col_offset)

    def _add(self, node: ast.AST, op: str, after: str) -> None:
        start, end = self._span(node)
        before = self.source[start:end].decode("utf-8")
        if before == after:
            return
        col = len(self.source[self.line_starts[node.lineno - 1]:start].decode("utf-8")) + 1
        self.found.append((".".join(self.scope), Mutant(self.module, node.lineno, op, before, after, start, end, col,
                                                        end_line=node.end_lineno or node.lineno,
                                                        at_import=self.in_body == 0)))

    # -- scopes, and the parts never mutated: annotations, docstrings, f-string pieces --
    def _scoped(self, node) -> None:
        self.scope.append(node.name)
        for d in node.decorator_list:
            self.visit(d)
        function = not isinstance(node, ast.ClassDef)
        if function:
            for default in node.args.defaults + [d for d in node.args.kw_defaults if d]:
                self.visit(default)
        self.in_body += function
        self._body(node.body)
        self.in_body -= function
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scoped

    def visit_Module(self, node: ast.Module) -> None:
        self._body(node.body)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        for v in node.values:
            if isinstance(v, ast.FormattedValue):
                self.visit(v.value)

    def _body(self, body: list[ast.stmt]) -> None:
        for i, stmt in enumerate(body):
            docstring = i == 0 and isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant) \
                and isinstance(stmt.value.value, str)
            if docstring:
                continue
            if not isinstance(stmt, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef,
                                     ast.ClassDef, ast.Pass, ast.Global, ast.Nonlocal)) \
                    and not (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
                self._add(stmt, "del", "pass")
            self.visit(stmt)

    def generic_visit(self, node: ast.AST) -> None:
        for field, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                self._body(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)

    # -- the operators --
    def visit_Compare(self, node: ast.Compare) -> None:
        for i, op in enumerate(node.ops):
            if type(op) in FLIP:
                ops = list(node.ops)
                ops[i] = FLIP[type(op)]()
                self._add(node, "cmp", "(" + ast.unparse(ast.Compare(node.left, ops, node.comparators)) + ")")
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        self._add(node, "bool", "(" + ast.unparse(ast.BoolOp(other, node.values)) + ")")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        v = node.value
        if isinstance(v, bool):
            new = not v
        elif isinstance(v, (int, float)):
            new = v + 1
        elif isinstance(v, str):
            new = "XX" + v + "XX"
        else:
            return
        self._add(node, "const", "(" + repr(new) + ")")

    def _force(self, test: ast.expr, loop: bool = False) -> None:
        if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
            return
        if not loop:  # a loop forced on only hangs
            self._add(test, "cond", "True")
        self._add(test, "cond", "False")

    def visit_If(self, node: ast.If) -> None:
        self._force(node.test)
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        self._force(node.test)
        self.generic_visit(node)

    def visit_While(self, node: ast.While) -> None:
        self._force(node.test, loop=True)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        for test in node.ifs:
            self._force(test)
        self.generic_visit(node)


def modules() -> list[str]:
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                  if p.name not in GLUE or p.parent != PACKAGE)


def sites(module: str) -> list[Mutant]:
    source = (PACKAGE / module).read_bytes()
    finder = _Sites(module, source)
    finder.visit(ast.parse(source))
    seen: dict[str, int] = {}
    out = []
    for scope, m in sorted(finder.found, key=lambda f: (f[1].start, f[1].end, f[1].op, f[1].after)):
        key = f"{module}|{scope}|{m.op}|{m.before}|{m.after}"
        k = seen[key] = seen.get(key, -1) + 1
        m.id = hashlib.sha1(f"{key}|{k}".encode()).hexdigest()[:8]
        mutated = source[: m.start] + m.after.encode() + source[m.end:]
        try:
            compile(mutated, module, "exec")
        except SyntaxError:
            continue
        out.append(m)
    return out


def sample(module: str, seed: int, n: int) -> list[Mutant]:
    every = sites(module)
    rng = random.Random(f"{seed}:{module}")
    return sorted(rng.sample(every, min(n, len(every))), key=lambda m: m.start)


def equivalents() -> dict[str, str]:
    out = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                ident, _, reason = line.partition(" ")
                out[ident] = reason.strip()
    return out


def _by_rank(module: str, tests: list[str]) -> list[str]:
    """Tests (files or node ids), the mutated module's own first (by name), the slow ones last:
    a run stops at its first failure, so the likeliest killers go first."""
    parts = Path(module).with_suffix("").parts
    words = {w.rstrip("s") for w in parts if w != "__init__"}

    def rank(t: str) -> int:
        path = t.split("::", 1)[0]
        if Path(path).name in SLOW:
            return 3
        return 0 if any(w and w in path for w in words) else 1

    return sorted(tests, key=lambda t: (rank(t), t))


def test_files(module: str) -> list[str]:
    """Every test file, in _by_rank's order."""
    return _by_rank(module, [p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py")])


# -- which tests execute which lines: one coverage run of the whole suite, kept until a source
# or test file changes

COVERAGE_DIR = ROOT / ".mutants"


def _newest_input() -> float:
    return max(p.stat().st_mtime for d in (PACKAGE, ROOT / "tests") for p in d.rglob("*.py"))


def coverage_map(refresh: bool = False) -> dict[str, dict[int, list[str]]]:
    """module (path under src/appealkit) -> line -> the node ids of the tests that executed it,
    in this process or in a process the test started."""
    cache = COVERAGE_DIR / "map.json"
    if not refresh and cache.exists() and cache.stat().st_mtime > _newest_input():
        raw = json.loads(cache.read_text(encoding="utf-8"))
        return {mod: {int(k): v for k, v in lines.items()} for mod, lines in raw.items()}
    shutil.rmtree(COVERAGE_DIR, ignore_errors=True)
    COVERAGE_DIR.mkdir()
    rc = COVERAGE_DIR / "coveragerc"
    rc.write_text("[run]\n"
                  f"data_file = {COVERAGE_DIR / 'data'}\n"
                  "source = appealkit\n"
                  "parallel = true\n"
                  "patch = subprocess\n"
                  "context = ${APPEALKIT_MUTANTS_TEST-}\n", encoding="utf-8")
    env = dict(os.environ, COVERAGE_RCFILE=str(rc),
               PYTHONPATH=str(ROOT / "tools") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    print("coverage run of the whole suite, each test's lines labelled (once, kept in .mutants/) ...", flush=True)
    t0 = time.monotonic()
    p = subprocess.run([sys.executable, "-m", "coverage", "run", "-m", "pytest", "-q", "-p", "no:cacheprovider",
                        "-p", "_mutants_contexts"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        raise SystemExit("the suite does not pass as it is; mutants mean nothing until it does:\n"
                         + p.stdout.decode(errors="replace")[-2000:])
    subprocess.run([sys.executable, "-m", "coverage", "combine", "-q"], cwd=ROOT, env=env, check=True)
    import coverage

    data = coverage.CoverageData(basename=str(COVERAGE_DIR / "data"))
    data.read()
    out: dict[str, dict[int, list[str]]] = {}
    for f in data.measured_files():
        path = Path(f).resolve()
        if PACKAGE.resolve() not in path.parents:
            continue
        by_line = data.contexts_by_lineno(f)
        out[path.relative_to(PACKAGE.resolve()).as_posix()] = {
            line: sorted(c for c in ctxs if c) for line, ctxs in by_line.items() if any(ctxs)}
    cache.write_text(json.dumps(out), encoding="utf-8")
    print(f"  {time.monotonic() - t0:.0f} s", flush=True)
    return out


def covering_tests(m: Mutant, cov: dict[str, dict[int, list[str]]]) -> list[str]:
    """The node ids of the tests that execute the mutated lines; empty when none does in a test,
    and for code that runs at import (a module's or a class's body, a default, a decorator): such
    a mutant gets the whole suite. Coverage credits an import to whichever test happened to load
    the module first, and that test may never use the line (an Enum member, a schema rule)."""
    if m.at_import:
        return []
    lines = cov.get(m.module, {})
    found = {t for n in range(m.line, (m.end_line or m.line) + 1) for t in lines.get(n, ())}
    return _by_rank(m.module, list(found))


def run(m: Mutant, timeout: float, quick: bool = False, tests: list[str] | None = None) -> tuple[bool, float, str]:
    """Run the given tests (default the whole suite) against the mutant: (killed, seconds, how)."""
    with tempfile.TemporaryDirectory(prefix="appealkit-mutant-") as tmp:
        pkg = Path(tmp) / "appealkit"
        shutil.copytree(PACKAGE, pkg, ignore=shutil.ignore_patterns("__pycache__", "data"))
        (pkg / "data").symlink_to(PACKAGE / "data", target_is_directory=True)
        source = (PACKAGE / m.module).read_bytes()
        (pkg / m.module).write_bytes(source[: m.start] + m.after.encode() + source[m.end:])
        # compiled once here: the suite starts hundreds of processes, and with
        # PYTHONDONTWRITEBYTECODE each would compile the whole package again
        compileall.compile_dir(str(pkg), quiet=2)
        env = dict(os.environ, PYTHONPATH=tmp + os.pathsep + os.environ.get("PYTHONPATH", ""))
        cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
               *(tests or test_files(m.module))]
        if quick:
            cmd += [f"--deselect={t}" for t in OUT_OF_PROCESS]
        t0 = time.monotonic()
        p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             start_new_session=True)
        try:
            out, _ = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return True, time.monotonic() - t0, "timeout"
        except BaseException:  # interrupted: take the suite (and what it started) down too
            os.killpg(p.pid, signal.SIGKILL)
            raise
        took = time.monotonic() - t0
        if p.returncode == 0:
            return False, took, "survived"
        text = out.decode(errors="replace")
        if p.returncode == 4 and ("found no collectors" in text or "ERROR collecting" in text):
            # the mutated package breaks a test module's import: no test could even start
            return True, took, "the tests cannot be collected"
        if p.returncode not in (1, 2):  # 3 internal error, 4 usage, 5 no tests: the runner, not the mutant
            raise SystemExit(f"pytest failed to run ({p.returncode}) for {m.describe()}:\n{out.decode()[-2000:]}")
        failed = [ln for ln in out.decode(errors="replace").splitlines() if ln.startswith(("FAILED", "ERROR"))]
        return True, took, failed[0] if failed else "failed"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", type=int, default=20, help="mutants per module")
    ap.add_argument("--module", action="append", help="only this module (path under src/appealkit)")
    ap.add_argument("--id", action="append", help="run only the mutant with this id (any module)")
    ap.add_argument("--list", action="store_true", help="list the sample, run nothing")
    ap.add_argument("--timeout", type=float, default=300, help="seconds a run may take before it counts as killed")
    ap.add_argument("--quick", action="store_true",
                    help="leave out the out-of-process tests: faster, and a mutant they alone would kill survives")
    ap.add_argument("--whole", action="store_true",
                    help="run the whole suite against every mutant, not only the tests that cover it")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each mutant as it runs")
    args = ap.parse_args(argv)
    # a plain kill unwinds like Ctrl-C, so the suite that runs is stopped with it
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    # started in the background, Ctrl-C may come in ignored, and an ignored signal stays ignored
    # in the suite's own processes (a test of Ctrl-C would then fail for every mutant)
    signal.signal(signal.SIGINT, signal.default_int_handler)

    mods = args.module or modules()
    if args.id:
        plan = {mod: [m for m in sites(mod) if m.id in args.id] for mod in mods}
    else:
        plan = {mod: sample(mod, args.seed, args.n) for mod in mods}
    if args.list:
        for mod, ms in plan.items():
            for m in ms:
                print(m.id, m.describe())
        return 0

    equiv = equivalents()
    cov = {} if args.whole else coverage_map()
    total_killed = total_scored = 0
    survivors: list[Mutant] = []
    excused: list[Mutant] = []
    t_start = time.monotonic()
    suite = ("the whole suite" if args.whole else "the tests that execute its lines") \
        + (", less the out-of-process ones," if args.quick else "")
    print(f"seed {args.seed}, {args.n} mutants a module, {suite} against each", flush=True)
    for mod, ms in plan.items():
        if not ms:
            continue
        killed = scored = 0
        for m in ms:
            if m.id in equiv:
                excused.append(m)
                continue
            dead, took, how = run(m, args.timeout, args.quick, covering_tests(m, cov) or None)
            scored += 1
            killed += dead
            if not dead:
                survivors.append(m)
            if args.verbose:
                print(f"  {'killed  ' if dead else 'SURVIVED'} {took:5.1f}s {m.id} {m.describe()}"
                      + (f"  [{_short(how, 60)}]" if dead else ""), flush=True)
        total_killed += killed
        total_scored += scored
        score = f"{100 * killed / scored:5.1f}%" if scored else "    -"
        print(f"{mod:28} {killed:3}/{scored:<3} {score}", flush=True)
    overall = 100 * total_killed / total_scored if total_scored else 100.0
    print(f"{'overall':28} {total_killed:3}/{total_scored:<3} {overall:5.1f}%"
          f"  ({time.monotonic() - t_start:.0f} s)")
    if excused:
        print(f"\nequivalent (tools/mutants-equivalent.txt), not scored: {len(excused)}")
        for m in excused:
            print(f"  {m.id} {m.describe()}\n           {equiv[m.id]}")
    if survivors:
        print(f"\nsurvivors: {len(survivors)}")
        for m in survivors:
            print(f"  {m.id} {m.describe()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
