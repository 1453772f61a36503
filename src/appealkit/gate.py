"""What `check` promises: when it passes with no warnings, `address`, `letter` and `tweet` run on
the case. Each finding here names what would stop one of them, or leave it nothing to do.

The address blocks and the post are built here as the commands build them (neither needs
templates or Babel); letters are judged by what they need, since rendering them would load
Jinja2 into every `check`.
"""

from __future__ import annotations

from .errors import AppealkitError, TextTooLong

_NULL = ("", "~", "null", "Null", "NULL")
# keys whose empty value means "none", with a finding of their own where it matters
_CONTAINERS = {"address", "recipients", "share", "latin", "handles", "mentions", "hashtags", "copies"}
_ENVELOPE = {"postcode": "no postcode", "locality": "no town", "region": "no region",
             "district": "no district", "country": "no country", "lines": "no lines"}


def empty_fields(case):
    """(code, message, path) for each key written with nothing after the colon."""
    from .case.model import key_path

    pos = case.positions
    for path, raw in pos.raw.items():
        if raw not in _NULL or not path or not isinstance(path[-1], str) or path[-1] in _CONTAINERS:
            continue
        at = pos.at(path, key=True)  # an empty value has no place of its own: its key's line
        if "address" in path and path[-1] in _ENVELOPE:
            yield ("empty-field", f"{key_path(path)} is empty: the envelope would have "
                   f"{_ENVELOPE[path[-1]]}; fill it in, or delete the line", at)
        else:
            yield ("empty-value", f"{key_path(path)} is empty; fill it in, or delete the line", at)


def gate_findings(case):
    """(code, message, path or Where) for each command that would stop, or have nothing to do."""
    yield from _post(case)
    if case.person.address is None and case.person.status != "held":
        yield ("no-person-address",
               f"person is {case.person.status} (person.status): no support letter or envelope to the "
               "person until the list gives an address where they are held", ("person", "status"))
    elif case.person.address is None:
        yield ("no-person-address",
               "person has no address: no support letter or envelope to the person can be made "
               "(letter and address to 'person'); add person.address, if letters can reach them",
               ("person",))
    try:
        from .address.format import blocks_for

        blocks_for(case, "all", decline=False)  # the dative cannot fail: no morphology for check
    except AppealkitError as e:
        yield ("address-fails", f"the addresses cannot be made: {e.message}", e.where or ())
    yield from _letters(case)


def _post(case):
    if case.share is None or case.share.text is None:
        yield ("no-post", "the case has no share.text: 'tweet' has nothing to post; "
               "add share: with text: (the post's words)", ("share",))
        return
    from .posts.build import build_post

    try:
        build_post(case, "x")
    except TextTooLong:
        pass  # post-too-long says by how much
    except AppealkitError as e:
        yield ("post-fails", f"the post cannot be made: {e.message}", e.where or ("share",))


def _letters(case):
    from .letters.checks import first_missing
    from .letters.translations import languages, missing_translations

    have = languages()
    if case.language not in have:
        yield ("letter-language",
               f"the case's language is '{case.language}', and letters are written in "
               f"{', '.join(have)} only: set language: to one of them (and give its texts)",
               ("language",))
        return
    missing = missing_translations(case, case.language)
    if missing:
        yield ("missing-translation",
               f"letters in '{case.language}' (the case's language) need {', '.join(missing)} "
               f"in '{case.language}'", first_missing(case, missing))
    from .letters.naming import missing_names

    # a letter never puts a name from another script into its text (`Anna Ivanova` in Russian)
    names = missing_names(case, ["person", *case.recipients], case.language)
    if names:
        yield ("missing-translation",
               f"letters in '{case.language}' (the case's language) need {', '.join(k for k, _ in names)} "
               f"written in '{case.language}'", names[0][1])
