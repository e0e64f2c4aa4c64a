from datetime import UTC, datetime
from pathlib import Path

from knowledge.extract.sentences import split_sentences
from knowledge.extract.summary import MAX_CHARS, summarise
from knowledge.models import Article

SAMPLE = Path(__file__).parents[2] / "knowledge/samples/aa-2026-02-03-us-iran-istanbul-talks.txt"


def article(text: str, *, title: str = "", standfirst: str | None = None) -> Article:
    return Article(
        id="a1",
        title=title,
        standfirst=standfirst,
        text=text,
        published=datetime(2026, 2, 3, tzinfo=UTC),
    )


def summary_of(text: str, **kwargs: str | None) -> str:
    item = article(text, **kwargs)  # type: ignore[arg-type]
    return summarise(item, split_sentences(item.id, item.text))


def test_sample_summary_is_the_lead_without_page_furniture() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    result = summary_of(text, title=text.splitlines()[2])
    assert result.startswith("Senior officials from the US and Iran are preparing")
    assert "talks in Istanbul on Friday" in result
    for clutter in ("Anadolu Agency website", "Update :", "World\n", "subscription"):
        assert clutter not in result
    assert len(result) <= MAX_CHARS


def test_standfirst_comes_first_and_gets_a_full_stop() -> None:
    result = summary_of(
        "The finance ministers met in Oslo on Monday to agree a new fishing quota for the "
        "North Sea. Talks lasted nine hours.",
        title="Quota deal",
        standfirst="Ministers agree deeper cuts to North Sea fishing after a long night of talks",
    )
    assert result.startswith("Ministers agree deeper cuts to North Sea fishing")
    assert "night of talks. The finance ministers met in Oslo" in result


def test_clutter_headline_byline_and_dateline_are_skipped() -> None:
    text = (
        "Sign up for our newsletter\n\n"
        "Mayor resigns over budget row\n\n"
        "By Jane Smith | 03.02.2026\n\n"
        "LISTEN TO ARTICLE\n\n"
        "OSLO (Reuters) - The mayor of Oslo resigned on Tuesday after the city council rejected "
        "her budget for a third time.\n\n"
        "Photo: Getty Images\n\n"
        "Her deputy will take over until an election in May."
    )
    result = summary_of(text, title="Mayor resigns over budget row")
    assert result.startswith("The mayor of Oslo resigned on Tuesday")
    assert "Reuters" not in result
    assert "Sign up" not in result
    assert "Jane Smith" not in result
    assert "Getty" not in result


def test_at_most_three_sentences_and_max_length() -> None:
    sentence = "The committee examined the proposal in detail during a long session."
    result = summary_of(" ".join([sentence.replace("proposal", f"proposal {i}") for i in range(8)]))
    assert result.count(".") <= 3
    assert len(result) <= MAX_CHARS


def test_a_very_long_lead_is_cut_at_a_word_boundary() -> None:
    lead = "The council said " + "that the plan would go ahead " * 30 + "next year."
    result = summary_of(lead)
    assert len(result) <= MAX_CHARS
    assert result.endswith("…")
    assert result.startswith("The council said that the plan")


def test_reader_prompts_are_not_summaries() -> None:
    text = (
        "We'd like to hear from you: upload your photos here and tag #climate.\n\n"
        "World leaders opened climate talks in Paris on Monday with a call for a binding deal."
    )
    assert summary_of(text).startswith("World leaders opened climate talks")


def test_empty_article_falls_back_to_the_title() -> None:
    assert summary_of("", title="Nothing but a headline") == "Nothing but a headline"
