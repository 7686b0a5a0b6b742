"""Folding for participant search: words, their ASCII folds, name-variant keys and role abbreviations.

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
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


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
        if split_han and len(word) >= 2 and _HAN.match(word) and _HAN.match(word[1]):
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


def initials(folds: list[str]) -> tuple[str, ...]:
    """Initials a person is typed by: all of them ("kjt") and first+last ("kt")."""
    if len(folds) < 2:
        return ()
    letters = "".join([f[0] for f in folds])
    if not letters.isalpha():
        letters = "".join(c for c in letters if c.isalpha())
        if len(letters) < 2:
            return ()
    if len(letters) == 2:
        return (letters,)
    return letters, letters[0] + letters[-1]


# --- role abbreviations -----------------------------------------------------------------------

#: Abbreviation → phrases (as folded words) it stands for. A field containing the phrase also
#: carries the abbreviation as a token whose span covers the phrase.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "pm": ("prime minister",),
    "dpm": ("deputy prime minister", "vice prime minister"),
    "fm": (
        "foreign minister",
        "minister of foreign affairs",
        "minister for foreign affairs",
        "foreign affairs minister",
    ),
    "dfm": ("deputy foreign minister", "deputy minister of foreign affairs"),
    "mfa": ("ministry of foreign affairs", "foreign ministry"),
    "mod": ("ministry of defence", "ministry of defense"),
    "dm": ("defence minister", "defense minister", "minister of defence", "minister of defense"),
    "vp": ("vice president",),
    "pg": ("prosecutor general",),
    "ag": ("attorney general",),
    "sg": ("secretary general",),
    "dg": ("director general",),
    "ceo": ("chief executive officer", "chief executive"),
    "coo": ("chief operating officer",),
    "cfo": ("chief financial officer",),
    "mp": ("member of parliament",),
    "mna": ("member of the national assembly", "member of national assembly"),
    "nsa": ("national security adviser", "national security advisor"),
    "fs": ("foreign secretary",),
    "coas": ("chief of army staff",),
    "cjcsc": ("chairman joint chiefs of staff committee",),
    "cbc": ("central bank",),
    "hos": ("head of state",),
    "un": ("united nations",),
    "uae": ("united arab emirates",),
    "uk": ("united kingdom",),
    "us": ("united states",),
    "usa": ("united states",),
    "eu": ("european union",),
    "sco": ("shanghai cooperation organisation", "shanghai cooperation organization"),
    "cis": ("commonwealth of independent states",),
    "gcc": ("gulf cooperation council",),
}
_PHRASES: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
for _abbr, _phrases in ABBREVIATIONS.items():
    for _phrase in _phrases:
        _parts = tuple(_phrase.split())
        _PHRASES.setdefault(_parts[0], []).append((_abbr, _parts))


def abbreviations(folds: list[str]) -> Iterator[tuple[str, int, int]]:
    """(abbreviation, first word index, last word index + 1) for each phrase found in `folds`."""
    for index, first in enumerate(folds):
        for abbr, parts in _PHRASES.get(first, ()):
            if tuple(folds[index : index + len(parts)]) == parts:
                yield abbr, index, index + len(parts)


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Every searchable token of a field: words plus abbreviations, with spans into `text`."""
    found = list(words(text))
    if len(found) >= 2:
        folds = [f for f, _, _ in found]
        found += [(abbr, found[i][1], found[j - 1][2]) for abbr, i, j in abbreviations(folds)]
    return found


_ASCII_WORD = re.compile(r"[a-z0-9]+(?:['`][a-z0-9]+)*")
_ASCII_ALNUM = re.compile(r"[a-z0-9]+")
_ABBREVIATION_STARTS = frozenset(_PHRASES)


def analyse(text: str) -> tuple[list[str], int]:
    """What the index needs of a field: its tokens (maybe repeated) and its number of words.

    The same tokens as `tokens(text)`, without the offsets, and fast for plain ASCII text.
    """
    if text.isascii():
        if "'" in text or "`" in text:
            found = [w.replace("'", "").replace("`", "") for w in _ASCII_WORD.findall(text.lower())]
        else:
            found = _ASCII_ALNUM.findall(text.lower())
        count = len(found)
    elif _HAN.search(text):
        found = [f for f, _, _ in words(text)]
        count = sum(1 for _ in words(text, split_han=False))
    else:
        found = [f for f in map(fold, WORD_RE.findall(text)) if f]
        count = len(found)
    if count >= 2 and not _ABBREVIATION_STARTS.isdisjoint(found):
        found += [abbr for abbr, _, _ in abbreviations(found)]
    return found, count


def name_initials(name: str, folds: list[str] | None = None) -> tuple[str, ...]:
    """`initials` of a name; `folds` are its words if known (`analyse` gives them)."""
    if name.isascii():
        return initials(folds if folds is not None else _ASCII_WORD.findall(name.lower()))
    return initials([f for f, _, _ in words(name, split_han=False)])
