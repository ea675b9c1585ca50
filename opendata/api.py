"""The read-only JSON API: every published collection as a paginated list and one row at a time."""

from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError

from . import queries, serializers
from .fields import language_codes
from .filters import (
    ActivityAPIFilter,
    MeasureAPIFilter,
    NetworkAPIFilter,
    PartnerCityAPIFilter,
    PartnershipFilter,
    ProgressReportFilter,
    ProjectAPIFilter,
)

ERROR_SCHEMA = {
    "type": "object",
    "description": (
        "What was wrong: 'detail' with a message, or each query parameter with its messages."
    ),
    "additionalProperties": True,
}
ERRORS = {
    "400": "A query parameter has a value the API cannot use.",
    "404": "No published row has this key, or the page does not exist.",
    "429": "Too many requests; try again later.",
}


# Only what a slug may hold reaches the database, which would refuse a NUL byte with an error.
SLUG = "[-a-zA-Z0-9_]+"


class OpenDataSchema(AutoSchema):
    """Describe the lang parameter and the error responses every operation shares."""

    def get_override_parameters(self):
        return [
            OpenApiParameter(
                "lang",
                OpenApiTypes.STR,
                enum=language_codes(),
                description=(
                    "Give translated fields as one string in this language instead of an object "
                    "with every language; an empty text falls back to the other language."
                ),
            )
        ]

    def get_operation(self, *args, **kwargs):
        operation = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        for status, description in ERRORS.items():
            operation["responses"].setdefault(
                status,
                {
                    "description": description,
                    "content": {"application/json": {"schema": ERROR_SCHEMA}},
                },
            )
        return operation


class OpenDataViewSet(viewsets.ReadOnlyModelViewSet):
    """Serve published rows read-only, in both languages or the one asked for."""

    schema = OpenDataSchema()
    filter_backends = [DjangoFilterBackend]
    queryset_function = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        language = request.query_params.get("lang")
        if language is not None and language not in language_codes():
            raise ValidationError({"lang": [_("Choose de or en.")]})
        self.language = language

    def get_queryset(self):
        return self.queryset_function()

    def filter_queryset(self, queryset):
        # One row is found by its key alone: list filters on its address would only hide it.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "lang": getattr(self, "language", None)}


class GoalViewSet(OpenDataViewSet):
    """List and show the plan's overarching goals."""

    queryset_function = staticmethod(queries.goals)
    serializer_class = serializers.GoalSerializer
    lookup_field = "number"
    lookup_value_regex = "[0-9]+"


class AreaViewSet(OpenDataViewSet):
    """List and show the plan's Areas of Action."""

    queryset_function = staticmethod(queries.areas)
    serializer_class = serializers.AreaSerializer
    lookup_field = "number"
    lookup_value_regex = "[0-9]+"


class MeasureViewSet(OpenDataViewSet):
    """List and show the measures with their status, progress, sub-items and links."""

    queryset_function = staticmethod(queries.measures)
    serializer_class = serializers.MeasureSerializer
    filterset_class = MeasureAPIFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG


class ProgressReportViewSet(OpenDataViewSet):
    """List and show the progress reports on the measures, newest first."""

    queryset_function = staticmethod(queries.progress_reports)
    serializer_class = serializers.ProgressReportSerializer
    filterset_class = ProgressReportFilter


class PartnerCityViewSet(OpenDataViewSet):
    """List and show the twin and cooperation cities with their coordinates and partnerships."""

    queryset_function = staticmethod(queries.partner_cities)
    serializer_class = serializers.PartnerCitySerializer
    filterset_class = PartnerCityAPIFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG


class PartnershipViewSet(OpenDataViewSet):
    """List and show Hannover's partnerships with its twin and cooperation cities."""

    queryset_function = staticmethod(queries.partnerships)
    serializer_class = serializers.PartnershipSerializer
    filterset_class = PartnershipFilter


class NetworkViewSet(OpenDataViewSet):
    """List and show the networks of cities Hannover belongs to."""

    queryset_function = staticmethod(queries.networks)
    serializer_class = serializers.NetworkSerializer
    filterset_class = NetworkAPIFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG


class EUProjectViewSet(OpenDataViewSet):
    """List and show the EU-funded projects the City Administration takes part in."""

    queryset_function = staticmethod(queries.eu_projects)
    serializer_class = serializers.EUProjectSerializer
    filterset_class = ProjectAPIFilter
    lookup_field = "slug"
    lookup_value_regex = SLUG


class ActivityViewSet(OpenDataViewSet):
    """List and show the public activities of Hannover's international relations, newest first."""

    queryset_function = staticmethod(queries.activities)
    serializer_class = serializers.ActivitySerializer
    filterset_class = ActivityAPIFilter
