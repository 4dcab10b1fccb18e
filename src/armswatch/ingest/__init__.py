"""ingest: files, folders, JSONL and stdin to RawDocument records."""

from armswatch.ingest.readers import ReadItem, ReadProblem, read_file, read_inputs

__all__ = ["ReadItem", "ReadProblem", "read_file", "read_inputs"]
