"""Who writes: options, then $APPEALKIT_SENDER_NAME / $APPEALKIT_SENDER_ADDRESS, then
sender.yaml in $APPEALKIT_HOME (default: the user config folder, XDG on Linux)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import AppealkitError, Where
from dataclasses import dataclass, field


@dataclass
class Sender:
    name: str | None = None
    address: list[str] = field(default_factory=list)
    country: str | None = None


def config_home() -> Path:
    if os.environ.get("APPEALKIT_HOME"):
        return Path(os.environ["APPEALKIT_HOME"])
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "appealkit"
    if os.name == "nt":
        return Path(os.environ.get("APPDATA", Path.home())) / "appealkit"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "appealkit"


def split_lines(value: str | None) -> list[str]:
    return [x.strip() for x in value.split(";") if x.strip()] if value else []


def resolve_sender(name: str | None, address: str | None, country: str | None) -> Sender:
    s = Sender(name=name, address=split_lines(address), country=country)
    s.name = s.name or os.environ.get("APPEALKIT_SENDER_NAME") or None
    if not s.address:
        s.address = split_lines(os.environ.get("APPEALKIT_SENDER_ADDRESS"))
    if s.name and s.address and s.country:
        return s
    path = config_home() / "sender.yaml"
    if path.is_file():
        from ..case.load import read_case_text

        fname, text = read_case_text(str(path))
        import yaml

        from ..resources import parse_yaml

        try:
            d = parse_yaml(text) or {}
        except yaml.YAMLError as e:
            raise AppealkitError(f"cannot read sender file: {e}", Where(fname)) from None
        if not isinstance(d, dict):
            raise AppealkitError("sender file must be a mapping with name, address, country", Where(fname))
        s.name = s.name or _str(d.get("name"))
        if not s.address:
            addr = d.get("address")
            s.address = [str(x) for x in addr] if isinstance(addr, list) else split_lines(_str(addr))
        s.country = s.country or (_str(d.get("country")) or "").upper() or None
    return s


def _str(v) -> str | None:
    return str(v) if v is not None and not isinstance(v, (dict, list)) else None
