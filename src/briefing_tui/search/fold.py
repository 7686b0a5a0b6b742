"""Folding for participant search: words, their ASCII folds, name-variant keys and initials.

Everything here runs once per distinct word or field text at index time (and once per query token),
so the search itself only compares short ASCII strings.

* `fold` — what a word looks like with case, diacritics and script removed: "Тоқаев" → "toqaev",
  "Erdoğan" → "erdogan" (via `anyascii`).
* `variant_key` — a coarser key on top of the fold that merges common transliteration differences:
  zh/j/dzh, kh/h, q/k, w/v, a y between vowels, doubled letters, vowel classes... so "tokayev",
  "tokaev", "toqaev" and "Токаев" share one key, as do "zhakupov"/"jakupov" and
  "berdimuhamedow"/"berdymukhamedov".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from anyascii import anyascii

# A word is a run of letters/digits with the combining marks and vowel signs that belong to it
# (Devanagari matras and Arabic harakat are not `\w`); an apostrophe inside a word joins it
# ("O'Brien", "Ma'ruf", "Oʻzbekiston").
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u0e31-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"
)
_APOSTROPHES = "'’ʼʻ`"
WORD_RE = re.compile(rf"[^\W_](?:[^\W_]|[{_MARKS}]|[{_APOSTROPHES}](?=[^\W_]))*")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


# In names "ё" is transliterated "yo" (Mirziyoyev, Solovyov, Pyotr); anyascii reads it as "e".
_BEFORE_ANYASCII = str.maketrans({"ё": "yo", "Ё": "Yo"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower-case ASCII letters and digits only: `fold("Тоқаев") == "toqaev"`."""
    if word.isascii():
        return _NOT_ALNUM.sub("", word.lower())
    return _NOT_ALNUM.sub("", anyascii(word.translate(_BEFORE_ANYASCII)).lower())


def _fold_char(char: str) -> str:
    return _NOT_ALNUM.sub("", anyascii(char.translate(_BEFORE_ANYASCII)).lower())


def fold_offsets(word: str, start: int, end: int) -> tuple[int, int]:
    """Map the fold span [start, end) of `word` back to character offsets in `word`.

    Characters that fold to nothing (marks, apostrophes) stay with the character before them, and
    a character that folds to several letters ("Ж" → "zh") is included whole.
    """
    pos = 0
    begin = None
    for index, char in enumerate(word):
        width = len(_fold_char(char))
        if width == 0:
            continue
        if begin is None and pos + width > start:
            begin = index
        pos += width
        if pos >= end:
            stop = index + 1
            while stop < len(word) and not _fold_char(word[stop]):
                stop += 1
            return (begin if begin is not None else index), stop
    return (begin if begin is not None else 0), len(word)


def words(text: str, *, split_han: bool = True) -> Iterator[tuple[str, int, int]]:
    """(fold, start, end) for every word of `text`; offsets are into `text`.

    A run of Han characters is also split into family name (first character) and given name,
    so "习近平" is found by "xi jinping" as well as by "xijinping".
    """
    for match in WORD_RE.finditer(text):
        word = match.group()
        folded = fold(word)
        if not folded:
            continue
        start = match.start()
        yield folded, start, match.end()
        if split_han and len(word) >= 2 and HAN.match(word) and HAN.match(word[1]):
            head, tail = fold(word[0]), fold(word[1:])
            if head and tail:
                yield head, start, start + 1
                yield tail, start + 1, match.end()


# --- name-variant key -------------------------------------------------------------------------

# Applied in this order, each to the result of the previous ones.
_DIGRAPHS = (
    ("shch", "sh"),
    ("dzh", "j"),
    ("tch", "ch"),
    ("sch", "sh"),
    ("zh", "j"),
    ("dj", "j"),
    ("jh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "d"),
    ("ck", "k"),
    ("ee", "i"),
    ("oo", "u"),
    ("ou", "u"),
    ("q", "k"),
    ("x", "ks"),
    ("w", "v"),
)
_Y_BETWEEN_VOWELS = re.compile(r"(?<=[aeiou])y(?=[aeiou])")
_DOUBLES = re.compile(r"(.)\1+")
# Short vowels are where transliterations disagree most (Muhammad/Mohammed, Shavkat/Shovkat,
# Sergei/Sergey): three classes keep "ali" and "ola" apart but merge the usual swaps.
_VOWELS = str.maketrans({"e": "a", "y": "i", "o": "u"})


def variant_key(folded: str) -> str:
    """A key shared by common transliterations of the same name (input is a `fold`)."""
    if not folded.isalpha():
        return folded
    key = folded[:-2] + "v" if folded.endswith("ff") else folded
    for old, new in _DIGRAPHS:
        if old in key:
            key = key.replace(old, new)
    if "y" in key:
        if "yy" in key:  # Rumayyan = Rumayan: the y rule below must see one y
            key = _DOUBLES.sub(_first_of_run, key)
        if key.startswith("ye"):
            key = key[1:]
        key = _Y_BETWEEN_VOWELS.sub("", key)
    if key.endswith("h") and len(key) > 1 and key[-2] in "aeiou":
        key = key[:-1]
    key = key.translate(_VOWELS)
    return _DOUBLES.sub(_first_of_run, key) if _DOUBLES.search(key) else key


def _first_of_run(match: re.Match[str]) -> str:
    return match.group(1)


#: Words readers skip when they type a name's initials: "jes" is João Ernesto dos Santos.
PARTICLES = frozenset(
    (
        "da das do dos de del della di du la le los las van von der den het ter ten"
        " bin ibn bint binti al el ul ud y e zu"
    ).split()
)
#: A family name after these is left out too: "mbz" is Mohamed bin Zayed Al Nahyan.
_FAMILY = frozenset({"al", "el"})
ASCII_WORD = re.compile(r"[a-z0-9]+(?:['`][a-z0-9]+)*")


def initials_at(folds: list[str]) -> dict[str, tuple[int, ...]]:
    """The initials a person is typed by → the indices of the words they are the initials of.

    All of them ("kjt"), without particles ("jes" for João Ernesto dos Santos), before a family
    name introduced by al/el ("mbz"), and first + last ("kt").
    """
    at = [i for i, f in enumerate(folds) if f[0].isalpha()]
    if len(at) < 2:
        return {}
    ways = [at, [i for i in at if folds[i] not in PARTICLES]]
    family = next((n for n, i in enumerate(at) if n >= 2 and folds[i] in _FAMILY), None)
    if family is not None:
        ways.append(at[:family])
        ways.append([i for i in at[:family] if folds[i] not in PARTICLES])
    ways.append([at[0], at[-1]])
    found: dict[str, tuple[int, ...]] = {}
    for way in ways:
        if len(way) >= 2:
            found.setdefault("".join(folds[i][0] for i in way), tuple(way))
    return found


def name_initials(name: str, folds: list[str] | None = None) -> tuple[str, ...]:
    """The initials of a name (see `initials_at`); `folds` are its words if known."""
    if folds is None:
        if name.isascii():
            folds = ASCII_WORD.findall(name.lower())
        else:
            folds = [f for f, _, _ in words(name, split_han=False)]
    if len(folds) > 1 and PARTICLES.isdisjoint(folds):
        # Most names: all the initials, and the first and last (the index build's hot path).
        full = "".join([f[0] for f in folds])
        if full.isalpha():
            return (full,) if len(full) == 2 else (full, full[0] + full[-1])
    return tuple(initials_at(folds))
