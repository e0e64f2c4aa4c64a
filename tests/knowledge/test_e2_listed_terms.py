"""An agreement's numbered or bulleted points are its terms: claims credited to the parties
with cue "agreed" (invented articles)."""

import pytest

from tests.knowledge.test_x2_positions import positions

ITEMS = ["To open a joint customs post at Kaya", "To share river level data every day"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Burkina Faso's foreign minister, Issa Kone, received his Niger counterpart, "
            "Moussa Diallo, in Ouagadougou on Monday.\n\n"
            "Both ministers signed the Kaya Declaration, by which the two Governments agree:\n\n"
            "1. To open a joint customs post at Kaya.\n\n"
            "2. To share river level data every day.\n\n"
            "The ministers then visited the border.",
            id="numbered-paragraphs-two-governments",
        ),
        pytest.param(
            "Burkina Faso and Niger signed a declaration in Ouagadougou on Monday. "
            "The declaration commits both countries to:\n"
            "- To open a joint customs post at Kaya;\n"
            "- To share river level data every day.\n"
            "Officials said work would start in May.",
            id="bullets-commits-both-countries",
        ),
        pytest.param(
            "Burkina Faso and Niger agreed to: (1) To open a joint customs post at Kaya; (2) To "
            "share river level data every day.",
            id="inline-bracketed-numbers",
        ),
        pytest.param(
            "Ministers met in Ouagadougou on Monday.\n"
            "Burkina Faso and Niger agreed to:\n"
            "• To open a joint customs post at Kaya\n"
            "• To share river level data every day\n"
            "Officials said work would start in May.",
            id="named-parties-bullets",
        ),
    ],
)
def test_the_points_are_the_agreements_terms(text: str) -> None:
    agreed = [(c.attributed_to, c.text) for c in positions(text) if c.cue == "agreed"]
    assert agreed == [("Burkina Faso and Niger", item) for item in ITEMS]


def test_claim_text_is_verbatim() -> None:
    text = (
        "Burkina Faso and Niger signed a declaration on Monday. The declaration commits both "
        "countries to:\n1) To open a joint customs post at Kaya;\n2) To share river level data "
        "every day."
    )
    from knowledge.extract import extract
    from knowledge.models import Article

    facts = extract(Article(id="v", title="", text=text))
    agreed = [c for c in facts.claims if c.cue == "agreed"]
    assert len(agreed) == 2
    assert all(text[c.start : c.end] == c.text for c in agreed)


def test_a_list_after_no_agreement_is_no_terms() -> None:
    text = (
        "Burkina Faso and Niger signed a declaration on Monday. The minister listed the "
        "problems:\n1. Floods along the river.\n2. Smuggling at Kaya."
    )
    assert [c for c in positions(text) if c.cue == "agreed"] == []


def test_the_two_sides_without_named_countries_give_no_terms() -> None:
    text = (
        "The talks ended late on Monday. The two sides agreed:\n1. To meet again in May.\n"
        "2. To free all detainees."
    )
    assert [c for c in positions(text) if c.cue == "agreed"] == []
