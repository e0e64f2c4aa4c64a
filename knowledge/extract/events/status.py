"""Event status: cancelled, postponed or collapsed from explicit cues, else held or planned."""

from __future__ import annotations

import re

from knowledge.extract.dates import Tense, tense_near
from knowledge.models import EventStatus

_CANCELLED = re.compile(
    r"\b(?:cancel(?:l?ed|s|ling|lation)?|call(?:ed|s|ing)?\s+off|scrap(?:ped|s|ping)?|axed|"
    r"scuttled|abandoned|pulled\s+the\s+plug)\b",
    re.IGNORECASE,
)
_POSTPONED = re.compile(
    r"\b(?:postpone(?:d|s|ment)?|postponing|delay(?:ed|s|ing)?|put\s+off|pushed\s+back|"
    r"rescheduled?|deferred|moved\s+back)\b",
    re.IGNORECASE,
)
_COLLAPSED = re.compile(
    r"\b(?:collaps(?:e|ed|es|ing)|br(?:oke|eak|eaks|oken)\s+(?:down|off)|breakdown|"
    r"ended\s+abruptly|ends?\s+abruptly|walked\s+(?:out|away)|fell\s+apart|"
    r"(?:talks|negotiations|summit|meeting)\s+(?:have\s+|has\s+|had\s+)?failed)\b",
    re.IGNORECASE,
)
# Ending empty-handed: "ended without a deal", "ended with no agreement". What is missing must
# be an outcome ("ended without the ban X had asked for" is one demand not met), and a
# sentence that also reports an agreement reached describes a summit that produced one.
_ENDED_EMPTY = re.compile(
    r"\b(?:ended|ends|concluded|closed|broke\s+up|wound\s+up)\s+(?:without|with\s+no)\s+"
    r"(?:(?:a|an|any)\s+)?(?:[\w-]+\s+){0,2}?(?:deal|agreement|accord|breakthrough|result|"
    r"resolution|consensus|progress|joint\s+statement|declaration|communiqu[eé]|settlement|"
    r"ceasefire|truce)s?\b|"
    r"\b(?:without|with\s+no)\s+(?:a|any)\s+(?:deal|agreement)\b",
    re.IGNORECASE,
)
_AGREEMENT_REACHED = re.compile(
    r"\b(?:agreed\s+(?!to\s+(?:meet|talk|hold|resume|return|continue)\b)(?:on|to|that|a|an|"
    r"the)\b|signed\s+(?:a|an|the)\b|adopted\s+(?:a|an|the)\b|(?:reached|struck|sealed|"
    r"clinched)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:deal|agreement|accord))",
    re.IGNORECASE,
)
_HELD = re.compile(
    r"\b(?:took\s+place|was\s+held|were\s+held|held\s+(?:talks|a\s+meeting)|met|concluded|"
    r"wrapped\s+up|sat\s+down|hosted|visited|greeted|opened|ended)\b",
    re.IGNORECASE,
)
STATUS_RANK = {
    EventStatus.CANCELLED: 5,
    EventStatus.POSTPONED: 4,
    EventStatus.COLLAPSED: 3,
    EventStatus.HELD: 2,
    EventStatus.PLANNED: 1,
    EventStatus.UNKNOWN: 0,
}


_PAST_TRIGGER = re.compile(
    r"met|visited|phoned|telephoned|negotiated|sat\s+down|spoke\s+.*|encountered", re.IGNORECASE
)
_FUTURE_BEFORE_TRIGGER = re.compile(
    r"\b(?:will|would|shall|to|['’]ll|going\s+to)\s+(?:(?:also|again|not|then|finally)\s+)?$",
    re.IGNORECASE,
)


_PAST_JOURNEY_BEFORE = re.compile(
    r"\b(?:went|travell?ed|flew|headed|arrived|came|returned|touched\s+down|landed|stopped|"
    r"drove|sailed|rushed|hurried)\b[^.;:!?]*$",
    re.IGNORECASE,
)
_FUTURE_AFTER_TRIGGER = re.compile(
    r"\s+(?:(?:also|still|now)\s+)?(?:will|would|shall|['’]ll|(?:is|are)\s+(?:due|set|expected|"
    r"scheduled|slated|planned|likely|going)\s+to)\b",
    re.IGNORECASE,
)


def _tense_at_trigger(text: str, trigger: re.Match[str]) -> Tense | None:
    """The event's own tense: a verb trigger carries it ("met"), a noun takes its clause's."""
    if _PAST_TRIGGER.fullmatch(trigger.group(0)):
        return "past"
    if trigger.lastgroup == "hearing":
        # "is due back in court", "appeared in court", "testified before": the trigger's own
        # first word tells
        first = trigger.group(0).split()[0].casefold()
        if first in ("due", "expected", "scheduled", "set"):
            return "future"
        if first in ("appeared", "testified"):
            return "past"
    future = _FUTURE_BEFORE_TRIGGER.search(text, max(0, trigger.start() - 20), trigger.start())
    if future is not None:
        if future.group(0).strip().casefold() == "to" and _PAST_JOURNEY_BEFORE.search(
            text, max(0, future.start() - 80), future.start()
        ):
            return "past"  # "flew to Seoul to meet X": the purpose of a journey made
        return "future"
    if _FUTURE_AFTER_TRIGGER.match(text, trigger.end()):
        return "future"  # "he said the meeting will ...": the event's own verb, not "said"
    return tense_near(text, trigger.start(), trigger.end())


# Before a cancel/postpone cue, words that make it a wish, threat or denial, not a fact:
# "urged him to cancel", "threatened to call off", "would not postpone", "calls to scrap".
_HYPOTHETICAL = re.compile(
    r"\b(?:urg\w*|call(?:s|ed|ing)?(?:\s+on\s+\w+)?|demand\w*|should|would|could|might|may|"
    r"must|threat\w*|refus\w*|consider\w*|not|never|n['’]t|no\s+plans?|rul\w*\s+out|if|"
    r"unless|whether|rather\s+than|want\w*|ask\w*|push\w*\s+for|pressure\w*|fear\w*|"
    r"risk\w*|possib\w*)\b[^.;]{0,25}$"
)  # case-sensitive: "In May, the summit was cancelled" is a fact


# Between a status cue and the trigger, a word that opens another clause about another
# event: "the first round since the talks collapsed in March" is not collapsed.
_OTHER_CLAUSE = re.compile(
    r"\b(?:since|after|before|until|following|because|although|though|whereas|while|when|"
    r"unless|once|where)\b|[;“”\"]|"
    # "canceled the stadium and said the speeches will take place where the convention met"
    r"\band\s+(?:said|says|added|announced|told)\b",
    re.IGNORECASE,
)


# After a status noun, a modal makes it a prospect: "a collapse of the talks would empty the
# fishing grounds", "any delay could cost"; an indefinite noun is one too ("warned of a
# collapse").
_PROSPECT_AFTER = re.compile(
    r"[^.;:!?]{0,40}?\b(?:would|could|might|may|will|can)\b|\s+(?:is|was)\s+(?:possible|likely|"
    r"unlikely|feared)\b"
)
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|any|another|possible|potential)\s+$", re.IGNORECASE)

# A participle used as an adjective describes the noun after it: "a long-delayed peace
# treaty", "the much-postponed accord" say nothing of the talks unless that noun is the
# trigger itself ("the long-delayed talks").
_ATTRIBUTIVE_BEFORE = re.compile(
    r"(?:\w-|\b(?:the|a|an|its|their|this|that|his|her)\s+)$", re.IGNORECASE
)
_NOUN_PHRASE_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){1,3}")


def _describes_other_noun(text: str, cue: re.Match[str], trigger: re.Match[str]) -> bool:
    if not cue.group(0).casefold().endswith("ed"):
        return False
    if not _ATTRIBUTIVE_BEFORE.search(text, max(0, cue.start() - 12), cue.start()):
        return False
    phrase = _NOUN_PHRASE_AFTER.match(text, cue.end())
    if phrase is None:
        return False
    return not cue.end() < trigger.start() < phrase.end()


def _factual(pattern: re.Pattern[str], text: str, trigger: re.Match[str]) -> bool:
    for cue in pattern.finditer(text):
        if _HYPOTHETICAL.search(text, max(0, cue.start() - 40), cue.start()):
            continue
        if _INDEFINITE_BEFORE.search(text, max(0, cue.start() - 12), cue.start()):
            continue
        if _describes_other_noun(text, cue, trigger):
            continue
        word = cue.group(0).casefold()
        if word.endswith(("collapse", "breakdown", "cancellation", "postponement", "delay")) and (
            _PROSPECT_AFTER.match(text, cue.end())
        ):
            continue
        lo, hi = sorted((cue.start(), trigger.start()))
        if cue.start() >= trigger.end():
            lo = trigger.end()
        if _OTHER_CLAUSE.search(text, lo, hi):
            continue
        return True
    return False


# "The summit, if it were to take place, would ...", "asked that the meeting take place in
# X" (a bare subjunctive): not held yet.
_CONDITIONAL_AFTER = re.compile(
    r"[^.;:]{0,60}?\b(?:if\s+\w+\s+(?:were|was)\s+to|if\s+\w+\s+go(?:es)?\s+ahead)\b"
    r"|\s+(?:take\s+place|be\s+held|go\s+ahead)\b"
)


def event_status(text: str, trigger: re.Match[str]) -> EventStatus:
    if _factual(_CANCELLED, text, trigger):
        return EventStatus.CANCELLED
    if _factual(_POSTPONED, text, trigger):
        return EventStatus.POSTPONED
    if _factual(_COLLAPSED, text, trigger) or (
        ("without" in text or "with no" in text)  # cheap test before the patterns
        and _factual(_ENDED_EMPTY, text, trigger)
        and not _factual(_AGREEMENT_REACHED, text, trigger)
    ):
        return EventStatus.COLLAPSED
    if _CONDITIONAL_AFTER.match(text, trigger.end()):
        return EventStatus.PLANNED
    tense = _tense_at_trigger(text, trigger)
    if tense == "future":
        return EventStatus.PLANNED
    if tense == "past":
        return EventStatus.HELD
    if _HELD.search(text):
        return EventStatus.HELD
    return EventStatus.UNKNOWN


_HELD_RIGHT_AFTER = re.compile(
    r"[^.;:!?]{0,30}?\b(?:took\s+place|was\s+held|were\s+held|had\s+been\s+held|began|"
    r"started|opened|ended|concluded|wrapped\s+up)\b",
    re.IGNORECASE,
)


def firm_status(text: str, trigger: re.Match[str], status: EventStatus) -> bool:
    """Whether the status is stated about this event, not guessed from the clause's tense.

    "The latest talks were held ...", "the summit was cancelled" are firm; "the summit" in a
    past-tense sentence about something else is not.
    """
    if status in (EventStatus.CANCELLED, EventStatus.POSTPONED, EventStatus.COLLAPSED):
        return True
    if status is EventStatus.HELD:
        return bool(
            _PAST_TRIGGER.fullmatch(trigger.group(0))
            or _HELD_RIGHT_AFTER.match(text, trigger.end())
        )
    return False
