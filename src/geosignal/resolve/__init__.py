"""Actor resolution: every mention in the text resolved to a KB actor or kept as text."""

from __future__ import annotations

from .resolver import run

__all__ = ["run"]
