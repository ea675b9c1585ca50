"""Hand a response's body to the server in one piece, however the view wrote it."""


class OnePieceMiddleware:
    """Join the chunks a view wrote into one, so that the server sends them in one write.

    A feed generator writes each XML element into the response on its own: over a thousand
    chunks, which gunicorn sends one system call each and which doubled a feed's time.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.streaming:
            # Joining a body of one chunk gives back that chunk: no copy for most pages.
            response.content = response.content
        return response
