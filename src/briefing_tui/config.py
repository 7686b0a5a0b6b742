"""User configuration: theme, keymap, editor, check's warnings and a library's named views, in YAML.

    theme: nord
    editor: code --wait  # or "myed --line {line} --col {column} {file}"
    keymap:            # binding id: keys (comma-separated, or a list)
      quit: ctrl+q
      down: j,down,ctrl+n
    warnings:          # check's warnings to leave out, by id (or: off: all)
      off: [quote-ambiguous]
    views:             # name: a filter of the library (in the command palette as "View: NAME")
      central-asia: "topic:energy after:2025-01-01"

The file is `--config PATH`, else `$BRIEFING_TUI_CONFIG`, else `config.yaml` in the user config
folder. A missing file means the defaults. A broken one never stops the app: each problem becomes a
one-line message (with line and column where YAML gives them), and whatever is valid is used.
The app writes the file only to remember the theme, atomically, keeping the rest of it as it was.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing_tui.format.suggest import did_you_mean
from briefing_tui.paths import write_atomically

ENV_VAR = "BRIEFING_TUI_CONFIG"
APP_NAME = "briefing-tui"
MAX_BYTES = 1024 * 1024
KNOWN_KEYS = ("theme", "keymap", "warnings", "views", "editor")


class ConfigError(Exception):
    """The config file could not be written."""


@dataclass
class Config:
    path: Path
    theme: str | None = None
    keymap: dict[str, str] = field(default_factory=dict)
    #: The ids of `check`'s warnings turned off (`format/warnings.py`).
    warnings_off: frozenset[str] = frozenset()
    #: Named filters of a library (name -> filter), offered in the command palette.
    views: dict[str, str] = field(default_factory=dict)
    #: The editor `e` opens (a command, or a template with {file} {line} {column}); None: the environment's.
    editor: str | None = None
    problems: list[str] = field(default_factory=list)
    #: False when the file exists but could not be read as a mapping: it must not be overwritten.
    writable: bool = True


def resolve_config_path(explicit: Path | None = None) -> Path:
    """Where the config lives: the explicit path, else $BRIEFING_TUI_CONFIG, else the user folder."""
    if explicit is not None:
        return explicit
    if env := os.environ.get(ENV_VAR):
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME)) / "config.yaml"


def _parse(text: str) -> Any:
    import yaml  # only when there is a config file to read: start-up does not wait for it

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _read(path: Path) -> tuple[Any, str | None]:
    """The parsed file, or a message saying why it could not be read. A missing file is None."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, f"{path}: larger than {MAX_BYTES // 1024} KiB; is this really the config?"
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None, None
    except UnicodeDecodeError as exc:
        return None, f"{path}: not UTF-8 text (byte {exc.start})"
    except OSError as exc:
        return None, f"{path}: cannot read it: {exc.strerror or exc}"
    import yaml

    try:
        return _parse(text), None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        return None, f"{where}: not valid YAML: {problem}"


def _keys(value: Any) -> str | None:
    """Keys as Textual wants them ("j,down"), from a string or a list; None if not keys."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        value = ",".join(value)
    if not isinstance(value, str):
        return None
    keys = [key.strip() for key in value.split(",")]
    if not all(keys) or any(re.search(r"\s", key) for key in keys):
        return None
    return ",".join(keys)


def load_config(path: Path) -> Config:
    """Read the config at `path`; problems are collected in `Config.problems`, never raised.

    Binding ids are checked by `checked_keymap`: this module does not know them."""
    config = Config(path)
    data, problem = _read(path)
    if problem:
        config.problems.append(problem)
        config.writable = False
        return config
    if data is None:
        return config
    if not isinstance(data, dict):
        config.problems.append(f"{path}: expected a mapping such as 'theme: nord', found {_kind(data)}")
        config.writable = False
        return config
    for key in data:
        if key not in KNOWN_KEYS:
            hint = did_you_mean(str(key), KNOWN_KEYS, ignore_case=False)
            config.problems.append(f"{path}: unknown setting {key!r}{hint}")
    theme = data.get("theme")
    if isinstance(theme, str) and theme.strip():
        config.theme = theme.strip()
    elif theme is not None:
        config.problems.append(f"{path}: theme: expected a theme name, found {_kind(theme)}")
    if "editor" in data:
        from briefing_tui.editor import setting_problem

        editor = data["editor"]
        if (problem := setting_problem(editor)) is None:
            config.editor = editor
        else:
            config.problems.append(f"{path}: editor: {problem}")
    keymap = data.get("keymap")
    if isinstance(keymap, dict):
        for binding_id, value in keymap.items():
            if (keys := _keys(value)) is None:
                config.problems.append(
                    f"{path}: keymap: {binding_id}: expected keys such as 'ctrl+q' or 'j,down', "
                    f"found {_kind(value)}"
                )
            else:
                config.keymap[str(binding_id)] = keys
    elif keymap is not None:
        config.problems.append(
            f"{path}: keymap: expected a mapping of binding ids to keys, found {_kind(keymap)}"
        )
    if "warnings" in data:
        config.warnings_off = _warnings_off(data["warnings"], path, config.problems)
    config.views, problems = _views(path, data.get("views"))
    config.problems += problems
    return config


def _warnings_off(value: Any, path: Path, problems: list[str]) -> frozenset[str]:
    """The ids of the warnings the `warnings:` setting turns off, and a message for each wrong entry.

    YAML 1.1 reads an unquoted `off` as false, so all of these work: `warnings: off` (all of them),
    `warnings: {off: [quote-ambiguous, ...]}` (`all` for all), `warnings: {quote-ambiguous: off}`.
    """
    from briefing_tui.format.warnings import WARNINGS  # only for a config that names warnings

    if value is False:
        return frozenset(WARNINGS)
    if not isinstance(value, dict):
        problems.append(
            f"{path}: warnings: expected 'off: [warning ids]' or 'ID: off' for each, found {_kind(value)}"
        )
        return frozenset()
    off: set[str] = set()

    def add(name: Any, where: str) -> None:
        if name == "all":
            off.update(WARNINGS)
        elif name in WARNINGS:
            off.add(name)
        else:
            hint = did_you_mean(str(name), WARNINGS, ignore_case=False) or f" (ids: {', '.join(WARNINGS)})"
            problems.append(f"{path}: warnings: {where}unknown warning id {name!r}{hint}")

    for key, setting in value.items():
        if key is False or key == "off":
            names = [n.strip() for n in setting.split(",")] if isinstance(setting, str) else setting
            if isinstance(names, list) and all(isinstance(n, str) for n in names):
                for name in names:
                    add(name, "off: ")
            else:
                problems.append(
                    f"{path}: warnings: off: expected a list of warning ids, found {_kind(setting)}"
                )
        elif key not in WARNINGS:
            add(key, "")
        elif not isinstance(setting, bool):
            problems.append(f"{path}: warnings: {key}: expected on or off, found {_kind(setting)}")
        elif not setting:
            off.add(key)
    return frozenset(off)


def _views(path: Path, views: Any) -> tuple[dict[str, str], list[str]]:
    """The named views that read as filters, and a message for each that does not."""
    from briefing_tui.filters import FilterError, check

    if views is None:
        return {}, []
    if not isinstance(views, dict):
        return {}, [f"{path}: views: expected a mapping of names to filters, found {_kind(views)}"]
    found: dict[str, str] = {}
    problems = []
    for name, expression in views.items():
        if not isinstance(expression, str) or not expression.strip():
            example = "'topic:energy after:2025-01-01'"
            problems.append(
                f"{path}: views: {name}: expected a filter such as {example}, found {_kind(expression)}"
            )
            continue
        try:
            check(expression)
        except FilterError as exc:
            problems.append(f"{path}: views: {name}: {exc}")
            continue
        found[str(name)] = expression.strip()
    return found, problems


def checked_keymap(config: Config, known_ids: Collection[str]) -> tuple[dict[str, str], list[str]]:
    """The config's keymap without the entries naming no binding, and a message for each of those."""
    keymap: dict[str, str] = {}
    problems = []
    for binding_id, keys in config.keymap.items():
        if binding_id in known_ids:
            keymap[binding_id] = keys
        else:
            hint = did_you_mean(binding_id, known_ids, ignore_case=False)
            problems.append(f"{config.path}: keymap: unknown binding id {binding_id!r}{hint}")
    return keymap, problems


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, str):
        return repr(value) if len(value) <= 40 else "a long text"
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)


# -- writing the theme -----------------------------------------------------------------------------

_THEME_LINE = re.compile(r"^theme[ \t]*:[^\n]*$", re.MULTILINE)


def _scalar(text: str) -> str:
    return text if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", text) else json.dumps(text)


def with_theme(text: str, theme: str) -> str:
    """The config text with `theme` set, keeping comments and everything else where possible."""
    import yaml

    data = _parse(text) if text.strip() else None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("the file is not a mapping")
    wanted = {**data, "theme": theme}
    new_line = f"theme: {_scalar(theme)}"
    if len(_THEME_LINE.findall(text)) == 1:
        candidate = _THEME_LINE.sub(lambda _: new_line, text)
    else:
        candidate = text + ("" if not text or text.endswith("\n") else "\n") + new_line + "\n"
    try:
        if _parse(candidate) == wanted:
            return candidate
    except yaml.YAMLError:
        pass
    # The line edit did not give the intended document (a block scalar, flow style...): rewrite.
    return yaml.safe_dump(wanted, sort_keys=False, allow_unicode=True)


def save_theme(path: Path, theme: str) -> None:
    """Remember `theme` in the config file, creating it if need be; raises `ConfigError`."""
    import yaml

    target = path.resolve()  # a symlinked dotfile stays a symlink
    try:
        text = target.read_text(encoding="utf-8") if target.exists() else ""
        new_text = with_theme(text, theme)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: not saving the theme: cannot read the file: {exc}") from None
    except ConfigError as exc:
        raise ConfigError(f"{path}: not saving the theme: {exc}") from None
    try:
        write_atomically(target, new_text)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot save the theme: {exc.strerror or exc}") from None
