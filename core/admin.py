"""The workflow log, read-only, and the proposed changes the office decides on."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .access import is_office, is_unit_scoped
from .models import ChangeProposal, WorkflowEvent
from .proposals import proposal_decide, proposal_problem, proposal_rows, proposals_in_scope
from .workflow import workflow_events_in_scope


@admin.register(WorkflowEvent)
class WorkflowEventAdmin(admin.ModelAdmin):
    """The log of every step from draft to published, read-only."""

    list_display = [
        "created_at",
        "content_type",
        "content_object",
        "from_state",
        "to_state",
        "user",
    ]
    list_filter = ["to_state", "content_type"]
    list_select_related = ["content_type", "user"]
    search_fields = ["comment", "user__username"]
    date_hierarchy = "created_at"

    def get_queryset(self, request):
        # The same scope as everywhere: a department editor sees the steps of what they may open.
        events = super().get_queryset(request)
        if not is_unit_scoped(request.user):
            return events
        return events.filter(workflow_events_in_scope(request.user))

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class DecisionForm(forms.ModelForm):
    """The office's decision on a proposal: accept or decline, with a comment."""

    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[("accept", _("Accept and publish")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ChangeProposal
        fields = ["decision_comment"]

    def clean(self):
        data = super().clean()
        problem = proposal_problem(
            proposal=self.instance,
            accept=data.get("decision") == "accept",
            comment=data.get("decision_comment", ""),
        )
        if problem:
            raise forms.ValidationError(problem)
        return data


@admin.register(ChangeProposal)
class ChangeProposalAdmin(admin.ModelAdmin):
    """Proposed changes to published content: the office decides, editors follow their own."""

    form = DecisionForm
    list_display = ["content_object", "content_type", "author", "created_at", "state"]
    list_filter = ["state", "content_type"]
    list_select_related = ["content_type", "author"]
    search_fields = ["author__username", "decision_comment"]
    readonly_fields = [
        "content_link",
        "author",
        "created_at",
        "state",
        "proposed_changes",
        "decided_by",
        "decided_at",
    ]

    def get_queryset(self, request):
        return proposals_in_scope(request.user)

    def get_fields(self, request, obj=None):
        fields = [*self.readonly_fields]
        if self.has_change_permission(request, obj):
            return [*fields, "decision", "decision_comment"]
        return [*fields, "decision_comment"]

    def get_readonly_fields(self, request, obj=None):
        if self.has_change_permission(request, obj):
            return self.readonly_fields
        return [*self.readonly_fields, "decision_comment"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Deciding is the office's; a decided proposal stays as it was decided.
        allowed = super().has_change_permission(request, obj) and is_office(request.user)
        return allowed and (obj is None or obj.state == ChangeProposal.State.OPEN)

    def save_model(self, request, obj, form, change):
        proposal_decide(
            proposal=obj,
            user=request.user,
            accept=form.cleaned_data["decision"] == "accept",
            comment=form.cleaned_data.get("decision_comment", ""),
        )

    @admin.display(description=_("record"))
    def content_link(self, proposal):
        obj = proposal.content_object
        url = reverse(
            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]
        )
        return format_html('<a href="{}">{}</a>', url, obj)

    @admin.display(description=_("proposed changes"))
    def proposed_changes(self, proposal):
        rows = format_html_join(
            "",
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
            proposal_rows(proposal),
        )
        return format_html(
            "<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>"
            "<th scope=\"col\">{}</th></tr></thead><tbody>{}</tbody></table>",
            _("field"),
            _("published"),
            _("proposed"),
            rows,
        )
