"""The lines a clerk reads: the country line as the sending post lists it (never a name its own
sorting reads as a place at home), last in every block; initials that stay names."""

from __future__ import annotations

import pytest

from appealkit.address.countries import country_line, is_iso_country, iso_codes
from appealkit.resources import load_data

POSTS = load_data("country-names", "posts.yaml")

# the states, territories and provinces a US or Canadian sorting machine reads as home
US_STATES = """ALABAMA ALASKA ARIZONA ARKANSAS CALIFORNIA COLORADO CONNECTICUT DELAWARE FLORIDA GEORGIA
HAWAII IDAHO ILLINOIS INDIANA IOWA KANSAS KENTUCKY LOUISIANA MAINE MARYLAND MASSACHUSETTS MICHIGAN
MINNESOTA MISSISSIPPI MISSOURI MONTANA NEBRASKA NEVADA OHIO OKLAHOMA OREGON PENNSYLVANIA TENNESSEE
TEXAS UTAH VERMONT VIRGINIA WASHINGTON WISCONSIN WYOMING""".split() + [
    "NEW HAMPSHIRE", "NEW JERSEY", "NEW MEXICO", "NEW YORK", "NORTH CAROLINA", "NORTH DAKOTA",
    "RHODE ISLAND", "SOUTH CAROLINA", "SOUTH DAKOTA", "WEST VIRGINIA"]
CA_PROVINCES = ["ALBERTA", "BRITISH COLUMBIA", "MANITOBA", "NEW BRUNSWICK", "NEWFOUNDLAND AND LABRADOR",
                "NOVA SCOTIA", "ONTARIO", "PRINCE EDWARD ISLAND", "QUEBEC", "SASKATCHEWAN", "YUKON",
                "NUNAVUT", "NORTHWEST TERRITORIES"]


@pytest.mark.parametrize("sample", POSTS["samples"], ids=lambda s: f"{s['from']}-{s['to']}")
def test_country_line_sample(sample):
    assert country_line(sample["to"], sample["from"]) == sample["line"]


@pytest.mark.parametrize("sender,home", [("US", US_STATES), ("CA", CA_PROVINCES + US_STATES)])
def test_no_country_line_is_a_place_at_home(sender, home):
    """Every destination, from the US and Canada: no country line is a bare state or province."""
    clashes = {cc: line for cc in iso_codes() if cc not in (sender, "US")
               for line in [country_line(cc, sender)] if line in home}
    assert clashes == {}


def test_us_possessions_are_domestic_from_the_us():
    assert country_line("PR", "US") is None and country_line("GU", "US") is None
    assert country_line("PR", "GB") == "PUERTO RICO"


def test_english_posts_write_plain_english():
    for cc in iso_codes():
        line = country_line(cc, "GB")
        assert line is None or ("&" not in line and not line.startswith("ST. ") and "TÜRKIYE" not in line), line


def test_posts_file_names_real_codes():
    for table in [*POSTS["senders"].values(), *POSTS["languages"].values()]:
        assert all(is_iso_country(cc) for cc in table)


@pytest.mark.parametrize("cc", ["AZ", "GB", "NG", "EG", "JP", "RU", "KZ"])
def test_no_field_is_dropped(cc):
    """A district and a region the case gives are printed, whatever the country's layout."""
    from appealkit.address.format import format_address
    from appealkit.case.model import Address

    b = format_address(Address(cc, ["Main Street 1"], "1000", "Townsvale", district="Oldtown District",
                               region="Northern Province"), ["A Person"], None, "person", "FR")
    printed = "\n".join(b.lines("latin")).casefold()
    assert "oldtown district" in printed and "northern province" in printed and "townsvale" in printed and "1000" in printed


@pytest.mark.parametrize("text", ["زندان اوین، بند می‌خواهم", "خیابان شهید بهشتی‌نژاد", "👨\u200d👩\u200d👧"])
def test_a_joiner_that_spells_is_not_invisible(text):
    """Persian writes the zero-width non-joiner as part of a word (ZWNJ is spelling)."""
    from appealkit.unicode_checks import invisible_chars

    assert invisible_chars(text) == []


@pytest.mark.parametrize("text", ["Ev\u200cin", "\u200cزندان", "ул.\u200cЛенина"])
def test_a_stray_joiner_is_still_named(text):
    from appealkit.unicode_checks import invisible_chars

    assert invisible_chars(text) == ["holds invisible ZERO WIDTH NON-JOINER (U+200C); delete it"]


def test_persian_address_keeps_its_zwnj():
    from appealkit.address.format import format_address
    from appealkit.case.model import Address

    b = format_address(Address("IR", ["خیابان بهشتی‌نژاد"], None, "تهران"), ["Leila"], None, "person", "GB")
    assert "خیابان بهشتی\u200cنژاد" in b.local
