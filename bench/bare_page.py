"""A page that only renders pre-built elements, for the page-vs-bare ratio of `python -m bench`.

The elements (figures as plotly JSON, tables, metrics) come from the pickle named by
$BENCH_ELEMENTS, captured from a real page run.
"""

import os
import pickle
from pathlib import Path

import streamlit as st

elements = pickle.loads(Path(os.environ["BENCH_ELEMENTS"]).read_bytes())
for kind, payload in elements:
    if kind == "metric":
        st.metric(*payload)
    elif kind == "chart":
        st.plotly_chart(payload, theme=None, width="stretch")
    elif kind == "dataframe":
        st.dataframe(payload, hide_index=True)
    elif kind == "table":
        st.table(payload)
