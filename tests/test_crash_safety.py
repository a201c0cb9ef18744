"""kill -9 in the middle of a build leaves the store readable with the previous graph complete."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cli_support import run_cli
from tiaoli.graph.store import GraphStore

LAWS = 80  # half built first, then all: long enough to kill mid-build, short enough for CI


def _write_laws(folder: Path, shared_dir: Path, count: int, *, skip: int = 0) -> None:
    """``count`` real laws from moj-dev as statute text files, one law a file."""
    folder.mkdir(parents=True, exist_ok=True)
    with (shared_dir / "evaldata" / "twlaw" / "moj-dev.jsonl").open(encoding="utf-8") as dump:
        for number, line in enumerate(dump):
            if number < skip:
                continue
            if number >= skip + count:
                break
            law = json.loads(line)
            body = [law["name"], ""]
            for article in law["articles"]:
                body += [article["number"], article["text"], ""]
            (folder / f"{law['pcode']}.txt").write_text("\n".join(body), encoding="utf-8")


def _digest(nquads: bytes) -> str:
    import hashlib

    lines = nquads.count(b"\n")
    return f"{hashlib.sha256(nquads).hexdigest()} ({lines} quads)"


def _generations(store: Path) -> list[str]:
    return sorted(p.name for p in store.iterdir() if p.name.startswith("gen-"))


def _spooling(store: Path) -> bool:
    return any(p.name.endswith(".spool.nq") for p in store.iterdir())


def _kill_when(args: list[str | Path], store: Path, moment) -> bool:
    """Start ``tiaoli build`` and kill -9 it (and its workers) once ``moment(lines, store)`` holds.

    ``lines`` are the progress lines printed so far.  False if the build finished first.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "tiaoli", "build", *map(str, args), "--store", str(store)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stderr), daemon=True)
    reader.start()
    try:
        while process.poll() is None:
            if moment(lines, store):
                os.killpg(process.pid, signal.SIGKILL)  # the build and its worker processes, as a crash would
                process.wait()
                return True
            time.sleep(0.002)
        return False
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        reader.join(timeout=5)


def _new_generation(before: set[str]):
    return lambda lines, store: bool(set(_generations(store)) - before)


def _after_documents(count: int):
    return lambda lines, store: sum(line.startswith("[") for line in lines) >= count


def _bulk_loading():
    """The spool was written and has been handed to the bulk loader (it is removed once loaded)."""
    state = {"spooled": False}

    def moment(lines, store):
        if _spooling(store):
            state["spooled"] = True
            return False
        return state["spooled"] and "built" not in "".join(lines)

    return moment


@pytest.mark.slow
@pytest.mark.timeout(1500)
def test_kill_9_during_a_build_or_a_rebuild_leaves_the_previous_graph(tmp_path, shared_dir):
    laws = tmp_path / "laws"
    _write_laws(laws, shared_dir, LAWS // 2)
    store = tmp_path / "store"
    run_cli("build", laws, "--kind", "statute", "--store", store, "--jobs", "1", check=True)
    previous = GraphStore(store).dump_nquads()
    assert previous.count(b"\n") > 10_000

    live_now = {"generation": GraphStore(store).live_generation(), "digest": _digest(previous), "documents": LAWS // 2}

    def still_previous() -> None:
        """Readable, and holding either the graph that was live before the killed build or, when
        the kill came after the build's atomic switch, the build's whole graph: never a mixture."""
        reopened = GraphStore(store)
        live = reopened.live_generation()
        dump = reopened.dump_nquads()
        documents = len(list(reopened.query("SELECT ?d WHERE { ?d a tl:SourceDocument }").raw))
        reopened.close()
        if live == live_now["generation"]:
            assert _digest(dump) == live_now["digest"], "the live graph changed under a killed build"
            assert documents == live_now["documents"]
        else:  # the build had switched generations before the kill: it must be complete
            assert documents == LAWS, "a killed build left a partial graph live"
            live_now.update(generation=live, digest=_digest(dump), documents=documents)

    _write_laws(laws, shared_dir, LAWS // 2, skip=LAWS // 2)  # twice the laws: a long rebuild
    killed = 0
    moments = {
        "1": (_new_generation(set(_generations(store))), _after_documents(5), _after_documents(LAWS - 10), _bulk_loading()),
        "2": (_new_generation(set(_generations(store))), _after_documents(5)),
    }
    for jobs, kills in moments.items():
        for moment in kills:
            killed += _kill_when([laws, "--kind", "statute", "--jobs", jobs, "--full"], store, moment)
            still_previous()
    assert killed >= 5  # the bulk-load moment may pass unseen on a fast machine; the others cannot

    first_law = sorted(laws.iterdir())[0]  # an incremental rebuild: one law edited, the others as they were
    first_law.write_text(first_law.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    for moment in (_new_generation(set(_generations(store))), _after_documents(1)):
        _kill_when([laws, "--kind", "statute"], store, moment)
        still_previous()

    done = run_cli("build", laws, "--kind", "statute", "--store", store, check=True)
    if live_now["documents"] == LAWS // 2:  # no killed build had got as far as its switch
        assert f"{LAWS // 2 - 1} unchanged, 1 changed, {LAWS // 2} new, 0 removed" in done.stderr
    else:
        assert "0 removed" in done.stderr
    assert len(_generations(store)) == 1  # partial generations the kills left are removed
    assert GraphStore(store).dump_nquads() != previous
