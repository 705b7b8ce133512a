"""The interactive network page in a real browser: headless Chromium driven by selenium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them); the
tests skip, saying so, when either is missing. The page is opened from a file with
the network shut off for the browser's own services; it must load nothing at all.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import time
from importlib import resources

import pytest

import banlens

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

ARTICLES = [
    ("beispiel", "2020-09-14",
     (resources.files("banlens") / "data" / "example_de.txt").read_text("utf-8")),
    ("kurz-1", "2020-08-03", "Trump kritisiert Bytedance scharf. Walmart verhandelt mit Oracle."),
    ("kurz-2", "2020-08-05", "Trump kritisiert Bytedance erneut."),
]
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--enable-unsafe-swiftshader", "--window-size=1400,900")


def _browser_paths() -> tuple[str, str]:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if browser and driver:
        return browser, driver
    message = ("headless Chromium is needed for the page tests: "
               "apt-get install chromium chromium-driver")
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def records(nlp):
    out = []
    for doc_id, day, text in ARTICLES:
        doc = nlp(text)
        out.append(banlens.doc_to_record(doc, doc_id=doc_id, date=day))
    return out


@pytest.fixture(scope="module")
def browser():
    binary, driver_path = _browser_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    profile = tempfile.mkdtemp(prefix="banlens-chromium-")
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def page(browser, records, tmp_path_factory):
    """The page of the instance graph, opened and drawn."""
    path = tmp_path_factory.mktemp("page") / "netz.html"
    banlens.write_html(banlens.build_graph(records), path)
    browser.get(path.as_uri())
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script("return !!(window.banlensView && window.banlensView.renderer)"))
    time.sleep(0.5)  # the first frame
    return browser


def view(browser, script: str, *args):
    return browser.execute_script(f"const v = window.banlensView; {script}", *args)


def details(browser) -> str:
    return browser.find_element(By.ID, "banlens-details").text


def click_at(browser, x: float, y: float) -> None:
    ActionChains(browser).move_by_offset(x, y).click().perform()
    ActionChains(browser).move_by_offset(-x, -y).perform()  # back to the origin
    time.sleep(0.3)


def expected_sentences(records, actor: str) -> set[tuple[str, str]]:
    return {(rec["id"], rel["evidence"]) for rec in records for rel in rec["relations"]
            if actor in (rel["subject"], rel["object"]) and not rel["negated"]}


def test_nodes_render_in_their_colours_and_nothing_is_loaded(page, records):
    errors = [e["message"] for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    assert page.execute_script("return performance.getEntriesByType('resource').length") == 0
    actors = {a["id"]: a["type"] for rec in records for a in rec["actors"]}
    keys = view(page, "return v.graph.nodes()")
    assert sorted(keys) == sorted(actors)
    Image = pytest.importorskip("PIL.Image")
    shot = Image.open(io.BytesIO(page.get_screenshot_as_png())).convert("RGB")
    scale = page.execute_script("return window.devicePixelRatio") or 1
    drawn = 0
    for key in keys:
        point = view(page, "return v.nodeOnScreen(arguments[0])", key)
        colour = view(page, "return v.graph.getNodeAttribute(arguments[0], 'color')", key)
        want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        got = shot.getpixel((int(point["x"] * scale), int(point["y"] * scale)))
        drawn += all(abs(a - b) <= 40 for a, b in zip(got, want, strict=True))
    # the centre pixel of most discs has the disc's colour (a label or an edge may cover a few)
    assert drawn >= 0.8 * len(keys), (drawn, len(keys))


def test_a_click_on_an_actor_shows_its_evidence_with_document_ids(page, records):
    busiest = max(view(page, "return v.graph.nodes()"),
                  key=lambda k: view(page, "return v.graph.degree(arguments[0])", k))
    point = view(page, "return v.nodeOnScreen(arguments[0])", busiest)
    click_at(page, point["x"], point["y"])
    assert view(page, "return v.state.selectedNode") == busiest
    text = details(page)
    sentences = expected_sentences(records, busiest)
    assert sentences
    for doc_id, evidence in sentences:
        assert " ".join(evidence.split()) in " ".join(text.split())
        assert f"document {doc_id}" in text
    # a click on the background clears the panel
    box = page.find_element(By.ID, "banlens-graph").rect
    click_at(page, box["x"] + 3, box["y"] + 3)
    assert view(page, "return v.state.selectedNode") is None


def test_filters_by_relation_and_date(page, records):
    all_edges = view(page, "return v.visibleEdges().length")
    boxes = page.find_elements(By.CSS_SELECTOR, "#banlens-relations input")
    first = boxes[0]  # the most reported relation
    label = first.get_attribute("value")
    first.click()
    time.sleep(0.2)
    shown = view(page, "return v.visibleEdges().map(k => v.graph.getEdgeAttribute(k, 'label'))")
    assert label not in shown and len(shown) < all_edges
    assert len(shown) == all_edges - view(
        page, "return v.graph.filterEdges((k, a) => a.label === arguments[0]).length", label)
    first.click()
    # only reports from August: the example article (September) drops out
    page.execute_script(
        "const to = document.getElementById('banlens-to'); to.value = '2020-08-31';"
        "to.dispatchEvent(new Event('change'));")
    time.sleep(0.2)
    symmetric = {label for label, (_, _, sym) in banlens.load_lexicon().label_info().items()
                 if sym}
    august = set()
    for rec in records:
        for rel in rec["relations"]:
            if rec["date"] <= "2020-08-31" and not rel["negated"]:
                s, o = rel["subject"], rel["object"]
                august.add((*sorted((s, o)), rel["label"]) if rel["label"] in symmetric
                           else (s, o, rel["label"]))
    shown = view(page, "return v.visibleEdges().map(k => [v.graph.source(k), "
                       "v.graph.target(k), v.graph.getEdgeAttribute(k, 'label')])")
    assert {tuple(e) for e in shown} == august and 0 < len(august) < all_edges
    page.execute_script(
        "const to = document.getElementById('banlens-to'); to.value = to.max;"
        "to.dispatchEvent(new Event('change'));")
    assert view(page, "return v.visibleEdges().length") == all_edges


def test_search_finds_an_actor_by_part_of_its_name(page, records):
    search = page.find_element(By.ID, "banlens-search")
    search.clear()
    search.send_keys("walm", Keys.ENTER)
    time.sleep(0.5)
    assert view(page, "return v.state.selectedNode") == "walmart"
    assert "Walmart" in details(page)
    search.clear()
    search.send_keys("Niemand", Keys.ENTER)
    time.sleep(0.2)
    assert "No actor matches" in page.find_element(By.ID, "banlens-search-message").text


# ------------------------------------------------------------------ the displaCy view

LONG = ("Das US-Handelsministerium verbietet Tiktok und Wechat, während Microsoft, Oracle "
        "und Walmart seit Wochen mit Bytedance über Tiktok verhandeln. US-Präsident Donald "
        "Trump wirft dem Tiktok-Eigentümer Bytedance vor, Daten an die chinesische Regierung "
        "weiterzugeben.")


def test_display_arcs_keep_every_word_whole_and_apart(browser, nlp, tmp_path):
    """In the arc view of banlens.display, measured by the browser: the first word
    starts inside the picture, no two words (or their tags) overlap, and each
    relation label fits over its arc."""
    doc = nlp(LONG)
    assert len(doc._.relations) >= 5
    path = tmp_path / "display.html"
    banlens.display(doc, path=path, jupyter=False)
    browser.get(path.as_uri())
    boxes = browser.execute_script("""
        return Array.from(document.querySelectorAll('svg.displacy')).map(svg => ({
          width: svg.width.baseVal.value,
          tokens: Array.from(svg.querySelectorAll('text.displacy-token')).map(t => {
            const w = t.querySelector('.displacy-word').getBBox();
            const g = t.querySelector('.displacy-tag').getBBox();
            return [Math.min(w.x, g.x), Math.max(w.x + w.width, g.x + g.width)];
          }),
          labels: Array.from(svg.querySelectorAll('g.displacy-arrow')).map(g => [
            g.querySelector('textPath').getComputedTextLength(),
            g.querySelector('path.displacy-arc').getTotalLength()])
        }));""")
    assert len(boxes) == 2  # two sentences with relations
    for svg in boxes:
        tokens = svg["tokens"]
        assert len(tokens) >= 3
        assert tokens[0][0] >= 0 and tokens[-1][1] <= svg["width"]
        for (_, right), (left, _) in zip(tokens, tokens[1:], strict=False):
            assert right < left, tokens
        for text_length, arc_length in svg["labels"]:
            assert text_length < arc_length
