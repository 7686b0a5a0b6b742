"""Ranking helpers of `SearchIndex`: walking scored postings best first, the word-order bonus,
and the score an exact name gets (the 1 of the 0..1 scale of hits)."""

from __future__ import annotations

from collections.abc import Container, Iterable
from heapq import nsmallest
from typing import TYPE_CHECKING

from briefing_tui.search.fields import CODE_WEIGHTS, NAME, field_code, field_texts
from briefing_tui.search.terms import Q_EXACT, SCALE, Entries, EntryList
from briefing_tui.search.tokens import tokens_of

if TYPE_CHECKING:
    from briefing_tui.format.model import Participant

ORDER_BONUS = 30_000  # per pair of query words in order (scores are in millionths)


def exact_name_score(words: int) -> int:
    """What a name that is exactly the query's words scores: the 1 of the 0..1 scale of hits.

    Each word an exact match in a name of that many words, with the name bonus, in order.
    """
    per_word = int(Q_EXACT * SCALE * CODE_WEIGHTS[field_code(NAME, words)]) + 1
    return words * per_word + (words - 1) * ORDER_BONUS


def tokens_matched(entries: Entries) -> Container[str]:
    """Every token a group's terms matched (one `in` instead of one per term)."""
    if len(entries.matched) == 1:
        return entries.matched[0].quality
    return set().union(*(m.quality for m in entries.matched))


def in_order(person: Participant, groups: list[Container[str]], memo: dict[str, list[str]]) -> int:
    """A bonus for each two query words that one field of `person` has in the same order."""
    best = 0
    for _, _, text in field_texts(person):
        found = memo.get(text)
        if found is None:
            found = memo[text] = [f for f, _, _ in tokens_of(text)]
        if len(found) < 2:
            continue
        # Each word is looked for after the one before it: "faisal bin f" has "f" in order in
        # "Faisal bin Farhan", not in "Faisal bin Hamad" (whose "f" is Faisal again).
        pairs, previous = 0, None
        for tokens in groups:
            after = 0 if previous is None else previous + 1
            at = next((i for i in range(after, len(found)) if found[i] in tokens), None)
            if at is not None and previous is not None:
                pairs += 1
            elif at is None:
                at = next((i for i in range(after) if found[i] in tokens), None)
            previous = at
        best = max(best, pairs)
    return best * ORDER_BONUS


def walk_top(entries: EntryList, limit: int, excluded: set[int]) -> list[tuple[int, int]]:
    """The best `limit` (score, position) from entries sorted best first; ties by position."""
    seen: set[int] = set()
    levels: list[tuple[int, set[int]]] = []
    boundary = None
    for score, positions in entries:
        if boundary is not None and score < boundary:
            break
        fresh = set(positions)
        fresh -= seen
        if excluded:
            fresh -= excluded
        if not fresh:
            continue
        seen |= fresh
        if levels and levels[-1][0] == score:
            levels[-1][1].update(fresh)
        else:
            levels.append((score, fresh))
        if boundary is None and len(seen) >= limit:
            boundary = score
    ranked: list[tuple[int, int]] = []
    for score, level in levels:
        need = limit - len(ranked)
        chosen = sorted(level) if len(level) <= need else nsmallest(need, level)
        ranked.extend((score, position) for position in chosen)
        if len(ranked) >= limit:
            break
    return ranked


def walk_some(entries: EntryList, count: int, excluded: set[int]) -> dict[int, int]:
    """Position → score for the best `count` participants (ties by position)."""
    found: dict[int, int] = {}
    for score, positions in entries:
        fresh = set(positions).difference(found)
        if excluded:
            fresh -= excluded
        need = count - len(found)
        if len(fresh) >= need:
            found.update(dict.fromkeys(nsmallest(need, fresh), score))
            break
        found.update(dict.fromkeys(fresh, score))
    return found


def first_n(items: Iterable[int], limit: int) -> list[int]:
    found = []
    for item in items:
        found.append(item)
        if len(found) >= limit:
            break
    return found
