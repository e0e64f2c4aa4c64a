"""Demands and agreements as claims: who demanded what, what the parties agreed and its terms."""

from datetime import UTC, datetime

import pytest

from knowledge.extract import extract
from knowledge.models import Article, Claim

TUESDAY = datetime(2026, 2, 3, 9, 0, tzinfo=UTC)


def positions(text: str) -> list[Claim]:
    facts = extract(Article(id="x2", title="", text=text, published=TUESDAY))
    return [c for c in facts.claims if c.cue in ("demanded", "agreed")]


def test_a_pronoun_and_a_title_that_demand_resolve_to_the_person() -> None:
    claims = positions(
        "President Dale Hutton of Freedonia spoke at a rally in Lisbon on Friday. He also "
        "demanded that the regime free all political prisoners. The president demanded that "
        "the junta stop harbouring fugitives. Hutton demanded the release of two reporters."
    )
    assert [(c.attributed_to, c.text) for c in claims] == [
        ("Dale Hutton", "the regime free all political prisoners"),
        ("Dale Hutton", "the junta stop harbouring fugitives"),
        ("Dale Hutton", "the release of two reporters"),
    ]


def test_the_president_is_not_the_vice_president() -> None:
    claims = positions(
        "Vice President Ann Moe spoke first at the rally in Lisbon. The president demanded "
        "that the junta stop harbouring fugitives."
    )
    assert claims == []


def test_a_pronoun_far_from_any_named_person_stays_unresolved() -> None:
    # the person named long ago is not who "he" is when names the entity stage missed
    # may lie in between; no claim is better than a claim given to the wrong person
    claims = positions(
        "Senator Ann Moe praised the plan on Monday. The crowd cheered loudly. The band "
        "played on for an hour. Later the doors were closed. He also demanded that the "
        "regime free all political prisoners."
    )
    assert claims == []


def test_an_agreement_and_its_terms_under_the_plan() -> None:
    claims = positions(
        "The foreign ministers of Chile and Peru agreed on Wednesday in Lima on a five-point "
        "plan meant to settle the border dispute.\n\n"
        "Under the plan, a joint commission of surveyors will start work in March and a new "
        "ferry line will open by 2028."
    )
    assert [(c.attributed_to, c.text) for c in claims] == [
        ("Chile and Peru", "on a five-point plan meant to settle the border dispute"),
        (
            "Chile and Peru",
            "a joint commission of surveyors will start work in March and a new ferry line "
            "will open by 2028",
        ),
    ]
    assert claims[1].start > claims[0].end


def test_parties_named_by_a_phrase_and_an_agreement_cut_at_but() -> None:
    claims = positions(
        "Leaders of the four river states agreed Tuesday to share water-level data within 24 "
        "hours, but the summit ended without the ban on new dams that one of them had asked for. "
        "Officials praised the mood. Under the declaration adopted at the end of the meeting, "
        "operators will publish reservoir levels on a shared website."
    )
    assert [(c.attributed_to, c.text) for c in claims] == [
        ("Leaders of the four river states", "to share water-level data within 24 hours"),
        (
            "Leaders of the four river states",
            "operators will publish reservoir levels on a shared website",
        ),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru agreed to meet again next month. Under the deal, nothing will change.",
        "Under the deal, prices will rise by a tenth next year.",
        "Analysts agreed that the economy was slowing down.",
        "The president listed several demands his administration will make.",
        "Only a fifth of Canadians agreed with the new tax on carbon.",
        "Senator Ann Moe agreed when reporters asked about the tax.",
        'Senator Ann Moe said: "My wife agreed to marry me in Lisbon."',
        "The plan is less than Chile and Peru have demanded in their own budgets.",
    ],
    ids=[
        "agreed-to-meet",
        "terms-without-agreement",
        "unnamed-analysts",
        "demands-noun",
        "agreed-with-someone",
        "agreed-when",
        "inside-a-quote",
        "demanded-in",
    ],
)
def test_no_position_without_a_stated_content_or_a_known_party(text: str) -> None:
    assert positions(text) == []


def test_every_position_is_a_verbatim_span() -> None:
    text = (
        "Chile and Peru agreed on Monday to share water data within 24 hours. Under the "
        "agreement, each side will publish dam levels on a shared website."
    )
    claims = positions(text)
    assert len(claims) == 2
    assert all(text[c.start : c.end] == c.text for c in claims)


def test_parties_joined_by_and_the() -> None:
    claims = positions("Britain and the European Union have agreed a draft text on fisheries.")
    assert [(c.attributed_to, c.text) for c in claims] == [
        ("United Kingdom and European Union", "a draft text on fisheries")
    ]
