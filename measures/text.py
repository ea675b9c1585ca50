"""Text helpers shared by search, slugs and the loaders."""

import unicodedata

# Letters that Unicode does not decompose into a base letter plus an accent.
_UNDECOMPOSABLE = str.maketrans(
    {"ı": "i", "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d"}
)


def fold(text: str) -> str:
    """Return `text` lower-cased and without diacritics, so that 'Poznan' matches 'Poznań'."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(_UNDECOMPOSABLE))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
