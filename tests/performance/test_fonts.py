"""The subset web fonts are small and still draw every character the portal shows."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation
from fontTools.ttLib import TTFont

from hannover_intl.management.commands.build_fonts import faces_used
from partners.models import PartnerCity

APPS = ["hannover_intl", "measures", "partners", "networks", "progress"]
CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def subset_cmaps() -> dict[str, set[int]]:
    """Return the code points each subset face draws, read from its cmap."""
    folder = Path(settings.FONTS_BUILD_DIR)
    if not folder.is_dir():
        pytest.fail(f"{folder} is missing: run `make fonts` (make test does) before the tests.")
    cmaps = {}
    for name in faces_used():
        with TTFont(folder / name) as font:
            cmaps[name] = set(font.getBestCmap())
    return cmaps


def shown(text: str) -> set[str]:
    """Return the characters of `text` a font has to draw, leaving out line breaks and tabs."""
    return {char for char in text if ord(char) >= 0x20 and char != "\u00ad"}


def plan_characters() -> set[str]:
    """Return every character of every text the loaded plan stores, in both languages."""
    chars = set()
    for label in APPS:
        for model in apps.get_app_config(label).get_models():
            fields = [
                field.name
                for field in model._meta.concrete_fields
                if isinstance(field, (models.CharField, models.TextField))
            ]
            if not fields:
                # A model of links only (measures.EditorialLink): values_list() would give ids.
                continue
            for row in model.objects.values_list(*fields):
                for value in row:
                    chars |= shown(value or "")
    # Country names come from django-countries, in the language of the page.
    for city in PartnerCity.objects.all():
        for language in ("de", "en"):
            with translation.override(language):
                chars |= shown(str(city.country.name))
    return chars


def catalogue_characters() -> set[str]:
    """Return every character of the German catalogue's msgids and translations."""
    text = CATALOGUE.read_text(encoding="utf-8")
    strings = re.findall(r'^(?:msgid|msgstr|msgctxt)?\s*"(.*)"$', text, flags=re.MULTILINE)
    return shown("".join(strings))


def missing(chars: set[str], cmaps: dict[str, set[int]]) -> dict[str, str]:
    """Return, per face, the characters it cannot draw."""
    result = {}
    for name, cmap in cmaps.items():
        gaps = "".join(sorted(char for char in chars if ord(char) not in cmap))
        if gaps:
            result[name] = gaps
    return result


@pytest.mark.django_db
def test_subsets_draw_every_character_of_the_plan(plan, subset_cmaps):
    chars = plan_characters()
    assert {"ü", "ß", "–", "ń"} <= chars  # the plan, Poznań included, really was read
    assert missing(chars, subset_cmaps) == {}


def test_subsets_draw_every_character_of_the_german_catalogue(subset_cmaps):
    chars = catalogue_characters()
    assert {"ä", "„", "“"} <= chars
    assert missing(chars, subset_cmaps) == {}


def test_subsets_draw_the_city_names_of_europe(subset_cmaps):
    names = "Poznań Łódź Kraków Brașov Timișoara Gdańsk Škoda İzmir Ústí Øresund € → „…“ «»"
    assert missing(shown(names), subset_cmaps) == {}


def test_subsets_are_a_fraction_of_the_full_fonts(subset_cmaps):
    kern = Path(settings.NODE_MODULES_DIR) / "@kern-ux" / "native" / "dist" / "fonts" / "fira-sans"
    for name in subset_cmaps:
        subset = (Path(settings.FONTS_BUILD_DIR) / name).stat().st_size
        assert subset < 25 * 1024
        assert subset < (kern / name).stat().st_size / 5


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["de", "en"])
def test_pages_load_the_subset_fonts_not_the_full_set(client, plan, language, subset_cmaps):
    page = client.get(f"/{language}/").content.decode()
    assert "css/fonts.css" in page
    assert "fonts/fira-sans.css" not in page
    css = client.get(re.search(r'href="([^"]*css/fonts\.css)"', page).group(1))
    text = b"".join(css.streaming_content).decode() if css.streaming else css.content.decode()
    assert text.count("font-display: swap") == len(subset_cmaps)
    for name in subset_cmaps:
        font = client.get(f"/{settings.STATIC_URL.strip('/')}/fonts/{name}")
        assert font.status_code == 200
