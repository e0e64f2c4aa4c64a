"""What an event is about: "to discuss X", "talks on X", "explore X, including A and B".

Generic heads are unwrapped ("concerns over tariffs" -> "tariffs"); venues, dates, clauses
and names that are no topic are dropped.
"""

from __future__ import annotations

import re

from knowledge.extract.gazetteer import load_gazetteer, words_of

_AGENDA_CUE = re.compile(
    r"\b(?:to\s+discuss|discuss(?:ed|es|ing)?|to\s+talk\s+about|talk(?:ed|s)?\s+about|"
    r"(?:talks|negotiations|meeting|summit|discussions|conference|call|deal|dialogue)\s+"
    r"(?:on|over|about|regarding|concerning)|"
    r"(?:talks|negotiations|meeting|discussions|call)\s+with\s+[^,.;]{1,60}?\s+"
    r"(?:on|over|about|regarding|concerning)|focus(?:ed|ing|es)?\s+on|centr?e?red\s+on|"
    r"(?:will|would|to|expected\s+to|set\s+to)\s+(?:also\s+)?(?:cover|explore|address|tackle|examine|"
    r"review)|"
    r"cover(?:ed|ing)?|explor(?:e|ed|ing)|address(?:ed|ing)?|tackl(?:e|ed|ing)|"
    r"agenda\s+(?:(?:of|for)\s+(?:the|this|that|their|its|[\w’']+['’]s)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?:meeting|talks|summit|visit|conference|session|negotiations|gathering|forum)\s+)?"
    r"(?:also\s+)?(?:includes?|included|(?:will|would|could|should|is\s+to|was\s+to)\s+include|is|was)|"
    r"top\s+of\s+the\s+agenda\s+(?:are|were|is|was|will\s+be)|aim(?:ed|ing)?\s+(?:at|to)\s+"
    r"(?:resolv\w*|end\w*|settl\w*|eas\w*|reviv\w*|restor\w*|secur\w*|reach\w*|"
    r"de-escalat\w*|finali[sz]\w*)|to\s+(?:resolve|settle|ease|end|revive|restore)|"
    # "Also on the table will be X": only with "also", since "the offer on the table is
    # generous" names no topic
    r"(?:on\s+the\s+agenda|[Aa]lso\s+on\s+the\s+table)\s+(?:are|were|is|was|will\s+be))\b",
    re.IGNORECASE,
)
# Where an agenda phrase ends: a clause break that is not part of a list.
_AGENDA_END = re.compile(
    r"[;:!?()\"“”]|(?<![A-Z])\.(?:\s|$)|\s[—–-]\s|,\s+(?:[\w’']+\s+){0,3}"
    r"(?:said|says|told|added|reported|announced|stated)\b|,\s+(?:even|as|while|but|which|who|where|when|after|before|although|though|"
    r"according|officials|sources|with|amid|despite|said|says|told|he|she|they|it)\b|"
    # ", a move rejected by X": a comment on the clause before, not another item
    r",\s+an?\s+(?:move|step|decision|proposal|plan|idea|measure|request)\b|"
    r"\s+(?:even\s+as|as\s+well\s+as\s+(?=[a-z]+ing)|while|amid|despite|after|before|when|"
    r"although|because|but|said|according\s+to)\b|\s+(?:on|next|last|this)\s+(?=[A-Z0-9])",
    re.IGNORECASE,
)
_PAYS_FOR = re.compile(
    r"\s+(?:(?:the|all|its|their|part\s+of\s+the|most\s+of\s+the)\s+)?(?:costs?|expenses|bill|"
    r"fees?|travel|accommodation|tab)\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]]")
_AGENDA_SPLIT = re.compile(
    r"(?<!\d),(?!\d)\s*(?:and\s+|or\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|;\s*"
)
_GENERIC_HEAD = re.compile(
    r"^(?:.*\s)?(?:demands?|concerns?|issues?|questions?|differences|disputes?|matters?|"
    r"topics?|subjects?|tracks?|areas?|ways?|options?|proposals?|plans?|efforts?|steps?|"
    r"measures?|talks|negotiations|cooperation|agreements?|tensions?|relations|fears?|"
    r"positions?|progress)\s+(?:regarding|concerning|on|over|about|of|related\s+to|"
    r"relating\s+to|around|to\s+(?:curb|end|limit|resolve))\s+(?P<object>.+)$",
    re.IGNORECASE,
)
_INCLUDING = re.compile(r"\b(?:including|such\s+as|notably|especially|particularly)\s+", re.I)
_VAGUE_ITEM = re.compile(
    r"^(?:(?:a|an|the|several|many|various|other|broader|wider|key|parallel|some|multiple|"
    r"a\s+range\s+of|a\s+number\s+of|number\s+of|range\s+of)\s+)*(?:issues?|matters?|tracks?|"
    r"topics?|subjects?|areas?|things?|questions?|points?|ways?|options?|it|them|this|that|"
    r"these|those|everything|anything|something)$",
    re.IGNORECASE,
)
_LEADING_DETERMINER = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her|our|broader|wider|possible|potential|a\s+possible)\s+)+",
    re.IGNORECASE,
)


_TRAILING_JUNK = re.compile(
    r"(?:\s+(?:and|or|but|as|with|by|for|to|of|in|on|at|from|the|a|an|certainly|too|also))+$",
    re.IGNORECASE,
)
# Heads that name a time, medium or meal, not a topic: "talks over the weekend", "by phone".
_NOT_TOPICS = frozenset(
    [
        "weekend",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "phone",
        "telephone",
        "video",
        "dinner",
        "lunch",
        "breakfast",
        "time",
        "hours",
        "morning",
        "evening",
        "night",
        "afternoon",
        "sidelines",
        "moment",
    ]
)
_VERB_WORDS = frozenset(
    words_of(
        """is are was were be been being would will could should can may might must made make
        makes said says fell depend depends has have had did do does clearly get got went
        came took gave told"""
    )
)
_DATE_WORD = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|"
    r"June|July|August|September|October|November|December|today|tomorrow|yesterday)\b"
)
_CLAUSE_OPENERS = frozenset(
    ["that", "which", "who", "it", "he", "she", "they", "we", "i", "you", "there", "this"]
)


def _is_title_case(text: str) -> bool:
    """Headline style ("Assad Visits Moscow To Discuss Plans"): agenda words would be noise."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# Where a long item's head noun phrase ends and its modifiers begin: a place ("... in northern
# X"), a participle or relative clause ("villagers still living near the dam", "talks that ...").
# (zero-width, so that every cut is seen: "villagers still living near": "still", "near")
_MODIFIER_START = re.compile(
    r"(?=\s+(?:in|at|from|since|across|along|near|still|now|currently|who|which|that|whose|"
    r"[a-z]+ed\s+(?:by|in|at|from|on|to|since|until|during|after|for)|[a-z]+ing\s+(?:to|in|at|from|on))\b)"
)
_NOT_A_HEAD_END = frozenset(["still", "now", "currently", "also", "the", "a", "an", "of"])


def _shortened(item: str) -> str:
    """A long list item cut to its head: "the water supply of the river towns in the northern
    valley" -> "the water supply of the river towns". The longest head that fits is kept
    ("villagers still living near the dam" -> "villagers still living": the participle says
    which villagers), but not one ending in a bare participle ("the pass closed"). Unchanged
    when no cut leaves a head of two to eight words."""
    best = item
    for match in _MODIFIER_START.finditer(item):
        head = item[: match.start()]
        words = head.split()
        if len(words) > 8:
            break
        if len(words) >= 2 and not words[-1].endswith("ed") and words[-1] not in _NOT_A_HEAD_END:
            best = head
    return best


def _clean_agenda_item(item: str, *, in_list: bool = False) -> str | None:
    item = " ".join(item.split()).strip(" ,.;:-–—\"'“”‘’")
    generic = _GENERIC_HEAD.match(item)
    if generic:
        item = generic.group("object").strip(" ,.;:")
    item = _LEADING_DETERMINER.sub("", item).strip()
    item = _TRAILING_JUNK.sub("", item).strip()
    words = item.split()
    if len(words) > 8 and in_list:
        item = _shortened(item)
        words = item.split()
    if len(item) < 3 or not words or words[-1].casefold() in _NOT_TOPICS:
        return None
    if not words or len(words) > 8 or _VAGUE_ITEM.match(item):
        return None
    if words[0].casefold() in _CLAUSE_OPENERS:
        return None  # "that the sessions ...": a clause, not a topic
    if any(w.casefold() in _VERB_WORDS for w in words) or _DATE_WORD.match(item):
        return None  # "the minister made clear", "Saturday with a general": not a noun phrase topic
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        # a name ("Press Secretary Kim") is no topic, unless it names a country
        return item if load_gazetteer().country_of(item) else None
    return item


def agenda_items(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Agenda items, and the spans they were read from (countries there are topics)."""
    items: list[str] = []
    spans: list[tuple[int, int]] = []
    if _is_title_case(text):
        return items, spans
    for cue in _AGENDA_CUE.finditer(text):
        if _PAYS_FOR.match(text, cue.end()):
            continue  # "Norway will cover the cost of the meeting": who pays, not a topic
        # "the roughly 800-km (500-mile) coastline": a short aside in brackets is blanked (same
        # length, so spans hold) rather than ending the list
        rest = _ASIDE.sub(lambda m: " " * len(m.group(0)), text[cue.end() :])
        end = _AGENDA_END.search(rest)
        phrase = rest[: end.start()] if end else rest
        if not phrase.strip() or _DATE_WORD.match(phrase.strip()):
            continue  # "the call on Thursday": a date, not a topic
        phrase = _cut_at_venue(phrase)
        spans.append((cue.end(), cue.end() + len(phrase)))
        including = _INCLUDING.search(phrase)
        head: list[str] = []
        if including:
            before = phrase[: including.start()].strip(" ,")
            if not _VAGUE_ITEM.match(_LEADING_DETERMINER.sub("", before)):
                head = [before]
            phrase = phrase[including.end() :]
        listed = _split_agenda(phrase)
        # long items of a list of three or more keep their heads ("the villagers still living
        # near the dam" -> "villagers still living"); a long phrase alone stays whole
        for part, in_list in [(h, False) for h in head] + [(p, len(listed) >= 3) for p in listed]:
            cleaned = _clean_agenda_item(part, in_list=in_list)
            if cleaned and cleaned.casefold() not in (i.casefold() for i in items):
                items.append(cleaned)
    return items, spans


_IN_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")


def _cut_at_venue(phrase: str) -> str:
    """ "trade in Geneva" -> "trade", but "the war in Sudan" stays: a city is a venue."""
    cities = load_gazetteer().city_to_country
    for match in _IN_PLACE.finditer(phrase):
        if match.group(1) in cities or match.group(1).split()[0] in cities:
            return phrase[: match.start()]
    return phrase


def _split_agenda(phrase: str) -> list[str]:
    # Split first, then unwrap generic heads per item ("concerns over tariffs"), so that
    # "A and demands regarding B and C" keeps A.
    return [part for part in _AGENDA_SPLIT.split(phrase) if part.strip()]
