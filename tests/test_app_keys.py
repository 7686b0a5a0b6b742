"""Every key of the app, driven through Pilot on the bundled sample."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from apptest import SIZE, main_screen, make_app, open_source, ready, screen_text, settle
from briefing_tui import items
from briefing_tui.items import ITEM_KINDS, Ref
from briefing_tui.keys import help_groups
from briefing_tui.screens.details import DetailsScreen
from briefing_tui.screens.help import HelpScreen
from briefing_tui.screens.main import PANE_IDS, MainScreen
from briefing_tui.screens.source import SourceScreen
from briefing_tui.widgets.lists import ItemList, Pane, ScrollBox


def focused_id(pilot: Pilot) -> str | None:
    focused = pilot.app.focused
    return focused.id if focused is not None else None


def participant_index(screen: MainScreen, name: str) -> int:
    return next(i for i, p in enumerate(screen.briefing.participants) if p.name == name)


async def test_starts_on_the_sample_with_focus_on_a_list(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        assert screen.briefing.headline.startswith("President Zardari confers")
        assert isinstance(app.focused, ItemList)
        assert not isinstance(app.focused, Input)
        titles = [pane.border_title for pane in screen.query(".pane")]
        count = len(screen.briefing.participants)
        assert titles == [
            "1 Headline",
            f"2 Key points ({len(screen.briefing.key_points)})",
            f"3 Agreements · Events ({len(screen.briefing.agreements)} · {len(screen.briefing.events)})",
            f"4 Participants ({count})",
        ]


async def test_tab_and_shift_tab_cycle_the_panes(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        seen = []
        for _ in range(4):
            await pilot.press("tab")
            seen.append(focused_id(pilot))
        assert seen == ["agreements", "participants", "headline", "key-points"]
        await pilot.press("shift+tab")
        assert focused_id(pilot) == "headline"
        await pilot.press("shift+tab")
        assert focused_id(pilot) == "participants"


async def test_number_keys_jump_to_panes(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        for key, widget_id in [
            ("4", "participants"),
            ("1", "headline"),
            ("3", "agreements"),
            ("2", "key-points"),
        ]:
            await pilot.press(key)
            assert focused_id(pilot) == widget_id
            pane = pilot.app.focused.query_ancestor(".pane")
            assert pane.has_class("-active")


@pytest.mark.parametrize(
    ("down", "up", "first", "last"), [("j", "k", "g", "G"), ("down", "up", "home", "end")]
)
async def test_moving_in_a_list(tmp_path: Path, down: str, up: str, first: str, last: str) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("4")
        people = pilot.app.focused
        assert isinstance(people, ItemList)
        assert people.highlighted == 0
        await pilot.press(down, down)
        assert people.highlighted == 2
        await pilot.press(up)
        assert people.highlighted == 1
        await pilot.press(last)
        assert people.highlighted == people.option_count - 1
        await pilot.press(first)
        assert people.highlighted == 0


async def test_headings_are_skipped_and_events_reachable(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("3")
        agreements = pilot.app.focused
        assert isinstance(agreements, ItemList)
        assert agreements.current_ref == Ref("agreement", 0)
        await pilot.press("G")
        screen = main_screen(pilot)
        assert agreements.current_ref == Ref("event", len(screen.briefing.events) - 1)
        await pilot.press("enter")
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen)
        assert details.ref.kind == "event"


async def test_the_headline_pane_scrolls_and_opens(tmp_path: Path) -> None:
    # Narrow enough that the sample's headline block wraps past the pane: there is something to scroll.
    async with make_app(tmp_path).run_test(size=(44, 20)) as pilot:
        await ready(pilot)
        await pilot.press("1")
        body = pilot.app.focused
        assert isinstance(body, ScrollBox)
        await pilot.pause()
        assert body.max_scroll_y >= 2, "the headline must overflow its pane for this test to mean anything"
        await pilot.press("j")
        await pilot.pause()
        assert body.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, DetailsScreen)
        assert pilot.app.screen.ref == Ref("briefing", 0)


async def test_every_kind_of_item_has_its_place_on_the_main_screen(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        for kind in ITEM_KINDS.values():
            ref = items.refs(screen.briefing, kind)[-1]
            screen.jump_to(ref)
            await pilot.pause()
            assert focused_id(pilot) == kind.main_id
            assert screen.focused_ref() == ref


async def test_search_filters_live_and_highlights_matches(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        await pilot.press("slash")
        assert focused_id(pilot) == "search"
        await pilot.press(*"tokay")
        await settle(pilot)
        pane = screen.participants
        people = pane.item_list
        tokayev = participant_index(screen, "Kassym-Jomart Tokayev")
        assert people.get_option_at_index(0).id == f"participant:{tokayev}"
        assert (
            pane.border_title
            == f"4 Participants ({people.option_count} of {len(screen.briefing.participants)})"
        )
        assert people.option_count < len(screen.briefing.participants)
        prompt = people.get_option_at_index(0).prompt
        marked = [prompt.body.plain[s.start : s.end] for s in prompt.body.spans if "reverse" in str(s.style)]
        assert any("Tokay" in text for text in marked), marked
        # Still typing in the box: the list is filtered, focus stays put.
        assert focused_id(pilot) == "search"


async def test_enter_in_search_goes_to_first_hit_and_enter_opens_it(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        await pilot.press("slash", *"sherry")
        await settle(pilot)
        await pilot.press("enter")
        assert focused_id(pilot) == "participants"
        sherry = participant_index(screen, "Sherry Rehman")
        assert screen.participants.item_list.current_ref == Ref("participant", sherry)
        await pilot.press("enter")
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen)
        assert details.ref == Ref("participant", sherry)


async def test_escape_in_search_clears_it_and_returns_to_the_list(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        total = len(screen.briefing.participants)
        await pilot.press("slash", *"tokayev")
        await settle(pilot)
        assert screen.participants.item_list.option_count < total
        await pilot.press("escape")
        await settle(pilot)
        assert focused_id(pilot) == "participants"
        assert screen.participants.search_box.value == ""
        assert screen.participants.item_list.option_count == total
        # The person found stays highlighted in the full list.
        tokayev = participant_index(screen, "Kassym-Jomart Tokayev")
        assert screen.participants.item_list.current_ref == Ref("participant", tokayev)


async def test_escape_on_the_list_clears_a_search(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        await pilot.press("slash", *"senator")
        await settle(pilot)
        await pilot.press("enter")
        assert focused_id(pilot) == "participants"
        await pilot.press("escape")
        await settle(pilot)
        assert screen.participants.item_list.option_count == len(screen.briefing.participants)
        assert focused_id(pilot) == "participants"


async def test_rows_keep_their_height_when_a_scrollbar_comes_with_them(tmp_path: Path) -> None:
    # A list measures its rows when they are set; the scrollbar they bring narrows them after.
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("4")
        shown = screen_text(pilot)
        await pilot.resize_terminal(SIZE[0] - 1, SIZE[1])  # measures every row again
        await pilot.resize_terminal(*SIZE)
        await ready(pilot)
        before = screen_text(pilot)
        assert before == shown
        await pilot.press("slash", *"tokayev")
        await ready(pilot)
        assert screen_text(pilot) != before
        await pilot.press("escape")
        await ready(pilot)
        assert screen_text(pilot) == before


async def test_keys_typed_in_one_burst_follow_focus(tmp_path: Path) -> None:
    """'/tok' arriving in one read: the letters must land in the search box, not the old list."""
    from textual import events

    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        app = pilot.app
        for key, char in [("slash", "/"), ("t", "t"), ("o", "o"), ("k", "k")]:
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert main_screen(pilot).participants.search_box.value == "tok"
        people = main_screen(pilot).participants.item_list
        for key, char in [("escape", None), ("j", "j")]:
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert main_screen(pilot).participants.search_box.value == ""
        assert focused_id(pilot) == "participants"
        # Escape left the cursor on the person found; j moved it on, once, in the list.
        tokayev = participant_index(main_screen(pilot), "Kassym-Jomart Tokayev")
        assert people.highlighted == tokayev + 1


async def test_a_key_typed_after_a_pane_key_in_one_burst_runs_there(tmp_path: Path) -> None:
    from textual import events

    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("4")
        for key in ["2", "j", "j"]:
            pilot.app.post_message(events.Key(key, key))
        await settle(pilot)
        assert focused_id(pilot) == "key-points"
        assert main_screen(pilot).query_one("#key-points", ItemList).highlighted == 2
        assert main_screen(pilot).participants.item_list.highlighted == 0


async def test_participant_details_show_every_field_and_evidence(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        tokayev = participant_index(screen, "Kassym-Jomart Tokayev")
        screen.jump_to(Ref("participant", tokayev))
        await pilot.press("enter")
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen)
        labels = [str(w.render()) for w in details.query(".field-label")]
        assert labels == ["Name", "Role", "Organisation", "Side", "Aliases", "Present at", "Notes"]
        values = "\n".join(str(w.render()) for w in details.query(".field-value"))
        person = screen.briefing.participants[tokayev]
        for alias in person.aliases:
            assert alias in values
        quotes = [str(w.render()) for w in details.query(".quote")]
        assert len(quotes) == len(person.evidence)
        assert person.evidence[0] in quotes[0]
        related = details.query_one("#related", ItemList)
        assert related.option_count == len(person.present_at)


async def test_event_details_list_attendees_and_open_them(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        event = next(i for i, e in enumerate(screen.briefing.events) if e.name == "state banquet")
        screen.jump_to(Ref("event", event))
        await pilot.press("enter")
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen)
        attendees = screen.briefing.attendees("state banquet")
        related = details.query_one("#related", ItemList)
        assert related.option_count == len(attendees) > 0
        await pilot.press("tab")
        assert pilot.app.focused is related
        await pilot.press("enter")
        assert isinstance(pilot.app.screen, DetailsScreen)
        assert pilot.app.screen.ref.kind == "participant"
        await pilot.press("escape")
        assert pilot.app.screen is details
        await pilot.press("escape")
        assert pilot.app.screen is screen


async def test_source_shows_the_quote_highlighted_and_in_view(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        # A participant quoted near the end of the article: the view must scroll to it.
        dar = participant_index(screen, "Mohammad Ishaq Dar")
        screen.jump_to(Ref("participant", dar))
        await pilot.press("enter", "s")
        await settle(pilot)
        source = pilot.app.screen
        assert isinstance(source, SourceScreen)
        assert source.found and None not in source.spans
        start, end = source.found[0]
        quote = screen.briefing.participants[dar].evidence[0]
        assert " ".join(source.source[start:end].split()) == " ".join(quote.split())
        body = source.body
        assert body.scroll_y > 0 and body.rows is not None
        visible = body.scrollable_content_region.height
        line = body.rows.row_of(start)
        assert body.scroll_y <= line < body.scroll_y + visible
        assert " ".join(quote.split()[:4]) in screen_text(pilot)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, DetailsScreen)


async def test_next_and_previous_quote(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        source = await open_source(pilot)
        assert source.current == 0
        await pilot.press("n")
        assert source.current == 1
        await pilot.press("N")
        assert source.current == 0
        await pilot.press("N")
        assert source.current == len(source.found) - 1


async def test_help_lists_every_binding(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        help_screen = pilot.app.screen
        assert isinstance(help_screen, HelpScreen)
        text = "\n".join(str(w.render()) for w in help_screen.query(".keys"))
        for _, group in help_groups():
            for key in group:
                assert key.id in text
                assert key.description
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, MainScreen)


async def test_q_quits_with_status_zero(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_q_in_the_search_box_is_typed_not_quit(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("slash", "q")
        await settle(pilot)
        assert app.is_running
        assert main_screen(pilot).participants.search_box.value == "q"


async def test_palette_jumps_to_a_participant(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        await pilot.press("ctrl+p")
        assert isinstance(pilot.app.screen, CommandPalette)
        await pilot.press(*"sherry rehman")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is screen
        sherry = participant_index(screen, "Sherry Rehman")
        assert focused_id(pilot) == "participants"
        assert screen.participants.item_list.current_ref == Ref("participant", sherry)


@pytest.mark.parametrize(
    ("query", "name"), [("Токаев", "Kassym-Jomart Tokayev"), ("jakupov", "Nurlan Zhakupov")]
)
async def test_palette_finds_people_under_any_spelling(tmp_path: Path, query: str, name: str) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*query)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.participants.item_list.current_ref == Ref(
            "participant", participant_index(screen, name)
        )


@pytest.mark.parametrize(
    ("query", "kind", "widget_id"),
    [("state banquet", "event", "agreements"), ("Roadmap for Trade", "agreement", "agreements")],
)
async def test_palette_jumps_to_events_and_agreements(
    tmp_path: Path, query: str, kind: str, widget_id: str
) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *query)
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert focused_id(pilot) == widget_id
        ref = pilot.app.focused.current_ref
        assert ref is not None and ref.kind == kind


async def test_palette_jump_clears_a_search_that_hides_the_target(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        await pilot.press("slash", *"tokayev")
        await settle(pilot)
        sherry = participant_index(screen, "Sherry Rehman")
        screen.jump_to(Ref("participant", sherry))
        await settle(pilot)
        assert screen.participants.search_box.value == ""
        assert screen.participants.item_list.current_ref == Ref("participant", sherry)


async def test_y_copies_the_focused_item(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        await pilot.press("4", "j", "y")
        person = screen.briefing.participants[1]
        copied = pilot.app.clipboard
        assert copied.startswith(f"Participant: {person.label}\n")
        assert f"Role: {person.role}" in copied
        assert person.evidence[0] in copied
        await pilot.press("2", "y")
        assert pilot.app.clipboard.startswith(f"Key point: {screen.briefing.key_points[0].text}")
        await pilot.press("enter", "y")
        assert pilot.app.clipboard.startswith("Key point: ")


async def test_clicking_an_item_opens_it(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.click("#participants", offset=(5, 0))
        await pilot.pause()
        assert isinstance(pilot.app.screen, DetailsScreen)
        assert pilot.app.screen.ref == Ref("participant", 0)


async def test_clicking_the_search_box_focuses_it(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.click("#search")
        assert focused_id(pilot) == "search"


async def test_compact_layout_opens_only_the_focused_pane(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        assert screen.has_class("-compact")
        panes = {pane.id: pane for pane in screen.query(".pane")}
        assert panes["key-points-pane"].size.height > 3
        assert all(p.outer_size.height == 3 for i, p in panes.items() if i != "key-points-pane")
        assert panes["participants-pane"].border_subtitle == "4 to open"
        await pilot.press("4")
        await pilot.pause()
        assert panes["participants-pane"].outer_size.height > 3
        assert panes["key-points-pane"].outer_size.height == 3
        # Everything on screen fits: every pane lies within the screen.
        for pane in panes.values():
            assert screen.region.contains_region(pane.region)


@pytest.mark.parametrize(("size", "rows"), [((40, 12), 6), ((60, 15), 9), ((80, 24), 12), ((120, 40), 6)])
async def test_the_focused_pane_gets_the_rows(tmp_path: Path, size: tuple[int, int], rows: int) -> None:
    """However small the terminal, the focused pane shows content; closed panes keep their title."""
    async with make_app(tmp_path).run_test(size=size) as pilot:
        await ready(pilot)
        screen = main_screen(pilot)
        for number, pane_id in enumerate(PANE_IDS, 1):
            await pilot.press(str(number))
            await ready(pilot)
            pane = screen.query_one(f"#{pane_id}")
            assert pane.has_class("-active")
            assert pane.size.height >= rows, (number, pane.size)
            text = screen_text(pilot)
            for other in screen.query(Pane):
                assert screen.region.contains_region(other.region)
                assert f"{other.border_title}" in text
            if number == 4:
                assert "Asif Ali Zardari" in text
