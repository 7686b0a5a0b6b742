"""Hostile and malformed input: always a `BriefingError` with positions, never anything else, never slow.

The static corpus lives in `tests/hostile/` with the exact problems each file must produce in its
README.md table; cases that need a real file system (symlinks, FIFOs, devices, sparse files) are made
here in a temporary folder.
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing_tui.format.loader import load_briefing
from briefing_tui.format.problems import BriefingError

HOSTILE = Path(__file__).parent / "hostile"
HEAD = "headline: H\ndate: 2026-02-04\nkey_points: [a point]\nparticipants: [{name: A}]\n"
_ROW = re.compile(r"^\| `(?P<file>[^`]+)` \| [^|]* \| `(?P<problem>.*)` \|$")


def _table() -> dict[str, list[str]]:
    expected: dict[str, list[str]] = {}
    for line in (HOSTILE / "README.md").read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line)
        if match:
            expected.setdefault(match["file"], []).append(match["problem"])
    return expected


EXPECTED = _table()


def problems_of(path: str | Path, **kwargs: int) -> list[str]:
    """Load a file that must be refused; check the refusal is quick and every problem well formed."""
    started = time.perf_counter()
    with pytest.raises(BriefingError) as caught:
        load_briefing(path, **kwargs)
    elapsed = time.perf_counter() - started
    # The one timing assertion of the suite: "never a hang" is behaviour, and the bar is generous.
    assert elapsed < 2, f"{path} took {elapsed:.2f} s to refuse"
    problems = caught.value.problems
    assert problems
    for problem in problems:
        assert problem.message.strip()
        assert (problem.line is None) == (problem.column is None)
        if problem.line is not None:
            assert problem.line >= 1
            assert problem.column >= 1
    return [str(p) for p in problems]


def in_thread(call: Callable[[], list[str]]) -> list[str]:
    """Run `call` where a hang (reading a FIFO) cannot take the test run down with it."""
    result: list[list[str]] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            result.append(call())
        except BaseException as exc:  # re-raised below, in the test's own thread
            failure.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "the loader hung"
    if failure:
        raise failure[0]
    return result[0]


# -- the corpus ---------------------------------------------------------------------------------


def test_corpus_table_names_every_file():
    files = {p.name for p in HOSTILE.iterdir() if p.name != "README.md"}
    assert files == set(EXPECTED)
    assert len(files) >= 50


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_gives_exactly_its_problems(name, monkeypatch):
    monkeypatch.chdir(HOSTILE)
    assert problems_of(name) == EXPECTED[name]


def test_corpus_files_are_small():
    assert all(p.stat().st_size <= 16 * 1024 for p in HOSTILE.iterdir())


# -- code must never run ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "!!python/object/apply:os.system ['touch {marker}']\n",
        HEAD + "summary: !!python/object/apply:os.system ['touch {marker}']\n",
        HEAD + "x-a: !!python/object/apply:os.system ['touch {marker}']\n",
        HEAD + "x-a: [1, {b: !!python/object/apply:os.system ['touch {marker}']}]\n",
        HEAD + "? !!python/object/apply:os.system ['touch {marker}']\n: 1\n",
        HEAD + "summary: !!python/object/new:subprocess.Popen [['touch', '{marker}']]\n",
        HEAD + "summary: !!python/object/apply:subprocess.check_call [['touch', '{marker}']]\n",
    ],
    ids=["document", "value", "x-key", "nested", "key", "new-popen", "check-call"],
)
def test_python_tags_never_execute(bdir, template):
    marker = bdir.folder / "pwned"
    problems = problems_of(bdir.write(template.replace("{marker}", str(marker))))
    assert not marker.exists()
    assert any("tags (!!python/object/" in p for p in problems)


def test_corpus_python_tags_never_execute(monkeypatch):
    marker = Path("/tmp/briefing-tui-pwned")  # the path named in the corpus files
    marker.unlink(missing_ok=True)
    monkeypatch.chdir(HOSTILE)
    for name in ("tag-python-apply.yaml", "tag-python-top.yaml", "tag-python-name.yaml"):
        problems_of(name)
    assert not marker.exists()


# -- aliases ------------------------------------------------------------------------------------


def test_billion_laughs_is_refused_without_expanding(bdir):
    lines = ['x-0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        lines.append(f"x-{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    problems = problems_of(bdir.write(HEAD + "\n".join(lines) + "\n"))
    assert len(problems) == 10 + 9 * 9  # each anchor and alias once; 9**10 'lol's never built
    assert problems[0] == "b.yaml:5:6: anchors (&l0) are not allowed; write the value out"
    assert problems[-1] == "b.yaml:14:51: aliases (*l8) are not allowed; write the value out"


def test_merge_key_with_alias_in_a_participant(bdir):
    content = HEAD.replace("[{name: A}]", "\n  - &p {name: A}\n  - <<: *p\n    role: R\n")
    assert problems_of(bdir.write(content)) == [
        "b.yaml:5:5: anchors (&p) are not allowed; write the value out",
        "b.yaml:6:5: merge keys (<<) are not allowed; write the keys out",
        "b.yaml:6:9: aliases (*p) are not allowed; write the value out",
    ]


# -- nesting ------------------------------------------------------------------------------------


def _nest(kind: str, depth: int) -> str:
    """An `x-deep` value with `depth` nested containers (the document's mapping is one more)."""
    if kind == "flow-seq":
        return "x-deep: " + "[" * depth + "]" * depth + "\n"
    if kind == "flow-map":
        return "x-deep: " + "{a: " * depth + "1" + "}" * depth + "\n"
    if kind == "block-map":
        return "x-deep:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, depth)) + "  " * depth + "k: v\n"
    return "x-deep:\n  " + "- " * depth + "x\n"


@pytest.mark.parametrize("kind", ["flow-seq", "flow-map", "block-map", "block-seq"])
def test_nesting_of_64_loads_and_65_is_refused(bdir, kind):
    assert bdir.load(HEAD + _nest(kind, 63)).headline == "H"
    [problem] = problems_of(bdir.write(HEAD + _nest(kind, 64)))
    assert problem.endswith(": nesting deeper than 64 levels is not allowed")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "[" * 10_000,
            "b.yaml:1:1001: YAML syntax error: exceeded maximum nesting depth (while increasing flow level)",
        ),
        (
            "[" * 10_000 + "]" * 10_000,
            "b.yaml:1:1001: YAML syntax error: exceeded maximum nesting depth (while increasing flow level)",
        ),
        ("{a: " * 10_000, "b.yaml:1:257: nesting deeper than 64 levels is not allowed"),
        ("- " * 10_000 + "x\n", "b.yaml:1:129: nesting deeper than 64 levels is not allowed"),
        (
            "".join(" " * i + "- \n" for i in range(3000)),
            "b.yaml:65:65: nesting deeper than 64 levels is not allowed",
        ),
    ],
    ids=[
        "10000-open-brackets",
        "10000-closed-brackets",
        "10000-braces",
        "10000-dashes",
        "3000-indented-dashes",
    ],
)
def test_very_deep_nesting_is_refused_quickly(bdir, content, expected):
    assert problems_of(bdir.write(content)) == [expected]


def test_deep_block_mappings_are_refused(bdir):
    content = "".join("  " * i + f"k{i}:\n" for i in range(500)) + "  " * 500 + "v\n"
    assert problems_of(bdir.write(content)) == ["b.yaml:65:129: nesting deeper than 64 levels is not allowed"]


# -- size ---------------------------------------------------------------------------------------


def test_file_over_a_small_cap_is_refused(bdir):
    name = bdir.write(HEAD + "summary: " + "y" * 300 + "\n")
    size = (bdir.folder / name).stat().st_size
    [problem] = problems_of(name, max_bytes=100)
    assert problem.startswith(f"b.yaml: file is {size:,} bytes, over the ")
    assert bdir.load(HEAD, max_bytes=len(HEAD)).headline == "H"  # exactly at the cap is fine


def test_small_cap_is_named_in_the_message(bdir):
    [problem] = problems_of(bdir.write(HEAD + "summary: " + "y" * 300 + "\n"), max_bytes=100)
    assert "0 MiB" not in problem
    assert "100" in problem.split("over the", 1)[1]


_WATCHED: set[str] = set()
_OPENED: list[str] = []


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _WATCHED and event == "open" and args and isinstance(args[0], str | os.PathLike):
        if os.fspath(args[0]) in _WATCHED:
            _OPENED.append(os.fspath(args[0]))


sys.addaudithook(_audit)  # audit hooks cannot be removed; this one only looks at watched paths


def test_huge_sparse_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(33 * 1024 * 1024)
    _WATCHED.add(str(huge))
    try:
        problems = problems_of(huge)
    finally:
        _WATCHED.clear()
    assert problems == [f"{huge}: file is 34,603,008 bytes, over the 32 MiB limit for briefings"]
    assert _OPENED == [], "the file was opened"


def test_source_file_over_the_cap_is_refused(bdir):
    bdir.write("x" * 500, "article.txt")
    [problem] = problems_of(bdir.write(HEAD + "source: {file: article.txt}\n"), max_bytes=400)
    assert problem == (
        "b.yaml:5:16: source file 'article.txt' is 500 bytes, over the 400-byte limit for briefings"
    )


# -- encodings ----------------------------------------------------------------------------------


def test_source_file_not_utf8_gives_its_own_position(bdir):
    bdir.write(b"fine\nnot \xe9 fine\n", "article.txt")
    assert problems_of(bdir.write(HEAD + "source: {file: article.txt}\n")) == [
        "b.yaml:5:16: source file 'article.txt', line 2, column 5: "
        "not valid UTF-8: byte 0xE9 at byte offset 9; save the file as UTF-8"
    ]


def test_byte_offset_counts_bytes_and_column_counts_characters(bdir):
    content = HEAD.encode() + "summary: ünï ".encode() + b"\xff\n"
    assert problems_of(bdir.write(content)) == [
        "b.yaml:5:14: not valid UTF-8: byte 0xFF at byte offset 92; save the file as UTF-8"
    ]


# -- control characters -------------------------------------------------------------------------

FORBIDDEN = [
    *range(0x00, 0x09),
    0x0B,
    0x0C,
    *range(0x0E, 0x20),
    *range(0x7F, 0xA0),
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
]
NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BACKSPACE",
    0x0B: "VERTICAL TAB",
    0x0C: "FORM FEED",
    0x1B: "ESC",
    0x7F: "DEL",
}
BIDI = {
    0x202A: "LEFT-TO-RIGHT EMBEDDING",
    0x202B: "RIGHT-TO-LEFT EMBEDDING",
    0x202C: "POP DIRECTIONAL FORMATTING",
    0x202D: "LEFT-TO-RIGHT OVERRIDE",
    0x202E: "RIGHT-TO-LEFT OVERRIDE",
    0x2066: "LEFT-TO-RIGHT ISOLATE",
    0x2067: "RIGHT-TO-LEFT ISOLATE",
    0x2068: "FIRST STRONG ISOLATE",
    0x2069: "POP DIRECTIONAL ISOLATE",
}


def _message(code: int) -> str:
    if code in BIDI:
        return (
            f"bidirectional control U+{code:04X} ({BIDI[code]}) is not allowed: it makes text display in a "
            "different order from what the file says; delete it"
        )
    name = NAMES.get(code, "C1 control" if code >= 0x80 else "control character")
    return f"control character U+{code:04X} ({name}) is not allowed in a briefing; delete it"


@pytest.mark.parametrize("code", FORBIDDEN, ids=[f"U+{c:04X}" for c in FORBIDDEN])
def test_forbidden_character_raw_in_the_file(bdir, code):
    content = HEAD + f"summary: 'ab{chr(code)}c'\n"
    assert problems_of(bdir.write(content)) == [f"b.yaml:5:13: {_message(code)}"]


@pytest.mark.parametrize(
    ("escape", "code"),
    [
        ("\\e", 0x1B),
        ("\\x1b", 0x1B),
        ("\\u001B", 0x1B),
        ("\\0", 0x00),
        ("\\a", 0x07),
        ("\\b", 0x08),
        ("\\v", 0x0B),
        ("\\f", 0x0C),
        ("\\x7f", 0x7F),
        ("\\N", 0x85),
        ("\\x9b", 0x9B),
        ("\\u202a", 0x202A),
        ("\\u202e", 0x202E),
        ("\\u2066", 0x2066),
        ("\\u2069", 0x2069),
        ("\\U0000202E", 0x202E),
    ],
)
def test_forbidden_character_from_an_escape(bdir, escape, code):
    content = HEAD + f'summary: "ok {escape} ok"\n'
    assert problems_of(bdir.write(content)) == [f"b.yaml:5:10: {_message(code)}"]


def test_forbidden_escape_in_a_key(bdir):
    assert problems_of(bdir.write(HEAD + '"x-a\\eb": 1\n')) == [f"b.yaml:5:1: {_message(0x1B)}"]


def test_control_characters_are_capped_at_twenty(bdir):
    problems = problems_of(bdir.write(HEAD + "summary: '" + "\x00" * 25 + "'\n"))
    assert len(problems) == 21
    assert problems[0] == f"b.yaml:5:11: {_message(0)}"
    assert problems[19] == f"b.yaml:5:30: {_message(0)}"
    assert problems[20] == "b.yaml: 5 more control characters"


def test_forbidden_character_in_the_source_file(bdir):
    bdir.write("fine\nevil \u202e text\n", "article.txt")
    assert problems_of(bdir.write(HEAD + "source: {file: article.txt}\n")) == [
        f"b.yaml:5:16: source file 'article.txt', line 2, column 6: {_message(0x202E)}"
    ]


def test_many_forbidden_characters_in_the_source_file(bdir):
    bdir.write("x\x1b" * 25 + "\n", "article.txt")
    problems = problems_of(bdir.write(HEAD + "source: {file: article.txt}\n"))
    assert len(problems) == 21
    assert problems[0] == f"b.yaml:5:16: source file 'article.txt', line 1, column 2: {_message(0x1B)}"
    assert problems[-1] == "b.yaml:5:16: source file 'article.txt': 5 more control characters"


PERSIAN = "می\u200cخواهم"  # ZWNJ between the two parts of the verb
FAMILY = "👨\u200d👩\u200d👧"  # ZWJ emoji sequence


def test_zero_width_joiners_stay_legal(bdir):
    bdir.write(f"او گفت {PERSIAN} بروم. {FAMILY}\n", "article.txt")
    content = (
        f"headline: {PERSIAN} {FAMILY}\n"
        "date: 2026-02-04\n"
        "source: {file: article.txt}\n"
        f"key_points: [{{text: t, evidence: '{PERSIAN} بروم'}}]\n"
        f'participants: [{{name: "{PERSIAN}\\u200d"}}]\n'
    )
    briefing = bdir.load(content)
    assert briefing.headline == f"{PERSIAN} {FAMILY}"
    assert briefing.participants[0].name == PERSIAN + "\u200d"


def test_tab_newline_and_return_are_legal_in_text(bdir):
    briefing = bdir.load(HEAD + "summary: \"a\\tb\\r\\nc\"\nlocation: 'x\ty'\n")
    assert briefing.summary == "a\tb\r\nc"
    assert briefing.location == "x\ty"


# -- numbers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["12", "-3", "0", "1.5", "-0.0", "0.25", "1500.0", "123456789012345678901234"]
)
def test_numbers_written_as_they_print_are_numbers(bdir, written):
    [figure] = bdir.load(HEAD + f"figures: [{{label: L, value: {written}}}]\n").figures
    assert not isinstance(figure.value, str)
    assert str(figure.value) == written


@pytest.mark.parametrize(
    ("written", "reading"),
    [
        ("010", "as the octal number 8; write 8, or"),
        ("0o10", None),  # YAML 1.1 has no 0o: it is text, as written
        ("-0x1F", "as the hexadecimal number -31; write -31, or"),
        ("0b101", "as the binary number 5; write 5, or"),
        ("1_000", "as the number 1000; write 1000, or"),
        ("+12", "as the number 12; write 12, or"),
        ("-0", "as the number 0; write 0, or"),
        ("1.50", "as the number 1.5; write 1.5, or"),
        (".5", "as the number 0.5; write 0.5, or"),
        ("5.", "as the number 5.0; write 5.0, or"),
        ("1_0.5", "as the number 10.5; write 10.5, or"),
        ("1.5e+3", "as the number 1500.0; write 1500.0, or"),
        ("0.00001", "as the number 1e-05, which would not show as written;"),
        ("1.0e+400", "as infinity (it is too large for a number);"),
        ("-1.0e+400", "as minus infinity (it is too large for a number);"),
        (".inf", "as infinity;"),
        ("-.Inf", "as minus infinity;"),
        (".NaN", "as 'not a number';"),
        ("1.5e3", None),  # no sign in the exponent: YAML 1.1 text
    ],
)
def test_other_number_forms_are_refused_or_text(bdir, written, reading):
    content = HEAD + f"figures: [{{label: L, value: {written}}}]\nsummary: {written}\n"
    if reading is None:
        briefing = bdir.load(content)
        assert briefing.figures[0].value == briefing.summary == written
        return
    quote = f'quote it to keep it as text: "{written}"'
    assert problems_of(bdir.write(content)) == [
        f"b.yaml:5:29: YAML 1.1 reads {written} {reading} {quote}",
        f"b.yaml:6:10: YAML 1.1 reads {written} {reading} {quote}",
    ]


def test_refused_numbers_inside_x_keys_are_ignored(bdir):
    assert bdir.load(HEAD + "x-a: [010, 0x10, .nan, 1_000]\n").headline == "H"


def test_integer_too_long_in_a_text_field(bdir):
    assert problems_of(bdir.write(HEAD + "summary: " + "9" * 5000 + "\n")) == [
        "b.yaml:5:10: integer too long to read (5000 characters); quote it if it is text"
    ]


def test_integer_too_long_in_base_60(bdir):
    content = HEAD + "figures: [{label: L, value: " + "9" * 5000 + ":30}]\n"
    assert problems_of(bdir.write(content)) == [
        "b.yaml:5:29: integer too long to read (5003 characters); quote it if it is text"
    ]


@pytest.mark.parametrize("written", ["0x" + "f" * 4000, "0b" + "1" * 20000], ids=["hex", "binary"])
def test_integer_too_long_in_another_base(bdir, written):
    [problem] = problems_of(bdir.write(HEAD + f"figures: [{{label: L, value: {written}}}]\n"))
    assert problem.startswith("b.yaml:5:29: integer too long to read")


# -- many problems ------------------------------------------------------------------------------


def test_600_misspelt_present_at_among_600_events_are_quick(bdir):
    # Each misspelling compared with every event took 11 s here.
    events = "".join(f"  - name: meeting number {i} on trade\n" for i in range(600))
    people = "".join(f"  - name: P{i}\n    present_at: [meting nmber {i} on trde]\n" for i in range(600))
    problems = problems_of(
        bdir.write(
            HEAD.replace("participants: [{name: A}]\n", "")
            + "events:\n"
            + events
            + "participants:\n"
            + people
        )
    )
    assert len(problems) == 600
    assert problems[-1].endswith(
        "present_at names no event 'meting nmber 599 on trde'; did you mean 'meeting number 599 on trade'?"
    )


# -- keys ---------------------------------------------------------------------------------------


def test_flow_mapping_as_key_at_the_top(bdir):
    assert problems_of(bdir.write("{[1]: 2}\n")) == [
        "b.yaml:1:1: missing required key 'headline'",
        "b.yaml:1:1: missing required key 'date'",
        "b.yaml:1:1: missing required key 'key_points'",
        "b.yaml:1:1: missing required key 'participants'",
        "b.yaml:1:2: a key must be plain text, not a list or mapping",
    ]


def test_nested_unhashable_key_is_reported_once(bdir):
    problems = problems_of(bdir.write(HEAD + "? [a, b]: c\n"))
    assert len(problems) == len(set(problems))


# -- the source file on disk --------------------------------------------------------------------


def _source(bdir, name: str) -> list[str]:
    return problems_of(bdir.write(HEAD + f"source: {{file: '{name}'}}\n"))


def test_source_symlink_pointing_outside_is_refused(bdir, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text("secret")
    (bdir.folder / "article.txt").symlink_to(outside)
    assert _source(bdir, "article.txt") == [
        "b.yaml:5:16: source file 'article.txt' is outside the briefing's folder"
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_source_symlink_to_dev_zero_is_refused(bdir):
    (bdir.folder / "article.txt").symlink_to("/dev/zero")
    assert _source(bdir, "article.txt") == [
        "b.yaml:5:16: source file 'article.txt' is outside the briefing's folder"
    ]


def test_source_symlink_inside_the_folder_is_fine(bdir):
    (bdir.folder / "texts").mkdir()
    bdir.write("the text\n", "texts/real.txt")
    (bdir.folder / "article.txt").symlink_to("texts/real.txt")
    assert bdir.load(HEAD + "source: {file: article.txt}\n").source_text == "the text\n"


def test_source_fifo_does_not_hang(bdir):
    os.mkfifo(bdir.folder / "article.txt")
    assert in_thread(lambda: _source(bdir, "article.txt")) == [
        "b.yaml:5:16: source file 'article.txt' is not a regular file"
    ]


def test_source_folder_is_refused(bdir):
    (bdir.folder / "texts").mkdir()
    assert _source(bdir, "texts") == ["b.yaml:5:16: source file 'texts' is a folder, not a file"]


def test_source_in_a_subfolder_names_the_briefing(bdir):
    (bdir.folder / "sub" / "texts").mkdir(parents=True)
    bdir.write("headline: H\n", "sub/b.yaml")
    assert problems_of(bdir.write(HEAD + "source: {file: 'texts'}\n", "sub/b.yaml")) == [
        "sub/b.yaml:5:16: source file 'texts' is a folder, not a file"
    ]


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root reads any file")
def test_unreadable_source_names_the_briefing(bdir):
    bdir.write("text\n", "article.txt")
    (bdir.folder / "article.txt").chmod(0)
    assert _source(bdir, "article.txt") == [
        "b.yaml:5:16: cannot read source file 'article.txt': Permission denied"
    ]


def test_source_symlink_loop(bdir):
    (bdir.folder / "article.txt").symlink_to("article.txt")
    [problem] = _source(bdir, "article.txt")
    assert problem.startswith("b.yaml:5:16: ")


@pytest.mark.parametrize("name", ["a" * 300 + ".txt", "a/" * 3000 + "x.txt"], ids=["long-name", "long-path"])
def test_source_name_too_long(bdir, name):
    [problem] = _source(bdir, name)
    assert problem.startswith("b.yaml:5:16: ")


def test_source_name_with_an_escaped_nul(bdir):
    problems = problems_of(bdir.write(HEAD + 'source: {file: "x\\0.txt"}\n'))
    assert problems[0] == f"b.yaml:5:16: {_message(0)}"


# -- the briefing path itself -------------------------------------------------------------------


def test_fifo_as_briefing_does_not_hang(bdir):
    os.mkfifo(bdir.folder / "b.yaml")
    assert in_thread(lambda: problems_of("b.yaml")) == ["b.yaml: file is not a regular file"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_as_briefing_is_refused():
    assert in_thread(lambda: problems_of("/dev/zero")) == ["/dev/zero: file is not a regular file"]


def test_symlink_to_a_device_as_briefing_is_refused(bdir):
    if not Path("/dev/zero").exists():
        pytest.skip("needs /dev/zero")
    (bdir.folder / "b.yaml").symlink_to("/dev/zero")
    assert in_thread(lambda: problems_of("b.yaml")) == ["b.yaml: file is not a regular file"]


def test_folder_as_briefing(bdir):
    (bdir.folder / "b.yaml").mkdir()
    assert problems_of("b.yaml") == ["b.yaml: file is a folder, not a file"]


def test_missing_briefing(bdir):
    assert problems_of("nope.yaml") == ["nope.yaml: file not found"]


def test_symlink_loop_as_briefing(bdir):
    (bdir.folder / "b.yaml").symlink_to("b.yaml")
    [problem] = problems_of("b.yaml")
    assert problem.startswith("b.yaml: cannot read file: ")
