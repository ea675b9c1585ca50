"""A department editor's edit of published content becomes a proposal for the office."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from core.proposals import proposal_create, proposes_instead_of_saving, with_unoffered_rows


def _refuse(*args, **kwargs) -> bool:
    return False


class ProposalMixin:
    """Keep an editor's change of published content as a proposal; the public copy stays."""

    def _stored(self, obj):
        return self.model._default_manager.filter(pk=obj.pk).first() if obj is not None else None

    def save_model(self, request, obj, form, change):
        stored = self._stored(obj) if change else None
        if proposes_instead_of_saving(request.user, stored):
            cleaned, changed = with_unoffered_rows(obj=stored, form=form)
            request.proposal = proposal_create(
                obj=stored, cleaned_data=cleaned, changed=changed, user=request.user
            )
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if getattr(request, "proposal", None) is None:
            super().save_related(request, form, formsets, change)

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        if proposes_instead_of_saving(request.user, self._stored(obj)):
            # A proposal holds the record's own fields; its parts stay as published meanwhile.
            for inline in inlines:
                inline.has_add_permission = inline.has_change_permission = _refuse
                inline.has_delete_permission = _refuse
        return inlines

    def construct_change_message(self, request, form, formsets, add=False):
        if getattr(request, "proposal", None) is not None:
            return ""
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if getattr(request, "proposal", None) is None:
            super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if getattr(request, "proposal", None) is None:
            return super().response_change(request, obj)
        self.message_user(
            request,
            _(
                "Your change was sent to the International Affairs Office for review. The "
                "public page shows the published text until the office accepts it."
            ),
            messages.INFO,
        )
        return HttpResponseRedirect(request.path)
