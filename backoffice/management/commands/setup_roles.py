"""Create or update the back office's roles; `migrate` does the same at its end."""

from django.core.management.base import BaseCommand

from backoffice.roles import roles_sync


class Command(BaseCommand):
    help = "Create the groups International Affairs Office, Department editor and Council member."

    def handle(self, *args, **options):
        for group in roles_sync():
            count = group.permissions.count()
            self.stdout.write(f"{group.name}: {count} permissions")
