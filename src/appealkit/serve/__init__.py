"""`appealkit serve`: a letter-writing night in a browser, on the organiser's laptop, offline.

Volunteers open the night's page on their phones, pick a person, see the letter and download its
PDF (letter and envelope, as the pack prints them); each letter goes into the sent-letters log
with the event's name. The organiser's page (behind a token printed at start-up) counts the
letters, prints the night's pack so far, exports the log and closes the night.

Starlette and uvicorn load only here (`pip install 'appealkit[serve]'`): no other command
imports them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import AppealkitError, UsageError

INSTALL = "pip install 'appealkit[serve]'"


@dataclass
class Started:
    """What the terminal shows when the server is up: where volunteers and the organiser go."""

    url: str
    organiser_url: str
    lan: bool
    cases: int
    log: Path


def make_night(cases: list, *, event: str | None = None, log: str | None = None,
               on_failure: Callable | None = None, today: dt.date | None = None):
    """The night's state: `cases` (paths, folders or Case objects) loaded once, the log opened
    (`log`, else appealkit-log.sqlite in the cases' folder)."""
    from ..log import log_path
    from ..night.run import CaseRun
    from .record import Recorder
    from .state import Night

    run = CaseRun(cases, on_failure=on_failure)
    loaded = {c.id: c for c in run}
    if not loaded:
        raise AppealkitError("no case to serve: every case file failed (see above)")
    name = event or f"letter-writing night {(today or dt.date.today()).isoformat()}"
    path = log_path(log, [c for c in cases if isinstance(c, str)])
    return Night(loaded, name, Recorder(path, name), today=today)


def serve(night, *, port: int = 8000, lan: bool = False, on_start: Callable[[Started], None] | None = None) -> None:
    """Run the server until Ctrl-C: requests under way finish (and are recorded) first."""
    try:
        import uvicorn

        from .app import create_app
    except ImportError:
        raise AppealkitError(f"the event page needs Starlette and uvicorn: {INSTALL}") from None
    if not 0 <= port < 65536:
        raise UsageError(f"port {port} is not a port number (1-65535, or 0 for any free one)", param="port")
    host = "0.0.0.0" if lan else "127.0.0.1"
    sock = _listen(host, port)  # bound before anything is printed: a port in use is one clear error
    port = sock.getsockname()[1]
    url = f"http://{lan_address() if lan else host}:{port}/"
    config = uvicorn.Config(create_app(night), log_level="warning", access_log=False, server_header=False,
                            timeout_graceful_shutdown=60, limit_concurrency=200,
                            h11_max_incomplete_event_size=16 * 1024, lifespan="on")
    if on_start is not None:
        on_start(Started(url, f"{url}organiser?token={night.token}", lan, len(night.cases), night.recorder.log.path))
    with sock:
        uvicorn.Server(config).run(sockets=[sock])  # Ctrl-C: uvicorn finishes, then raises it again


def _listen(host: str, port: int):
    import socket

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as e:
        sock.close()
        raise AppealkitError(f"cannot listen on {host}:{port}: {e.strerror or e}; is another server using "
                             "the port? (--port)") from None
    return sock


def lan_address() -> str:
    """This laptop's address on the local network: the interface a route outwards would use
    (a UDP socket that is connected sends nothing)."""
    import socket

    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect(("192.0.2.1", 9))  # TEST-NET-1 (RFC 5737): never routed, nothing is sent
        return s.getsockname()[0]
    except OSError:
        return socket.gethostbyname(socket.gethostname())
    finally:
        s.close()


def terminal_qr(url: str) -> str:
    """The URL as a QR code of text blocks, for phones to scan off the organiser's screen."""
    import io

    import segno

    buf = io.StringIO()
    segno.make(url, error="m", micro=False).terminal(out=buf, compact=True, border=2)
    return buf.getvalue()
