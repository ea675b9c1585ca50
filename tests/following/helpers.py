"""Reading the mails that reached the test SMTP server, and following their links."""

import re
from urllib.parse import urlsplit

from django.test import Client


def parts(message) -> tuple[str, str]:
    """Return the plain-text and the HTML part of a message."""
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    return text, html


def link(text: str, marker: str) -> str:
    """Return the path of the first link in `text` whose path contains `marker`."""
    for url in re.findall(r"https?://\S+", text):
        if marker in url:
            return urlsplit(url).path
    raise AssertionError(f"no link with {marker!r} in:\n{text}")


def unsubscribe_path(message) -> str:
    """Return the path of the List-Unsubscribe header's link."""
    header = str(message["List-Unsubscribe"])
    return urlsplit(header.strip().strip("<>")).path


def raw_unsubscribe_header(message) -> bytes:
    """Return the List-Unsubscribe header as sent, unfolded: a plain <URL>, no encoded word."""
    match = re.search(rb"\r?\nList-Unsubscribe:((?:[^\r\n]|\r?\n[ \t])*)", message.raw)
    assert match, "no List-Unsubscribe header"
    return re.sub(rb"\r?\n[ \t]", b" ", match.group(1)).strip()


def one_click(path: str):
    """POST to the unsubscribe link as a mail program does (RFC 8058): no session, no token."""
    return Client(enforce_csrf_checks=True).post(
        path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
