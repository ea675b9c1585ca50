"""Sign-in to the back office: lock-out after repeated failures, strong passwords, optional TOTP."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import SuperuserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long Passwort 2026"


@pytest.fixture
def staff(db):
    return SuperuserFactory(username="staff", password=PASSWORD)


def sign_in(client, password, language="de", **extra):
    return client.post(
        f"/{language}/admin/login/?next=/{language}/admin/",
        {"username": "staff", "password": password, **extra},
    )


@pytest.mark.parametrize(
    ("language", "message"),
    [("de", "Anmeldung gesperrt"), ("en", "Sign-in locked")],
)
def test_five_failed_sign_ins_lock_the_account_even_for_the_right_password(
    staff, settings, language, message
):
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong", language).status_code == 200
    locked = sign_in(client, "wrong", language)
    assert locked.status_code == 429
    assert message in locked.content.decode()
    response = sign_in(client, PASSWORD, language)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get(username="staff").failures_since_start >= 5


def test_a_successful_sign_in_resets_the_count(staff):
    client = Client()
    sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="staff", failures_since_start__gt=0).exists()


def test_weak_passwords_are_refused(staff):
    for weak in ("hannover", "12345678901234", "staff@example.org"):
        with pytest.raises(ValidationError):
            validate_password(weak, staff)
    validate_password(PASSWORD, staff)


@override_settings(ADMIN_OTP_REQUIRED=True)
def test_with_two_factor_sign_in_the_password_alone_is_not_enough(staff):
    device = TOTPDevice.objects.create(user=staff, name="Phone", confirmed=True)
    client = Client()
    page = client.get("/de/admin/login/")
    assert 'name="otp_token"' in page.content.decode()
    assert sign_in(client, PASSWORD).status_code == 200
    assert client.get("/de/admin/").status_code == 302

    token = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    response = sign_in(client, PASSWORD, otp_device=device.persistent_id, otp_token=token)
    assert response.status_code == 302
    assert client.get("/de/admin/").status_code == 200


def test_without_the_setting_no_one_time_password_is_asked(staff):
    page = Client().get("/en/admin/login/")
    assert 'name="otp_token"' not in page.content.decode()
