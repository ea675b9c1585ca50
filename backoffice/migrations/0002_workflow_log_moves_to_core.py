# The workflow log now belongs to the core app (core.0001 takes over the table as it is).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("backoffice", "0001_initial"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="WorkflowEvent")],
            database_operations=[],
        ),
    ]
