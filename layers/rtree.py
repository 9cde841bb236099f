"""Bulk loading of a SQLite R-tree (the GeoPackage spatial index) straight into its shadow tables.

SQLite inserts R-tree entries one at a time (R*-tree split and forced reinsert), about 12 µs each
here: 0.15-0.2 s for the 12,000 cells of a city grid, more than the rest of the write. A tree packed
in one go (Sort-Tile-Recursive) is built with numpy in milliseconds and is an ordinary SQLite R-tree
afterwards: queries, inserts, updates and deletes by SQLite or OGR work on it as on any other.

The format (sqlite.org/src/file/ext/rtree/rtree.c): table ``<name>_node(nodeno, data)`` holds nodes of
a fixed byte size (read from the existing root); a node is a 2-byte big-endian tree depth (root only,
0 elsewhere), a 2-byte cell count and cells of 8-byte rowid/child node number plus the box as 4-byte
floats in column order (minx, maxx, miny, maxy), all big-endian. Leaves have depth 0 and the root is
node 1. ``<name>_rowid(rowid, nodeno)`` maps each entry to its leaf, ``<name>_parent(nodeno,
parentnode)`` each non-root node to its parent. Boxes are rounded outwards to float32 the way SQLite
does (``rtreeValueDown`` / ``rtreeValueUp``), so every box still contains its geometry.
"""
from __future__ import annotations

import math
import sqlite3

import numpy as np

_CELL = np.dtype([("id", ">i8"), ("minx", ">f4"), ("maxx", ">f4"), ("miny", ">f4"), ("maxy", ">f4")])
_TOWARDS = 1.0 - 1.0 / 8388608.0
_AWAY = 1.0 + 1.0 / 8388608.0


def float32_down(values: np.ndarray) -> np.ndarray:
    """float32 not above each value (SQLite's rtreeValueDown)."""
    d = np.asarray(values, dtype=np.float64)
    f = d.astype(np.float32)
    over = f > d
    f[over] = (d[over] * np.where(d[over] < 0, _AWAY, _TOWARDS)).astype(np.float32)
    return f


def float32_up(values: np.ndarray) -> np.ndarray:
    """float32 not below each value (SQLite's rtreeValueUp)."""
    d = np.asarray(values, dtype=np.float64)
    f = d.astype(np.float32)
    under = f < d
    f[under] = (d[under] * np.where(d[under] < 0, _TOWARDS, _AWAY)).astype(np.float32)
    return f


def _str_order(boxes: np.ndarray, capacity: int) -> np.ndarray:
    """Sort-Tile-Recursive order of boxes (minx, maxx, miny, maxy): vertical slices by centre x, then y."""
    n = boxes.shape[0]
    nodes = math.ceil(n / capacity)
    slices = max(1, math.ceil(math.sqrt(nodes)))
    cx = boxes[:, 0].astype(np.float64) + boxes[:, 1]
    cy = boxes[:, 2].astype(np.float64) + boxes[:, 3]
    by_x = np.argsort(cx, kind="stable")
    slice_of = np.empty(n, dtype=np.int64)
    slice_of[by_x] = np.arange(n) // (slices * capacity)
    return np.lexsort((cy, slice_of))


def pack(ids: np.ndarray, bounds: np.ndarray, node_size: int) -> tuple[list, tuple[np.ndarray, np.ndarray], list]:
    """Rows for the ``_node`` and ``_parent`` tables of a 2-D R-tree holding ``ids`` with ``bounds`` (n, 4:
    xmin, ymin, xmax, ymax in float64), for nodes of ``node_size`` bytes, and the ``_rowid`` table as two
    arrays (entry ids, their leaf node numbers)."""
    ids = np.asarray(ids, dtype=np.int64)
    bounds = np.asarray(bounds, dtype=np.float64)
    capacity = (node_size - 4) // _CELL.itemsize
    if capacity < 2:
        raise ValueError(f"R-tree node size {node_size} is too small.")
    if ids.size == 0:
        return [(1, bytes(node_size))], (ids, ids.copy()), []
    boxes = np.column_stack([float32_down(bounds[:, 0]), float32_up(bounds[:, 2]),
                             float32_down(bounds[:, 1]), float32_up(bounds[:, 3])])
    # Nodes per level, leaves first; node numbers are given top-down so the root is 1.
    counts = [math.ceil(ids.size / capacity)]
    while counts[-1] > 1:
        counts.append(math.ceil(counts[-1] / capacity))
    depth = len(counts) - 1
    first = [0] * len(counts)
    number = 1
    for level in range(depth, -1, -1):
        first[level] = number
        number += counts[level]
    node_rows: list = []
    parent_rows: list = []
    entries = ids
    for level in range(depth + 1):  # level 0 (the leaves) always runs and sets rowid_rows
        order = _str_order(boxes, capacity)
        entries, boxes = entries[order], boxes[order]
        n_nodes = counts[level]
        node_of = np.arange(entries.size) // capacity
        numbers = first[level] + np.arange(n_nodes, dtype=np.int64)
        if level == 0:
            rowid_rows = (entries, numbers[node_of])
        else:
            parent_rows.extend(zip(entries.tolist(), numbers[node_of].tolist()))
        node_rows.extend(zip(numbers.tolist(), _node_blobs(entries, boxes, n_nodes, capacity, node_size,
                                                            depth if level == depth else 0)))
        starts = np.arange(0, entries.size, capacity)
        boxes = np.column_stack([np.minimum.reduceat(boxes[:, 0], starts), np.maximum.reduceat(boxes[:, 1], starts),
                                 np.minimum.reduceat(boxes[:, 2], starts), np.maximum.reduceat(boxes[:, 3], starts)])
        entries = numbers
    return node_rows, rowid_rows, parent_rows


def _node_blobs(entries, boxes, n_nodes: int, capacity: int, node_size: int, depth: int) -> list[bytes]:
    cells = np.zeros(n_nodes * capacity, dtype=_CELL)
    k = entries.size
    cells["id"][:k] = entries
    for j, name in enumerate(("minx", "maxx", "miny", "maxy")):
        cells[name][:k] = boxes[:, j]
    raw = np.zeros((n_nodes, node_size), dtype=np.uint8)
    raw[:, 4:4 + capacity * _CELL.itemsize] = cells.view(np.uint8).reshape(n_nodes, -1)
    n_cells = np.full(n_nodes, capacity, dtype=">u2")
    n_cells[-1] = k - (n_nodes - 1) * capacity
    raw[:, 0:2] = np.frombuffer(np.array([depth], dtype=">u2").tobytes(), dtype=np.uint8)
    raw[:, 2:4] = n_cells.view(np.uint8).reshape(n_nodes, 2)
    return [row.tobytes() for row in raw]


def quote_identifier(name: str) -> str:
    """An SQL identifier in double quotes, any double quote inside doubled."""
    return '"' + str(name).replace('"', '""') + '"'


def _pairs(a: np.ndarray, b: np.ndarray, chunk: int = 100_000):
    """(a[i], b[i]) as Python ints, made a chunk at a time (millions of entries without millions of tuples
    held at once)."""
    for lo in range(0, a.size, chunk):
        yield from zip(a[lo:lo + chunk].tolist(), b[lo:lo + chunk].tolist())


def bulk_load(con, table: str, ids: np.ndarray, bounds: np.ndarray) -> bool:
    """Fill the empty R-tree virtual table ``table`` of SQLite connection ``con`` with ``ids``/``bounds``.

    Returns True when the tree was bulk-loaded, False when SQLite refused writes to the shadow tables
    (its "defensive" mode) and the entries were inserted one by one instead. Raises ValueError when the
    tree is not empty (bulk loading only builds a tree from scratch).
    """
    # Only identifiers quoted by quote_identifier are formatted into statements, values are bound (hence nosec B608).
    node, rowid, parent = (quote_identifier(f"{table}_{shadow}") for shadow in ("node", "rowid", "parent"))
    (n_rows,) = con.execute(f"SELECT COUNT(*) FROM {rowid}").fetchone()  # nosec B608
    row = con.execute(f"SELECT length(data) FROM {node} WHERE nodeno = 1").fetchone()  # nosec B608
    if n_rows or row is None:
        raise ValueError(f"R-tree {table} is not empty; bulk loading needs a new tree.")
    node_rows, rowid_rows, parent_rows = pack(ids, bounds, int(row[0]))
    con.execute("SAVEPOINT besecure_rtree")
    try:
        con.execute(f"DELETE FROM {node}")  # nosec B608
        con.executemany(f"INSERT INTO {node} (nodeno, data) VALUES (?, ?)", node_rows)  # nosec B608
        con.executemany(f"INSERT INTO {rowid} (rowid, nodeno) VALUES (?, ?)", _pairs(*rowid_rows))  # nosec B608
        con.executemany(f"INSERT INTO {parent} (nodeno, parentnode) VALUES (?, ?)", parent_rows)  # nosec B608
    except sqlite3.DatabaseError:
        con.execute("ROLLBACK TO besecure_rtree")
        con.execute("RELEASE besecure_rtree")
        b = np.asarray(bounds, dtype=np.float64)
        con.executemany(f"INSERT INTO {quote_identifier(table)} VALUES (?, ?, ?, ?, ?)",  # nosec B608
                        zip(np.asarray(ids).tolist(), b[:, 0].tolist(), b[:, 2].tolist(), b[:, 1].tolist(),
                            b[:, 3].tolist()))
        return False
    con.execute("RELEASE besecure_rtree")
    return True
