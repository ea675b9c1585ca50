"""Downloads and the DCAT-AP.de catalogue under /data/, without a language prefix."""

from django.urls import path

from . import downloads, views

app_name = "data"

urlpatterns = [
    path("catalog", views.catalog, name="catalog"),
    path("catalog.ttl", views.catalog_turtle, name="catalog_ttl"),
    path("catalog.jsonld", views.catalog_jsonld, name="catalog_jsonld"),
    path("<slug:slug>.csv", downloads.dataset_csv, name="csv"),
    path("<slug:slug>.geojson", downloads.dataset_geojson, name="geojson"),
]
