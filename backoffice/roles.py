"""The three roles of the back office, kept as groups with exactly their permissions."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

# Group names are data, shown as they are in both languages of the admin, hence bilingual.
OFFICE = "Büro für Internationale Angelegenheiten / International Affairs Office"
DEPARTMENT_EDITOR = "Fachbereichsredaktion / Department editor"
COUNCIL_MEMBER = "Ratsmitglied / Council member"


# Everything a citizen can read on the public site, as app label and model name.
CONTENT_MODELS = [
    ("measures", "theme"),
    ("measures", "organisationalunit"),
    ("measures", "plansection"),
    ("measures", "schedulestep"),
    ("measures", "goal"),
    ("measures", "citydevelopmentgoal"),
    ("measures", "areaofaction"),
    ("measures", "areaexample"),
    ("measures", "measure"),
    ("measures", "subitem"),
    ("measures", "benefit"),
    ("partners", "partnercity"),
    ("partners", "partnership"),
    ("partners", "externalpartner"),
    ("networks", "network"),
    ("networks", "euproject"),
    ("networks", "fundingprogramme"),
    ("progress", "progressreport"),
    ("progress", "milestone"),
    ("progress", "reportingperiod"),
    ("relations", "activity"),
    ("hannover_intl", "sitepage"),
]
# The portal's reading of the plan (measures.EditorialLink): the office confirms these links.
EDITORIAL_LINK_MODELS = [
    ("measures", "measuregoallink"),
    ("measures", "measurethemelink"),
    ("measures", "areagoallink"),
    ("measures", "citydevelopmentgoallink"),
    ("networks", "networkthemelink"),
    ("networks", "euprojectthemelink"),
    ("partners", "partnershipthemelink"),
]
# Parts of a larger record that its page removes; the history keeps them.
REMOVABLE_PARTS = [
    ("measures", "subitem"),
    ("measures", "areaexample"),
    ("progress", "milestone"),
]


def _codenames(actions, models):
    return [(app, f"{action}_{model}") for app, model in models for action in actions]


ROLE_PERMISSIONS = {
    OFFICE: [
        *_codenames(["add", "change", "view"], CONTENT_MODELS),
        *_codenames(["delete"], REMOVABLE_PARTS),
        # Confirming itself is the office's by core.access.may_confirm_links.
        *_codenames(["change", "view"], EDITORIAL_LINK_MODELS),
        *_codenames(["add", "change", "delete", "view"], [("measures", "measurecontact")]),
        # The mail queue: what was sent, what failed and why.
        ("post_office", "view_email"),
        ("post_office", "view_log"),
        ("core", "view_workflowevent"),
        ("core", "view_changeproposal"),
        ("core", "change_changeproposal"),
        ("core", "publish_content"),
        ("core", "import_content"),
        # Citizens' e-mail subscriptions: seen, and deleted on request, by the office alone.
        ("following", "view_subscription"),
        ("following", "delete_subscription"),
        ("following", "view_reportnotice"),
    ],
    DEPARTMENT_EDITOR: [
        ("measures", "view_measure"),
        ("measures", "change_measure"),
        # Who is responsible: named by the office, read by the department.
        ("measures", "view_measurecontact"),
        *_codenames(["add", "change", "delete", "view"], [("measures", "subitem")]),
        *_codenames(["add", "change", "delete", "view"], [("progress", "milestone")]),
        *_codenames(["add", "change", "view"], [("progress", "progressreport")]),
        # Activities for the measures of their unit (relations.models.ActivityQuerySet).
        *_codenames(["add", "change", "view"], [("relations", "activity")]),
        # To choose from in the measure's form and the list filters.
        *_codenames(
            ["view"],
            [
                ("measures", "areaofaction"),
                ("measures", "goal"),
                ("measures", "theme"),
                ("measures", "organisationalunit"),
            ],
        ),
        ("core", "view_workflowevent"),
        # Their own proposed changes to published content, with the office's decision.
        ("core", "view_changeproposal"),
        # What marks the role: their work is limited to their unit's measures (core.access).
        ("core", "work_for_own_unit"),
    ],
    COUNCIL_MEMBER: [
        *_codenames(["view"], CONTENT_MODELS),
        *_codenames(["view"], EDITORIAL_LINK_MODELS),
        ("measures", "view_measurecontact"),
        ("core", "view_workflowevent"),
        ("core", "view_changeproposal"),
    ],
}


def roles_sync() -> list[Group]:
    """Create the three groups and give each exactly the permissions of its role."""
    groups = []
    for name, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = Q()
        for app_label, codename in codenames:
            wanted |= Q(content_type__app_label=app_label, codename=codename)
        permissions = list(Permission.objects.filter(wanted))
        missing = set(codenames) - {(p.content_type.app_label, p.codename) for p in permissions}
        if missing:
            # Permissions appear only after every app has migrated; the next run completes them.
            continue
        group.permissions.set(permissions)
        groups.append(group)
    return groups


def roles_sync_after_migrate(sender, **kwargs):
    """Bring the roles up to date at the end of `migrate`."""
    if sender.name == "backoffice":
        roles_sync()
