"""extract: events with roles, stage, slots and evidence from sentence mentions."""

from armswatch.extract.events import extract_events

__all__ = ["extract_events"]
