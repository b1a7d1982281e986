"""The one place that imports fontTools, which ships without type hints."""

from fontTools.ttLib import TTFont, newTable  # type: ignore[import-untyped]
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable  # type: ignore[import-untyped]

__all__ = ["CmapSubtable", "TTFont", "newTable"]
