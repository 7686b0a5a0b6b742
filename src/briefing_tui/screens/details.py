"""The details dialog: every field of an item, its evidence, and the items it links to."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Static
from textual.widgets.option_list import Option

from briefing_tui import items, keys
from briefing_tui.items import Ref, Value
from briefing_tui.widgets.lists import ItemList, ScrollBox
from briefing_tui.widgets.rows import LazyRows
from briefing_tui.widgets.text import DIM, item_row, paragraph, side_styles

if TYPE_CHECKING:
    from briefing_tui.format.model import Briefing


def value_content(value: Value) -> Content:
    if value is None:
        return Content.styled("—", DIM)
    if isinstance(value, tuple):
        return Content("\n").join(paragraph(item) for item in value)
    return paragraph(value)


class DetailsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.DIALOG,
        keys.bind("show-source", "source"),
        keys.DETAILS_COPY.bind("copy"),
        keys.bind("edit", "edit"),
    ]

    AUTO_FOCUS = "#details-body"

    def __init__(self, briefing: Briefing, ref: Ref) -> None:
        super().__init__()
        self.briefing = briefing
        self.ref = ref
        #: The field clicked last (its label), which `e` edits at.
        self.field: str | None = None

    def compose(self) -> ComposeResult:
        briefing, ref = self.briefing, self.ref
        with Vertical(id="dialog") as dialog:
            dialog.border_title = items.kind_of(ref).noun
            with ScrollBox(id="details-body"):
                for label, value in items.fields(briefing, ref):
                    with Horizontal(classes="field -chosen" if label == self.field else "field"):
                        yield Static(Content(label), classes="field-label")
                        yield Static(value_content(value), classes="field-value")
                quotes = items.evidence(briefing, ref)
                if quotes:
                    yield Static(Content(f"Evidence ({len(quotes)})"), classes="section")
                    for number, quote in enumerate(quotes, 1):
                        text = Content.assemble(Content.styled(f"{number}  ", DIM), paragraph(quote))
                        yield Static(text, classes="quote")
            heading, refs = items.related(briefing, ref)
            if refs:
                yield Static(Content(f"{heading} ({len(refs)})"), classes="section")
                yield ItemList(self._related_options(refs), id="related")
        yield Footer(show_command_palette=False)

    def _related_options(self, refs: list[Ref]) -> LazyRows:
        """Made as they are drawn: an event may have 12,000 attendees."""
        briefing, colours = self.briefing, side_styles(self.briefing.participants)

        def make(index: int) -> Option:
            return Option(item_row(briefing, refs[index], colours), id=refs[index].option_id)

        one_line = all(ref.kind == "participant" for ref in refs)
        return LazyRows(len(refs), make, one_line=one_line)

    def on_mount(self) -> None:
        for item_list in self.query(ItemList):
            item_list.highlight_first()

    def update_briefing(self, briefing: Briefing) -> None:
        """The briefing was saved again: show the same item (by its title, else its place) anew,
        or close if it is gone."""
        kind = items.kind_of(self.ref)
        title = items.title(self.briefing, self.ref)
        refs = items.refs(briefing, kind)
        same = [ref for ref in refs if items.title(briefing, ref) == title]
        if not same and self.ref not in refs:
            if self.app.screen is self:  # under another dialog, it keeps the last version read
                self.dismiss()
            return
        self.briefing, self.ref = briefing, (same[0] if same else self.ref)
        self.call_later(self._recompose)

    async def _recompose(self) -> None:
        focused_id = self.focused.id if self.focused is not None else None
        await self.recompose()
        self.on_mount()
        for widget in self.query(f"#{focused_id or 'details-body'}"):
            widget.focus()

    def on_click(self, event: events.Click) -> None:
        """A click on a field chooses it: `e` edits there (the evidence: at its list)."""
        widget = event.widget
        while widget is not None and not (widget.has_class("field") or widget.has_class("quote")):
            widget = widget.parent if isinstance(widget.parent, Widget) else None
        if widget is None:
            return
        if widget.has_class("quote"):
            self.field = "Evidence"
        else:
            self.field = str(widget.query_one(".field-label", Static).render())
        for row in self.query(".field"):
            row.set_class(row is widget, "-chosen")

    def _field_in_view(self) -> str | None:
        """The label of the first field row wholly in view in the body (None: scrolled past them)."""
        body = self.query_one("#details-body").region
        for row in self.query(".field"):
            if row.region.y >= body.y and row.region.bottom <= body.bottom:
                label = row.query_one(".field-label", Static).render()
                return str(label)
        return None

    def action_edit(self) -> None:
        """In the editor: the related item under the cursor, when that list has focus; else this
        item, at the field clicked last, else the first of its fields in view."""
        from briefing_tui.positions import item_target
        from briefing_tui.screens.editing import request_edit

        ref, label = self.ref, None
        focused = self.focused
        if isinstance(focused, ItemList) and focused.current_ref is not None:
            ref = focused.current_ref
        else:
            label = self.field or self._field_in_view()
        if self.briefing.path is None:
            self.notify("This briefing was not read from a file", severity="warning")
            return
        path = Path(self.briefing.path)
        request_edit(self.app, lambda: item_target(path, ref, label))

    @on(ItemList.OptionSelected, "#related")
    def _open_related(self, event: ItemList.OptionSelected) -> None:
        event.stop()
        if (ref := Ref.from_option_id(event.option.id)) is not None:
            self.app.push_screen(DetailsScreen(self.briefing, ref))

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(items.as_text(self.briefing, self.ref))  # which says how it went

    def action_source(self) -> None:
        from briefing_tui.screens.source import SourceScreen

        source = self.briefing.source_text
        if source is None:
            self.notify("This briefing has no source file", severity="warning")
            return
        quotes = items.evidence(self.briefing, self.ref)
        if not quotes:
            self.notify("This item quotes no evidence; showing the whole source")
        name = self.briefing.source.file if self.briefing.source else None
        folder = Path(self.briefing.path).parent if self.briefing.path else None
        path = folder / name if folder is not None and name else None
        self.app.push_screen(SourceScreen(source, quotes, name=name or "source", path=path))
