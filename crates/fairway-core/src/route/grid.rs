//! One hall's walkable space: a grid of 0.5 m cells with booths rasterised as blocked, Dijkstra
//! floods over it, exact line-of-sight against the booth rectangles, and path smoothing.
//!
//! A cell is blocked when it overlaps a booth's interior by any area, so the centre of every
//! free cell is at least a quarter of a metre from every booth. Moves go to the eight
//! neighbours; a diagonal move needs both orthogonal neighbours free, so a path never squeezes
//! between two booths that touch at a corner. Costs are whole numbers (1000 per orthogonal step,
//! 1414 per diagonal), which keeps the priority queue cheap and the floods deterministic.
//!
//! Line of sight is decided against the booth rectangles themselves, not the cells: a segment is
//! clear when it meets no booth's open interior (running along an edge or touching a corner is
//! fine). Smoothing only ever replaces a stretch of the grid path by a clear segment, so a
//! smoothed polyline never crosses a booth either.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The side of a cell, metres.
pub const CELL_M: f64 = 0.5;
/// Cost of one orthogonal step in grid units; a metre is `2 * STRAIGHT`.
const STRAIGHT: u32 = 1000;
const DIAGONAL: u32 = 1414;
/// Side of a bucket of the booth index, metres.
const BUCKET_M: f64 = 4.0;
/// Booth interiors are shrunk by this much before line-of-sight tests, so that rounding in
/// `f64` never turns a segment along an edge into one that enters the booth.
const TOUCH_EPS: f64 = 1e-7;

/// A booth's rectangle in hall metres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The closest point of the rectangle (edges included) to `p`, and its distance.
    pub fn nearest(&self, p: Point) -> (Point, f64) {
        let q = (p.0.clamp(self.x0, self.x1), p.1.clamp(self.y0, self.y1));
        (q, dist(p, q))
    }

    /// Whether the segment `a`–`b` meets the open interior of the rectangle.
    pub fn crossed_by(&self, a: Point, b: Point) -> bool {
        let (x0, x1) = (self.x0 + TOUCH_EPS, self.x1 - TOUCH_EPS);
        let (y0, y1) = (self.y0 + TOUCH_EPS, self.y1 - TOUCH_EPS);
        if x0 >= x1 || y0 >= y1 {
            return false;
        }
        // Liang–Barsky on open slabs: the parameters where the segment is strictly inside.
        let mut t0 = 0.0_f64;
        let mut t1 = 1.0_f64;
        for (p, d, lo, hi) in [(a.0, b.0 - a.0, x0, x1), (a.1, b.1 - a.1, y0, y1)] {
            if d == 0.0 {
                if p <= lo || p >= hi {
                    return false;
                }
            } else {
                let (mut u, mut v) = ((lo - p) / d, (hi - p) / d);
                if u > v {
                    std::mem::swap(&mut u, &mut v);
                }
                t0 = t0.max(u);
                t1 = t1.min(v);
                if t0 >= t1 {
                    return false;
                }
            }
        }
        t0 < t1
    }
}

/// A point in hall metres.
pub type Point = (f64, f64);

pub fn dist(a: Point, b: Point) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// The length of a polyline, metres.
pub fn length(points: &[Point]) -> f64 {
    points.windows(2).map(|w| dist(w[0], w[1])).sum()
}

/// A hall's grid and its booth index.
#[derive(Debug, Clone)]
pub struct Grid {
    width_m: f64,
    depth_m: f64,
    nx: usize,
    ny: usize,
    /// One bit per cell, row-major; set = blocked.
    blocked: Vec<u64>,
    rects: Vec<Rect>,
    bx: usize,
    by: usize,
    /// Booth indices per bucket of `BUCKET_M`, row-major.
    buckets: Vec<Vec<u32>>,
}

/// The result of a flood: grid distance and the previous cell of every reached cell.
#[derive(Debug)]
pub struct Flood {
    dist: Vec<u32>,
    parent: Vec<u32>,
    /// For [`Grid::towards`]: the target it reached first, the nearest one.
    pub reached: Option<usize>,
}

const UNREACHED: u32 = u32::MAX;

impl Flood {
    /// Metres from the nearest source to `cell` along the grid, `None` when not reached.
    pub fn metres(&self, cell: usize) -> Option<f64> {
        let d = self.dist[cell];
        (d != UNREACHED).then(|| f64::from(d) / f64::from(STRAIGHT) * CELL_M)
    }

    /// The cells from a source to `cell`, source first.
    pub fn path_to(&self, cell: usize) -> Vec<usize> {
        let mut out = vec![cell];
        let mut c = cell;
        while self.parent[c] != UNREACHED {
            c = self.parent[c] as usize;
            out.push(c);
        }
        out.reverse();
        out
    }
}

/// A cell next to a booth, with the point on the booth's edge it leads to.
#[derive(Debug, Clone, Copy)]
pub struct EdgeCell {
    pub cell: usize,
    pub edge: Point,
    /// From the cell's centre to `edge`, metres.
    pub hop_m: f64,
}

impl Grid {
    /// Rasterises the booths of a `width_m` × `depth_m` hall.
    pub fn new(width_m: f64, depth_m: f64, rects: Vec<Rect>) -> Grid {
        let nx = ((width_m / CELL_M).ceil() as usize).max(1);
        let ny = ((depth_m / CELL_M).ceil() as usize).max(1);
        let bx = ((width_m / BUCKET_M).ceil() as usize).max(1);
        let by = ((depth_m / BUCKET_M).ceil() as usize).max(1);
        let mut grid = Grid {
            width_m,
            depth_m,
            nx,
            ny,
            blocked: vec![0; (nx * ny).div_ceil(64)],
            rects: Vec::new(),
            bx,
            by,
            buckets: vec![Vec::new(); bx * by],
        };
        // Cells whose centre lies outside the hall (a width that is not a multiple of the cell)
        // are not floor.
        for j in 0..ny {
            for i in 0..nx {
                let (x, y) = grid.centre(j * nx + i);
                if x > width_m || y > depth_m {
                    grid.block(j * nx + i);
                }
            }
        }
        for (k, r) in rects.iter().enumerate() {
            // Cells overlapping the open interior: i*CELL < x1 and (i+1)*CELL > x0.
            let i0 = ((r.x0 / CELL_M).floor().max(0.0)) as usize;
            let i1 = ((r.x1 / CELL_M).ceil().max(0.0) as usize).min(nx);
            let j0 = ((r.y0 / CELL_M).floor().max(0.0)) as usize;
            let j1 = ((r.y1 / CELL_M).ceil().max(0.0) as usize).min(ny);
            if r.x1 <= r.x0 || r.y1 <= r.y0 {
                continue;
            }
            for j in j0..j1 {
                for i in i0..i1 {
                    grid.block(j * nx + i);
                }
            }
            let (a0, a1) = grid.bucket_span(r.x0, r.x1, bx);
            let (b0, b1) = grid.bucket_span(r.y0, r.y1, by);
            for b in b0..=b1 {
                for a in a0..=a1 {
                    grid.buckets[b * bx + a].push(k as u32);
                }
            }
        }
        grid.rects = rects;
        grid
    }

    fn bucket_span(&self, lo: f64, hi: f64, n: usize) -> (usize, usize) {
        let f = |v: f64| ((v / BUCKET_M).floor().max(0.0) as usize).min(n - 1);
        (f(lo), f(hi))
    }

    fn block(&mut self, cell: usize) {
        self.blocked[cell / 64] |= 1 << (cell % 64);
    }

    pub fn is_free(&self, cell: usize) -> bool {
        self.blocked[cell / 64] & (1 << (cell % 64)) == 0
    }

    pub fn cells(&self) -> usize {
        self.nx * self.ny
    }

    /// Bytes held by the grid and its booth index.
    pub fn memory_bytes(&self) -> usize {
        std::mem::size_of::<Grid>()
            + self.blocked.len() * 8
            + self.rects.len() * std::mem::size_of::<Rect>()
            + self
                .buckets
                .iter()
                .map(|b| std::mem::size_of::<Vec<u32>>() + b.capacity() * 4)
                .sum::<usize>()
    }

    pub fn centre(&self, cell: usize) -> Point {
        let (i, j) = (cell % self.nx, cell / self.nx);
        ((i as f64 + 0.5) * CELL_M, (j as f64 + 0.5) * CELL_M)
    }

    /// Whether `p` lies on the hall's floor (edges included).
    pub fn contains(&self, p: Point) -> bool {
        (0.0..=self.width_m).contains(&p.0) && (0.0..=self.depth_m).contains(&p.1)
    }

    /// Whether the segment `a`–`b` stays clear of every booth's interior.
    pub fn line_of_sight(&self, a: Point, b: Point) -> bool {
        let (lo_x, hi_x) = (a.0.min(b.0), a.0.max(b.0));
        let (c0, c1) = self.bucket_span(lo_x, hi_x, self.bx);
        for col in c0..=c1 {
            // The part of the segment inside this column of buckets.
            let xa = (col as f64 * BUCKET_M).max(lo_x);
            let xb = ((col + 1) as f64 * BUCKET_M).min(hi_x);
            let (ya, yb) = if b.0 == a.0 {
                (a.1, b.1)
            } else {
                let at = |x: f64| a.1 + (b.1 - a.1) * (x - a.0) / (b.0 - a.0);
                (at(xa), at(xb))
            };
            let (r0, r1) = self.bucket_span(ya.min(yb), ya.max(yb), self.by);
            for row in r0..=r1 {
                for &k in &self.buckets[row * self.bx + col] {
                    if self.rects[k as usize].crossed_by(a, b) {
                        return false;
                    }
                }
            }
        }
        true
    }

    /// The free cell nearest to `p` (within `radius_m`) that `p` can see, with the hop length.
    pub fn anchor(&self, p: Point, radius_m: f64) -> Option<(usize, f64)> {
        let span = (radius_m / CELL_M).ceil() as i64;
        let ci = (p.0 / CELL_M).floor() as i64;
        let cj = (p.1 / CELL_M).floor() as i64;
        let mut best: Option<(usize, f64)> = None;
        for j in (cj - span).max(0)..=(cj + span).min(self.ny as i64 - 1) {
            for i in (ci - span).max(0)..=(ci + span).min(self.nx as i64 - 1) {
                let cell = j as usize * self.nx + i as usize;
                if !self.is_free(cell) {
                    continue;
                }
                let d = dist(p, self.centre(cell));
                if d <= radius_m
                    && best.is_none_or(|(_, b)| d < b)
                    && self.line_of_sight(p, self.centre(cell))
                {
                    best = Some((cell, d));
                }
            }
        }
        best
    }

    /// The free cells next to a booth, each with the nearest point of the booth's edge, for the
    /// sides of the booth that face an aisle. Empty when every side touches another booth or a
    /// wall.
    pub fn edge_cells(&self, r: &Rect) -> Vec<EdgeCell> {
        let reach = 1.5 * CELL_M;
        let i0 = (((r.x0 - reach) / CELL_M).floor().max(0.0)) as usize;
        let i1 = (((r.x1 + reach) / CELL_M).ceil().max(0.0) as usize).min(self.nx);
        let j0 = (((r.y0 - reach) / CELL_M).floor().max(0.0)) as usize;
        let j1 = (((r.y1 + reach) / CELL_M).ceil().max(0.0) as usize).min(self.ny);
        let mut out = Vec::new();
        for j in j0..j1 {
            for i in i0..i1 {
                let cell = j * self.nx + i;
                if !self.is_free(cell) {
                    continue;
                }
                let c = self.centre(cell);
                let (edge, hop_m) = r.nearest(c);
                if hop_m <= reach && self.line_of_sight(c, edge) {
                    out.push(EdgeCell { cell, edge, hop_m });
                }
            }
        }
        out
    }

    /// Dijkstra from `sources` (cell, starting cost in metres) until every cell of `targets`
    /// is settled or nothing more can be reached.
    pub fn flood(&self, sources: &[(usize, f64)], targets: &[usize]) -> Flood {
        self.search(sources, targets, None)
    }

    /// A* from `sources` to the nearest of `targets`, all of which lie within 1.5 cells of
    /// `toward`: the distance to that rectangle, less the 1.5 cells, never overestimates.
    pub fn towards(&self, sources: &[(usize, f64)], targets: &[usize], toward: &Rect) -> Flood {
        self.search(sources, targets, Some(toward))
    }

    fn search(&self, sources: &[(usize, f64)], targets: &[usize], toward: Option<&Rect>) -> Flood {
        // Per metre in grid units, scaled down a little so rounding never makes it overestimate.
        let per_m = f64::from(STRAIGHT) / CELL_M * 0.999;
        let h = |cell: usize| -> u32 {
            match toward {
                None => 0,
                Some(r) => {
                    let (_, d) = r.nearest(self.centre(cell));
                    ((d - 1.5 * CELL_M).max(0.0) * per_m) as u32
                }
            }
        };
        // With a heuristic only the first target settled matters: it is the nearest.
        let first_only = toward.is_some();
        let n = self.cells();
        let mut dist = vec![UNREACHED; n];
        let mut parent = vec![UNREACHED; n];
        let mut heap = BinaryHeap::new();
        for &(cell, start_m) in sources {
            let d = (start_m / CELL_M * f64::from(STRAIGHT)).round() as u32;
            if self.is_free(cell) && d < dist[cell] {
                dist[cell] = d;
                heap.push(Reverse((d + h(cell), cell as u32)));
            }
        }
        let mut wanted = vec![false; if targets.is_empty() { 0 } else { n }];
        let mut left = 0usize;
        for &t in targets {
            if !wanted[t] {
                wanted[t] = true;
                left += 1;
            }
        }
        let (nx, ny) = (self.nx as i64, self.ny as i64);
        let mut reached = None;
        while let Some(Reverse((key, cell))) = heap.pop() {
            let cell = cell as usize;
            let d = dist[cell];
            if key > d + h(cell) {
                continue;
            }
            if !wanted.is_empty() && wanted[cell] {
                wanted[cell] = false;
                left -= 1;
                if first_only {
                    reached = Some(cell);
                    break;
                }
                if left == 0 {
                    break;
                }
            }
            let (i, j) = ((cell % self.nx) as i64, (cell / self.nx) as i64);
            let free = |i: i64, j: i64| {
                i >= 0 && j >= 0 && i < nx && j < ny && self.is_free((j * nx + i) as usize)
            };
            for (di, dj) in [
                (1, 0),
                (-1, 0),
                (0, 1),
                (0, -1),
                (1, 1),
                (1, -1),
                (-1, 1),
                (-1, -1),
            ] {
                let (ni, nj) = (i + di, j + dj);
                if !free(ni, nj) {
                    continue;
                }
                let step = if di != 0 && dj != 0 {
                    // No cutting corners: both orthogonal neighbours must be floor too.
                    if !free(i + di, j) || !free(i, j + dj) {
                        continue;
                    }
                    DIAGONAL
                } else {
                    STRAIGHT
                };
                let next = (nj * nx + ni) as usize;
                let nd = d + step;
                if nd < dist[next] {
                    dist[next] = nd;
                    parent[next] = cell as u32;
                    heap.push(Reverse((nd + h(next), next as u32)));
                }
            }
        }
        Flood {
            dist,
            parent,
            reached,
        }
    }

    /// Replaces the staircase of a grid path by the fewest clear straight segments a greedy
    /// walk finds: from each corner, go to the farthest later point still in sight.
    pub fn smooth(&self, points: &[Point]) -> Vec<Point> {
        let mut points: Vec<Point> = points.to_vec();
        points.dedup();
        if points.len() <= 2 {
            return points;
        }
        let mut out = vec![points[0]];
        let mut i = 0;
        while i < points.len() - 1 {
            let mut j = i + 1;
            while j + 1 < points.len() && self.line_of_sight(points[i], points[j + 1]) {
                j += 1;
            }
            out.push(points[j]);
            i = j;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { x0, y0, x1, y1 }
    }

    #[test]
    fn segments_along_an_edge_do_not_cross_the_booth() {
        let r = rect(2.0, 2.0, 4.0, 4.0);
        assert!(!r.crossed_by((0.0, 2.0), (6.0, 2.0)), "along the top edge");
        assert!(!r.crossed_by((0.0, 0.0), (2.0, 2.0)), "to a corner");
        assert!(
            !r.crossed_by((0.0, 4.0), (4.0, 0.0)),
            "past the corner at (2, 2)"
        );
    }

    #[test]
    fn segments_through_the_middle_cross_the_booth() {
        let r = rect(2.0, 2.0, 4.0, 4.0);
        assert!(r.crossed_by((0.0, 3.0), (6.0, 3.0)));
        assert!(r.crossed_by((3.0, 3.0), (3.0, 3.0)), "a point inside");
        assert!(r.crossed_by((0.0, 0.0), (6.0, 6.0)), "the diagonal");
    }

    #[test]
    fn a_flood_goes_round_a_booth_and_smoothing_keeps_clear_of_it() {
        let grid = Grid::new(10.0, 10.0, vec![rect(2.0, 2.0, 8.0, 8.0)]);
        let from = grid
            .anchor((1.0, 5.0), 1.0)
            .expect("left of the booth is floor")
            .0;
        let to = grid
            .anchor((9.0, 5.0), 1.0)
            .expect("right of the booth is floor")
            .0;
        let flood = grid.flood(&[(from, 0.0)], &[to]);
        let metres = flood.metres(to).expect("reachable round the booth");
        assert!(
            metres > 8.0,
            "the grid path goes round, not through ({metres} m)"
        );
        let points: Vec<Point> = flood
            .path_to(to)
            .into_iter()
            .map(|c| grid.centre(c))
            .collect();
        let smooth = grid.smooth(&points);
        assert!(smooth.len() < points.len(), "smoothing removes corners");
        for w in smooth.windows(2) {
            assert!(
                grid.line_of_sight(w[0], w[1]),
                "segment {w:?} crosses the booth"
            );
        }
    }
}
