"""Postal addresses for the cases of a run: each case's blocks, with a notice for each
recipient that has none and each block's warnings."""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, Iterator

from ..records import Record
from .notices import Code, Notice

if TYPE_CHECKING:  # pragma: no cover
    from ..case.model import Case


class CaseAddresses(Record):
    """One case's address blocks for `address`, and what was noticed making them."""
    case: Case
    blocks: list = field(default_factory=list)  # address.format.Block
    notices: list[Notice] = field(default_factory=list)


def addresses_for_cases(run, to: str = "person", *, sender_country: str | None = None, scheme: str | None = None,
                        style: str = "translate", embassy_address: list[str] | None = None) -> Iterator[CaseAddresses]:
    """Each case of `run` (a night.run.CaseRun) with its address blocks for `to`."""
    from ..address.checks import address_warnings
    from ..address.format import blocks_for, no_address

    if scheme:
        from ..translit import get_scheme

        get_scheme(scheme)  # an unknown scheme is the run's error, before any case
    for c in run:
        with run.guard(c):
            blocks = blocks_for(c, to, sender_country, scheme, style, embassy_address)
            where = c.source if run.many else None
            have = {b.to for b in blocks}
            item = CaseAddresses(c, blocks)
            item.notices += [Notice(Code.NO_POSTAL_ADDRESS, no_address(c.recipients[rid]), where=where)
                             for rid in c.targets(to) if rid not in have]
            item.notices += [Notice(Code.ADDRESS, m, where=where) for m in address_warnings(c, have, scheme)]
            yield item
