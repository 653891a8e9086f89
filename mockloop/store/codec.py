"""Compact storage of code snapshots: zlib, primed with the previous snapshot as dictionary.

A snapshot usually differs from the one before it by a few characters, so compressing it
with the previous version as zlib's preset dictionary stores little more than the edit.
Chains are cut every `MAX_DEPTH` links so reading one snapshot never decodes many others.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

MAX_DEPTH = 32
"""The longest chain of delta-encoded snapshots before a self-contained one is stored."""

ZDICT_LIMIT = 32 * 1024
"""zlib only looks back 32 KiB, so only the tail of a longer base is useful as dictionary."""


def compress(code: str, base: str | None = None) -> bytes:
    """Code as zlib bytes, primed with `base` (the previous snapshot) when given."""
    if base is None:
        compressor = zlib.compressobj(9)
    else:
        dictionary = base.encode("utf-8")[-ZDICT_LIMIT:]
        compressor = zlib.compressobj(9, zdict=dictionary)
    return compressor.compress(code.encode("utf-8")) + compressor.flush()


def decompress(body: bytes, base: str | None = None) -> str:
    """The code stored by `compress(code, base)`."""
    if base is None:
        decompressor = zlib.decompressobj()
    else:
        decompressor = zlib.decompressobj(zdict=base.encode("utf-8")[-ZDICT_LIMIT:])
    return (decompressor.decompress(body) + decompressor.flush()).decode("utf-8")


class CodeCache:
    """Decoded snapshots by digest, resolving delta chains through `fetch(digest)`.

    `fetch` returns `(body, base_digest)` for a stored digest.
    """

    def __init__(self, fetch: Callable[[str], tuple[bytes, str | None]]) -> None:
        self._fetch = fetch
        self._decoded: dict[str, str] = {}

    def code(self, digest: str) -> str:
        """The code with this digest (iteratively, so long chains never recurse deeply)."""
        pending: list[tuple[str, bytes, str | None]] = []
        current: str | None = digest
        while current is not None and current not in self._decoded:
            body, base = self._fetch(current)
            pending.append((current, body, base))
            current = base
        for key, body, base in reversed(pending):
            self._decoded[key] = decompress(body, self._decoded[base] if base else None)
        return self._decoded[digest]

    def remember(self, digest: str, code: str) -> None:
        """Record code already known in clear, e.g. just written."""
        self._decoded[digest] = code
