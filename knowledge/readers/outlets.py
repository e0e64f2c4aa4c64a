"""A small table of news outlets, to name the source of an article from its furniture.

Only page furniture is searched (footers, copyright lines, dateline credits such as
``WASHINGTON (Reuters) -``, site names): an outlet *cited* in the body ("The Wall Street Journal
reported ...") is an attribution, not the article's source.
"""

from __future__ import annotations

import re
from functools import cache

# canonical name -> other spellings, including the credit codes agencies put in datelines.
OUTLETS: dict[str, tuple[str, ...]] = {
    "Anadolu Agency": ("Anadolu Ajansı", "Anadolu", "AA"),
    "Reuters": ("Thomson Reuters",),
    "Associated Press": ("The Associated Press", "AP"),
    "Agence France-Presse": ("Agence France Presse", "AFP"),
    "BBC News": ("BBC", "British Broadcasting Corporation"),
    "Al Jazeera": ("Aljazeera",),
    "Bloomberg": ("Bloomberg News",),
    "CNN": ("Cable News Network",),
    "NPR": ("National Public Radio",),
    "Fox News": ("Fox News Channel",),
    "The New York Times": ("New York Times", "NYT"),
    "The Washington Post": ("Washington Post",),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ"),
    "The Guardian": ("Guardian",),
    "Financial Times": ("The Financial Times", "FT"),
    "The Times": (),
    "The Telegraph": ("The Daily Telegraph",),
    "The Independent": (),
    "The Economist": (),
    "Politico": ("POLITICO",),
    "Axios": (),
    "The Hill": (),
    "USA Today": ("USA TODAY",),
    "Deutsche Welle": ("DW",),
    "Xinhua": ("Xinhua News Agency",),
    "TASS": ("ITAR-TASS",),
    "RIA Novosti": (),
    "Kyodo News": ("Kyodo",),
    "Yonhap": ("Yonhap News Agency",),
    "ANSA": (),
    "EFE": ("Agencia EFE",),
    "dpa": ("Deutsche Presse-Agentur",),
    "Press Trust of India": ("PTI",),
    "IRNA": ("Islamic Republic News Agency",),
    "Tasnim News Agency": ("Tasnim",),
    "Daily Sabah": (),
    "Hurriyet Daily News": ("Hürriyet Daily News",),
    "TRT World": ("TRT",),
    "Euronews": (),
    "France 24": ("France24",),
    "Sky News": (),
    "ABC News": (),
    "CBS News": (),
    "NBC News": (),
    "The Christian Science Monitor": ("Christian Science Monitor",),
    "The Washington Times": ("Washington Times",),
    "Breitbart News": ("Breitbart",),
    "Vox": (),
    "Newsweek": (),
    "Time": ("TIME",),
    "The Atlantic": (),
    "Haaretz": (),
    "The Times of Israel": ("Times of Israel",),
    "Al-Monitor": ("Al Monitor",),
    "Arab News": (),
    "Asharq Al-Awsat": (),
}

# Short codes are only trusted inside a dateline credit "(AA)" or a copyright line, never as a
# bare word in running text, where "AP" or "FT" could mean anything.
_CODES = frozenset({"AA", "AP", "AFP", "WSJ", "NYT", "FT", "DW", "PTI", "TRT"})
# Names that are also ordinary words or phrases; trusted only when given as a site name or credit.
_AMBIGUOUS = frozenset(
    {"Time", "TIME", "The Times", "The Hill", "Guardian", "The Independent", "Vox"}
)


@cache
def _name_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    lookup: dict[str, str] = {}
    for canonical, aliases in OUTLETS.items():
        for name in (canonical, *aliases):
            if name not in _CODES and name not in _AMBIGUOUS:
                lookup[name] = canonical
    names = sorted(lookup, key=len, reverse=True)
    # Case-sensitive: outlet names are proper nouns, and "time" or "guardian" in a footer are not.
    pattern = re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")
    return pattern, lookup


@cache
def _code_lookup() -> dict[str, str]:
    return {
        name.casefold(): canonical
        for canonical, aliases in OUTLETS.items()
        for name in (canonical, *aliases)
    }


def outlet_by_name(name: str) -> str | None:
    """The canonical name of an outlet written exactly as one of its names or credit codes."""
    return _code_lookup().get(" ".join(name.split()).casefold())


def find_outlet(furniture: str) -> str | None:
    """The first known outlet named in a piece of page furniture (footer, copyright, credit)."""
    pattern, lookup = _name_pattern()
    match = pattern.search(furniture)
    return lookup[match.group(1)] if match else None


def outlet_of_site(site: str) -> str | None:
    """The outlet a site or feed calls itself: "BBC News - World" is BBC News; unknown names
    are kept as given."""
    site = " ".join(site.split())
    if not site:
        return None
    return outlet_by_name(site) or find_outlet(site) or site
