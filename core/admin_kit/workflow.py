"""The publishing workflow in the admin: the state field by role, the log, the list actions."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.access import is_office
from core.content import PublicationState
from core.translation_status import translated_field_names
from core.workflow import (
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


def stored_row(request, obj):
    """Return the row as it is stored now: a restore's form shows an older version of it."""
    return getattr(request, "restoring", None) or obj


def keep_what_the_form_does_not_edit(obj, stored, form) -> None:
    """Copy from the stored row every field the user's form does not edit.

    A restore fills `obj` from an old version: without this it would bring back a publication
    state or a field the user may not change (a department editor's lead unit).
    """
    # A translated field stands for its language columns, which are fields of their own.
    translated = set(translated_field_names(type(obj)))
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in form.fields or field.name in translated:
            continue
        setattr(obj, field.attname, getattr(stored, field.attname))


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
        current = stored_row(request, obj)
        state = current.publication_state if current is not None else None
        return workflow_form(form, user=request.user, current=state)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self._has_workflow():
            return fields
        current = stored_row(request, obj)
        if current is not None:
            fields.append("workflow_log")
            # A restore brings back texts; a step of the workflow is always a step of its own.
            restoring = getattr(request, "restoring", None) is not None
            if restoring or not allowed_states(request.user, current.publication_state):
                fields.append("publication_state")
        return fields

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        # Archived content is read-only; only the office brings it back (archived → draft).
        current = stored_row(request, obj)
        if allowed and current is not None and self._has_workflow():
            return current.publication_state != ARCHIVED or is_office(request.user)
        return allowed

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
        stored = self.model._default_manager.filter(pk=obj.pk).first() if change else None
        if stored is not None:
            keep_what_the_form_does_not_edit(obj, stored, form)
        has_state = stored is not None and self._has_workflow()
        from_state = stored.publication_state if has_state else DRAFT
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
