"""Mentions of one person ("President Kassym-Jomart Tokayev", "President Tokayev", "Tokayev")
merged into one suggestion under the fullest name the article gives."""

from __future__ import annotations

from briefing_tui.draft.lexicon import PARTICLES, fold
from briefing_tui.draft.mentions import Mention, Person


def merge(mentions: list[Mention], plain_names: list[tuple[list[str], str]]) -> list[Person]:
    """One person per name: a surname alone joins the one fuller name it belongs to."""
    groups: list[tuple[list[str], list[Mention]]] = []
    for mention in sorted(mentions, key=lambda m: -len(m.name)):
        words = [t.text for t in mention.name]
        matches = [group for names, group in groups if _same_person(words, names)]
        if len(matches) == 1:
            matches[0].append(mention)
        elif not matches:
            groups.append((words, [mention]))
        # A surname shared by two people ("Fernández") is left out rather than guessed.
    people = []
    for words, group in groups:
        best = max(group, key=lambda m: (len(m.name), _detail(m)))
        name = best.text
        fuller = [
            text for plain, text in plain_names if _extends(plain, words) and _same_person(plain, words)
        ]
        if fuller:
            name = max(fuller, key=lambda t: len(t.split()))
        people.append(
            Person(
                name=name,
                role=best.role,
                side=best.side or next((m.side for m in group if m.side), None),
                organization=best.organization,
                evidence=best.quote,
                mentions=len(group),
                at=min(m.at for m in group),
            )
        )
    people.sort(key=lambda p: p.at)
    return people


def _detail(mention: Mention) -> int:
    return sum(len(x or "") for x in (mention.role, mention.side, mention.organization))


def _significant(words: list[str]) -> list[str]:
    return [fold(w) for w in words if fold(w) not in PARTICLES]


def _same_person(a: list[str], b: list[str]) -> bool:
    """Whether two names are one person: the shorter's words all in the longer, the surname (last
    word) shared or the shorter a single word of the longer other than its first."""
    short, long = sorted((_significant(a), _significant(b)), key=len)
    if not short or not long:
        return False
    if short == long:
        return True
    if len(short) == 1:
        return short[0] in long[1:]
    return short[-1] == long[-1] and all(w in long for w in short)


def _extends(full: list[str], part: list[str]) -> bool:
    return _same_person(full, part) and len(_significant(full)) > len(_significant(part))
