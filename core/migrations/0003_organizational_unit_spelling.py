"""Spell 'organizational unit' as the plan's English text does, also in the stored permission."""

from django.db import migrations

OLD_NAME = "Works only on the content of their own organisational unit"
NEW_NAME = "Works only on the content of their own organizational unit"


def rename_permission(apps, schema_editor):
    """Give the stored permission its new name; post_migrate only creates missing ones."""
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(codename="work_for_own_unit", name=OLD_NAME).update(name=NEW_NAME)


def restore_permission(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(codename="work_for_own_unit", name=NEW_NAME).update(name=OLD_NAME)


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("core", "0002_change_proposals"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="workflowevent",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": [
                    ("publish_content", "Can publish, send back and archive content"),
                    ("import_content", "Can import content from spreadsheets"),
                    ("work_for_own_unit", NEW_NAME),
                ],
                "verbose_name": "workflow step",
                "verbose_name_plural": "workflow steps",
            },
        ),
        migrations.RunPython(rename_permission, restore_permission),
    ]
