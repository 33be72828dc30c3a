"""Shared fixtures: where the shared data lives, and skipping cleanly when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"
EXAMPLES = ROOT / "examples" / "corpus"


def need(path: Path) -> Path:
    """Skip the calling test when a piece of ../shared is not there."""
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared is not beside the project)")
    return path
