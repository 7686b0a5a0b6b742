"""The searchable tokens of one field: its words, plus what the field's vocabulary adds.

Every field has its words (`fold.words`). A field whose row in `fields.FIELDS` asks for them also
gets concept tokens for the offices and countries it names and tokens for the acronyms of its
names (`concepts`), and an acronym written with hyphens ("ANP-STP") is also one word.
`tokens` gives each token with its span in the text (to highlight), `analyse` the same tokens
without spans, fast, for the index build.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing_tui.search.concepts import acronym_letters, acronyms, elided, find, has_apostrophe
from briefing_tui.search.fields import ACRONYMS, COUNTRIES, OFFICES
from briefing_tui.search.fold import ASCII_WORD, HAN, WORD_RE, fold, words

Token = tuple[str, int, int]  # token, start, end in the field's text

_ASCII_ALNUM = re.compile(r"[a-z0-9]+")
#: "ANP-STP", "UN/ECE": capitals joined by hyphens or slashes, one acronym.
_JOINED = re.compile(r"\b[A-Z][A-Z0-9]{1,7}(?:[-/][A-Z][A-Z0-9]{1,7})+\b")


def tokens(text: str, vocabulary: int = 0) -> list[Token]:
    """Every searchable token of a field with its span; `vocabulary` is the field's flags."""
    found = list(words(text))
    if vocabulary and found:
        found += _added(text, found, vocabulary)
    return found


def analyse(text: str, vocabulary: int = 0) -> tuple[list[str], int]:
    """What the index needs of a field: its tokens (maybe repeated) and its number of words.

    The same tokens as `tokens(text, vocabulary)`, without the offsets, and fast for ASCII text.
    """
    han = False
    if text.isascii():
        if "'" in text or "`" in text:
            found = [w.replace("'", "").replace("`", "") for w in ASCII_WORD.findall(text.lower())]
        else:
            found = _ASCII_ALNUM.findall(text.lower())
        count = len(found)
    elif han := bool(HAN.search(text)):
        found, count = [f for f, _, _ in words(text)], sum(1 for _ in words(text, split_han=False))
    else:
        found = [f for f in map(fold, WORD_RE.findall(text)) if f]
        count = len(found)
    if vocabulary and found:
        folds = found[:]
        if has_apostrophe(text):
            folds = elided([text[a:b] for _, a, b in words(text)], folds)
        if vocabulary & ACRONYMS:
            found += [fold(m.group()) for m in _JOINED.finditer(text)]
            found += acronym_letters(text, None if han else folds)
        if vocabulary & (OFFICES | COUNTRIES):
            places = find(folds, with_offices=bool(vocabulary & OFFICES))
            found += [token for place in places for token in place.tokens]
    return found, count


def _added(text: str, found: list[Token], vocabulary: int) -> list[Token]:
    added: list[Token] = []
    if vocabulary & ACRONYMS:
        added += [(fold(m.group()), m.start(), m.end()) for m in _JOINED.finditer(text)]
        for letters, starts in acronyms(text):
            added += [(letters, start, start + 1) for start in starts]
    if vocabulary & (OFFICES | COUNTRIES):
        folds = [f for f, _, _ in found]
        if has_apostrophe(text):
            folds = elided([text[a:b] for _, a, b in found], folds)
        for place in find(folds, with_offices=bool(vocabulary & OFFICES)):
            start, end = found[place.start][1], found[place.end - 1][2]
            if place.country is None:
                added += [(token, start, end) for token in place.tokens]
            else:
                # The office's span leaves out the country, which has its own token.
                a, b = found[place.country[0]][1], found[place.country[1] - 1][2]
                added += [(token, s, e) for token in place.tokens for s, e in ((start, a), (b, end)) if s < e]
    return added


@lru_cache(maxsize=4096)
def tokens_of(text: str, vocabulary: int = 0) -> tuple[Token, ...]:
    return tuple(tokens(text, vocabulary))
