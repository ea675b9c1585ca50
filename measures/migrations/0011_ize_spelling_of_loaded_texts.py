"""Spell the loaded English texts with -ize, as the plan's English text does, in existing databases.

The loader only creates missing rows, so a database loaded earlier keeps 'Digitisation'. A text is
changed only where it still equals what the loader wrote, so that an edit of the International
Affairs Office is never overwritten."""

from django.db import migrations
from django.db.models import F

# (model, field, text as loaded, text as the plan spells it)
CHANGES = [
    ("Theme", "name_en", "Digitisation", "Digitization"),
    (
        "ScheduleStep",
        "title_en",
        "Development of the basis of the plan (contextualisation, review of the current "
        "situation, goals)",
        "Development of the basis of the plan (contextualization, review of the current "
        "situation, goals)",
    ),
    (
        "CityDevelopmentGoal",
        "text_en",
        "is an internationally recognised and connected, innovative centre for higher education "
        "and science that attracts bright minds and 'retains' them.",
        "is an internationally recognized and connected, innovative centre for higher education "
        "and science that attracts bright minds and 'retains' them.",
    ),
]


def respell_unedited_texts(apps, schema_editor):
    """Replace each text that still reads as the loader wrote it, with a new version."""
    for model_name, field, loaded, spelt in CHANGES:
        model = apps.get_model("measures", model_name)
        model.objects.filter(**{field: loaded}).update(**{field: spelt}, version=F("version") + 1)


class Migration(migrations.Migration):
    dependencies = [("measures", "0010_organizational_unit_spelling")]

    operations = [migrations.RunPython(respell_unedited_texts, migrations.RunPython.noop)]
