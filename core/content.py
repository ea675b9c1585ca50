"""Abstract bases shared by every content model of the portal, and the one rule of "public"."""

from functools import cache

from django.db import models
from django.db.models import Q
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from .access import is_unit_scoped


class PublicationState(models.TextChoices):
    """Where a piece of content stands on its way to the public site."""

    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


def public_q(model, prefix: str = "") -> Q:
    """Return the filter for rows of `model` the public may see, following its public parents.

    `prefix` is the lookup path from the queried model to `model`, ending in "__".
    A model without a publication state is as public as its parents.
    """
    query = Q()
    if any(field.name == "publication_state" for field in model._meta.fields):
        query &= Q(**{f"{prefix}publication_state": PublicationState.PUBLISHED})
    for path in getattr(model, "public_parents", ()):
        parent = model._meta.get_field(path).related_model
        query &= public_q(parent, f"{prefix}{path}__")
    return query


def public_q_through(model, path: str) -> Q:
    """Return the filter on `model` for rows whose related rows along `path` are public.

    For example `public_q_through(Measure, "partnerships")` keeps the measures linked to a
    public partnership (published, of a published city). Use it in a single `filter()` call
    together with the other conditions on the same relation, so that they apply to one row.
    """
    target = model
    for name in path.split("__"):
        target = target._meta.get_field(name).related_model
    return public_q(target, f"{path}__")


def is_public(obj) -> bool:
    """Return whether the public may see `obj`, its parents included, without a query."""
    if getattr(obj, "publication_state", PublicationState.PUBLISHED) != PublicationState.PUBLISHED:
        return False
    return all(is_public(getattr(obj, path)) for path in getattr(obj, "public_parents", ()))


class ScopedQuerySet(models.QuerySet):
    """Rows a member of staff may open in the back office; permissions say what they may do."""

    def editable_by(self, user):
        """Return the rows the user may open; models owned by a unit narrow this for its editors."""
        return self.all()


class PublishableQuerySet(ScopedQuerySet):
    """Read filters shared by all content that can be published."""

    def public(self):
        """Return only what the public may see: published, and so are its parents."""
        return self.filter(public_q(self.model))

    def published_themselves(self):
        """Return the rows the workflow has published, whatever their parents' state.

        For figures kept in step behind the scenes (a measure's status follows its published
        reports even while the measure is a draft), never for what the public sees.
        """
        return self.filter(publication_state=PublicationState.PUBLISHED)

    def in_review(self):
        """Return the rows waiting for the office's review."""
        return self.filter(publication_state=PublicationState.REVIEW)

    def current(self):
        """Return everything that is not archived."""
        return self.exclude(publication_state=PublicationState.ARCHIVED)

    def visible_to(self, user):
        """Return what the user may open, unpublished included where their role lets them."""
        opts = self.model._meta
        if user.is_authenticated and user.is_staff and user.has_perm(
            f"{opts.app_label}.view_{opts.model_name}"
        ):
            if is_unit_scoped(user):
                # The same scope as in the admin: a colleague's draft stays hidden.
                return self.filter(pk__in=self.editable_by(user).values("pk")) | self.public()
            return self.all()
        return self.public()


@cache
def choice_labels(field) -> dict:
    """Return a field's choice labels by value, still lazy, so each reads in the active language."""
    return dict(make_hashable(field.flatchoices))


class Versioned(models.Model):
    """Count the saves of a row, so that a form loaded before someone else's save is refused."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.version = (self.version or 0) + 1
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version"}
        super().save(*args, **kwargs)

    def _get_FIELD_display(self, field):
        # Django's get_<field>_display() built the dictionary of all labels on every call,
        # translating each label to hash it: 30 µs for one label, read for every row of a list.
        value = getattr(self, field.attname)
        return force_str(choice_labels(field).get(make_hashable(value), value), strings_only=True)


class TimeStamped(Versioned):
    """Record when a row was created and last changed, and how many times it was saved."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


class Publishable(TimeStamped):
    """Content that reaches the public only once it is published."""

    # Foreign keys to publishable parents: a row is public only if they are public too.
    public_parents: tuple[str, ...] = ()

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
        """Return whether the public may see this, its parents included."""
        return is_public(self)
