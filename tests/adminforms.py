"""Post an admin change form back as a browser would, with the values it shows."""


def admin_form_data(response) -> dict:
    """Return the admin change form's current values as POST data, inlines included."""
    data = {}

    def add(form):
        for field in form:
            value = field.value()
            if isinstance(value, bool):
                if value:
                    data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            elif value is not None:
                data[field.html_name] = str(value)

    add(response.context["adminform"].form)
    # The history's revert page has the main form only.
    for inline in response.context.get("inline_admin_formsets", []):
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data
