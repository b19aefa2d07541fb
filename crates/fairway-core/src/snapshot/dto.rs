//! What the snapshot reader hands to a kiosk screen or the CLI: plain serialisable values whose
//! JSON shapes are part of the contract (`fairway info --json`, `fairway show --json`).
//!
//! The types a kiosk screen receives also derive [`TS`]: the kiosk exports them as TypeScript
//! into `ui/src/bindings/`, so the interface and this file cannot drift apart.

use serde::Serialize;
use ts_rs::TS;

/// `fairway info --json`: which fair, which snapshot, and how much is in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Info {
    pub fair: FairName,
    pub sequence: u64,
    pub counts: Counts,
}

/// The fair's id and names, the part of [`Fair`] every header shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FairName {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
}

/// Rows per table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub halls: u64,
    pub pavilions: u64,
    pub categories: u64,
    pub booths: u64,
    pub exhibitors: u64,
    pub products: u64,
    pub kiosks: u64,
    pub connectors: u64,
    pub assets: u64,
}

/// The snapshot's `meta` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meta {
    pub fair_id: String,
    pub sequence: u64,
    /// RFC 3339, UTC.
    pub created: String,
    /// Lower-case hex SHA-256 over the source folder's files (see `build::source_hash`).
    pub source_hash: String,
    /// `fairway <version>`.
    pub generator: String,
}

/// The whole `fair` row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Fair {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
    pub venue_en: Option<String>,
    pub venue_zh: Option<String>,
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    pub timezone: Option<String>,
    #[ts(as = "crate::model::Language")]
    pub default_language: String,
}

/// A hall, in the order of the source file. Metres.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Hall {
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
    pub level: i32,
    pub width_m: f64,
    pub depth_m: f64,
    pub x_m: f64,
    pub y_m: f64,
}

/// A stored image, by address and size, without its bytes (fetch those with `asset`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImageRef {
    pub sha256: String,
    pub width: u32,
    pub height: u32,
}

/// A pavilion with how many exhibitors belong to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Pavilion {
    pub slug: String,
    /// country, region, city or theme.
    #[ts(as = "crate::model::PavilionKind")]
    pub kind: String,
    pub name_en: String,
    pub name_zh: String,
    pub country: Option<String>,
    pub hall: Option<String>,
    pub color: Option<String>,
    pub description_en: Option<String>,
    pub description_zh: Option<String>,
    pub logo: Option<ImageRef>,
    #[ts(type = "number")]
    pub exhibitors: u64,
}

/// A category and its children (the tree has two levels). `exhibitors` counts each exhibitor
/// once, and a parent's count includes its children's exhibitors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CategoryNode {
    pub slug: String,
    pub name_en: String,
    pub name_zh: String,
    #[ts(type = "number")]
    pub exhibitors: u64,
    pub children: Vec<CategoryNode>,
}

/// Which exhibitors a list shows. Every filter given must match; `None` means any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExhibitorFilter {
    /// Pavilion slug.
    pub pavilion: Option<String>,
    /// Category slug; a parent category also matches its children's exhibitors.
    pub category: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// Hall code: exhibitors with at least one booth in the hall.
    pub hall: Option<String>,
    pub offset: usize,
    /// `None` lists every match.
    pub limit: Option<usize>,
}

/// One line of an exhibitor list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExhibitorSummary {
    pub id: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    pub booths: Vec<String>,
    pub pavilion: Option<String>,
    pub country: Option<String>,
    pub logo: Option<ImageRef>,
}

/// `fairway show --json`: the whole profile as the kiosk shows it. The keys up to `logo` are
/// the documented shape; `labels` adds the names and places a screen shows next to the codes.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ExhibitorProfile {
    pub id: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    pub country: Option<String>,
    /// Pavilion slug.
    pub pavilion: Option<String>,
    /// Booth codes, in the source's order.
    pub booths: Vec<String>,
    /// Category slugs.
    pub categories: Vec<String>,
    pub website: Option<String>,
    pub description_en: Option<String>,
    pub description_zh: Option<String>,
    pub contact: Contact,
    pub products: Vec<Product>,
    pub logo: Option<ImageRef>,
    pub labels: ProfileLabels,
}

/// The exhibitor's contact person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Contact {
    pub name_en: Option<String>,
    pub name_zh: Option<String>,
    pub title_en: Option<String>,
    pub title_zh: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A product on an exhibitor's profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Product {
    pub name_en: String,
    pub name_zh: Option<String>,
    pub description_en: Option<String>,
    pub description_zh: Option<String>,
    pub image: Option<ImageRef>,
}

/// Names and places for the codes in a profile.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProfileLabels {
    pub pavilion: Option<Label>,
    pub categories: Vec<Label>,
    pub booths: Vec<BoothPlace>,
}

/// A slug with its two names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Label {
    pub slug: String,
    pub name_en: String,
    pub name_zh: String,
}

/// Where a booth is: its hall (with names) and its rectangle in metres.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BoothPlace {
    pub code: String,
    pub hall: String,
    pub hall_name_en: String,
    pub hall_name_zh: String,
    pub x_m: f64,
    pub y_m: f64,
    pub width_m: f64,
    pub depth_m: f64,
}

/// A booth on a hall's floor map, with the ids of the exhibitors in it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Booth {
    pub code: String,
    pub hall: String,
    pub x_m: f64,
    pub y_m: f64,
    pub width_m: f64,
    pub depth_m: f64,
    pub pavilion: Option<String>,
    pub exhibitors: Vec<String>,
}

/// Where a kiosk stands.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Kiosk {
    pub id: String,
    pub hall: String,
    pub x_m: f64,
    pub y_m: f64,
    pub label_en: Option<String>,
    pub label_zh: Option<String>,
}

/// Everything a hall's floor map draws, in hall metres (origin top-left): the outline, booths
/// with their exhibitors, the pavilions to tint, the ways out and the kiosks.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HallMap {
    pub hall: Hall,
    /// By code.
    pub booths: Vec<Booth>,
    /// The pavilions with a booth in this hall, in the source's order.
    pub pavilions: Vec<PavilionTint>,
    /// Every connector with an end in this hall, seen from this hall.
    pub connectors: Vec<MapConnector>,
    /// By id.
    pub kiosks: Vec<Kiosk>,
}

/// A pavilion's name and colour, to tint its booths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PavilionTint {
    pub slug: String,
    pub name_en: String,
    pub name_zh: String,
    /// `#rrggbb`, when the organiser gave one.
    pub color: Option<String>,
}

/// A connector end in this hall and where it leads.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MapConnector {
    /// door, corridor, stairs, escalator, elevator or ramp.
    pub kind: String,
    pub step_free: bool,
    pub x_m: f64,
    pub y_m: f64,
    pub to_hall: String,
    pub to_level: i32,
}

/// A way between two halls.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Connector {
    pub from_hall: String,
    pub from_x_m: f64,
    pub from_y_m: f64,
    pub to_hall: String,
    pub to_x_m: f64,
    pub to_y_m: f64,
    /// door, corridor, stairs, escalator, elevator or ramp.
    pub kind: String,
    pub step_free: bool,
}

/// An image's bytes as stored, ready to serve.
#[derive(Clone, PartialEq, Eq)]
pub struct AssetBlob {
    /// `image/png` or `image/jpeg`.
    pub mime: String,
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for AssetBlob {
    // Printing kilobytes of image data helps nobody; the length is enough.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AssetBlob")
            .field("mime", &self.mime)
            .field("len", &self.bytes.len())
            .finish()
    }
}
