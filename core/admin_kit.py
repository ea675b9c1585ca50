"""What every content admin shares: scope by role, workflow, history, translation tabs, status."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .access import is_office, is_unit_scoped
from .content import PublicationState
from .translation_status import MISSING_LABELS, missing_languages, missing_translation_q
from .workflow import (
    ARCHIVED,
    DRAFT,
    PUBLISHED,
    REVIEW,
    allowed_states,
    content_transition,
    has_publication_state,
    publication_changed,
    transition_problem,
    workflow_event_record,
    workflow_events_for,
)


class MissingTranslationFilter(admin.SimpleListFilter):
    """Filter a list to the rows whose German or English text is missing."""

    title = _("translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return list(MISSING_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() in MISSING_LABELS:
            return queryset.filter(missing_translation_q(queryset.model, self.value()))
        return queryset


class TranslationStatusMixin:
    """Show in every list which rows lack a German or English text, and filter by it."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "translation_status"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingTranslationFilter]

    @admin.display(description=_("translation"))
    def translation_status(self, obj):
        missing = missing_languages(obj)
        if not missing:
            return _("complete")
        return ", ".join(str(MISSING_LABELS.get(code, code)) for code in missing)


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


def workflow_form(base, *, user, current):
    """Return `base` with the states the user may choose and a comment on the step."""

    class WorkflowForm(base):
        workflow_comment = forms.CharField(
            label=_("comment on this step"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_(
                "Required when you send content back to draft: say what needs to change. "
                "Kept in the workflow log and in the history."
            ),
        )

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            field = self.fields.get("publication_state")
            if field is not None:
                start = current or DRAFT
                allowed = {start, *allowed_states(user, start)}
                field.choices = [choice for choice in field.choices if choice[0] in allowed]

        def clean(self):
            data = super().clean()
            target = data.get("publication_state")
            if target:
                problem = transition_problem(
                    user=user,
                    current=current or DRAFT,
                    target=target,
                    comment=data.get("workflow_comment", ""),
                )
                if problem:
                    self.add_error("publication_state", problem)
            return data

    return WorkflowForm


class WorkflowAdminMixin:
    """Move content through draft, review, published and archived, by role, with a log."""

    actions = ["submit_for_review", "publish", "archive"]

    def _has_workflow(self) -> bool:
        return has_publication_state(self.model)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if not self._has_workflow():
            for name in ("submit_for_review", "publish", "archive"):
                actions.pop(name, None)
        return actions

    def has_publish_permission(self, request):
        """Return whether the user may publish, send back and archive."""
        return is_office(request.user)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if self._has_workflow():
            # The comment is a field of our form, not of the model: keep it out of the factory.
            if "fields" not in kwargs:
                kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
            if kwargs["fields"] is not None:
                kwargs["fields"] = [name for name in kwargs["fields"] if name != "workflow_comment"]
        form = super().get_form(request, obj, change=change, **kwargs)
        if not self._has_workflow() or "publication_state" not in form.base_fields:
            return form
        current = obj.publication_state if obj else None
        return workflow_form(form, user=request.user, current=current)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self._has_workflow():
            return fields
        if obj is not None:
            fields.append("workflow_log")
            if not allowed_states(request.user, obj.publication_state):
                fields.append("publication_state")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._has_workflow():
            return fieldsets
        extra = []
        if "publication_state" not in self.get_readonly_fields(request, obj):
            extra.append("workflow_comment")
        if obj is not None:
            extra.append("workflow_log")
        patched = []
        for name, options in fieldsets:
            fields = [
                field
                for field in options["fields"]
                if field not in {"workflow_comment", "workflow_log"}
            ]
            if "publication_state" in fields:
                index = fields.index("publication_state") + 1
                fields[index:index] = extra
            patched.append((name, {**options, "fields": fields}))
        return patched

    def save_model(self, request, obj, form, change):
        from_state = form.initial.get("publication_state", DRAFT) if change else DRAFT
        comment = form.cleaned_data.get("workflow_comment", "")
        if comment:
            obj._change_reason = comment
        super().save_model(request, obj, form, change)
        if self._has_workflow() and obj.publication_state != from_state:
            workflow_event_record(
                obj=obj, from_state=from_state, user=request.user, comment=comment
            )
            publication_changed(obj)

    @admin.display(description=_("workflow log"))
    def workflow_log(self, obj):
        events = list(workflow_events_for(obj)[:20])
        if not events:
            return _("No steps yet.")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {} → {} ({}){}</li>",
                (
                    (
                        event.created_at.strftime("%Y-%m-%d %H:%M"),
                        event.get_from_state_display(),
                        event.get_to_state_display(),
                        event.user or "–",
                        format_html(" – {}", event.comment) if event.comment else "",
                    )
                    for event in events
                ),
            ),
        )

    def _move(self, request, queryset, target):
        moved = refused = 0
        for obj in queryset:
            try:
                if content_transition(obj=obj, target=target, user=request.user):
                    moved += 1
            except (PermissionDenied, ValidationError):
                refused += 1
        label = PublicationState(target).label
        if moved:
            self.message_user(
                request, _("%(count)d moved to “%(state)s”.") % {"count": moved, "state": label}
            )
        if refused:
            self.message_user(
                request,
                _("%(count)d could not be moved to “%(state)s” from where they stand.")
                % {"count": refused, "state": label},
                messages.WARNING,
            )

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._move(request, queryset, REVIEW)

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request, queryset):
        self._move(request, queryset, PUBLISHED)

    @admin.action(description=_("Archive"), permissions=["publish"])
    def archive(self, request, queryset):
        self._move(request, queryset, ARCHIVED)


class ArchiveInsteadOfDeleteMixin:
    """Never delete published-or-not content: archive it, so nothing is lost."""

    def has_delete_permission(self, request, obj=None):
        if has_publication_state(self.model):
            return False
        return super().has_delete_permission(request, obj)


class HistoryAdmin(SimpleHistoryAdmin):
    """The history of every version, field by field, with restore for those who may change."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # django-simple-history lets anyone who may *view* post a revert; we require change.
        if request.method == "POST":
            obj = self.get_object(request, object_id)
            if obj is None or not self.has_change_permission(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


class ContentAdmin(
    WorkflowAdminMixin,
    DepartmentScopeMixin,
    TranslationStatusMixin,
    ArchiveInsteadOfDeleteMixin,
    HistoryAdmin,
    TabbedTranslationAdmin,
):
    """The admin of one kind of content, in German and English tabs."""
