"""Well-known-binary parsing to numpy (points in bulk, polygons per feature).

Handles ISO WKB with Z/M (type + 1000/2000/3000) and EWKB flags, both byte orders. Polygons come
back as a flat list of rings (exterior and holes of every part), the even-odd representation
``analysis.geometry.polygons`` uses.
"""
from __future__ import annotations

import struct

import numpy as np

POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION = 1, 2, 3, 4, 5, 6, 7


def _type_and_dims(code: int) -> tuple[int, int]:
    ewkb_z, ewkb_m = bool(code & 0x80000000), bool(code & 0x40000000)
    code &= 0x0FFFFFFF
    base = code % 1000
    iso = code // 1000
    has_z = ewkb_z or iso in (1, 3)
    has_m = ewkb_m or iso in (2, 3)
    return base, 2 + int(has_z) + int(has_m)


# ISO WKB point type codes by the size of the WKB: 2-D, with Z or M, with Z and M.
_POINT_TYPES_BY_SIZE = {21: (POINT,), 29: (1000 + POINT, 2000 + POINT), 37: (3000 + POINT,)}


def points_from_wkb_column(
    column: np.ndarray, out: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x, y and a 'parts' count per geometry from an array of WKB values (bytes, void or None).

    Returns NaN coordinates for null or empty geometries and the number of points in each
    geometry (0 null/empty, 1 point, k for a multipoint whose first point is used). ``out``: three
    arrays of the column's length to fill instead of new ones (reading in batches).
    """
    n = len(column)
    x, y, parts = out if out is not None else (np.empty(n), np.empty(n), np.empty(n, dtype=np.int64))
    size = column.dtype.itemsize if column.dtype.kind == "V" else 0
    if size in _POINT_TYPES_BY_SIZE:
        raw = np.ascontiguousarray(column).view(np.uint8).reshape(n, size)
        if np.all(raw[:, 0] == 1) and np.all(np.isin(raw[:, 1:5].view("<u4").ravel(), _POINT_TYPES_BY_SIZE[size])):
            # Strided views on x and y inside each fixed-size little-endian WKB point, copied once.
            np.copyto(x, raw[:, 5:13].view("<f8")[:, 0])
            np.copyto(y, raw[:, 13:21].view("<f8")[:, 0])
            np.copyto(parts, np.isfinite(x) & np.isfinite(y))  # POINT EMPTY is NaN, NaN: no point
            return x, y, parts
    x.fill(np.nan)
    y.fill(np.nan)
    parts.fill(0)
    for i, value in enumerate(column):
        if value is None or value is np.ma.masked:
            continue
        blob = bytes(value)
        if not blob:
            continue
        px, py, k = _first_point(blob)
        x[i], y[i], parts[i] = px, py, k
    return x, y, parts


def single_ring_polygons(column: np.ndarray) -> np.ndarray | None:
    """Vertices ``(m, k, 2)`` of a column of equal-sized little-endian 2-D single-ring polygon WKB (grid
    cells, as the Arrow stream gives them: a fixed-size binary column), None for anything else."""
    if column.dtype.kind != "V" or (isinstance(column, np.ma.MaskedArray) and np.ma.getmaskarray(column).any()):
        return None
    raw = np.ascontiguousarray(np.ma.getdata(column)).view(np.uint8).reshape(len(column), column.dtype.itemsize)
    return _same_layout_coordinates(raw, POLYGON)


def _first_point(blob: bytes) -> tuple[float, float, int]:
    order = "<" if blob[0] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", blob, 1)
    base, _dims = _type_and_dims(code)
    offset = 5 + (4 if code & 0x20000000 else 0)  # EWKB SRID
    if base == POINT:
        px, py = struct.unpack_from(order + "dd", blob, offset)
        empty = not (np.isfinite(px) and np.isfinite(py))
        return px, py, 0 if empty else 1
    if base == MULTIPOINT:
        (count,) = struct.unpack_from(order + "I", blob, offset)
        if count == 0:
            return np.nan, np.nan, 0
        px, py, _ = _first_point(blob[offset + 4 :])
        return px, py, int(count)
    raise ValueError("a geometry is not a point")


def polygon_parts(blob: bytes) -> list[list[np.ndarray]]:
    """The parts of a (multi)polygon WKB, each a list of rings (exterior first) as (k, 2) arrays."""
    parts: list[list[np.ndarray]] = []
    _parse_polygonal(memoryview(blob), 0, parts)
    return parts


def _parse_polygonal(buf: memoryview, offset: int, parts: list[list[np.ndarray]]) -> int:
    order = "<" if buf[offset] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", buf, offset + 1)
    base, dims = _type_and_dims(code)
    offset += 5 + (4 if code & 0x20000000 else 0)
    if base == POLYGON:
        (nrings,) = struct.unpack_from(order + "I", buf, offset)
        offset += 4
        rings: list[np.ndarray] = []
        parts.append(rings)
        for _ in range(nrings):
            (npts,) = struct.unpack_from(order + "I", buf, offset)
            offset += 4
            coords = np.frombuffer(buf, dtype=order + "f8", count=npts * dims, offset=offset).reshape(npts, dims)
            rings.append(coords[:, :2].astype(float))
            offset += 8 * npts * dims
        return offset
    if base == MULTIPOLYGON:
        (nparts,) = struct.unpack_from(order + "I", buf, offset)
        offset += 4
        for _ in range(nparts):
            offset = _parse_polygonal(buf, offset, parts)
        return offset
    raise ValueError("a geometry is not a polygon")


def wkb_bounds(wkb: list[bytes]) -> np.ndarray:
    """(n, 4) xmin, ymin, xmax, ymax of WKB geometries of any type (NaN for empty ones).

    Geometries of one size and header with a single coordinate sequence (points, grid cells, single-part
    cells) are read with one numpy view; anything else is parsed one by one.
    """
    n = len(wkb)
    out = np.full((n, 4), np.nan)
    if n == 0:
        return out
    size = len(wkb[0])
    if len({len(g) for g in wkb[:1000]}) == 1 and _single_sequence_layout(wkb[0]) is not None:
        raw = np.frombuffer(b"".join(wkb), dtype=np.uint8)
        xy = _same_layout_coordinates(raw.reshape(n, size)) if raw.size == size * n else None
        if xy is not None:
            return np.column_stack([xy[:, :, 0].min(axis=1), xy[:, :, 1].min(axis=1),
                                    xy[:, :, 0].max(axis=1), xy[:, :, 1].max(axis=1)])
    for i, blob in enumerate(wkb):
        arrays: list[np.ndarray] = []
        _coordinate_arrays(memoryview(blob), 0, arrays)
        xy = np.concatenate(arrays) if arrays else np.empty((0, 2))
        xy = xy[np.isfinite(xy).all(axis=1)]
        if len(xy):
            out[i] = xy[:, 0].min(), xy[:, 1].min(), xy[:, 0].max(), xy[:, 1].max()
    return out


def _single_sequence_layout(blob: bytes) -> tuple[int, int, int] | None:
    """(byte offset of the coordinates, number of points, type of the part) when a little-endian 2-D WKB
    holds exactly one coordinate sequence (point, line, one-ring polygon, or a multi-geometry of one
    such part)."""
    offset = 0
    for _ in range(2):  # a multi-geometry of one part, then the part itself
        if len(blob) < offset + 9 or blob[offset] != 1:
            return None
        code, count = struct.unpack_from("<II", blob, offset + 1)
        if code in (MULTIPOINT, MULTILINESTRING, MULTIPOLYGON) and count == 1 and offset == 0:
            offset += 9
            continue
        if code == POINT:
            return offset + 5, 1, POINT
        if code == LINESTRING:
            return offset + 9, count, LINESTRING
        if code == POLYGON and count == 1 and len(blob) >= offset + 13:
            return offset + 13, struct.unpack_from("<I", blob, offset + 9)[0], POLYGON
        return None
    return None


def _same_layout_coordinates(raw: np.ndarray, kind: int | None = None) -> np.ndarray | None:
    """Coordinates ``(n, k, 2)`` of equal-sized WKB rows ``raw`` ((n, size) bytes) that all have the first
    row's header and one coordinate sequence (of type ``kind`` when given); None otherwise."""
    layout = _single_sequence_layout(raw[0].tobytes()) if len(raw) else None
    if layout is None or (kind is not None and layout[2] != kind):
        return None
    offset, k, _ = layout
    if offset + 16 * k != raw.shape[1] or not np.all(raw[:, :offset] == raw[0, :offset]):
        return None  # another size, or a row with another byte order, type or count
    return raw[:, offset:].copy().view("<f8").reshape(len(raw), k, 2)


def _coordinate_arrays(buf: memoryview, offset: int, out: list[np.ndarray]) -> int:
    """Append the (k, 2) coordinates of every sequence of the WKB geometry at ``offset``; returns its end."""
    order = "<" if buf[offset] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", buf, offset + 1)
    base, dims = _type_and_dims(code)
    offset += 5 + (4 if code & 0x20000000 else 0)

    def sequence(at: int, npts: int) -> int:
        coords = np.frombuffer(buf, dtype=order + "f8", count=npts * dims, offset=at).reshape(npts, dims)
        out.append(coords[:, :2].astype(float))
        return at + 8 * npts * dims

    if base == POINT:
        return sequence(offset, 1)
    (count,) = struct.unpack_from(order + "I", buf, offset)
    offset += 4
    if base == LINESTRING:
        return sequence(offset, count)
    if base == POLYGON:
        for _ in range(count):
            (npts,) = struct.unpack_from(order + "I", buf, offset)
            offset = sequence(offset + 4, npts)
        return offset
    if base in (MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION):
        for _ in range(count):
            offset = _coordinate_arrays(buf, offset, out)
        return offset
    raise ValueError(f"unsupported WKB geometry type {code}")


def line_parts(blob: bytes) -> list[np.ndarray]:
    """The parts of a (multi)linestring WKB as (k, 2) arrays (Z/M dropped)."""
    buf = memoryview(blob)
    (code,) = struct.unpack_from("<I" if buf[0] == 1 else ">I", buf, 1)
    if _type_and_dims(code)[0] not in (LINESTRING, MULTILINESTRING):
        raise ValueError("a geometry is not a line")
    parts: list[np.ndarray] = []
    _coordinate_arrays(buf, 0, parts)
    return parts


def polygon_wkb(rings: list[np.ndarray]) -> bytes:
    """Little-endian WKB Polygon from rings, exterior first (closed automatically)."""
    chunks = [struct.pack("<BII", 1, POLYGON, len(rings))]
    for ring in rings:
        r = np.asarray(ring, dtype="<f8")
        if not np.array_equal(r[0], r[-1]):
            r = np.vstack([r, r[:1]])
        chunks.append(struct.pack("<I", len(r)))
        chunks.append(np.ascontiguousarray(r[:, :2]).tobytes())
    return b"".join(chunks)


def polygons_wkb(vertices: np.ndarray) -> list[bytes]:
    """Little-endian WKB Polygons for many single-ring polygons of k vertices each, shape (n, k, 2).

    Built as one packed numpy record array and sliced, so a million grid cells take a fraction of a second.
    """
    v = np.asarray(vertices, dtype="<f8")
    n, k = v.shape[0], v.shape[1]
    record = np.dtype([("order", "u1"), ("type", "<u4"), ("nrings", "<u4"), ("npts", "<u4"),
                       ("xy", "<f8", (k + 1, 2))])
    out = np.empty(n, dtype=record)
    out["order"], out["type"], out["nrings"], out["npts"] = 1, POLYGON, 1, k + 1
    out["xy"][:, :k] = v
    out["xy"][:, k] = v[:, 0]
    raw = out.tobytes()
    size = record.itemsize
    return [raw[i * size : (i + 1) * size] for i in range(n)]


def multipolygon_wkb(parts: list[list[np.ndarray]]) -> bytes:
    """Little-endian WKB MultiPolygon from parts (each a list of rings, exterior first)."""
    return struct.pack("<BII", 1, MULTIPOLYGON, len(parts)) + b"".join(polygon_wkb(p) for p in parts)


def multipolygons_wkb(xy: np.ndarray, ring_offsets: np.ndarray, ring_polygon: np.ndarray, is_hole: np.ndarray,
                      n: int) -> list[bytes]:
    """Little-endian WKB MultiPolygons of ``n`` features from flat rings, equal to :func:`multipolygon_wkb`
    of each feature's parts but built in one buffer with array operations (no loop per feature).

    Ring ``r`` is ``xy[ring_offsets[r]:ring_offsets[r + 1]]`` and belongs to feature ``ring_polygon[r]``
    (non-decreasing: a feature's rings one after the other, exterior first); a ring that is not a hole
    starts a new part. Open rings are closed. A feature without rings becomes an empty MultiPolygon.
    """
    xy = np.asarray(xy, dtype="<f8").reshape(-1, 2)
    offsets = np.asarray(ring_offsets, dtype=np.int64).ravel()
    owner = np.asarray(ring_polygon, dtype=np.int64).ravel()
    hole = np.asarray(is_hole, dtype=bool).ravel()
    if np.any(np.diff(owner) < 0):
        raise ValueError("the rings must be ordered by feature")
    lengths = np.diff(offsets)
    nonempty = lengths > 0
    first, last = offsets[:-1][nonempty], offsets[1:][nonempty] - 1
    open_ring = np.zeros(lengths.size, dtype=bool)
    open_ring[nonempty] = np.any(xy[first] != xy[last], axis=1)
    if open_ring.any():
        xy = np.insert(xy, offsets[1:][open_ring], xy[offsets[:-1][open_ring]], axis=0)
        lengths = lengths + open_ring
        offsets = np.concatenate([[0], np.cumsum(lengths)])
    starts_part = ~hole | np.concatenate([[True], owner[1:] != owner[:-1]])
    part_of_ring = np.cumsum(starts_part) - 1
    part_owner = owner[starts_part]
    n_parts = int(starts_part.sum())
    rings_per_part = np.bincount(part_of_ring, minlength=n_parts)
    parts_per_feature = np.bincount(part_owner, minlength=n)
    ring_bytes = 4 + 16 * lengths
    before_ring = np.concatenate([[0], np.cumsum(ring_bytes)[:-1]])  # ring bytes of all earlier rings
    # Every element is preceded by the 9-byte headers of the features and parts up to its own.
    ring_pos = 9 * (owner + 1) + 9 * (part_of_ring + 1) + before_ring
    part_pos = ring_pos[starts_part] - 9
    feature_bytes = 9 + 9 * parts_per_feature + np.bincount(owner, weights=ring_bytes, minlength=n).astype(np.int64)
    feature_pos = np.concatenate([[0], np.cumsum(feature_bytes)])
    buf = np.zeros(int(feature_pos[-1]), dtype=np.uint8)

    def put_u32(pos: np.ndarray, values) -> None:
        words = np.broadcast_to(np.asarray(values, dtype="<u4"), pos.shape)
        buf[pos[:, None] + np.arange(4)] = np.ascontiguousarray(words).view(np.uint8).reshape(-1, 4)

    heads = feature_pos[:-1]
    buf[heads] = 1
    put_u32(heads + 1, MULTIPOLYGON)
    put_u32(heads + 5, parts_per_feature)
    buf[part_pos] = 1
    put_u32(part_pos + 1, POLYGON)
    put_u32(part_pos + 5, rings_per_part)
    put_u32(ring_pos, lengths)
    # The coordinates fill the byte ranges after each ring's point count, in vertex order.
    marks = np.zeros(buf.size + 1, dtype=np.int64)
    np.add.at(marks, ring_pos + 4, 1)
    np.add.at(marks, ring_pos + ring_bytes, -1)
    buf[np.cumsum(marks[:-1]) > 0] = np.ascontiguousarray(xy).view(np.uint8).ravel()
    raw = buf.tobytes()
    return [raw[feature_pos[i]:feature_pos[i + 1]] for i in range(n)]


def map_xy(wkb: list[bytes], fn) -> list[bytes]:
    """The same WKB geometries with every x, y replaced by ``fn(xy)`` ((n, 2) -> (n, 2), called once).

    Used to reproject outputs. Z and M values, byte order and structure are kept. Rows of one size with the
    first row's header and a single coordinate sequence (grid cells, points) are rewritten with one numpy
    view; anything else is walked one geometry at a time, the coordinates still transformed in one call.
    """
    n = len(wkb)
    if n == 0:
        return []
    size = len(wkb[0])
    layout = _single_sequence_layout(wkb[0])
    if layout is not None and all(len(g) == size for g in wkb):
        raw = np.frombuffer(b"".join(wkb), dtype=np.uint8).reshape(n, size)
        xy = _same_layout_coordinates(raw)
        if xy is not None:
            out = raw.copy()
            k = xy.shape[1]
            out[:, layout[0]:] = np.ascontiguousarray(
                np.asarray(fn(xy.reshape(-1, 2)), dtype="<f8").reshape(n, k, 2)).view(np.uint8).reshape(n, -1)
            flat = out.tobytes()
            return [flat[i * size:(i + 1) * size] for i in range(n)]
    buffers = [bytearray(g) for g in wkb]
    sequences: list[tuple[int, int, int, int, str]] = []  # geometry, offset, points, dims, byte order
    for i, buf in enumerate(buffers):
        _sequence_positions(memoryview(buf), 0, i, sequences)
    parts = [np.frombuffer(buffers[i], dtype=order + "f8", count=npts * dims, offset=at).reshape(npts, dims)[:, :2]
             for i, at, npts, dims, order in sequences]
    if not parts:
        return list(wkb)
    moved = np.asarray(fn(np.concatenate(parts).astype(float)), dtype=float)
    start = 0
    for i, at, npts, dims, order in sequences:
        coords = np.frombuffer(buffers[i], dtype=order + "f8", count=npts * dims, offset=at).reshape(npts, dims).copy()
        coords[:, :2] = moved[start:start + npts]
        buffers[i][at:at + 8 * npts * dims] = coords.astype(order + "f8").tobytes()
        start += npts
    return [bytes(b) for b in buffers]


def _sequence_positions(buf: memoryview, offset: int, index: int, out: list) -> int:
    """Append (index, byte offset, points, dims, byte order) of every coordinate sequence of the WKB geometry at
    ``offset`` (as :func:`_coordinate_arrays` walks it); returns its end."""
    order = "<" if buf[offset] == 1 else ">"
    (code,) = struct.unpack_from(order + "I", buf, offset + 1)
    base, dims = _type_and_dims(code)
    offset += 5 + (4 if code & 0x20000000 else 0)
    if base == POINT:
        out.append((index, offset, 1, dims, order))
        return offset + 8 * dims
    (count,) = struct.unpack_from(order + "I", buf, offset)
    offset += 4
    if base == LINESTRING:
        out.append((index, offset, count, dims, order))
        return offset + 8 * count * dims
    if base == POLYGON:
        for _ in range(count):
            (npts,) = struct.unpack_from(order + "I", buf, offset)
            out.append((index, offset + 4, npts, dims, order))
            offset += 4 + 8 * npts * dims
        return offset
    if base in (MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION):
        for _ in range(count):
            offset = _sequence_positions(buf, offset, index, out)
        return offset
    raise ValueError(f"unsupported WKB geometry type {code}")
