"""Matching query terms against the index vocabulary, and the scored postings they select.

A term is matched against distinct tokens only. A fuzzy (plain) word matches a token

* exactly, or as a prefix of it (the shorter the rest, the better),
* by name-variant key, exactly or as a prefix ("jakupov" ~ "zhakupov", "Токаев" ~ "tokayev"),
* within a typo budget (1 edit for 4–7 letters, 2 from 8; a swap is one edit), whole or as a
  prefix, on the fold and on the variant key,
* as the initials of a name ("kjt" → Kassym-Jomart Tokayev), or of an organisation's words
  ("pif" → Public Investment Fund, through its `=pif` token),

and a concept term (a query's words that name an office or a country, see `concepts`) matches its
concept token exactly.
Each match has a quality; times the weight of the field the token is in, it gives the entries:
(score, positions) pairs, best first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from operator import itemgetter

from rapidfuzz.distance import Levenshtein

from briefing_tui.search.concepts import ACRONYM, OFFICE
from briefing_tui.search.fields import CODE_WEIGHTS, NAME, SLOT_LENGTHS
from briefing_tui.search.fold import variant_key
from briefing_tui.search.query import CONCEPT, EXACT, FUZZY, PREFIX, SUFFIX, WORD, Alternative, Group, Term
from briefing_tui.search.vocab import Alphabet, budget

#: What the index keeps of a token: field code → positions; or, for a token only one participant
#: has in one field, both packed in one int (see `pack`).
Postings = dict[int, tuple[int, ...]] | int


def pack(code: int, position: int) -> int:
    return code << 32 | position


#: Scores are integers (exact sums, cheap comparisons); a name match gets one unit more than any
#: other match scoring the same, which is how ties go to name matches.
SCALE = 1_000_000
_NAME_BONUS = tuple(int(code // SLOT_LENGTHS == NAME) for code in range(len(CODE_WEIGHTS)))

# Match qualities, before field weights.
Q_EXACT = 1.0
Q_VARIANT = 0.9
Q_VARIANT_SPREAD = 0.06  # how far a variant's literal distance from the typed word lowers it
Q_INITIALS = 0.8
Q_TYPO = 0.8  # minus Q_PER_EDIT per edit
Q_VARIANT_TYPO = 0.75
Q_PER_EDIT = 0.15
Q_PREFIX = 0.55  # plus Q_COVER times the share of the word typed
Q_VARIANT_PREFIX = 0.5
Q_COVER = 0.3
Q_PREFIX_EDIT = 0.3
Q_CONTAINS = 0.6  # 'x inside a word, not at its start
#: Through the vocabulary tables: below the literal words ("Foreign Minister" for "foreign
#: minister"), above a prefix or a typo.
Q_CONCEPT = 0.85
Q_WORDS_ALONE = 0.8  # the words of an office or a country without it (see `concept_group`)
Q_ACRONYM = 0.8  # the initials of an organisation's words: "pif" for Public Investment Fund

INITIALS_SCORE = int(Q_INITIALS * SCALE) + 1  # initials are of names
_TERM_CACHE = 512


@dataclass(slots=True)
class Matched:
    """What one term matched: tokens with their quality, and initials."""

    term: Term
    quality: dict[str, float]
    initials: frozenset[str] = frozenset()
    #: Matched only with typos (or not at all): the word may be two words run together.
    loose: bool = False

    def highlight(self, token: str) -> tuple[int, int] | None:
        """The part of `token`'s fold to highlight, or None for all of it."""
        text = self.term.text
        if len(token) <= len(text):
            return None
        kind = self.term.kind
        if kind in (FUZZY, PREFIX) and token.startswith(text):
            return 0, len(text)
        if kind == SUFFIX:
            return len(token) - len(text), len(token)
        if kind == EXACT:
            at = token.find(text)
            return at, at + len(text)
        return None


#: (score, positions) pairs, best first.
EntryList = list[tuple[int, tuple[int, ...]]]


@dataclass(slots=True)
class Entries:
    """What a group of the query selects: its matches, and the scored postings of those."""

    matched: list[Matched]
    size: int  # positions in all entries (an upper bound of the participants)
    plain: bool  # no phrases: a participant's score is its best token's
    build: Callable[[], EntryList] | None
    done: EntryList | None = None

    @property
    def entries(self) -> EntryList:
        """Built when first needed: a broad word next to a selective one may never need them."""
        if self.done is None:
            assert self.build is not None
            self.done, self.build = self.build(), None
        return self.done


class Terms:
    """Term matching over one index's vocabulary."""

    scale = SCALE

    def __init__(
        self,
        postings: dict[str, Postings],
        initials: dict[str, tuple[int, ...]],
        folds: Alphabet,
        by_key: dict[str, str],
    ) -> None:
        self.postings = postings
        self.initials = initials
        self.folds = folds
        self.by_key = by_key
        # Variant keys forgive typos in whole words only: prefixes of keys are too loose.
        self.keys = Alphabet(by_key, prefixes=False)
        #: token → how many positions its postings hold
        self.counts = {
            token: 1 if isinstance(per_code, int) else sum(map(len, per_code.values()))
            for token, per_code in postings.items()
        }
        self._cache: OrderedDict[Term, Matched] = OrderedDict()

    # --- groups -------------------------------------------------------------------------------

    def group(self, group: Group) -> Entries:
        if group.concepts:
            return self.concept_group(group)
        phrases: EntryList = []
        direct: list[Matched] = []
        matched: list[Matched] = []
        for alternative in group.alternatives:
            if len(alternative) == 1:
                found = self.term(alternative[0])
                if found.loose:
                    split = self._split(alternative[0])
                    if split is not None:
                        phrases += self._phrase(split, matched)
                direct.append(found)
                matched.append(found)
            else:
                phrases += self._phrase(alternative, matched)
        counts, initials = self.counts, self.initials
        size = sum(len(ps) for _, ps in phrases)
        for found in direct:
            size += sum(map(counts.__getitem__, found.quality))
            size += sum(len(initials[typed]) for typed in found.initials)

        def build() -> EntryList:
            entries = phrases[:]
            for found in direct:
                entries += self._entries(found)
            entries.sort(key=itemgetter(0), reverse=True)
            return entries

        return Entries(matched, size, not phrases, build)

    def concept_group(self, group: Group) -> Entries:
        """The words of a phrase naming an office or a country, and that office or country.

        Both (the field says "Foreign Minister"): the words' score, as any literal match. The
        concept alone ("Minister of External Relations"): `Q_CONCEPT`, below an exact word. The
        words alone, which another office may hold ("Deputy Foreign Minister"), or words spread
        over other fields: `Q_WORDS_ALONE` of their mean. A participant scores the best of these.
        Words that name an office rank its holders first: words alone ("fm" as a name's initials,
        "mod" as the start of "Modi") come below the last of them.
        """
        (literal,) = group.alternatives
        concept = [self.term(Term(CONCEPT, token)) for token in group.concepts]
        words = [self.term(term) for term in literal]
        counts = self.counts
        size = sum(counts.get(token, 0) for token in group.concepts)
        office = any(token.startswith(OFFICE) for token in group.concepts)
        if words:
            size += min(sum(map(counts.__getitem__, found.quality)) for found in words)

        def build() -> EntryList:
            named: dict[int, int] = {}
            for found in concept:
                for score, positions in self._entries(found):
                    for position in positions:
                        if score > named.get(position, 0):
                            named[position] = score
            spelled = self._mean(words) if words else {}
            ceiling = min(named.values()) - 1 if named and office else SCALE * 2
            best: dict[int, int] = {}
            for position, mean in spelled.items():
                held = named.get(position)
                best[position] = min(int(mean * Q_WORDS_ALONE), ceiling) if held is None else max(held, mean)
            for position, held in named.items():
                best.setdefault(position, held)
            return sorted(_by_score(best), reverse=True)

        return Entries([*words, *concept], size, False, build)

    def _mean(self, words: list[Matched]) -> dict[int, int]:
        """Position → the mean of its best score for each word, for those with all the words."""
        totals: dict[int, int] | None = None
        for found in sorted(words, key=lambda m: sum(map(self.counts.__getitem__, m.quality))):
            best: dict[int, int] = {}
            for score, positions in sorted(self._entries(found), key=itemgetter(0), reverse=True):
                for position in positions:
                    if position not in best and (totals is None or position in totals):
                        best[position] = score
            totals = best if totals is None else {p: s + best[p] for p, s in totals.items() if p in best}
        return {p: s // len(words) for p, s in (totals or {}).items()}

    def _entries(self, matched: Matched) -> EntryList:
        found: EntryList = []
        postings = self.postings
        weights, bonus = CODE_WEIGHTS, _NAME_BONUS
        for token, quality in matched.quality.items():
            scale = quality * SCALE
            per_code = postings[token]
            if isinstance(per_code, int):
                code = per_code >> 32
                found.append((int(scale * weights[code]) + bonus[code], (per_code & 0xFFFFFFFF,)))
            else:
                found += [(int(scale * weights[code]) + bonus[code], ps) for code, ps in per_code.items()]
        for typed in matched.initials:
            found.append((INITIALS_SCORE, self.initials[typed]))
        return found

    def _phrase(self, terms: Alternative, matched: list[Matched]) -> EntryList:
        """Entries of words that must all match: the mean of their scores."""
        found = [self.term(term) for term in terms]
        matched += found
        return _by_score(self._mean(found))

    def _split(self, term: Term) -> Alternative | None:
        """ "xijinping" or "abdulaziz" typed as one word where the list has two."""
        word = term.text
        if term.kind != FUZZY or len(word) < 4:
            return None
        postings = self.postings
        for cut in range(2, len(word) - 1):
            if word[:cut] in postings and word[cut:] in postings:
                return Term(FUZZY, word[:cut]), Term(FUZZY, word[cut:])
        return None

    # --- terms --------------------------------------------------------------------------------

    def term(self, term: Term) -> Matched:
        cached = self._cache.get(term)
        if cached is not None:
            self._cache.move_to_end(term)
            return cached
        if term.kind == FUZZY:
            found = self._fuzzy(term)
        else:
            found = Matched(term, self._operator(term))
        self._cache[term] = found
        if len(self._cache) > _TERM_CACHE:
            self._cache.popitem(last=False)
        return found

    def _fuzzy(self, term: Term) -> Matched:
        word = term.text
        length = len(word)
        quality = {
            token: Q_EXACT if len(token) == length else Q_PREFIX + Q_COVER * length / len(token)
            for token in self.folds.starting_with(word)
        }
        key = variant_key(word)
        by_key = self.by_key
        if length < 3:
            # One or two letters match plenty as prefixes; only same-key words ("al" ~ "el").
            for token in by_key.get(key, "").split():
                if Q_VARIANT > quality.get(token, 0.0):
                    quality[token] = Q_VARIANT
        else:
            for other in self.keys.starting_with(key):
                whole = len(other) == len(key)
                value = Q_VARIANT if whole else Q_VARIANT_PREFIX + Q_COVER * len(key) / len(other)
                for token in by_key[other].split():
                    # Of two spellings with the same key, the one closer to what was typed wins:
                    # "rumayan" is Rumayyan before Roman.
                    score = (
                        value - Q_VARIANT_SPREAD * Levenshtein.normalized_distance(word, token)
                        if whole
                        else value
                    )
                    if score > quality.get(token, 0.0):
                        quality[token] = score
        letters = frozenset({word} & self.initials.keys()) if 2 <= length <= 5 else frozenset()
        acronym = ACRONYM + word
        if 2 <= length <= 8 and acronym in self.postings:
            quality[acronym] = Q_ACRONYM
        loose = not quality and not letters
        if budget(length):
            self._typos(word, key, quality, everywhere=False)
            if not quality and not letters:
                # Nothing at all: perhaps the typo is in the first letter.
                self._typos(word, key, quality, everywhere=True)
        return Matched(term, quality, letters, loose)

    def _typos(self, word: str, key: str, quality: dict[str, float], *, everywhere: bool) -> None:
        length = len(word)
        typos = self.folds.fuzzy(word, everywhere=everywhere)
        for token, edits in typos.whole.items():
            value = Q_TYPO - Q_PER_EDIT * edits
            if value > quality.get(token, 0.0):
                quality[token] = value
        for token, edits in typos.prefix.items():
            value = Q_PREFIX + Q_COVER * length / len(token) - Q_PREFIX_EDIT * edits
            if value > quality.get(token, 0.0):
                quality[token] = value
        by_key = self.by_key
        # The budget is the typed word's: "Mirzieev" is 8 letters even if its key is shorter.
        variants = self.keys.fuzzy(key, everywhere=everywhere, edits=budget(length))
        for other, edits in variants.whole.items():
            value = Q_VARIANT_TYPO - Q_PER_EDIT * edits
            for token in by_key[other].split():
                if value > quality.get(token, 0.0):
                    quality[token] = value

    def _operator(self, term: Term) -> dict[str, float]:
        text, kind = term.text, term.kind
        if kind == CONCEPT:
            return {text: Q_CONCEPT} if text in self.postings else {}
        if kind == WORD:
            return {text: Q_EXACT} if text in self.postings else {}
        if kind == PREFIX:
            return {t: prefix_quality(len(text), t) for t in self.folds.starting_with(text)}
        if kind == SUFFIX:
            return {
                t: Q_EXACT if len(t) == len(text) else Q_CONTAINS
                for t in self.folds.sorted
                if t.endswith(text)
            }
        quality: dict[str, float] = {}
        for token in self.folds.sorted:
            if text in token:
                quality[token] = prefix_quality(len(text), token) if token.startswith(text) else Q_CONTAINS
        return quality


def prefix_quality(typed: int, token: str) -> float:
    if typed >= len(token):
        return Q_EXACT
    return Q_PREFIX + Q_COVER * typed / len(token)


def _by_score(scores: dict[int, int]) -> EntryList:
    """Position → score as entries: each score with its positions."""
    by_score: dict[int, list[int]] = {}
    for position, score in scores.items():
        by_score.setdefault(score, []).append(position)
    return [(score, tuple(ps)) for score, ps in by_score.items()]
