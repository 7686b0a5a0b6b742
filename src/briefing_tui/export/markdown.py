"""`--format md`: a briefing as a readable Markdown document, for a report, an email or a notes vault.

YAML front matter that Obsidian and zk read (`title`, `aliases`, `date`, `tags` from the topics,
`source`), then the headline block, the summary, key points, agreements as a table, events, figures
and participants grouped by side. Evidence quotes become footnotes (`[^1]`). Every piece of user
text goes through `mdtext`, so nothing in a briefing can add Markdown structure or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import yaml

from briefing_tui.export.common import briefing_id, by_side, figure_text
from briefing_tui.export.mdtext import cell, inline, paragraphs, tag
from briefing_tui.items import format_date
from briefing_tui.safe_text import line

if TYPE_CHECKING:
    from briefing_tui.format.model import Agreement, Briefing, Participant

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's is many times faster
#: Marks a note as ours in its front matter: only such notes are ever overwritten in a vault.
GENERATOR = "briefing-tui"
_URL = re.compile(r"https?://[^\s<>]+", re.IGNORECASE)

#: How a participant is written: bold, or as a wikilink in a vault.
PersonLink = Callable[["Participant"], str]


def bold_name(person: Participant) -> str:
    if person.name is not None:
        return f"**{inline(person.name)}**"
    return f"*{inline(person.role or '')}*"


class Footnotes:
    """Evidence quotes numbered in order of appearance; one counter across a whole document."""

    def __init__(self) -> None:
        self.quotes: list[str] = []

    def refs(self, quotes: Sequence[str]) -> str:
        marks = []
        for quote in quotes:
            self.quotes.append(quote)
            marks.append(f"[^{len(self.quotes)}]")
        return "".join(marks)

    def definitions(self) -> list[str]:
        return [f"[^{number}]: “{inline(quote)}”" for number, quote in enumerate(self.quotes, 1)]


def front_matter(data: dict[str, Any]) -> str:
    """`data` as a YAML front matter block; YAML quotes whatever needs quoting."""
    body = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{body}---\n"


def briefing_front(briefing: Briefing) -> dict[str, Any]:
    """The front matter of a briefing's note: what Obsidian and zk show and search."""
    source = briefing.source
    data: dict[str, Any] = {
        "title": line(briefing.headline),
        "aliases": [line(briefing.headline)],
        "date": briefing.date,
    }
    if briefing.published:
        data["published"] = briefing.published
    tags = [t for t in dict.fromkeys(tag(topic) for topic in briefing.topics) if t]
    data["tags"] = ["briefing", *(t for t in tags if t != "briefing")]
    if briefing.location:
        data["location"] = line(briefing.location)
    if source and source.url:
        data["source"] = line(source.url)
    if source and source.outlet:
        data["outlet"] = line(source.outlet)
    data["id"] = line(briefing_id(briefing))
    data["generator"] = GENERATOR
    return data


def _url(url: str) -> str:
    """A web address as a link when it is plainly one, else as literal text."""
    return f"<{url}>" if _URL.fullmatch(url) else inline(url)


def _agreement_row(agreement: Agreement, notes: Footnotes) -> str:
    cells = [
        cell(agreement.title) + notes.refs(agreement.evidence),
        cell(agreement.kind or ""),
        cell(agreement.status or ""),
        cell(", ".join(agreement.parties)),
        cell(agreement.period or ""),
        cell(agreement.summary or ""),
    ]
    return "| " + " | ".join(cells) + " |"


def body(briefing: Briefing, notes: Footnotes, link: PersonLink = bold_name) -> list[str]:
    """The document's lines after the front matter, without the footnote definitions."""
    out = [f"# {inline(briefing.headline)}", ""]
    if briefing.subheadline and briefing.subheadline.strip():
        out += [f"*{inline(briefing.subheadline)}*", ""]
    date = format_date(briefing.date)
    if briefing.published and briefing.published != briefing.date:
        date += f" (published {format_date(briefing.published)})"
    facts = [f"- **Date:** {date}"]
    if briefing.location:
        facts.append(f"- **Location:** {inline(briefing.location)}")
    source = briefing.source
    if source and (source.outlet or source.url):
        shown = [inline(source.outlet)] if source.outlet else []
        if source.url:
            shown.append(_url(source.url))
        facts.append(f"- **Source:** {', '.join(shown)}")
    if briefing.topics:
        facts.append(f"- **Topics:** {', '.join(inline(topic) for topic in briefing.topics)}")
    out += [*facts, ""]
    if briefing.summary and briefing.summary.strip():
        out += ["## Summary", "", paragraphs(briefing.summary), ""]
    out += ["## Key points", ""]
    out += [f"- {inline(point.text)}{notes.refs(point.evidence)}" for point in briefing.key_points]
    out.append("")
    if briefing.agreements:
        out += ["## Agreements", ""]
        out.append("| Title | Kind | Status | Parties | Period | Summary |")
        out.append("|---|---|---|---|---|---|")
        out += [_agreement_row(agreement, notes) for agreement in briefing.agreements]
        out.append("")
    if briefing.events:
        out += ["## Events", ""]
        for event in briefing.events:
            text = f"- **{inline(event.name)}**{notes.refs(event.evidence)}"
            if event.summary and event.summary.strip():
                text += f": {inline(event.summary)}"
            out.append(text)
            attendees = briefing.attendees(event.name)
            if attendees:
                out.append(f"  - Attended by: {', '.join(link(person) for person in attendees)}")
        out.append("")
    if briefing.figures:
        out += ["## Figures", ""]
        out += [f"- {inline(figure_text(f))}{notes.refs(f.evidence)}" for f in briefing.figures]
        out.append("")
    out += ["## Participants", ""]
    for side, people in by_side(briefing.participants):
        out += [f"### {inline(side) if side is not None else 'No side given'}", ""]
        for person in people:
            text = f"- {link(person)}"
            if person.name is not None and person.role:
                text += f", {inline(person.role)}"
            if person.organization:
                text += f", {inline(person.organization)}"
            out.append(text + notes.refs(person.evidence))
            if person.aliases:
                out.append(f"  - Also known as: {', '.join(inline(alias) for alias in person.aliases)}")
            if person.present_at:
                out.append(f"  - Present at: {', '.join(inline(event) for event in person.present_at)}")
            if person.notes and person.notes.strip():
                out.append(f"  - Notes: {inline(person.notes)}")
        out.append("")
    return out


def note(briefing: Briefing, link: PersonLink = bold_name) -> str:
    """One briefing as a note: front matter, body, footnotes."""
    notes = Footnotes()
    lines = body(briefing, notes, link)
    if notes.quotes:
        lines += [*notes.definitions(), ""]
    return front_matter(briefing_front(briefing)) + "\n" + "\n".join(lines).rstrip("\n") + "\n"


def export_markdown(briefings: Sequence[Briefing]) -> str:
    """One briefing as a note with front matter; several as one document (front matter can only
    describe one), each after a rule, newest first, their footnotes numbered through."""
    if len(briefings) == 1:
        return note(briefings[0])
    notes = Footnotes()
    lines: list[str] = []
    for number, briefing in enumerate(briefings):
        if number:
            lines += ["* * *", ""]
        lines += body(briefing, notes)
    if notes.quotes:
        lines += [*notes.definitions(), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
