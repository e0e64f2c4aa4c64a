"""Press releases read as text: issuer, headline and date from the letterhead and date line."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.models import Article
from knowledge.readers import read_document

_RELEASE = """MINISTRY OF EXTERNAL AFFAIRS
KINGDOM OF NORVANIA

MEDIA RELEASE No. 112

Port Aldis, 4 March 2031

(Informal translation.)

NORVANIA AND ESTRAVIA AGREE TO REOPEN THE NORTHERN FERRY ROUTE

The Minister of External Affairs of the Kingdom of Norvania, Petra Lindqvist, received this \
Tuesday in Port Aldis the Minister of Foreign Relations of the Republic of Chile, Tomas \
Aravena Soto, for a working visit.

Minister Aravena Soto affirmed that Chile "will not stand in the way of the ferry route" and \
announced that his country will send two inspectors to the port.

Office of Communications

Ministry of External Affairs of Norvania
"""


def _read(text: str) -> Article:
    (article,) = read_document("release.txt", text.encode())
    assert isinstance(article, Article)
    return article


def test_a_release_is_sourced_to_its_issuer_titled_by_its_headline_and_dated() -> None:
    article = _read(_RELEASE)
    assert article.source == "Ministry of External Affairs of Norvania"
    assert article.title == "NORVANIA AND ESTRAVIA AGREE TO REOPEN THE NORTHERN FERRY ROUTE"
    assert article.published == datetime(2031, 3, 4, tzinfo=UTC)
    assert article.dateline == "Port Aldis"
    assert article.text.startswith("The Minister of External Affairs")
    # the sign-off is furniture, not body text; neither are the label and the note
    assert "Office of Communications" not in article.text
    assert "MEDIA RELEASE" not in article.text
    assert "Informal translation" not in article.text


def test_without_a_sign_off_the_letterhead_and_its_state_name_the_issuer() -> None:
    text = _RELEASE.split("Office of Communications")[0]
    assert _read(text).source == "Ministry of External Affairs of Norvania"
    text = text.replace("KINGDOM OF NORVANIA\n", "")
    assert _read(text).source == "Ministry of External Affairs"


def test_a_date_line_without_a_label_still_makes_a_release() -> None:
    text = (
        "EMBASSY OF NORVANIA\n\n"
        "Geneva, 12 May 2031\n\n"
        "Statement on the harbour talks\n\n"
        "The embassy welcomes the start of the harbour talks and thanks the hosts for "
        "their work over many months.\n"
    )
    article = _read(text)
    assert article.source == "Embassy of Norvania"
    assert article.title == "Statement on the harbour talks"
    assert article.published == datetime(2031, 5, 12, tzinfo=UTC)


def test_an_ordinary_text_with_a_capitalised_headline_is_no_release() -> None:
    text = (
        "TRADE TALKS RESUME IN GENEVA\n\n"
        "Negotiators met again on Monday after a pause of three weeks, officials said.\n\n"
        "The talks are due to end on Friday.\n"
    )
    article = _read(text)
    assert article.title == "TRADE TALKS RESUME IN GENEVA"
    assert article.source is None
    assert article.published is None
