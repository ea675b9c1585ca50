"""Date the networks' statuses, record EUROCITIES as a planned application and give the EU projects
the years of participation the plan names, also in databases loaded before.

Only rows the loader wrote are touched, and only where the value is still the loader's old one,
so that an edit of the International Affairs Office is never overwritten."""

import datetime

import django.core.validators
from django.db import migrations, models
from django.db.models import F


BROCHURE_NETWORKS = [
    "cemr",
    "climate-alliance",
    "covenant-of-mayors",
    "eccar",
    "european-council-on-migration-security",
    "iclei",
    "icorn",
    "rainbow-cities",
    "unesco-creative-cities",
]
PLAN_TEXT_NETWORKS = ["mayors-for-peace", "eurocities"]
PLAN_PROJECTS = [
    "bigpicnic",
    "milar",
    "mobile-be",
    "netref",
    "nucleus",
    "quality-blended-learning",
    "key",
]


# The EUROCITIES description: (field, the loader's old text, the new text).
EUROCITIES_DESCRIPTION = [('description_de',
  'EUROCITIES ist das wichtigste Netzwerk der europäischen Großstädte. Der Schwerpunkt dieser '
  'Organisation liegt auf der Zusammenarbeit und dem Informationsaustausch zu kommunalen '
  'Planungsfragen sowie auf der Interessenvertretung gegenüber der Europäischen Union.\n'
  '\n'
  'Die Stadtverwaltung wird sich um eine Mitgliedschaft bewerben, um ihre europäischen Aktivitäten '
  'zu stärken und zu strukturieren.',
  'EUROCITIES ist das wichtigste Netzwerk der europäischen Großstädte. Der Schwerpunkt dieser '
  'Organisation liegt auf der Zusammenarbeit und dem Informationsaustausch zu kommunalen '
  'Planungsfragen sowie auf der Interessenvertretung gegenüber der Europäischen Union.\n'
  '\n'
  'Stand Januar 2019: Die Stadtverwaltung wird sich um eine Mitgliedschaft bewerben, um ihre '
  'europäischen Aktivitäten zu stärken und zu strukturieren.'),
 ('description_en',
  "EUROCITIES is the most important network for major European cities. This organization's focus "
  'is on cooperation and on exchanging information about local-authority planning matters, as well '
  'as on lobbying activities vis-à-vis the European Union.\n'
  '\n'
  'The City Administration will bid to join EUROCITIES with a view to strengthening and '
  'structuring its European activities.',
  "EUROCITIES is the most important network for major European cities. This organization's focus "
  'is on cooperation and on exchanging information about local-authority planning matters, as well '
  'as on lobbying activities vis-à-vis the European Union.\n'
  '\n'
  'As of January 2019, the City Administration will bid to join EUROCITIES with a view to '
  'strengthening and structuring its European activities.')]


def date_the_loaded_statuses(apps, schema_editor):
    """Give the loaded networks and projects what the sources say, where no one has changed them."""
    Network = apps.get_model("networks", "Network")
    EUProject = apps.get_model("networks", "EUProject")
    Network.objects.filter(slug="eurocities", membership_status="applying").update(
        membership_status="planned_application", version=F("version") + 1
    )
    for field, old, new in EUROCITIES_DESCRIPTION:
        values = {field: new, "version": F("version") + 1}
        if field.endswith("_de"):
            values["description"] = new
        Network.objects.filter(slug="eurocities", **{field: old}).update(**values)
    Network.objects.filter(slug__in=BROCHURE_NETWORKS, status_as_of__isnull=True).update(
        status_as_of=datetime.date(2018, 12, 1)
    )
    Network.objects.filter(slug__in=PLAN_TEXT_NETWORKS, status_as_of__isnull=True).update(
        status_as_of=datetime.date(2019, 1, 1)
    )
    EUProject.objects.filter(
        slug__in=PLAN_PROJECTS, participation_from__isnull=True, participation_until__isnull=True
    ).update(participation_from=2018, participation_until=2019)


class Migration(migrations.Migration):

    dependencies = [
        ('measures', '0012_date_the_plans_statements'),
        ('networks', '0004_twin_and_cooperation_city_names'),
        ('partners', '0006_external_partner_groups'),
    ]

    operations = [
        migrations.AddField(
            model_name='euproject',
            name='participation_from',
            field=models.PositiveSmallIntegerField(blank=True, help_text="The years of the city's participation as the source gives them.", null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='participation from (year)'),
        ),
        migrations.AddField(
            model_name='euproject',
            name='participation_until',
            field=models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='participation until (year)'),
        ),
        migrations.AddField(
            model_name='historicaleuproject',
            name='participation_from',
            field=models.PositiveSmallIntegerField(blank=True, help_text="The years of the city's participation as the source gives them.", null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='participation from (year)'),
        ),
        migrations.AddField(
            model_name='historicaleuproject',
            name='participation_until',
            field=models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1990), django.core.validators.MaxValueValidator(2100)], verbose_name='participation until (year)'),
        ),
        migrations.AddField(
            model_name='historicalnetwork',
            name='status_as_of',
            field=models.DateField(blank=True, help_text='The date of the source or edit that states the membership status; the public page shows its month and year.', null=True, verbose_name='membership status as of'),
        ),
        migrations.AddField(
            model_name='network',
            name='status_as_of',
            field=models.DateField(blank=True, help_text='The date of the source or edit that states the membership status; the public page shows its month and year.', null=True, verbose_name='membership status as of'),
        ),
        migrations.AlterField(
            model_name='historicalnetwork',
            name='membership_status',
            field=models.CharField(choices=[('member', 'member'), ('planned_application', 'application planned'), ('applying', 'applying'), ('former', 'former member')], db_index=True, default='member', max_length=24, verbose_name='membership status'),
        ),
        migrations.AlterField(
            model_name='historicalnetwork',
            name='needs_verification',
            field=models.BooleanField(default=False, help_text='The source could not be matched with certainty. Until the office unticks this box, the public pages mark the entry and no public figure counts it.', verbose_name='to be verified by the office'),
        ),
        migrations.AlterField(
            model_name='network',
            name='membership_status',
            field=models.CharField(choices=[('member', 'member'), ('planned_application', 'application planned'), ('applying', 'applying'), ('former', 'former member')], db_index=True, default='member', max_length=24, verbose_name='membership status'),
        ),
        migrations.AlterField(
            model_name='network',
            name='needs_verification',
            field=models.BooleanField(default=False, help_text='The source could not be matched with certainty. Until the office unticks this box, the public pages mark the entry and no public figure counts it.', verbose_name='to be verified by the office'),
        ),
        migrations.AddConstraint(
            model_name='euproject',
            constraint=models.CheckConstraint(condition=models.Q(('participation_from__isnull', True), ('participation_until__isnull', True), ('participation_until__gte', models.F('participation_from')), _connector='OR'), name='networks_euproject_participation_until_not_before_from'),
        ),
        migrations.RunPython(date_the_loaded_statuses, migrations.RunPython.noop),
    ]
