"""Pages and files about the open data: the Open data page, API docs and the catalogue."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from . import catalogue, rdf
from .datasets import DATASETS


class OpenDataView(TemplateView):
    """List the datasets with their formats, columns and licence."""

    template_name = "opendata/open_data.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            datasets=DATASETS,
            licence_name=settings.OPEN_DATA_LICENCE["name"],
            licence_url=settings.OPEN_DATA_LICENCE["url"],
            feed_url=reverse("opendata:progress_feed"),
            **kwargs,
        )


class APIDocsView(TemplateView):
    """Show the API's OpenAPI description with Swagger UI, served from our own static files."""

    template_name = "opendata/api_docs.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            schema_url=reverse("api:schema"), open_data_url=reverse("opendata:index"), **kwargs
        )


def catalog(request):
    """Send a harvester to the catalogue in the format it accepts: JSON-LD or Turtle."""
    accepts_jsonld = "application/ld+json" in request.headers.get("Accept", "")
    # 303: the catalogue's IRI names the catalogue itself, the files describe it.
    response = redirect("data:catalog_jsonld" if accepts_jsonld else "data:catalog_ttl")
    response.status_code = 303
    response["Vary"] = "Accept"
    return response


def _catalogue_response(content: str, content_type: str) -> HttpResponse:
    return HttpResponse(content.encode("utf-8"), content_type=content_type)


def catalog_turtle(request):
    """Return the DCAT-AP.de catalogue as Turtle."""
    content = rdf.to_turtle(catalogue.catalogue(request))
    return _catalogue_response(content, "text/turtle; charset=utf-8")


def catalog_jsonld(request):
    """Return the DCAT-AP.de catalogue as JSON-LD."""
    content = rdf.to_jsonld(catalogue.catalogue(request))
    return _catalogue_response(content, "application/ld+json")
