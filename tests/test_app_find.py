"""Find any text (`f`): in the library and in a briefing, as one types; Enter opens what was found."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from textual.content import Content
from textual.pilot import Pilot

from apptest import library_screen, main_screen, make_app, ready, screen_text, settle
from briefing_tui.items import Ref
from briefing_tui.screens.details import DetailsScreen
from briefing_tui.screens.find import FindResults, FindScreen, kind_label
from briefing_tui.screens.library import LibraryScreen
from briefing_tui.screens.main import MainScreen
from briefing_tui.screens.source import SourceScreen
from briefing_tui.widgets.lists import ItemList
from briefing_tui.widgets.text import MATCH_STYLE, Hanging

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data"
SAMPLE_HEADLINE = "President Zardari confers Nishan-e-Pakistan"

#: A second briefing, each text holding words the sample does not: "pipelines", "corridor", "Ashgabat".
CORRIDOR = """\
headline: Energy corridor talks in Ashgabat
date: 2025-05-01
summary: The ministers discussed a transit corridor for gas pipelines across the Caspian.
key_points:
  - Both sides back a study of the trans-Caspian route.
  - A transit corridor for gas pipelines would open by 2030.
agreements:
  - title: Memorandum on the Caspian corridor
    summary: Sets up a working group on pipelines.
figures:
  - label: Pipeline capacity
    value: 30
    unit: bcm a year
participants:
  - name: Rashid Meredov
    role: Foreign Minister of Turkmenistan
    notes: Chaired the talks; spoke of the Kazakhstán pipeline only in passing.
"""


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """The sample (with its article) and the corridor briefing."""
    folder = tmp_path / "desk"
    folder.mkdir()
    for path in SAMPLE.iterdir():
        shutil.copy(path, folder / path.name)
    (folder / "corridor.yaml").write_text(CORRIDOR, encoding="utf-8")
    return folder


def find_screen(pilot: Pilot) -> FindScreen:
    screen = pilot.app.screen
    assert isinstance(screen, FindScreen), screen
    return screen


async def find(pilot: Pilot, query: str) -> FindScreen:
    """Open find (unless it is open), put `query` in the box in place of what is there (as a
    paste does), and wait for its hits."""
    if not isinstance(pilot.app.screen, FindScreen):
        await pilot.press("f")
        await settle(pilot)
    screen = find_screen(pilot)
    screen.box.value = query
    await settle(pilot)
    return screen


def message(screen: FindScreen) -> str:
    return str(screen.query_one("#find-message").render())


def marked(prompt: object) -> list[str]:
    """The texts of a hit row marked as matches."""
    assert isinstance(prompt, Hanging)
    body: Content = prompt.body
    return [body.plain[span.start : span.end] for span in body.spans if span.style == MATCH_STYLE]


async def test_find_in_the_library_lists_hits_of_every_briefing_as_one_types(
    tmp_path: Path, desk: Path
) -> None:
    async with make_app(tmp_path, desk).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f", *"transit")
        await settle(pilot)
        screen = find_screen(pilot)
        kinds = {kind_label(hit) for hit in screen.hits}
        headlines = {hit.entry.summary.headline for hit in screen.hits if hit.entry.summary}
        assert {"key point", "agreement", "evidence quote", "summary", "source article"} <= kinds
        assert len(headlines) == 2 and "Energy corridor talks in Ashgabat" in headlines
        text = screen_text(pilot)
        assert "Find in" in text and "matches" in message(screen)
        assert "Energy corridor talks in Ashgabat" in text  # the briefing of a hit, under it
        # Typing on: the newest query's hits replace the last ones.
        await pilot.press(*" corridor")
        await settle(pilot)
        assert screen.hits and all(hit.entry.path.name == "corridor.yaml" for hit in screen.hits)


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ('"transit corridor"', {"A transit corridor for gas pipelines would open by 2030."}, set()),
        # A phrase is words in order: "corridor transit" is nowhere.
        ('"corridor transit"', set(), {"A transit corridor for gas pipelines would open by 2030."}),
        ("pipe*", {"Sets up a working group on pipelines.", "Pipeline capacity"}, set()),
        ("pipe", set(), {"Sets up a working group on pipelines."}),
        (
            "transit NOT gas",
            {"Agreement on transit trade"},
            {"A transit corridor for gas pipelines would open by 2030."},
        ),
        (
            "Ashgabat OR Caspian",
            {"Memorandum on the Caspian corridor", "Energy corridor talks in Ashgabat"},
            set(),
        ),
        (
            "(study OR group) AND (route OR pipelines)",
            {"Sets up a working group on pipelines.", "Both sides back a study of the trans-Caspian route."},
            {"A transit corridor for gas pipelines would open by 2030."},
        ),
        (
            "kazakhstan pipeline",
            {"Chaired the talks; spoke of the Kazakhstán pipeline only in passing."},
            set(),
        ),
    ],
)
async def test_phrases_prefixes_and_boolean_terms(
    tmp_path: Path, desk: Path, query: str, found: set[str], not_found: set[str]
) -> None:
    async with make_app(tmp_path, desk).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = await find(pilot, query)
        texts = {hit.snippet for hit in screen.hits}
        assert found <= texts and not (not_found & texts)
        if not found:
            assert not screen.hits and message(screen).startswith("No matches")


async def test_each_hit_marks_its_matches_and_never_reads_markup(tmp_path: Path, desk: Path) -> None:
    (desk / "corridor.yaml").write_text(
        CORRIDOR.replace(
            "- Both sides back a study of the trans-Caspian route.",
            "- '[bold]Both[/] sides [red]back a study of the trans-Caspian route.'",
        ),
        encoding="utf-8",
    )
    async with make_app(tmp_path, desk).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = await find(pilot, '"transit corridor" OR back OR pipe*')
        rows = {
            hit.snippet: screen.results.get_option_at_index(n).prompt for n, hit in enumerate(screen.hits)
        }
        assert marked(rows["A transit corridor for gas pipelines would open by 2030."]) == [
            "transit corridor",
            "pipelines",
        ]
        assert marked(rows["[bold]Both[/] sides [red]back a study of the trans-Caspian route."]) == ["back"]
        assert "[bold]Both[/] sides [red]back" in screen_text(pilot)
        # A match deep in a long text: the snippet starts near it, with an ellipsis.
        screen = await find(pilot, "confrontation")
        [hit] = screen.hits
        assert kind_label(hit) == "source article" and hit.snippet_start > 0
        assert marked(screen.results.get_option_at_index(0).prompt) == ["confrontation"]
        assert str(screen.results.get_option_at_index(0).prompt).split("…", 1)[0].strip() == "source article"


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ('"transit trade', "a quote is not closed"),
        ("transit AND", "AND needs a word or phrase after it"),
        ("NOT transit", "NOT needs a word before it"),
        ("(transit OR trade", "a '(' is not closed"),
        ("transit)", "no '(' before it"),
        ("*", "has no letters or digits to find"),
    ],
)
async def test_a_query_that_cannot_be_read_says_why_under_the_box(
    tmp_path: Path, desk: Path, query: str, why: str
) -> None:
    async with make_app(tmp_path, desk).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = await find(pilot, "transit")
        before = len(screen.hits)
        screen = await find(pilot, query)
        assert why in message(screen) and screen.query_one("#find-message").has_class("-error")
        assert why in screen_text(pilot)
        # The hits of the last query that could be read stay; fixing the query clears the message.
        assert before and screen.results.option_count >= 1
        screen = await find(pilot, "transit")
        assert not screen.query_one("#find-message").has_class("-error") and len(screen.hits) == before


async def test_enter_opens_the_item_found_in_its_briefing_and_escape_goes_back(
    tmp_path: Path, desk: Path
) -> None:
    async with make_app(tmp_path, desk).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = library_screen(pilot)
        screen = await find(pilot, "would open by 2030")
        assert [hit.item for hit in screen.hits] == [Ref("key_point", 1)]
        await pilot.press("enter")  # to the hits
        assert isinstance(screen.focused, FindResults)
        await pilot.press("up")  # back to the query, and down to the hits again
        assert screen.focused is screen.box
        await pilot.press("down")
        assert isinstance(screen.focused, FindResults) and screen.results.highlighted == 0
        await pilot.press("enter")  # open it
        await ready(pilot)
        main = main_screen(pilot)
        assert main.briefing.headline == "Energy corridor talks in Ashgabat"
        assert isinstance(main.focused, ItemList) and main.focused.current_ref == Ref("key_point", 1)
        await pilot.press("escape")
        await ready(pilot)
        assert pilot.app.screen is library
        # `f` again: the last query, found again.
        await pilot.press("f")
        await settle(pilot)
        assert find_screen(pilot).box.value == "would open by 2030" and len(find_screen(pilot).hits) == 1
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is library


async def test_a_match_in_text_the_row_does_not_show_opens_the_details(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await find(pilot, "chaired")  # a participant's notes
        await pilot.press("enter", "enter")
        await ready(pilot)
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen) and details.ref == Ref("participant", 0)
        assert "Chaired the talks" in screen_text(pilot)
        await pilot.press("escape")
        await ready(pilot)
        main = main_screen(pilot)
        assert isinstance(main.focused, ItemList) and main.focused.current_ref == Ref("participant", 0)


async def test_a_match_in_the_article_opens_the_source_view_at_it(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await find(pilot, "trajectory")
        await pilot.press("enter", "enter")
        await ready(pilot)
        source = pilot.app.screen
        assert isinstance(source, SourceScreen) and source.finding
        assert source.find_box.value == "trajectory" and source.matches is not None
        start = source.matches.starts[source.current_match]
        assert source.source[start : start + 10].lower() == "trajectory"
        assert "1 of 1" in screen_text(pilot)
        # Scrolled to it: in the article on view, not only in the find bar.
        body = source.body
        assert body.rows is not None
        row = body.rows.row_of(start)
        for _ in range(300):  # the view scrolls after its layout, which a loaded machine can delay
            if body.scroll_y > 0:
                break
            await pilot.pause(0.01)
        assert 0 < body.scroll_y <= row < body.scroll_y + body.scrollable_content_region.height
        assert sum("trajectory" in line for line in screen_text(pilot).splitlines()) == 2
        await pilot.press("escape", "escape")  # clear the find, close the source
        await ready(pilot)
        assert main_screen(pilot).briefing.headline.startswith(SAMPLE_HEADLINE)


async def test_find_in_a_briefing_finds_only_its_own_texts(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk / "corridor.yaml").run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        main = main_screen(pilot)
        screen = await find(pilot, "transit")
        assert screen.hits and {hit.entry.path.name for hit in screen.hits} == {"corridor.yaml"}
        assert "Find in this briefing" in screen_text(pilot)
        # In reading order: the summary, then the key point.
        assert [kind_label(hit) for hit in screen.hits] == ["summary", "key point"]
        await pilot.press("escape")
        await settle(pilot)
        assert pilot.app.screen is main
        screen = await find(pilot, "corridor")
        assert [kind_label(hit) for hit in screen.hits] == ["headline", "summary", "key point", "agreement"]
        await pilot.press("down", *["down"] * 3, "enter")  # to the hits, then to the agreement's title
        await ready(pilot)
        assert pilot.app.screen is main
        assert isinstance(main.focused, ItemList) and main.focused.current_ref == Ref("agreement", 0)


async def test_find_in_a_briefing_of_the_library(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        library = library_screen(pilot)
        await pilot.press("enter")  # the newest: the sample
        await ready(pilot)
        main = main_screen(pilot)
        screen = await find(pilot, "corridor")
        assert message(screen).startswith("No matches")  # the other briefing's words are not searched
        screen = await find(pilot, '"billionaires in the Kazakh delegation"')
        assert [kind_label(hit) for hit in screen.hits] == ["figure"]
        await pilot.press("enter", "enter")
        await ready(pilot)
        details = pilot.app.screen
        assert isinstance(details, DetailsScreen) and details.ref == Ref("briefing", 0)  # a figure
        await pilot.press("escape", "escape")
        await ready(pilot)
        assert pilot.app.screen is library and isinstance(library, LibraryScreen)
        assert main not in pilot.app.screen_stack


async def test_the_library_and_a_briefing_keep_their_own_last_query(tmp_path: Path, desk: Path) -> None:
    async with make_app(tmp_path, desk).run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await find(pilot, "transit")
        await pilot.press("escape", "enter")
        await ready(pilot)
        assert isinstance(pilot.app.screen, MainScreen)
        await pilot.press("f")
        await settle(pilot)
        assert find_screen(pilot).box.value == ""
        assert "words in any order" in message(find_screen(pilot))


def test_hit_rows_show_the_briefing_only_in_a_library() -> None:
    from briefing_tui.find_one import BriefingFinder
    from briefing_tui.format.loader import load_briefing
    from briefing_tui.screens.find import hit_row

    finder = BriefingFinder(load_briefing(SAMPLE / "pakistan-kazakhstan-state-visit.yaml"))
    [hit] = finder.find('"billionaires in the Kazakh delegation"').hits
    assert re.fullmatch(r"figure +Billionaires in the Kazakh delegation", str(hit_row(hit, library=False)))
    assert "Wed 4 Feb 2026 · President Zardari" in str(hit_row(hit, library=True))
    # In a briefing, a quote or a note says whose it is.
    quote = next(hit for hit in finder.find("billionaires").hits if hit.path[::2] == ("figures", "evidence"))
    assert str(hit_row(quote, library=False)).endswith("\nfigure: Billionaires in the Kazakh delegation")
    note = next(hit for hit in finder.find("billionaires").hits if hit.field == "notes")
    assert str(hit_row(note, library=False)).endswith("\nparticipant: Kazakh business leaders")
