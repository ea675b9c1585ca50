"""{% remember "name" key … %}…{% endremember %}: a part of a page built once per content version.

The part between the tags is rendered once per name, language, content version and keys in each
process (core/fragments.py) and then served as it was rendered: only for what is the same for
every visitor with the same keys, such as a filter form for the same query.
"""

from django import template
from django.utils.safestring import mark_safe

from core.fragments import remembered

register = template.Library()


class RememberNode(template.Node):
    def __init__(self, name, keys, nodelist):
        self.name, self.keys, self.nodelist = name, keys, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        keys = [str(key.resolve(context)) for key in self.keys]
        name = self.name.resolve(context)
        return mark_safe(remembered(request, name, lambda: self.nodelist.render(context), *keys))


@register.tag
def remember(parser, token):
    """Render the part up to {% endremember %} once per content version and the given keys."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% remember %} needs a name.")
    nodelist = parser.parse(("endremember",))
    parser.delete_first_token()
    return RememberNode(
        parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], nodelist
    )
