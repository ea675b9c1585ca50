"""The themes of networks, EU projects and partnerships are marked until the office confirms them.

Like a measure's themes (tests/measures/test_editorial_links.py), they are the portal's reading of
the plan: every page that shows one lists it under the note 'Proposed assignment, not yet
confirmed by the International Affairs Office' until the office confirms it in the admin.
"""

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from measures.models import Theme
from networks.models import THEME_LINKS, EUProject, EUProjectThemeLink, Network, NetworkThemeLink
from partners.models import PartnerCity, PartnershipThemeLink
from tests.adminforms import admin_form_data
from tests.factories import OfficeUserFactory
from tests.markup import parse
from tests.measures.test_editorial_links import NOTE, notes, url

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en"]
LINKS = (*THEME_LINKS, PartnershipThemeLink)


def confirm(office, links) -> None:
    """Confirm `links` (a queryset of one link model) through the admin's bulk action."""
    meta = links.model._meta
    response = office.post(
        f"/de/admin/{meta.app_label}/{meta.model_name}/",
        {
            "action": "confirm_links",
            "_selected_action": [str(pk) for pk in links.values_list("pk", flat=True)],
            "index": "0",
        },
    )
    assert response.status_code == 302


@pytest.fixture
def office(plan):
    client = Client()
    client.force_login(OfficeUserFactory(username="office-themes"))
    return client


def network_with_themes() -> Network:
    return Network.objects.public().filter(themes__isnull=False).distinct().first()


def project_with_themes() -> EUProject:
    return EUProject.objects.public().filter(themes__isnull=False).distinct().first()


def city_with_themes() -> PartnerCity:
    return PartnerCity.objects.public().filter(partnerships__themes__isnull=False).distinct()[0]


def page(client, row, language):
    with translation.override(language):
        return client.get(row.get_absolute_url())


def test_the_loaded_plan_confirms_no_theme_of_a_network_project_or_partnership(plan):
    for model in LINKS:
        assert model.objects.exists(), model
        assert not model.objects.filter(confirmed=True).exists(), model


@pytest.mark.parametrize("language", LANGUAGES)
def test_network_project_and_city_pages_list_their_themes_under_the_note(client, plan, language):
    for row in (network_with_themes(), project_with_themes(), city_with_themes()):
        response = page(client, row, language)
        assert notes(response, language) >= 1, row
        # The themes follow the note, by name.
        text = parse(response).one("main").text
        with translation.override(language):
            theme = (
                row.partnerships.filter(themes__isnull=False).first().themes.first()
                if isinstance(row, PartnerCity)
                else row.themes.first()
            )
            assert text.index(NOTE[language]) < text.index(theme.name, text.index(NOTE[language]))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_city_table_marks_its_proposed_themes(client, plan, language):
    response = client.get(url("partners:city_list", language))
    assert notes(response, language) == 1
    badge = {"de": "Vorschlag", "en": "Proposed"}[language]
    cells = [row.select("td")[-1].text for row in parse(response).select("#partner-table tbody tr")]
    assert any(cell.startswith(badge) for cell in cells)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("list_name", "link_model"),
    [
        ("networks:network_list", NetworkThemeLink),
        ("networks:project_list", EUProjectThemeLink),
        ("partners:city_list", PartnershipThemeLink),
    ],
)
def test_lists_filtered_by_theme_carry_the_note_until_confirmed(
    client, office, plan, language, list_name, link_model
):
    slug = link_model.objects.values_list("theme__slug", flat=True).first()
    filtered = url(list_name, language, f"theme={slug}")
    if list_name == "networks:network_list":
        assert notes(client.get(url(list_name, language)), language) >= 1
    assert notes(client.get(filtered), language) >= 1
    confirm(office, link_model.objects.all())
    assert notes(client.get(filtered), language) == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_lists_not_filtered_by_theme_show_no_note_once_confirmed(client, office, plan, language):
    for model in LINKS:
        confirm(office, model.objects.all())
    for name in ("networks:network_list", "networks:project_list", "partners:city_list"):
        assert notes(client.get(url(name, language)), language) == 0, name
    for row in (network_with_themes(), project_with_themes(), city_with_themes()):
        assert notes(page(client, row, language), language) == 0, row


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_theme_the_office_confirms_loses_its_note(client, office, plan, language):
    network = network_with_themes()
    assert notes(page(client, network, language), language) == 1
    confirm(office, NetworkThemeLink.objects.filter(network=network))
    response = page(client, network, language)
    assert notes(response, language) == 0
    # The themes are still shown, now as confirmed.
    with translation.override(language):
        assert network.themes.first().name in parse(response).one("main").text


def test_the_bulk_action_confirms_with_date_and_name_and_keeps_the_history(office, plan):
    for model in LINKS:
        confirm(office, model.objects.all())
        for link in model.objects.all():
            assert link.confirmed and link.confirmed_at is not None
            assert link.confirmed_by.username == "office-themes"
            latest = link.history.latest()
            assert latest.confirmed and latest.history_user.username == "office-themes"


def test_reloading_the_plan_keeps_the_offices_confirmations(office, plan):
    for model in LINKS:
        confirm(office, model.objects.filter(pk=model.objects.first().pk))
    counts = [model.objects.count() for model in LINKS]
    call_command("load_action_plan", verbosity=0)
    assert [model.objects.count() for model in LINKS] == counts
    assert [model.objects.filter(confirmed=True).count() for model in LINKS] == [1, 1, 1]


def test_a_theme_chosen_in_a_networks_form_starts_unconfirmed_and_keeps_the_others(office, plan):
    network = network_with_themes()
    confirm(office, NetworkThemeLink.objects.filter(network=network))
    kept = set(network.themes.values_list("pk", flat=True))
    change = f"/de/admin/networks/network/{network.pk}/change/"
    data = admin_form_data(office.get(change))
    added = Theme.objects.exclude(pk__in=kept).first()
    data["themes"] = [*data["themes"], str(added.pk)]
    response = office.post(change, data)
    assert response.status_code == 302
    links = {link.theme_id: link.confirmed for link in network.theme_links.all()}
    assert links == {**dict.fromkeys(kept, True), added.pk: False}
