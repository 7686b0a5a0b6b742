"""People found by what readers call them: offices, countries, particles, acronyms, notes; and
the scale of scores. The lists here are small on purpose: each has the person asked for and the
people most easily taken for them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing_tui.format.model import Participant
from briefing_tui.search import FieldKey, SearchIndex
from briefing_tui.search.concepts import OFFICE, countries, offices, parse_forms, parse_table
from briefing_tui.search.fields import FIELDS

P = Participant

PEOPLE = [
    P(name="Téte António", role="Minister of External Relations", side="Angola"),
    P(name="Esmeralda Mendonça", role="Deputy Minister of Foreign Affairs", side="Angola"),
    P(name="Vera Daves de Sousa", role="Minister of Finance", organization="Ministry of Foreign Affairs"),
    P(name="Mauro Vieira", role="Foreign Minister", side="Brazil"),
    P(name="Jean-Noël Barrot", role="Ministre de l'Europe et des Affaires étrangères", side="France"),
    P(name="Sébastien Lecornu", role="Ministre des Armées", side="France"),
    P(name="João Ernesto dos Santos", role="Minister of National Defence", side="Angola"),
    P(name="Luis Manuel da Silva", role="Chief Executive Officer", organization="Sonangol", side="Angola"),
    P(name="Jorge Enrique Sanchez", role="General Manager", side="Spain"),
    P(name="Masoud Pezeshkian", role="President", side="Iran"),
    P(name="Ilham Aliyev", role="President of Azerbaijan", side="Azerbaijan"),
    P(name="Rashid Meredov", role="Deputy Chairman of the Cabinet of Ministers", side="Turkmenistan"),
    P(name="Mohamed bin Zayed Al Nahyan", role="President", side="United Arab Emirates"),
    P(name="Yasser Al-Rumayyan", role="Governor", organization="Public Investment Fund", side="Saudi Arabia"),
    P(name="Roman Starovoit", role="Governor of Kursk Region", side="Russia"),
    P(
        name="Orlando Morais",
        role="Chairman of the Board",
        organization="Agência Nacional do Petróleo, Gás e Biocombustíveis (ANP-STP)",
        side="São Tomé and Príncipe",
    ),
    P(role="Deputy Minister", side="Angola", notes="Identified in other reports as Carlos Mendes Pinto."),
    P(name="Carlos Pinto", role="Driver", side="Portugal"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(PEOPLE)


def first(index: SearchIndex, query: str) -> str:
    hits = index.search(query, limit=5)
    assert hits, f"{query!r} found nobody"
    return hits[0].participant.label


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("fm angola", "Téte António"),
        ("mfa angola", "Téte António"),
        ("angola foreign minister", "Téte António"),
        ("foreign minister france", "Jean-Noël Barrot"),
        ("defence minister france", "Sébastien Lecornu"),
        ("mod angola", "João Ernesto dos Santos"),
        ("ceo angola", "Luis Manuel da Silva"),
        ("iranian president", "Masoud Pezeshkian"),
        ("azerbaijani president", "Ilham Aliyev"),
        ("emirati president", "Mohamed bin Zayed Al Nahyan"),
        ("head of state iran", "Masoud Pezeshkian"),
        ("jes", "João Ernesto dos Santos"),
        ("lms", "Luis Manuel da Silva"),
        ("mbz", "Mohamed bin Zayed Al Nahyan"),
        ("pif", "Yasser Al-Rumayyan"),
        ("pif governor", "Yasser Al-Rumayyan"),
        ("anp", "Orlando Morais"),
        ("anp-stp", "Orlando Morais"),
        ("anpstp", "Orlando Morais"),
        ("mendes pinto", "Deputy Minister"),
        ("rumayan", "Yasser Al-Rumayyan"),
    ],
)
def test_found_first(index: SearchIndex, query: str, expected: str) -> None:
    assert first(index, query) == expected


def test_the_literal_words_rank_above_another_name_for_the_office(index: SearchIndex) -> None:
    names = [hit.participant.name for hit in index.search("foreign minister", limit=5)]
    assert names[:2] == ["Mauro Vieira", "Téte António"]
    # The deputy has the words, but another office: below both foreign ministers.
    assert names.index("Esmeralda Mendonça") > 1


def test_a_country_word_in_an_office_phrase_stays_the_country(index: SearchIndex) -> None:
    names = [hit.participant.name for hit in index.search("iranian president", limit=5)]
    assert "Ilham Aliyev" not in names


def test_a_query_word_means_the_word_not_a_whole_field_office(index: SearchIndex) -> None:
    # "=president" in the table matches a role that is only "President"; the query "king" does not
    # make every president a king, nor does "president" make a king a president.
    assert index.search("king", limit=5) == []


def test_notes_rank_below_every_other_field(index: SearchIndex) -> None:
    hits = index.search("carlos pinto", limit=5)
    assert [h.participant.label for h in hits] == ["Carlos Pinto", "Deputy Minister"]
    assert set(hits[1].spans) == {FieldKey("notes")}
    assert max(spec.weight for spec in FIELDS if spec.key == "notes") < min(
        spec.weight for spec in FIELDS if spec.key != "notes"
    )


def test_spans_show_why(index: SearchIndex) -> None:
    (hit,) = index.search("mfa angola", limit=1)
    role = "Minister of External Relations"
    assert hit.spans[FieldKey("role")] == ((0, len(role)),)
    (hit,) = index.search("jes", limit=1)
    assert hit.spans[FieldKey("name")] == ((0, 1), (5, 6), (17, 18))  # J, E, S: not "dos"
    (hit,) = index.search("pif", limit=1)
    assert hit.spans[FieldKey("organization")] == ((0, 1), (7, 8), (18, 19))


# --- scores ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["Masoud Pezeshkian", "João Ernesto dos Santos", "Yasser Al-Rumayyan"])
def test_an_exact_name_scores_one(index: SearchIndex, name: str) -> None:
    (hit, *_) = index.search(name, limit=3)
    assert (hit.participant.name, hit.score) == (name, 1.0)


def test_other_matches_score_less(index: SearchIndex) -> None:
    surname = index.search("pezeshkian", limit=1)[0].score
    role = index.search("governor", limit=1)[0].score
    note = index.search("mendes", limit=1)[0].score
    assert 1.0 > surname > role > note > 0.0


WORDS = [w for p in PEOPLE for text in (p.name, p.role, p.side) if text for w in text.split()]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*WORDS, "fm", "mfa", "jes", "pif", "ceo", "kazakh", "xq"]), max_size=4))
def test_scores_are_on_the_scale_and_in_rank_order(words: list[str]) -> None:
    hits = SearchIndex(PEOPLE).search(" ".join(words), limit=20)
    scores = [hit.score for hit in hits]
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert scores == sorted(scores, reverse=True)


# --- the tables -------------------------------------------------------------------------------


def tokens(text: str) -> set[str]:
    """The office and country tokens a role gives."""
    from briefing_tui.search.fields import COUNTRIES, OFFICES
    from briefing_tui.search.tokens import tokens as of_field

    return {t for t, _, _ in of_field(text, OFFICES | COUNTRIES) if t.startswith(("~", "@"))}


def office(text: str) -> set[str]:
    return {t for t in tokens(text) if t.startswith(OFFICE)}


def test_the_tables_load_and_name_what_the_issue_asks_for() -> None:
    assert offices().root and countries().root
    fm = office("Minister of Foreign Affairs")
    assert len(fm) == 1
    for same in (
        "Minister of External Relations",
        "UK Foreign Secretary",
        "Ministro das Relações Exteriores",
    ):
        assert office(same) == fm, same
    assert office("Deputy Minister of Foreign Affairs").isdisjoint(fm)
    # In South Asia the Foreign Secretary is the senior civil servant, not the minister.
    assert office("Foreign Secretary").isdisjoint(fm)
    assert tokens("Iranian") == tokens("Iran") == tokens("Islamic Republic of Iran")
    assert tokens("Emirati") == tokens("United Arab Emirates") == tokens("UAE")


def test_a_country_where_someone_serves_is_not_their_side() -> None:
    assert tokens("Embaixadora de Moçambique em Portugal") == tokens("Embaixadora de Moçambique")
    assert tokens("Ambassador of Pakistan to the United Kingdom") == tokens("Ambassador of Pakistan")
    assert tokens("Ambassadeur du Sénégal au Mali") == tokens("Ambassadeur du Sénégal")
    # Not after an article alone: "a Kazakh delegation" is Kazakh.
    assert tokens("Head of a Kazakh delegation") > tokens("Head of delegation")


@pytest.mark.parametrize(
    "role",
    [
        "Deputy Minister of Energy",
        "Vice-Ministra de Energía",
        "Former Minister of Energy",
        "Adviser to the Minister of Energy",
        "Ministre adjoint de l'Énergie",
    ],
)
def test_who_does_not_hold_an_office_is_not_read_as_holding_it(role: str) -> None:
    assert office("Minister of Energy") and office(role).isdisjoint(office("Minister of Energy"))
    # Where a deputy is an office of its own, the table's longer phrase names it.
    assert office("Vice-Ministra dos Negócios Estrangeiros") == office("Deputy Foreign Minister")


@pytest.mark.parametrize(
    ("title", "same"),
    [
        # Other genders
        ("Vice-Ministra dos Negócios Estrangeiros", "Vice-Ministro dos Negócios Estrangeiros"),
        ("Primera Ministra", "Primer Ministro"),
        ("Embaixadora", "Embaixador"),
        ("Botschafterin", "Botschafter"),
        ("Encargada de Negocios", "Encargado de Negocios"),
        ("Présidente de la République", "Président de la République"),
        # Other languages, elided articles and possessives
        ("Ministre de l'Énergie", "Minister of Energy"),
        ("Bundesministerin für Wirtschaft", "Minister of Economy"),
        ("Ministra de Hacienda", "Minister of Finance"),
        ("Ministre fédéral de l'Énergie", "Minister of Energy"),
        ("Iran's Foreign Minister", "Foreign Minister of Iran"),
        ("Ambassadeur d'Allemagne", "Ambassador of Germany"),
    ],
)
def test_a_title_in_another_form_or_language_names_the_same_office(title: str, same: str) -> None:
    assert office(title) and tokens(title) == tokens(same)


def test_a_minister_of_several_portfolios_holds_each() -> None:
    held = office("Ministre de l'Industrie, des Mines et de l'Énergie")
    assert office("Minister of Mines") | office("Minister of Energy") <= held
    assert office("Ministro do Desenvolvimento, Indústria, Comércio e Serviços") >= office("Trade Minister")
    # A longer phrase from the first word keeps its meaning: no foreign minister in a junior one.
    assert office("Minister of State for Foreign Affairs").isdisjoint(office("Foreign Minister"))


def test_a_deputy_is_found_as_a_deputy() -> None:
    people = [
        P(name="Rosa Quispe", role="Ministra de Comercio Exterior y Turismo", side="Perú"),
        P(name="Javier Heros", role="Viceministro de Comercio Exterior", side="Perú"),
        P(name="Ana Silva", role="Deputy Minister of Trade", side="Chile"),
    ]
    index = SearchIndex(people)
    assert first(index, "peru trade minister") == "Rosa Quispe"
    assert first(index, "peru deputy trade minister") == "Javier Heros"
    assert first(index, "chile deputy trade minister") == "Ana Silva"
    assert office("Viceministro de Comercio Exterior") == office("Deputy Minister of Trade")


def test_initials_skip_spanish_and_dutch_particles() -> None:
    index = SearchIndex([P(name="Javier Alonso de los Heros Bustamante"), P(name="Jan van het Hof")])
    assert first(index, "jahb") == "Javier Alonso de los Heros Bustamante"
    assert first(index, "jh") == "Jan van het Hof"


def test_acronyms_read_past_elided_articles() -> None:
    index = SearchIndex(
        [P(name="Hichem Ben Ammar", organization="Société Tunisienne de l'Électricité et du Gaz")]
    )
    assert first(index, "steg") == "Hichem Ben Ammar"


def test_a_charge_d_affaires_is_not_an_ambassador() -> None:
    assert office("Chargé d'affaires a.i.") == office("Encargada de Negocios")
    assert office("Chargé d'affaires").isdisjoint(office("Ambassador"))


def test_office_words_rank_the_holders_above_initials() -> None:
    people = [
        P(name="Fernando Matola", role="Director"),
        P(name="Dilshod Rakhimov", role="Ministro de Relaciones Exteriores"),
        P(name="Narendra Modi", role="Prime Minister", side="India"),
        P(name="Rajnath Singh", role="Minister of Defence", side="India"),
    ]
    index = SearchIndex(people)
    assert [hit.participant.name for hit in index.search("fm")] == ["Dilshod Rakhimov", "Fernando Matola"]
    assert [hit.participant.name for hit in index.search("mod")][:2] == ["Rajnath Singh", "Narendra Modi"]
    # A name's initials still come first where nobody holds the office.
    assert first(SearchIndex(people[:1]), "fm") == "Fernando Matola"


def test_a_bad_forms_line_says_where() -> None:
    assert parse_forms("# c\nministro | ministra\n") == {"ministra": "ministro"}
    with pytest.raises(ValueError, match=r"f\.txt:1: a line is one word"):
        parse_forms("ministro\n", name="f.txt")
    with pytest.raises(ValueError, match=r"f\.txt:2: 'x' is already a form of 'a'"):
        parse_forms("a | x\nb | x\n", name="f.txt")


def test_a_bad_table_line_says_where() -> None:
    with pytest.raises(ValueError, match=r"t\.txt:2: .* has no words but fillers"):
        parse_table("[x] fine\n of the \n", "~", name="t.txt")
    with pytest.raises(ValueError, match=r"t\.txt:1: a phrase before the first \[id\]"):
        parse_table("stray\n", "~", name="t.txt")


TITLES = st.sampled_from(
    "Minister of Foreign Affairs|Embaixadora|de|Moçambique|em|Portugal|ANP-STP|Public Investment Fund"
    "|Iranian|Vice-Ministra|(|)|,|al|President|of|the|Ministère|Токаев|習近平|O'Brien|2026".split("|")
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TITLES, max_size=8), st.sampled_from([0, 1, 2, 3, 4, 5, 6, 7]))
def test_the_index_reads_a_field_as_its_highlighter_does(parts: list[str], vocabulary: int) -> None:
    """`analyse` (the build's fast path) gives the tokens `tokens` (spans, highlights) gives."""
    from briefing_tui.search.fold import words
    from briefing_tui.search.tokens import analyse, tokens

    text = " ".join(parts)
    found, count = analyse(text, vocabulary)
    assert set(found) == {token for token, _, _ in tokens(text, vocabulary)}
    assert count == sum(1 for _ in words(text, split_han=False))
