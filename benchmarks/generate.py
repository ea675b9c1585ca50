"""Command line of benchmarks/scaled_data.py: `python -m benchmarks.generate --scale 20`.

Django is set up here, before scaled_data imports the models, which it cannot do itself.
"""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hannover_intl.settings")
django.setup()

from benchmarks.scaled_data import main  # noqa: E402  (needs the apps loaded above)

sys.exit(main())
