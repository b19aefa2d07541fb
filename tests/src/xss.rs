//! The fair of the XSS proof (issue 8): the committed corpus of injection strings
//! (`tests/xss/corpus.txt`) spread over every text field of a synthetic fair, which the real
//! `fairway` binary builds into a snapshot.
//!
//! Each kind of text field (an exhibitor's English name, a pavilion's Chinese description, ...)
//! has its own cursor over the corpus, starting at a different payload, so one exhibitor's
//! fields carry different payloads. A field takes payloads from its cursor, joined by a space,
//! as long as the importer's rule for the field (its length, control characters) still accepts
//! the text. The fair gets as many exhibitors, pavilions, categories, halls and kiosks as it
//! takes for every cursor to pass every payload the field accepts; [`Coverage`] says which
//! payloads a field kind cannot hold at all (too long, or a control character its rule refuses).
//! The fair itself is one record, so its names and venue carry only the payloads that fit.

use std::path::{Path, PathBuf};
use std::process::Command;

use fairway_core::validate;
use serde_json::{Value, json};

use crate::{fairway_binary, repo_root};

/// Where the corpus lives in the repository.
pub fn corpus_path() -> PathBuf {
    repo_root().join("tests/xss/corpus.txt")
}

/// The corpus, decoded (see the notation at the top of the file).
pub fn corpus() -> Vec<String> {
    let path = corpus_path();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} cannot be read: {e}", path.display()));
    parse_corpus(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Decodes the corpus notation: comment lines (`# ...`) and blank lines skipped, `\u{HEX}` escapes and
/// `@repeat(K) P` lines.
pub fn parse_corpus(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() || line == "#" || line.starts_with("# ") {
            continue;
        }
        let at = |e: String| format!("line {}: {e}", n + 1);
        let (times, body) = match line.strip_prefix("@repeat(") {
            Some(rest) => {
                let (k, body) = rest
                    .split_once(") ")
                    .ok_or_else(|| at("@repeat(K) needs a payload after it".into()))?;
                (k.parse::<usize>().map_err(|e| at(e.to_string()))?, body)
            }
            None => (1, line),
        };
        let payload = decode_escapes(body).map_err(at)?.repeat(times);
        if out.contains(&payload) {
            return Err(at(format!("payload {} is a duplicate", out.len() + 1)));
        }
        out.push(payload);
    }
    Ok(out)
}

fn decode_escapes(body: &str) -> Result<String, String> {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(i) = rest.find("\\u{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 3..];
        let end = after
            .find('}')
            .ok_or_else(|| "an unclosed \\u{ escape".to_owned())?;
        let code = u32::from_str_radix(&after[..end], 16)
            .map_err(|e| format!("\\u{{{}}}: {e}", &after[..end]))?;
        out.push(char::from_u32(code).ok_or_else(|| format!("U+{code:X} is no character"))?);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// A kind of text field and the importer's rule for it (from `validate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldKind {
    pub name: &'static str,
    pub max_chars: usize,
    pub multi_line: bool,
}

impl FieldKind {
    const fn line(name: &'static str, max_chars: usize) -> Self {
        FieldKind {
            name,
            max_chars,
            multi_line: false,
        }
    }
    const fn lines(name: &'static str, max_chars: usize) -> Self {
        FieldKind {
            name,
            max_chars,
            multi_line: true,
        }
    }

    /// Whether the importer accepts `text` (already trimmed) in this field.
    pub fn accepts(&self, text: &str) -> bool {
        if self.multi_line {
            validate::multi_line(text, self.max_chars).is_ok()
        } else {
            validate::single_line(text, self.max_chars).is_ok()
        }
    }
}

use validate::{
    MAX_CONTACT_NAME_CHARS as CONTACT, MAX_DESCRIPTION_CHARS as DESCRIPTION,
    MAX_FAIR_NAME_CHARS as FAIR_NAME, MAX_LABEL_CHARS as LABEL, MAX_NAME_CHARS as NAME,
    MAX_PRODUCT_DESCRIPTION_CHARS as PRODUCT_DESCRIPTION, MAX_PRODUCT_NAME_CHARS as PRODUCT_NAME,
    MAX_TITLE_CHARS as TITLE, MAX_VENUE_CHARS as VENUE,
};

/// Every free-text field of a fair's source folder.
pub const FIELD_KINDS: [FieldKind; 26] = [
    FieldKind::line("fair.name_en", FAIR_NAME),
    FieldKind::line("fair.name_zh", FAIR_NAME),
    FieldKind::line("fair.venue_en", VENUE),
    FieldKind::line("fair.venue_zh", VENUE),
    FieldKind::line("hall.name_en", NAME),
    FieldKind::line("hall.name_zh", NAME),
    FieldKind::line("pavilion.name_en", NAME),
    FieldKind::line("pavilion.name_zh", NAME),
    FieldKind::lines("pavilion.description_en", DESCRIPTION),
    FieldKind::lines("pavilion.description_zh", DESCRIPTION),
    FieldKind::line("category.name_en", NAME),
    FieldKind::line("category.name_zh", NAME),
    FieldKind::line("exhibitor.name_en", NAME),
    FieldKind::line("exhibitor.name_zh", NAME),
    FieldKind::line("exhibitor.contact_name_en", CONTACT),
    FieldKind::line("exhibitor.contact_name_zh", CONTACT),
    FieldKind::line("exhibitor.title_en", TITLE),
    FieldKind::line("exhibitor.title_zh", TITLE),
    FieldKind::lines("exhibitor.description_en", DESCRIPTION),
    FieldKind::lines("exhibitor.description_zh", DESCRIPTION),
    FieldKind::line("product.name_en", PRODUCT_NAME),
    FieldKind::line("product.name_zh", PRODUCT_NAME),
    FieldKind::lines("product.description_en", PRODUCT_DESCRIPTION),
    FieldKind::lines("product.description_zh", PRODUCT_DESCRIPTION),
    FieldKind::line("kiosk.label_en", LABEL),
    FieldKind::line("kiosk.label_zh", LABEL),
];

/// Hands out one field kind's values: consecutive payloads from its own cursor.
struct Packer<'a> {
    corpus: &'a [String],
    kind: FieldKind,
    fits: Vec<bool>,
    placed: Vec<usize>,
    cursor: usize,
}

impl<'a> Packer<'a> {
    fn new(corpus: &'a [String], kind: FieldKind, start: usize) -> Self {
        Packer {
            corpus,
            kind,
            fits: corpus.iter().map(|p| kind.accepts(p.trim())).collect(),
            placed: vec![0; corpus.len()],
            cursor: start,
        }
    }

    fn complete(&self) -> bool {
        self.fits
            .iter()
            .zip(&self.placed)
            .all(|(fits, placed)| !fits || *placed > 0)
    }

    fn next_value(&mut self) -> String {
        let n = self.corpus.len();
        let mut value = String::new();
        for _ in 0..n {
            let i = self.cursor % n;
            if !self.fits[i] {
                self.cursor += 1;
                continue;
            }
            let candidate = if value.is_empty() {
                self.corpus[i].clone()
            } else {
                format!("{value} {}", self.corpus[i])
            };
            if !self.kind.accepts(candidate.trim()) {
                break;
            }
            value = candidate;
            self.placed[i] += 1;
            self.cursor += 1;
        }
        assert!(
            !value.trim().is_empty(),
            "{} accepts none of the corpus",
            self.kind.name
        );
        // The importer trims every cell; the fair holds what it stores.
        value.trim().to_owned()
    }
}

/// What one field kind holds of the corpus.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub kind: FieldKind,
    /// How many values (records) of this kind the fair has.
    pub values: usize,
    /// How many payloads it holds at least once.
    pub payloads: usize,
    /// Payload numbers (1-based) the importer's rule refuses for this kind.
    pub refused: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct HallText {
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
}

#[derive(Debug, Clone)]
pub struct PavilionText {
    pub slug: String,
    pub name_en: String,
    pub name_zh: String,
    pub description_en: String,
    pub description_zh: String,
}

#[derive(Debug, Clone)]
pub struct CategoryText {
    pub slug: String,
    pub name_en: String,
    pub name_zh: String,
    pub parent: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ExhibitorText {
    pub id: String,
    pub name_en: String,
    pub name_zh: String,
    pub contact_name_en: String,
    pub contact_name_zh: String,
    pub title_en: String,
    pub title_zh: String,
    pub description_en: String,
    pub description_zh: String,
    pub product_name_en: String,
    pub product_name_zh: String,
    pub product_description_en: String,
    pub product_description_zh: String,
    pub website: String,
    pub email: String,
    pub phone: String,
    pub pavilion: String,
    pub booth: String,
    pub categories: Vec<String>,
}

/// The hostile fair: its source folder, its snapshot and what every record says.
#[derive(Debug)]
pub struct HostileFair {
    pub dir: tempfile::TempDir,
    pub source: PathBuf,
    pub snapshot: PathBuf,
    pub corpus: Vec<String>,
    pub fair: [String; 4],
    pub halls: Vec<HallText>,
    pub pavilions: Vec<PavilionText>,
    pub categories: Vec<CategoryText>,
    pub exhibitors: Vec<ExhibitorText>,
    pub kiosks: Vec<(String, String, String)>,
    pub coverage: Vec<Coverage>,
}

/// Halls that hold booths (joined by doors); the others only carry names.
pub const BOOTH_HALLS: usize = 4;

/// Contact values the importer's rules accept although they hold markup: an https address may
/// carry `<`, `"` and `'` in its path, an e-mail address quotes, backquotes and braces in its
/// local part (a tagged template call needs no brackets).
pub const HOSTILE_WEBSITES: [&str; 4] = [
    "https://xss.example/\"><img/src=x/onerror=__fairwayPwned(9001)>",
    "https://xss.example/?q=<script>__fairwayPwned(9002)</script>",
    "https://xss.example/#javascript:__fairwayPwned(9003)",
    "https://xss.example/'-alert(9004)-'",
];
pub const HOSTILE_EMAILS: [&str; 3] = [
    "'-__fairwayPwned`9005`-'@xss.example",
    "{__fairwayPwned`9006`}@xss.example",
    "x+$&'/=?^_{|}~@xss.example",
];

const COUNTRIES: [&str; 8] = ["CN", "TH", "VN", "LA", "MY", "SG", "ID", "KH"];
const PAVILION_KINDS: [&str; 4] = ["region", "theme", "country", "city"];

/// Writes the hostile fair's source folder into a temporary folder and builds it with the
/// `fairway` binary.
pub fn build_hostile_fair() -> Result<HostileFair, Box<dyn std::error::Error>> {
    let corpus = corpus();
    let n = corpus.len();
    let mut packers: Vec<Packer<'_>> = FIELD_KINDS
        .iter()
        .enumerate()
        .map(|(k, kind)| Packer::new(&corpus, *kind, (k * 37) % n))
        .collect();
    let index = |name: &str| {
        FIELD_KINDS
            .iter()
            .position(|k| k.name == name)
            .expect("a known field kind")
    };
    let fair = [
        "fair.name_en",
        "fair.name_zh",
        "fair.venue_en",
        "fair.venue_zh",
    ]
    .map(|name| packers[index(name)].next_value());
    let done = |packers: &[Packer<'_>], prefix: &str| {
        packers
            .iter()
            .filter(|p| p.kind.name.starts_with(prefix))
            .all(Packer::complete)
    };
    let take = |packers: &mut Vec<Packer<'_>>, name: &str| packers[index(name)].next_value();

    let mut halls = Vec::new();
    while halls.len() < BOOTH_HALLS || !done(&packers, "hall.") {
        halls.push(HallText {
            code: format!("H{:02}", halls.len() + 1),
            name_en: take(&mut packers, "hall.name_en"),
            name_zh: take(&mut packers, "hall.name_zh"),
        });
    }
    let mut pavilions = Vec::new();
    while !done(&packers, "pavilion.") {
        pavilions.push(PavilionText {
            slug: format!("pav-{:03}", pavilions.len() + 1),
            name_en: take(&mut packers, "pavilion.name_en"),
            name_zh: take(&mut packers, "pavilion.name_zh"),
            description_en: take(&mut packers, "pavilion.description_en"),
            description_zh: take(&mut packers, "pavilion.description_zh"),
        });
    }
    let mut categories: Vec<CategoryText> = Vec::new();
    while !done(&packers, "category.") {
        let i = categories.len();
        // Every third category is a top level one; the two after it are its children.
        let parent = (!i.is_multiple_of(3)).then(|| categories[i - i % 3].slug.clone());
        categories.push(CategoryText {
            slug: format!("cat-{:03}", i + 1),
            name_en: take(&mut packers, "category.name_en"),
            name_zh: take(&mut packers, "category.name_zh"),
            parent,
        });
    }
    let mut exhibitors: Vec<ExhibitorText> = Vec::new();
    while !done(&packers, "exhibitor.") || !done(&packers, "product.") {
        let i = exhibitors.len();
        let hall = i % BOOTH_HALLS;
        exhibitors.push(ExhibitorText {
            id: format!("X{:03}", i + 1),
            name_en: take(&mut packers, "exhibitor.name_en"),
            name_zh: take(&mut packers, "exhibitor.name_zh"),
            contact_name_en: take(&mut packers, "exhibitor.contact_name_en"),
            contact_name_zh: take(&mut packers, "exhibitor.contact_name_zh"),
            title_en: take(&mut packers, "exhibitor.title_en"),
            title_zh: take(&mut packers, "exhibitor.title_zh"),
            description_en: take(&mut packers, "exhibitor.description_en"),
            description_zh: take(&mut packers, "exhibitor.description_zh"),
            product_name_en: take(&mut packers, "product.name_en"),
            product_name_zh: take(&mut packers, "product.name_zh"),
            product_description_en: take(&mut packers, "product.description_en"),
            product_description_zh: take(&mut packers, "product.description_zh"),
            website: HOSTILE_WEBSITES[i % HOSTILE_WEBSITES.len()].to_owned(),
            email: HOSTILE_EMAILS[i % HOSTILE_EMAILS.len()].to_owned(),
            phone: format!("+4420794{:05}", i),
            pavilion: pavilions[i % pavilions.len()].slug.clone(),
            booth: format!("{}-{:03}", halls[hall].code, i / BOOTH_HALLS + 1),
            categories: vec![
                categories[i % categories.len()].slug.clone(),
                categories[(i + 1) % categories.len()].slug.clone(),
            ],
        });
    }
    let mut kiosks = Vec::new();
    while !done(&packers, "kiosk.") {
        kiosks.push((
            format!("K{:03}", kiosks.len()),
            take(&mut packers, "kiosk.label_en"),
            take(&mut packers, "kiosk.label_zh"),
        ));
    }
    let coverage = packers
        .iter()
        .map(|p| Coverage {
            kind: p.kind,
            values: 0,
            payloads: p.placed.iter().filter(|c| **c > 0).count(),
            refused: (0..n).filter(|i| !p.fits[*i]).map(|i| i + 1).collect(),
        })
        .collect::<Vec<_>>();

    let dir = tempfile::tempdir()?;
    let source = dir.path().join("fair");
    let mut hostile = HostileFair {
        source: source.clone(),
        snapshot: PathBuf::new(),
        dir,
        corpus: corpus.clone(),
        fair,
        halls,
        pavilions,
        categories,
        exhibitors,
        kiosks,
        coverage,
    };
    hostile.count_values();
    write_source(&hostile, &source)?;
    let out = hostile.dir.path().join("snapshot");
    hostile.snapshot = fairway_build(&source, &out)?;
    Ok(hostile)
}

impl HostileFair {
    fn count_values(&mut self) {
        let counts = [
            ("fair.", 1),
            ("hall.", self.halls.len()),
            ("pavilion.", self.pavilions.len()),
            ("category.", self.categories.len()),
            ("exhibitor.", self.exhibitors.len()),
            ("product.", self.exhibitors.len()),
            ("kiosk.", self.kiosks.len()),
        ];
        for c in &mut self.coverage {
            c.values = counts
                .iter()
                .find(|(prefix, _)| c.kind.name.starts_with(prefix))
                .map_or(0, |(_, n)| *n);
        }
    }

    /// Which payloads (1-based numbers) a text holds.
    pub fn payloads_in(&self, text: &str) -> Vec<usize> {
        self.corpus
            .iter()
            .enumerate()
            .filter(|(_, p)| text.contains(p.trim()))
            .map(|(i, _)| i + 1)
            .collect()
    }

    /// Every text the fair holds, for the page to look for (see `tests/xss.rs`).
    pub fn expected_json(&self) -> Value {
        json!({
            "fair": self.fair,
            "halls": self.halls.iter().map(|h| json!({
                "code": h.code, "en": h.name_en, "zh": h.name_zh,
            })).collect::<Vec<_>>(),
            "pavilions": self.pavilions.iter().map(|p| json!({
                "slug": p.slug, "en": p.name_en, "zh": p.name_zh,
                "description_en": p.description_en, "description_zh": p.description_zh,
            })).collect::<Vec<_>>(),
            "categories": self.categories.iter().map(|c| json!({
                "slug": c.slug, "en": c.name_en, "zh": c.name_zh, "parent": c.parent,
            })).collect::<Vec<_>>(),
            "exhibitors": self.exhibitors.iter().map(|e| json!({
                "id": e.id, "en": e.name_en, "zh": e.name_zh,
                "contact_en": e.contact_name_en, "contact_zh": e.contact_name_zh,
                "title_en": e.title_en, "title_zh": e.title_zh,
                "description_en": e.description_en, "description_zh": e.description_zh,
                "product_en": e.product_name_en, "product_zh": e.product_name_zh,
                "product_description_en": e.product_description_en,
                "product_description_zh": e.product_description_zh,
                "website": e.website, "email": e.email, "pavilion": e.pavilion,
                "booth": e.booth, "categories": e.categories,
            })).collect::<Vec<_>>(),
        })
    }
}

fn write_source(fair: &HostileFair, dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir.join("images"))?;
    let demo_images = repo_root().join("assets/demo-fair/images");
    for (from, to) in [
        ("logo-E0001.png", "logo.png"),
        ("pavilion-chongqing.png", "pavilion.png"),
    ] {
        std::fs::copy(demo_images.join(from), dir.join("images").join(to))?;
    }
    let s = |v: &str| Value::String(v.to_owned()).to_string();
    std::fs::write(
        dir.join("fair.toml"),
        format!(
            "id = \"xss-proof\"\nname_en = {}\nname_zh = {}\nvenue_en = {}\nvenue_zh = {}\n\
             starts_on = \"2026-09-18\"\nends_on = \"2026-09-21\"\ntimezone = \"Asia/Shanghai\"\n\
             default_language = \"en\"\n",
            s(&fair.fair[0]),
            s(&fair.fair[1]),
            s(&fair.fair[2]),
            s(&fair.fair[3]),
        ),
    )?;

    let mut w = csv::Writer::from_path(dir.join("halls.csv"))?;
    w.write_record([
        "code", "name_en", "name_zh", "level", "width_m", "depth_m", "x_m", "y_m",
    ])?;
    for (i, h) in fair.halls.iter().enumerate() {
        // The booth halls stand in a row on level 1; the others, small, on levels 2 and 3.
        let (level, width, depth) = if i < BOOTH_HALLS {
            ("1".to_owned(), "96", "60")
        } else {
            ((2 + i % 2).to_string(), "24", "12")
        };
        let x = if i < BOOTH_HALLS { 96 * i } else { 30 * i };
        w.write_record([
            h.code.as_str(),
            &h.name_en,
            &h.name_zh,
            &level,
            width,
            depth,
            &x.to_string(),
            "0",
        ])?;
    }
    w.flush()?;

    let mut w = csv::Writer::from_path(dir.join("connectors.csv"))?;
    w.write_record([
        "from_hall",
        "from_x_m",
        "from_y_m",
        "to_hall",
        "to_x_m",
        "to_y_m",
        "kind",
        "step_free",
    ])?;
    for i in 1..BOOTH_HALLS {
        let (from, to) = (&fair.halls[i - 1].code, &fair.halls[i].code);
        w.write_record([from.as_str(), "96", "30", to, "0", "30", "door", "true"])?;
    }
    w.flush()?;

    let mut w = csv::Writer::from_path(dir.join("pavilions.csv"))?;
    w.write_record([
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
    ])?;
    for (i, p) in fair.pavilions.iter().enumerate() {
        w.write_record([
            p.slug.as_str(),
            PAVILION_KINDS[i % PAVILION_KINDS.len()],
            &p.name_en,
            &p.name_zh,
            COUNTRIES[i % COUNTRIES.len()],
            &fair.halls[i % BOOTH_HALLS].code,
            &format!(
                "#{:02x}{:02x}{:02x}",
                40 + i * 7 % 200,
                90,
                160 - i * 3 % 120
            ),
            &p.description_en,
            &p.description_zh,
            if i % 3 == 0 { "pavilion.png" } else { "" },
        ])?;
    }
    w.flush()?;

    let mut w = csv::Writer::from_path(dir.join("categories.csv"))?;
    w.write_record(["slug", "name_en", "name_zh", "parent"])?;
    for c in &fair.categories {
        w.write_record([
            c.slug.as_str(),
            &c.name_en,
            &c.name_zh,
            c.parent.as_deref().unwrap_or(""),
        ])?;
    }
    w.flush()?;

    let mut w = csv::Writer::from_path(dir.join("booths.csv"))?;
    w.write_record([
        "code", "hall", "x_m", "y_m", "width_m", "depth_m", "pavilion",
    ])?;
    for (i, e) in fair.exhibitors.iter().enumerate() {
        // 14 booths of 3 × 3 m to a row, 6 rows to a hall, aisles of 3 and 5 m.
        let slot = i / BOOTH_HALLS;
        let (x, y) = (6 + 6 * (slot % 14), 6 + 8 * (slot / 14));
        assert!(slot < 14 * 6, "the booth halls hold at most 336 booths");
        w.write_record([
            e.booth.as_str(),
            &fair.halls[i % BOOTH_HALLS].code,
            &x.to_string(),
            &y.to_string(),
            "3",
            "3",
            "",
        ])?;
    }
    w.flush()?;

    let mut w = csv::Writer::from_path(dir.join("exhibitors.csv"))?;
    w.write_record([
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
    ])?;
    for (i, e) in fair.exhibitors.iter().enumerate() {
        w.write_record([
            e.id.as_str(),
            &e.name_en,
            &e.name_zh,
            COUNTRIES[i % COUNTRIES.len()],
            &e.pavilion,
            &e.booth,
            &e.categories.join(";"),
            &e.website,
            &e.email,
            &e.phone,
            &e.contact_name_en,
            &e.contact_name_zh,
            &e.title_en,
            &e.title_zh,
            &e.description_en,
            &e.description_zh,
            if i % 5 == 0 { "logo.png" } else { "" },
        ])?;
    }
    w.flush()?;

    let mut w = csv::Writer::from_path(dir.join("products.csv"))?;
    w.write_record([
        "exhibitor",
        "name_en",
        "name_zh",
        "description_en",
        "description_zh",
        "image",
    ])?;
    for e in &fair.exhibitors {
        w.write_record([
            e.id.as_str(),
            &e.product_name_en,
            &e.product_name_zh,
            &e.product_description_en,
            &e.product_description_zh,
            "",
        ])?;
    }
    w.flush()?;

    let mut w = csv::Writer::from_path(dir.join("kiosks.csv"))?;
    w.write_record(["id", "hall", "x_m", "y_m", "label_en", "label_zh"])?;
    for (k, (id, en, zh)) in fair.kiosks.iter().enumerate() {
        // The first kiosk (where a kiosk not in the snapshot stands) at the first hall's
        // entrance; the others along the back wall of the booth halls, clear of the booths.
        let (hall, x) = if k == 0 {
            (0, 48)
        } else {
            (k % BOOTH_HALLS, 2 + (k * 7) % 92)
        };
        w.write_record([
            id.as_str(),
            &fair.halls[hall].code,
            &x.to_string(),
            "57",
            en,
            zh,
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Builds `source` into `out` with the real `fairway` binary and returns the snapshot's path.
pub fn fairway_build(source: &Path, out: &Path) -> Result<PathBuf, String> {
    let output = Command::new(fairway_binary())
        .arg("build")
        .arg(source)
        .arg("--out")
        .arg(out)
        .output()
        .map_err(|e| format!("cannot run fairway: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("fairway build failed: {}", stderr.trim()));
    }
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("built "))
        .and_then(|l| l.split(" (sequence").next())
        .map(PathBuf::from)
        .ok_or_else(|| format!("fairway build said nothing about a snapshot: {stdout}"))
}
