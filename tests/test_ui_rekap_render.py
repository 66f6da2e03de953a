"""ui.rekap.rendered_once: a kept Styler is rendered on its first run only, with the same cells."""

from __future__ import annotations

from functools import partial

import pandas as pd

from zi_dash.base import fmt
from zi_dash.ui import rekap


def test_a_kept_styler_is_rendered_once_with_the_indonesian_cells() -> None:
    frame = pd.DataFrame({"Nilai": [72.5, None], "Satker": ["KPU Kota Tegal", "=1+1"]})
    styler = frame.style.format({"Nilai": partial(fmt.number, digits=2)}, na_rep="")
    calls: list[tuple] = []
    translate = styler._translate

    def counted(*args, **kwargs):
        calls.append(args)
        return translate(*args, **kwargs)

    styler._translate = counted
    kept = rekap.rendered_once(styler)
    first = kept._compute()._translate(False, False)
    again = kept._compute()._translate(False, False)  # the next run: nothing worked out anew
    assert again is first and len(calls) == 1
    cells = [[c["display_value"] for c in row[1:]] for row in first["body"]]
    assert cells == [["72,50", "KPU Kota Tegal"], ["", "=1+1"]]
    kept._translate(True, True)  # other arguments: rendered for them
    assert len(calls) == 2
