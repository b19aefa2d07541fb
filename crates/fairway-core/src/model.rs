//! The fair as the organiser describes it: one plain struct per file of the fair source folder.
//!
//! These types are what the importer produces and what the snapshot writer consumes. They carry
//! no database ids and no derived data; every optional cell is an `Option` (a blank cell in the
//! source means "no value", never "delete").

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The two languages every label exists in. Missing translations fall back to the other one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Zh,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Zh => "zh",
        }
    }
}

/// `fair.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fair {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
    pub venue_en: Option<String>,
    pub venue_zh: Option<String>,
    /// ISO date, `YYYY-MM-DD`.
    pub starts_on: Option<String>,
    pub ends_on: Option<String>,
    /// IANA name such as `Asia/Shanghai`.
    pub timezone: Option<String>,
    pub default_language: Language,
}

/// A row of `halls.csv`. Coordinates are metres; `x_m`/`y_m` place the hall on the site plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hall {
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
    /// Floor level; 1 when the cell is blank.
    pub level: i32,
    pub width_m: f64,
    pub depth_m: f64,
    pub x_m: f64,
    pub y_m: f64,
}

/// What a pavilion groups exhibitors by. Provinces are `Region`s, a guest city is a `City`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum PavilionKind {
    Country,
    Region,
    City,
    Theme,
}

impl PavilionKind {
    pub const ALL: [PavilionKind; 4] = [
        PavilionKind::Country,
        PavilionKind::Region,
        PavilionKind::City,
        PavilionKind::Theme,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PavilionKind::Country => "country",
            PavilionKind::Region => "region",
            PavilionKind::City => "city",
            PavilionKind::Theme => "theme",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A row of `pavilions.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pavilion {
    pub slug: String,
    pub kind: PavilionKind,
    pub name_en: String,
    pub name_zh: String,
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: Option<String>,
    pub hall: Option<String>,
    /// `#rrggbb`.
    pub color: Option<String>,
    pub description_en: Option<String>,
    pub description_zh: Option<String>,
    /// File name inside `images/`.
    pub logo: Option<String>,
}

/// A row of `categories.csv`. Categories form a two-level tree through `parent`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Category {
    pub slug: String,
    pub name_en: String,
    pub name_zh: String,
    pub parent: Option<String>,
}

/// A row of `booths.csv`: a rectangle in metres, origin at the top-left corner of its hall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Booth {
    pub code: String,
    pub hall: String,
    pub x_m: f64,
    pub y_m: f64,
    pub width_m: f64,
    pub depth_m: f64,
    pub pavilion: Option<String>,
}

/// A row of `exhibitors.csv`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Exhibitor {
    pub id: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    /// ISO 3166-1 alpha-2 code, upper case.
    pub country: Option<String>,
    pub pavilion: Option<String>,
    /// Booth codes, at least one.
    pub booths: Vec<String>,
    /// Category slugs.
    pub categories: Vec<String>,
    /// An `https://` URL.
    pub website: Option<String>,
    pub email: Option<String>,
    /// E.164, e.g. `+8602355501234`.
    pub phone: Option<String>,
    pub contact_name_en: Option<String>,
    pub contact_name_zh: Option<String>,
    pub title_en: Option<String>,
    pub title_zh: Option<String>,
    pub description_en: Option<String>,
    pub description_zh: Option<String>,
    /// File name inside `images/`.
    pub logo: Option<String>,
}

/// A row of `products.csv`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Product {
    pub exhibitor: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    pub description_en: Option<String>,
    pub description_zh: Option<String>,
    /// File name inside `images/`.
    pub image: Option<String>,
}

/// How a connector joins two halls; stairs and escalators are not step-free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ConnectorKind {
    Door,
    Corridor,
    Stairs,
    Escalator,
    Elevator,
    Ramp,
}

impl ConnectorKind {
    pub const ALL: [ConnectorKind; 6] = [
        ConnectorKind::Door,
        ConnectorKind::Corridor,
        ConnectorKind::Stairs,
        ConnectorKind::Escalator,
        ConnectorKind::Elevator,
        ConnectorKind::Ramp,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConnectorKind::Door => "door",
            ConnectorKind::Corridor => "corridor",
            ConnectorKind::Stairs => "stairs",
            ConnectorKind::Escalator => "escalator",
            ConnectorKind::Elevator => "elevator",
            ConnectorKind::Ramp => "ramp",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A row of `connectors.csv`: the only way walkers get from one hall to another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Connector {
    pub from_hall: String,
    pub from_x_m: f64,
    pub from_y_m: f64,
    pub to_hall: String,
    pub to_x_m: f64,
    pub to_y_m: f64,
    pub kind: ConnectorKind,
    pub step_free: bool,
}

/// A row of `kiosks.csv`: where a kiosk stands, its "you are here".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kiosk {
    pub id: String,
    pub hall: String,
    pub x_m: f64,
    pub y_m: f64,
    pub label_en: Option<String>,
    pub label_zh: Option<String>,
}

/// A whole fair source folder, parsed and validated.
#[derive(Debug, Clone)]
pub struct FairSource {
    /// The folder it was read from; image file names resolve against `root/images/`.
    pub root: PathBuf,
    pub fair: Fair,
    pub halls: Vec<Hall>,
    pub pavilions: Vec<Pavilion>,
    pub categories: Vec<Category>,
    pub booths: Vec<Booth>,
    pub exhibitors: Vec<Exhibitor>,
    pub products: Vec<Product>,
    pub connectors: Vec<Connector>,
    pub kiosks: Vec<Kiosk>,
}

impl FairSource {
    /// The path of an image named in a CSV cell.
    pub fn image_path(&self, name: &str) -> PathBuf {
        self.root.join("images").join(name)
    }
}
