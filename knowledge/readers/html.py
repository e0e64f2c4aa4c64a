"""HTML pages (via trafilatura) and HTML fragments in feeds, to article text."""

from __future__ import annotations

import re
import warnings
from html import unescape

import lxml.etree  # type: ignore[import-untyped]  # lxml ships no stubs
import lxml.html  # type: ignore[import-untyped]
import trafilatura

from knowledge.errors import ReadError
from knowledge.models import Article
from knowledge.readers.layout import tidy_paragraphs
from knowledge.readers.normalise import article_id, normalise_line, normalise_text, parse_date
from knowledge.readers.outlets import outlet_of_site

# A page whose extracted text is shorter than this holds no article (a menu, a cookie wall).
_MIN_ARTICLE_CHARS = 40
_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"}
    | {"tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "hr"}
    | {"dd", "dt"}
)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DROPPED = ("script", "style", "noscript", "iframe", "svg", "form", "button")


def read_html(name: str, page: str | bytes, *, url: str | None = None) -> Article:
    """Read the main article of a web page; raises ``ReadError`` when there is none."""
    with warnings.catch_warnings():
        # trafilatura and lxml warn about their own internals (element truth tests); the
        # project runs with warnings as errors, and these say nothing about the input.
        warnings.simplefilter("ignore", FutureWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            document = trafilatura.bare_extraction(
                page, url=url, with_metadata=True, include_comments=False, include_tables=False
            )
        except (ValueError, TypeError, lxml.etree.LxmlError) as exc:
            raise ReadError(name, f"unreadable HTML ({_one_line(exc)})") from exc
    if document is None:
        raise ReadError(name, "no article text found")
    found = document if isinstance(document, dict) else document.as_dict()
    title = normalise_line(str(found.get("title") or ""))
    lines = [normalise_line(line) for line in str(found.get("text") or "").splitlines()]
    paragraphs = [line for line in lines if line]
    # trafilatura keeps the page's <h1> as the first line; it is the title, not body text.
    if paragraphs and title and paragraphs[0].casefold() == title.casefold():
        paragraphs.pop(0)
    layout = tidy_paragraphs(paragraphs)
    body = "\n\n".join(layout.paragraphs)
    if len(body) < _MIN_ARTICLE_CHARS:
        raise ReadError(name, "no article text found")
    page_url = str(found.get("url") or "") or url
    site = normalise_line(str(found.get("sitename") or ""))
    description = normalise_line(str(found.get("description") or ""))
    return Article(
        id=article_id(url=page_url, title=title, text=body),
        title=title,
        standfirst=description or None,
        text=body,
        published=parse_date(found.get("date")),
        source=outlet_of_site(site) or layout.credit,
        url=page_url,
        authors=split_authors(str(found.get("author") or "")),
        dateline=layout.dateline,
    )


def split_authors(value: str) -> tuple[str, ...]:
    """'Jane Roe; John Doe' or 'Jane Roe and John Doe' as separate names."""
    names: list[str] = []
    for part in value.replace(" and ", ";").replace(" & ", ";").replace(",", ";").split(";"):
        name = normalise_line(part)
        if name.lower().startswith("by "):
            name = name[3:].strip()
        if name and len(name) <= 80:
            names.append(name)
    return tuple(dict.fromkeys(names))


def html_to_text(markup: str) -> str:
    """Normalised text of an HTML fragment, block elements becoming paragraph breaks."""
    if "<" not in markup:
        return normalise_text(unescape(markup))
    # lxml refuses text nodes holding control characters; they are never text anyway.
    markup = _CONTROLS.sub("", markup)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return normalise_text(unescape(markup))
    lxml.etree.strip_elements(root, *_DROPPED, with_tail=False)
    lxml.etree.strip_elements(
        root, lxml.etree.Comment, lxml.etree.ProcessingInstruction, with_tail=False
    )
    # Walk without recursion (nesting depth is the input's choice) and without writing into
    # the tree (lxml refuses some characters in assigned text that it accepted when parsing).
    parts: list[str] = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        block = isinstance(element.tag, str) and element.tag.lower() in _BLOCKS
        if event == "start":
            parts.append("\n\n" if block else "")
            parts.append(element.text or "")
        else:
            # <br> is a line break: two of them (a blank line) end a paragraph.
            parts.append("\n\n" if block else "\n" if element.tag == "br" else "")
            if element is not root:
                parts.append(element.tail or "")
    return normalise_text("".join(parts))


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
