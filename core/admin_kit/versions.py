"""No lost update: a form loaded before someone else's save is refused, naming what changed."""

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

VERSION_FIELD = "loaded_version"


def stale_message(model, obj, loaded: int, current: int, yours: dict) -> list[str]:
    """Return who changed `obj` since version `loaded`, and each changed field's two values."""
    history = getattr(obj, "history", None)
    newer = history.filter(version=current).first() if history is not None else None
    older = history.filter(version=loaded).first() if history is not None else None
    who = str(newer.history_user or _("someone")) if newer else _("someone")
    when = localtime(newer.history_date).strftime("%Y-%m-%d %H:%M") if newer else ""
    lines = [
        _(
            "%(who)s saved this %(kind)s at %(when)s, after you opened it. Nothing of yours "
            "was saved. Open it again to see their version, then make your change."
        )
        % {"who": who, "kind": model._meta.verbose_name, "when": when}
    ]
    if newer is not None and older is not None:
        for change in newer.diff_against(older, excluded_fields=["version", "updated_at"]).changes:
            label = model._meta.get_field(change.field).verbose_name
            mine = yours.get(change.field, change.old)
            lines.append(
                _("%(field)s – theirs: “%(theirs)s”, yours: “%(yours)s”")
                % {"field": label, "theirs": change.new, "yours": mine}
            )
    return lines


def versioned_form(base, *, model, loaded: int | None):
    """Return `base` with the version it was loaded at, refused on save if the row moved on."""

    class VersionedForm(base):
        loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields[VERSION_FIELD].initial = loaded

        def clean(self):
            data = super().clean()
            sent = data.get(VERSION_FIELD)
            if self.instance.pk is None or sent is None:
                return data
            # Locked until the admin's transaction ends, so two saves cannot both pass here.
            current = (
                model._default_manager.select_for_update()
                .filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and current != sent:
                stored = model._default_manager.get(pk=self.instance.pk)
                raise ValidationError(stale_message(model, stored, sent, current, data))
            return data

    return VersionedForm


class VersionCheckMixin:
    """Carry each form's loaded version and refuse a save over a newer one."""

    def _is_versioned(self) -> bool:
        return any(field.name == "version" for field in self.model._meta.fields)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._is_versioned():
            # The version is a field of our form, not of the model: keep it out of the factory.
            if "fields" not in kwargs:
                kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
            if kwargs["fields"] is not None:
                kwargs["fields"] = [name for name in kwargs["fields"] if name != VERSION_FIELD]
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self._is_versioned():
            return form
        # A restore shows an old version, but is judged against the row as it is now.
        current = getattr(request, "restoring", None) or obj
        return versioned_form(form, model=self.model, loaded=getattr(current, "version", None))

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._is_versioned() or obj is None:
            return fieldsets
        *rest, (name, options) = fieldsets
        fields = [field for field in options["fields"] if field != VERSION_FIELD]
        return [*rest, (name, {**options, "fields": [*fields, VERSION_FIELD]})]
