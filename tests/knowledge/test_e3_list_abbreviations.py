"""Titles and state codes abbreviated inside a list of names never end the sentence."""

import pytest

from knowledge.extract.sentences import split_sentences


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Sens. Jo Kell, R-Ariz., Ann Wirt, D-N.Y., and Sen. Cal Brew, D-Ill., agreed.",
            id="sens-state-codes",
        ),
        pytest.param(
            "The list includes Pardo; Sen. Lin Grey, R-South Carolina; Sen. Al Moe, D-Colorado;"
            " and Sen. Cy Shaw, D-New York.",
            id="sen-semicolons",
        ),
        pytest.param(
            "Reps. Al Moe and Di Fenn met Gov. Tom Ash, Lt. Gov. Bea Lind and Lt. Gen. Ed Rook.",
            id="reps-gov-lt-gen",
        ),
    ],
)
def test_list_of_titled_names_is_one_sentence(text: str) -> None:
    assert [s.text for s in split_sentences("e3-s", text)] == [text]


def test_state_code_then_new_sentence_still_splits() -> None:
    text = "The bill passed, said Sen. Jo Kell, R-Ariz. The House votes next week."
    assert len(split_sentences("e3-s", text)) == 2
