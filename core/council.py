"""Council document numbers (Drucksachen): their form, and the address of the paper if set."""

import re

from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

COUNCIL_NUMBER = re.compile(r"^(?P<number>\d{4})/(?P<year>\d{4})$")

council_number_validator = RegexValidator(
    COUNCIL_NUMBER,
    message=_(
        "Enter the Drucksache number as four digits, a slash and the year, for example 1736/2018."
    ),
    code="council_number",
)


def council_paper_url(number: str) -> str:
    """Return the address of the council paper `number` by COUNCIL_PAPER_URL, or ""."""
    template = getattr(settings, "COUNCIL_PAPER_URL", "")
    match = COUNCIL_NUMBER.match((number or "").strip())
    if not template or not match:
        return ""
    return template.format(number=match["number"], year=match["year"])
