"""What the people finder works with: the words of a sentence, the places a person is named, and the
people suggested in the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing_tui.draft.lexicon import NAME_PREFIXES, fold


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def capital(self) -> bool:
        word = self.text
        for prefix in NAME_PREFIXES:
            if word.lower().startswith(prefix) and len(word) > len(prefix):
                word = word[len(prefix) :]
                break
        return word[:1].isupper()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) > 1 and all(c.isupper() for c in letters)


@dataclass(slots=True)
class Mention:
    """One place where the article names a person with a title."""

    name: list[Token]
    text: str
    role: str | None
    side: str | None
    organization: str | None
    quote: str
    at: int


@dataclass(slots=True)
class Person:
    """A suggested participant: the fullest name found, and the mention its details come from."""

    name: str
    role: str | None = None
    side: str | None = None
    organization: str | None = None
    evidence: str = ""
    mentions: int = 1
    at: int = field(default=0, repr=False)
