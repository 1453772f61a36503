"""The event server under load, on 127.0.0.1 only and bounded in time: requests per second of
the case page and of the letter page (8 clients), then 30 volunteers writing at once (each
reads the case, sees the letter, downloads the PDF; one in five clicks twice) for SERVE_SECONDS
(default 90), then Ctrl-C while they still write, reading each letter for SERVE_THINK seconds (default 3) before its PDF and as long
before the next person. Reports the median and 95th percentile time from the click to the PDF, checks that the log holds
each letter exactly once, and samples the server's memory (its process and the PDF workers).

    python bench/serve.py          # alone; `make bench` runs it with the other figures"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT  # noqa: E402

SECONDS = float(os.environ.get("SERVE_SECONDS", "90"))
THINK = float(os.environ.get("SERVE_THINK", "3"))  # seconds a volunteer reads the letter, and picks the next person
VOLUNTEERS = 30
CASES = ["ru-aliyev-2026", "ua-kovalenko-2026", "by-kaval-2026", "kz-atabek-2014"]
NAMES = ["Анна Смирнова", "Jürgen Weber", "Marie Dubois", "Олег Коваленко", "Sam Lee", "Аляксандра Лукашэвіч"]


class Browser:
    """One volunteer's phone: a keep-alive connection and its cookie."""

    def __init__(self, port: int):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookie = ""
        self.token = ""

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, bytes, dict]:
        body = urlencode(form).encode() if form is not None else None
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (ConnectionError, http.client.HTTPException):
                self.conn.close()
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
                if attempt:
                    raise
        set_cookie = r.getheader("set-cookie")
        if set_cookie:
            self.cookie = set_cookie.split(";", 1)[0]
        return r.status, data, dict(r.getheaders())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_kb(pid: int) -> tuple[int, int]:
    """Resident memory of the server, and of its children (the PDF workers), in KB."""
    def ps(*args: str) -> int:
        return sum(int(x) for x in subprocess.run(["ps", "-o", "rss=", *args], capture_output=True, text=True).stdout.split())

    return ps("-p", str(pid)), ps("--ppid", str(pid))


def _start(tmp: Path) -> tuple[subprocess.Popen, int]:
    cases = tmp / "cases"
    shutil.copytree(ROOT / "examples", cases)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "appealkit", "serve", str(cases), "--port", str(port),
                             "--event", "bench"], stderr=subprocess.PIPE, text=True)
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def _rate(port: int, make, seconds: float = 10, clients: int = 8) -> float:
    """Requests per second of `make(browser)` (one request each) over `clients` connections."""
    done = [0]
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def run():
        b = Browser(port)
        b.request("GET", "/")
        n = 0
        while time.monotonic() < end:
            status = make(b)
            n += status == 200
        with lock:
            done[0] += n

    threads = [threading.Thread(target=run) for _ in range(clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return done[0] / (time.monotonic() - t0)


def _csrf(html: bytes) -> str:
    return re.search(rb'name="csrf" (?:value|content)="([0-9a-f]+)"', html).group(1).decode()


def _fields(html: bytes) -> dict:
    import html as h

    return {k.decode(): h.unescape(v.decode()) for k, v in re.findall(rb'<input type="hidden" name="(\w+)" value="([^"]*)"', html)}


def _volunteer(i: int) -> dict:
    return {"name": f"{NAMES[i % len(NAMES)]} {i}", "address": f"{i} High Street\nLondon N1 1AA",
            "country": "GB", "lang": "en"}


def run() -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        proc, port = _start(Path(tmp))
        try:
            return _measure(port, proc, Path(tmp) / "cases" / "appealkit-log.sqlite")
        finally:
            if proc.poll() is None:
                proc.kill()


def _measure(port: int, proc: subprocess.Popen, log: Path) -> list[dict]:
    warm = Browser(port)
    token = _csrf(warm.request("GET", "/case/ru-aliyev-2026")[1])
    form = {"csrf": token, "case": "ru-aliyev-2026", "to": "person", **_volunteer(0), "message": "Держитесь!"}
    warm.request("POST", "/letter", form)
    case_rps = _rate(port, lambda b: b.request("GET", "/case/ru-aliyev-2026")[0])

    count = iter(range(10**9))

    def letter(b: Browser) -> int:  # a new volunteer each time: nothing of the letter is kept from the last
        b.token = b.token or _csrf(b.request("GET", "/case/ru-aliyev-2026")[1])
        return b.request("POST", "/letter", {**form, **_volunteer(next(count)), "csrf": b.token})[0]

    letter_rps = _rate(port, letter)

    times: list[float] = []
    got: set[str] = set()
    errors: list[str] = []
    busy = [0]
    memory: list[tuple[float, int, int]] = []  # (seconds, server KB, workers KB)
    lock = threading.Lock()
    t0 = time.monotonic()
    end = t0 + SECONDS
    stop = threading.Event()  # set at Ctrl-C: the volunteers stop once their connection is refused
    cut = [0]  # volunteers whose next request met the stopped server

    def volunteer(i: int) -> None:
        try:
            write(i)
        except (OSError, http.client.HTTPException):
            if not stop.is_set():
                raise
            with lock:
                cut[0] += 1

    def write(i: int) -> None:
        b = Browser(port)
        k = 0
        while not stop.is_set():
            case = CASES[(i + k) % len(CASES)]
            status, html, _ = b.request("GET", f"/case/{case}")
            data = {"csrf": _csrf(html), "case": case, "to": "person", **_volunteer(i),
                    "message": "Тёплый привет и сил!"}
            status, html, _ = b.request("POST", "/letter", data)
            if status != 200:
                with lock:
                    errors.append(f"letter {status}")
                continue
            fields = _fields(html)
            time.sleep(THINK)  # reading the letter
            start = time.monotonic()
            for click in range(2 if k % 5 == 0 else 1):
                while True:
                    status, pdf, headers = b.request("POST", "/pdf", fields)
                    if status != 503:
                        break
                    with lock:
                        busy[0] += 1
                    time.sleep(float(headers.get("retry-after", "1")))
                if status == 200 and pdf.startswith(b"%PDF"):
                    with lock:
                        if click == 0:
                            times.append(time.monotonic() - start)
                        got.add(fields["uid"])
                else:
                    with lock:
                        errors.append(f"pdf {status}")
            k += 1
            stop.wait(THINK)

    threads = [threading.Thread(target=volunteer, args=(i,)) for i in range(VOLUNTEERS)]
    for t in threads:
        t.start()
    while time.monotonic() < end:
        memory.append((time.monotonic() - t0, *_rss_kb(proc.pid)))
        time.sleep(5)
    elapsed = time.monotonic() - t0
    # Ctrl-C in the middle of the night: the requests under way finish, and are in the log
    proc.send_signal(signal.SIGINT)
    stop.set()
    for t in threads:
        t.join()
    code = proc.wait(timeout=120)
    with sqlite3.connect(log) as db:
        rows = db.execute("SELECT n.uid FROM night_letters n JOIN letters l ON l.id = n.letter WHERE l.event = 'bench'").fetchall()
    logged = [u for (u,) in rows]
    lost, dup = len(got - set(logged)), len(logged) - len(set(logged))
    extra = len(set(logged) - got)
    times.sort()
    med = statistics.median(times) if times else float("nan")
    p95 = times[int(0.95 * (len(times) - 1))] if times else float("nan")
    later = [(srv, wrk) for t, srv, wrk in memory if t >= elapsed / 4]
    first = sum(later[0]) if later else 0
    last = sum(later[-1]) if later else 0
    growth = last / first if first else float("nan")
    split = f" (server {later[0][0] // 1024}->{later[-1][0] // 1024}, workers {later[0][1] // 1024}->{later[-1][1] // 1024})" if later else ""
    print(f"serve: {len(times)} PDFs by {VOLUNTEERS} volunteers in {elapsed:.0f} s, then Ctrl-C (exit {code}, "
          f"{cut[0]} volunteers cut off between requests), {busy[0]} busy answers, "
          f"{len(errors)} errors {errors[:3]}; log {len(logged)} rows, {lost} lost, {dup} duplicated, {extra} unasked; "
          f"memory {first // 1024}->{last // 1024} MB{split}", file=sys.stderr)
    ok_log = lost == 0 and dup == 0 and extra == 0 and not errors and len(logged) == len(got) and code == 130
    return [
        {"figure": "serve: the case page, requests/s (8 clients)", "appealkit": f"{case_rps:.0f}/s",
         "peer": "100/s", "ratio": case_rps / 100, "goal": ">= 1x", "ok": case_rps >= 100,
         "note": "a room of phones"},
        {"figure": "serve: the letter page, requests/s (8 clients)", "appealkit": f"{letter_rps:.0f}/s",
         "peer": "30/s", "ratio": letter_rps / 30, "goal": ">= 1x", "ok": letter_rps >= 30,
         "note": "30 volunteers, one each a second"},
        {"figure": f"serve: time to the PDF, median ({VOLUNTEERS} volunteers at once, {elapsed:.0f} s)",
         "appealkit": f"{med:.2f} s", "peer": "10 s", "ratio": med / 10, "goal": "<= 1x", "ok": med <= 10},
        {"figure": "serve: time to the PDF, 95th percentile", "appealkit": f"{p95:.2f} s", "peer": "30 s",
         "ratio": p95 / 30, "goal": "<= 1x", "ok": p95 <= 30},
        {"figure": f"serve: log records of {len(got)} PDFs, Ctrl-C at the end (lost, duplicated)", "appealkit": f"{lost}, {dup}",
         "peer": "0, 0", "ratio": 1.0 if ok_log else 0.0, "goal": "exact", "ok": ok_log},
        {"figure": "serve: memory, end over a quarter in (server and PDF workers)", "appealkit": f"{last // 1024} MB",
         "peer": f"{first // 1024} MB", "ratio": growth, "goal": "<= 1.2x", "ok": growth <= 1.2},
    ]


if __name__ == "__main__":
    for row in run():
        print(f"{row['figure']}: {row['appealkit']} (goal {row['goal']} of {row['peer']}: {'met' if row['ok'] else 'NOT met'})")
