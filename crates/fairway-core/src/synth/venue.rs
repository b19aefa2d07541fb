//! The venue: halls, booths laid out in blocks, connectors between halls and kiosks.
//!
//! A hall is filled with blocks of booths in rows. Each block is two strips of 3 m deep booths
//! back to back (a 6 m deep booth fills both), so every booth has one long edge on an aisle.
//! Blocks are separated by 4 m aisles and a clear aisle of at least 5 m runs around the hall's
//! walls, where doors, stairs and kiosks stand. A router can therefore reach every booth from
//! every point of the aisle network without crossing a booth.

use crate::model::{Booth, Connector, ConnectorKind, Hall, Kiosk};

/// The side of a booth grid cell, metres.
pub(crate) const CELL_M: f64 = 3.0;
/// The clear aisle along every wall, metres (at least).
pub(crate) const EDGE_AISLE_M: f64 = 5.0;
/// Aisles between blocks and between rows of blocks, metres.
pub(crate) const AISLE_M: f64 = 4.0;
/// Cells along a block.
const BLOCK_CELLS: u32 = 8;

/// A booth size in cells: width along the block and depth (1 or 2 strips).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BoothSize {
    pub cells: u32,
    pub strips: u32,
}

impl BoothSize {
    /// 3×3 m, the standard shell-scheme booth.
    pub(crate) const SINGLE: BoothSize = BoothSize {
        cells: 1,
        strips: 1,
    };
    /// 6×3 m.
    pub(crate) const DOUBLE: BoothSize = BoothSize {
        cells: 2,
        strips: 1,
    };
    /// 9×6 m raw space, open to the aisles on both long sides.
    pub(crate) const ISLAND: BoothSize = BoothSize {
        cells: 3,
        strips: 2,
    };
}

#[derive(Debug, Clone)]
struct Block {
    x_m: f64,
    y_m: f64,
    row: usize,
}

/// A booth placed in a hall, before it gets its code.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub row: usize,
    pub x_m: f64,
    pub y_m: f64,
    pub width_m: f64,
    pub depth_m: f64,
}

/// The blocks of one hall and how far they are filled.
#[derive(Debug, Clone)]
pub(crate) struct HallPlan {
    pub hall: Hall,
    blocks: Vec<Block>,
    next_block: usize,
    pub placed: Vec<(Placed, Option<String>)>,
}

impl HallPlan {
    /// Lays out as many blocks as fit, centred, with at least the edge aisle all round.
    pub(crate) fn new(hall: Hall) -> Self {
        let block_w = f64::from(BLOCK_CELLS) * CELL_M;
        let block_d = 2.0 * CELL_M;
        let inner_w = hall.width_m - 2.0 * EDGE_AISLE_M;
        let inner_d = hall.depth_m - 2.0 * EDGE_AISLE_M;
        let across = ((inner_w + AISLE_M) / (block_w + AISLE_M)).floor().max(0.0) as usize;
        let rows = ((inner_d + AISLE_M) / (block_d + AISLE_M)).floor().max(0.0) as usize;
        let used_w = across as f64 * (block_w + AISLE_M) - AISLE_M;
        let used_d = rows as f64 * (block_d + AISLE_M) - AISLE_M;
        // Whole metres keep the coordinates short and exact in the CSV.
        let x0 = EDGE_AISLE_M + ((inner_w - used_w) / 2.0).floor();
        let y0 = EDGE_AISLE_M + ((inner_d - used_d) / 2.0).floor();
        let mut blocks = Vec::with_capacity(across * rows);
        for row in 0..rows {
            for col in 0..across {
                blocks.push(Block {
                    x_m: x0 + col as f64 * (block_w + AISLE_M),
                    y_m: y0 + row as f64 * (block_d + AISLE_M),
                    row,
                });
            }
        }
        HallPlan {
            hall,
            blocks,
            next_block: 0,
            placed: Vec::new(),
        }
    }

    /// Places a pavilion's (or any group's) booths together, starting in a fresh block. Returns
    /// the indices into `placed`, or `None` (and changes nothing) when the hall is too full.
    pub(crate) fn place_group(
        &mut self,
        sizes: &[BoothSize],
        pavilion: Option<&str>,
    ) -> Option<Vec<usize>> {
        let mut block = self.next_block;
        let (mut top, mut bottom) = (0u32, 0u32);
        let mut out = Vec::with_capacity(sizes.len());
        for size in sizes {
            loop {
                let b = self.blocks.get(block)?;
                let spot = if size.strips == 2 {
                    let at = top.max(bottom);
                    (at + size.cells <= BLOCK_CELLS).then_some((at, 0))
                } else {
                    let (first, second) = if top <= bottom {
                        ((top, 0), (bottom, 1))
                    } else {
                        ((bottom, 1), (top, 0))
                    };
                    [first, second]
                        .into_iter()
                        .find(|(at, _)| at + size.cells <= BLOCK_CELLS)
                };
                if let Some((at, strip)) = spot {
                    out.push(Placed {
                        row: b.row,
                        x_m: b.x_m + f64::from(at) * CELL_M,
                        y_m: b.y_m + f64::from(strip) * CELL_M,
                        width_m: f64::from(size.cells) * CELL_M,
                        depth_m: f64::from(size.strips) * CELL_M,
                    });
                    let end = at + size.cells;
                    if size.strips == 2 {
                        top = end;
                        bottom = end;
                    } else if strip == 0 {
                        top = end;
                    } else {
                        bottom = end;
                    }
                    break;
                }
                block += 1;
                top = 0;
                bottom = 0;
            }
        }
        self.next_block = if top == 0 && bottom == 0 {
            block
        } else {
            block + 1
        };
        let first = self.placed.len();
        self.placed
            .extend(out.into_iter().map(|p| (p, pavilion.map(str::to_owned))));
        Some((first..self.placed.len()).collect())
    }

    /// Gives every placed booth its code, `<hall>-<row letter><number>`, numbered along each row
    /// from the left (top strip before bottom strip at the same x), and returns them in order.
    pub(crate) fn codes(&self) -> Vec<String> {
        let mut order: Vec<usize> = (0..self.placed.len()).collect();
        order.sort_by(|&a, &b| {
            let (pa, pb) = (&self.placed[a].0, &self.placed[b].0);
            (pa.row, pa.x_m, pa.y_m)
                .partial_cmp(&(pb.row, pb.x_m, pb.y_m))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        let mut codes = vec![String::new(); self.placed.len()];
        let mut row = usize::MAX;
        let mut n = 0;
        for i in order {
            let p = &self.placed[i].0;
            if p.row != row {
                row = p.row;
                n = 0;
            }
            n += 1;
            codes[i] = format!("{}-{}{n:02}", self.hall.code, row_letter(row));
        }
        codes
    }

    /// The booths in code order, ready for `booths.csv`.
    pub(crate) fn booths(&self) -> Vec<Booth> {
        let codes = self.codes();
        let mut booths: Vec<(usize, Booth)> = self
            .placed
            .iter()
            .zip(&codes)
            .map(|((p, pavilion), code)| {
                (
                    p.row,
                    Booth {
                        code: code.clone(),
                        hall: self.hall.code.clone(),
                        x_m: p.x_m,
                        y_m: p.y_m,
                        width_m: p.width_m,
                        depth_m: p.depth_m,
                        pavilion: pavilion.clone(),
                    },
                )
            })
            .collect();
        // Row first, then the number: `A02` before `A10`, which a plain string sort would break.
        booths.sort_by(|(ra, a), (rb, b)| {
            (ra, a.code.len(), &a.code).cmp(&(rb, b.code.len(), &b.code))
        });
        booths.into_iter().map(|(_, b)| b).collect()
    }
}

/// A, B, ..., Z, AA, AB, ...
fn row_letter(row: usize) -> String {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    if row < 26 {
        letter(row).to_string()
    } else {
        format!("{}{}", letter(row / 26 - 1), letter(row))
    }
}

/// A hall record with the usual naming.
pub(crate) fn hall(code: &str, level: i32, width_m: f64, depth_m: f64, x_m: f64, y_m: f64) -> Hall {
    let (name_en, name_zh) = if level == 1 {
        (format!("Hall {code}"), format!("{code}馆"))
    } else {
        (
            format!("Hall {code} (Level {level})"),
            format!("{code}馆（{level}层）"),
        )
    };
    Hall {
        code: code.to_owned(),
        name_en,
        name_zh,
        level,
        width_m,
        depth_m,
        x_m,
        y_m,
    }
}

/// A connector between two points on hall walls.
pub(crate) fn connector(
    from: &Hall,
    from_xy: (f64, f64),
    to: &Hall,
    to_xy: (f64, f64),
    kind: ConnectorKind,
) -> Connector {
    let step_free = !matches!(kind, ConnectorKind::Stairs | ConnectorKind::Escalator);
    Connector {
        from_hall: from.code.clone(),
        from_x_m: from_xy.0,
        from_y_m: from_xy.1,
        to_hall: to.code.clone(),
        to_x_m: to_xy.0,
        to_y_m: to_xy.1,
        kind,
        step_free,
    }
}

/// A kiosk with bilingual labels.
pub(crate) fn kiosk(id: &str, hall: &Hall, x_m: f64, y_m: f64, en: &str, zh: &str) -> Kiosk {
    Kiosk {
        id: id.to_owned(),
        hall: hall.code.clone(),
        x_m,
        y_m,
        label_en: Some(en.to_owned()),
        label_zh: Some(zh.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_letters_run_past_z() {
        assert_eq!(row_letter(0), "A");
        assert_eq!(row_letter(25), "Z");
        assert_eq!(row_letter(26), "AA");
        assert_eq!(row_letter(27), "AB");
    }

    #[test]
    fn a_group_that_does_not_fit_leaves_the_hall_unchanged() {
        let mut plan = HallPlan::new(hall("T1", 1, 40.0, 20.0, 0.0, 0.0));
        let too_many = vec![BoothSize::ISLAND; 100];
        assert!(plan.place_group(&too_many, None).is_none());
        assert!(
            plan.placed.is_empty(),
            "a failed placement must not leave booths behind"
        );
        assert!(plan.place_group(&[BoothSize::SINGLE], None).is_some());
    }
}
