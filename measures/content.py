"""Abstract bases shared by every content model of the portal."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationState(models.TextChoices):
    """Where a piece of content stands on its way to the public site."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


class PublishableQuerySet(models.QuerySet):
    """Read filters shared by all content that can be published."""

    def published(self):
        """Return only what the public may see."""
        return self.filter(publication_state=PublicationState.PUBLISHED)

    def current(self):
        """Return everything that is not archived."""
        return self.exclude(publication_state=PublicationState.ARCHIVED)

    def visible_to(self, user):
        """Return everything for staff who may view this kind of content, else what is published."""
        opts = self.model._meta
        if user.is_authenticated and user.is_staff and user.has_perm(
            f"{opts.app_label}.view_{opts.model_name}"
        ):
            return self.all()
        return self.published()


class TimeStamped(models.Model):
    """Record when a row was created and last changed."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


class Publishable(TimeStamped):
    """Content that reaches the public only once it is published."""

    publication_state = models.CharField(
        _("publication state"),
        max_length=16,
        choices=PublicationState,
        default=PublicationState.DRAFT,
        db_index=True,
        help_text=_("Only published content appears on the public site."),
    )

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        """Return whether the public may see this."""
        return self.publication_state == PublicationState.PUBLISHED
