"""Stage 4: direct and indirect quotes, in citron's vocabulary: cue, source, content.

*Content* is the span of what was said: for a direct quote the words between quote marks
(straight, curly or single; a paragraph that opens a quote without closing it ends the quote at
the paragraph's end); for an indirect quote the reported clause ("X said (that) CONTENT",
"CONTENT, X said.", "according to X, CONTENT").

The *cue* is the reporting verb ("said", "warned", "told") or "according to"; the *source* is
the noun phrase that the cue attributes the content to, found after a closing quote mark
("...,” X said", "...,” said X, the mayor"), before an opening one ("X said Sunday, “...",
"struck a defiant note, warning, “..."), or around an indirect clause. Sources are resolved by
``coref`` to canonical names; a direct quote with no cue in its sentence continues the previous
speaker when it is close.

Every ``Quote.text`` equals ``article.text[quote.start:quote.end]``. Quotes contained in another
quote, and headline or pull-quote repeats of a body quote, are dropped.

Modules: ``spans`` (quote marks, candidates), ``sources`` (who a noun phrase names),
``direct`` (quoted content and its attribution), ``indirect`` (reported clauses), and this
one, which resolves sources to speakers, dates statements and removes repeats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from knowledge.extract.coref import PRONOUNS, Coreference
from knowledge.extract.dates import find_dates, resolve_weekday, weekday_index
from knowledge.extract.entities import OUTLET_NOUN_BEFORE, EntityIndex
from knowledge.extract.gazetteer import is_venue, load_gazetteer, words_of
from knowledge.extract.quotes.continuation import newcomer
from knowledge.extract.quotes.direct import direct_candidates
from knowledge.extract.quotes.indirect import indirect_in_sentence
from knowledge.extract.quotes.sources import is_description
from knowledge.extract.quotes.spans import Candidate, Source, word_count
from knowledge.extract.quotes.transcript import TranscriptAnswer, find_transcript
from knowledge.extract.quotes.vocabulary import WORDISH
from knowledge.models import (
    Article,
    Entity,
    EntityKind,
    Quote,
    QuoteKind,
    Sentence,
)

__all__ = ["find_quotes"]

# A day named just after a cue, past a hearer or medium: "said Sunday", "told reporters on
# Monday", "said in a statement on Friday". The words in between are checked separately.
_WEEKDAY_AFTER_CUE = re.compile(
    r"^(?P<gap>(?:\s+[^\s,.;:“”\"]+){0,5}?)\s+(?:on\s+)?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"last night|this morning|earlier this week)\b"
)


_GAP_WORDS = frozenset(
    words_of(
        """in on at to during via through with from a an the his her their its reporters
        journalists him her them us lawmakers parliament interview statement press news
        conference briefing speech email e-mailed emailed written televised radio telephone
        phone call post posted video remarks late early"""
    )
)


_ON_WEEKDAY = re.compile(
    r"\b[Oo]n (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s*$"
)


_RELAY = re.compile(
    r"(?:according to|told|interview with|speaking to|speaking with|said to|quoted by"
    r"|cited by|reported by)\s+(?:the\s+)?$"
)


_LEADING_THE = re.compile(r"^(?:the|The)\s+")


def find_quotes(article: Article, sentences: list[Sentence], index: EntityIndex) -> list[Quote]:
    """Direct and indirect quotes of an article, in text order, with resolved speakers."""
    text = article.text
    if not sentences:
        return []
    coref = Coreference(index, text)
    published = article.published.date() if article.published else None

    paragraphs: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        paragraphs.setdefault(sentence.paragraph, []).append(sentence)
    candidates, blocked, used_cues = direct_candidates(text, paragraphs, index)
    coref.set_quoted(blocked)
    for sentence in sentences:
        candidates.extend(indirect_in_sentence(text, sentence, index, blocked, used_cues))
    candidates = _drop_contained(candidates)
    quotes = _resolve(article, text, candidates, coref, index, published)
    answers = find_transcript(article, index)
    return _with_answers(article, quotes, answers, coref) if answers else quotes


def _with_answers(
    article: Article, quotes: list[Quote], answers: list[TranscriptAnswer], coref: Coreference
) -> list[Quote]:
    """Add a transcript's answers as direct quotes. A quote found inside an answer stays when
    it is someone else's (the interviewee reporting what another said); one that only repeats
    the answer's own words, unattributed or the interviewee's, goes."""
    spans = [(a.start, a.end, a.speaker) for a in answers]
    kept = [
        q
        for q in quotes
        if not any(
            s <= q.start and q.end <= e and (q.speaker is None or q.speaker == who)
            for s, e, who in spans
        )
    ]
    for answer in answers:
        role = coref.resolution(answer.entity).role if answer.entity is not None else None
        kept.append(
            Quote(
                article_id=article.id,
                text=article.text[answer.start : answer.end],
                start=answer.start,
                end=answer.end,
                kind=QuoteKind.DIRECT,
                speaker=answer.speaker,
                speaker_id=answer.entity.id if answer.entity is not None else None,
                speaker_mention=answer.label,
                speaker_role=role,
                cue=None,
                confidence=0.9,
            )
        )
    kept.sort(key=lambda q: q.start)
    return kept


def _drop_contained(candidates: list[Candidate]) -> list[Candidate]:
    """Keep the outer of nested or overlapping quotes (an indirect clause with a partial quote)."""
    ordered = sorted(candidates, key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for cand in ordered:
        if kept and cand.start < kept[-1].end:
            outer = kept[-1]
            if cand.end <= outer.end:
                # an attributed inner direct quote lends its source to a sourceless outer one
                if outer.source is None and cand.source is not None:
                    outer.source = cand.source
                continue
            # partial overlap: keep the direct one, or the longer
            if outer.kind is QuoteKind.DIRECT and cand.kind is QuoteKind.INDIRECT:
                continue
            if cand.kind is QuoteKind.DIRECT and outer.kind is QuoteKind.INDIRECT:
                kept[-1] = cand
                continue
            continue
        kept.append(cand)
    return kept


def _said_on(text: str, source: Source, published: date | None) -> date | None:
    """The day a statement was made, when a weekday or date stands next to its cue."""
    if published is None or source.cue is None:
        return None
    window = text[source.cue_end : source.cue_end + 60]
    m = _WEEKDAY_AFTER_CUE.match(window)
    if m is not None and any(
        w.lower() not in _GAP_WORDS and not w[:1].isupper() for w in m.group("gap").split()
    ):
        m = None  # "said the meeting on Monday": the day belongs to the content
    if m is None:
        before = text[max(0, source.np_start - 40) : source.np_start]
        m2 = _ON_WEEKDAY.search(before)
        if m2 is None:
            dates = find_dates(window[:40], published)
            for mention in dates:
                lead = window[: mention.span[0]].split()
                if lead and lead[-1][:1].isupper() and lead[-1] != "On":
                    continue  # 'told “Face the Week Sunday”': a weekday inside a programme's name
                if mention.date_start == mention.date_end and mention.span[0] <= 12:
                    return mention.date_start
            return None
        day = m2.group(1)
    else:
        day = m.group("day")
    low = day.lower()
    if low in ("yesterday", "last night"):
        return published - timedelta(days=1)
    if low in ("today", "this morning"):
        return published
    if low == "earlier this week":
        return None
    wd = weekday_index(day)
    if wd is None:
        return None
    return resolve_weekday(published, wd, "backward")


def _resolve(
    article: Article,
    text: str,
    candidates: list[Candidate],
    coref: Coreference,
    index: EntityIndex,
    published: date | None,
) -> list[Quote]:
    quotes: list[Quote] = []
    last: tuple[Entity | None, str | None, int, int, str | None] | None = (
        None  # entity, name, pos, paragraph, role
    )
    # a non-person source, its paragraph and where it was named
    last_group: tuple[str, int, int] | None = None
    # the offices and spokespeople named so far, by noun, for "the office said" after them
    offices: dict[str, tuple[Entity | None, str]] = {}
    for cand in candidates:
        speaker: str | None = None
        entity: Entity | None = None
        mention: str | None = None
        role: str | None = None
        cue: str | None = None
        said_on: date | None = None
        via: str | None = None
        place: str | None = None
        confidence = 1.0
        office: tuple[Entity | None, str] | None = None
        if cand.source is not None:
            src = cand.source
            cue = src.cue
            mention = text[src.np_start : src.np_end]
            office = _office_of(text, src, coref, last, offices)
            if office is not None:
                # "Mr Moon's office said", "her spokesman said": the statement is the person's,
                # made through someone else, which the speaker's name says
                entity, speaker = office
            else:
                entity, speaker = _resolve_source(text, src, coref, index, last)
            pronoun = mention.strip().lower()
            group = (
                _recent_group(text, min(src.np_start, cand.start), coref)
                if pronoun in ("they", "it")
                else None
            )
            own = _GROUP.fullmatch(text, src.np_start, src.np_end) if entity is None else None
            if own is not None:
                # "his family said": the group of the person "his" means
                own_group = _group_of(own, coref)
                group = _Group(
                    own_group.name,
                    src.np_start,
                    src.np_end,
                    own_group.owner,
                    own_group.noun,
                )
            if (
                entity is None
                and group is not None
                and (own is not None or last_group is None or group.start > last_group[2])
            ):
                # "his family issued a statement ... “...,” they said": the group just named
                speaker = group.name
            elif (
                entity is None
                and pronoun in ("they", "it")
                and last_group is not None
                and cand.paragraph - last_group[1] <= 2
            ):
                # "they"/"it" after a group or body spoke: "The union says ... They add ..."
                speaker = last_group[0]
            elif (
                speaker is not None
                and pronoun not in PRONOUNS
                and (entity is None or entity.kind in (EntityKind.ORGANISATION, EntityKind.OUTLET))
            ):
                # a body that spoke, named or known ("Umbro, which ..., said"): "it"/"they"
                # after it mean the body
                last_group = (speaker, cand.paragraph, src.np_start)
            said_on = src.said_on or _said_on(text, src, published)
            place = _said_at(text, src, cand)
            via = src.via or _via_near(text, cand, src, index)
            if via is not None and speaker == via:
                via = None
        elif cand.continuation and last is not None and cand.paragraph - last[3] <= 2:
            entity, speaker = last[0], last[1]
            confidence = 0.6
            introduced = newcomer(text, cand.start, last[2], coref, entity)
            if introduced is not None:
                # "Kostic accused them of stalling." then a bare quote paragraph: his words
                entity, speaker = introduced, introduced.name
            elif entity is not None and speaker is not None and speaker != entity.name:
                office = (entity, speaker)  # the office that spoke last goes on speaking
        elif (
            cand.continuation
            and not cand.headline_like
            and _closes_paragraph(text, cand.end)
            and (introduced := newcomer(text, cand.start, _since(last), coref, None)) is not None
        ):
            # "The DUP leader, Gavin Lowry, has just spoken to reporters." then a bare quote
            # paragraph, with no speaker quoted nearby: the person just introduced speaks
            entity, speaker = introduced, introduced.name
            confidence = 0.6
        elif cand.headline_like:
            speaker = None
            confidence = 0.3
        else:
            confidence = 0.4
        if entity is not None and not (office is not None and office[0] is entity):
            resolution = coref.resolution(entity)
            speaker, role = resolution.name, resolution.role
        if speaker is not None and not cand.post:
            region_end = max(cand.end, cand.source.np_end if cand.source else cand.end)
            last = (entity, speaker, region_end, cand.paragraph, role)
        quotes.append(
            Quote(
                article_id=article.id,
                text=text[cand.start : cand.end],
                start=cand.start,
                end=cand.end,
                kind=cand.kind,
                speaker=speaker,
                speaker_id=entity.id if entity is not None else None,
                speaker_mention=mention,
                speaker_role=role,
                cue=cue,
                said_on=said_on,
                attributed_via=via,
                confidence=confidence,
                place=place,
            )
        )
    return _drop_repeats(quotes)


def _closes_paragraph(text: str, end: int) -> bool:
    """True when nothing but closing marks follows a quote in its paragraph: a bare quote
    paragraph, not one whose attribution after the quote went unread."""
    stop = text.find("\n", end)
    rest = text[end : stop if stop >= 0 else len(text)]
    return not rest.strip(" .,!?…”\"’'")


def _since(last: tuple[Entity | None, str | None, int, int, str | None] | None) -> int:
    """Where the text after the last attributed quote begins (0 when none was)."""
    return last[2] if last is not None else 0


# "told reporters in Vienna", "said at a news conference in Lima", "speaking in Kyiv, X
# said": a place in the attribution, after the cue or before the source.
_PLACE_AFTER_CUE = re.compile(
    r"[^“”\"\n.;:!?]{0,45}?\b(?:in|at)\s+(?:the\s+)?"
    r"(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
# The words allowed between a cue and "in <place>": who was addressed and on what occasion
# ("told reporters in", "said at a news conference in"). Anything else ("said of the talks
# in Geneva", "said the firm plans to grow sales in the UK") is what was spoken about.
_SETTING_WORDS = frozenset(
    words_of(
        """the a an his her their its in at to reporters journalists audience audiences crowd
        crowds conference news press interview rally meeting forum summit speech event briefing
        hearing radio station television TV media supporters delegates parliament lawmakers
        emergency annual year-end end-of-year visit trip ceremony session gathering
        convention congress assembly party students workers business leaders officials
        later earlier also"""
    )
)
_WORD_AFTER = re.compile(r"\s+[a-z]+")
_PLACE_AFTER_SETTING = re.compile(
    r"\s+(?:\w+ly\s+)?(?:at|during|to)\s+(?:an?|the|his|her|their|its)\s+"
    r"[^,.;:!?“”\"\n]{0,60}?\b(?:town\s+hall|rally|event|meeting|forum|conference|summit|"
    r"speech|fundraiser|dinner|breakfast|luncheon|lunch|gathering|convention|hearing|ceremony|"
    r"debate|briefing|campaign\s+stop|stop|appearance|session|roundtable|festival|concert)s?"
    r"\s+in\s+(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})"
)
_PLACE_BEFORE_SOURCE = re.compile(
    r"\b(?:[Ss]peaking|[Aa]ddressing\s+[^,]{1,30}?|[Aa]t\s+[^,]{1,40}?)\s+(?:in|at)\s+"
    r"(?:the\s+)?(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s*,\s*$"
)


def _said_at(text: str, src: Source, cand: Candidate) -> str | None:
    """Where a statement was made, when its attribution names a known place."""
    # searched in place (no slices): it runs for every attributed quote
    at = src.cue_end
    if src.cue is None:
        # "X said at a town hall in Iowa on Monday: “...”": the verb right after the name
        verb = _WORD_AFTER.match(text, src.np_end)
        at = verb.end() if verb is not None else src.np_end
    end = at + 70
    if cand.start > at:
        end = min(end, cand.start)  # never inside the quoted words
    if text.find(" in ", at, end + 40) >= 0:
        # "said at a Veterans for America town hall in New Hampshire": an occasion, then where
        setting = _PLACE_AFTER_SETTING.match(text, at, end + 40)
        if setting is not None and (cand.start <= at or setting.end() <= cand.start):
            place = _known_place(setting.group("place").split())
            if place is not None:
                return place
    if text.find(" in ", at, end) >= 0 or text.find(" at ", at, end) >= 0:
        match = _PLACE_AFTER_CUE.match(text, at, end)
        gap = text[at : match.start("place")].split()[:-1] if match is not None else []
        if match is not None and all(w[:1].isupper() or w in _SETTING_WORDS for w in gap):
            place = _known_place(match.group("place").split())
            if place is not None:
                return place
    lo = max(0, src.np_start - 70)
    if text.find(" in ", lo, src.np_start) >= 0 or text.find(" at ", lo, src.np_start) >= 0:
        match = _PLACE_BEFORE_SOURCE.search(text, lo, src.np_start)
        if match is not None:
            return _known_place(match.group("place").split())
    return None


def _known_place(words: list[str]) -> str | None:
    """The place a run of capitalised words starts with ("Vienna", "Union Square"), by the
    gazetteer: a city, country, region or a place below city level; else None."""
    gaz = load_gazetteer()
    if is_venue(words):
        return " ".join(words)
    for size in range(len(words), 0, -1):
        phrase = " ".join(words[:size])
        if phrase in gaz.city_to_country or phrase in gaz.region_to_country:
            return phrase
        if phrase in gaz.country_by_surface and phrase not in gaz.demonym_to_country:
            return gaz.country_by_surface[phrase]
    return None


def _via_near(text: str, cand: Candidate, src: Source, index: EntityIndex) -> str | None:
    """ "..., according to Reuters" / "told The Guardian" around a quote and its cue."""
    lo = min(cand.start, src.np_start)
    hi = max(cand.end, src.cue_end)
    # look to the end of the sentence after the quote
    stop = len(text)
    for ch in ".\n":
        k = text.find(ch, hi, hi + 200)
        if k >= 0:
            stop = min(stop, k)
    for mention in index.mentions_in(lo, min(stop + 1, hi + 200)):
        if mention.kind is not EntityKind.OUTLET:
            continue
        at = mention.start
        noun = OUTLET_NOUN_BEFORE.search(text, max(0, at - 60), at)
        if noun is not None:
            at = noun.start()  # "according to Moldova's state news agency X"
        before = text[max(0, at - 40) : at].lower()
        if _RELAY.search(before):
            entity = index.get(mention.entity_id)
            return entity.name if entity else None
    return None


# Who speaks for a person: "Mr Moon's office", "the president's spokesman", "her lawyers",
# "a spokeswoman for Ms Rusu". The statement is the person's, made through the office or aide.
_OFFICE_NOUN = (
    r"(?P<noun>(?:press\s+|private\s+|campaign\s+)?office|spokes(?:man|woman|person)|"
    r"press\s+secretary|lawyers?|attorneys?|legal\s+team)"
)
_OWNED_OFFICE = re.compile(
    rf"(?P<owner>[^,;:“”\"]{{1,60}}?)(?:’s|'s|’|')\s+(?:\w+\s+)?{_OFFICE_NOUN}", re.IGNORECASE
)
_PRONOUN_OFFICE = re.compile(rf"(?P<owner>his|her)\s+(?:\w+\s+)?{_OFFICE_NOUN}", re.IGNORECASE)
# "the office said", "the spokesman added" after a person's office or spokesperson spoke (a
# lawyer is as often someone else's: "the lawyers" is left to the usual resolution)
_THE_OFFICE = re.compile(
    r"[Tt]he\s+(?P<noun>(?:press\s+|private\s+)?office|spokes(?:man|woman|person)|"
    r"press\s+secretary)"
)
_OFFICE_FOR = re.compile(
    rf"(?:an?|the)\s+(?:\w+\s+)?{_OFFICE_NOUN}\s+(?:for|to)\s+(?P<owner>[^,;:“”\"]{{1,60}})",
    re.IGNORECASE,
)


def _office_of(
    text: str,
    src: Source,
    coref: Coreference,
    last: tuple[Entity | None, str | None, int, int, str | None] | None,
    offices: dict[str, tuple[Entity | None, str]],
) -> tuple[Entity | None, str] | None:
    """The speaker for a person's office or spokesperson: (the person, "X’s office"), or
    (None, "the president’s office") when the person is not known; None for other sources."""
    surface = text[src.np_start : src.np_end].strip()
    again = _THE_OFFICE.fullmatch(surface)
    if again is not None:
        # "the office said" after "Mr Moon's office said": the office that spoke last
        noun = " ".join(again.group("noun").lower().split())
        if coref.role_noun(surface, src.np_start) is not None:
            return None  # "the spokesman" the article names ("spokesman Ian Roe")
        return offices.get(noun)
    found = (
        _PRONOUN_OFFICE.fullmatch(surface)
        or _OWNED_OFFICE.fullmatch(surface)
        or _OFFICE_FOR.fullmatch(surface)
    )
    if found is None:
        return None
    noun = " ".join(found.group("noun").lower().split())
    owner = found.group("owner").strip()
    at = src.np_start + found.start("owner")
    person: Entity | None = None
    if owner.lower() in ("his", "her"):
        last_speaker = (last[0], last[2]) if last is not None and last[0] is not None else None
        person = coref.pronoun("he" if owner.lower() == "his" else "she", at, last_speaker)
    elif owner.lower().startswith(("the ", "a ", "an ")):
        person = coref.role_noun(owner, at)
        head = owner.split()[-1].lower()
        if (
            person is None
            and head in load_gazetteer().titles
            and coref.entity_at(at, at + len(owner)) is None
        ):
            bare = owner[0].lower() + owner[1:]
            offices[noun] = (None, f"{bare}’s {noun}")  # "the president’s office", nobody named
            return offices[noun]
        # only a bare "the company", "the group": "the SEC's Denver office" names its body
        common = person is None and len(owner.split()) == 2 and owner.split()[1].islower()
        body = coref.recent_body(at, head) if common else None
        if body is not None:
            # "the company's spokesman said": the body's spokesman, named, so that what the
            # body said is found under its name
            offices[noun] = (None, f"{body.name}’s {noun}")
            return offices[noun]
    else:
        for mention in coref.index.mentions_in(at, at + len(owner)):
            named = coref.index.get(mention.entity_id)
            if named is not None and named.kind is EntityKind.PERSON:
                person = named
                break
    if person is None or person.kind is not EntityKind.PERSON:
        return None  # "Google's spokesman": a body's, which the usual resolution names
    offices[noun] = (person, f"{person.name}’s {noun}")
    return offices[noun]


def _resolve_source(
    text: str,
    src: Source,
    coref: Coreference,
    index: EntityIndex,
    last: tuple[Entity | None, str | None, int, int, str | None] | None,
) -> tuple[Entity | None, str | None]:
    surface = text[src.np_start : src.np_end].strip()
    lower = surface.lower()
    possessed = _POSSESSIVE_DOCUMENT.match(lower)
    if possessed is not None:
        # "her statement read", "his post said": the writer is the pronoun's person
        lower = "she" if possessed.group(1) == "her" else "he"
    if lower in PRONOUNS:
        last_speaker = (last[0], last[2]) if last is not None and last[0] is not None else None
        assert last_speaker is None or last_speaker[0] is not None
        entity = coref.pronoun(
            lower,
            src.np_start,
            (last_speaker[0], last_speaker[1]) if last_speaker and last_speaker[0] else None,
        )
        if (
            lower in ("he", "she")
            and last is not None
            and last[0] is None
            and last[1] is not None
            and src.np_start - last[2] < 400
            and _names_a_person(last[1])
            and (
                entity is None
                or max((m.start for m in entity.mentions if m.start < src.np_start), default=-1)
                < last[2]
            )
        ):
            # "Keeper of the Seal, Syed Danial Syed Ahmad, said ... He said": the person just
            # quoted, named in full though no entity was made of the name
            return None, last[1]
        if entity is not None:
            return entity, entity.name
        return None, surface
    namesake = coref.namesake(surface)
    if namesake is not None:
        return namesake, namesake.name  # "the younger Harlan": the son, not his father
    person = coref.person_at(src.np_start, src.np_end)
    if person is not None:
        # "Ridge spokeswoman Ana Cole": the person the phrase ends on is its head; the
        # first is only the one the speaker works for
        mentioned = coref.index.mentions_in(src.np_start, src.np_end)
        people = [m for m in mentioned if m.kind is EntityKind.PERSON]
        if (
            len(people) >= 2
            and people[-1].entity_id != people[0].entity_id
            and people[-1].end >= src.np_start + len(surface.rstrip(",.;: "))
            and " and " not in text[people[0].end : people[-1].start]  # "Ridge and Bell"
        ):
            head = coref.index.get(people[-1].entity_id)
            if head is not None:
                return head, head.name
        return person, person.name
    role_person = coref.role_noun(surface, src.np_start)
    if role_person is not None:
        return role_person, role_person.name
    org_noun = _ORG_NOUN.fullmatch(lower)
    if org_noun is not None:
        body = coref.recent_body(src.np_start, org_noun.group(1))
        if body is not None:
            return body, body.name
    other = coref.entity_at(src.np_start, src.np_end)
    if other is None and surface[:1] in "Tt" and surface[1:4] == "he ":
        # "The Reform the Senate Campaign said": the source phrase restarted at the inner "the";
        # the body's name runs on to the left
        for mention in coref.index.mentions_in(max(0, src.np_start - 60), src.np_end):
            if mention.start < src.np_start and mention.end == src.np_start + len(surface):
                named = coref.index.get(mention.entity_id)
                if named is not None and named.kind is not EntityKind.PERSON:
                    return named, named.name
    bare = _LEADING_THE.sub("", surface)
    if other is not None and (bare in (other.name, *other.aliases) or surface == other.name):
        return other, other.name
    if (
        other is not None
        and other.kind is EntityKind.OUTLET
        and surface.endswith(other.name)
        and OUTLET_NOUN_BEFORE.fullmatch(surface[: len(surface) - len(other.name)])
    ):
        return other, other.name  # "the daily Le Monde": the outlet after its noun
    ends = src.np_start + len(surface)
    for mention in coref.index.mentions_in(src.np_start, ends):
        if (
            mention.end == ends
            and mention.kind in (EntityKind.ORGANISATION, EntityKind.OUTLET)
            and _DESCRIBED_BODY.fullmatch(text, src.np_start, mention.start)
        ):
            # "US phone company SBC Communications": the body after what it is
            body = coref.index.get(mention.entity_id)
            if body is not None:
                return body, body.name
    # "The group says ...": a body nobody named is still no person of the story
    if is_description(surface) and not _names_an_office(surface) and org_noun is None:
        last_speaker = (last[0], last[2]) if last is not None and last[0] is not None else None
        entity = coref.topic_person(src.np_start, last_speaker)
        if entity is not None:
            return entity, entity.name
    resolved = (
        index.resolve(surface) if surface[:1].isupper() and word_count(surface) <= 3 else None
    )
    if resolved is not None:
        return resolved, resolved.name
    return None, surface


# What stands before a body's name to say what it is: "US phone company ", "the retailer ",
# "UK-based bank ": a few words ending in a lower-case noun.
_DESCRIBED_BODY = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[\w’'&.-]+\s+){0,3}?"
    r"(?:company|firm|group|bank|lender|insurer|retailer|carmaker|automaker|bookmaker|airline|"
    r"publisher|broadcaster|agency|charity|union|watchdog|regulator|consultancy|maker|"
    r"manufacturer|chain|giant|operator|supermarket|brewer|miner|drugmaker|chipmaker|"
    r"think\s+tank|institute|association|organi[sz]ation|network|telecom|provider|"
    r"conglomerate|fund)\s+"
)


# A speaker written as a person's full name: two to five capitalised words.
_NAME_LIKE = re.compile(r"[A-Z][\w’'.-]+(?: (?:[A-Z][\w’'.-]+|bin|al|de|van|von)){1,4}")


_PARTY_NOUNS = frozenset(
    words_of(
        """Republican Republicans Democrat Democrats Conservative Conservatives Liberal
        Liberals Tory Tories Independent Labour Socialist Green"""
    )
)


def _names_a_person(speaker: str) -> bool:
    """ "Syed Danial Syed Ahmad", not "the Ohio Republican" nor a place."""
    if _NAME_LIKE.fullmatch(speaker) is None:
        return False
    gaz = load_gazetteer()
    return not any(
        w in _PARTY_NOUNS
        or w in gaz.country_by_surface
        or w in gaz.region_to_country
        or w in gaz.city_to_country
        for w in speaker.split()
    )


_ORG_NOUN = re.compile(
    r"the\s+(agency|company|firm|union|group|organisation|organization|ministry|department|"
    r"government|board|council|party|association|federation|commission|committee|bank|"
    r"authority|city|province|state|network|club|team|league|court|university|hospital|"
    r"police|service|regulator|watchdog|airline|carrier|broadcaster|newspaper|charity|"
    r"security firm|tech company|tech giant|carmaker|automaker|retailer|insurer|lender)"
)


_POSSESSIVE_DOCUMENT = re.compile(
    r"(his|her)\s+(?:\w+\s+)?(?:statement|letter|post|tweet|tweets|email|e-mail|message|"
    r"remarks|speech|memo|note|op-ed|column|book|lawyer|lawyers|office|spokesman|spokeswoman|"
    r"spokesperson)$"
)


# Offices whose holder is a separate, often unnamed, person: "the judge said" is not the
# person the story is about.
_OFFICES = frozenset(
    words_of(
        """judge justice prosecutor prosecutors lawyer attorney coroner sheriff spokesperson
        spokesman spokeswoman official officer commissioner ambassador minister secretary
        director chairman chairwoman chair governor mayor senator president premier chancellor
        inspector detective constable magistrate mediator negotiator envoy treasurer
        comptroller controller auditor clerk registrar solicitor administrator superintendent
        ombudsman marshal provost dean headteacher principal coroner councillor councilor
        alderman assessor regulator examiner"""
    )
)


_GROUP = re.compile(
    r"\b((?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[A-Z][\w’'-]+(?:’s|'s))\s+(?:[a-z-]+\s+)?"
    r"(?:family|families|parents|relatives|children|lawyers|attorneys|government|authorities|"
    r"officials|police|prosecutors|investigators|company|union|ministry|board|committee|"
    r"council|party|organizers|organisers|workers|residents|protesters|campaign|office|"
    r"administration|team|club))\b"
)


@dataclass(frozen=True, slots=True)
class _Group:
    """A group that speaks ("his family"), with its possessor when that is a known person."""

    name: str
    start: int
    end: int
    owner: Entity | None
    noun: str


def _recent_group(text: str, position: int, coref: Coreference) -> _Group | None:
    """The group named last in the ~300 characters before a "they"/"it" ("his family"), as
    display text with the possessor resolved ("Ted Ruiz's family") and its offset."""
    lo = max(0, position - 300)
    found = None
    for match in _GROUP.finditer(text, lo, position):
        found = match
    if found is None:
        return None
    return _group_of(found, coref)


def _group_of(found: re.Match[str], coref: Coreference) -> _Group:
    phrase = found.group(1)
    owner_word, _, rest = phrase.partition(" ")
    owner: Entity | None = None
    if owner_word.lower() in ("his", "her"):
        owner = coref.pronoun("he" if owner_word.lower() == "his" else "she", found.start())
    elif owner_word.endswith(("’s", "'s")):
        owner = coref.person_at(found.start(), found.start() + len(owner_word) - 2)
        if owner is None:
            # "Ruiz's family": a possessive mention is skipped by ``person_at``
            mentions = coref.index.mentions_in(found.start(), found.start() + len(owner_word))
            owner = next(
                (
                    coref.index.get(m.entity_id)
                    for m in mentions
                    if m.kind is EntityKind.PERSON and coref.index.get(m.entity_id)
                ),
                None,
            )
    if owner is not None and owner.kind is EntityKind.PERSON:
        phrase = f"{owner.name}’s {rest}"
    else:
        owner = None
    return _Group(phrase, found.start(), found.end(1), owner, rest)


def _names_an_office(surface: str) -> bool:
    """ "the Nova Scotia judge", "the country's foreign minister": an office, maybe unnamed."""
    head = surface.split(" of ")[0].split()
    return bool(head) and head[-1].lower() in _OFFICES


def _drop_repeats(quotes: list[Quote]) -> list[Quote]:
    """A headline or pull-quote that repeats a body quote is one quote: keep the attributed one.

    A repeat is a direct quote whose words stand inside another quote, or, for an unattributed
    quote (a pull-quote is often trimmed or reworded), whose words are nearly all in another.
    """
    norm = [" ".join(WORDISH.findall(q.text.lower())) for q in quotes]
    bags = [set(n.split()) for n in norm]
    drop: set[int] = set()
    for i, qi in enumerate(quotes):
        if qi.kind is not QuoteKind.DIRECT or not norm[i]:
            continue
        for j, qj in enumerate(quotes):
            if i == j or j in drop or not norm[j]:
                continue
            if (
                qi.speaker
                and qj.speaker
                and qi.speaker != qj.speaker
                and len(bags[i]) < 4
                and qi.speaker_id != qj.speaker_id
            ):
                continue  # "X called it “disgraceful”": one word another source also used
            if (
                qi.speaker is not None
                and qi.speaker != qj.speaker
                and qi.start < qj.start
                and ("“" in qj.text or '"' in qj.text)
            ):
                # a later post or report that itself quotes the words ('Senator X says
                # the council should “...”: “We can’t wait ...”' in a post) repeats them; the
                # attributed quote they came from stays (a highlight above the story does not)
                continue
            if norm[i] in norm[j] and (
                len(norm[i]) < len(norm[j])
                or (qj.speaker and not qi.speaker)
                or (len(norm[i]) == len(norm[j]) and j < i and qj.speaker)
            ):
                drop.add(i)
                break
            if (
                qi.cue is None
                and qj.cue is not None
                and len(bags[i]) >= 4
                and len(bags[i] & bags[j]) >= 0.85 * len(bags[i])
            ):
                drop.add(i)  # a reworded pull-quote of an attributed body quote
                break
    return [q for k, q in enumerate(quotes) if k not in drop]
