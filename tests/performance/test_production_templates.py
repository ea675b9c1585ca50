"""Production renders from the cached template loader: each template is parsed once per process."""

import runpy

from django.template import Engine

from tests.security.test_headers import production_environment


def test_production_parses_each_template_once(monkeypatch):
    for key, value in production_environment().items():
        monkeypatch.setenv(key, value)
    production = runpy.run_module("hannover_intl.settings.production")
    [django_templates] = [
        t for t in production["TEMPLATES"] if t["BACKEND"].endswith("DjangoTemplates")
    ]
    options = django_templates.get("OPTIONS", {})
    # Without explicit loaders, Django wraps the app and folder loaders in the cached loader
    # whenever DEBUG is off.
    engine = Engine(
        dirs=django_templates.get("DIRS", []),
        app_dirs=django_templates.get("APP_DIRS", False),
        debug=production["DEBUG"],
        loaders=options.get("loaders"),
    )
    [loader] = engine.template_loaders
    assert type(loader).__module__ == "django.template.loaders.cached"
