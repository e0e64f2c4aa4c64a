"""A name's matching key: the fast paths (ASCII folded in place, plain words as they are)
give the keys of the general rule."""

from __future__ import annotations

import random
import re

from knowledge.answering.text import fold, key


def general_key(text: str) -> str:
    folded = re.sub(r"'s\b", "", fold(text))
    return " ".join(re.sub(r"[^\w.]+", " ", folded).replace(".", "").split())


def test_examples() -> None:
    assert key("U.S.") == "us"
    assert key("Iran's") == "iran"
    assert key("Al-Sisi") == "al sisi"
    assert key("Côte d’Ivoire") == "cote d ivoire"
    assert key("  Ban   Ki-moon ") == "ban ki moon"
    assert key("Donald Trump") == "donald trump"
    assert key("x_y") == "x_y"


def test_random_names_match_the_general_rule() -> None:
    chance = random.Random(11)
    alphabet = "aB1 .'’-_éßİ²\t"
    for _ in range(20000):
        text = "".join(chance.choice(alphabet) for _ in range(chance.randint(0, 8)))
        assert key(text) == general_key(text), text
