"""Core of the Zona Integritas action-plan dashboard (no streamlit here)."""
