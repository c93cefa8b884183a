"""incidex: news reports of violent and security incidents in, source-attributed, geocoded incident records out.

    >>> from incidex import extract_text
    >>> report = extract_text(text, published="2024-06-17")
    >>> report.incidents[0].type
"""

from .batch import Outcome, extract_documents, extract_text
from .config import Settings, load_settings
from .errors import IncidexError
from .types import SCHEMA_VERSION, Document, Incident, Report

__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "Incident",
    "IncidexError",
    "Outcome",
    "Report",
    "Settings",
    "extract_documents",
    "extract_text",
    "load_settings",
]
__version__ = "0.1.0"
