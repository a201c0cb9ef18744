"""Starting real servers for the tests: ``tiaoli serve`` and a standalone Oxigraph, on free loopback ports."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx

LOOPBACK = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, process: subprocess.Popen, what: str, deadline: float = 60.0) -> None:
    stop = time.monotonic() + deadline
    while time.monotonic() < stop:
        if process.poll() is not None:
            raise AssertionError(f"{what} exited with {process.returncode}: {process.stderr.read() if process.stderr else ''}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{what} did not answer at {url} within {deadline:g} s")


@contextlib.contextmanager
def running(command: list[str], ready_url: str, what: str) -> Iterator[subprocess.Popen]:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        _wait_until_up(ready_url, process, what)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@contextlib.contextmanager
def tiaoli_server(store: Path, *options: str) -> Iterator[str]:
    """``tiaoli serve`` on a free port; yields its base URL (http://127.0.0.1:PORT)."""
    port = free_port()
    base = f"http://{LOOPBACK}:{port}"
    command = [sys.executable, "-m", "tiaoli", "serve", "--store", str(store), "--port", str(port), *options]
    with running(command, base + "/service-description", "tiaoli serve"):
        yield base


def oxigraph_command() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        raise AssertionError("the oxigraph server is missing: pip install 'tiaoli[test]' (it ships the oxigraph command)")
    return found


@contextlib.contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """A standalone Oxigraph server whose default graph is the union of its named graphs; yields its base URL."""
    port = free_port()
    base = f"http://{LOOPBACK}:{port}"
    command = [oxigraph_command(), "serve", "--location", str(location), "--bind", f"{LOOPBACK}:{port}", "--union-default-graph"]
    with running(command, base + "/query?query=ASK%7B%7D", "oxigraph serve"):
        yield base
