"""A question an interview put to its guest: the guest's answer leads the reply.

A Q&A transcript writes the interviewer's question as a paragraph of its own ("Q: How long
would the treaty run?", "Question: ...", or a question followed by "Name: ..." answers)
and the answer as the next paragraph. A reader asking what the interviewer asked wants that
answer, whichever responder found the transcript (an event card, a length of time, a
search): this step looks only at the reports the reply already cites, so it costs no search.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.answering.compose import fact
from knowledge.answering.facts import FactBase
from knowledge.answering.intents import Intent
from knowledge.answering.query import Query, Reply
from knowledge.answering.text import STOPWORDS, plain
from knowledge.models import Sentence

# The interviewer's line: "Q:", "Q.", "Question:".
_Q_LABEL = re.compile(r"^(?:Q|Question)\s*[:.]\s+", re.IGNORECASE)
# An answer's label: "Okafor:", "Anna Ruiz:", "A:".
_A_LABEL = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}:\s+\S")
# Intents whose answer is someone's quotes, a person or a list: answered their own way.
_OWN_WAY = frozenset(
    {
        Intent.HELP,
        Intent.TOPICS,
        Intent.SOURCES,
        Intent.QUOTES,
        Intent.QUOTE_SEARCH,
        Intent.WHO_IS,
        Intent.SUMMARY,
    }
)
# How many of the reply's reports are read, and how many answer sentences are shown.
_REPORTS = 3
_ANSWER_SENTENCES = 3
# The interviewer's question must say at least this many of the words asked, and this
# share of its own words ("Honestly, will they sign?" for "will they actually sign a deal?").
_MIN_WORDS = 3
_MIN_SHARE = 0.75


def asked_in_interview(facts: FactBase, query: Query, reply: Reply) -> Reply | None:
    """The reply led by a cited transcript's answer to the interviewer's question that asks
    what the reader asks, or None when no cited report is such a transcript."""
    if query.intent in _OWN_WAY:
        return None
    said = re.findall(r"[a-z0-9]+", plain(query.text))
    asked = set(said)
    opening = next((w for w in said if w not in ("and", "so", "but")), "")
    if len(asked) < _MIN_WORDS or not opening:
        return None
    # Only the reports the reply cites: a search of its own would cost every question.
    reports = list(dict.fromkeys(s.article_id for s in reply.sources))
    for article_id in reports[:_REPORTS]:
        source = facts.source(article_id)
        sentences = facts.store.sentences(article_id)
        answer = _answer_to(sentences, asked, opening)
        if answer is None:
            continue
        question, said = answer
        lines = [fact(f"“{question}”", source), fact(f"“{' '.join(said)}”", source)]
        return replace(
            reply,
            summary="The interview asked this; the answer:",
            # The question line a responder found itself ("“Q: ...”") is not repeated.
            facts=[*lines, *(f for f in reply.facts if question not in f.text)],
            known=True,
        )
    return None


def _answer_to(
    sentences: list[Sentence], asked: set[str], opening: str
) -> tuple[str, list[str]] | None:
    """The interviewer's question (as written) whose words the reader's question says, and
    the first sentences of the answer paragraph after it, or None. It asks the same way: the
    reader's first word ("how", "will", "are") is one of its words ("And the dam?" is no
    answer to "how much water will the dam release?")."""
    paragraphs: list[list[Sentence]] = []
    for sentence in sentences:
        if paragraphs and paragraphs[-1][0].paragraph == sentence.paragraph:
            paragraphs[-1].append(sentence)
        else:
            paragraphs.append([sentence])
    for at, paragraph in enumerate(paragraphs[:-1]):
        after = paragraphs[at + 1]
        first = paragraph[0].text.strip()
        labelled = _Q_LABEL.match(first) is not None
        if not labelled and not (
            paragraph[-1].text.strip().endswith("?") and _A_LABEL.match(after[0].text.strip())
        ):
            continue
        if _Q_LABEL.match(after[0].text.strip()):
            continue  # a question with no answer
        question = " ".join(s.text.strip() for s in paragraph if s.text.strip().endswith("?"))
        words = re.findall(r"[a-z0-9]+", plain(_Q_LABEL.sub("", question)))
        said = [w for w in words if w in asked]
        if (
            opening in words
            and len(said) >= _MIN_WORDS
            and len(said) >= _MIN_SHARE * len(words)
            and any(w not in STOPWORDS for w in said)
        ):
            first_question = _Q_LABEL.sub("", first) if labelled else first
            shown = " ".join([first_question, *(s.text.strip() for s in paragraph[1:])])
            return shown, [s.text.strip() for s in after[:_ANSWER_SENTENCES]]
    return None
