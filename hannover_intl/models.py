"""Site pages the International Affairs Office edits: contact, legal notices, Easy Read."""

from typing import NamedTuple

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.content import Publishable


def site_page_url_name(slug: str) -> str:
    """Return the URL name of the site page with `slug`, e.g. site_page_legal_notice."""
    return f"site_page_{slug.replace('-', '_')}"


class ComplianceStatus(models.TextChoices):
    """The compliance statuses of the EU model accessibility statement (Decision (EU) 2018/1523)."""

    FULLY = "fully", _("fully compliant")
    PARTIALLY = "partially", _("partially compliant")
    NOT = "not", _("not compliant")


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
            "and a sub-heading with '## '. [[name]] marks where the legal fact 'name' appears, "
            "[[page:slug]] a link to another site page."
        ),
    )
    # Legal facts: the sources do not give them, so the office fills them in; until then the
    # page shows a marked gap and `check --deploy` fails (hannover_intl/checks.py).
    representative_name = models.CharField(
        _("name of the Mayor representing the city"),
        max_length=200,
        blank=True,
        help_text=_("Legal notice, § 5 DDG."),
    )
    second_contact = models.CharField(
        _("second fast contact channel"),
        max_length=200,
        blank=True,
        help_text=_("Legal notice, § 5 DDG: besides e-mail, e.g. a telephone number."),
    )
    content_responsible = models.TextField(
        _("person responsible for content"),
        blank=True,
        help_text=_("Legal notice, § 18(2) MStV: name and address of the person."),
    )
    dpo_contact = models.TextField(
        _("contact details of the data protection officer"),
        blank=True,
        help_text=_("Privacy statement, Art. 13(1)(b) GDPR."),
    )
    recipients = models.TextField(
        _("recipients of the data (hosting)"),
        blank=True,
        help_text=_("Privacy statement, Art. 13(1)(e) GDPR: who runs the servers for the city."),
    )
    log_retention = models.CharField(
        _("how long server logs are kept"),
        max_length=200,
        blank=True,
        help_text=_(
            "Privacy statement, Art. 13(2)(a) GDPR: a concrete period, such as a number of days."
        ),
    )
    map_tile_provider = models.TextField(
        _("provider of the interactive map's tiles"),
        blank=True,
        help_text=_("Privacy statement: name and address of the map tile service."),
    )
    map_legal_basis = models.CharField(
        _("legal basis of the interactive map"),
        max_length=300,
        blank=True,
        help_text=_("Privacy statement, Art. 13(1)(c) GDPR."),
    )
    compliance_status = models.CharField(
        _("compliance status"),
        max_length=16,
        choices=ComplianceStatus,
        blank=True,
        help_text=_("Accessibility statement: the result of the assessment."),
    )
    assessed_on = models.DateField(
        _("date of the accessibility assessment"),
        null=True,
        blank=True,
        help_text=_("Accessibility statement, Decision (EU) 2018/1523."),
    )
    assessment_method = models.TextField(
        _("method of the accessibility assessment"),
        blank=True,
        help_text=_("Accessibility statement: e.g. self-assessment, or a BITV test by whom."),
    )
    conciliation_body_address = models.TextField(
        _("address of the conciliation body"),
        blank=True,
        help_text=_("Accessibility statement: Schlichtungsstelle nach § 9d NBGG."),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(site_page_url_name(self.slug))

    def legal_facts(self) -> list["LegalFact"]:
        """Return the legal facts this page must state."""
        return [fact for fact in LEGAL_FACTS if fact.page == self.slug]


class LegalFact(NamedTuple):
    """A fact a site page must state by law, which only the office can supply."""

    field: str
    page: str
    law: str
    translated: bool = False

    @property
    def label(self) -> str:
        """Return the field's translated name, which names the gap on the page."""
        return SitePage._meta.get_field(self.field).verbose_name


LEGAL_FACTS = (
    LegalFact("representative_name", SitePage.Slug.LEGAL_NOTICE, "§ 5 DDG"),
    LegalFact("second_contact", SitePage.Slug.LEGAL_NOTICE, "§ 5 DDG"),
    LegalFact("content_responsible", SitePage.Slug.LEGAL_NOTICE, "§ 18 Abs. 2 MStV"),
    LegalFact("dpo_contact", SitePage.Slug.PRIVACY, "Art. 13 Abs. 1 Buchst. b DSGVO"),
    LegalFact("recipients", SitePage.Slug.PRIVACY, "Art. 13 Abs. 1 Buchst. e DSGVO", True),
    LegalFact("log_retention", SitePage.Slug.PRIVACY, "Art. 13 Abs. 2 Buchst. a DSGVO", True),
    LegalFact("map_tile_provider", SitePage.Slug.PRIVACY, "Art. 13 Abs. 1 Buchst. e DSGVO"),
    LegalFact("map_legal_basis", SitePage.Slug.PRIVACY, "Art. 13 Abs. 1 Buchst. c DSGVO", True),
    LegalFact("compliance_status", SitePage.Slug.ACCESSIBILITY, "§ 9b NBGG"),
    LegalFact("assessed_on", SitePage.Slug.ACCESSIBILITY, "§ 9b NBGG"),
    LegalFact("assessment_method", SitePage.Slug.ACCESSIBILITY, "§ 9b NBGG", True),
    LegalFact("conciliation_body_address", SitePage.Slug.ACCESSIBILITY, "§ 9d NBGG"),
)
