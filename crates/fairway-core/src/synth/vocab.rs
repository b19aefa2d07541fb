//! The words fairs are made of: categories, industries, pavilions, places, people and titles.
//!
//! Everything here is fictional and shared by the demo fair and the synthetic fairs, so both read
//! like the same western-China investment and trade fair. Brand syllables avoid characters whose
//! neighbours could spell a search term by accident (泰 next to 国际 would read 泰国, 长 is a
//! heteronym), so that searches for 泰国, 长安, 厦门 or 六安 find exactly the companies meant to
//! match them.

use crate::model::PavilionKind;

/// A two-level category: the top level has no parent.
#[derive(Debug)]
pub(crate) struct CategorySpec {
    pub slug: &'static str,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub parent: Option<&'static str>,
}

const fn top(slug: &'static str, name_en: &'static str, name_zh: &'static str) -> CategorySpec {
    CategorySpec {
        slug,
        name_en,
        name_zh,
        parent: None,
    }
}

const fn child(
    parent: &'static str,
    slug: &'static str,
    name_en: &'static str,
    name_zh: &'static str,
) -> CategorySpec {
    CategorySpec {
        slug,
        name_en,
        name_zh,
        parent: Some(parent),
    }
}

/// Eight top-level categories with their children, parents first.
pub(crate) static CATEGORIES: &[CategorySpec] = &[
    top("agriculture-food", "Agriculture & Food", "农业与食品"),
    top("manufacturing", "Manufacturing", "装备制造"),
    top("automotive", "Automotive & Mobility", "汽车与出行"),
    top("finance", "Finance & Investment", "金融与投资"),
    top("logistics-trade", "Logistics & Trade", "物流与贸易"),
    top("consumer-goods", "Consumer Goods", "消费品"),
    top(
        "culture-tourism",
        "Culture, Tourism & Education",
        "文化旅游与教育",
    ),
    top("health", "Health & Life Sciences", "医药健康"),
    child("agriculture-food", "tea", "Tea", "茶叶"),
    child("agriculture-food", "coffee", "Coffee", "咖啡"),
    child(
        "agriculture-food",
        "hotpot-condiments",
        "Hotpot & Condiments",
        "火锅与调味品",
    ),
    child(
        "agriculture-food",
        "produce",
        "Fruit, Grain & Produce",
        "果蔬粮油",
    ),
    child("agriculture-food", "seafood", "Seafood", "海产品"),
    child("agriculture-food", "liquor", "Wine & Spirits", "酒类"),
    child("manufacturing", "machinery", "Machinery", "机械装备"),
    child(
        "manufacturing",
        "industrial-robots",
        "Industrial Robots",
        "工业机器人",
    ),
    child(
        "manufacturing",
        "electronics",
        "Electronics & IT",
        "电子信息",
    ),
    child("manufacturing", "materials", "New Materials", "新材料"),
    child(
        "automotive",
        "new-energy-vehicles",
        "New Energy Vehicles",
        "新能源汽车",
    ),
    child("automotive", "auto-parts", "Auto Parts", "汽车零部件"),
    child("automotive", "batteries", "Power Batteries", "动力电池"),
    child("automotive", "motorcycles", "Motorcycles", "摩托车"),
    child("finance", "banking", "Banking", "银行"),
    child("finance", "insurance", "Insurance", "保险"),
    child("finance", "investment", "Investment Promotion", "投资促进"),
    child("finance", "fintech", "Fintech", "金融科技"),
    child("logistics-trade", "logistics", "Logistics", "物流"),
    child(
        "logistics-trade",
        "cross-border-ecommerce",
        "Cross-border E-commerce",
        "跨境电商",
    ),
    child(
        "logistics-trade",
        "trade-services",
        "Trade Services",
        "贸易服务",
    ),
    child(
        "consumer-goods",
        "textiles",
        "Textiles & Apparel",
        "纺织服装",
    ),
    child(
        "consumer-goods",
        "household",
        "Household Products",
        "家居用品",
    ),
    child(
        "consumer-goods",
        "cosmetics",
        "Cosmetics & Personal Care",
        "美妆个护",
    ),
    child("consumer-goods", "handicrafts", "Handicrafts", "手工艺品"),
    child("culture-tourism", "tourism", "Tourism", "旅游"),
    child(
        "culture-tourism",
        "creative-design",
        "Creative Design",
        "创意设计",
    ),
    child(
        "culture-tourism",
        "education",
        "Education & Training",
        "教育培训",
    ),
    child("health", "biopharma", "Biopharmaceuticals", "生物医药"),
    child("health", "medical-devices", "Medical Devices", "医疗器械"),
    child(
        "health",
        "traditional-medicine",
        "Traditional Medicine",
        "传统医药",
    ),
];

/// What a company does: the word in its name, its categories, its products and one sentence.
#[derive(Debug)]
pub(crate) struct Industry {
    pub en: &'static str,
    pub zh: &'static str,
    pub categories: &'static [&'static str],
    pub products: &'static [(&'static str, &'static str)],
    /// Completes "<company> ..." in English.
    pub does_en: &'static str,
    /// Completes "<公司>……" in Chinese.
    pub does_zh: &'static str,
    /// Banks carry no "Co., Ltd." suffix in their usual name.
    pub bank: bool,
}

macro_rules! industry {
    ($name:ident, $en:expr, $zh:expr, $cats:expr, $does_en:expr, $does_zh:expr, $products:expr) => {
        pub(crate) static $name: Industry = Industry {
            en: $en,
            zh: $zh,
            categories: $cats,
            products: $products,
            does_en: $does_en,
            does_zh: $does_zh,
            bank: false,
        };
    };
}

pub(crate) static BANK: Industry = Industry {
    en: "Bank",
    zh: "银行",
    categories: &["banking", "investment"],
    products: &[
        ("Trade Finance Account", "贸易融资账户"),
        ("Cross-border RMB Settlement", "跨境人民币结算"),
        ("SME Credit Line", "小微企业信用贷"),
        ("Mobile Banking App", "手机银行"),
    ],
    does_en: "offers corporate banking, trade finance and cross-border settlement",
    does_zh: "提供公司银行、贸易融资和跨境结算服务",
    bank: true,
};

industry!(
    INSURANCE,
    "Insurance",
    "保险",
    &["insurance"],
    "insures cargo, factories and travellers along the land-sea trade corridor",
    "为陆海贸易通道沿线的货物、工厂和旅客提供保险",
    &[
        ("Cargo Insurance", "货运保险"),
        ("Factory Property Cover", "工厂财产险"),
        ("Travel Insurance", "旅行保险")
    ]
);
industry!(
    FINTECH,
    "Financial Technology",
    "金融科技",
    &["fintech", "banking"],
    "builds payment and risk-control software for banks and exporters",
    "为银行和出口企业开发支付与风控软件",
    &[
        ("Payment Gateway", "支付网关"),
        ("Credit Scoring Engine", "信用评分引擎"),
        ("Invoice Chain", "发票区块链平台")
    ]
);
industry!(
    HOTPOT,
    "Hotpot Foods",
    "火锅食品",
    &["hotpot-condiments"],
    "makes hotpot bases, chilli oil and Sichuan pepper seasonings for restaurants and supermarkets",
    "生产火锅底料、红油和花椒调味品，供应餐饮企业和超市",
    &[
        ("Spicy Hotpot Base", "麻辣火锅底料"),
        ("Chilli Oil", "红油辣子"),
        ("Sichuan Pepper Powder", "花椒粉"),
        ("Tomato Hotpot Base", "番茄火锅底料")
    ]
);
industry!(
    FOOD,
    "Food & Beverage",
    "食品饮料",
    &["produce"],
    "produces snacks, noodles and drinks for domestic and export markets",
    "生产面向国内外市场的休闲食品、面条和饮料",
    &[
        ("Instant Noodles", "方便面"),
        ("Dried Fruit Snacks", "果干零食"),
        ("Herbal Tea Drink", "凉茶饮料"),
        ("Rice Crackers", "米饼")
    ]
);
industry!(
    TEA,
    "Tea",
    "茶业",
    &["tea"],
    "grows and processes green, black and dark teas from its own mountain gardens",
    "在自有高山茶园种植并加工绿茶、红茶和黑茶",
    &[
        ("Green Tea", "绿茶"),
        ("Black Tea", "红茶"),
        ("Pu'er Tea Cake", "普洱茶饼"),
        ("Tea Gift Box", "茶叶礼盒")
    ]
);
industry!(
    COFFEE,
    "Coffee",
    "咖啡",
    &["coffee"],
    "roasts highland arabica and robusta beans and supplies cafés across Asia",
    "烘焙高原阿拉比卡和罗布斯塔咖啡豆，供应亚洲各地咖啡馆",
    &[
        ("Roasted Coffee Beans", "烘焙咖啡豆"),
        ("Drip Coffee Bags", "挂耳咖啡"),
        ("Instant Coffee", "速溶咖啡"),
        ("Cold Brew Concentrate", "冷萃咖啡液")
    ]
);
industry!(
    FRUIT,
    "Fruit",
    "果业",
    &["produce"],
    "grows, packs and ships fresh tropical and citrus fruit by cold chain",
    "种植、包装并通过冷链运输新鲜热带水果和柑橘",
    &[
        ("Fresh Durian", "新鲜榴莲"),
        ("Navel Oranges", "脐橙"),
        ("Dried Mango", "芒果干"),
        ("Lychee Juice", "荔枝汁")
    ]
);
industry!(
    RICE,
    "Rice",
    "米业",
    &["produce"],
    "mills fragrant jasmine and sticky rice for supermarkets and restaurants",
    "加工茉莉香米和糯米，供应超市和餐厅",
    &[
        ("Jasmine Rice", "茉莉香米"),
        ("Sticky Rice", "糯米"),
        ("Rice Noodles", "米粉")
    ]
);
industry!(
    SEAFOOD,
    "Seafood",
    "海产",
    &["seafood"],
    "farms and processes shrimp, fish and shellfish to export standards",
    "按出口标准养殖并加工虾类、鱼类和贝类",
    &[
        ("Frozen Shrimp", "冷冻虾"),
        ("Fish Sauce", "鱼露"),
        ("Dried Squid", "鱿鱼干")
    ]
);
industry!(
    LIQUOR,
    "Distillery",
    "酒业",
    &["liquor"],
    "distils strong-aroma baijiu and fruit wines in cellars more than a century old",
    "在百年老窖中酿造浓香型白酒和果酒",
    &[
        ("Strong-aroma Baijiu", "浓香型白酒"),
        ("Plum Wine", "青梅酒"),
        ("Rice Wine", "米酒")
    ]
);
industry!(
    MACHINERY,
    "Machinery",
    "机械",
    &["machinery"],
    "designs and builds machine tools, gearboxes and hydraulic presses",
    "设计制造数控机床、减速机和液压机",
    &[
        ("CNC Lathe", "数控车床"),
        ("Precision Gearbox", "精密减速机"),
        ("Hydraulic Press", "液压机"),
        ("Laser Cutter", "激光切割机")
    ]
);
industry!(
    ROBOTICS,
    "Robotics",
    "机器人",
    &["industrial-robots", "machinery"],
    "makes welding, painting and handling robots for car and electronics plants",
    "为汽车和电子工厂制造焊接、喷涂和搬运机器人",
    &[
        ("Six-axis Welding Robot", "六轴焊接机器人"),
        ("Collaborative Robot Arm", "协作机械臂"),
        ("AGV Carrier", "AGV搬运车")
    ]
);
industry!(
    ELECTRONICS,
    "Electronics",
    "电子",
    &["electronics"],
    "assembles laptops, displays and circuit boards for global brands",
    "为全球品牌组装笔记本电脑、显示屏和电路板",
    &[
        ("Laptop Motherboard", "笔记本主板"),
        ("LCD Display Module", "液晶显示模组"),
        ("Smart Meter", "智能电表"),
        ("Power Adapter", "电源适配器")
    ]
);
industry!(
    DATA,
    "Data Technology",
    "数据科技",
    &["electronics", "fintech"],
    "runs cloud data centres and builds analytics software for manufacturers",
    "运营云数据中心并为制造企业开发数据分析软件",
    &[
        ("Industrial Cloud Platform", "工业云平台"),
        ("Data Centre Hosting", "数据中心托管"),
        ("Supply Chain Dashboard", "供应链看板")
    ]
);
industry!(
    MATERIALS,
    "New Materials",
    "新材料",
    &["materials"],
    "produces aluminium alloys, carbon fibre and specialty glass",
    "生产铝合金、碳纤维和特种玻璃",
    &[
        ("Aluminium Alloy Sheet", "铝合金板"),
        ("Carbon Fibre Cloth", "碳纤维布"),
        ("Specialty Glass", "特种玻璃")
    ]
);
industry!(
    RUBBER,
    "Rubber",
    "橡胶",
    &["materials"],
    "processes natural rubber into latex, tyres and industrial hoses",
    "将天然橡胶加工为乳胶、轮胎和工业软管",
    &[
        ("Natural Latex Pillow", "天然乳胶枕"),
        ("Rubber Sheet", "橡胶片"),
        ("Industrial Hose", "工业软管")
    ]
);
industry!(
    NEV,
    "New Energy Vehicle",
    "新能源汽车",
    &["new-energy-vehicles"],
    "develops electric cars, buses and delivery vans for Asian cities",
    "为亚洲城市研发电动乘用车、客车和物流车",
    &[
        ("Compact Electric Car", "紧凑型电动车"),
        ("Electric City Bus", "纯电动公交车"),
        ("Electric Delivery Van", "电动物流车")
    ]
);
industry!(
    AUTOPARTS,
    "Auto Parts",
    "汽车零部件",
    &["auto-parts"],
    "supplies brakes, seats and wiring harnesses to carmakers",
    "为整车厂供应制动系统、座椅和线束",
    &[
        ("Disc Brake Kit", "盘式制动器"),
        ("Car Seat Frame", "汽车座椅骨架"),
        ("Wiring Harness", "汽车线束"),
        ("LED Headlamp", "LED前大灯")
    ]
);
industry!(
    BATTERY,
    "Battery Technology",
    "电池科技",
    &["batteries", "new-energy-vehicles"],
    "makes lithium iron phosphate cells, battery packs and charging piles",
    "生产磷酸铁锂电芯、电池包和充电桩",
    &[
        ("LFP Battery Cell", "磷酸铁锂电芯"),
        ("Battery Pack", "动力电池包"),
        ("Fast Charging Pile", "快充桩")
    ]
);
industry!(
    MOTORCYCLE,
    "Motorcycle",
    "摩托车",
    &["motorcycles"],
    "builds motorcycles and electric scooters for Southeast Asian markets",
    "为东南亚市场生产摩托车和电动踏板车",
    &[
        ("150cc Motorcycle", "150cc摩托车"),
        ("Electric Scooter", "电动踏板车"),
        ("Cargo Tricycle", "载货三轮车")
    ]
);
industry!(
    LOGISTICS,
    "Logistics",
    "物流",
    &["logistics"],
    "runs rail, river and sea freight between western China and ASEAN ports",
    "经营中国西部与东盟港口之间的铁路、内河和海运物流",
    &[
        ("Rail-Sea Intermodal Service", "铁海联运班列"),
        ("Cold Chain Trucking", "冷链运输"),
        ("Bonded Warehouse", "保税仓储")
    ]
);
industry!(
    TRADE,
    "International Trade",
    "国际贸易",
    &["trade-services", "cross-border-ecommerce"],
    "imports and exports consumer goods and handles customs for small brands",
    "从事消费品进出口，并为小品牌代理报关",
    &[
        ("Import Agency Service", "进口代理服务"),
        ("Customs Clearance", "报关服务"),
        ("Export Credit Insurance Desk", "出口信保服务")
    ]
);
industry!(
    ECOMMERCE,
    "E-commerce",
    "电子商务",
    &["cross-border-ecommerce"],
    "sells regional brands online across Southeast Asia with its own fulfilment centres",
    "通过自建仓配中心在东南亚线上销售地方品牌",
    &[
        ("Cross-border Online Store", "跨境网店"),
        ("Live-stream Selling Studio", "直播带货间"),
        ("Overseas Warehouse", "海外仓")
    ]
);
industry!(
    TEXTILES,
    "Textiles",
    "纺织",
    &["textiles"],
    "weaves silk and cotton and sews garments for fashion labels",
    "织造丝绸和棉布，为服装品牌代工成衣",
    &[
        ("Silk Scarf", "真丝围巾"),
        ("Cotton T-shirt", "棉质T恤"),
        ("Batik Fabric", "蜡染布")
    ]
);
industry!(
    HOUSEHOLD,
    "Household Products",
    "家居用品",
    &["household"],
    "makes bamboo kitchenware, storage boxes and ceramic tableware",
    "生产竹制厨具、收纳盒和陶瓷餐具",
    &[
        ("Bamboo Cutting Board", "竹砧板"),
        ("Ceramic Dinner Set", "陶瓷餐具套装"),
        ("Rattan Basket", "藤编篮")
    ]
);
industry!(
    COSMETICS,
    "Cosmetics",
    "化妆品",
    &["cosmetics"],
    "formulates skin care with plant extracts and natural oils",
    "以植物提取物和天然油脂研制护肤品",
    &[
        ("Coconut Oil Soap", "椰油皂"),
        ("Herbal Face Mask", "草本面膜"),
        ("Sunscreen Lotion", "防晒乳")
    ]
);
industry!(
    HANDICRAFTS,
    "Handicrafts",
    "工艺品",
    &["handicrafts"],
    "employs village artisans for lacquerware, silver jewellery and embroidery",
    "组织乡村匠人制作漆器、银饰和刺绣",
    &[
        ("Silver Bracelet", "银手镯"),
        ("Lacquer Box", "漆器盒"),
        ("Embroidered Cushion", "刺绣抱枕")
    ]
);
industry!(
    TOURISM,
    "Culture & Tourism",
    "文化旅游",
    &["tourism"],
    "operates river cruises, heritage hotels and guided tours",
    "经营江上游轮、特色酒店和导览旅游",
    &[
        ("Yangtze River Cruise", "长江游轮"),
        ("Heritage Town Tour", "古镇游"),
        ("Mountain Hot Spring Resort", "山地温泉度假村")
    ]
);
industry!(
    DESIGN,
    "Design",
    "设计",
    &["creative-design"],
    "designs brands, packaging and exhibition spaces",
    "提供品牌、包装和展陈空间设计",
    &[
        ("Brand Identity Package", "品牌识别设计"),
        ("Gift Packaging", "礼品包装"),
        ("Exhibition Stand Design", "展台设计")
    ]
);
industry!(
    EDUCATION,
    "Education",
    "教育科技",
    &["education"],
    "trains technicians and runs language courses for companies going abroad",
    "培训技术工人，并为出海企业开设语言课程",
    &[
        ("Welding Technician Course", "焊工培训课程"),
        ("Business Chinese Course", "商务汉语课程"),
        ("VR Training Room", "VR实训室")
    ]
);
industry!(
    BIOPHARMA,
    "Biopharmaceutical",
    "生物医药",
    &["biopharma"],
    "develops vaccines, generic drugs and diagnostic reagents",
    "研发疫苗、仿制药和诊断试剂",
    &[
        ("Diagnostic Test Kit", "诊断试剂盒"),
        ("Generic Antibiotic", "仿制抗生素"),
        ("Vitamin Tablets", "维生素片")
    ]
);
industry!(
    MEDDEVICES,
    "Medical Devices",
    "医疗器械",
    &["medical-devices"],
    "manufactures patient monitors, infusion pumps and hospital beds",
    "生产监护仪、输液泵和医用病床",
    &[
        ("Patient Monitor", "病人监护仪"),
        ("Infusion Pump", "输液泵"),
        ("Electric Hospital Bed", "电动病床")
    ]
);
industry!(
    HERBAL,
    "Herbal Medicine",
    "中药",
    &["traditional-medicine"],
    "grows medicinal herbs and makes granules and herbal teas",
    "种植中药材并生产配方颗粒和草本茶",
    &[
        ("Gastrodia Tuber Slices", "天麻片"),
        ("Herbal Granules", "中药配方颗粒"),
        ("Notoginseng Powder", "三七粉")
    ]
);

/// A Chinese place that appears in company names: the characters and the usual romanisation.
pub(crate) type Place = (&'static str, &'static str);

pub(crate) static CHONGQING: &[Place] = &[("重庆", "Chongqing")];
pub(crate) static SICHUAN: &[Place] = &[
    ("成都", "Chengdu"),
    ("绵阳", "Mianyang"),
    ("宜宾", "Yibin"),
    ("泸州", "Luzhou"),
    ("德阳", "Deyang"),
];
pub(crate) static GUIZHOU: &[Place] = &[
    ("贵阳", "Guiyang"),
    ("遵义", "Zunyi"),
    ("安顺", "Anshun"),
    ("毕节", "Bijie"),
];
pub(crate) static YUNNAN: &[Place] = &[
    ("昆明", "Kunming"),
    ("玉溪", "Yuxi"),
    ("大理", "Dali"),
    ("普洱", "Pu'er"),
];
pub(crate) static GUANGXI: &[Place] = &[
    ("南宁", "Nanning"),
    ("柳州", "Liuzhou"),
    ("桂林", "Guilin"),
    ("钦州", "Qinzhou"),
    ("北海", "Beihai"),
];
pub(crate) static SHAANXI: &[Place] = &[
    ("西安", "Xi'an"),
    ("宝鸡", "Baoji"),
    ("咸阳", "Xianyang"),
    ("长安", "Chang'an"),
];
pub(crate) static NEV_PLACES: &[Place] = &[
    ("重庆", "Chongqing"),
    ("柳州", "Liuzhou"),
    ("西安", "Xi'an"),
    ("合肥", "Hefei"),
    ("宜宾", "Yibin"),
];
pub(crate) static MAKER_PLACES: &[Place] = &[
    ("重庆", "Chongqing"),
    ("成都", "Chengdu"),
    ("六安", "Lu'an"),
    ("苏州", "Suzhou"),
    ("德阳", "Deyang"),
];
pub(crate) static CONSUMER_PLACES: &[Place] = &[
    ("厦门", "Xiamen"),
    ("六安", "Lu'an"),
    ("泉州", "Quanzhou"),
    ("义乌", "Yiwu"),
    ("重庆", "Chongqing"),
];
pub(crate) static DESIGN_PLACES: &[Place] = &[
    ("重庆", "Chongqing"),
    ("成都", "Chengdu"),
    ("厦门", "Xiamen"),
    ("深圳", "Shenzhen"),
];

/// Brand syllables for Chinese companies; two of them make a brand such as 瑞丰 / Ruifeng.
pub(crate) static BRAND_FIRST: &[(&str, &str)] = &[
    ("瑞", "Rui"),
    ("恒", "Heng"),
    ("华", "Hua"),
    ("鼎", "Ding"),
    ("金", "Jin"),
    ("宏", "Hong"),
    ("新", "Xin"),
    ("博", "Bo"),
    ("永", "Yong"),
    ("汇", "Hui"),
    ("嘉", "Jia"),
    ("天", "Tian"),
    ("明", "Ming"),
    ("德", "De"),
    ("佳", "Jia"),
    ("润", "Run"),
    ("兴", "Xing"),
    ("信", "Xin"),
    ("康", "Kang"),
    ("云", "Yun"),
];
pub(crate) static BRAND_SECOND: &[(&str, &str)] = &[
    ("丰", "feng"),
    ("信", "xin"),
    ("源", "yuan"),
    ("达", "da"),
    ("通", "tong"),
    ("远", "yuan"),
    ("诚", "cheng"),
    ("峰", "feng"),
    ("创", "chuang"),
    ("锦", "jin"),
    ("宇", "yu"),
    ("辰", "chen"),
    ("晟", "sheng"),
    ("联", "lian"),
    ("美", "mei"),
    ("恒", "heng"),
    ("龙", "long"),
    ("海", "hai"),
    ("川", "chuan"),
    ("江", "jiang"),
];

/// How the companies of a foreign pavilion are named.
#[derive(Debug)]
pub(crate) struct ForeignStyle {
    /// The country in Chinese company names, e.g. 泰国 (a Thai company's name starts with it).
    pub prefix_zh: &'static str,
    /// Brand roots with their usual Chinese rendering.
    pub roots: &'static [(&'static str, &'static str)],
    /// Legal suffixes: English, Chinese.
    pub suffixes: &'static [(&'static str, &'static str)],
    /// Indonesian companies put `PT` in front of the name.
    pub en_prefix: Option<&'static str>,
    pub cities: &'static [Place],
    pub people: &'static [(&'static str, &'static str)],
    /// Share of companies (percent) whose names read Chinese-style in both languages.
    pub chinese_people_percent: u32,
}

/// Words that finish a foreign brand: "Siam" + "Lotus".
pub(crate) static BRAND_WORDS: &[(&str, &str)] = &[
    ("Star", "之星"),
    ("Lotus", "莲花"),
    ("Golden", "金"),
    ("Pearl", "明珠"),
    ("River", "河"),
    ("Green", "绿"),
    ("Sun", "阳光"),
    ("Harbour", "港湾"),
    ("Orchid", "兰花"),
    ("Phoenix", "凤凰"),
    ("Jade", "翡翠"),
    ("Ocean", "海洋"),
    ("Silk", "丝绸"),
    ("Bamboo", "竹"),
    ("Royal", "皇家"),
    ("Spring", "春"),
];

pub(crate) static THAI: ForeignStyle = ForeignStyle {
    prefix_zh: "泰国",
    roots: &[
        ("Siam", "暹罗"),
        ("Chao Phraya", "湄南河"),
        ("Lanna", "兰纳"),
        ("Isan", "伊桑"),
        ("Krung", "恭"),
        ("Ayutthaya", "大城"),
        ("Rattana", "叻达纳"),
        ("Sukhothai", "素可泰"),
    ],
    suffixes: &[
        ("Co., Ltd.", "有限公司"),
        ("Public Co., Ltd.", "大众有限公司"),
    ],
    en_prefix: None,
    cities: &[
        ("曼谷", "Bangkok"),
        ("清迈", "Chiang Mai"),
        ("罗勇", "Rayong"),
    ],
    people: &[
        ("Somchai Rattanakul", "颂猜·叻达纳恭"),
        ("Nattaya Wongsawat", "娜塔雅·翁萨瓦"),
        ("Anan Chaiyaporn", "阿南·猜亚蓬"),
        ("Pimchanok Suksawat", "披姆查诺·素沙瓦"),
        ("Kittisak Boonmee", "吉迪萨·汶密"),
        ("Supaporn Thongdee", "素帕蓬·通迪"),
    ],
    chinese_people_percent: 10,
};

pub(crate) static VIETNAMESE: ForeignStyle = ForeignStyle {
    prefix_zh: "越南",
    roots: &[
        ("Sông Hồng", "红河"),
        ("Hạ Long", "下龙"),
        ("Sài Gòn", "西贡"),
        ("Mê Kông", "湄公"),
        ("Đà Lạt", "大叻"),
        ("Hội An", "会安"),
        ("Thăng Long", "升龙"),
        ("Tây Nguyên", "西原"),
    ],
    suffixes: &[
        ("Co., Ltd.", "有限公司"),
        ("Joint Stock Company", "股份公司"),
    ],
    en_prefix: None,
    cities: &[
        ("河内", "Hà Nội"),
        ("胡志明市", "Hồ Chí Minh City"),
        ("岘港", "Đà Nẵng"),
    ],
    people: &[
        ("Nguyễn Văn An", "阮文安"),
        ("Trần Thị Mai", "陈氏梅"),
        ("Lê Minh Tuấn", "黎明俊"),
        ("Phạm Thu Hà", "范秋河"),
        ("Võ Quốc Bảo", "武国宝"),
    ],
    chinese_people_percent: 0,
};

pub(crate) static LAO: ForeignStyle = ForeignStyle {
    prefix_zh: "老挝",
    roots: &[
        ("Lane Xang", "澜沧"),
        ("Vientiane", "万象"),
        ("Luang Prabang", "琅勃拉邦"),
        ("Champa", "占巴"),
        ("Savan", "沙湾"),
    ],
    suffixes: &[
        ("Co., Ltd.", "有限公司"),
        ("Sole Co., Ltd.", "独资有限公司"),
    ],
    en_prefix: None,
    cities: &[
        ("万象", "Vientiane"),
        ("琅勃拉邦", "Luang Prabang"),
        ("巴色", "Pakse"),
    ],
    people: &[
        ("Souksavanh Phommachanh", "苏萨万·蓬玛占"),
        ("Khamla Vongsa", "坎拉·翁萨"),
        ("Bounmy Sisouk", "文米·西苏"),
        ("Phonesavanh Keola", "蓬沙万·乔拉"),
    ],
    chinese_people_percent: 0,
};

pub(crate) static SINGAPOREAN: ForeignStyle = ForeignStyle {
    prefix_zh: "新加坡",
    roots: &[
        ("Marina", "滨海"),
        ("Lion City", "狮城"),
        ("Straits", "海峡"),
        ("Raffles Quay", "莱佛士码头"),
        ("Orchard", "乌节"),
        ("Jurong", "裕廊"),
    ],
    suffixes: &[("Pte. Ltd.", "私人有限公司")],
    en_prefix: None,
    cities: &[("新加坡", "Singapore")],
    people: &[
        ("Tan Wei Ming", "陈伟明"),
        ("Lim Hui Shan", "林慧珊"),
        ("Rajesh Kumar", "拉杰什·库马尔"),
        ("Goh Siew Ling", "吴秀玲"),
    ],
    chinese_people_percent: 0,
};

pub(crate) static MALAYSIAN: ForeignStyle = ForeignStyle {
    prefix_zh: "马来西亚",
    roots: &[
        ("Penang", "槟城"),
        ("Borneo", "婆罗洲"),
        ("Malacca", "马六甲"),
        ("Kinabalu", "京那巴鲁"),
        ("Selangor", "雪兰莪"),
        ("Langkawi", "兰卡威"),
    ],
    suffixes: &[("Sdn. Bhd.", "有限公司"), ("Berhad", "股份有限公司")],
    en_prefix: None,
    cities: &[
        ("吉隆坡", "Kuala Lumpur"),
        ("槟城", "Penang"),
        ("新山", "Johor Bahru"),
    ],
    people: &[
        ("Ahmad Faizal", "艾哈迈德·法伊扎尔"),
        ("Nur Aisyah Rahman", "努尔·艾莎·拉赫曼"),
        ("Lee Chong Kiat", "李忠杰"),
        ("Priya Devi", "普丽娅·黛薇"),
    ],
    chinese_people_percent: 0,
};

pub(crate) static INDONESIAN: ForeignStyle = ForeignStyle {
    prefix_zh: "印尼",
    roots: &[
        ("Nusantara", "努山塔拉"),
        ("Bali", "巴厘"),
        ("Java", "爪哇"),
        ("Sumatra", "苏门答腊"),
        ("Borobudur", "婆罗浮屠"),
        ("Sulawesi", "苏拉威西"),
    ],
    suffixes: &[("Indonesia", "有限公司")],
    en_prefix: Some("PT"),
    cities: &[
        ("雅加达", "Jakarta"),
        ("泗水", "Surabaya"),
        ("万隆", "Bandung"),
    ],
    people: &[
        ("Budi Santoso", "布迪·桑托索"),
        ("Dewi Anggraini", "黛维·安格莱尼"),
        ("Agus Wijaya", "阿古斯·威查亚"),
        ("Ratna Kusuma", "拉特娜·库苏玛"),
    ],
    chinese_people_percent: 0,
};

pub(crate) static HONG_KONG: ForeignStyle = ForeignStyle {
    prefix_zh: "香港",
    roots: &[
        ("Victoria", "维港"),
        ("Kowloon", "九龙"),
        ("Pearl Delta", "珠三角"),
        ("Harbour Light", "港光"),
        ("Lantau", "大屿"),
        ("Peak", "山顶"),
    ],
    suffixes: &[
        ("Limited", "有限公司"),
        ("Holdings Limited", "控股有限公司"),
    ],
    en_prefix: None,
    cities: &[("香港", "Hong Kong"), ("九龙", "Kowloon")],
    people: &[
        ("Chan Ka Wai", "陈家伟"),
        ("Wong Mei Ling", "黄美玲"),
        ("Leung Chi Ho", "梁志豪"),
        ("Cheung Wing Yan", "张咏欣"),
    ],
    chinese_people_percent: 0,
};

/// How the companies of a pavilion are named.
#[derive(Debug)]
pub(crate) enum NameStyle {
    /// `<place><brand><industry>有限公司` / `<Place> <Brand> <Industry> Co., Ltd.`
    Chinese(&'static [Place]),
    Foreign(&'static ForeignStyle),
}

/// A pavilion of the fair and the kind of companies it gathers.
#[derive(Debug)]
pub(crate) struct PavilionSpec {
    pub slug: &'static str,
    pub kind: PavilionKind,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub country: &'static str,
    pub color: &'static str,
    pub description_en: &'static str,
    pub description_zh: &'static str,
    pub style: NameStyle,
    pub industries: &'static [&'static Industry],
}

/// Every pavilion of the demo fair, in the order the synthetic fairs cycle through them: the
/// four kinds interleave so that even a small synthetic fair has all of them.
pub(crate) static PAVILIONS: &[PavilionSpec] = &[
    PavilionSpec {
        slug: "chongqing",
        kind: PavilionKind::Region,
        name_en: "Chongqing Pavilion",
        name_zh: "重庆馆",
        country: "CN",
        color: "#c8102e",
        description_en: "The host city: banks, carmakers, hotpot makers and the logistics hub of the New International Land-Sea Trade Corridor.",
        description_zh: "东道主城市：银行、汽车制造、火锅食品企业以及西部陆海新通道物流枢纽。",
        style: NameStyle::Chinese(CHONGQING),
        industries: &[
            &BANK,
            &HOTPOT,
            &MACHINERY,
            &ELECTRONICS,
            &LOGISTICS,
            &AUTOPARTS,
            &MOTORCYCLE,
            &TOURISM,
            &INSURANCE,
            &DATA,
        ],
    },
    PavilionSpec {
        slug: "thailand",
        kind: PavilionKind::Country,
        name_en: "Thailand Pavilion",
        name_zh: "泰国馆",
        country: "TH",
        color: "#2d2a4a",
        description_en: "Thai fruit, rice, rubber and tourism, brought by rail and sea along the corridor.",
        description_zh: "泰国水果、大米、橡胶与旅游产品，经陆海新通道直达西部。",
        style: NameStyle::Foreign(&THAI),
        industries: &[
            &FRUIT,
            &RICE,
            &RUBBER,
            &FOOD,
            &COSMETICS,
            &TOURISM,
            &SEAFOOD,
            &HANDICRAFTS,
        ],
    },
    PavilionSpec {
        slug: "hong-kong",
        kind: PavilionKind::City,
        name_en: "Hong Kong Pavilion (Guest City of Honour)",
        name_zh: "香港馆（主宾城市）",
        country: "HK",
        color: "#de2910",
        description_en: "This year's guest city of honour: finance, trade services, design and logistics from Hong Kong.",
        description_zh: "本届主宾城市：来自香港的金融、贸易服务、设计与物流企业。",
        style: NameStyle::Foreign(&HONG_KONG),
        industries: &[
            &FINTECH, &INSURANCE, &TRADE, &LOGISTICS, &DESIGN, &EDUCATION, &BIOPHARMA,
        ],
    },
    PavilionSpec {
        slug: "smart-manufacturing",
        kind: PavilionKind::Theme,
        name_en: "Smart Manufacturing Pavilion",
        name_zh: "智能制造馆",
        country: "CN",
        color: "#0b6e4f",
        description_en: "Robots, machine tools, electronics and industrial software from across China.",
        description_zh: "来自全国的机器人、数控机床、电子信息与工业软件。",
        style: NameStyle::Chinese(MAKER_PLACES),
        industries: &[&ROBOTICS, &MACHINERY, &ELECTRONICS, &MATERIALS, &DATA],
    },
    PavilionSpec {
        slug: "sichuan",
        kind: PavilionKind::Region,
        name_en: "Sichuan Pavilion",
        name_zh: "四川馆",
        country: "CN",
        color: "#e07a1f",
        description_en: "Baijiu, tea, electronics and biomedicine from Chengdu and the cities of Sichuan.",
        description_zh: "来自成都及四川各市的白酒、茶叶、电子信息和生物医药。",
        style: NameStyle::Chinese(SICHUAN),
        industries: &[
            &LIQUOR,
            &TEA,
            &ELECTRONICS,
            &BIOPHARMA,
            &HOTPOT,
            &MACHINERY,
            &BANK,
        ],
    },
    PavilionSpec {
        slug: "vietnam",
        kind: PavilionKind::Country,
        name_en: "Vietnam Pavilion",
        name_zh: "越南馆",
        country: "VN",
        color: "#da251d",
        description_en: "Coffee, seafood, textiles and furniture from Vietnam.",
        description_zh: "越南咖啡、海产品、纺织品和家具。",
        style: NameStyle::Foreign(&VIETNAMESE),
        industries: &[
            &COFFEE,
            &SEAFOOD,
            &TEXTILES,
            &HOUSEHOLD,
            &FRUIT,
            &HANDICRAFTS,
        ],
    },
    PavilionSpec {
        slug: "new-energy-vehicles",
        kind: PavilionKind::Theme,
        name_en: "New Energy Vehicles Pavilion",
        name_zh: "新能源汽车馆",
        country: "CN",
        color: "#1b9e77",
        description_en: "Electric cars, batteries, charging and the parts that go into them.",
        description_zh: "电动汽车、动力电池、充电设施及核心零部件。",
        style: NameStyle::Chinese(NEV_PLACES),
        industries: &[&NEV, &BATTERY, &AUTOPARTS, &MOTORCYCLE, &DATA],
    },
    PavilionSpec {
        slug: "guangxi",
        kind: PavilionKind::Region,
        name_en: "Guangxi Pavilion",
        name_zh: "广西馆",
        country: "CN",
        color: "#2a9d8f",
        description_en: "Guangxi, the corridor's gateway to the sea: ports, sugar, fruit and machinery.",
        description_zh: "陆海新通道出海口广西：港口物流、糖业、水果和机械。",
        style: NameStyle::Chinese(GUANGXI),
        industries: &[&LOGISTICS, &FRUIT, &FOOD, &MACHINERY, &SEAFOOD, &AUTOPARTS],
    },
    PavilionSpec {
        slug: "singapore",
        kind: PavilionKind::Country,
        name_en: "Singapore Pavilion",
        name_zh: "新加坡馆",
        country: "SG",
        color: "#ef3340",
        description_en: "Singapore's logistics, finance and technology partners of the corridor.",
        description_zh: "新加坡物流、金融与科技企业，陆海新通道的合作伙伴。",
        style: NameStyle::Foreign(&SINGAPOREAN),
        industries: &[&LOGISTICS, &FINTECH, &DATA, &BIOPHARMA, &EDUCATION, &TRADE],
    },
    PavilionSpec {
        slug: "consumer-goods",
        kind: PavilionKind::Theme,
        name_en: "Consumer Goods Pavilion",
        name_zh: "消费品馆",
        country: "CN",
        color: "#8e44ad",
        description_en: "Tea, household goods, cosmetics and snacks for shops and online sellers.",
        description_zh: "面向门店和电商的茶叶、家居用品、美妆和休闲食品。",
        style: NameStyle::Chinese(CONSUMER_PLACES),
        industries: &[&TEA, &HOUSEHOLD, &COSMETICS, &FOOD, &TEXTILES, &ECOMMERCE],
    },
    PavilionSpec {
        slug: "guizhou",
        kind: PavilionKind::Region,
        name_en: "Guizhou Pavilion",
        name_zh: "贵州馆",
        country: "CN",
        color: "#3a7d44",
        description_en: "Big data centres, baijiu, tea and herbal medicine from the mountains of Guizhou.",
        description_zh: "来自贵州山区的大数据中心、白酒、茶叶和中药材。",
        style: NameStyle::Chinese(GUIZHOU),
        industries: &[&DATA, &LIQUOR, &TEA, &HERBAL, &TOURISM],
    },
    PavilionSpec {
        slug: "malaysia",
        kind: PavilionKind::Country,
        name_en: "Malaysia Pavilion",
        name_zh: "马来西亚馆",
        country: "MY",
        color: "#010066",
        description_en: "Palm products, rubber, electronics and halal food from Malaysia.",
        description_zh: "马来西亚棕榈制品、橡胶、电子产品和清真食品。",
        style: NameStyle::Foreign(&MALAYSIAN),
        industries: &[
            &RUBBER,
            &ELECTRONICS,
            &FOOD,
            &COSMETICS,
            &MEDDEVICES,
            &LOGISTICS,
        ],
    },
    PavilionSpec {
        slug: "design",
        kind: PavilionKind::Theme,
        name_en: "Design Pavilion",
        name_zh: "设计馆",
        country: "CN",
        color: "#f2a900",
        description_en: "Brand, packaging and product designers for companies going abroad.",
        description_zh: "为出海企业服务的品牌、包装和产品设计机构。",
        style: NameStyle::Chinese(DESIGN_PLACES),
        industries: &[&DESIGN, &EDUCATION, &HANDICRAFTS, &ECOMMERCE],
    },
    PavilionSpec {
        slug: "yunnan",
        kind: PavilionKind::Region,
        name_en: "Yunnan Pavilion",
        name_zh: "云南馆",
        country: "CN",
        color: "#6a994e",
        description_en: "Pu'er tea, coffee, flowers, herbs and tourism from Yunnan, next door to Laos and Myanmar.",
        description_zh: "与老挝、缅甸接壤的云南：普洱茶、咖啡、鲜花、中药材和旅游。",
        style: NameStyle::Chinese(YUNNAN),
        industries: &[&TEA, &COFFEE, &HERBAL, &TOURISM, &FRUIT],
    },
    PavilionSpec {
        slug: "laos",
        kind: PavilionKind::Country,
        name_en: "Laos Pavilion",
        name_zh: "老挝馆",
        country: "LA",
        color: "#002868",
        description_en: "Coffee, rice, handicrafts and tourism along the China-Laos Railway.",
        description_zh: "中老铁路沿线的咖啡、大米、手工艺品与旅游。",
        style: NameStyle::Foreign(&LAO),
        industries: &[&COFFEE, &RICE, &HANDICRAFTS, &TOURISM, &RUBBER],
    },
    PavilionSpec {
        slug: "shaanxi",
        kind: PavilionKind::Region,
        name_en: "Shaanxi Pavilion",
        name_zh: "陕西馆",
        country: "CN",
        color: "#9c2c2c",
        description_en: "Xi'an and Chang'an: aerospace materials, semiconductors, culture and the Silk Road.",
        description_zh: "西安与长安：航空航天材料、半导体、文化旅游与丝绸之路。",
        style: NameStyle::Chinese(SHAANXI),
        industries: &[
            &MATERIALS,
            &ELECTRONICS,
            &TOURISM,
            &LOGISTICS,
            &EDUCATION,
            &DATA,
        ],
    },
    PavilionSpec {
        slug: "indonesia",
        kind: PavilionKind::Country,
        name_en: "Indonesia Pavilion",
        name_zh: "印度尼西亚馆",
        country: "ID",
        color: "#ce1126",
        description_en: "Coffee, spices, batik and nickel from Indonesia.",
        description_zh: "印度尼西亚咖啡、香料、蜡染和镍矿制品。",
        style: NameStyle::Foreign(&INDONESIAN),
        industries: &[&COFFEE, &TEXTILES, &FOOD, &MATERIALS, &HANDICRAFTS],
    },
];

/// Chinese family names with their pinyin.
pub(crate) static SURNAMES: &[(&str, &str)] = &[
    ("陈", "Chen"),
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("周", "Zhou"),
    ("吴", "Wu"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("马", "Ma"),
    ("朱", "Zhu"),
    ("胡", "Hu"),
    ("郭", "Guo"),
    ("何", "He"),
    ("罗", "Luo"),
    ("高", "Gao"),
    ("林", "Lin"),
];

/// Chinese given names with their pinyin.
pub(crate) static GIVEN_NAMES: &[(&str, &str)] = &[
    ("晓明", "Xiaoming"),
    ("丽娟", "Lijuan"),
    ("建国", "Jianguo"),
    ("海燕", "Haiyan"),
    ("志强", "Zhiqiang"),
    ("秀英", "Xiuying"),
    ("文博", "Wenbo"),
    ("雨欣", "Yuxin"),
    ("子涵", "Zihan"),
    ("俊杰", "Junjie"),
    ("佳怡", "Jiayi"),
    ("浩然", "Haoran"),
    ("思远", "Siyuan"),
    ("婷婷", "Tingting"),
    ("国华", "Guohua"),
    ("小龙", "Xiaolong"),
];

/// Job titles of exhibitor contacts.
pub(crate) static TITLES: &[(&str, &str)] = &[
    ("Sales Manager", "销售经理"),
    ("General Manager", "总经理"),
    ("Export Director", "出口总监"),
    ("Marketing Manager", "市场经理"),
    ("Business Development Manager", "商务拓展经理"),
    ("Chairman", "董事长"),
    ("Overseas Sales Representative", "海外销售代表"),
    ("Investor Relations Officer", "投资者关系专员"),
];

/// Second sentences: a fact about the company, with `{n}` for a number.
pub(crate) static TRAITS: &[(&str, &str)] = &[
    (
        "It sells in {n} countries and regions.",
        "业务覆盖{n}个国家和地区。",
    ),
    ("It holds {n} patents.", "公司拥有{n}项专利。"),
    ("It employs about {n}00 people.", "公司员工约{n}00人。"),
    (
        "It runs its own research centre with {n} engineers.",
        "公司设有研发中心，拥有{n}名工程师。",
    ),
];

/// Third sentences: who the company hopes to meet at the fair.
pub(crate) static PARTNERS: &[(&str, &str)] = &[
    (
        "At the fair it is looking for distributors in western China.",
        "本届展会希望结识中国西部的经销商。",
    ),
    (
        "It welcomes logistics partners for the land-sea corridor.",
        "欢迎陆海新通道沿线的物流伙伴洽谈合作。",
    ),
    (
        "It is seeking investors for a new plant.",
        "正在为新工厂寻找投资方。",
    ),
    (
        "It offers OEM and private-label production.",
        "可承接代工和贴牌生产。",
    ),
];
