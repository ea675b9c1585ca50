"""Deploy checks: the site goes live only once the legal pages state what only the office knows."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.db import DatabaseError
from django.utils import translation

from .models import LEGAL_FACTS, LegalFact, SitePage


def legal_fact_id(position: int) -> str:
    """Return the check id of the legal fact at `position`, e.g. hannover_intl.E001."""
    return f"hannover_intl.E{position + 1:03d}"


def missing_languages(page: SitePage | None, fact: LegalFact) -> list[str]:
    """Return the languages in which `page` lacks `fact` ("" for a fact without languages)."""
    codes = [code for code, _name in settings.LANGUAGES] if fact.translated else [""]
    if page is None:
        return codes
    return [
        code for code in codes if not getattr(page, f"{fact.field}_{code}" if code else fact.field)
    ]


def fact_error(position: int, fact: LegalFact, pages: dict) -> Error | None:
    """Return the error for `fact` if its page does not state it in every language it needs."""
    missing = missing_languages(pages.get(fact.page), fact)
    if not missing:
        return None
    languages = f" ({', '.join(missing)})" if any(missing) else ""
    return Error(
        f"The {SitePage.Slug(fact.page).label} lacks '{fact.label}'{languages}, "
        f"required by {fact.law}.",
        hint="The International Affairs Office fills it in the admin: "
        f"site page '{fact.page}', field '{fact.field}'.",
        obj=f"SitePage {fact.page}",
        id=legal_fact_id(position),
    )


@register(Tags.security, deploy=True)
def check_legal_facts(app_configs=None, **kwargs) -> list[Error]:
    """Report every legal fact the legal notice, privacy or accessibility statement still lacks."""
    try:
        pages = {page.slug: page for page in SitePage.objects.all()}
    except DatabaseError:
        # Before `migrate` there is nothing to read: every fact is missing.
        pages = {}
    # Messages for whoever deploys, in one language whatever the site's default language.
    with translation.override("en"):
        errors = [fact_error(position, fact, pages) for position, fact in enumerate(LEGAL_FACTS)]
    return [error for error in errors if error]
