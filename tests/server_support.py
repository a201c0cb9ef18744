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


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx

[Parameters]
ServerPort = {host}:{sql_port}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .

[HTTPServer]
ServerPort = {host}:{http_port}
ServerRoot = {folder}
MaxClientConnections = 10
ServerThreads = 10

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@contextlib.contextmanager
def virtuoso_server(folder: Path) -> Iterator[str]:
    """A fresh Virtuoso 7 (Debian's virtuoso-opensource-7-bin) on free loopback ports; yields its base URL.

    Its administrator is dba/dba, as a new database has it; its default graph is every graph.
    """
    binary = shutil.which("virtuoso-t")
    if binary is None:
        raise AssertionError("virtuoso-t is missing: apt-get install -y virtuoso-opensource-7-bin (see .ci/system-packages.sh)")
    folder.mkdir(parents=True, exist_ok=True)
    http_port = free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(folder=folder, host=LOOPBACK, sql_port=free_port(), http_port=http_port), encoding="utf-8")
    base = f"http://{LOOPBACK}:{http_port}"
    with running([binary, "+foreground", "+configfile", str(ini)], base + "/sparql?query=ASK%7B%7D", "virtuoso-t"):
        yield base
