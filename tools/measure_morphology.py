"""Score declension libraries on tests/data/ru_names.yaml: how many full names each puts into
the dative exactly as a native editor writes it. Run: python tools/measure_morphology.py
(needs pymorphy3, petrovich and pytrovich installed; only pymorphy3 is a dependency)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
NAMES = yaml.safe_load((ROOT / "tests/data/ru_names.yaml").read_text(encoding="utf-8"))["names"]


def parts(full: str):
    """surname, given name, patronymic (the patronymic may be two words: 'Гусейн оглы')."""
    w = full.split()
    return w[0], (w[1] if len(w) > 1 else ""), " ".join(w[2:])


def by_petrovich():
    from petrovich.enums import Case, Gender
    from petrovich.main import Petrovich

    p = Petrovich()

    def f(full, pronoun):
        g = Gender.FEMALE if pronoun == "she" else Gender.MALE
        s, n, m = parts(full)
        out = [p.lastname(s, Case.DATIVE, g), p.firstname(n, Case.DATIVE, g) if n else ""]
        if m:
            out.append(p.middlename(m, Case.DATIVE, g))
        return " ".join(x for x in out if x)
    return f


def by_pytrovich():
    from pytrovich.enums import Case, Gender, NamePart
    from pytrovich.maker import PetrovichDeclinationMaker

    p = PetrovichDeclinationMaker()

    def f(full, pronoun):
        g = Gender.FEMALE if pronoun == "she" else Gender.MALE
        s, n, m = parts(full)
        out = [p.make(NamePart.LASTNAME, g, Case.DATIVE, s), p.make(NamePart.FIRSTNAME, g, Case.DATIVE, n) if n else ""]
        if m:
            out.append(p.make(NamePart.MIDDLENAME, g, Case.DATIVE, m))
        return " ".join(x for x in out if x)
    return f


def by_appealkit():
    """appealkit.grammar: pytrovich with the two hyphen rules (run from a checkout)."""
    sys.path.insert(0, str(ROOT / "src"))
    from appealkit.grammar import dative_full_name

    return lambda full, pronoun: dative_full_name(full, pronoun, "ru")


def by_pymorphy3_plain():
    """pymorphy3 alone: each word's first parse with the right tag, inflected; no rules."""
    import pymorphy3

    m = pymorphy3.MorphAnalyzer(lang="ru")

    def word(w, tag, g):
        for p in m.parse(w):
            if tag in p.tag and (g in p.tag or "ms-f" in p.tag):
                f = p.inflect({"datv"})
                if f:
                    return f.word.capitalize() if "-" not in w else "-".join(x.capitalize() for x in f.word.split("-"))
        return w

    def f(full, pronoun):
        g = "femn" if pronoun == "she" else "masc"
        s, n, p_ = parts(full)
        out = [word(s, "Surn", g), word(n, "Name", g) if n else ""]
        if p_:
            out.append(word(p_, "Patr", g) if " " not in p_ else p_)
        return " ".join(x for x in out if x)
    return f


def main():
    cands = {"petrovich 2.0.1": by_petrovich, "pytrovich 0.2.0": by_pytrovich,
             "pymorphy3 2.0.6 (words only)": by_pymorphy3_plain,
             "appealkit.grammar (pytrovich + two hyphen rules)": by_appealkit}
    for label, make in cands.items():
        try:
            t0 = time.perf_counter()
            f = make()
            ok, wrong = 0, []
            for full, pronoun, want in NAMES:
                got = f(full, pronoun)
                if got == want:
                    ok += 1
                else:
                    wrong.append(f"{full} -> {got} (want {want})")
            ms = (time.perf_counter() - t0) * 1000
        except ImportError as e:
            print(f"{label}: not installed ({e})")
            continue
        print(f"{label}: {ok}/{len(NAMES)} right, {ms:.0f} ms with loading")
        for w in wrong:
            print("   ", w)


if __name__ == "__main__":
    main()
