"""Deal resolution: many reports of one arms deal become one Deal with a timeline."""

from armswatch.resolve.deals import resolve_deals
from armswatch.resolve.windows import DealWindows, load_windows

__all__ = ["DealWindows", "load_windows", "resolve_deals"]
