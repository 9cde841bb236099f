"""Contiguity of the cells of a square or hexagon grid, of any order, by arithmetic on cell indices.

The cells are those of a :class:`~.grids.GridSpec` (``id = row * ncols + col``), usually a subset
(the cells inside a study area, or the cells with incidents). Neighbours are found by adding
index offsets to every cell at once and looking the results up among the cells kept, so a
subset never has to be cut out of a full lattice and no Python loop runs per cell.

Order ``k`` means every cell within ``k`` steps (cumulative, like PySAL's
``higher_order(w, k, lower_order=True)``):

* squares: queen steps, i.e. the ``(2k + 1)^2 - 1`` cells whose row and column differ by at most
  ``k`` (order 1 = PySAL ``lat2W(rook=False)``);
* hexagons: hexagon steps; order 1 is the six cells sharing a side (PySAL ``hexLat2W``, the
  layout of :mod:`.grids`: flat-topped, odd columns shifted half a cell up), order 2 adds the
  twelve of the next ring, and so on (``3k(k + 1)`` cells).

Hexagon distances use "doubled" coordinates (column, ``2 * row + column parity``), in which a
side-neighbour is one column and one half-row away or two half-rows away; the number of steps
between two cells is ``dc + max(0, (dr - dc) / 2)`` for ``dc`` columns and ``dr`` half-rows
apart (Patel, "Hexagonal Grids", Red Blob Games, 2013, doubled coordinates).
"""
from __future__ import annotations

import numpy as np

from ..geometry.grids import GridSpec
from .weights import SpatialWeights

__all__ = ["grid_contiguity", "grid_offsets"]


def grid_offsets(kind: str, order: int = 1) -> list[tuple[int, int]]:
    """The offsets of the cells within ``order`` steps of a cell, excluding the cell itself.

    Squares: ``(d_row, d_col)``. Hexagons: ``(d_col, d_half_rows)`` in doubled coordinates
    (a cell's half-row is ``2 * row + col % 2``).
    """
    order = _check_order(order)
    if kind == "square":
        return [(dr, dc) for dr in range(-order, order + 1) for dc in range(-order, order + 1) if dr or dc]
    if kind == "hexagon":
        out = []
        for dc in range(-order, order + 1):
            for dh in range(-2 * order, 2 * order + 1):
                if (dh - dc) % 2 or not (dc or dh):
                    continue
                steps = abs(dc) + max(0, (abs(dh) - abs(dc)) // 2)
                if steps <= order:
                    out.append((dc, dh))
        return out
    raise ValueError(f"Unknown grid kind {kind!r}; use 'square' or 'hexagon'.")


def _check_order(order) -> int:
    if isinstance(order, bool) or int(order) != order or order < 1:
        raise ValueError(f"The contiguity order (number of rings) must be a whole number of at least 1, not {order!r}.")
    return int(order)


def grid_contiguity(grid: GridSpec, cells: np.ndarray | None = None, order: int = 1) -> SpatialWeights:
    """Binary contiguity of ``order`` among ``cells`` of ``grid`` (all cells when None).

    Returns weights numbered like ``cells`` (feature ``i`` is cell ``cells[i]``); links to cells
    not in ``cells`` are left out, so a cell at the edge of a study area has fewer neighbours.
    Symmetric by construction (every offset has its opposite).
    """
    order = _check_order(order)
    ids = np.arange(grid.n_cells, dtype=np.int64) if cells is None else np.asarray(cells, dtype=np.int64).ravel()
    n = ids.size
    if n and (ids.min() < 0 or ids.max() >= grid.n_cells):
        raise ValueError(f"cell ids must lie in 0..{grid.n_cells - 1}")
    if np.unique(ids).size != n:
        raise ValueError("cell ids must not repeat")
    row, col = np.divmod(ids, grid.ncols)
    sorter = np.argsort(ids, kind="stable")
    sorted_ids = ids[sorter]
    src, dst = [], []
    for a, b in grid_offsets(grid.kind, order):
        if grid.kind == "square":
            r, c = row + a, col + b
        else:
            c = col + a
            half_rows = 2 * row + (col & 1) + b
            r = (half_rows - (c & 1)) // 2  # exact: the offsets keep the parity of column and half-row
        ok = (r >= 0) & (r < grid.nrows) & (c >= 0) & (c < grid.ncols)
        target = r[ok] * grid.ncols + c[ok]
        pos = np.minimum(np.searchsorted(sorted_ids, target), max(n - 1, 0))
        found = sorted_ids[pos] == target if n else np.zeros(0, dtype=bool)
        src.append(np.flatnonzero(ok)[found])
        dst.append(sorter[pos[found]])
    if not src:
        return SpatialWeights.from_pairs(np.empty(0), np.empty(0), n)
    return SpatialWeights.from_pairs(np.concatenate(src), np.concatenate(dst), n)
