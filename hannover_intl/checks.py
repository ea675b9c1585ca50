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


def unplaced_languages(page: SitePage | None, fact: LegalFact) -> list[str]:
    """Return the languages whose text of `page` has no [[marker]] where `fact` appears."""
    if page is None:
        return []
    marker = f"[[{fact.field}]]"
    codes = [code for code, _name in settings.LANGUAGES]
    return [code for code in codes if marker not in (getattr(page, f"body_{code}") or "")]


def fact_error(position: int, fact: LegalFact, pages: dict) -> Error | None:
    """Return the error for `fact` if its page does not state it in every language it needs."""
    page = pages.get(fact.page)
    missing = missing_languages(page, fact)
    # A filled fact whose marker an edit removed would silently vanish from the page.
    unplaced = unplaced_languages(page, fact)
    if not missing and not unplaced:
        return None
    if missing:
        languages = f" ({', '.join(missing)})" if any(missing) else ""
        problem = f"lacks '{fact.label}'{languages}"
    else:
        languages = ", ".join(unplaced)
        problem = f"has no place for '{fact.label}' ([[{fact.field}]]) in its text ({languages})"
    return Error(
        f"The {SitePage.Slug(fact.page).label} {problem}, required by {fact.law}.",
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
