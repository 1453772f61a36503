"""The case file: reading (load), positions (yamlpos), typed objects (model)."""

from .load import load_case, read_case_text, resolve_case_path
from .model import Address, Case, Person, Recipient, Share, Text

__all__ = [
    "Address", "Case", "Person", "Recipient", "Share", "Text",
    "load_case", "read_case_text", "resolve_case_path",
]
