"""Read an admin form's fields from its HTML, so a test can post it back like a browser."""

from html.parser import HTMLParser


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id = form_id
        self.inside = False
        self.data = {}
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.data.setdefault(name, []).append(attrs.get("value", "on"))
            else:
                self.data[name] = [attrs.get("value", "")]
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def admin_form_data(response, form_id=None) -> dict:
    """Return the values the admin's change form would submit, as for `client.post`."""
    html = response.content.decode()
    model_name = response.context["opts"].model_name
    parser = _FormParser(form_id or f"{model_name}_form")
    parser.feed(html)
    data = {}
    for name, values in parser.data.items():
        if not values:
            continue
        # Django's textarea rendering starts with a newline that browsers drop.
        values = [value[1:] if value.startswith("\n") else value for value in values]
        data[name] = values if len(values) > 1 else values[0]
    return data
