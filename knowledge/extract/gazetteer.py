"""General knowledge the extractors look words up in: countries, cities, outlets, titles.

Everything here is world knowledge, not knowledge of any one article. Tables are plain text
parsed once into an immutable ``Gazetteer`` (``load_gazetteer()`` is cached, so callers share one
instance without module-level mutable state).

Lookups are by exact surface form (case-sensitive where case matters: "US" the country, not
"us" the pronoun).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache


def unaccented(name: str) -> str:
    """The name without its accents ("Gdańsk" -> "Gdansk"): the tables spell names so."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words_of(table: str) -> list[str]:
    """The whitespace-separated words of a word table."""
    return table.split()


_words = words_of


def trie_pattern(words: list[str] | frozenset[str] | set[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes.

    Python's regex engine tries alternatives one by one; a prefix tree lets it reject a
    position after one or two characters instead of trying hundreds of words.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        ends = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return render(trie)


# name | aliases (;) | demonyms/adjectives (;) | capital (used as a metonym for the government)
_COUNTRIES = """
Afghanistan||Afghan;Afghans|Kabul
Albania||Albanian;Albanians|Tirana
Algeria||Algerian;Algerians|Algiers
Andorra||Andorran|
Angola||Angolan;Angolans|Luanda
Argentina||Argentine;Argentinian;Argentines;Argentinians|Buenos Aires
Armenia||Armenian;Armenians|Yerevan
Australia||Australian;Australians|Canberra
Austria||Austrian;Austrians|Vienna
Azerbaijan||Azerbaijani;Azeri;Azerbaijanis|Baku
Bahamas|The Bahamas|Bahamian|Nassau
Bahrain||Bahraini;Bahrainis|Manama
Bangladesh||Bangladeshi;Bangladeshis|Dhaka
Barbados||Barbadian|Bridgetown
Belarus||Belarusian;Belarusians|Minsk
Belgium||Belgian;Belgians|Brussels
Belize||Belizean|Belmopan
Benin||Beninese|Porto-Novo
Bhutan||Bhutanese|Thimphu
Bolivia||Bolivian;Bolivians|La Paz
Bosnia and Herzegovina|Bosnia|Bosnian;Bosnians|Sarajevo
Botswana||Botswanan|Gaborone
Brazil||Brazilian;Brazilians|Brasilia
Brunei||Bruneian|Bandar Seri Begawan
Bulgaria||Bulgarian;Bulgarians|Sofia
Burkina Faso||Burkinabe|Ouagadougou
Burundi||Burundian|Gitega
Cambodia||Cambodian;Cambodians|Phnom Penh
Cameroon||Cameroonian;Cameroonians|Yaounde
Canada||Canadian;Canadians|Ottawa
Cape Verde|Cabo Verde|Cape Verdean|Praia
Central African Republic|CAR|Central African|Bangui
Chad||Chadian;Chadians|N'Djamena
Chile||Chilean;Chileans|Santiago
China|People's Republic of China;PRC;Mainland China|Chinese|Beijing
Colombia||Colombian;Colombians|Bogota
Comoros||Comoran|Moroni
Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa|Congolese|Kinshasa
Republic of the Congo|Congo-Brazzaville|Congolese|Brazzaville
Costa Rica||Costa Rican;Costa Ricans|San Jose
Croatia||Croatian;Croat;Croats;Croatians|Zagreb
Cuba||Cuban;Cubans|Havana
Cyprus||Cypriot;Cypriots|Nicosia
Czech Republic|Czechia|Czech;Czechs|Prague
Denmark||Danish;Dane;Danes|Copenhagen
Djibouti||Djiboutian|
Dominican Republic||Dominican;Dominicans|Santo Domingo
Ecuador||Ecuadorian;Ecuadorean;Ecuadorians|Quito
Egypt||Egyptian;Egyptians|Cairo
El Salvador||Salvadoran;Salvadorans|San Salvador
Equatorial Guinea||Equatorial Guinean|Malabo
Eritrea||Eritrean;Eritreans|Asmara
Estonia||Estonian;Estonians|Tallinn
Eswatini|Swaziland|Swazi|Mbabane
Ethiopia||Ethiopian;Ethiopians|Addis Ababa
Fiji||Fijian;Fijians|Suva
Finland||Finnish;Finn;Finns|Helsinki
France||French;Frenchman;Frenchwoman|Paris
Gabon||Gabonese|Libreville
Gambia|The Gambia|Gambian|Banjul
Georgia||Georgian;Georgians|Tbilisi
Germany||German;Germans|Berlin
Ghana||Ghanaian;Ghanaians|Accra
Greece||Greek;Greeks|Athens
Guatemala||Guatemalan;Guatemalans|Guatemala City
Guinea||Guinean;Guineans|Conakry
Guinea-Bissau||Bissau-Guinean|Bissau
Guyana||Guyanese|Georgetown
Haiti||Haitian;Haitians|Port-au-Prince
Honduras||Honduran;Hondurans|Tegucigalpa
Hungary||Hungarian;Hungarians|Budapest
Iceland||Icelandic;Icelander;Icelanders|Reykjavik
India||Indian;Indians|New Delhi
Indonesia||Indonesian;Indonesians|Jakarta
Iran|Islamic Republic of Iran;Islamic Republic|Iranian;Iranians;Persian|Tehran
Iraq||Iraqi;Iraqis|Baghdad
Ireland|Republic of Ireland;Eire|Irish|Dublin
Israel||Israeli;Israelis|Jerusalem
Italy||Italian;Italians|Rome
Ivory Coast|Côte d'Ivoire;Cote d'Ivoire|Ivorian;Ivorians|Yamoussoukro
Jamaica||Jamaican;Jamaicans|Kingston
Japan||Japanese|Tokyo
Jordan||Jordanian;Jordanians|Amman
Kazakhstan||Kazakh;Kazakhstani;Kazakhs|Astana
Kenya||Kenyan;Kenyans|Nairobi
Kosovo||Kosovar;Kosovan|Pristina
Kuwait||Kuwaiti;Kuwaitis|Kuwait City
Kyrgyzstan||Kyrgyz|Bishkek
Laos||Laotian;Lao|Vientiane
Latvia||Latvian;Latvians|Riga
Lebanon||Lebanese|Beirut
Lesotho||Basotho|Maseru
Liberia||Liberian;Liberians|Monrovia
Libya||Libyan;Libyans|Tripoli
Liechtenstein|||Vaduz
Lithuania||Lithuanian;Lithuanians|Vilnius
Luxembourg||Luxembourgish|
Madagascar||Malagasy|Antananarivo
Malawi||Malawian;Malawians|Lilongwe
Malaysia||Malaysian;Malaysians|Kuala Lumpur
Maldives||Maldivian|Male
Mali||Malian;Malians|Bamako
Malta||Maltese|Valletta
Mauritania||Mauritanian|Nouakchott
Mauritius||Mauritian|Port Louis
Mexico||Mexican;Mexicans|Mexico City
Moldova||Moldovan;Moldovans|Chisinau
Monaco||Monegasque|
Mongolia||Mongolian;Mongolians|Ulaanbaatar
Montenegro||Montenegrin|Podgorica
Morocco||Moroccan;Moroccans|Rabat
Mozambique||Mozambican|Maputo
Myanmar|Burma|Burmese|Naypyidaw
Namibia||Namibian|Windhoek
Nepal||Nepali;Nepalese|Kathmandu
Netherlands|The Netherlands;Holland|Dutch|Amsterdam
New Zealand||New Zealander;New Zealanders|Wellington
Nicaragua||Nicaraguan;Nicaraguans|Managua
Niger||Nigerien|Niamey
Nigeria||Nigerian;Nigerians|Abuja
North Korea|DPRK;Democratic People's Republic of Korea|North Korean;North Koreans|Pyongyang
North Macedonia|Macedonia|Macedonian|Skopje
Norway||Norwegian;Norwegians|Oslo
Oman||Omani;Omanis|Muscat
Pakistan||Pakistani;Pakistanis|Islamabad
Palestine|Palestinian territories;Palestinian Territories|Palestinian;Palestinians|Ramallah
Panama||Panamanian;Panamanians|Panama City
Papua New Guinea||Papua New Guinean|Port Moresby
Paraguay||Paraguayan|Asuncion
Peru||Peruvian;Peruvians|Lima
Philippines|The Philippines|Filipino;Filipinos;Philippine|Manila
Poland||Polish;Pole;Poles|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari;Qataris|Doha
Romania||Romanian;Romanians|Bucharest
Russia|Russian Federation|Russian;Russians|Moscow
Rwanda||Rwandan;Rwandans|Kigali
Saudi Arabia|KSA|Saudi;Saudis;Saudi Arabian|Riyadh
Senegal||Senegalese|Dakar
Serbia||Serbian;Serb;Serbs|Belgrade
Sierra Leone||Sierra Leonean|Freetown
Singapore||Singaporean;Singaporeans|
Slovakia||Slovak;Slovakian|Bratislava
Slovenia||Slovenian;Slovene|Ljubljana
Somalia||Somali;Somalis|Mogadishu
South Africa||South African;South Africans|Pretoria
South Korea|Republic of Korea;ROK|South Korean;South Koreans|Seoul
South Sudan||South Sudanese|Juba
Spain||Spanish;Spaniard;Spaniards|Madrid
Sri Lanka||Sri Lankan;Sri Lankans|Colombo
Sudan||Sudanese|Khartoum
Suriname||Surinamese|Paramaribo
Sweden||Swedish;Swede;Swedes|Stockholm
Switzerland||Swiss|Bern
Syria||Syrian;Syrians|Damascus
Taiwan|Republic of China|Taiwanese|Taipei
Tajikistan||Tajik;Tajiks|Dushanbe
Tanzania||Tanzanian;Tanzanians|Dodoma
Thailand||Thai|Bangkok
Timor-Leste|East Timor|Timorese|Dili
Togo||Togolese|Lome
Trinidad and Tobago||Trinidadian|Port of Spain
Tunisia||Tunisian;Tunisians|Tunis
Türkiye|Turkey;Turkiye;Republic of Türkiye|Turkish;Turk;Turks|Ankara
Turkmenistan||Turkmen|Ashgabat
Uganda||Ugandan;Ugandans|Kampala
Ukraine||Ukrainian;Ukrainians|Kyiv
United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis|Abu Dhabi
United Kingdom|UK;U.K.;Britain;Great Britain|British;Briton;Britons|London
United States|US;U.S.;USA;U.S.A.;America;United States of America|American;Americans|Washington
Uruguay||Uruguayan;Uruguayans|Montevideo
Uzbekistan||Uzbek;Uzbeks|Tashkent
Vatican|Holy See;Vatican City||
Venezuela||Venezuelan;Venezuelans|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni;Yemenis|Sanaa
Zambia||Zambian;Zambians|Lusaka
Zimbabwe||Zimbabwean;Zimbabweans|Harare
England||English|
Scotland||Scottish;Scot;Scots|Edinburgh
Wales||Welsh|Cardiff
Northern Ireland||Northern Irish|Belfast
Hong Kong||Hong Konger|
Gaza|Gaza Strip||
West Bank|||
Crimea||Crimean|
European Union|EU;E.U.|European|
"""

# Reporting verbs: every form that can cue a quote (used by quotes and as evidence that a
# capitalised name before them is a person).
REPORTING_VERBS = words_of(
    """
    say says said saying tell tells told telling add adds added adding warn warns warned warning
    claim claims claimed claiming argue argues argued arguing insist insists insisted insisting
    note notes noted noting state states stated stating explain explains explained explaining
    announce announces announced announcing confirm confirms confirmed confirming acknowledge
    acknowledges acknowledged acknowledging admit admits admitted admitting allege alleges
    alleged alleging suggest suggests suggested suggesting predict predicts predicted predicting
    write writes wrote writing tweet tweets tweeted tweeting post posted respond responds
    responded responding reply replies replied replying joke jokes joked joking quip quips
    quipped comment comments commented commenting stress stresses stressed stressing emphasise
    emphasises emphasised emphasize emphasizes emphasized contend contends contended assert
    asserts asserted maintain maintains maintained observe observes observed reveal reveals
    revealed recall recalls recalled remark remarks remarked concede concedes conceded declare
    declares declared declaring complain complains complained complaining lament laments
    lamented urge urges urged urging ask asks asked asking describe describes described
    describing testify testifies testified agree agrees agreed deny denies denied caution
    cautions cautioned estimate estimates estimated promise promises promised vow vows vowed
    report reports reported reporting continue continues continued recount recounts recounted
    shout shouts shouted tell insist advise advises advised wonder wonders wondered counter
    counters countered concluded conclude concludes boast boasts boasted threaten threatens
    threatened underscore underscores underscored reiterate reiterates reiterated point points
    pointed indicate indicates indicated signal signals signaled signalled mention mentions
    mentioned read reads
    snipe snipes sniped scoff scoffs scoffed retort retorts retorted exclaim exclaims exclaimed
    mutter mutters muttered grumble grumbles grumbled deadpan deadpans deadpanned opine opines
    opined interject interjects interjected gush gushes gushed sneer sneers sneered
    affirm affirms affirmed affirming reaffirm reaffirms reaffirmed reaffirming
    """
)


# Capitals whose name commonly stands for the government in news copy ("Washington said").
_METONYM_CAPITALS = frozenset(
    """Washington Tehran Moscow Beijing Kyiv Kiev London Paris Berlin Ankara Tokyo Seoul Pyongyang
    Riyadh Cairo Doha Jerusalem Damascus Baghdad Brussels Delhi Islamabad Kabul Caracas Havana
    Taipei Minsk Rome Madrid Ottawa Canberra Abu_Dhabi Muscat Amman Beirut Tripoli""".replace(
        "_", " "
    ).split()
)

# Abbreviations a city is commonly written as. Kept to unambiguous forms: the dotted "L.A." but
# not "LA" (Louisiana in datelines), "N.Y.C." but not "N.Y." (the state).
_CITY_ALIASES = """
D.C.|Washington
DC|Washington
Washington D.C.|Washington
Washington DC|Washington
L.A.|Los Angeles
NYC|New York City
N.Y.C.|New York City
"""

# Major world cities (not capitals, which come with the country table): city | country.
_CITIES = """
New York|United States
New York City|United States
Los Angeles|United States
Chicago|United States
Houston|United States
Phoenix|United States
Philadelphia|United States
San Antonio|United States
San Diego|United States
Dallas|United States
San Francisco|United States
Seattle|United States
Boston|United States
Miami|United States
Atlanta|United States
Denver|United States
Detroit|United States
Las Vegas|United States
New Orleans|United States
Baltimore|United States
Minneapolis|United States
Pittsburgh|United States
Cleveland|United States
Austin|United States
Portland|United States
Nashville|United States
Sacramento|United States
Honolulu|United States
Anchorage|United States
Palm Beach|United States
Camp David|United States
Mar-a-Lago|United States
Toronto|Canada
Montreal|Canada
Vancouver|Canada
Calgary|Canada
Edmonton|Canada
Winnipeg|Canada
Halifax|Canada
Quebec City|Canada
Victoria|Canada
Surrey|Canada
Manchester|United Kingdom
Birmingham|United Kingdom
Liverpool|United Kingdom
Leeds|United Kingdom
Glasgow|United Kingdom
Bristol|United Kingdom
Oxford|United Kingdom
Cambridge|United Kingdom
Sheffield|United Kingdom
Newcastle|United Kingdom
Istanbul|Türkiye
Izmir|Türkiye
Antalya|Türkiye
Geneva|Switzerland
Zurich|Switzerland
Davos|Switzerland
Lausanne|Switzerland
Munich|Germany
Hamburg|Germany
Frankfurt|Germany
Cologne|Germany
Bonn|Germany
Milan|Italy
Naples|Italy
Venice|Italy
Florence|Italy
Barcelona|Spain
Marseille|France
Lyon|France
Nice|France
Strasbourg|France
St Petersburg|Russia
St. Petersburg|Russia
Sochi|Russia
Vladivostok|Russia
Shanghai|China
Hong Kong|China
Shenzhen|China
Guangzhou|China
Wuhan|China
Chengdu|China
Mumbai|India
Bangalore|India
Kolkata|India
Chennai|India
Hyderabad|India
Karachi|Pakistan
Lahore|Pakistan
Osaka|Japan
Kyoto|Japan
Hiroshima|Japan
Busan|South Korea
Jeddah|Saudi Arabia
Mecca|Saudi Arabia
Medina|Saudi Arabia
Dubai|United Arab Emirates
Alexandria|Egypt
Sharm el-Sheikh|Egypt
Tel Aviv|Israel
Haifa|Israel
Gaza City|Palestine
Ramallah|Palestine
Aleppo|Syria
Homs|Syria
Mosul|Iraq
Basra|Iraq
Erbil|Iraq
Isfahan|Iran
Mashhad|Iran
Tabriz|Iran
Kharkiv|Ukraine
Odesa|Ukraine
Odessa|Ukraine
Lviv|Ukraine
Dnipro|Ukraine
Mariupol|Ukraine
Donetsk|Ukraine
Luhansk|Ukraine
Sydney|Australia
Melbourne|Australia
Brisbane|Australia
Perth|Australia
Auckland|New Zealand
Sao Paulo|Brazil
São Paulo|Brazil
Rio de Janeiro|Brazil
Johannesburg|South Africa
Cape Town|South Africa
Durban|South Africa
Lagos|Nigeria
Casablanca|Morocco
Marrakech|Morocco
Ho Chi Minh City|Vietnam
Saigon|Vietnam
Rotterdam|Netherlands
The Hague|Netherlands
Antwerp|Belgium
Gdansk|Poland
Krakow|Poland
Salzburg|Austria
Thessaloniki|Greece
Porto|Portugal
Dhahran|Saudi Arabia
Benghazi|Libya
Kandahar|Afghanistan
Herat|Afghanistan
Peshawar|Pakistan
Guadalajara|Mexico
Monterrey|Mexico
Tijuana|Mexico
Astana|Kazakhstan
Almaty|Kazakhstan
Minsk|Belarus
Helsinki|Finland
Singapore|Singapore
Anchorage|United States
"""

# States, provinces and regions that news copy names like places: region | country.
_REGIONS = """
Alabama|United States
Alaska|United States
Arizona|United States
Arkansas|United States
California|United States
Colorado|United States
Connecticut|United States
Delaware|United States
Florida|United States
Hawaii|United States
Idaho|United States
Illinois|United States
Indiana|United States
Iowa|United States
Kansas|United States
Kentucky|United States
Louisiana|United States
Maine|United States
Maryland|United States
Massachusetts|United States
Michigan|United States
Minnesota|United States
Mississippi|United States
Missouri|United States
Montana|United States
Nebraska|United States
Nevada|United States
New Hampshire|United States
New Jersey|United States
New Mexico|United States
North Carolina|United States
North Dakota|United States
Ohio|United States
Oklahoma|United States
Oregon|United States
Pennsylvania|United States
Rhode Island|United States
South Carolina|United States
South Dakota|United States
Tennessee|United States
Texas|United States
Utah|United States
Vermont|United States
Virginia|United States
West Virginia|United States
Wisconsin|United States
Wyoming|United States
Carolina|United States
Ontario|Canada
Quebec|Canada
British Columbia|Canada
B.C.|Canada
Alberta|Canada
Manitoba|Canada
Saskatchewan|Canada
Nova Scotia|Canada
New Brunswick|Canada
Newfoundland and Labrador|Canada
Prince Edward Island|Canada
Yukon|Canada
Nunavut|Canada
Bavaria|Germany
Catalonia|Spain
Kurdistan|Iraq
Kashmir|India
Xinjiang|China
Tibet|China
Donbas|Ukraine
Sinai|Egypt
Darfur|Sudan
Punjab|Pakistan
Queensland|Australia
New South Wales|Australia
Tasmania|Australia
"""

# Continents and world regions: places with no single country.
_WORLD_REGIONS = """Europe Asia Africa Antarctica Oceania Americas Eurasia Scandinavia Balkans
Caucasus Sahel Levant Maghreb Arctic Caribbean Mediterranean Middle_East Far_East
Latin_America North_America South_America Central_America East_Asia South_Asia
Southeast_Asia Central_Asia West_Africa East_Africa North_Africa Horn_of_Africa
Western_Europe Eastern_Europe Central_Europe Persian_Gulf Gulf Pacific Atlantic
Indian_Ocean South_China_Sea Black_Sea Red_Sea Baltic Baltics Korean_Peninsula"""

# News outlets: canonical name | aliases and abbreviations.
_OUTLETS = """
The Wall Street Journal|Wall Street Journal;WSJ
The New York Times|New York Times;NYT;NY Times
The Washington Post|Washington Post;WaPo
The Associated Press|AP;Associated Press
Agence France-Presse|AFP;Agence France Presse
Reuters|Reuters news agency
Bloomberg|Bloomberg News
BBC|British Broadcasting Corporation;BBC News;the BBC
CNN|Cable News Network
Fox News|Fox;Fox News Channel
NBC News|NBC
CBS News|CBS
ABC News|ABC
NPR|National Public Radio
PBS|PBS NewsHour
MSNBC|
CNBC|
Al Jazeera|Aljazeera
Al Arabiya|
Axios|
Politico|POLITICO
The Hill|
USA Today|USA TODAY
Los Angeles Times|LA Times;L.A. Times
The Guardian|Guardian
The Times|The Times of London
The Telegraph|Daily Telegraph
Financial Times|FT;the FT
The Economist|Economist
The Independent|
Daily Mail|Mail Online
Sky News|
Anadolu Agency|Anadolu;AA
Xinhua|Xinhua News Agency
TASS|Tass
RIA Novosti|RIA
Interfax|
IRNA|Islamic Republic News Agency
Tasnim|Tasnim News Agency
Fars|Fars News Agency
Press TV|PressTV
Yonhap|Yonhap News Agency
Kyodo|Kyodo News
NHK|
Haaretz|
The Times of Israel|Times of Israel
The Jerusalem Post|Jerusalem Post
Der Spiegel|Spiegel
Le Monde|
Deutsche Welle|DW
France 24|
Euronews|
Axel Springer|
Newsweek|
Time magazine|TIME magazine
The Atlantic|
The New Yorker|New Yorker
Vox|
BuzzFeed News|BuzzFeed
HuffPost|Huffington Post
Breitbart|Breitbart News
The Daily Beast|Daily Beast
Business Insider|
Forbes|
CTV News|CTV
CBC News|CBC
Global News|
The Canadian Press|Canadian Press;CP
The Globe and Mail|Globe and Mail
Toronto Star|
National Post|
Washington Times|The Washington Times
New York Post|NY Post
Chicago Tribune|
Boston Globe|The Boston Globe
Miami Herald|
Christian Science Monitor|The Christian Science Monitor
ProPublica|
Semafor|
Punchbowl News|
The Intercept|
Al-Monitor|
Middle East Eye|
Kommersant|
Asharq Al-Awsat|
Hindustan Times|
The Hindu|
Times of India|The Times of India
South China Morning Post|SCMP
Nikkei|Nikkei Asia
Sputnik|
RT|Russia Today
Channel 4 News|
ITV News|ITV
The Daily Caller|Daily Caller
Washington Examiner|The Washington Examiner
National Review|
The Daily Wire|Daily Wire
The Federalist|
Newsmax|
Mother Jones|
Washington Free Beacon|The Washington Free Beacon;Free Beacon
"""

# Occupations written before a name like titles ("singer Rosa Day", "record producer X").
OCCUPATIONS = words_of(
    """producer singer actor actress musician songwriter singer-songwriter writer novelist poet
    artist painter composer pianist guitarist drummer rapper comedian presenter broadcaster
    photographer filmmaker designer chef architect surgeon teacher footballer goalkeeper
    entrepreneur businessman businesswoman investor banker dancer conductor playwright
    screenwriter activist"""
)

# Latin American states, whose press calls the foreign minister "canciller" (Brazil's
# "chanceler"): "the Colombian Chancellor" is the foreign minister, never a head of government.
CANCILLER_STATES = frozenset(
    (
        "Argentina Bolivia Brazil Chile Colombia Costa_Rica Cuba Dominican_Republic Ecuador "
        "El_Salvador Guatemala Honduras Mexico Nicaragua Panama Paraguay Peru Uruguay Venezuela"
    )
    .replace("_", " ")
    .split()
)

# Role nouns and titles, longest first when matched. Lower-case canonical forms.
_TITLES = """
president;vice president;prime minister;deputy prime minister;foreign minister;defence minister;
defense minister;interior minister;finance minister;economy minister;trade minister;health minister;
energy minister;oil minister;justice minister;education minister;minister;deputy minister;
foreign secretary;home secretary;defence secretary;defense secretary;secretary of state;
secretary-general;secretary general;general secretary;secretary;treasury secretary;press secretary;
chancellor;canciller;chanceler;
special envoy;envoy;special representative;ambassador;diplomat;senior diplomat;top diplomat;
spokesperson;spokesman;spokeswoman;deputy spokesperson;press officer;supreme leader;leader;
opposition leader;majority leader;minority leader;king;queen;crown prince;prince;princess;
emir;sheikh;sultan;pope;cardinal;archbishop;bishop;rabbi;imam;ayatollah;cleric;mayor;deputy mayor;
governor;lieutenant governor;senator;congressman;congresswoman;representative;lawmaker;
legislator;member of parliament;MP;MEP;speaker;house speaker;chairman;chairwoman;chair;
chief executive;chief executive officer;CEO;chief operating officer;chief financial officer;CFO;COO;
chief medical officer;chief investment officer;chief technology officer;chief information officer;
chief marketing officer;chief scientific officer;chief science officer;chief legal officer;
chief strategy officer;chief security officer;chief compliance officer;chief risk officer;
chief medical adviser;chief scientific adviser;chief medical advisor;chief scientific advisor;
rear admiral;vice admiral;staff sergeant;solicitor general;associate justice;political director;
presidential candidate;presidential hopeful;presidential nominee;congressional candidate;
founder;co-founder;director;director-general;director general;executive director;managing director;
general manager;manager;head;chief;deputy;commissioner;high commissioner;
attorney general;attorney-general;attorney;lawyer;prosecutor;judge;chief justice;justice;
general;lieutenant general;major general;brigadier general;admiral;colonel;commander;
army chief;chief of staff;national security adviser;national security advisor;adviser;advisor;
senior adviser;senior advisor;aide;senior aide;official;senior official;analyst;senior analyst;
economist;researcher;professor;associate professor;assistant professor;scholar;fellow;
senior fellow;expert;author;historian;scientist;political scientist;doctor;physician;
coach;manager;striker;captain;player;president-elect;premier;first minister;
chief minister;sergeant-at-arms;councillor;councilor;alderman;councilman;councilwoman;
council member;
councilmember;selectman;supervisor;trustee;school trustee;sheriff;police chief;commissioner;
inspector;superintendent;detective;officer;chief constable;son-in-law;daughter-in-law;
father-in-law;son;daughter;wife;husband;brother;sister;father;mother;widow;
partner;dad;mom;mum;grandfather;grandmother;uncle;aunt;nephew;niece;cousin;
campaign manager;campaign chairman;strategist;pollster;consultant;executive;
chief economist;governor of the central bank;central bank governor;treasurer;
party leader;party chairman;party chair;candidate;nominee;challenger;incumbent;
secretary of defense;secretary of the treasury;homeland security secretary;
negotiator;chief negotiator;mediator;foreign policy chief;foreign affairs chief;
high representative;state secretary;undersecretary;under secretary;assistant secretary;
deputy secretary;counsellor;counselor;attaché;consul;consul general;envoy to;
editor;editor-in-chief;reporter;correspondent;columnist;journalist;anchor;
spokesperson for;head of state;head of government;monarch;dictator;warlord;commander-in-chief;
vice foreign minister;vice-foreign minister;vice minister;vice-minister;deputy foreign minister;
vice chairman;vice-chairman;vice chancellor;vice-president;talk show host;news anchor;
assistant secretary of state;deputy secretary of state;under secretary of state;publisher;
boss;co-ordinator;coordinator;organiser;organizer;campaigner;convener;convenor;pastor;preacher;
evangelist;record producer;film producer;delegate;assemblyman;assemblywoman;deputy leader;
taoiseach;tánaiste;
""" + ";".join(OCCUPATIONS)

# Honorifics before a name that are not themselves a role ("Mr", "Dr").
_HONORIFICS = _words(
    """
    Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Rev Rev. Reverend
    Father Sister Brother  Sheik Ayatollah Imam Rabbi Cardinal Pope King Queen Prince
    Princess Emir Sultan Crown Sen. Sen Senator Rep. Rep Representative Gov. Gov Governor Lt.
    Gen. Gen General Col. Col Colonel Maj. Maj Major Capt. Capt Captain Sgt. Sgt Sergeant Adm.
    Adm Admiral Cmdr. Commander Chancellor President Vice Premier Minister Secretary Mayor Judge
    Justice Ambassador Envoy Chairman Chairwoman Chief Director Commissioner Speaker Inspector
    Detective Officer Deputy Superintendent Constable Pastor Bishop Archbishop Mullah
    Hojatoleslam Grand Prime Foreign Defence Defense Interior Finance Attorney Supreme Leader
    Special Senior Former Acting Interim Lieutenant Brigadier Field Marshal Marshal Dean Coach
    Councillor Councilor
    """
)

# Titles that abbreviate in front of names, mapped to the role they stand for.
_TITLE_ABBREVIATIONS = {
    "Sen.": "senator",
    "Sen": "senator",
    "Rep.": "representative",
    # plurals before a list of names: "Sens. A and B", "Reps. C and D"
    "Sens.": "senator",
    "Reps.": "representative",
    "Govs.": "governor",
    "Gov.": "governor",
    "Lt. Gov.": "lieutenant governor",
    "Gen.": "general",
    "Lt. Gen.": "lieutenant general",
    "Maj. Gen.": "major general",
    "Col.": "colonel",
    "Adm.": "admiral",
    "Rear Adm.": "rear admiral",
    "Vice Adm.": "vice admiral",
    "Staff Sgt.": "staff sergeant",
    "Capt.": "captain",
    "Sgt.": "sergeant",
    "Atty. Gen.": "attorney general",
    "Amb.": "ambassador",
    "Supt.": "superintendent",
    "Det.": "detective",
    "Insp.": "inspector",
    "Prof.": "professor",
    "Pres.": "president",
    "Sec.": "secretary",
}

# Organisation head words: a capitalised sequence ending in one of these is an organisation.
_ORG_HEADS = _words(
    """
    Group Agency Ministry Council Party Union Organisation Organization Bank Fund Institute
    Institution Foundation Association Federation Commission Committee Court Department Office
    Bureau Service Services Corporation Corp Corp. Company Co. Inc Inc. Ltd Ltd. LLC Plc PLC
    University College School Hospital Authority Assembly Parliament Congress Senate House
    Cabinet Army Navy Force Forces Guard Guards Corps Police Command Centre Center Society
    Alliance Coalition Movement Front Network Trust Board Secretariat Tribunal Administration
    Government Agency Programme Program Club League Church Mission Airlines Airways Motors
    Holdings Partners Capital Group Media Times Post Journal Press News Initiative Watch Project
    Campaign Concern Aid Relief Rescue Advice Appeal Caucus Brigade Brigades Unit Division
    Regiment Directorate Chamber Exchange Council
    Conference Summit Industries Systems Technologies GmbH AG SA NV Limited Incorporated
    Energy Oil Petroleum Pharmaceuticals Labs Laboratories
    Rights Action Ratings Enforcement Politics Research Studies
    """
)

# Firms whose names join two surnames with "&", which copy often spells out with "and"
# ("Marks and Spencer"); runs stop at "and", so each half alone was read as someone.
FIRMS_WITH_AND = frozenset(
    (
        "Marks & Spencer",
        "Procter & Gamble",
        "Johnson & Johnson",
        "Ernst & Young",
        "Barnes & Noble",
        "Standard & Poor's",
        "Smith & Wesson",
        "Black & Decker",
        "Abercrombie & Fitch",
        "Tate & Lyle",
        "Dolce & Gabbana",
        "Bradford & Bingley",
        "Arm & Hammer",
        "Crabtree & Evelyn",
        "Lea & Perrins",
        "Mills & Boon",
        "Bang & Olufsen",
        "Harland & Wolff",
        "Allen & Overy",
        "Clifford & Chance",
        "Simon & Schuster",
        "Farrar & Straus",
        "Houghton & Mifflin",
        "Skadden & Arps",
    )
)

_ORG_ACRONYMS = """
UN|United Nations
U.N.|United Nations
NATO|North Atlantic Treaty Organization
EU|European Union
IAEA|International Atomic Energy Agency
WHO|World Health Organization
IMF|International Monetary Fund
OPEC|Organization of the Petroleum Exporting Countries
WTO|World Trade Organization
G7|Group of Seven
G-7|Group of Seven
G8|Group of Eight
G-8|Group of Eight
G20|Group of 20
G-20|Group of 20
ASEAN|Association of Southeast Asian Nations
AU|African Union
OSCE|Organization for Security and Co-operation in Europe
ICC|International Criminal Court
ICJ|International Court of Justice
UNICEF|UNICEF
UNHCR|UN Refugee Agency
UNESCO|UNESCO
UNRWA|UNRWA
FBI|Federal Bureau of Investigation
CIA|Central Intelligence Agency
NSA|National Security Agency
DHS|Department of Homeland Security
DOJ|Justice Department
FDA|Food and Drug Administration
CDC|Centers for Disease Control and Prevention
EPA|Environmental Protection Agency
IRS|Internal Revenue Service
NASA|NASA
Pentagon|Pentagon
White House|White House
Supreme Court|Supreme Court
U.S. House of Representatives|House of Representatives
US House of Representatives|House of Representatives
Kremlin|Kremlin
Downing Street|Downing Street
Elysee|Elysee Palace
GOP|Republican Party
IRGC|Islamic Revolutionary Guard Corps
Hamas|Hamas
Hezbollah|Hezbollah
Houthis|Houthis
Taliban|Taliban
ISIS|Islamic State
ISIL|Islamic State
Islamic State|Islamic State
al-Qaeda|al-Qaeda
Al-Qaeda|al-Qaeda
NHS|National Health Service
OECD|OECD
World Bank|World Bank
Fed|Federal Reserve
Federal Reserve|Federal Reserve
ECB|European Central Bank
Gulf Cooperation Council|Gulf Cooperation Council
European Commission|European Commission
European Council|European Council
European Parliament|European Parliament
European Central Bank|European Central Bank
Security Council|UN Security Council
UN Security Council|UN Security Council
General Assembly|UN General Assembly
State Department|State Department
Foreign Office|Foreign Office
Home Office|Home Office
Justice Department|Justice Department
GCC|Gulf Cooperation Council
Arab League|Arab League
Red Cross|Red Cross
ICRC|International Committee of the Red Cross
Amnesty International|Amnesty International
Human Rights Watch|Human Rights Watch
Greenpeace|Greenpeace
Labour|Labour Party
Tories|Conservative Party
Conservatives|Conservative Party
Democrats|Democratic Party
Republicans|Republican Party
Liberals|Liberal Party
Sinn Féin|Sinn Féin
Sinn Fein|Sinn Féin
Fianna Fáil|Fianna Fáil
Fianna Fail|Fianna Fáil
Fine Gael|Fine Gael
Plaid Cymru|Plaid Cymru
SNP|Scottish National Party
DUP|Democratic Unionist Party
UKIP|UK Independence Party
Ukip|UK Independence Party
Lib Dems|Liberal Democrats
Liberal Democrats|Liberal Democrats
Likud|Likud
Kadima|Kadima
Yesh Atid|Yesh Atid
Shas|Shas
Yisrael Beiteinu|Yisrael Beiteinu
Fatah|Fatah
CDU|Christian Democratic Union
CSU|Christian Social Union
SPD|Social Democratic Party
AfD|Alternative for Germany
Syriza|Syriza
Podemos|Podemos
Fidesz|Fidesz
Jobbik|Jobbik
Kuomintang|Kuomintang
KMT|Kuomintang
BJP|Bharatiya Janata Party
AKP|Justice and Development Party
ANC|African National Congress
ZANU-PF|ZANU-PF
Zanu-PF|ZANU-PF
Getty Images|Getty Images
Getty|Getty Images
Shutterstock|Shutterstock
"""


# Places below city level, by the word that names their kind: "Union Square", "Wembley
# Stadium" (kind last) and "Plaza Central", "Piazza Navona" (kind first, as Romance languages
# write them). Words that are also common surnames (Park, Hall, Church) are left out.
VENUE_TAILS = frozenset(
    words_of(
        """Square Plaza Avenue Boulevard Street Road Stadium Arena Airport Cathedral Gardens
        Palace Hotel Mall Bridge Quay Embankment Esplanade Promenade Piazza Boardwalk Fairgrounds
        Racecourse Showground"""
    )
)
VENUE_HEADS = frozenset(words_of("Plaza Piazza Praça Praca Avenida Calle Rue Parque"))


def is_venue(words: list[str]) -> bool:
    """Whether capitalised ``words`` name a place below city level ("Union Square")."""
    if len(words) < 2 or len(words) > 4:
        return False
    return words[-1] in VENUE_TAILS or words[0] in VENUE_HEADS


@dataclass(frozen=True)
class Country:
    """A country or union as the gazetteer knows it."""

    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None


@dataclass(frozen=True)
class Gazetteer:
    """Immutable lookup tables built once from the text tables above."""

    countries: dict[str, Country] = field(default_factory=dict)
    # any surface form (name, alias, demonym, metonym capital) -> canonical country name
    country_by_surface: dict[str, str] = field(default_factory=dict)
    demonym_to_country: dict[str, str] = field(default_factory=dict)
    capital_to_country: dict[str, str] = field(default_factory=dict)
    city_to_country: dict[str, str] = field(default_factory=dict)
    # common abbreviations of a city -> its canonical name ("D.C." -> "Washington")
    city_aliases: dict[str, str] = field(default_factory=dict)
    # states, provinces and world regions -> their country (None for "Europe", "the Gulf")
    region_to_country: dict[str, str | None] = field(default_factory=dict)
    outlet_by_surface: dict[str, str] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()
    title_abbreviations: dict[str, str] = field(default_factory=dict)
    honorifics: frozenset[str] = frozenset()
    org_heads: frozenset[str] = frozenset()
    org_by_surface: dict[str, str] = field(default_factory=dict)
    metonym_capitals: frozenset[str] = frozenset()
    first_words: frozenset[str] = frozenset()
    title_first_words: frozenset[str] = frozenset()

    def starts_entry(self, word: str) -> bool:
        """Whether a gazetteer name (country, city, outlet, organisation) starts with ``word``."""
        return word in self.first_words

    def starts_title(self, word: str) -> bool:
        """Whether some title or title abbreviation starts with ``word`` (any case)."""
        return word.lower().rstrip(".") in self.title_first_words or word in self.title_first_words

    def country_of(self, surface: str) -> str | None:
        """The canonical country a name, alias, demonym or capital refers to."""
        return self.country_by_surface.get(surface) or self.city_to_country.get(surface)

    def outlet(self, surface: str) -> str | None:
        """The canonical outlet name for a surface form ("WSJ" -> "The Wall Street Journal")."""
        found = self.outlet_by_surface.get(surface)
        if found is None and surface.lower().startswith("the "):
            found = self.outlet_by_surface.get(surface[4:])
        return found

    def is_title(self, phrase: str) -> bool:
        """True when ``phrase`` (any case) is a known title or role noun."""
        return phrase.lower() in self.titles


def _split(field_text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in field_text.split(";") if part.strip())


@cache
def load_gazetteer() -> Gazetteer:
    """Parse the tables once; the result is shared and never mutated."""
    countries: dict[str, Country] = {}
    by_surface: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        name, aliases, dems, capital = ([*line.split("|"), "", "", ""])[:4]
        country = Country(name, _split(aliases), _split(dems), capital.strip() or None)
        countries[name] = country
        by_surface[name] = name
        if name.startswith("The "):
            by_surface[name[4:]] = name
        for alias in country.aliases:
            by_surface.setdefault(alias, name)
        for dem in country.demonyms:
            demonyms.setdefault(dem, name)
            by_surface.setdefault(dem, name)
        if country.capital:
            capitals[country.capital] = name
    metonyms = frozenset(c for c in _METONYM_CAPITALS if c in capitals)
    for capital in metonyms:
        by_surface.setdefault(capital, capitals[capital])
    cities: dict[str, str] = dict(capitals)
    for line in _CITIES.strip().splitlines():
        city, country_name = line.split("|")
        cities.setdefault(city, country_name)
    city_aliases: dict[str, str] = {}
    for line in _CITY_ALIASES.strip().splitlines():
        alias, city = line.split("|")
        if city in cities:
            city_aliases[alias] = city
    regions: dict[str, str | None] = {}
    for line in _REGIONS.strip().splitlines():
        region, country_name = line.split("|")
        regions.setdefault(region, country_name)
    for region in _WORLD_REGIONS.split():
        regions.setdefault(region.replace("_", " "), None)  # a place of no one country
    outlets: dict[str, str] = {}
    for line in _OUTLETS.strip().splitlines():
        name, aliases = ([*line.split("|"), ""])[:2]
        outlets[name] = name
        if name.startswith("The "):
            outlets.setdefault(name[4:], name)
        for alias in _split(aliases):
            outlets.setdefault(alias, name)
    titles = frozenset(t.strip().lower() for t in _TITLES.replace("\n", "").split(";") if t.strip())
    orgs: dict[str, str] = {}
    for line in _ORG_ACRONYMS.strip().splitlines():
        surface, name = line.split("|")
        orgs[surface] = name
    names = [*by_surface, *cities, *city_aliases, *regions, *outlets, *orgs]
    first_words = frozenset(name.split()[0] for name in names if name)
    title_first_words = frozenset(
        [t.split()[0] for t in titles] + [a.split()[0] for a in _TITLE_ABBREVIATIONS]
    )
    return Gazetteer(
        first_words=first_words,
        title_first_words=title_first_words,
        countries=countries,
        country_by_surface=by_surface,
        demonym_to_country=demonyms,
        capital_to_country=capitals,
        city_to_country=cities,
        city_aliases=city_aliases,
        region_to_country=regions,
        outlet_by_surface=outlets,
        titles=titles,
        title_abbreviations=dict(_TITLE_ABBREVIATIONS),
        honorifics=frozenset(_HONORIFICS),
        org_heads=frozenset(_ORG_HEADS),
        org_by_surface=orgs,
        metonym_capitals=metonyms,
    )


# Common given names, to confirm that a capitalised pair is a person and to pick "he"/"she".
_MALE_NAMES = _words(
    """
    James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel
    Matthew Anthony Mark Donald Steven Steve Paul Andrew Joshua Kenneth Kevin Brian George
    Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry
    Justin Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis
    Jerry Tyler Aaron Jose Adam Henry Nathan Douglas Doug Zachary Peter Kyle Walter Ethan Jeremy
    Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan
    Bryan Joe Jordan Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy
    Eugene Vincent Russell Elijah Louis Bobby Philip Phil Johnny Tony Tom Tim Jim Bob Bill Mike
    Dave Dan Chris Matt Nick Ben Sam Rob Ted Ed Ron Rick Hamish Colin Nigel Gordon Boris Rishi
    Keir Vladimir Sergei Sergey Dmitry Dmitri Alexei Alexey Mikhail Volodymyr Petro Xi Li Wang
    Emmanuel Olaf Friedrich Recep Tayyip Hakan Mevlut Ibrahim Mohammed Mohammad Muhammad Mohamed
    Ahmed Ahmad Ali Hassan Hussein Hossein Abbas Javad Ebrahim Masoud Hamid Mahmoud Abdullah
    Abdul Omar Khalid Salman Faisal Tamim Benjamin Yair Naftali Isaac Yitzhak Moshe Narendra
    Rahul Imran Nawaz Shehbaz Justin Pierre Jean Francois François Jacques Nicolas Emmanuel
    Giuseppe Mario Matteo Silvio Pedro Luiz Lula Jair Javier Andres Andrés Carlos Luis Miguel
    Jorge Felipe Enrique Manuel Antonio Marco Fumio Shinzo Yoshihide Moon Yoon Kim Jae Lee Kofi
    Antonio Jens Mark Rutte Viktor Andrzej Donald Joe Barack Hillary Mitt Newt Rand Ted Marco
    Lindsey Mitch Chuck Nancy Kevin Hakeem Bernie Pete Elon Jeff Warren Tony Gavin Ron Greg Rudy
    Rudolph Rex Mike Jared Jake Antony Lloyd Jake Rex Marcus Martin Neil Ian Graham Stuart
    Alistair Simon Jeremy Liam Owen Hugh Angus Fergus Alex Maxim Oleg Igor Yuri Ivan Nikolai
    Andrei Andriy Oleksiy Dmytro Arsen Kurt Helmut Gerhard Wolfgang Hans Karl Klaus Jurgen
    Jürgen Lars Sven Erik Bjorn Anders Ole Mateusz Donald Kyriakos Alexis Recep Binali Devlet
    Kemal Ahmet Mustafa Mehmet Ismail Yusuf Osama Bashar Hafez Saddam Moammar Muammar Hosni
    Anwar Gamal Abdel Abdelaziz Fatah Nouri Haider Mustafa Nasser Hamad  Zayed Mohammed
    Tayeb Cyril Jacob Thabo Nelson Uhuru William Paul Yoweri Robert Emmerson Olusegun Goodluck
    Muhammadu Bola Abiy Isaias Salva Riek Ashraf Hamid Zalmay Hibatullah Kim Shavkat

    Jamal Khaled Khalid Walid Waleed Tariq Tarek Samir Sami Karim Kareem Nabil Rami Ziad Ziyad
    Fadi Adel Adil Amir Amin Anwar Bassam Bilal Fahad Fahd Faisal Hamza Hani Hussam Ibrahim Imad
    Issa Jamil Jawad Kamal Mahmoud Majid Marwan Mazen Mounir Mustafa Nasser Nizar Omar Osama
    Qasim Rashid Riyad Saad Said Salah Salim Sultan Talal Tamer Usama Yasser Yasir Yousef Youssef
    Zaid Zayed Ayman Abdel Abdelaziz Abdulaziz Abdullahi Ahmet Mehmet Mustafa Murat Emre Burak
    Cem Serkan Kerem Oguz Volkan Yusuf Erdogan Kemal Selim Hakan Ali Reza Mohsen Mehdi Majid
    Hamid Hossein Mojtaba Abolfazl Saeed Ebrahim Javad Hassan Amir Arash Babak Dariush Farhad
    Raj Rajesh Ravi Rahul Amit Anil Arun Ashok Deepak Gaurav Manoj Mukesh Nitin Pradeep Rakesh
    Sanjay Sunil Suresh Vijay Vikram Vivek Arvind Narendra Amitabh  Mohan Kiran Sachin Imran
    Nawaz Bilawal Asif Zulfikar Wei Jun Hao Lei Ming Qiang Yong Jian Tao Bo Hiroshi Takeshi
    Kenji Taro Yoshi Shigeru Koichi Junichiro Fumio Taro Seung Sung Min-jun Hyun Jong Dong
    Oluwaseun Chinedu Emeka Kwame Kofi Kwesi Babajide Tunde Abdou Moussa Mamadou Ousmane Amadou
    Cheikh Thabo Sipho Jacob Cyril Julius Uhuru Raila William Yoweri Paul Paulo Joao João Pedro
    Diego Alejandro Fernando Gustavo Ricardo Rodrigo Sergio Eduardo Francisco Rafael Raul Raúl
    Gabriel Emilio Hugo Ignacio Jaime Joaquin Lorenzo Mateo Nicolas Pablo Santiago Tomas
    Vicente Andrzej Piotr Pawel Tomasz Krzysztof Marek Jan Jiri Milos Viktor Zoltan Laszlo
    Istvan Aleksandar Dragan Goran Nikola Slobodan Zoran Vuk Milorad Aleksei Anatoly Boris
    Dmitri Evgeny Yevgeny Gennady Konstantin Leonid Nikita Pavel Roman Ruslan Stanislav Valery
    Vasily Viktor Vitaly Yuri Oleksandr Volodymyr Petro Taras Vitali Arseniy Olaf Markus
    Matthias Stefan Thomas Jens Sven Lars Magnus Henrik Anders Mikael Jussi Sauli Antti
    Emmanuel Francois Jean-Claude Jean-Luc Jean-Marc Jean-Yves Jean-Pierre Gerard Laurent
    Olivier Pascal Philippe Thierry Yves Giorgio Giovanni Luigi Massimo Paolo Roberto Sergio
    Alessandro Andrea Enrico Fabio Federico Francesco Gianluca Luca Marco Mattia Pietro Stefano
    Vittorio Jose José Josep Carles Pedro Mariano Santiago Iñigo Alberto Alfonso  Doug
    Hamish  Dennis    Caleb Bo   Andre Alexandre
    """
)

_FEMALE_NAMES = _words(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty
    Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah
    Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma
    Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather
    Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith
    Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn
    Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly
    Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Hillary Kamala
    Nikki Elise Marjorie Lauren Kristi Kristen Susan Theresa Angela Ursula Annalena Giorgia
    Marine Christine Jacinda Julia Nicola Liz Priti Suella Kemi Yvette Harriet Caroline Cindy
      Wendy Erin Golda Tzipi Benazir Indira Sonia Priyanka Mamata Aung  Yingluck
    Ellen Ngozi Hina Maryam Fatima Aisha Leila Zeinab Masih Narges Shirin Ayse Aylin Elif
    Zeynep Mette Sanna Magdalena Kaja Roberta Federica Angelique Melania Ivanka Michelle Jill
    Laura Rosalynn Kirstjen Kellyanne Sarah Karine Jen Tulsi Pam Kristi Janet Gina Gretchen
    Kathy Kate Katie Jane Joanne Louise Sally Claire Fiona Sheila Lucy Rose Penny Penelope Anne
    Annie Ella Ava Mia Chloe Zoe Lily Maya Nina Vera Olga Tatiana Yulia Irina Svetlana Natalia
    Maria Valentina

    Hatice Fatma Ayse Emine Zeynep Elif Merve Esra Selin Deniz Gul Leyla Layla Nour Noor Rania
    Reem Rim Sara Salma Samira Yasmin Yasmine Yasmeen Zahra Zainab Zeinab Amina Aminah Hala Huda
    Iman Jamila Lina Lubna Mariam Maryam Mona Nadia Nadine Nahla Najla Noura Rana Rasha Rima
    Sahar Samar Sana Suha Wafa Dalia Dina Farah Ghada Hanan Heba Hiba Inas Manal Mai Noha
    Nasrin Parisa Shirin Soraya Mahnaz Fariba Azadeh Golnar Priya Pooja Anjali Deepika Kavita
    Lakshmi Meera Neha Nisha Radha Rekha Sunita Sushma Smriti Nirmala Mamata Mayawati Benazir
    Maryam    Yingluck   Mei Ling Li Xiu Yan Hui Fang Jing Yuki
    Keiko Yoko Yuriko Sanae Hana Ji-woo Seo-yeon Min-ji Eun Ngozi Chimamanda Folake Funmilayo
    Amina Aisha Fatou Mariama Aminata Graca Winnie Ellen Joyce Samia  Dilma Cristina
    Michelle Claudia Marina Marta Lucia Luisa Paula Beatriz Carmen Dolores Elena Gabriela
    Isabel Juana Lorena Mercedes Pilar Rocio Rosa Silvia Teresa Ximena Beata Ewa Agnieszka
    Katarzyna Malgorzata Anna Marta Dorota Vera Olena Oksana Iryna Yulia Tatiana Lyudmila
    Valentina Natalya Svetlana Olga Ekaterina Yekaterina Maria Angela Annalena Ursula Sahra
    Franziska Katarina Mette Sanna Magdalena Ulrike Jacinda Giorgia Elly Marine Segolene Ségolène
    Anne Christine Nathalie Valerie Valérie Brigitte Sylvie Martine Chiara Francesca Giulia
    Paola Laura Federica Roberta Elisabetta Cindy   Wendy Erin Lisa
    Caroline Dolores Jennifer Megan Marie  Debbie
    """
)


@cache
def given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(male, female) given names; a name in both is treated as unknown gender."""
    male = frozenset(_MALE_NAMES)
    female = frozenset(_FEMALE_NAMES)
    return male - female, female - male
