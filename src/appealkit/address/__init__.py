"""Postal addresses: per-country layouts (data/countries), abbreviations, country lines."""
