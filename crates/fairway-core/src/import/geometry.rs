//! Floor-plan checks: booths inside their hall and no two booths of a hall overlapping.
//!
//! Coordinates are compared in whole micrometres, so that `0.1 + 0.2` and `0.3` are the same
//! edge and booths that merely touch never count as overlapping.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

use crate::model::Booth;

/// Metres to whole micrometres. Inputs are bounded by `validate::MAX_COORDINATE_M`, so the
/// result fits easily.
pub(super) fn micrometres(metres: f64) -> i64 {
    (metres * 1e6).round() as i64
}

/// Whether the point lies inside the rectangle `0..=width × 0..=depth` (edges included).
pub(super) fn point_in_hall(x: f64, y: f64, width: f64, depth: f64) -> bool {
    let (x, y) = (micrometres(x), micrometres(y));
    (0..=micrometres(width)).contains(&x) && (0..=micrometres(depth)).contains(&y)
}

/// Whether the booth's rectangle lies within `0..=width × 0..=depth`.
pub(super) fn booth_in_hall(booth: &Booth, width: f64, depth: f64) -> bool {
    let r = Rect::of(booth);
    r.x0 >= 0 && r.y0 >= 0 && r.x1 <= micrometres(width) && r.y1 <= micrometres(depth)
}

#[derive(Debug, Clone, Copy)]
struct Rect {
    x0: i64,
    x1: i64,
    y0: i64,
    y1: i64,
}

impl Rect {
    fn of(b: &Booth) -> Self {
        let (x0, y0) = (micrometres(b.x_m), micrometres(b.y_m));
        Rect {
            x0,
            y0,
            x1: micrometres(b.x_m + b.width_m),
            y1: micrometres(b.y_m + b.depth_m),
        }
    }
}

/// Finds a pair of booths of the same hall whose rectangles overlap (touching is fine), as
/// indices into `booths`.
///
/// A sweep from left to right: booths are taken in order of their left edge, and the booths the
/// sweep line currently crosses are kept by top edge. Those cannot overlap one another (or the
/// sweep would have stopped), so their vertical extents are disjoint and a new booth only has to
/// be compared with the one just above its bottom edge. That is O(n log n) for any floor plan.
pub(super) fn find_overlap(booths: &[Booth]) -> Option<(usize, usize)> {
    let mut by_hall: HashMap<&str, Vec<(Rect, usize)>> = HashMap::new();
    for (i, booth) in booths.iter().enumerate() {
        let r = Rect::of(booth);
        // A booth thinner than a micrometre covers nothing once rounded; it cannot overlap.
        if r.x1 > r.x0 && r.y1 > r.y0 {
            by_hall.entry(booth.hall.as_str()).or_default().push((r, i));
        }
    }
    let mut found: Option<(usize, usize)> = None;
    for mut rects in by_hall.into_values() {
        rects.sort_by_key(|(r, i)| (r.x0, *i));
        if let Some(pair) = sweep(&rects) {
            // Report the same pair whatever order the halls come in: the earliest in the file.
            let key = |(a, b): (usize, usize)| a.max(b);
            if found.is_none_or(|f| key(pair) < key(f)) {
                found = Some(pair);
            }
        }
    }
    found
}

fn sweep(rects: &[(Rect, usize)]) -> Option<(usize, usize)> {
    // Booths the sweep line crosses, by top edge: (bottom edge, index).
    let mut active: BTreeMap<i64, (i64, usize)> = BTreeMap::new();
    // When each active booth ends: (right edge, top edge).
    let mut ends: BinaryHeap<Reverse<(i64, i64)>> = BinaryHeap::new();
    for &(r, i) in rects {
        while let Some(&Reverse((x1, y0))) = ends.peek() {
            if x1 > r.x0 {
                break;
            }
            active.remove(&y0);
            ends.pop();
        }
        if let Some((_, &(above_y1, j))) = active.range(..r.y1).next_back()
            && above_y1 > r.y0
        {
            return Some((j, i));
        }
        active.insert(r.y0, (r.y1, i));
        ends.push(Reverse((r.x1, r.y0)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn booth(hall: &str, x: f64, y: f64, w: f64, d: f64) -> Booth {
        Booth {
            code: format!("{hall}-{x}-{y}"),
            hall: hall.into(),
            x_m: x,
            y_m: y,
            width_m: w,
            depth_m: d,
            pavilion: None,
        }
    }

    /// The obvious quadratic check, to compare the sweep against.
    fn overlaps_naively(booths: &[Booth]) -> bool {
        booths.iter().enumerate().any(|(i, a)| {
            booths[i + 1..].iter().any(|b| {
                let (ra, rb) = (Rect::of(a), Rect::of(b));
                a.hall == b.hall && ra.x0 < rb.x1 && rb.x0 < ra.x1 && ra.y0 < rb.y1 && rb.y0 < ra.y1
            })
        })
    }

    #[test]
    fn touching_booths_do_not_overlap() {
        let grid: Vec<Booth> = (0..10)
            .flat_map(|i| {
                (0..10).map(move |j| booth("N1", f64::from(i) * 0.1, f64::from(j) * 3.0, 0.1, 3.0))
            })
            .collect();
        assert_eq!(
            find_overlap(&grid),
            None,
            "a grid of touching booths (with 0.1-metre steps) has no overlap"
        );
    }

    #[test]
    fn overlapping_booths_are_found_only_within_one_hall() {
        let booths = vec![
            booth("N1", 0.0, 0.0, 3.0, 3.0),
            booth("N2", 1.0, 1.0, 3.0, 3.0),
        ];
        assert_eq!(
            find_overlap(&booths),
            None,
            "booths of different halls never overlap"
        );
        let booths = vec![
            booth("N1", 0.0, 0.0, 3.0, 3.0),
            booth("N1", 2.9, 2.9, 3.0, 3.0),
        ];
        assert_eq!(find_overlap(&booths), Some((0, 1)));
    }

    #[test]
    fn a_booth_inside_another_is_an_overlap() {
        let booths = vec![
            booth("N1", 0.0, 0.0, 10.0, 10.0),
            booth("N1", 4.0, 4.0, 1.0, 1.0),
        ];
        assert_eq!(find_overlap(&booths), Some((0, 1)));
    }

    #[test]
    fn sweep_agrees_with_the_naive_check_on_many_layouts() {
        // A small deterministic generator, so the test needs no extra crates.
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as f64
        };
        for _ in 0..500 {
            let count = 2 + next(12) as usize;
            let booths: Vec<Booth> = (0..count)
                .map(|_| booth("N1", next(20), next(20), 1.0 + next(5), 1.0 + next(5)))
                .collect();
            assert_eq!(
                find_overlap(&booths).is_some(),
                overlaps_naively(&booths),
                "sweep and naive check disagree on {booths:?}"
            );
        }
    }

    #[test]
    fn edges_of_the_hall_count_as_inside() {
        assert!(booth_in_hall(&booth("N1", 0.0, 0.0, 10.0, 5.0), 10.0, 5.0));
        assert!(!booth_in_hall(&booth("N1", 0.5, 0.0, 10.0, 5.0), 10.0, 5.0));
        assert!(point_in_hall(10.0, 0.0, 10.0, 5.0));
        assert!(!point_in_hall(-0.1, 0.0, 10.0, 5.0));
    }
}
