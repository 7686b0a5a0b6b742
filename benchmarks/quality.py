"""Search quality: top-1, MRR@10 and recall@10 of the participant search, fzf and Textual's matcher.

    .venv/bin/python benchmarks/quality.py             # the table
    .venv/bin/python benchmarks/quality.py --misses    # also list the queries each engine misses

The people are those of the bundled sample briefing and of the fixtures in `benchmarks/data/`
(meetings with Central Asian, Russian/Belarusian, Arabic, Turkish, Chinese, Persian, South Asian,
Portuguese, French and Spanish names, most of them without aliases), searched all together. The
queries, with the person each one is after, are in `benchmarks/queries.yaml`, by kind: exact,
prefix, typo, another Latin transliteration, Cyrillic, role/organization/side, initials; then
office (synonyms and abbreviations of offices across wording and languages: `fm` for "Canciller"),
demonym (`iranian` for side "Iran"), particles (initials skipping name particles: `jes` for "João
Ernesto dos Santos"), organisation (acronyms derived or given, distinctive words: `pif governor`)
and notes (what only a participant's notes say). A query scores when a hit's label is the expected
one: the participant's name, or for an unnamed official (no name) the role.

The same people are given to `fzf --filter` (skipped when fzf is not installed; Debian:
`apt-get install -y fzf`) and to `textual.fuzzy.Matcher` as one line each: name, aliases, role,
organization, side and events, joined by " | ".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from briefing_tui.format.loader import load_briefing  # noqa: E402
from briefing_tui.format.model import Participant  # noqa: E402
from briefing_tui.paths import sample_path  # noqa: E402
from briefing_tui.search import SearchIndex  # noqa: E402
from briefing_tui.search.fold import words  # noqa: E402

DEPTH = 10
KINDS = (
    "exact",
    "prefix",
    "typo",
    "latin",
    "cyrillic",
    "role",
    "initials",
    "office",
    "demonym",
    "particles",
    "organisation",
    "notes",
)
Ranker = Callable[[str], list[int]]


def corpus() -> list[Participant]:
    """The sample's participants, then those of every fixture, in file name order."""
    paths = [sample_path(), *sorted((HERE / "data").glob("*.yaml"))]
    people: list[Participant] = []
    for path in paths:
        people.extend(load_briefing(path).participants)
    return people


def queries() -> list[tuple[str, str, frozenset[str]]]:
    """(kind, query, expected labels): names, or the role of an unnamed official."""
    data = yaml.safe_load((HERE / "queries.yaml").read_text(encoding="utf-8"))
    found = []
    for kind in KINDS:
        for query, expected in data[kind]:
            names = frozenset([expected] if isinstance(expected, str) else expected)
            found.append((kind, str(query), names))
    return found


def line(person: Participant) -> str:
    parts = [person.name or "", *person.aliases, person.role or ""]
    parts += [person.organization or "", person.side or "", *person.present_at]
    return " | ".join(p for p in parts if p)


def check(people: list[Participant], cases: list[tuple[str, str, frozenset[str]]]) -> None:
    """Every expected person exists (an unnamed one by a role no other unnamed participant has);
    transliteration queries are not simply one of their aliases."""
    labels = {p.label for p in people}
    unnamed = Counter(p.role for p in people if not p.name)
    for kind, query, expected in cases:
        missing = expected - labels
        if missing:
            raise SystemExit(f"{kind} {query!r}: nobody called {sorted(missing)}")
        shared = sorted(label for label in expected if unnamed[label] > 1)
        if shared:
            raise SystemExit(f"{kind} {query!r}: several unnamed participants are {shared}")
        if kind in ("latin", "cyrillic"):
            typed = {f for f, _, _ in words(query)}
            for person in people:
                if person.label in expected:
                    for alias in person.aliases:
                        if typed <= {f for f, _, _ in words(alias)}:
                            raise SystemExit(f"{kind} {query!r} is an alias of {person.name}")


def ours(people: list[Participant]) -> Ranker:
    index = SearchIndex(people)
    return lambda query: [hit.position for hit in index.search(query, limit=DEPTH)]


def fzf(people: list[Participant], binary: str) -> Ranker:
    items = "".join(f"{i}\t{line(p)}\n" for i, p in enumerate(people)).encode()

    def rank(query: str) -> list[int]:
        out = subprocess.run(
            [binary, "--filter", query, "--delimiter", "\t", "--with-nth", "2.."],
            input=items,
            capture_output=True,
            check=False,
        ).stdout.decode()
        return [int(row.split("\t", 1)[0]) for row in out.splitlines()[:DEPTH]]

    return rank


def textual(people: list[Participant]) -> Ranker:
    from textual.fuzzy import Matcher

    lines = [line(p) for p in people]

    def rank(query: str) -> list[int]:
        matcher = Matcher(query)
        scored = [(matcher.match(text), i) for i, text in enumerate(lines)]
        hits = sorted((item for item in scored if item[0] > 0), key=lambda s: (-s[0], s[1]))
        return [i for _, i in hits[:DEPTH]]

    return rank


def evaluate(
    rank: Ranker, people: list[Participant], cases: list[tuple[str, str, frozenset[str]]]
) -> tuple[dict[str, tuple[float, float, float]], list[tuple[str, str, str]], float]:
    """Per kind and "all": (top-1, MRR@10, recall@10); the misses; seconds per query."""
    per_kind: dict[str, list[int | None]] = {kind: [] for kind in (*KINDS, "all")}
    misses = []
    start = time.perf_counter()
    for kind, query, expected in cases:
        ranked = rank(query)
        where = next((r for r, i in enumerate(ranked) if people[i].label in expected), None)
        per_kind[kind].append(where)
        per_kind["all"].append(where)
        if where != 0:
            got = people[ranked[0]].label if ranked else "nothing"
            misses.append((kind, query, f"{got} (expected at {where})"))
    spent = (time.perf_counter() - start) / len(cases)
    table = {}
    for kind, ranks in per_kind.items():
        if ranks:
            n = len(ranks)
            top1 = sum(r == 0 for r in ranks) / n
            mrr = sum(1 / (r + 1) for r in ranks if r is not None) / n
            recall = sum(r is not None for r in ranks) / n
            table[kind] = (top1, mrr, recall)
    return table, misses, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the queries each engine misses")
    args = parser.parse_args()
    people = corpus()
    cases = queries()
    check(people, cases)
    engines: dict[str, Ranker] = {"briefing-tui": ours(people)}
    binary = shutil.which("fzf")
    if binary:
        engines["fzf --filter"] = fzf(people, binary)
    engines["textual Matcher"] = textual(people)
    results = {name: evaluate(rank, people, cases) for name, rank in engines.items()}

    print(f"{len(cases)} queries over {len(people)} participants; top-1 / MRR@10 / recall@10")
    head = f"{'kind':<12} {'n':>4}  " + "  ".join(f"{name:^22}" for name in engines)
    print(head)
    print("-" * len(head))
    counts = {kind: sum(1 for k, _, _ in cases if k == kind) for kind in KINDS}
    counts["all"] = len(cases)
    for kind in (*KINDS, "all"):
        cells = []
        for name in engines:
            top1, mrr, recall = results[name][0][kind]
            cells.append(f"{top1:6.1%} {mrr:6.3f} {recall:6.1%}".center(22))
        print(f"{kind:<12} {counts[kind]:>4}  " + "  ".join(cells))
    print(f"{'ms/query':<18}" + "  ".join(f"{results[name][2] * 1000:^22.2f}" for name in engines))
    if not binary:
        print("(fzf not found: its column is skipped; apt-get install -y fzf)")
    if args.misses:
        for name in engines:
            print(f"\n{name} misses:")
            for kind, query, got in results[name][1]:
                print(f"  {kind:<12} {query!r:<32} → {got}")


if __name__ == "__main__":
    main()
