"""New plans: any satker's table imported, a plan carried into the next year, a blank template."""

from __future__ import annotations

from zi_dash.newplan.carry import carry_over, next_year_bytes, shift_date, shift_years
from zi_dash.newplan.files import OutputExistsError, template_bytes, workbook_name, write_new
from zi_dash.newplan.intake import BY_OPTION, Intake, intake_from, read_intake

__all__ = [
    "BY_OPTION",
    "Intake",
    "OutputExistsError",
    "carry_over",
    "intake_from",
    "next_year_bytes",
    "read_intake",
    "shift_date",
    "shift_years",
    "template_bytes",
    "workbook_name",
    "write_new",
]
