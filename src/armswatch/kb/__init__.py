"""kb: the packaged knowledge base of states, actors, companies and systems."""

from armswatch.kb.loader import KnowledgeBase, NameEntry, SystemRecord, load_kb

__all__ = ["KnowledgeBase", "NameEntry", "SystemRecord", "load_kb"]
