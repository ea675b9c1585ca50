"""Settings for a first run and for deployment, read from the environment."""

from .base import *  # noqa: F403
