"""What someone demands or what two sides agreed: the sentences whose subject stands for the
person asked about ("He also demanded ...", "The president demanded ..."), and the sentence
after an agreement that spells out its terms ("Under the plan, ..."). Invented articles."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from knowledge.answer import Engine
from knowledge.extract import extract
from knowledge.ingest import ingest_articles
from knowledge.models import Article, EntityKind, Role, entity_id
from knowledge.readers import read_document
from knowledge.store import Store
from tests.knowledge.asking import ask

NOW = datetime(2030, 5, 20, 12, tzinfo=UTC)

ARTICLES = [
    {
        "id": "voss-1",
        "title": "Voss sets out her terms for the mining companies",
        "published": "2030-05-10",
        "source": "Example Post",
        "url": "https://example.org/m1",
        "text": "President Clara Voss of Chile spoke to miners in Antofagasta on Friday.\n\n"
        "The president listed several demands her government will make of the mining "
        "companies. For instance, Voss told them that no new licences will be granted until "
        "all unpaid royalties are settled. She also demanded that the companies publish their "
        "water use every month.\n\nSenator Pablo Ruiz criticised the speech. He demanded a "
        "public inquiry into the mines.\n\nThe president demanded that the firms stop dumping "
        "tailings in rivers.",
    },
    {
        "id": "fish-1",
        "title": "Chile and Peru end fishing dispute",
        "published": "2030-05-14",
        "source": "Example Post",
        "url": "https://example.org/f1",
        "text": "The foreign ministers of Chile and Peru agreed on Thursday in Lima on a "
        "five-point plan to end a long fishing dispute.\n\nOfficials on both sides called it a "
        "breakthrough.\n\nUnder the plan, both navies will share patrol data and a joint "
        "tribunal will hear disputes over catches.",
    },
    {
        "id": "delta-1",
        "title": "Delta leaders agree to share flood data",
        "published": "2030-05-16",
        "source": "Example Post",
        "url": "https://example.org/d1",
        "text": "Leaders of the three Orrin Delta states agreed on Tuesday to share river gauge "
        "readings every hour.\n\nThe talks ran late into the night.\n\nFarmers waited outside "
        "the hall.\n\n“We have waited ten years for this,” one farmer said.\n\nRain fell "
        "through the afternoon.\n\nUnder the declaration adopted at the end of the meeting, "
        "a joint flood warning centre will open in the spring.",
    },
]


def test_demands_found_through_pronoun_and_title(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what is voss demanding from the mining companies?")
    assert "publish their water use" in reply  # "She also demanded ..."
    assert "stop dumping tailings" in reply  # "The president demanded ..."
    # The sentence after "listed several demands" spells them out.
    assert "unpaid royalties" in reply


def test_a_pronoun_after_someone_else_is_not_the_person_asked(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what is voss demanding from the mining companies?")
    if "public inquiry" in reply:
        # Ruiz's demand may be shown as a match of the words, never before Voss's own.
        assert reply.index("public inquiry") > reply.index("stop dumping tailings")


def test_agreement_followed_by_its_terms(mini_engine: Engine) -> None:
    reply = ask(mini_engine, "what did chile and peru agree")
    assert "five-point plan" in reply
    assert "share patrol data" in reply
    assert reply.index("five-point plan") < reply.index("share patrol data")


def test_terms_of_an_agreement_far_after_it_come_with_it(mini_engine: Engine) -> None:
    # Four sentences stand between the agreement and its terms: the extraction's claims of
    # what the parties agreed link them.
    reply = ask(mini_engine, "What did the Orrin Delta leaders agree on?")
    assert "river gauge readings" in reply
    assert "flood warning centre" in reply


def test_the_verb_forms_do_not_crowd_out_the_one_report() -> None:
    """Over many reports of deals and agreements, the one report of the leaders asked about
    still answers "what did they agree": the verb's forms widen the search, and must not
    push that report out of it. A guard: eighty invented reports do not crowd the search the
    way 2,000 real ones did (it passes before the retry without the verb's forms too)."""
    filler = [
        {
            "id": f"deal-{n}",
            "title": f"Trade deal {n}",
            "published": f"2030-04-{n % 28 + 1:02d}",
            "source": "Example Post",
            "url": f"https://example.org/d{n}",
            "text": f"The leaders agreed a deal, officials said: deal {n} and agreement {n} "
            "were agreed as a deal within the agreement.",
        }
        for n in range(80)
    ]
    target = {
        "id": "lagoon-1",
        "title": "Lagoon leaders agree to share fish counts",
        "published": "2030-05-12",
        "source": "Example Post",
        "url": "https://example.org/l1",
        "text": "Leaders of the three Lagoon states agreed on Tuesday to share monthly fish "
        "counts from every harbour.",
    }
    data = "\n".join(json.dumps(a) for a in [*filler, target]).encode()
    with Store.open(":memory:") as store:
        ingest_articles(store, read_document("many.jsonl", data))
        engine = Engine(store, clock=lambda: NOW)
        reply = ask(engine, "What did the Lagoon leaders agree on?")
    assert "monthly fish counts" in reply


def test_a_title_of_no_words_does_not_break_the_reading_of_subjects() -> None:
    """A stored title with no word characters ("—", as a bad page may give) has no head
    word to take: the demands are still read (it had raised IndexError)."""
    article = Article(
        id="voss-2",
        title="Voss sets out her terms",
        text="President Clara Voss spoke to miners on Friday. She demanded that the companies "
        "publish their water use every month.",
        published=datetime(2030, 5, 10, tzinfo=UTC),
        source="Example Post",
    )
    read = extract(article)
    pid = entity_id(EntityKind.PERSON, "Clara Voss")
    entities = tuple(
        e.model_copy(update={"roles": (Role(title="—", article_id="voss-2"), *e.roles)})
        if e.id == pid
        else e
        for e in read.entities
    )
    assert len(entities) == len(read.entities) and any(e.id == pid for e in entities)
    with Store.open(":memory:") as store:
        store.ingest(read.model_copy(update={"entities": entities}))
        engine = Engine(store, clock=lambda: NOW)
        reply = ask(engine, "what is clara voss demanding?")
    assert "publish their water use" in reply


def test_a_pronoun_sentence_keeps_the_person_for_the_next_one() -> None:
    """ "She demanded ..." is no one else named: the next "She insisted ..." is still the
    person asked about, and comes before a sentence that merely says "the demands"."""
    article = {
        "id": "voss-3",
        "title": "Voss speaks to miners",
        "published": "2030-05-10",
        "source": "Example Post",
        "url": "https://example.org/v3",
        "text": "President Clara Voss spoke to miners in the north on Friday.\n\n"
        "She demanded lower fees for small mines. She insisted on yearly audits of every "
        "pit.\n\nOfficials said the demands were unclear.",
    }
    with Store.open(":memory:") as store:
        ingest_articles(store, read_document("a.jsonl", json.dumps(article).encode()))
        reply = ask(Engine(store, clock=lambda: NOW), "what is clara voss demanding?")
    assert "yearly audits" in reply and "demands were unclear" in reply
    assert reply.index("yearly audits") < reply.index("demands were unclear")
