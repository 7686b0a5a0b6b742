"""Every input of the public yaml-test-suite either loads or is refused with the loader's own error.

None of the cases is a briefing, so `load_briefing` refuses them all; the point is how: always a
`BriefingError` whose problems all say something, never another exception, a hang or a crash. The YAML
layer (`yamltree.read_tree`) is also run on its own, where most cases do parse.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefing_tui.format.loader import load_briefing
from briefing_tui.format.problems import BriefingError
from briefing_tui.format.syntax import TreeError
from briefing_tui.format.yamltree import read_tree

SUITE = Path(
    os.environ.get("YAML_TEST_SUITE")
    or Path(__file__).resolve().parents[2] / "shared/corpora/yaml-test-suite"
)
CASES = sorted(SUITE.rglob("in.yaml")) if SUITE.is_dir() else []
#: Under CI the corpus is part of the checkout's surroundings: missing, it is a failure, not a skip.
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")
needs_suite = pytest.mark.skipif(
    not CASES and not IN_CI, reason=f"yaml-test-suite not found at {SUITE} (set YAML_TEST_SUITE)"
)


def _params() -> list[object]:
    if not CASES:
        return [pytest.param(None, id="no-suite")]
    return [pytest.param(path, id=str(path.parent.relative_to(SUITE))) for path in CASES]


def _check(problems: list[object]) -> None:
    for problem in problems:
        assert problem.message.strip(), problem
        assert (problem.line is None) == (problem.column is None), problem
        assert problem.line is None or (problem.line >= 1 and problem.column >= 1), problem


@needs_suite
def test_suite_is_complete():
    assert CASES, f"yaml-test-suite not found at {SUITE}: CI must have it (or set YAML_TEST_SUITE)"
    assert len(CASES) > 300


@needs_suite
@pytest.mark.parametrize("path", _params())
def test_case_loads_or_is_refused_cleanly(path):
    assert path is not None, f"yaml-test-suite not found at {SUITE}"
    try:
        load_briefing(path)
    except BriefingError as exc:
        assert exc.problems
        _check(exc.problems)


@needs_suite
@pytest.mark.parametrize("path", _params())
def test_case_tree_reads_or_is_refused_cleanly(path):
    assert path is not None, f"yaml-test-suite not found at {SUITE}"
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pytest.skip("not UTF-8: the loader refuses it before YAML sees it")
    problems: list[object] = []
    try:
        read_tree(text, problems)
    except TreeError as exc:
        assert exc.problems
        _check(exc.problems)
    _check(problems)
