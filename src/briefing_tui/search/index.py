"""Participant search: typo- and transliteration-tolerant, ranked, fast enough for every keystroke.

    index = SearchIndex(briefing.participants)
    for hit in index.search("tokaev"):
        hit.participant, hit.position, hit.score, hit.spans[FieldKey("name")]

How it works. At build time every searchable field (the table `fields.FIELDS`) is cut into words
and each distinct word is folded once (case, diacritics and scripts removed: "Тоқаев" → "toqaev")
and given a name-variant key ("tokaev"); see `fold`. Postings map each distinct token to the
participants that have it, per field and field length (the field code), since a token's weight
depends only on those. A query word is matched against the distinct tokens, never against
participants: exactly, as a prefix, by variant key, within a typo budget, or as initials (`terms`).
That gives it a list of (score, postings) entries; walked best first, the first entry a
participant appears in is its score for that word.

A one-word query walks its entries until `limit` participants are found. With several words, the
most selective word supplies the candidates and the others only score those (AND), from their
postings or, for a broad word, from the candidates' own fields. If even the most selective word
matches over a thousand participants, its best few hundred are the candidates: a broad query like
"minister o" at 100,000 people stays fast and ranks sensibly, though not exhaustively (lists of
the size of a briefing are always ranked exactly). Per-word results are cached, so a growing
query redoes only its last word, scores of a word for candidates are kept for the next, narrower
keystroke, and a growing word rechecks only the tokens its shorter self matched.

Ranking: a word's score is its match quality (exact > variant > office or country under another
name > prefix > typo) times the field's weight (name > aliases > role > organization > side >
events > notes, from `fields.FIELDS`) times a small penalty for long fields; a participant's
score is the sum over query words, plus a little for query words found in the same order in one
field. Ties go to name matches, then to the order of the list. A hit's `score` puts that on one
scale, 0 to 1: 1 is a name that is exactly the query's words, every other match a share of that
(an exact surname in a two-word name 0.97, an exact alias 0.9, initials 0.8, a role word 0.7...).
Each hit carries the spans that matched, per field (`hits`), worked out when first read: the UI
asks for a thousand hits and draws a screenful, so only those pay for their spans.
"""

from __future__ import annotations

import gc
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from heapq import nsmallest
from operator import attrgetter
from typing import TYPE_CHECKING, cast

from briefing_tui.search.concepts import SYNTHETIC
from briefing_tui.search.fields import (
    CODE_WEIGHTS,
    FIELDS,
    NAME,
    READERS,
    VOCABULARY,
    field_code,
)
from briefing_tui.search.fold import PARTICLES, name_initials, variant_key
from briefing_tui.search.hits import Hit
from briefing_tui.search.query import Group, Term, parse_query
from briefing_tui.search.ranking import (
    exact_name_score,
    first_n,
    in_order,
    tokens_matched,
    walk_some,
    walk_top,
)
from briefing_tui.search.terms import (
    INITIALS_SCORE,
    SCALE,
    Entries,
    Postings,
    Terms,
    pack,
)
from briefing_tui.search.tokens import analyse
from briefing_tui.search.vocab import Alphabet

if TYPE_CHECKING:
    from briefing_tui.format.model import Participant

__all__ = ["SearchIndex"]

#: Fewer candidates than this: score them all (exact ranking). More: keep the best few hundred.
_EXACT_LIMIT = 1200
_CANDIDATES = 600
_CACHE_SIZE = 128
_RERANK = 10  # extra candidates reranked by word order
_SCORE_CACHE = 12  # each may hold every participant
_NAMES = frozenset(slot for slot, spec in enumerate(FIELDS) if spec.key in ("name", "aliases"))
#: Scoring one participant from its fields costs about as much as this many postings.
_PER_PERSON = 15


def _field(text: str, slot: int) -> tuple[list[str], int]:
    """A field's tokens and its length in words; a name's particles ("Al", "dos") are not counted,
    so "Yasser Al-Rumayyan" is as long a name as "Roman Starovoit"."""
    found, count = analyse(text, VOCABULARY[slot])
    if count > 1 and slot in _NAMES and not PARTICLES.isdisjoint(found):
        count = max(1, count - sum(1 for token in found[:count] if token in PARTICLES))
    return found, count


_with_vocabulary = lru_cache(maxsize=16384)(_field)


def _analysed(text: str, slot: int) -> tuple[list[str], int]:
    """`_field`, cached for the fields with a vocabulary: the costly ones, and the ones whose
    texts repeat (roles, sides); the names of 100,000 people would push them out."""
    return _with_vocabulary(text, slot) if VOCABULARY[slot] else _field(text, slot)


class SearchIndex:
    """A search index over a list of participants; build once, query on every keystroke."""

    def __init__(self, participants: Sequence[Participant]) -> None:
        # The build allocates a great many small objects that all live on; letting the cyclic
        # collector walk them again and again would double the build time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._participants: tuple[Participant, ...] = tuple(participants)
            postings, initials = self._build()
            # Concept and acronym tokens are reached through the tables only, never by spelling.
            folds = Alphabet(token for token in postings if not token.startswith(SYNTHETIC))
            grouped: defaultdict[str, list[str]] = defaultdict(list)
            for token in folds.sorted:
                grouped[variant_key(token)].append(token)
            # The tokens of a key as one string: no container for the collector to track.
            by_key = {key: " ".join(found) for key, found in grouped.items()}
            self._terms = Terms(postings, initials, folds, by_key)
        finally:
            if collecting:
                gc.enable()
                # Everything built above is young: one collection now lets the collector drop
                # the tuples and dicts of ints from tracking, instead of on the first keystroke.
                gc.collect(0)
        self._groups: OrderedDict[Group, Entries] = OrderedDict()
        self._negations: OrderedDict[Term, set[int]] = OrderedDict()
        #: Per group: position → score, and whether that is everyone the group matches.
        self._scores: OrderedDict[int, tuple[Entries, dict[int, int], bool]] = OrderedDict()

    def _build(self) -> tuple[dict[str, Postings], dict[str, tuple[int, ...]]]:
        """Postings: token → field code → positions (see `Postings`); initials → positions."""
        people = self._participants
        # Texts are grouped first: roles, sides and events repeat across many people, and each
        # distinct text is analysed once.
        by_slot: list[tuple[int, dict[str, list[int]]]] = []
        for slot, read, many in READERS:
            found: defaultdict[str, list[int]] = defaultdict(list)
            if many:
                for position, values in enumerate(map(read, people)):
                    for text in values:
                        found[text].append(position)
            else:
                for position, text in enumerate(map(read, people)):
                    if text:
                        found[text].append(position)
            by_slot.append((slot, found))

        # Lists while they grow; tuples, or one packed int, once built.
        growing: dict[str, dict[int, tuple[int, ...] | list[int]]] = {}
        initials: defaultdict[str, list[int]] = defaultdict(list)
        get_postings, new_tuple = growing.get, tuple
        for slot, texts_in_slot in by_slot:
            for text, positions in texts_in_slot.items():
                found_tokens, count = _field(text, slot)
                if slot == NAME:
                    for typed in name_initials(text, found_tokens if text.isascii() else None):
                        initials[typed] += positions
                code = field_code(slot, count)
                for token in found_tokens:
                    per_code = get_postings(token)
                    if per_code is None:
                        growing[token] = {code: new_tuple(positions)}
                    else:
                        known = per_code.get(code)
                        if known is None:
                            per_code[code] = new_tuple(positions)
                        elif type(known) is list:
                            known += positions
                        else:
                            per_code[code] = [*known, *positions]
        # Tuples of ints drop out of the cyclic collector's sight (lists would be walked forever),
        # and most tokens, the rare surnames, are one person in one field: one int, no objects.
        # In place (one dict, not two): `postings` is the same dict, as it is once this is done.
        postings = cast("dict[str, Postings]", growing)
        for token, per_code in growing.items():
            if len(per_code) == 1:
                ((code, held),) = per_code.items()
                if len(held) == 1:
                    postings[token] = pack(code, held[0])
                    continue
            for code, held in per_code.items():
                if type(held) is list:
                    per_code[code] = tuple(held)
        return postings, {typed: tuple(ps) for typed, ps in initials.items()}

    def __len__(self) -> int:
        return len(self._participants)

    @property
    def participants(self) -> tuple[Participant, ...]:
        return self._participants

    @property
    def vocabulary_size(self) -> int:
        """Distinct tokens in the index (folded words and abbreviations)."""
        return len(self._terms.folds)

    # --- querying -----------------------------------------------------------------------------

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Participants matching `query`, best first, at most `limit` of them."""
        if limit <= 0:
            return []
        parsed = parse_query(query)
        if parsed.blank:
            return [Hit(p, i, 0.0) for i, p in enumerate(self._participants[:limit])]
        excluded: set[int] = set()
        for term in parsed.negations:
            excluded |= self._negation(term)
        if not parsed.groups:
            kept = (i for i in range(len(self._participants)) if i not in excluded)
            return [Hit(self._participants[i], i, 0.0) for i in first_n(kept, limit)]
        groups = [self._group(group) for group in parsed.groups]
        required = [e for g, e in zip(parsed.groups, groups, strict=True) if not g.optional]
        optional = [e for g, e in zip(parsed.groups, groups, strict=True) if g.optional]
        if len(groups) == 1:
            ranked = self._rank(required, optional, excluded, limit)
        else:
            # Rerank the best few by word order: "ambassador of turkey to uzbekistan" is not
            # "Ambassador of Uzbekistan to Turkey", though every word matches both.
            ranked = self._rank(required, optional, excluded, limit + _RERANK)
            matched = [tokens_matched(entries) for entries in groups]
            people = self._participants
            memo: dict[str, list[str]] = {}  # roles, sides and events repeat
            ranked = [(score + in_order(people[p], matched, memo), p) for score, p in ranked]
            ranked = sorted(ranked, key=lambda item: (-item[0], item[1]))[:limit]
        matches = [m for entries in groups for m in entries.matched]
        ideal = exact_name_score(len(groups))
        return [
            Hit(self._participants[p], p, min(1.0, score / ideal), matches=matches) for score, p in ranked
        ]

    def _rank(
        self, required: list[Entries], optional: list[Entries], excluded: set[int], limit: int
    ) -> list[tuple[int, int]]:
        """(score, position) of the best `limit` participants matching every required group."""
        required = sorted(required, key=attrgetter("size"))
        first = required[0]
        if len(required) == 1 and not optional:
            return walk_top(first.entries, limit, excluded)
        if first.size <= _EXACT_LIMIT or limit >= _CANDIDATES:
            totals = dict(self._best(first))
            for position in excluded.intersection(totals) if excluded else ():
                del totals[position]
        else:
            totals = walk_some(first.entries, max(_CANDIDATES, 4 * limit), excluded)
        for entries in required[1:]:
            theirs = self._scores_of(entries, totals)
            totals = {p: s + v for p, s in totals.items() if (v := theirs.get(p))}
        for entries in optional:
            theirs = self._scores_of(entries, totals)
            totals = {p: s + theirs.get(p, 0) for p, s in totals.items()}
        best = nsmallest(limit, totals.items(), key=lambda item: (-item[1], item[0]))
        return [(score, position) for position, score in best]

    def _scores_of(self, entries: Entries, among: dict[int, int]) -> dict[int, int]:
        """Position → score of a group, for the candidates `among` at least."""
        key = id(entries)
        cached = self._scores.get(key)
        if cached is not None and cached[0] is entries:
            self._scores.move_to_end(key)
            known, complete = cached[1], cached[2]
        else:
            known, complete = {}, False
            self._remember(key, (entries, known, complete))
        if complete:
            return known
        missing = [p for p in among if p not in known]
        if entries.plain and len(missing) * _PER_PERSON < entries.size:
            # A few candidates and a broad word: look at the candidates' own fields, and keep
            # what was found (0 for no match) for the next, narrower keystroke.
            known.update(self._each(entries, missing))
            return known
        return self._best(entries)

    def _remember(self, key: int, value: tuple[Entries, dict[int, int], bool]) -> None:
        self._scores[key] = value
        if len(self._scores) > _SCORE_CACHE:
            self._scores.popitem(last=False)

    def _each(self, entries: Entries, among: Iterable[int]) -> dict[int, int]:
        """Score a group participant by participant, from their own fields (0: no match)."""
        qualities = [m.quality for m in entries.matched]
        initials = self._terms.initials
        typed = {p for m in entries.matched for letters in m.initials for p in initials[letters]}
        # Roles, sides and events repeat: score each distinct text once per slot.
        memo: list[dict[str, int]] = [{} for _ in FIELDS]

        anything = qualities[0].keys() if len(qualities) == 1 else set().union(*qualities)

        def best_in(text: str, slot: int) -> int:
            words_, count = _analysed(text, slot)
            known = 0
            if anything.isdisjoint(words_):
                memo[slot][text] = known
                return known
            weight, bonus = CODE_WEIGHTS[field_code(slot, count)], int(slot == NAME)
            for quality in qualities:
                for word in words_:
                    value = quality.get(word)
                    if value is not None:
                        # As in Terms._entries, to the last bit.
                        score = int(value * SCALE * weight) + bonus
                        if score > known:
                            known = score
            memo[slot][text] = known
            return known

        found: dict[int, int] = {}
        people = self._participants
        for position in among:
            person = people[position]
            best = INITIALS_SCORE if position in typed else 0
            for slot, read, many in READERS:
                value = read(person)
                for text in value if many else (value,):
                    if text:
                        score = memo[slot].get(text)
                        if score is None:
                            score = best_in(text, slot)
                        if score > best:
                            best = score
            found[position] = best
        return found

    def _best(self, entries: Entries) -> dict[int, int]:
        """Position → score for everyone a group matches (kept for the last few groups)."""
        key = id(entries)
        cached = self._scores.get(key)
        if cached is not None and cached[0] is entries and cached[2]:
            self._scores.move_to_end(key)
            return cached[1]
        best: dict[int, int] = {}
        # Worst first, so that each participant ends up with its best score; all in C.
        for score, positions in reversed(entries.entries):
            best.update(dict.fromkeys(positions, score))
        self._remember(key, (entries, best, True))
        return best

    def _group(self, group: Group) -> Entries:
        cached = self._groups.get(group)
        if cached is None:
            cached = self._terms.group(group)
            self._groups[group] = cached
            if len(self._groups) > _CACHE_SIZE:
                self._groups.popitem(last=False)
        else:
            self._groups.move_to_end(group)
        return cached

    def _negation(self, term: Term) -> set[int]:
        cached = self._negations.get(term)
        if cached is None:
            cached = set()
            for _, positions in self._terms.group(Group(((term,),))).entries:
                cached.update(positions)
            self._negations[term] = cached
            if len(self._negations) > _CACHE_SIZE:
                self._negations.popitem(last=False)
        return cached
