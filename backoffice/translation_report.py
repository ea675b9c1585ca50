"""The report of content whose text exists in one language but not in the other."""

from dataclasses import dataclass, field

from core.translation_status import content_languages, missing_translation_q, translated_models


@dataclass
class MissingTranslations:
    """The rows of one model that lack a text in one language."""

    model: type
    language: str
    objects: list = field(default_factory=list)

    @property
    def count(self) -> int:
        """Return how many rows lack the language."""
        return len(self.objects)


def translation_report(rows_of=None) -> list[MissingTranslations]:
    """Return, per model and language, the rows whose translation is missing.

    `rows_of(model)` may narrow each model's rows (to what a user may see); None skips the model.
    """
    report = []
    for model in translated_models():
        base = rows_of(model) if rows_of else model._default_manager.all()
        if base is None:
            continue
        for language in content_languages():
            rows = list(base.filter(missing_translation_q(model, language)))
            if rows:
                report.append(MissingTranslations(model=model, language=language, objects=rows))
    return report
