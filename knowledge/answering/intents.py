"""What a question asks for: its intent, the aspects of an event it wants, and follow-up cues.

Patterns run over the normalised question (folded, contractions expanded, typos of the asking
vocabulary corrected), so "Who's meting in Lisbn?" reads as "who is meeting in lisbn".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.answering.text import STOPWORDS, words, words_of


class Intent(StrEnum):
    HELP = "help"
    TOPICS = "topics"
    SOURCES = "sources"
    WHO_IS = "who"
    QUOTES = "quotes"
    QUOTE_SEARCH = "quote_search"
    EVENT = "event"
    OUTCOME = "outcome"
    SUMMARY = "summary"
    ABOUT = "about"
    SEARCH = "search"


# The vocabulary of asking; misspellings of these words are corrected before matching and are
# never mistaken for names.
EVENT_WORDS = words_of(
    """
    meet meets meeting meetings met talks talk summit summits visit visits visiting visited
    call calls negotiation negotiations negotiate negotiating conference conferences host hosts
    hosting hosted attend attends attending attended attendees participate participating
    participants venue agenda discuss discussing discussed cover covering summit trip travel
    travelling traveling session sessions
    """
)
QUOTE_WORDS = words_of(
    """
    say said says saying quote quotes quoted comment comments commented remark remarks
    statement statements stated tell told speak spoke declared warned warn claimed claim tweet
    tweeted reaction react reacted respond responded response words
    """
)
OUTCOME_WORDS = words_of(
    """
    agree agreed agreement agreements offer offered offers demand demanded demands announce
    announced announcement decide decided decision sign signed promise promised pledge pledged
    propose proposed proposal commit committed accept accepted reject rejected threaten
    threatened outcome result results conclude concluded
    """
)
OTHER_WORDS = words_of(
    """
    summary summarise summarize happened happening latest sources reported report reports
    outlets newspaper newspapers topics people events countries mediating mediators mediate
    mediation where when who which what question questions help about know president minister
    leader secretary spokesman spokeswoman ambassador envoy chancellor official officials
    foreign supreme prime
    """
)
VOCABULARY = frozenset(EVENT_WORDS + QUOTE_WORDS + OUTCOME_WORDS + OTHER_WORDS)
_CORRECTABLE = sorted(w for w in VOCABULARY if len(w) >= 5)
# Endings an asking word may have beyond a real word: "state" + "d", "claim" + "s".
_INFLECTIONS = frozenset({"s", "d", "ed", "es"})

_OUTCOME_STEMS = {
    "agree": "agreed",
    "agreement": "agreed",
    "offer": "offered",
    "demand": "demanded",
    "announce": "announced",
    "announcement": "announced",
    "decide": "decided",
    "decision": "decided",
    "sign": "signed",
    "promise": "promised",
    "pledge": "pledged",
    "propose": "proposed",
    "proposal": "proposed",
    "commit": "committed",
    "accept": "accepted",
    "reject": "rejected",
    "threaten": "threatened",
    "outcome": "agreed",
    "result": "agreed",
    "conclude": "agreed",
}

_HELP = re.compile(
    r"^(/?help|/?start|\?|menu|commands|hi|hello|hey|what can you do|how does (this|it) work|"
    r"how do i use (this|it|you)|what (questions )?can i ask( you)?|how to use)\b[\s?!.]*$"
)
_TOPICS = re.compile(
    r"\b(what|which) (topics|subjects|stories|people|persons|events|meetings|countries|"
    r"organisations|organizations|articles|names|news|things)\b.*\b(do|does|can|are|have) you\b"
    r"|^(what|who) do you (know|have|cover)( about)?[\s?!.]*$"
    r"|^(list )?(topics|people|events|countries|organisations|organizations)[\s?!.]*$"
    r"|\bwhat (do|can) you (know|talk) about[\s?!.]*$"
    r"|\bwho (do|can) you know\b"
)
# "When was this reported?", "when was the article published?": the report's date.
PUBLISHED = re.compile(
    r"\bwhen (?:was|were|is|did) (?:this|that|it|these|those|the (?:article|story|report|news|"
    r"piece|item|articles|stories|reports)(?: (?:about|on|of) [\w' -]+?)?) (?:first )?"
    r"(?:reported|published|written|posted|released|out|come out|came out|appear|appeared|run)\b"
    r"|\b(?:publication|published|release) date\b|\bwhat (?:date|day) was (?:this|that|it|the "
    r"(?:article|story|report|news|piece)) (?:reported|published|written|posted)\b"
)
_SOURCES = re.compile(
    r"\bsources?\b|\bwho (first )?(reported|broke|published|wrote)\b|\breported (it|this|that|by)\b"
    r"|\bwhich (outlets?|media|newspapers?|papers?|agencies|agency|news outlets?|websites?)\b"
    r"|\bwhere (did|does|do|is) (you|this|that|it|the \w+)\b"
    r".*\b(come from|get|from|read|hear|learn|reported)\b"
    r"|\baccording to (whom|who|what)\b|\bwho says so\b|\bcitations?\b|\boutlets?\b"
    r"|" + PUBLISHED.pattern
)
_QUOTE_SEARCH = re.compile(
    r"^(and )?who (said|says|warned|claimed|stated|declared|tweeted|wrote)\b(?! so\b)"
)
_WHO_IS = re.compile(
    r"^(and )?(who|what) (is|was|are|were) (?P<rest>.+)$"
    r"|^(and )?what (is|was) (?P<rest2>.+?) (role|job|title|position|post)\b"
    r"|^(and )?what does (?P<rest3>.+) do[\s?!.]*$"
    # The short forms: "X's role?", "and X's job", "what about X's position".
    r"|^(and |so )?(what about )?(?P<rest5>[\w.' -]+?(?:'s|s')) (current |exact |official |new )?"
    r"(role|job|title|position|post|occupation)( in [\w' -]+)?$"
    # "role of X?", "what role does X play", "X job?"
    r"|^(and )?(the )?(role|job|title|position|occupation) of (?P<rest6>.+)$"
    r"|^(and )?what (role|job|position|part|post) does (?P<rest7>.+?) (play|have|hold|do)$"
    r"|^(?P<rest8>[\w.' -]+?) (role|job|title|occupation)$"
    # Affiliation: "who does X work for", "where does X work", "which group is X with".
    r"|^(and )?(who|what|which \w+) (does|did|is|was) (?P<rest9>.+?) (work|working|works) "
    r"(for|at|with|in)$"
    r"|^(and )?where (does|did|is|was) (?P<rest10>.+?) (work|working|employed|based)$"
    r"|^(and )?(what|which) (organisation|organization|company|group|party|firm|agency|"
    r"institution|body|outlet|newspaper|paper|team|club|think tank) (is|was|does|did) "
    r"(?P<rest11>.+?) (with|from|at|in|belong to|work for|represent|lead|run|head)$"
    r"|^tell me (more )?about (?P<rest4>.+)$"
)
_EVENT_VERBING = re.compile(
    r"\b(meeting|meet|attending|attend|hosting|host|going|participating|taking part|visiting|"
    r"negotiating|talking|involved|expected|invited|mediating|joining|travelling|traveling|"
    r"coming|holding|leading|representing|sitting)\b"
)
_WHICH_PARTIES = re.compile(
    r"\b(?:which|what) (?:countries|nations|states|governments|leaders|ministers|officials|"
    r"delegations|people|heads of state)\b"
)
_SUMMARY = re.compile(
    r"\bwhat (has )?happened\b|\bwhat is happening\b|\bwhat is going on\b|\bwhat is up with\b"
    r"|\blatest (on|about|with|news|developments?)\b|\bnews (about|on|from|of)\b"
    r"|\bupdates? (on|about)\b"
    r"|\bsummar(y|ies|ise|ize)\b|\bbrief me\b|\bcatch me up\b|\bwhat is new\b|\boverview\b"
    r"|\bbackground\b|\bsituation\b|\bwhat do you know about\b|^(the )?latest[\s?!.]*$"
    r"|^(any )?news[\s?!.]*$|\bthe story\b|\bhow did .* go\b|\bhow are .* going\b"
)
_ABOUT = re.compile(r"^(tell me|what do you know|what can you tell me) (more )?about (?P<rest>.+)$")
_QUOTES = re.compile(r"\b(" + "|".join(QUOTE_WORDS) + r")\b")
_OUTCOME = re.compile(
    r"\b(agreed|agree|agreement|offered|offer|demanded|demand|demands|demanding|announced|"
    r"announce|announcement|decided|decide|decision|signed|sign|promised|promise|pledged|pledge|"
    r"proposed|propose|proposal|committed|commit|accepted|accept|rejected|reject|threatened|"
    r"threaten|outcome|result|results|concluded)\b"
)
_OUTCOME_FRAME = re.compile(
    r"\bwhat\b.*\b(was|were|has|have|did|do|does|is|are|will|had)\b"
    # "Has Iran offered anything?", "did they demand a ceasefire": a yes/no question whose
    # verb is the outcome asked about.
    r"|^(and )?(has|have|had|did|does|do|will|would)\b.*\b(offered|offer|demanded|demand|"
    r"proposed|propose|promised|promise|pledged|pledge|committed|commit|announced|announce|"
    r"decided|decide|agreed|threatened|threaten)\b"
    r"|\b(any|the|an?|was there an?|is there an?)\s+(agreement|outcome|result|deal|decision|"
    r"announcement|proposal|offer|demands?)\b|\bdid .* (agree|sign|accept|reject)\b"
)
# A view asked for: "X's take on Y", "what does X think of Y", "how did X react".
_OPINION_ASK = re.compile(
    r"\b(views?|take|stance|opinions?|thoughts|reactions?|verdict|position|line) "
    r"(on|about|of|from|regarding|to|towards)\b"
    r"|\bwhat (does|did|do) .+ (think|thinks|thought|believe|feel|make) (of|about)\b"
    r"|\bhow (did|does|do|has|have|will) .+ (describe|described|react|reacted|respond|"
    r"responded|characteri[sz]e|view|see)\b"
    r"|^(any )?(thoughts|reactions?|comments?|views?) (from|by)\b"
)
# "What is X proposing / calling for?": what X asks for now is in X's own statements, as for
# "what does X want"; not a who-is question about X nor a search for the verb.
_ADVOCATING = re.compile(
    r"^(and )?what (is|are|was|were|has|have) .+ (proposing|suggesting|calling for|urging|"
    r"advocating|pushing for|pressing for|asking for|seeking|recommending)\b"
)
_SAID_ABOUT = re.compile(r"\b(about|on|regarding|concerning|of|at|to|after)\b")
_EVENT = re.compile(r"\b(" + "|".join(sorted(set(EVENT_WORDS))) + r")\b|\bsit down\b")


def names_event(text: str) -> bool:
    """Whether the question names a meeting, talks, a visit or the like."""
    return bool(_EVENT.search(text))


_ASPECTS = {
    "who": re.compile(
        r"\bwho\b(?! (reported|said|says))|\bwith whom\b|\bwhom\b|\battend|\bparticipa|"
        r"\btaking part\b|\binvolved\b|\bdelegat|\bwhich (leaders|officials|people)\b"
    ),
    "where": re.compile(r"\bwhere\b|\bvenue\b|\blocation\b|\b(which|what) (city|country|place)\b"),
    "when": re.compile(r"\bwhen\b|\b(what|which) (date|day|time|month)\b|\bhow soon\b"),
    "host": re.compile(r"\bhost"),
    "agenda": re.compile(
        r"\bagenda\b|\bdiscuss|\bcover\b|\babout what\b|\bwhat .* (be )?about\b|\bfocus|"
        r"\bon the table\b|\btopics?\b|\bissues?\b|\btalk about\b|\bsubjects?\b"
    ),
    "duration": re.compile(
        r"\bhow long\b|\bhow many (days|weeks|months|years|hours|minutes)\b|\bduration\b"
    ),
    # Who carries messages between the parties: "who is mediating", "which countries are
    # passing messages between them", "the go-betweens".
    "mediators": re.compile(
        r"\bmediat|\bgo-? ?betweens?\b|\bintermediar|\bback ?channels?\b|\bbrokering\b"
        r"|\b(?:pass|passing|passed|relay|relaying|relayed|carry|carrying|carried|convey|"
        r"conveying|conveyed|ferry|ferrying|deliver|delivering)\b(?: \w+)? messages?\b"
    ),
    "why": re.compile(r"\bwhy\b|\breasons?\b|\bhow come\b|\bwhat caused\b"),
    "status": re.compile(
        r"\bstill on\b|\bcancel|\bcalled off\b|\bcall off\b|\bpostpon|\bdelay|\bhappen|"
        r"\btake place\b|\btook place\b|\bgo ahead\b|\bstatus\b|\bdid .* meet\b|\bwent ahead\b"
    ),
}

_FOLLOW_UP = re.compile(
    r"^(and|also|so|but|what about|how about)\b|\b(else|other|more|again)\b"
    r"|^(when|where|who|why|how)[\s?!.]*$"
)
_PRONOUN_PERSON = re.compile(r"\b(he|him|his|she|her|hers)\b")
_PRONOUN_GROUP = re.compile(r"\b(they|them|their|theirs)\b")
_PRONOUN_THING = re.compile(
    r"\b(it|that|this|the (meeting|talks|summit|visit|call|negotiations?|conference|event))\b"
)
_LIST_KINDS = {
    "people": re.compile(r"\b(people|persons|who)\b"),
    "events": re.compile(r"\b(events|meetings|summits|talks)\b"),
    "countries": re.compile(r"\b(countries|nations)\b"),
    "organisations": re.compile(r"\b(organisations|organizations)\b"),
}


@dataclass(frozen=True, slots=True)
class Parsed:
    """The reading of one question."""

    text: str
    intent: Intent
    aspects: frozenset[str] = frozenset()
    follow_up: bool = False
    wants_more: bool = False
    pronoun: str | None = None
    outcome: str | None = None
    list_kind: str | None = None
    subject: str | None = None


def correct_typos(normalised: str, is_word: Callable[[str, str], bool] | None = None) -> str:
    """Replace misspelt asking words ('meting', 'qoutes', 'sumary') with the real word.

    ``is_word(word, correction)`` tells whether the word is real vocabulary of the articles
    in its own right: "prize" is one letter from "prime" but must stay "prize".
    """
    out = normalised
    for word in words(normalised):
        token = word.text
        if len(token) < 5 or token in VOCABULARY or token in STOPWORDS:
            continue
        hit = process.extractOne(token, _CORRECTABLE, scorer=OSA.distance, score_cutoff=1)
        if hit is None:
            continue
        correction = hit[0]
        if correction[0] != token[0]:
            # Typos rarely hit the first letter: "paying" is no misspelt "saying" (a small
            # fact base may not know the word to tell so), "meting" is "meeting".
            continue
        if correction.startswith(token) and correction[len(token) :] in _INFLECTIONS:
            continue  # "state" is a word, not "stated" short of its ending
        if is_word is None or not is_word(token, correction):
            out = re.sub(rf"\b{re.escape(token)}\b", correction, out)
    return out


def _pronoun(text: str) -> str | None:
    if _PRONOUN_PERSON.search(text):
        return "person"
    if _PRONOUN_GROUP.search(text):
        return "group"
    if _PRONOUN_THING.search(text):
        return "thing"
    return None


def classify(normalised: str) -> Parsed:
    """The intent and details of a normalised, typo-corrected question."""
    text = normalised.rstrip(" ?!.")
    follow_up = bool(_FOLLOW_UP.search(text))
    wants_more = bool(re.search(r"\b(else|other|more|another)\b", text))
    pronoun = _pronoun(text)
    aspects = frozenset(name for name, pattern in _ASPECTS.items() if pattern.search(text))

    def parsed(intent: Intent, **extra: str | frozenset[str] | None) -> Parsed:
        return Parsed(
            text=text,
            intent=intent,
            aspects=aspects,
            follow_up=follow_up,
            wants_more=wants_more,
            pronoun=pronoun,
            **extra,  # type: ignore[arg-type]
        )

    if not text or _HELP.search(text):
        return parsed(Intent.HELP)
    if _TOPICS.search(text):
        kind = next((k for k, p in _LIST_KINDS.items() if p.search(text)), None)
        return parsed(Intent.TOPICS, list_kind=kind)
    if _SOURCES.search(text):
        return parsed(Intent.SOURCES)
    if _QUOTE_SEARCH.search(text):
        return parsed(Intent.QUOTE_SEARCH)
    outcome = _OUTCOME.search(text)
    said = _QUOTES.search(text)
    if outcome and said and _SAID_ABOUT.search(text[said.end() : outcome.start()]):
        # "What did X say about the agreement?" asks for X's words; the agreement is the topic.
        outcome = None
    if outcome and _OUTCOME_FRAME.search(text):
        word = outcome.group(1)
        stem = next((v for k, v in _OUTCOME_STEMS.items() if word.startswith(k)), "agreed")
        return parsed(Intent.OUTCOME, outcome=stem)
    if _OPINION_ASK.search(text) or _ADVOCATING.search(text):
        return parsed(Intent.QUOTES)
    about = _ABOUT.search(text)
    if about:
        return parsed(Intent.ABOUT, subject=about.group("rest"))
    is_event = bool(_EVENT.search(text)) or bool(
        aspects & {"where", "when", "host", "status", "mediators"}
    )
    quotes = _QUOTES.search(text)
    if quotes and not (is_event and quotes.group(1) in {"talk", "call"}):
        return parsed(Intent.QUOTES)
    if _SUMMARY.search(text):
        return parsed(Intent.SUMMARY)
    who_is = _WHO_IS.search(text)
    # "Where does X work?" asks for an affiliation, not a venue.
    affiliation = who_is is not None and any(
        who_is.group(g) is not None for g in ("rest9", "rest10", "rest11")
    )
    if who_is and (affiliation or (not is_event and not _EVENT_VERBING.search(text))):
        rest = next(
            (
                who_is.group(g)
                for g in (
                    "rest",
                    "rest2",
                    "rest3",
                    "rest4",
                    "rest5",
                    "rest6",
                    "rest7",
                    "rest8",
                    "rest9",
                    "rest10",
                    "rest11",
                )
                if who_is.group(g) is not None
            ),
            None,
        )
        return parsed(Intent.WHO_IS, subject=rest)
    # "Which countries are going to Leticia?" asks who takes part, as "who is going" does.
    asks_who = bool(aspects & {"who"}) or bool(_WHICH_PARTIES.search(text))
    if is_event or (asks_who and _EVENT_VERBING.search(text)):
        return parsed(Intent.EVENT)
    return parsed(Intent.SEARCH)
