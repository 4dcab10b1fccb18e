"""Read text, HTML and JSONL inputs into RawDocument records.

Every problem with an input becomes a ReadProblem naming the file (and line)
instead of an exception, so a batch always goes on with the rest.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from charset_normalizer import from_bytes

from armswatch.models import RawDocument

_SHORTEST_DATE = 10
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
READABLE_SUFFIXES = HTML_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES
STDIN_NAME = "-"


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """An input that could not be read, or was read with a caveat."""

    source: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        level = "error" if self.fatal else "warning"
        return f"armswatch: {level}: {self.source}: {self.message}"


ReadItem = RawDocument | ReadProblem


def read_inputs(paths: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[ReadItem]:
    """Yield documents and problems from files, folders and `-` (stdin)."""
    for name in paths:
        if name == STDIN_NAME:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_jsonl_or_text("<stdin>", stream.read(), published=None)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_folder(path)
        else:
            yield from read_file(path)


def _read_folder(folder: Path) -> Iterator[ReadItem]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    for path in files:
        if path.suffix.lower() in READABLE_SUFFIXES and not path.name.startswith("."):
            yield from read_file(path)


def read_file(path: Path) -> Iterator[ReadItem]:
    """Yield the documents in one file, or one problem saying why it failed."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_file(path)
        return
    try:
        status = path.stat()
        if status.st_size > MAX_DOCUMENT_BYTES:
            yield ReadProblem(
                source, f"file is {status.st_size} bytes, over the {MAX_DOCUMENT_BYTES} limit"
            )
            return
        payload = path.read_bytes()
    except OSError as exc:
        yield ReadProblem(source, f"cannot read file ({exc.strerror or exc}); check the path")
        return
    modified = dt.datetime.fromtimestamp(status.st_mtime, tz=dt.UTC).date()
    yield from _read_single(source, payload, modified, html=suffix in HTML_SUFFIXES)


def _read_single(
    source: str, payload: bytes, modified: dt.date, *, html: bool
) -> Iterator[ReadItem]:
    decoded = decode_bytes(source, payload)
    if isinstance(decoded, ReadProblem):
        yield decoded
        return
    text, caveat = decoded
    if caveat is not None:
        yield caveat
    if html:
        yield RawDocument(
            id=source, source=source, html=text, published=modified, published_is_file_date=True
        )
    else:
        yield RawDocument(
            id=source, source=source, text=text, published=modified, published_is_file_date=True
        )


def decode_bytes(source: str, payload: bytes) -> tuple[str, ReadProblem | None] | ReadProblem:
    """Decode text, falling back to charset detection for legacy encodings."""
    if not payload.strip():
        return ReadProblem(source, "empty input; nothing to read")
    if _looks_binary(payload):
        return ReadProblem(source, "binary data, not text; pass .txt, .html or .jsonl files")
    try:
        return payload.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    best = from_bytes(payload).best()
    if best is None:
        return ReadProblem(source, "undecodable text; convert it to UTF-8 first")
    note = ReadProblem(source, f"not UTF-8; decoded as {best.encoding}", fatal=False)
    return str(best), note


def _looks_binary(payload: bytes) -> bool:
    head = payload[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def _read_jsonl_file(path: Path) -> Iterator[ReadItem]:
    source = str(path)
    try:
        with path.open("rb") as stream:
            yield from _read_jsonl_lines(source, stream)
    except OSError as exc:
        yield ReadProblem(source, f"cannot read file ({exc.strerror or exc}); check the path")


def _read_jsonl_lines(source: str, lines: Iterable[bytes]) -> Iterator[ReadItem]:
    seen_any = False
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        seen_any = True
        yield _parse_jsonl_line(f"{source}:{number}", raw)
    if not seen_any:
        yield ReadProblem(source, "empty input; nothing to read")


def _parse_jsonl_line(where: str, raw: bytes) -> ReadItem:
    if len(raw) > MAX_DOCUMENT_BYTES:
        return ReadProblem(where, f"line is {len(raw)} bytes, over the {MAX_DOCUMENT_BYTES} limit")
    decoded = decode_bytes(where, raw)
    if isinstance(decoded, ReadProblem):
        return decoded
    try:
        record = json.loads(decoded[0])
    except json.JSONDecodeError as exc:
        return ReadProblem(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
    return record_to_document(where, record)


TEXT_FIELDS = ("text", "body", "content", "article", "maintext")
DATE_FIELDS = ("published", "date", "published_at", "pubDate", "datetime")


def _first_string(record: dict[str, object], fields: tuple[str, ...]) -> str | None:
    return next((v for f in fields if isinstance(v := record.get(f), str)), None)


def record_to_document(where: str, record: object) -> ReadItem:
    """Turn one JSONL object into a RawDocument, checking its fields.

    Common dataset layouts work as they are: the text may be in "text", "body",
    "content", "article" or "maintext" (a "title" is put above it), the date in
    "published", "date", "published_at", "pubDate" or "datetime".
    """
    if not isinstance(record, dict):
        return ReadProblem(where, "a JSONL line must be an object with id and text or html")
    text, html = _first_string(record, TEXT_FIELDS), record.get("html")
    if text is None and not isinstance(html, str):
        return ReadProblem(
            where, f'the object needs a "html" or a text field ({", ".join(TEXT_FIELDS)})'
        )
    title = record.get("title")
    if text is not None and isinstance(title, str) and title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    published = parse_published(_first_string(record, DATE_FIELDS))
    url = record.get("url")
    return RawDocument(
        id=str(record.get("id") or where),
        source=where,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        url=url if isinstance(url, str) else None,
        published=published,
    )


def parse_published(value: object) -> dt.date | None:
    """Parse an ISO, RFC 2822 ("Tue, 24 Oct 2019 ...") or "24-OCT-2019" date; else None."""
    if not isinstance(value, str) or len(value.strip()) < _SHORTEST_DATE:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        pass
    try:
        return dt.datetime.strptime(value[:11], "%d-%b-%Y").date()  # noqa: DTZ007
    except ValueError:
        return None


def _read_jsonl_or_text(
    source: str, payload: bytes, published: dt.date | None
) -> Iterator[ReadItem]:
    """Stdin holds either JSONL (first non-blank char is `{`) or one text page."""
    if payload.lstrip().startswith(b"{"):
        yield from _read_jsonl_lines(source, payload.splitlines())
        return
    decoded = decode_bytes(source, payload)
    if isinstance(decoded, ReadProblem):
        yield decoded
        return
    text, caveat = decoded
    if caveat is not None:
        yield caveat
    is_html = text.lstrip()[:1] == "<"
    yield RawDocument(
        id=source,
        source=source,
        text=None if is_html else text,
        html=text if is_html else None,
        published=published,
    )
