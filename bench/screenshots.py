#!/usr/bin/env python3
"""Render every page of ``sayso serve`` over a store in headless chromium and save screenshots.

    .venv/bin/python bench/screenshots.py --db sqlite:////tmp/h6/polnear.db [--out docs/screenshots]

The server runs in this process (over the corpus index ``sayso ingest`` left in the store);
Debian's ``chromium`` is driven by Playwright. Each page is loaded, given one
interaction where it has one (a highlight clicked, a form sent), checked for
console errors and failed requests, and shot at desktop width; the article, search,
speaker and outlets pages are shot at phone width too. The PNGs are what ``docs/screenshots/`` holds; a
table of load times, errors and file sizes is printed. Exit status 1 when any
page logged an error.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import quote

from playwright.sync_api import Page, sync_playwright

from sayso.corpus.index import update
from sayso.serve.app import create_app, running
from sayso.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = {"width": 1200, "height": 860}
PHONE = {"width": 390, "height": 844}
PASTE = (
    "Serhiy Haidai, governor of the Luhansk region, said on Telegram that Russian forces had suffered heavy "
    "losses. “It is no longer even a strategic military plan,” Haidai said.\n\n"
    "The Kremlin reportedly denied the claims. “Bakhmut is a limited breakthrough,” said Markku Kivinen, "
    "director of the Aleksanteri Institute, in an interview with Newsweek."
)


def pages(db_url: str) -> list[tuple[str, str, dict, callable | None]]:
    """(name, path, viewport, interaction) for every page, picked from what the store holds."""
    with open_store(db_url, create=False) as store:
        top = store.speakers(1)[0].name
        # A typical busy article: the most attributions among those quoting at most ten people.
        [(article,)] = store.query(
            "SELECT a.id FROM articles a JOIN attributions t ON t.article_id = a.id GROUP BY a.id"
            " HAVING count(DISTINCT t.speaker) <= 10 ORDER BY count(*) DESC, a.id LIMIT 1",
        )

    def click_highlight(page: Page) -> None:
        page.locator("#text mark.r-source").first.click()
        page.locator("#panel:not([hidden])").wait_for()

    def search(page: Page) -> None:  # the matched words are marked in the results
        page.fill("input[name=q]", '"private email" server')
        page.select_option("select[name=kind]", "direct")
        page.click("form.search-form button")
        page.wait_for_selector("#result-count")

    def open_first_cluster(page: Page) -> None:
        page.locator("ol.clusters a").first.click()
        page.wait_for_selector("svg.timeline")

    def paste(page: Page) -> None:
        page.fill("#paste-text", PASTE)
        page.click("#paste-submit")
        page.wait_for_selector("#text mark", timeout=120_000)
        page.locator("#text mark.r-source").first.click()

    return [
        ("home", "/", DESKTOP, None),
        ("articles", "/articles", DESKTOP, None),
        ("article", f"/articles/{article}", DESKTOP, click_highlight),
        ("article-phone", f"/articles/{article}", PHONE, click_highlight),
        ("speakers", "/speakers", DESKTOP, None),
        ("speaker", f"/speakers/{quote(top, safe='')}", DESKTOP, None),
        ("speaker-phone", f"/speakers/{quote(top, safe='')}", PHONE, None),
        ("search", "/search", DESKTOP, search),
        ("search-phone", "/search", PHONE, search),
        ("outlets", "/outlets", DESKTOP, None),
        ("outlets-phone", "/outlets", PHONE, None),
        ("docs", "/docs", DESKTOP, lambda page: page.wait_for_selector(".opblock-summary-path")),
        ("clusters", "/clusters", DESKTOP, None),
        ("cluster", "/clusters", DESKTOP, open_first_cluster),
        ("paste", "/paste", DESKTOP, paste),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="the store to serve (URL or path)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("bench/screenshots.py: Debian's chromium is not installed (apt-get install chromium)")
    args.out.mkdir(parents=True, exist_ok=True)
    with open_store(args.db, create=False) as store:
        update(store)  # a store from before the corpus index: build it
    failures = 0
    print("| page | path | load ms | errors | PNG kB |\n| --- | --- | ---: | ---: | ---: |")
    with running(create_app(args.db)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"] if os.geteuid() == 0 else [])
        for name, path, viewport, interact in pages(args.db):
            context = browser.new_context(viewport=viewport, device_scale_factor=1)
            page = context.new_page()
            errors: list[str] = []
            page.on("console", lambda m, errors=errors: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e, errors=errors: errors.append(str(e)))
            page.on("requestfailed", lambda r, errors=errors: errors.append(f"{r.url} failed"))
            begin = time.perf_counter()
            response = page.goto(base + path, wait_until="load")
            load_ms = (time.perf_counter() - begin) * 1000
            if response is None or response.status != 200:
                errors.append(f"HTTP {response.status if response else '?'}")
            if interact:
                interact(page)
            shot = args.out / f"{name}.png"
            page.screenshot(path=shot)
            failures += bool(errors)
            print(f"| {name} | `{path[:60]}` | {load_ms:.0f} | {len(errors)} | {shot.stat().st_size / 1024:.0f} |")
            for error in errors:
                print(f"  {name}: {error}", file=sys.stderr)
            context.close()
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
