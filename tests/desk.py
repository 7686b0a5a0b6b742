"""A small desk of briefings for the library's Pilot tests: topics, sides, places, outlets, dates and
people chosen so that each filter term, each sort and the people view have something to tell apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ARTICLE = (
    "Minister Tokayev said the talks went well. Ali Khan spoke for Pakistan. Ali Khan spoke for India.\n"
)

#: name -> (headline, date, published, place, topics, outlet, participants)
BRIEFINGS: dict[str, tuple[str, str, str | None, str, list[str], str, list[dict[str, Any]]]] = {
    "energy.yaml": (
        "Kazakhstan and China sign energy deals",
        "2026-03-10",
        "2026-03-11",
        "Astana",
        ["energy", "renewable energy"],
        "Kazinform",
        [
            {
                "name": "Kassym-Jomart Tokayev",
                "role": "President of Kazakhstan",
                "organization": "Akorda",
                "side": "Kazakhstan",
                "present_at": ["Talks", "Banquet"],
                "evidence": "Minister Tokayev said the talks went well",
            },
            {"name": "Xi Jinping", "role": "President of China", "side": "China"},
        ],
    ),
    "trade.yaml": (
        "Uzbekistan and Turkey expand trade",
        "2025-06-01",
        "2026-04-01",
        "Tashkent",
        ["trade"],
        "Anadolu",
        [
            {"name": "Shavkat Mirziyoyev", "side": "Uzbekistan"},
            {"name": "Recep Tayyip Erdoğan", "side": "Turkey"},
            {
                "name": "Ali Khan",
                "role": "Envoy",
                "side": "Pakistan",
                "evidence": "Ali Khan spoke for Pakistan",
            },
        ],
    ),
    "water.yaml": (
        "Water talks in Almaty",
        "2026-01-15",
        None,
        "Almaty",
        ["water security", "energy"],
        "Xinhua",
        [
            {"name": "Kassym-Jomart Tokayev", "role": "Minister of Foreign Affairs", "side": "Kazakhstan"},
            {"name": "Ali Khan", "role": "Adviser", "side": "India", "evidence": "Ali Khan spoke for India"},
            {"name": "Wang Yi", "side": "China"},
            {"name": "Sadyr Japarov", "side": "Kyrgyzstan"},
        ],
    ),
    "old.yaml": ("Transit corridor opens", "2024-12-31", None, "Termez", ["transit"], "Gazeta", []),
}


def write_desk(folder: Path) -> Path:
    """The desk's briefings (one broken) and their article, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    for name, (headline, date, published, place, topics, outlet, people) in BRIEFINGS.items():
        data: dict[str, Any] = {"headline": headline, "date": date}
        if published:
            data["published"] = published
        data |= {
            "location": place,
            "topics": topics,
            "source": {"file": "article.txt", "outlet": outlet},
            "key_points": ["a point"],
            "events": [{"name": "Talks"}, {"name": "Banquet"}],
            "participants": people or [{"name": "Someone"}],
        }
        # JSON is YAML: no quoting to get wrong.
        (folder / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (folder / "broken.yaml").write_text("headline: [\n", encoding="utf-8")
    return folder
