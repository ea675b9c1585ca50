"""Keep text from becoming a formula when a spreadsheet program opens an exported file.

Spreadsheet programs run a cell that begins with =, +, -, @, a tab or a carriage return as a
formula (CSV injection), even in a CSV file. OWASP's remedy: put an apostrophe in front of such
a text, which the programs show as text. Plain numbers, such as a negative longitude, stay as
they are: a number is no formula.
"""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
# A decimal point or, as in German exports, a decimal comma.
NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def formula_escaped(value):
    """Return `value` with an apostrophe in front if it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(value):
        return ESCAPE + value
    return value


def formula_unescaped(value):
    """Return an escaped text from a spreadsheet as it was before `formula_escaped`."""
    if isinstance(value, str) and value.startswith(ESCAPE) and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value
