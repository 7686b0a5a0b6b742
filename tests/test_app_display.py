"""User text is shown as data: markup-like text literally, wide and right-to-left text in place."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.style import Style
from textual.visual import Visual

import apptest
from apptest import HOSTILE, notifications, ready, screen_text
from briefing_tui.app import BriefingApp
from briefing_tui.format.model import Participant
from briefing_tui.items import Ref, format_date
from briefing_tui.screens.details import DetailsScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.source import SourceScreen
from briefing_tui.search import FieldKey
from briefing_tui.widgets.lists import ItemList
from briefing_tui.widgets.searchable import SearchableList
from briefing_tui.widgets.text import Hanging, line, participant_row, plain

MARKUP = ["[bold red]x[/]", "[/]", "[link=https://evil.example]click me[/link]", "[@click=app.quit]"]


def make_app(tmp_path: Path, path: Path | None = HOSTILE) -> BriefingApp:
    return apptest.make_app(tmp_path, path)


def screen_lines(pilot: Pilot) -> list[str]:
    return screen_text(pilot).splitlines()


def assert_layout_intact(pilot: Pilot) -> None:
    width = pilot.app.size.width
    for number, text in enumerate(screen_lines(pilot)):
        assert cell_len(text) == width, (number, text)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_markup_like_text_shows_literally(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("4")  # open the participants pane in the compact layout too
        await pilot.pause()
        text = "\n".join(screen_lines(pilot))
        assert "[bold red]x[/]" in text
        # A participant row is one line: at 120 columns this one ends in an ellipsis.
        assert "[@click=app.quit]Side A[/]" in text or "[@click=app.quit]Side …" in text
        assert "[link=https://evil.example]click" in text
        assert app.is_running  # no markup was run: [@click=app.quit] quit nothing
        assert_layout_intact(pilot)


async def test_headline_and_lists_keep_markup_and_scripts(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        text = "\n".join(screen_lines(pilot))
        for literal in [
            "[bold red]Leaders[/] meet; 習近平 and ظریف discuss [link=https://x.test]trade[/link]",
            "[@click=app.quit]Nowhere[/]",
            "The [Daily] Markup",
            "[bold]Not bold[/bold]",
            "[red]Accord[/red] on 🌍 climate",
            "[b]Gala[/b]",
            "習近平  国家主席 · 中国",
            "윤석열  대통령 · 대한민국",
            "Ana 👩‍💻 Lopez",
        ]:
            assert literal in text, literal
        assert_layout_intact(pilot)


async def test_unnamed_participants_are_listed_by_role(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        prompts = [str(o.prompt) for o in screen.participants.item_list.options]
        assert "▌ Spokesperson of the [Ministry] · [@click=app.quit]Side A[/]" in prompts
        assert "▌ Unnamed official" in prompts


async def test_details_and_copy_keep_markup_literal(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4", "enter")
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen)
        text = "\n".join(screen_lines(pilot))
        for literal in [*MARKUP, "Notes with [/] and [@click=app.bell]bell[/] and \\[b]."]:
            assert literal in text, literal
        await pilot.press("y")
        copied = pilot.app.clipboard
        assert copied.startswith("Participant: [bold red]x[/]\n")
        assert "Side: [@click=app.quit]Side A[/]" in copied
        assert_layout_intact(pilot)


async def test_search_for_cjk_and_persian_names(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        people = screen.participants.item_list
        for query, name in [("習近平", "習近平"), ("zarif", "محمد‌جواد ظریف"), ("[bold", "[bold red]x[/]")]:
            await pilot.press("slash", *query)
            await ready(pilot)
            ref = people.current_ref
            assert ref is not None
            assert screen.briefing.participants[ref.index].name == name, query
            assert_layout_intact(pilot)
            await pilot.press("escape")
            await ready(pilot)


async def test_source_with_markup_like_quotes(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await pilot.press("4", "enter", "s")
        await ready(pilot)
        source = pilot.app.screen
        assert isinstance(source, SourceScreen)
        start, end = source.found[0]
        assert source.source[start:end] == "chaired by [bold red]x[/]"
        text = "\n".join(screen_lines(pilot))
        assert "[@click=app.quit]press here[/]" in text
        assert "[link=https://evil.example]click me[/link]" in text
        assert_layout_intact(pilot)


async def test_a_briefing_without_source_says_so(tmp_path: Path) -> None:
    briefing = tmp_path / "plain.yaml"
    briefing.write_text(
        "headline: H\ndate: 2026-02-04\nkey_points: [a point]\n"
        "participants: [{name: A, evidence: a quote}]\n",
        encoding="utf-8",
    )
    async with make_app(tmp_path, briefing).run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("4", "enter", "s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DetailsScreen)
        messages = notifications(pilot.app)
        assert "This briefing has no source file" in messages


async def test_a_long_list_of_people(tmp_path: Path) -> None:
    people = "".join(
        f"  - {{name: Person {i:04d}, role: Role {i % 7}, side: Side {i % 3}}}\n" for i in range(3000)
    )
    path = tmp_path / "many.yaml"
    path.write_text(
        f"headline: Many\ndate: 2026-02-04\nkey_points: [a]\nparticipants:\n{people}",
        encoding="utf-8",
    )
    async with make_app(tmp_path, path).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("4", "G")
        assert screen.participants.item_list.current_ref == Ref("participant", 2999)
        await pilot.press("slash", *"person 2999")
        await ready(pilot)
        assert screen.participants.item_list.current_ref == Ref("participant", 2999)
        assert screen.participants.border_title.startswith("4 Participants (")


async def test_stale_search_results_are_dropped(tmp_path: Path) -> None:
    async with make_app(tmp_path, None).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MainScreen)
        search = screen.participants.searchable
        await pilot.press("slash", *"tok")
        await ready(pilot)
        shown = [o.id for o in search.item_list.options]
        # A result for an older query arrives late: it must not replace the newer one.
        search.post_message(SearchableList.SearchDone(search.generation - 1, "t", [], more=False))
        await pilot.pause()
        assert [o.id for o in search.item_list.options] == shown
        assert search.query_text == "tok"


# -- the pieces, without the app ---------------------------------------------------------------


def test_control_characters_cannot_reach_the_terminal() -> None:
    text = "a\x1b[31mb\x07c\x9bd\u202ee\tf\ng"
    shown = line(text)
    assert len(shown) == len(text)  # match spans stay valid
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "\u202e" not in shown and "\n" not in shown
    assert shown.startswith("a␛[31mb␇c")


def test_dates_read_the_same_in_every_locale() -> None:
    assert format_date(dt.date(2026, 2, 4)) == "Wed 4 Feb 2026"
    assert format_date(dt.date(2025, 12, 28)) == "Sun 28 Dec 2025"


def test_rows_mark_the_matched_characters() -> None:
    person = Participant(name="Kassym-Jomart Tokayev", role="President", aliases=("Tokaev",))
    spans = {FieldKey("name"): ((14, 19),), FieldKey("aliases", 0): ((0, 6),)}
    row = participant_row(person, "$accent", spans)
    marked = [row.body.plain[s.start : s.end] for s in row.body.spans if "reverse" in str(s.style)]
    assert marked == ["Tokay", "Tokaev"]
    assert "aka Tokaev" in row.plain
    # Without a match on the alias, the alias is not shown.
    assert "aka" not in participant_row(person, "$accent", {FieldKey("name"): ((0, 3),)}).plain


def test_rows_wrap_under_the_text_not_the_marker() -> None:
    row = Hanging(Content("• "), plain("a key point that is long enough to wrap twice over"))
    lines = row._wrap(20)[0].plain.split("\n")
    assert len(lines) == row.get_height({}, 20) > 1  # type: ignore[arg-type]
    assert lines[0].startswith("• a key")
    assert all(other.startswith("  ") for other in lines[1:])


async def test_a_participant_row_is_one_line_ending_in_an_ellipsis() -> None:
    person = Participant(name="Name", role="a role that is long enough to wrap twice over")
    row = participant_row(person, "$accent")
    assert row.get_height({}, 20) == 1  # type: ignore[arg-type]
    async with App[None]().run_test() as pilot:
        strips = Visual.to_strips(pilot.app.screen, row, 20, None, Style())
    assert [strip.text for strip in strips] == ["▌ Name  a role that…"]
    assert "wrap twice over" in row.plain  # the details show it all


def test_every_list_kind_addresses_items() -> None:
    assert Ref.from_option_id("participant:3") == Ref("participant", 3)
    assert Ref.from_option_id("nonsense") is None
    assert Ref.from_option_id("kind:3") is None
    assert isinstance(ItemList().current_ref, type(None))
