"""Who is responsible for a record, shown in the admin's lists, with a filter for "nobody"."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.text import person_name


class ContactFilter(admin.SimpleListFilter):
    """Filter rows by whether someone is named as their contact person."""

    title = _("contact person")
    parameter_name = "contact"

    def __init__(self, request, params, model, model_admin):
        # The admin names the relation: `contacts` for measures, `contact_persons` elsewhere.
        self.model_admin_lookup = model_admin.contact_lookup
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [("none", _("no contact person")), ("some", _("with a contact person"))]

    def queryset(self, request, queryset):
        lookup = f"{self.model_admin_lookup}__isnull"
        if self.value() == "none":
            return queryset.filter(**{lookup: True})
        if self.value() == "some":
            return queryset.filter(**{lookup: False}).distinct()
        return queryset


def people_names(users) -> str:
    """Return the names of these members of staff, separated by commas."""
    return ", ".join(person_name(user) for user in users)


class ContactsColumnMixin:
    """Show a record's contact persons in its list, read in one query for the whole page."""

    contact_lookup = "contact_persons"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(self.contact_lookup)

    @admin.display(description=_("contact persons"))
    def contacts_column(self, obj):
        return people_names(getattr(obj, self.contact_lookup).all())
