"""An article cut into sentences, each with its place in the text, so a quote is an exact slice."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from briefing_tui.draft.lexicon import HONORIFICS, fold

# A sentence ends at . ! ? … (and closing quotes or brackets after them) before white space, or at a
# line break: a line of an article is a paragraph, a heading or a list item.
# Characters a briefing may not hold (Unicode line separators, noncharacters) end a sentence too and
# belong to none, so that every quote taken from a sentence is one `check` accepts.
_BREAKS = "\u2028\u2029\ufffe\uffff"
_END = re.compile(rf"[.!?…]+['\"’”»)\]]*(?=\s)|\n|[{_BREAKS}]")
# Abbreviations after which a full stop ends no sentence, besides initials (`J.`) and honorifics.
_ABBREVIATIONS = frozenset(
    fold(w)
    for w in "st. jr. sr. no. nos. vs. etc. gen. col. lt. sgt. gov. sen. rep. rev. art. p. pp. "
    "jan. feb. mar. apr. aug. sep. sept. oct. nov. dec. approx. ca. cf. e.g. i.e. av. sra. sres. "
    "dra. ing. lic. arq. exmo. sto. sta. s.a. abr. ene. dic. fev. set. out. dez. janv. févr. "
    "avr. juil. déc.".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article: its text as written and where it starts."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def sentences(text: str) -> Iterator[Sentence]:
    """The sentences of `text`, stripped of surrounding white space, in order."""
    start = 0
    for match in _END.finditer(text):
        if match.group() != "\n" and _abbreviation_before(text, match.start()):
            continue
        yield from _piece(text, start, match.start() if match.group() in _BREAKS else match.end())
        start = match.end()
    yield from _piece(text, start, len(text))


def _abbreviation_before(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = re.search(r"[\w.]+$", text[max(0, dot - 12) : dot])
    if word is None:
        return False
    token = word.group() + "."
    if re.fullmatch(r"(?:[^\W\d_]\.)+", token):  # J. or H.E. or S.E.M.
        return True
    key = fold(token)
    return key in _ABBREVIATIONS or key in HONORIFICS


def _piece(text: str, start: int, end: int) -> Iterator[Sentence]:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        yield Sentence(stripped, start + piece.index(stripped[0]))
