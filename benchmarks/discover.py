"""How good is the draft of ``banlens discover``, and how fast is it?

Quality: the draft made from the texts of a gold set is compared with the
hand-written dictionary of that set (``../shared/gold``: dev with ``actors.yml``,
dev2 with ``dev2-actors.yml``, dev2 split into odd and even document numbers).
Documents' ``actors`` lists say which dictionary actors each text names.

* ``recall@2N``: actors named in >= 2 documents that one of the first 2N draft
  entries matches, over all such actors (N = dictionary actors named in the texts);
* ``p@N``: of the first N draft entries, the share that match some dictionary actor;
* ``dup``: matched actors that more than one draft entry (of the first 2N) matches,
  over matched actors;
* ``type``: matched actors whose first matching entry has the dictionary's type.

A draft entry matches an actor when one of its strings (name or alias) equals one
of the actor's, or the words of one contain the words of the other and the
contained string has >= 5 letters; compared casefolded, hyphens as spaces, a
genitive -s/' dropped from the last word.

Speed: ``banlens discover`` against ``banlens extract`` on the 1,028-article
corpus (``_corpus.py``), whole processes, alternately, ``--repeat`` times; medians.

    python benchmarks/discover.py [--errors dev|dev2-odd] [--repeat 3] [--no-timing]

``--errors`` lists misses and false entries, for dev and dev2-odd only: dev2-even
is the held-out part, of which only the figures are shown.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from _corpus import corpus_path, read_articles

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold"
SETS = {
    "dev": ("dev.jsonl", "actors.yml", None),
    "dev2-odd": ("dev2.jsonl", "dev2-actors.yml", 1),
    "dev2-even": ("dev2.jsonl", "dev2-actors.yml", 0),
}
READABLE_ERRORS = ("dev", "dev2-odd")
TARGETS = {"recall@2N": (">=", 0.80), "p@N": (">=", 0.60), "dup": ("<=", 0.10),
           "type": (">=", 0.80)}


def normalise(text: str) -> tuple[str, ...]:
    words = text.casefold().replace("-", " ").replace("’", "'").split()
    if words:
        last = words[-1]
        for ending in ("'s", "'", "s"):
            if last.endswith(ending) and len(last) > len(ending):
                last = last[: -len(ending)]
                break
        words[-1] = last
    return tuple(words)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def strings_match(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    for longer, shorter in ((a, b), (b, a)):
        letters = sum(c.isalpha() for word in shorter for c in word)
        if len(shorter) <= len(longer) and letters >= 5 and _contains(longer, shorter):
            return True
    return False


def entry_matches(entry: dict, actor: dict) -> bool:
    mine = {normalise(s) for s in (entry["name"], *entry["aliases"])}
    theirs = {normalise(s) for s in (actor.get("name", ""), *actor["aliases"])}
    return any(strings_match(a, b) for a in mine for b in theirs)


def load_set(name: str) -> tuple[list[dict], dict[str, dict]]:
    texts_file, actors_file, parity = SETS[name]
    docs = [json.loads(line) for line in (GOLD / texts_file).read_text("utf-8").splitlines()
            if line.strip()]
    if parity is not None:
        docs = [d for d in docs if int(re.findall(r"\d+", d["id"])[-1]) % 2 == parity]
    actors = yaml.safe_load((GOLD / actors_file).read_text("utf-8"))["actors"]
    return docs, {a["id"]: a for a in actors}


def score(draft: list[dict], docs: list[dict], actors: dict[str, dict]) -> dict:
    named: dict[str, int] = {}
    for doc in docs:
        for actor_id in set(doc["actors"]):
            named[actor_id] = named.get(actor_id, 0) + 1
    n = len(named)
    frequent = [a for a, count in named.items() if count >= 2]
    first_n, first_2n = draft[:n], draft[:2 * n]
    matches = {a: [i for i, e in enumerate(first_2n) if entry_matches(e, actors[a])]
               for a in named}
    matched = [a for a in named if matches[a]]
    precise = [e for e in first_n if any(entry_matches(e, a) for a in actors.values())]
    typed = [a for a in matched if first_2n[matches[a][0]]["type"] == actors[a]["type"]]
    return {
        "documents": len(docs), "N": n, "named_in_2_docs": len(frequent),
        "draft_entries": len(draft),
        "recall@2N": sum(1 for a in frequent if matches[a]) / max(len(frequent), 1),
        "p@N": len(precise) / max(len(first_n), 1),
        "dup": sum(1 for a in matched if len(matches[a]) > 1) / max(len(matched), 1),
        "type": len(typed) / max(len(matched), 1),
        "_matches": matches, "_frequent": frequent, "_named": named,
    }


def run_discover(docs: list[dict]) -> list[dict]:
    sys.path.insert(0, str(REPO / "src"))
    from banlens.discovery import Discoverer

    discoverer = Discoverer()
    for doc in docs:
        discoverer.add(doc["text"])
    return [c.to_record() for c in discoverer.candidates(min_docs=2)]


def print_errors(name: str, draft: list[dict], result: dict, actors: dict[str, dict]) -> None:
    if name not in READABLE_ERRORS:
        sys.exit(f"errors of {name} are not shown (held out); use one of {READABLE_ERRORS}")
    n = result["N"]
    print(f"\n== {name}: misses (named in >= 2 documents, no match in the first {2 * n}) ==")
    for a in result["_frequent"]:
        if not result["_matches"][a]:
            print(f"  {a} ({actors[a]['type']}, {result['_named'][a]} docs): "
                  f"{actors[a]['aliases']}")
    print(f"\n== {name}: first {n} entries that match no dictionary actor ==")
    for i, e in enumerate(draft[:n], 1):
        if not any(entry_matches(e, a) for a in actors.values()):
            print(f"  {i}. {e['name']} ({e['type']}, {e['documents']} docs) {e['aliases']}")
    print(f"\n== {name}: duplicates and wrong types ==")
    for a, hits in result["_matches"].items():
        if len(hits) > 1:
            print(f"  dup {a}: {[draft[i]['name'] for i in hits]}")
        if hits and draft[hits[0]]["type"] != actors[a]["type"]:
            print(f"  type {a}: {draft[hits[0]]['type']} (dictionary: {actors[a]['type']}) "
                  f"cues {draft[hits[0]]['cues']}")


def timing(repeat: int, extract_src: Path) -> dict:
    articles = read_articles(corpus_path())
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.csv"
        with corpus.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "text"])
            writer.writerows([f"article-{i}", text] for i, text in enumerate(articles, 1))
        env = {"PYTHONPATH": str(REPO / "src")}
        import os

        env = {**os.environ, **env}
        commands = {
            "extract": ["env", f"PYTHONPATH={extract_src}", sys.executable, "-m", "banlens",
                        "extract", str(corpus), "-q", "-o",
                        str(Path(tmp) / "graph.graphml"), "--model", "blank"],
            "discover": [sys.executable, "-m", "banlens", "discover", str(corpus), "-q", "-o",
                         str(Path(tmp) / "draft.yml")],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(repeat):
            for name, command in commands.items():
                start = time.perf_counter()
                subprocess.run(command, check=True, env=env, capture_output=True)
                times[name].append(time.perf_counter() - start)
        draft = yaml.safe_load((Path(tmp) / "draft.yml").read_text("utf-8"))
    medians = {name: statistics.median(values) for name, values in times.items()}
    return {"articles": len(articles), "extract_s": medians["extract"],
            "discover_s": medians["discover"],
            "ratio": medians["discover"] / medians["extract"],
            "draft_entries": len(draft["actors"])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", choices=READABLE_ERRORS)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-timing", action="store_true")
    parser.add_argument("--extract-src", type=Path, default=REPO / "src",
                        help="sources of the banlens that runs extract (default: this "
                             "repository's)")
    args = parser.parse_args()
    print(f"{'set':10} {'docs':>4} {'N':>4} {'N2':>4} {'draft':>5} "
          + " ".join(f"{k:>9}" for k in TARGETS))
    for name in SETS:
        docs, actors = load_set(name)
        draft = run_discover(docs)
        result = score(draft, docs, actors)
        print(f"{name:10} {result['documents']:4} {result['N']:4} "
              f"{result['named_in_2_docs']:4} {result['draft_entries']:5} "
              + " ".join(f"{result[k]:9.2f}" for k in TARGETS))
        if args.errors == name:
            print_errors(name, draft, result, actors)
    print("targets:   " + ", ".join(f"{k} {op} {v}" for k, (op, v) in TARGETS.items()))
    if not args.no_timing:
        t = timing(args.repeat, args.extract_src)
        print(f"\ncorpus: {t['articles']} articles (path: {corpus_path()})")
        print(f"banlens extract  {t['extract_s']:6.2f} s  (whole process, median of "
              f"{args.repeat})")
        print(f"banlens discover {t['discover_s']:6.2f} s  -> ratio {t['ratio']:.2f} "
              f"(target <= 1.00), {t['draft_entries']} draft entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
