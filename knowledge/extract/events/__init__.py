"""Events: meetings, talks, summits, visits, calls and negotiations, as one article reports them.

Stage over sentences that contain an event keyword (a cheap regex filter first, because most
sentences of most articles hold no event). For each such sentence:

- the *trigger* ("talks", "met", "summit", "phone call") gives the kind;
- *participants* are the people (with their roles, from the ``EntityIndex``) and countries
  named in the trigger's clause, minus outlets, possessive modifiers (in "the president's
  son-in-law X" the president is a descriptor) and the host; countries in a clause "expected
  to participate" are ``expected``;
- *place* from "in/at <city or country>", "in <X>, <Country>" and "<City> talks";
- *host* from "with X hosting", "hosted by X", "X will host";
- *date* from ``dates.find_dates``, skipping dates that belong to a reporting verb
  ("reported Monday"), which give ``reported_on`` instead;
- *status* from explicit cues (cancelled, postponed, collapsed) else the tense at the trigger;
- *agenda* from "to discuss X", "talks on X", "explore X, including A and B", with generic
  heads unwrapped ("concerns over tariffs" -> "tariffs");
- *reported_by* from the outlets the sentence cites.

Mentions are merged into the article's events: a sentence that refers back ("the meeting",
"the talks") or repeats an event's place or date adds to it; mediators ("mediators from A, B
and C") join the most recent event with role "mediator".

The stages live in submodules: ``triggers`` (kind), ``parties`` (participants, mediators),
``places`` (place, host), ``reporting`` (date, reported_by), ``status``, ``agenda``,
``drafts`` (merging mentions into events), ``find`` (one article) and ``matching``
(``same_event``, across articles).
"""

from knowledge.extract.events.find import find_events
from knowledge.extract.events.matching import same_event
from knowledge.extract.events.parties import Named, format_role, named_in, subject_names

__all__ = ["Named", "find_events", "format_role", "named_in", "same_event", "subject_names"]
