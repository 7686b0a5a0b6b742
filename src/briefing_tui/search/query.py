"""Parsing search queries: plain words plus fzf's extended-search operators.

    tokayev          fuzzy: typos, transliterations, prefixes, initials, acronyms
    'kaz             exact: a word contains "kaz" (no typos, no transliteration)
    ^tok             a word starts with "tok"
    ov$              a word ends with "ov"
    ^dar$            a word is exactly "dar"
    !senator         no word contains "senator" (also !^x, !x$, !'x)
    fm | dpm         either; binds the terms either side of it

Words that name an office or a country ("fm", "foreign minister", "iranian") also match it under
its other names ("Minister of External Relations", "Iran"): see `concepts`. Terms are ANDed in any
order. Operators apply per word, since a participant is a handful of short
fields rather than one line. Stop words ("of", "the", ...) rank but do not filter, so "minister of
defence" finds "Defence Minister".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefing_tui.search.concepts import FILLERS, OFFICE, find
from briefing_tui.search.fold import fold, words

FUZZY = "fuzzy"
EXACT = "exact"  # 'x: substring of a word
PREFIX = "prefix"  # ^x
SUFFIX = "suffix"  # x$
WORD = "word"  # ^x$
CONCEPT = "concept"  # an office or a country the query's words name (see `concepts`)

STOP_WORDS = frozenset({"of", "the", "and", "for", "de", "da", "del", "der", "von", "van"})


@dataclass(frozen=True, slots=True)
class Term:
    kind: str
    text: str  # folded


#: One way a group can match: all its terms must match (a hyphenated word in an OR is a phrase).
Alternative = tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Group:
    """Terms joined by `|`: a participant must match one of the alternatives.

    A group with `concepts` is the words of a phrase that names an office or a country ("foreign
    minister", "iranian"): its one alternative holds the words, and a participant matches with
    the words, with one of the concept tokens, or best, with both (see `Terms.concept_group`).
    """

    alternatives: tuple[Alternative, ...]
    optional: bool = False
    concepts: tuple[str, ...] = ()


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
    plain: list[str | None] = []  # per group: its word, when it is one plain word
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
            plain[-1] = None
        else:
            # "kassym-jomart" outside an OR: each word on its own, in any order.
            pending.extend([(part,)] for part in parts)
            plain.extend(part.text if part.kind == FUZZY else None for part in parts)
        join_next = False
    optional = [
        len(alts) == 1 and len(alts[0]) == 1 and alts[0][0].kind == FUZZY and alts[0][0].text in STOP_WORDS
        for alts in pending
    ]
    if all(optional):
        optional = [False] * len(pending)
    phrases = _phrases(plain)
    groups: list[Group] = []
    for i, alts in enumerate(pending):
        if i in phrases:
            covered, tokens = phrases[i]
            if covered:
                words_ = tuple(Term(FUZZY, w) for j in covered if (w := plain[j]) and w not in FILLERS)
                groups.append(Group((words_,), concepts=tokens))
        elif len(alts) > 1:
            groups.append(Group(_with_concepts(alts)))
        else:
            groups.append(Group(tuple(alts), optional=optional[i]))
    return Query(tuple(groups), tuple(negations))


def _phrases(plain: list[str | None]) -> dict[int, tuple[list[int], tuple[str, ...]]]:
    """Where the plain words spell an office or a country: at the phrase's first group, the
    groups it covers and its concept tokens; at its other groups, nothing (`[]`)."""
    found: dict[int, tuple[list[int], tuple[str, ...]]] = {}
    if not any(plain):
        return found
    run: list[int] = []
    for i, word in enumerate([*plain, None]):
        if word is not None:
            run.append(i)
            continue
        if run:
            places = find([plain[k] or "" for k in run], field=False)
            # Offices first: "{country} president" leaves the country's words to the country.
            for place in sorted(places, key=lambda p: p.tokens[0][0] != OFFICE):
                covered = [
                    run[k]
                    for k in range(place.start, place.end)
                    if place.country is None or not place.country[0] <= k < place.country[1]
                ]
                if covered and not any(k in found for k in covered):
                    found[covered[0]] = (covered, place.tokens)
                    found.update((k, ([], ())) for k in covered[1:])
            run = []
    return found


def _with_concepts(alternatives: list[Alternative]) -> tuple[Alternative, ...]:
    """The alternatives of an OR, with the concepts a one-word alternative names ("fm | dpm")."""
    extra: list[Alternative] = []
    for alternative in alternatives:
        if len(alternative) == 1 and alternative[0].kind == FUZZY:
            for place in find([alternative[0].text], field=False):
                extra += [(Term(CONCEPT, token),) for token in place.tokens if place.country is None]
    return (*alternatives, *extra)
