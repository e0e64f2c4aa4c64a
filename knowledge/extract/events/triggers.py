"""Event triggers: the words that name an event ("talks", "met", "summit", "phone call").

A cheap keyword scan picks the sentences worth analysing; in them the first trigger that is
not a false friend ("meet the target", "press conference", "he talks") gives the event's kind.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from knowledge.extract.events.parties import Named
from knowledge.extract.gazetteer import load_gazetteer
from knowledge.extract.sentences import sentences_containing
from knowledge.models import EntityKind, EventKind, Sentence

_TRIGGER = re.compile(
    r"\b(?:"
    r"(?P<summit>summits?)"
    r"|(?P<call>(?:tele)?phone\s+(?:call|conversation|talks?)s?|video\s+(?:call|conference)s?"
    r"|conference\s+calls?|spoke\s+(?:by|over\s+the|on\s+the)\s+(?:tele)?phone|phoned|"
    r"telephoned)"
    r"|(?P<talks>talks)"
    r"|(?P<negotiation>negotiations?|negotiat(?:e|ed|es|ing)|negotiators?)"
    r"|(?P<meeting>meetings?|meet(?:s|ing)?|met|s[ai]ts?\s+down\s+with|encounter|get-together)"
    r"|(?P<visit>(?:state\s+)?visit(?:s|ed|ing)?|trip\s+to|tour\s+of)"
    r"|(?P<travel>travel(?:s|led|ed|ling|ing)?\s+to|(?:fl(?:y|ies|ew|ying)|head(?:s|ed|ing)?|"
    r"go(?:es|ing)?|went|return(?:s|ed|ing)?)\s+to(?=\s+[A-Z]))"
    r"|(?P<see>(?<=\bto\s)see)"
    r"|(?P<conference>conferences?"
    # a party's convention, not a treaty ("the Geneva Conventions", "a convention on X")
    r"|(?:Republican|Democratic|Democrat|GOP|[Nn]ational|[Pp]arty|Labour|Conservative|Tory|"
    r"Liberal|Green|[Nn]ominating)\s+(?:National\s+)?[Cc]onventions?)"
    r")\b",
    re.IGNORECASE,
)
# An appearance before a court or a committee: "is due back in court", "will appear before
# the committee", "testified before the Senate", "a bail hearing". Looked for only in a
# sentence with no other event word (one more alternative in _TRIGGER would cost every
# position of every candidate sentence).
_HEARING = re.compile(
    r"\b(?P<hearing>(?:due|expected|scheduled|set)\s+(?:to\s+appear\s+)?(?:back\s+)?in\s+court"
    r"|appear(?:s|ed|ing)?\s+(?:again\s+)?(?:in|before)\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:court|judge|magistrates|tribunal|committee|subcommittee|grand\s+jury|inquiry)"
    # "testified before", "testified on Tuesday before", "testify in front of Congress",
    # "testify to the committee", "testify at a hearing"
    r"|testif(?:y|ies|ied|ying)\s+(?:(?!that\b)[\w’']+\s+){0,3}?before"
    r"|testif(?:y|ies|ied|ying)\s+(?:in\s+front\s+of|to|at)\s+(?:the\s+|a\s+)?"
    r"(?:[\w’'-]+\s+){0,4}?(?:[Cc]ommittee|[Pp]anel|Congress|Senate|House|[Cc]ourt|[Ii]nquiry|"
    r"hearing|lawmakers|Parliament|[Jj]ury|[Tt]ribunal|[Ss]ubcommittee)"
    r"|(?:court|committee|confirmation|bail|extradition|sentencing|custody|impeachment)"
    r"\s+hearings?)\b",
    re.IGNORECASE,
)
_HEARING_WORDS = ("court", "before", "hearing", "testif")
KINDS = {
    "summit": EventKind.SUMMIT,
    "call": EventKind.CALL,
    "talks": EventKind.TALKS,
    "negotiation": EventKind.NEGOTIATION,
    "meeting": EventKind.MEETING,
    "visit": EventKind.VISIT,
    "conference": EventKind.CONFERENCE,
    "travel": EventKind.VISIT,
    "see": EventKind.MEETING,
    "hearing": EventKind.HEARING,
}
# "go to Cairo to see A and B": "see" is a meeting only as the purpose of a journey.
_JOURNEY_BEFORE = re.compile(
    r"\b(?:travel\w*|fl(?:y|ies|ew|ying)|head\w*|go(?:es|ing)?|went|return\w*|arriv\w*)\s+"
    r"to\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}\s+"
    r"(?:(?:on|this|next|later|in)\s+(?:[\w-]+\s+){0,2})?to\s+$"
)
_PLACE_AFTER = re.compile(r"\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})")
# After a journey, the purpose that names the event: "to meet", "for talks".
_PURPOSE = re.compile(r"[^.;:!?]{0,100}?\b(?:to|for)\s+(?:[\w,’'-]+\s+){0,6}?$")
# Uses of the keywords that are not events: "meet the target", "met with criticism",
# "press conference", "he talks", "visit our website".
_NOT_AN_EVENT_AFTER = re.compile(
    r"\s+(?:(?:the|its|their|these|this|our|all|any|such|growing|rising|strong|those)\s+)?"
    r"(?:needs?|requirements?|demands?|targets?|criteria|standards?|costs?|deadlines?|"
    r"obligations?|expectations?|goals?|conditions?|challenges?|thresholds?|criticism|"
    r"resistance|scepticism|skepticism|protests?|opposition|silence|approval|applause|anger|"
    r"outrage|disbelief|success|fury|dismay|condemnation|praise|hostility|ridicule|"
    r"website|site|page|shortfall|payments?|bills?|debts?|quotas?|commitments?|ends|"
    r"the\s+eye|the\s+press)\b",
    re.IGNORECASE,
)
_NOT_AN_EVENT_BEFORE = re.compile(r"\b(?:press|news|media)\s+$", re.IGNORECASE)
_TALKS_AS_VERB = re.compile(r"\b(?:he|she|it|who)\s+$", re.IGNORECASE)
_KIND_GROUP = {
    EventKind.CALL: "call",
    EventKind.VISIT: "visit",
    EventKind.HEARING: "hearing",
}


def kind_group(kind: EventKind) -> str:
    return _KIND_GROUP.get(kind, "meeting")


# "the meeting", "the planned talks", "this week's summit": a sentence about an event already named.
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|these|those|their|its|such|both)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:meeting|talks|summit|visit|call|negotiations|conference|trip|session|sessions|"
    r"discussions|encounter|gathering)\b",
    re.IGNORECASE,
)


_INDEFINITE = re.compile(r"\b(?:a|an|another)\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)


def introduces(text: str, trigger: re.Match[str]) -> bool:
    """Whether the trigger is a noun with an indefinite article: "a historic summit"."""
    return _INDEFINITE.search(text, max(0, trigger.start() - 50), trigger.start()) is not None


def refers_back(text: str, trigger: re.Match[str]) -> bool:
    """Whether the trigger sits in a phrase that refers to an event already named ("the talks")."""
    anaphor = _ANAPHOR.search(text)
    return bool(anaphor and anaphor.start() <= trigger.start() <= anaphor.end())


def _known_place(name: str) -> bool:
    gazetteer = load_gazetteer()
    words = name.split()
    return any(
        gazetteer.country_of(" ".join(words[:size])) is not None
        for size in range(len(words), 0, -1)
    )


# "X will host Y": a meeting, when a person or country is the guest (see hosting_trigger)
_HOSTS = re.compile(r"\b(?P<meeting>host(?:s|ed|ing)?)\s+(?=[A-Z])")
# Between "host" and the guest's name: titles and a possessive ("host Bolivia's president").
_HOST_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|its|their|his|her|our|TV|radio|show|talk|news|programme|program)|['’]s?|-)\s*$",
    re.IGNORECASE,
)
_HOST_VERB_BEFORE = re.compile(
    r"(?<!\bspoke\s)(?<!\btalked\s)(?<!\bspeaking\s)(?<!\btalking\s)(?<!\bsaid\s)"
    r"\b(?:will|would|to|also|could|may|might|shall|can|cannot|won['’]t)\s+$"
)
_WORD_BEFORE = re.compile(r"([\w’'.-]+)\s+$")
_GUEST_LEAD = re.compile(r"(?:(?:[A-Z][\w.’'-]*|[a-z]+)(?:['’]s)?,?\s+){0,3}")


def hosting_trigger(text: str, named: Sequence[Named]) -> re.Match[str] | None:
    """ "Chile's president will host Bolivia's president in Santiago": the verb as a meeting's
    trigger, when a person or country is the guest; "host the Olympics", "hosted Trump's
    first appearance" and "SiriusXM hosts Jo Park" (an outlet's presenters) are none."""
    for match in _HOSTS.finditer(text):
        before = text[max(0, match.start() - 24) : match.start()]
        if _HOST_NOUN_BEFORE.search(before) or (
            match.group(0).casefold().rstrip() == "host" and not _HOST_VERB_BEFORE.search(before)
        ):
            continue  # "the show's hosts X and Y", "spoke to host X": hosts of another kind
        word_before = _WORD_BEFORE.search(before)
        if word_before is not None and word_before.group(1)[:1].isupper():
            subject = [n for n in named if 0 <= match.start() - n.end <= 1]
            if not any(n.kind in (EntityKind.PERSON, EntityKind.COUNTRY) for n in subject):
                continue  # "SiriusXM hosts X and Y": a programme's presenters
        for guest in named:
            if guest.start < match.end():
                continue
            lead = _GUEST_LEAD.fullmatch(text, match.end(), guest.start)
            if lead is None or guest.start - match.end() > 40:
                break
            if text[guest.end : guest.end + 2] in ("'s", "’s"):
                continue  # "host Bolivia's president, X": the guest comes after
            if guest.kind in (EntityKind.PERSON, EntityKind.COUNTRY):
                return match
            break
    return None


def more_hearings(text: str, trigger: re.Match[str]) -> list[re.Match[str]]:
    """The court or committee appearances a sentence names after its first one."""
    if trigger.lastgroup != "hearing":
        return []
    return [m for m in _hearings(text, trigger.end()) if m.start() >= trigger.end()]


# Before an appearance, words that say it did not or may not happen: "refused to testify",
# "denied a chance to testify", "whether the director would testify", "will not appear".
_NO_APPEARANCE_BEFORE = re.compile(
    r"\b(?:refus\w*|declin\w*|denied|won['’]t|will\s+not|would\s+not|did\s+not|didn['’]t|"
    r"whether\s+[\w ]{1,30}?\s+(?:would|will|should))(?:\s+[\w’']+){0,4}?\s+$",
    re.IGNORECASE,
)


def _hearings(text: str, start: int = 0) -> Iterator[re.Match[str]]:
    for match in _HEARING.finditer(text, start):
        if not _NO_APPEARANCE_BEFORE.search(text, max(0, match.start() - 60), match.start()):
            yield match


def first_trigger(text: str) -> re.Match[str] | None:
    found = _first_event_trigger(text)
    if found is None and any(word in text for word in _HEARING_WORDS):
        return next(_hearings(text), None)
    return found


def _first_event_trigger(text: str) -> re.Match[str] | None:
    fallback = None
    journey = None
    for match in _valid_triggers(text):
        # "negotiators held talks": the people who negotiate are no event; prefer the event noun
        if match.group(0).casefold().startswith("negotiator"):
            fallback = fallback or match
            continue
        if match.lastgroup == "travel":
            # "travel to Paris to meet X", "go to China for talks": the purpose names the
            # event; a journey alone is a visit
            if journey is None:
                journey = match
            continue
        if journey is not None and not (
            match.start() - journey.end() <= 120
            and _PURPOSE.fullmatch(text, journey.end(), match.start())
        ):
            return journey
        return match
    return journey or fallback


# A sentence about a game, not a meeting: a score, a seeding, a round of a draw, a result.
# "She now meets Varga, who beat Holm 6-3 4-6", "Scotland meet France on Sunday in the Six
# Nations", "England have beaten France in three of their last four meetings".
_SPORT = re.compile(
    r"(?<![$£€\d.,-])\b\d{1,3}-\d{1,3}\b(?![-.%]|\s*(?:vote|majority|ruling|decision|split|"
    r"billion|million|bn|m\b|per|basis|percent|years?|days?|weeks?|months?|hours?|minutes?|seats?))|"
    r"\bseed(?:ed|s)?\b|"
    r"\b(?:first|second|third|fourth|opening)\s+round\b|\b(?:quarter|semi)-?finals?\b|"
    r"\blast\s+(?:four|eight|16)\b|\btie-?break|\bwild\s+card\b|\bwooden\s+spoon\b|"
    r"\bSix\s+Nations\b|\bPremiership\b|\bChampions\s+League\b|\bFA\s+Cup\b|"
    r"\bSerie\s+A\b|\bLa\s+Liga\b|\bBundesliga\b|\bgrand\s+slam\b|\bfixtures?\b|"
    r"\bqualifier\b|\b(?:home|away)\s+(?:to|win|defeat|leg|game|match)\b|\bfirst\s+leg\b|"
    r"\b(?:beat|beaten|defeated|thrashed|drew|won|lost)\s+(?:\w+\s+){0,3}?\d|\bscored\b|"
    r"\bkick-off\b|\bhead-to-head\b|\brelay\b|\bhurdles\b|"
    r"\b(?:match|game|contest|clash|tie|race|bout)\s+(?:against|with|between)\b|"
    r"\bagainst\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:side|team|champions|holders|leaders)\b|"
    r"\bmatch(?:es)?\b|\bbeaten\b|\brugby\b|\bcricket\b|\btennis\b|\bsquad\b|\bstriker\b|"
    r"\bmidfielder\b|\bdefender\b|\bgoalkeeper\b|\bfly-half\b|\bskipper\b|\bLions\s+tour\b",
    re.IGNORECASE,
)
# The words of a meeting or visit that a game is also called: "meet", "encounter", "visit",
# "trip to", "tour of". Talks, negotiations, calls and summits stay events.
_FIXTURE_WORD = re.compile(r"meet|met|encounter|visit|trip|tour|get-together", re.IGNORECASE)


def _valid_triggers(text: str) -> Iterator[re.Match[str]]:
    sporting: bool | None = None
    for match in _TRIGGER.finditer(text):
        if match.lastgroup in ("meeting", "visit", "travel") and _FIXTURE_WORD.match(
            match.group(0)
        ):
            if sporting is None:
                sporting = _SPORT.search(text) is not None
            if sporting:
                continue  # a game: "Scotland meet France on Sunday", "the visit of Malta"
        if _NOT_AN_EVENT_AFTER.match(text, match.end()):
            continue
        if _NOT_AN_EVENT_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        if match.lastgroup == "travel":
            destination = _PLACE_AFTER.match(text, match.end())
            if destination is None or not _known_place(destination.group(1)):
                continue  # "go to war", "went to Congress": not a journey to a place
        if match.lastgroup == "see" and not _JOURNEY_BEFORE.search(
            text, max(0, match.start() - 120), match.start()
        ):
            continue
        if match.group(0).casefold() == "talks" and _TALKS_AS_VERB.search(
            text, max(0, match.start() - 6), match.start()
        ):
            continue
        yield match


# Keywords (lower case) that any trigger or mediator cue contains. ``str.find`` over the
# lower-cased article is far cheaper than a regex alternation at every position, and picks out
# the few sentences that are worth the full analysis.
_KEYWORDS = (
    "summit", "talks", "negotiat", "meet", "met", "visit", "trip", "tour of", "conference",
    "phone", "down with", "encounter", "get-together", "video",
    "mediat", "broker", "intermediar", "go-between", "facilitat", "travel", "to see", "agenda",
    "attend", "take part", "participate", "discuss", "arriv", "joined by",
    "in court", "testif", "ppear", " hearing", "on the table",
    "expected in", "expected at", "due in", "presence", "represented", "participation", "host",
    "lasted", "went on for", "delegation", "chair", "scheduled to", "next stop", " on to ",
    # a party's convention only (a treaty, "the Chemical Weapons Convention", is no event)
    "onal convention", "ican convention", "atic convention", "rat convention", "gop convention",
    "party convention", "ating convention", "labour convention", "tive convention",
    "tory convention", "green convention", "liberal convention",
)  # fmt: skip
# "down with" stands for "sat/sit/sits down with" (the trigger needs the "with"): one scan,
# not three.
# A journey by other verbs ("fly to X to meet Y", "head to X for talks") is found through the
# event word that names its purpose; one more scan per verb would cost every article.


def candidate_sentences(text: str, sentences: Sequence[Sentence]) -> list[Sentence]:
    return sentences_containing(text, sentences, _KEYWORDS)
