"""Errors a user can act on.  Each names the file and what is wrong with it."""

from __future__ import annotations


class TiaoliError(Exception):
    """Base class: printed as one line by the CLI, never as a traceback."""


class InputError(TiaoliError):
    """A source document cannot be read or understood."""

    def __init__(self, path: str, problem: str, *, position: str | None = None, hint: str | None = None):
        self.path = str(path)
        self.problem = problem
        self.position = position
        self.hint = hint
        where = f"{self.path}:{position}" if position else self.path
        message = f"{where}: {problem}"
        if hint:
            message += f" ({hint})"
        super().__init__(message)


class UnknownKindError(InputError):
    def __init__(self, path: str, detail: str = "cannot tell what kind of document this is"):
        super().__init__(path, detail, hint="pass --kind statute|due-diligence-report|legco-paper")
