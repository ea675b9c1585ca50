"""What a department editor may open in the admin: what each model's `editable_by` allows."""

from django.core.exceptions import PermissionDenied, ValidationError

from core.access import is_unit_scoped


def editable_rows(model, user):
    """Return the rows of `model` the user may open, by the model's own scope rule."""
    manager = model._default_manager
    editable_by = getattr(manager, "editable_by", None)
    return editable_by(user) if editable_by else manager.all()


class DepartmentScopeMixin:
    """Limit a department editor to what their unit owns, by each model's `editable_by` rule."""

    # Fields only the International Affairs Office decides, read-only for a department editor.
    office_only_fields = ()

    def _scoped(self, request) -> bool:
        return is_unit_scoped(request.user)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if not self._scoped(request):
            return queryset
        return queryset.filter(pk__in=editable_rows(self.model, request.user).values("pk"))

    def _outside_scope(self, request, obj) -> bool:
        if obj is None or not self._scoped(request):
            return False
        return not self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and not self._outside_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and not self._outside_scope(request, obj)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and self._scoped(request):
            # Say "forbidden" rather than pretend a colleague's record does not exist.
            model = self.model
            field = model._meta.get_field(from_field) if from_field else model._meta.pk
            try:
                exists = model._default_manager.filter(
                    **{field.name: field.to_python(object_id)}
                ).exists()
            except ValidationError:
                exists = False
            if exists:
                raise PermissionDenied
        return obj

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self._scoped(request):
            fields += [name for name in self.office_only_fields if name not in fields]
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model
        if self._scoped(request) and hasattr(related._default_manager, "editable_by"):
            kwargs["queryset"] = related._default_manager.editable_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
