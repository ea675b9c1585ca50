"""Every page type of the site, with an address in each language."""

# name: (German address, English address); {period} is a sample reporting period, {activity}
# a sample activity of the register.
PAGE_TYPES = {
    "home": ("/de/", "/en/"),
    "plan": ("/de/handlungskonzept/", "/en/the-plan/"),
    "goal": ("/de/ziele/1/", "/en/goals/1/"),
    "area-list": ("/de/handlungsfelder/", "/en/areas-of-action/"),
    "area": ("/de/handlungsfelder/1/", "/en/areas-of-action/1/"),
    "measure-list": ("/de/massnahmen/", "/en/measures/"),
    "measure-list-filtered": (
        "/de/massnahmen/?area=2&sort=title",
        "/en/measures/?area=2&sort=title",
    ),
    "measure": ("/de/massnahmen/1-1/", "/en/measures/1-1/"),
    "progress": ("/de/umsetzungsstand/", "/en/progress/"),
    "progress-measure": ("/de/umsetzungsstand/1-1/", "/en/progress/1-1/"),
    "reporting-periods": ("/de/umsetzungsstand/berichte/", "/en/progress/reports/"),
    "council-report": (
        "/de/umsetzungsstand/berichte/{period}/",
        "/en/progress/reports/{period}/",
    ),
    "city-list": ("/de/partner-und-kooperationsstaedte/", "/en/twin-and-cooperation-cities/"),
    "city": (
        "/de/partner-und-kooperationsstaedte/hiroshima/",
        "/en/twin-and-cooperation-cities/hiroshima/",
    ),
    "network-list": ("/de/netzwerke/", "/en/networks/"),
    "network": ("/de/netzwerke/eurocities/", "/en/networks/eurocities/"),
    "project-list": ("/de/eu-projekte/", "/en/eu-projects/"),
    "project": ("/de/eu-projekte/key/", "/en/eu-projects/key/"),
    "search": ("/de/suche/?q=Klima", "/en/search/?q=climate"),
    "site-page": ("/de/kontakt/", "/en/contact/"),
    "easy-read": ("/de/leichte-sprache/", "/en/easy-read/"),
    "open-data": ("/de/offene-daten/", "/en/open-data/"),
    "events": ("/de/veranstaltungen/", "/en/events/"),
    "events-filtered": ("/de/veranstaltungen/?when=upcoming", "/en/events/?when=upcoming"),
    "activity": ("/de/aktivitaeten/{activity}/", "/en/activities/{activity}/"),
    "local-actors": ("/de/lokale-akteure/", "/en/local-actors/"),
    "funding-programmes": ("/de/foerderprogramme/", "/en/funding-programmes/"),
    "follow": ("/de/folgen/massnahmen/1-1/", "/en/follow/measures/1-1/"),
    "not-found": ("/de/gibt-es-nicht/", "/en/does-not-exist/"),
    "admin-login": ("/de/admin/login/", "/en/admin/login/"),
}
LANGUAGES = {"de": 0, "en": 1}


def page_urls(language: str, period_pk: int, activity_pk: int = 0) -> dict[str, str]:
    """Return every page type's address in `language`."""
    index = LANGUAGES[language]
    return {
        name: urls[index].format(period=period_pk, activity=activity_pk)
        for name, urls in PAGE_TYPES.items()
    }
