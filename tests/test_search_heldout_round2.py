"""Held-out participant search, round 2: queries the engine was not tuned on.

These queries and the fixtures in `tests/heldout2/` were written blind, after the engine change of
issue 13 round 2, by someone who had not seen the engine or its tables (nor the other search tests,
benchmarks or held-out fixtures). They come from the README's claims alone: an office under any of
its names, a country's adjective or short form, initials that skip particles, an organisation's
acronym or distinctive words, and text in `notes`. The fixtures are two invented meetings, written as
a desk would write them: an Andean/Central American trade summit in Spanish and Portuguese, and a
Brussels energy conference with titles in French, German and English and sides in French.

The expected answer of each query is the participant a human reading the files would pick first: its
name, or for an unnamed participant its role. Queries and answers were fixed before the first run and
have not been tuned on its results; the ones the engine missed then are on record in
`FIRST_RUN_MISSES`, with what came first instead, and those still missed are expected failures.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.search import SearchIndex
from heldout_support import (
    Queries,
    cases,
    check_answers_exist,
    check_found_first,
    check_misses_on_record,
    people_of,
)

FIXTURES = Path(__file__).parent / "heldout2"

QUERIES: Queries = {
    # An office under another of its names, abbreviations or languages.
    "office": [
        ("colombia foreign minister", "Andrés Felipe Londoño Restrepo"),
        ("ecuador charge d'affaires", "Encargado de Negocios a.i. del Ecuador en Colombia"),
        ("peru deputy trade minister", "Javier Alonso de los Heros Bustamante"),
        ("vp guatemala", "Ana Lucía Castillo de León"),
        ("central bank governor peru", "Ernesto Palacios Zegarra"),
        ("morocco fm", "Karim Tazi Benslimane"),
        ("economy minister germany", "Katharina Sophie von Hardenberg"),
        ("deputy pm", "Nino Chkheidze"),
        ("pm belgium", "Hélène Vandenberghe"),
        ("tunisia energy minister", "Sonia Trabelsi Gharbi"),
    ],
    # A country's adjective or short form, where the file names the country another way.
    "demonym": [
        ("spanish ambassador", "Íñigo Aldecoa Larrañaga"),
        ("brazilian trade minister", "Luiz Henrique da Costa Brandão"),
        ("ecuadorian foreign minister", "Gabriela Sofía Maldonado Jaramillo"),
        ("guatemalan economy minister", "Otto René Gálvez Pineda"),
        ("moroccan ambassador", "Ambassadeur du Maroc en Belgique et au Luxembourg"),
        ("polish secretary of state", "Agnieszka Wróblewska-Dąbrowska"),
        ("romanian energy minister", "Ioana Cristina Mărculescu"),
        ("belgian energy minister", "Pieter-Jan Van den Bossche"),
    ],
    # Initials that skip particles (de la, de los, da, van der, van den, el, von, dos).
    "particles": [
        ("mfeo", "María Fernanda de la Espriella Ospina"),
        ("jahb", "Javier Alonso de los Heros Bustamante"),
        ("lhcb", "Luiz Henrique da Costa Brandão"),
        ("ceha", "Carlos Eduardo Van der Hammen Arango"),
        ("pjb", "Pieter-Jan Van den Bossche"),
        ("fzo", "Fatima Zahra El Ouazzani"),
        ("ksh", "Katharina Sophie von Hardenberg"),
        ("aprm", "Ana Paula dos Reis Moreira"),
    ],
    # An organisation's acronym (not written in the file) or distinctive words, with an office word.
    "organisation": [
        ("bcrp", "Ernesto Palacios Zegarra"),
        ("bndes", "Fernanda Oliveira Bastos"),
        ("bid", "Mónica Aparicio Rangel"),
        ("icex ceo", "Ignacio Ruiz del Valle"),
        ("onee", "Rachid Alaoui M'hamdi"),
        ("steg", "Hichem Ben Ammar"),
        ("ebrd", "Thomas Müller-Lindqvist"),
        ("giz", "Henrik Maximilian von der Lippe"),
    ],
    # A word only in someone's notes.
    "notes": [
        ("macrorrueda", "Diana Carolina Pardo Rengifo"),
        ("camaron", "Santiago Proaño Villacís"),
        ("cevallos", "Representante del sector privado ecuatoriano"),
        ("kvaratskhelia", "Interprète (géorgien–français)"),
        ("elmed", "Hichem Ben Ammar"),
        ("elisabeth island", "Koen Vermeersch"),
    ],
}

#: Missed at the first run (27 of 40 passed: office 5/10, demonym 6/8, particles 7/8, organisation 4/8,
#: notes 5/6): query -> what came first instead.
FIRST_RUN_MISSES: dict[str, str] = {
    "peru deputy trade minister": "found nothing (Viceministro de Comercio Exterior, side Perú)",
    "central bank governor peru": "found nothing (Presidente del Directorio, Banco Central de Reserva "
    "del Perú)",
    "economy minister germany": "found nothing (Bundesministerin für Wirtschaft und Energie, side Allemagne)",
    "deputy pm": "found nothing (Vice-Première ministre)",
    "tunisia energy minister": "found nothing (Ministre de l'Industrie, des Mines et de l'Énergie, "
    "side Tunisie)",
    "brazilian trade minister": "found nothing (Ministro do Desenvolvimento, Indústria, Comércio e Serviços, "
    "side Brasil)",
    "belgian energy minister": "found nothing (Ministre fédéral de l'Énergie, side Belgique)",
    "jahb": "found nothing (initials of Javier Alonso de los Heros Bustamante)",
    "icex ceo": "found nothing (Consejero Delegado, ICEX España Exportación e Inversiones)",
    "onee": "Ana Paula dos Reis Moreira (0.396) and Katharina Sophie von Hardenberg (0.37) came first; "
    "the ONEE director general was not in the top 3",
    "steg": "Stefanie Krämer (0.388), then Radu Ștefănescu (0.359); the STEG chief executive was not found",
    "giz": "found nothing (Deutsche Gesellschaft für Internationale Zusammenarbeit)",
    "cevallos": "Carlos Eduardo Van der Hammen Arango (0.41) came first, the notes match second (0.237)",
}
#: These misses then informed general fixes (words of titles read in every language: "ministre",
#: "Bundesministerin", "Énergie", "Comercio"; elided articles and possessives; every portfolio of
#: a multi-portfolio minister; "Viceministro" as a deputy; "los"/"las" as particles; "Consejero
#: Delegado" as CEO), so they no longer count as held out. Still not first after the fixes:
STILL_MISSED = {
    "central bank governor peru": (
        "the governor is 'Presidente del Directorio' in the role and the central bank in the "
        "organization: no office joins two fields"
    ),
    "onee": "the official acronym drops a word: the name's initials are ONEEP",
    "giz": "the official acronym skips 'Deutsche': the name's initials are DGIZ",
    "cevallos": "second: notes rank below every other field, even below a typo in someone's name",
}


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(people_of(FIXTURES))


def test_expected_answers_exist() -> None:
    check_answers_exist(people_of(FIXTURES), QUERIES)


@pytest.mark.parametrize(("query", "expected"), cases(QUERIES, STILL_MISSED))
def test_heldout_query_finds_expected_first(index: SearchIndex, query: str, expected: str) -> None:
    check_found_first(index, query, expected)


def test_misses_are_on_record() -> None:
    check_misses_on_record(QUERIES, FIRST_RUN_MISSES, STILL_MISSED)
