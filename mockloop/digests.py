"""Content addresses: the one way code (or notes) is identified in the log and the store."""

from __future__ import annotations

import hashlib


def code_digest(code: str) -> str:
    """The sha256 of a piece of code, as hex; equal text gives an equal digest.

    A lone surrogate (pasted from a broken clipboard, say) is hashed as its code point
    rather than raising: the code is the candidate's, whatever it holds.
    """
    return hashlib.sha256(code.encode("utf-8", "surrogatepass")).hexdigest()
