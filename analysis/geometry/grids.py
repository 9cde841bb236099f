"""Square and hexagon grids: binning points by arithmetic on coordinates, cell geometry.

Grids are anchored to multiples of the cell size, so the same cell size always gives the same
cells whatever the data's extent (maps of different periods or layers line up).

Hexagons are flat-topped, like QGIS's ``native:creategrid``: the cell size is the distance
between the parallel top and bottom sides; columns are ``size * sqrt(3) / 2`` apart and every odd
column is shifted up by half a cell. A point is assigned to the nearest hexagon centre (the
hexagonal lattice is the union of two rectangular lattices, so this is two roundings and a
comparison per point).

Boundary rule: square cells include their left and bottom edges (``floor``); a point exactly
equidistant from two hexagon centres goes to the even column. Every point is counted once.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import InputError

SQRT3 = math.sqrt(3.0)
DEFAULT_MAX_CELLS = 5_000_000


@dataclass(frozen=True)
class GridSpec:
    """A regular grid: ``kind`` 'square' or 'hexagon', cell ``size`` in metres, origin and shape.

    For squares, cell (row, col) spans ``[x0 + col*size, x0 + (col+1)*size)`` and likewise in y;
    for hexagons, column ``col`` has its centres at ``x0 + col*dx`` and rows at
    ``y0 + row*size (+ size/2 in odd columns)``. Cell ids are ``row * ncols + col``.
    """

    kind: str
    size: float
    x0: float
    y0: float
    ncols: int
    nrows: int

    @property
    def n_cells(self) -> int:
        return self.ncols * self.nrows

    @property
    def dx(self) -> float:
        """Distance between column centres."""
        return self.size if self.kind == "square" else self.size * SQRT3 / 2.0

    @property
    def cell_area(self) -> float:
        """Area of one cell in square metres."""
        return self.size**2 if self.kind == "square" else SQRT3 / 2.0 * self.size**2


def make_grid(
    extent: tuple[float, float, float, float],
    size: float,
    kind: str = "square",
    max_cells: int = DEFAULT_MAX_CELLS,
) -> GridSpec:
    """The grid of ``kind`` covering ``extent`` (xmin, ymin, xmax, ymax), anchored to the cell size.

    Raises ValueError when the size is not positive or the grid would exceed ``max_cells``
    (the message gives the number of cells, so the user can pick a larger cell size).
    """
    if kind not in ("square", "hexagon"):
        raise ValueError(f"Unknown grid kind {kind!r}; use 'square' or 'hexagon'.")
    if not (size > 0 and math.isfinite(size)):
        raise InputError("The cell size must be a positive number of metres, not {}.", size)
    xmin, ymin, xmax, ymax = (float(v) for v in extent)
    if not all(math.isfinite(v) for v in (xmin, ymin, xmax, ymax)) or xmax < xmin or ymax < ymin:
        raise ValueError(f"Invalid extent {extent}.")
    if kind == "square":
        x0 = math.floor(xmin / size) * size
        y0 = math.floor(ymin / size) * size
        ncols = max(1, math.floor((xmax - x0) / size) + 1)
        nrows = max(1, math.floor((ymax - y0) / size) + 1)
    else:
        dx = size * SQRT3 / 2.0
        # Anchor on even columns, one column / row of margin so every point has its hexagon.
        x0 = (math.floor(xmin / (2 * dx)) - 1) * 2 * dx
        y0 = (math.floor(ymin / size) - 1) * size
        ncols = math.ceil((xmax - x0) / dx) + 2
        nrows = math.ceil((ymax - y0) / size) + 2
    n = ncols * nrows
    if n > max_cells:
        raise InputError("A {:g} m {} grid over this extent ({:.1f} km x {:.1f} km) would have {:,} cells, more "
                         "than the limit of {:,}. Choose a larger cell size or a smaller extent.",
                         size, kind, (xmax - xmin) / 1000, (ymax - ymin) / 1000, n, max_cells)
    return GridSpec(kind, float(size), float(x0), float(y0), int(ncols), int(nrows))


_CHUNK = 1 << 14  # points per pass: the temporaries stay in the CPU cache (twice as fast as whole arrays)


def bin_points(grid: GridSpec, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Cell id of each point (-1 when outside the grid or not finite)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    out = np.empty(x.size, dtype=np.int64)
    binner = _square_ids if grid.kind == "square" else _hexagon_ids
    for s in range(0, x.size, _CHUNK):
        out[s:s + _CHUNK] = binner(grid, x[s:s + _CHUNK], y[s:s + _CHUNK])
    return out


def _square_ids(grid: GridSpec, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    col = np.floor((x - grid.x0) / grid.size)
    row = np.floor((y - grid.y0) / grid.size)
    return _ids_or_minus_one(grid, row, col)


def _hexagon_ids(grid: GridSpec, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    # Lattice A: even columns, centres at (x0 + i*w, y0 + j*d), w = 2*dx. Lattice B: odd columns, shifted
    # by (w/2, d/2). With fa, ga the offsets from the nearest A centre in lattice units (each in
    # [-1/2, 1/2]), the nearest B centre is offset by (|fa| - 1/2, |ga| - 1/2), so B is nearer exactly when
    # w^2 (fa^2 - (1/2 - |fa|)^2) + d^2 (ga^2 - (1/2 - |ga|)^2) > 0, i.e. w^2 |fa| + d^2 |ga| > (w^2 + d^2) / 4:
    # one linear test instead of two distances. Equidistant points stay in A (the even column).
    d, w = grid.size, 2 * grid.dx
    u = x - grid.x0
    u /= w
    v = y - grid.y0
    v /= d
    ia, ja = np.rint(u), np.rint(v)
    u -= ia  # fa
    v -= ja  # ga
    lhs = np.abs(u)
    lhs *= w * w
    t = np.abs(v)
    t *= d * d
    lhs += t
    use_b = lhs > (w * w + d * d) / 4
    col = 2 * ia + np.where(use_b, np.where(u >= 0, 1.0, -1.0), 0.0)  # B column right or left of A's
    row = ja - (use_b & (v < 0))  # B row below A's (B rows sit half a cell up)
    return _ids_or_minus_one(grid, row, col)


def _ids_or_minus_one(grid: GridSpec, row: np.ndarray, col: np.ndarray) -> np.ndarray:
    """row * ncols + col where (row, col) is on the grid, else -1 (NaN rows/columns fail every test)."""
    ok = (col >= 0) & (col < grid.ncols) & (row >= 0) & (row < grid.nrows)
    return np.where(ok, row * grid.ncols + col, -1)


def cell_centres(grid: GridSpec, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Centre coordinates of the given cell ids."""
    ids = np.asarray(ids, dtype=np.int64)
    row, col = np.divmod(ids, grid.ncols)
    if grid.kind == "square":
        return grid.x0 + (col + 0.5) * grid.size, grid.y0 + (row + 0.5) * grid.size
    cx = grid.x0 + col * grid.dx
    cy = grid.y0 + row * grid.size + np.where(col % 2 == 1, grid.size / 2.0, 0.0)
    return cx, cy


def cell_polygons(grid: GridSpec, ids: np.ndarray) -> np.ndarray:
    """Vertices of the given cells, shape (n, k, 2), counter-clockwise, not closed (k = 4 or 6).

    Corners are computed from integer positions on the grid's vertex lattice (squares: multiples of
    the size; hexagons: multiples of half the circumradius across and half the size up), so a corner
    shared by neighbouring cells has bit-identical coordinates in both and topology tools (GeoDa,
    libpysal, QGIS's topological checks) see the cells as touching.
    """
    ids = np.asarray(ids, dtype=np.int64)
    row, col = np.divmod(ids, grid.ncols)
    if grid.kind == "square":
        mx = col[:, None] + np.array([0, 1, 1, 0])
        ny = row[:, None] + np.array([0, 0, 1, 1])
        return np.stack([grid.x0 + mx * grid.size, grid.y0 + ny * grid.size], axis=-1)
    half_r = grid.size / SQRT3 / 2.0  # half the circumradius
    half_d = grid.size / 2.0
    # Vertices at 0, 60, ..., 300 degrees around the centre (3 col, 2 row + odd) in lattice units.
    mx = 3 * col[:, None] + np.array([2, 1, -1, -2, -1, 1])
    ny = (2 * row + col % 2)[:, None] + np.array([0, 1, 1, 0, -1, -1])
    return np.stack([grid.x0 + mx * half_r, grid.y0 + ny * half_d], axis=-1)


def cells_touching_polygon(grid: GridSpec, polygon: list[np.ndarray]) -> np.ndarray:
    """Ids of the cells that overlap a polygon (a cell corner, its centre, or a polygon vertex inside).

    Used for study-area masks; thin slivers crossing a cell without a vertex inside it are missed,
    which only matters for cells much larger than the slivers.
    """
    from .polygons import points_in_polygon, polygon_bounds

    xmin, ymin, xmax, ymax = polygon_bounds(polygon)
    pad = grid.size
    cand: np.ndarray = np.arange(grid.n_cells, dtype=np.int64)
    cx, cy = cell_centres(grid, cand)
    near = (cx >= xmin - pad) & (cx <= xmax + pad) & (cy >= ymin - pad) & (cy <= ymax + pad)
    cand, cx, cy = cand[near], cx[near], cy[near]
    verts = cell_polygons(grid, cand)
    px = np.concatenate([verts[:, :, 0], cx[:, None]], axis=1)
    py = np.concatenate([verts[:, :, 1], cy[:, None]], axis=1)
    inside = points_in_polygon(px.ravel(), py.ravel(), polygon).reshape(px.shape).any(axis=1)
    allv = np.concatenate([np.asarray(r, dtype=float) for r in polygon])
    vertex_cells = bin_points(grid, allv[:, 0], allv[:, 1])
    return np.union1d(cand[inside], vertex_cells[vertex_cells >= 0])
