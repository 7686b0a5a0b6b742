"""A briefing as plain data: the shape of a briefing/1 file, ready for `json.dumps`.

Keys come in the order the format lists them; absent values (None) and empty lists, which are the
defaults, are left out, while empty text is kept (it is not the default). Dates are ISO strings and
evidence is always a list. Only attributes are read, so this works for any object with the model's
attribute names. The JSON export writes it,
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

    For data that was checked when it was stored (the library's cache): it is not checked again,
    only put back into the model's classes (dates from ISO text, lists as tuples). Raises
    `ValueError` for data no briefing could have produced (a key the model does not have, one
    missing, a date that is none), so the caller can load the file instead.
    """
    from briefing_tui.format import model

    def item(cls: Any, fields: dict[str, Any]) -> Any:
        return cls(**{k: tuple(v) if type(v) is list else v for k, v in fields.items()})

    try:
        values = dict(data)
        for name in ("date", "published"):
            if name in values:
                values[name] = dt.date.fromisoformat(values[name])
        if "source" in values:
            values["source"] = model.Source(**values["source"])
        for name, cls in _ITEM_CLASSES.items():
            if name in values:
                made = getattr(model, cls)
                values[name] = tuple([item(made, fields) for fields in values[name]])
        if "topics" in values:
            values["topics"] = tuple(values["topics"])
        briefing = model.Briefing(**values)
    except (TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"not the data of a briefing: {exc}") from None
    return briefing.attached(path, source_text)


_ITEM_CLASSES = {
    "key_points": "KeyPoint",
    "agreements": "Agreement",
    "events": "Event",
    "figures": "Figure",
    "participants": "Participant",
}
