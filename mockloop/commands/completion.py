"""Shell-completion values for `--company`, `--level`, `--focus` and `--problem`.

Called by the shell on Tab through typer's completion; the catalog is read only then, and
a broken user pack completes nothing rather than printing a traceback into the prompt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockloop.catalog import Catalog

LEVEL_NAMES = ("junior", "mid", "senior", "staff")


def matching(values: Iterable[str], incomplete: str) -> list[str]:
    """The values that start with what was typed, sorted."""
    typed = incomplete.lower()
    return sorted(value for value in set(values) if value.lower().startswith(typed))


def from_catalog(pick: Callable[[Catalog], Iterable[str]], incomplete: str) -> list[str]:
    """Values from the catalog that match; nothing when the catalog cannot be read."""
    try:
        from mockloop.interviews import catalog

        return matching(pick(catalog()), incomplete)
    except Exception:  # completion must never break the user's prompt
        return []


def companies(incomplete: str) -> list[str]:
    """Persona ids, e.g. google."""
    return from_catalog(lambda catalog: catalog.personas, incomplete)


def levels(incomplete: str) -> list[str]:
    """The four level names."""
    return matching(LEVEL_NAMES, incomplete)


def focuses(incomplete: str) -> list[str]:
    """The interview focuses that have a rubric (coding, behavioral, system-design)."""
    return from_catalog(
        lambda catalog: (rubric.focus for rubric in catalog.rubrics.values()),
        incomplete,
    )


def problems(incomplete: str) -> list[str]:
    """Problem slugs, e.g. two-sum."""
    return from_catalog(lambda catalog: catalog.problems, incomplete)
