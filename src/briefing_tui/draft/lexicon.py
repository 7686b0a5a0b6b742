"""Words that tell a title, a person's name and a place apart, in English, French, Spanish and Portuguese.

All entries are compared after `fold` (lower case, no accents), so one spelling covers `Président`,
`président` and `President`.
"""

from __future__ import annotations

import unicodedata


def fold(word: str) -> str:
    """A word as the lists below hold it: lower case, accents dropped, curly apostrophes straight."""
    decomposed = unicodedata.normalize("NFKD", word.replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _words(text: str) -> frozenset[str]:
    return frozenset(fold(w) for w in text.split())


#: Head words of a title: a person's office, rank or function. Plural forms end in -s and are found
#: by `is_title`.
TITLES = _words(
    """
    president vice-president president-elect premier minister secretary ambassador chancellor king queen
    prince princess emir sheikh sultan governor mayor senator congressman congresswoman speaker chairman
    chairwoman chairperson chair ceo director director-general chief head leader spokesman spokeswoman
    spokesperson aide adviser advisor envoy representative prosecutor attorney judge justice pope cardinal
    archbishop bishop patriarch imam rabbi counsellor counselor commissioner marshal general admiral
    colonel commander captain lieutenant major brigadier consul mna mp mep founder governor-general
    rapporteur coordinator delegate secretary-general under-secretary economist
    président présidente vice-président ministre secrétaire ambassadeur ambassadrice chancelier chancelière
    roi reine prince émir gouverneur maire sénateur sénatrice député députée porte-parole conseiller
    conseillère directeur directrice pdg procureur juge commissaire général amiral colonel chef
    archevêque évêque économiste délégué déléguée envoyé envoyée haut-commissaire premier première
    presidente presidenta vicepresidente vicepresidenta ministro ministra canciller secretario secretaria
    embajador embajadora rey reina gobernador gobernadora alcalde alcaldesa senador senadora diputado
    diputada portavoz asesor asesora consejero consejera director directora fiscal juez jueza comisario
    comisaria arzobispo obispo jefe jefa mandatario mandataria intendente economista
    vice-presidente chanceler secretário secretária embaixador embaixadora governador governadora
    prefeito prefeita deputado deputada porta-voz assessor assessora conselheiro conselheira diretor
    diretora procurador procuradora arcebispo bispo chefe primeiro-ministro primeira-ministra
    primer premier-ministre
    """
)

#: Words that may stand in a title before or around its head: `Deputy Prime Minister`, `Federal
#: Minister`, `ministre délégué`, `ex presidente`.
TITLE_MODIFIERS = _words(
    """
    deputy vice first second prime federal foreign defence defense interior finance state special senior
    acting interim former incoming outgoing executive general national assistant principal permanent
    honorary presidential press air chief grand high supreme managing foreign-affairs late then
    ex ex- adjoint adjointe délégué déléguée d'état d'etat intérim ancien ancienne
    interino interina adjunto adjunta delegado delegada mundial chargé chargée encargado encargada
    encarregado encarregada
    """
)

#: Titles written with a capital that also name a rank on their own before a name.
HONORIFICS = _words(
    """
    mr mr. mrs mrs. ms ms. dr dr. prof prof. h.e. s.e. s.e.m. hrh sir dame lord lady
    m. mme mme. mlle mgr mgr. monseigneur me
    sr sr. sra sra. srta srta. don doña dña. monseñor mons.
    dom dona sr.ª d.
    """
)

#: Lower-case words that belong inside a name: `Henri de Raincourt`, `Lula da Silva`, `bin Salman`.
PARTICLES = _words("de da do das dos del della di du la le van von der den ter ten bin ibn bint y e zu")

#: Name prefixes joined by a hyphen: `al-Assad`, `el-Sisi`.
NAME_PREFIXES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "an-", "ar-", "az-")

#: Prepositions, articles and conjunctions a title's complement is joined with.
TITLE_GLUE = _words(
    """
    of for to the on in with and at
    de des du d' la le les l' à au aux en et pour chargé chargée auprès
    del el los las y para en ante
    da do das dos o os a as e na no nas nos para junto
    """
)

#: Articles dropped from the front of a role: `le ministre` → `ministre`.
ARTICLES = _words("the a an le la les l' un une el los las un una o a os as um uma")

#: Capitalised words that name an organisation's kind: a name never contains them.
ORGANISATION_WORDS = _words(
    """
    ministry department office agency service bureau council committee commission corporation company
    group fund bank association foundation institute university college party union federation
    organisation organization authority court assembly senate duma parliament congress government
    administration cabinet secretariat embassy mission board forum chamber executive security jsc llc
    republic république república república presidency présidence presidencia presidência
    inc ltd plc sa ag gmbh
    ministère ministère bureau conseil comité commission société groupe fonds banque fondation institut
    université parti gouvernement assemblée sénat ambassade cour
    ministerio consejo comité comisión compañía empresa banco fundación instituto universidad partido
    gobierno asamblea senado embajada corte
    ministério conselho comissão companhia empresa fundação instituto universidade partido governo
    assembleia senado embaixada tribunal câmara secretaria
    """
)

#: Capitalised words that name a portfolio or field, not a person: `Minister for Defence Khawaja
#: Muhammad Asif` keeps `Defence` in the title.
DOMAIN_WORDS = _words(
    """
    affairs foreign defence defense trade commerce economy economic economics development education
    health finance treasury interior justice transport transportation energy climate change science
    higher technology information communications communication culture tourism environment agriculture
    industry labour labor employment social welfare planning water power petroleum mines mining railways
    housing youth sports women integration investment investments international national security
    public works infrastructure digital research innovation budget revenue taxation customs immigration
    home legal relations cooperation co-operation european union affairs defence human rights staff
    armed forces army navy military intelligence emergency situations ecology natural resources
    presidential executive federal state central general atomic nuclear direct gas oil
    affaires étrangères européennes armées économie finances santé éducation intérieur coopération
    culture travail écologique état transition numérique recherche outre-mer
    relaciones exteriores asuntos hacienda defensa economía salud educación interior cultura trabajo
    culto estado extranjero exterior exteriores
    relações exteriores negócios estrangeiros fazenda defesa economia saúde educação justiça cultura
    trabalho minas energia estrangeiro étranger abroad overseas
    """
)


def _months(*lists: str) -> dict[str, int]:
    return {fold(name): number for names in lists for number, name in enumerate(names.split(), 1)}


#: Month names and abbreviations, folded, → the month's number.
MONTHS = _months(
    "january february march april may june july august september october november december",
    "jan feb mar apr may jun jul aug sep oct nov dec",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
) | {"sept": 9, "setiembre": 9}

DAYS = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi
    dimanche lunes martes miércoles jueves viernes sábado domingo segunda-feira terça-feira quarta-feira
    quinta-feira sexta-feira segunda terça quarta quinta sexta
    """
)

#: Countries: `English name: the country's name and its nationality adjectives in en/fr/es/pt`.
_COUNTRIES = """
Afghanistan: afghanistan afgano afgana afghan afegão afegã
Algeria: algérie argelia argélia algerian algérien algérienne argelino argelina
Argentina: argentine argentino argentina argentin argentine argentinian
Armenia: arménie armênia armenian arménien arménienne armenio armenia armênio
Australia: australie austrália australian australien australienne australiano australiana
Austria: autriche áustria austrian autrichien autrichienne austriaco austriaca austríaco austríaca
Azerbaijan: azerbaïdjan azerbaiyán azerbaijão azerbaijani azerbaïdjanais azerbaiyano azerbaijano
Bangladesh: bangladeshi
Belarus: biélorussie bielorrusia bielorrússia belarusian biélorusse bielorruso bielorrusso
Belgium: belgique bélgica belgian belge belga
Bolivia: bolivie bolívia bolivian bolivien bolivienne boliviano boliviana
Brazil: brésil brasil brazilian brésilien brésilienne brasileño brasileña brasileiro brasileira
Canada: canadá canadian canadien canadienne canadiense canadense
Chile: chili chilean chilien chilienne chileno chilena
China: chine chinese chinois chinoise chino china chinês chinesa
Colombia: colombie colômbia colombian colombien colombienne colombiano colombiana
Cuba: cuban cubain cubaine cubano cubana
Egypt: égypte egipto egito egyptian égyptien égyptienne egipcio egipcia egípcio egípcia
France: francia frança french français française francés francesa francês
Georgia: géorgie georgia geórgia georgian géorgien géorgienne georgiano georgiana
Germany: allemagne alemania alemanha german allemand allemande alemán alemana alemão alemã
Guatemala: guatemalan guatémaltèque guatemalteco guatemalteca
India: inde índia indian indien indienne indio india indiano indiana
Indonesia: indonésie indonésia indonesian indonésien indonesio indonésio
Iran: irán irã iranian iranien iranienne iraní iraniano iraniana
Iraq: irak iraque iraqi irakien irakienne iraquí iraquiano
Israel: israël israeli israélien israélienne israelí israelense
Italy: italie italia itália italian italien italienne italiano italiana
Japan: japon japón japão japanese japonais japonaise japonés japonesa japonês
Jordan: jordanie jordania jordânia jordanian jordanien jordano jordaniano
Kazakhstan: kazajistán cazaquistão kazakh kazakhstani kazakhe kazakhstanais kazajo kazaja cazaque
Kyrgyzstan: kirghizistan kirguistán quirguistão kyrgyz kirghize kirguís quirguiz
Lebanon: liban líbano lebanese libanais libanaise libanés libanesa libanês
Libya: libye libia líbia libyan libyen libyenne libio libia líbio líbia
Mexico: mexique méxico mexican mexicain mexicaine mexicano mexicana
Morocco: maroc marruecos marrocos moroccan marocain marocaine marroquí marroquino marroquina
Netherlands: pays-bas dutch néerlandais néerlandaise neerlandés holandés holandês
Nigeria: nigéria nigerian nigérian nigériane nigeriano nigeriana
Pakistan: pakistán paquistão pakistani pakistanais pakistanaise paquistaní paquistanês
Paraguay: paraguai paraguayan paraguayen paraguayenne paraguayo paraguaya paraguaio paraguaia
Peru: pérou perú peruvian péruvien péruvienne peruano peruana
Poland: pologne polonia polônia polish polonais polonaise polaco polaca polonês polonesa
Portugal: portuguese portugais portugaise portugués portuguesa português
Qatar: qatari qatarien qatarí catariano
Russia: russie rusia rússia russian russe ruso rusa russo russa
Saudi Arabia: arabie arabia saudi saoudien saoudienne saudí saudita
South Africa: sudáfrica sud-africain sudafricano sul-africano
Spain: espagne españa espanha spanish espagnol espagnole español española espanhol espanhola
Syria: syrie siria síria syrian syrien syrienne sirio siria sírio síria
Tajikistan: tadjikistan tayikistán tajiquistão tajik tadjik tayiko tajique
Tunisia: tunisie túnez tunísia tunisian tunisien tunisienne tunecino tunecina tunisiano
Turkey: turquie turquía turquia turkish turc turque turco turca türkiye
Turkmenistan: turkménistan turkmenistán turcomenistão turkmen turkmène turcomano
Ukraine: ucrania ucrânia ukrainian ukrainien ukrainienne ucraniano ucraniana
United Kingdom: royaume-uni reino british britannique británico británica britânico britânica
United States: états-unis estados american américain américaine estadounidense norte-americano norteamericano
Uruguay: uruguai uruguayan uruguayen uruguayenne uruguayo uruguaya uruguaio uruguaia
Uzbekistan: ouzbékistan uzbekistán uzbequistão uzbek ouzbek uzbeko uzbeque
Venezuela: venezuelan vénézuélien vénézuélienne venezolano venezolana venezuelano venezuelana
Vietnam: viêt vietnamese vietnamien vietnamita
"""


def _countries() -> dict[str, str]:
    words: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        country, _, names = line.partition(":")
        # A multi-word name is looked up whole: `United` alone is no country.
        for word in (country, *names.split()):
            words.setdefault(fold(word), country)
    return words


#: A country's name or nationality adjective, folded, → the country's English name.
COUNTRY_WORDS = _countries()


def is_title(word: str) -> bool:
    """Whether `word` is a title's head word, singular or plural (`ministres`, `presidentes`)."""
    key = fold(word)
    if key in TITLES:
        return True
    return key.endswith("s") and (key[:-1] in TITLES or (key.endswith("es") and key[:-2] in TITLES))


def singular_title(word: str) -> str:
    """A plural title head as its singular, keeping the article's spelling: `presidentes` → `presidente`."""
    key = fold(word)
    if key in TITLES or not key.endswith("s"):
        return word
    return word[:-1] if key[:-1] in TITLES else word[:-2]


def country_of(word: str) -> str | None:
    """The country a word (or words) names or describes: `Kazakh`, `Kazakhstan`, `española`."""
    return COUNTRY_WORDS.get(fold(word))
