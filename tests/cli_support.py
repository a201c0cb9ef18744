"""Running the real ``tiaoli`` command line in a subprocess, as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(
    *args: str | Path, cwd: Path | None = None, check: bool = False, timeout: float = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``env`` adds variables to this process's environment for the command."""
    result = subprocess.run(
        [sys.executable, "-m", "tiaoli", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env={**os.environ, **env} if env else None,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"tiaoli {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result
