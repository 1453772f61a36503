"""A night of the bundled examples, served in process through Starlette's test client."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from ..conftest import ROOT

pytest.importorskip("starlette.testclient")

DAY = dt.date(2026, 12, 1)


@pytest.fixture
def night(tmp_path):
    from appealkit.serve import make_night

    cases = tmp_path / "cases"
    shutil.copytree(ROOT / "examples", cases, ignore=shutil.ignore_patterns("*.sqlite*"))  # not a log left by make demo
    n = make_night([str(cases)], event="Test night", today=DAY)
    yield n
    n.recorder.close()


@pytest.fixture
def client(night):
    from starlette.testclient import TestClient

    from appealkit.serve.app import create_app

    with TestClient(create_app(night), base_url="http://127.0.0.1:8000") as c:
        yield c

