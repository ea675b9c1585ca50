"""`check --deploy` warns while the links in mail would point at this machine."""

from monitoring.checks import check_site_url


def test_a_local_or_plain_http_site_url_is_warned_about(settings):
    for address in ["http://localhost:8000", "https://127.0.0.1", "http://international.example"]:
        settings.SITE_URL = address
        assert [warning.id for warning in check_site_url()] == ["monitoring.W001"]


def test_the_public_https_address_passes(settings):
    settings.SITE_URL = "https://international.hannover.de"
    assert check_site_url() == []
