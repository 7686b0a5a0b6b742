"""A briefing as plain data: the shape of a briefing/1 file, ready for `json.dumps`.

Keys come in the order the format lists them; absent values (None) and empty lists, which are the
defaults, are left out, while empty text is kept (it is not the default). Dates are ISO strings and
evidence is always a list. Only attributes are read, so this works for any object with the model's
attribute names (the runtime model is due to become plain dataclasses). The JSON export writes it,
and written back as JSON (which the YAML loader reads) it loads as the same briefing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing

#: The fields of each kind of item, in the format's order.
BRIEFING_FIELDS = (
    "briefing",
    "id",
    "headline",
    "subheadline",
    "date",
    "published",
    "location",
    "source",
    "summary",
    "topics",
    "key_points",
    "agreements",
    "events",
    "figures",
    "participants",
)
SOURCE_FIELDS = ("outlet", "url", "file")
KEY_POINT_FIELDS = ("text", "evidence")
AGREEMENT_FIELDS = ("title", "kind", "status", "parties", "period", "summary", "evidence")
EVENT_FIELDS = ("name", "summary", "evidence")
FIGURE_FIELDS = ("label", "value", "unit", "evidence")
PARTICIPANT_FIELDS = (
    "name",
    "role",
    "organization",
    "side",
    "aliases",
    "present_at",
    "evidence",
    "notes",
    "wikidata",
)
#: The lists of items at the top level, and the fields of their items.
ITEM_FIELDS = {
    "key_points": KEY_POINT_FIELDS,
    "agreements": AGREEMENT_FIELDS,
    "events": EVENT_FIELDS,
    "figures": FIGURE_FIELDS,
    "participants": PARTICIPANT_FIELDS,
}


def _fields(item: Any, names: tuple[str, ...]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for name in names:
        value = getattr(item, name)
        if value is None or value == ():
            continue
        if isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, dt.date):
            value = value.isoformat()
        data[name] = value
    return data


def to_data(briefing: Any) -> dict[str, Any]:
    """`briefing` as JSON-ready data in the shape of the YAML format (see the module docstring)."""
    data: dict[str, Any] = {}
    for name in BRIEFING_FIELDS:
        if name == "source":
            if briefing.source is not None:
                data[name] = _fields(briefing.source, SOURCE_FIELDS)
        elif name in ITEM_FIELDS:
            items = getattr(briefing, name)
            if items:
                data[name] = [_fields(item, ITEM_FIELDS[name]) for item in items]
        else:
            data.update(_fields(briefing, (name,)))
    return data


def from_data(data: dict[str, Any], *, path: str, source_text: str | None) -> Briefing:
    """The briefing `to_data` made `data` from, as loaded from `path` with its source's text.

    For data that was checked when it was stored (the library's cache): it is not checked again
    against its file, its events or its source. Pydantic's validation of plain data is the fastest
    way to rebuild the frozen models today (twice as fast as `model_construct`, measured); it
    raises `ValidationError` for data no briefing could have produced. The model is imported
    here, so that `to_data` stays free of pydantic.
    """
    from briefing_tui.format.model import Briefing as Model

    return Model.loaded(data, path=path, source_text=source_text)
