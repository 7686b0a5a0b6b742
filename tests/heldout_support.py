"""What the held-out search tests share: their people, their cases and their checks.

Each held-out file (`test_search_heldout_vocabulary.py`, `test_search_heldout_round2.py`) keeps its
own queries, written blind, and its record of first-run misses; this module reads them the same way.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from briefing_tui.format.loader import load_briefing
from briefing_tui.format.model import Participant
from briefing_tui.search import SearchIndex

#: kind → (query, the label of the participant a reader would pick first)
Queries = dict[str, list[tuple[str, str]]]


def people_of(folder: Path) -> list[Participant]:
    """Every participant of the folder's briefings, without aliases: found by what the files say."""
    paths = sorted(folder.glob("*.yaml"))
    assert paths, f"no fixtures in {folder}"
    return [
        dataclasses.replace(participant, aliases=())
        for path in paths
        for participant in load_briefing(path).participants
    ]


def cases(queries: Queries, still_missed: dict[str, str]) -> list[Any]:
    """One case per query, id `kind-query`; a query still missed is a strict xfail with its reason."""
    return [
        pytest.param(
            query,
            expected,
            id=f"{kind}-{query}",
            marks=[pytest.mark.xfail(strict=True, reason=still_missed[query])]
            if query in still_missed
            else [],
        )
        for kind, pairs in queries.items()
        for query, expected in pairs
    ]


def check_answers_exist(people: list[Participant], queries: Queries) -> None:
    """Every expected label is the label of exactly one participant: each query has one right answer."""
    labels = [participant.label for participant in people]
    for kind, pairs in queries.items():
        for query, expected in pairs:
            count = labels.count(expected)
            assert count == 1, f"{kind} {query!r}: {expected!r} is the label of {count} participants, not one"


def check_found_first(index: SearchIndex, query: str, expected: str) -> None:
    hits = index.search(query, limit=3)
    assert hits, f"{query!r} found nothing; expected {expected!r}"
    top = [(hit.participant.label, round(hit.score, 3)) for hit in hits]
    assert hits[0].participant.label == expected, f"{query!r}: expected {expected!r} first, got {top}"


def check_misses_on_record(queries: Queries, first_run: dict[str, str], still: dict[str, str]) -> None:
    """The misses on record are queries of the file, and what is still missed was missed first."""
    asked = {query for pairs in queries.values() for query, _ in pairs}
    assert set(still) <= set(first_run) <= asked
