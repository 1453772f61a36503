"""The printable pack of a letter-writing night: for each case a large-print card, every
letter on its own pages, and every writer's envelopes at their real size (or address labels),
as one HTML document (pack.html.build_pack) that WeasyPrint turns into a PDF (pack.pdf)."""

from __future__ import annotations

# page and envelope sizes in millimetres (ISO 216 and ISO 269; US Letter 8.5 x 11 in)
PAPERS = {"a4": (210, 297), "letter": (215.9, 279.4)}
ENVELOPES = {"dl": (220, 110), "c5": (229, 162), "c6": (162, 114)}
# Avery L7163 on A4: 2 x 7 labels of 99.1 x 38.1 mm, 15.15 mm from the top, 4.65 mm from the left,
# 2.5 mm between the columns (Avery's published template)
LABELS = {"columns": 2, "rows": 7, "width": 99.1, "height": 38.1, "top": 15.15, "left": 4.65, "gap": 2.5}
