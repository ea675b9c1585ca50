"""Accounts with the department a department editor works for."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from monitoring.models import MailPreference

from .models import EditorProfile


class EditorProfileInline(admin.StackedInline):
    model = EditorProfile
    extra = 0
    max_num = 1
    autocomplete_fields = ["unit"]


class MailPreferenceInline(admin.StackedInline):
    """The language of the person's mail and the optional reminders, set with the account."""

    model = MailPreference
    extra = 0
    max_num = 1
    can_delete = False


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    """User accounts, with the department a department editor works for."""

    inlines = [*UserAdmin.inlines, EditorProfileInline, MailPreferenceInline]
    list_display = [*UserAdmin.list_display, "editor_unit"]
    list_filter = [*UserAdmin.list_filter, "editor_profile__unit"]
    list_select_related = ["editor_profile__unit"]

    @admin.display(description=EditorProfile._meta.get_field("unit").verbose_name)
    def editor_unit(self, user):
        profile = getattr(user, "editor_profile", None)
        return profile.unit if profile else ""
