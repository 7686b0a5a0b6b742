"""Held-out queries for the participant search: offices, demonyms, particles, organisations, notes.

These queries and the fixtures in tests/heldout/ were written after the change, by someone who had not
seen the engine or its tables (offices, countries), from the README's description of what the search
claims. They were not tuned on: each query and its expected answer (the participant a human reading the
files would pick first) were fixed before the test was first run. The fixtures avoid the settings used
while tuning (Angola, São Tomé, France, Côte d'Ivoire, Senegal).
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

HELDOUT = Path(__file__).parent / "heldout"

QUERIES: Queries = {
    "office": [
        ("mod", "Jacinto de Sousa Mondlane"),
        ("head of state", "Armando Nhantumbo"),
        ("deputy foreign minister", "Ilda Correia Sitoe"),
        ("fm portugal", "Duarte Miguel Sá da Bandeira Lobo"),
        ("enap chairman", "Matías Ignacio Ibáñez del Campo"),
        ("galp ceo", "João Pedro dos Reis Fonseca"),
        ("mubadala ceo", "Rashid bin Sultan Al Ketbi"),
        ("charge d'affaires", "Encargada de Negocios a.i. de Chile en Mozambique"),
        ("samarkand governor", "Khokim of Samarkand Region"),
        ("kyrgyz premier", "Nurbek Asanbekovich Toktogulov"),
    ],
    "demonym": [
        ("emirati minister", "Saeed bin Hamad Al Mansouri"),
        ("qatari minister", "Khalifa bin Jassim Al Muhannadi"),
        ("dutch ambassador", "Eline de Vries-Bakker"),
        ("german state secretary", "Konstantin Friedrich von der Heyde"),
        ("kazakhstani deputy prime minister", "Aibek Nurlanuly Sarsenbayev"),
        ("uzbek foreign minister", "Dilshod Karimovich Rakhimov"),
        ("portuguese ambassador", "Tiago Nuno van Zeller"),
        ("chilean energy minister", "Tomás Andrés Errázuriz Vial"),
        ("mozambican pm", "Maria Helena dos Santos Macuácua"),
    ],
    "particles": [
        ("tnz", "Tiago Nuno van Zeller"),
        ("mhsm", "Maria Helena dos Santos Macuácua"),
        ("jsm", "Jacinto de Sousa Mondlane"),
        ("fasm", "Fernando Alberto da Silva Matola"),
        ("rms", "Rodrigo van der Meer Soto"),
        ("cfl", "Catalina de la Fuente Larraín"),
        ("miic", "Matías Ignacio Ibáñez del Campo"),
        ("shm", "Saeed bin Hamad Al Mansouri"),
        ("pjl", "Pieter-Jan van der Linden"),
        ("kfh", "Konstantin Friedrich von der Heyde"),
    ],
    "organisation": [
        ("inp", "Hélder Muianga"),
        ("cgd", "Ana Rita de Carvalho Pinto"),
        ("afdb", "Kwame Adjei-Mensah"),
        ("corfo", "Francisca Echeverría Undurraga"),
        ("ebrd", "Hélène Dubois-Marchand"),
        ("sfd", "Turki bin Nasser Al Otaibi"),
        ("qia", "Hamad bin Khalid Al Sulaiti"),
        ("nbu chairman", "Shavkat Ergashev"),
        ("enh administradora", "Lurdes Amélia Tembe"),
        ("fmo ceo", "Maarten van den Broek"),
    ],
    "notes": [
        ("goycoolea", "Jefe de Gabinete del Ministro de Energía"),
        ("afungi", "Jacinto de Sousa Mondlane"),
        ("video link", "Tomás Andrés Errázuriz Vial"),
        ("dosari", "Adviser to the Minister of Investment"),
        ("term sheet", "João Pedro dos Reis Fonseca"),
        ("beijing", "Fernando Alfredo Matsinhe"),
        ("fergana", "Pieter-Jan van der Linden"),
        ("wageningen", "Sanne ter Horst"),
        ("left early", "Inês Vasconcelos de Almeida"),
    ],
}


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(people_of(HELDOUT))


def test_expected_answers_exist() -> None:
    check_answers_exist(people_of(HELDOUT), QUERIES)


#: Missed at the first run (43 of 48 passed), and what came first instead. These five then
#: informed general fixes (title forms, a country after "em"/"in", chargé d'affaires as its own
#: office, Portugal's and Brazil's "Ministro de Estado" titles), so they no longer count as held
#: out; see `STILL_MISSED` for what the fixes left.
FIRST_RUN_MISSES = {
    "deputy foreign minister": "a minister of another country: 'Vice-Ministra' was not read as deputy",
    "fm portugal": "nobody: 'Ministro de Estado e dos Negócios Estrangeiros' was not a foreign minister",
    "galp ceo": "nobody: 'Presidente Executivo' was not read as CEO",
    "charge d'affaires": "ambassadors: 'Encargada de Negocios' was not read as chargé d'affaires",
    "portuguese ambassador": "Mozambique's ambassador in Portugal, tied with Portugal's",
}
#: Still not first after the fixes.
STILL_MISSED = {
    "deputy foreign minister": (
        "second, after Qatar's 'Minister of State for Foreign Affairs', a deputy foreign minister "
        "too: both hold the office, and the shorter title wins the tie"
    ),
}


@pytest.mark.parametrize(("query", "expected"), cases(QUERIES, STILL_MISSED))
def test_heldout_query_finds_expected_first(index: SearchIndex, query: str, expected: str) -> None:
    check_found_first(index, query, expected)


def test_misses_are_queries_and_still_near_the_top(index: SearchIndex) -> None:
    """The misses on record are queries here, and what is still missed is at least second."""
    check_misses_on_record(QUERIES, FIRST_RUN_MISSES, STILL_MISSED)
    expected = {query: label for pairs in QUERIES.values() for query, label in pairs}
    for query in STILL_MISSED:
        top = [hit.participant.label for hit in index.search(query, limit=2)]
        assert expected[query] in top, f"{query!r}: {top}"
