"""What became of a plan's link column, said in the preview row by row where it is not plain."""

from __future__ import annotations

from collections.abc import Sequence

from zi_dash.base import ActionCol, EvidenceCol, EvidenceStatus, number
from zi_dash.newplan.ids import some
from zi_dash.sk import LINKS, TableRead, cell_links, evidence_items


def link_notes(table: TableRead) -> list[str]:
    """Notes on a link column: links kept, kept once for several items, not imported, not links."""
    header = table.headers.get(LINKS)
    if header is None:
        return []
    kept = 0
    shared: list[str] = []  # one link for several items: on the first one
    uneven: list[str] = []  # several links, not one per item: all on the first one
    lost: list[str] = []  # links of a row without evidence items
    other: dict[str, list[str]] = {}  # text that is no http(s) link -> the rows holding it
    for row in table.rows:
        found = cell_links(row.links)
        if found.other:
            other.setdefault(found.other, []).append(row.id)
        count = len(evidence_items(row.evidence))
        if not found.links:
            continue
        if not count:
            lost.append(row.id)
            continue
        kept += len(found.links)
        if len(found.links) != count:
            (shared if len(found.links) == 1 else uneven).append(row.id)
    column = f"Kolom “{header}”"
    notes = []
    if kept:
        notes.append(
            f"{column}: {number(kept, 0)} tautan disimpan di kolom {EvidenceCol.LINK} lembar "
            f"Bukti; {EvidenceCol.STATUS} tetap {EvidenceStatus.MISSING} (tautan belum berarti "
            "buktinya ada atau terverifikasi)."
        )
    if shared:
        notes.append(
            f"{column}: satu tautan untuk beberapa butir bukti (biasanya satu folder) disimpan "
            f"sekali, pada butir pertama: {some(shared, 'aksi')}."
        )
    if uneven:
        notes.append(
            f"{column}: jumlah tautan tidak sama dengan jumlah butir bukti, semua tautannya "
            f"disimpan pada butir pertama: {some(uneven, 'aksi')}."
        )
    if lost:
        notes.append(
            f"{column}: tautan tanpa butir bukti tidak diimpor (lembar Bukti memerlukan nama "
            f"butir; isi {_evidence(table)} lalu impor lagi): {some(lost, 'aksi')}."
        )
    if other:
        listed = "; ".join(f"“{text}” ({some(ids, 'aksi')})" for text, ids in _by_rows(other))
        notes.append(f"{column}: isi yang bukan tautan http(s) tidak diimpor: {listed}.")
    return notes


def _evidence(table: TableRead) -> str:
    header = table.headers.get(ActionCol.EVIDENCE)
    return f"kolom “{header}”" if header else f"kolom {ActionCol.EVIDENCE}"


def _by_rows(other: dict[str, list[str]]) -> Sequence[tuple[str, list[str]]]:
    # The text most rows hold first ("-" on forty rows before a file name on one).
    return sorted(other.items(), key=lambda item: -len(item[1]))
