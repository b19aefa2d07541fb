//! Reads a fair source folder (`fair.toml`, the CSV files and `images/`) into a validated
//! [`FairSource`].
//!
//! The folder's contract is DESIGN's "The fair source folder". Files are read in dependency
//! order (halls before the booths that stand in them, booths before the exhibitors that use
//! them), so a reference can be checked the moment its row is read and the error can name that
//! row. The first problem stops the import: an organiser fixes one line at a time, and a list of
//! a thousand follow-on errors after one wrong hall code helps nobody.
//!
//! Field rules live in [`crate::validate`], shared with the hub; this module adds what needs the
//! whole folder: uniqueness, references between files, and the floor plan.

mod fair_toml;
mod geometry;
mod sheet;

use std::collections::HashMap;
use std::path::Path;

use crate::model::{
    Booth, Category, Connector, ConnectorKind, Exhibitor, FairSource, Hall, Kiosk, Pavilion,
    PavilionKind, Product,
};
use crate::validate;
use sheet::{Column, ImageFolder, Row, opt, read_csv, req};

pub use sheet::MAX_FILE_BYTES;

/// Something the organiser should know but that does not stop the build (an unknown column).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Warning {
    pub file: String,
    pub line: Option<u64>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Why a source folder cannot be built. Its `Display` is one line naming file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct SourceError {
    /// File name relative to the source folder, e.g. `exhibitors.csv`.
    pub file: String,
    /// 1-based line in the file where the record starts (the header is line 1).
    pub line: Option<u64>,
    /// The column (header name) or TOML key.
    pub column: Option<String>,
    pub message: String,
}

impl SourceError {
    fn describe(&self) -> String {
        let mut s = self.file.clone();
        if let Some(line) = self.line {
            s.push_str(&format!(":{line}"));
        }
        if let Some(col) = &self.column {
            s.push_str(&format!(": column {col}"));
        }
        s.push_str(": ");
        s.push_str(&self.message);
        s
    }
}

/// A parsed, validated source folder and the warnings met on the way.
#[derive(Debug, Clone)]
pub struct Imported {
    pub source: FairSource,
    pub warnings: Vec<Warning>,
}

const HALLS: &str = "halls.csv";
const PAVILIONS: &str = "pavilions.csv";
const CATEGORIES: &str = "categories.csv";
const BOOTHS: &str = "booths.csv";
const EXHIBITORS: &str = "exhibitors.csv";
const PRODUCTS: &str = "products.csv";
const CONNECTORS: &str = "connectors.csv";
const KIOSKS: &str = "kiosks.csv";

const HALL_COLUMNS: &[Column] = &[
    req("code"),
    req("name_en"),
    req("name_zh"),
    opt("level"),
    req("width_m"),
    req("depth_m"),
    opt("x_m"),
    opt("y_m"),
];

const PAVILION_COLUMNS: &[Column] = &[
    req("slug"),
    req("kind"),
    req("name_en"),
    req("name_zh"),
    opt("country"),
    opt("hall"),
    opt("color"),
    opt("description_en"),
    opt("description_zh"),
    opt("logo"),
];

const CATEGORY_COLUMNS: &[Column] = &[req("slug"), req("name_en"), req("name_zh"), opt("parent")];

const BOOTH_COLUMNS: &[Column] = &[
    req("code"),
    req("hall"),
    req("x_m"),
    req("y_m"),
    req("width_m"),
    req("depth_m"),
    opt("pavilion"),
];

const EXHIBITOR_COLUMNS: &[Column] = &[
    req("id"),
    req("name_en"),
    opt("name_zh"),
    opt("country"),
    opt("pavilion"),
    req("booths"),
    opt("categories"),
    opt("website"),
    opt("email"),
    opt("phone"),
    opt("contact_name_en"),
    opt("contact_name_zh"),
    opt("title_en"),
    opt("title_zh"),
    opt("description_en"),
    opt("description_zh"),
    opt("logo"),
];

const PRODUCT_COLUMNS: &[Column] = &[
    req("exhibitor"),
    req("name_en"),
    opt("name_zh"),
    opt("description_en"),
    opt("description_zh"),
    opt("image"),
];

const CONNECTOR_COLUMNS: &[Column] = &[
    req("from_hall"),
    req("from_x_m"),
    req("from_y_m"),
    req("to_hall"),
    req("to_x_m"),
    req("to_y_m"),
    req("kind"),
    opt("step_free"),
];

const KIOSK_COLUMNS: &[Column] = &[
    req("id"),
    req("hall"),
    req("x_m"),
    req("y_m"),
    opt("label_en"),
    opt("label_zh"),
];

/// Reads and validates the whole source folder at `dir`.
///
/// `products.csv`, `connectors.csv` and `kiosks.csv` may be absent (no rows); every other file
/// is required. Images named in the CSVs must exist in `dir/images/`; their contents are checked
/// later, when the snapshot re-encodes them.
pub fn load(dir: &Path) -> Result<Imported, SourceError> {
    if !dir.is_dir() {
        return Err(sheet::file_error(
            &dir.display().to_string(),
            "is not a folder; give the fair source folder",
        ));
    }
    let mut warnings = Vec::new();
    let mut images = ImageFolder::new(dir);

    let fair = fair_toml::load(dir, &mut warnings)?;
    let halls = load_halls(dir, &mut warnings)?;
    let hall_sizes: HashMap<&str, (f64, f64)> = halls
        .iter()
        .map(|h| (h.code.as_str(), (h.width_m, h.depth_m)))
        .collect();
    let pavilions = load_pavilions(dir, &mut warnings, &mut images, &hall_sizes)?;
    let pavilion_slugs = pavilions.iter().map(|p| p.slug.as_str()).collect();
    let categories = load_categories(dir, &mut warnings)?;
    let category_slugs = categories.iter().map(|c| c.slug.as_str()).collect();
    let booths = load_booths(dir, &mut warnings, &hall_sizes, &pavilion_slugs)?;
    let booth_codes = booths.iter().map(|b| b.code.as_str()).collect();
    let exhibitors = load_exhibitors(
        dir,
        &mut warnings,
        &mut images,
        &References {
            pavilions: &pavilion_slugs,
            booths: &booth_codes,
            categories: &category_slugs,
        },
    )?;
    let exhibitor_ids = exhibitors.iter().map(|e| e.id.as_str()).collect();
    let products = load_products(dir, &mut warnings, &mut images, &exhibitor_ids)?;
    let connectors = load_connectors(dir, &mut warnings, &hall_sizes)?;
    let kiosks = load_kiosks(dir, &mut warnings, &hall_sizes)?;

    Ok(Imported {
        source: FairSource {
            root: dir.to_path_buf(),
            fair,
            halls,
            pavilions,
            categories,
            booths,
            exhibitors,
            products,
            connectors,
            kiosks,
        },
        warnings,
    })
}

/// The ids of one file seen so far, with the line each was first seen on.
type Seen = HashMap<String, u64>;

/// A set of ids another file may refer to.
type Known<'a> = std::collections::HashSet<&'a str>;

/// Records `value` as seen on this row, or reports that an earlier line already has it.
fn unique(seen: &mut Seen, row: &Row<'_>, column: &str, value: &str) -> Result<(), SourceError> {
    match seen.get(value) {
        Some(first) => Err(row.error(
            column,
            format!(
                "duplicate {}: line {first} already has it",
                validate::quoted(value)
            ),
        )),
        None => {
            seen.insert(value.to_owned(), row.line());
            Ok(())
        }
    }
}

/// Reports a reference to something `file` does not define.
fn unknown(row: &Row<'_>, column: &str, what: &str, value: &str, file: &str) -> SourceError {
    row.error(
        column,
        format!("unknown {what} {} (not in {file})", validate::quoted(value)),
    )
}

/// An optional coordinate, 0 when blank.
fn optional_metres(row: &Row<'_>, column: &str) -> Result<f64, SourceError> {
    let value = row.number(column)?.unwrap_or(0.0);
    row.check(column, validate::metres(value))?;
    Ok(value)
}

fn load_halls(dir: &Path, warnings: &mut Vec<Warning>) -> Result<Vec<Hall>, SourceError> {
    let mut seen = Seen::new();
    let rows = read_csv(dir, HALLS, true, HALL_COLUMNS, warnings, |row| {
        let code = row.id("code")?;
        unique(&mut seen, row, "code", &code)?;
        Ok(Hall {
            name_en: row.name("name_en", validate::MAX_NAME_CHARS)?,
            name_zh: row.name("name_zh", validate::MAX_NAME_CHARS)?,
            level: row.integer("level")?.unwrap_or(1),
            width_m: row.size("width_m")?,
            depth_m: row.size("depth_m")?,
            x_m: optional_metres(row, "x_m")?,
            y_m: optional_metres(row, "y_m")?,
            code,
        })
    })?;
    Ok(rows.into_iter().map(|(_, hall)| hall).collect())
}

fn load_pavilions(
    dir: &Path,
    warnings: &mut Vec<Warning>,
    images: &mut ImageFolder,
    halls: &HashMap<&str, (f64, f64)>,
) -> Result<Vec<Pavilion>, SourceError> {
    let mut seen = Seen::new();
    let rows = read_csv(dir, PAVILIONS, true, PAVILION_COLUMNS, warnings, |row| {
        let slug = row.id("slug")?;
        unique(&mut seen, row, "slug", &slug)?;
        let kind_text = row.required("kind")?;
        let kind = PavilionKind::parse(&kind_text.to_ascii_lowercase()).ok_or_else(|| {
            row.error(
                "kind",
                format!(
                    "{} is not one of country, region, city, theme",
                    validate::quoted(kind_text)
                ),
            )
        })?;
        let hall = row.optional_id("hall")?;
        if let Some(hall) = &hall
            && !halls.contains_key(hall.as_str())
        {
            return Err(unknown(row, "hall", "hall", hall, HALLS));
        }
        Ok(Pavilion {
            kind,
            name_en: row.name("name_en", validate::MAX_NAME_CHARS)?,
            name_zh: row.name("name_zh", validate::MAX_NAME_CHARS)?,
            country: row
                .text("country")
                .map(|c| row.check("country", validate::country(c)))
                .transpose()?,
            hall,
            color: row
                .text("color")
                .map(|c| row.check("color", validate::color(c)))
                .transpose()?,
            description_en: row
                .optional_lines("description_en", validate::MAX_DESCRIPTION_CHARS)?,
            description_zh: row
                .optional_lines("description_zh", validate::MAX_DESCRIPTION_CHARS)?,
            logo: images.optional(row, "logo")?,
            slug,
        })
    })?;
    Ok(rows.into_iter().map(|(_, p)| p).collect())
}

fn load_categories(dir: &Path, warnings: &mut Vec<Warning>) -> Result<Vec<Category>, SourceError> {
    let mut seen = Seen::new();
    let rows = read_csv(dir, CATEGORIES, true, CATEGORY_COLUMNS, warnings, |row| {
        let slug = row.id("slug")?;
        unique(&mut seen, row, "slug", &slug)?;
        let parent = row.optional_id("parent")?;
        if parent.as_ref() == Some(&slug) {
            return Err(row.error("parent", "a category cannot be its own parent"));
        }
        Ok(Category {
            name_en: row.name("name_en", validate::MAX_NAME_CHARS)?,
            name_zh: row.name("name_zh", validate::MAX_NAME_CHARS)?,
            parent,
            slug,
        })
    })?;
    // Parents may come after their children in the file, so they are checked once all are read.
    let parents: HashMap<&str, Option<&str>> = rows
        .iter()
        .map(|(_, c)| (c.slug.as_str(), c.parent.as_deref()))
        .collect();
    for (line, category) in &rows {
        let Some(parent) = category.parent.as_deref() else {
            continue;
        };
        let error = |message: String| SourceError {
            file: CATEGORIES.to_owned(),
            line: Some(*line),
            column: Some("parent".to_owned()),
            message,
        };
        match parents.get(parent) {
            None => {
                return Err(error(format!(
                    "unknown category {} (not in {CATEGORIES})",
                    validate::quoted(parent)
                )));
            }
            Some(Some(grandparent)) => {
                return Err(error(format!(
                    "categories are at most two levels deep, but parent {} has parent {} itself",
                    validate::quoted(parent),
                    validate::quoted(grandparent)
                )));
            }
            Some(None) => {}
        }
    }
    Ok(rows.into_iter().map(|(_, c)| c).collect())
}

fn load_booths(
    dir: &Path,
    warnings: &mut Vec<Warning>,
    halls: &HashMap<&str, (f64, f64)>,
    pavilions: &Known<'_>,
) -> Result<Vec<Booth>, SourceError> {
    let mut seen = Seen::new();
    let rows = read_csv(dir, BOOTHS, true, BOOTH_COLUMNS, warnings, |row| {
        let code = row.id("code")?;
        unique(&mut seen, row, "code", &code)?;
        let hall = row.id("hall")?;
        let Some(&(hall_width, hall_depth)) = halls.get(hall.as_str()) else {
            return Err(unknown(row, "hall", "hall", &hall, HALLS));
        };
        let pavilion = row.optional_id("pavilion")?;
        if let Some(p) = &pavilion
            && !pavilions.contains(p.as_str())
        {
            return Err(unknown(row, "pavilion", "pavilion", p, PAVILIONS));
        }
        let booth = Booth {
            x_m: row.metres("x_m")?,
            y_m: row.metres("y_m")?,
            width_m: row.size("width_m")?,
            depth_m: row.size("depth_m")?,
            code,
            hall,
            pavilion,
        };
        if !geometry::booth_in_hall(&booth, hall_width, hall_depth) {
            let column = if geometry::booth_in_hall(
                &Booth {
                    y_m: 0.0,
                    depth_m: hall_depth,
                    ..booth.clone()
                },
                hall_width,
                hall_depth,
            ) {
                "y_m"
            } else {
                "x_m"
            };
            return Err(row.error(
                column,
                format!(
                    "booth {} (x {}–{} m, y {}–{} m) lies outside hall {} ({} × {} m)",
                    booth.code,
                    booth.x_m,
                    booth.x_m + booth.width_m,
                    booth.y_m,
                    booth.y_m + booth.depth_m,
                    booth.hall,
                    hall_width,
                    hall_depth
                ),
            ));
        }
        Ok(booth)
    })?;
    let (lines, booths): (Vec<u64>, Vec<Booth>) = rows.into_iter().unzip();
    if let Some((a, b)) = geometry::find_overlap(&booths) {
        let (first, second) = if lines[a] <= lines[b] { (a, b) } else { (b, a) };
        return Err(SourceError {
            file: BOOTHS.to_owned(),
            line: Some(lines[second]),
            column: None,
            message: format!(
                "booth {} overlaps booth {} (line {}) in hall {}",
                booths[second].code, booths[first].code, lines[first], booths[second].hall
            ),
        });
    }
    Ok(booths)
}

/// What an exhibitor row may refer to.
struct References<'a> {
    pavilions: &'a Known<'a>,
    booths: &'a Known<'a>,
    categories: &'a Known<'a>,
}

fn load_exhibitors(
    dir: &Path,
    warnings: &mut Vec<Warning>,
    images: &mut ImageFolder,
    refs: &References<'_>,
) -> Result<Vec<Exhibitor>, SourceError> {
    let mut seen = Seen::new();
    let rows = read_csv(dir, EXHIBITORS, true, EXHIBITOR_COLUMNS, warnings, |row| {
        let mut exhibitor = Exhibitor {
            id: row.text("id").unwrap_or_default().to_owned(),
            name_en: row.text("name_en").unwrap_or_default().to_owned(),
            name_zh: row.string("name_zh"),
            country: row.string("country"),
            pavilion: row.string("pavilion"),
            booths: row.list("booths"),
            categories: row.list("categories"),
            website: row.string("website"),
            email: row.string("email"),
            phone: row.string("phone"),
            contact_name_en: row.string("contact_name_en"),
            contact_name_zh: row.string("contact_name_zh"),
            title_en: row.string("title_en"),
            title_zh: row.string("title_zh"),
            description_en: row.string("description_en"),
            description_zh: row.string("description_zh"),
            logo: row.string("logo"),
        };
        validate::normalize_exhibitor(&mut exhibitor);
        if let Some(first) = validate::exhibitor(&exhibitor).into_iter().next() {
            return Err(row.error(&first.field, first.message));
        }
        unique(&mut seen, row, "id", &exhibitor.id)?;
        if let Some(p) = &exhibitor.pavilion
            && !refs.pavilions.contains(p.as_str())
        {
            return Err(unknown(row, "pavilion", "pavilion", p, PAVILIONS));
        }
        if let Some(b) = exhibitor
            .booths
            .iter()
            .find(|b| !refs.booths.contains(b.as_str()))
        {
            return Err(unknown(row, "booths", "booth", b, BOOTHS));
        }
        if let Some(c) = exhibitor
            .categories
            .iter()
            .find(|c| !refs.categories.contains(c.as_str()))
        {
            return Err(unknown(row, "categories", "category", c, CATEGORIES));
        }
        if let Some(logo) = &exhibitor.logo {
            images.check(row, "logo", logo)?;
        }
        Ok(exhibitor)
    })?;
    Ok(rows.into_iter().map(|(_, e)| e).collect())
}

fn load_products(
    dir: &Path,
    warnings: &mut Vec<Warning>,
    images: &mut ImageFolder,
    exhibitors: &Known<'_>,
) -> Result<Vec<Product>, SourceError> {
    let rows = read_csv(dir, PRODUCTS, false, PRODUCT_COLUMNS, warnings, |row| {
        let mut product = Product {
            exhibitor: row.text("exhibitor").unwrap_or_default().to_owned(),
            name_en: row.text("name_en").unwrap_or_default().to_owned(),
            name_zh: row.string("name_zh"),
            description_en: row.string("description_en"),
            description_zh: row.string("description_zh"),
            image: row.string("image"),
        };
        validate::normalize_product(&mut product);
        if let Some(first) = validate::product(&product).into_iter().next() {
            return Err(row.error(&first.field, first.message));
        }
        if !exhibitors.contains(product.exhibitor.as_str()) {
            return Err(unknown(
                row,
                "exhibitor",
                "exhibitor",
                &product.exhibitor,
                EXHIBITORS,
            ));
        }
        if let Some(image) = &product.image {
            images.check(row, "image", image)?;
        }
        Ok(product)
    })?;
    Ok(rows.into_iter().map(|(_, p)| p).collect())
}

/// A point `(x, y)` of `hall`, checked to lie within the hall (its edge included).
fn hall_point(
    row: &Row<'_>,
    halls: &HashMap<&str, (f64, f64)>,
    [hall_column, x_column, y_column]: [&str; 3],
) -> Result<(String, f64, f64), SourceError> {
    let hall = row.id(hall_column)?;
    let Some(&(width, depth)) = halls.get(hall.as_str()) else {
        return Err(unknown(row, hall_column, "hall", &hall, HALLS));
    };
    let x = row.metres(x_column)?;
    let y = row.metres(y_column)?;
    if !geometry::point_in_hall(x, y, width, depth) {
        let column = if geometry::point_in_hall(x, 0.0, width, depth) {
            y_column
        } else {
            x_column
        };
        return Err(row.error(
            column,
            format!("point ({x}, {y}) lies outside hall {hall} ({width} × {depth} m)"),
        ));
    }
    Ok((hall, x, y))
}

fn load_connectors(
    dir: &Path,
    warnings: &mut Vec<Warning>,
    halls: &HashMap<&str, (f64, f64)>,
) -> Result<Vec<Connector>, SourceError> {
    let rows = read_csv(dir, CONNECTORS, false, CONNECTOR_COLUMNS, warnings, |row| {
        let (from_hall, from_x_m, from_y_m) =
            hall_point(row, halls, ["from_hall", "from_x_m", "from_y_m"])?;
        let (to_hall, to_x_m, to_y_m) = hall_point(row, halls, ["to_hall", "to_x_m", "to_y_m"])?;
        if from_hall == to_hall {
            return Err(row.error(
                "to_hall",
                format!("a connector joins two different halls, but both ends are in {from_hall}"),
            ));
        }
        let kind_text = row.required("kind")?;
        let kind = ConnectorKind::parse(&kind_text.to_ascii_lowercase()).ok_or_else(|| {
            row.error(
                "kind",
                format!(
                    "{} is not one of door, corridor, stairs, escalator, elevator, ramp",
                    validate::quoted(kind_text)
                ),
            )
        })?;
        let climbs = matches!(kind, ConnectorKind::Stairs | ConnectorKind::Escalator);
        let step_free = match row.boolean("step_free")? {
            Some(true) if climbs => {
                return Err(row.error(
                    "step_free",
                    format!("{} cannot be step-free", kind.as_str()),
                ));
            }
            Some(value) => value,
            // Without a value, the kind decides: only stairs and escalators have steps.
            None => !climbs,
        };
        Ok(Connector {
            from_hall,
            from_x_m,
            from_y_m,
            to_hall,
            to_x_m,
            to_y_m,
            kind,
            step_free,
        })
    })?;
    Ok(rows.into_iter().map(|(_, c)| c).collect())
}

fn load_kiosks(
    dir: &Path,
    warnings: &mut Vec<Warning>,
    halls: &HashMap<&str, (f64, f64)>,
) -> Result<Vec<Kiosk>, SourceError> {
    let mut seen = Seen::new();
    let rows = read_csv(dir, KIOSKS, false, KIOSK_COLUMNS, warnings, |row| {
        let id = row.id("id")?;
        unique(&mut seen, row, "id", &id)?;
        let (hall, x_m, y_m) = hall_point(row, halls, ["hall", "x_m", "y_m"])?;
        Ok(Kiosk {
            id,
            hall,
            x_m,
            y_m,
            label_en: row.optional_line("label_en", validate::MAX_LABEL_CHARS)?,
            label_zh: row.optional_line("label_zh", validate::MAX_LABEL_CHARS)?,
        })
    })?;
    Ok(rows.into_iter().map(|(_, k)| k).collect())
}
