"""The printable pack of a letter-writing night: for each case a large-print card, every letter
on its own pages (and the writer's own copy of a support letter in another language), and every
writer's envelopes at their real size (or address labels). pack.html lays the pages out in
parts of a few dozen pages; pack.pdf renders the parts with WeasyPrint in worker processes and
joins them, so that time grows with the page count and memory stays flat."""

from __future__ import annotations

from dataclasses import dataclass

# page and envelope sizes in millimetres (ISO 216 and ISO 269; US Letter 8.5 x 11 in)
PAPERS = {"a4": (210, 297), "letter": (215.9, 279.4)}
ENVELOPES = {"dl": (220, 110), "c5": (229, 162), "c6": (162, 114)}


@dataclass(frozen=True)
class LabelSheet:
    """A sheet of address labels, from the maker's published template (millimetres)."""

    name: str
    paper: tuple[float, float]
    columns: int
    rows: int
    width: float
    height: float
    top: float
    left: float
    gap: float  # between columns

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


INCH = 25.4
LABEL_SHEETS = {
    # Avery L7163 (A4): 2 x 7 labels of 99.1 x 38.1 mm, 15.15 mm from the top, 4.65 mm from the left
    "l7163": LabelSheet("Avery L7163", (210, 297), 2, 7, 99.1, 38.1, 15.15, 4.65, 2.5),
    # Avery L7160 (A4): 3 x 7 labels of 63.5 x 38.1 mm, 15.15 mm top, 7.25 mm side, 2.5 mm gap
    "l7160": LabelSheet("Avery L7160", (210, 297), 3, 7, 63.5, 38.1, 15.15, 7.25, 2.5),
    # Avery 5160 (US Letter): 3 x 10 labels of 2.625 x 1 in, 0.5 in top, 3/16 in side, 1/8 in gap
    "5160": LabelSheet("Avery 5160", (215.9, 279.4), 3, 10, 2.625 * INCH, 1 * INCH, 0.5 * INCH,
                       0.1875 * INCH, 0.125 * INCH),
}
# no text within this distance of a label's edge (a sheet feeds a little askew)
LABEL_MARGIN = 2.0
# the bottom of an envelope the post keeps for its barcode (Royal Mail, Deutsche Post, USPS)
BARCODE_ZONE = 15.0
