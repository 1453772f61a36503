"""Who signs when no writers' file is given: the caller's values first (a CLI passes its options
and their environment variables), then `sender.yaml` in the config folder ($APPEALKIT_HOME, else
the platform's user config folder: ~/.config/appealkit on Linux, as typer.get_app_dir names it)."""

from __future__ import annotations

import os
from pathlib import Path

from ..letters.sender import Sender
from .notices import Code, Notice

SENDER_FILE = "sender.yaml"


def config_home() -> Path:
    """$APPEALKIT_HOME, else the user config folder (XDG on Linux, Application Support on macOS,
    the roaming AppData on Windows)."""
    if os.environ.get("APPEALKIT_HOME"):
        return Path(os.environ["APPEALKIT_HOME"])
    from platformdirs import user_config_dir

    return Path(user_config_dir("appealkit", appauthor=False, roaming=True))


def resolve_sender(name: str | None = None, address: str | list[str] | None = None,
                   country: str | None = None) -> Sender:
    """The sender from `name`, `address` (a list of lines, or lines separated by ';') and
    `country` (an ISO code), each completed from sender.yaml where missing."""
    from ..address.countries import check_sender_country
    from ..letters.sender import read_sender_file, split_lines

    lines = split_lines(address) if isinstance(address, str) or address is None else [str(x) for x in address]
    s = Sender(name or None, lines, check_sender_country(country or None))
    if s.name and s.address and s.country:
        return s
    path = config_home() / SENDER_FILE
    if path.is_file():
        f = read_sender_file(str(path))
        s = Sender(s.name or f.name, s.address or f.address, s.country or check_sender_country(f.country or None))
    return s


def sender_notices(name: str | None, address: list[str] | None, country: str | None) -> list[Notice]:
    """The run's notices about a sender who is missing (said once, not per letter)."""
    from ..letters.compose import NO_SENDER, NO_SENDER_COUNTRY

    out = []
    if not name or not address:
        out.append(Notice(Code.NO_SENDER, NO_SENDER, scope="run"))
    if not country:
        out.append(Notice(Code.NO_SENDER_COUNTRY, NO_SENDER_COUNTRY, scope="run"))
    return out
