"""The fonts a pack is printed in. DejaVu Sans and Serif carry Latin, Cyrillic (Kazakh, Kyrgyz,
Ukrainian and Belarusian letters included), Georgian and Armenian, so one family serves every
address the tool formats. They come from the system (Debian's fonts-dejavu-core, installed by
`make`), or from $APPEALKIT_FONT_DIR; the PDF embeds them."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import AppealkitError

FILES = {("sans", "normal"): "DejaVuSans.ttf", ("sans", "bold"): "DejaVuSans-Bold.ttf",
         ("serif", "normal"): "DejaVuSerif.ttf", ("serif", "bold"): "DejaVuSerif-Bold.ttf"}
FOLDERS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/TTF",
           "/usr/local/share/fonts", "/opt/homebrew/share/fonts", "/Library/Fonts",
           os.path.expanduser("~/.local/share/fonts"), os.path.expanduser("~/Library/Fonts"))


def font_dir() -> Path:
    """The folder that holds every DejaVu file the pack needs."""
    own = os.environ.get("APPEALKIT_FONT_DIR")
    for folder in ([own] if own else []) + list(FOLDERS):
        p = Path(folder)
        if all((p / f).is_file() for f in FILES.values()):
            return p
    raise AppealkitError("the DejaVu fonts (Sans and Serif) are not installed; on Debian or Ubuntu: "
                         "apt-get install fonts-dejavu-core; elsewhere put DejaVuSans.ttf, DejaVuSans-Bold.ttf, "
                         "DejaVuSerif.ttf and DejaVuSerif-Bold.ttf in a folder named by $APPEALKIT_FONT_DIR")


def font_faces() -> list[dict]:
    """@font-face rules as data: family, weight, and the file's URL."""
    folder = font_dir()
    return [{"family": f"Pack {kind.title()}", "weight": weight, "url": (folder / name).resolve().as_uri()}
            for (kind, weight), name in FILES.items()]
