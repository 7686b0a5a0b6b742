"""`briefing-tui export`: every format on the sample and the hostile briefing, checked by parsing it back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft3Validator
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from briefing_tui.cli import main
from briefing_tui.export.command import render
from briefing_tui.export.csvtable import neutralise
from briefing_tui.format.loader import load_briefing
from briefing_tui.format.model import Briefing
from briefing_tui.paths import sample_path
from golden import check_golden

HOSTILE_TEXT = Path(__file__).parent / "briefings" / "hostile-text.yaml"
BRIEFINGS = {"sample": sample_path(), "hostile": HOSTILE_TEXT}
POPOLO = Path(__file__).parent / "popolo"
SUFFIXES = {"md": "md", "json": "json", "jsonl": "jsonl", "csv": "csv", "popolo": "popolo.json"}


def export(path: Path, fmt: str, table: str = "people") -> str:
    return render([load_briefing(path)], fmt, table, single=True)


@pytest.mark.parametrize("name", BRIEFINGS)
@pytest.mark.parametrize("fmt", SUFFIXES)
def test_golden(name, fmt):
    check_golden(f"export-{name}.{SUFFIXES[fmt]}", export(BRIEFINGS[name], fmt))


@pytest.mark.parametrize("table", ["agreements", "events", "figures", "key_points"])
def test_golden_tables(table):
    check_golden(f"export-sample-{table}.csv", export(sample_path(), "csv", table))


# -- json ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", BRIEFINGS)
def test_json_round_trips_through_check(name, tmp_path, capsys):
    original = BRIEFINGS[name]
    # Beside the original, so that source.file resolves the same way.
    out = original.parent / f".roundtrip-{tmp_path.name}.json"
    try:
        assert main(["export", str(original), "--format", "json", "-o", str(out)]) == 0
        assert main(["check", str(out)]) == 0
        # Valid; the hostile sample also has warnings, at its places in the JSON.
        assert capsys.readouterr().out.splitlines()[-1].startswith("1 file checked: 1 valid, 0 invalid")
        again, before = load_briefing(out), load_briefing(original)
        assert again == before
        assert again.source_text == before.source_text
    finally:
        out.unlink(missing_ok=True)


def test_json_of_a_folder_is_an_array_newest_first(bdir, capsys):
    bdir.write(bdir.HEAD.replace("2026-02-04", "2025-01-01"), "old.yaml")
    bdir.write(bdir.HEAD, "new.yaml")
    assert main(["export", ".", "--format", "json"]) == 0
    assert [b["id"] for b in json.loads(capsys.readouterr().out)] == ["new", "old"]


# -- csv and jsonl ------------------------------------------------------------------------------

INJECTIONS = {
    "name": '=HYPERLINK("http://evil.test","x")',
    "role": "  +1+1",
    "organization": "@SUM(A1:A2)",
    "side": "-2+3",
    "notes": "\t=1",
}


def test_csv_cannot_start_a_formula(bdir, capsys):
    fields = "".join(f"    {key}: {json.dumps(value)}\n" for key, value in INJECTIONS.items())
    text = bdir.HEAD.replace(
        "participants: [{name: A}]\n", "participants:\n  - aliases: [' =A1', \"\\r=1\"]\n" + fields
    )
    bdir.write(text)
    assert main(["export", "b.yaml", "--format", "csv"]) == 0
    header, row = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    cells = dict(zip(header, row, strict=True))
    for key, value in INJECTIONS.items():
        assert cells[key] == "'" + value
    assert cells["aliases"] == "' =A1; \r=1"
    for cell in row:  # nothing a spreadsheet would evaluate
        assert not cell.lstrip().startswith(("=", "+", "-", "@")) and not cell.startswith(("\t", "\r"))


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("Tokayev") == "Tokayev"
    assert neutralise("a=b") == "a=b"
    assert neutralise(" - x") == "' - x"
    assert neutralise("\r\n+1") == "'\r\n+1"


def test_csv_numbers_are_values_not_formulas(bdir, capsys):
    bdir.write(bdir.HEAD + "figures: [{label: Drop, value: -5}, {label: Fall, value: '-5'}]\n")
    assert main(["export", "b.yaml", "--format", "csv", "--table", "figures"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [row["value"] for row in rows] == ["-5", "'-5"]


def test_tables_of_a_folder_carry_the_briefing_on_every_row(bdir, capsys):
    bdir.write(bdir.HEAD.replace("2026-02-04", "2025-01-01"), "old.yaml")
    bdir.write(bdir.HEAD.replace("[{name: A}]", "[{name: B, aliases: [b, β]}, {role: C}]"), "new.yaml")
    assert main(["export", ".", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["briefing_id"], r["briefing_date"], r["name"], r["aliases"]) for r in rows] == [
        ("new", "2026-02-04", "B", ["b", "β"]),
        ("new", "2026-02-04", None, []),
        ("old", "2025-01-01", "A", []),
    ]
    assert main(["export", ".", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["briefing_id"], r["name"], r["aliases"]) for r in rows] == [
        ("new", "B", "b; β"),
        ("new", "", ""),
        ("old", "A", ""),
    ]


@pytest.mark.parametrize("table", ["people", "agreements", "events", "figures", "key_points"])
def test_every_table_has_a_row_per_item(table):
    briefing = load_briefing(sample_path())
    rows = [json.loads(line) for line in export(sample_path(), "jsonl", table).splitlines()]
    assert len(rows) == len(getattr(briefing, "participants" if table == "people" else table))
    assert len(list(csv.reader(io.StringIO(export(sample_path(), "csv", table))))) == len(rows) + 1


# -- markdown -----------------------------------------------------------------------------------


def parse_markdown(text: str) -> list[Any]:
    md = (
        MarkdownIt("commonmark", {"html": True}).enable("table").use(front_matter_plugin).use(footnote_plugin)
    )
    return md.parse(text)


def inline_text(token: Any) -> str:
    return "".join(child.content for child in token.children if child.type in ("text", "code_inline"))


@pytest.mark.parametrize("name", BRIEFINGS)
def test_markdown_parses_to_the_briefing(name):
    briefing: Briefing = load_briefing(BRIEFINGS[name])
    tokens = parse_markdown(export(BRIEFINGS[name], "md"))
    # Front matter: valid YAML with the keys Obsidian and zk read.
    assert tokens[0].type == "front_matter"
    front = yaml.safe_load(tokens[0].content)
    assert front["title"] == briefing.headline and front["aliases"] == [briefing.headline]
    assert front["date"] == briefing.date and front["generator"] == "briefing-tui"
    assert front["tags"][0] == "briefing"
    assert all(" " not in tag and tag == tag.lower() for tag in front["tags"])
    # Headings: exactly the document's own, the headline as written.
    headings = [(t.tag, inline_text(tokens[i + 1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == ("h1", briefing.headline)
    sides = list(dict.fromkeys(p.side for p in briefing.participants))
    expected = ["h1", *(["h2"] if briefing.summary else []), "h2", "h2", "h2"]
    expected += ["h2"] * bool(briefing.figures) + ["h2"] + ["h3"] * len(sides)
    assert [tag for tag, _ in headings] == expected
    assert [text for tag, text in headings if tag == "h3"] == [
        s if s is not None else "No side given" for s in sides
    ]
    # The agreements table: a row per agreement, six cells each, the title as written.
    rows, cells, row_cells = [], [], []
    in_body = False
    for token in tokens:
        if token.type == "tbody_open":
            in_body = True
        elif token.type == "tr_close" and in_body:
            rows.append(row_cells)
            row_cells = []
        elif token.type == "inline" and in_body:
            row_cells.append(token)
    assert len(rows) == len(briefing.agreements) and all(len(row) == 6 for row in rows)
    for row, agreement in zip(rows, briefing.agreements, strict=True):
        assert inline_text(row[0]) == agreement.title
        cells.append(row)
    # Footnotes: every quote once, every reference resolves, in order.
    quotes = [
        q for item in (*briefing.key_points, *briefing.agreements, *briefing.events) for q in item.evidence
    ]
    quotes += [q for f in briefing.figures for q in f.evidence]
    quotes += [q for side in sides for p in briefing.participants if p.side == side for q in p.evidence]
    refs = [c for t in tokens if t.type == "inline" for c in t.children if c.type == "footnote_ref"]
    defined = [t for t in tokens if t.type == "footnote_open"]
    assert len(refs) == len(defined) == len(quotes)
    assert [r.meta["id"] for r in refs] == [d.meta["id"] for d in defined]
    texts = [inline_text(tokens[i + 2]) for i, t in enumerate(tokens) if t.type == "footnote_open"]
    assert texts == [f"“{quote}”" for quote in quotes]


def test_markdown_user_text_cannot_add_structure_or_html(bdir):
    hostile = {
        "headline": "# Not a heading <script>alert(1)</script> [link](javascript:x) ![img](x)",
        "location": "*a* _b_ `c` ~~d~~ ==e== %%f%% $g$ #tag &amp; <b>bold</b>",
        "summary": "- not a list\n1. not ordered\n> not a quote\n    not code\n---\n| a | b |",
    }
    text = bdir.HEAD.replace("headline: H\n", "") + "".join(
        f"{k}: {json.dumps(v)}\n" for k, v in hostile.items()
    )
    briefing = bdir.load(text)
    md = render([briefing], "md")
    html = (
        MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .render(md.split("---\n", 2)[2])
    )
    for tag in (
        "<script",
        "<b>",
        "<a ",
        "<img",
        "<em>",
        "<strong>X",
        "<code>",
        "<s>",
        "<blockquote>",
        "<ol",
        "<hr",
        "<table",
    ):
        assert tag not in html.replace("<strong>Date:</strong>", "").replace(
            "<strong>Location:</strong>", ""
        ), tag
    tokens = parse_markdown(md)
    headings = [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0] == hostile["headline"]
    location = next(t for t in tokens if t.type == "inline" and t.content.startswith("**Location:**"))
    assert inline_text(location).removeprefix("Location:").strip() == hostile["location"]


def test_markdown_of_a_folder_is_one_document(bdir, capsys):
    bdir.write(
        bdir.HEAD.replace("headline: H", "headline: Old").replace("2026-02-04", "2025-01-01"), "a.yaml"
    )
    bdir.write(bdir.HEAD.replace("headline: H", "headline: New"), "b.yaml")
    assert main(["export", ".", "--format", "md"]) == 0
    tokens = parse_markdown(capsys.readouterr().out)
    assert [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.tag == "h1" and t.nesting == 1] == [
        "New",
        "Old",
    ]


# -- vault --------------------------------------------------------------------------------------


def _vault_folder(bdir) -> None:
    people = (
        "participants: [{name: Kassym-Jomart Tokayev, role: President}, {name: 'A/B: C?', side: X}, "
        "{role: Aide}]\n"
    )
    bdir.write(bdir.HEAD.replace("participants: [{name: A}]\n", people), "one.yaml")
    two = bdir.HEAD.replace("2026-02-04", "2025-01-01").replace(
        "participants: [{name: A}]\n", "participants: [{name: KASSYM-JOMART TOKAYEV, aliases: [Токаев]}]\n"
    )
    bdir.write(two, "two.yaml")


def test_vault_links_briefings_and_people_both_ways(bdir, capsys):
    _vault_folder(bdir)
    assert main(["export", ".", "--format", "md", "--vault", "vault"]) == 0
    vault = bdir.folder / "vault"
    assert sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md")) == [
        "briefings/2025-01-01 two.md",
        "briefings/2026-02-04 one.md",
        "people/A-B- C.md",
        "people/Kassym-Jomart Tokayev.md",
    ]
    one = (vault / "briefings" / "2026-02-04 one.md").read_text(encoding="utf-8")
    assert "- [[Kassym-Jomart Tokayev]], President" in one and "- [[A-B- C]]" in one and "*Aide*" in one
    assert "[[Kassym-Jomart Tokayev]]" in (vault / "briefings" / "2025-01-01 two.md").read_text(
        encoding="utf-8"
    )
    person = (vault / "people" / "Kassym-Jomart Tokayev.md").read_text(encoding="utf-8")
    front = yaml.safe_load(person.split("---\n")[1])
    assert front == {
        "title": "Kassym-Jomart Tokayev",
        "aliases": ["Токаев"],
        "tags": ["person"],
        "generator": "briefing-tui",
    }
    assert person.index("[[2026-02-04 one]]") < person.index("[[2025-01-01 two]]")  # newest first
    assert "4 notes written to vault" in capsys.readouterr().err
    # Again: our own notes, unchanged, are left as they are; a changed one is rewritten.
    assert main(["export", ".", "--format", "md", "--vault", "vault"]) == 0
    assert "0 notes written to vault, 4 unchanged" in capsys.readouterr().err
    bdir.write(
        bdir.HEAD.replace("2026-02-04", "2025-01-01").replace(
            "[{name: A}]", "[{name: Kassym-Jomart Tokayev}]"
        ),
        "two.yaml",
    )
    assert main(["export", ".", "--format", "md", "--vault", "vault"]) == 0
    assert "2 notes written to vault, 2 unchanged" in capsys.readouterr().err
    assert "Токаев" not in (vault / "people" / "Kassym-Jomart Tokayev.md").read_text(encoding="utf-8")


def test_vault_never_overwrites_a_note_it_did_not_write(bdir, capsys):
    _vault_folder(bdir)
    mine = bdir.folder / "vault" / "people" / "Kassym-Jomart Tokayev.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("---\ntitle: my own notes\n---\nprecious\n", encoding="utf-8")
    assert main(["export", ".", "--format", "md", "--vault", "vault"]) == 1
    assert mine.read_text(encoding="utf-8") == "---\ntitle: my own notes\n---\nprecious\n"
    err = capsys.readouterr().err
    assert (
        f"{mine.relative_to(bdir.folder)}: not written by briefing-tui; "
        "left as it is (use --force to overwrite)" in err
    )
    assert (bdir.folder / "vault" / "briefings" / "2026-02-04 one.md").exists()
    assert main(["export", ".", "--format", "md", "--vault", "vault", "--force"]) == 0
    assert "generator: briefing-tui" in mine.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        ('a/b\\c:d*e?f"g<h>i|j', "a-b-c-d-e-f-g-h-i-j"),
        ("[[x]] #tag ^id", "x- -tag -id"),
        ("  .hidden. ", "hidden"),
        ("///", "person"),
        ("é" * 300, "é" * 100),
    ],
)
def test_safe_file_names(name, expected):
    from briefing_tui.export.vault import safe_filename

    assert safe_filename(name, "person") == expected


# -- popolo -------------------------------------------------------------------------------------


def popolo_validators() -> dict[str, Draft3Validator]:
    schemas = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in POPOLO.glob("*.json")}
    registry: Registry = Registry().with_resources(
        (schema["id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT3))
        for schema in schemas.values()
    )
    return {
        name: Draft3Validator(schemas[name], registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER)
        for name in ("person", "organization", "membership", "event")
    }


def assert_valid_popolo(document: dict[str, Any]) -> None:
    validators = popolo_validators()
    assert set(document) == {"persons", "organizations", "memberships", "events"}
    for key, name in (
        ("persons", "person"),
        ("organizations", "organization"),
        ("memberships", "membership"),
        ("events", "event"),
    ):
        for item in document[key]:
            errors = [error.message for error in validators[name].iter_errors(item)]
            assert errors == [], (key, item.get("id"), errors)
    ids = [item["id"] for key in document for item in document[key]]
    assert len(ids) == len(set(ids))


def test_the_schemas_do_reject_wrong_records():
    validators = popolo_validators()
    assert not validators["person"].is_valid({"other_names": [{"name": 1}]})
    assert not validators["person"].is_valid({"identifiers": [{"scheme": "wikidata"}]})  # identifier required
    assert not validators["membership"].is_valid({"person": {"name": ["not", "text"]}})


@pytest.mark.parametrize("name", BRIEFINGS)
def test_popolo_is_valid(name):
    assert_valid_popolo(json.loads(export(BRIEFINGS[name], "popolo")))


def test_popolo_people_organisations_memberships_events(bdir, capsys):
    _vault_folder(bdir)
    bdir.write(
        bdir.HEAD.replace(
            "headline: H", "headline: Third\nsource: {outlet: Kazinform, url: 'https://example.test/a'}"
        ).replace(
            "participants: [{name: A}]",
            "events: [{name: talks}]\nparticipants: [{name: Nurlan Zhakupov, role: CEO, "
            "organization: Samruk-Kazyna JSC, side: Kazakhstan, aliases: [Jakupov], present_at: [talks]}]",
        ),
        "three.yaml",
    )
    assert main(["export", ".", "--format", "popolo"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert_valid_popolo(document)
    persons = {p["id"]: p for p in document["persons"]}
    tokayev = persons["person/kassym-jomart-tokayev"]  # one person across two briefings
    assert tokayev["name"] == "Kassym-Jomart Tokayev"
    assert {"name": "KASSYM-JOMART TOKAYEV"} in tokayev["other_names"]
    assert {"name": "Токаев", "note": "alias"} in tokayev["other_names"]
    assert tokayev["identifiers"] == []
    organizations = {o["id"]: o for o in document["organizations"]}
    assert organizations["organization/samruk-kazyna-jsc"]["classification"] == "organization"
    assert organizations["organization/kazakhstan"]["classification"] == "side"
    membership = next(m for m in document["memberships"] if m["person_id"] == "person/nurlan-zhakupov")
    assert membership["role"] == "CEO"
    assert membership["organization_id"] == "organization/samruk-kazyna-jsc"
    assert membership["on_behalf_of_id"] == "organization/kazakhstan"
    assert membership["sources"] == [{"url": "https://example.test/a", "note": "Kazinform"}]
    events = {e["id"]: e for e in document["events"]}
    talks = events["event/three-talks"]
    assert talks["parent_id"] == "event/three" and talks["start_date"] == "2026-02-04"
    assert talks["attendees"] == [{"id": "person/nurlan-zhakupov", "name": "Nurlan Zhakupov"}]
    aide = [p for p in persons.values() if "name" not in p]
    assert len(aide) == 1  # the unnamed official, a person of their own
    assert any(m["person_id"] == aide[0]["id"] and m["role"] == "Aide" for m in document["memberships"])


def test_popolo_merges_people_by_wikidata_id_when_participants_have_one():
    from dataclasses import replace

    from briefing_tui.export.popolo import popolo

    briefing = load_briefing(sample_path())
    people = tuple(replace(p, wikidata="Q9354") for p in briefing.participants[:1])
    renamed = tuple(replace(p, name="K. Tokayev") for p in people)
    fake = [replace(briefing, participants=people), replace(briefing, participants=renamed, id="other")]
    document = popolo(fake)
    assert len(document["persons"]) == 1
    assert document["persons"][0]["identifiers"] == [{"scheme": "wikidata", "identifier": "Q9354"}]


# -- the command --------------------------------------------------------------------------------


def test_output_file_is_never_overwritten_without_force(bdir, capsys):
    bdir.write(bdir.HEAD)
    (bdir.folder / "out.csv").write_text("mine", encoding="utf-8")
    assert main(["export", "b.yaml", "--format", "csv", "-o", "out.csv"]) == 1
    assert (
        capsys.readouterr().err
        == "briefing-tui export: out.csv: already exists; use --force to overwrite it\n"
    )
    assert (bdir.folder / "out.csv").read_text(encoding="utf-8") == "mine"
    assert main(["export", "b.yaml", "--format", "csv", "-o", "out.csv", "--force"]) == 0
    assert (bdir.folder / "out.csv").read_text(encoding="utf-8").startswith("briefing_id,briefing_date,name")
    assert main(["export", "b.yaml", "--format", "json", "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["headline"] == "H"


def test_a_broken_briefing_prints_its_problems_and_writes_nothing(bdir, capsys):
    bdir.write(bdir.HEAD, "good.yaml")
    bdir.write(bdir.HEAD + "summry: x\n", "bad.yaml")
    assert main(["export", ".", "--format", "json", "-o", "out.json"]) == 1
    captured = capsys.readouterr()
    assert captured.err == "bad.yaml:5:1: unknown key 'summry' in a briefing; did you mean 'summary'?\n"
    assert not (bdir.folder / "out.json").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--table", "events"], "--table is for --format csv or jsonl, not json"),
        (
            ["--format", "csv", "--vault", "v"],
            "--vault writes Markdown notes: use it with --format md, not csv",
        ),
        (["--format", "md", "--vault", "v", "-o", "x.md"], "--vault writes a folder of notes: leave out -o"),
        (["--format", "md", "-o", "."], ".: is a folder; give a file name"),
    ],
)
def test_usage_mistakes_are_one_line(bdir, capsys, args, message):
    bdir.write(bdir.HEAD)
    assert main(["export", "b.yaml", *args]) == 1
    assert capsys.readouterr().err == f"briefing-tui export: {message}\n"


def test_an_empty_folder_is_an_error(bdir, capsys):
    (bdir.folder / "empty").mkdir()
    assert main(["export", "empty", "--format", "csv"]) == 1
    assert capsys.readouterr().err == "empty: no *.yaml or *.yml files in this folder\n"
