"""Add invented activities, local actors, funding programmes and events, or remove them again."""

from core.sample_data import SampleDataCommand
from relations.demo import demo_relations_exists, demo_relations_load, demo_relations_remove


class Command(SampleDataCommand):
    help = (
        "Add invented activities, events, local actors and funding programmes, all marked as "
        "sample data; the public site says so wherever they show. Never run in production."
    )
    what = "Sample register data"
    summary = (
        "{activities} activities and events, {actors} local actors, "
        "{programmes} funding programmes."
    )

    def exists(self):
        return demo_relations_exists()

    def load(self, today):
        return demo_relations_load(today=today)

    def remove(self):
        demo_relations_remove()
