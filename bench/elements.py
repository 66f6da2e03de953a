"""What a page drew under AppTest, as data a bare page can draw again (bench/bare_page.py)."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

TEXT_ELEMENTS = ("title", "subheader", "caption", "markdown", "error", "warning", "info")
DRAWN = (
    *TEXT_ELEMENTS, "metric", "plotly_chart", "dataframe", "table", "selectbox", "multiselect",
    "date_input", "button", "download_button", "page_link", "radio", "text_input", "text_area",
)  # fmt: skip


def _leaves(node: object) -> list[object]:
    children = getattr(node, "children", None)
    if not children:
        return [node]
    kids = children.values() if isinstance(children, dict) else children
    return [leaf for kid in kids for leaf in _leaves(kid)]


def _payload(el: Any) -> object:
    """What the bare page needs to draw the same element again."""
    kind = el.type
    if kind in TEXT_ELEMENTS:
        return el.value
    if kind == "metric":
        return (el.label, el.value)
    if kind == "plotly_chart":
        return json.loads(el.proto.spec)
    if kind in ("dataframe", "table"):
        return el.value
    if kind in ("selectbox", "multiselect"):
        return (el.label, list(el.options))
    if kind == "date_input":
        return (el.label, el.value)
    if kind == "radio":
        return (el.label, list(el.options), el.index)
    if kind in ("text_input", "text_area"):
        return (el.label, el.value)
    return el.proto.label  # buttons, download buttons, page links


def elements(at: AppTest) -> list[tuple[str, bool, object]]:
    """Every element the page drew (sidebar included), in order, with what redraws it."""
    found = []
    for in_sidebar, root in ((True, at.sidebar), (False, at.main)):
        for el in _leaves(root):
            kind = getattr(el, "type", "")
            if kind in DRAWN:
                found.append((kind, in_sidebar, _payload(el)))
    return found
