"""A person asked by the first of two surnames ("what did quispeño say" for a stored
"Teodoro Quispeño Huamaní"): the middle word of a three- or four-word name links to that
person when one person alone has it, exactly typed, and nothing else is so called.
Invented people."""

from __future__ import annotations

from datetime import UTC, datetime

from knowledge.answer import Engine
from knowledge.answering.linking import EntityLinker
from knowledge.models import EntityKind
from tests.knowledge.asking import ask, says_unknown

NAMES = [
    ("person:teodoro-quispeno-huamani", "Teodoro Quispeño Huamaní", EntityKind.PERSON),
    ("person:lucia-ferrandiz-olmo", "Lucía Ferrándiz Olmo", EntityKind.PERSON),
    ("person:lucia-ferrandiz-olmo", "Olmo", EntityKind.PERSON),
    # Two people share the middle word "Barcia": neither is "Barcia" alone.
    ("person:ana-barcia-lema", "Ana Barcia Lema", EntityKind.PERSON),
    ("person:rui-barcia-neto", "Rui Barcia Neto", EntityKind.PERSON),
    # A middle word that is also someone's surname stays that someone's.
    ("person:marta-costel-vidal", "Marta Costel Vidal", EntityKind.PERSON),
    ("person:jonas-costel", "Jonas Costel", EntityKind.PERSON),
    ("person:jonas-costel", "Costel", EntityKind.PERSON),
    # Short middle words ("de", initials) are no surname.
    ("person:ines-de-prado", "Inés de Prado", EntityKind.PERSON),
]


def ids(linker: EntityLinker, question: str) -> list[tuple[str, ...]]:
    return [link.entity_ids for link in linker.link(question)]


def test_first_of_two_surnames_links_the_person() -> None:
    linker = EntityLinker(NAMES)
    assert ids(linker, "what did quispeño say") == [("person:teodoro-quispeno-huamani",)]
    assert ids(linker, "what did quispeno say") == [("person:teodoro-quispeno-huamani",)]
    assert ids(linker, "what did ferrandiz say") == [("person:lucia-ferrandiz-olmo",)]
    # The last surname keeps working as before.
    assert ids(linker, "what did olmo say") == [("person:lucia-ferrandiz-olmo",)]


def test_shared_or_taken_middle_words_do_not_link_by_it() -> None:
    linker = EntityLinker(NAMES)
    assert ids(linker, "what did barcia say") == []
    assert ids(linker, "what did costel say") == [("person:jonas-costel",)]
    assert ids(linker, "what did de say") == []


def test_middle_word_is_matched_exactly_only() -> None:
    linker = EntityLinker(NAMES)
    # One letter off the middle word is no link (fuzzy matching stays with full names).
    assert ids(linker, "what did quispeña say") != [("person:teodoro-quispeno-huamani",)]


NOW = datetime(2031, 4, 2, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "quis-1",
        "title": "Highland farmers warn over water",
        "published": "2031-03-30",
        "source": "Example Post",
        "url": "https://example.org/quis1",
        "text": "Farmers' leader Teodoro Quispeño Huamaní said on Sunday that the glacier "
        "streams are drying up.\n\n“Without water there is no harvest,” said Teodoro "
        "Quispeño Huamaní, speaking in Cusco.\n\nThe regional government did not comment.",
    },
]


def test_asked_by_first_surname_gets_the_quotes(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did quispeño say?")
    assert not says_unknown(reply)
    assert "no harvest" in reply
