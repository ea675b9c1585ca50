"""The measure list's city filter: a name with suggestions, bounded however many cities there are.

Issue 18, section 3: a choice among thousands of cities would make the page grow with the data.
"""

import pytest

from core.content import PublicationState
from core.suggesting import SUGGESTIONS as SUGGESTED_CITIES
from measures.models import Measure
from partners.models import PartnerCity
from tests.factories import PartnerCityFactory, PartnershipFactory
from tests.markup import parse

pytestmark = pytest.mark.django_db

LIST = {"de": "/de/massnahmen/", "en": "/en/measures/"}


def numbers(client, language: str, query: str) -> list[str]:
    response = client.get(LIST[language] + query)
    assert response.status_code == 200
    return [measure.number for measure in response.context["measures"]]


def suggestions(html: str) -> list[str]:
    options = parse(html).select("datalist#id_city-suggestions option")
    return [option.attrs["value"] for option in options]


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("value", ["hiroshima", "Hiroshima", "HIROSHIMA", " Hiroshima "])
def test_a_city_is_found_by_its_name_or_slug(client, plan, language, value):
    assert numbers(client, language, f"?city={value}") == ["1.1"]


def test_a_name_is_found_in_either_language_and_without_diacritics(client, plan):
    city = PartnerCityFactory(slug="synthetic-gdansk", name_de="Danzig", name_en="Gdańsk")
    PartnershipFactory(city=city, publication_state=PublicationState.PUBLISHED).measures.add(
        Measure.objects.get(number="2.1")
    )
    for language in ("de", "en"):
        for name in ("Danzig", "Gdańsk", "gdansk", "synthetic-gdansk"):
            assert numbers(client, language, f"?city={name}") == ["2.1"], (language, name)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("de", "Keine Partner- oder Kooperationsstadt namens „Atlantis“"),
        ("en", "No twin or cooperation city called “Atlantis”"),
    ],
)
def test_an_unknown_city_is_named_and_every_measure_shown(client, plan, language, message):
    response = client.get(LIST[language] + "?city=Atlantis")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(response.context["measures"]) > 1


@pytest.mark.parametrize("value", ["x" * 5000, "%00", "<script>", "' OR 1=1 --"])
def test_nonsense_is_answered_with_a_message_never_an_error(client, plan, value):
    response = client.get(LIST["en"], {"city": value})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_the_suggestions_stay_bounded_and_follow_what_was_typed(client, plan):
    measure = Measure.objects.get(number="3.1")
    for number in range(3 * SUGGESTED_CITIES):
        city = PartnerCityFactory(
            name_de=f"Synthstadt {number:03}", name_en=f"Synthcity {number:03}"
        )
        PartnershipFactory(city=city, publication_state=PublicationState.PUBLISHED).measures.add(
            measure
        )
    html = client.get(LIST["en"]).content.decode()
    assert len(suggestions(html)) == SUGGESTED_CITIES
    assert 'list="id_city-suggestions"' in html
    typed = client.get(LIST["en"], {"city": "Synthcity 042"}).content.decode()
    assert suggestions(typed) == ["Synthcity 042"]
    # Part of a name, sent without a browser that suggests: the page lists the cities as links.
    german = client.get(LIST["de"], {"city": "synthstadt 04", "area": "3"}).content.decode()
    assert "Städte, deren Name „synthstadt 04“ enthält:" in german
    links = parse(german).select("ul.city-matches a")
    assert [link.text for link in links] == [f"Synthstadt 04{digit}" for digit in range(10)]
    assert links[0].attrs["href"] == "?city=Synthstadt+040&area=3"
    assert numbers(client, "de", "?city=Synthstadt+040&area=3") == ["3.1"]


@pytest.mark.parametrize(
    ("language", "found"), [("de", "Gefundene Maßnahmen: "), ("en", "Measures found: ")]
)
def test_a_draft_city_is_neither_suggested_nor_accepted_nor_counted(client, plan, language, found):
    # A published measure with a public partnership, and a draft one with a draft city.
    measure = Measure.objects.get(number="2.1")
    PartnershipFactory(publication_state=PublicationState.PUBLISHED).measures.add(measure)
    secret = PartnerCityFactory(
        slug="geheim",
        name_de="Geheimstadtxyz",
        name_en="Geheimstadtxyz",
        publication_state=PublicationState.DRAFT,
    )
    PartnershipFactory(city=secret, publication_state=PublicationState.DRAFT).measures.add(measure)
    # A published city whose only link to measure 3.1 is a draft partnership.
    hidden_link = PartnerCityFactory(slug="offen", name_de="Offenstadtxyz", name_en="Openxyz")
    PartnershipFactory(city=hidden_link, publication_state=PublicationState.DRAFT).measures.add(
        Measure.objects.get(number="3.1")
    )
    total = Measure.objects.public().count()
    for value in ("geheim", "Geheimstadtxyz", "geheimstadt", "offen", "Offenstadtxyz"):
        response = client.get(LIST[language], {"city": value})
        assert response.status_code == 200
        html = response.content.decode()
        assert "Geheimstadtxyz" not in suggestions(html), value
        assert not parse(html).select("ul.city-matches a"), value
        # Not accepted: every measure is shown, as for a name nobody knows.
        assert f"{found}{total}" in html, value
    everything = client.get(LIST[language]).content.decode()
    assert "Geheimstadtxyz" not in everything
    assert "Offenstadtxyz" not in suggestions(everything)
    # A public city's draft partnership with another measure adds nothing to its results.
    hiroshima = PartnerCity.objects.get(slug="hiroshima")
    PartnershipFactory(city=hiroshima, publication_state=PublicationState.DRAFT).measures.add(
        Measure.objects.get(number="3.1")
    )
    assert numbers(client, language, "?city=hiroshima") == ["1.1"]


def test_the_apis_city_filter_counts_only_public_partnerships(client, plan):
    # The same rule on the open data: a public city's draft partnership adds no measure.
    hiroshima = PartnerCity.objects.get(slug="hiroshima")
    PartnershipFactory(city=hiroshima, publication_state=PublicationState.DRAFT).measures.add(
        Measure.objects.get(number="3.1")
    )
    found = client.get("/api/v1/measures/?city=hiroshima").json()["results"]
    assert [measure["number"] for measure in found] == ["1.1"]
