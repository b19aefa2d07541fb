//! Fictional companies: names in both languages, descriptions, contacts and products.
//!
//! Each company is drawn from its pavilion's naming style and industries with the caller's
//! generator, so the same seed always gives the same companies. Contact details are fiction by
//! construction: e-mail and web addresses on example.com / example.cn, phone numbers from the
//! ranges that Ofcom, the North American Numbering Plan and ACMA reserve for drama.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use super::rng::Rng;
use super::vocab::{
    BRAND_FIRST, BRAND_SECOND, BRAND_WORDS, GIVEN_NAMES, Industry, NameStyle, PARTNERS,
    PavilionSpec, SURNAMES, TITLES, TRAITS,
};
use crate::model::{Exhibitor, Product};

/// A company before it has an id, booths or a logo.
#[derive(Debug, Clone)]
pub(crate) struct Company {
    pub name_en: String,
    pub name_zh: Option<String>,
    /// The name without its legal suffix, used inside sentences and product names.
    pub short_en: String,
    pub short_zh: String,
    pub city_en: String,
    pub city_zh: String,
    pub industry: &'static Industry,
    /// Lower-case ASCII, for the web and e-mail address.
    pub slug: String,
    /// `cn` or `com`.
    pub tld: &'static str,
    pub contact: (String, String),
    pub country: String,
    pub description_en: Option<String>,
    pub description_zh: Option<String>,
    /// Hand-written companies always get a phone number: acceptance checks use them.
    pub featured: bool,
}

/// Remembers names and address slugs already used so that companies stay distinct.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    names: HashSet<String>,
    slugs: HashSet<String>,
}

impl Registry {
    /// Records a hand-written company so generated ones never repeat it.
    pub(crate) fn claim(&mut self, name_en: &str, slug: &str) -> String {
        self.names.insert(name_en.to_owned());
        self.unique_slug(slug)
    }

    fn unique_slug(&mut self, slug: &str) -> String {
        if self.slugs.insert(slug.to_owned()) {
            return slug.to_owned();
        }
        let mut n = 2;
        loop {
            let candidate = format!("{slug}-{n}");
            if self.slugs.insert(candidate.clone()) {
                return candidate;
            }
            n += 1;
        }
    }
}

/// Draws a new company for a pavilion. After a few clashes a repeated name is accepted, which
/// only happens in very large synthetic fairs.
pub(crate) fn company(rng: &mut Rng, spec: &PavilionSpec, registry: &mut Registry) -> Company {
    let mut attempt = 0;
    loop {
        let candidate = draw(rng, spec);
        attempt += 1;
        if registry.names.insert(candidate.name_en.clone()) || attempt >= 8 {
            let slug = registry.unique_slug(&candidate.slug);
            let mut company = Company { slug, ..candidate };
            describe(rng, &mut company);
            return company;
        }
    }
}

fn draw(rng: &mut Rng, spec: &PavilionSpec) -> Company {
    let industry = *rng.pick(spec.industries);
    match &spec.style {
        NameStyle::Chinese(places) => {
            let (place_zh, place_en) = *rng.pick(places);
            let (a_zh, a_en) = *rng.pick(BRAND_FIRST);
            let (b_zh, b_en) = *rng.pick(BRAND_SECOND);
            let brand_zh = format!("{a_zh}{b_zh}");
            let brand_en = format!("{a_en}{b_en}");
            let short_zh = format!("{place_zh}{brand_zh}{}", industry.zh);
            let short_en = format!("{place_en} {brand_en} {}", industry.en);
            let (name_en, name_zh) = if industry.bank {
                (short_en.clone(), short_zh.clone())
            } else {
                let group = rng.chance(15);
                let (suffix_en, suffix_zh) = if group {
                    ("Group Co., Ltd.", "集团有限公司")
                } else {
                    ("Co., Ltd.", "有限公司")
                };
                (
                    format!("{short_en} {suffix_en}"),
                    format!("{short_zh}{suffix_zh}"),
                )
            };
            let slug = slugify(&format!("{brand_en} {}", industry.en));
            Company {
                name_en,
                name_zh: Some(name_zh),
                short_en,
                short_zh,
                city_en: place_en.to_owned(),
                city_zh: place_zh.to_owned(),
                industry,
                slug,
                tld: "cn",
                contact: chinese_person(rng),
                country: spec.country.to_owned(),
                description_en: None,
                description_zh: None,
                featured: false,
            }
        }
        NameStyle::Foreign(style) => {
            let (root_en, root_zh) = *rng.pick(style.roots);
            let (word_en, word_zh) = *rng.pick(BRAND_WORDS);
            let (suffix_en, suffix_zh) = *rng.pick(style.suffixes);
            let brand_en = format!("{root_en} {word_en}");
            let short_en = match style.en_prefix {
                Some(prefix) => format!("{prefix} {brand_en} {}", industry.en),
                None => format!("{brand_en} {}", industry.en),
            };
            let short_zh = format!("{}{root_zh}{word_zh}{}", style.prefix_zh, industry.zh);
            let (city_zh, city_en) = *rng.pick(style.cities);
            let contact = if rng.chance(style.chinese_people_percent) {
                chinese_person(rng)
            } else {
                let (en, zh) = *rng.pick(style.people);
                (en.to_owned(), zh.to_owned())
            };
            // A few foreign companies have no Chinese name, so the kiosk's fallback shows up.
            let name_zh = (!rng.chance(3)).then(|| format!("{short_zh}{suffix_zh}"));
            Company {
                name_en: format!("{short_en} {suffix_en}"),
                name_zh,
                slug: slugify(&format!("{brand_en} {}", industry.en)),
                short_en,
                short_zh,
                city_en: city_en.to_owned(),
                city_zh: city_zh.to_owned(),
                industry,
                tld: "com",
                contact,
                country: spec.country.to_owned(),
                description_en: None,
                description_zh: None,
                featured: false,
            }
        }
    }
}

/// One to three sentences in each language; now and then only one language, so that the
/// kiosk's fallback to the other language is exercised.
pub(crate) fn describe(rng: &mut Rng, company: &mut Company) {
    let year = rng.between(1988, 2022);
    let sentences = rng.between(1, 3);
    let mut en = format!(
        "Founded in {year} in {}, {} {}.",
        company.city_en, company.short_en, company.industry.does_en
    );
    let mut zh = format!(
        "{}成立于{year}年，总部位于{}，{}。",
        company.short_zh, company.city_zh, company.industry.does_zh
    );
    if sentences >= 2 {
        let (t_en, t_zh) = *rng.pick(TRAITS);
        let n = rng.between(5, 60).to_string();
        en.push(' ');
        en.push_str(&t_en.replace("{n}", &n));
        zh.push_str(&t_zh.replace("{n}", &n));
    }
    if sentences >= 3 {
        let (p_en, p_zh) = *rng.pick(PARTNERS);
        en.push(' ');
        en.push_str(p_en);
        zh.push_str(p_zh);
    }
    let which = rng.below(100);
    company.description_en = (which >= 3).then_some(en);
    company.description_zh = (!(3..6).contains(&which)).then_some(zh);
}

fn chinese_person(rng: &mut Rng) -> (String, String) {
    let (s_zh, s_en) = *rng.pick(SURNAMES);
    let (g_zh, g_en) = *rng.pick(GIVEN_NAMES);
    (format!("{s_en} {g_en}"), format!("{s_zh}{g_zh}"))
}

/// The phone numbers reserved for fiction, in E.164: UK drama numbers, the US 555-01xx block
/// and Australia's drama range. `n` picks one; they repeat only in very large fairs.
pub(crate) fn fiction_phone(n: usize) -> String {
    const UK: usize = 1000;
    const US: usize = 100;
    const AU: usize = 154;
    let n = n % (UK + US + AU);
    if n < UK {
        format!("+44207946{n:04}")
    } else if n < UK + US {
        format!("+1202555{:04}", 100 + (n - UK))
    } else {
        format!("+614915{:05}", 70006 + (n - UK - US))
    }
}

/// Fills an exhibitor row from a company; booths and logo are set by the caller.
pub(crate) fn exhibitor(
    rng: &mut Rng,
    company: &Company,
    id: String,
    pavilion: Option<&str>,
    ordinal: usize,
) -> Exhibitor {
    let mut categories: Vec<String> = company
        .industry
        .categories
        .iter()
        .take(rng.between(1, 2) as usize)
        .map(|c| (*c).to_owned())
        .collect();
    if rng.chance(15) && !categories.iter().any(|c| c == "trade-services") {
        categories.push("trade-services".to_owned());
    }
    let (title_en, title_zh) = *rng.pick(TITLES);
    // Stepping by a prime spreads consecutive exhibitors over all three reserved ranges.
    let no_phone = rng.chance(8) && !company.featured;
    let phone = (!no_phone).then(|| fiction_phone(ordinal * 389));
    Exhibitor {
        id,
        name_en: company.name_en.clone(),
        name_zh: company.name_zh.clone(),
        country: Some(company.country.clone()),
        pavilion: pavilion.map(str::to_owned),
        booths: Vec::new(),
        categories,
        website: Some(format!("https://{}.example.{}", company.slug, company.tld)),
        email: Some(format!("{}@example.{}", company.slug, company.tld)),
        phone,
        contact_name_en: Some(company.contact.0.clone()),
        contact_name_zh: Some(company.contact.1.clone()),
        title_en: Some(title_en.to_owned()),
        title_zh: Some(title_zh.to_owned()),
        description_en: company.description_en.clone(),
        description_zh: company.description_zh.clone(),
        logo: None,
    }
}

/// `count` distinct products of the company's industry.
pub(crate) fn products(
    rng: &mut Rng,
    company: &Company,
    exhibitor_id: &str,
    count: usize,
) -> Vec<Product> {
    let all = company.industry.products;
    let start = rng.below(all.len());
    (0..count.min(all.len()))
        .map(|i| {
            let (p_en, p_zh) = all[(start + i) % all.len()];
            let (description_en, description_zh) = match rng.below(3) {
                0 => (
                    format!(
                        "{p_en} from {}, for buyers and distributors.",
                        company.short_en
                    ),
                    format!("{}出品的{p_zh}，面向采购商和经销商。", company.short_zh),
                ),
                1 => (
                    format!("Ask at the booth about the {}.", p_en.to_lowercase()),
                    format!("欢迎到展位咨询{p_zh}。"),
                ),
                _ => (
                    format!("Developed in {} by {}.", company.city_en, company.short_en),
                    format!("由{}在{}研发。", company.short_zh, company.city_zh),
                ),
            };
            Product {
                exhibitor: exhibitor_id.to_owned(),
                name_en: p_en.to_owned(),
                name_zh: Some(p_zh.to_owned()),
                description_en: Some(description_en),
                description_zh: Some(description_zh),
                image: None,
            }
        })
        .collect()
}

/// Lower-case ASCII letters and digits joined by hyphens; Vietnamese letters lose their marks.
pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut hyphen = false;
    for c in text.replace(['đ', 'Đ'], "d").nfd() {
        if c.is_ascii_alphanumeric() {
            if hyphen && !out.is_empty() {
                out.push('-');
            }
            hyphen = false;
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii() {
            hyphen = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_vietnamese_marks_and_drop_punctuation() {
        assert_eq!(
            slugify("Cà Phê Sông Hồng Coffee"),
            "ca-phe-song-hong-coffee"
        );
        assert_eq!(slugify("Đà Lạt Star"), "da-lat-star");
        assert_eq!(slugify("Xi'an Food & Beverage"), "xi-an-food-beverage");
    }

    #[test]
    fn fiction_phones_cover_the_three_reserved_ranges() {
        assert_eq!(fiction_phone(0), "+442079460000");
        assert_eq!(fiction_phone(999), "+442079460999");
        assert_eq!(fiction_phone(1000), "+12025550100");
        assert_eq!(fiction_phone(1099), "+12025550199");
        assert_eq!(fiction_phone(1100), "+61491570006");
        assert_eq!(fiction_phone(1253), "+61491570159");
        assert_eq!(fiction_phone(1254), "+442079460000");
    }
}
