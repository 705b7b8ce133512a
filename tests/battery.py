"""The adversarial input battery: bad inputs of every kind, and what banlens must do.

Each *case* builds inputs in a folder from a few good texts (short sentences written
for the tests, or real articles in ``benchmarks/robustness.py``) and says what must
come out: the documents that must be kept with their exact text, and the items
that must be reported and skipped (file and line). :func:`run_case` runs
``banlens extract`` on them and checks, for every output format asked for:

* no traceback, every line on stderr a one-line ``banlens: ...`` message;
* each bad item named in a ``banlens: skipped: FILE[:LINE]: ...`` line;
* every good document in the output, none more, and unaltered: each actor's and
  each relation's offsets point at the same text in the document as given;
* the summary counts agree (processed = good documents, skipped = bad items);
* the output parses: JSONL line by line, GraphML and GEXF as XML (GEXF also
  against the 1.3 schema when it is at hand), node-link JSON, CSV tables.

The module is not a test file itself: ``tests/test_robustness_*.py`` run the cases
on small texts, ``benchmarks/robustness.py`` on the 10kGNAD corpus.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gzip
import io
import json
import random
import re
import struct
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import yaml
from graph_readers import gexf_schema_view
from lxml import etree

from banlens import cli

ROOT = Path(__file__).resolve().parents[1]
GEXF_SCHEMA = ROOT.parent / "shared" / "schemas" / "gexf-1.3" / "gexf.xsd"
CORPUS = ROOT.parent / "shared" / "corpora" / "10kGNAD-test.csv"
GRAPH_FORMATS = ("graphml", "gexf", "json", "csv")
_SUMMARY = re.compile(r"banlens: (\d+) documents processed, (\d+) skipped, (\d+) problems")

# Control characters a scraped text may carry: C0, DEL, NEL, line/paragraph separators.
CONTROL_CHARS = [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\u2028", "\u2029"]


@dataclass
class Case:
    """Inputs for one run and what must come out of it."""

    name: str
    inputs: list[str]
    good: dict[str, str]  # document id -> its text exactly as given
    bad: list[tuple[str, int | None]] = field(default_factory=list)  # (file, line) skipped
    args: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # must appear in a warning line
    messages: list[str] = field(default_factory=list)  # must appear somewhere on stderr
    exit_code: int | None = None  # default: 0 if there are good documents, else 1


@dataclass
class Outcome:
    """What one run of a case gave, and every way it fell short."""

    case: Case
    code: int
    stderr: str
    records: list[dict[str, Any]]
    failures: list[str]

    @property
    def summary(self) -> tuple[int, int, int]:
        """(processed, skipped, problems) from the summary line of the last run."""
        found = _SUMMARY.findall(self.stderr)
        return tuple(int(n) for n in found[-1]) if found else (0, 0, 0)  # type: ignore

    @property
    def lost(self) -> int:
        """Good documents missing from the output."""
        return len(set(self.case.good) - {record["id"] for record in self.records})


# --- running --------------------------------------------------------------------------


def run_cli(argv: Sequence[str | Path]) -> tuple[int, str, str]:
    """``banlens`` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def run_case(case: Case, out_dir: Path, formats: Sequence[str] = ("jsonl",)) -> Outcome:
    """Run ``banlens extract`` on ``case`` once per format; check everything (module doc)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    failures: list[str] = []
    records: list[dict[str, Any]] = []
    code, stderr = 0, ""
    expected_code = case.exit_code if case.exit_code is not None else (0 if case.good else 1)
    for fmt in ("jsonl", *[f for f in formats if f != "jsonl"]):
        target = out_dir / (f"{case.name}-tables" if fmt == "csv" else f"{case.name}.{fmt}")
        # a trailing slash makes a csv OUT a folder of nodes.csv and edges.csv
        out = f"{target}/" if fmt == "csv" else str(target)
        code, _, stderr = run_cli(["extract", *case.inputs, *case.args, "-o", out,
                                   "--format", fmt])
        where = f"[{case.name}, {fmt}]"
        if code != expected_code:
            failures.append(f"{where} exit code {code}, expected {expected_code}")
        failures += [f"{where} {problem}" for problem in _check_stderr(case, stderr)]
        if not case.good:
            if target.exists() and fmt != "csv":
                failures.append(f"{where} an output was written though nothing was processed")
            continue
        try:
            if fmt == "jsonl":
                records = read_jsonl(target)
                failures += [f"{where} {p}" for p in check_records(case.good, records)]
            else:
                check_graph_file(target, fmt)
        except Exception as err:  # noqa: BLE001 - any failure to parse is a finding
            failures.append(f"{where} output does not parse: {type(err).__name__}: {err}")
    return Outcome(case, code, stderr, records, failures)


def _check_stderr(case: Case, stderr: str) -> list[str]:
    problems = []
    if "Traceback" in stderr:
        problems.append("a traceback was shown")
    lines = stderr.splitlines()
    strays = [line for line in lines if not line.startswith("banlens: ")]
    if strays:
        problems.append(f"stderr lines that are not one-line banlens messages: {strays[:2]!r}")
    skipped = [line for line in lines if line.startswith("banlens: skipped: ")]
    for file, line in case.bad:
        where = f"banlens: skipped: {file}:{line}:" if line else f"banlens: skipped: {file}"
        if not any(entry.startswith(where) for entry in skipped):
            problems.append(f"no 'skipped' message for {file}:{line}")
    if len(skipped) != len(case.bad):
        problems.append(f"{len(skipped)} items reported skipped, expected {len(case.bad)}: "
                        f"{[s[:120] for s in skipped][:4]!r}")
    warnings = [line for line in lines if line.startswith("banlens: warning: ")]
    for text in case.warnings:
        if not any(text in line for line in warnings):
            problems.append(f"no warning mentioning {text!r}")
    for text in case.messages:
        if text not in stderr:
            problems.append(f"stderr does not mention {text!r}")
    summary = _SUMMARY.search(stderr)
    if summary is None:
        problems.append("no summary line")
    else:
        processed, skipped_count = int(summary.group(1)), int(summary.group(2))
        if processed != len(case.good) or skipped_count != len(case.bad):
            problems.append(f"summary says {processed} processed, {skipped_count} skipped; "
                            f"expected {len(case.good)} and {len(case.bad)}")
    return problems


# --- checking outputs -----------------------------------------------------------------


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSONL file, each line parsed on its own (a bad line raises)."""
    records = []
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.endswith(b"\n"):
                raise ValueError(f"line {number} is not terminated")
            record = json.loads(line.decode("utf-8"))
            if not isinstance(record, dict) or {"id", "actors", "relations"} - set(record):
                raise ValueError(f"line {number} is not a banlens record")
            records.append(record)
    return records


def check_records(good: dict[str, str], records: list[dict[str, Any]]) -> list[str]:
    """Every good document once, none more, each unaltered (offsets point at its text)."""
    problems = []
    ids = [record["id"] for record in records]
    if sorted(ids) != sorted(good):
        missing = sorted(set(good) - set(ids))[:3]
        extra = sorted(set(ids) - set(good))[:3]
        problems.append(f"{len(ids)} records for {len(good)} good documents "
                        f"(missing {missing}, unexpected {extra})")
    for record in records:
        text = good.get(record["id"])
        if text is None:
            continue
        for actor in record["actors"]:
            if text[actor["start"]:actor["end"]] != actor["text"]:
                problems.append(f"document {record['id']!r}: actor {actor['text']!r} is not at "
                                f"{actor['start']}:{actor['end']} of the text as given")
                break
        for relation in record["relations"]:
            if text[relation["start"]:relation["end"]] != relation["evidence"]:
                problems.append(f"document {record['id']!r}: evidence is not at "
                                f"{relation['start']}:{relation['end']} of the text as given")
                break
    return problems


def gexf_schema() -> etree.XMLSchema | None:
    """The GEXF 1.3 schema, if the shared folder beside the repository has it."""
    if not GEXF_SCHEMA.is_file():
        return None
    return etree.XMLSchema(etree.parse(str(GEXF_SCHEMA)))


def check_graph_file(target: Path, fmt: str) -> None:
    """Raise if the graph output of ``fmt`` at ``target`` does not parse (or validate)."""
    if fmt == "graphml":
        etree.parse(str(target))
        nx.read_graphml(target)
    elif fmt == "gexf":
        root = etree.parse(str(target))
        schema = gexf_schema()
        if schema is not None:
            # viz elements moved where the shared XSDs declare them (graph_readers)
            schema.assertValid(gexf_schema_view(root.getroot()))
        nx.read_gexf(target)
    elif fmt == "json":
        data = json.loads(target.read_text(encoding="utf-8"))
        nx.node_link_graph(data, edges="edges")
    elif fmt == "csv":
        for name in ("nodes.csv", "edges.csv"):
            with (target / name).open(encoding="utf-8", newline="") as handle:
                rows = list(csv.reader(handle))
            if not rows or any(len(row) != len(rows[0]) for row in rows):
                raise ValueError(f"{name}: ragged or empty table")
    else:
        raise ValueError(f"unknown format {fmt}")


# --- building inputs ------------------------------------------------------------------


def write_jsonl(path: Path, lines: Sequence[Any], encoding: str = "utf-8") -> Path:
    """A JSONL file: dicts are dumped (ASCII escapes), strings written as they are."""
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n"
                   for line in lines)
    path.write_bytes(text.encode(encoding) if encoding != "utf-8-sig" else
                     codecs.BOM_UTF8 + text.encode("utf-8"))
    return path


def png_bytes() -> bytes:
    """A valid one-pixel PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def _pick(texts: Sequence[str], count: int, start: int = 0) -> list[str]:
    return [texts[(start + i) % len(texts)] for i in range(count)]


Builder = Callable[[Path, Sequence[str]], Case]


def case_control_characters(folder: Path, texts: Sequence[str]) -> Case:
    good = {}
    lines = []
    for number, char in enumerate(CONTROL_CHARS):
        base = texts[number % len(texts)]
        middle = len(base) // 2
        text = f"{char}{base[:middle]}{char}{char}{base[middle:]}{char}"
        good[f"ctl{number:02d}"] = text
        lines.append({"id": f"ctl{number:02d}", "text": text})
    path = write_jsonl(folder / "control.jsonl", lines)
    # raw U+0085, U+2028, U+2029 and DEL inside a line (JSON allows them unescaped)
    raw_path = folder / "control-raw.jsonl"
    raw_lines = []
    for char in ("\x7f", "\x85", "\u2028", "\u2029"):
        doc_id = f"raw{ord(char):04x}"
        text = f"{texts[0]}{char}{texts[1 % len(texts)]}"
        good[doc_id] = text
        raw_lines.append(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False))
    write_jsonl(raw_path, raw_lines)
    # as plain text files too (all but NUL, which marks a binary file)
    texts_dir = folder / "control-txt"
    texts_dir.mkdir()
    for number, char in enumerate(CONTROL_CHARS[1:], start=1):
        text = f"{texts[0]}{char}{texts[1 % len(texts)]}"
        (texts_dir / f"c{number:02d}.txt").write_text(text, encoding="utf-8", newline="")
        good[f"c{number:02d}.txt"] = text
    return Case("control-characters", [str(path), str(raw_path), str(texts_dir)], good)


def case_lone_surrogates(folder: Path, texts: Sequence[str]) -> Case:
    text = texts[0]
    line = json.dumps({"id": "s1", "text": text + " \ud800 Ende \udfff"})  # stays \\ud800
    path = write_jsonl(folder / "surrogates.jsonl",
                       [line, {"id": "s2", "text": texts[1 % len(texts)]}])
    return Case("lone-surrogates", [str(path)],
                {"s1": text + " \ufffd Ende \ufffd", "s2": texts[1 % len(texts)]},
                warnings=["lone surrogate"])


def case_encodings(folder: Path, texts: Sequence[str]) -> Case:
    a, b, c = _pick(texts, 3)
    good: dict[str, str] = {}
    inputs = []
    for name, encoding in (("utf16le", "utf-16-le"), ("utf16be", "utf-16-be"),
                           ("utf32", "utf-32"), ("utf8bom", "utf-8")):
        bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
               "utf-8": codecs.BOM_UTF8}.get(encoding, b"")
        path = folder / f"{name}.txt"
        path.write_bytes(bom + a.encode(encoding))
        good[path.name] = a
        inputs.append(str(path))
        jsonl = folder / f"{name}.jsonl"
        jsonl.write_bytes(bom + (json.dumps({"id": f"{name}-j", "text": b},
                                            ensure_ascii=False) + "\n").encode(encoding))
        good[f"{name}-j"] = b
        inputs.append(str(jsonl))
        table = folder / f"{name}.csv"
        buffer = io.StringIO()
        csv.writer(buffer).writerows([["id", "text"], [f"{name}-c", c]])
        table.write_bytes(bom + buffer.getvalue().encode(encoding))
        good[f"{name}-c"] = c
        inputs.append(str(table))
    latin = folder / "latin1.txt"
    latin_text = "Größere Übernahme: Microsoft prüft Tiktok."
    latin.write_bytes(latin_text.encode("latin-1"))
    good["latin1.txt"] = latin_text.encode("latin-1").decode("utf-8", errors="replace")
    broken = folder / "broken-utf8.txt"
    broken.write_bytes(a.encode("utf-8") + b" \xff\xfe kaputt")
    good["broken-utf8.txt"] = a + " \ufffd\ufffd kaputt"
    inputs += [str(latin), str(broken)]
    return Case("encodings", inputs, good, warnings=["invalid UTF-8", "Latin-1"])


def case_binary_files(folder: Path, texts: Sequence[str]) -> Case:
    rng = random.Random(12)
    noise = bytes(rng.randrange(256) for _ in range(4096))
    files = {
        "random.txt": noise,
        "bild.txt": png_bytes(),
        "archiv.jsonl": gzip.compress(json.dumps({"id": "g", "text": texts[0]}).encode()),
        "random.jsonl": noise,
        "bild.csv": png_bytes(),
        "tabelle.csv": gzip.compress(b"id,text\nx,Hallo\n"),
    }
    inputs = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        inputs.append(str(folder / name))
    good_file = folder / "gut.txt"
    good_file.write_text(texts[0], encoding="utf-8")
    inputs.append(str(good_file))
    return Case("binary-files", inputs, {"gut.txt": texts[0]},
                bad=[(str(folder / name), None) for name in files],
                messages=["gzip-compressed", "PNG image", "binary file"])


def case_unusual_text(folder: Path, texts: Sequence[str]) -> Case:
    """Zero-width characters, bidi marks, RTL script, emoji, combining accents, HTML."""
    base = texts[0]
    variants = {
        "zero-width": base.replace("a", "a\u200b", 3).replace("e", "e\u200d", 2)
        + " Micro\u200bsoft und Tik\ufefftok und Byte\u00addance.",
        "zero-width-edges": "\u200bMicrosoft\u200b verhandelt mit \u2060Bytedance\u2060.",
        "rtl": "\u202eMicrosoft\u202c verhandelt mit Bytedance. مرحبا بالعالم. שלום עולם. "
        + base,
        "emoji": "😀 " + base.replace(" ", " 🇩🇪 ", 2) + " 👍🏽🧑‍💻",
        "combining": "U\u0308bernahme durch Microsoft: Tiktok pru\u0308ft. " + base,
        "html": "<p>Microsoft&nbsp;verhandelt mit &quot;Bytedance&quot; &#252;ber "
        "<b>Tiktok</b>.</p><br/><script>alert(1)</script>&amp;&lt;&gt;" + base,
        "long-token": base + " " + "X" * 100_000 + " " + base,
        "entity-run": base + " " + "&amp;" * 2_000 + " " + base,
    }
    lines = [{"id": name, "text": text} for name, text in variants.items()]
    path = write_jsonl(folder / "unusual.jsonl", lines)
    return Case("unusual-text", [str(path)], dict(variants))


def case_empty_documents(folder: Path, texts: Sequence[str]) -> Case:
    path = write_jsonl(folder / "leer.jsonl", [
        {"id": "e1", "text": ""}, {"id": "e2", "text": "   \n\t  "},
        {"id": "ok", "text": texts[0]}, {"id": "e3", "text": "\u2028\u2029\x85"}])
    (folder / "leer.txt").write_text("", encoding="utf-8")
    (folder / "weiss.txt").write_text(" \n\r\n\t ", encoding="utf-8")
    return Case("empty-documents",
                [str(path), str(folder / "leer.txt"), str(folder / "weiss.txt")],
                {"ok": texts[0]},
                bad=[(str(path), 1), (str(path), 2), (str(path), 4),
                     (str(folder / "leer.txt"), None), (str(folder / "weiss.txt"), None)])


def case_tiny_documents(folder: Path, texts: Sequence[str], count: int = 10_000) -> Case:
    words = ["Huawei.", "Tiktok!", "Ja.", "Oracle?", "Trump", "x", "Wien", "1"]
    good = {f"t{i}": words[i % len(words)] for i in range(count)}
    path = write_jsonl(folder / "winzig.jsonl",
                       [{"id": doc_id, "text": text} for doc_id, text in good.items()])
    return Case("tiny-documents", [str(path)], good)


def case_jsonl_containers(folder: Path, texts: Sequence[str]) -> Case:
    a, b, c = _pick(texts, 3)
    path = folder / "kaputt.jsonl"
    lines = [
        json.dumps({"id": "j1", "text": a}),                  # 1 good
        '{"id": "j2", "text": "abgebrochen',                   # 2 broken
        "[1, 2, 3]",                                            # 3 not an object
        "42",                                                   # 4
        '"nur ein Text"',                                       # 5
        "null",                                                 # 6
        json.dumps({"id": "j3"}),                               # 7 no text
        json.dumps({"id": "j4", "text": None}),                 # 8
        json.dumps({"id": "j5", "text": 17}),                   # 9 not a string
        json.dumps({"id": "j6", "text": ["Satz"]}),             # 10
        json.dumps({"id": "j7", "text": {"de": "Satz"}}),       # 11
        json.dumps({"id": "j1", "text": b}),                    # 12 duplicate id: kept as j1~2
        json.dumps({"id": 7, "text": c}),                       # 13 numeric id
        json.dumps({"id": "7", "text": a}),                     # 14 same id as a string: 7~2
        json.dumps({"id": True, "text": a}),                    # 15 id of a wrong type
        "[" * 100_000 + "]" * 100_000,                          # 16 nested too deeply
        json.dumps({"id": "j8", "text": b, "date": "gestern", "title": 5}),  # 17 kept
        "\x00\x01 binär",                                       # 18 NUL bytes
        "",                                                     # 19 blank: ignored
        json.dumps({"text": c}),                                # 20 no id: kaputt:20
    ]
    write_jsonl(path, lines)
    name = str(path)
    return Case("jsonl-containers", [name],
                {"j1": a, "j1~2": b, "7": c, "7~2": a, "j8": b, "kaputt:20": c},
                bad=[(name, n) for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 15, 16, 18)],
                warnings=["duplicate document id 'j1'", "duplicate document id '7'",
                          "not an ISO-8601 date", "field 'title' must be a string"])


def case_jsonl_huge_line(folder: Path, texts: Sequence[str], megabytes: int = 50) -> Case:
    """A line of ``megabytes`` MB that is broken JSON, and one that carries a big extra field."""
    size = megabytes * 1_000_000
    path = folder / "riesig.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "vor", "text": texts[0]}) + "\n")
        handle.write('{"id": "kaputt", "text": "' + "Wort " * (size // 5) + "\n")
        handle.write('{"id": "gross", "anhang": "' + "x" * size + '", "text": '
                     + json.dumps(texts[1 % len(texts)]) + "}\n")
        handle.write(json.dumps({"id": "nach", "text": texts[0]}) + "\n")
    return Case("jsonl-50mb-line", [str(path)],
                {"vor": texts[0], "gross": texts[1 % len(texts)], "nach": texts[0]},
                bad=[(str(path), 2)])


def _csv_file(path: Path, rows: Sequence[Sequence[str]], delimiter: str = ",",
              quotechar: str = '"') -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, quotechar=quotechar).writerows(rows)
    return path


def case_csv_embedded_newlines(folder: Path, texts: Sequence[str]) -> Case:
    a, b = _pick(texts, 2)
    multi = f"{a}\nZweite Zeile; mit Semikolon, Komma und \"Zitat\".\r\n\n{b}"
    path = _csv_file(folder / "zeilen.csv", [["id", "text", "date"], ["z1", multi, "2020-09-19"],
                                             ["z2", b, ""]], delimiter=";")
    return Case("csv-embedded-newlines", [str(path)], {"z1": multi, "z2": b})


def case_csv_ragged_rows_stated(folder: Path, texts: Sequence[str]) -> Case:
    a, b, c = _pick(texts, 3)
    path = _csv_file(folder / "ragged.csv",
                     [["id", "text"], ["r1", a], ["r2", b, "extra"], ["r3"], ["r4", c]])
    name = str(path)
    return Case("csv-ragged-rows-stated", [name], {"r1": a, "r4": c},
                bad=[(name, 3), (name, 4)],
                args=["--csv-delimiter", ",", "--csv-quotechar", '"'])


def case_csv_ragged_rows_detected(folder: Path, texts: Sequence[str]) -> Case:
    a, b, c = _pick(texts, 3)
    path = _csv_file(folder / "ragged.csv",
                     [["id", "text"], ["r1", a], ["r2", b, "extra"], ["r4", c]])
    return Case("csv-ragged-rows-detected", [str(path)], {}, bad=[(str(path), 3)],
                messages=["--csv-delimiter", "--csv-quotechar"])


def case_csv_wrong_delimiter(folder: Path, texts: Sequence[str]) -> Case:
    path = _csv_file(folder / "semikolon.csv", [["id", "text"], ["s1", texts[0]]],
                     delimiter=";")
    return Case("csv-wrong-delimiter", [str(path)], {}, bad=[(str(path), 1)],
                args=["--csv-delimiter", ","], messages=["--csv-delimiter", "no 'text' column"])


def case_csv_missing_text_column(folder: Path, texts: Sequence[str]) -> Case:
    path = _csv_file(folder / "ohne.csv", [["id", "inhalt"], ["s1", texts[0]]])
    good = _csv_file(folder / "mit.csv", [["ID", "Text"], ["m1", texts[1 % len(texts)]]])
    return Case("csv-missing-text-column", [str(path), str(good)],
                {"m1": texts[1 % len(texts)]}, bad=[(str(path), 1)],
                messages=["--text-column"])


def case_csv_no_header(folder: Path, texts: Sequence[str]) -> Case:
    """The 10kGNAD layout: label;text, quoted with ', no header; the file must read exactly."""
    path = folder / "artikel.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        for label, text in zip(["Web", "Inland", "Kultur"], _pick(texts, 3), strict=True):
            handle.write(f"{label};'" + text.replace("'", "''") + "'\n")
    good = {f"artikel:{i + 1}": text for i, text in enumerate(_pick(texts, 3))}
    return Case("csv-no-header", [str(path)], good, args=["--no-header", "--text-column", "2"])


def case_folders(folder: Path, texts: Sequence[str]) -> Case:
    root = folder / "artikel"
    (root / "2020" / "09" / "tief" / "tiefer").mkdir(parents=True)
    (root / "leer").mkdir()
    good = {}
    for number, relative in enumerate(["a.txt", "2020/b.txt", "2020/09/c.txt",
                                       "2020/09/tief/tiefer/d.txt"]):
        text = texts[number % len(texts)]
        (root / relative).write_text(text, encoding="utf-8")
        good[relative] = text
    (root / "notiz.md").write_text("keine Eingabe", encoding="utf-8")
    (root / "2020" / "schleife").symlink_to(root, target_is_directory=True)
    (root / "2020" / "09" / "zurueck").symlink_to(root / "2020", target_is_directory=True)
    (root / "kaputt.txt").symlink_to(root / "gibt-es-nicht.txt")
    # file names a terminal would act on
    odd = "zeile\nneu \x1b[2J.txt"
    (root / odd).write_text(texts[0], encoding="utf-8")
    good[odd] = texts[0]
    (root / "bin\x07.txt").write_bytes(b"\x00\x01")
    return Case("folders", [str(root)], good, bad=[(f"{root}/bin\\x07.txt", None),
                                                   (f"{root}/kaputt.txt", None)])


def big_dictionary(path: Path, count: int) -> list[str]:
    """``count`` made-up organisations with three aliases each; returns their names."""
    syllables = ["ka", "lo", "mi", "ter", "san", "bu", "ro", "fen", "dal", "vi", "nor", "pe"]
    names = []
    for number in range(count):
        word, rest = "", number
        for _ in range(4):
            word += syllables[rest % len(syllables)]
            rest //= len(syllables)
        names.append(f"{word.capitalize()}{number}")
    actors = [{"id": f"akteur_{i}", "name": f"{name} AG", "type": "organization",
               "aliases": [f"{name} AG", name, f"{name}-Konzern"]}
              for i, name in enumerate(names)]
    path.write_text(json.dumps({"actors": actors}) if path.suffix == ".json"
                    else yaml.safe_dump({"actors": actors}, allow_unicode=True),
                    encoding="utf-8")
    return names


TEXT_CASES: list[Builder] = [case_control_characters, case_lone_surrogates, case_encodings,
                             case_binary_files, case_unusual_text, case_empty_documents]
CONTAINER_CASES: list[Builder] = [case_jsonl_containers, case_csv_embedded_newlines,
                                  case_csv_ragged_rows_stated, case_csv_ragged_rows_detected,
                                  case_csv_wrong_delimiter, case_csv_missing_text_column,
                                  case_csv_no_header, case_folders]
