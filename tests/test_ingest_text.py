"""Plain text and Markdown: title, outlet and date lines, page furniture, headings (made-up texts)."""

from __future__ import annotations

import pytest

from geosignal.ingest.text import drop_boilerplate_lines, is_boilerplate, parse_date_line, parse_text, split_title_line

ARTICLE = """Harbour talks stall over fishing quotas | Latest news The Coastal Herald
Tuesday, 14 March 2023

Photo: Jane Doe / Coastal Herald
Negotiators from Norland and Sudmark left the harbour conference without a deal on Monday.

Share | Facebook | Twitter
Subscribe to our newsletter for daily updates
The ministers will meet again in April, officials said.
Read also: Ferry strike ends after two weeks
Tags: fishing, diplomacy
"""


def test_title_outlet_and_date_lines() -> None:
    doc = parse_text(ARTICLE, "herald.txt")
    assert doc.title == "Harbour talks stall over fishing quotas"
    assert doc.outlet == "The Coastal Herald"
    assert doc.published == "2023-03-14"
    assert doc.source == "herald.txt"


def test_boilerplate_lines_are_removed_and_body_kept() -> None:
    text = parse_text(ARTICLE).text
    assert text == (
        "Negotiators from Norland and Sudmark left the harbour conference without a deal on Monday.\n\n"
        "The ministers will meet again in April, officials said."
    )
    for junk in ("Photo:", "Share", "Subscribe", "Read also", "Tags:", "Tuesday"):
        assert junk not in text


def test_markdown_headings_title_and_subheadings() -> None:
    md = "# Border crossing reopens after floods\n\nMarch 3, 2024\n\n## What happened\n\nEngineers cleared the road.\n"
    doc = parse_text(md)
    assert doc.title == "Border crossing reopens after floods"
    assert doc.outlet is None
    assert doc.published == "2024-03-03"
    # Sub-headings stay as their own paragraph, without the '#' markup.
    assert doc.text == "What happened\n\nEngineers cleared the road."


def test_no_title_when_first_line_is_a_sentence_of_the_body() -> None:
    doc = parse_text("The council voted on Friday.\nIt approved the budget.\n")
    assert doc.title is None
    assert doc.text == "The council voted on Friday. It approved the budget."


def test_repeated_headline_is_not_kept_in_the_body() -> None:
    doc = parse_text("Dam project approved\n\nDam project approved\n\nThe regional assembly backed the plan.\n")
    assert doc.title == "Dam project approved"
    assert doc.text == "The regional assembly backed the plan."


def test_windows_line_endings() -> None:
    doc = parse_text("Bridge closed\r\n\r\n2 May 2022\r\n\r\nThe bridge shut for repairs.\r\n")
    assert (doc.title, doc.published, doc.text) == ("Bridge closed", "2022-05-02", "The bridge shut for repairs.")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("29 November 2023", "2023-11-29"),
        ("Wednesday, 29th November 2023, 14:05", "2023-11-29"),
        ("November 29, 2023", "2023-11-29"),
        ("Sept. 5, 2021", "2021-09-05"),
        ("Jan 7 2022", "2022-01-07"),
        ("2024-02-29", "2024-02-29"),
        ("31.12.2023", "2023-12-31"),
        ("30 February 2023", None),
        ("The summit opened on 29 November 2023 in the capital.", None),
        ("Not a date", None),
    ],
)
def test_date_lines(line: str, iso: str | None) -> None:
    assert parse_date_line(line) == iso


@pytest.mark.parametrize(
    ("line", "headline", "outlet"),
    [
        ("Storm hits coast | Latest news The Island Echo", "Storm hits coast", "The Island Echo"),
        ("Storm hits coast — Breaking News Island Echo", "Storm hits coast", "Island Echo"),
        ("Storm hits coast :: Valley Times", "Storm hits coast", "Valley Times"),
        ("Storm hits coast", "Storm hits coast", None),
    ],
)
def test_split_title_line(line: str, headline: str, outlet: str | None) -> None:
    assert split_title_line(line) == (headline, outlet)


@pytest.mark.parametrize(
    "line",
    [
        "Photo credit: A. Person/Agency",
        "© 2024 Valley Times",
        "Copyright 2019 Island Echo. All rights reserved.",
        "Follow us on Telegram",
        "Share | Email | Print",
        "Advertisement",
        "Related stories",
        "Home > World > Europe",
        "Tags: trade, ports",
    ],
)
def test_boilerplate_patterns(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The photo showed the minister at the port.",
        "Subscribers to the agency's wire received the statement first.",
        "Officials said the share of exports fell.",
        "",
    ],
)
def test_body_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


def test_drop_boilerplate_lines_keeps_line_structure() -> None:
    assert drop_boilerplate_lines("First line.\nAdvertisement\nSecond line.\n\nThird.") == (
        "First line.\nSecond line.\n\nThird."
    )


@pytest.mark.parametrize(
    "text",
    ['"The talks were useful," he said, "but more work is needed."', "Talks resume in Doha", 'He said: "No."'],
)
def test_a_text_of_one_line_is_its_body(text: str) -> None:
    # A sentence that ends inside its closing quote is no headline, and a lone line is no title
    # over an empty body: both used to leave nothing to analyse.
    doc = parse_text(text + "\n")
    assert (doc.title, doc.text) == (None, text)


def test_a_quoted_sentence_over_a_blank_line_is_no_title() -> None:
    doc = parse_text('"We will not retreat."\n\nThe minister spoke in Kyiv.\n')
    assert doc.title is None and doc.text.startswith('"We will not retreat."')
