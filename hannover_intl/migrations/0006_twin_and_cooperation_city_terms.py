"""Call the map and table of all 25 cities by the glossary's umbrella term in existing databases.

The loader only creates missing pages, so a database loaded earlier keeps 'Karte der
Partnerstädte', which in German means the twin cities only. A text is changed only where it still
equals the text the loader or migration 0005 wrote (compared by its SHA-256), so that an edit of
the International Affairs Office is never overwritten."""

import hashlib

from django.db import migrations
from django.db.models import F

# (page, language): the SHA-256 of the text as loaded before this migration.
LOADED_TEXTS = {
    ("legal-notice", "de"): "d4a910f1498b16bb5edfccd554334716877c4fbdf1c4dc1d69ec4bd46610dd9c",
    ("legal-notice", "en"): "d42dbd8d772cfe4abd9fb593437a5e7028ef02bd0a383fe4fcf5b1cbd1f0e75c",
    ("privacy", "de"): "bf910af8b98422278b0ea0f7987ecd98fba51d1ace6d7f1cf92179e27440b168",
    ("privacy", "en"): "3971678b1950b3fce2777e28056762bc4dd5cf897b9ed77776fce837e46d2e5a",
    ("accessibility", "de"): "b4e0f7122300cb485517b333d56fc817ba4d82e86c133c6a43ad16022013b09f",
    ("accessibility", "en"): "0b2d883994ef4824999afd7a5b3665d2fafff7446839a5804382d7530090aaaf",
}

REPLACEMENTS = {
    "de": [
        ("Karte der Partnerstädte", "Karte der Partner- und Kooperationsstädte"),
        ("Tabelle der Partnerstädte", "Tabelle der Partner- und Kooperationsstädte"),
    ],
    "en": [
        ("map of partner cities", "map of the twin and cooperation cities"),
        ("table of partner cities", "table of the twin and cooperation cities"),
    ],
}


def update_unedited_texts(apps, schema_editor):
    """Rename the map and the table where the office has not edited the page since it was loaded."""
    site_page = apps.get_model("hannover_intl", "SitePage")
    for (slug, code), loaded in LOADED_TEXTS.items():
        page = site_page.objects.filter(slug=slug).first()
        if page is None:
            continue
        text = getattr(page, f"body_{code}") or ""
        if hashlib.sha256(text.encode()).hexdigest() != loaded:
            continue
        for old, new in REPLACEMENTS[code]:
            text = text.replace(old, new)
        # A new version, so that an admin form opened on the old text is refused as stale.
        site_page.objects.filter(pk=page.pk).update(
            **{f"body_{code}": text}, version=F("version") + 1
        )


class Migration(migrations.Migration):
    dependencies = [("hannover_intl", "0005_legal_and_easy_read_texts")]

    operations = [migrations.RunPython(update_unedited_texts, migrations.RunPython.noop)]
