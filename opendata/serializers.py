"""How the API shows each kind of published content; translated fields come in both languages."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from measures.models import (
    AreaOfAction,
    CityDevelopmentGoalLink,
    Goal,
    Measure,
    OrganisationalUnit,
    Priority,
    Status,
    SubItem,
    Theme,
)
from networks.models import EUProject, MembershipStatus, Network, Scope
from partners.models import PartnerCity, Partnership, PartnershipKind
from progress.models import ProgressReport
from relations.models import Activity, ActivityKind

from .fields import (
    AreaLinksField,
    ChoiceLabelField,
    ConfirmedField,
    CountryNameField,
    GoalLinksField,
    IntegerKeysField,
    MeasureLinksField,
    NumbersField,
    PageURLField,
    SlugsField,
    ThemeLinksField,
    TranslatedField,
)


class ThemeSerializer(serializers.ModelSerializer):
    name = TranslatedField()

    class Meta:
        model = Theme
        fields = ["slug", "name"]


@extend_schema_field(ThemeSerializer(many=True))
class ThemesOfLinksField(serializers.Field):
    """List the themes of a measure's prefetched theme links, as the theme list always was."""

    def __init__(self, attribute: str, **kwargs):
        super().__init__(source=attribute, read_only=True, **kwargs)

    def to_representation(self, value):
        # One serializer for every row: building its fields again for each row cost more than
        # the themes themselves.
        if not hasattr(self, "theme_serializer"):
            self.theme_serializer = ThemeSerializer(context=self.context)
        return [self.theme_serializer.to_representation(link.theme) for link in value]


class UnitSerializer(serializers.ModelSerializer):
    name = TranslatedField()
    short_name = TranslatedField()

    class Meta:
        model = OrganisationalUnit
        fields = ["slug", "name", "short_name"]


class CityDevelopmentGoalLinkSerializer(serializers.ModelSerializer):
    """A goal of 'Mein Hannover 2030' behind a goal of the plan, with the office's confirmation."""

    position = serializers.IntegerField(
        source="citydevelopmentgoal.position",
        read_only=True,
        help_text="Position of the goal in the list of 'Mein Hannover 2030' goals.",
    )
    text = TranslatedField("text", source_attribute="citydevelopmentgoal")
    confirmed = ConfirmedField()

    class Meta:
        model = CityDevelopmentGoalLink
        fields = ["position", "text", "confirmed"]


class GoalSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    description = TranslatedField()
    areas = IntegerKeysField(
        "public_area_links",
        key="area.number",
        help_text="Numbers of the Areas of Action serving it.",
    )
    area_links = AreaLinksField("public_area_links")
    measures = NumbersField(
        "public_measure_links",
        key="measure.number",
        help_text="Numbers of the measures serving it.",
    )
    measure_links = MeasureLinksField("public_measure_links")
    city_development_goals = CityDevelopmentGoalLinkSerializer(
        source="public_city_development_goal_links",
        many=True,
        read_only=True,
        help_text=(
            "The goals of the City Development Plan 'Mein Hannover 2030' the goal builds on, each "
            "with the office's confirmation."
        ),
    )
    url = PageURLField(help_text="The goal's page on the public site.")

    class Meta:
        model = Goal
        fields = [
            "number",
            "title",
            "description",
            "areas",
            "area_links",
            "measures",
            "measure_links",
            "city_development_goals",
            "url",
            "updated_at",
        ]


class AreaSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    short_title = TranslatedField()
    summary = TranslatedField()
    description = TranslatedField()
    goals = IntegerKeysField(
        "public_goal_links", key="goal.number", help_text="Numbers of the goals it serves."
    )
    goal_links = GoalLinksField("public_goal_links")
    measures = NumbersField("public_measures", help_text="Numbers of its measures.")
    url = PageURLField(help_text="The Area of Action's page on the public site.")

    class Meta:
        model = AreaOfAction
        fields = [
            "number",
            "title",
            "short_title",
            "summary",
            "description",
            "goals",
            "goal_links",
            "measures",
            "url",
            "updated_at",
        ]


# What `not_reported` means, for the API's description of both statuses.
NOT_REPORTED_HELP = (
    "not_reported: no state has been reported yet; no progress report has been published and "
    "nobody has set a status by hand (the action plan itself gives no measure a state)."
)


class SubItemSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    status = serializers.ChoiceField(
        choices=Status.choices,
        read_only=True,
        help_text=f"State of implementation of the sub-item, set by hand. {NOT_REPORTED_HELP}",
    )
    status_label = ChoiceLabelField(Status)

    class Meta:
        model = SubItem
        fields = ["position", "title", "status", "status_label"]


@extend_schema_field(SubItemSerializer(many=True))
class DeprecatedSubItemsField(serializers.Field):
    """Hold the place of a measure's sub-items under their old name; the serializer copies them."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        # MeasureSerializer writes the sub-items here once it has serialised them.
        return None


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class CitySlugsField(serializers.Field):
    """List the slugs of the published partner cities a measure is linked to."""

    def __init__(self, **kwargs):
        super().__init__(source="public_partnerships", read_only=True, **kwargs)

    def to_representation(self, value):
        return list(dict.fromkeys(partnership.city.slug for partnership in value))


class MeasureSerializer(serializers.ModelSerializer):
    area = serializers.IntegerField(source="area.number", read_only=True)
    title = TranslatedField()
    summary = TranslatedField()
    description = TranslatedField()
    status = serializers.ChoiceField(
        choices=Status.choices,
        read_only=True,
        help_text=(
            "State of implementation: the latest published progress report's, or set by hand "
            f"(status_set_by_hand). {NOT_REPORTED_HELP} Its progress is then 0, which is no "
            "reported figure either."
        ),
    )
    status_label = ChoiceLabelField(Status)
    status_set_by_hand = serializers.BooleanField(source="status_override", read_only=True)
    status_reason = TranslatedField(
        "status_override_reason", help_text="Why the status was set by hand, where it was."
    )
    priority_label = ChoiceLabelField(Priority)
    goals = IntegerKeysField(
        "public_goal_links", key="goal.number", help_text="Numbers of the goals it serves."
    )
    goal_links = GoalLinksField("public_goal_links")
    themes = ThemesOfLinksField("public_theme_links")
    theme_links = ThemeLinksField("public_theme_links")
    lead_unit = UnitSerializer(read_only=True, allow_null=True)
    contributing_units = UnitSerializer(
        source="listed_contributing_units", many=True, read_only=True
    )
    sub_items = SubItemSerializer(source="listed_sub_items", many=True, read_only=True)
    # The name of the first API version; kept so that existing clients go on working.
    activities = DeprecatedSubItemsField(help_text="Deprecated: the same as sub_items.")
    partner_cities = CitySlugsField(help_text="Slugs of the linked twin and cooperation cities.")
    networks = SlugsField("public_networks", help_text="Slugs of the linked networks.")
    eu_projects = SlugsField("public_projects", help_text="Slugs of the linked EU projects.")
    url = PageURLField(help_text="The measure's page on the public site.")
    progress_url = PageURLField(
        "progress:measure",
        lambda measure: {"slug": measure.slug},
        help_text="The measure's progress page on the public site.",
    )

    class Meta:
        model = Measure
        fields = [
            "number",
            "slug",
            "area",
            "title",
            "summary",
            "description",
            "status",
            "status_label",
            "progress",
            "status_set_by_hand",
            "status_reason",
            "priority",
            "priority_label",
            "planned_start",
            "planned_end",
            "goals",
            "goal_links",
            "themes",
            "theme_links",
            "lead_unit",
            "contributing_units",
            "sub_items",
            "activities",
            "partner_cities",
            "networks",
            "eu_projects",
            "url",
            "progress_url",
            "updated_at",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        # The same list as sub_items, serialised once; the key keeps its place in the object.
        data["activities"] = data["sub_items"]
        return data


class ProgressReportSerializer(serializers.ModelSerializer):
    measure = serializers.CharField(source="measure.number", read_only=True)
    measure_slug = serializers.CharField(source="measure.slug", read_only=True)
    status_label = ChoiceLabelField(Status)
    text = TranslatedField()
    url = PageURLField(
        "progress:measure",
        lambda report: {"slug": report.measure.slug},
        help_text="The measure's progress page on the public site.",
    )

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "measure",
            "measure_slug",
            "reported_on",
            "status",
            "status_label",
            "progress",
            "text",
            "is_sample",
            "url",
            "updated_at",
        ]


class CityPartnershipSerializer(serializers.ModelSerializer):
    kind_label = ChoiceLabelField(PartnershipKind)
    is_active = serializers.BooleanField(read_only=True)
    description = TranslatedField()
    themes = SlugsField("public_theme_links", key="theme.slug")
    theme_links = ThemeLinksField("public_theme_links")
    coordinating_unit = UnitSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Partnership
        fields = [
            "id",
            "kind",
            "kind_label",
            "since",
            "ended_on",
            "is_active",
            "council_decision",
            "description",
            "themes",
            "theme_links",
            "coordinating_unit",
        ]


class PartnerCitySerializer(serializers.ModelSerializer):
    name = TranslatedField()
    country_name = CountryNameField()
    latitude = serializers.FloatField(read_only=True)
    longitude = serializers.FloatField(read_only=True)
    description = TranslatedField()
    partnerships = CityPartnershipSerializer(
        source="listed_partnerships", many=True, read_only=True
    )
    eu_projects = SlugsField("public_projects", help_text="Slugs of its published EU projects.")
    url = PageURLField(help_text="The city's page on the public site.")

    class Meta:
        model = PartnerCity
        fields = [
            "slug",
            "name",
            "country",
            "country_name",
            "latitude",
            "longitude",
            "description",
            "website",
            "partnerships",
            "eu_projects",
            "url",
            "updated_at",
        ]


class PartnershipSerializer(CityPartnershipSerializer):
    city = serializers.CharField(source="city.slug", read_only=True)
    city_name = TranslatedField("name", source_attribute="city")
    measures = NumbersField("public_measures", help_text="Numbers of the linked measures.")

    class Meta(CityPartnershipSerializer.Meta):
        fields = [
            "id",
            "city",
            "city_name",
            *CityPartnershipSerializer.Meta.fields[1:],
            "measures",
            "updated_at",
        ]


class NetworkSerializer(serializers.ModelSerializer):
    name = TranslatedField()
    acronym = TranslatedField()
    scope_label = ChoiceLabelField(Scope)
    membership_status_label = ChoiceLabelField(MembershipStatus)
    role = TranslatedField()
    description = TranslatedField()
    verification_note = TranslatedField()
    themes = ThemesOfLinksField("public_theme_links")
    theme_links = ThemeLinksField("public_theme_links")
    measures = NumbersField("public_measures", help_text="Numbers of the linked measures.")
    url = PageURLField(help_text="The network's page on the public site.")

    class Meta:
        model = Network
        fields = [
            "slug",
            "name",
            "acronym",
            "scope",
            "scope_label",
            "membership_status",
            "membership_status_label",
            "status_as_of",
            "since",
            "role",
            "description",
            "website",
            "needs_verification",
            "verification_note",
            "themes",
            "theme_links",
            "measures",
            "url",
            "updated_at",
        ]


class EUProjectSerializer(serializers.ModelSerializer):
    title = TranslatedField()
    aim = TranslatedField()
    phase = serializers.ChoiceField(
        choices=EUProject.Phase.choices, read_only=True, help_text="The phase as of today."
    )
    phase_label = ChoiceLabelField(EUProject.Phase)
    lead_unit = UnitSerializer(read_only=True, allow_null=True)
    partner_cities = SlugsField(
        "public_cities", help_text="Slugs of the published twin and cooperation cities."
    )
    themes = ThemesOfLinksField("public_theme_links")
    theme_links = ThemeLinksField("public_theme_links")
    measures = NumbersField("public_measures", help_text="Numbers of the linked measures.")
    url = PageURLField(help_text="The project's page on the public site.")

    class Meta:
        model = EUProject
        fields = [
            "slug",
            "acronym",
            "title",
            "aim",
            "funding_programme",
            "participation_from",
            "participation_until",
            "start",
            "end",
            "phase",
            "phase_label",
            "lead_unit",
            "partner_cities",
            "themes",
            "theme_links",
            "measures",
            "website",
            "url",
            "updated_at",
        ]


class ActivitySerializer(serializers.ModelSerializer):
    kind_label = ChoiceLabelField(ActivityKind)
    title = TranslatedField()
    description = TranslatedField()
    venue = TranslatedField()
    links = serializers.ListField(
        source="link_list", child=serializers.URLField(), read_only=True, help_text="Web links."
    )
    partner_cities = SlugsField("public_cities", help_text="Slugs of the partner cities.")
    networks = SlugsField("public_networks", help_text="Slugs of the networks.")
    eu_projects = SlugsField("public_projects", help_text="Slugs of the EU projects.")
    actors = SlugsField("public_actors", help_text="Slugs of the local actors taking part.")
    units = SlugsField("listed_units", help_text="Slugs of the city's units taking part.")
    themes = ThemeSerializer(source="listed_themes", many=True, read_only=True)
    measures = NumbersField("public_measures", help_text="Numbers of the measures it serves.")
    url = PageURLField(help_text="The activity's page on the public site.")

    class Meta:
        model = Activity
        fields = [
            "id",
            "kind",
            "kind_label",
            "starts_on",
            "ends_on",
            "starts_at",
            "ends_at",
            "title",
            "description",
            "venue",
            "open_to_public",
            "council_document",
            "links",
            "partner_cities",
            "networks",
            "eu_projects",
            "actors",
            "units",
            "themes",
            "measures",
            "is_sample",
            "url",
            "updated_at",
        ]
