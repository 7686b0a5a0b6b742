"""User text made safe to print: no character a terminal would act on, one for one.

A briefing's text is data. Before it reaches a terminal (the browser, `show`) or a document
(`export`), control characters become visible control pictures (␛ for ESC), C1 controls and bidi
embeddings, overrides and isolates become U+FFFD, and tabs become spaces. Each replacement is one
character for one, so offsets into the original text (search matches) stay valid.

Textual-free, so `show` and the exports use it without the UI; the UI's `widgets/text.py` holds
the same table for now and can import it from here.
"""

from __future__ import annotations


def _table(*, one_line: bool) -> dict[int, str]:
    table = {code: chr(0x2400 + code) for code in range(0x20)}  # control pictures: ␛ for ESC
    table[0x7F] = "\u2421"
    table.update({code: "\ufffd" for code in range(0x80, 0xA0)})
    # Bidi embeddings/overrides/isolates would reorder the rest of the terminal line.
    table.update({code: "\ufffd" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
    table[0x09] = " "
    table[0x0A] = " " if one_line else "\n"
    return table


_ONE_LINE = _table(one_line=True)
_BLOCK = _table(one_line=False)


def line(text: str) -> str:
    """`text` safe to show on one line; same length as `text`."""
    return text.translate(_ONE_LINE)


def block(text: str) -> str:
    """`text` safe to show over several lines; same length as `text`."""
    return text.translate(_BLOCK)
