"""Mark an external partner that is a group, and add the project description's sixth partner line,
a group, to databases loaded before (unless the office has added it already)."""

from django.db import migrations, models

GROUP = {
    "slug": "further-international-partners",
    "name_de": (
        "weitere international tätige Partner*innen und Institutionen aus Wirtschaft, "
        "Wissenschaft und Kultur"
    ),
    "name_en": (
        "further internationally active partners and institutions from business, science and "
        "culture"
    ),
}


def add_the_group_of_partners(apps, schema_editor):
    """Add the description's group of further partners where the plan's partners are loaded."""
    partner = apps.get_model("partners", "ExternalPartner")
    if not partner.objects.filter(slug="deutsche-messe").exists():
        return  # Not loaded yet: the loader will create it with the others.
    if partner.objects.filter(slug=GROUP["slug"]).exists():
        return
    partner.objects.create(
        **GROUP, name=GROUP["name_de"], is_plan_partner=True, is_group=True
    )


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0005_twin_and_cooperation_city_names'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='externalpartner',
            options={'ordering': ['is_group', 'name'], 'verbose_name': 'external partner', 'verbose_name_plural': 'external partners'},
        ),
        migrations.AddField(
            model_name='externalpartner',
            name='is_group',
            field=models.BooleanField(default=False, help_text='The source names a group of partners here, not one organization; it is listed after the named organizations.', verbose_name='group of partners'),
        ),
        migrations.AddField(
            model_name='historicalexternalpartner',
            name='is_group',
            field=models.BooleanField(default=False, help_text='The source names a group of partners here, not one organization; it is listed after the named organizations.', verbose_name='group of partners'),
        ),
        migrations.RunPython(add_the_group_of_partners, migrations.RunPython.noop),
    ]
