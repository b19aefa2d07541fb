//! What the interface sends with a command: the filter of an exhibitor list and a search. These
//! mirror the core's query types with every filter optional, as the interface builds them.

use fairway_core::search;
use fairway_core::snapshot;
use serde::Deserialize;
use ts_rs::TS;

/// The most rows one call returns; a screen pages through longer lists.
pub const MAX_LIMIT: u32 = 500;

/// Which exhibitors a list shows; every filter given must match.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct ExhibitorFilter {
    /// Pavilion slug.
    #[ts(optional = nullable)]
    pub pavilion: Option<String>,
    /// Category slug; a parent category also matches its children's exhibitors.
    #[ts(optional = nullable)]
    pub category: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    #[ts(optional = nullable)]
    pub country: Option<String>,
    /// Hall code.
    #[ts(optional = nullable)]
    pub hall: Option<String>,
    #[ts(optional = nullable)]
    pub offset: Option<u32>,
    /// At most [`MAX_LIMIT`]; absent means that many.
    #[ts(optional = nullable)]
    pub limit: Option<u32>,
}

impl From<ExhibitorFilter> for snapshot::ExhibitorFilter {
    fn from(f: ExhibitorFilter) -> Self {
        snapshot::ExhibitorFilter {
            pavilion: f.pavilion,
            category: f.category,
            country: f.country,
            hall: f.hall,
            offset: f.offset.unwrap_or(0) as usize,
            limit: Some(f.limit.unwrap_or(MAX_LIMIT).min(MAX_LIMIT) as usize),
        }
    }
}

/// What the visitor typed and the filters they chose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, TS)]
#[serde(default)]
pub struct SearchQuery {
    pub text: String,
    /// Most results wanted; 0 means the core's default. At most [`MAX_LIMIT`].
    pub limit: u32,
    #[ts(optional = nullable)]
    pub category: Option<String>,
    #[ts(optional = nullable)]
    pub country: Option<String>,
    #[ts(optional = nullable)]
    pub hall: Option<String>,
    #[ts(optional = nullable)]
    pub pavilion: Option<String>,
}

impl From<SearchQuery> for search::SearchQuery {
    fn from(q: SearchQuery) -> Self {
        search::SearchQuery {
            text: q.text,
            limit: q.limit.min(MAX_LIMIT) as usize,
            category: q.category,
            country: q.country,
            hall: q.hall,
            pavilion: q.pavilion,
        }
    }
}
