"""What of a participant is searched, and what a match there is worth: one row per field.

To make another participant attribute searchable, add its row to `FIELDS`: the index reads,
scores and highlights it from there, and a hit's spans name it by `FieldKey`. A field's slot is
its place in the table; postings record a token's slot and the length of its field as one small
int, the field code (`field_code`). Imports nothing heavy: the UI uses `FieldKey` at start-up.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from briefing_tui.format.model import Participant


class FieldKey(NamedTuple):
    """Which text of a participant a span is in: `FieldKey("role")`, `FieldKey("aliases", 0)`."""

    field: str  # a `SearchField.key`
    #: Which text of a field of several (aliases, present_at); not `index`, a tuple method.
    item: int | None = None


#: What a field's vocabulary adds to its words (see `tokens`): offices it names, countries it
#: names, acronyms of its names. Not acronyms of roles: "Ministre des Forces armées" is no "MFA";
#: the offices table has the abbreviations readers use for roles.
OFFICES, COUNTRIES, ACRONYMS = 1, 2, 4


@dataclass(frozen=True, slots=True)
class SearchField:
    """One searchable attribute of a participant."""

    key: str  # the `Participant` attribute
    weight: float  # what a match here is worth (a name: 1.0), before match quality and length
    many: bool = False  # a tuple of texts (aliases), not one text or None
    vocabulary: int = 0  # OFFICES | COUNTRIES | ACRONYMS


#: By weight, best first; hits list their spans in this order too.
FIELDS = (
    SearchField("name", 1.0),
    SearchField("aliases", 0.9, many=True),
    SearchField("role", 0.7, vocabulary=OFFICES | COUNTRIES),
    SearchField("organization", 0.6, vocabulary=OFFICES | COUNTRIES | ACRONYMS),
    SearchField("side", 0.6, vocabulary=COUNTRIES),
    SearchField("present_at", 0.4, many=True),
    # Below every name, alias, role and organisation: a note mentions people it is not about.
    SearchField("notes", 0.3),
)
#: The name's slot: only names have initials, and name matches win ties.
NAME = [spec.key for spec in FIELDS].index("name")
#: (slot, attribute getter, several texts?) of every field, in slot order.
READERS = tuple((slot, attrgetter(spec.key), spec.many) for slot, spec in enumerate(FIELDS))
#: The vocabulary flags of each slot.
VOCABULARY = tuple(spec.vocabulary for spec in FIELDS)
_KEYS = tuple(FieldKey(spec.key) for spec in FIELDS)  # of one-text fields, made once

SLOT_LENGTHS = 8  # field-length classes: 1..7 words, 8 or more
#: A field code is slot * SLOT_LENGTHS + (words - 1): what a token in that field is worth.
CODE_WEIGHTS = tuple(
    FIELDS[code // SLOT_LENGTHS].weight * (1.0 - 0.03 * (code % SLOT_LENGTHS))
    for code in range(len(FIELDS) * SLOT_LENGTHS)
)


def field_code(slot: int, words: int) -> int:
    """The code of a field: which slot, and how long (a token in a long field counts less)."""
    return slot * SLOT_LENGTHS + min(max(words, 1), SLOT_LENGTHS) - 1


def field_texts(participant: Participant) -> Iterator[tuple[int, FieldKey, str]]:
    """(slot, field key, text) for every searchable text, in slot order."""
    for slot, read, many in READERS:
        value = read(participant)
        if many:
            key = FIELDS[slot].key
            for i, text in enumerate(value):
                yield slot, FieldKey(key, i), text
        elif value:
            yield slot, _KEYS[slot], value
