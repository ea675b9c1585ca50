"""What every content admin shares: scope by role, workflow, versions, history, translations."""

from modeltranslation.admin import TabbedTranslationAdmin

from .history import HistoryAdmin
from .proposals import ProposalMixin
from .scope import DepartmentScopeMixin
from .translations import TranslationStatusMixin
from .versions import VersionCheckMixin
from .workflow import ArchiveInsteadOfDeleteMixin, WorkflowAdminMixin

__all__ = ["ContentAdmin"]


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
