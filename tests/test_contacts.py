"""The Kontak sheet: numbers checked and kept as typed, wa.me digits, round trips in tmp_path."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from tests import factory
from zi_dash.analysis import contacts as kontak
from zi_dash.base import (
    ActionCol,
    ContactCol,
    InvalidValueError,
    email_problem,
    phone_problem,
    wa_number,
)
from zi_dash.base import contract as c
from zi_dash.newplan import next_year_bytes, template_bytes
from zi_dash.workbook import WorkbookError, add_contacts, load_plan, save_changes

K = c.Sheet.CONTACTS


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("081234567890", "6281234567890"),
        ("0812-3456-7890", "6281234567890"),
        ("0812 3456 7890", "6281234567890"),
        ("+62 812 3456 7890", "6281234567890"),
        ("+62-812-3456-789", "628123456789"),
        ("6281234567890", "6281234567890"),
        ("0857123456", "62857123456"),
    ],
)
def test_a_phone_number_is_accepted_and_its_wa_digits(typed: str, digits: str) -> None:
    assert phone_problem(typed) is None
    assert wa_number(typed) == digits


@pytest.mark.parametrize(
    "typed",
    ["12345", "0212345678", "081-", "0812 3456 7890 1234 5", "+1 555 0100", "0812abc4567",
     "81234567890", "0812--3456", "+62 (812) 3456"],
)  # fmt: skip
def test_anything_else_is_refused_and_has_no_wa_digits(typed: str) -> None:
    problem = phone_problem(typed)
    assert problem and typed.strip() in problem and "08" in problem
    assert wa_number(typed) == ""


def test_a_number_that_lost_its_zero_in_excel_says_so() -> None:
    assert "angka 0" in (phone_problem("81234567890") or "")


@pytest.mark.parametrize(
    ("typed", "ok"),
    [("", True), ("ani@kpu.go.id", True), ("a.b+c@x.co", True), ("ani", False),
     ("ani@kpu", False), ("a b@x.id", False), ("a@@x.id", False)],
)  # fmt: skip
def test_email_is_checked_loosely(typed: str, ok: bool) -> None:
    assert (email_problem(typed) is None) is ok


def test_wa_link_encodes_the_text() -> None:
    link = kontak.wa_link("6281234567890", "Yth. Bapak/Ibu,\nA & B? 100%")
    assert link == (
        "https://wa.me/6281234567890?text=Yth.%20Bapak%2FIbu%2C%0AA%20%26%20B%3F%20100%25"
    )


def _plan_file(tmp_path: Path, **kw: object) -> Path:
    actions = [
        factory.action("I.1.1", **{ActionCol.PIC: "Sekretaris"}),
        factory.action("I.1.2", **{ActionCol.PIC: "Kasubbag  TP"}),  # two spaces, as typed
        factory.action("II.1.1", **{ActionCol.PIC: "Sekretaris"}),
        factory.action("II.1.2"),
    ]
    return factory.make_workbook(tmp_path / "w.xlsx", actions, **kw)


def test_the_builder_lists_each_pic_once_with_text_cells(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    plan = load_plan(path)
    assert list(plan.contacts[ContactCol.PIC]) == ["Sekretaris", "Kasubbag TP"]
    ws = openpyxl.load_workbook(path)[K]
    assert ws["B2"].number_format == "@" and ws["B50"].number_format == "@"
    assert kontak.without_contact(plan) == []


def test_a_workbook_without_the_sheet_reads_and_lists_every_pic(tmp_path: Path) -> None:
    plan = load_plan(_plan_file(tmp_path, contacts=None))
    assert plan.contacts is None and not plan.has(K)
    assert kontak.without_contact(plan) == ["Sekretaris", "Kasubbag TP"]


def test_add_contacts_adds_the_sheet_then_rows_logged(tmp_path: Path) -> None:
    path = _plan_file(tmp_path, contacts=None)
    plan = add_contacts(path, "budi", load_plan(path).version, ["Sekretaris"])
    assert list(plan.contacts[ContactCol.PIC]) == ["Sekretaris"]
    plan = add_contacts(path, "budi", plan.version, ["Kasubbag TP"])
    assert list(load_plan(path).contacts[ContactCol.PIC]) == ["Sekretaris", "Kasubbag TP"]
    assert kontak.without_contact(plan) == []
    assert list(plan.history[c.LogCol.SHEET]) == [K] * 3
    with pytest.raises(WorkbookError, match="sudah ada"):
        add_contacts(path, "budi", plan.version, ["Sekretaris"])


def test_a_number_saved_is_kept_as_typed_and_read_back(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    typed = {ContactCol.PHONE: "+62 812-3456-7890", ContactCol.EMAIL: "sek@kpu.go.id"}
    save_changes(
        path, {K: {"Sekretaris": typed}}, user="budi", base_version=load_plan(path).version
    )
    plan = load_plan(path)
    assert kontak.contacts(plan)["Sekretaris"] == kontak.Contact(
        "Sekretaris", "+62 812-3456-7890", "sek@kpu.go.id"
    )
    ws = openpyxl.load_workbook(path)[K]
    assert ws["B2"].value == "+62 812-3456-7890" and ws["B2"].data_type == "s"
    assert plan.contacts.loc[0, ContactCol.UPDATED_BY] == "budi"


@pytest.mark.parametrize(
    ("column", "value"), [(ContactCol.PHONE, "12345"), (ContactCol.EMAIL, "sekretaris")]
)
def test_a_bad_value_is_refused_naming_the_cell_and_nothing_written(
    tmp_path: Path, column: str, value: str
) -> None:
    path = _plan_file(tmp_path)
    before = path.read_bytes()
    with pytest.raises(InvalidValueError) as caught:
        save_changes(
            path, {K: {"Kasubbag TP": {column: value}}}, user="budi",
            base_version=load_plan(path).version,
        )  # fmt: skip
    letter = "B" if column == ContactCol.PHONE else "C"
    assert f"{K} Kasubbag TP" in str(caught.value) and f"({letter}3)" in str(caught.value)
    assert f'"{value}"' in str(caught.value)
    assert path.read_bytes() == before


def _typed_in_excel(path: Path, cells: dict[str, object]) -> Path:
    book = openpyxl.load_workbook(path)
    for cell, value in cells.items():
        book[K][cell] = value
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # a number cell: Excel dropped the 0
        (
            {"B3": 81234567890},
            [r'Kasubbag TP · Lembar "Kontak", baris 3, kolom "Nomor WA" \(B3\): .*angka 0'],
        ),
        (
            {"C2": "sekretaris kpu"},
            [r'Sekretaris · .*kolom "Email" \(C2\): "sekretaris kpu" bukan alamat'],
        ),
        (
            {"B2": "abc", "C2": "x@"},
            [r'Sekretaris · .*\(B2\): "abc" bukan nomor WA', r"Sekretaris · .*\(C2\)"],
        ),
        ({"B2": "0812 3456 7890", "C2": "sek@kpu.go.id"}, []),
    ],
)
def test_a_contact_typed_badly_in_excel_loads_as_typed_and_is_named(
    tmp_path: Path, cells: dict[str, object], expected: list[str]
) -> None:
    # One typo in a contact must not close every page: the plan loads, the cell is kept as
    # typed, and the pages and `remind` name it with its cell.
    plan = load_plan(_typed_in_excel(_plan_file(tmp_path), cells))
    found = kontak.unusable(plan)
    assert len(found) == len(expected)
    for line, pattern in zip(found, expected):
        assert re.match(pattern, line), line
    typed = {ContactCol.PHONE: "B", ContactCol.EMAIL: "C"}
    for column, letter in typed.items():
        for cell, value in cells.items():
            if cell.startswith(letter):
                row = 0 if cell.endswith("2") else 1
                assert plan.contacts.loc[row, column] == str(value)


def test_a_number_typed_badly_has_no_wa_digits_and_its_row_still_saves(tmp_path: Path) -> None:
    path = _typed_in_excel(_plan_file(tmp_path), {"B2": "0812-ABC"})
    plan = load_plan(path)
    sek = kontak.contacts(plan)["Sekretaris"]
    assert sek.wa == "" and "bukan nomor WA" in sek.problem
    # The Email beside it is saved; the number stays exactly as typed, not rewritten.
    save_changes(
        path, {K: {"Sekretaris": {ContactCol.EMAIL: "sek@kpu.go.id"}}}, user="budi",
        base_version=plan.version,
    )  # fmt: skip
    ws = openpyxl.load_workbook(path)[K]
    assert (ws["B2"].value, ws["C2"].value) == ("0812-ABC", "sek@kpu.go.id")
    assert kontak.unusable(load_plan(path)) == [
        line for line in kontak.unusable(plan) if "Nomor WA" in line
    ]


def test_the_new_year_carries_the_contacts_over(tmp_path: Path) -> None:
    path = _plan_file(tmp_path)
    typed = {ContactCol.PHONE: "0812 1111 2222"}
    save_changes(
        path, {K: {"Sekretaris": typed}}, user="budi", base_version=load_plan(path).version
    )
    new = tmp_path / "2023.xlsx"
    new.write_bytes(next_year_bytes(load_plan(path), 2023))
    assert kontak.contacts(load_plan(new))["Sekretaris"].phone == "0812 1111 2222"


def test_the_template_has_an_empty_kontak_sheet(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(template_bytes())  # a template has no year yet: read as a sheet
    ws = openpyxl.load_workbook(path)[K]
    assert [cell.value for cell in ws[1]] == list(c.CONTACTS.headers)
    assert ws.max_row == 1 or all(
        cell.value is None for row in ws.iter_rows(min_row=2) for cell in row
    )
