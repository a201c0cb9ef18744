"""What every benchmark shares: the machine it ran on, where results go, and process-tree memory.

Run benchmarks from the repository root with the project installed; each
script writes ``benchmarks/results/<name>.json`` and ``summarise.py`` turns
the results into the table in ``benchmarks/README.md``.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from importlib.metadata import version
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
SHARED = REPO.parent / "shared"
MOJ_DEV = SHARED / "evaldata" / "twlaw" / "moj-dev.jsonl"
# Every benchmark script imports this module first, so these describe the moment its run started;
# a result is written when the run ends, when the load average is the run's own.
_STARTED = time.gmtime()
_LOAD_AT_START = os.getloadavg()[0]


def machine() -> dict[str, object]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")), platform.processor())
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "pyoxigraph": version("pyoxigraph"),
        "rdflib": version("rdflib"),
        "spacy": version("spacy"),
        "os": f"{platform.system()} {platform.release()}",
        "load_average_1m_at_start": round(_LOAD_AT_START, 2),
    }


def _utc(moment: time.struct_time) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", moment)


def write_result(name: str, data: dict[str, object]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    data = {"benchmark": name, "started": _utc(_STARTED), "when": _utc(time.gmtime()), "machine": machine(), **data}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO)}", file=sys.stderr)
    return path


def percentiles(samples_ms: list[float]) -> dict[str, float]:
    ordered = sorted(samples_ms)
    cut = statistics.quantiles(ordered, n=20, method="inclusive") if len(ordered) > 1 else [ordered[0]] * 19
    return {"p50_ms": round(statistics.median(ordered), 2), "p95_ms": round(cut[18], 2), "runs": len(ordered)}


class TreeMemory:
    """Peak memory of a process and all its descendants (workers included), sampled.

    RSS summed over the tree counts pages the processes share once per
    process, so the tree's proportional set size (PSS: each shared page split
    between its sharers) is sampled too.  The largest process's RSS is also
    kept per quarter of the run: a build whose memory grows with its input
    peaks later and higher in each quarter, a streaming one stays level.
    """

    QUARTERS = 4

    def __init__(self, pid: int, interval: float = 0.05, pss_every: int = 4):
        self.root = psutil.Process(pid)
        self.interval = interval
        self.pss_every = pss_every  # PSS reads smaps, dearer than RSS: every few samples
        self.peak_tree = 0
        self.peak_single = 0
        self.peak_pss_tree = 0
        self._started = time.monotonic()
        self._single_by_time: list[tuple[float, int]] = []
        self._cpu: dict[int, float] = {}  # last CPU seconds seen per process of the tree
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        count = 0
        while not self._stop.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            sizes, pss = [], []
            for process in processes:
                try:
                    sizes.append(process.memory_info().rss)
                    if count % self.pss_every == 0:
                        pss.append(process.memory_full_info().pss)
                    times = process.cpu_times()
                    self._cpu[process.pid] = times.user + times.system
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
            if sizes:
                self.peak_tree = max(self.peak_tree, sum(sizes))
                self.peak_single = max(self.peak_single, max(sizes))
                self._single_by_time.append((time.monotonic() - self._started, max(sizes)))
            if pss:
                self.peak_pss_tree = max(self.peak_pss_tree, sum(pss))
            count += 1
            self._stop.wait(self.interval)

    @property
    def cpu_seconds(self) -> float:
        return sum(self._cpu.values())

    def peak_single_by_quarter(self) -> list[int]:
        """The largest process's peak RSS in each quarter of the run's wall time."""
        if not self._single_by_time:
            return []
        end = self._single_by_time[-1][0] or 1.0
        peaks = [0] * self.QUARTERS
        for at, size in self._single_by_time:
            quarter = min(self.QUARTERS - 1, int(at / end * self.QUARTERS))
            peaks[quarter] = max(peaks[quarter], size)
        return peaks

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def run_cli_measured(args: list[str]) -> dict[str, object]:
    """Run ``tiaoli ARGS`` in a fresh process: wall time, CPU time of the whole tree, peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "tiaoli", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    with TreeMemory(process.pid) as memory:
        out, err = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"tiaoli {' '.join(args)} failed ({process.returncode}):\n{err[-2000:]}")
    return {
        "wall_s": round(wall, 2),
        "cpu_s": round(memory.cpu_seconds, 2),  # parent and workers, sampled: a lower bound
        "peak_rss_tree_mb": round(memory.peak_tree / 2**20, 1),
        "peak_rss_largest_process_mb": round(memory.peak_single / 2**20, 1),
        "peak_pss_tree_mb": round(memory.peak_pss_tree / 2**20, 1),
        "peak_rss_largest_process_by_quarter_mb": [round(b / 2**20, 1) for b in memory.peak_single_by_quarter()],
        # The machine's own paths stay out of the committed results.
        "last_line": (err.strip().splitlines()[-1] if err.strip() else "").replace(str(REPO) + "/", ""),
    }
