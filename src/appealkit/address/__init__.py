"""Postal addresses: per-country layouts (data/countries, Google's data for the rest), abbreviations
per language, the person's envelope line (addressee.py), country lines."""
