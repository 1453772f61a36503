"""HTML to PDF with WeasyPrint, loaded only here: `pip install 'appealkit[pack]'` brings it."""

from __future__ import annotations

from ..errors import AppealkitError

INSTALL = "pip install 'appealkit[pack]'"


def html_to_pdf(html: str) -> tuple[bytes, list[str]]:
    """The PDF of a pack's HTML (fonts embedded as subsets by WeasyPrint), and the code points
    (U+XXXX) no font had: they print as empty boxes."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError:
        raise AppealkitError(f"a PDF needs WeasyPrint: {INSTALL} (or --out pack.html for the HTML)") from None
    except OSError as e:  # the Python package is there, its system libraries (pango) are not
        raise AppealkitError(f"WeasyPrint cannot load its system libraries ({e}); on Debian or Ubuntu: "
                             "apt-get install libpango-1.0-0 libpangoft2-1.0-0") from None
    import logging

    missing: dict[str, None] = {}

    class _Missing(logging.Handler):
        # WeasyPrint logs each character no font has; the rest of its notes are not the user's business
        def emit(self, record):
            msg = record.getMessage()
            if ".notdef" in msg:
                missing[msg.rsplit("(", 1)[-1].rstrip(")")] = None

    log = logging.getLogger("weasyprint")
    handler, level, propagate = _Missing(), log.level, log.propagate
    log.addHandler(handler)
    log.setLevel(logging.WARNING)
    log.propagate = False
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        pdf = weasyprint.HTML(string=html, base_url=".").write_pdf()
    finally:
        log.removeHandler(handler)
        log.setLevel(level)
        log.propagate = propagate
    return pdf, list(missing)

