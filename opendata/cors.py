"""Cross-origin reading of the open data: django-cors-headers for the API and the downloads."""

from corsheaders.middleware import ACCESS_CONTROL_ALLOW_ORIGIN, CorsMiddleware


class OpenDataCorsMiddleware(CorsMiddleware):
    """django-cors-headers, answering '*' also to clients that send no Origin header."""

    def add_response_headers(self, request, response):
        response = super().add_response_headers(request, response)
        # The answer is the same for every origin, so tools that name none (curl, harvesters,
        # the tests) see it as well; django-cors-headers itself answers only an Origin.
        if "origin" not in request.headers and self.is_enabled(request):
            response[ACCESS_CONTROL_ALLOW_ORIGIN] = "*"
        return response
