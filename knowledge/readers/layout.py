"""Page furniture around and inside an article body, and taking it off.

Only what is clearly not the article's text goes: advertising slots, newsletter and app
prompts, photo captions and credits, share/follow links, separators, the headline repeated as
the first paragraph, pull-quote subheads, an inline dateline ("WASHINGTON (Reuters) -", kept as
``Article.dateline``) and trailing footers (copyright, subscription notices, contributor
credits). Everything else of the body is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.readers.outlets import find_outlet, outlet_by_name

# "WASHINGTON (Reuters) - ", "BEIRUT, Lebanon (AP) — ", "BRUSSELS/LONDON - ", "LONDON: "
_INLINE_DATELINE = re.compile(
    r"^(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ.'’/\-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ.'’/\-]+){0,3})"
    r"(?:, [A-Z][\w.]+(?: [A-Z][\w.]+){0,2})?"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?: ?\((?P<credit>[A-Za-z][\w .\-]{0,30})\))?"
    r" ?(?:-{1,2}|—|–|:) "
)
# "Washington (CNN) ", "(CNN) ": a credit in brackets makes a title-case city a dateline too.
_CREDIT_DATELINE = re.compile(
    r"^(?P<city>[A-Z][a-zà-ÿ'’.\-]+(?: [A-Z][a-zà-ÿ'’.\-]+){0,2}(?:, [A-Z][\w.]+){0,1})? ?"
    r"\((?P<credit>[A-Za-z][\w .\-]{0,30})\)(?: ?(?:-{1,2}|—|–|:))? "
)

# All-caps openers that are labels, not places.
NOT_DATELINES = frozenset(
    {"BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "ANALYSIS"}
    | {"OPINION", "LIVE", "VIDEO", "PHOTOS", "CORRECTION", "EDITORIAL", "COMMENTARY", "REVIEW"}
    | {"INTERVIEW", "FACT CHECK", "FACTBOX", "EXPLAINER", "URGENT", "NOTE", "EDITOR'S NOTE"}
    | {"EDITOR’S NOTE", "ADVERTISEMENT", "WORLD", "POLITICS", "BUSINESS", "SPORT", "SPORTS"}
    | {"FILE", "FILE PHOTO", "PHOTO"}
)

_QUOTE_PAIRS = {"‘": "’", "“": "”", '"': '"', "'": "'", "«": "»", "„": "“"}

# A paragraph that is wholly one of these is page furniture wherever it stands.
_FURNITURE = re.compile(
    r"(?:advertisement:?|ad|ads|sponsored(?: content)?|story continues below|story continued below"
    r"|(?:advertisement )?continue reading(?: the main story| below)?"
    r"|sign up for (?:our |the |daily )?(?:\w+ )?newsletters?(?: manage newsletters)?"
    r"|click here to get the .{1,40} app|download the .{1,40} app"
    r"|more on this\.{0,3}|photo|photos|video|close|share|share this(?: story| article)?"
    r"|twitter|facebook|email|print|comments?|view comments|skip advert|skip to content|save"
    r"|\d+ min(?:ute)?s? read|listen to this article|listen|(?:\d+ )?comments"
    r"|_{3,}|\*{3,}|-{3,}|={3,}|•{2,}"
    r"|(?:read more|more|related|see also|watch|listen|recommended|most read|trending)"
    r"(?: stories| articles| coverage)?:?"
    r"|\[pullquote\]|follow @\w+(?: on twitter)?|follow us on \w+"
    r"|this (?:article|story) is more than \d+ (?:years?|months?|days?) old"
    r"|your browser does(?:n't| not) support .{0,120}"
    r"|\d{1,2} (?:minutes?|hours?|days?|weeks?|months?|years?) ago"
    r"|[—-]? ?(?:updated|posted|published|last updated)(?: at| on)?:? (?=[^\n]*\d).{1,40}"
    r"|slideshow \(\d+ images?\)|(?:enlarge this image )?toggle caption .{1,120}"
    r"|.{0,200}by signing up,? you agree to our privacy policy.*"
    r"|thank you for signing up.*|(?:getty images|ap photo|reuters|afp|epa)(?:/[\w .]+)?)",
    re.IGNORECASE,
)
# Caption blocks, however long: what follows the label describes a picture or a video.
_CAPTION = re.compile(
    r"(?:hide caption|image copyright|image caption|media caption|photo caption|image source"
    r"|photo credit|media playback is unsupported on your device) "
    r"|FILE(?: PHOTO)? ?[-—–:] ",
    re.IGNORECASE,
)
# A caption paragraph ends in the wire photo credit: "(AP Photo/Name, File)", "REUTERS/Name/File".
_PHOTO_CREDIT_END = re.compile(
    r"(?:\((?:AP|AFP|Reuters|Getty) Photos?/[^)]{1,80}\)"
    r"|\b(?:REUTERS|AFP|EPA|XINHUA|ANADOLU)/[A-Z][\w .'’-]{1,40}(?:/(?:File Photo|Files?|Pool))*)"
    r"\.?$"
)
_MAX_CAPTION_CHARS = 1000
# An NPR-style image credit in running text: "Enlarge this image toggle caption Name/AP Name/AP".
_INLINE_CAPTION = re.compile(
    r"(?:Enlarge this image )?toggle caption (?P<credit>.{3,80}?) (?P=credit)(?: |$)"
)
# A caption paragraph: a photo description ending in its credit, "(Photo: Name, Agency)".
_PHOTO_CAPTION = re.compile(
    r"^.{0,400}?\((?:Photo|Image|Picture): [^)]{1,80}\)(?: Story Highlights\b.*)?$"
)

# Trailing furniture that names the publisher: copyright lines and agency subscription notices.
_OWNER_FOOTER = re.compile(
    r"only a portion of the news|contact us for subscription|subscription options"
    r"|all rights reserved|^(?:©|\(c\)|copyright\b)|click here for reprint permission",
    re.IGNORECASE,
)
# Other trailing furniture: share/follow prompts, credits for reporting and editing.
_FOOTER = re.compile(
    r"^(?:follow|like) us on |^(?:sign up|subscribe) (?:for|to|now)\b"
    r"|^(?:share(?: this)?(?: article| story)?|read more|related(?: articles| stories)?"
    r"|more on this story)(?::|$)"
    r"|^(?:click|tap) here\b|^(?:additional )?(?:reporting|writing|editing) by (?-i:[A-Z])"
    r"|^(?:\S+ ){0,6}contributed (?:to )?this report\.?$|^contributing:"
    r"|^content created by .{1,80} is available|^read or share this story:"
    r"|^follow @\w+|^send letters to\b|^contact us at\b",
    re.IGNORECASE,
)
_MAX_FOOTER_PARAGRAPHS = 4
_LEADING_CREDITS = 3
# Author names on a line of their own: "David Jackson and Thomas Maresca", "A, B and C".
_CREDIT_NAMES = re.compile(
    r"^(?:By )?[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}"
    r"(?:(?:,? and|,|&) ?[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}){0,4}$"
)
_MAX_FURNITURE_CHARS = 300
# A share bar: nothing but these words ("LISTEN TO ARTICLE 6:06 SHARE THIS ARTICLE Share Tweet").
_SHARE_WORDS = frozenset(
    {"listen", "to", "this", "article", "story", "share", "tweet", "post", "email", "print"}
    | {"save", "facebook", "twitter", "x", "whatsapp", "linkedin", "reddit", "pinterest"}
    | {"comment", "comments", "copy", "link", "gift", "close", "flipboard", "messenger"}
)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")


@dataclass
class Layout:
    """A body's paragraphs with the furniture taken off, and what the furniture told us."""

    paragraphs: list[str]
    dateline: str | None = None
    credit: str | None = None
    footer_outlet: str | None = None


def tidy_paragraphs(
    paragraphs: list[str], *, title: str = "", find_dateline: bool = True
) -> Layout:
    """Take page furniture off a body (see the module docstring).

    Args:
        paragraphs: normalised body paragraphs, in order.
        title: the article's headline, dropped where it is repeated as the first paragraph.
        find_dateline: look for "CITY (Agency) -" at the start of the first paragraph.
    """
    kept = [_strip_name_cards(_strip_inline_caption(p)) for p in paragraphs if not is_furniture(p)]
    kept = [p for p in kept if p]
    if kept and title and kept[0].casefold() == title.casefold():
        kept.pop(0)
    layout = Layout(paragraphs=kept)
    kept = _drop_leading_credits(kept, layout)
    if kept and find_dateline:
        layout.dateline, kept[0], layout.credit = _inline_dateline(kept[0])
        if not kept[0]:
            kept.pop(0)
    kept, owner = _drop_footer(kept)
    if owner:
        layout.footer_outlet = find_outlet(" ".join(owner))
    layout.paragraphs = [p for i, p in enumerate(kept) if not _is_pull_quote(kept, i)]
    return layout


def is_furniture(paragraph: str) -> bool:
    """Whether a whole paragraph is page furniture (an ad slot, prompt, caption, separator)."""
    if "(Photo: " in paragraph or "(Image: " in paragraph or "(Picture: " in paragraph:
        return _PHOTO_CAPTION.match(paragraph) is not None
    if paragraph.startswith("CLOSE ") and len(paragraph) <= _MAX_CAPTION_CHARS:
        return True  # a video player's caption block, opened by its shouted close button
    tail = paragraph[-130:]
    if len(paragraph) <= _MAX_CAPTION_CHARS and (
        _CAPTION.match(paragraph) or ("/" in tail and _PHOTO_CREDIT_END.search(tail))
    ):
        return True
    if len(paragraph) > _MAX_FURNITURE_CHARS:
        return False
    if _FURNITURE.fullmatch(paragraph):
        return True
    words = paragraph.casefold().split()
    return len(words) >= 2 and all(w in _SHARE_WORDS or _CLOCK.fullmatch(w) for w in words)


def fallback_title(paragraph: str) -> str:
    """A title for text that has none: its first sentence, cut at a word boundary."""
    sentence = re.split(r"(?<=[.!?])\s", paragraph, maxsplit=1)[0]
    if len(sentence) <= 100:
        return sentence
    return sentence[:100].rsplit(" ", 1)[0] + "…"


# A name's pop-up card pasted into the text by some sites: after "Senator Roe" the full
# name glued to the headlines of related stories, up to a "MORE" link ("Senator Roe Janet
# Lee RoeCouncil delays vote on ... MORE tweeted"). The card repeats the surname just said.
_NAME_CARD = re.compile(
    r"\b(?P<surname>[A-Z][\w’'-]*[a-z])"
    r"(?P<card> (?:\(?[A-Z][\w.'’-]*\)? ){0,4}(?P=surname)(?=[A-Z0-9])[^\n]{0,700}? MORE)\b"
)


def _strip_name_cards(paragraph: str) -> str:
    if " MORE" not in paragraph:
        return paragraph
    return _NAME_CARD.sub(lambda m: m.group("surname"), paragraph)


def _strip_inline_caption(paragraph: str) -> str:
    if "toggle caption" not in paragraph:
        return paragraph
    return _INLINE_CAPTION.sub("", paragraph).strip()


def _drop_leading_credits(paragraphs: list[str], layout: Layout) -> list[str]:
    """Drop the author and outlet lines a page prints above the body ("A and B", "USA TODAY")."""
    for index, paragraph in enumerate(paragraphs[:_LEADING_CREDITS]):
        outlet = outlet_by_name(paragraph)
        if outlet:
            layout.credit = layout.credit or outlet
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if _CREDIT_NAMES.match(paragraph) and outlet_by_name(following):
            continue
        return paragraphs[index:]
    return paragraphs[_LEADING_CREDITS:]


def _inline_dateline(paragraph: str) -> tuple[str | None, str, str | None]:
    """Split 'WASHINGTON (Reuters) - ...' into dateline, the rest, and the credited outlet."""
    match = _INLINE_DATELINE.match(paragraph)
    if match is None:
        credited = _CREDIT_DATELINE.match(paragraph)
        outlet = outlet_by_name(credited.group("credit")) if credited else None
        if credited is None or outlet is None:
            return None, paragraph, None
        return credited.group("city"), paragraph[credited.end() :], outlet
    if sum(c.isalpha() for c in match.group("city")) < 3:
        return None, paragraph, None
    if match.group("city").rstrip(",.") in NOT_DATELINES:
        return None, paragraph, None
    credit = match.group("credit")
    outlet = outlet_by_name(credit) if credit else None
    if credit and outlet is None:
        return None, paragraph, None
    return match.group("city").rstrip(","), paragraph[match.end() :], outlet


def _drop_footer(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Drop trailing footers; return the kept body and the footers that name the publisher."""
    owner: list[str] = []
    kept = list(paragraphs)
    for _ in range(_MAX_FOOTER_PARAGRAPHS):
        if not kept:
            break
        last = kept[-1]
        if _OWNER_FOOTER.search(last):
            owner.insert(0, kept.pop())
        elif _FOOTER.search(last) and len(last) <= _MAX_FURNITURE_CHARS:
            kept.pop()
        else:
            break
    return kept, owner


def _is_pull_quote(paragraphs: list[str], index: int) -> bool:
    """A short line wholly in quote marks, between paragraphs, with no closing full stop."""
    if index == 0 or index == len(paragraphs) - 1:
        return False
    text = paragraphs[index]
    close = _QUOTE_PAIRS.get(text[:1])
    if close is None or len(text) < 3 or not text.endswith(close) or len(text.split()) > 15:
        return False
    inner = text[1:-1].strip()
    return bool(inner) and not inner.endswith((".", "!", "?", ",", "…", ";", ":"))
