from __future__ import annotations

import io
import json
from pathlib import Path

from armswatch.ingest import ReadProblem, read_inputs, readers
from armswatch.models import RawDocument

ARTICLE = "Poland signed a contract for 18 K9 howitzers on Monday."


def _read(paths: list[str], stdin: bytes = b"") -> list[RawDocument | ReadProblem]:
    return list(read_inputs(paths, stdin=io.BytesIO(stdin)))


def test_text_file_uses_path_as_id_and_flags_file_date(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    [doc] = _read([str(page)])
    assert isinstance(doc, RawDocument)
    assert doc.id == str(page)
    assert doc.text == ARTICLE
    assert doc.published is not None
    assert doc.published_is_file_date


def test_jsonl_lines_become_documents_and_bad_lines_are_named(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    good = {"id": "a1", "text": ARTICLE, "published": "2022-12-07", "url": "https://example.org/a1"}
    feed.write_text(
        json.dumps(good)
        + "\n{not json\n"
        + json.dumps({"id": "x"})
        + "\n"
        + json.dumps(good)
        + "\n",
        encoding="utf-8",
    )
    items = _read([str(feed)])
    docs = [i for i in items if isinstance(i, RawDocument)]
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert [d.id for d in docs] == ["a1", "a1"]
    assert docs[0].published is not None
    assert docs[0].published.isoformat() == "2022-12-07"
    assert [p.source for p in problems] == [f"{feed}:2", f"{feed}:3"]
    assert "malformed JSON" in problems[0].message
    assert '"html" or a text field (text, body' in problems[1].message


def test_common_dataset_layouts_are_read_as_they_are(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "bbc", "title": "Jets for Egypt", "body": ARTICLE, "date": "2022-12-07"},
        {"id": "rss", "content": ARTICLE, "pubDate": "Wed, 07 Dec 2022 10:00:00 +0000"},
        {"id": "reuters", "text": ARTICLE, "date": "26-FEB-1987 15:01:01.79"},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    bbc, rss, reuters = _read([str(feed)])
    assert isinstance(bbc, RawDocument)
    assert isinstance(rss, RawDocument)
    assert isinstance(reuters, RawDocument)
    assert bbc.text == f"Jets for Egypt\n\n{ARTICLE}"
    assert rss.text == ARTICLE
    assert [str(d.published) for d in (bbc, rss, reuters)] == [
        "2022-12-07",
        "2022-12-07",
        "1987-02-26",
    ]


def test_html_jsonl_record_keeps_html(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "h", "html": "<p>Hi there.</p>"}) + "\n", encoding="utf-8")
    [doc] = _read([str(feed)])
    assert isinstance(doc, RawDocument)
    assert doc.html == "<p>Hi there.</p>"
    assert doc.text is None


def test_empty_binary_and_missing_files_fail_alone(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    items = _read([str(empty), str(binary), str(tmp_path / "missing.txt"), str(good)])
    problems = [i for i in items if isinstance(i, ReadProblem)]
    assert [Path(p.source).name for p in problems] == ["empty.txt", "junk.txt", "missing.txt"]
    assert "empty" in problems[0].message
    assert "binary" in problems[1].message
    assert all(p.fatal for p in problems)
    assert isinstance(items[-1], RawDocument)
    assert str(problems[0]).startswith("armswatch: error: ")
    assert "\n" not in str(problems[1])


def test_legacy_encodings_are_decoded_with_a_warning(tmp_path: Path) -> None:
    cyrillic = tmp_path / "ru.txt"
    text = "Россия поставила Сербии зенитный ракетный комплекс Панцирь-С1 в рамках учений. " * 3
    cyrillic.write_bytes(text.encode("cp1251"))
    latin = tmp_path / "de.txt"
    latin.write_bytes(
        "Die Bundeswehr erhält Panzerhaubitzen für die Übung in Litauen.".encode("latin-1")
    )
    items = _read([str(cyrillic), str(latin)])
    warnings = [i for i in items if isinstance(i, ReadProblem)]
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert len(docs) == 2
    assert docs[0].text is not None
    assert "Панцирь" in docs[0].text
    assert docs[1].text is not None
    assert "Übung" in docs[1].text
    assert all(not w.fatal and "not UTF-8" in w.message for w in warnings)


def test_huge_jsonl_line_is_rejected_and_batch_goes_on(tmp_path: Path) -> None:
    feed = tmp_path / "big.jsonl"
    huge = json.dumps({"id": "big", "text": "x" * (readers.MAX_DOCUMENT_BYTES + 10)})
    feed.write_text(
        huge + "\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n", encoding="utf-8"
    )
    items = _read([str(feed)])
    assert isinstance(items[0], ReadProblem)
    assert items[0].source == f"{feed}:1"
    assert "over the" in items[0].message
    assert isinstance(items[1], RawDocument)


def test_stdin_accepts_jsonl_or_plain_text() -> None:
    [doc] = _read(["-"], stdin=ARTICLE.encode())
    assert isinstance(doc, RawDocument)
    assert doc.text == ARTICLE
    jsonl = (json.dumps({"id": "s1", "text": ARTICLE}) + "\n").encode()
    [doc] = _read(["-"], stdin=jsonl)
    assert isinstance(doc, RawDocument)
    assert doc.id == "s1"


def test_folder_reads_known_suffixes_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(f"<p>{ARTICLE}</p>", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"\x89PNG\r\n")
    items = _read([str(tmp_path)])
    assert sorted(Path(i.source).name for i in items) == ["a.txt", "b.html"]
