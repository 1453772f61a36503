"""Who writes: a name, address lines and a country. The CLI takes them from its options (and
their environment variables), then from a sender file (read_sender_file)."""

from __future__ import annotations

from dataclasses import field

from ..errors import AppealkitError, Where
from ..records import Record


class Sender(Record):
    """The writer a letter is from: name, return address lines and country."""
    name: str | None = None
    address: list[str] = field(default_factory=list)
    country: str | None = None


def split_lines(value: str | None) -> list[str]:
    """'1 High St; London' -> ['1 High St', 'London']."""
    return [x.strip() for x in value.split(";") if x.strip()] if value else []


def read_sender_file(path: str) -> Sender:
    """A YAML file with name, address (a list, or lines separated by ';') and country."""
    from ..case.load import read_case_text
    from ..resources import parse_yaml, yaml_module

    yaml = yaml_module()

    fname, text = read_case_text(path)
    try:
        d = parse_yaml(text) or {}
    except yaml.YAMLError as e:
        raise AppealkitError(f"cannot read sender file: {e}", Where(fname)) from None
    if not isinstance(d, dict):
        raise AppealkitError("sender file must be a mapping with name, address, country", Where(fname))
    for key in d:
        if key not in ("name", "address", "country"):
            from ..errors import did_you_mean

            raise AppealkitError(f"unknown key '{key}' in the sender file"
                                 f"{did_you_mean(key, ['name', 'address', 'country'], 'its keys')}", Where(fname))
    addr = d.get("address")
    return Sender(name=_str(d.get("name")),
                  address=[str(x) for x in addr] if isinstance(addr, list) else split_lines(_str(addr)),
                  country=(_str(d.get("country")) or "").upper() or None)


def _str(v) -> str | None:
    return str(v) if v is not None and not isinstance(v, (dict, list)) else None
