"""Bring the plan's dated statements and the loaded lines of the sources to databases loaded before.

The loader only creates what is missing, so a database loaded earlier keeps the old texts. A text
is replaced only where it still equals the text the loader once wrote, and a row is moved only
where it still has its old position, so that an edit of the International Affairs Office is never
overwritten. Each changed row gets a new version, so that an admin form opened on the old text is
refused as stale."""

from django.db import migrations
from django.db.models import F

# (model, lookup, field, the loader's old text, the new text).
TEXT_CHANGES = [('Measure',
  {'number': '1.2'},
  'description_de',
  'Die Stadtverwaltung wird sich um eine Mitgliedschaft bei EUROCITIES bewerben, dem wichtigsten '
  'Netzwerk der europäischen Großstädte, um ihre europäischen Aktivitäten zu stärken und zu '
  'strukturieren. Der Schwerpunkt dieser Organisation liegt auf der Zusammenarbeit und dem '
  'Informationsaustausch zu kommunalen Planungsfragen sowie auf der Interessenvertretung gegenüber '
  'der Europäischen Union.',
  'Stand Januar 2019: Die Stadtverwaltung wird sich um eine Mitgliedschaft bei EUROCITIES '
  'bewerben, dem wichtigsten Netzwerk der europäischen Großstädte, um ihre europäischen '
  'Aktivitäten zu stärken und zu strukturieren. Der Schwerpunkt dieser Organisation liegt auf der '
  'Zusammenarbeit und dem Informationsaustausch zu kommunalen Planungsfragen sowie auf der '
  'Interessenvertretung gegenüber der Europäischen Union.'),
 ('Measure',
  {'number': '1.2'},
  'description_en',
  'The City Administration will bid to join EUROCITIES, the most important network for major '
  'European cities, with a view to strengthening and structuring its European activities. This '
  "organization's focus is on cooperation and on exchanging information about local-authority "
  'planning matters, as well as on lobbying activities vis-à-vis the European Union.',
  'As of January 2019, the City Administration will bid to join EUROCITIES, the most important '
  'network for major European cities, with a view to strengthening and structuring its European '
  "activities. This organization's focus is on cooperation and on exchanging information about "
  'local-authority planning matters, as well as on lobbying activities vis-à-vis the European '
  'Union.'),
 ('Measure',
  {'number': '3.1'},
  'description_de',
  'Europäische und internationale Auszeichnungen fördern die Bekanntheit und Attraktivität der '
  'Stadt. Die aktuelle Bewerbung als Kulturhauptstadt Europas 2025 ist daher eine hervorragende '
  'Chance, Hannover als Zentrum von Kunst und Kreativität noch sichtbarer zu machen, die '
  'internationale Zusammenarbeit im Kulturbereich weiterzuentwickeln und eine strukturelle '
  'Grundlage zu schaffen, die langfristig Weltoffenheit fördert.',
  'Europäische und internationale Auszeichnungen fördern die Bekanntheit und Attraktivität der '
  'Stadt. Die aktuelle Bewerbung (Stand Januar 2019) als Kulturhauptstadt Europas 2025 ist daher '
  'eine hervorragende Chance, Hannover als Zentrum von Kunst und Kreativität noch sichtbarer zu '
  'machen, die internationale Zusammenarbeit im Kulturbereich weiterzuentwickeln und eine '
  'strukturelle Grundlage zu schaffen, die langfristig Weltoffenheit fördert.'),
 ('Measure',
  {'number': '3.1'},
  'description_en',
  'European and international accolades promote the recognition and appeal of the city. The '
  'current bid to become European Capital of Culture in 2025 is, therefore, an excellent '
  'opportunity to put Hannover even more firmly on the map as a centre of the arts and creativity, '
  'to further develop international collaborations in the cultural sector, and to create a '
  'structural foundation that fosters a long-term cosmopolitan outlook.',
  'European and international accolades promote the recognition and appeal of the city. The '
  'current bid (as of January 2019) to become European Capital of Culture in 2025 is, therefore, '
  'an excellent opportunity to put Hannover even more firmly on the map as a centre of the arts '
  'and creativity, to further develop international collaborations in the cultural sector, and to '
  'create a structural foundation that fosters a long-term cosmopolitan outlook.'),
 ('Measure',
  {'number': '3.3'},
  'description_de',
  'Damit sich internationale Fachkräfte und Studierende für Hannover entscheiden, müssen alle '
  'Voraussetzungen dafür geschaffen sein, dass sie sich hier gut einleben können. Deshalb werden '
  'entsprechende Verbesserungen vorgenommen, etwa durch die Stärkung der Sprachkompetenzen der '
  'Ansprechpersonen vor Ort und den Ausbau der Willkommenskultur für internationale Studierende.',
  'Damit sich internationale Fachkräfte und Studierende für Hannover entscheiden, müssen alle '
  'Voraussetzungen dafür geschaffen sein, dass sie sich hier gut einleben können. Deshalb werden '
  '(Stand Januar 2019) entsprechende Verbesserungen vorgenommen, etwa durch die Stärkung der '
  'Sprachkompetenzen der Ansprechpersonen vor Ort und den Ausbau der Willkommenskultur für '
  'internationale Studierende.'),
 ('Measure',
  {'number': '3.3'},
  'description_en',
  'If international professionals and students are to opt for Hannover, everything needs to be in '
  'place to help these newcomers settle down well here. Relevant improvements are thus being made, '
  "such as strengthening language skills of local contacts and enhancing the 'welcoming culture' "
  'for international students.',
  'If international professionals and students are to opt for Hannover, everything needs to be in '
  'place to help these newcomers settle down well here. Relevant improvements are thus being made '
  '(as of January 2019), such as strengthening language skills of local contacts and enhancing the '
  "'welcoming culture' for international students."),
 ('AreaExample',
  {'area__number': 1, 'position': 2},
  'text_de',
  'Die Stadtverwaltung wird sich um eine Mitgliedschaft bei EUROCITIES bewerben, dem wichtigsten '
  'Netzwerk der europäischen Großstädte, um ihre europäischen Aktivitäten zu stärken und zu '
  'strukturieren. Der Schwerpunkt dieser Organisation liegt auf der Zusammenarbeit und dem '
  'Informationsaustausch zu kommunalen Planungsfragen sowie auf der Interessenvertretung gegenüber '
  'der Europäischen Union.',
  'Stand Januar 2019: Die Stadtverwaltung wird sich um eine Mitgliedschaft bei EUROCITIES '
  'bewerben, dem wichtigsten Netzwerk der europäischen Großstädte, um ihre europäischen '
  'Aktivitäten zu stärken und zu strukturieren. Der Schwerpunkt dieser Organisation liegt auf der '
  'Zusammenarbeit und dem Informationsaustausch zu kommunalen Planungsfragen sowie auf der '
  'Interessenvertretung gegenüber der Europäischen Union.'),
 ('AreaExample',
  {'area__number': 1, 'position': 2},
  'text_en',
  'The City Administration will bid to join EUROCITIES, the most important network for major '
  'European cities, with a view to strengthening and structuring its European activities. This '
  "organization's focus is on cooperation and on exchanging information about local-authority "
  'planning matters, as well as on lobbying activities vis-à-vis the European Union.',
  'As of January 2019, the City Administration will bid to join EUROCITIES, the most important '
  'network for major European cities, with a view to strengthening and structuring its European '
  "activities. This organization's focus is on cooperation and on exchanging information about "
  'local-authority planning matters, as well as on lobbying activities vis-à-vis the European '
  'Union.'),
 ('AreaExample',
  {'area__number': 3, 'position': 1},
  'text_de',
  'Europäische und internationale Auszeichnungen fördern die Bekanntheit und Attraktivität der '
  'Stadt. Die aktuelle Bewerbung als Kulturhauptstadt Europas 2025 ist daher eine hervorragende '
  'Chance, Hannover als Zentrum von Kunst und Kreativität noch sichtbarer zu machen, die '
  'internationale Zusammenarbeit im Kulturbereich weiterzuentwickeln und eine strukturelle '
  'Grundlage zu schaffen, die langfristig Weltoffenheit fördert.',
  'Europäische und internationale Auszeichnungen fördern die Bekanntheit und Attraktivität der '
  'Stadt. Die aktuelle Bewerbung (Stand Januar 2019) als Kulturhauptstadt Europas 2025 ist daher '
  'eine hervorragende Chance, Hannover als Zentrum von Kunst und Kreativität noch sichtbarer zu '
  'machen, die internationale Zusammenarbeit im Kulturbereich weiterzuentwickeln und eine '
  'strukturelle Grundlage zu schaffen, die langfristig Weltoffenheit fördert.'),
 ('AreaExample',
  {'area__number': 3, 'position': 1},
  'text_en',
  'European and international accolades promote the recognition and appeal of the city. The '
  'current bid to become European Capital of Culture in 2025 is, therefore, an excellent '
  'opportunity to put Hannover even more firmly on the map as a centre of the arts and creativity, '
  'to further develop international collaborations in the cultural sector, and to create a '
  'structural foundation that fosters a long-term cosmopolitan outlook.',
  'European and international accolades promote the recognition and appeal of the city. The '
  'current bid (as of January 2019) to become European Capital of Culture in 2025 is, therefore, '
  'an excellent opportunity to put Hannover even more firmly on the map as a centre of the arts '
  'and creativity, to further develop international collaborations in the cultural sector, and to '
  'create a structural foundation that fosters a long-term cosmopolitan outlook.'),
 ('AreaExample',
  {'area__number': 3, 'position': 2},
  'text_de',
  'Damit sich internationale Fachkräfte und Studierende für Hannover entscheiden, müssen alle '
  'Voraussetzungen dafür geschaffen sein, dass sie sich hier gut einleben können. Deshalb werden '
  'entsprechende Verbesserungen vorgenommen, etwa durch die Stärkung der Sprachkompetenzen der '
  'Ansprechpersonen vor Ort und den Ausbau der Willkommenskultur für internationale Studierende.',
  'Damit sich internationale Fachkräfte und Studierende für Hannover entscheiden, müssen alle '
  'Voraussetzungen dafür geschaffen sein, dass sie sich hier gut einleben können. Deshalb werden '
  '(Stand Januar 2019) entsprechende Verbesserungen vorgenommen, etwa durch die Stärkung der '
  'Sprachkompetenzen der Ansprechpersonen vor Ort und den Ausbau der Willkommenskultur für '
  'internationale Studierende.'),
 ('AreaExample',
  {'area__number': 3, 'position': 2},
  'text_en',
  'If international professionals and students are to opt for Hannover, everything needs to be in '
  'place to help these newcomers settle down well here. Relevant improvements are thus being made, '
  "such as strengthening language skills of local contacts and enhancing the 'welcoming culture' "
  'for international students.',
  'If international professionals and students are to opt for Hannover, everything needs to be in '
  'place to help these newcomers settle down well here. Relevant improvements are thus being made '
  '(as of January 2019), such as strengthening language skills of local contacts and enhancing the '
  "'welcoming culture' for international students."),
 ('Benefit',
  {'position': 5},
  'example_de',
  'Die Volkshochschule Hannover (VHS) beteiligt sich derzeit an mehreren EU-Projekten in den '
  'Bereichen Erwachsenenbildung und Integration.',
  'Die Volkshochschule Hannover (VHS) beteiligt sich (Stand Januar 2019) an mehreren EU-Projekten '
  'in den Bereichen Erwachsenenbildung und Integration.'),
 ('Benefit',
  {'position': 5},
  'example_en',
  'Adult education (Volkshochschule) services are currently taking part in several EU projects '
  'within the context of adult education and integration.',
  'Adult education (Volkshochschule) services are, as of January 2019, taking part in several EU '
  'projects within the context of adult education and integration.'),
 ('PlanSection',
  {'slug': 'locational-strength'},
  'body_de',
  'Hannover verfügt über beste Voraussetzungen, um sich in Europa und der Welt als attraktive, '
  'weltoffene und international vernetzte Stadt zu positionieren.\n'
  '\n'
  'Eine multikulturelle Bevölkerung, ein internationaler Messestandort mit global agierenden '
  'Unternehmen, ein Verkehrsknotenpunkt im Herzen Europas, ein international renommierter '
  'Wissenschafts- und Forschungsstandort sowie ein hohes Ansehen in den Bereichen Kultur und '
  'Nachhaltigkeit: Der europäische Vergleich zeigt, dass Hannover bereits viele Stärken zu bieten '
  'hat. Zudem sind zahlreiche Akteur*innen aus Wirtschaft, Wissenschaft, Bildung und Kultur – '
  'ebenso wie aus der Zivilgesellschaft – international aktiv und verfügen über eine strategische '
  'Grundlage für ihr internationales Engagement.',
  'Eine multikulturelle Bevölkerung, ein internationaler Messestandort mit global agierenden '
  'Unternehmen, ein Verkehrsknotenpunkt im Herzen Europas, ein international renommierter '
  'Wissenschafts- und Forschungsstandort sowie ein hohes Ansehen in den Bereichen Kultur und '
  'Nachhaltigkeit: Der europäische Vergleich zeigt, dass Hannover bereits viele Stärken zu bieten '
  'hat. Zudem sind zahlreiche Akteur*innen aus Wirtschaft, Wissenschaft, Bildung und Kultur – '
  'ebenso wie aus der Zivilgesellschaft – international aktiv und verfügen über eine strategische '
  'Grundlage für ihr internationales Engagement.'),
 ('PlanSection',
  {'slug': 'locational-strength'},
  'body_en',
  'Hannover is ideally placed to position itself within Europe and the wider world as an '
  'attractive, cosmopolitan and internationally integrated city.\n'
  '\n'
  'A multicultural population, an international trade fair location with businesses that are '
  'global players, a transport hub in the heart of Europe, an internationally renowned science and '
  'research sector, and prestige with regard to culture and sustainability: comparison with the '
  'rest of Europe reveals that Hannover already has many strengths to offer. Additionally, many '
  'stakeholders in the worlds of business, science, education and the arts – as well as in civil '
  'society – are internationally active, and have a strategic basis for their activities in the '
  'international arena.',
  'A multicultural population, an international trade fair location with businesses that are '
  'global players, a transport hub in the heart of Europe, an internationally renowned science and '
  'research sector, and prestige with regard to culture and sustainability: comparison with the '
  'rest of Europe reveals that Hannover already has many strengths to offer. Additionally, many '
  'stakeholders in the worlds of business, science, education and the arts – as well as in civil '
  'society – are internationally active, and have a strategic basis for their activities in the '
  'international arena.')]

# (slug, part, position, title, body) of the sections the sources have and the loader lacked.
NEW_SECTIONS = [('how-international',
  'plan',
  2,
  {'de': 'Wie international ist Hannover bereits?',
   'en': 'How strongly international is Hannover already?'},
  {'de': 'Hannover verfügt über beste Voraussetzungen, um sich in Europa und der Welt als '
         'attraktive, weltoffene und international vernetzte Stadt zu positionieren.',
   'en': 'Hannover is ideally placed to position itself within Europe and the wider world as an '
         'attractive, cosmopolitan and internationally integrated city.'}),
 ('districts',
  'making_of',
  1,
  {'de': 'Stadtbezirke', 'en': 'City districts'},
  {'de': 'gesamtstädtisch', 'en': 'city-wide'}),
 ('field-of-action',
  'making_of',
  2,
  {'de': 'Handlungsfeld im Stadtentwicklungskonzept „Mein Hannover 2030“',
   'en': "Field of action in the City Development Plan 'Mein Hannover 2030'"},
  {'de': 'Wirtschaft, Arbeit, Wissenschaft und Umwelt',
   'en': 'Economy, work, science and environment'}),
 ('public-participation',
  'making_of',
  7,
  {'de': 'Beteiligung der Öffentlichkeit', 'en': 'Public participation'},
  {'de': '- Austausch und Veranstaltungen mit relevanten externen Partner*innen: September 2017 – '
         'Februar 2018',
   'en': '- Exchange and events with relevant external partners: September 2017 – February 2018'})]

# The plan's sections after its new chapter heading move one down; the making-of texts make room
# for the description's two classification fields: (part, slug, old position, new position).
MOVES = [
    *[
        ("plan", slug, old, old + 1)
        for old, slug in enumerate(
            [
                "locational-strength",
                "experienced-administration",
                "instruments",
                "involvement-in-the-world",
                "benefits-intro",
                "commitments",
                "goals-intro",
                "areas-intro",
            ],
            start=2,
        )
    ],
    *[
        ("making_of", slug, old, old + 2)
        for old, slug in enumerate(["summary", "goals-2017", "costs", "council"], start=1)
    ],
]

# Public participation was loaded as a step of the schedule; it is a section of its own now.
OLD_PARTICIPATION_STEP = {
    "position": 6,
    "title_de": "Austausch und Veranstaltungen mit relevanten externen Partner*innen",
    "title_en": "Exchange and events with relevant external partners",
}


def replace_unedited_texts(apps, schema_editor):
    """Replace each changed text where it is still the loader's, and add what was missing."""
    for model_name, lookup, field, old, new in TEXT_CHANGES:
        model = apps.get_model("measures", model_name)
        values = {field: new, "version": F("version") + 1}
        if field.endswith("_de"):
            # The untranslated column holds the German text, as the loader wrote it.
            values[field.removesuffix("_de")] = new
        model.objects.filter(**lookup, **{field: old}).update(**values)
    section = apps.get_model("measures", "PlanSection")
    for part, slug, old, new in MOVES:
        section.objects.filter(part=part, slug=slug, position=old).update(
            position=new, version=F("version") + 1
        )
    for slug, part, position, title, body in NEW_SECTIONS:
        if not section.objects.filter(slug=slug).exists():
            section.objects.create(
                slug=slug,
                part=part,
                position=position,
                title=title["de"],
                title_de=title["de"],
                title_en=title["en"],
                body=body["de"],
                body_de=body["de"],
                body_en=body["en"],
            )
    step = apps.get_model("measures", "ScheduleStep")
    step.objects.filter(**OLD_PARTICIPATION_STEP).delete()


class Migration(migrations.Migration):
    dependencies = [("measures", "0011_ize_spelling_of_loaded_texts")]

    operations = [migrations.RunPython(replace_unedited_texts, migrations.RunPython.noop)]
