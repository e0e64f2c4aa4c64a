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
