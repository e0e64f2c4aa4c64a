"""Press releases read as text: issuer, headline and date from the letterhead and date line;
the offices they name in the forms other copy uses."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.extract import extract
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


def test_release_offices_are_named_as_other_copy_names_them() -> None:
    facts = extract(_read(_RELEASE))
    people = {e.name: e for e in facts.entities if e.kind == "person"}
    lindqvist = people["Petra Lindqvist"]
    assert (lindqvist.roles[0].title, lindqvist.roles[0].affiliation) == (
        "foreign minister",
        "Kingdom of Norvania",  # not a country the gazetteer knows: kept as written
    )
    aravena = people["Tomas Aravena Soto"]
    assert (aravena.roles[0].title, aravena.roles[0].affiliation) == ("foreign minister", "Chile")
    said = {q.text: q.speaker for q in facts.quotes}
    # "affirmed that" reports speech; the second verb starts a second statement
    assert said['Chile "will not stand in the way of the ferry route'] == "Tomas Aravena Soto"
    assert said["his country will send two inspectors to the port"] == "Tomas Aravena Soto"


def test_a_role_noun_with_a_demonym_means_that_countrys_office_holder() -> None:
    text = (
        "Chilean Foreign Minister Tomas Aravena met Peruvian Foreign Minister Ana Ruiz in Lima "
        "on Monday. The Chilean foreign minister said that the border would reopen in May."
    )
    facts = extract(Article(id="n", text=text, published=datetime(2031, 3, 4, tzinfo=UTC)))
    (quote,) = facts.quotes
    assert quote.speaker == "Tomas Aravena"
