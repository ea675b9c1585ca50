"""What the German home page and everything it loads weigh, as a browser receives them."""

import gzip
import re
import shutil
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

import brotli

from benchmarks.load import fetch, log


class Assets(HTMLParser):
    """Collect the stylesheets, scripts and images a page loads."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "") and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def decompressed(body: bytes, encoding: str | None) -> bytes:
    """Return `body` as sent before WhiteNoise compressed it with gzip or brotli."""
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        return brotli.decompress(body)
    return body


def page_weight(base: str, path: str) -> dict:
    """Return what the page at `path` and everything it loads weigh, sent compressed."""
    accept = {"Accept-Encoding": "gzip, br"}
    headers, html = fetch(base + path, accept)
    sent_html = len(html)
    html_text = decompressed(html, headers.get("content-encoding"))
    parser = Assets()
    parser.feed(html_text.decode())
    todo = [urljoin(base + path, url) for url in parser.urls]
    seen, assets = set(), []
    while todo:
        url = todo.pop(0)
        if urlparse(url).netloc != urlparse(base).netloc or url in seen:
            continue
        seen.add(url)
        asset_headers, body = fetch(url, accept)
        assets.append(
            {
                "url": url[len(base) :],
                "bytes": len(body),
                "encoding": asset_headers.get("content-encoding", "identity"),
                "cache_control": asset_headers.get("cache-control", ""),
            }
        )
        if url.split("?")[0].endswith(".css"):
            plain = decompressed(body, asset_headers.get("content-encoding"))
            for ref in CSS_URL.findall(plain.decode(errors="replace")):
                if not ref.startswith("data:") and not ref.endswith((".eot", ".ttf", ".svg")):
                    todo.append(urljoin(url, ref))
    return {
        "html_sent": sent_html,
        "html_gzip": len(gzip.compress(html_text, compresslevel=6)),
        "html_encoding": headers.get("content-encoding", "identity"),
        "assets": assets,
        "browser": browser_weight_or_none(base + path),
        "path": path,
    }


def browser_weight(url: str) -> list[dict] | None:
    """Return every file headless Chromium fetches to show `url`, with the bytes it received.

    A browser loads only the fonts and images a page uses, which parsing cannot tell.
    Returns None where Chromium or Playwright is missing.
    """
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not chromium:
        return None
    requests = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(url, wait_until="networkidle")
        files = []
        for request in requests:
            sizes = request.sizes()
            response = request.response()
            headers = response.headers if response else {}
            files.append(
                {
                    "url": urlparse(request.url).path,
                    "bytes": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                    "encoding": headers.get("content-encoding", "identity"),
                    "cache_control": headers.get("cache-control", ""),
                }
            )
        browser.close()
    return files


def browser_weight_or_none(url: str) -> list[dict] | None:
    """Return browser_weight(url), or None with a note where the browser fails."""
    try:
        return browser_weight(url)
    except Exception as error:
        log(f"headless Chromium failed, counting every file instead: {error}")
        return None


HOME_KB_TARGET = 200.0


def weight_section(weight: dict) -> tuple[list[str], float]:
    """Return the Markdown lines on the home page's weight, and that weight in KB."""
    assets_total = sum(asset["bytes"] for asset in weight["assets"])
    parsed_total = weight["html_gzip"] + assets_total
    browser = weight["browser"]
    if browser:
        received = sum(item["bytes"] for item in browser)
        html = sum(item["bytes"] for item in browser if item["url"] == weight["path"])
        # The HTML as a compressing proxy would send it, instead of Django's uncompressed HTML.
        home_kb = (received - html + weight["html_gzip"]) / 1024
        files = browser
        text = (
            f"Headless Chromium showing the German home page received **{received / 1024:.0f} "
            f"KB** from this server (HTML uncompressed, {weight['html_sent'] / 1024:.0f} KB: "
            "gunicorn does not compress HTML), **"
            f"{home_kb:.0f} KB** with the HTML gzip-compressed "
            f"({weight['html_gzip'] / 1024:.0f} KB) by the proxy in front, as in production. "
            f"Every file the page could load, all ten font faces of the KERN font CSS "
            f"included: {parsed_total / 1024:.0f} KB."
        )
    else:
        home_kb, files = parsed_total / 1024, weight["assets"]
        text = (
            f"The German home page and every stylesheet, script, image and font it can load, "
            f"asked for with `Accept-Encoding: gzip, br`, the HTML gzip-compressed as by the proxy "
            f"in front: **{home_kb:.0f} KB** (no Chromium here to tell which fonts it uses)."
        )
    met = "met" if home_kb < HOME_KB_TARGET else "missed"
    lines = [
        f"{text} Target: under {HOME_KB_TARGET:.0f} KB ({met}).",
        "",
        "| file | bytes received | encoding | Cache-Control |",
        "| --- | ---: | --- | --- |",
        *(
            f"| `{a['url']}` | {a['bytes']} | {a['encoding']} | {a['cache_control']} |"
            for a in files
        ),
    ]
    return lines, home_kb
