"""`--format popolo`: the people, organisations, memberships and events of briefings as Popolo JSON.

Popolo (popoloproject.com) is the open data standard for people in public life. One document holds
`persons`, `organizations`, `memberships` and `events`:

* a **person** per named participant, the same person across briefings when the names match (case
  and Unicode form aside) or, once participants carry them, when the wikidata ids do; aliases are
  `other_names`, ids under `identifiers` (scheme `wikidata`). An unnamed official (a role only) is
  a person of their own, without a name, in that one briefing;
* an **organization** per `organization` (classification "organization") and per `side`
  (classification "side");
* a **membership** per participant's role: in their organisation, on behalf of their side; in their
  side when they have no organisation;
* an **event** per briefing (classification "briefing", attended by every participant) with its
  events as children (attended by those `present_at` them);
* **sources**: the briefing's `source.url`, when it has one (a Popolo source is a URL).

Ids are stable: made from names and briefing ids, so exporting again gives the same ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from anyascii import anyascii

from briefing_tui.export.common import briefing_id
from briefing_tui.export.jsondoc import dumps

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing, Participant

Record = dict[str, Any]


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")
    return slug or "x"


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


class _Ids:
    """Readable ids (`person/kassym-jomart-tokayev`) that stay unique when two names slug alike."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.used: set[str] = set()

    def get(self, kind: str, key: str, label: str) -> str:
        if (kind, key) not in self.ids:
            base = candidate = f"{kind}/{_slug(label)}"
            number = 1
            while candidate in self.used:
                number += 1
                candidate = f"{base}-{number}"
            self.used.add(candidate)
            self.ids[kind, key] = candidate
        return self.ids[kind, key]


def _sources(briefing: Briefing) -> list[Record]:
    source = briefing.source
    if source is None or not source.url:
        return []
    return [{"url": source.url, "note": source.outlet or briefing.headline}]


def _add_sources(record: Record, sources: list[Record]) -> None:
    if not sources:
        return
    listed = record.setdefault("sources", [])
    listed.extend(source for source in sources if source not in listed)


def _wikidata(person: Participant) -> str | None:
    # Participants gain an optional `wikidata` id in a later version of the format.
    value = getattr(person, "wikidata", None)
    return value if isinstance(value, str) and value else None


class _Document:
    def __init__(self) -> None:
        self.ids = _Ids()
        self.persons: dict[str, Record] = {}
        self.organizations: dict[str, Record] = {}
        self.memberships: dict[tuple[Any, ...], Record] = {}
        self.events: list[Record] = []

    def person(self, person: Participant, bid: str, index: int, sources: list[Record]) -> str:
        wikidata = _wikidata(person)
        if wikidata:
            key = f"wikidata:{wikidata}"
        elif person.name is not None:
            key = f"name:{_fold(person.name)}"
        else:  # an unnamed official: only this briefing knows who they are
            key = f"unnamed:{bid}:{index}"
        label = person.name or f"{bid} {person.role or 'participant'}"
        pid = self.ids.get("person", key, label)
        record = self.persons.get(pid)
        if record is None:
            record = self.persons[pid] = {"id": pid}
            if person.name is not None:
                record["name"] = person.name
            record["other_names"] = []
            record["identifiers"] = []
        names = {other["name"] for other in record["other_names"]} | {record.get("name")}
        if person.name is not None and person.name not in names:  # a spelling of a merged person
            record["other_names"].append({"name": person.name})
            names.add(person.name)
        for alias in person.aliases:
            if alias not in names:
                record["other_names"].append({"name": alias, "note": "alias"})
                names.add(alias)
        if wikidata and {"scheme": "wikidata", "identifier": wikidata} not in record["identifiers"]:
            record["identifiers"].append({"scheme": "wikidata", "identifier": wikidata})
        _add_sources(record, sources)
        return pid

    def organization(self, name: str, classification: str, sources: list[Record]) -> str:
        oid = self.ids.get("organization", f"{classification}:{_fold(name)}", name)
        record = self.organizations.setdefault(
            oid, {"id": oid, "name": name, "classification": classification}
        )
        _add_sources(record, sources)
        return oid

    def membership(self, person: Participant, pid: str, sources: list[Record]) -> None:
        side = self.organization(person.side, "side", sources) if person.side else None
        organization = (
            self.organization(person.organization, "organization", sources) if person.organization else None
        )
        if organization is None and side is None and person.role is None:
            return
        record: Record = {"person_id": pid}
        if person.role is not None:
            record["role"] = person.role
        if organization is not None:
            record["organization_id"] = organization
            if side is not None:
                record["on_behalf_of_id"] = side
        elif side is not None:
            record["organization_id"] = side
        key = tuple(sorted((k, v) for k, v in record.items()))
        if key not in self.memberships:
            record["id"] = f"membership/{len(self.memberships) + 1}"
            self.memberships[key] = record
        _add_sources(self.memberships[key], sources)

    def briefing(self, briefing: Briefing) -> None:
        bid = briefing_id(briefing)
        sources = _sources(briefing)
        pids = []
        for index, person in enumerate(briefing.participants):
            pid = self.person(person, bid, index, sources)
            self.membership(person, pid, sources)
            pids.append(pid)
        parent = self.ids.get("event", f"briefing:{bid}", bid)
        event: Record = {
            "id": parent,
            "name": briefing.headline,
            "classification": "briefing",
            "start_date": briefing.date.isoformat(),
        }
        if briefing.summary:
            event["description"] = briefing.summary
        if briefing.location:
            event["location"] = briefing.location
        event["attendees"] = [self._attendee(pid) for pid in dict.fromkeys(pids)]
        _add_sources(event, sources)
        self.events.append(event)
        for number, item in enumerate(briefing.events):
            child: Record = {
                "id": self.ids.get("event", f"event:{bid}:{number}", f"{bid} {item.name}"),
                "name": item.name,
                "parent_id": parent,
                "start_date": briefing.date.isoformat(),
            }
            if item.summary:
                child["description"] = item.summary
            if briefing.location:
                child["location"] = briefing.location
            attending = [
                pid for pid, p in zip(pids, briefing.participants, strict=True) if item.name in p.present_at
            ]
            child["attendees"] = [self._attendee(pid) for pid in dict.fromkeys(attending)]
            _add_sources(child, sources)
            self.events.append(child)

    def _attendee(self, pid: str) -> Record:
        # Popolo lists attendees as person objects; the id (and name) refer to the full record.
        person = self.persons[pid]
        return {"id": pid, "name": person["name"]} if "name" in person else {"id": pid}

    def data(self) -> Record:
        return {
            "persons": list(self.persons.values()),
            "organizations": list(self.organizations.values()),
            "memberships": list(self.memberships.values()),
            "events": self.events,
        }


def popolo(briefings: Sequence[Briefing]) -> Record:
    """The Popolo document of `briefings` as plain data."""
    document = _Document()
    for briefing in briefings:
        document.briefing(briefing)
    return document.data()


def export_popolo(briefings: Sequence[Briefing]) -> str:
    return dumps(popolo(briefings))
