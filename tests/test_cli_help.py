"""`briefing-tui --help` lists every subcommand with examples, and says how to turn colours off."""

from __future__ import annotations

import pytest

from briefing_tui.cli import SUBCOMMANDS, main


def test_help_shows_subcommands_and_examples(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for name in SUBCOMMANDS:
        assert f"briefing-tui {name} " in out
    assert "examples:" in out
    assert "briefing-tui export briefings/ --format csv --table agreements -o agreements.csv" in out
    assert "NO_COLOR" in out
