"""The benchmark's tables: one per scale, each figure against the targets of issue 18.

`results` maps a scale to {"uncached": {page: figures}, "<cache>": {page: figures}, "memory":
{pass: [MiB per worker]}}, as benchmarks/load.py measures them.
"""

from benchmarks.load import BARE
from benchmarks.pages import WHOLE_DOCUMENTS, is_bounded

TARGETS = {
    # Section 1: a cache hit at the speed of the bare view, at 1x and at 20x.
    "cached_ratio": 0.80,
    # Section 2: at 1x, one uncached request in 20 ms, and a tenth of the bare view's throughput.
    "median_ms": 20.0,
    "uncached_ratio": 0.10,
    # Section 3: at 20x, no page slower than 1.5 times, nor bigger than 1.2 times, its 1x self.
    "time_growth": 1.5,
    "html_growth": 1.2,
}
MISS = " ✗"


def ms(value: float) -> str:
    # wrk reports 0 where no request was answered within the run.
    return f"{value:.1f}" if value else "—"


def cache_passes(figures: dict) -> list[str]:
    return [label for label in figures if label.startswith("cached")]


def excepted(name: str) -> bool:
    """Return whether the page is a whole document, excepted from the growth targets."""
    return name.startswith(WHOLE_DOCUMENTS) or " CSV" in name or " XLSX" in name


def scale_table(scale: int, figures: dict, base: dict | None) -> tuple[list[str], list[str]]:
    """Return one scale's table as Markdown lines, and the targets it missed, page by page."""
    uncached = figures["uncached"]
    caches = cache_passes(figures)
    head = "| page | KB | 1 visitor, median ms | req/s | % of bare | p95 ms | p99 ms "
    rule = "| --- | ---: | ---: | ---: | ---: | ---: | ---: "
    for label in caches:
        head += f"| {label}: req/s | % of bare "
        rule += "| ---: | ---: "
    if base:
        head += "| time vs 1× | HTML vs 1× "
        rule += "| ---: | ---: "
    lines, missed = [head + "|", rule + "|"], []
    for name, u in uncached.items():
        flags = []
        ratio = u["rps"] / u["bare_rps"]
        is_page = name != BARE
        median_miss = scale == 1 and is_page and u["median_ms"] > TARGETS["median_ms"]
        ratio_miss = scale == 1 and is_page and ratio < TARGETS["uncached_ratio"]
        if median_miss:
            flags.append(f"1 visitor {u['median_ms']:.0f} ms")
        if ratio_miss:
            flags.append(f"uncached {ratio:.0%} of bare")
        if u["non_2xx"]:
            flags.append(f"{u['non_2xx']} answers not 200")
        cells = [
            f"{u['bytes'] / 1024:.1f}",
            ms(u["median_ms"]) + (MISS if median_miss else ""),
            f"{u['rps']:.0f}" + (f" (c={u['connections']})" if u["connections"] != 8 else ""),
            f"{ratio:.0%}" + (MISS if ratio_miss else ""),
            ms(u["p95_ms"]),
            ms(u["p99_ms"]),
        ]
        for label in caches:
            c = figures[label][name]
            cached_ratio = c["rps"] / c["bare_rps"]
            never_cached = is_page and not c.get("hit", True)
            miss = (
                is_page
                and not never_cached
                and scale <= 20
                and cached_ratio < TARGETS["cached_ratio"]
            )
            if miss:
                flags.append(f"{label} {cached_ratio:.0%} of bare")
            note = " (never cached: CSRF form)" if never_cached else ""
            cells += [f"{c['rps']:.0f}", f"{cached_ratio:.0%}" + (MISS if miss else "") + note]
        if base:
            cells += growth_cells(scale, name, u, base.get(name), flags)
        if flags:
            missed.append(f"{name}: {', '.join(flags)}")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines, missed


def growth_cells(scale: int, name: str, now: dict, then: dict | None, flags: list) -> list[str]:
    """Return the time and size of a page at this scale against 1x, marking a missed bound."""
    if not then or name == BARE:
        return ["", ""]
    time_growth = now["median_ms"] / then["median_ms"] if then["median_ms"] else 0
    html_growth = now["bytes"] / then["bytes"] if then["bytes"] else 0
    note = " (whole document)" if excepted(name) else ""
    # A list that fills its first page only at 20x may take longer up to its page size, too.
    time_miss = (
        scale == 20
        and not excepted(name)
        and is_bounded(name)
        and time_growth > TARGETS["time_growth"]
    )
    html_miss = (
        scale == 20
        and not excepted(name)
        and is_bounded(name)
        and html_growth > TARGETS["html_growth"]
    )
    if time_miss:
        flags.append(f"time {time_growth:.2f}× of 1×")
    if html_miss:
        flags.append(f"HTML {html_growth:.2f}× of 1×")
    if not is_bounded(name) and not excepted(name):
        note = " (fills its page)"
    return [
        f"{time_growth:.2f}" + (MISS if time_miss else "") + note,
        f"{html_growth:.2f}" + (MISS if html_miss else ""),
    ]


def memory_lines(figures: dict) -> list[str]:
    """Return the workers' resident memory after each pass."""
    return [
        f"- gunicorn workers' resident memory after the {label} pass: "
        + ", ".join(f"{size:.0f} MiB" for size in sizes)
        for label, sizes in figures["memory"].items()
    ]


def summary_lines(scale: int, figures: dict) -> list[str]:
    """Return how many pages meet each target at this scale."""
    uncached = figures["uncached"]
    names = [name for name in uncached if name != BARE]
    lines = []
    if scale == 1:
        fast = sum(0 < uncached[n]["median_ms"] <= TARGETS["median_ms"] for n in names)
        busy = sum(
            uncached[n]["rps"] >= TARGETS["uncached_ratio"] * uncached[n]["bare_rps"] for n in names
        )
        lines += [
            f"- one uncached request in {TARGETS['median_ms']:.0f} ms or less (median, one "
            f"visitor): {fast} of {len(names)}",
            f"- uncached throughput at least {TARGETS['uncached_ratio']:.0%} of the bare view: "
            f"{busy} of {len(names)}",
        ]
    for label in cache_passes(figures):
        cached = [n for n in names if figures[label][n].get("hit", True)]
        met = sum(
            figures[label][n]["rps"] >= TARGETS["cached_ratio"] * figures[label][n]["bare_rps"]
            for n in cached
        )
        lines.append(
            f"- {label}: throughput at least {TARGETS['cached_ratio']:.0%} of the bare view: "
            f"{met} of the {len(cached)} pages the cache keeps ({len(names) - len(cached)} "
            "carry a form's CSRF token and are never cached, by design)"
        )
    return lines
