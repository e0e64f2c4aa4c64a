"""Readers: every input kind, the sample article's layout, and every kind of bad input."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from knowledge.errors import ReadError
from knowledge.models import Article
from knowledge.readers import MAX_DOCUMENT_BYTES, read_document, read_paths
from knowledge.readers.html import html_to_text
from knowledge.readers.normalise import normalise_text, parse_date

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "knowledge" / "samples" / "aa-2026-02-03-us-iran-istanbul-talks.txt"
FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def articles(items: object) -> list[Article]:
    assert isinstance(items, list)
    return [item for item in items if isinstance(item, Article)]


def errors(items: object) -> list[ReadError]:
    assert isinstance(items, list)
    return [item for item in items if isinstance(item, ReadError)]


def read_one(path: Path | str) -> Article:
    items = list(read_paths([str(path)]))
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, Article), item
    return item


def read_error(path: Path | str) -> ReadError:
    items = list(read_paths([str(path)]))
    assert len(items) == 1, items
    item = items[0]
    assert isinstance(item, ReadError), item
    return item


# --------------------------------------------------------------------------- plain text


def test_sample_article_layout_is_read_exactly() -> None:
    article = read_one(SAMPLE)

    assert article.title == (
        "US, Iran set for rare Istanbul talks amid rising military tensions: Reports"
    )
    assert article.authors == ("Gizem Nisa Demir",)
    assert article.published == datetime(2026, 2, 3, tzinfo=UTC)
    assert article.published is not None and article.published.tzinfo is not None
    assert article.updated == datetime(2026, 2, 3, tzinfo=UTC)
    assert article.dateline == "ISTANBUL"
    assert article.source == "Anadolu Agency"
    assert article.standfirst is not None
    assert article.standfirst.startswith("Senior officials from Washington, Tehran")
    assert article.text.startswith("Senior officials from the US and Iran")
    assert "subscription" not in article.text
    assert "Anadolu" not in article.text
    assert article.text.endswith("according to the WSJ.")


def test_sample_article_pull_quote_and_header_are_not_body_text() -> None:
    article = read_one(SAMPLE)

    paragraphs = article.text.split("\n\n")
    assert "‘US strike on Iran would export chaos’" not in paragraphs
    assert "World" not in paragraphs
    assert not any("| 03.02.2026" in p for p in paragraphs)
    assert article.title not in article.text
    assert "\xa0" not in article.text
    assert len(paragraphs) == 8


def test_sample_article_id_is_stable_and_content_derived() -> None:
    first = read_one(SAMPLE)
    again = list(read_document(SAMPLE.name, SAMPLE.read_bytes()))

    assert articles(again)[0].id == first.id
    changed = SAMPLE.read_bytes().replace(b"Friday", b"Saturday")
    assert articles(list(read_document(SAMPLE.name, changed)))[0].id != first.id


def test_wire_story_layout_with_by_line_outlet_inline_dateline_and_credits() -> None:
    article = read_one(FIXTURES / "wire-story.txt")

    assert article.title == "Parliament approves new budget after marathon session"
    assert article.standfirst == (
        "Lawmakers passed the spending plan by a narrow margin, ending weeks of deadlock"
    )
    assert article.authors == ("Maria Keller", "Tom Brandt")
    assert article.published == datetime(2025, 3, 14, tzinfo=UTC)
    assert article.source == "Reuters"
    assert article.dateline == "LONDON"
    assert article.text.startswith("Parliament approved the government's budget")
    assert "Weeks of deadlock" not in article.text
    assert "Editing by" not in article.text
    assert article.text.endswith("challenge several measures in court.")


def test_plain_text_takes_first_short_line_as_title_and_joins_wrapped_lines() -> None:
    article = read_one(FIXTURES / "plain.txt")

    assert article.title == "Harbour strike enters second week"
    assert article.text == (
        "Dock workers in the port city extended their strike on Monday, union leaders said. "
        "The action has halted most container traffic.\n\n"
        "Talks with employers are expected to resume on Wednesday."
    )
    assert article.authors == ()
    assert article.published is None
    assert article.source is None
    assert article.dateline is None


def test_plain_text_without_title_keeps_every_line_as_body() -> None:
    data = (
        b"The central bank raised interest rates on Thursday, citing persistent inflation.\n\n"
        b"Markets had expected the move."
    )
    [article] = articles(list(read_document("note.txt", data)))

    assert article.text.startswith("The central bank raised interest rates")
    assert article.text.endswith("Markets had expected the move.")
    assert (
        article.title
        == "The central bank raised interest rates on Thursday, citing persistent inflation."
    )


def test_quoted_paragraph_with_full_stop_is_body_not_a_pull_quote() -> None:
    data = (
        "Talks resume\n\nThe envoy arrived on Monday.\n\n"
        "“We will not back down.”\n\nOfficials declined to comment."
    ).encode()
    [article] = articles(list(read_document("quote.txt", data)))

    assert "“We will not back down.”" in article.text.split("\n\n")


def test_sentence_opening_with_by_is_not_a_byline() -> None:
    data = (
        b"Deadline passes\n\nBy Monday, officials said the talks had failed.\n\n"
        b"Negotiators left the capital."
    )
    [article] = articles(list(read_document("by.txt", data)))

    assert article.authors == ()
    assert article.text.startswith("By Monday, officials said")


def test_all_caps_dateline_line_under_plain_title() -> None:
    data = (
        b"Ceasefire holds in border town\n\nKYIV\n\n"
        b"A fragile ceasefire held overnight, officials said."
    )
    [article] = articles(list(read_document("dateline.txt", data)))

    assert article.dateline == "KYIV"
    assert article.text == "A fragile ceasefire held overnight, officials said."


# --------------------------------------------------------------------------- HTML


def test_html_page_gives_title_date_author_site_url_and_clean_body() -> None:
    article = read_one(FIXTURES / "page.html")

    assert article.title == "Ministers agree to resume border talks"
    assert article.authors == ("Lena Okafor",)
    assert article.published == datetime(2025, 3, 4, tzinfo=UTC)
    assert article.source == "Harbour Gazette"
    assert article.url == "https://gazette.example/world/border-talks"
    assert article.dateline == "GENEVA"
    assert article.text.startswith("Foreign ministers from both countries agreed on Tuesday")
    assert "Home" not in article.text
    assert "All rights reserved" not in article.text
    assert article.text.count("\n\n") == 2


def test_html_page_id_derives_from_its_url() -> None:
    data = (FIXTURES / "page.html").read_bytes()
    [first] = articles(list(read_document("a.html", data)))
    [edited] = articles(list(read_document("b.html", data.replace(b"observers", b"guests"))))

    assert first.id == edited.id


def test_html_without_an_article_is_an_error() -> None:
    error = read_error(FIXTURES / "no-article.html")

    assert error.reason == "no article text found"
    assert error.path.endswith("no-article.html")


# --------------------------------------------------------------------------- feeds


def test_rss_entries_are_deduplicated_and_use_full_content() -> None:
    items = list(read_paths([str(FIXTURES / "feed.rss")]))

    assert errors(items) == []
    doha, summit = articles(items)
    assert doha.title == "Envoys meet in Doha for ceasefire talks"
    assert doha.text == (
        "Envoys from both sides met in Doha on Tuesday for ceasefire talks hosted by Qatar."
        "\n\n“The talks were constructive,” a mediator said."
    )
    assert doha.published == datetime(2025, 3, 4, 8, 30, tzinfo=UTC)
    assert doha.url == "https://wire.example/doha-talks"
    assert doha.authors == ("Omar Haddad",)
    assert doha.source == "Reuters"
    assert summit.text == "The regional summit planned for Friday was postponed, organisers said."
    assert summit.published == datetime(2025, 3, 5, 18, 0, tzinfo=UTC)
    assert doha.id != summit.id


def test_atom_entry_prefers_content_over_summary() -> None:
    [article] = articles(list(read_paths([str(FIXTURES / "feed.atom")])))

    assert article.title == "Talks end without a deal"
    assert article.text == (
        "Negotiators left Vienna on Thursday without a deal.\n\nThey plan to meet again next month."
    )
    assert article.published == datetime(2025, 3, 6, 9, 0, tzinfo=UTC)
    assert article.source == "Harbour Gazette"
    assert article.authors == ("Lena Okafor",)


def test_malformed_feed_is_an_error() -> None:
    error = read_error(FIXTURES / "malformed.rss")

    assert error.reason.startswith("malformed feed")
    assert "\n" not in str(error)


# --------------------------------------------------------------------------- JSON Lines


def test_jsonl_keeps_ids_and_reports_bad_lines_by_number() -> None:
    items = list(read_paths([str(FIXTURES / "corpus.jsonl")]))

    first, last = articles(items)
    assert first.id == "dev-1"
    assert first.title == "Leaders meet in Cairo"
    assert first.text == "Leaders met in Cairo on Monday.\n\nThey discussed trade."
    assert first.published == datetime(2015, 10, 21, tzinfo=UTC)
    assert first.authors == ("Ana Silva", "Ben Cole")
    assert first.source == "Reuters"
    assert first.url == "http://example.com/a"
    assert last.id == "dev-4"
    assert last.title == "Summit planned"
    assert last.text == "A summit is planned for June.\n\nIt will be held in Rome."
    assert last.published is None
    assert [(e.line, e.reason.split(" (")[0]) for e in errors(items)] == [
        (2, "malformed JSON"),
        (3, "no text"),
        (4, "expected a JSON object, got list"),
    ]
    assert all(e.path.endswith("corpus.jsonl") for e in errors(items))
    assert str(errors(items)[0]).endswith(
        "corpus.jsonl:2: malformed JSON (Unterminated string starting at column 49)"
    )


def test_jsonl_streams_lines_across_the_sniffing_boundary(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    records = [
        {"id": f"a{n}", "title": f"Item {n}", "text": f"Body {n}. " + "word " * 120}
        for n in range(400)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert path.stat().st_size > 3 * 64 * 1024

    items = list(read_paths([str(path)]))

    assert errors(items) == []
    assert [a.id for a in articles(items)] == [f"a{n}" for n in range(400)]


def test_jsonl_line_with_too_long_text_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    lines = [
        json.dumps({"id": "huge", "title": "x", "text": "word " * 300_000}),
        json.dumps({"id": "ok", "title": "y", "text": "Short body."}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")

    items = list(read_paths([str(path)]))

    assert [a.id for a in articles(items)] == ["ok"]
    [error] = errors(items)
    assert error.line == 1
    assert error.reason.startswith("text too long")


def test_jsonl_missing_id_gets_a_stable_derived_id() -> None:
    data = b'{"title": "T", "text": "Body.", "url": "https://x.example/1"}\n'
    [first] = articles(list(read_document("x.jsonl", data)))
    [again] = articles(list(read_document("y.jsonl", data.replace(b"Body.", b"Body, edited."))))

    assert first.id == again.id
    assert first.id


# --------------------------------------------------------------------------- paths, stdin


def test_directory_is_read_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second story\n\nBody two.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First story\n\nBody one.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden\n\nNot read.", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("Git\n\nNot read.", encoding="utf-8")

    items = list(read_paths([str(tmp_path)]))

    assert [a.title for a in articles(items)] == ["First story", "Second story"]
    assert errors(items) == []


def test_dash_reads_standard_input() -> None:
    stdin = io.BytesIO(b'{"id": "s1", "title": "From a pipe", "text": "Piped body."}\n')

    [article] = articles(list(read_paths(["-"], stdin=stdin)))

    assert article.id == "s1"


def test_dash_without_standard_input_is_an_error() -> None:
    [error] = errors(list(read_paths(["-"])))

    assert error.reason == "standard input is not available"


def test_one_bad_path_does_not_stop_the_batch(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"

    items = list(read_paths([str(missing), str(FIXTURES / "plain.txt")]))

    assert isinstance(items[0], ReadError)
    assert str(items[0]) == f"{missing}: no such file or directory"
    assert isinstance(items[1], Article)


# --------------------------------------------------------------------------- bad input


def test_empty_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"  \n\n")

    assert read_error(tmp_path / "empty.txt").reason == "empty file"
    assert read_error(tmp_path / "blank.jsonl").reason == "empty file"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"abc\x00\x01\x02def" * 100, id="nul-bytes"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, id="png"),
        pytest.param(b"%PDF-1.7\n" + b"stream\n" * 10, id="pdf"),
        pytest.param(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 200 + b"text", id="control-chars"),
    ],
)
def test_binary_file_is_an_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(data)

    error = read_error(path)

    assert error.reason == "binary file"
    assert str(error) == f"{path}: binary file"


def test_latin1_file_is_decoded_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Réunion à Genève\n\nLe ministre a déclaré « non ».".encode("latin-1"))

    article = read_one(path)

    assert article.title == "Réunion à Genève"
    assert article.text == "Le ministre a déclaré « non »."


def test_cp1252_smart_quotes_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Talks\n\n“Yes,” he said – twice.".encode("cp1252"))

    assert read_one(path).text == "“Yes,” he said – twice."


def test_twenty_megabyte_text_is_rejected_quickly(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        line = b"All work and no play makes a very long article indeed.\n"
        stream.write(line * (20 * 2**20 // len(line) + 1))

    error = read_error(path)

    assert error.reason.startswith("file too large (20.0 MB")


def test_twenty_megabyte_document_in_memory_is_rejected() -> None:
    data = b"word " * (4 * 2**20)

    [error] = list(read_document("upload.txt", data))

    assert isinstance(error, ReadError)
    assert error.reason.startswith("file too large")
    assert len(data) > MAX_DOCUMENT_BYTES


# --------------------------------------------------------------------------- read_document sniffing


@pytest.mark.parametrize(
    ("name", "fixture", "title"),
    [
        pytest.param("upload", "page.html", "Ministers agree to resume border talks", id="html"),
        pytest.param("upload", "feed.atom", "Talks end without a deal", id="atom"),
        pytest.param("upload", "plain.txt", "Harbour strike enters second week", id="text"),
        pytest.param("upload", "corpus.jsonl", "Leaders meet in Cairo", id="jsonl"),
    ],
)
def test_read_document_sniffs_the_kind_from_bytes(name: str, fixture: str, title: str) -> None:
    items = list(read_document(name, (FIXTURES / fixture).read_bytes()))

    assert articles(items)[0].title == title


def test_read_document_with_url_uses_it_for_the_id() -> None:
    data = (FIXTURES / "plain.txt").read_bytes()
    [first] = articles(list(read_document("a", data, url="https://x.example/strike")))
    [edited] = articles(
        list(read_document("b", data + b"\n\nUpdate.", url="https://x.example/strike"))
    )

    assert first.url == "https://x.example/strike"
    assert first.id == edited.id


# --------------------------------------------------------------------------- normalisation, dates


def test_normalise_text_gives_nfc_plain_spaces_and_paragraph_breaks() -> None:
    raw = "Cafe\u0301\u00a0talks\tbegin\u200b.\r\nStill one paragraph.\r\n\r\n\r\nSecond  one. "

    assert normalise_text(raw) == "Café talks begin. Still one paragraph.\n\nSecond one."


def test_normalise_text_without_blank_lines_keeps_each_line_a_paragraph() -> None:
    assert normalise_text("One.\nTwo.\n") == "One.\n\nTwo."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2026-02-03", datetime(2026, 2, 3, tzinfo=UTC), id="iso-date"),
        pytest.param("2026-02-03T10:15:00Z", datetime(2026, 2, 3, 10, 15, tzinfo=UTC), id="iso-z"),
        pytest.param(
            "2026-02-03T10:15:00+03:00",
            datetime(2026, 2, 3, 10, 15, tzinfo=timezone(timedelta(hours=3))),
            id="iso-offset",
        ),
        pytest.param("2026-02-03 10:15", datetime(2026, 2, 3, 10, 15, tzinfo=UTC), id="iso-naive"),
        pytest.param(
            "Tue, 03 Feb 2026 10:15:00 GMT", datetime(2026, 2, 3, 10, 15, tzinfo=UTC), id="rfc822"
        ),
        pytest.param(
            "Tue, 03 Feb 2026 10:15:00 +0100",
            datetime(2026, 2, 3, 9, 15, tzinfo=UTC),
            id="rfc822-tz",
        ),
        pytest.param("03.02.2026", datetime(2026, 2, 3, tzinfo=UTC), id="dd.mm.yyyy"),
        pytest.param("3 February 2026", datetime(2026, 2, 3, tzinfo=UTC), id="day-month"),
        pytest.param("Feb. 3, 2026", datetime(2026, 2, 3, tzinfo=UTC), id="month-day"),
        pytest.param("Tuesday, February 3, 2026", datetime(2026, 2, 3, tzinfo=UTC), id="weekday"),
        pytest.param("31.02.2026", None, id="impossible-day"),
        pytest.param("next week", None, id="words"),
        pytest.param(None, None, id="none"),
    ],
)
def test_parse_date(text: str | None, expected: datetime | None) -> None:
    parsed = parse_date(text)

    assert parsed == expected
    if parsed is not None:
        assert parsed.tzinfo is not None


# --------------------------------------------------------------------------- other outlets' layouts


def read_text_document(text: str) -> Article:
    [article] = articles(list(read_document("story.txt", text.encode())))
    return article


def test_wire_layout_with_shouted_byline_date_line_and_agency_dateline() -> None:
    article = read_text_document(
        "Leaders to meet in Bali ahead of summit\n"
        "By JANE MILLER and OMAR FARUK\n"
        "November 13, 2022\n\n"
        "PHNOM PENH, Cambodia (AP) — The two leaders will meet on Monday, officials said.\n\n"
        "Copyright 2022 The Associated Press. All rights reserved.\n"
    )

    assert article.title == "Leaders to meet in Bali ahead of summit"
    assert article.authors == ("Jane Miller", "Omar Faruk")
    assert article.published == datetime(2022, 11, 13, tzinfo=UTC)
    assert article.dateline == "PHNOM PENH"
    assert article.source == "Associated Press"
    assert article.text == "The two leaders will meet on Monday, officials said."


def test_author_line_with_role_above_a_date_line_is_the_byline() -> None:
    article = read_text_document(
        "Nuclear talks to resume next week\n"
        "Negotiators will return after a five-month pause\n"
        "Ada Lindqvist Diplomatic editor\n"
        "Thu 25 Nov 2021 12.30 GMT\n\n"
        "Talks will resume in Vienna on Monday, the EU said.\n"
    )

    assert article.authors == ("Ada Lindqvist",)
    assert article.standfirst == "Negotiators will return after a five-month pause"
    assert article.published == datetime(2021, 11, 25, tzinfo=UTC)
    assert article.text == "Talks will resume in Vienna on Monday, the EU said."


def test_share_links_author_and_outlet_lines_under_the_headline_are_header() -> None:
    article = read_text_document(
        "Leaders meet on the sidelines of the funeral\n"
        "2 hours ago\nShare\nSave\nMaria Costa\nBBC News\n\n"
        "The two presidents met briefly, officials said.\n\n"
        "Advertisement\n\n"
        '"It was a good meeting," one aide said.\n'
    )

    assert article.authors == ("Maria Costa",)
    assert article.source == "BBC News"
    assert article.text == (
        'The two presidents met briefly, officials said.\n\n"It was a good meeting," one aide said.'
    )


def test_jsonl_bodies_lose_page_furniture_but_keep_their_text() -> None:
    record = {
        "id": "c1",
        "title": "Senate passes the budget",
        "source": "Reuters",
        "text": "\n\n".join(
            [
                "Senate passes the budget",
                "WASHINGTON (Reuters) - The Senate passed the budget on Friday, aides said.",
                "Advertisement",
                "Image copyright Getty Images Image caption Senators leave the chamber",
                "The vote was 51 to 49.",
                "FILE PHOTO: The Capitol in Washington, U.S., June 26, 2017. "
                "REUTERS/Jo Smith/File Photo",
                "Sign up for Daily Newsletters Manage Newsletters",
                "Critics said the plan cuts too deep.",
                "The Associated Press contributed to this report.",
            ]
        ),
    }

    [article] = articles(list(read_document("c.jsonl", json.dumps(record).encode())))

    assert article.id == "c1"
    assert article.dateline == "WASHINGTON"
    assert article.source == "Reuters"
    assert article.text == (
        "The Senate passed the budget on Friday, aides said.\n\n"
        "The vote was 51 to 49.\n\n"
        "Critics said the plan cuts too deep."
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param("BREAKING: Talks collapse after two days.", id="label-not-dateline"),
        pytest.param("Photos of the summit were published on Friday.", id="starts-like-furniture"),
        pytest.param("Advertisement revenue fell 10% in the quarter.", id="advertisement-word"),
        pytest.param("He said he would share the plan with allies.", id="share-word"),
    ],
)
def test_body_paragraphs_that_resemble_furniture_are_kept(paragraph: str) -> None:
    record = {"id": "k", "title": "T", "text": f"{paragraph}\n\nClosing paragraph."}

    [article] = articles(list(read_document("k.jsonl", json.dumps(record).encode())))

    assert article.text == f"{paragraph}\n\nClosing paragraph."
    assert article.dateline is None


# --------------------------------------------------------------------------- more inputs


def test_json_document_with_a_list_of_articles() -> None:
    data = json.dumps([{"id": "j1", "title": "A", "text": "One."}, {"id": "j2", "text": ""}])

    items = list(read_document("batch.json", data.encode()))

    assert [a.id for a in articles(items)] == ["j1"]
    assert [e.reason for e in errors(items)] == ["item 2: no text"]


def test_json_lines_saved_as_json_are_read_line_by_line() -> None:
    data = b'{"id": "l1", "text": "One."}\n{"id": "l2", "text": "Two."}\n'

    assert [a.id for a in articles(list(read_document("lines.json", data)))] == ["l1", "l2"]


def test_feed_without_entries_is_an_error() -> None:
    data = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'

    [error] = list(read_document("quiet.rss", data))

    assert isinstance(error, ReadError)
    assert error.reason == "feed has no entries"


def test_feed_entries_without_guid_are_deduplicated_by_link() -> None:
    item = "<item><title>{}</title><link>https://x.example/1</link><description>{}</description></item>"
    data = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        + item.format("First", "Body one.")
        + item.format("Again", "Body again.")
        + "</channel></rss>"
    ).encode()

    [article] = articles(list(read_document("wire.rss", data)))

    assert article.title == "First"


def test_xml_that_is_not_a_feed_is_an_error() -> None:
    data = b'<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'

    [error] = list(read_document("sitemap.xml", data))

    assert isinstance(error, ReadError)
    assert error.reason == "XML that is not an RSS or Atom feed"


def test_html_in_a_declared_legacy_charset_is_decoded() -> None:
    page = (FIXTURES / "page.html").read_text(encoding="utf-8")
    page = page.replace('charset="utf-8"', 'charset="iso-8859-1"')
    page = page.replace("Foreign ministers", "Les ministres étrangers")

    [article] = articles(list(read_document("page.html", page.encode("latin-1"))))

    assert article.text.startswith("Les ministres étrangers")


def test_utf16_text_with_byte_order_mark_is_decoded() -> None:
    data = "Talks in Doha\n\nEnvoys met on Tuesday.".encode("utf-16")

    [article] = articles(list(read_document("doha.txt", data)))

    assert (article.title, article.text) == ("Talks in Doha", "Envoys met on Tuesday.")


def test_markdown_heading_is_the_title() -> None:
    article = read_text_document("# Talks in Doha\n\nEnvoys met on Tuesday.")

    assert article.title == "Talks in Doha"


def test_oversized_html_page_is_rejected_before_extraction() -> None:
    paragraph = b"<p>A paragraph of an endless page, repeated to make it far too big.</p>"
    data = b"<html><body>" + paragraph * (5 * 2**20 // len(paragraph)) + b"</body></html>"

    [error] = list(read_document("huge.html", data))

    assert isinstance(error, ReadError)
    assert error.reason.startswith("page too large (5.0 MB")


@pytest.mark.parametrize(
    ("opening", "dateline", "source"),
    [
        pytest.param("Washington (CNN) Leaders met.", "Washington", "CNN", id="cnn-city"),
        pytest.param("(CNN) Leaders met.", None, "CNN", id="cnn-bare"),
        pytest.param(
            "BRUSSELS/LONDON (Reuters) - Leaders met.", "BRUSSELS/LONDON", "Reuters", id="two"
        ),
        pytest.param("BEIRUT, Lebanon (AP) — Leaders met.", "BEIRUT", "Associated Press", id="ap"),
        pytest.param("PARIS — Leaders met.", "PARIS", None, id="no-credit"),
    ],
)
def test_inline_datelines_and_credits(
    opening: str, dateline: str | None, source: str | None
) -> None:
    record = {"id": "d", "title": "T", "text": f"{opening}\n\nMore text."}

    [article] = articles(list(read_document("d.jsonl", json.dumps(record).encode())))

    assert (article.dateline, article.source) == (dateline, source)
    assert article.text == "Leaders met.\n\nMore text."


def test_author_and_outlet_lines_share_bar_and_update_stamp_above_body_are_dropped() -> None:
    text = "\n\n".join(
        [
            "Jane Roe, and John Doe",
            "USA TODAY",
            "LISTEN TO ARTICLE 6:06 SHARE THIS ARTICLE Share Tweet Post Email",
            "Updated at 1:03 p.m. ET",
            "Leaders met on Monday.",
        ]
    )
    record = {"id": "u", "title": "T", "source": "USA Today", "text": text}

    [article] = articles(list(read_document("u.jsonl", json.dumps(record).encode())))

    assert article.text == "Leaders met on Monday."


def test_feed_html_is_stripped_to_text_without_comments_or_scripts() -> None:
    markup = (
        "<p>One<!-- hidden --> <b>bold</b></p><script>var x = 1;</script><div>Two<br>three</div>"
    )

    assert html_to_text(markup) == "One bold\n\nTwo three"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b'<?xml version="1.0" encoding="\xcd\x81"?><rss><channel>', id="bad-encoding"),
        pytest.param(
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item>'
            b"<title>T</title><description>&lt;p&gt;A\x01B \xef\xbf\xbe&lt;/p&gt;</description>"
            b"</item></channel></rss>",
            id="control-characters",
        ),
    ],
)
def test_corrupt_feeds_never_raise(data: bytes) -> None:
    items = list(read_document("corrupt.rss", data))

    assert items
    assert all(isinstance(item, Article | ReadError) for item in items)


def test_repeated_furniture_line_is_not_taken_for_a_repeated_headline() -> None:
    article = read_text_document(
        "Budget vote delayed again\n\n"
        "Advertisement Continue reading the main story\n\n"
        "Lawmakers postponed the vote on Friday.\n\n"
        "Advertisement Continue reading the main story\n\n"
        "A new date has not been set."
    )

    assert article.title == "Budget vote delayed again"
    assert article.text == "Lawmakers postponed the vote on Friday.\n\nA new date has not been set."


@pytest.mark.parametrize(
    "date_line",
    [
        pytest.param("Updated 3:18 PM EST, February 3, 2026", id="us-updated"),
        pytest.param("Tue 3 Feb 2026 12.30 GMT", id="uk-weekday-time"),
        pytest.param("Published On 3 Feb 2026", id="published-on"),
        pytest.param("2026-02-03T09:00:00Z", id="iso"),
    ],
)
def test_date_lines_under_the_headline(date_line: str) -> None:
    article = read_text_document(f"Talks resume in Oman\n{date_line}\n\nEnvoys met on Tuesday.")

    assert article.published is not None
    assert article.published.date().isoformat() == "2026-02-03"
    assert article.text == "Envoys met on Tuesday."


@pytest.mark.parametrize(
    ("feed_title", "source"),
    [
        pytest.param("BBC News - World", "BBC News", id="outlet-with-section"),
        pytest.param("Harbour Gazette", "Harbour Gazette", id="unknown-kept"),
        pytest.param("The Hill Times", "The Hill Times", id="ambiguous-name-kept"),
    ],
)
def test_feed_title_names_the_source(feed_title: str, source: str) -> None:
    data = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{feed_title}</title>'
        "<item><title>T</title><link>https://x.example/t</link>"
        "<description>Body.</description></item></channel></rss>"
    ).encode()

    [article] = articles(list(read_document("feed.xml", data)))

    assert article.source == source


@pytest.mark.parametrize(
    "last",
    [
        pytest.param("Share prices fell 3% on Friday.", id="share-prices"),
        pytest.param("Related talks are expected next week.", id="related-talks"),
        pytest.param("Reporting by state media could not be verified.", id="reporting-by-media"),
    ],
)
def test_last_paragraphs_that_only_resemble_footers_are_kept(last: str) -> None:
    article = read_text_document(f"Markets slide\n\nStocks fell sharply.\n\n{last}")

    assert article.text == f"Stocks fell sharply.\n\n{last}"
