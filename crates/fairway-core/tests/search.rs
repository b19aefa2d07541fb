//! Search through its public interface on a small realistic fair: a Chongqing-flavoured expo
//! with Chinese banks and manufacturers, Thai and Vietnamese pavilions, and a few names chosen
//! to catch wrong pinyin readings and typos.

use fairway_core::search::{self, SearchHit, SearchQuery, query_plan, score};
use proptest::prelude::*;
use rusqlite::{Connection, params};

/// (id, name_en, name_zh, country, pavilion, booths, categories)
type Exhibitor = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
);

const EXHIBITORS: &[Exhibitor] = &[
    (
        "cq-changan",
        "Chongqing Changan Automobile Co., Ltd.",
        Some("重庆长安汽车股份有限公司"),
        "CN",
        Some("chongqing"),
        &["A1-001"],
        &["vehicles"],
    ),
    (
        "cq-bank",
        "Bank of Chongqing",
        Some("重庆银行"),
        "CN",
        Some("chongqing"),
        &["A1-002"],
        &["finance"],
    ),
    (
        "boc",
        "Bank of China",
        Some("中国银行"),
        "CN",
        None,
        &["B2-010"],
        &["finance"],
    ),
    (
        "cq-heavy",
        "Chongqing Heavy Machinery Group",
        Some("重庆重型机械集团"),
        "CN",
        Some("chongqing"),
        &["A1-003"],
        &["cnc"],
    ),
    (
        "egret-port",
        "Egret Port Logistics",
        Some("厦门港口物流有限公司"),
        "CN",
        None,
        &["B2-011"],
        &[],
    ),
    (
        "guapian-tea",
        "Guapian Tea Trading",
        Some("六安茶叶贸易公司"),
        "CN",
        None,
        &["B2-012"],
        &["food"],
    ),
    (
        "silk-road",
        "Silk Road Culture House",
        Some("长安丝路文化"),
        "CN",
        None,
        &["B2-013"],
        &[],
    ),
    (
        "siam-rice",
        "Siam Rice Export",
        Some("暹罗大米出口"),
        "TH",
        Some("thailand"),
        &["C1-001"],
        &["food"],
    ),
    (
        "orchid",
        "Bangkok Orchid Cosmetics",
        Some("曼谷兰花化妆品"),
        "TH",
        Some("thailand"),
        &["C1-002"],
        &[],
    ),
    (
        "thai-silk",
        "Thai Silk House",
        Some("泰丝之家"),
        "TH",
        Some("thailand"),
        &["C1-003", "C1-004"],
        &[],
    ),
    (
        "ca-phe",
        "Cà Phê Sông Hồng",
        Some("红河咖啡"),
        "VN",
        Some("vietnam"),
        &["C1-010"],
        &["food"],
    ),
    (
        "lacquer",
        "Hanoi Lacquerware",
        Some("河内漆器"),
        "VN",
        Some("vietnam"),
        &["C1-011"],
        &[],
    ),
    (
        "precision",
        "Precision Machinery Works",
        Some("精密机械厂"),
        "CN",
        None,
        &["A2-001"],
        &["cnc"],
    ),
    (
        "machinary",
        "Machinary Design Studio",
        None,
        "IT",
        None,
        &["A2-002"],
        &[],
    ),
    (
        "dujiangyan",
        "Minjiang Water Technology",
        Some("都江堰水务科技"),
        "CN",
        None,
        &["A2-003"],
        &[],
    ),
    (
        "changsha",
        "Xiangjiang Construction Heavy Industry",
        Some("长沙建设重工"),
        "CN",
        None,
        &["A2-004"],
        &["machinery"],
    ),
    (
        "laos-coffee",
        "Bolaven Highland Coffee",
        Some("老挝高原咖啡"),
        "LA",
        None,
        &["C1-012"],
        &["food"],
    ),
    (
        "sg-fintech",
        "Singapore Fintech Alliance",
        Some("新加坡金融科技联盟"),
        "SG",
        None,
        &["B2-014"],
        &["finance"],
    ),
    (
        "hk-trade",
        "Hong Kong Trade Link",
        Some("香港贸易通"),
        "HK",
        None,
        &["B2-015"],
        &[],
    ),
    (
        "beibu-bank",
        "Beibu Gulf Bank",
        Some("广西北部湾银行"),
        "CN",
        None,
        &["B2-016"],
        &["finance"],
    ),
    (
        "brand",
        "Brand Electric",
        None,
        "DE",
        None,
        &["A2-005"],
        &[],
    ),
    (
        "brandt",
        "Brandt Electric",
        None,
        "DE",
        None,
        &["A2-006"],
        &[],
    ),
];

fn fair() -> Connection {
    let conn = Connection::open_in_memory().expect("an in-memory database opens");
    conn.execute_batch(include_str!("../src/snapshot/schema_core.sql"))
        .expect("the core schema applies");
    conn.execute_batch(search::SCHEMA_SQL)
        .expect("the search schema applies after the core schema");
    conn.execute_batch(
        "INSERT INTO halls VALUES ('A1',1,'Hall A1','A1馆',1,100,100,0,0),
                                  ('A2',2,'Hall A2','A2馆',1,100,100,100,0),
                                  ('B2',3,'Hall B2','B2馆',2,100,100,0,0),
                                  ('C1',4,'Hall C1','C1馆',1,100,100,200,0);
         INSERT INTO pavilions (slug, ord, kind, name_en, name_zh, country, hall) VALUES
             ('chongqing',1,'city','Chongqing Pavilion','重庆馆',NULL,'A1'),
             ('thailand',2,'country','Thailand Pavilion','泰国馆','TH','C1'),
             ('vietnam',3,'country','Vietnam Pavilion','越南馆','VN','C1');
         INSERT INTO categories (slug, ord, name_en, name_zh, parent) VALUES
             ('machinery',1,'Machinery','机械',NULL),
             ('cnc',2,'CNC machine tools','数控机床','machinery'),
             ('vehicles',3,'Vehicles','汽车',NULL),
             ('finance',4,'Finance','金融',NULL),
             ('food',5,'Food and drink','食品饮料',NULL);",
    )
    .expect("halls, pavilions and categories insert");
    for (i, (id, en, zh, country, pavilion, booths, categories)) in EXHIBITORS.iter().enumerate() {
        let rowid = i64::try_from(i + 1).expect("few rows");
        conn.execute(
            "INSERT INTO exhibitors (rowid, id, name_en, name_zh, sort_key, country, pavilion,
                                     description_en)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                rowid,
                id,
                en,
                zh,
                search::fold(en),
                country,
                pavilion,
                format!("{en} exhibits at the fair.")
            ],
        )
        .expect("exhibitor inserts");
        for (ord, booth) in booths.iter().enumerate() {
            let hall = &booth[..2];
            let x = f64::from(
                u32::try_from(rowid * 5 + i64::try_from(ord).expect("few")).expect("small"),
            );
            conn.execute(
                "INSERT INTO booths VALUES (?1, ?2, ?3, 0, 4, 4, ?4)",
                params![booth, hall, x, pavilion],
            )
            .expect("booth inserts");
            conn.execute(
                "INSERT INTO exhibitor_booths VALUES (?1, ?2, ?3)",
                params![rowid, booth, i64::try_from(ord).expect("few")],
            )
            .expect("exhibitor booth inserts");
        }
        for category in *categories {
            conn.execute(
                "INSERT INTO exhibitor_categories VALUES (?1, ?2)",
                params![rowid, category],
            )
            .expect("exhibitor category inserts");
        }
    }
    conn.execute(
        "INSERT INTO products (exhibitor, ord, name_en, name_zh, description_en)
         VALUES (1, 0, 'Electric sedan', '电动轿车', 'A quiet family car with a long range.')",
        [],
    )
    .expect("product inserts");
    search::build_index(&conn).expect("the index builds");
    conn
}

fn run(conn: &Connection, text: &str) -> Vec<SearchHit> {
    search::search(
        conn,
        &SearchQuery {
            text: text.to_owned(),
            ..SearchQuery::default()
        },
    )
    .unwrap_or_else(|e| panic!("query {text:?} failed: {e}"))
}

fn ids(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

/// Asserts that the first `expected.len()` results are exactly `expected`, in any order.
fn assert_first(conn: &Connection, text: &str, expected: &[&str]) {
    let hits = run(conn, text);
    let mut first: Vec<&str> = ids(&hits).into_iter().take(expected.len()).collect();
    first.sort_unstable();
    let mut want = expected.to_vec();
    want.sort_unstable();
    assert_eq!(
        first,
        want,
        "{text:?} should put {expected:?} first, got {:?}",
        ids(&hits)
    );
}

const CHONGQING: &[&str] = &["cq-changan", "cq-bank", "cq-heavy"];

#[test]
fn search_finds_chongqing_companies_first_by_pinyin() {
    let conn = fair();
    assert_first(&conn, "chongqing", CHONGQING);
    assert_first(&conn, "Chongqing", CHONGQING);
}

#[test]
fn search_finds_chongqing_companies_first_by_initials() {
    let conn = fair();
    assert_first(&conn, "cq", CHONGQING);
}

#[test]
fn search_finds_chongqing_companies_by_pinyin_prefix_while_typing() {
    let conn = fair();
    assert_first(&conn, "chongq", CHONGQING);
    assert_first(&conn, "chon", CHONGQING);
}

#[test]
fn search_finds_chongqing_companies_first_by_chinese_name() {
    let conn = fair();
    assert_first(&conn, "重庆", CHONGQING);
    assert_first(&conn, "重", CHONGQING);
}

#[test]
fn search_finds_banks_by_chinese_and_by_pinyin() {
    let conn = fair();
    let banks = ["cq-bank", "boc", "beibu-bank"];
    assert_first(&conn, "银行", &banks);
    assert_first(&conn, "yinhang", &banks);
    assert_first(&conn, "bank", &banks);
}

#[test]
fn search_finds_bank_of_china_by_pinyin_with_or_without_spaces() {
    let conn = fair();
    for text in [
        "zhongguo yinhang",
        "zhongguoyinhang",
        "zgyh",
        "Zhong Guo Yin Hang",
    ] {
        assert_eq!(
            ids(&run(&conn, text)).first(),
            Some(&"boc"),
            "{text:?} is 中国银行"
        );
    }
}

#[test]
fn search_finds_pinyin_typed_with_spaces_while_typing() {
    let conn = fair();
    for text in [
        "zhongguo yin",
        "zhong guo yinh",
        "chong qing",
        "chongqing yinhang",
    ] {
        let hits = run(&conn, text);
        assert!(!hits.is_empty(), "{text:?} finds something");
        let first = hits[0].name_zh.as_deref().unwrap_or_default();
        assert!(
            first.contains("银行") || first.contains("重庆"),
            "{text:?} found {first}"
        );
    }
    assert_eq!(ids(&run(&conn, "chongqing yinhang")), vec!["cq-bank"]);
}

#[test]
fn search_hits_serialise_as_the_command_lines_json_results() {
    let conn = fair();
    let hit = run(&conn, "C1-003").into_iter().next().expect("a hit");
    let json = serde_json::to_value(&hit).expect("a hit serialises");
    assert_eq!(
        json,
        serde_json::json!({
            "id": "thai-silk",
            "name_en": "Thai Silk House",
            "name_zh": "泰丝之家",
            "booths": ["C1-003", "C1-004"],
            "score": 100.0
        })
    );
}

#[test]
fn search_reads_heteronyms_in_place_names_right() {
    let conn = fair();
    assert_first(&conn, "xiamen", &["egret-port"]);
    assert_first(&conn, "luan", &["guapian-tea"]);
    assert_first(&conn, "dujiangyan", &["dujiangyan"]);
    assert_first(&conn, "changsha", &["changsha"]);
    let changan_hits = run(&conn, "changan");
    let changan: Vec<&str> = ids(&changan_hits).into_iter().take(2).collect();
    assert!(
        changan.contains(&"silk-road") && changan.contains(&"cq-changan"),
        "长安 reads changan in both names, got {changan:?}"
    );
    let zhongqing = run(&conn, "zhongqing");
    assert!(
        zhongqing.iter().all(|h| h.score <= f64::from(score::TYPO)),
        "重庆 must not read zhongqing (it is only a typo of chongqing): {zhongqing:?}"
    );
}

#[test]
fn search_finds_thai_exhibitors_by_their_pavilion() {
    let conn = fair();
    assert_first(&conn, "泰国", &["siam-rice", "orchid", "thai-silk"]);
    assert_first(&conn, "thailand", &["siam-rice", "orchid", "thai-silk"]);
}

#[test]
fn search_puts_the_exhibitor_of_a_booth_code_first() {
    let conn = fair();
    for text in ["C1-010", "c1-010", "C1010", "ｃ１－０１０"] {
        let hits = run(&conn, text);
        assert_eq!(
            ids(&hits).first(),
            Some(&"ca-phe"),
            "{text:?} is Cà Phê's booth"
        );
        assert_eq!(hits[0].score, f64::from(score::BOOTH_EXACT));
        assert_eq!(hits[0].booths, vec!["C1-010".to_owned()]);
    }
    assert_eq!(
        ids(&run(&conn, "C1-004")).first(),
        Some(&"thai-silk"),
        "second booths count too"
    );
}

#[test]
fn search_puts_an_exact_name_before_names_that_only_contain_it() {
    let conn = fair();
    let hits = run(&conn, "Bank of China");
    assert_eq!(ids(&hits).first(), Some(&"boc"));
    assert_eq!(hits[0].score, f64::from(score::NAME_EXACT));
    assert_eq!(ids(&run(&conn, "中国银行")).first(), Some(&"boc"));
}

#[test]
fn search_folds_diacritics_case_and_full_width_letters() {
    let conn = fair();
    for text in [
        "ca phe",
        "Cà Phê",
        "CA PHE",
        "sông hồng",
        "ｃａ　ｐｈｅ",
        "ca-phe!",
    ] {
        assert_eq!(
            ids(&run(&conn, text)).first(),
            Some(&"ca-phe"),
            "{text:?} is Cà Phê"
        );
    }
}

#[test]
fn search_requires_every_word_of_a_query() {
    let conn = fair();
    assert_eq!(ids(&run(&conn, "chongqing bank")), vec!["cq-bank"]);
    assert_eq!(ids(&run(&conn, "bank chongqing")), vec!["cq-bank"]);
    assert!(run(&conn, "chongqing thailand").is_empty());
}

#[test]
fn search_finds_one_letter_typos_below_exact_matches() {
    let conn = fair();
    for typo in ["machinary", "machnery", "machinnery", "mahcinery"] {
        let hits = run(&conn, typo);
        let found = ids(&hits);
        assert!(
            found.contains(&"precision") && found.contains(&"cq-heavy"),
            "{typo:?} is one letter away from machinery, got {found:?}"
        );
    }
    let hits = run(&conn, "machinary");
    assert_eq!(
        ids(&hits).first(),
        Some(&"machinary"),
        "the exact word ranks first"
    );
    let typo = hits
        .iter()
        .find(|h| h.id == "precision")
        .expect("typo found");
    assert_eq!(typo.score, f64::from(score::TYPO));
    assert_eq!(ids(&run(&conn, "brandt")), vec!["brandt", "brand"]);
    assert_eq!(ids(&run(&conn, "brand")), vec!["brand", "brandt"]);
}

#[test]
fn search_does_not_treat_short_words_or_two_letter_changes_as_typos() {
    let conn = fair();
    assert!(
        run(&conn, "thoi").is_empty(),
        "four letters are too short for typos"
    );
    assert!(run(&conn, "mahcinory").is_empty(), "two edits are too many");
}

#[test]
fn hostile_queries_return_results_or_none_but_never_fail() {
    let conn = fair();
    let long = "重庆".repeat(5_000);
    let hostile = [
        "",
        " ",
        "\"",
        "\"\"",
        "'",
        "*",
        "chong*",
        "NEAR(",
        "NEAR(a b)",
        "AND OR NOT",
        "a AND",
        "'; DROP TABLE exhibitors; --",
        "{name}: x",
        "name:bank",
        "^bank",
        "(",
        ")",
        "🎉🎉",
        "🇹🇭",
        "\u{0}",
        "\u{7}\u{1b}[2J",
        "\u{202e}knab",
        "\u{10FFFF}",
        "%",
        "_",
        "a\"b",
        "x'y",
        "-",
        "+",
        ":",
        "\\",
        long.as_str(),
    ];
    for text in hostile {
        search::search(
            &conn,
            &SearchQuery {
                text: text.to_owned(),
                ..SearchQuery::default()
            },
        )
        .unwrap_or_else(|e| {
            panic!(
                "{:?} made the query fail: {e}",
                text.chars().take(40).collect::<String>()
            )
        });
    }
    let count: i64 = conn
        .query_row("SELECT count(*) FROM exhibitors", [], |r| r.get(0))
        .expect("the exhibitors table is still there");
    assert_eq!(count, i64::try_from(EXHIBITORS.len()).expect("few"));
}

#[test]
fn short_queries_use_an_index_not_a_scan() {
    let conn = fair();
    for text in ["cq", "泰", "泰国", "A1", "c", "重庆 银行", "a 1"] {
        let plan = query_plan(
            &conn,
            &SearchQuery {
                text: text.to_owned(),
                ..SearchQuery::default()
            },
        )
        .expect("the plan is explained");
        assert!(!plan.is_empty(), "{text:?} runs statements");
        let scans: Vec<&String> = plan.iter().filter(|l| l.contains("SCAN")).collect();
        assert!(scans.is_empty(), "{text:?} scans: {scans:?} in {plan:?}");
    }
}

#[test]
fn filters_narrow_text_searches() {
    let conn = fair();
    let q = |text: &str, f: fn(&mut SearchQuery)| {
        let mut query = SearchQuery {
            text: text.to_owned(),
            ..SearchQuery::default()
        };
        f(&mut query);
        ids(&search::search(&conn, &query).expect("filtered query runs"))
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(q("bank", |s| s.country = Some("cn".into())).len(), 3);
    assert_eq!(
        q("chongqing", |s| s.category = Some("finance".into())),
        vec!["cq-bank"]
    );
    assert_eq!(
        q("chongqing", |s| s.category = Some("machinery".into())),
        vec!["cq-heavy"],
        "a parent category matches exhibitors of its children"
    );
    assert_eq!(
        q("silk", |s| s.pavilion = Some("thailand".into())),
        vec!["thai-silk"]
    );
    assert_eq!(q("cq", |s| s.hall = Some("A1".into())).len(), 3);
    assert!(q("bank", |s| s.hall = Some("C1".into())).is_empty());
}

#[test]
fn empty_text_with_filters_lists_exhibitors_in_sort_key_order() {
    let conn = fair();
    let list = |f: fn(&mut SearchQuery)| {
        let mut query = SearchQuery::default();
        f(&mut query);
        search::search(&conn, &query).expect("browse runs")
    };
    let thai = list(|s| s.country = Some("TH".into()));
    assert_eq!(ids(&thai), vec!["orchid", "siam-rice", "thai-silk"]);
    let machinery = list(|s| s.category = Some("machinery".into()));
    assert_eq!(ids(&machinery), vec!["cq-heavy", "precision", "changsha"]);
    let everyone = list(|s| s.limit = 0);
    assert_eq!(
        everyone.len(),
        EXHIBITORS.len(),
        "limit 0 means the default, more than 22"
    );
    let two = list(|s| s.limit = 2);
    assert_eq!(ids(&two), vec!["orchid", "boc"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_strings_never_make_a_query_fail(text in "\\PC{0,40}|[\"*:(){}^'\\-+ a-zA-Z重庆银行]{0,30}") {
        let result = FAIR.with(|conn| search::search(conn, &SearchQuery { text, ..SearchQuery::default() }));
        prop_assert!(result.is_ok(), "query failed: {:?}", result.err());
    }

    #[test]
    fn random_strings_with_control_characters_never_make_a_query_fail(bytes in proptest::collection::vec(any::<char>(), 0..60)) {
        let text: String = bytes.into_iter().collect();
        let result = FAIR.with(|conn| search::search(conn, &SearchQuery { text, limit: 5, ..SearchQuery::default() }));
        prop_assert!(result.is_ok(), "query failed: {:?}", result.err());
    }
}

thread_local! {
    /// The fixture built once per test thread, so property cases don't rebuild it.
    static FAIR: Connection = fair();
}

#[test]
fn multi_word_queries_return_the_same_best_first_results_under_any_limit() {
    let conn = fair();
    let mut found = 0;
    for text in [
        "chong qing",
        "chongqing co",
        "ch c",
        "bank of",
        "silk house",
        "a1 00",
        "thai silk",
    ] {
        let all = run(&conn, text);
        found += all.len();
        assert!(
            all.windows(2).all(|w| w[0].score >= w[1].score),
            "{text:?} is best first: {all:?}"
        );
        for limit in 1..=all.len() {
            let some = search::search(
                &conn,
                &SearchQuery {
                    text: text.to_owned(),
                    limit,
                    ..SearchQuery::default()
                },
            )
            .expect("the query runs");
            assert_eq!(
                ids(&some),
                ids(&all)[..limit].to_vec(),
                "{text:?} with limit {limit} keeps the first results"
            );
        }
    }
    assert!(found > 10, "the queries find exhibitors");
}
