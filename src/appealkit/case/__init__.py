"""The case file: reading (load), positions (yamlpos), typed objects (model)."""

from .load import load_case, parse_case, read_case_text
from .model import Address, Case, Copy, Person, Recipient, Share, Text

__all__ = [
    "Address", "Case", "Copy", "Person", "Recipient", "Share", "Text",
    "load_case", "parse_case", "read_case_text",
]
