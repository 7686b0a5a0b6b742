"""`--format md --vault DIR`: one note per briefing and one per person, linked both ways.

Briefing notes go to `DIR/briefings/`, person notes to `DIR/people/`; links are `[[file name]]`,
which Obsidian and zk both resolve by name, so a person's note lists their briefings and its
backlinks show the same. People are the same person when their names match (case and Unicode form
aside); unnamed officials get no note. A note is only ever overwritten when its front matter says
we wrote it (`generator: briefing-tui`), or with `--force`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from briefing_tui.export.common import briefing_id
from briefing_tui.export.markdown import GENERATOR, front_matter, note
from briefing_tui.export.mdtext import inline
from briefing_tui.items import format_date
from briefing_tui.paths import write_atomically
from briefing_tui.safe_text import line

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing, Participant

# Not allowed in file names on Windows, or breaking a [[wikilink]] (# ^ [ ] |), or control chars.
_UNSAFE = re.compile(r'[<>:"/\\|?*#^\[\]\x00-\x1f\x7f]+')
_RESERVED = re.compile(r"(con|prn|aux|nul|com\d|lpt\d)(\..*)?", re.IGNORECASE)
MAX_NAME_CHARS = 100
MAX_NAME_BYTES = 200


def safe_filename(text: str, fallback: str) -> str:
    """`text` as a file name (without extension) valid on Windows, macOS and Linux alike."""
    name = _UNSAFE.sub("-", unicodedata.normalize("NFC", line(text)))
    name = re.sub(r"\s+", " ", name)
    name = re.sub(r"-{2,}", "-", name).strip(" .-")
    name = name[:MAX_NAME_CHARS]
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = name[:-1]
    name = name.rstrip(" .")
    if not name:
        return fallback
    if _RESERVED.fullmatch(name):
        name += "_"
    return name


def person_key(person: Participant) -> str | None:
    """Which person a participant is, across briefings: by name for now (wikidata ids to come)."""
    if person.name is None:
        return None
    return unicodedata.normalize("NFC", person.name).casefold()


@dataclass
class Person:
    name: str
    stem: str
    aliases: dict[str, None] = field(default_factory=dict)
    appearances: list[tuple[Briefing, Participant]] = field(default_factory=list)


class Names:
    """File names given out so far: unique even on file systems that ignore case."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, text: str, fallback: str) -> str:
        stem = base = safe_filename(text, fallback)
        number = 1
        while stem.casefold() in self.taken:
            number += 1
            stem = f"{base} ({number})"
        self.taken.add(stem.casefold())
        return stem


@dataclass
class VaultResult:
    written: list[Path] = field(default_factory=list)
    #: Ours, and already saying exactly this: left untouched, so sync tools see no change.
    unchanged: list[Path] = field(default_factory=list)
    #: Not ours: never overwritten without `force`.
    skipped: list[Path] = field(default_factory=list)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _is_ours(text: str) -> bool:
    """Whether a note says in its front matter that briefing-tui wrote it."""
    match = re.match(r"---\r?\n(.*?)\r?\n---\r?\n", text, re.DOTALL)
    if not match:
        return False
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return False
    return isinstance(data, dict) and data.get("generator") == GENERATOR


def _person_note(person: Person, briefing_stems: dict[int, str]) -> str:
    data: dict[str, Any] = {"title": line(person.name)}
    if person.aliases:
        data["aliases"] = [line(alias) for alias in person.aliases]
    data["tags"] = ["person"]
    data["generator"] = GENERATOR
    lines = [f"# {inline(person.name)}", "", "## Briefings", ""]
    for briefing, participant in sorted(person.appearances, key=lambda a: a[0].date, reverse=True):
        facts = [
            inline(text) for text in (participant.role, participant.organization, participant.side) if text
        ]
        text = f"- [[{briefing_stems[id(briefing)]}]] ({format_date(briefing.date)})"
        if facts:
            text += f": {', '.join(facts)}"
        lines.append(f"{text} — {inline(briefing.headline)}")
    return front_matter(data) + "\n" + "\n".join(lines) + "\n"


def write_vault(briefings: Sequence[Briefing], folder: Path, *, force: bool) -> VaultResult:
    """Write every note; notes that exist and are not ours are skipped (listed in the result)."""
    names = Names()
    briefing_stems = {
        id(b): names.claim(f"{b.date.isoformat()} {briefing_id(b)}", "briefing") for b in briefings
    }
    people: dict[str, Person] = {}
    for briefing in briefings:
        for participant in briefing.participants:
            key = person_key(participant)
            if key is None or participant.name is None:
                continue
            if key not in people:
                people[key] = Person(participant.name, names.claim(participant.name, "person"))
            people[key].aliases.update(dict.fromkeys(participant.aliases))
            people[key].appearances.append((briefing, participant))

    def link(participant: Participant) -> str:
        key = person_key(participant)
        if key is None:
            return f"*{inline(participant.role or '')}*"
        return f"[[{people[key].stem}]]"

    notes = {folder / "briefings" / f"{briefing_stems[id(b)]}.md": note(b, link) for b in briefings}
    for person in people.values():
        notes[folder / "people" / f"{person.stem}.md"] = _person_note(person, briefing_stems)
    result = VaultResult()
    for path, text in notes.items():
        if path.exists():
            existing = _read(path)
            if existing == text:
                result.unchanged.append(path)
                continue
            if not force and (existing is None or not _is_ours(existing)):
                result.skipped.append(path)
                continue
        write_atomically(path, text)
        result.written.append(path)
    return result
