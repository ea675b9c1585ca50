"""What every content admin shares: scope by role, workflow, versions, history, translations."""

from modeltranslation.admin import TabbedTranslationAdmin

from .history import HistoryAdmin
from .proposals import ProposalMixin
from .scope import DepartmentScopeMixin
from .translations import TranslationStatusMixin
from .versions import VersionCheckMixin
from .workflow import ArchiveInsteadOfDeleteMixin, WorkflowAdminMixin

__all__ = ["ContentAdmin", "content_inline_add"]

# Inlines an upper app adds to a lower app's admin page, by model label.
_ADDED_INLINES: dict[str, list] = {}


class ContentAdmin(
    ProposalMixin,
    VersionCheckMixin,
    WorkflowAdminMixin,
    DepartmentScopeMixin,
    TranslationStatusMixin,
    ArchiveInsteadOfDeleteMixin,
    HistoryAdmin,
    TabbedTranslationAdmin,
):
    """The admin of one kind of content, in German and English tabs."""

    def get_inlines(self, request, obj):
        return [*super().get_inlines(request, obj), *_ADDED_INLINES.get(self.model._meta.label, [])]


def content_inline_add(model, inline) -> None:
    """Show `inline` on the admin page of every row of `model`, after its own inlines."""
    added = _ADDED_INLINES.setdefault(model._meta.label, [])
    if inline not in added:
        added.append(inline)
