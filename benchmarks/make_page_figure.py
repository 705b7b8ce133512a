"""Make the documentation's picture of the interactive network page.

Builds the page (:func:`banlens.write_html`) for the bundled example article plus
three short dated articles written here, opens it in headless Chromium (Debian's
``chromium`` and ``chromium-driver``, driven by selenium), clicks the actor with the
most relations and saves what the browser shows. Writes into ``docs/figures/`` (or
``--out DIR``):

* ``example-network.html``: the page itself (self-contained, works offline);
* ``network-page.png``: the screenshot.

Usage: ``.venv/bin/python benchmarks/make_page_figure.py [--out DIR]``
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from importlib import resources
from pathlib import Path

import banlens

REPO = Path(__file__).resolve().parents[1]
ARTICLES = [
    ("beispiel", "2020-09-14",
     (resources.files("banlens") / "data" / "example_de.txt").read_text("utf-8")),
    ("kurz-1", "2020-08-03", "Microsoft verhandelt mit Bytedance über Tiktok. "
                             "Donald Trump kritisiert Bytedance scharf."),
    ("kurz-2", "2020-08-07", "Die US-Regierung verbietet Geschäfte mit Bytedance und Tencent."),
    ("kurz-3", "2020-09-20", "Das US-Handelsministerium blockiert WeChat. "
                             "Tencent kritisiert das US-Handelsministerium."),
]
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--enable-unsafe-swiftshader", "--window-size=1400,820", "--hide-scrollbars")


def make_page(out: Path) -> Path:
    """Write the page of the example network; return its path."""
    nlp = banlens.load("blank")
    records = []
    for doc_id, day, text in ARTICLES:
        records.append(banlens.doc_to_record(nlp(text), doc_id=doc_id, date=day))
    path = out / "example-network.html"
    banlens.write_html(banlens.build_graph(records), path,
                       title="Example: the Tiktok dispute in four articles")
    return path


def screenshot(page: Path, png: Path) -> None:
    """Open ``page`` in headless Chromium, click the busiest actor, save ``png``."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="banlens-chromium-")
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.get(page.resolve().as_uri())
        time.sleep(1.5)
        view = "const v = window.banlensView;"
        busiest = driver.execute_script(
            view + "return v.graph.nodes().sort((a, b) => v.graph.degree(b) - "
                   "v.graph.degree(a))[0];")
        point = driver.execute_script(view + "return v.nodeOnScreen(arguments[0]);", busiest)
        ActionChains(driver).move_by_offset(point["x"], point["y"]).click().perform()
        ActionChains(driver).move_by_offset(-point["x"] + 2, -point["y"] + 2).perform()
        time.sleep(0.8)
        driver.save_screenshot(str(png))
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "figures")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    page = make_page(args.out)
    png = args.out / "network-page.png"
    screenshot(page, png)
    print(page)
    print(png)


if __name__ == "__main__":
    main()
