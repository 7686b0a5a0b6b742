"""`briefing-tui new`: a briefing drafted from an article, that passes `check` as written.

The article is read under the loader's rules for a source file (size limit, UTF-8, no control
characters), so whatever `new` accepts, `check` accepts as the briefing's source. The draft is
checked with the real loader before it is written: a draft that would not pass is refused, never
written. An existing file is never replaced unless asked (`force`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from briefing_tui.draft.dates import FoundDate, find_date
from briefing_tui.draft.mentions import Person
from briefing_tui.draft.people import find_people
from briefing_tui.draft.sentences import sentences
from briefing_tui.draft.writing import DraftContent, one_line, render
from briefing_tui.format.characters import FORBIDDEN_CHARS, UNSAFE_CHARS
from briefing_tui.format.problems import BriefingError, Problem
from briefing_tui.format.reading import DEFAULT_MAX_BYTES, forbidden_chars, read_text
from briefing_tui.paths import write_atomically

#: Characters of the article searched for people and a date: enough for any article, and a bound
#: on the time a huge file costs.
SCAN_LIMIT = 1_000_000
#: A first line longer than this is cut to its first sentence for the headline.
MAX_HEADLINE = 200

# " date 2026-02-05 " before the headline, as in the bundled sample's article.
_DATE_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+", re.I)
# "Brasília, 13/01/2003 (Agência Brasil - ABr) - " or "(Paris, 7 juillet 2011) - ".
_DATELINE_PREFIX = re.compile(
    r"^\(?[^\W\d_][^,()\n]{0,40},\s*[^()\n]{4,30}?\d{4}\)?\s*(?:\([^)\n]{0,40}\)\s*)?[-–—:]\s+"
)


class DraftError(Exception):
    """The draft cannot be made or written; `.problems` says why, each as `PATH: message`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True, slots=True)
class Draft:
    """A drafted briefing: its text, and what went into it."""

    text: str
    output: Path
    people: list[Person]
    date: dt.date
    found_date: FoundDate | None
    scanned_all: bool


def default_output(article: Path) -> Path:
    """Where the briefing of `article` goes when no name is given: beside it, named `.yaml`."""
    return article.with_suffix(".yaml")


def draft_briefing(article: Path, output: Path | None = None, *, today: dt.date | None = None) -> Draft:
    """A draft briefing of `article`, to be written at `output`; raises `DraftError`."""
    output = default_output(article) if output is None else output
    source_file = _source_file(article, output)
    text = _read_article(article)
    scanned = text[:SCAN_LIMIT]
    found_date = find_date(scanned)
    date = found_date.date if found_date else (today or dt.date.today())
    people = find_people(scanned)
    content = DraftContent(
        headline=headline(text),
        date=date,
        found_date=found_date,
        source_file=source_file,
        key_point=_first_sentence(text),
        people=people,
    )
    draft_text = render(content)
    _check(draft_text, output)
    return Draft(draft_text, output, people, date, found_date, len(text) <= SCAN_LIMIT)


def write_draft(draft: Draft, *, force: bool = False) -> None:
    """Write `draft` to its output; an existing file only with `force`. Raises `DraftError`."""
    output = draft.output
    if not force and (output.exists() or output.is_symlink()):
        raise DraftError([Problem(str(output), None, None, "already exists; use --force to overwrite it")])
    try:
        if force:
            write_atomically(output, draft.text)
        else:
            with output.open("x", encoding="utf-8", newline="") as file:  # never replaces a file
                file.write(draft.text)
    except FileExistsError:
        raise DraftError(
            [Problem(str(output), None, None, "already exists; use --force to overwrite it")]
        ) from None
    except OSError as exc:
        raise DraftError([Problem(str(output), None, None, f"cannot write: {exc.strerror or exc}")]) from None


def headline(text: str) -> str:
    """The article's first line, without a date or dateline before it, cut to its first sentence
    when it is a whole paragraph."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    line = _DATE_PREFIX.sub("", first)
    line = _DATELINE_PREFIX.sub("", line, count=1) or line
    line = one_line(line)
    if len(line) > MAX_HEADLINE:
        sentence = next(iter(sentences(line)), None)
        line = sentence.text if sentence else line
        if len(line) > MAX_HEADLINE:
            line = line[:MAX_HEADLINE].rsplit(" ", 1)[0] + " …"
    return line or one_line(first)


def _first_sentence(text: str) -> str:
    """The first sentence of the body (after the headline's line), else the first sentence."""
    stripped = text.lstrip()
    first_line_end = len(text) - len(stripped) + len(stripped.split("\n", 1)[0])
    found = list(itertools.islice(sentences(text[:SCAN_LIMIT]), 2))
    for sentence in found:
        if sentence.start >= first_line_end:
            return sentence.text
    return found[0].text if found else one_line(text)


def _source_file(article: Path, output: Path) -> str:
    """The article's path relative to the briefing's folder, as `source.file` must give it."""
    problem = None
    if output.is_dir():
        problem = Problem(str(output), None, None, "is a folder; give the name of the briefing file to write")
    elif not output.parent.is_dir():
        problem = Problem(str(output.parent), None, None, "no such folder")
    if problem:
        raise DraftError([problem])
    try:
        if output.exists() and article.exists() and output.samefile(article):
            raise DraftError(
                [Problem(str(output), None, None, "is the article itself; name another file with -o")]
            )
        folder = output.parent.resolve()
        target = article.resolve()
    except (OSError, RuntimeError) as exc:
        raise DraftError([Problem(str(article), None, None, f"cannot be opened: {exc}")]) from None
    if not target.is_relative_to(folder):
        raise DraftError(
            [
                Problem(
                    str(article),
                    None,
                    None,
                    f"is not inside {str(output.parent) or '.'!r}, the briefing's folder: a briefing's "
                    "source file must be in its folder or below it; write the briefing beside the "
                    "article (the default) or in a folder above it",
                )
            ]
        )
    relative = target.relative_to(folder).as_posix()
    if FORBIDDEN_CHARS.search(relative):
        raise DraftError(
            [Problem(str(article), None, None, "the file name holds a control character; rename the article")]
        )
    return relative


def _read_article(article: Path) -> str:
    shown = str(article)
    try:
        text = read_text(article, shown, max_bytes=DEFAULT_MAX_BYTES, what="source file")
    except BriefingError as exc:
        raise DraftError(exc.problems) from None
    problems = forbidden_chars(text, shown, UNSAFE_CHARS)
    if problems:
        raise DraftError(problems)
    if not text.strip():
        raise DraftError([Problem(shown, None, None, "the article is empty: there is nothing to draft from")])
    return text


def _check(text: str, output: Path) -> None:
    """Refuse a draft the loader would not accept: `new` writes only what `check` passes."""
    from briefing_tui.format.loader import parse_briefing

    try:
        parse_briefing(text, output, shown=str(output))
    except BriefingError as exc:
        note = Problem(str(output), None, None, "the draft would not pass check, so it was not written:")
        raise DraftError([note, *exc.problems]) from None


__all__ = ["Draft", "DraftError", "default_output", "draft_briefing", "headline", "write_draft"]
