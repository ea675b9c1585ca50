"""The admin site of the back office, with two-factor sign-in when the setting asks for it."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils import timezone
from django_otp.admin import OTPAdminAuthenticationForm


def otp_required() -> bool:
    """Return whether staff must confirm their sign-in with a one-time password."""
    return getattr(settings, "ADMIN_OTP_REQUIRED", False)


class FieldAutocompleteView(AutocompleteJsonView):
    """Django's autocomplete, refusing a field that is no form field (a reverse relation)."""

    def process_request(self, request):
        term, model_admin, source_field, to_field_name = super().process_request(request)
        # A reverse relation has no choices to offer; Django would fail on it with a 500.
        if not getattr(source_field, "concrete", False):
            raise PermissionDenied
        return term, model_admin, source_field, to_field_name


class PortalAdminSite(AdminSite):
    """The Django admin with an optional TOTP step and the translation report."""

    @property
    def login_form(self):
        """Return the sign-in form, with a one-time password field when it is required."""
        return OTPAdminAuthenticationForm if otp_required() else AdminAuthenticationForm

    @property
    def login_template(self):
        """Return django-otp's sign-in page when a one-time password is required."""
        return "otp/admin111/login.html" if otp_required() else None

    def has_permission(self, request):
        if otp_required() and not request.user.is_verified():
            return False
        return super().has_permission(request)

    def index(self, request, extra_context=None):
        """Show each role its work above the list of models (monitoring.desk)."""
        from monitoring.desk import desk_for

        desk = desk_for(request.user, timezone.localdate())
        return super().index(request, {**(extra_context or {}), "desk": desk})

    def autocomplete_view(self, request):
        return FieldAutocompleteView.as_view(admin_site=self)(request)

    def get_urls(self):
        from .report_views import TranslationReportView

        return [
            path(
                "translations/",
                self.admin_view(TranslationReportView.as_view(admin_site=self)),
                name="translation_report",
            ),
            *super().get_urls(),
        ]
