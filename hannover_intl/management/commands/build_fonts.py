"""Cut the Fira Sans faces the portal uses down to the Latin characters it shows."""

import logging
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# Code point ranges kept, inclusive: what the plan's texts and both catalogues need, with room for
# European city names (Latin Extended-A: Poznań, Łódź; ș and ț: Brașov). Latin Extended-B and
# Vietnamese would add half again; such rare letters come from the next font in KERN's stack.
UNICODE_RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement: umlauts, ß, §, ©, ·
    (0x0100, 0x017F),  # Latin Extended-A
    (0x0218, 0x021B),  # Romanian ș and ț
    (0x2000, 0x206F),  # General Punctuation: dashes, „quotes“, …
    (0x20AC, 0x20AC),  # €
    (0x2122, 0x2122),  # ™
    (0x2190, 0x2195),  # arrows
    (0x2212, 0x2212),  # minus sign
]

KERN_CSS = Path("@kern-ux") / "native" / "dist" / "fonts" / "fira-sans.css"
OUR_CSS = Path("static") / "css" / "fonts.css"
FONT_URL = re.compile(r"""url\(\s*["']?([^"')]+\.woff2)["']?\s*\)""")


def output_dir() -> Path:
    """Return the folder the subsets are written to, served as static/fonts/."""
    return Path(settings.FONTS_BUILD_DIR)


def codepoints() -> set[int]:
    """Return every code point the subsets keep."""
    return {point for first, last in UNICODE_RANGES for point in range(first, last + 1)}


def faces_used() -> list[str]:
    """Return the file names of the subset faces our font CSS declares."""
    css = (Path(settings.BASE_DIR) / OUR_CSS).read_text()
    return [Path(url).name for url in FONT_URL.findall(css) if url.startswith("../fonts/")]


def kern_faces() -> dict[str, Path]:
    """Return KERN's Fira Sans files by name, as its font CSS lists them."""
    css_path = Path(settings.NODE_MODULES_DIR) / KERN_CSS
    if not css_path.exists():
        raise CommandError(f"{css_path} is missing: run `npm ci` first.")
    files = [css_path.parent / url for url in FONT_URL.findall(css_path.read_text())]
    return {path.name: path for path in files}


def subset(source: Path, target: Path) -> None:
    """Write the `source` font, cut down to UNICODE_RANGES, as woff2 to `target`."""
    # Imported here so that the rest of the project never needs fontTools.
    from fontTools import subset as ft_subset

    # fontTools warns about OS/2 bits that Fira Sans sets harmlessly; keep set-up output clean.
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    options = ft_subset.Options()
    options.flavor = "woff2"
    # fontTools keeps kerning and ligatures by default; portal.css asks for tabular figures.
    options.layout_features = [*options.layout_features, "tnum"]
    # Browsers today render without TrueType hinting, which would add half the size again.
    options.hinting = False
    options.notdef_outline = True
    font = ft_subset.load_font(str(source), options)
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints())
    subsetter.subset(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write next to the target and rename, so that an interrupted run leaves no broken font.
    partial = target.with_suffix(".partial")
    ft_subset.save_font(font, str(partial), options)
    partial.replace(target)


class Command(BaseCommand):
    help = "Write Latin subsets of the Fira Sans faces the portal uses to build/fonts/."

    def handle(self, *args, **options):
        available = kern_faces()
        out = output_dir()
        for name in faces_used():
            if name not in available:
                raise CommandError(f"{OUR_CSS} names {name}, which KERN's font CSS does not list.")
            subset(available[name], out / name)
            size = (out / name).stat().st_size
            original = available[name].stat().st_size
            self.stdout.write(f"{name}: {original // 1024} KB -> {size // 1024} KB")
