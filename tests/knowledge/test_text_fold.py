"""fold's quick path for ASCII and curly-quoted text gives what the full table gives."""

from __future__ import annotations

import unicodedata

import pytest

from knowledge.answering.text import _FOLD, _NON_ASCII, _drop_combining, fold


def _by_table(text: str) -> str:
    """fold's definition: the table, then accents dropped, then case folded."""
    folded = text.translate(_FOLD)
    if not folded.isascii():
        folded = _NON_ASCII.sub(_drop_combining, unicodedata.normalize("NFKD", folded))
    return folded.casefold()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Plain ASCII, said the Minister.",
        "A `backtick` and an ´acute´.",
        "Côte d’Ivoire",
        "‘Single’ and “double” quotes, Mr O’Neill’s.",
        "“Curly” and accented: Peña Nieto, Erdoğan, Zürich.",
        "Dashes — and – ellipses… stay.",
        "ǅ ß ﬁ İstanbul Ω ＡＢＣ x\u0301",
    ],
)
def test_fold_equals_the_table(text: str) -> None:
    assert fold(text) == _by_table(text)


def test_fold_keeps_its_examples() -> None:
    assert fold("Côte d’Ivoire") == "cote d'ivoire"
    assert fold("“Iran’s” `talks`") == "\"iran's\" 'talks'"
