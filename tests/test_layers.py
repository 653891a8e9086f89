"""Every module of the package has a place in the layer contracts, so none escapes them."""

from __future__ import annotations

import pkgutil
import tomllib
from pathlib import Path

import mockloop

ROOT = Path(__file__).resolve().parent.parent


def test_every_top_level_module_is_in_a_layer() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [layers] = [
        contract["layers"]
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["type"] == "layers"
    ]
    placed = {
        name.strip().removeprefix("mockloop.")
        for layer in layers
        for name in layer.replace("|", ":").split(":")
    }
    modules = {module.name for module in pkgutil.iter_modules(mockloop.__path__)}
    assert modules - placed == set()
