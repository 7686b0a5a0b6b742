"""Parsing search queries: plain words plus fzf's extended-search operators.

    tokayev          fuzzy: typos, transliterations, prefixes, initials, role abbreviations
    'kaz             exact: a word contains "kaz" (no typos, no transliteration)
    ^tok             a word starts with "tok"
    ov$              a word ends with "ov"
    ^dar$            a word is exactly "dar"
    !senator         no word contains "senator" (also !^x, !x$, !'x)
    fm | dpm         either; binds the terms either side of it

Terms are ANDed in any order. Operators apply per word, since a participant is a handful of short
fields rather than one line. Stop words ("of", "the", ...) rank but do not filter, so "minister of
defence" finds "Defence Minister".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefing_tui.search.fold import fold, words

FUZZY = "fuzzy"
EXACT = "exact"  # 'x: substring of a word
PREFIX = "prefix"  # ^x
SUFFIX = "suffix"  # x$
WORD = "word"  # ^x$

STOP_WORDS = frozenset({"of", "the", "and", "for", "de", "da", "del", "der", "von", "van"})


@dataclass(frozen=True, slots=True)
class Term:
    kind: str
    text: str  # folded


#: One way a group can match: all its terms must match (a hyphenated word in an OR is a phrase).
Alternative = tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """Terms joined by `|`: a participant must match one of the alternatives."""

    alternatives: tuple[Alternative, ...]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    groups: tuple[Group, ...]
    negations: tuple[Term, ...]

    @property
    def blank(self) -> bool:
        return not self.groups and not self.negations


def _operator_term(raw: str) -> Term | None:
    """The term an item with an operator stands for, or None when it is a plain word."""
    if raw.startswith("'"):
        text = fold(raw[1:].rstrip("'"))
        return Term(EXACT, text) if text else None
    if raw.startswith("^"):
        body, kind = raw[1:], PREFIX
        if body.endswith("$"):
            body, kind = body[:-1], WORD
        text = fold(body)
        return Term(kind, text) if text else None
    if raw.endswith("$") and len(raw) > 1:
        text = fold(raw[:-1])
        return Term(SUFFIX, text) if text else None
    return None


def _is_operator(raw: str) -> bool:
    return raw.startswith(("'", "^")) or (raw.endswith("$") and len(raw) > 1)


@lru_cache(maxsize=256)
def parse_query(query: str) -> Query:
    """Split a query into AND-ed groups and negations."""
    pending: list[list[Alternative]] = []
    negations: list[Term] = []
    join_next = False
    for raw in query.split():
        if raw == "|":
            join_next = bool(pending)
            continue
        if raw.startswith("!"):
            body = raw[1:]
            term = _operator_term(body) if _is_operator(body) else None
            if term is None:
                text = fold(body)
                term = Term(EXACT, text) if text else None
            if term is not None:
                negations.append(term)
            join_next = False
            continue
        if _is_operator(raw):
            term = _operator_term(raw)
            parts: list[Term] = [term] if term else []
        else:
            parts = [Term(FUZZY, f) for f, _, _ in words(raw, split_han=False)]
        if not parts:
            continue
        if join_next:
            pending[-1].append(tuple(parts))
        elif len(parts) == 1:
            pending.append([tuple(parts)])
        else:
            # "kassym-jomart" outside an OR: each word on its own, in any order.
            pending.extend([(part,)] for part in parts)
        join_next = False
    groups = [
        Group(
            tuple(alts),
            optional=len(alts) == 1
            and len(alts[0]) == 1
            and alts[0][0].kind == FUZZY
            and alts[0][0].text in STOP_WORDS,
        )
        for alts in pending
    ]
    if groups and all(g.optional for g in groups):
        groups = [Group(g.alternatives) for g in groups]
    return Query(tuple(groups), tuple(negations))
