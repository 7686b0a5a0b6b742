"""A deterministic generator of realistic delegation lists for the search speed benchmark.

Names come from many regions (Central Asian, Russian/Belarusian, Arabic, Turkish, Chinese, Persian,
South Asian, ...), in the spellings real lists mix (Zhakupov/Jakupov, -ov/-ow, kh/h), with a long
tail of rare surnames, so the number of distinct tokens grows with the list the way it does in a
real one rather than staying at the size of the name lists. Roles, organizations, sides and events
are drawn from templates.

    from people import generate
    participants = generate(100_000, seed=7)
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_tui.format.model import Participant


GIVEN = {
    "central_asian": (
        "Nurlan Serik Dauren Berik Yerzhan Ernar Arman Sayasat Magzum Askar Bolat Daniyar Galym "
        "Kairat Marat Nursultan Olzhas Ruslan Talgat Timur Yerlan Zhanibek Aidar Alikhan Azamat "
        "Bakhyt Dias Erlan Gani Kanat Madi Miras Nurzhan Rustem Samat Temirlan Ulan Zhandos "
        "Aigerim Aliya Dana Gulnara Kamila Madina Saule Zhanna Aizhan Assel Dinara Laura "
        "Shavkat Jamshid Sardor Bakhodir Otabek Sherzod Ulugbek Farrukh Dilshod Rustam Akmal "
        "Sadyr Almazbek Kubanychbek Emomali Sirojiddin Serdar Gurbanguly Rashid Dovlet Berdimurat"
    ),
    "russian": (
        "Aleksandr Sergey Dmitry Andrei Vladimir Mikhail Nikolai Pavel Igor Yevgeny Maksim "
        "Viktor Oleg Roman Anatoly Valentin Konstantin Gennady Boris Yuri Denis Artyom Kirill "
        "Anton Ilya Vadim Stanislav Leonid Vasily Grigory Natalia Olga Svetlana Irina Tatiana "
        "Yelena Maria Anna Ekaterina Ludmila Valentina Galina Larisa Marina Volha Aliaksandr "
        "Siarhei Uladzimir Mikalai Dzmitry Yauhen Andrei Ihar Raman"
    ),
    "arabic": (
        "Mohammed Muhammad Mohamed Ahmed Ahmad Abdullah Abdulaziz Abdulrahman Khalid Faisal "
        "Sultan Saud Fahad Nasser Hamad Tamim Mansour Saif Omar Ali Hassan Hussein Ibrahim Yousef "
        "Youssef Mustafa Tariq Walid Adel Sameh Nabil Karim Rami Majid Jassim Abdelfattah Ayman "
        "Fatima Aisha Mariam Noura Hessa Lulwa Reem Amal Huda Layla Sheikha Maryam"
    ),
    "turkish": (
        "Mehmet Ahmet Mustafa Ali Hüseyin Hasan İbrahim Murat Ömer Osman Recep Hakan Fuat Mevlüt "
        "Hulusi Yaşar Cevdet Bülent Kemal Ertuğrul Selçuk Ilham Jeyhun Elmar Mukhtar Ramiz "
        "Ayşe Fatma Emine Zeynep Elif Hatice Leyla Mehriban Sevil Gülşen"
    ),
    "chinese": (
        "Jinping Keqiang Qiang Yi Gang Wei Lei Jun Ming Hua Jian Ping Tao Bo Hong Xiaoming Zhiqiang "
        "Yuhuan Weidong Jianguo Guoqiang Lijun Xiuying Mei Yan Ying Fang Na Li Hui Jing Xia Lan"
    ),
    "persian": (
        "Hassan Ebrahim Abbas Mohammad Javad Hossein Amir Ali Reza Mahmoud Mehdi Majid Saeed Hamid "
        "Masoud Mojtaba Kazem Esmaeil Bahram Farhad Dariush Kourosh Parviz Fereydoun Zahra Maryam "
        "Fatemeh Masoumeh Narges Shirin Leila Parisa"
    ),
    "south_asian": (
        "Muhammad Shehbaz Shahbaz Asif Ishaq Khawaja Jam Musadiq Khalid Sherry Raja Nayyar Saleem "
        "Imran Nawaz Bilawal Ahsan Iqbal Hina Maryam Fawad Shah Mahmood Zaheer Qamar Asim Sahir "
        "Narendra Subrahmanyam Rajnath Amit Nirmala Piyush Ajit Vikram Sanjay Rahul Anil Sunil "
        "Sheikh Hasina Abul Kalam Abdul Momen Shahriar Tareq Salman Farhana"
    ),
    "other": (
        "John Michael David James Robert William Richard Thomas Charles Peter Paul Mark Anthony "
        "Emmanuel Olaf Pedro Luis Jean Pierre Francois Giorgia Ursula Annalena Antonio Josep "
        "Kim Hyun Min Jae Sung Hiroshi Takeshi Yoshimasa Fumio Nguyen Thanh Minh Joko Retno Anwar"
    ),
}

SURNAME_ROOTS = {
    "central_asian": (
        "Tokay Zhakup Zhumangar Kosan Assyl Kistafin Nurbek Shakkali Sauranbay Mirzagay Nazarbay "
        "Masim Sagintay Smailov Tleuberdi Zhaksylyk Kuantyr Bekturgan Omar Karin Baiten Ashimbay "
        "Mamin Skakov Abdrakhman Mukhamedzhan Tasmagambet Zhanbyrbay Kaliakpar Ospan Sadyk Temir "
        "Mirziyoy Saidov Norov Kuchkar Ganiy Khodzhay Rakhmon Zokir Japar Akylbek Baisal Kasym "
        "Berdimuhamed Meredov Atayev Hojamuhammed Rashid Orazgeldi Muradow Gurbanmyrad"
    ),
    "russian": (
        "Lavrov Shoigu Belous Mishust Peskov Ushakov Manturov Novak Reshetnikov Siluanov Golikov "
        "Kozak Oreshkin Patrushev Naryshkin Bortnikov Volodin Matviyenko Kosachev Slutsky Lukashenk "
        "Golovchenk Makei Ryzhenkov Krutoi Khrenin Volfovich Petrishenk Snopkov Turchin Kochanov "
        "Sidorenk Kuznetsov Smirnov Ivanov Popov Sokolov Lebedev Kozlov Novikov Morozov Petrov "
        "Volkov Solovyov Vasilyev Zaitsev Pavlov Semyonov Golubev Vinogradov Bogdanov Vorobyov"
    ),
    "arabic": (
        "Al-Saud Al-Nahyan Al-Thani Al-Sabah Al-Khalifa Al-Said Bin Farhan Al-Jubeir Al-Falih "
        "Shoukry Abdelatty Madbouly El-Sisi Aboul Gheit Al-Zayani Bin Zayed Al-Mubarak Gargash "
        "Al-Jaber Al-Qasimi Al-Mansouri Al-Hashimi Haddad Khoury Nasrallah Mikati Safadi Ayoub "
        "Bourita Attaf Lamamra Jerandi Nour El-Din Abdel Aziz Hamdan Al-Marri Al-Kuwari"
    ),
    "turkish": (
        "Erdoğan Fidan Çavuşoğlu Akar Güler Bolat Bayraktar Şimşek Yılmaz Kurtulmuş Kalın "
        "Aliyev Bayramov Mammadov Hasanov Mustafayev Jabbarov Asadov Novruzov Huseynov Ahmadov "
        "Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan"
    ),
    "chinese": (
        "Xi Li Wang Zhang Liu Chen Yang Zhao Huang Zhou Wu Xu Sun Hu Zhu Gao Lin He Guo Ma Luo "
        "Liang Song Zheng Xie Han Tang Feng Yu Dong Xiao Cheng Cao Yuan Deng Fu Shen Zeng Peng Lu"
    ),
    "persian": (
        "Rouhani Zarif Araghchi Raisi Pezeshkian Abdollahian Larijani Ghalibaf Velayati Jalili "
        "Salehi Rezaei Mousavi Hosseini Karimi Ahmadi Rahimi Jafari Sadeghi Moradi Ghasemi "
        "Kazemi Hashemi Mohammadi Rostami Tehrani Shirazi Esfahani Tabrizi Kermani"
    ),
    "south_asian": (
        "Sharif Dar Asif Kamal Malik Siddiqui Rehman Ashraf Bukhari Mandviwala Zardari Bhutto "
        "Khan Iqbal Qureshi Chaudhry Abbasi Gilani Hussain Butt Rana Awan Sidhu Baber Munir "
        "Modi Jaishankar Singh Shah Sitharaman Goyal Doval Misri Kumar Sharma Verma Gupta "
        "Patel Reddy Nair Iyer Rao Das Hasina Momen Alam Chowdhury Rahman Hossain Islam"
    ),
    "other": (
        "Smith Johnson Brown Taylor Wilson Davies Evans Thomas Roberts Walker Macron Scholz "
        "Sánchez Meloni Leyen Baerbock Borrell Costa Lula Vieira Kim Park Lee Choi Kishida "
        "Hayashi Motegi Nguyen Tran Widodo Marsudi Ibrahim Marcos Albanese Wong Carney Joly"
    ),
}

SUFFIXES = {
    "central_asian": ("ov", "ev", "yev", "uly", "bekov", "baev", "ova", "eva", "in", "ow", "ev"),
    "russian": ("", "", "", "a", "o", "a"),
    "turkish": ("", "", "", "oğlu"),
}

REGIONS = (
    ("central_asian", 24),
    ("russian", 16),
    ("arabic", 14),
    ("turkish", 10),
    ("chinese", 10),
    ("persian", 8),
    ("south_asian", 12),
    ("other", 6),
)

COUNTRIES = (
    (
        "Kazakhstan Pakistan Uzbekistan Kyrgyzstan Tajikistan Turkmenistan Russia Belarus China Iran "
        "Turkey Azerbaijan Georgia Armenia India Bangladesh Afghanistan Saudi-Arabia Qatar Egypt "
        "Jordan Oman Kuwait Bahrain Iraq Syria Lebanon Morocco Algeria Tunisia Mongolia Japan Korea "
        "Vietnam Indonesia Malaysia Thailand Philippines Germany France Italy Spain Poland Hungary "
        "Serbia Greece Brazil Argentina Mexico Canada Australia Nigeria Kenya Ethiopia"
    )
    .replace("-", " ")
    .split()
)

PORTFOLIOS = (
    "Foreign Affairs",
    "Defence",
    "National Economy",
    "Finance",
    "Trade and Integration",
    "Transport",
    "Energy",
    "Science and Higher Education",
    "Agriculture",
    "Justice",
    "Internal Affairs",
    "Health",
    "Education",
    "Culture and Information",
    "Digital Development",
    "Industry and Construction",
    "Ecology and Natural Resources",
    "Labour and Social Protection",
    "Emergency Situations",
    "Tourism and Sports",
    "Climate Change",
    "Commerce",
    "Water Resources",
    "Investment",
)

ROLE_TEMPLATES = (
    ("Minister of {p}", 14),
    ("Deputy Minister of {p}", 12),
    ("First Deputy Minister of {p}", 4),
    ("Federal Minister for {p}", 3),
    ("Ambassador of {c} to {d}", 8),
    ("Ambassador to {d}", 4),
    ("Adviser to the President", 3),
    ("Adviser to the President for {p}", 3),
    ("Director General", 4),
    ("Director of the {p} Department", 5),
    ("Head of the {p} Committee", 3),
    ("Chairman of the Board", 3),
    ("Chief Executive Officer", 3),
    ("CEO", 2),
    ("Senator", 3),
    ("Member of Parliament", 4),
    ("Member of the National Assembly", 2),
    ("Governor of {r} Region", 3),
    ("Mayor of {r}", 2),
    ("Press Secretary", 1),
    ("Chief of Staff", 1),
    ("Deputy Prime Minister", 1),
    ("Deputy Prime Minister and Minister of {p}", 1),
    ("Prime Minister", 1),
    ("President", 1),
    ("Vice President", 1),
    ("Prosecutor General", 1),
    ("Secretary General", 1),
    ("Chairman of the Senate", 1),
    ("Speaker of the Parliament", 1),
    ("Chief of Army Staff", 1),
    ("Interpreter", 2),
    ("Protocol Officer", 2),
    ("Security Officer", 1),
)

COMPANY_WORDS = (
    "Samruk Kazyna KazMunayGas Kazatomprom Air Astana Uzbekneftegaz Gazprom Rosatom Sinopec "
    "PetroChina Aramco ADNOC QatarEnergy Turkcell Botas SOCAR Engro Lucky Habib Meezan Tata "
    "Reliance Adani Beximco Huawei Cosco Kaspi Halyk Freedom Jusan Kcell Beeline Ucell Navoi "
    "Almalyk Eurasian Caspian Silk Road Steppe Tengri Altyn Nur Orda Baiterek Damu"
).split()
ORG_TEMPLATES = (
    ("Ministry of {p}", 20),
    ("{c} Ministry of {p}", 6),
    ("{w} JSC", 6),
    ("{w} {v} Holding", 4),
    ("{w} Group", 4),
    ("National Bank of {c}", 2),
    ("{c} Chamber of Commerce and Industry", 3),
    ("Embassy of {c} in {d}", 6),
    ("Office of the President", 4),
    ("Presidential Administration", 2),
    ("Senate of {c}", 2),
    ("National Assembly", 2),
    ("{r} Regional Administration", 3),
    ("{w} University", 2),
    ("{c} Investment Fund", 2),
)
REGION_NAMES = (
    "Almaty Astana Shymkent Karaganda Aktobe Atyrau Mangystau Pavlodar Kostanay Tashkent "
    "Samarkand Bukhara Fergana Namangan Andijan Lahore Karachi Punjab Sindh Balochistan "
    "Khyber Gwadar Peshawar Quetta Minsk Brest Gomel Vitebsk Grodno Kazan Omsk Novosibirsk "
    "Xinjiang Urumqi Xian Mashhad Isfahan Tabriz Ankara Izmir Konya Baku Ganja Ashgabat Mary"
).split()
EVENTS = (
    "Official talks",
    "Extended meeting",
    "Tête-à-tête meeting",
    "State banquet",
    "Business forum",
    "Signing ceremony",
    "Press conference",
    "Investiture ceremony",
    "Intergovernmental commission",
    "Wreath-laying ceremony",
    "Round table on {p}",
    "{c}–{d} business council",
)

_CYRILLIC = {
    "shch": "щ",
    "zh": "ж",
    "kh": "х",
    "ts": "ц",
    "ch": "ч",
    "sh": "ш",
    "yu": "ю",
    "ya": "я",
    "ye": "е",
    "yo": "ё",
    "a": "а",
    "b": "б",
    "v": "в",
    "g": "г",
    "d": "д",
    "e": "е",
    "z": "з",
    "i": "и",
    "y": "ы",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "f": "ф",
    "h": "х",
    "j": "дж",
    "q": "қ",
    "w": "в",
    "x": "кс",
    "c": "к",
}


def to_cyrillic(latin: str) -> str:
    """A rough Latin → Cyrillic transliteration (how a name appears in a Russian-language list)."""
    out = []
    for word in latin.split():
        lower, i, letters = word.lower(), 0, []
        while i < len(lower):
            for size in (4, 2, 1):
                chunk = lower[i : i + size]
                if chunk in _CYRILLIC:
                    letters.append(_CYRILLIC[chunk])
                    i += size
                    break
            else:
                letters.append(lower[i])
                i += 1
        text = "".join(letters)
        out.append(text[:1].upper() + text[1:])
    return " ".join(out)


_SYLLABLES = (
    "ba be bo da di du ga ge go ka ke ki ko ku la le li lo ma me mi mo mu na ne ni no nu ra re "
    "ri ro ru sa se si so su ta te ti to tu za zo zhan zhu khan khu sha she sho tal bek nur gul "
    "dor mir sar tem bay kar kul mur dan ras sul jan yar hos ram"
).split()
_VARIANTS = (("zh", "j"), ("kh", "h"), ("ov", "ow"), ("ev", "yev"), ("y", "i"), ("u", "ou"))


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([t for t, _ in table], weights=[w for _, w in table])[0]


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.given = {r: tuple(v.split()) for r, v in GIVEN.items()}
        self.roots = {r: tuple(v.split()) for r, v in SURNAME_ROOTS.items()}
        self.regions = [r for r, _ in REGIONS]
        self.weights = [w for _, w in REGIONS]

    def rare_root(self) -> str:
        rng = self.rng
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        return word.capitalize()

    def surname(self, region: str) -> str:
        rng = self.rng
        # A long tail: about a third of surnames are rare, as in real lists.
        root = self.rare_root() if rng.random() < 0.35 else rng.choice(self.roots[region])
        suffixes = SUFFIXES.get(region)
        if suffixes and not root.endswith(("ov", "ev", "in", "ич", "ko", "ka")):
            root += rng.choice(suffixes)
        if rng.random() < 0.15:
            old, new = rng.choice(_VARIANTS)
            root = root.replace(old, new, 1)
        return root

    def person(self) -> tuple[str, str]:
        rng = self.rng
        region = rng.choices(self.regions, weights=self.weights)[0]
        given = rng.choice(self.given[region])
        if rng.random() < 0.15:
            given = f"{given} {rng.choice(self.given[region])}"
        family = self.surname(region)
        if region == "chinese":
            return region, f"{family} {given}"
        return region, f"{given} {family}"


def generate(count: int, seed: int = 7) -> list[Participant]:
    """`count` participants, the same for the same seed."""
    from briefing_tui.format.model import Participant

    fields: list[dict[str, Any]] = [
        {key: tuple(value) if isinstance(value, list) else value for key, value in record.items()}
        for record in records(count, seed)
    ]
    return [Participant(**record) for record in fields]


def records(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """`count` participants as plain field mappings (every key of the format), for writing YAML."""
    rng = random.Random(seed)
    names = _Names(rng)
    for _ in range(count):
        region, name = names.person()
        side, other = rng.sample(COUNTRIES, 2)
        fill = {
            "p": rng.choice(PORTFOLIOS),
            "c": side,
            "d": other,
            "r": rng.choice(REGION_NAMES),
            "w": rng.choice(COMPANY_WORDS),
            "v": rng.choice(COMPANY_WORDS),
        }
        role = _weighted(rng, ROLE_TEMPLATES).format(**fill)
        organization = _weighted(rng, ORG_TEMPLATES).format(**fill) if rng.random() < 0.7 else None
        aliases: tuple[str, ...] = ()
        if region in ("central_asian", "russian") and rng.random() < 0.1:
            aliases = (to_cyrillic(name),)
        elif rng.random() < 0.04:
            aliases = (name.split()[-1].upper(),)
        events = tuple(e.format(**fill) for e in rng.sample(EVENTS, rng.choice((0, 1, 1, 2, 2, 3))))
        unnamed = rng.random() < 0.03
        yield {
            "name": None if unnamed else name,
            "role": role,
            "organization": organization,
            "side": side,
            "aliases": () if unnamed else aliases,
            "present_at": events,
            "evidence": (),
            "notes": None,
        }
