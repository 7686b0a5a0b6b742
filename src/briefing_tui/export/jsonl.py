"""`--format jsonl`: JSON Lines, one object per item of the chosen table, lists as arrays."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing_tui.export.tables import rows

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing


def export_jsonl(briefings: Sequence[Briefing], table: str) -> str:
    return "".join(
        json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n" for row in rows(briefings, table)
    )
