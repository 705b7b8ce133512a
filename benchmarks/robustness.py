"""The adversarial battery on the real corpus, and the heavy cases, with counts.

On ``../shared/corpora/10kGNAD-test.csv`` (1,028 German news articles; see
``_corpus.py``):

1. every case of ``tests/battery.py`` with real articles as the good texts, each
   run to JSONL, GraphML, GEXF, JSON and CSV tables and checked as in the tests;
2. the whole corpus in every container (a folder of .txt, JSONL, UTF-16 JSONL,
   CSV with a header, CSV in its native form ``label;text`` with ``'`` and no
   header), each run compared record by record with the plain JSONL run;
3. the whole corpus as JSONL with every article disturbed (control characters,
   zero-width characters, emoji, HTML, a 100k-character token, ...) and a bad line
   after every 50th article: every article must come out, unaltered;
4. 10,000 tiny documents and a 50 MB JSONL line;
5. documents of 2 and 20 million characters: time and peak RSS, each in a process
   of its own, against the peak RSS of a run on a 100-character document;
6. a dictionary of 50,000 actors: time to load it and build the pipeline;
7. two ``banlens extract`` processes writing one output path at the same time.

Prints, per case, documents in (good + bad items), out, skipped and lost (good
documents missing from the output: must be 0), and every failure found. Run from
the repository root::

    .venv/bin/python benchmarks/robustness.py [--quick] [--sizes 2000000,20000000]

``--quick`` leaves out 5 to 7. The machine should be otherwise idle for the timings.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _corpus import corpus_path, read_articles

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

import battery  # noqa: E402  (the battery lives with the tests)

DISTURB = [
    lambda t: "\x00\x01" + t.replace(" ", " \x0b", 3) + "\x7f\x85\u2028\u2029",
    lambda t: t.replace("e", "e\u200b", 5).replace("a", "a\u00ad", 3),
    lambda t: "\u202e" + t + "\u202c مرحبا שלום",
    lambda t: "😀 " + t.replace(". ", ". 👍🏽 ", 3) + " 🧑‍💻",
    lambda t: t.replace("ü", "u\u0308").replace("ö", "o\u0308"),
    lambda t: "<p>" + t.replace(" ", "&nbsp;", 4) + "</p><br/>&amp;&lt;&gt;",
    lambda t: t + " " + "Y" * 100_000,
    lambda t: "\ufeff" + t + "\r\n",
]


def section(title: str) -> None:
    print(f"\n## {title}\n", flush=True)


def use_one_pipeline() -> None:
    """banlens extract runs in this process; load the default pipeline once."""
    import banlens
    from banlens import cli

    nlp = banlens.load("blank")
    real = cli._load

    def load(model, actors, relations, resolve_references=True):
        if model in ("auto", "blank") and actors is None and relations is None \
                and resolve_references:
            return nlp
        return real(model, actors, relations, resolve_references)

    cli._load = load


def report(outcome: battery.Outcome, started: float) -> tuple[int, int]:
    case = outcome.case
    total_in = len(case.good) + len(case.bad)
    _, skipped, _ = outcome.summary
    print(f"| {case.name} | {total_in} | {len(outcome.records)} | {skipped} | "
          f"{outcome.lost} | {len(outcome.failures)} | {time.perf_counter() - started:.1f} s |",
          flush=True)
    for failure in outcome.failures:
        print(f"    FAILURE {failure[:300]}")
    return outcome.lost, len(outcome.failures)


def run_battery(texts: list[str], work: Path) -> tuple[int, int, int]:
    section("1. The battery with real articles (every output format)")
    print("| case | in | out | skipped | lost | failures | time |\n|---|---|---|---|---|---|---|")
    lost = failures = cases = 0
    sample = texts[:60]
    builders = battery.TEXT_CASES + battery.CONTAINER_CASES
    for number, builder in enumerate(builders):
        folder = work / f"case{number}"
        (folder / "in").mkdir(parents=True)
        started = time.perf_counter()
        case = builder(folder / "in", sample)
        outcome = battery.run_case(case, folder / "out", ("jsonl", *battery.GRAPH_FORMATS))
        lost_here, failed_here = report(outcome, started)
        lost, failures, cases = lost + lost_here, failures + failed_here, cases + 1
    return lost, failures, cases


def containers(texts: list[str], work: Path) -> tuple[int, int]:
    """The corpus in every container; each run must equal the plain JSONL run."""
    section("2. The whole corpus in every container, compared with the JSONL run")
    folder = work / "containers"
    (folder / "txt").mkdir(parents=True)
    ids = [f"a{i:04d}" for i in range(len(texts))]
    plain = battery.write_jsonl(folder / "plain.jsonl",
                                [{"id": i, "text": t} for i, t in zip(ids, texts, strict=True)])
    for doc_id, text in zip(ids, texts, strict=True):
        (folder / "txt" / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
    wide = folder / "utf16.jsonl"
    wide.write_bytes(codecs.BOM_UTF16_LE + "".join(
        json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n"
        for i, t in zip(ids, texts, strict=True)).encode("utf-16-le"))
    header = folder / "kopf.csv"
    battery._csv_file(header, [["id", "text"], *zip(ids, texts, strict=True)], delimiter=";")
    native = corpus_path()
    runs = {
        "jsonl": ([plain], [], lambda i: ids[i]),
        "folder of .txt": ([folder / "txt"], [], lambda i: f"{ids[i]}.txt"),
        "UTF-16 JSONL": ([wide], [], lambda i: ids[i]),
        "CSV with header (sniffed)": ([header], [], lambda i: ids[i]),
        "10kGNAD native (sniffed)": ([native], ["--no-header", "--text-column", "2"], None),
        "10kGNAD native (stated)": ([native], ["--no-header", "--text-column", "2",
                                               "--csv-delimiter", ";",
                                               "--csv-quotechar", "'"], None),
    }
    print("| input | documents | differing from JSONL | problems | time |\n|---|---|---|---|---|")
    reference: list[dict] | None = None
    differing_total = 0
    for name, (inputs, args, id_of) in runs.items():
        out = folder / "out.jsonl"
        started = time.perf_counter()
        code, _, err = battery.run_cli(["extract", *inputs, *args, "-o", out])
        elapsed = time.perf_counter() - started
        records = battery.read_jsonl(out) if code == 0 else []
        problems = sum(line.startswith(("banlens: skipped", "banlens: warning"))
                       for line in err.splitlines())
        if reference is None:
            reference = records
        differing = 0
        for number, (record, expected) in enumerate(zip(records, reference, strict=False)):
            wrong_id = id_of is not None and record["id"] != id_of(number)
            differing += wrong_id or _without_id(record) != _without_id(expected)
        differing += abs(len(reference) - len(records))
        differing_total += differing
        print(f"| {name} | {len(records)} | {differing} | {problems} | {elapsed:.1f} s |",
              flush=True)
    return differing_total, len(texts)


def _without_id(record: dict) -> dict:
    return {key: value for key, value in record.items() if key != "id"}


def disturbed(texts: list[str], work: Path) -> tuple[int, int]:
    section("3. Every article disturbed, a bad line after every 50th")
    folder = work / "disturbed"
    folder.mkdir()
    good, lines, bad = {}, [], []
    for number, text in enumerate(texts):
        doc_id = f"s{number:04d}"
        good[doc_id] = DISTURB[number % len(DISTURB)](text)
        lines.append(json.dumps({"id": doc_id, "text": good[doc_id]}, ensure_ascii=False))
        if number % 50 == 49:
            lines.append('{"id": "kaputt", "text": "abgebrochen')
            bad.append(len(lines))
    path = battery.write_jsonl(folder / "gestoert.jsonl", lines)
    case = battery.Case("disturbed-corpus", [str(path)], good, bad=[(str(path), n) for n in bad])
    print("| case | in | out | skipped | lost | failures | time |\n|---|---|---|---|---|---|---|")
    started = time.perf_counter()
    outcome = battery.run_case(case, folder / "out", ("jsonl", "graphml", "gexf"))
    return report(outcome, started)


def heavy_inputs(texts: list[str], work: Path) -> tuple[int, int]:
    section("4. 10,000 tiny documents, a 50 MB JSONL line")
    print("| case | in | out | skipped | lost | failures | time |\n|---|---|---|---|---|---|---|")
    lost = failures = 0
    for name, builder in (("tiny", battery.case_tiny_documents),
                          ("huge-line", battery.case_jsonl_huge_line)):
        folder = work / name
        (folder / "in").mkdir(parents=True)
        started = time.perf_counter()
        case = builder(folder / "in", texts)
        outcome = battery.run_case(case, folder / "out", ("jsonl", "graphml"))
        lost_here, failed_here = report(outcome, started)
        lost, failures = lost + lost_here, failures + failed_here
    return lost, failures


LONG_DOCUMENT = """
import resource, sys, time
import banlens
from banlens.corpus import Document, iter_records
size = int(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
text = (text * (size // len(text) + 1))[:size]
nlp = banlens.load("blank")
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
records = list(iter_records(nlp, [Document("lang", text)]))
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(size, elapsed, loaded, peak, len(records[0]["actors"]), len(records[0]["relations"]))
"""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    return env


def long_documents(texts: list[str], sizes: list[int], work: Path) -> None:
    section("5. Long documents (each in its own process)")
    source = work / "artikel.txt"
    source.write_text("\n\n".join(texts), encoding="utf-8")
    print("| characters | time | chars/s | RSS after loading | peak RSS | actors | relations |")
    print("|---|---|---|---|---|---|---|")
    for size in [100, *sizes]:
        result = subprocess.run([sys.executable, "-c", LONG_DOCUMENT, str(size), str(source)],
                                capture_output=True, text=True, env=child_env())
        if result.returncode != 0:
            print(f"| {size:,} | FAILED: {result.stderr.strip().splitlines()[-1:]} |")
            continue
        _, elapsed, loaded, peak, actors, relations = result.stdout.split()
        print(f"| {size:,} | {float(elapsed):.1f} s | {size / max(float(elapsed), 1e-9):,.0f} | "
              f"{int(loaded) // 1024} MB | {int(peak) // 1024} MB | {int(actors):,} | "
              f"{int(relations):,} |", flush=True)


BIG_DICTIONARY = """
import sys, time
import banlens
started = time.perf_counter()
dictionary = banlens.load_dictionary(sys.argv[1])
parsed = time.perf_counter() - started
nlp = banlens.load("blank", actors=dictionary)  # the same as actors=path, parsed once
total = time.perf_counter() - started
doc = nlp(sys.argv[2] + " verhandelt mit " + sys.argv[3] + " über Tiktok.")
print(len(dictionary), parsed, total, " ".join(s.kb_id_ for s in doc.spans["banlens_actors"]))
"""


def big_dictionary(work: Path, count: int = 50_000) -> None:
    section(f"6. A dictionary of {count:,} actors")
    print("| format | actors | read and check the file | + build the pipeline | found |\n"
          "|---|---|---|---|---|")
    for suffix in (".yml", ".json"):
        path = work / f"akteure{suffix}"
        names = battery.big_dictionary(path, count)
        result = subprocess.run([sys.executable, "-c", BIG_DICTIONARY, str(path), names[7],
                                 names[-1]], capture_output=True, text=True, env=child_env())
        if result.returncode != 0:
            print(f"| {suffix} | FAILED: {result.stderr.strip().splitlines()[-1:]} |")
            continue
        size, parsed, total, *found = result.stdout.split()
        print(f"| {suffix} | {int(size):,} | {float(parsed):.1f} s | {float(total):.1f} s | "
              f"{' '.join(found)} |", flush=True)


def concurrent_runs(texts: list[str], work: Path) -> None:
    section("7. Two processes writing one output path")
    folder = work / "race"
    folder.mkdir()
    first = battery.write_jsonl(folder / "a.jsonl", [{"id": f"a{i}", "text": t}
                                                      for i, t in enumerate(texts[:300])])
    second = battery.write_jsonl(folder / "b.jsonl", [{"id": f"b{i}", "text": t}
                                                       for i, t in enumerate(texts[300:500])])
    for fmt in ("jsonl", "graphml"):
        target = folder / f"netz.{fmt}"
        runs = [subprocess.Popen([sys.executable, "-m", "banlens", "extract", str(src), "-o",
                                  str(target), "--model", "blank", "-q"], env=child_env(),
                                 stderr=subprocess.PIPE) for src in (first, second)]
        codes = [run.wait() for run in runs]
        if fmt == "jsonl":
            ids = {json.loads(line)["id"][0] for line in target.read_text().splitlines()}
            whole = ids in ({"a"}, {"b"}) and len(target.read_text().splitlines()) in (300, 200)
        else:
            battery.check_graph_file(target, fmt)
            whole = True
        left = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
        print(f"- {fmt}: exit codes {codes}, output whole and from one run: {whole}, "
              f"temporary files left: {len(left)}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="leave out sections 5 to 7")
    parser.add_argument("--sizes", default="2000000,20000000",
                        help="long document sizes in characters (default: 2M and 20M)")
    args = parser.parse_args()
    texts = read_articles()
    use_one_pipeline()
    print(f"# Robustness battery on {corpus_path().name} ({len(texts):,} articles)")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="banlens-robustness-") as tmp:
        work = Path(tmp)
        lost, failures, cases = run_battery(texts, work)
        differing, compared = containers(texts, work)
        lost_d, failed_d = disturbed(texts, work)
        lost_h, failed_h = heavy_inputs(texts, work)
        lost, failures = lost + lost_d + lost_h, failures + failed_d + failed_h
        if not args.quick:
            long_documents(texts, [int(s) for s in args.sizes.split(",") if s], work)
            big_dictionary(work)
            concurrent_runs(texts, work)
    section("Summary")
    print(f"- battery cases: {cases + 3}, failures: {failures}, documents lost: {lost}")
    print(f"- container runs of {compared:,} articles differing from the JSONL run: {differing}")
    print(f"- total time: {time.perf_counter() - started:.0f} s")
    return 1 if failures or lost or differing else 0


if __name__ == "__main__":
    sys.exit(main())
