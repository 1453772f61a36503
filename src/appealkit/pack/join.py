"""The parts' PDFs joined into one, written part by part.

pypdf's PdfWriter (and pikepdf alike) holds every page's objects until it writes the file, about
20 KB a page (430 MB joining 20,000 pages of the pack here). Here each part is read, its pages
and every object they reach (contents, fonts, images) are written at once under new numbers, and
the part is let go; what stays is an index: each object's offset, each page's number, the
bookmarks. The pages tree, the bookmarks, the catalog, the cross-reference table and the trailer
come at the end.

Of a part this keeps its pages with all they reach, its bookmarks (WeasyPrint makes one for each
heading: a case card's name and sections) and its named destinations (one for each HTML id; the
first of a name wins); of the first part, its title and language too. It drops the rest of each
part's document-level entries: its pages tree (one balanced tree replaces them), its /Info but for
the title. WeasyPrint's parts have nothing else at that level: no links, forms, tags or page
labels. Streams are copied as they are encoded, never decoded."""

from __future__ import annotations

import hashlib
import io
from array import array
from typing import Any, BinaryIO, Callable, Iterable, cast

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)

FANOUT = 64  # kids of a node of the pages tree: a balanced tree, as a reader expects of 10,000 pages


class _Ref(PdfObject):
    """A reference to an object of the joined file (numbered already), written as it is."""

    def __init__(self, num: int):
        self.num = num

    def write_to_stream(self, stream: Any, encryption_key: Any = None) -> None:
        stream.write(b"%d 0 R" % self.num)


def _dict(**entries: Any) -> DictionaryObject:
    return DictionaryObject({NameObject("/" + k): v for k, v in entries.items() if v is not None})


class _Out:
    """The file being written: where each object starts, in order of number."""

    def __init__(self, fh: BinaryIO):
        # object 0 is the free list's head; an array holds an offset in 8 bytes, a list of ints in 40
        self.fh, self.pos, self.offsets = fh, 0, array("Q", [0])

    def new(self) -> int:
        self.offsets.append(0)
        return len(self.offsets) - 1

    def raw(self, data: bytes) -> None:
        self.fh.write(data)
        self.pos += len(data)

    def put(self, num: int, obj: Any, ref: Callable[[IndirectObject], int] | None = None) -> None:
        buf = io.BytesIO()
        buf.write(b"%d 0 obj\n" % num)
        _write(obj, buf, ref)
        buf.write(b"\nendobj\n")
        self.offsets[num] = self.pos
        self.raw(buf.getvalue())


def _write(obj: Any, buf: io.BytesIO, ref: Callable[[IndirectObject], int] | None) -> None:
    """`obj` in PDF syntax, each reference to an object of the part renumbered by `ref`."""
    if isinstance(obj, IndirectObject):
        assert ref is not None, "a reference to a part's object outside the part"
        buf.write(b"%d 0 R" % ref(obj))
    elif isinstance(obj, DictionaryObject):  # a stream too: its dictionary, then its data as encoded
        data = obj._data if isinstance(obj, StreamObject) else None  # pypdf's own writer copies it so
        buf.write(b"<<")
        for key, value in obj.items():
            if key.startswith("/%") or (data is not None and key == "/Length"):  # pypdf's own marks; the length follows
                continue
            key.write_to_stream(buf)
            buf.write(b" ")
            _write(value, buf, ref)
            buf.write(b"\n")
        if data is not None:
            buf.write(b"/Length %d>>\nstream\n" % len(data))
            buf.write(data)
            buf.write(b"\nendstream")
        else:
            buf.write(b">>")
    elif isinstance(obj, ArrayObject):
        buf.write(b"[")
        for item in obj:
            _write(item, buf, ref)
            buf.write(b" ")
        buf.write(b"]")
    else:
        obj.write_to_stream(buf)


def join(paths: Iterable[str], fh: BinaryIO) -> int:
    """The pages of the PDFs at `paths`, in order, as one PDF written to `fh`. Returns the page count."""
    out = _Out(fh)
    out.raw(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")  # WeasyPrint's version; the bytes say the file is binary
    pages = array("Q")  # every page's number, in order
    leaves: list[int] = []  # the pages tree's lowest nodes, one for each FANOUT pages
    outline: list = []
    dests: dict[str, ArrayObject] = {}
    title = lang = None
    for n, path in enumerate(paths):
        reader = PdfReader(path)
        root = cast(DictionaryObject, reader.trailer["/Root"])
        if n == 0:
            title = reader.metadata.title if reader.metadata else None
            lang = root["/Lang"] if "/Lang" in root else None
        found = _copy_pages(reader, out, pages, leaves)
        outline += _outline(root.get("/Outlines"), found)
        for name, d in reader.named_destinations.items():
            if name not in dests and (a := found(d.dest_array)) is not None:
                dests[name] = a
    tree = _pages_tree(out, pages, leaves)
    outlines = _write_outline(out, outline) if outline else None
    names = None
    if dests:
        pairs = ArrayObject()
        for name in sorted(dests):
            pairs += [TextStringObject(name), dests[name]]
        names = _dict(Dests=_dict(Names=pairs))
    catalog, info = out.new(), out.new()
    out.put(catalog, _dict(Type=NameObject("/Catalog"), Pages=_Ref(tree), Names=names, Lang=lang,
                           Outlines=_Ref(outlines) if outlines else None))
    out.put(info, _dict(Producer=TextStringObject("appealkit"), Title=TextStringObject(title) if title else None))
    _xref(out, catalog, info)
    return len(pages)


def _copy_pages(reader: PdfReader, out: _Out, pages: array, leaves: list[int]) -> Callable:
    """Write the part's pages and every object they reach (not their /Parent: each page's is a node
    of our tree) under new numbers, adding to `pages` and `leaves`. Returns `found` of _page_dest."""
    new: dict[tuple[int, int], int] = {}  # the part's objects' numbers -> ours
    todo: list[IndirectObject] = []

    def ref(o: IndirectObject) -> int:
        key = (o.idnum, o.generation)
        if key not in new:
            new[key] = out.new()
            todo.append(o)
        return new[key]

    first = len(pages)
    for page in reader.pages:  # numbered first: what refers to a page finds it numbered, not queued
        assert page.indirect_reference is not None
        new[page.indirect_reference.idnum, page.indirect_reference.generation] = num = out.new()
        if len(pages) % FANOUT == 0:
            leaves.append(out.new())
        pages.append(num)
    for i, page in enumerate(reader.pages):  # pypdf's pages carry what they inherit from the part's tree
        mine = DictionaryObject(page)
        mine[NameObject("/Parent")] = _Ref(leaves[(first + i) // FANOUT])
        out.put(pages[first + i], mine, ref)
    while todo:
        o = todo.pop()
        obj = o.get_object()
        out.put(new[o.idnum, o.generation], NullObject() if obj is None else obj, ref)
    return _page_dest(new)


def _page_dest(new: dict[tuple[int, int], int]) -> Callable[[Any], ArrayObject | None]:
    """A destination of the part (`[page /XYZ left top zoom]` and the like) as ours: None where it
    is not an array pointing at one of the part's pages by a direct reference."""

    def found(d: Any) -> ArrayObject | None:
        d = d.get_object() if isinstance(d, IndirectObject) else d
        if isinstance(d, DictionaryObject):  # a GoTo action
            d = d.get("/D")
        if not isinstance(d, ArrayObject) or not d or not isinstance(d[0], IndirectObject):
            return None
        page = new.get((d[0].idnum, d[0].generation))
        rest = list(d[1:])
        if page is None or any(isinstance(x, IndirectObject) for x in rest):
            return None
        return ArrayObject([_Ref(page), *rest])

    return found


def _outline(root: Any, found: Callable[[Any], ArrayObject | None]) -> list:
    """The part's bookmarks as (title, destination, open, children) tuples, in order."""
    items = []
    item = root.get_object().get("/First") if root is not None else None
    while item is not None:
        item = item.get_object()
        d = item.get("/Dest", item.get("/A"))
        items.append((item["/Title"], found(d) if d is not None else None, item.get("/Count", 0) >= 0,
                      _outline(item, found)))
        item = item.get("/Next")
    return items


def _write_outline(out: _Out, items: list) -> int:
    """Write the bookmarks; returns the number of their root."""
    root = out.new()

    def level(items: list, parent: int) -> tuple[list[int], int]:
        nums = [out.new() for _ in items]
        shown = 0  # the items of this level a reader shows, and their open descendants
        for i, (title, dest, is_open, kids) in enumerate(items):
            sub, sub_shown = level(kids, nums[i])
            out.put(nums[i], _dict(
                Title=title, Parent=_Ref(parent), Dest=dest,
                Prev=_Ref(nums[i - 1]) if i else None, Next=_Ref(nums[i + 1]) if i + 1 < len(nums) else None,
                First=_Ref(sub[0]) if sub else None, Last=_Ref(sub[-1]) if sub else None,
                Count=NumberObject(sub_shown if is_open else -sub_shown) if sub else None))
            shown += 1 + (sub_shown if is_open else 0)
        return nums, shown

    nums, shown = level(items, root)
    out.put(root, _dict(Type=NameObject("/Outlines"), First=_Ref(nums[0]), Last=_Ref(nums[-1]),
                        Count=NumberObject(shown)))
    return root


def _pages_tree(out: _Out, pages: array, leaves: list[int]) -> int:
    """Write the pages tree over `pages`, its lowest nodes numbered `leaves` already; returns its root."""
    nodes = [(leaf, [_Ref(p) for p in pages[i * FANOUT:(i + 1) * FANOUT]], min(FANOUT, len(pages) - i * FANOUT))
             for i, leaf in enumerate(leaves)] or [(out.new(), [], 0)]
    parent: dict[int, int] = {}
    level = [(num, count) for num, _, count in nodes]
    while len(level) > 1:
        up = []
        for i in range(0, len(level), FANOUT):
            group, num = level[i:i + FANOUT], out.new()
            parent.update((kid, num) for kid, _ in group)
            nodes.append((num, [_Ref(kid) for kid, _ in group], sum(c for _, c in group)))
            up.append((num, nodes[-1][2]))
        level = up
    for num, kids, count in nodes:
        out.put(num, _dict(Type=NameObject("/Pages"), Parent=_Ref(parent[num]) if num in parent else None,
                           Kids=ArrayObject(kids), Count=NumberObject(count)))
    return level[0][0]


def _xref(out: _Out, catalog: int, info: int) -> None:
    """The cross-reference table and the trailer; the file's /ID is a digest of the offsets."""
    assert all(out.offsets[1:]), "an object was numbered but never written"
    start = out.pos
    out.raw(b"xref\n0 %d\n0000000000 65535 f \n" % len(out.offsets))
    digest = hashlib.md5(usedforsecurity=False)
    for i in range(1, len(out.offsets), 4096):
        chunk = b"".join(b"%010d 00000 n \n" % off for off in out.offsets[i:i + 4096])
        digest.update(chunk)
        out.raw(chunk)
    ident = digest.hexdigest().encode()
    out.raw(b"trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n"
            % (len(out.offsets), catalog, info, ident, ident, start))
