"""Telegram Desktop channel exports that we write: text entities, forwards, service and media-only messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from incidex.errors import FormatError
from incidex.ingest import ReadFailure, read_paths
from incidex.ingest.telegram import telegram_items
from incidex.types import Document

# 2024-06-16 21:30:00 UTC is 2024-06-17 00:30 in Moscow: the date is the UTC one
SUNDAY_NIGHT = "1718573400"


def message(number: int, **fields: object) -> dict:
    return {"id": number, "type": "message", "date": "2024-06-17T00:30:00", "date_unixtime": SUNDAY_NIGHT,
            "from": "Channel 42", "from_id": "channel1042", **fields}


def entities(*parts: tuple[str, str]) -> dict:
    """A message's ``text`` and ``text_entities`` as Telegram Desktop writes them."""
    listed = [{"type": kind, "text": text} for kind, text in parts]
    return {"text": [text if kind == "plain" else {"type": kind, "text": text} for kind, text in parts],
            "text_entities": listed}


EXPORT = {
    "name": "Channel 42",
    "type": "public_channel",
    "id": 1042,
    "messages": [
        {"id": 1, "type": "service", "date": "2024-06-01T10:00:00", "date_unixtime": "1717236000",
         "actor": "Channel 42", "action": "create_channel", "title": "Channel 42", "text": "", "text_entities": []},
        message(2, **entities(("bold", "Explosion in Belgorod."), ("plain", " Two people were injured, "),
                              ("text_link", "the governor said"), ("plain", ". "), ("hashtag", "#Belgorod"))),
        message(3, forwarded_from="Regional News", **entities(("plain", "Drone debris fell on a school roof."))),
        message(4, photo="photos/photo_4@17-06-2024_00-31-00.jpg", width=1280, height=720, text="",
                text_entities=[]),
        message(5, file="video_files/clip.mp4", media_type="video_file", mime_type="video/mp4",
                **entities(("plain", "Footage from the scene of the blast."))),
        {"id": 6, "type": "service", "date": "2024-06-17T01:00:00", "date_unixtime": "1718575200",
         "actor": "Channel 42", "action": "pin_message", "message_id": 2, "text": "", "text_entities": []},
    ],
}


def write_export(folder: Path, export: dict = EXPORT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "result.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    (folder / "photos").mkdir(exist_ok=True)
    (folder / "photos" / "photo_4@17-06-2024_00-31-00.jpg").write_bytes(b"\xff\xd8\xff not really a jpeg")
    return folder


def test_each_message_with_text_is_a_document_of_the_channel(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "ChatExport_2024-06-17")
    results = list(read_paths([folder]))
    documents = [r for r in results if isinstance(r, Document)]
    assert [d.text for d in documents] == [
        "Explosion in Belgorod. Two people were injured, the governor said. #Belgorod",
        "Drone debris fell on a school roof.",
        "Footage from the scene of the blast.",
    ]
    first = documents[0]
    assert (first.source, first.source_kind, first.published) == ("Channel 42", "social_media", "2024-06-16")
    assert first.origin == f"{folder}/result.json:message 2"
    assert first.url is None  # the export does not say the channel's username
    assert documents[1].forwarded_from == "Regional News" and first.forwarded_from is None


def test_service_and_media_only_messages_are_skipped_with_their_reason(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export")
    skipped = [r for r in read_paths([folder]) if isinstance(r, ReadFailure)]
    assert all(r.skipped for r in skipped)
    reasons = {r.origin.rsplit(" ", 1)[-1]: r.error.message for r in skipped}
    assert sorted(reasons) == ["1", "4", "6"]
    assert "service message (create_channel)" in reasons["1"]
    assert "media (photo) without text" in reasons["4"]
    assert "service message (pin_message)" in reasons["6"]


def test_the_media_files_of_an_export_folder_are_not_read(tmp_path: Path) -> None:
    write_export(tmp_path / "corpus" / "export")
    (tmp_path / "corpus" / "report.txt").write_text("A report beside the export.", encoding="utf-8")
    origins = [r.origin for r in read_paths([tmp_path / "corpus"])]
    assert not any("photos" in origin for origin in origins)
    assert origins[-1] == str(tmp_path / "corpus" / "report.txt")
    assert len(origins) == 7  # six messages and the report


def test_a_known_username_gives_each_post_its_url_and_ids_are_message_ids(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export")
    items = telegram_items(folder / "result.json", max_bytes=10_000, username="@channel42", name="C42",
                           kind="state_media")
    assert [item.item_id for item in items] == ["1", "2", "3", "4", "5", "6"]
    post = items[1].read()
    assert isinstance(post, Document)
    assert (post.url, post.source, post.source_kind) == ("https://t.me/channel42/2", "C42", "state_media")


def test_a_username_in_the_export_is_used(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export", {**EXPORT, "username": "chan42"})
    documents = [r for r in read_paths([folder]) if isinstance(r, Document)]
    assert documents[0].url == "https://t.me/chan42/2"


def test_a_message_over_the_size_limit_fails_alone(tmp_path: Path) -> None:
    export = {**EXPORT, "messages": [message(1, text="x" * 500, text_entities=[{"type": "plain", "text": "x" * 500}]),
                                     message(2, text="Short.", text_entities=[{"type": "plain", "text": "Short."}])]}
    folder = write_export(tmp_path / "export", export)
    big, short = read_paths([folder], max_bytes=100)
    assert isinstance(big, ReadFailure) and "over the limit" in big.error.message and not big.skipped
    assert isinstance(short, Document)


def test_a_full_account_export_is_read_chat_by_chat(tmp_path: Path) -> None:
    other = {**EXPORT, "name": "Other", "id": 7, "messages": [message(2, **entities(("plain", "Other post.")))]}
    folder = write_export(tmp_path / "export", {"about": "...", "chats": {"about": "...", "list": [EXPORT, other]}})
    items = telegram_items(folder / "result.json", max_bytes=10_000)
    assert [item.item_id for item in items][-2:] == ["1042/6", "7/2"]
    last = items[-1].read()
    assert isinstance(last, Document) and last.source == "Other"


def test_json_that_is_no_export_is_skipped_and_broken_json_fails(tmp_path: Path) -> None:
    (tmp_path / "gold.json").write_text('{"incidents": []}', encoding="utf-8")
    (tmp_path / "result.json").write_text('{"messages": [', encoding="utf-8")
    broken, = read_paths([tmp_path / "result.json"])
    assert isinstance(broken, ReadFailure) and not broken.skipped and "not valid JSON" in broken.error.message
    other, = read_paths([tmp_path / "gold.json"])
    assert isinstance(other, ReadFailure) and other.skipped and "not a Telegram Desktop export" in other.error.message
    with pytest.raises(FormatError, match="not a Telegram Desktop export"):
        telegram_items(tmp_path / "gold.json", max_bytes=10_000)


def test_a_date_that_is_no_date_is_kept_unknown_with_a_warning_and_the_export_goes_on(tmp_path: Path) -> None:
    export = {**EXPORT, "messages": [
        message(1, date_unixtime="99999999999999999999", text="Shelling hit a market in the town centre."),
        {**message(2, text="A drone struck a fuel depot overnight."), "date": "notadate", "date_unixtime": None},
        message(3, text="Two people were injured in the blast."),
    ]}
    read = list(read_paths([write_export(tmp_path / "export", export)]))
    assert [type(item) for item in read] == [Document, Document, Document]
    assert [item.published for item in read] == [None, None, "2024-06-16"]
    assert "'date_unixtime 99999999999999999999' is not a date" in read[0].warnings[0]
    assert "'notadate' is not a date" in read[1].warnings[0] and read[2].warnings == []
