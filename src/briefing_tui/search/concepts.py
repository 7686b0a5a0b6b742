"""What readers call people besides their names: offices, countries and organisation acronyms.

Two data tables hold the words (`tables/offices.txt`, `tables/countries.txt`; their headers give
the format): an office under any of its names ("Minister of External Relations", "Ministre des
Affaires étrangères", `fm`), a country under its names, short forms and adjectives ("Iran",
"Iranian", "Persian"). A phrase found in a field gives the field a concept token (`~foreign-
minister`, `@ir`) whose span covers the phrase; a query whose words spell a phrase of the same
concept matches it, below a literal match. Concept tokens begin with a character no typed word
folds to, so they are never found by prefix, typo or variant: only through the tables.

A third table, `tables/forms.txt`, reads a title's other forms as one word ("Ministra" as
"ministro", "Botschafterin" as "botschafter"), so the tables need one form of each title. An
office after "deputy", "vice", "former", "adviser"… is not the person's ("Deputy Minister of
Energy"), unless the table has the longer phrase (a deputy foreign minister is an office). A
country named after "in", "to", "em", "en"… is where a person serves, not whom they speak for
("Embaixadora de Moçambique em Portugal" is no Portuguese): it gives no country token.

Organisation acronyms are derived, not listed: "Public Investment Fund" gives `=pif`, "Ministry
of Foreign Affairs" `=mfa` and `=mofa`; a typed word matches them as initials.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from briefing_tui.search.fold import fold, words

OFFICE = "~"  # an office's token: "~" + its id
COUNTRY = "@"  # a country's: "@" + its ISO code
ACRONYM = "="  # an acronym derived from an organisation's words: "=" + its letters
SYNTHETIC = (OFFICE, COUNTRY, ACRONYM)

#: Ignored inside phrases, in the text and in the table alike: "Minister for Foreign Affairs" is
#: "minister of foreign affairs", "Ministre des Affaires étrangères" is "ministre affaires
#: etrangeres".
FILLERS = frozenset(
    "of for the and a an to de des du d da das do dos del della di la le les el los las y e et"
    " und fur der die dem den zum zur".split()
)
#: Before a country (articles skipped), a word that makes it the place of a post, not a side.
LOCATIVES = frozenset("in to at em en na no nos nas au aux dans bei im ante junto".split())
_ARTICLES = frozenset("the la le les l el los las o os as der die den dem".split())
#: Before an office (fillers skipped), a word that says the person does not hold it, and what
#: they are instead: "Deputy Minister of Energy" gives `~deputy:energy-minister`, not
#: `~energy-minister`. Where a deputy is an office of its own ("Deputy Foreign Minister"), the
#: table's longer phrase wins.
BEFORE_AN_OFFICE = {
    **dict.fromkeys("deputy vice assistant under junior".split(), "deputy"),
    **dict.fromkeys("former ex".split(), "former"),
    **dict.fromkeys("adviser advisor aide".split(), "adviser"),
    "shadow": "shadow",
}
#: After an office: "Ministre adjoint", "Ministro Adjunto", "Ministre délégué" (a junior minister).
AFTER_AN_OFFICE = dict.fromkeys(
    "adjoint adjointe adjunto adjunta delegue deleguee suplente substituto".split(), "deputy"
)
#: Fused into the next word: "Viceministro de Comercio Exterior" is a deputy trade minister.
_FUSED = ("vice", "sub")
#: The word every minister's title is read as (see forms.txt): a title that lists several
#: portfolios ("Ministre de l'Industrie, des Mines et de l'Énergie") holds each of them.
_MINISTER = "minister"
_APOSTROPHE = re.compile(r"['’`]")
#: An elided article before a word ("d'", "l'", "qu'") or a possessive after it ("'s").
_ELISION = re.compile(r"^(?:[dl]|qu)['’`](?=\w)|['’`]s$", re.IGNORECASE)
_PLACEHOLDER = "{country}"
_END = None  # a trie key no word is
_WHOLE = "="
#: Where an organisation's name breaks into parts, each with its own acronym.
_SEGMENTS = re.compile(r"[,;:()\[\]/|–—]| - ")


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]  # folded, fillers dropped; `_PLACEHOLDER` stands for any country
    tokens: tuple[str, ...]  # the concept tokens it gives
    whole: bool = False  # only when it is the whole field


class Table:
    """Phrases as a trie of words: matching a word costs one lookup, however many phrases."""

    def __init__(self, phrases: Sequence[Phrase]) -> None:
        #: word → child node; `_END` → {whole?: the tokens of the phrases ending here}.
        self.root: dict[Any, Any] = {}
        for phrase in phrases:
            node = self.root
            for word in phrase.words:
                node = node.setdefault(word, {})
            ends: dict[bool, tuple[str, ...]] = node.setdefault(_END, {})
            ends[phrase.whole] = tuple(sorted({*ends.get(phrase.whole, ()), *phrase.tokens}))


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
            bare = spelled.removeprefix(_WHOLE)
            found = phrase_words(bare)
            if not found:
                raise ValueError(f"{name}:{number}: {spelled!r} has no words but fillers")
            phrases.append(Phrase(found, (prefix + current,), whole))
            # "Côte d'Ivoire" is matched as a field reads it ("cote ivoire") and as typed ("cote divoire").
            unelided = phrase_words(bare, elide=False) if has_apostrophe(bare) else found
            if unelided != found:
                phrases.append(Phrase(unelided, (prefix + current,), whole))
    return phrases


def phrase_words(text: str, *, elide: bool = True) -> tuple[str, ...]:
    """A phrase's folded words, fillers dropped; `{country}` kept as is."""
    found: list[str] = []
    for n, piece in enumerate(text.split(_PLACEHOLDER)):
        if n:
            found.append(_PLACEHOLDER)
        spelled = list(words(piece, split_han=False))
        folds = [f for f, _, _ in spelled]
        if elide and has_apostrophe(piece):
            folds = elided([piece[a:b] for _, a, b in spelled], folds)
        found += [f for f in folds if f not in FILLERS]
    found = [read_as(f) for f in found]
    return tuple(found) if set(found) - {_PLACEHOLDER} else ()


def _read(name: str) -> str:
    return files("briefing_tui.search").joinpath("tables", name).read_text(encoding="utf-8")


def parse_forms(text: str, *, name: str = "forms") -> dict[str, str]:
    """Form → the word it is read as, from a forms table (see the header of `tables/forms.txt`)."""
    read: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        spelled = [[f for f, _, _ in words(part, split_han=False)] for part in line.split("|")]
        if len(spelled) < 2 or any(len(w) != 1 for w in spelled):
            raise ValueError(f"{name}:{number}: a line is one word, then its forms: `word | form | form`")
        word = spelled[0][0]
        for (form,) in spelled[1:]:
            if read.get(form, word) != word:
                raise ValueError(f"{name}:{number}: {form!r} is already a form of {read[form]!r}")
            read[form] = word
    return read


@cache
def forms() -> dict[str, str]:
    return parse_forms(_read("forms.txt"), name="forms.txt")


def elided(raw: Sequence[str], folds: list[str]) -> list[str]:
    """`folds` with each word read without an elided article or a possessive, as the tables read
    it: "d'Allemagne" as "allemagne", "l'Énergie" as "energie", "Iran's" as "iran"."""
    return [_elided(word, folded) for word, folded in zip(raw, folds, strict=True)]


def _elided(word: str, folded: str) -> str:
    if not _APOSTROPHE.search(word):
        return folded
    bare = _ELISION.sub("", word)
    return (fold(bare) or folded) if bare != word else folded


def has_apostrophe(text: str) -> bool:
    return _APOSTROPHE.search(text) is not None


def read_as(fold: str) -> str:
    """The word a folded word is read as in the tables: "ministra" → "ministro"."""
    return forms().get(fold, fold)


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
    read = forms().get
    content = [read(folds[i], folds[i]) for i in kept]
    places = [p for p in _longest(content, countries(), {}, whole=False) if not _posted(folds, kept[p[1]])]
    found = [Found(tokens, kept[a], kept[b - 1] + 1) for tokens, a, b, _ in places]
    if with_offices:
        starts = {a: (b, tokens) for tokens, a, b, _ in places}
        for tokens, a, b, country, kind in _offices(content, starts, whole=field):
            at = (kept[country[0]], kept[country[1] - 1] + 1) if country else None
            if kind is not None:
                tokens = tuple(f"{OFFICE}{kind}:{token[1:]}" for token in tokens)
            found.append(Found(tokens, kept[a], kept[b - 1] + 1, at))
    return found


Countries = dict[int, tuple[int, tuple[str, ...]]]  # start → (end, tokens) of countries found
Match = tuple[tuple[str, ...], int, "tuple[int, int] | None"]  # tokens, end, country words
Place = tuple[tuple[str, ...], int, int, "tuple[int, int] | None"]  # tokens, start, end, country words
Office = tuple[tuple[str, ...], int, int, "tuple[int, int] | None", "str | None"]  # and what of it


def _offices(content: list[str], starts: Countries, *, whole: bool) -> Iterator[Office]:
    """(tokens, start, end, country words, what the person is of it) of the offices named.

    The span [start, end) includes a word saying the person does not hold the office ("Deputy",
    "adjoint"), and then the fifth item says what they are instead ("deputy").
    """
    root = offices().root
    matched = list(_longest(content, offices(), starts, whole=whole))
    fused: dict[int, str] = {}
    holder = root.get(_MINISTER)
    minister = holder is not None and _MINISTER in content
    if minister or any(word.startswith(_FUSED) for word in content):
        taken = {i for _, a, b, _ in matched for i in range(a, b)}
        # "Viceministro de Comercio Exterior": the minister's title read apart from its "vice".
        for i, word in enumerate(content):
            if i not in taken and word.startswith(_FUSED):
                rest = read_as(word[4:] if word.startswith("vice") else word[3:])
                if len(rest) > 4 and rest in root:
                    fused[i] = rest
        if fused:
            apart = [fused.get(i, word) for i, word in enumerate(content)]
            for tokens, a, b, country in _longest(apart, offices(), starts, whole=False):
                if a in fused and not taken.intersection(range(a, b)):
                    matched.append((tokens, a, b, country))
                    taken.update(range(a, b))
                    minister = minister or apart[a] == _MINISTER
        if holder is not None and minister:
            matched += _portfolios(holder, content, fused, matched, taken, starts)
    for tokens, a, b, country in sorted(matched, key=lambda m: m[1]):
        kind = "deputy" if a in fused else None
        if kind is None and a and content[a - 1] in BEFORE_AN_OFFICE:
            kind, a = BEFORE_AN_OFFICE[content[a - 1]], a - 1
        following = a + 1 if content[a] == _MINISTER else b
        if kind is None and following < len(content) and content[following] in AFTER_AN_OFFICE:
            kind = AFTER_AN_OFFICE[content[following]]
            b = max(b, following + 1)
        yield tokens, a, b, country, kind


def _portfolios(
    holder: dict[Any, Any],
    content: list[str],
    fused: dict[int, str],
    matched: list[Place],
    taken: set[int],
    starts: Countries,
) -> list[Place]:
    """The portfolios a minister's title lists after its first: "…, des Mines et de l'Énergie"."""
    ends = {a: b for _, a, b, _ in matched}  # matches do not overlap: one per start
    found: list[Place] = []
    for j, word in enumerate(content):
        if word != _MINISTER and fused.get(j) != _MINISTER:
            continue
        k = ends.get(j, j + 1)
        while k < len(content) and content[k] != _MINISTER:
            more = _walk(holder, content, j, k, starts, None, whole=False)
            if more is None or not taken.isdisjoint(range(k, more[1])):
                k += 1
                continue
            found.append((more[0], j, more[1], more[2]))
            k = more[1]
    return found


def _posted(folds: Sequence[str], at: int) -> bool:
    """Whether the country named at `folds[at]` follows a locative: a place of a post."""
    at -= 1
    while at >= 0 and folds[at] in _ARTICLES:
        at -= 1
    return at >= 0 and folds[at] in LOCATIVES


def _longest(content: list[str], table: Table, countries_at: Countries, *, whole: bool) -> Iterator[Place]:
    """(tokens, start, end, country words) of non-overlapping phrases, the longest at each word."""
    root, size, i = table.root, len(content), 0
    placed = _PLACEHOLDER in root
    while i < size:
        if content[i] not in root and not (placed and i in countries_at):
            i += 1
            continue
        best = _walk(root, content, i, i, countries_at, None, whole=whole)
        if best is None:
            i += 1
            continue
        yield best[0], i, best[1], best[2]
        i = best[1]


def _walk(
    node: dict[Any, Any],
    content: list[str],
    start: int,
    at: int,
    countries_at: Countries,
    country: tuple[int, int] | None,
    *,
    whole: bool,
) -> Match | None:
    """The longest phrase below `node` that `content[at:]` continues, begun at `start`."""
    best: Match | None = None
    ends = node.get(_END)
    if ends:
        tokens = ends.get(False, ())
        if whole and start == 0 and at == len(content) and True in ends:
            tokens = tuple(sorted({*tokens, *ends[True]}))
        if tokens:
            best = (tokens, at, country)
    if at < len(content):
        child = node.get(content[at])
        if child is not None:
            found = _walk(child, content, start, at + 1, countries_at, country, whole=whole)
            if found is not None and (best is None or found[1] > best[1]):
                best = found
        place = countries_at.get(at)
        if place is not None:
            child = node.get(_PLACEHOLDER)
            if child is not None:
                found = _walk(child, content, start, place[0], countries_at, (at, place[0]), whole=whole)
                if found is not None and (best is None or found[1] > best[1]):
                    best = found
    return best


# --- acronyms -----------------------------------------------------------------------------------


def acronyms(text: str) -> Iterator[tuple[str, tuple[int, ...]]]:
    """(`=letters`, offsets of the letters' words) for each part of a multi-word name.

    "Agência Nacional do Petróleo, Gás Natural e Biocombustíveis" gives `=anp` and `=gnb`;
    "Ministry of Foreign Affairs" `=mfa` and, fillers kept, `=mofa`.
    """
    breaks = [m.start() for m in _SEGMENTS.finditer(text)]
    breaks.append(len(text))
    part: list[tuple[str, int]] = []
    b = 0
    elide = has_apostrophe(text)
    for f, start, end in words(text, split_han=False):
        if elide:
            f = _elided(text[start:end], f)
        while start >= breaks[b]:
            yield from _acronym(part)
            part, b = [], b + 1
        if f[0].isalpha():
            part.append((f, start))
    yield from _acronym(part)


def acronym_letters(text: str, folds: list[str] | None) -> list[str]:
    """The `=letters` of `acronyms(text)`, fast for the index build: `folds` are the text's words,
    as `words(text, split_han=False)` gives them, if known."""
    if folds is None or _SEGMENTS.search(text):
        return [letters for letters, _ in acronyms(text)]
    return [letters for letters, _ in _acronym([(f, 0) for f in folds if f[0].isalpha()])]


def _acronym(found: list[tuple[str, int]]) -> Iterator[tuple[str, tuple[int, ...]]]:
    content = [(f, s) for f, s in found if f not in FILLERS]
    if len(content) < 2:
        return
    yield ACRONYM + "".join([f[0] for f, _ in content]), tuple(s for _, s in content)
    if len(found) != len(content) and len(found) <= 6:
        yield ACRONYM + "".join([f[0] for f, _ in found]), tuple(s for _, s in found)
