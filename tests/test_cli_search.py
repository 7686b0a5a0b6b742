"""`briefing-tui search`: hits as a table or JSON, problems on stderr, exit 0/1/2."""

from __future__ import annotations

import json

import pytest

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


PEOPLE = """\
headline: Talks
date: 2026-03-01
key_points: [They met.]
participants:
  - name: Gang
    role: Minister of Foreign Affairs of the People's Republic
    aliases: [Qin]
  - name: Qin Gang
  - name: Kassym-Jomart Tokayev
    role: President of Kazakhstan
    side: Kazakhstan
  - name: Murat Nurtleu
    role: Foreign Minister
"""


def _scores(capsys, query: str) -> dict[str, float]:
    assert main(["search", "b.yaml", query, "--json", "--no-cache"]) == 0
    return {hit["name"]: hit["score"] for hit in json.loads(capsys.readouterr().out)}


@pytest.mark.parametrize(
    "query",
    [
        "gang",
        "qin gang",
        "gang qin",
        "qin gang qin gang",
        "minister of foreign affairs of the people's",
        "fm",
    ],
)
def test_json_scores_run_from_0_to_1(bdir, capsys, query):
    bdir.write(PEOPLE)
    scores = _scores(capsys, query)
    assert scores
    assert all(0 <= score <= 1 for score in scores.values()), scores


def test_an_exact_name_scores_1_and_weaker_matches_less(bdir, capsys):
    bdir.write(PEOPLE)
    assert _scores(capsys, "gang")["Gang"] == 1
    assert _scores(capsys, "qin gang")["Qin Gang"] == 1  # a name exactly the query's words
    tokayev = _scores(capsys, "tokayev")["Kassym-Jomart Tokayev"]
    typo = _scores(capsys, "tokaev")["Kassym-Jomart Tokayev"]
    role = _scores(capsys, "president")["Kassym-Jomart Tokayev"]
    assert 1 > tokayev > typo > role > 0


def test_only_negations_score_0(bdir, capsys):
    bdir.write(PEOPLE)
    assert set(_scores(capsys, "!zzz").values()) == {0}


def test_the_table_shows_the_same_scores(bdir, capsys):
    bdir.write(PEOPLE)
    assert main(["search", "b.yaml", "gang", "--no-cache"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].split()[:2] == ["1.00", "Gang"]


def test_the_help_states_the_scale(capsys):
    with pytest.raises(SystemExit):
        main(["search", "--help"])
    assert "score: from 0 to 1" in capsys.readouterr().out
