"""Question text: normalisation, words, a light stemmer and the words that carry no topic.

Everything here is general English; nothing depends on what the fact base holds.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Contractions users type in chat; expanded so that intent patterns see one spelling.
_CONTRACTIONS = (
    (re.compile(r"\b(who|what|where|when|how|that|it|there|he|she)'s\b"), r"\1 is"),
    (re.compile(r"\b(who|what|where|when|how|they|we|you)'re\b"), r"\1 are"),
    (re.compile(r"\b(\w+)n't\b"), r"\1 not"),
    (re.compile(r"\b(\w+)'ll\b"), r"\1 will"),
    (re.compile(r"\b(\w+)'ve\b"), r"\1 have"),
    (re.compile(r"\b(\w+)'d\b"), r"\1 would"),
    (re.compile(r"\bwhats\b"), "what is"),
    (re.compile(r"\bwhos\b"), "who is"),
    (re.compile(r"\bwheres\b"), "where is"),
)


def words_of(text: str) -> list[str]:
    """The whitespace-separated words of a text block (how the word tables below are written)."""
    return text.split()


_TOKEN = re.compile(r"\w+")
# Hyphens separate words ("US-Iran", "Jong-un"): names are keyed the same way.
_WORD = re.compile(r"\w+(?:'\w+)*", re.UNICODE)


def _fold_table() -> dict[int, str]:
    """Accented Latin letters to their base letter, curly quotes to straight ones."""
    table: dict[int, str] = {}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if base != char:
            table[code] = base
    table.update({ord(k): v for k, v in {"’": "'", "‘": "'", "`": "'", "´": "'"}.items()})
    table.update({ord("“"): '"', ord("”"): '"'})
    return table


# A constant lookup table (built once, never changed): str.translate runs it in C, which
# matters because every candidate sentence is folded.
_FOLD = _fold_table()
# The table's entries news copy is full of, replaced before it is run (see fold).
_CURLY = (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'))


# Answering folds the same sentences and quotes again and again (every phrase looked for
# in a text folds the text anew): a pure function of an immutable string, so memoised,
# bounded so that a long-running bot does not grow.
@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, without accents, straight apostrophes: 'Côte d’Ivoire' -> "cote d'ivoire"."""
    # Most news sentences are ASCII but for curly quotes: those are replaced (a C scan),
    # and the table is run (a dictionary look-up per character, ~3 us a sentence) only
    # over what is still not ASCII. Same result: the replacements are the table's own.
    if not text.isascii():
        for curly, straight in _CURLY:
            if curly in text:
                text = text.replace(curly, straight)
    if text.isascii():
        return (text.replace("`", "'") if "`" in text else text).casefold()
    folded = text.translate(_FOLD)
    if not folded.isascii():
        decomposed = unicodedata.normalize("NFKD", folded)
        # Only the non-ASCII characters can be combining marks: test those alone (a dash
        # in a sentence no longer walks every character of it in Python).
        folded = _NON_ASCII.sub(_drop_combining, decomposed)
    return folded.casefold()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _drop_combining(match: re.Match[str]) -> str:
    char = match.group(0)
    return "" if unicodedata.combining(char) else char


_POSSESSIVE = re.compile(r"'s\b")
_NOT_WORD_OR_DOT = re.compile(r"[^\w.]+")


def key(text: str) -> str:
    """The matching key of a name: folded, punctuation as spaces, possessive dropped.

    'U.S.' -> 'us', "Iran's" -> 'iran', 'Al-Sisi' -> 'al sisi'.
    """
    # Keys are made for every name and alias in the store when the linker is built (~110k
    # at 10k articles: ~0.24 s): an ASCII name is folded in place, without passing through
    # (and flushing) the memo of ``fold``, and a name of plain words separated by single
    # spaces (most) is its own key. The same keys: 0.24 -> 0.16 s.
    folded = text.translate(_FOLD)
    folded = folded.casefold() if folded.isascii() else fold(text)
    if (
        folded.replace(" ", "").isalnum()
        and "  " not in folded
        and folded[:1] != " "
        and folded[-1:] != " "
    ):
        return folded
    if "'" in folded:
        folded = _POSSESSIVE.sub("", folded)
    # Dots join ('U.S.' -> 'us'); every other non-word character separates.
    return " ".join(_NOT_WORD_OR_DOT.sub(" ", folded).replace(".", "").split())


_DOTTED_ACRONYM = re.compile(r"\b(?:[A-Za-z]\.){2,}")


def collapse_acronyms(text: str) -> str:
    """'U.S.' -> 'US', 'U.K.' -> 'UK': one word, still in capitals."""
    return _DOTTED_ACRONYM.sub(lambda m: m.group(0).replace(".", ""), text)


def normalise_question(question: str) -> str:
    """Folded question with contractions expanded and single spaces."""
    text = fold(collapse_acronyms(question)).strip()
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the question: its key form and where it stands in the normalised text."""

    text: str
    start: int
    end: int


def words(normalised: str) -> list[Word]:
    """The question's words (possessives split off), in order."""
    out: list[Word] = []
    for match in _WORD.finditer(normalised):
        token = match.group(0)
        end = match.end()
        if token.endswith("'s"):
            token = token[:-2]
            end -= 2
        token = token.replace("'", "")
        if token:
            out.append(Word(token, match.start(), end))
    return out


def word_texts(normalised: str) -> list[str]:
    """The texts of ``words(normalised)``, without making a ``Word`` of each (for texts
    read in bulk, where only the words count)."""
    out: list[str] = []
    for token in _WORD.findall(normalised):
        if token.endswith("'s"):
            token = token[:-2]
        token = token.replace("'", "")
        if token:
            out.append(token)
    return out


# Irregular verb forms a question and a sentence often differ by ("spend" / "spent").
_IRREGULAR = {
    form: base
    for base, forms in {
        "spend": "spent",
        "see": "saw seen",
        "meet": "met",
        "say": "said",
        "win": "won",
        "hold": "held",
        "take": "took taken",
        "give": "gave given",
        "go": "went gone",
        "make": "made",
        "tell": "told",
        "begin": "began begun",
        "think": "thought",
        "seek": "sought",
        "bring": "brought",
        "fight": "fought",
        "leave": "left",
        "lose": "lost",
        "pay": "paid",
        "sell": "sold",
        "buy": "bought",
        "run": "ran",
        "choose": "chose chosen",
        "come": "came",
        "send": "sent",
        "build": "built",
        "lead": "led",
        "break": "broke broken",
        "speak": "spoke spoken",
        "write": "wrote written",
        "strike": "struck",
        "know": "knew known",
        "grow": "grew grown",
        "keep": "kept",
        "fall": "fell fallen",
        "rise": "rose risen",
        "shoot": "shot",
        "flee": "fled",
        "steal": "stole stolen",
        "die": "dying",
    }.items()
    for form in (base, *forms.split())
}

# Leftmost match wins, so the longest suffix is stripped: "meetings" -> "meet".
_SUFFIX = re.compile(r"(ments|ment|ings|ing|ions|ion|ors|ies|ied|ed|es|or|s)$")
_NOUN_SUFFIX = re.compile(r"(ances?|ences?)$")
_FAMILY_SUFFIX = re.compile(r"(ifications?|[iy]sations?|[iy]zations?|iable|able)$")
# "photographer" -> photograph, "researchers" -> research: the doer meets the deed. Only
# after a long base, so short words ending so ("water", "order", "minister") keep theirs.
_AGENT_SUFFIX = re.compile(r"ers?$")
MIN_AGENT_BASE = 7
# Small numbers are written both ways ("gang of 8", "the Gang of Eight"); "one" is left out
# (more often a pronoun than a count).
NUMBER_WORDS = {
    name: str(value)
    for value, name in enumerate(
        [
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ],
        start=2,
    )
}
NUMBER_NAMES = {digits: name for name, digits in NUMBER_WORDS.items()}


def number_twin(word: str) -> str | None:
    """The same small number the other way written: '8' -> eight, 'Eight' -> 8."""
    w = word.casefold()
    return NUMBER_WORDS.get(w) or NUMBER_NAMES.get(w)


def variants(word: str) -> list[str]:
    """The word and its irregular forms, for full-text queries: 'spend' -> spend, spent."""
    base = _IRREGULAR.get(word.casefold())
    if base is None:
        twin = number_twin(word)
        return [word] if twin is None else [word, twin]
    return [word, *sorted(f for f, b in _IRREGULAR.items() if b == base and f != word)]


def stem_prefixes(word: str) -> frozenset[str]:
    """The first two letters of every word that can share the word's stem (its irregular
    forms too: 'meet' -> me, met is 'me' as well; 'go' -> go, we (went)), so that a text's
    other words need not be stemmed."""
    base = stem(word)
    forms = [word, *(f for f, b, f_stem in _IRREGULAR_STEMS if b == base or f_stem == base)]
    return frozenset(f.casefold()[:2] for f in forms)


def prefixed_words(prefixes: frozenset[str]) -> re.Pattern[str]:
    """The words (runs between single spaces, in a text padded with a space each side)
    whose first two letters are one of the prefixes: ``word[:2] in prefixes``, that is a
    longer word beginning with a two-letter prefix, or a one-letter word that is a
    one-letter prefix. ``findall`` gives the words (the pattern's one group)."""
    longer = sorted(p for p in prefixes if len(p) == 2)
    single = sorted(p for p in prefixes if len(p) == 1)
    branches = []
    if longer:
        branches.append(f"(?:{'|'.join(map(re.escape, longer))})[^ ]*")
    if single:
        branches.append(f"(?:{'|'.join(map(re.escape, single))})(?= )")
    if not branches:
        return re.compile("(?!)")
    # The space before a word is matched, not looked behind for: a pattern beginning with
    # a literal is scanned for it in C, where a look-behind was tried at every letter
    # (~4x slower; ~2,500 texts an answer). A word ends before a space, so the next
    # word's space is still there to match: the same words.
    return re.compile(f" ({'|'.join(branches)})")


# Every candidate sentence's words are stemmed, and news copy repeats its words: memoised
# (pure, bounded) so that a word is stripped once, not once per sentence.
@lru_cache(maxsize=32768)
def stem(word: str) -> str:
    """A crude suffix stripper: 'mediating', 'mediators', 'mediation' -> 'mediat'.

    Crude on purpose: it only has to make a question's words meet the same words in a
    sentence, and it must be fast enough to run over every candidate sentence.
    """
    w = word.casefold()
    w = _IRREGULAR.get(w, w)
    if len(w) <= 3:
        return w
    if len(w) == 4 and w[1:] in ("ied", "ies"):
        return w[0] + "ie"  # died, dies -> die; tied -> tie
    if len(w) == 4 and w[2:] in ("ed", "es") and w[0] in "aeiou" and w[1] not in "aeiou":
        return w[:2] + "e"  # used, uses -> use; aged -> age
    if w.endswith("ss"):
        return w  # pass, press, miss: the last s is no plural ending
    # "appearance" -> appear, "conference" -> confer; only after a long base ("sentence",
    # "finance" and "presence" keep theirs).
    noun = _NOUN_SUFFIX.search(w)
    if noun is not None and noun.start() >= 5:
        return w[: noun.start()]
    # Word families whose noun or adjective changes the verb's ending: "verification",
    # "verifiable" -> verify (as "verified", "verifies"); "privatisation" -> privatis (as
    # "privatise"); "acceptable" -> accept. Only after a base of 3 letters (5 for "-able":
    # "table", "notable", "valuable", "probable" keep theirs). "-ication" is left alone:
    # "communication" already meets "communicate", and "application" may be "apply" or not.
    family = _FAMILY_SUFFIX.search(w)
    if family is not None and family.start() >= 3:
        base = w[: family.start()]
        ending = family.group(1)
        if ending.startswith("ification"):
            return base + "ify"
        if ending.startswith(("isation", "ization")):
            return base + ending[:2]
        if ending == "iable":
            return base + "y"
        if len(base) >= 5:
            return base
    agent = _AGENT_SUFFIX.search(w)
    if agent is not None and agent.start() >= MIN_AGENT_BASE:
        return _drop_final_e(w[: agent.start()])
    match = _SUFFIX.search(w)
    if match is not None and match.start() >= 3:
        base = w[: match.start()]
        if match.group(1) in ("ies", "ied"):
            return base + "y"
        if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiousl":
            base = base[:-1]  # committed -> commit, stopped -> stop
        elif len(base) > 4 and base.endswith("ll"):
            base = base[:-1]  # cancelled -> cancel
        return _drop_final_e(base)
    return _drop_final_e(w)


def _drop_final_e(word: str) -> str:
    """agree / agreed / agreement all end as 'agr'."""
    while word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


# Each irregular form with its base's stem and its own (a constant table, built once):
# stemming all of them again for every topic word cost ~0.5 ms a word.
_IRREGULAR_STEMS = tuple((form, stem(base), stem(form)) for form, base in _IRREGULAR.items())


# Words news copy uses for the same act: a question's word is also found under these.
_SYNONYMS = {
    "threaten": "warn",
    "warn": "threaten",
    "offer": "propose",
    "propose": "offer",
    "demand": "insist",
    "cancel": "scrap",
    "postpone": "delay",
    "delay": "postpone",
    "kill": "die dead",
    "die": "kill dead",
    "visit": "trip",
    "trip": "visit",
    "criticise": "criticize",
    "criticize": "criticise",
    "swap": "exchange trade",
    "exchange": "swap",
    # Who pays, and how much: "who is paying for the talks?" -> "X will cover the cost",
    # "funded by X"; "how much will it cost?" -> "X will pay", "from its peace fund".
    "pay": "cost fund finance",
    "cost": "pay fund price",
    "fund": "pay finance",
    "finance": "pay fund",
    # "What will they do on tax?" -> "will levy a charge on fuel".
    "tax": "levy taxation",
    "taxation": "tax levy",
    "levy": "tax taxation",
}
SYNONYM_STEMS = {
    stem(word): tuple(stem(other) for other in others.split()) for word, others in _SYNONYMS.items()
}


@lru_cache(maxsize=8192)  # pure and called per phrase per text: see fold
def plain(text: str) -> str:
    """Folded words separated by single spaces: 'U.S.-Iran talks' -> 'u s iran talks'."""
    # The runs of word characters: the same words as replacing the others by spaces and
    # splitting, in one pass (~40% less time; called for every new candidate sentence).
    return " ".join(_TOKEN.findall(fold(text)))


def has_phrase(text: str, phrase: str) -> bool:
    """Whole-word containment, any case and accents: 'Iran' is in 'Iran's', not in 'Tirana'."""
    wanted = plain(phrase)
    return bool(wanted) and f" {wanted} " in f" {plain(text)} "


def stems(text: str) -> set[str]:
    """Stems of every word of a text (for overlap with a question)."""
    return {stem(token) for token in _TOKEN.findall(fold(text))}


# Words that say nothing about what the question is about: function words, question words,
# chat filler and the vocabulary of asking itself ("tell me", "any news").
STOPWORDS = frozenset(
    words_of(
        """
    a an the and or but nor so yet of in on at to for from by with about as into onto over
    under than then there here this that these those it its it's is are was were be been being
    am do does did doing done have has had having will would shall should can could may might
    must i me my mine we us our you your he him his she her hers they them their theirs who
    whom whose what which where when why how whats whos wheres any anything some something all
    each every no not yes please pls plz tell show give list find get know known let lets just
    also else more most much many very really ok okay hi hello hey thanks thank again still now
    ever one ones other others another such same own only up down out off if whether because
    while said say says saying tell told speak spoke talk comment comments remark remarks
    statement statements quote quotes quoted words thing things stuff info information news
    latest recent recently newest new update updates today yesterday tonight week weeks month
    months year years ago last next this past current currently lately happen happened
    happening going go goes think thinks mean means supposed meant expected likely
    """
    )
)

# Words that name the kind of answer wanted, not its topic ("which countries ...").
ANSWER_TYPE_WORDS = frozenset(
    words_of(
        """
    country countries nation nations state states people person persons officials official
    leader leaders city cities place places venue location date day time big much many
    large long high far old often size number amount
    """
    )
)


def content_words(normalised: str) -> list[str]:
    """The question's topic words, in order, without stopwords and answer-type words."""
    return [
        w.text
        for w in words(normalised)
        if w.text not in STOPWORDS
        and w.text not in ANSWER_TYPE_WORDS
        # A lone digit is a topic word when it counts something ("the gang of 8").
        and (len(w.text) > 1 or w.text in NUMBER_NAMES)
    ]


# Words naming a kind of occasion or utterance, not what it was about: "the Brexit deal" is
# about Brexit, and a quote saying "no deal" is not about it. They count only when the topic
# has nothing else ("what did she say about the deal?").
GENERIC_TOPIC_STEMS = frozenset(
    stem(w)
    for w in words_of(
        """
        deal deals talks talk meeting meetings summit summits comment comments statement
        statements remark remarks agreement agreements negotiation negotiations conference
        conferences visit visits trip trips issue issues matter matters situation event events
        speech interview plan plans decision announcement news session sessions
        """
    )
)


def is_generic_topic(word: str) -> bool:
    """A word that names a kind of occasion or utterance (deal, talks, summit), not a topic."""
    return stem(word) in GENERIC_TOPIC_STEMS
