"""Warnings: each fires where an author would want it, at the item's PATH:LINE:COL, and not where
the file is right; the config turns them off; the browser opens a briefing that has only warnings."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from apptest import make_app, ready, screen_text
from briefing_tui.checking import check_file
from briefing_tui.config import load_config
from briefing_tui.format.loader import load_briefing
from briefing_tui.format.quotes import locate_quotes
from briefing_tui.format.tap import tap, tapped
from briefing_tui.format.warnings import WARNINGS
from briefing_tui.paths import sample_path
from briefing_tui.screens.main import MainScreen

HEAD = "headline: H\ndate: 2026-02-04\n"
ARTICLE = "Today the leaders met.\nThey signed a roadmap on trade.\nLater the leaders met again.\n"


def warnings(bdir, content: str, article: str | None = ARTICLE) -> list[str]:
    """`check`'s text line for each warning of `content` (which must have no errors)."""
    if article is not None:
        bdir.write(article, "article.txt")
    name = bdir.write(content)
    _, found = check_file(name, 1 << 20)
    assert all(p.severity == "warning" for p in found), [str(p) for p in found]
    return [f"{p}  [{p.code}]" for p in found]


def with_source(body: str) -> str:
    return HEAD + "source:\n  file: article.txt\n" + body


# -- participant-present-nowhere ------------------------------------------------------------------


def test_a_named_participant_without_present_at_is_present_nowhere(bdir):
    found = warnings(
        bdir,
        HEAD + "key_points: [a]\nevents:\n  - name: talks\n  - name: dinner\n"
        "participants:\n  - name: A\n    present_at: [talks]\n  - name: B\n    role: Minister\n",
        article=None,
    )
    assert found == [
        "b.yaml:10:5: participant 'B' is present at no event (events: 'talks', 'dinner'): add present_at "
        "with the events they attended, or present_at: [] if none or the article does not say"
        "  [participant-present-nowhere]"
    ]


@pytest.mark.parametrize(
    "participants",
    [
        "  - name: B\n    present_at: []\n",  # said: none, or the article does not say
        "  - role: Business leaders\n",  # a group, or an unnamed official
        "  - name: B\n    present_at: [talks]\n",
    ],
)
def test_present_nowhere_does_not_fire_when_accounted_for(bdir, participants):
    content = HEAD + "key_points: [a]\nevents:\n  - name: talks\nparticipants:\n" + participants
    assert warnings(bdir, content, article=None) == []


def test_present_nowhere_needs_events(bdir):
    assert warnings(bdir, HEAD + "key_points: [a]\nparticipants: [{name: B}]\n", article=None) == []


# -- quote-ambiguous --------------------------------------------------------------------------------


def test_a_quote_found_twice_is_ambiguous_with_the_lines_of_both(bdir):
    content = with_source(
        "key_points:\n  - text: a\n    evidence: [the leaders met, They signed a roadmap]\n"
        "participants: [{name: A}]\n"
    )
    assert warnings(bdir, content) == [
        "b.yaml:7:16: evidence 'the leaders met' occurs 2 times in 'article.txt' (lines 1, 3): the "
        "source view highlights the first; quote more of the passage to make it unique  [quote-ambiguous]"
    ]


def test_quotes_are_compared_as_the_source_view_compares_them(bdir):
    # Curly and straight quotes, dashes, runs of white space and line breaks: all the same.
    article = "He said \u201cwe agree\u201d \u2013 twice.\nHe  said\n\"we agree\" - twice.\nHe said 'we'\n"
    content = with_source(
        "key_points:\n  - text: a\n    evidence: 'He said \"we agree\" - twice'\nparticipants: [{name: A}]\n"
    )
    found = warnings(bdir, content, article=article)
    assert len(found) == 1 and "occurs 2 times" in found[0] and "(lines 1, 2)" in found[0]
    # The first of them is the one the source view highlights.
    first = locate_quotes(unicodedata.normalize("NFC", article), ['He said "we agree" - twice'])[0]
    assert first is not None and article.count("\n", 0, first[0]) + 1 == 1


def test_overlapping_occurrences_count(bdir):
    content = with_source("key_points:\n  - text: a\n    evidence: abab\nparticipants: [{name: A}]\n")
    assert "occurs 2 times" in warnings(bdir, content, article="x ababab y\n")[0]


def test_a_quote_found_once_is_not_ambiguous(bdir):
    content = with_source(
        "key_points:\n  - text: a\n    evidence: [Today the leaders met, the leaders met again]\n"
        "participants: [{name: A}]\n"
    )
    assert warnings(bdir, content) == []  # "the leaders met" is twice, but within longer quotes


# -- key-point-without-evidence ---------------------------------------------------------------------


def test_a_key_point_without_evidence_is_said_when_there_is_a_source(bdir):
    content = with_source(
        "key_points:\n  - A plain point\n  - text: with evidence\n    evidence: They signed\n"
        "  - text: mapped, without\nparticipants: [{name: A}]\n"
    )
    assert warnings(bdir, content) == [
        "b.yaml:6:5: key point 'A plain point' has no evidence: add the words of 'article.txt' that "
        "support it under evidence  [key-point-without-evidence]",
        "b.yaml:9:5: key point 'mapped, without' has no evidence: add the words of 'article.txt' that "
        "support it under evidence  [key-point-without-evidence]",
    ]


def test_key_points_need_no_evidence_without_a_source(bdir):
    assert warnings(bdir, HEAD + "key_points: [a, {text: b}]\nparticipants: [{name: A}]\n", None) == []


# -- agreement-party-not-a-side ---------------------------------------------------------------------

PEOPLE = (
    "participants:\n  - name: A\n    side: Pakistan\n  - name: B\n    side: Türkiye\n"
    "  - name: C\n    organization: Samruk-Kazyna JSC\n    side: the Kazakh delegation\n"
)


def agreement(*parties: str) -> str:
    return (
        HEAD
        + "key_points: [a]\nagreements:\n  - title: Roadmap\n    parties:\n"
        + "".join(f"      - {party}\n" for party in parties)
    )


def test_a_party_that_is_no_side_is_said_with_the_closest_side(bdir):
    found = warnings(bdir, agreement("Pakistn", "Atlantis") + PEOPLE, article=None)
    sides = "sides: 'Pakistan', 'Türkiye', 'the Kazakh delegation'"
    assert found == [
        f"b.yaml:7:9: party 'Pakistn' of 'Roadmap' is no participant's side or organization ({sides}); "
        "did you mean 'Pakistan'?  [agreement-party-not-a-side]",
        f"b.yaml:8:9: party 'Atlantis' of 'Roadmap' is no participant's side or organization ({sides})"
        "  [agreement-party-not-a-side]",
    ]


@pytest.mark.parametrize(
    "party",
    [
        "Pakistan",
        "PAKISTAN",
        "Turkiye",  # accents aside
        "The Republic of Türkiye",  # a side, word for word, within the party
        "Kazakh",  # a party within a side
        "samruk-kazyna jsc",  # an organization
    ],
)
def test_a_party_among_the_sides_is_not_said(bdir, party):
    assert warnings(bdir, agreement(party) + PEOPLE, article=None) == []


def test_parties_are_not_compared_when_no_participant_has_a_side(bdir):
    assert warnings(bdir, agreement("Atlantis") + "participants: [{name: A}]\n", article=None) == []


# -- all of them ------------------------------------------------------------------------------------


def test_the_bundled_sample_has_no_warnings():
    assert check_file(str(sample_path()), 1 << 25)[1] == ()


def test_every_warning_id_is_documented():
    docs = (Path(__file__).resolve().parents[1] / "docs" / "format.md").read_text(encoding="utf-8")
    assert all(f"`{warning}`" in docs for warning in WARNINGS)


def test_warnings_are_only_looked_for_in_files_without_errors(bdir):
    bdir.write(ARTICLE, "article.txt")
    name = bdir.write(with_source("key_points: [a]\nparticipants: [{name: A}]\nbad: 1\n"))
    assert [p.code for p in check_file(name, 1 << 20)[1]] == ["unknown-key"]


def test_the_tap_keeps_nothing_outside_a_tapped_block(bdir):
    tap({"a": 1}, None, "")  # no one is listening: nothing happens
    with tapped() as seen:
        load_briefing(bdir.write(HEAD + "key_points: [a]\nparticipants: [{name: A}]\n"))
    assert len(seen) == 1 and seen[0][0]["headline"] == "H"


# -- the config -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "off"),
    [
        (
            "warnings:\n  off: [quote-ambiguous, key-point-without-evidence]\n",
            {"quote-ambiguous", "key-point-without-evidence"},
        ),
        ("warnings:\n  off: quote-ambiguous\n", {"quote-ambiguous"}),
        ('warnings:\n  "off": [all]\n', set(WARNINGS)),
        ("warnings:\n  quote-ambiguous: off\n  participant-present-nowhere: on\n", {"quote-ambiguous"}),
        ("warnings: off\n", set(WARNINGS)),
        ("theme: nord\n", set()),
    ],
)
def test_the_config_turns_warnings_off(tmp_path, text, off):
    (tmp_path / "config.yaml").write_text(text)
    config = load_config(tmp_path / "config.yaml")
    assert config.problems == []
    assert config.warnings_off == off


def test_an_unknown_warning_id_in_the_config_is_said_with_the_closest(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("warnings:\n  off: [quote-ambigous, nonsense]\n  key-point-without-evidenc: off\n")
    config = load_config(path)
    assert config.warnings_off == frozenset()
    assert config.problems == [
        f"{path}: warnings: off: unknown warning id 'quote-ambigous'; did you mean 'quote-ambiguous'?",
        f"{path}: warnings: off: unknown warning id 'nonsense' (ids: {', '.join(WARNINGS)})",
        f"{path}: warnings: unknown warning id 'key-point-without-evidenc'; did you mean "
        "'key-point-without-evidence'?",
    ]


def test_a_wrong_warnings_setting_is_said(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("warnings: [quote-ambiguous]\n")
    assert load_config(path).problems == [
        f"{path}: warnings: expected 'off: [warning ids]' or 'ID: off' for each, found a list"
    ]


# -- the browser ------------------------------------------------------------------------------------


async def test_the_browser_opens_a_briefing_that_has_only_warnings(bdir, tmp_path: Path):
    bdir.write(ARTICLE, "article.txt")
    name = bdir.write(
        with_source(
            "key_points:\n  - Unsupported point\nevents:\n  - name: talks\n"
            "participants:\n  - name: Absent Person\n"
        )
    )
    assert {p.code for p in check_file(name, 1 << 20)[1]} == {
        "key-point-without-evidence",
        "participant-present-nowhere",
    }
    app = make_app(tmp_path, Path(name))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert isinstance(pilot.app.screen, MainScreen)
        assert "Absent Person" in screen_text(pilot)


def test_check_help_lists_every_warning(capsys):
    from briefing_tui.cli import main

    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = capsys.readouterr().out
    assert all(f"  {warning}  " in out for warning in WARNINGS)


def test_warnings_are_placed_alike_with_and_without_the_positions_read(bdir):
    """The loader's fast path reads no positions: the warnings found on its values are placed by
    reading the text again, at the same lines and columns as on the positioned tree."""
    from briefing_tui.format.warnings import briefing_warnings
    from briefing_tui.format.yamltree import read_tree

    bdir.write(ARTICLE + "Today the leaders met.\n", "article.txt")
    text = with_source(
        "key_points: [a point, another]\n"
        "events: [{name: talks}]\n"
        "agreements: [{title: Roadmap, parties: [Atlantis]}]\n"
        "participants:\n  - name: A\n    side: Kazakhstan\n    evidence: [Today the leaders met]\n"
    )
    data, pos = read_tree(text, [])
    source = ARTICLE + "Today the leaders met.\n"
    with_positions = briefing_warnings(data, pos, "b.yaml", source)
    without = briefing_warnings(read_tree(text, [])[0], None, "b.yaml", source, text=text)
    assert len(with_positions) >= 4
    assert [(p.line, p.column, p.code) for p in without] == [
        (p.line, p.column, p.code) for p in with_positions
    ]
    assert all(p.line for p in without)
