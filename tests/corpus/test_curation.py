"""sayso.corpus.curation: speaker curation as stored, replayable operations; alias CSV files."""

import pytest

from sayso.corpus.curation import Curation, CurationOp, read_alias_file, read_aliases
from sayso.errors import SaysoError


def test_curation_alias_csv_rows_become_alias_operations(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text(
        "\ufeffalias,canonical\nSerhii Haidai,Serhiy Haidai\n\n\"Zelenskyy, Volodymyr\",Volodymyr Zelensky\n",
        encoding="utf-8",
    )
    assert read_alias_file(path) == [
        CurationOp("alias", "Serhiy Haidai", "Serhii Haidai"),
        CurationOp("alias", "Volodymyr Zelensky", "Zelenskyy, Volodymyr"),
    ]


@pytest.mark.parametrize(
    "text,line",
    [
        ("Serhii Haidai,Serhiy Haidai\nHaidai\n", 2),
        ("alias,canonical\nSerhii Haidai,Serhiy Haidai,governor\n", 2),
        ("Serhii Haidai,\n", 1),
    ],
)
def test_curation_a_malformed_alias_row_is_named_by_line(text, line):
    with pytest.raises(SaysoError, match=rf"\[E083\] aliases.csv: line {line}:"):
        read_aliases(text, "aliases.csv")


def test_curation_missing_alias_file_is_a_coded_error(tmp_path):
    with pytest.raises(SaysoError, match=r"\[E011\]"):
        read_alias_file(tmp_path / "missing.csv")


def test_curation_rows_round_trip_in_order():
    curation = Curation([
        CurationOp("merge", "Volodymyr Zelensky", "Wolodymyr Selenskyj"),
        CurationOp("split", "Donald Trump", "Trump"),
        CurationOp("alias", "Serhiy Haidai", "Serhii Haidai"),
    ])
    assert Curation.from_rows(curation.to_rows()) == curation


def test_curation_unknown_operation_is_refused():
    with pytest.raises(SaysoError, match=r"\[E084\] curation operation 'rename'"):
        Curation.from_rows([("rename", "Donald Trump", "The Donald")])
