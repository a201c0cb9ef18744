"""Corpus manifests: what a folder's documents are, so nothing has to be guessed.

A manifest is ``manifest.toml`` in a corpus folder::

    [[document]]
    id = "tw-business-entity-accounting-act-2009"   # optional; the file name otherwise
    file = "003_c9028c36c3eddfe8.txt"
    kind = "statute"
    title = "商業會計法"
    issuer = "總統府"
    date = "2009-06-03"
    language = "zh-Hant-TW"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .model import DocumentMeta

MANIFEST_NAME = "manifest.toml"
_META_KEYS = {"kind", "title", "issuer", "date", "language"}


@dataclass(frozen=True)
class ManifestEntry:
    path: Path
    doc_id: str | None
    meta: DocumentMeta


def read_manifest(folder: Path) -> dict[Path, ManifestEntry]:
    """Entries of ``folder/manifest.toml`` keyed by resolved file path; empty if there is none."""
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return {}
    try:
        data = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(str(manifest), f"is not valid TOML: {exc}") from exc
    entries: dict[Path, ManifestEntry] = {}
    for number, item in enumerate(data.get("document", []), start=1):
        if "file" not in item:
            raise InputError(str(manifest), f"document entry {number} has no 'file'")
        path = (folder / item["file"]).resolve()
        if not path.is_file():
            raise InputError(str(manifest), f"document entry {number} names {item['file']!r}, which does not exist")
        extra = {k: str(v) for k, v in item.items() if k not in _META_KEYS | {"file", "id"}}
        meta = DocumentMeta(**{k: (str(item[k]) if k in item else None) for k in _META_KEYS}, extra=extra)
        entries[path] = ManifestEntry(path, item.get("id"), meta)
    return entries
