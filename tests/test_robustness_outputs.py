"""Outputs: refused before any work when they cannot be written, never left half-written.

A missing folder, a file where a folder should be, a read-only folder: exit 2 at
once, before the pipeline loads. A full disk during the run: exit 1, no partial
file, no temporary file left, the previous file kept. A run killed with SIGKILL
leaves the output absent or as it was. Two runs writing one path leave one whole
output. Cases that need root (a tmpfs mount) skip with the reason.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import battery
import pytest

import banlens
from banlens import cli

TEXT = "Microsoft verhandelt mit Bytedance über eine Übernahme von Tiktok. Huawei klagt."
SRC = Path(banlens.__file__).resolve().parents[1]


@pytest.fixture
def no_pipeline(monkeypatch):
    """Fail the test if the pipeline is loaded: the check must come first."""
    monkeypatch.setattr(cli, "_load", lambda *a, **k: pytest.fail("pipeline loaded"))


@pytest.fixture
def shared_pipeline(cli_uses_session_pipeline):
    """The CLI reuses the session pipeline (see conftest.py)."""


def corpus(folder: Path, count: int = 300) -> Path:
    return battery.write_jsonl(folder / "korpus.jsonl",
                               [{"id": f"d{i}", "text": f"{TEXT} Nummer {i}."}
                                for i in range(count)])


def mount_tmpfs(folder: Path, options: str) -> None:
    """Mount a tmpfs on ``folder`` or skip the test, saying why."""
    folder.mkdir(exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip() or result.returncode}")


@pytest.fixture
def mounts():
    mounted: list[Path] = []
    yield mounted
    for folder in mounted:
        subprocess.run(["umount", str(folder)], capture_output=True)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- refused before any work ---------------------------------------------------------------


@pytest.mark.parametrize("make_output, words", [
    (lambda tmp: tmp / "fehlt" / "netz.graphml", "does not exist"),
    (lambda tmp: tmp / "fehlt" / "tief" / "tabellen/", "does not exist"),
    (lambda tmp: tmp / "datei.txt" / "netz.gexf", "is not a folder"),
    (lambda tmp: tmp / "ordner", "it is a folder"),
    (lambda tmp: tmp / "netz.xyz", "cannot tell the output format"),
])
def test_unwritable_output_is_refused_at_once(tmp_path, no_pipeline, make_output, words):
    (tmp_path / "datei.txt").write_text("x", encoding="utf-8")
    (tmp_path / "ordner").mkdir()
    target = make_output(tmp_path)
    argv = ["extract", corpus(tmp_path, 2), "-o", f"{target}/" if str(target).endswith(
        "tabellen") else target]
    if target.name == "ordner":
        argv += ["--format", "graphml"]
    code, _, err = battery.run_cli(argv)
    assert code == 2 and words in err
    assert len(err.splitlines()) == 1 and err.startswith("banlens: error: ")


def test_read_only_folder_by_permissions(tmp_path, no_pipeline):
    if os.geteuid() == 0:
        pytest.skip("root ignores permission bits (the read-only mount test covers root)")
    folder = tmp_path / "nur-lesen"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        code, _, err = battery.run_cli(["extract", corpus(tmp_path, 2), "-o",
                                        folder / "netz.graphml"])
    finally:
        folder.chmod(0o755)
    assert code == 2 and "does not take new files" in err


def test_read_only_mount(tmp_path, no_pipeline, mounts):
    folder = tmp_path / "ro"
    mount_tmpfs(folder, "ro,size=64k")
    mounts.append(folder)
    code, _, err = battery.run_cli(["extract", corpus(tmp_path, 2), "-o",
                                    folder / "netz.graphml"])
    assert code == 2 and "does not take new files" in err and "Read-only" in err


# --- failing during the run ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "graphml", "gexf"])
def test_full_disk_leaves_no_partial_file(tmp_path, shared_pipeline, mounts, fmt):
    folder = tmp_path / "voll"
    mount_tmpfs(folder, "size=64k")
    mounts.append(folder)
    target = folder / f"netz.{fmt}"
    target.write_text("vorher\n", encoding="utf-8")
    # one edge per instance: the file is larger than the 64 kB the folder holds
    code, _, err = battery.run_cli(["extract", corpus(tmp_path), "-o", target, "--instances"])
    assert code == 1
    assert "Traceback" not in err
    assert f"banlens: error: cannot write {target}: No space left on device" in err
    assert target.read_text(encoding="utf-8") == "vorher\n"
    assert leftovers(folder) == []


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    return env


def start_extract(inputs: Path, output: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "banlens", "extract", str(inputs), "-o",
                             str(output), "--model", "blank", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=subprocess_env())


def test_kill_9_mid_run_leaves_the_output_as_it_was(tmp_path):
    """Killed while writing: the previous output stays (or none, if there was none)."""
    target = tmp_path / "netz.jsonl"
    before = "vorher\n"
    target.write_text(before, encoding="utf-8")
    process = start_extract(corpus(tmp_path, 20_000), target)
    deadline = time.monotonic() + 60
    while not leftovers(tmp_path) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the run ended before it could be killed"
    time.sleep(0.5)  # well into writing
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert target.read_text(encoding="utf-8") == before


def test_two_runs_writing_one_path_leave_one_whole_output(tmp_path):
    """Two runs' writers interleaved on purpose: the second starts after the first has
    written half and finishes first; the first finishes last. The file is then the
    whole output of the first, never a mix (the real two-process race runs in
    benchmarks/robustness.py)."""
    target = tmp_path / "netz.jsonl"
    half_written, second_done = threading.Event(), threading.Event()

    def stream(prefix: str, count: int, pause: bool):
        for number in range(count):
            if pause and number == count // 2:
                half_written.set()
                assert second_done.wait(timeout=30)
            yield {"id": f"{prefix}{number}", "actors": [], "relations": []}

    def run(prefix: str, count: int, pause: bool) -> None:
        summary = cli.Summary(processed=count)
        cli.write_jsonl_stream(stream(prefix, count, pause), str(target), summary)

    first = threading.Thread(target=run, args=("a", 200, True))
    first.start()
    assert half_written.wait(timeout=30)
    run("b", 150, False)
    assert [json.loads(line)["id"] for line in target.read_text().splitlines()] == [
        f"b{i}" for i in range(150)]
    second_done.set()
    first.join(timeout=30)
    assert [json.loads(line)["id"] for line in target.read_text().splitlines()] == [
        f"a{i}" for i in range(200)]
    assert leftovers(tmp_path) == []
