"""The filter language of a library, and its sorts.

    energy kazakstan topic:trade -side:China place:"Nur-Sultan" after:2026-03 year:2026 is:invalid

- A free word matches the headline, location, topics and outlet: as a word, the start of one, or
  one close to it (a typo or a transliteration: "kazakstan", "Қазақстан"); `"words in quotes"`
  match as a phrase. A file that did not load is matched by its name.
- `field:value` narrows: `topic:`, `side:` (any participant's), `place:` (the location), `outlet:`
  match the start of words of that field ("topic:ener" finds "renewable energy"); `person:` finds
  people by any spelling (the participant search engine); `after:` keeps dates on or after the
  start of a day, month or year (`after:2026-03`), `before:` dates before it; `year:2026`;
  `is:invalid` the files that did not load, `is:valid` the others. Values with spaces are quoted.
- `-term` excludes what the term matches. Every term must match.

An unknown field, an impossible date or a value missing says so (`FilterError`): a filter never
matches nothing because it was misread. Sorts: date (newest first), published (newest first),
headline (A to Z), participants (most first); files that did not load come last, and ties keep
file order. A briefing with no published date sorts by its date among the published.
"""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from briefing_tui.format.suggest import did_you_mean
from briefing_tui.search.fold import variant_key, words

if TYPE_CHECKING:
    from briefing_tui.entries import LibraryEntry
    from briefing_tui.persons import People

Sort = Literal["date", "published", "headline", "participants"]
#: Each sort and how a title says it.
SORTS: dict[Sort, str] = {
    "date": "newest first",
    "published": "newest published first",
    "headline": "by headline",
    "participants": "most participants first",
}
FIELDS = ("topic", "person", "side", "place", "outlet", "after", "before", "year", "is")
#: `person:` keeps the briefings of at most this many people, the best matches: one letter
#: matches most people, and the list must follow every keystroke.
PERSON_LIMIT = 250
#: How close (0-100) a word must be to count as a typo of a word of a briefing.
FUZZY_CUTOFF = 80
_TOKEN = re.compile(r'\s*(-?)(?:([A-Za-z]+):)?("[^"]*"?|[^\s"]*)')
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


class FilterError(ValueError):
    """A filter that cannot be read: the message says what to change."""


@dataclass(frozen=True, slots=True)
class Term:
    field: str | None  # None: a free word or phrase
    value: str
    negated: bool = False
    phrase: bool = False


def parse(expression: str) -> list[Term]:
    """The terms of a filter; raises `FilterError` for one that cannot be read."""
    terms: list[Term] = []
    position = 0
    text = expression.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        assert match is not None  # every part of the pattern may be empty
        position = match.end()
        negated, field, raw = match.group(1) == "-", match.group(2), match.group(3)
        written = match.group().strip()
        if raw.startswith('"'):
            if len(raw) < 2 or not raw.endswith('"'):
                raise FilterError(f'{written}: a quote is not closed; close it with "')
            value, phrase = raw[1:-1], True
        else:
            value, phrase = raw, False
        if match.end() == match.start() or not written:
            raise FilterError(f"cannot read the filter from {text[position:]!r}")
        if field is not None:
            field = field.lower()
            if field not in FIELDS:
                hint = did_you_mean(field, FIELDS)
                known = f" (fields: {', '.join(f + ':' for f in FIELDS)})"
                raise FilterError(f"unknown field {field + ':'!r} in {written!r}{hint or known}")
            if not value.strip():
                raise FilterError(f"{written} needs a value, like {_EXAMPLES[field]}")
        elif not value.strip() or value == "-":
            if negated or phrase:
                raise FilterError(f"{written}: nothing to match; write a word after it")
            continue
        terms.append(Term(field, value.strip(), negated, phrase))
    return terms


def check(expression: str) -> list[Term]:
    """The terms of a filter, each value checked as far as it can be without a library (dates,
    `is:`); raises `FilterError` as filtering would. For filters written down (named views)."""
    terms = parse(expression)
    for term in terms:
        if term.field in ("after", "before"):
            period_start(term.field, term.value)
        elif term.field == "year" and (not re.fullmatch(r"\d{4}", term.value) or term.value == "0000"):
            raise FilterError(f"year:{term.value}: expected a year like 2026")
        elif term.field == "is" and term.value.lower() not in ("valid", "invalid"):
            hint = did_you_mean(term.value.lower(), ("invalid", "valid"))
            raise FilterError(f"is:{term.value}: expected is:invalid or is:valid{hint}")
    return terms


_EXAMPLES = {
    "topic": "topic:energy",
    "person": "person:tokayev",
    "side": "side:Kazakhstan",
    "place": 'place:"Nur-Sultan"',
    "outlet": "outlet:Kazinform",
    "after": "after:2026-03-01",
    "before": "before:2026",
    "year": "year:2026",
    "is": "is:invalid",
}


def period_start(field: str, value: str) -> dt.date:
    """The first day of the day, month or year `value` names; `FilterError` if it names none."""
    match = _DATE.fullmatch(value)
    if match is None:
        raise FilterError(f"{field}:{value}: expected a date like 2026-03-01, 2026-03 or 2026")
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    if year == 0:
        raise FilterError(f"{field}:{value}: impossible date: there is no year 0")
    if not 1 <= month <= 12:
        raise FilterError(f"{field}:{value}: impossible date: there is no month {month}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        raise FilterError(f"{field}:{value}: impossible date: {name} {year} has {days} days")
    return dt.date(year, month, day)


def _folds(text: str) -> tuple[str, ...]:
    return tuple(fold for fold, _, _ in words(text, split_han=False))


def _starts_words(value: tuple[str, ...], text: tuple[str, ...]) -> bool:
    """Whether `value`'s words are words of `text` in a row, the last the start of one."""
    n = len(value)
    if not n:
        return False
    head, last = value[:-1], value[-1]
    return any(
        text[i : i + n - 1] == head and text[i + n - 1].startswith(last) for i in range(len(text) - n + 1)
    )


class FilterIndex:
    """A library's entries, prepared so that each keystroke of a filter is a few set operations."""

    def __init__(
        self,
        entries: Sequence[LibraryEntry],
        people: Callable[[], People],
        name: Callable[[LibraryEntry], str],
    ) -> None:
        self.entries = list(entries)
        self._people = people
        self._name = name
        self.valid = frozenset(row for row, entry in enumerate(self.entries) if entry.summary is not None)
        self._all = frozenset(range(len(self.entries)))
        self._orders: dict[Sort, list[int]] = {}
        self._memo: dict[tuple[str | None, str, bool], frozenset[int]] = {}
        self._prepared = False

    def _prepare(self) -> None:
        """The folded texts of every entry, by field: made for the first filter, not for a sort."""
        if self._prepared:
            return
        enabled = gc.isenabled()
        gc.disable()  # tens of thousands of sets that live on: no collector passes while made
        try:
            self._index_texts()
        finally:
            if enabled:
                gc.enable()
        self._prepared = True

    def _index_texts(self) -> None:
        self._row_of = {id(entry): row for row, entry in enumerate(self.entries)}
        #: field -> folded text -> rows having it
        self._fields: dict[str, defaultdict[tuple[str, ...], set[int]]] = {
            field: defaultdict(set) for field in ("topic", "side", "place", "outlet")
        }
        self._free: defaultdict[str, set[int]] = defaultdict(set)
        self._free_texts: list[tuple[str, ...]] = []
        fields = self._fields
        for row, entry in enumerate(self.entries):
            summary = entry.summary
            if summary is None:
                texts: Iterable[str] = (self._name(entry),)
            else:
                for topic in summary.topics:
                    fields["topic"][_folds(topic)].add(row)
                for side in summary.sides:
                    fields["side"][_folds(side)].add(row)
                if summary.location:
                    fields["place"][_folds(summary.location)].add(row)
                if summary.outlet:
                    fields["outlet"][_folds(summary.outlet)].add(row)
                texts = (summary.headline, summary.location or "", *summary.topics, summary.outlet or "")
            folded = tuple(fold for text in texts for fold in _folds(text))
            self._free_texts.append(folded)
            for fold in folded:
                self._free[fold].add(row)
        self._vocabulary = sorted(self._free)
        # Typos and transliterations are matched on name-variant keys ("qazaqstan" and
        # "kazakhstan" are close there, not as folded).
        self._variants: defaultdict[str, list[str]] = defaultdict(list)
        for token in self._vocabulary:
            self._variants[variant_key(token)].append(token)
        self._variant_keys = list(self._variants)

    def filter(self, expression: str, *, sort: Sort = "date") -> list[LibraryEntry]:
        terms = parse(expression)
        order = self.order(sort)
        if not terms:
            return [self.entries[row] for row in order]
        self._prepare()
        kept = self._all
        for term in terms:
            rows = self._rows(term)
            kept = kept - rows if term.negated else kept & rows
        return [self.entries[row] for row in order if row in kept]

    def order(self, sort: Sort) -> list[int]:
        """Every row in the order of `sort`: valid entries, then the files that did not load."""
        if sort not in SORTS:
            raise FilterError(f"unknown sort {sort!r}{did_you_mean(sort, SORTS)} (sorts: {', '.join(SORTS)})")
        known = self._orders.get(sort)
        if known is None:
            summaries = [(row, s) for row, e in enumerate(self.entries) if (s := e.summary) is not None]
            # Stable sorts: ties keep file order.
            if sort == "headline":
                summaries.sort(key=lambda item: item[1].headline.casefold())
            elif sort == "date":
                summaries.sort(key=lambda item: item[1].date, reverse=True)
            elif sort == "published":
                summaries.sort(key=lambda item: item[1].published or item[1].date, reverse=True)
            else:
                summaries.sort(key=lambda item: item[1].participants, reverse=True)
            valid = [row for row, _ in summaries]
            known = self._orders[sort] = valid + sorted(self._all - self.valid)
        return known

    def _rows(self, term: Term) -> frozenset[int]:
        key = (term.field, term.value, term.phrase)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = frozenset(self._match(term))
            if len(self._memo) > 512:
                self._memo.pop(next(iter(self._memo)))
        return found

    def _match(self, term: Term) -> Iterable[int]:
        field, value = term.field, term.value
        if field is None:
            return self._free_rows(value, term.phrase)
        if field in self._fields:
            wanted = _folds(value)
            if not wanted:
                raise FilterError(f"{field}:{value}: no letters or digits to match")
            return {
                row
                for text, rows in self._fields[field].items()
                if _starts_words(wanted, text)
                for row in rows
            }
        if field == "person":
            return self._person_rows(value)
        if field == "is":
            state = value.lower()
            if state not in ("valid", "invalid"):
                raise FilterError(
                    f"is:{value}: expected is:invalid or is:valid{did_you_mean(state, ('invalid', 'valid'))}"
                )
            return self.valid if state == "valid" else self._all - self.valid
        return self._date_rows(field, value)

    def _date_rows(self, field: str, value: str) -> set[int]:
        if field == "year":
            if not re.fullmatch(r"\d{4}", value) or value == "0000":
                raise FilterError(f"year:{value}: expected a year like 2026")
            low, high = dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
        elif field == "after":
            low, high = period_start(field, value), dt.date.max
        else:
            low, high = dt.date.min, period_start(field, value) - dt.timedelta(days=1)
        found = set()
        for row in self.valid:
            summary = self.entries[row].summary
            if summary is not None and low <= summary.date <= high:
                found.add(row)
        return found

    def _free_rows(self, value: str, phrase: bool) -> set[int]:
        wanted = _folds(value)
        if phrase:
            return {row for row, text in enumerate(self._free_texts) if _starts_words(wanted, text)}
        found: set[int] | None = None
        for word in wanted:  # a word that folds to several ("Nur-Sultan") needs each of them
            rows = self._word_rows(word)
            found = rows if found is None else found & rows
        return found or set()

    def _word_rows(self, word: str) -> set[int]:
        vocabulary = self._vocabulary
        rows: set[int] = set()
        for index in range(bisect_left(vocabulary, word), len(vocabulary)):
            token = vocabulary[index]
            if not token.startswith(word):
                break
            rows |= self._free[token]
        if len(word) >= 4:
            from rapidfuzz import fuzz, process

            close = process.extract(
                variant_key(word),
                self._variant_keys,
                scorer=fuzz.ratio,
                score_cutoff=FUZZY_CUTOFF,
                limit=None,
            )
            for key, _, _ in close:
                for token in self._variants[key]:
                    rows |= self._free[token]
        return rows

    def _person_rows(self, value: str) -> set[int]:
        rows = set()
        for person in self._people().search(value, limit=PERSON_LIMIT):
            for appearance in person.appearances:
                row = self._row_of.get(id(appearance.entry))
                if row is not None:
                    rows.add(row)
        return rows
