"""One test per crash the fuzzer found, each with its minimal input.

A crash is any exception other than InputError naming the file.  Each test
runs the minimal input through the same path the fuzzer did (load, every
kind's parser, the RDF mapping) and, where it names one, the exact function
that crashed.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import NamedNode

from test_fuzz import load_parse_and_map
from tiaoli.graph import iri


def _fuzz_input(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_a_control_character_in_a_title_still_mints_valid_iris(tmp_path):
    # Found by test_arbitrary_unicode…: text '\x1b' became a statute titled ESC, and
    # minting the act's IRI from its title raised ValueError (invalid IRI code point).
    assert iri.segment("\x1b") == "_"
    assert iri.segment("商業\x7f會計") == "商業-會計"
    NamedNode(iri.mint("act", "\x1b\ufffe\ue000"))
    load_parse_and_map(_fuzz_input(tmp_path, "escape.txt", b"\x1b"))


def test_a_clause_of_only_a_comma_is_typed_without_crashing(tmp_path):
    # Found by the long run of test_arbitrary_unicode…: text ',' read as a statute made a
    # clause with no segment, and is_scope took the last of an empty list (IndexError).
    from tiaoli.extract.parsers.statute.norms import is_scope

    assert is_scope(",", None) is False
    load_parse_and_map(_fuzz_input(tmp_path, "comma.txt", b","))
