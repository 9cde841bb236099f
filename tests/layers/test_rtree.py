"""The bulk-loaded R-tree (layers/rtree.py) against SQLite's own R-tree built by inserting row by row."""
from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from besecure.layers import rtree


def _random_boxes(n, seed):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(-2e5, 6e5, (n, 2))
    wh = rng.uniform(0, 400, (n, 2))
    ids = rng.permutation(np.arange(1, n + 1) * 7)
    return ids, np.column_stack([xy, xy + wh])


def _two_trees(ids, bounds):
    """The same entries in a bulk-loaded tree 'bulk' and a tree 'ref' filled by SQLite's INSERT."""
    con = sqlite3.connect(":memory:")
    for name in ("bulk", "ref"):
        con.execute(f"CREATE VIRTUAL TABLE {name} USING rtree(id, minx, maxx, miny, maxy)")
    rtree.bulk_load(con, "bulk", ids, bounds)
    con.executemany("INSERT INTO ref VALUES (?, ?, ?, ?, ?)",
                    zip(ids.tolist(), bounds[:, 0].tolist(), bounds[:, 2].tolist(), bounds[:, 1].tolist(),
                        bounds[:, 3].tolist()))
    return con


@pytest.mark.parametrize("n", [1, 51, 52, 2601, 2602, 20_000])  # one leaf, full leaf, two levels, three levels
def test_bulk_tree_holds_what_sqlite_inserts_and_answers_the_same(n):
    ids, bounds = _random_boxes(n, seed=n)
    con = _two_trees(ids, bounds)
    assert con.execute("SELECT rtreecheck('bulk')").fetchone()[0] == "ok"
    # Same entries with the same float32 boxes: SQLite's own rounding is the reference.
    assert con.execute("SELECT * FROM bulk ORDER BY id").fetchall() == con.execute(
        "SELECT * FROM ref ORDER BY id").fetchall()
    depth = int.from_bytes(con.execute("SELECT data FROM bulk_node WHERE nodeno = 1").fetchone()[0][:2], "big")
    assert depth == {1: 0, 51: 0, 52: 1, 2601: 1, 2602: 2, 20_000: 2}[n]
    rng = np.random.default_rng(1)
    query = "SELECT id FROM {} WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? ORDER BY id"
    for _ in range(25):
        x0, y0 = rng.uniform(-2e5, 6e5, 2)
        box = (x0, x0 + rng.uniform(0, 5e4), y0, y0 + rng.uniform(0, 5e4))
        got = [r[0] for r in con.execute(query.format("bulk"), box)]
        assert got == [r[0] for r in con.execute(query.format("ref"), box)]
        brute = ids[(bounds[:, 2] >= box[0]) & (bounds[:, 0] <= box[1]) & (bounds[:, 3] >= box[2])
                    & (bounds[:, 1] <= box[3])]
        assert set(brute.tolist()) <= set(got)  # float32 boxes only ever grow


def test_bulk_tree_stays_valid_when_sqlite_edits_it():
    ids, bounds = _random_boxes(5000, seed=3)
    con = _two_trees(ids, bounds)
    for i in ids[:3000].tolist():
        con.execute("DELETE FROM bulk WHERE id = ?", (i,))  # SQLite condenses underfull nodes
    con.executemany("INSERT INTO bulk VALUES (?, ?, ?, ?, ?)", [(10**7 + k, k, k + 1, -k, 1 - k) for k in range(500)])
    con.execute("UPDATE bulk SET minx = 0, maxx = 1 WHERE id = ?", (int(ids[4000]),))
    assert con.execute("SELECT rtreecheck('bulk')").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM bulk").fetchone()[0] == 2500


def test_float32_rounding_is_outwards_like_sqlite():
    values = np.array([0.1, -0.1, 123456.789, -123456.789, 1e30, -1e-30, 0.0, 16777217.0])
    down, up = rtree.float32_down(values), rtree.float32_up(values)
    assert np.all(down.astype(np.float64) <= values) and np.all(up.astype(np.float64) >= values)
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    con.executemany("INSERT INTO r VALUES (?, ?, ?, 0, 0)", [(i, v, v) for i, v in enumerate(values.tolist())])
    stored = np.array(con.execute("SELECT minx, maxx FROM r ORDER BY id").fetchall())
    assert np.array_equal(stored[:, 0], down.astype(np.float64))
    assert np.array_equal(stored[:, 1], up.astype(np.float64))


def test_refuses_a_tree_that_is_not_empty():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    con.execute("INSERT INTO r VALUES (1, 0, 1, 0, 1)")
    with pytest.raises(ValueError, match="not empty"):
        rtree.bulk_load(con, "r", np.array([2]), np.array([[0.0, 0.0, 1.0, 1.0]]))


def test_empty_input_leaves_an_empty_valid_tree():
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    rtree.bulk_load(con, "r", np.array([], dtype=np.int64), np.empty((0, 4)))
    assert con.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
    assert con.execute("SELECT COUNT(*) FROM r").fetchone()[0] == 0


def test_falls_back_to_row_inserts_when_shadow_tables_are_read_only():
    """SQLite's defensive mode refuses direct writes to shadow tables (not the virtual table's own)."""

    class Defensive:  # passes everything through, refusing what defensive mode refuses
        def __init__(self, con):
            self.con = con

        def execute(self, sql, *args):
            return self.con.execute(sql, *args)

        def executemany(self, sql, rows):
            if sql.startswith('INSERT INTO "r_rowid"'):
                raise sqlite3.OperationalError("table r_rowid may not be modified")
            return self.con.executemany(sql, rows)

    ids, bounds = _random_boxes(3000, seed=5)
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    assert rtree.bulk_load(Defensive(con), "r", ids, bounds) is False  # node rows went in first: undone
    assert con.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"
    assert con.execute("SELECT * FROM r ORDER BY id").fetchall() == _two_trees(ids, bounds).execute(
        "SELECT * FROM ref ORDER BY id").fetchall()


def test_pairs_are_the_same_whatever_the_chunk():
    a, b = np.arange(1, 24), np.arange(100, 123)
    assert list(rtree._pairs(a, b, chunk=5)) == list(zip(a.tolist(), b.tolist())) == list(rtree._pairs(a, b))


def test_geopackage_rows_are_the_same_whatever_the_chunk():
    import pandas as pd

    from besecure.layers.write import _gpkg_rows

    frame = pd.DataFrame({"n": np.arange(11), "v": np.where(np.arange(11) % 3, 0.5, np.nan), "t": list("abcdefghijk")})
    wkb = [bytes([i]) * 5 for i in range(11)]
    nonempty = np.arange(11) != 4
    headers = (b"E", b"G")
    rows = list(_gpkg_rows(frame, wkb, headers, nonempty, chunk=4))
    assert rows == list(_gpkg_rows(frame, wkb, headers, nonempty))
    assert rows[0] == (1, b"G" + bytes([0]) * 5, 0, None, "a") and rows[4][1] == b"E" + bytes([4]) * 5
    assert [r[0] for r in rows] == list(range(1, 12)) and rows[-1][2:] == (10, 0.5, "k")
