"""Text helpers shared by search, slugs, the loaders and the pages."""

import unicodedata

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans(
    {"ı": "i", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d"}
)


def fold(text: str) -> str:
    """Return `text` lower-cased and without diacritics, so that 'Poznan' matches 'Poznań'."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_UNDECOMPOSABLE))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def paragraphs(text: str, heading_level: int = 2) -> str:
    """Render plain text as paragraphs, with '- ' lines as lists and '## ' lines as headings."""
    blocks = [block.strip() for block in (text or "").replace("\r\n", "\n").split("\n\n")]
    html = []
    for block in filter(None, blocks):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if len(lines) == 1 and lines[0].startswith("## "):
            html.append(
                format_html(
                    '<h{0} class="kern-heading-medium">{1}</h{0}>', heading_level, lines[0][3:]
                )
            )
            continue
        items = [line[2:] for line in lines if line.startswith("- ")]
        lead = [line for line in lines if not line.startswith("- ")]
        if lead:
            html.append(format_html("<p>{}</p>", " ".join(lead)))
        if items:
            html.append(
                format_html(
                    '<ul class="kern-list kern-list--bullet">{}</ul>',
                    format_html_join("", "<li>{}</li>", ((item,) for item in items)),
                )
            )
    return mark_safe("".join(html))


def person_name(user) -> str:
    """Return a member of staff's full name, or their user name where none is given."""
    return user.get_full_name() or user.get_username()
