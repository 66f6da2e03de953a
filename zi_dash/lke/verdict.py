"""The WBK / WBBM verdict: every minimum of the thresholds, each failing one named with its numbers.

Figures are compared unrounded with a tolerance of 1e-9, so a minimum met exactly counts as met.
The previous predicate is a status the unit holds (Info's "Predikat Saat Ini"): WBBM needs WBK
or WBBM held; an unknown value is named in the short list rather than guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from zi_dash.base import contract as c
from zi_dash.base import fmt
from zi_dash.lke.bank import Thresholds

TOLERANCE = 1e-9
PREDICATES = ("WBK", "WBBM")  # in rank order: holding one satisfies what needs a lower one


@dataclass(frozen=True)
class Verdict:
    """Whether a predicate's minimums are all met, and each failing one in Indonesian."""

    met: bool
    short: tuple[str, ...]


@dataclass(frozen=True)
class Figures:
    """The figures a verdict reads: points, and each area's (total, weight)."""

    total: float
    pengungkit: float
    areas: Mapping[str, tuple[float, float]]
    ipak: float
    capaian: float
    ipkp: float


def meets(value: float, minimum: float) -> bool:
    """value ≥ minimum, a minimum met to within the tolerance counting as met."""
    return value >= minimum - TOLERANCE


def _shown(value: float, minimum: float) -> str:
    # a failing 74.996 must not read "75,00, minimal 75,00": show digits until they differ
    digits = 2
    shown = fmt.number(value, digits)
    while shown == fmt.number(minimum, digits) and digits < 9:
        digits += 1
        shown = fmt.number(value, digits)
    return shown


def _points(label: str, value: float, minimum: float) -> str:
    return f"{label} {_shown(value, minimum)}, minimal {fmt.number(minimum, 2)}"


def _area(area: str, percent: float, minimum: float) -> str:
    least = fmt.number(minimum, 0 if minimum == int(minimum) else 2)
    return f"Area {area}: {_shown(percent, minimum)} % dari bobot, minimal {least} %"


def _held(needed: str, held: str) -> str | None:
    if not needed:
        return None
    if held in PREDICATES and PREDICATES.index(held) >= PREDICATES.index(needed):
        return None
    if held == "":
        return f"Predikat {needed} belum dimiliki ({c.InfoKey.PREDICATE} kosong)"
    allowed = f"kosong, {' atau '.join(PREDICATES)}"
    if held in PREDICATES:
        return f"Predikat {needed} belum dimiliki ({c.InfoKey.PREDICATE}: {held})"
    return (
        f'{c.InfoKey.PREDICATE} "{held}" tidak dikenal (yang boleh: {allowed}); '
        f"perlu predikat {needed}"
    )


def verdict(minimums: Thresholds, figures: Figures, held: str) -> Verdict:
    """Check every minimum of one predicate against the figures; name each that fails."""
    short: list[str] = []
    checks = [
        ("Total", figures.total, minimums.total_min),
        ("Pengungkit", figures.pengungkit, minimums.pengungkit_min),
    ]
    for label, value, minimum in checks:
        if not meets(value, minimum):
            short.append(_points(label, value, minimum))
    for area, (total, weight) in figures.areas.items():
        percent = total / weight * 100 if weight else 0.0
        if not meets(percent, minimums.area_pct_min):
            short.append(_area(area, percent, minimums.area_pct_min))
    results = [
        (
            "Birokrasi bersih (IPAK + capaian kinerja)",
            figures.ipak + figures.capaian,
            minimums.birokrasi_bersih_min,
        ),
        ("IPAK", figures.ipak, minimums.ipak_min),
        ("Capaian kinerja", figures.capaian, minimums.capaian_kinerja_min),
        ("Pelayanan prima (IPKP)", figures.ipkp, minimums.pelayanan_prima_min),
    ]
    for label, value, minimum in results:
        if not meets(value, minimum):
            short.append(_points(label, value, minimum))
    missing = _held(minimums.previous_predicate, held)
    if missing:
        short.append(missing)
    return Verdict(not short, tuple(short))
