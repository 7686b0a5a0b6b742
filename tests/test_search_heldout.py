"""Queries written after the engine was tuned, by someone other than its author: a check that the
rankings generalise beyond the benchmark they were tuned on. Aliases are removed, so every
transliteration must be solved by folding."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing_tui.library import Library
from briefing_tui.search import SearchIndex

ROOT = Path(__file__).resolve().parents[1]

QUERIES = [
    ("yashar guler", "Yaşar Güler"),
    ("guler defence", "Yaşar Güler"),
    ("Яшар Гюлер", "Yaşar Güler"),
    ("ahmadiyan", "Ali Akbar Ahmadian"),
    ("Dmitry Krutoy", "Dzmitry Krutoi"),
    ("krutoj", "Dzmitry Krutoi"),
    ("Хуснуллин", "Marat Khusnullin"),
    ("husnullin", "Marat Khusnullin"),
    ("bayraktar energy", "Alparslan Bayraktar"),
    ("mustafa madbuli", "Mostafa Madbouly"),
    ("madbouly", "Mostafa Madbouly"),
    ("Мирзиёева", "Saida Mirziyoyeva"),
    ("mirziyoeva", "Saida Mirziyoyeva"),
    ("jabbarov", "Mikayil Jabbarov"),
    ("Mikail Dzhabbarov", "Mikayil Jabbarov"),
    ("mazroui", "Suhail Al Mazrouei"),
    ("suhail almazrouei", "Suhail Al Mazrouei"),
    ("baghaie", "Esmaeil Baghaei"),
    ("ismail baghaei", "Esmaeil Baghaei"),
    ("jaishankr", "Subrahmanyam Jaishankar"),
    ("Джайшанкар", "Subrahmanyam Jaishankar"),
    ("gundogdyev", "Begench Gundogdyyev"),
    ("Гундогдыев", "Begench Gundogdyyev"),
    ("sanai", "Mehdi Sanaei"),
    ("yasir al rumayyan", "Yasser Al-Rumayyan"),
    ("reshetnikov economic", "Maksim Reshetnikov"),
    ("Maxim Reshetnikov", "Maksim Reshetnikov"),
    ("Решетников", "Maksim Reshetnikov"),
    ("uzbekneftegaz", "Bakhodir Sidikov"),
    ("sidiqov", "Bakhodir Sidikov"),
    ("tokaev", "Kassym-Jomart Tokayev"),
    ("Тоқаев", "Kassym-Jomart Tokayev"),
    ("ikramov chamber", "Adkham Ikramov"),
    ("geldimyradov", "Hojamyrat Geldimyradow"),
    ("Гельдимурадов", "Hojamyrat Geldimyradow"),
    ("tomenko altai", "Viktor Tomenko"),
    ("Davitashvili", "Levan Davitashvili"),
    ("amirbaev", "Elchin Amirbayov"),
    ("berdymukhamedov", "Serdar Berdimuhamedow"),
    ("Бердымухамедов", "Serdar Berdimuhamedow"),
    ("fidan", "Hakan Fidan"),
    ("хакан фидан", "Hakan Fidan"),
    ("valiev railways", "Rauf Valiyev"),
    ("berris ekindzhi", "Berris Ekinci"),
    ("travnikov novosibirsk", "Andrei Travnikov"),
    ("Andrey Travnikov", "Andrei Travnikov"),
    ("bektenov", "Olzhas Bektenov"),
    ("zarifian ashgabat", "Javad Zarifian"),
    ("kurbanov defence uzbekistan", "Bakhodir Kurbanov"),
    ("misri", "Vikram Misri"),
    ("zhakupov", "Nurlan Zhakupov"),
    ("jakupov", "Nurlan Zhakupov"),
    ("Жакупов", "Nurlan Zhakupov"),
    ("shakkaliev", "Arman Shakkaliyev"),
    ("shahbaz sharif", "Muhammad Shehbaz Sharif"),
    ("ishak dar", "Mohammad Ishaq Dar"),
    ("kistafin", "Yerzhan Kistafin"),
    ("erzhan kistafin", "Yerzhan Kistafin"),
    ("Асылов", "Berik Assylov"),
    ("asilov", "Berik Assylov"),
    ("zhumangarin", "Serik Zhumangarin"),
    ("jumangarin", "Serik Zhumangarin"),
    ("sherry rahman", "Sherry Rehman"),
    ("mandviwalla", "Saleem Mandviwala"),
    ("nayar bukhari", "Nayyar Bukhari"),
    ("pervaiz ashraf", "Raja Pervez Ashraf"),
    ("musadik malik", "Musadiq Malik"),
    ("maqbool sidiqui", "Khalid Maqbool Siddiqui"),
    ("kawaja asif", "Khawaja Muhammad Asif"),
    ("zardri", "Asif Ali Zardari"),
    ("Зардари", "Asif Ali Zardari"),
    ("sayasat nurbek", "Sayasat Nurbek"),
    ("kosanov", "Dauren Kosanov"),
    ("sauranbaev", "Nurlan Sauranbayev"),
    ("mirzagaev", "Magzum Mirzagayev"),
    ("air chief", "Zaheer Ahmed Baber Sidhu"),
    ("prosecutor", "Berik Assylov"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    refs = Library.open(ROOT / "benchmarks" / "data", use_cache=False).people()
    refs += Library.open(ROOT / "data", use_cache=False).people()
    return SearchIndex([dataclasses.replace(r.participant, aliases=()) for r in refs])


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_the_expected_person_comes_first(index: SearchIndex, query: str, expected: str) -> None:
    hits = index.search(query, limit=3)
    assert [hit.participant.name for hit in hits][:1] == [expected]


def test_variant_surname_against_a_first_name(index: SearchIndex) -> None:
    # Once a strict xfail: "Al" made "Yasser Al-Rumayyan" a longer name than "Roman Starovoit".
    assert index.search("rumayan", limit=1)[0].participant.name == "Yasser Al-Rumayyan"


def test_organisation_acronym(index: SearchIndex) -> None:
    # Once a strict xfail: acronyms of organisations were not indexed.
    assert [h.participant.name for h in index.search("pif governor", limit=1)] == ["Yasser Al-Rumayyan"]
