"""Writing files safely, interruption, and properties over generated input."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from appealkit.errors import AppealkitError, OutputError
from appealkit.output import write_atomic, write_files
from appealkit.posts import length

from .conftest import ctrl_c_as_a_terminal_has_it, run


def test_symlink_in_output_folder_is_not_followed(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep", encoding="utf-8")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "kz-atabek-2014-president-en.txt").symlink_to(outside)
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--out-dir", str(folder), "--force")
    assert r.code == 1 and "symbolic link" in r.err
    assert outside.read_text(encoding="utf-8") == "keep"


def test_missing_out_dir_is_made_but_a_file_in_the_way_is_refused(tmp_path):
    target = tmp_path / "new" / "folder"
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--out-dir", str(target))
    assert r.code == 0 and r.out == f"{target}/kz-atabek-2014-president-en.txt\n"
    assert [p.name for p in target.iterdir()] == ["kz-atabek-2014-president-en.txt"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--out-dir", str(tmp_path / "file" / "sub"))
    assert r.code == 1 and "appealkit: error: " in r.err and "cannot make the output folder" in r.err and r.out == ""



def test_a_refused_letter_writes_none_of_the_batch(tmp_path):
    args = ("letter", "examples/atabek.yaml", "--to", "all", "--out-dir", str(tmp_path))
    first = run(*args)
    assert first.code == 0 and len(first.out.splitlines()) == 5  # four letters, one envelope file
    written = sorted(tmp_path.iterdir())
    written[0].unlink()  # one letter gone, the others still there
    written[1].write_text("signed already", encoding="utf-8")  # and one of them changed
    r = run(*args)
    assert r.code == 1 and "already exists; use --force" in r.err and r.out == ""
    assert sorted(tmp_path.iterdir()) == written[1:]  # the missing one was not written either
    assert run(*args, "--force").code == 0 and sorted(tmp_path.iterdir()) == written
    written[0].unlink()  # the same letters as before: a rerun completes them (an interrupted run)
    assert run(*args).out == f"{written[0]}\n"


def test_two_outputs_with_one_name_are_refused(tmp_path):
    with pytest.raises(OutputError, match="share this file name"):
        write_files(tmp_path, [("a.txt", "1"), ("a.txt", "2")])
    assert list(tmp_path.iterdir()) == []


def test_read_only_folder(tmp_path, monkeypatch):
    import tempfile

    def denied(*a, **k):  # what a read-only folder answers (root would not see it otherwise)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--out-dir", str(tmp_path))
    assert r.code == 1 and "not writable" in r.err and list(tmp_path.iterdir()) == []


def test_unsafe_names_refused(tmp_path):
    for bad in ("../x.txt", ".", "a/b.txt"):
        with pytest.raises(OutputError):
            write_atomic(tmp_path, bad, "x")


def test_interrupted_write_leaves_nothing(tmp_path, monkeypatch):
    def boom(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    monkeypatch.setattr(os, "link", boom)  # a new file is claimed by a link, an overwrite by a rename
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path, "letter.txt", "x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_full_disk_while_writing_a_letter_is_an_error_naming_the_file(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    r = run("letter", "examples/atabek.yaml", "--to", "president", "--out-dir", str(tmp_path))
    target = tmp_path / "kz-atabek-2014-president-en.txt"
    assert r.code == 1 and f"appealkit: error: {target}: cannot write: No space left on device\n" in r.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["address", "examples/atabek.yaml"], ["schema"], ["translit", "Москва"],
                                  ["letter", "examples/atabek.yaml", "--to", "person"]])
def test_full_stdout_is_an_error_not_a_bug_and_not_silent(args):
    exe = Path(sys.executable).with_name("appealkit")
    with open("/dev/full", "w") as full:
        p = subprocess.run([str(exe), *args], stdout=full, stderr=subprocess.PIPE, timeout=60,
                           cwd=Path(__file__).resolve().parent.parent)
    last = p.stderr.decode().splitlines()[-1]
    assert p.returncode == 1 and last == "appealkit: error: cannot write to standard output: No space left on device"


def test_ctrl_c_exits_130():
    exe = Path(sys.executable).with_name("appealkit")
    p = subprocess.Popen([str(exe), "translit"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=dict(os.environ, PYTHONUNBUFFERED="1"),
                         preexec_fn=ctrl_c_as_a_terminal_has_it)
    # one line through proves it is running and waiting in its loop; then interrupt it
    p.stdin.write("Москва\n".encode())
    p.stdin.flush()
    assert p.stdout.readline() == b"Moskva\n"
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    assert p.returncode == 130 and b"Traceback" not in err


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["x", "bluesky", "mastodon", "threads"]))
def test_post_length_never_raises(text, platform):
    n = length(text, platform)
    assert isinstance(n, int) and n >= 0
    if platform in ("bluesky", "threads"):
        import regex

        from appealkit.posts.bluesky import shorten_links

        shown = shorten_links(text) if platform == "bluesky" else text
        assert n == len(regex.findall(r"\X", shown))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Mn", "Me", "Mc", "So", "Sk", "Co", "Cn")), max_size=200))
def test_x_length_of_plain_text_is_weighted_code_points(text):
    """Without URLs or emoji, X weighs code points by range (twitter-text v3)."""
    import unicodedata

    from appealkit.posts.entities import urls

    t = unicodedata.normalize("NFC", text)
    if urls(t):
        return
    expected = sum(1 if (c <= 4351 or 8192 <= c <= 8205 or 8208 <= c <= 8223 or 8242 <= c <= 8247) else 2
                   for c in map(ord, t))
    assert length(text, "x") == expected


values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30) | st.dates(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["appealkit", "id", "title", "person", "name", "summary", "asks", "recipients",
                         "role", "address", "country", "lines", "share", "text", "x", "deadline"]) | st.text(max_size=8),
        children, max_size=5),
    max_leaves=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=values)
def test_loader_raises_only_its_own_errors(doc):
    import io

    from appealkit.case import load_case

    data = yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    try:
        load_case("-", stdin=io.BytesIO(data))
    except AppealkitError:
        pass


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300))
def test_loader_on_arbitrary_bytes(data):
    import io

    from appealkit.case import load_case

    try:
        load_case("-", stdin=io.BytesIO(data))
    except AppealkitError:
        pass


def test_written_files_follow_the_umask_not_mkstemps_0600(tmp_path):
    import os
    import stat

    old = os.umask(0o022)
    try:
        r = run("letter", "examples/atabek.yaml", "--to", "president", "--out-dir", str(tmp_path))
    finally:
        os.umask(old)
    assert r.code == 0
    [f] = tmp_path.iterdir()
    assert stat.S_IMODE(f.stat().st_mode) == 0o644


def test_a_dead_runs_temporary_file_is_removed_a_live_runs_kept(tmp_path):
    """The next run clears what a killed run left, and never a file another run is writing."""
    from appealkit.output import remove_stale_temps

    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        for pid in (live.pid, dead.pid, os.getpid()):
            (tmp_path / f".pack.pdf.{pid}.abcd1234.tmp").write_bytes(b"x")
        (tmp_path / "pack.pdf").write_bytes(b"x")
        assert remove_stale_temps(tmp_path) == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
            ["pack.pdf", f".pack.pdf.{live.pid}.abcd1234.tmp", f".pack.pdf.{os.getpid()}.abcd1234.tmp"])
    finally:
        live.kill()
        live.wait()
