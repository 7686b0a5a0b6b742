"""`briefing-tui search`: hits as a table or JSON, problems on stderr, exit 0/1/2."""

from __future__ import annotations

import json

from briefing_tui.cli import main

BRIEFING = """\
headline: Talks
date: 2026-03-01
key_points: [They met.]
participants:
  - name: Kassym-Jomart Tokayev
    role: President of Kazakhstan
  - name: Murat Nurtleu
    role: Foreign Minister
"""


def test_a_missing_path_prints_only_the_error(bdir, capsys):
    assert main(["search", "nope.yaml", "tokayev", "--no-cache"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == ["nope.yaml: file not found"]


def test_an_invalid_file_prints_only_its_problems(bdir, capsys):
    bdir.write("headline: [\n")
    assert main(["search", "b.yaml", "tokayev", "--json", "--no-cache"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("b.yaml:2:1: ")


def test_no_match_in_a_valid_file_says_so(bdir, capsys):
    bdir.write(BRIEFING)
    assert main(["search", "b.yaml", "zzzzzz", "--no-cache"]) == 0
    assert capsys.readouterr().out == "no participant matches 'zzzzzz'\n"


def test_json_hits(bdir, capsys):
    bdir.write(BRIEFING)
    assert main(["search", "b.yaml", "tokayev", "--json", "--no-cache"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["name"] == "Kassym-Jomart Tokayev"
    assert hit["briefing"] == "b"
