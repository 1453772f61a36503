"""`appealkit serve` as a command: what it refuses before listening, and the terminal's QR code."""

from __future__ import annotations

import socket

from ..conftest import ROOT, run


def test_a_port_in_use_is_one_clear_line(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = run("serve", str(ROOT / "examples"), "--port", str(port), "--log", str(tmp_path / "log.sqlite"))
    assert r.code == 1
    assert r.err == f"appealkit: error: cannot listen on 127.0.0.1:{port}: Address already in use; is another server using the port? (--port)\n"
    assert r.out == ""


def test_a_port_out_of_range_is_a_usage_error(tmp_path):
    r = run("serve", str(ROOT / "examples"), "--port", "70000", "--log", str(tmp_path / "log.sqlite"))
    assert r.code == 2 and "port 70000 is not a port number" in r.err


def test_no_case_to_serve(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("appealkit: 1\nid: x\n", encoding="utf-8")
    r = run("serve", str(bad), str(tmp_path / "missing.yaml"), "--log", str(tmp_path / "log.sqlite"))
    assert r.code == 1 and "no case to serve" in r.err and "Traceback" not in r.err


def test_the_terminal_qr_code_and_the_lan_address():
    from appealkit.serve import lan_address, terminal_qr

    qr = terminal_qr("http://192.168.1.20:8000/")
    rows = qr.splitlines()
    assert len(rows) > 10 and len({len(x) for x in rows}) == 1  # a square of block characters
    parts = lan_address().split(".")
    assert len(parts) == 4 and all(p.isdigit() for p in parts)
