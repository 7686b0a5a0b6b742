"""What readers call people besides their names: offices, countries and organisation acronyms.

Two data tables hold the words (`tables/offices.txt`, `tables/countries.txt`; their headers give
the format): an office under any of its names ("Minister of External Relations", "Ministre des
Affaires étrangères", `fm`), a country under its names, short forms and adjectives ("Iran",
"Iranian", "Persian"). A phrase found in a field gives the field a concept token (`~foreign-
minister`, `@ir`) whose span covers the phrase; a query whose words spell a phrase of the same
concept matches it, below a literal match. Concept tokens begin with a character no typed word
folds to, so they are never found by prefix, typo or variant: only through the tables.

Organisation acronyms are derived, not listed: "Public Investment Fund" gives `=pif`, "Ministry
of Foreign Affairs" `=mfa` and `=mofa`; a typed word matches them as initials.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from briefing_tui.search.fold import words

OFFICE = "~"  # an office's token: "~" + its id
COUNTRY = "@"  # a country's: "@" + its ISO code
ACRONYM = "="  # an acronym derived from an organisation's words: "=" + its letters
SYNTHETIC = (OFFICE, COUNTRY, ACRONYM)

#: Ignored inside phrases, in the text and in the table alike: "Minister for Foreign Affairs" is
#: "minister of foreign affairs", "Ministre des Affaires étrangères" is "ministre affaires
#: etrangeres".
FILLERS = frozenset(
    "of for the and a an to de des du d da das do dos del della di la le les el los las y e et und".split()
)
_PLACEHOLDER = "{country}"
_WHOLE = "="
#: Where an organisation's name breaks into parts, each with its own acronym.
_SEGMENTS = re.compile(r"[,;:()\[\]/|–—]| - ")


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]  # folded, fillers dropped; `_PLACEHOLDER` stands for any country
    tokens: tuple[str, ...]  # the concept tokens it gives
    whole: bool = False  # only when it is the whole field


class Table:
    """Phrases by first word; matched longest first."""

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        merged: dict[tuple[tuple[str, ...], bool], set[str]] = {}
        for phrase in phrases:
            merged.setdefault((phrase.words, phrase.whole), set()).update(phrase.tokens)
        self.by_first: dict[str, list[Phrase]] = {}
        for (found, whole), tokens in merged.items():
            self.by_first.setdefault(found[0], []).append(Phrase(found, tuple(sorted(tokens)), whole))
        for candidates in self.by_first.values():
            candidates.sort(key=lambda p: -len(p.words))


def parse_table(text: str, prefix: str, *, name: str = "table") -> list[Phrase]:
    """The phrases of a table file (see the header of `tables/offices.txt`)."""
    phrases: list[Phrase] = []
    current: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            end = line.find("]")
            if end < 2:
                raise ValueError(f"{name}:{number}: an entry starts with [id]")
            current, line = line[1:end].strip(), line[end + 1 :]
        if current is None:
            raise ValueError(f"{name}:{number}: a phrase before the first [id]")
        for part in line.split("|"):
            spelled = part.strip()
            if not spelled:
                continue
            whole = spelled.startswith(_WHOLE)
            found = phrase_words(spelled.removeprefix(_WHOLE))
            if not found:
                raise ValueError(f"{name}:{number}: {spelled!r} has no words but fillers")
            phrases.append(Phrase(found, (prefix + current,), whole))
    return phrases


def phrase_words(text: str) -> tuple[str, ...]:
    """A phrase's folded words, fillers dropped; `{country}` kept as is."""
    found: list[str] = []
    for n, piece in enumerate(text.split(_PLACEHOLDER)):
        if n:
            found.append(_PLACEHOLDER)
        found += [f for f, _, _ in words(piece, split_han=False) if f not in FILLERS]
    return tuple(found) if set(found) - {_PLACEHOLDER} else ()


def _read(name: str) -> str:
    return files("briefing_tui.search").joinpath("tables", name).read_text(encoding="utf-8")


@cache
def countries() -> Table:
    return Table(parse_table(_read("countries.txt"), COUNTRY, name="countries.txt"))


@cache
def offices() -> Table:
    return Table(parse_table(_read("offices.txt"), OFFICE, name="offices.txt"))


# --- matching -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """A phrase found in a list of words: its tokens and the words [start, end) it covers."""

    tokens: tuple[str, ...]
    start: int
    end: int
    #: Words [start, end) that spelled the country of a `{country}` phrase: they mean the country,
    #: not the office.
    country: tuple[int, int] | None = None


def find(folds: Sequence[str], *, field: bool = True, with_offices: bool = True) -> list[Found]:
    """Countries, then offices, named in `folds` (a field's or a query's folded words).

    `field`: the words are a whole field, so `=` phrases may match (a query "president" means the
    word, not a head of state).
    """
    kept = [i for i, f in enumerate(folds) if f not in FILLERS]
    content = [folds[i] for i in kept]
    places = list(_longest(content, countries(), {}, whole=False))
    found = [Found(tokens, kept[a], kept[b - 1] + 1) for tokens, a, b, _ in places]
    if with_offices:
        starts = {a: (b, tokens) for tokens, a, b, _ in places}
        for tokens, a, b, country in _longest(content, offices(), starts, whole=field):
            at = (kept[country[0]], kept[country[1] - 1] + 1) if country else None
            found.append(Found(tokens, kept[a], kept[b - 1] + 1, at))
    return found


def _longest(
    content: list[str], table: Table, countries_at: dict[int, tuple[int, tuple[str, ...]]], *, whole: bool
) -> Iterator[tuple[tuple[str, ...], int, int, tuple[int, int] | None]]:
    """(tokens, start, end, country words) of non-overlapping phrases, the longest at each word."""
    i = 0
    while i < len(content):
        best: tuple[tuple[str, ...], int, tuple[int, int] | None] | None = None
        firsts = [content[i]] + ([_PLACEHOLDER] if i in countries_at else [])
        for first in firsts:
            for phrase in table.by_first.get(first, ()):
                matched = _match(phrase.words, content, i, countries_at)
                if matched is None:
                    continue
                end, country = matched
                if phrase.whole and (not whole or i != 0 or end != len(content)):
                    continue
                if best is None or end > best[1]:
                    best = (phrase.tokens, end, country)
        if best is None:
            i += 1
            continue
        yield best[0], i, best[1], best[2]
        i = best[1]


def _match(
    phrase: tuple[str, ...], content: list[str], at: int, countries_at: dict[int, tuple[int, tuple[str, ...]]]
) -> tuple[int, tuple[int, int] | None] | None:
    """Where `phrase` ends when it starts at `content[at]`, and the country it spans; or None."""
    i, country = at, None
    for word in phrase:
        if word == _PLACEHOLDER:
            place = countries_at.get(i)
            if place is None:
                return None
            country = (i, place[0])
            i = place[0]
        elif i < len(content) and content[i] == word:
            i += 1
        else:
            return None
    return i, country


# --- acronyms -----------------------------------------------------------------------------------


def acronyms(text: str) -> Iterator[tuple[str, tuple[int, ...]]]:
    """(`=letters`, offsets of the letters' words) for each part of a multi-word name.

    "Agência Nacional do Petróleo, Gás Natural e Biocombustíveis" gives `=anp` and `=gnb`;
    "Ministry of Foreign Affairs" `=mfa` and, fillers kept, `=mofa`.
    """
    begin = 0
    for piece in [*_SEGMENTS.split(text)]:
        at = text.find(piece, begin)
        begin = at + len(piece)
        found = [(f, start + at) for f, start, _ in words(piece, split_han=False) if f[0].isalpha()]
        content = [(f, s) for f, s in found if f not in FILLERS]
        if len(content) < 2:
            continue
        letters = "".join(f[0] for f, _ in content)
        yield ACRONYM + letters, tuple(s for _, s in content)
        if len(found) != len(content) and len(found) <= 6:
            yield ACRONYM + "".join(f[0] for f, _ in found), tuple(s for _, s in found)
