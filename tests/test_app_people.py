"""The people of a library (`p`), each once, found by any spelling; a person's dossier; opening an
appearance; and Escape and `b` going back to exactly where one was."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot

from apptest import SIZE, library_screen, main_screen, make_app, ready, screen_text, settle
from briefing_tui.items import Ref
from briefing_tui.screens.dossier import DossierScreen
from briefing_tui.screens.people import PeopleScreen
from desk import write_desk


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    return write_desk(tmp_path / "desk")


def people_screen(pilot: Pilot) -> PeopleScreen:
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen), screen
    return screen


def dossier_screen(pilot: Pilot) -> DossierScreen:
    screen = pilot.app.screen
    assert isinstance(screen, DossierScreen), screen
    return screen


def rows(screen: PeopleScreen | DossierScreen) -> list[str]:
    return [str(option.prompt) for option in screen.item_list.options]


def pane_title(screen: PeopleScreen | DossierScreen, pane: str) -> str:
    return Content.from_markup(screen.query_one(pane).border_title or "").plain.rpartition("/")[2]


async def open_people(pilot: Pilot) -> PeopleScreen:
    await ready(pilot)
    await pilot.press("p")
    await ready(pilot)
    return people_screen(pilot)


async def test_p_lists_each_person_once(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        listed = rows(screen)
        # Tokayev is in two briefings, under two roles: one row, the latest role, most briefings first.
        assert listed[0] == (
            "• Kassym-Jomart Tokayev  President of Kazakhstan, Akorda"
            "\n2 briefings · Kazakhstan · 15 Jan 2026 – 10 Mar 2026"
        )
        assert sum("Tokayev" in row for row in listed) == 1
        assert len(listed) == 9
        assert pane_title(screen, "#people-pane") == "desk · 9 people"
        assert "most briefings first" in screen_text(pilot)


@pytest.mark.parametrize("query", ["tokayev", "tokaev", "toqaev", "Токаев"])
async def test_people_are_found_by_any_spelling(tmp_path: Path, desk: Path, query: str) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await pilot.press("slash", *query)
        await ready(pilot)
        assert rows(screen)[0].startswith("• Kassym-Jomart Tokayev")
        assert pane_title(screen, "#people-pane").startswith("desk · ")
        assert " of 9 people" in pane_title(screen, "#people-pane")


async def test_two_people_who_share_a_name_on_opposite_sides_stay_apart(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        await pilot.press("slash", *"ali khan")
        await ready(pilot)
        khans = [row for row in rows(screen) if row.startswith("• Ali Khan")]
        assert len(khans) == 2
        assert {("Pakistan" in row, "India" in row) for row in khans} == {(True, False), (False, True)}


async def test_a_dossier_lists_every_appearance_newest_first(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await pilot.press("enter")
        await ready(pilot)
        dossier = dossier_screen(pilot)
        assert dossier.person.name == "Kassym-Jomart Tokayev"
        first, second = rows(dossier)
        assert first.startswith("Tue 10 Mar 2026  Kazakhstan and China sign energy deals")
        assert "President of Kazakhstan, Akorda · Kazakhstan" in first
        assert "at Talks, Banquet" in first
        assert "“Minister Tokayev said the talks went well”" in first
        assert second.startswith("Thu 15 Jan 2026  Water talks in Almaty")
        assert "Minister of Foreign Affairs · Kazakhstan" in second
        assert pane_title(dossier, "#dossier-pane").endswith("· 2 briefings · 15 Jan 2026 – 10 Mar 2026")
        assert "side: Kazakhstan" in screen_text(pilot)


async def test_enter_on_an_appearance_opens_the_briefing_with_them_selected(
    tmp_path: Path, desk: Path
) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        people = await open_people(pilot)
        await pilot.press("slash", *"ali khan", "enter", "j")  # the second Ali Khan
        await ready(pilot)
        people_row = people.item_list.highlighted
        assert people_row == 1
        await pilot.press("enter")
        await ready(pilot)
        dossier = dossier_screen(pilot)
        [appearance] = dossier.person.appearances
        await pilot.press("enter")
        await ready(pilot)
        main = main_screen(pilot)
        assert main.briefing.path is not None and Path(main.briefing.path).name == appearance.entry.path.name
        assert pilot.app.focused is main.participants.item_list
        assert main.participants.item_list.current_ref == Ref("participant", appearance.position)
        assert main.briefing.participants[appearance.position].name == "Ali Khan"
        # Escape: the dossier, on the same row; Escape again: the people, same query and row.
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is dossier
        assert dossier.item_list.highlighted == 0
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is people
        assert people.search_box.value == "ali khan"
        assert people.item_list.highlighted == people_row
        # b: the briefings, as they were.
        await pilot.press("b")
        await settle(pilot)
        assert pilot.app.screen is library_screen(pilot)


async def test_escape_comes_back_to_the_same_row_of_a_dossier(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await pilot.press("enter")
        await ready(pilot)
        dossier = dossier_screen(pilot)
        await pilot.press("j", "enter")  # the older appearance
        await ready(pilot)
        main = main_screen(pilot)
        assert main.briefing.headline == "Water talks in Almaty"
        assert main.participants.item_list.current_ref == Ref("participant", 0)
        await pilot.press("backspace")
        await settle(pilot)
        assert pilot.app.screen is dossier
        assert dossier.item_list.highlighted == 1


async def test_b_from_a_dossier_goes_back_to_the_briefings(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        await ready(pilot)
        library = library_screen(pilot)
        await pilot.press("slash", *"topic:energy", "enter", "j")
        await ready(pilot)
        await pilot.press("p")
        await ready(pilot)
        await pilot.press("enter")
        await ready(pilot)
        dossier_screen(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert pilot.app.screen is library
        assert library.search_box.value == "topic:energy"
        assert library.item_list.highlighted == 1


async def test_escape_clears_the_people_search_then_goes_back(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=SIZE) as pilot:
        await ready(pilot)
        library = library_screen(pilot)
        people = await open_people(pilot)
        await pilot.press("slash", *"wang", "enter")
        await ready(pilot)
        assert rows(people)[0].startswith("• Wang Yi")
        await pilot.press("escape")  # on the list: clears the search
        await ready(pilot)
        assert people.search_box.value == ""
        assert pilot.app.screen is people
        await pilot.press("escape")  # nothing to clear: back to the briefings
        await settle(pilot)
        assert pilot.app.screen is library
