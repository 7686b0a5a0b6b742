"""Keys typed in a burst are handled in order, where focus is by then.

Textual hands each key to the widget focused when the key *arrives*, and bindings run only once the
key has bubbled up to the app. Typed in one burst ("/tok", "Escape j", a paste), the later keys reach
the old widget before the binding that moves focus has run: "/tok" would search for nothing and
move the list cursor with "k". So the widgets that take keys mix in `KeysFollowFocus`, which tags the
keys it lets bubble (`key_origin`) for the app to send again (`follow_focus`), and sends again at
once keys that arrive after focus left. A key is sent again through the app (`resend`), as if typed
now: the app hands it to the focused widget and runs its bindings. (Posted to that widget from the
app, it would stop bubbling short of the app, whose bindings would never see it: Textual stops a
message at its sender.) A widget that acts on keys itself (an Input types them) sets
`BIND_AT_ONCE`: it runs its own bindings before later keys arrive.

This is the one module that reaches into Textual's internals, because Textual has no public hook
for it; if an upgrade breaks it, the burst tests (tests/test_app_keys.py, tests/test_app_library.py)
fail:
- `_on_key`: Textual calls the `_on_key` of every class in a widget's MRO, before `on_key` and before
  the class's own key handling (an Input inserting the character); the mixin's runs first.
- `Widget._bindings`: the widget's bindings, merged over its classes, to run them at once.
- `App._normalize_keymap`: the keymap as Textual applies it ("?" becomes "question_mark").

It also holds the app's two raw hooks into the terminal, for copying (`screens/copying.py`):
- `App._driver`: `write_to_terminal` writes an escape sequence as it is (OSC 52 wrapped for tmux or
  GNU screen); Textual writes only plain OSC 52, in `App.copy_to_clipboard`.
- `App._clipboard`: what `App.clipboard` returns, which Input and TextArea paste (ctrl+v); the
  app's own copy path, which replaces `App.copy_to_clipboard`, keeps it as Textual would.
"""

from __future__ import annotations

from typing import Any, ClassVar, cast

from textual import events
from textual.app import App
from textual.widget import Widget

from briefing_tui.keys import keymap_of


def focus_now(widget: Widget) -> None:
    """Focus `widget` before the next key is handled (`Widget.focus` waits a turn of the loop,
    and keys typed fast, like "/abc", would go to the old focus)."""
    widget.screen.set_focus(widget)


class KeysFollowFocus:
    """Mixin (put it first): keys typed at this widget after focus left it go where focus is.

    Not a Widget itself, so the class it is mixed into keeps its CSS type name."""

    BIND_AT_ONCE: ClassVar[bool] = False

    async def _on_key(self, event: events.Key) -> None:
        widget = cast(Widget, self)
        focused = widget.app.focused
        if focused is not None and focused is not widget:
            event.stop()
            event.prevent_default()  # the classes after this one do not see it
            resend(widget.app, event)
            return
        if self.BIND_AT_ONCE:
            bindings = widget._bindings.copy()
            if keymap := keymap_of(widget.app):
                bindings.apply_keymap(App._normalize_keymap(keymap))
            for binding in bindings.key_to_bindings.get(event.key, ()):
                if await widget.app.run_action(binding.action, widget):
                    event.stop()
                    event.prevent_default()
                    return
        event.typed_at = widget  # type: ignore[attr-defined]


def key_origin(event: events.Key) -> Widget | None:
    """The widget a key was typed at, if it passed through a `KeysFollowFocus` widget."""
    return getattr(event, "typed_at", None)


def follow_focus(app: App[Any], event: events.Key) -> None:
    """For the app's `on_key`: a key typed at a widget that has lost focus since (it came in the
    same burst as the key that moved focus) is handled where focus is now."""
    origin = key_origin(event)
    focused = app.focused
    if origin is not None and focused is not None and origin is not focused:
        event.prevent_default()
        resend(app, event)


def resend(app: App[Any], event: events.Key) -> None:
    """The key again, as if typed now: the app hands it to the focused widget, and its bindings run."""
    app.post_message(events.Key(event.key, event.character))


def write_to_terminal(app: App[Any], data: str) -> None:
    """Write `data` to the terminal as it is, after what the app has drawn so far (Textual has no
    public API for raw output). Nothing happens before the app runs or after it ends."""
    driver = app._driver
    if driver is not None:
        driver.write(data)


def remember_copied(app: App[Any], text: str) -> None:
    """Make `text` what `app.clipboard` holds, as `App.copy_to_clipboard` does: Input and TextArea
    paste it with ctrl+v."""
    app._clipboard = text
