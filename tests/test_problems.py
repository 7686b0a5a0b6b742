"""What `check` and the error screens are given: problems with a code, capped per kind and file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rapidfuzz.process

from briefing_tui.format import problems as problems_module
from briefing_tui.format import suggest
from briefing_tui.format.loader import load_briefing
from briefing_tui.format.problems import CODES, PER_KIND, BriefingError, Problem, capped

HOSTILE = Path(__file__).parent / "hostile"
problems_doc = problems_module.__doc__ or ""
HEAD = "headline: H\ndate: 2026-02-04\nkey_points: [a point]\n"


def problems(n: int, code: str, path: str = "b.yaml") -> list[Problem]:
    return [Problem(path, line, 1, f"problem {line}", code) for line in range(1, n + 1)]


def test_up_to_one_more_than_the_cap_are_all_shown():
    assert capped(problems(PER_KIND + 1, "unknown-key")) == problems(PER_KIND + 1, "unknown-key")


def test_the_rest_of_a_kind_is_one_line_in_its_place():
    found = [*problems(25, "unknown-key"), *problems(3, "present-at")]
    found.sort(key=lambda p: p.line or 0)
    shown = capped(found)
    assert [str(p) for p in shown if p.code == "present-at"] == [
        "b.yaml:1:1: problem 1",
        "b.yaml:2:1: problem 2",
        "b.yaml:3:1: problem 3",
    ]
    unknown = [str(p) for p in shown if p.code == "unknown-key"]
    assert unknown[:PER_KIND] == [f"b.yaml:{n}:1: problem {n}" for n in range(1, PER_KIND + 1)]
    assert unknown[PER_KIND:] == ["b.yaml: … and 5 more problems like this (unknown-key)"]
    # In file order: the count stands where the first problem it stands for was.
    assert [i for i, p in enumerate(shown) if p.line is None] == [PER_KIND + 3]


def test_each_file_is_capped_on_its_own():
    shown = capped([*problems(30, "empty", "a.yaml"), *problems(30, "empty", "b.yaml")])
    assert [str(p) for p in shown if p.line is None] == [
        "a.yaml: … and 10 more problems like this (empty)",
        "b.yaml: … and 10 more problems like this (empty)",
    ]


def test_a_briefing_error_prints_capped(bdir):
    bdir.write(HEAD + "participants:\n  - name: A\n" + "".join(f"    unknwn{i}: x\n" for i in range(1000)))
    with pytest.raises(BriefingError) as caught:
        load_briefing("b.yaml")
    assert len(caught.value.problems) == 1000
    lines = str(caught.value).splitlines()
    assert len(lines) == PER_KIND + 1
    assert lines[-1] == "b.yaml: … and 980 more problems like this (unknown-key)"


def _corpus_problems() -> list[Problem]:
    found: list[Problem] = []
    for path in sorted(HOSTILE.glob("*.yaml")):
        try:
            load_briefing(path)
        except BriefingError as exc:
            found.extend(exc.problems)
    return found


def test_every_problem_has_a_documented_code():
    found = _corpus_problems()
    assert {p.code for p in found} <= CODES
    assert all(p.severity == "error" for p in found)
    undocumented = [code for code in CODES if not re.search(rf"(^|[ ,]){code}([ ,]|$)", problems_doc, re.M)]
    assert undocumented == []


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (HEAD + "participants: [{name: A}]\nheadline: x\n", "duplicate-key"),
        (HEAD + "participants: [{name: A, roel: R}]\n", "unknown-key"),
        (HEAD, "missing-key"),
        (HEAD + "participants: [{name: 1}]\n", "type"),
        (HEAD + "participants: [{name: ' '}]\n", "empty"),
        (HEAD + "participants: []\n", "empty"),
        (HEAD + "participants: [{side: S}]\n", "invalid"),
        (HEAD + "participants: [{name: A}]\npublished: 2026-02-30\n", "date"),
        (HEAD + "participants: [{name: A}]\npublished: '2026-02-30'\n", "date"),
        (HEAD + "participants: [{name: A}]\nbriefing: 2\n", "version"),
        (HEAD + "participants: [{name: A}]\nfigures: [{label: L, value: 010}]\n", "number"),
        (HEAD + "participants: [{name: A, present_at: [x]}]\n", "present-at"),
        (HEAD + "participants: [{name: A}]\nevents: [{name: E}, {name: E}]\n", "duplicate-event"),
        (HEAD + "participants: [{name: A}]\nsource: {file: nope.txt}\n", "source-file"),
        (
            HEAD + "participants: [{name: A}]\nsource: {file: s.txt}\nevents: [{name: E, evidence: zz}]\n",
            "evidence-not-found",
        ),
        (HEAD + "participants: [{name: A}]\nsummary: [\n", "syntax"),
        ("- a\n", "type"),
    ],
)
def test_codes(bdir, content, code):
    bdir.write("the source\n", "s.txt")
    with pytest.raises(BriefingError) as caught:
        bdir.load(content)
    assert [p.code for p in caught.value.problems] == [code] * len(caught.value.problems)


# -- costs that must not grow faster than the file ------------------------------------------------


def _misspelt(n: int) -> str:
    events = "".join(f"  - name: meeting number {i} on trade\n" for i in range(n))
    people = "".join(f"  - name: P{i}\n    present_at: [meting nmber {i} on trde]\n" for i in range(n))
    return HEAD + "events:\n" + events + "participants:\n" + people


def test_every_misspelt_present_at_gets_its_event_from_a_bounded_few(bdir, monkeypatch):
    compared: list[int] = []
    extract = rapidfuzz.process.extractOne

    def counting(word, choices, **kwargs):
        compared.append(len(choices))
        return extract(word, choices, **kwargs)

    monkeypatch.setattr(rapidfuzz.process, "extractOne", counting)
    bdir.write(_misspelt(3000))
    with pytest.raises(BriefingError) as caught:
        load_briefing("b.yaml")
    found = caught.value.problems
    assert len(found) == 3000
    assert found[1234].message == (
        "present_at names no event 'meting nmber 1234 on trde'; did you mean 'meeting number 1234 on trade'?"
    )
    assert len(compared) == 3000
    assert max(compared) <= suggest.MAX_CANDIDATES + 16


def test_a_misspelling_is_compared_once(bdir, monkeypatch):
    compared: list[str] = []
    extract = rapidfuzz.process.extractOne
    monkeypatch.setattr(
        rapidfuzz.process, "extractOne", lambda word, *a, **k: compared.append(word) or extract(word, *a, **k)
    )
    people = "".join(f"  - name: P{i}\n    present_at: [banqet]\n" for i in range(50))
    bdir.write(HEAD + "events: [{name: banquet}]\nparticipants:\n" + people)
    with pytest.raises(BriefingError) as caught:
        load_briefing("b.yaml")
    assert {p.message for p in caught.value.problems} == {
        "present_at names no event 'banqet'; did you mean 'banquet'?"
    }
    assert compared == ["banqet"]


def test_the_events_listed_without_a_suggestion_are_capped(bdir):
    events = "".join(f"  - name: e{i}\n" for i in range(25))
    bdir.write(HEAD + "events:\n" + events + "participants: [{name: A, present_at: [zzzzzz]}]\n")
    with pytest.raises(BriefingError) as caught:
        load_briefing("b.yaml")
    [problem] = caught.value.problems
    listed = ", ".join(f"'e{i}'" for i in range(10))
    assert problem.message == f"present_at names no event 'zzzzzz' (events: {listed} and 15 more)"
