"""Word lists and patterns shared by the entity stages."""

from __future__ import annotations

from knowledge.extract.gazetteer import words_of as _words

STOPWORDS = frozenset(
    _words(
        """
        The A An This That These Those He She It They We I You His Her Its Their Our My Your But And
        Or So Yet If When While After Before Since As At In On For From With By To Of About Under
        Over Into Despite Although Though However Meanwhile Also Still Now Then There Here What Why
        How Who Whom Whose Where Which Some Many Most All Both Each Every No Not Any Few One Two
        Three Four Five Six Seven Eight Nine Ten First Second Third Last Next Earlier Later
        According Asked Speaking Like Unlike Even Just Only Such Other Another Several More Less
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
        June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
        Oct Nov Dec Today Tomorrow Yesterday Tonight Yes Please Thank Thanks Let Do Does Did Is Are
        Was Were Be Been Has Have Had Will Would Can Could Should May Might Must Shall Until Unless
        Because Whether Without Within Between Among Against During Through Throughout Toward
        Towards Upon Around Across Behind Beyond Near Off Out Up Down Again Instead Indeed Perhaps
        Meanwhile Nevertheless Nonetheless Otherwise Therefore Thus Hence Moreover Furthermore
        Besides Overall Finally Initially Eventually Currently Recently Already Soon Never Always Mr
        Mrs Ms Miss Dr St Oh OK Okay Hey Well Sure Sorry Why Everyone Everybody Nobody Someone
        Somebody Anyone Anybody Nothing Something Anything Everything Whatever Whoever Whenever
        Wherever Sources Officials Analysts Experts Critics Residents Police Witnesses Reporters
        """
    )
)


# A party word before a name or title ("Democratic President X", "Republican Sen. Y",
# "Democrat Z") names the party's body, never an adjective as affiliation ("president of
# Democratic"). "Independent" is a status, not a body.
PARTY_BODIES = {
    "Democrat": "Democratic Party",
    "Democratic": "Democratic Party",
    "Democrats": "Democratic Party",
    "Republican": "Republican Party",
    "Republicans": "Republican Party",
    "GOP": "Republican Party",
    "Conservative": "Conservative Party",
    "Tory": "Conservative Party",
    "Labour": "Labour Party",
    "Liberal": "Liberal Party",
    "Socialist": "Socialist Party",
    "Green": "Green Party",
    "Libertarian": "Libertarian Party",
}

# Titles held within or for a party ("Republican senator", "Democratic strategist"): the party
# is their affiliation. An office held for a state ("Democratic President X", "Republican
# Governor Y") is not held for the party, so the party is left out of that role.
PARTISAN_TITLES = frozenset(
    _words("""senator representative congressman congresswoman congressmember lawmaker legislator
    mp delegate assemblyman assemblywoman strategist pollster operative consultant activist
    nominee candidate challenger incumbent donor fundraiser aide member""")
)


def party_affiliation(party: str, title: str | None) -> str | None:
    """The affiliation a party word gives a person with this title (None: no role's body)."""
    body = PARTY_BODIES.get(party)
    if body is None or title is None:
        return body
    last = title.split()[-1] if title.split() else ""
    return body if title in PARTISAN_TITLES or last in PARTISAN_TITLES else None


# Capitalised abbreviations of things, times and titles, never a body: "on TV", "9 p.m. ET",
# "GDP grew", "HIV/AIDS", "the VP".
NOT_BODY_ABBREVIATIONS = frozenset(
    _words(
        """TV GDP GNP DNA RNA HIV AIDS LGBT LGBTQ ID IDs IQ VP CEO CEOs CFO COO AI ET EST EDT PT
        PST PDT CT CST CDT GMT BST UTC AM PM OK FAQ PDF URL GPS SUV ATM VAT NFT RIGHT LEFT TOP
        ABOVE BELOW"""
    )
)


# Plural role nouns that end a group of people, not a name ("Early Presidents", "Ferguson
# Officers"); plural surnames that are also role nouns ("Judges", "Fellows") are left out.
PLURAL_ROLES = frozenset(
    _words(
        """Presidents Officers Senators Representatives Justices Ministers Governors Leaders
        Officials Lawmakers Members Directors Secretaries Ambassadors Commissioners Spokesmen
        Spokeswomen Congressmen Congresswomen Mayors Diplomats Prosecutors Attorneys"""
    )
)
