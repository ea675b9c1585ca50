# An external partner is called so in the code too, as on the site; rows and history stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("partners", "0002_history_and_archivable_partnerships"),
        ("measures", "0004_rename_measureactivity_subitem"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameModel("Stakeholder", "ExternalPartner"),
        migrations.RenameModel("HistoricalStakeholder", "HistoricalExternalPartner"),
    ]
