"""Check every output of one ``banlens extract`` run on real articles with the readers
people use.

Takes ``--articles`` (default 30) articles of the 10kGNAD test split with an actor
dictionary (default ``benchmarks/data/actors_10kgnad.yml``): those in which banlens
finds a relation (most articles of this general news corpus have none: 15 with the
default settings), filled up in corpus order with articles that name an actor. It
gives them made-up dates (one per day; the corpus has none) and runs
``banlens extract`` once to JSONL and once per graph format. Then, against the JSONL of the run:

* every graph file (GraphML, GEXF, CSV, node-link JSON, graphology JSON) read back by
  networkx and igraph, and GEXF, GraphML and graphology JSON by graphology in node
  (the parsers of Gephi Lite; needs ``npm ci --prefix tests/js``): the same actors
  with their names (and colours where the format has them), the same
  (source, relation, target) edges with their labels and weights;
* the GEXF file against the GEXF 1.3 schema (``../shared/schemas/gexf-1.3``);
* ``banlens.to_dataframe`` of the records: one row per relation;
* ``--drop-isolates``: the actors without relations leave, nothing else does;
* the HTML page in headless Chromium (needs ``chromium`` and ``chromium-driver``):
  every actor drawn, a click on the busiest one lists its sentences with their
  document ids.

Prints one line per check and exits 1 if any fails. Run from the repository root::

    .venv/bin/python benchmarks/check_files.py [--articles 30] [--actors FILE]
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from _corpus import corpus_path, read_articles

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import graph_readers as readers  # noqa: E402

import banlens  # noqa: E402
from banlens import cli  # noqa: E402
from banlens.readwrite.style import ACTOR_COLORS, OTHER_COLOR, QUAD_COLORS  # noqa: E402

FORMATS = readers.FORMATS
COLOURED = readers.COLOURED
SCHEMA = REPO.parent / "shared" / "schemas" / "gexf-1.3" / "gexf.xsd"


class Checks:
    def __init__(self) -> None:
        self.failed = 0

    def report(self, name: str, ok: bool, detail: str = "") -> None:
        self.failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""))


def compare(got: readers.Reading, want: readers.Reading, colours: bool, edge_colours: bool
            ) -> list[str]:
    problems = []
    if not got.directed:
        problems.append("not directed")
    if got.labels != want.labels:
        problems.append("node labels differ")
    if got.weights != want.weights:
        problems.append("edges or weights differ")
    if got.edge_labels != want.edge_labels:
        problems.append("edge labels differ")
    if colours and got.node_colors != want.node_colors:
        problems.append("node colours differ")
    if edge_colours and got.edge_colors != want.edge_colors:
        problems.append("edge colours differ")
    return problems


def check_page(page: Path, records: list[dict], checks: Checks) -> None:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.common.action_chains import ActionChains
    except ImportError:
        checks.report("html page in Chromium", False, "selenium is not installed")
        return
    browser, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (browser and driver_path):
        checks.report("html page in Chromium", False, "chromium/chromedriver not installed")
        return
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    profile = tempfile.mkdtemp(prefix="banlens-chromium-")
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--enable-unsafe-swiftshader", "--window-size=1400,900",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.get(page.resolve().as_uri())
        time.sleep(2)
        view = "const v = window.banlensView;"
        drawn = driver.execute_script(
            view + "return v.graph.nodes().filter(k => v.renderer.getNodeDisplayData(k)).length")
        actors = {a["id"] for r in records for a in r["actors"]}
        checks.report("html page: every actor drawn", drawn == len(actors),
                      f"{drawn} of {len(actors)}")
        busiest = driver.execute_script(
            view + "return v.graph.nodes().sort((a, b) => v.graph.degree(b) - "
                   "v.graph.degree(a))[0]")
        point = driver.execute_script(view + "return v.nodeOnScreen(arguments[0])", busiest)
        ActionChains(driver).move_by_offset(point["x"], point["y"]).click().perform()
        time.sleep(0.5)
        text = " ".join(driver.find_element("id", "banlens-details").text.split())
        wanted = {(r["id"], " ".join(rel["evidence"].split())) for r in records
                  for rel in r["relations"] if not rel["negated"]
                  and busiest in (rel["subject"], rel["object"])}
        shown = sum(1 for doc, sentence in wanted
                    if sentence in text and f"document {doc}" in text)
        checks.report(f"html page: a click on {busiest} shows its sentences",
                      shown == len(wanted) > 0, f"{shown} of {len(wanted)} with document ids")
        loaded = driver.execute_script("return performance.getEntriesByType('resource').length")
        checks.report("html page: nothing loaded from elsewhere", loaded == 0)
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--actors", default=str(REPO / "benchmarks" / "data" /
                                                "actors_10kgnad.yml"))
    parser.add_argument("--model", default="blank")
    args = parser.parse_args()

    nlp = banlens.load(args.model, actors=args.actors)
    articles = read_articles(corpus_path())
    with_relations, with_actors = [], []
    for i, doc in enumerate(nlp.pipe(articles)):
        if doc._.relations:
            with_relations.append(i)
        elif doc._.actors:
            with_actors.append(i)
    chosen = with_relations[: args.articles]
    chosen += with_actors[: args.articles - len(chosen)]
    texts = [articles[i] for i in sorted(chosen)]
    checks = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = folder / "corpus.csv"
        with corpus.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "date", "text"])
            for i, text in enumerate(texts):
                writer.writerow([f"gnad{i:03d}", (date(2020, 1, 1) + timedelta(days=i)).isoformat(),
                                 text])
        common = ["--actors", args.actors, "--model", args.model, "-q"]
        cli._load = lambda *a, **k: nlp  # one pipeline for all runs
        assert cli.main(["extract", str(corpus), "-o", str(folder / "run.jsonl"), *common]) == 0
        records = [json.loads(line) for line in (folder / "run.jsonl").read_text("utf-8")
                   .splitlines()]
        want = readers.expected_reading(records, nlp.get_pipe("banlens_relations").lexicon
                                        .label_info(), ACTOR_COLORS, QUAD_COLORS, OTHER_COLOR)
        isolated = set(want.labels) - {n for s, _, o in want.weights for n in (s, o)}
        print(f"{len(records)} articles, {len(want.labels)} actors ({len(isolated)} without "
              f"relations), {len(want.weights)} aggregated edges, "
              f"{int(sum(want.weights.values()))} relation instances")

        for fmt, (name, found) in FORMATS.items():
            out = str(folder / name) + ("/" if name.endswith("/") else "")
            assert cli.main(["extract", str(corpus), "-o", out, "--format", fmt, *common]) == 0
            for reader in found:
                label = f"{fmt} read by {reader.__name__}"
                if reader.__name__.startswith("graphology") and readers.graphology_missing():
                    checks.report(label, False, readers.graphology_missing())
                    continue
                got = reader(folder / name)
                edge_colours = fmt in COLOURED and reader not in (readers.networkx_gexf,
                                                                   readers.igraph_gexf)
                problems = compare(got, want, fmt in COLOURED, edge_colours)
                checks.report(label, not problems, "; ".join(problems) or
                              f"{len(got.labels)} nodes, {len(got.weights)} edges")

        if SCHEMA.is_file():
            from lxml import etree

            schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
            root = etree.parse(str(folder / "net.gexf")).getroot()
            valid = schema.validate(readers.gexf_schema_view(root))
            checks.report("gexf valid against GEXF 1.3", valid, str(schema.error_log)[:200])

        frame = banlens.to_dataframe(records)
        relations = sum(len(r["relations"]) for r in records)
        checks.report("to_dataframe: one row per relation", len(frame) == relations,
                      f"{len(frame)} rows")

        out = folder / "dropped.graphml"
        assert cli.main(["extract", str(corpus), "-o", str(out), "--drop-isolates",
                         *common]) == 0
        dropped = readers.networkx_graphml(out)
        checks.report("--drop-isolates", set(dropped.labels) == set(want.labels) - isolated
                      and dropped.weights == want.weights, f"{len(dropped.labels)} actors kept")

        page = folder / "net.html"
        assert cli.main(["extract", str(corpus), "-o", str(page), *common]) == 0
        check_page(page, records, checks)
    print(f"{checks.failed} check(s) failed" if checks.failed else "all checks passed")
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main())
