//! The kiosk's list queries on top of the reader: a page of exhibitors with the total a list
//! header shows, search hits with what a result row draws (logo, pavilion), and the countries
//! the fair's exhibitors come from. Each is one call, so a kiosk command stays one core call.

use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::dto::{ExhibitorFilter, ExhibitorSummary, ImageRef};
use super::read::{Snapshot, SnapshotError};
use crate::search::SearchQuery;

/// One page of a filtered exhibitor list; `total` counts every match, not just this page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ExhibitorPage {
    #[ts(type = "number")]
    pub total: u64,
    pub items: Vec<ExhibitorSummary>,
}

/// A search result as a result row shows it: the core [`crate::search::SearchHit`] plus the
/// exhibitor's pavilion and logo.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(rename = "SearchHit")]
pub struct SearchResult {
    pub id: String,
    pub name_en: String,
    pub name_zh: Option<String>,
    pub booths: Vec<String>,
    /// Larger is better; results come best first.
    pub score: f64,
    /// Pavilion slug.
    pub pavilion: Option<String>,
    pub logo: Option<ImageRef>,
}

/// A country some exhibitor of the fair comes from, with its names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "Country")]
pub struct CountryName {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
}

impl Snapshot {
    /// The exhibitors matching `filter` (one page of them) and how many match in all.
    pub fn exhibitor_page(&self, filter: &ExhibitorFilter) -> Result<ExhibitorPage, SnapshotError> {
        let items = self.exhibitors(filter)?;
        let total = self.count_exhibitors(filter)?;
        Ok(ExhibitorPage { total, items })
    }

    /// How many exhibitors match `filter`, ignoring its offset and limit. The conditions are
    /// those of [`Snapshot::exhibitors`].
    pub fn count_exhibitors(&self, filter: &ExhibitorFilter) -> Result<u64, SnapshotError> {
        let mut sql = String::from("SELECT count(*) FROM exhibitors e WHERE 1");
        let args = super::read::filter_conditions(filter, &mut sql);
        let mut stmt = self.connection().prepare_cached(&sql)?;
        let n: i64 = stmt.query_row(rusqlite::params_from_iter(args), |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Bilingual search (see [`crate::search`]), each hit with its pavilion and logo.
    pub fn search_results(&self, query: &SearchQuery) -> Result<Vec<SearchResult>, SnapshotError> {
        let hits = self.search(query)?;
        let mut stmt = self.connection().prepare_cached(
            "SELECT e.pavilion, e.logo, a.width, a.height
             FROM exhibitors e LEFT JOIN assets a ON a.sha256 = e.logo
             WHERE e.id = ?1",
        )?;
        let mut results = Vec::with_capacity(hits.len());
        for hit in hits {
            let extra = stmt
                .query_row([&hit.id], |r| {
                    let logo = match r.get::<_, Option<String>>(1)? {
                        Some(sha256) => Some(ImageRef {
                            sha256,
                            width: r.get::<_, Option<u32>>(2)?.unwrap_or(0),
                            height: r.get::<_, Option<u32>>(3)?.unwrap_or(0),
                        }),
                        None => None,
                    };
                    Ok((r.get::<_, Option<String>>(0)?, logo))
                })
                .optional()?;
            let (pavilion, logo) = extra.unwrap_or((None, None));
            results.push(SearchResult {
                id: hit.id,
                name_en: hit.name_en,
                name_zh: hit.name_zh,
                booths: hit.booths,
                score: hit.score,
                pavilion,
                logo,
            });
        }
        Ok(results)
    }

    /// The countries the fair's exhibitors come from, by English name. Codes the country table
    /// does not know keep the code as their name rather than disappear from the filter.
    pub fn countries(&self) -> Result<Vec<CountryName>, SnapshotError> {
        let mut stmt = self.connection().prepare_cached(
            "SELECT DISTINCT country FROM exhibitors WHERE country IS NOT NULL AND country <> ''",
        )?;
        let codes = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        let mut countries: Vec<CountryName> = codes
            .into_iter()
            .map(|code| {
                let (name_en, name_zh) = crate::country::name(&code).unwrap_or(("", ""));
                let fallback = |name: &str| {
                    if name.is_empty() {
                        code.clone()
                    } else {
                        name.to_owned()
                    }
                };
                CountryName {
                    name_en: fallback(name_en),
                    name_zh: fallback(name_zh),
                    code: code.to_ascii_uppercase(),
                }
            })
            .collect();
        countries.sort_by(|a, b| a.name_en.cmp(&b.name_en).then(a.code.cmp(&b.code)));
        Ok(countries)
    }
}
