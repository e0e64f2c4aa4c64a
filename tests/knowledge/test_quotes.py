"""Stages 3-4: quotes (cue, source, content) and coreference of their speakers."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from knowledge.extract.entities import find_entities
from knowledge.extract.quotes import find_quotes
from knowledge.extract.sentences import split_sentences
from knowledge.models import Article, Quote, QuoteKind

# A Tuesday: "Sunday" in a past-tense report is 2026-02-01.
PUBLISHED = datetime(2026, 2, 3, 12, 0, tzinfo=UTC)


def _quotes(text: str, published: datetime | None = PUBLISHED) -> list[Quote]:
    article = Article(id="q", text=text, published=published)
    sentences = split_sentences(article.id, text)
    quotes = find_quotes(article, sentences, find_entities(article, sentences))
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.article_id == "q"
    return quotes


def _one(text: str) -> Quote:
    quotes = _quotes(text)
    assert len(quotes) == 1, [(q.text, q.speaker) for q in quotes]
    return quotes[0]


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "“We will rebuild the bridge by spring,” Mayor Maria Lopez said.",
            "We will rebuild the bridge by spring",
            "Maria Lopez",
            "said",
        ),
        (
            "“We will rebuild the bridge by spring,” said Maria Lopez, the city's mayor.",
            "We will rebuild the bridge by spring",
            "Maria Lopez",
            "said",
        ),
        (
            'Senator Tom Hardy added: "The budget is a disgrace and we will vote it down."',
            "The budget is a disgrace and we will vote it down.",
            "Tom Hardy",
            "added",
        ),
        (
            "Coach Ben Marsh struck a defiant note, warning, “Nobody in this league scares us.”",
            "Nobody in this league scares us.",
            "Ben Marsh",
            "warning",
        ),
        (
            "“The deal is done and the money is on the table,” Finance Minister Ana Gil told "
            "reporters in Lisbon.",
            "The deal is done and the money is on the table",
            "Ana Gil",
            "told",
        ),
        (
            "‘We cannot accept these terms at all,’ said union leader Paul Ward.",
            "We cannot accept these terms at all",
            "Paul Ward",
            "said",
        ),
    ],
    ids=["after-name-said", "said-name-apposition", "added-colon", "participle", "told", "single"],
)
def test_direct_quote_attribution_forms(text: str, content: str, speaker: str, cue: str) -> None:
    quote = _one(text)
    assert quote.kind is QuoteKind.DIRECT
    assert quote.text == content
    assert quote.speaker == speaker
    assert quote.cue == cue


def test_attribution_in_the_middle_gives_two_quotes_by_one_speaker() -> None:
    quotes = _quotes(
        "“The plan is sound,” Energy Secretary Jo Park said, “and we will fund it in full.”"
    )
    assert [q.text for q in quotes] == ["The plan is sound", "and we will fund it in full."]
    assert {q.speaker for q in quotes} == {"Jo Park"}


def test_said_on_a_weekday_resolves_backwards_from_publication() -> None:
    quote = _one("President Lee Harmon said Sunday, “We are very close to a deal now.”")
    assert quote.said_on == date(2026, 2, 1)
    quote = _one("“We are very close to a deal now,” Lee Harmon told reporters on Monday.")
    assert quote.said_on == date(2026, 2, 2)


def test_no_publication_date_means_no_said_on() -> None:
    quotes = _quotes("Lee Harmon said Sunday, “We are very close to a deal now.”", published=None)
    assert [q.said_on for q in quotes] == [None]


def test_surname_pronoun_and_role_noun_resolve_to_the_full_name() -> None:
    text = (
        "Prime Minister Helena Sorensen arrived in Oslo on Monday.\n\n"
        "“This is a good day for Norway,” Sorensen said.\n\n"
        "“We have waited a long time for it,” she added.\n\n"
        "The prime minister said the agreement would be signed next week."
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Helena Sorensen"] * 3
    assert [q.speaker_mention for q in quotes] == ["Sorensen", "she", "The prime minister"]
    assert quotes[2].kind is QuoteKind.INDIRECT
    assert quotes[2].text == "the agreement would be signed next week"


def test_a_quote_paragraph_without_attribution_continues_the_previous_speaker() -> None:
    text = (
        "“We are going to fight this ruling,” lawyer Dana Kim said.\n\n"
        "“There is no basis in law for it, and the court knows that.”"
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Dana Kim", "Dana Kim"]
    assert quotes[1].confidence < quotes[0].confidence


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Mayor John Reed said that the new tram line will open in May.",
            "the new tram line will open in May",
            "John Reed",
            "said",
        ),
        (
            "Police chief Sara Diaz told reporters the suspect had fled the city.",
            "the suspect had fled the city",
            "Sara Diaz",
            "told",
        ),
        (
            "According to Professor Ian Cole, the drought will last another year.",
            "the drought will last another year",
            "Ian Cole",
            "according to",
        ),
        (
            "The river will flood the lower town by Friday, officials said.",
            "The river will flood the lower town by Friday",
            "officials",
            "said",
        ),
        (
            "Economist Rita Moss warned that inflation could return by the summer.",
            "inflation could return by the summer",
            "Rita Moss",
            "warned",
        ),
        (
            "Analysts say the merger reflects fears of a slowing market.",
            "the merger reflects fears of a slowing market",
            "Analysts",
            "say",
        ),
    ],
    ids=["said-that", "told-hearer", "according-to", "trailing-said", "warned-that", "generic"],
)
def test_indirect_quote_forms(text: str, content: str, speaker: str, cue: str) -> None:
    quote = _one(text)
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text == content
    assert quote.speaker == speaker
    assert quote.cue == cue


def test_quote_relayed_by_an_outlet_keeps_the_speaker_and_names_the_outlet() -> None:
    quote = _one(
        "Ali Vaez of the International Crisis Group warned that “a strike would export chaos "
        "faster than anyone could contain it,” according to the WSJ."
    )
    assert quote.kind is QuoteKind.DIRECT
    assert quote.speaker == "Ali Vaez"
    assert quote.attributed_via == "The Wall Street Journal"
    quote = _one("The ceasefire is holding in most areas, officials told The New York Times.")
    assert quote.speaker == "officials"
    assert quote.attributed_via == "The New York Times"


def test_a_pull_quote_that_repeats_a_body_quote_counts_once() -> None:
    text = (
        "‘Strike would export chaos’\n\n"
        "Analyst Ana Ruiz warned that “a strike would export chaos across the region,” she said."
    )
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert quotes[0].speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “reform” package was passed on Monday.",
        "Critics called it a “disaster” and a “farce” in the debate.",
        "He won the “Best Actor” award for the third time.",
    ],
)
def test_scare_quotes_are_not_quotes(text: str) -> None:
    assert _quotes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The index added 0.4 per cent to 5,835 on Tuesday.",
        "The goalkeeper denied the striker twice in the first half.",
        "What he said about the plan did not matter to the markets.",
        "Sources say.",
    ],
)
def test_reporting_verbs_in_other_senses_are_not_quotes(text: str) -> None:
    assert _quotes(text) == []


@pytest.mark.parametrize(
    "text",
    ["", "“", "”,” he said.", '"""', "“Unclosed quote that never ends", "said said said"],
)
def test_odd_input_never_raises(text: str) -> None:
    _quotes(text)


def test_a_partial_quote_keeps_the_sentence_it_closes() -> None:
    quote = _one('Her year in office has been "life-changing and heartbreaking," she said.')
    assert quote.text == 'Her year in office has been "life-changing and heartbreaking'
    assert quote.speaker_mention == "she"


def test_a_colon_introduces_a_quote_by_the_sentence_subject() -> None:
    quote = _one(
        "Dr. Dave Martell, an addictions doctor, is more blunt: “They are going to uncover "
        "things that are horrifying.”"
    )
    assert quote.speaker == "Dave Martell"
    assert quote.cue is None


def test_a_parenthetical_attribution_splits_the_sentence() -> None:
    quotes = _quotes(
        "Dr. Robert Strang spoke on Monday. The drugs have a limited set of uses, he says, "
        "and are mostly meant to be taken only short term."
    )
    assert [q.text for q in quotes] == [
        "The drugs have a limited set of uses",
        "and are mostly meant to be taken only short term",
    ]
    assert {q.speaker for q in quotes} == {"Robert Strang"}


def test_a_name_in_apposition_beats_the_description_before_it() -> None:
    quote = _one("“Most printers want 1,000 copies,” says Campbell’s partner, Jason Louth.")
    assert quote.speaker == "Jason Louth"
    quote = _one(
        "But the director of provincial operations for EHS, Jeff Fraser, says the system is "
        "designed for that."
    )
    assert quote.speaker == "Jeff Fraser"
    assert quote.text == "the system is designed for that"


def test_they_refers_back_to_the_group_that_spoke() -> None:
    quotes = _quotes(
        "The paramedics union says crews are stretched across the province.\n\n"
        "They say the system cannot cope with the winter surge."
    )
    assert [q.speaker for q in quotes] == ["The paramedics union", "The paramedics union"]


def test_a_lone_brand_before_a_title_is_not_the_speaker() -> None:
    quote = _one("“We will keep cutting costs,” Qantas boss Geoff Dixon said.")
    assert quote.speaker == "Geoff Dixon"


def test_a_quote_running_over_paragraphs_takes_the_closing_attribution() -> None:
    text = (
        "Mayor Ana Ruiz spoke first.\n\n"
        "“We will not close the library. It serves thousands of families every week.\n\n"
        "“And we will find the money for it,” said council member Tom Price."
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Tom Price", "Tom Price"]
    assert quotes[0].text.endswith("every week.")


def test_a_cue_ending_the_previous_paragraph_attributes_the_quote() -> None:
    quotes = _quotes(
        "Premier Doug Ford told the crowd:\n\n“We will build the subway, whatever it costs.”"
    )
    assert [(q.speaker, q.cue) for q in quotes] == [("Doug Ford", "told")]


def test_guillemets_are_quote_marks() -> None:
    quote = _one("«Nous allons gagner cette bataille ensemble,» said Mayor Anne Roy.")
    assert quote.text == "Nous allons gagner cette bataille ensemble"
    assert quote.speaker == "Anne Roy"


def test_two_outlets_reporting_together_are_one_source() -> None:
    quote = _one(
        "The Wall Street Journal and The New York Times reported Monday that the talks would "
        "take place in Oman."
    )
    assert quote.speaker == "The Wall Street Journal and The New York Times"
    assert quote.said_on == date(2026, 2, 2)
    assert quote.text == "the talks would take place in Oman"


def test_a_trimmed_pull_quote_is_not_a_second_quote() -> None:
    text = (
        "“Just listen to us, we are people”\n\n"
        "“Just listen. Just listen to us. We are not rich, but we are people,” said Dennis Brooks."
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Dennis Brooks"]


def test_a_pronoun_prefers_the_subject_over_a_person_named_after_a_preposition() -> None:
    text = (
        "Economist Ben Myers spoke first. Myers also cited an idea from Frank Clayton, a "
        "researcher at the university.\n\n“We need far more rental supply,” he said."
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Ben Myers"]


def test_a_description_after_a_sentence_about_someone_means_that_person() -> None:
    text = (
        "I’m talking about Alfonso Espinos, who was born in Mexico and moved north. "
        "“We publish local creators first,” says the 39-year-old founder of the press."
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Alfonso Espinos"]


def test_a_source_named_with_an_ing_word_keeps_its_name() -> None:
    quote = _one("Downing Street said the prime minister would travel to Paris on Friday.")
    assert quote.speaker == "Downing Street"


def test_they_after_a_named_group_is_that_group() -> None:
    text = (
        "Journalist Jamal Khashoggi was killed in October. On Thursday his family issued a "
        "statement.\n\n“We call for an independent and impartial international inquiry,” they "
        "said in the statement."
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Jamal Khashoggi’s family"]


def test_a_fronted_time_phrase_does_not_make_the_subject_an_object() -> None:
    text = (
        "Jamal Khashoggi disappeared in Istanbul. President Donald Trump spoke on Tuesday.\n\n"
        "On Wednesday, Trump denied he was covering up for anyone.\n\n"
        "“I’m not giving cover at all,” he told reporters."
    )
    quotes = _quotes(text)
    assert [q.speaker for q in quotes if q.kind is QuoteKind.DIRECT] == ["Donald Trump"]


def test_according_to_at_the_end_of_a_sentence() -> None:
    quote = _one(
        "The two leaders may make progress on trade this week, according to Kurt Campbell."
    )
    assert quote.kind is QuoteKind.INDIRECT
    assert quote.text == "The two leaders may make progress on trade this week"
    assert quote.speaker == "Kurt Campbell"
    assert quote.cue == "according to"


def test_a_second_source_after_but_starts_its_own_quote() -> None:
    quotes = _quotes(
        "According to the agency, the target is met in 90 per cent of cases but union chief "
        "Terry Chapman says that is not what paramedics are seeing."
    )
    assert [(q.speaker, q.text) for q in quotes] == [
        ("the agency", "the target is met in 90 per cent of cases"),
        ("Terry Chapman", "that is not what paramedics are seeing"),
    ]


def test_a_participle_after_an_attribution_keeps_its_speaker() -> None:
    quotes = _quotes(
        "Rep. Lucille Roybal-Allard spoke on Monday.\n\n“Our goal is to keep our promises,” "
        "she said, noting that the public has great influence on what happens in Washington."
    )
    assert [(q.kind, q.speaker) for q in quotes] == [
        (QuoteKind.DIRECT, "Lucille Roybal-Allard"),
        (QuoteKind.INDIRECT, "Lucille Roybal-Allard"),
    ]


def test_those_can_open_a_source() -> None:
    quote = _one("All those involved say the issue is complex and cannot be fixed quickly.")
    assert quote.speaker == "All those involved"


def test_a_new_sentence_with_its_own_content_is_not_the_previous_quotes_attribution() -> None:
    quotes = _quotes(
        "Donald Tusk spoke in Brussels. “We need clarity as soon as possible.” He added that the "
        "risk of a disorderly exit had increased with the vote."
    )
    assert [(q.kind, q.cue) for q in quotes] == [
        (QuoteKind.DIRECT, None),
        (QuoteKind.INDIRECT, "added"),
    ]
    assert quotes[1].speaker == "Donald Tusk"


@pytest.mark.parametrize(
    ("text", "content", "speaker", "cue"),
    [
        (
            "Rep. Dana Whitlow (D-Ore.) blasted it as “a gift to the polluters.”",
            "a gift to the polluters.",
            "Dana Whitlow",
            "blasted",
        ),
        (
            "Radio host Gil Marsh called the remarks “baffling.”",
            "baffling.",
            "Gil Marsh",
            "called",
        ),
        (
            "Coach Iris Lamb described them as “the best team I have seen.”",
            "the best team I have seen.",
            "Iris Lamb",
            "described",
        ),
        (
            "Mayor Rob Tull called Kemp’s plan “reckless” for the city “and for the region.”",
            "reckless” for the city “and for the region.",
            "Rob Tull",
            "called",
        ),
    ],
    ids=["blasted-it-as", "called-the-remarks", "described-them-as", "two-pieces-one-quote"],
)
def test_characterising_verbs_attribute_the_quoted_words(
    text: str, content: str, speaker: str, cue: str
) -> None:
    quote = _one(text)
    assert (quote.text, quote.speaker, quote.cue) == (content, speaker, cue)


def test_a_passive_characterisation_has_no_speaker_before_the_verb() -> None:
    quotes = _quotes("Tom Ree was in court. He was also described as “a loner.”")
    assert [(q.text, q.speaker) for q in quotes if q.speaker == "Tom Ree"] == []


def test_one_word_characterisations_by_two_people_are_two_quotes() -> None:
    quotes = _quotes(
        "Sen. Ada Frye called the vote “shameful,” and Rep. Cal Ness called it "
        "“the most shameful day in years.”"
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("shameful", "Ada Frye"),
        ("the most shameful day in years.", "Cal Ness"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Sen. Mel Oakes (R) of Idaho said the bill “goes too far.”",
        "Rep. Mel Oakes (D-N.M.) of Santa Fe said the bill “goes too far.”",
    ],
    ids=["party-letter-then-state", "party-code-then-town"],
)
def test_party_code_and_home_state_after_a_name_are_not_the_speaker(text: str) -> None:
    assert _one(text).speaker == "Mel Oakes"


def test_a_family_statement_is_the_familys_not_the_previous_speakers() -> None:
    quotes = _quotes(
        "Ted Ruiz was shot on Friday. “We will look into it,” Police Chief Anna Stone told "
        "reporters.\n\nHis family released a statement on Monday. “We want the truth,” they "
        "said in the statement. “He was a kind father,” his family said."
    )
    assert [q.speaker for q in quotes] == ["Anna Stone", "Ted Ruiz’s family", "Ted Ruiz’s family"]


def test_a_surname_that_is_also_a_place_word_stays_the_person() -> None:
    quotes = _quotes(
        "Health minister Ada Hall spoke in York on Monday. “Waiting lists will shrink,” Hall "
        "said.\n\nThe minister is cross with the regulator. “They are far too slow,” Hall said."
    )
    assert [q.speaker for q in quotes] == ["Ada Hall", "Ada Hall"]


def test_unnamed_office_holder_keeps_the_role_not_the_last_named_person() -> None:
    text = (
        "Governor Ines Halvorsen opened the session. “We balanced the books,” Halvorsen told "
        "reporters in Tromso.\n\n"
        "The state auditor meanwhile said the accounts were incomplete. “Two ledgers are missing.”"
    )
    quotes = _quotes(text)
    by_text = {q.text: q for q in quotes}
    assert by_text["We balanced the books"].speaker == "Ines Halvorsen"
    indirect = by_text["the accounts were incomplete"]
    assert indirect.speaker == "The state auditor"
    assert indirect.speaker_id is None
    assert by_text["Two ledgers are missing."].speaker == "The state auditor"


def test_office_noun_resolves_to_the_person_holding_it() -> None:
    text = (
        "City treasurer Piet Vandam presented the figures. Mayor Ola Brandt praised the plan.\n\n"
        "The treasurer said the surplus would be spent on roads."
    )
    quote = next(q for q in _quotes(text) if q.text.startswith("the surplus"))
    assert quote.speaker == "Piet Vandam"


def test_bare_surname_means_the_public_figure_not_the_relative_named_after_him() -> None:
    text = (
        "Senator Okafor's son Daniel Okafor toured the plant in Enugu on Monday.\n\n"
        "“You raised their taxes,” Okafor said to Bello during the debate."
    )
    quote = _one(text)
    assert quote.speaker != "Daniel Okafor"
    assert quote.speaker == "Okafor"
    assert quote.speaker_role == "senator"


def test_quotes_glued_to_the_text_without_spaces_are_all_found() -> None:
    text = (
        'Critics call the plan reckless."It is a fair plan," Adeyemi told "Morning Live" on '
        'Radio Nine."We checked every figure twice. Nothing was hidden.""Why the panic?" '
        "Adeyemi said."
    )
    contents = {q.text: q.speaker for q in _quotes(text)}
    assert contents.get("It is a fair plan") == "Adeyemi"
    assert contents.get("We checked every figure twice. Nothing was hidden.") == "Adeyemi"
    assert contents.get("Why the panic?") == "Adeyemi"


def test_an_object_that_speaks_is_the_source_not_a_person_nearby() -> None:
    text = (
        "Curator Mila Roth showed visitors around on Friday. In the harbour exhibit it says "
        'plainly, "No ships were lost that winter."'
    )
    quote = _one(text)
    assert quote.speaker == "the harbour exhibit"
    assert quote.speaker_id is None


def test_an_opening_mark_typed_as_the_closing_one_still_closes_the_quote() -> None:
    text = "“The bridge will reopen in May,“ Mayor Edda Stroem said at her office on Friday."
    quote = _one(text)
    assert quote.text == "The bridge will reopen in May"
    assert quote.speaker == "Edda Stroem"


def test_an_opening_phrase_before_a_partial_quote_stays_the_narrators() -> None:
    quote = _one('During the hearing, "the numbers never added up," Judge Vera Lindqvist said.')
    assert quote.text == "the numbers never added up"
    assert quote.speaker == "Vera Lindqvist"


def test_a_programme_title_in_quote_marks_is_not_a_quote() -> None:
    text = (
        'Critic Ivo Brandt told "The Late Evening Review With Sam Kole" that the budget was '
        'a mistake. "We will pay for this for years," Brandt said.'
    )
    contents = [q.text for q in _quotes(text)]
    assert "The Late Evening Review With Sam Kole" not in contents
    assert "We will pay for this for years" in contents


def test_an_unnamed_body_is_no_person_and_a_named_one_keeps_its_whole_name() -> None:
    quotes = _quotes(
        "Mayor Anna Kovac defended the budget. The group says it can win support for removing "
        "the tax. The Elect the Lords Campaign said reform was overdue."
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["it can win support for removing the tax"] == "The group"
    assert speakers["reform was overdue"] == "Elect the Lords Campaign"


def test_a_programme_title_is_neither_a_speaker_nor_a_date() -> None:
    quotes = _quotes(
        "“An inquiry has begun,” said former aide Dan Hollis during an appearance on “Fox News "
        "Sunday,” adding that he would not comment on the president’s role. “We were not "
        "involved,” Hollis told “Fox News Sunday.”"
    )
    assert all("Fox" not in (q.speaker or "") for q in quotes), [q.speaker for q in quotes]
    comment = next(q for q in quotes if q.text.startswith("he would not comment"))
    assert comment.speaker == "Dan Hollis"  # the person named after the earlier cue
    involved = next(q for q in quotes if q.text.startswith("We were not involved"))
    assert involved.speaker == "Dan Hollis"
    assert involved.said_on is None


def test_a_surname_only_speaker_who_says_i_is_a_person() -> None:
    text = (
        'Critics said the president had no faith at all. "I know the type," Reyes said. Reyes '
        'said he would not vote. "It is a disgrace," Reyes added.'
    )
    article = Article(id="q", text=text, published=PUBLISHED)
    index = find_entities(article, split_sentences(article.id, text))
    assert {e.name: e.kind.value for e in index.entities}.get("Reyes") == "person"


def test_where_a_statement_was_made_is_kept_as_the_quote_place() -> None:
    quotes = _quotes(
        'Mr Dumas told reporters in Brussels: "The rebate can no longer be justified. It was '
        'from the past."\n\nSpeaking in Lima, Carla Moreno said the teachers deserved more. '
        '"We will win," Moreno said at a rally in Plaza Mayor. "It is close," Moreno said of '
        "the count in Madrid."
    )
    places = {q.text: q.place for q in quotes}
    assert places["The rebate can no longer be justified. It was from the past."] == "Brussels"
    assert places["the teachers deserved more"] == "Lima"
    assert places["We will win"] == "Plaza Mayor"
    assert places["It is close"] is None


def test_the_person_a_source_phrase_ends_on_is_the_speaker() -> None:
    quotes = _quotes(
        "Governor Tom Ridge spoke in Ohio. Ridge foreign policy director Ana Cole said the "
        "governor understands the alliance. Tom Ridge and Jo Bell said they had been close to "
        "a deal."
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["the governor understands the alliance"] == "Ana Cole"
    assert speakers["they had been close to a deal"] == "Tom Ridge"


def test_a_pronoun_after_a_subject_verb_object_sentence_is_the_subject() -> None:
    quotes = _quotes(
        "Prime Minister Oren Talbot met Treasury Secretary Milo Hask in Lisbon on Sunday.\n\n"
        "Talbot thanked Hask for coming straight from the airport, calling it an important "
        'day. He said, "I dearly hope the budget deal will be signed soon."'
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["I dearly hope the budget deal will be signed soon."] == "Oren Talbot"


def test_a_pronoun_after_a_quote_never_means_a_name_inside_the_quote() -> None:
    quotes = _quotes(
        "Prime Minister Oren Talbot met Treasury Secretary Milo Hask in Lisbon.\n\n"
        '"Yesterday I spoke with Secretary Hask," Talbot said on Monday. "I thanked '
        'Secretary Hask for his tough policy on spending," he added.'
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["I thanked Secretary Hask for his tough policy on spending"] == "Oren Talbot"


@pytest.mark.parametrize("verb", ["sniped", "scoffed", "quipped", "retorted", "grumbled"])
def test_a_speech_verb_after_a_quote_names_its_own_speaker(verb: str) -> None:
    quotes = _quotes(
        '"We will cut the waste," Treasury Secretary Milo Hask said.\n\n'
        f'"Someone needs to buy the treasury a calendar," an opposition lawmaker {verb}.'
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["Someone needs to buy the treasury a calendar"] != "Milo Hask"
    assert "lawmaker" in (speakers["Someone needs to buy the treasury a calendar"] or "")


def test_an_unknown_verb_after_a_quote_does_not_fall_back_to_the_last_speaker() -> None:
    quotes = _quotes(
        '"We will cut the waste," Treasury Secretary Milo Hask said.\n\n'
        '"Someone needs to buy the treasury a calendar," an opposition lawmaker harrumphed.'
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers.get("Someone needs to buy the treasury a calendar") != "Milo Hask"


def test_the_person_urged_is_not_the_speaker() -> None:
    quotes = _quotes(
        "President Lena Rusk spoke to reporters.\n\nArdent, who like other leaders had lobbied "
        "Rusk to keep the accord that was struck before the president took office in 2017, "
        "urged Rusk to adhere to the deal and to consider broader negotiations."
    )
    assert all(q.speaker != "Lena Rusk" for q in quotes), [(q.text, q.speaker) for q in quotes]


def test_the_body_releasing_a_statement_is_the_speaker() -> None:
    quotes = _quotes(
        "Senator Rhea Vance released a statement saying the ban was long overdue and would "
        "save lives."
    )
    assert [q.speaker for q in quotes] == ["Rhea Vance"]


def test_a_source_phrase_ends_before_another_finite_verb() -> None:
    quotes = _quotes(
        "A survey for the charity suggests 62% of parents say they cannot afford school "
        "uniforms this year."
    )
    assert all(q.speaker is None or "suggests" not in q.speaker for q in quotes), [
        (q.text, q.speaker) for q in quotes
    ]


def test_a_cue_after_a_question_with_a_long_setting_still_attributes() -> None:
    quotes = _quotes(
        'Envoy Dan Rook met Chairman Lee Sook.\n\n"So is everything OK?" Sook asked through an '
        "interpreter as they walked toward the banquet hall.\n\n"
        '"Everything is great," Rook said.'
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["So is everything OK?"] == "Lee Sook"


def test_an_object_left_to_act_stays_the_antecedent() -> None:
    quotes = _quotes(
        "But Mr. Kell made no public statement, instead leaving Vice President Tom Roe to talk "
        'with reporters.\n\n"There was a clear mandate on taxes," he said.'
    )
    assert [q.speaker for q in quotes] == ["Tom Roe"]


def test_a_paper_no_table_lists_relays_the_speaker_named_before() -> None:
    quotes = _quotes(
        'Nadia Fenn of the Harbour Policy Institute warned that "a collapse of the talks would '
        'empty the southern fishing grounds," according to the Globe.'
    )
    assert [(q.speaker, q.attributed_via) for q in quotes] == [("Nadia Fenn", "the Globe")]


def test_the_agent_of_a_passive_is_a_full_antecedent() -> None:
    quotes = _quotes(
        "Shadow minister Tom Ancell told MPs the paper was propaganda. His claims were denied by "
        'Home Secretary Jack Strode, who accused the opposition of "running scared" of debate. '
        "Cooperation would help get better border controls, he argued."
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["Cooperation would help get better border controls"] == "Jack Strode"


def test_a_family_name_first_person_named_alone_is_the_subject_a_pronoun_means() -> None:
    quotes = _quotes(
        "Envoy Dan Rook touched down in Seoul to meet President Moon Jae-in.\n\n"
        "Moon thanked Rook for coming straight to the capital, calling it an important day. "
        'He said, "I dearly hope that your visit will bring progress."'
    )
    assert [q.speaker for q in quotes] == ["Moon Jae-in"]


def test_he_after_a_quote_by_a_name_with_no_entity_continues_that_speaker() -> None:
    quotes = _quotes(
        "Sultan Ahmad V abdicated on Sunday.\n\nKeeper of the Seal, Syed Danial Syed Rahim, said "
        "the council held a meeting Monday. He said in a statement that the new king would be "
        "sworn in on Jan. 31."
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["the new king would be sworn in on Jan. 31"] == "Syed Danial Syed Rahim"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Senator Ivo Brandt said at a veterans' town hall in Iowa on Monday: \"We are fed up "
            'with politicians who say one thing and do another."',
            "Iowa",
        ),
        (
            '"We are fed up with politicians who say one thing," Senator Ivo Brandt said at a '
            "Concerned Voters for America town hall in New Hampshire.",
            "New Hampshire",
        ),
    ],
)
def test_the_place_after_the_occasion_of_a_statement_is_its_place(text: str, place: str) -> None:
    assert [q.place for q in _quotes(text)] == [place]


def test_said_two_titles_and_a_name_is_the_name() -> None:
    quotes = _quotes(
        'Many on the left were angry. "Many of us thought that the war would be the end of '
        'America as we know it," said comedian and author Ben Thurlow.'
    )
    assert [q.speaker for q in quotes] == ["Ben Thurlow"]


def test_a_persons_spokesman_before_a_colon_is_the_speaker_not_the_person() -> None:
    quotes = _quotes(
        "The statute has never been used.\n\nBritish Prime Minister Alana Moss’s spokesman made "
        "the limits of potential action clear: “UK businesses may wish to consider the "
        "implications for their business activities and seek legal advice.”"
    )
    assert len(quotes) == 1
    assert quotes[0].speaker != "Alana Moss"
    assert "spokesman" in (quotes[0].speaker or "")


def test_an_unlisted_verb_with_a_setting_still_attributes() -> None:
    quotes = _quotes(
        '"We will cut the waste," Treasury Secretary Milo Hask said.\n\n'
        '"Someone needs to buy the treasury a calendar," an opposition lawmaker harrumphed on '
        "Twitter."
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert "lawmaker" in (speakers["Someone needs to buy the treasury a calendar"] or "")


def test_the_agency_is_the_body_named_in_the_sentence_before() -> None:
    quotes = _quotes(
        "The mayor claimed a study had been done to confirm this by MetroLink. The agency told "
        "reporters it has not done any such study."
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["it has not done any such study"] == "MetroLink"


def test_the_group_is_never_a_legislature() -> None:
    quotes = _quotes(
        "Lawyers said Congress passed the act in 1996. The group said the lawmakers wanted to "
        "preserve a uniform definition."
    )
    assert all(q.speaker != "Congress" for q in quotes)


def test_a_title_with_commas_of_its_own_is_an_apposition_of_the_name_before() -> None:
    quotes = _quotes(
        "Nadeem Bal, Minister of Innovation, Science and Economic Development, said in an "
        "interview on Thursday that the policy discussion was on a broader scale."
    )
    assert [q.speaker for q in quotes] == ["Nadeem Bal"]


def test_a_name_then_he_said_is_not_what_he_means() -> None:
    quotes = _quotes(
        '"It is the old minds and hearts thing," said Sen. Rick Blume, D-Conn. Shuman, he said, '
        '"knows the minds and hearts of his colleagues."'
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["knows the minds and hearts of his colleagues."] == "Rick Blume"


def test_a_fronted_for_phrase_names_the_topic_a_pronoun_means() -> None:
    quotes = _quotes(
        'Kenza Tal, a student, said support had faded. "It did not get better," Tal said.\n\n'
        "For Megda Belka, Friday is a day she has been awaiting eagerly.\n\n"
        '"I am looking forward to see the sentence," she said. Belka says she will attend.'
    )
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers["I am looking forward to see the sentence"] == "Megda Belka"


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The proposed question was published. The Electoral Commission on Thursday said it "
            "was satisfied the question was easy to understand.",
            "it was satisfied the question was easy to understand",
            "Electoral Commission",
        ),
        (
            "European companies including carmaker Vexa (VXA.PA) and engineering group Zentro "
            "(ZNT.DE) all said they were watching the situation closely.",
            "they were watching the situation closely",
            "Zentro",
        ),
        (
            "President Hal Rouen, who could be weakened by a blow to the economy, struck a more "
            "conciliatory tone in a televised speech, saying the country would negotiate.",
            "the country would negotiate",
            "Hal Rouen",
        ),
    ],
)
def test_source_phrases_shed_days_quantifiers_and_trailing_clauses(
    text: str, content: str, speaker: str
) -> None:
    speakers = {q.text: q.speaker or "" for q in _quotes(text)}
    assert speakers[content].endswith(speaker)


def test_according_to_an_outlet_noun_and_a_name_credits_the_outlet() -> None:
    quote = _one("The venue was changed at the last minute, according to the daily Korppi Uutiset.")
    assert quote.speaker == "Korppi Uutiset"
    assert quote.speaker_id == "outlet:korppi-uutiset"


def test_he_said_according_to_an_agency_keeps_the_speaker_and_relays_via_the_agency() -> None:
    quote = _one(
        "Foreign Minister Arman Vardanyan met his Moldovan counterpart Ramil Qasimov in Vienna. "
        "Qasimov has been cautious. Moldova expected concrete steps from the other side, he "
        "said, according to the state news agency SUDTAG."
    )
    assert quote.text == "Moldova expected concrete steps from the other side"
    assert quote.speaker == "Ramil Qasimov"
    assert quote.attributed_via == "SUDTAG"


def test_a_surname_that_is_also_an_outlet_stays_the_person_named_in_full() -> None:
    quotes = _quotes(
        "“The vote was rushed,” said Doreen Hill, a former senator. “Nobody read the bill,” "
        "Hill said. The vote was delayed again, the Hill reported."
    )
    speakers = [(q.text, q.speaker) for q in quotes]
    assert ("The vote was rushed", "Doreen Hill") in speakers
    assert ("Nobody read the bill", "Doreen Hill") in speakers
    assert ("The vote was delayed again", "The Hill") in speakers


def test_the_organisation_said_is_the_body_named_before_not_a_person() -> None:
    quote = _one(
        "Registrar Paul Oduya said little. The registry body NORDREG agrees. “Blocking these "
        "domains is overdue,” the organisation said in a statement."
    )
    assert quote.speaker == "NORDREG"


def test_a_direct_quote_relayed_by_a_country_s_news_agency_names_the_agency() -> None:
    quote = _one(
        "Foreign Minister Arman Vardanyan met reporters in Vienna. “We want results,” he said, "
        "according to Moldova’s state news agency SUDTAG."
    )
    assert quote.speaker == "Arman Vardanyan"
    assert quote.attributed_via == "SUDTAG"
