//! ISO 3166-1 alpha-2 country codes with their English and Chinese names.
//!
//! Exhibitors and pavilions name their country by code; the kiosk shows the name in the visitor's
//! language. The table holds every officially assigned code, so an organiser never meets a real
//! country that Fairway refuses. Hong Kong, Macao and Taiwan carry the names the reference fair
//! (held in mainland China) prints in its own catalogue.

/// One row of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// Upper-case ISO 3166-1 alpha-2 code, e.g. `TH`.
    pub code: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
}

const fn c(code: &'static str, name_en: &'static str, name_zh: &'static str) -> Country {
    Country {
        code,
        name_en,
        name_zh,
    }
}

/// Every officially assigned ISO 3166-1 alpha-2 code, sorted by code (lookups binary-search it).
pub const COUNTRIES: &[Country] = &[
    c("AD", "Andorra", "安道尔"),
    c("AE", "United Arab Emirates", "阿联酋"),
    c("AF", "Afghanistan", "阿富汗"),
    c("AG", "Antigua and Barbuda", "安提瓜和巴布达"),
    c("AI", "Anguilla", "安圭拉"),
    c("AL", "Albania", "阿尔巴尼亚"),
    c("AM", "Armenia", "亚美尼亚"),
    c("AO", "Angola", "安哥拉"),
    c("AQ", "Antarctica", "南极洲"),
    c("AR", "Argentina", "阿根廷"),
    c("AS", "American Samoa", "美属萨摩亚"),
    c("AT", "Austria", "奥地利"),
    c("AU", "Australia", "澳大利亚"),
    c("AW", "Aruba", "阿鲁巴"),
    c("AX", "Åland Islands", "奥兰群岛"),
    c("AZ", "Azerbaijan", "阿塞拜疆"),
    c("BA", "Bosnia and Herzegovina", "波斯尼亚和黑塞哥维那"),
    c("BB", "Barbados", "巴巴多斯"),
    c("BD", "Bangladesh", "孟加拉国"),
    c("BE", "Belgium", "比利时"),
    c("BF", "Burkina Faso", "布基纳法索"),
    c("BG", "Bulgaria", "保加利亚"),
    c("BH", "Bahrain", "巴林"),
    c("BI", "Burundi", "布隆迪"),
    c("BJ", "Benin", "贝宁"),
    c("BL", "Saint Barthélemy", "圣巴泰勒米"),
    c("BM", "Bermuda", "百慕大"),
    c("BN", "Brunei", "文莱"),
    c("BO", "Bolivia", "玻利维亚"),
    c("BQ", "Caribbean Netherlands", "荷兰加勒比区"),
    c("BR", "Brazil", "巴西"),
    c("BS", "Bahamas", "巴哈马"),
    c("BT", "Bhutan", "不丹"),
    c("BV", "Bouvet Island", "布韦岛"),
    c("BW", "Botswana", "博茨瓦纳"),
    c("BY", "Belarus", "白俄罗斯"),
    c("BZ", "Belize", "伯利兹"),
    c("CA", "Canada", "加拿大"),
    c("CC", "Cocos (Keeling) Islands", "科科斯（基林）群岛"),
    c("CD", "DR Congo", "刚果（金）"),
    c("CF", "Central African Republic", "中非"),
    c("CG", "Congo", "刚果（布）"),
    c("CH", "Switzerland", "瑞士"),
    c("CI", "Côte d'Ivoire", "科特迪瓦"),
    c("CK", "Cook Islands", "库克群岛"),
    c("CL", "Chile", "智利"),
    c("CM", "Cameroon", "喀麦隆"),
    c("CN", "China", "中国"),
    c("CO", "Colombia", "哥伦比亚"),
    c("CR", "Costa Rica", "哥斯达黎加"),
    c("CU", "Cuba", "古巴"),
    c("CV", "Cabo Verde", "佛得角"),
    c("CW", "Curaçao", "库拉索"),
    c("CX", "Christmas Island", "圣诞岛"),
    c("CY", "Cyprus", "塞浦路斯"),
    c("CZ", "Czechia", "捷克"),
    c("DE", "Germany", "德国"),
    c("DJ", "Djibouti", "吉布提"),
    c("DK", "Denmark", "丹麦"),
    c("DM", "Dominica", "多米尼克"),
    c("DO", "Dominican Republic", "多米尼加"),
    c("DZ", "Algeria", "阿尔及利亚"),
    c("EC", "Ecuador", "厄瓜多尔"),
    c("EE", "Estonia", "爱沙尼亚"),
    c("EG", "Egypt", "埃及"),
    c("EH", "Western Sahara", "西撒哈拉"),
    c("ER", "Eritrea", "厄立特里亚"),
    c("ES", "Spain", "西班牙"),
    c("ET", "Ethiopia", "埃塞俄比亚"),
    c("FI", "Finland", "芬兰"),
    c("FJ", "Fiji", "斐济"),
    c(
        "FK",
        "Falkland Islands (Malvinas)",
        "福克兰群岛（马尔维纳斯）",
    ),
    c("FM", "Micronesia", "密克罗尼西亚联邦"),
    c("FO", "Faroe Islands", "法罗群岛"),
    c("FR", "France", "法国"),
    c("GA", "Gabon", "加蓬"),
    c("GB", "United Kingdom", "英国"),
    c("GD", "Grenada", "格林纳达"),
    c("GE", "Georgia", "格鲁吉亚"),
    c("GF", "French Guiana", "法属圭亚那"),
    c("GG", "Guernsey", "根西"),
    c("GH", "Ghana", "加纳"),
    c("GI", "Gibraltar", "直布罗陀"),
    c("GL", "Greenland", "格陵兰"),
    c("GM", "Gambia", "冈比亚"),
    c("GN", "Guinea", "几内亚"),
    c("GP", "Guadeloupe", "瓜德罗普"),
    c("GQ", "Equatorial Guinea", "赤道几内亚"),
    c("GR", "Greece", "希腊"),
    c(
        "GS",
        "South Georgia and the South Sandwich Islands",
        "南乔治亚和南桑威奇群岛",
    ),
    c("GT", "Guatemala", "危地马拉"),
    c("GU", "Guam", "关岛"),
    c("GW", "Guinea-Bissau", "几内亚比绍"),
    c("GY", "Guyana", "圭亚那"),
    c("HK", "Hong Kong, China", "中国香港"),
    c(
        "HM",
        "Heard Island and McDonald Islands",
        "赫德岛和麦克唐纳群岛",
    ),
    c("HN", "Honduras", "洪都拉斯"),
    c("HR", "Croatia", "克罗地亚"),
    c("HT", "Haiti", "海地"),
    c("HU", "Hungary", "匈牙利"),
    c("ID", "Indonesia", "印度尼西亚"),
    c("IE", "Ireland", "爱尔兰"),
    c("IL", "Israel", "以色列"),
    c("IM", "Isle of Man", "马恩岛"),
    c("IN", "India", "印度"),
    c("IO", "British Indian Ocean Territory", "英属印度洋领地"),
    c("IQ", "Iraq", "伊拉克"),
    c("IR", "Iran", "伊朗"),
    c("IS", "Iceland", "冰岛"),
    c("IT", "Italy", "意大利"),
    c("JE", "Jersey", "泽西"),
    c("JM", "Jamaica", "牙买加"),
    c("JO", "Jordan", "约旦"),
    c("JP", "Japan", "日本"),
    c("KE", "Kenya", "肯尼亚"),
    c("KG", "Kyrgyzstan", "吉尔吉斯斯坦"),
    c("KH", "Cambodia", "柬埔寨"),
    c("KI", "Kiribati", "基里巴斯"),
    c("KM", "Comoros", "科摩罗"),
    c("KN", "Saint Kitts and Nevis", "圣基茨和尼维斯"),
    c("KP", "North Korea", "朝鲜"),
    c("KR", "South Korea", "韩国"),
    c("KW", "Kuwait", "科威特"),
    c("KY", "Cayman Islands", "开曼群岛"),
    c("KZ", "Kazakhstan", "哈萨克斯坦"),
    c("LA", "Laos", "老挝"),
    c("LB", "Lebanon", "黎巴嫩"),
    c("LC", "Saint Lucia", "圣卢西亚"),
    c("LI", "Liechtenstein", "列支敦士登"),
    c("LK", "Sri Lanka", "斯里兰卡"),
    c("LR", "Liberia", "利比里亚"),
    c("LS", "Lesotho", "莱索托"),
    c("LT", "Lithuania", "立陶宛"),
    c("LU", "Luxembourg", "卢森堡"),
    c("LV", "Latvia", "拉脱维亚"),
    c("LY", "Libya", "利比亚"),
    c("MA", "Morocco", "摩洛哥"),
    c("MC", "Monaco", "摩纳哥"),
    c("MD", "Moldova", "摩尔多瓦"),
    c("ME", "Montenegro", "黑山"),
    c("MF", "Saint Martin (French part)", "法属圣马丁"),
    c("MG", "Madagascar", "马达加斯加"),
    c("MH", "Marshall Islands", "马绍尔群岛"),
    c("MK", "North Macedonia", "北马其顿"),
    c("ML", "Mali", "马里"),
    c("MM", "Myanmar", "缅甸"),
    c("MN", "Mongolia", "蒙古"),
    c("MO", "Macao, China", "中国澳门"),
    c("MP", "Northern Mariana Islands", "北马里亚纳群岛"),
    c("MQ", "Martinique", "马提尼克"),
    c("MR", "Mauritania", "毛里塔尼亚"),
    c("MS", "Montserrat", "蒙特塞拉特"),
    c("MT", "Malta", "马耳他"),
    c("MU", "Mauritius", "毛里求斯"),
    c("MV", "Maldives", "马尔代夫"),
    c("MW", "Malawi", "马拉维"),
    c("MX", "Mexico", "墨西哥"),
    c("MY", "Malaysia", "马来西亚"),
    c("MZ", "Mozambique", "莫桑比克"),
    c("NA", "Namibia", "纳米比亚"),
    c("NC", "New Caledonia", "新喀里多尼亚"),
    c("NE", "Niger", "尼日尔"),
    c("NF", "Norfolk Island", "诺福克岛"),
    c("NG", "Nigeria", "尼日利亚"),
    c("NI", "Nicaragua", "尼加拉瓜"),
    c("NL", "Netherlands", "荷兰"),
    c("NO", "Norway", "挪威"),
    c("NP", "Nepal", "尼泊尔"),
    c("NR", "Nauru", "瑙鲁"),
    c("NU", "Niue", "纽埃"),
    c("NZ", "New Zealand", "新西兰"),
    c("OM", "Oman", "阿曼"),
    c("PA", "Panama", "巴拿马"),
    c("PE", "Peru", "秘鲁"),
    c("PF", "French Polynesia", "法属波利尼西亚"),
    c("PG", "Papua New Guinea", "巴布亚新几内亚"),
    c("PH", "Philippines", "菲律宾"),
    c("PK", "Pakistan", "巴基斯坦"),
    c("PL", "Poland", "波兰"),
    c("PM", "Saint Pierre and Miquelon", "圣皮埃尔和密克隆"),
    c("PN", "Pitcairn Islands", "皮特凯恩群岛"),
    c("PR", "Puerto Rico", "波多黎各"),
    c("PS", "Palestine", "巴勒斯坦"),
    c("PT", "Portugal", "葡萄牙"),
    c("PW", "Palau", "帕劳"),
    c("PY", "Paraguay", "巴拉圭"),
    c("QA", "Qatar", "卡塔尔"),
    c("RE", "Réunion", "留尼汪"),
    c("RO", "Romania", "罗马尼亚"),
    c("RS", "Serbia", "塞尔维亚"),
    c("RU", "Russia", "俄罗斯"),
    c("RW", "Rwanda", "卢旺达"),
    c("SA", "Saudi Arabia", "沙特阿拉伯"),
    c("SB", "Solomon Islands", "所罗门群岛"),
    c("SC", "Seychelles", "塞舌尔"),
    c("SD", "Sudan", "苏丹"),
    c("SE", "Sweden", "瑞典"),
    c("SG", "Singapore", "新加坡"),
    c(
        "SH",
        "Saint Helena, Ascension and Tristan da Cunha",
        "圣赫勒拿、阿森松和特里斯坦-达库尼亚",
    ),
    c("SI", "Slovenia", "斯洛文尼亚"),
    c("SJ", "Svalbard and Jan Mayen", "斯瓦尔巴和扬马延"),
    c("SK", "Slovakia", "斯洛伐克"),
    c("SL", "Sierra Leone", "塞拉利昂"),
    c("SM", "San Marino", "圣马力诺"),
    c("SN", "Senegal", "塞内加尔"),
    c("SO", "Somalia", "索马里"),
    c("SR", "Suriname", "苏里南"),
    c("SS", "South Sudan", "南苏丹"),
    c("ST", "São Tomé and Príncipe", "圣多美和普林西比"),
    c("SV", "El Salvador", "萨尔瓦多"),
    c("SX", "Sint Maarten (Dutch part)", "荷属圣马丁"),
    c("SY", "Syria", "叙利亚"),
    c("SZ", "Eswatini", "斯威士兰"),
    c("TC", "Turks and Caicos Islands", "特克斯和凯科斯群岛"),
    c("TD", "Chad", "乍得"),
    c("TF", "French Southern Territories", "法属南部领地"),
    c("TG", "Togo", "多哥"),
    c("TH", "Thailand", "泰国"),
    c("TJ", "Tajikistan", "塔吉克斯坦"),
    c("TK", "Tokelau", "托克劳"),
    c("TL", "Timor-Leste", "东帝汶"),
    c("TM", "Turkmenistan", "土库曼斯坦"),
    c("TN", "Tunisia", "突尼斯"),
    c("TO", "Tonga", "汤加"),
    c("TR", "Türkiye", "土耳其"),
    c("TT", "Trinidad and Tobago", "特立尼达和多巴哥"),
    c("TV", "Tuvalu", "图瓦卢"),
    c("TW", "Taiwan, China", "中国台湾"),
    c("TZ", "Tanzania", "坦桑尼亚"),
    c("UA", "Ukraine", "乌克兰"),
    c("UG", "Uganda", "乌干达"),
    c(
        "UM",
        "United States Minor Outlying Islands",
        "美国本土外小岛屿",
    ),
    c("US", "United States", "美国"),
    c("UY", "Uruguay", "乌拉圭"),
    c("UZ", "Uzbekistan", "乌兹别克斯坦"),
    c("VA", "Vatican City", "梵蒂冈"),
    c(
        "VC",
        "Saint Vincent and the Grenadines",
        "圣文森特和格林纳丁斯",
    ),
    c("VE", "Venezuela", "委内瑞拉"),
    c("VG", "British Virgin Islands", "英属维尔京群岛"),
    c("VI", "U.S. Virgin Islands", "美属维尔京群岛"),
    c("VN", "Vietnam", "越南"),
    c("VU", "Vanuatu", "瓦努阿图"),
    c("WF", "Wallis and Futuna", "瓦利斯和富图纳"),
    c("WS", "Samoa", "萨摩亚"),
    c("YE", "Yemen", "也门"),
    c("YT", "Mayotte", "马约特"),
    c("ZA", "South Africa", "南非"),
    c("ZM", "Zambia", "赞比亚"),
    c("ZW", "Zimbabwe", "津巴布韦"),
];

/// The English and Chinese names of a country code (case-insensitive), or `None` if unknown.
pub fn name(code: &str) -> Option<(&'static str, &'static str)> {
    find(code).map(|c| (c.name_en, c.name_zh))
}

/// Whether `code` (case-insensitive) is an ISO 3166-1 alpha-2 code.
pub fn is_known(code: &str) -> bool {
    find(code).is_some()
}

/// The table row for a code (case-insensitive).
pub fn find(code: &str) -> Option<&'static Country> {
    if code.len() != 2 || !code.is_ascii() {
        return None;
    }
    let upper = code.to_ascii_uppercase();
    COUNTRIES
        .binary_search_by(|c| c.code.cmp(upper.as_str()))
        .ok()
        .map(|i| &COUNTRIES[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_unique_so_binary_search_finds_every_code() {
        for pair in COUNTRIES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} must sort before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for country in COUNTRIES {
            assert_eq!(
                find(country.code),
                Some(country),
                "lookup of {} must find its own row",
                country.code
            );
        }
    }

    #[test]
    fn table_holds_all_249_assigned_codes() {
        assert_eq!(COUNTRIES.len(), 249, "ISO 3166-1 assigns 249 alpha-2 codes");
    }

    #[test]
    fn fair_countries_have_chinese_names() {
        assert_eq!(name("TH"), Some(("Thailand", "泰国")));
        assert_eq!(name("vn"), Some(("Vietnam", "越南")), "lookups ignore case");
        assert_eq!(name("HK"), Some(("Hong Kong, China", "中国香港")));
        for code in [
            "LA", "SG", "MY", "ID", "PH", "MM", "KH", "BN", "CN", "MO", "TW", "JP", "KR", "IN",
            "PK", "KZ", "KG", "TJ", "TM", "UZ", "RU", "AE", "SA", "TR", "AU", "NZ",
        ] {
            assert!(is_known(code), "{code} must be known");
        }
    }

    #[test]
    fn unknown_or_malformed_codes_are_refused() {
        for code in ["XX", "", "T", "THA", "泰国", "T\u{0}"] {
            assert!(!is_known(code), "{code:?} is not a country code");
        }
    }
}
