# The workflow log moves here from the back office: the table and its rows stay as they are.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep the log's permissions, and the groups holding them, under the log's new app."""
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not content_type.objects.using(db).filter(app_label="core", model="workflowevent").exists():
        content_type.objects.using(db).filter(
            app_label="backoffice", model="workflowevent"
        ).update(app_label="core")


def move_content_type_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    content_type.objects.using(db).filter(app_label="core", model="workflowevent").update(
        app_label="backoffice"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("backoffice", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WorkflowEvent",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("object_id", models.PositiveBigIntegerField(verbose_name="object ID")),
                        ("from_state", models.CharField(choices=[("draft", "Draft"), ("review", "In review"), ("published", "Published"), ("archived", "Archived")], max_length=16, verbose_name="from")),
                        ("to_state", models.CharField(choices=[("draft", "Draft"), ("review", "In review"), ("published", "Published"), ("archived", "Archived")], max_length=16, verbose_name="to")),
                        ("comment", models.TextField(blank=True, verbose_name="comment")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="when")),
                        ("content_type", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to="contenttypes.contenttype", verbose_name="kind of content")),
                        ("user", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="by")),
                    ],
                    options={
                        "verbose_name": "workflow step",
                        "verbose_name_plural": "workflow steps",
                        "ordering": ["-created_at", "-pk"],
                        "db_table": "backoffice_workflowevent",
                        "permissions": [
                            ("publish_content", "Can publish, send back and archive content"),
                            ("import_content", "Can import content from spreadsheets"),
                            ("work_for_own_unit", "Works only on the content of their own organisational unit"),
                        ],
                        "indexes": [models.Index(fields=["content_type", "object_id"], name="backoffice_workflow_object")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
