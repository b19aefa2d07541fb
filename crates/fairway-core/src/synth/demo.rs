//! The demo fair: a western-China investment and trade fair in a fictional expo centre.
//!
//! Eight halls on two levels, seventeen pavilions of all four kinds and 381 exhibitors.
//! A handful of hand-written companies carry what the acceptance tests search for (Chongqing
//! banks, 长安, 厦门 and 六安 companies, Thai companies, a Vietnamese coffee roaster with
//! diacritics, names with commas, quotes and ampersands, a description with a line break); the
//! rest are drawn from the vocabulary with a fixed seed.

use std::io;

use super::company::{self, Company};
use super::venue::{self, HallPlan};
use super::vocab::{self, Industry, PavilionSpec};
use super::{FairPlan, PictureRules, Roster, categories, pavilion_row};
use crate::model::{ConnectorKind, Fair, Language};

const SEED: u64 = 2026;

/// A pavilion slug (or `None`) and how many exhibitors it has.
type Group = (Option<&'static str>, usize);

/// Which groups of exhibitors stand in which hall, and how many: a pavilion slug, or `None` for
/// exhibitors outside any pavilion.
#[rustfmt::skip]
const LAYOUT: &[(&str, &[Group])] = &[
    ("N1", &[(Some("chongqing"), 60)]),
    ("N2", &[(Some("sichuan"), 25), (Some("guizhou"), 18), (Some("yunnan"), 20)]),
    ("N3", &[(Some("guangxi"), 22), (Some("shaanxi"), 18)]),
    ("N4", &[(Some("new-energy-vehicles"), 25), (Some("smart-manufacturing"), 25)]),
    ("S1", &[(Some("thailand"), 24), (Some("vietnam"), 20), (Some("laos"), 12)]),
    ("S2", &[(Some("hong-kong"), 22), (Some("consumer-goods"), 22), (None, 6)]),
    ("S3", &[(Some("singapore"), 16), (Some("malaysia"), 16), (Some("indonesia"), 14)]),
    ("M1", &[(Some("design"), 16)]),
];

/// A hand-written company: the fields of [`Company`] that matter, as literals.
struct Featured {
    pavilion: Option<&'static str>,
    name_en: &'static str,
    name_zh: Option<&'static str>,
    short_en: &'static str,
    short_zh: &'static str,
    city: (&'static str, &'static str),
    industry: &'static Industry,
    slug: &'static str,
    contact: (&'static str, &'static str),
    country: &'static str,
    description_en: Option<&'static str>,
    description_zh: Option<&'static str>,
}

const fn cn(
    pavilion: &'static str,
    (name_en, name_zh): (&'static str, &'static str),
    short: (&'static str, &'static str),
    city: (&'static str, &'static str),
    industry: &'static Industry,
    slug: &'static str,
    contact: (&'static str, &'static str),
) -> Featured {
    Featured {
        pavilion: Some(pavilion),
        name_en,
        name_zh: Some(name_zh),
        short_en: short.0,
        short_zh: short.1,
        city,
        industry,
        slug,
        contact,
        country: "CN",
        description_en: None,
        description_zh: None,
    }
}

static FEATURED: &[Featured] = &[
    Featured {
        description_en: Some(
            "Chongqing Yujiang Bank is a fictional city commercial bank serving exporters in the upper Yangtze. It offers trade finance, cross-border RMB settlement and loans for small manufacturers.",
        ),
        description_zh: Some(
            "重庆渝江银行是一家虚构的城市商业银行，服务长江上游的出口企业，提供贸易融资、跨境人民币结算和小微制造企业贷款。",
        ),
        ..cn(
            "chongqing",
            ("Chongqing Yujiang Bank", "重庆渝江银行"),
            ("Chongqing Yujiang Bank", "重庆渝江银行"),
            ("重庆", "Chongqing"),
            &vocab::BANK,
            "yujiang-bank",
            ("Chen Xiaoming", "陈晓明"),
        )
    },
    cn(
        "chongqing",
        (
            "Chongqing Jialing Rural Commercial Bank",
            "重庆嘉陵农村商业银行",
        ),
        (
            "Chongqing Jialing Rural Commercial Bank",
            "重庆嘉陵农村商业银行",
        ),
        ("重庆", "Chongqing"),
        &vocab::BANK,
        "jialing-rural-bank",
        ("Wang Lijuan", "王丽娟"),
    ),
    cn(
        "chongqing",
        (
            "Chongqing Shancheng Commercial Bank Co., Ltd.",
            "重庆山城商业银行股份有限公司",
        ),
        ("Chongqing Shancheng Commercial Bank", "重庆山城商业银行"),
        ("重庆", "Chongqing"),
        &vocab::BANK,
        "shancheng-bank",
        ("Li Jianguo", "李建国"),
    ),
    cn(
        "chongqing",
        (
            "Chongqing Chang'an Precision Machinery Co., Ltd.",
            "重庆长安精密机械有限公司",
        ),
        ("Chongqing Chang'an Precision Machinery", "重庆长安精密机械"),
        ("重庆", "Chongqing"),
        &vocab::MACHINERY,
        "changan-precision",
        ("Zhang Zhiqiang", "张志强"),
    ),
    Featured {
        description_en: Some(
            "Hotpot bases made the Chongqing way, with beef tallow and heaps of chillies.\nTastings at the booth every hour.",
        ),
        description_zh: Some("地道重庆牛油火锅底料，麻辣鲜香。\n展位每小时现场试吃。"),
        ..cn(
            "chongqing",
            (
                "Chongqing Bayu \"Red Pepper\" Hotpot Foods Co., Ltd.",
                "重庆巴渝“红椒”火锅食品有限公司",
            ),
            ("Bayu Red Pepper Hotpot", "巴渝红椒火锅"),
            ("重庆", "Chongqing"),
            &vocab::HOTPOT,
            "bayu-red-pepper",
            ("Liu Haiyan", "刘海燕"),
        )
    },
    cn(
        "chongqing",
        (
            "Chongqing Liangjiang Tea & Spice Trading Co., Ltd.",
            "重庆两江茶香贸易有限公司",
        ),
        ("Chongqing Liangjiang Tea & Spice", "重庆两江茶香"),
        ("重庆", "Chongqing"),
        &vocab::TRADE,
        "liangjiang-tea-spice",
        ("Yang Wenbo", "杨文博"),
    ),
    cn(
        "shaanxi",
        (
            "Xi'an Chang'an Cloud Data Technology Co., Ltd.",
            "西安长安云数据科技有限公司",
        ),
        ("Xi'an Chang'an Cloud Data", "西安长安云数据"),
        ("西安", "Xi'an"),
        &vocab::DATA,
        "changan-cloud-data",
        ("Zhao Yuxin", "赵雨欣"),
    ),
    cn(
        "shaanxi",
        (
            "Chang'an Silk Road International Logistics Co., Ltd.",
            "长安丝路国际物流有限公司",
        ),
        ("Chang'an Silk Road Logistics", "长安丝路国际物流"),
        ("西安", "Xi'an"),
        &vocab::LOGISTICS,
        "changan-silk-road",
        ("Zhou Junjie", "周俊杰"),
    ),
    cn(
        "consumer-goods",
        ("Xiamen Haiyun Tea Co., Ltd.", "厦门海韵茶业有限公司"),
        ("Xiamen Haiyun Tea", "厦门海韵茶业"),
        ("厦门", "Xiamen"),
        &vocab::TEA,
        "haiyun-tea",
        ("Lin Jiayi", "林佳怡"),
    ),
    cn(
        "consumer-goods",
        (
            "Xiamen Ludao Household Products Co., Ltd.",
            "厦门鹭岛家居用品有限公司",
        ),
        ("Xiamen Ludao Household", "厦门鹭岛家居"),
        ("厦门", "Xiamen"),
        &vocab::HOUSEHOLD,
        "ludao-household",
        ("Huang Siyuan", "黄思远"),
    ),
    cn(
        "consumer-goods",
        ("Lu'an Guapian Tea Co., Ltd.", "六安瓜片茶业有限公司"),
        ("Lu'an Guapian Tea", "六安瓜片茶业"),
        ("六安", "Lu'an"),
        &vocab::TEA,
        "luan-guapian-tea",
        ("Wu Tingting", "吴婷婷"),
    ),
    cn(
        "consumer-goods",
        (
            "Lu'an Hengxin Bamboo & Wood Products Co., Ltd.",
            "六安恒信竹木制品有限公司",
        ),
        ("Lu'an Hengxin Bamboo & Wood", "六安恒信竹木制品"),
        ("六安", "Lu'an"),
        &vocab::HOUSEHOLD,
        "hengxin-bamboo",
        ("Xu Guohua", "徐国华"),
    ),
    cn(
        "smart-manufacturing",
        ("Lu'an Jinggong Motor Co., Ltd.", "六安精工电机有限公司"),
        ("Lu'an Jinggong Motor", "六安精工电机"),
        ("六安", "Lu'an"),
        &vocab::MACHINERY,
        "jinggong-motor",
        ("Sun Haoran", "孙浩然"),
    ),
    Featured {
        pavilion: Some("thailand"),
        name_en: "Siam Golden Rice Co., Ltd.",
        name_zh: Some("泰国暹罗金米业有限公司"),
        short_en: "Siam Golden Rice",
        short_zh: "泰国暹罗金米业",
        city: ("曼谷", "Bangkok"),
        industry: &vocab::RICE,
        slug: "siam-golden-rice",
        contact: ("Somchai Rattanakul", "颂猜·叻达纳恭"),
        country: "TH",
        description_en: None,
        description_zh: None,
    },
    Featured {
        pavilion: Some("thailand"),
        name_en: "Chao Phraya Durian & Fruit Co., Ltd.",
        name_zh: Some("泰国湄南河榴莲水果有限公司"),
        short_en: "Chao Phraya Durian & Fruit",
        short_zh: "泰国湄南河榴莲水果",
        city: ("曼谷", "Bangkok"),
        industry: &vocab::FRUIT,
        slug: "chao-phraya-durian",
        contact: ("Nattaya Wongsawat", "娜塔雅·翁萨瓦"),
        country: "TH",
        description_en: None,
        description_zh: None,
    },
    Featured {
        pavilion: Some("thailand"),
        name_en: "Lanna Handicrafts Co., Ltd.",
        name_zh: Some("泰国兰纳手工艺品有限公司"),
        short_en: "Lanna Handicrafts",
        short_zh: "泰国兰纳手工艺品",
        city: ("清迈", "Chiang Mai"),
        industry: &vocab::HANDICRAFTS,
        slug: "lanna-handicrafts",
        contact: ("Anan Chaiyaporn", "阿南·猜亚蓬"),
        country: "TH",
        description_en: None,
        description_zh: None,
    },
    Featured {
        pavilion: Some("vietnam"),
        name_en: "Cà Phê Sông Hồng Co., Ltd.",
        name_zh: Some("越南红河咖啡有限公司"),
        short_en: "Cà Phê Sông Hồng",
        short_zh: "越南红河咖啡",
        city: ("河内", "Hà Nội"),
        industry: &vocab::COFFEE,
        slug: "ca-phe-song-hong",
        contact: ("Nguyễn Văn An", "阮文安"),
        country: "VN",
        description_en: Some(
            "Cà Phê Sông Hồng roasts robusta and arabica from the Central Highlands in small batches. Try a cà phê sữa đá at the booth.",
        ),
        description_zh: Some(
            "越南红河咖啡小批量烘焙西原高地的罗布斯塔和阿拉比卡咖啡豆，欢迎到展位品尝越南冰奶咖啡。",
        ),
    },
    Featured {
        pavilion: Some("hong-kong"),
        name_en: "Victoria Harbour Trade & Finance Limited",
        name_zh: Some("香港维港贸易金融有限公司"),
        short_en: "Victoria Harbour Trade & Finance",
        short_zh: "香港维港贸易金融",
        city: ("香港", "Hong Kong"),
        industry: &vocab::FINTECH,
        slug: "victoria-harbour-trade",
        contact: ("Chan Ka Wai", "陈家伟"),
        country: "HK",
        description_en: None,
        description_zh: None,
    },
    Featured {
        pavilion: Some("singapore"),
        name_en: "Lion City Robotics Pte. Ltd.",
        name_zh: None,
        short_en: "Lion City Robotics",
        short_zh: "狮城机器人",
        city: ("新加坡", "Singapore"),
        industry: &vocab::ROBOTICS,
        slug: "lion-city-robotics",
        contact: ("Tan Wei Ming", "陈伟明"),
        country: "SG",
        description_en: Some("Lion City Robotics builds warehouse robots for ports and airports."),
        description_zh: None,
    },
];

fn featured_company(rng: &mut super::rng::Rng, f: &Featured, slug: String) -> Company {
    let mut company = Company {
        name_en: f.name_en.to_owned(),
        name_zh: f.name_zh.map(str::to_owned),
        short_en: f.short_en.to_owned(),
        short_zh: f.short_zh.to_owned(),
        city_en: f.city.1.to_owned(),
        city_zh: f.city.0.to_owned(),
        industry: f.industry,
        slug,
        tld: if f.country == "CN" { "cn" } else { "com" },
        contact: (f.contact.0.to_owned(), f.contact.1.to_owned()),
        country: f.country.to_owned(),
        description_en: None,
        description_zh: None,
        featured: true,
    };
    company::describe(rng, &mut company);
    if f.description_en.is_some() || f.description_zh.is_some() {
        company.description_en = f.description_en.map(str::to_owned);
        company.description_zh = f.description_zh.map(str::to_owned);
    }
    company
}

fn spec(slug: &str) -> io::Result<&'static PavilionSpec> {
    vocab::PAVILIONS
        .iter()
        .find(|p| p.slug == slug)
        .ok_or_else(|| {
            io::Error::other(format!("the demo layout names an unknown pavilion {slug}"))
        })
}

/// The whole demo fair in memory.
pub(super) fn plan() -> io::Result<FairPlan> {
    let mut plan = FairPlan {
        fair: Some(Fair {
            id: "wcf-2026".to_owned(),
            name_en: "Western China International Investment & Trade Fair 2026 (Demo)".to_owned(),
            name_zh: "2026中国西部国际投资贸易博览会（演示）".to_owned(),
            venue_en: Some("Yuelai International Expo Centre, Chongqing".to_owned()),
            venue_zh: Some("重庆悦来国际博览中心".to_owned()),
            starts_on: Some("2026-05-20".to_owned()),
            ends_on: Some("2026-05-23".to_owned()),
            timezone: Some("Asia/Shanghai".to_owned()),
            default_language: Language::Zh,
        }),
        categories: categories(),
        ..FairPlan::default()
    };

    let halls = [
        venue::hall("N1", 1, 96.0, 60.0, 0.0, 0.0),
        venue::hall("N2", 1, 96.0, 60.0, 96.0, 0.0),
        venue::hall("N3", 1, 96.0, 60.0, 192.0, 0.0),
        venue::hall("N4", 1, 96.0, 60.0, 288.0, 0.0),
        venue::hall("S1", 1, 96.0, 60.0, 0.0, 84.0),
        venue::hall("S2", 1, 96.0, 60.0, 96.0, 84.0),
        venue::hall("S3", 1, 96.0, 60.0, 192.0, 84.0),
        // The level-2 hall sits over the south part of S2; its south wall is S2's south wall.
        venue::hall("M1", 2, 72.0, 36.0, 108.0, 108.0),
    ];
    let mut plans: Vec<HallPlan> = halls.iter().cloned().map(HallPlan::new).collect();

    let total: usize = LAYOUT
        .iter()
        .flat_map(|(_, groups)| groups.iter().map(|g| g.1))
        .sum();
    let rules = PictureRules {
        logo_px: 256,
        logo_percent: 90,
        products_percent: 75,
        product_picture_percent: 30,
        product_px: (480, 360),
    };
    let mut roster = Roster::new(SEED, rules, total);

    for (hall_index, (hall_code, groups)) in LAYOUT.iter().enumerate() {
        for &(pavilion, count) in *groups {
            let spec = spec(pavilion.unwrap_or("smart-manufacturing"))?;
            if let Some(slug) = pavilion {
                plan.pavilions.push(pavilion_row(
                    spec,
                    slug,
                    spec.name_en,
                    spec.name_zh,
                    Some(hall_code),
                    256,
                    &mut roster.pictures,
                ));
            }
            let mut companies: Vec<Company> = Vec::with_capacity(count);
            for f in FEATURED.iter().filter(|f| f.pavilion == pavilion) {
                let slug = roster.registry.claim(f.name_en, f.slug);
                companies.push(featured_company(&mut roster.rng, f, slug));
            }
            while companies.len() < count {
                let c = company::company(&mut roster.rng, spec, &mut roster.registry);
                companies.push(c);
            }
            let mut members = Vec::with_capacity(count);
            for c in &companies {
                let index = roster.add(c, pavilion);
                let sizes = roster.booth_sizes();
                members.push((index, sizes));
            }
            if !roster.place(&mut plans, hall_index, &members, pavilion) {
                return Err(io::Error::other(format!(
                    "hall {hall_code} of the demo fair is too small for its exhibitors"
                )));
            }
        }
    }
    roster.finish(&plans, &mut plan);

    let [n1, n2, n3, n4, s1, s2, s3, m1] = &halls;
    use ConnectorKind::{Corridor, Door, Elevator, Escalator, Ramp, Stairs};
    plan.connectors = vec![
        venue::connector(n1, (96.0, 30.0), n2, (0.0, 30.0), Door),
        venue::connector(n2, (96.0, 30.0), n3, (0.0, 30.0), Door),
        venue::connector(n3, (96.0, 30.0), n4, (0.0, 30.0), Door),
        venue::connector(s1, (96.0, 30.0), s2, (0.0, 30.0), Door),
        venue::connector(s2, (96.0, 30.0), s3, (0.0, 30.0), Door),
        venue::connector(n1, (48.0, 60.0), s1, (48.0, 0.0), Corridor),
        venue::connector(n3, (48.0, 60.0), s3, (48.0, 0.0), Corridor),
        // The concourse between N2 and S2 slopes: the south halls sit a little lower.
        venue::connector(n2, (48.0, 60.0), s2, (48.0, 0.0), Ramp),
        // Stairs, escalator and lift rise along S2's south wall to M1's south wall above it.
        venue::connector(s2, (24.0, 60.0), m1, (12.0, 36.0), Stairs),
        venue::connector(s2, (48.0, 60.0), m1, (36.0, 36.0), Escalator),
        venue::connector(s2, (72.0, 60.0), m1, (60.0, 36.0), Elevator),
    ];
    plan.kiosks = vec![
        venue::kiosk(
            "K-N1-ENTRANCE",
            n1,
            48.0,
            57.0,
            "Hall N1, concourse entrance",
            "N1馆 连廊入口",
        ),
        venue::kiosk(
            "K-N4-EAST",
            n4,
            93.0,
            30.0,
            "Hall N4, east wall",
            "N4馆 东侧",
        ),
        venue::kiosk(
            "K-S1-ENTRANCE",
            s1,
            48.0,
            3.0,
            "Hall S1, concourse entrance",
            "S1馆 连廊入口",
        ),
        venue::kiosk(
            "K-S2-LIFTS",
            s2,
            84.0,
            57.0,
            "Hall S2, by the lifts to M1",
            "S2馆 电梯旁（通往M1）",
        ),
        venue::kiosk(
            "K-S3-ENTRANCE",
            s3,
            48.0,
            3.0,
            "Hall S3, concourse entrance",
            "S3馆 连廊入口",
        ),
        venue::kiosk(
            "K-M1-LIFTS",
            m1,
            48.0,
            34.0,
            "Hall M1 (Level 2), by the lifts",
            "M1馆（2层）电梯旁",
        ),
    ];
    Ok(plan)
}
