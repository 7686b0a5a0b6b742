"""Generated briefings for the benchmarks: one briefing of any size, or a folder of many.

Participants come from `people.py` (realistic names from many regions, roles, organisations,
sides, aliases in Cyrillic, events), so search, the lists and the library see what a real desk
sees; every file passes `briefing-tui check`.

    from corpus import write_briefing, write_folder
    write_briefing(Path("big.yaml"), people=100_000)
    write_folder(Path("desk"), count=1_000)
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from people import COUNTRIES, PORTFOLIOS, REGION_NAMES, records

TOPICS = ("energy", "trade", "transit", "security", "defence", "education", "health", "water", "digital")
KINDS = ("memorandum of understanding", "agreement", "protocol", "joint statement", "roadmap")
STATUSES = ("signed", "initialled", "announced", "ratified")


def briefing(people: int, seed: int, number: int = 0) -> dict[str, Any]:
    """A valid briefing with `people` participants; the same for the same seed and number."""
    rng = random.Random(seed * 1_000_003 + number)
    host, guest = rng.sample(COUNTRIES, 2)
    portfolio = rng.choice(PORTFOLIOS)
    place = rng.choice(REGION_NAMES)
    date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(7 * 365))
    participants = []
    events: dict[str, None] = {}
    for record in records(people, seed=seed * 7919 + number):
        person = {key: value for key, value in record.items() if value not in (None, ())}
        if "present_at" in person:
            person["present_at"] = list(person["present_at"])
            events.update(dict.fromkeys(person["present_at"]))
        if "aliases" in person:
            person["aliases"] = list(person["aliases"])
        person.pop("evidence", None)
        participants.append(person)
    topics = rng.sample(TOPICS, 2)
    return {
        "briefing": 1,
        "id": f"generated-{seed}-{number}",
        "headline": f"{host} and {guest} hold talks on {portfolio.lower()} in {place}",
        "date": date,
        "published": date + dt.timedelta(days=rng.choice((0, 0, 1, 2))),
        "location": place,
        "source": {"outlet": rng.choice(("Kazinform", "APP", "Xinhua", "TASS", "Anadolu", "AKIpress"))},
        "topics": topics,
        "key_points": [
            f"{host} and {guest} agreed to expand cooperation in {topic} (point {i + 1})."
            for i, topic in enumerate(topics * 2)
        ],
        "agreements": [
            {
                "title": f"{rng.choice(KINDS).capitalize()} on {rng.choice(TOPICS)} ({i + 1})",
                "status": rng.choice(STATUSES),
                "parties": [host, guest],
            }
            for i in range(rng.randint(0, 6))
        ],
        "events": [{"name": name} for name in events],
        "participants": participants,
    }


def dump(data: dict[str, Any]) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1_000_000)


def write_briefing(path: Path, people: int, seed: int = 7) -> Path:
    path.write_text(dump(briefing(people, seed)), encoding="utf-8")
    return path


def write_folder(folder: Path, count: int, people: int = 30, seed: int = 11) -> Path:
    """`count` briefings of about `people` participants each, in a few subfolders by year."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        data = briefing(random.Random(seed + number).randint(people // 2, people * 3 // 2), seed, number)
        sub = folder / str(data["date"].year)
        sub.mkdir(exist_ok=True)
        (sub / f"{data['id']}.yaml").write_text(dump(data), encoding="utf-8")
    return folder
