# A sub-item (Teilmaßnahme) is called so in the code too; rows, history and permissions stay.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("measures", "0003_history_and_protected_parts"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RenameModel("MeasureActivity", "SubItem"),
        migrations.RenameModel("HistoricalMeasureActivity", "HistoricalSubItem"),
    ]
