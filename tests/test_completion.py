"""`briefing-tui completion bash|zsh|fish`: each script is produced, loads in its shell, completes paths."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_tui.cli import SUBCOMMANDS, main

BIN = Path(sys.executable).parent / "briefing-tui"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_script_is_produced(shell, capsys):
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    assert "briefing-tui" in script
    for name in SUBCOMMANDS:
        assert name in script
    for option in ("--format", "--table", "--vault", "--color"):
        assert option.lstrip("-") in script


def test_an_unknown_shell_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["completion", "tcsh"])
    assert exit_.value.code == 2


def _bash_complete(folder: Path, *words: str) -> list[str]:
    """What bash offers for the last of `words`, with the script loaded through `source <(...)`."""
    script = f"""
source <({shlex.quote(str(BIN))} completion bash) || exit 3
COMP_WORDS=({" ".join(shlex.quote(word) for word in words)})
COMP_CWORD={len(words) - 1}
_briefing_tui briefing-tui
printf '%s\\n' "${{COMPREPLY[@]}}"
"""
    result = subprocess.run(["bash", "-c", script], cwd=folder, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return sorted(filter(None, result.stdout.split("\n")))


@pytest.mark.skipif(
    not BIN.exists() or shutil.which("bash") is None, reason="needs bash and the installed script"
)
def test_bash_script_loads_and_completes(tmp_path):
    (tmp_path / "visit one.yaml").write_text("x")
    (tmp_path / "briefings").mkdir()
    (tmp_path / "vault").mkdir()
    assert _bash_complete(tmp_path, "briefing-tui", "ex") == ["export"]
    assert _bash_complete(tmp_path, "briefing-tui", "v") == ["vault", "visit one.yaml"]  # a name with a space
    assert _bash_complete(tmp_path, "briefing-tui", "export", "b") == ["briefings"]
    assert _bash_complete(tmp_path, "briefing-tui", "export", "x.yaml", "--format", "j") == ["json", "jsonl"]
    assert _bash_complete(tmp_path, "briefing-tui", "export", "x.yaml", "--table", "k") == ["key_points"]
    assert _bash_complete(tmp_path, "briefing-tui", "export", "x.yaml", "--vault", "") == [
        "briefings",
        "vault",
    ]
    assert _bash_complete(tmp_path, "briefing-tui", "show", "--c") == ["--color"]
    assert _bash_complete(tmp_path, "briefing-tui", "completion", "") == ["bash", "fish", "zsh"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_script_loads():
    script = (
        f"autoload -Uz compinit && compinit -u -D && source <({BIN} completion zsh)"
        " && print -r -- $_comps[briefing-tui]"
    )
    result = subprocess.run(
        ["zsh", "-f", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "HOME": "/nonexistent"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "_briefing_tui"


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_script_loads_and_completes(tmp_path):
    (tmp_path / "visit.yaml").write_text("x")
    script = (
        f"{BIN} completion fish | source; "
        "complete -C 'briefing-tui export visit.yaml --format j'; complete -C 'briefing-tui vi'"
    )
    result = subprocess.run(
        ["fish", "--no-config", "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    offered = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert offered == ["json", "jsonl", "visit.yaml"]
