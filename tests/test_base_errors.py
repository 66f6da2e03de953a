"""zi_dash.base.errors: one family of workbook errors, each carrying its list of problems."""

from __future__ import annotations

import pytest

from zi_dash.base import errors as e

SUBCLASSES = [
    e.NotXlsxError,
    e.MissingSheetError,
    e.MissingColumnError,
    e.InvalidValueError,
    e.DuplicateIdError,
    e.WorkbookBusyError,
]


@pytest.mark.parametrize("error", SUBCLASSES, ids=lambda k: k.__name__)
def test_every_error_is_a_workbook_error(error: type[e.WorkbookError]) -> None:
    assert issubclass(error, e.WorkbookError) and issubclass(error, Exception)
    assert not issubclass(error, ValueError)  # a CellError (ValueError) is not one of these
    with pytest.raises(e.WorkbookError, match=r"^Lembar rusak$"):
        raise error("Lembar rusak")


@pytest.mark.parametrize(
    ("problems", "expected"),
    [
        ((), ["Pesan utama"]),
        ([], ["Pesan utama"]),
        (["a"], ["a"]),
        (["a", "b", "c"], ["a", "b", "c"]),
        (("a", "b"), ["a", "b"]),
        ((p for p in ["x", "y"]), ["x", "y"]),
    ],
    ids=["default", "empty list", "one", "three", "tuple", "generator"],
)
def test_problems_default_to_the_message(problems, expected: list[str]) -> None:
    error = e.InvalidValueError("Pesan utama", problems)
    assert error.problems == expected
    assert str(error) == "Pesan utama" and error.args == ("Pesan utama",)


def test_problems_are_a_copy_of_the_list_given() -> None:
    given = ["a"]
    error = e.WorkbookError("Pesan", given)
    given.append("b")
    assert error.problems == ["a"]


@pytest.mark.parametrize(
    ("raised", "caught", "expected"),
    [
        (e.MissingSheetError, e.MissingSheetError, True),
        (e.MissingSheetError, e.MissingColumnError, False),
        (e.DuplicateIdError, e.InvalidValueError, False),
        (e.WorkbookBusyError, e.NotXlsxError, False),
        (e.NotXlsxError, e.WorkbookError, True),
    ],
)
def test_the_errors_are_told_apart(raised, caught, expected: bool) -> None:
    assert isinstance(raised("x"), caught) is expected
