"""`briefing-tui new`: drafts that pass `check`, the people suggested from articles in four
languages, safe files from hostile articles, and never an overwritten file."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefing_tui.cli import main
from briefing_tui.draft import DraftError, draft_briefing
from briefing_tui.draft.dates import find_date
from briefing_tui.draft.people import find_people
from briefing_tui.format.loader import load_briefing
from briefing_tui.format.problems import BriefingError
from briefing_tui.paths import sample_path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [*sorted((ROOT / "benchmarks" / "articles").glob("*.txt")), sample_path().with_suffix(".txt")]


def new(tmp_path: Path, text: str, name: str = "article.txt", *args: str) -> tuple[int, Path]:
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    return main(["new", str(article), *args]), article.with_suffix(".yaml")


def uncommented(text: str) -> str:
    """The draft with every suggestion accepted: the `# ` removed from their lines."""
    head, _, suggestions = text.partition("  # - name:")
    body = "  - name:" + suggestions
    return head + re.sub(r"(?m)^  # ?(?=(?:- |  [a-z]+: ))", "  ", body).replace("\n  #\n", "\n")


# -- drafts of real articles pass check --------------------------------------------------------


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_drafts_of_real_articles_pass_check_with_and_without_the_suggestions(tmp_path, article, capsys):
    copy = tmp_path / article.name
    shutil.copy(article, copy)
    assert main(["new", str(copy)]) == 0
    out = capsys.readouterr().out
    draft = copy.with_suffix(".yaml")
    assert out.startswith(f"wrote {draft}:")
    briefing = load_briefing(draft)  # the real loader: what `check` runs
    assert briefing.source is not None and briefing.source.file == article.name
    assert [p.role for p in briefing.participants] == ["(to be named)"]
    text = draft.read_text(encoding="utf-8")
    assert yaml.safe_load(text)["briefing"] == 1  # readable by any YAML reader
    people = find_people(article.read_text(encoding="utf-8"))
    assert f"{len(people)} suggested participant" in out
    accepted = tmp_path / "accepted.yaml"
    accepted.write_text(uncommented(text), encoding="utf-8")
    names = [p.name for p in load_briefing(accepted).participants][1:]
    assert names == [p.name for p in people]  # every suggested quote is found in the article
    assert main(["check", "-q", str(draft), str(accepted)]) == 0


def test_the_sample_article_gives_its_headline_date_and_everyone_named(tmp_path):
    copy = tmp_path / "visit.txt"
    shutil.copy(sample_path().with_suffix(".txt"), copy)
    draft = draft_briefing(copy)
    text = draft.text
    assert (
        "headline: President Zardari confers Nishan-e-Pakistan on Kazakh President Tokayev, pledges" in text
    )
    assert "date 2026" not in text.split("headline:")[1].split("\n")[0]
    assert re.search(r"(?m)^date: 2026-02-05  # from the article", text)
    named = {
        p["name"]
        for p in yaml.safe_load(sample_path().read_text(encoding="utf-8"))["participants"]
        if "name" in p
    }
    assert {p.name for p in draft.people} == named


# -- suggestions in four languages -------------------------------------------------------------


def people(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(p.name, p.role, p.side, p.organization) for p in find_people(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kazakh President Kassym-Jomart Tokayev met Minister of Defence Dauren Kosanov.",
            [
                ("Kassym-Jomart Tokayev", "President", "Kazakhstan", None),
                ("Dauren Kosanov", "Minister of Defence", None, None),
            ],
        ),
        (
            "He was joined by Deputy Prime Minister and Foreign Minister Mohammad Ishaq Dar on Monday.",
            [("Mohammad Ishaq Dar", "Deputy Prime Minister and Foreign Minister", None, None)],
        ),
        (
            "The delegation included Nurlan Zhakupov, CEO of Samruk-Kazyna; "
            "and Berik Assylov, Prosecutor General.",
            [
                ("Nurlan Zhakupov", "CEO", None, "Samruk-Kazyna"),
                ("Berik Assylov", "Prosecutor General", None, None),
            ],
        ),
        (
            "Le ministre français des Affaires étrangères, Jean-Yves Le Drian, a reçu M. Olivier Blanchard.",
            [
                ("Jean-Yves Le Drian", "ministre des Affaires étrangères", "France", None),
                ("Olivier Blanchard", None, None, None),
            ],
        ),
        (
            "Il a vu S.E.M. Takeshi Iwaya, ministre des Affaires étrangères du Japon.",
            [("Takeshi Iwaya", "ministre des Affaires étrangères du Japon", "Japan", None)],
        ),
        (
            "El canciller mexicano, Luis Videgaray, se reunió con el presidente Alberto Fernández.",
            [
                ("Luis Videgaray", "canciller", "Mexico", None),
                ("Alberto Fernández", "presidente", None, None),
            ],
        ),
        (
            "O presidente Luiz Inácio Lula da Silva recebeu o ministro das Relações Exteriores, "
            "Celso Amorim.",
            [
                ("Luiz Inácio Lula da Silva", "presidente", None, None),
                ("Celso Amorim", "ministro das Relações Exteriores", None, None),
            ],
        ),
        (
            "Lula recebe o presidente da Petrobras, José Eduardo Dutra, "
            "e a presidente do Chile, Michelle Bachelet.",
            [
                ("José Eduardo Dutra", "presidente", None, "Petrobras"),
                ("Michelle Bachelet", "presidente do Chile", "Chile", None),
            ],
        ),
        (
            "They met President Bashar al-Assad and Dr. Ursula von der Leyen in Damascus.",
            [("Bashar al-Assad", "President", None, None), ("Ursula von der Leyen", None, None, None)],
        ),
    ],
    ids=["en-title", "en-double-title", "en-after", "fr", "fr-honorific", "es", "pt", "pt-org", "particles"],
)
def test_titles_split_into_name_role_side_and_organization(text, expected):
    assert people(text) == expected


def test_a_list_of_titled_people_gives_each_of_them():
    text = (
        "The talks were attended by Foreign Minister Ann Linde, Chairman of the Swedish Trade Council "
        "Lars Berg, Minister of Finance Magdalena Andersson, and the head of the Export Credit Agency "
        "Karin Apelman."
    )
    assert [(name, role, org) for name, role, _, org in people(text)] == [
        ("Ann Linde", "Foreign Minister", None),
        ("Lars Berg", "Chairman", "Swedish Trade Council"),
        ("Magdalena Andersson", "Minister of Finance", None),
        ("Karin Apelman", "head of the Export Credit Agency", None),
    ]


def test_no_false_people_from_places_days_organisations_and_bare_titles():
    text = (
        "The Prime Minister said on Monday that the Ministry of Defence would act.\n"
        "In January, Brazil and France met at the Palácio do Planalto. Later, the President spoke.\n"
        "Both leaders visited the Special Investiture Ceremony, said the President Secretariat Media Wing.\n"
        "Le Président de la République a reçu le Premier ministre mardi 5 mars."
    )
    assert people(text) == []


def test_repeated_mentions_merge_under_the_fullest_name():
    text = (
        "Tokayev arrives.\nPresident Kassym-Jomart Tokayev met the press. Later President Tokayev spoke, "
        "and Tokayev left. The talks with Kassym-Jomart Tokayev ended."
    )
    found = find_people(text)
    assert [(p.name, p.mentions) for p in found] == [("Kassym-Jomart Tokayev", 2)]
    assert found[0].evidence == "President Kassym-Jomart Tokayev met the press."


def test_a_lone_surname_two_people_share_joins_neither():
    text = "President Alberto Fernández met Senator Cristina Fernández. President Fernández spoke."
    assert [p.name for p in find_people(text)] == ["Alberto Fernández", "Cristina Fernández"]


def test_a_long_sentence_is_narrowed_to_the_clause_that_names_the_person():
    text = "The meeting was attended by " + "; ".join(
        f"{first} {last}, Minister of {field}"
        for first, last, field in [
            ("Dauren", "Kosanov", "Defence"),
            ("Sayasat", "Nurbek", "Science and Higher Education"),
            ("Arman", "Shakkaliyev", "Trade and Integration"),
            ("Nurlan", "Sauranbayev", "Transport"),
            ("Serik", "Zhumangarin", "National Economy"),
        ]
    )
    evidence = {p.name: p.evidence for p in find_people(text + ".")}
    assert evidence["Sayasat Nurbek"] == "Sayasat Nurbek, Minister of Science and Higher Education"


# -- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (" date 2026-02-05 Headline", "2026-02-05"),
        ("Headline\n\nPublished 5 February 2026", "2026-02-05"),
        ("Headline\nFebruary 5, 2026, The Kremlin, Moscow", "2026-02-05"),
        ("Titre\n(Paris, 5 février 2026) - Texte", "2026-02-05"),
        ("Titular\nPublicado el 5 de febrero de 2026", "2026-02-05"),
        ("Título\nBrasília, 5 de fevereiro de 2026 - Texto", "2026-02-05"),
        ("Título\nPublicado em 05/02/2026 15h30", "2026-02-05"),
        ("Titre\nLe 1er mars 2025, à Paris", "2025-03-01"),
    ],
)
def test_the_date_is_read_in_four_languages(text, date):
    found = find_date(text)
    assert found is not None and found.date.isoformat() == date


def test_without_a_date_today_is_written_with_a_comment(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("A headline\n\nPresident Asif Ali Zardari spoke.\n", encoding="utf-8")
    draft = draft_briefing(article, today=dt.date(2030, 1, 2))
    assert "date: 2030-01-02  # not found in the article: today's date" in draft.text
    assert draft.found_date is None


def test_an_impossible_date_is_no_date():
    assert find_date("Title\nPublished 30 February 2026") is None


# -- files: names, overwriting, folders --------------------------------------------------------


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    code, draft = new(tmp_path, "Headline\n\nPresident Asif Ali Zardari spoke.\n")
    assert code == 0
    draft.write_text("my own work\n", encoding="utf-8")
    capsys.readouterr()
    code, _ = new(tmp_path, "Headline\n\nPresident Asif Ali Zardari spoke.\n")
    assert code == 1
    assert capsys.readouterr().err == f"{draft}: already exists; use --force to overwrite it\n"
    assert draft.read_text(encoding="utf-8") == "my own work\n"


def test_force_overwrites(tmp_path):
    draft = tmp_path / "article.yaml"
    draft.write_text("old\n", encoding="utf-8")
    code, _ = new(tmp_path, "Headline\n\nPresident Asif Ali Zardari spoke.\n", "article.txt", "--force")
    assert code == 0
    load_briefing(draft)


def test_output_names_and_folders(tmp_path, capsys):
    sub = tmp_path / "sources"
    sub.mkdir()
    article = sub / "talks.txt"
    article.write_text("Talks\n\nPresident Asif Ali Zardari spoke.\n", encoding="utf-8")
    out = tmp_path / "brief.yaml"
    assert main(["new", str(article), "-o", str(out)]) == 0
    assert load_briefing(out).source.file == "sources/talks.txt"  # type: ignore[union-attr]
    # Above the briefing's folder a source file cannot be: refused, nothing written.
    capsys.readouterr()
    assert main(["new", str(article), "-o", str(sub / "deeper" / "x.yaml")]) == 1
    assert "no such folder" in capsys.readouterr().err
    (sub / "deeper").mkdir()
    assert main(["new", str(article), "-o", str(sub / "deeper" / "x.yaml")]) == 1
    assert "is not inside" in capsys.readouterr().err
    assert not (sub / "deeper" / "x.yaml").exists()
    assert main(["new", str(article), "-o", str(article)]) == 1
    assert "is the article itself" in capsys.readouterr().err
    assert main(["new", str(article), "-o", str(article), "--force"]) == 1
    assert "is the article itself" in capsys.readouterr().err
    assert article.read_text(encoding="utf-8").startswith("Talks")
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["brief.yaml", "deeper", "sources", "talks.txt"]


# -- hostile articles --------------------------------------------------------------------------


def test_markup_colons_hashes_and_quotes_stay_text(tmp_path):
    headline = "'Breaking': [bold]#1[/bold] <b>news</b> &amp; {x: y} — yes"
    body = (
        "Senator Mary O'Brien-Smith met Minister of Trade Jam Kamal: #talks, 'leaked' & [red]done[/red].\n"
        'No: President Yes No spoke. Ambassador True Null said "hi" \\ bye.'
    )
    name = "my: article #1 'x'.txt"
    code, draft = new(tmp_path, headline + "\n\n" + body, name)
    assert code == 0
    briefing = load_briefing(draft)
    assert briefing.headline == headline
    assert briefing.source.file == name  # type: ignore[union-attr]
    accepted = tmp_path / "all.yaml"
    accepted.write_text(uncommented(draft.read_text(encoding="utf-8")), encoding="utf-8")
    names = [p.name for p in load_briefing(accepted).participants]
    assert "Mary O'Brien-Smith" in names and "Jam Kamal" in names


def test_separators_and_noncharacters_are_escaped(tmp_path):
    text = "Head\u2028line\n\nPresident Asif Ali Zardari said \ufffe\u2029 hello.\n"
    code, draft = new(tmp_path, text)
    assert code == 0
    raw = draft.read_text(encoding="utf-8")
    assert "\u2028" not in raw and "\ufffe" not in raw
    accepted = tmp_path / "all.yaml"
    accepted.write_text(uncommented(raw), encoding="utf-8")
    load_briefing(accepted)


def loader_message_for_source(tmp_path: Path, data: bytes, size: int | None = None) -> str:
    """What `check` says first of a briefing whose source file holds `data` (or is `size` bytes)."""
    source = tmp_path / "loader" / "s.txt"
    source.parent.mkdir()
    source.write_bytes(data)
    if size is not None:
        with source.open("r+b") as file:
            file.truncate(size)
    briefing = source.with_suffix(".yaml")
    briefing.write_text(
        "headline: h\ndate: 2026-01-01\nsource: {file: s.txt}\nkey_points: [k]\nparticipants: [{role: r}]\n",
        encoding="utf-8",
    )
    with pytest.raises(BriefingError) as caught:
        load_briefing(briefing)
    # The loader reports at the briefing's `source.file` line, naming the source and the place in it;
    # `new` reports at the article itself: the reason is the same.
    message = caught.value.problems[0].message
    message = re.sub(r"^source file 's\.txt', line \d+, column \d+: ", "", message)
    return message.replace("source file 's.txt' ", "source file ")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Head\n\nPresident Asif\x07 Ali Zardari spoke.\n", "BEL"),
        (b"\xff\xfe\x00H\x00e", "not valid UTF-8"),
        (b"Head\x00\x00\x00\x01", "NUL"),
    ],
    ids=["control-character", "binary", "nul-bytes"],
)
def test_unreadable_articles_are_refused_as_the_loader_refuses_source_files(tmp_path, capsys, data, message):
    article = tmp_path / "a.txt"
    article.write_bytes(data)
    assert main(["new", str(article)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.splitlines()[0].split(": ", 1)[1] == loader_message_for_source(tmp_path, data)
    assert not article.with_suffix(".yaml").exists()


def test_an_empty_article_is_refused(tmp_path, capsys):
    code, draft = new(tmp_path, " \n\t\n")
    assert code == 1
    assert (
        capsys.readouterr().err
        == f"{tmp_path / 'article.txt'}: the article is empty: there is nothing to draft from\n"
    )
    assert not draft.exists()


def test_a_40_mb_article_is_refused_before_it_is_read(tmp_path, capsys):
    article = tmp_path / "big.txt"
    with article.open("wb") as file:
        file.truncate(40 * 1024 * 1024)  # sparse: costs no disk
    assert main(["new", str(article)]) == 1
    err = capsys.readouterr().err
    assert err == f"{article}: source file is 41,943,040 bytes, over the 32 MiB limit for briefings\n"
    assert err.split(": ", 1)[1].strip() == loader_message_for_source(tmp_path, b"", 40 * 1024 * 1024)


def test_a_draft_that_would_fail_check_is_refused_not_written(tmp_path, monkeypatch):
    import briefing_tui.draft.drafting as drafting

    article = tmp_path / "a.txt"
    article.write_text("Head\n\nPresident Asif Ali Zardari spoke.\n", encoding="utf-8")
    monkeypatch.setattr(drafting, "render", lambda content: "headline: [unclosed\n")
    with pytest.raises(DraftError) as caught:
        draft_briefing(article)
    assert "the draft would not pass check, so it was not written" in str(caught.value)
    assert main(["new", str(article)]) == 1
    assert not article.with_suffix(".yaml").exists()


def test_the_draft_modules_do_not_import_textual():
    probe = (
        "import briefing_tui.draft, briefing_tui.draft.drafting, sys\n"
        "print(any(m.startswith('textual') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert result.stdout.strip() == "False", result.stderr
