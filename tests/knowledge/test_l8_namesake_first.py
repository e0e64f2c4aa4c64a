"""When a bare surname's most reported bearer has no quote on the topic and another bearer
has, the namesake's quotes answer, and the sentences where the first one speaks are not
searched (a search of their reports, ~7 ms at 10,000 articles, whose result went unused).

Short invented articles go through the real reader, extraction and store.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from knowledge.answer import Engine
from knowledge.answering import quotes
from knowledge.answering.facts import FactBase
from knowledge.answering.query import Query
from knowledge.models import AnswerFact

NOW = datetime(2038, 5, 20, 9, 0, tzinfo=UTC)

_MARTA = [
    {
        "id": f"mini-marta-{number}",
        "title": f"Governor Marta Quillfeather opens road {number}",
        "published": f"2038-05-{number + 1:02d}",
        "source": "Valley Post",
        "text": (
            f"Governor Marta Quillfeather opened road {number} on Monday.\n\n"
            f"“Road {number} links the valley towns,” Quillfeather said."
        ),
    }
    for number in range(1, 6)
]
ARTICLES = [
    *_MARTA,
    {
        "id": "mini-dorian-quotas",
        "title": "Fishing quotas cut again",
        "published": "2038-05-12",
        "source": "Coast Wire",
        "text": (
            "Dorian Quillfeather, a trawler captain, attacked the new fishing quotas.\n\n"
            "“These fishing quotas will empty the harbour,” Dorian Quillfeather said."
        ),
    },
]


def test_the_namesake_answers_without_the_first_bearers_speech_search(
    mini_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    searched: list[tuple[str, ...]] = []
    original = quotes.speech_sentences

    def counted(facts: FactBase, query: Query, *args: Any, **kwargs: Any) -> list[AnswerFact]:
        searched.append(tuple(name for _, name in query.people))
        return original(facts, query, *args, **kwargs)

    monkeypatch.setattr(quotes, "speech_sentences", counted)
    answer = mini_engine.answer("what did quillfeather say about fishing quotas")
    assert any("empty the harbour" in q.text for q in answer.quotes)
    assert "Dorian Quillfeather is quoted on it" in answer.summary
    # Only the namesake's answer read the sentences where its speaker speaks.
    assert searched
    assert all("Marta" not in " ".join(names) for names in searched)
