"""Add invented progress figures for a demonstration, or remove them again."""

from core.sample_data import SampleDataCommand
from progress.demo import demo_progress_exists, demo_progress_load, demo_progress_remove


class Command(SampleDataCommand):
    help = (
        "Add invented progress reports, milestones and two reporting periods, all marked as "
        "sample data; the public site says so wherever they show. Never run in production."
    )
    what = "Sample progress data"
    summary = "{reports} reports, {milestones} milestones, {periods} reporting periods."

    def exists(self):
        return demo_progress_exists()

    def load(self, today):
        return demo_progress_load(today=today)

    def remove(self):
        demo_progress_remove()
