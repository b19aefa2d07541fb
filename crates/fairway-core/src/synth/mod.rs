//! Fair source folders written by Fairway itself: the demo fair and synthetic fairs for scale.
//!
//! [`write_demo_fair`] writes the demo fair committed in `assets/demo-fair/`, modelled on a large
//! western-China investment and trade fair; [`write_synthetic`] writes a fair of any number of
//! exhibitors for scale tests (`fairway synth`). Both follow DESIGN "The fair source folder"
//! column for column, share the venue and the vocabulary, and draw from their own seeded
//! generator, so the same input always gives a byte-identical folder. All companies, people,
//! addresses and phone numbers are fictional.

mod company;
mod demo;
mod picture;
mod rng;
mod synthetic;
mod venue;
mod vocab;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::model::{Booth, Category, Connector, Exhibitor, Fair, Hall, Kiosk, Pavilion, Product};

use company::{Company, Registry};
use rng::Rng;
use venue::{BoothSize, HallPlan};

/// What a generator wrote, counted row by row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SynthReport {
    pub halls: usize,
    pub pavilions: usize,
    pub categories: usize,
    pub booths: usize,
    pub exhibitors: usize,
    pub products: usize,
    pub connectors: usize,
    pub kiosks: usize,
    /// Files written into `images/`.
    pub images: usize,
}

/// Writes the demo fair into `dir` (created if missing; files of the same names are replaced).
/// `assets/demo-fair/` is exactly this output: after changing the generator, refresh it with
/// `cargo run -p fairway-core --example demo_fair`.
pub fn write_demo_fair(dir: &Path) -> io::Result<SynthReport> {
    write_folder(dir, &demo::plan()?)
}

/// Writes a synthetic fair of `exhibitors` exhibitors into `dir`. The same `exhibitors` and
/// `seed` always give a byte-identical folder.
pub fn write_synthetic(dir: &Path, exhibitors: usize, seed: u64) -> io::Result<SynthReport> {
    write_folder(dir, &synthetic::plan(exhibitors, seed)?)
}

/// A picture to draw into `images/`.
#[derive(Debug, Clone)]
enum Picture {
    Logo {
        file: String,
        seed: u64,
        size: u32,
        color: Option<[u8; 3]>,
    },
    Product {
        file: String,
        seed: u64,
        width: u32,
        height: u32,
    },
}

/// A whole fair in memory, in the model's types, before it is written.
#[derive(Debug, Default)]
struct FairPlan {
    fair: Option<Fair>,
    halls: Vec<Hall>,
    pavilions: Vec<Pavilion>,
    categories: Vec<Category>,
    booths: Vec<Booth>,
    exhibitors: Vec<Exhibitor>,
    products: Vec<Product>,
    connectors: Vec<Connector>,
    kiosks: Vec<Kiosk>,
    pictures: Vec<Picture>,
}

/// How big the pictures of a fair are and how often there are any.
#[derive(Debug, Clone, Copy)]
struct PictureRules {
    logo_px: u32,
    /// Percent of exhibitors with a logo.
    logo_percent: u32,
    /// Percent of exhibitors with products.
    products_percent: u32,
    /// Percent of products with a picture.
    product_picture_percent: u32,
    product_px: (u32, u32),
}

/// Turns companies into exhibitors with products and pictures, and places their booths.
#[derive(Debug)]
struct Roster {
    rng: Rng,
    registry: Registry,
    rules: PictureRules,
    id_width: usize,
    exhibitors: Vec<Exhibitor>,
    /// Per exhibitor: (hall plan index, index into that plan's placed booths).
    stands: Vec<Vec<(usize, usize)>>,
    products: Vec<Product>,
    pictures: Vec<Picture>,
    product_pictures: usize,
}

impl Roster {
    fn new(seed: u64, rules: PictureRules, total_exhibitors: usize) -> Self {
        Roster {
            rng: Rng::new(seed),
            registry: Registry::default(),
            rules,
            id_width: total_exhibitors.to_string().len().max(4),
            exhibitors: Vec::new(),
            stands: Vec::new(),
            products: Vec::new(),
            pictures: Vec::new(),
            product_pictures: 0,
        }
    }

    /// Adds an exhibitor for the company and returns its index.
    fn add(&mut self, company: &Company, pavilion: Option<&str>) -> usize {
        let index = self.exhibitors.len();
        let id = format!("E{:0width$}", index + 1, width = self.id_width);
        let mut exhibitor = company::exhibitor(&mut self.rng, company, id.clone(), pavilion, index);
        if self.rng.chance(self.rules.logo_percent) {
            let file = format!("logo-{id}.png");
            self.pictures.push(Picture::Logo {
                file: file.clone(),
                seed: rng::hash(&exhibitor.name_en) ^ index as u64,
                size: self.rules.logo_px,
                color: None,
            });
            exhibitor.logo = Some(file);
        }
        if self.rng.chance(self.rules.products_percent) {
            let count = self.rng.between(1, 4) as usize;
            for mut product in company::products(&mut self.rng, company, &id, count) {
                if self.rng.chance(self.rules.product_picture_percent) {
                    self.product_pictures += 1;
                    let file = format!("product-{:04}.jpg", self.product_pictures);
                    let (width, height) = self.rules.product_px;
                    self.pictures.push(Picture::Product {
                        file: file.clone(),
                        seed: rng::hash(&file) ^ rng::hash(&product.name_en),
                        width,
                        height,
                    });
                    product.image = Some(file);
                }
                self.products.push(product);
            }
        }
        self.exhibitors.push(exhibitor);
        self.stands.push(Vec::new());
        index
    }

    /// One or two booths, mostly 3×3 m, some 6×3 m and a few 9×6 m islands.
    fn booth_sizes(&mut self) -> Vec<BoothSize> {
        let count = if self.rng.chance(25) { 2 } else { 1 };
        (0..count)
            .map(|_| match self.rng.below(100) {
                0..60 => BoothSize::SINGLE,
                60..90 => BoothSize::DOUBLE,
                _ => BoothSize::ISLAND,
            })
            .collect()
    }

    /// Places the booths of `members` together in a hall. Returns false, placing nothing, when
    /// the hall has no room left for all of them.
    fn place(
        &mut self,
        plans: &mut [HallPlan],
        hall: usize,
        members: &[(usize, Vec<BoothSize>)],
        pavilion: Option<&str>,
    ) -> bool {
        let sizes: Vec<BoothSize> = members
            .iter()
            .flat_map(|(_, s)| s.iter().copied())
            .collect();
        let Some(placed) = plans[hall].place_group(&sizes, pavilion) else {
            return false;
        };
        let mut next = placed.into_iter();
        for (member, member_sizes) in members {
            for _ in member_sizes {
                if let Some(p) = next.next() {
                    self.stands[*member].push((hall, p));
                }
            }
        }
        true
    }

    /// Gives every exhibitor its booth codes and moves everything into the plan.
    fn finish(mut self, plans: &[HallPlan], plan: &mut FairPlan) {
        let codes: Vec<Vec<String>> = plans.iter().map(HallPlan::codes).collect();
        for (exhibitor, stand) in self.exhibitors.iter_mut().zip(&self.stands) {
            exhibitor.booths = stand.iter().map(|&(h, p)| codes[h][p].clone()).collect();
        }
        plan.halls = plans.iter().map(|p| p.hall.clone()).collect();
        plan.booths = plans.iter().flat_map(HallPlan::booths).collect();
        plan.exhibitors = self.exhibitors;
        plan.products = self.products;
        plan.pictures.append(&mut self.pictures);
    }
}

/// The category rows, shared by every fair.
fn categories() -> Vec<Category> {
    vocab::CATEGORIES
        .iter()
        .map(|c| Category {
            slug: c.slug.to_owned(),
            name_en: c.name_en.to_owned(),
            name_zh: c.name_zh.to_owned(),
            parent: c.parent.map(str::to_owned),
        })
        .collect()
}

/// Writes the plan as a fair source folder and draws its pictures.
fn write_folder(dir: &Path, plan: &FairPlan) -> io::Result<SynthReport> {
    let images = dir.join("images");
    fs::create_dir_all(&images)?;
    let fair = plan
        .fair
        .as_ref()
        .ok_or_else(|| io::Error::other("the fair plan has no fair.toml record"))?;
    fs::write(dir.join("fair.toml"), fair_toml(fair))?;

    let m = |v: f64| format!("{v}");
    let o = |v: &Option<String>| v.clone().unwrap_or_default();

    write_csv(
        &dir.join("halls.csv"),
        &[
            "code", "name_en", "name_zh", "level", "width_m", "depth_m", "x_m", "y_m",
        ],
        plan.halls.iter().map(|h| {
            vec![
                h.code.clone(),
                h.name_en.clone(),
                h.name_zh.clone(),
                h.level.to_string(),
                m(h.width_m),
                m(h.depth_m),
                m(h.x_m),
                m(h.y_m),
            ]
        }),
    )?;
    write_csv(
        &dir.join("pavilions.csv"),
        &[
            "slug",
            "kind",
            "name_en",
            "name_zh",
            "country",
            "hall",
            "color",
            "description_en",
            "description_zh",
            "logo",
        ],
        plan.pavilions.iter().map(|p| {
            vec![
                p.slug.clone(),
                p.kind.as_str().to_owned(),
                p.name_en.clone(),
                p.name_zh.clone(),
                o(&p.country),
                o(&p.hall),
                o(&p.color),
                o(&p.description_en),
                o(&p.description_zh),
                o(&p.logo),
            ]
        }),
    )?;
    write_csv(
        &dir.join("categories.csv"),
        &["slug", "name_en", "name_zh", "parent"],
        plan.categories.iter().map(|c| {
            vec![
                c.slug.clone(),
                c.name_en.clone(),
                c.name_zh.clone(),
                o(&c.parent),
            ]
        }),
    )?;
    write_csv(
        &dir.join("booths.csv"),
        &[
            "code", "hall", "x_m", "y_m", "width_m", "depth_m", "pavilion",
        ],
        plan.booths.iter().map(|b| {
            vec![
                b.code.clone(),
                b.hall.clone(),
                m(b.x_m),
                m(b.y_m),
                m(b.width_m),
                m(b.depth_m),
                o(&b.pavilion),
            ]
        }),
    )?;
    write_csv(
        &dir.join("exhibitors.csv"),
        &[
            "id",
            "name_en",
            "name_zh",
            "country",
            "pavilion",
            "booths",
            "categories",
            "website",
            "email",
            "phone",
            "contact_name_en",
            "contact_name_zh",
            "title_en",
            "title_zh",
            "description_en",
            "description_zh",
            "logo",
        ],
        plan.exhibitors.iter().map(|e| {
            vec![
                e.id.clone(),
                e.name_en.clone(),
                o(&e.name_zh),
                o(&e.country),
                o(&e.pavilion),
                e.booths.join(";"),
                e.categories.join(";"),
                o(&e.website),
                o(&e.email),
                o(&e.phone),
                o(&e.contact_name_en),
                o(&e.contact_name_zh),
                o(&e.title_en),
                o(&e.title_zh),
                o(&e.description_en),
                o(&e.description_zh),
                o(&e.logo),
            ]
        }),
    )?;
    write_csv(
        &dir.join("products.csv"),
        &[
            "exhibitor",
            "name_en",
            "name_zh",
            "description_en",
            "description_zh",
            "image",
        ],
        plan.products.iter().map(|p| {
            vec![
                p.exhibitor.clone(),
                p.name_en.clone(),
                o(&p.name_zh),
                o(&p.description_en),
                o(&p.description_zh),
                o(&p.image),
            ]
        }),
    )?;
    write_csv(
        &dir.join("connectors.csv"),
        &[
            "from_hall",
            "from_x_m",
            "from_y_m",
            "to_hall",
            "to_x_m",
            "to_y_m",
            "kind",
            "step_free",
        ],
        plan.connectors.iter().map(|c| {
            vec![
                c.from_hall.clone(),
                m(c.from_x_m),
                m(c.from_y_m),
                c.to_hall.clone(),
                m(c.to_x_m),
                m(c.to_y_m),
                c.kind.as_str().to_owned(),
                c.step_free.to_string(),
            ]
        }),
    )?;
    write_csv(
        &dir.join("kiosks.csv"),
        &["id", "hall", "x_m", "y_m", "label_en", "label_zh"],
        plan.kiosks.iter().map(|k| {
            vec![
                k.id.clone(),
                k.hall.clone(),
                m(k.x_m),
                m(k.y_m),
                o(&k.label_en),
                o(&k.label_zh),
            ]
        }),
    )?;

    for picture in &plan.pictures {
        let (file, bytes) = match picture {
            Picture::Logo {
                file,
                seed,
                size,
                color,
            } => (file, picture::logo_png(*seed, *size, *color)?),
            Picture::Product {
                file,
                seed,
                width,
                height,
            } => (file, picture::product_jpeg(*seed, *width, *height)?),
        };
        fs::write(images.join(file), bytes)?;
    }

    Ok(SynthReport {
        halls: plan.halls.len(),
        pavilions: plan.pavilions.len(),
        categories: plan.categories.len(),
        booths: plan.booths.len(),
        exhibitors: plan.exhibitors.len(),
        products: plan.products.len(),
        connectors: plan.connectors.len(),
        kiosks: plan.kiosks.len(),
        images: plan.pictures.len(),
    })
}

/// One CSV file: UTF-8 without BOM, `\n` line ends, quoted only where needed.
fn write_csv(
    path: &Path,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(BufWriter::new(File::create(path)?));
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(&row)?;
    }
    let mut inner = writer
        .into_inner()
        .map_err(|e| io::Error::other(e.to_string()))?;
    inner.flush()
}

/// `fair.toml`, written by hand so that its layout (and comment) stay stable.
fn fair_toml(fair: &Fair) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut out = String::from(
        "# The fair this source folder describes; see DESIGN \"The fair source folder\".\n",
    );
    let mut line = |key: &str, value: Option<&str>| {
        if let Some(v) = value {
            out.push_str(&format!("{key} = {}\n", quote(v)));
        }
    };
    line("id", Some(&fair.id));
    line("name_en", Some(&fair.name_en));
    line("name_zh", Some(&fair.name_zh));
    line("venue_en", fair.venue_en.as_deref());
    line("venue_zh", fair.venue_zh.as_deref());
    line("starts_on", fair.starts_on.as_deref());
    line("ends_on", fair.ends_on.as_deref());
    line("timezone", fair.timezone.as_deref());
    line("default_language", Some(fair.default_language.as_str()));
    out
}

/// The pavilion row for a vocabulary pavilion placed in `hall`, with its generated logo.
fn pavilion_row(
    spec: &vocab::PavilionSpec,
    slug: &str,
    name_en: &str,
    name_zh: &str,
    hall: Option<&str>,
    logo_px: u32,
    pictures: &mut Vec<Picture>,
) -> Pavilion {
    let logo = format!("pavilion-{slug}.png");
    pictures.push(Picture::Logo {
        file: logo.clone(),
        seed: rng::hash(slug),
        size: logo_px,
        color: picture::parse_color(spec.color),
    });
    Pavilion {
        slug: slug.to_owned(),
        kind: spec.kind,
        name_en: name_en.to_owned(),
        name_zh: name_zh.to_owned(),
        country: Some(spec.country.to_owned()),
        hall: hall.map(str::to_owned),
        color: Some(spec.color.to_owned()),
        description_en: Some(spec.description_en.to_owned()),
        description_zh: Some(spec.description_zh.to_owned()),
        logo: Some(logo),
    }
}
