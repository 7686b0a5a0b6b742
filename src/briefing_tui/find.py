"""Find any text of a library: key points, agreements, events, figures, summaries, notes, evidence
quotes and the source articles, through the cache's full-text index (SQLite FTS5).

    library.find('"transit trade" OR bank* NOT loan')

Query: words (all must match, in any order and place of one text), `"a phrase"`, `prefix*`,
`AND`, `OR`, `NOT` (in capitals) and parentheses; case, accents and script variants aside (see
`fulltext`). A query that cannot be read raises `FindError` saying why.

A hit names the briefing, the kind of item and its `Ref` (None: the source article), and gives a
snippet of the item's own text with the matches as offsets into that text. The text is the checked
entry's (or the source file's, checked against its digest), never the index's: the index only says
which texts to look at, and a text in which the query's words cannot be found is not a hit.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing_tui.fulltext import SOURCE, TextPath, path_of, text_at, words
from briefing_tui.items import Ref

if TYPE_CHECKING:
    from briefing_tui.entries import LibraryEntry
    from briefing_tui.library import Library

Span = tuple[int, int]
#: A phrase's folded words, and whether the last is a prefix.
Phrase = tuple[tuple[str, ...], bool]
#: Characters of context before the first match in a snippet, and a snippet's length at most.
BEFORE, SNIPPET = 60, 200
_KINDS = {
    "key_points": ("key point", "key_point"),
    "agreements": ("agreement", "agreement"),
    "events": ("event", "event"),
    "figures": ("figure", "briefing"),
    "participants": ("participant", "participant"),
}


class FindError(ValueError):
    """A query that cannot be read: the message says why."""


@dataclass(frozen=True, slots=True)
class Query:
    """A query as FTS5 reads it, and the phrases whose matches a hit shows."""

    fts: str
    phrases: tuple[Phrase, ...]


_LEXEME = re.compile(r'\s*(?:(\()|(\))|("[^"]*"?\*?)|([^\s()"]+))')


def parse_query(query: str) -> Query:
    """Read a find query; raises `FindError`."""
    tokens: list[str] = []
    position, text = 0, query.strip()
    while position < len(text):
        match = _LEXEME.match(text, position)
        if match is None or match.end() == position:
            raise FindError(f"cannot read {text[position:]!r}")
        tokens.append(match.group().strip())
        position = match.end()
    if not tokens:
        raise FindError('nothing to find: type a word, a "phrase" or a prefix*')
    parser = _Parser(tokens)
    fts = parser.expression()
    if parser.at < len(tokens):
        raise FindError(
            f"unexpected {tokens[parser.at]!r}" + (": no '(' before it" if tokens[parser.at] == ")" else "")
        )
    return Query(fts, tuple(dict.fromkeys(parser.phrases)))


class _Parser:
    """OR of ANDs of NOTs, as FTS5 reads them; written back fully parenthesised, each word quoted."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.at = 0
        self.phrases: list[Phrase] = []
        self._negated = 0

    def _peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def expression(self) -> str:
        parts = [self._and()]
        while self._peek() == "OR":
            self.at += 1
            parts.append(self._and("OR"))
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def _and(self, after: str | None = None) -> str:
        parts = [self._not(after)]
        while (token := self._peek()) is not None and token not in ("OR", ")"):
            if token == "AND":
                self.at += 1
                parts.append(self._not("AND"))
            else:
                parts.append(self._not())
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def _not(self, after: str | None = None) -> str:
        left = self._primary(after)
        while self._peek() == "NOT":
            self.at += 1
            self._negated += 1
            right = self._primary("NOT")
            self._negated -= 1
            left = f"({left} NOT {right})"
        return left

    def _primary(self, after: str | None) -> str:
        token = self._peek()
        if token is None or token in ("AND", "OR", "NOT", ")"):
            if after is not None:
                raise FindError(f"{after} needs a word or phrase after it")
            if token == "NOT":
                raise FindError('NOT needs a word before it: "bank NOT loan"')
            if token is None:
                raise FindError("nothing to find")
            raise FindError(f"{token} needs a word or phrase before it")
        self.at += 1
        if token == "(":
            inner = self.expression()
            if self._peek() != ")":
                raise FindError("a '(' is not closed")
            self.at += 1
            return inner
        return self._term(token)

    def _term(self, token: str) -> str:
        prefix = token.endswith("*")
        body = token[:-1] if prefix else token
        if body.startswith('"'):
            if len(body) < 2 or not body.endswith('"'):
                raise FindError(f"{token}: a quote is not closed")
            body = body[1:-1]
        folds = tuple(fold for fold, _, _ in words(body))
        if not folds:
            raise FindError(f"{token!r} has no letters or digits to find")
        if not self._negated:
            self.phrases.append((folds, prefix))
        return '"' + " ".join(folds) + '"' + ("*" if prefix else "")


@dataclass(frozen=True, slots=True)
class FindHit:
    """One text of one briefing that a query finds."""

    entry: LibraryEntry
    #: Where the text is in the briefing, in `to_data`'s shape: ("key_points", 2, "evidence", 0).
    path: TextPath
    #: The item to open at it: a key point, agreement, event or participant, or the briefing
    #: (headline, summary, figures); None for the source article.
    item: Ref | None
    #: What it is, for a person: "key point", "agreement", "figure", "source article"...
    kind: str
    #: Which of its texts: "text", "title", "summary", "evidence", "notes", "article"...
    field: str
    snippet: str
    #: Where the snippet starts in the text.
    snippet_start: int
    #: The matches within the snippet, as (start, end) offsets into the whole text.
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class Found:
    """The hits of a query, best first, and how many texts match in all."""

    hits: list[FindHit]
    total: int
    #: Whether the hits are ranked by relevance (up to `store.RANK_LIMIT` matches) or in file order.
    ranked: bool

    def __iter__(self) -> Iterator[FindHit]:
        return iter(self.hits)

    def __len__(self) -> int:
        return len(self.hits)


def find(library: Library, query: str, *, limit: int = 50) -> Found:
    from briefing_tui.store import RANK_LIMIT, FindQueryError, fts5_available

    parsed = parse_query(query)
    by_id = {e.file_id: e for e in library.entries if e.valid and e.file_id is not None}
    try:
        # A few more than asked: a text the index names but the checked text does not hold is dropped.
        rows, total = library.store.match(parsed.fts, frozenset(by_id), limit + 10)
    except FindQueryError as exc:
        if not fts5_available():
            raise FindError(str(exc)) from None
        raise FindError(f"cannot read the query: {exc}") from None
    located = [(by_id[file_id], path_of(raw)) for file_id, raw in rows if file_id in by_id]
    data = dict(library.data(dict.fromkeys(entry for entry, path in located if path != SOURCE)))
    hits: list[FindHit] = []
    for entry, path in located:
        if path == SOURCE:
            text = library.source_text(entry)
        else:
            text = text_at(data[entry], path) if entry in data else None
        hit = hit_of(entry, path, text, parsed.phrases) if text else None
        if hit is not None:
            hits.append(hit)
            if len(hits) >= limit:
                break
    return Found(hits, total, total <= RANK_LIMIT)


def hit_of(entry: LibraryEntry, path: TextPath, text: str, phrases: tuple[Phrase, ...]) -> FindHit | None:
    """The hit of `text` (at `path` of `entry`) for the phrases, or None if none is in it."""
    first = next(spans_in(text, phrases), None)
    if first is None:
        return None
    start, end = snippet_bounds(text, first[0])
    spans: list[Span] = []
    for a, b in spans_in(text, phrases, start):
        if a >= end:
            break
        spans.append((a, min(b, end)))
    if path == SOURCE:
        item, kind, field = None, "source article", "article"
    elif len(path) == 1:
        item, kind, field = Ref("briefing", 0), "briefing", str(path[0])
    else:
        kind, ref_kind = _KINDS[str(path[0])]
        index = path[1] if isinstance(path[1], int) else 0
        item = Ref(ref_kind, 0 if ref_kind == "briefing" else index)  # type: ignore[arg-type]
        field = str(path[2])
    return FindHit(entry, path, item, kind, field, text[start:end], start, tuple(spans))


def snippet_bounds(text: str, at: int) -> tuple[int, int]:
    """Where a snippet of `text` around offset `at` starts and ends, at spaces where it can."""
    start = max(0, at - BEFORE)
    if start > 0:
        space = text.find(" ", start, at)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + SNIPPET)
    if end < len(text):
        space = text.rfind(" ", at, end)
        end = space if space > at else end
    return start, end


def spans_in(text: str, phrases: tuple[Phrase, ...], start: int = 0) -> Iterator[Span]:
    """Where the phrases are in `text` (from `start`), in order: offsets into `text`, the whole
    word for a prefix."""
    if text.isascii() and all(word.isascii() for words_, _ in phrases for word in words_):
        yield from _ascii_spans(text, phrases, start)
        return
    longest = max(len(folds) for folds, _ in phrases)
    window: deque[tuple[str, int, int]] = deque(maxlen=longest)
    for word in words(text, start):
        window.append(word)
        for folds, prefix in phrases:
            n = len(folds)
            if len(window) < n:
                continue
            tail = list(window)[-n:]
            if all(tail[k][0] == folds[k] for k in range(n - 1)) and (
                tail[-1][0].startswith(folds[-1]) if prefix else tail[-1][0] == folds[-1]
            ):
                yield tail[0][1], tail[-1][2]
                break


def _ascii_spans(text: str, phrases: tuple[Phrase, ...], start: int) -> Iterator[Span]:
    # In ASCII a word is a run of letters and digits and its fold is its lower case: a regular
    # expression finds the same matches, and in a long article far faster than word by word.
    patterns = []
    for folds, prefix in phrases:
        body = r"[^A-Za-z0-9]+".join(re.escape(word) for word in folds)
        tail = r"[A-Za-z0-9]*" if prefix else r"(?![A-Za-z0-9])"
        patterns.append(rf"(?<![A-Za-z0-9]){body}{tail}")
    pattern = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    for match in pattern.finditer(text, start):
        yield match.start(), match.end()
