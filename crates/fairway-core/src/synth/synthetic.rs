//! Synthetic fairs of any size, for scale tests and benchmarks (`fairway synth`).
//!
//! The venue grows with the fair: pavilions cycle through the demo's seventeen (numbered from
//! the second round on), each pavilion keeps to one hall, halls are added as they fill and are
//! spread over two or more levels joined by stairs, escalators and elevators. Every exhibitor has
//! a small logo so that a build exercises the media path at scale.

use std::io;

use super::company::{self, Company};
use super::venue::{self, HallPlan};
use super::vocab::PAVILIONS;
use super::{FairPlan, PictureRules, Roster, categories, pavilion_row};
use crate::model::{ConnectorKind, Fair, Language};

/// Space between rows of halls on the site plan, metres.
const CONCOURSE_M: f64 = 30.0;
/// At most this many halls share a level.
const HALLS_PER_LEVEL: usize = 12;

/// The whole synthetic fair in memory.
pub(super) fn plan(exhibitors: usize, seed: u64) -> io::Result<FairPlan> {
    let mut plan = FairPlan {
        fair: Some(Fair {
            id: format!("synth-{exhibitors}-{seed}"),
            name_en: format!("Synthetic Fair: {exhibitors} exhibitors (seed {seed})"),
            name_zh: format!("合成测试展会：{exhibitors}家展商（种子{seed}）"),
            venue_en: Some("Synthetic Expo Centre".to_owned()),
            venue_zh: Some("合成博览中心".to_owned()),
            starts_on: Some("2026-05-20".to_owned()),
            ends_on: Some("2026-05-23".to_owned()),
            timezone: Some("Asia/Shanghai".to_owned()),
            default_language: Language::En,
        }),
        categories: categories(),
        ..FairPlan::default()
    };

    // Small fairs get standard halls; large ones big halls, so the hall count stays sensible.
    let (width, depth, per_pavilion) = if exhibitors <= 600 {
        (96.0, 72.0, 80)
    } else {
        (216.0, 144.0, 200)
    };
    let pavilion_count = exhibitors.div_ceil(per_pavilion).max(4);
    let rules = PictureRules {
        logo_px: 64,
        logo_percent: 100,
        products_percent: 50,
        product_picture_percent: 3,
        product_px: (160, 120),
    };
    let mut roster = Roster::new(seed, rules, exhibitors);
    let new_hall =
        |n: usize| HallPlan::new(venue::hall(&format!("H{n}"), 1, width, depth, 0.0, 0.0));
    let mut plans: Vec<HallPlan> = vec![new_hall(1), new_hall(2)];

    for j in 0..pavilion_count {
        let spec = &PAVILIONS[j % PAVILIONS.len()];
        let round = j / PAVILIONS.len() + 1;
        let (slug, name_en, name_zh) = if round == 1 {
            (
                spec.slug.to_owned(),
                spec.name_en.to_owned(),
                spec.name_zh.to_owned(),
            )
        } else {
            (
                format!("{}-{round}", spec.slug),
                format!("{} {round}", spec.name_en),
                format!("{}（{round}）", spec.name_zh),
            )
        };
        let count = exhibitors / pavilion_count + usize::from(j < exhibitors % pavilion_count);
        let mut members = Vec::with_capacity(count);
        for _ in 0..count {
            let c: Company = company::company(&mut roster.rng, spec, &mut roster.registry);
            let index = roster.add(&c, Some(&slug));
            let sizes = roster.booth_sizes();
            members.push((index, sizes));
        }
        // The first two pavilions open the first two halls; later ones take the first hall
        // with room, or a new one.
        let candidates: Vec<usize> = if j < 2 {
            vec![j]
        } else {
            (0..plans.len()).collect()
        };
        let mut hall = candidates
            .into_iter()
            .find(|&h| roster.place(&mut plans, h, &members, Some(&slug)));
        if hall.is_none() {
            plans.push(new_hall(plans.len() + 1));
            let h = plans.len() - 1;
            if roster.place(&mut plans, h, &members, Some(&slug)) {
                hall = Some(h);
            }
        }
        let Some(hall) = hall else {
            return Err(io::Error::other(format!(
                "pavilion {slug} of the synthetic fair does not fit an empty hall"
            )));
        };
        plan.pavilions.push(pavilion_row(
            spec,
            &slug,
            &name_en,
            &name_zh,
            Some(&plans[hall].hall.code),
            128,
            &mut roster.pictures,
        ));
    }

    // Now that the number of halls is known, spread them over the levels and the site plan.
    let levels = plans.len().div_ceil(HALLS_PER_LEVEL).max(2);
    let per_level = plans.len().div_ceil(levels);
    let columns = per_level.min(4);
    let slot = |i: usize| {
        let pos = i % per_level;
        (i / per_level, pos / columns, pos % columns)
    };
    for (i, p) in plans.iter_mut().enumerate() {
        let (level, row, column) = slot(i);
        let code = p.hall.code.clone();
        p.hall = venue::hall(
            &code,
            level as i32 + 1,
            width,
            depth,
            column as f64 * width,
            row as f64 * (depth + CONCOURSE_M),
        );
    }
    roster.finish(&plans, &mut plan);

    let halls = &plan.halls;
    let index_of = |level: usize, row: usize, column: usize| {
        let pos = row * columns + column;
        let i = level * per_level + pos;
        (column < columns && pos < per_level && i < halls.len()).then_some(i)
    };
    let (w, d) = (width, depth);
    let mut connectors = Vec::new();
    for (i, hall) in halls.iter().enumerate() {
        let (level, row, column) = slot(i);
        if let Some(east) = index_of(level, row, column + 1) {
            connectors.push(venue::connector(
                hall,
                (w, d / 2.0),
                &halls[east],
                (0.0, d / 2.0),
                ConnectorKind::Door,
            ));
        }
        if let Some(south) = index_of(level, row + 1, column) {
            let kind = if column % 2 == 0 {
                ConnectorKind::Corridor
            } else {
                ConnectorKind::Ramp
            };
            connectors.push(venue::connector(
                hall,
                (w / 2.0, d),
                &halls[south],
                (w / 2.0, 0.0),
                kind,
            ));
        }
        if let Some(up) = index_of(level + 1, row, column) {
            let mut vertical = vec![
                (ConnectorKind::Stairs, (d * 0.2).round()),
                (ConnectorKind::Elevator, (d * 0.8).round()),
            ];
            if i % 2 == 0 {
                vertical.push((ConnectorKind::Escalator, (d * 0.35).round()));
            }
            for (kind, y) in vertical {
                connectors.push(venue::connector(hall, (0.0, y), &halls[up], (0.0, y), kind));
            }
        }
    }
    plan.connectors = connectors;
    plan.kiosks = halls
        .iter()
        .map(|h| {
            venue::kiosk(
                &format!("K-{}-ENTRANCE", h.code),
                h,
                w / 2.0 + 6.0,
                d - 2.0,
                &format!("Hall {}, entrance", h.code),
                &format!("{}馆 入口", h.code),
            )
        })
        .collect();
    Ok(plan)
}
