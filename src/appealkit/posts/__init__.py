"""Posts: counting as each platform counts (count), entities (entities), building (build)."""

from .count import LIMITS, PLATFORMS, fits, length

__all__ = ["LIMITS", "PLATFORMS", "fits", "length"]
