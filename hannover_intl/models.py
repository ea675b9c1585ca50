"""Site pages the International Affairs Office edits: contact, legal notices, Easy Read."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.content import Publishable


def site_page_url_name(slug: str) -> str:
    """Return the URL name of the site page with `slug`, e.g. site_page_legal_notice."""
    return f"site_page_{slug.replace('-', '_')}"


class SitePage(Publishable):
    """A page of the site that is not part of the plan, such as the legal notice."""

    class Slug(models.TextChoices):
        CONTACT = "contact", _("Contact")
        LEGAL_NOTICE = "legal-notice", _("Legal notice")
        PRIVACY = "privacy", _("Privacy statement")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        EASY_READ = "easy-read", _("Easy Read")

    slug = models.SlugField(_("page"), max_length=40, choices=Slug, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(
        _("summary"), max_length=300, blank=True, help_text=_("One sentence for search engines.")
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Separate paragraphs with a blank line; start list items with '- ' "
            "and a sub-heading with '## '."
        ),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(site_page_url_name(self.slug))
