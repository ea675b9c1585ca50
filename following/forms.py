"""The form to follow by e-mail: an address, and a field that only robots fill in."""

from django import forms
from django.utils.translation import gettext_lazy as _


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter a valid e-mail address, such as name@example.org."),
            "max_length": _("Please enter a valid e-mail address, such as name@example.org."),
        },
    )
    # The honeypot: hidden from people by the style sheet, filled in by robots that fill all.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def clean_email(self):
        """Refuse an address at an IP address: it reaches a server, not a mailbox we can count."""
        email = self.cleaned_data["email"]
        # The validator already refuses an IP address without brackets as no domain.
        if email.rpartition("@")[2].startswith("["):
            raise forms.ValidationError(
                _(
                    "Please enter an e-mail address with a domain name, such as "
                    "name@example.org. Addresses at an IP address are not accepted."
                ),
                code="ip_literal",
            )
        return email

    def is_robot(self) -> bool:
        """Return whether the hidden field was filled in, as only a robot does."""
        return bool(self.data.get("website", "").strip())
