#!/usr/bin/env python
"""Run Django's command-line utility for the Hannover International portal."""

import os
import sys


def main():
    """Run administrative tasks with the portal's settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hannover_intl.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
