"""Whose words a quote paragraph with no speech verb continues."""

from __future__ import annotations

import re

from knowledge.extract.coref import Coreference
from knowledge.extract.entities.vocabulary import STOPWORDS
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import Entity, EntityKind

# What follows the person who opens the paragraph: a verb (a lower-case word other than a
# conjunction) or an apposition's comma.
_AFTER = re.compile(r",|\s+(?!and\b|or\b)[a-z]")


def newcomer(
    text: str, quote_start: int, since: int, coref: Coreference, speaker: Entity | None
) -> Entity | None:
    """The person a paragraph between the last attributed quote and this one is about.

    News copy introduces the next speaker before a bare quote paragraph ("Kostic accused
    them of stalling." then a quote paragraph): the quote is that person's, not the previous
    speaker's. The paragraph must open with the person (a title or honorific may come first),
    hold no quote marks of its own and lie wholly after the previous quote.
    """
    opening = text.rfind("\n", 0, quote_start)
    if opening < 0 or text[opening:quote_start].strip().strip("“\"‘'"):
        return None  # the quote does not open its paragraph
    end = len(text[:opening].rstrip())
    start = text.rfind("\n", 0, end) + 1
    if start < since or end <= start:
        return None
    paragraph = text[start:end]
    if any(mark in paragraph for mark in '“”"'):
        return None
    gaz = load_gazetteer()
    for mention in coref.index.mentions_in(start, min(end, start + 80)):
        if mention.kind is not EntityKind.PERSON:
            continue
        before = text[start : mention.start].split()
        if before and before[0] in ("The", "the") and before[-1].endswith(","):
            # "The DUP leader, Gavin Lowry, ...": a title set off before the name
            # ("The Green party leader,", "The union's general secretary,"): a title heads it
            before = [w.rstrip(",") for w in before[1:]]
            if (
                not before
                or len(before) > 5
                or (
                    " ".join(before[-2:]).lower() not in gaz.titles
                    and before[-1].lower() not in gaz.titles
                )
                or any(w[:1].upper() + w[1:] in STOPWORDS for w in before)
            ):
                return None
            before = []
        if any(w in STOPWORDS or not (w[:1].isupper() or w.lower() in gaz.titles) for w in before):
            return None  # "As X was meeting Y, ...", "After meeting X, ...": no subject
        after = _AFTER.match(text, mention.end)
        if after is None:
            # "Kostic's aides ...", "X and other leaders discuss ..." (a photo caption): the
            # paragraph is not about the person alone
            return None
        person = coref.index.get(mention.entity_id)
        if person is None or (speaker is not None and person.id == speaker.id):
            return None
        return person
    return None
