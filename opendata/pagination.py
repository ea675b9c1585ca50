"""Pages of the API's lists."""

from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    """Split a list into pages of 50 rows; a client may ask for up to 200."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
