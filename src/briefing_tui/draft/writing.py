"""A drafted briefing as YAML text: every value safely quoted, the suggestions as comments.

Strings from the article reach the file only through `scalar`, so a name or quote holding `: `, `#`,
a leading quote, `yes` or a number stays text; characters YAML cannot hold raw are escaped, and
comments are made printable, so no article can break the file or its comments.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from briefing_tui.draft.dates import FoundDate
from briefing_tui.draft.mentions import Person

# Conservative plain scalars: a letter first, then only ordinary name and title characters.
_PLAIN = re.compile(r"[^\W\d_][\w .,'’()&/–—-]*")
# What YAML may hold unescaped, less what briefing-tui refuses (C1 controls, bidirectional
# controls, line and paragraph separators) and the byte-order mark.
_UNPRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


@dataclass(frozen=True, slots=True)
class DraftContent:
    headline: str
    date: dt.date
    found_date: FoundDate | None
    source_file: str
    key_point: str
    people: Sequence[Person]


def one_line(text: str) -> str:
    """White space as the evidence check counts it: every run one space."""
    return " ".join(text.split())


def scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as exactly this string."""
    text = one_line(text)
    if _PLAIN.fullmatch(text) and not text.endswith((".", ",", "-", "–", "—")) and _reads_back(text):
        return text
    return quoted(text)


def _reads_back(text: str) -> bool:
    try:
        return bool(yaml.safe_load(f"k: {text}") == {"k": text})
    except yaml.YAMLError:
        return False


def quoted(text: str) -> str:
    """A double-quoted YAML scalar of `text`, with escapes for what cannot stand raw."""
    body = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + _UNPRINTABLE.sub(_escape, body) + '"'


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFF:
        return f"\\x{code:02X}"
    return f"\\u{code:04X}" if code <= 0xFFFF else f"\\U{code:08X}"


def comment(text: str) -> str:
    """`text` fit for a YAML comment: one line of printable characters."""
    return _UNPRINTABLE.sub("?", one_line(text))


def render(draft: DraftContent) -> str:
    lines = [
        "# Drafted by `briefing-tui new` from the article named under source: check every value against",
        "# it, and replace the placeholders (the format: docs/format.md in briefing-tui).",
        "briefing: 1",
        f"headline: {scalar(draft.headline)}",
        f"date: {draft.date.isoformat()}  # {_date_note(draft.found_date)}",
        "source:",
        f"  file: {scalar(draft.source_file)}",
        "",
        "key_points:",
        "  # A placeholder that checks: the article's first sentence, quoted as its own evidence.",
        "  # Replace it with the points that matter, in your words.",
        f"  - text: {quoted(one_line(draft.key_point))}",
        f"    evidence: {quoted(one_line(draft.key_point))}",
        "",
        "participants:",
        "  # A placeholder that checks: replace it with the people who took part, for instance by",
        '  # accepting suggestions below (delete the "# " that starts each of their lines).',
        '  - role: "(to be named)"',
        '    notes: "Placeholder written by briefing-tui new: delete it once a participant is listed."',
    ]
    if draft.people:
        count = len(draft.people)
        lines += [
            "",
            f"  # {count} suggestion{'s' * (count != 1)} from the article: people it names with a title,",
            "  # each with the words that name them as evidence. Accept those who took part, delete the",
            "  # others.",
        ]
        for person in draft.people:
            lines.append("  #")
            lines += [f"  # {line}" for line in _person(person)]
    else:
        lines += ["", "  # The article names nobody with a title: no suggestions."]
    return "\n".join(lines) + "\n"


def _person(person: Person) -> list[str]:
    fields = [("name", person.name), ("role", person.role), ("organization", person.organization)]
    fields.append(("side", person.side))
    lines: list[str] = []
    for key, value in fields:
        if value:
            lines.append(f"{'- ' if not lines else '  '}{key}: {scalar(value)}")
    lines.append(f"  evidence: {quoted(one_line(person.evidence))}")
    return lines


def _date_note(found: FoundDate | None) -> str:
    if found is None:
        return "not found in the article: today's date; make it the day the events happened"
    words = comment(found.text)
    return f'from the article\'s {found.where} ("{words}"); make it the day the events happened'
