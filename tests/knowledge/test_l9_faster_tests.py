"""Faster forms of per-sentence tests agree with the forms they replace: the amount tests of
'how many' answers (two steps, not one pattern) and the words with a stem's first letters
(a matched space, not a look-behind), and the speaker tests of quote answers (names tried
in C, the nearest cue found by bisection), and which roles are past (told per role)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from knowledge.answering import fallback, quotes, search
from knowledge.answering.facts import FactBase
from knowledge.answering.text import fold, prefixed_words, stem_prefixes
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.models import Role
from knowledge.store import Store

TEXTS = [
    "Three people were hurt.",
    "THIRTY cases were reported in 2003.",
    "The fraud was reported in 2003.",
    "In 1999 the office opened.",
    "It cost $5m, officials said.",
    "It cost £ 12,500.",
    "Half of the members voted.",
    "Someone's phone rang.",
    "The tent was pitched near the stone wall.",
    "One's own view.",
    "Dozens gathered; hundreds more watched.",
    "The 20th anniversary.",
    "Twentyfold growth.",
    "a ten_year plan",
    "ﬁfty ﬁrms",  # a ligature: case-blind matching is not ASCII lower-casing here
    "ſix months",  # long s: matches 's' case-blind
    "The Kelvin sign: \u212aelvin, and ONE more.",
    "Café owners, thirty of them.",
    "Côte d'Ivoire sent troops.",
    "Fifty-fifty.",
    "٣ (an Arabic-Indic digit)",
    "percent of voters",
    "no amount here at all",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_says_amount_agrees_with_the_pattern(text: str) -> None:
    assert fallback.says_amount(text) == bool(fallback._AMOUNT_SAID.search(text))


@pytest.mark.parametrize("text", TEXTS)
def test_has_amount_agrees_with_the_pattern(text: str) -> None:
    assert search._has_amount(text) == bool(search._AMOUNT.search(text))


def test_amounts_found_and_not() -> None:
    assert fallback.says_amount("Thirty cases were reported.")
    assert not fallback.says_amount("The fraud was reported in 2003.")
    assert not fallback.says_amount("Someone's stone tent.")
    assert search._has_amount("percent of voters")
    assert not search._has_amount("no amount here")


def _looking_behind(prefixes: frozenset[str]) -> re.Pattern[str]:
    """prefixed_words as it was: a look-behind for the space before each word."""
    longer = sorted(p for p in prefixes if len(p) == 2)
    single = sorted(p for p in prefixes if len(p) == 1)
    branches = []
    if longer:
        branches.append(f"(?<= )(?:{'|'.join(map(re.escape, longer))})[^ ]*")
    if single:
        branches.append(f"(?<= )(?:{'|'.join(map(re.escape, single))})(?= )")
    return re.compile("|".join(branches) or "(?!)")


@pytest.mark.parametrize(
    "prefixes",
    [
        frozenset({"a", "me"}),
        frozenset({"me"}),
        frozenset({"i"}),
        frozenset({"go", "we", "x"}),
        stem_prefixes("meeting"),
        frozenset(),
    ],
)
@pytest.mark.parametrize(
    "text",
    [
        " a man met an ally a ",
        " meet  me  a  metre ",
        " i went to go west x ",
        "a me at the start and end me",
        " x ",
        " ",
        "",
        "  ",
        " we-went me,met ",
    ],
)
def test_prefixed_words_find_the_words_the_look_behind_found(
    prefixes: frozenset[str], text: str
) -> None:
    assert prefixed_words(prefixes).findall(text) == _looking_behind(prefixes).findall(text)


def _begins_as_before(text: str, names: list[str], short: list[str]) -> bool:
    """quotes._begins_with as it was: each name tried in turn in Python."""
    words = text.split()
    start = 0
    while start < len(words) - 1 and start < 4 and fold(words[start]) in quotes._LEADING_TITLES:
        start += 1
    rest = fold(" ".join(words[start:]))
    if any(rest.startswith(k + " ") or rest.startswith(k + ",") for k in names):
        return True
    following = words[start + 1] if start + 1 < len(words) else ""
    return (
        bool(following)
        and not following[:1].isupper()
        and any(rest.startswith(k + " ") for k in short)
    )


SUBJECTS = [
    "Moon thanked the delegates.",
    "Moon Jae-in thanked the delegates.",
    "President Moon, speaking in Seoul, thanked them.",
    "Former Prime Minister Moon said so.",
    "Richard Moon said so.",
    "Moon Richard said so.",
    "moon landing plans were shelved",
    "The moon rose.",
    "Mr. Jae-in said  nothing.",
    "Moon",
    "",
    "Jae-in, the president, left.",
]


@pytest.mark.parametrize("text", SUBJECTS)
@pytest.mark.parametrize(
    ("names", "short"),
    [(["moon jae-in"], ["moon", "jae-in"]), (["moon"], []), ([], ["moon"]), ([], [])],
)
def test_begins_with_agrees_with_the_name_by_name_test(
    text: str, names: list[str], short: list[str]
) -> None:
    assert quotes._begins_with(
        text, quotes._heads(names, " ,"), quotes._heads(short, " ")
    ) == _begins_as_before(text, names, short)


def _speaks_as_before(folded: str, patterns: list[re.Pattern[str]]) -> bool:
    """quotes._speaks_folded as it was: every cue measured against every name."""
    cues = quotes._speech_cues(folded)
    if not cues:
        return False
    return any(
        abs(cue - match.start()) <= 80
        for pattern in patterns
        for match in pattern.finditer(folded)
        for cue in cues
    )


@pytest.mark.parametrize("gap", [0, 1, 40, 70, 75, 76, 77, 80, 81, 85, 120, 200])
@pytest.mark.parametrize("name_first", [True, False])
def test_speaks_folded_finds_a_cue_as_near_as_before(gap: int, name_first: bool) -> None:
    filler = ("x" * gap) + " "
    parts = ["moon", filler, "said", filler, "moon"] if name_first else ["said", filler, "moon"]
    folded = fold(" ".join(parts))
    patterns = quotes._name_patterns(["Moon"])
    assert quotes._speaks_folded(folded, patterns) == _speaks_as_before(folded, patterns)


def test_current_first_drops_past_roles_given_twice_as_equal_copies() -> None:
    # Equal roles stored twice (two copies, not one object): a copy of a past role is past
    # too, as the membership test by value had it; a copy of a held one is kept.
    with Store.open(":memory:") as store:
        facts = FactBase(store, load_gazetteer())
        held = Role(title="chief executive", affiliation="Keller Bank", as_of=date(2031, 1, 5))
        ended = Role(
            title="former chief executive", affiliation="Keller Bank", as_of=date(2031, 3, 5)
        )
        office = Role(title="finance minister", affiliation="Austria", as_of=date(2031, 2, 1))
        roles = [office, ended.model_copy(), held, ended, office.model_copy()]
        assert facts.current_first(roles) == [office, office]
        by_value = [r for r in roles if r not in [ended]]
        assert facts.current_first(roles) == [r for r in by_value if r is not held]
        assert facts.current_first([held, office]) == [held, office]


def _covers_as_before(found: set[int], parts: list[quotes._Part]) -> bool:
    specific = {index for index, part in enumerate(parts) if not part.generic}
    if specific:
        return specific <= found
    return bool(found)


def _specific_as_before(found: set[int], parts: list[quotes._Part]) -> set[int]:
    if all(part.generic for part in parts):
        return found
    return {index for index in found if not parts[index].generic}


def test_covers_and_specific_agree_with_their_set_forms() -> None:
    # Every topic of up to 4 parts, generic or not, and every set of parts found in it.
    for size in range(5):
        for generic_mask in range(2**size):
            parts = [
                quotes._Part(names=(f" n{i} ",), generic=bool(generic_mask >> i & 1))
                for i in range(size)
            ]
            for found_mask in range(2**size):
                found = {i for i in range(size) if found_mask >> i & 1}
                assert quotes._covers(found, parts) == _covers_as_before(found, parts)
                assert quotes._specific(found, parts) == _specific_as_before(found, parts)
