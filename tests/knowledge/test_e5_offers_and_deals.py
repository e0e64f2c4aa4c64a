"""Offers and the terms of a deal reached (no "agreed" in the copy) as claims."""

from datetime import UTC, datetime

from knowledge.extract import extract
from knowledge.models import Article, Claim

FRIDAY = datetime(2031, 6, 13, 9, 0, tzinfo=UTC)


def claims_of(text: str, cue: str) -> list[tuple[str | None, str]]:
    facts = extract(Article(id="e5", title="", text=text, published=FRIDAY))
    found: list[Claim] = [c for c in facts.claims if c.cue == cue]
    return [(c.attributed_to, c.text) for c in found]


def test_terms_of_a_deal_reached_go_to_its_parties() -> None:
    text = (
        "LEEDS – The Northern Drivers' Union and the management of Corran Transit reached a "
        "provisional deal late on Thursday, ending a nine-day strike.\n\n"
        "The deal was signed off at the town hall.\n\n"
        "Under the deal, drivers will get an 8% rise over two years and a bonus of 500 pounds."
    )
    assert claims_of(text, "agreed") == [
        (
            "Northern Drivers' Union and the management of Corran Transit",
            "drivers will get an 8% rise over two years and a bonus of 500 pounds",
        )
    ]


def test_a_deal_signed_by_two_titled_leaders_is_theirs() -> None:
    text = (
        "Chilean President Ana Soto and Peruvian President Luis Vega signed the accord in Lima "
        "on Tuesday.\n\n"
        "Under the accord, fishing boats of both countries may use the disputed waters."
    )
    assert claims_of(text, "agreed") == [
        ("Ana Soto and Luis Vega", "fishing boats of both countries may use the disputed waters")
    ]


def test_an_offer_raised_is_the_bidders() -> None:
    text = "Corran Transit raised its pay offer from 4% to 6.5% overnight, the union said."
    assert claims_of(text, "offered") == [
        ("Corran Transit", "raised its pay offer from 4% to 6.5% overnight")
    ]


def test_an_offer_with_no_terms_is_no_claim() -> None:
    text = "He made the offer during a speech in the capital on Friday evening."
    assert claims_of(text, "offered") == []


def test_under_the_deal_without_a_deal_reached_is_no_agreement() -> None:
    text = "Under the plan, drivers would get a rise of 3% from next year."
    assert claims_of(text, "agreed") == []
