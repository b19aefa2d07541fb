//! In-memory demo data for the fake backend: a small bilingual fair that looks real on screen.
//! Pictures are drawn as SVG here; the real backend serves re-encoded PNG/JPEG from the snapshot.
import type { ImageRef } from "../bindings/ImageRef";
import type { CategoryNode } from "../bindings/CategoryNode";
import type { Country } from "../bindings/Country";
import type { ExhibitorProfile } from "../bindings/ExhibitorProfile";
import type { Fair } from "../bindings/Fair";
import type { Hall } from "../bindings/Hall";
import type { KioskConfig } from "../bindings/KioskConfig";
import type { Pavilion } from "../bindings/Pavilion";

/** Pictures by fake content hash, as SVG source. */
export const assets = new Map<string, string>();

function fakeSha(seed: string): string {
  // FNV-1a, repeated to 64 hex digits: stable and unique enough for a handful of pictures.
  let out = "";
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (const ch of seed) {
      h ^= ch.codePointAt(0) ?? 0;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, "0");
  }
  return out.slice(0, 64);
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function logo(seed: string, initials: string, color: string): ImageRef {
  const sha = fakeSha(`logo:${seed}`);
  assets.set(
    sha,
    `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">` +
      `<rect width="256" height="256" rx="40" fill="${color}"/>` +
      `<circle cx="200" cy="56" r="90" fill="#fff" opacity="0.12"/>` +
      `<text x="128" y="150" font-family="Noto Sans CJK SC, sans-serif" font-size="${initials.length > 2 ? 72 : 96}" font-weight="700" fill="#fff" text-anchor="middle">${escapeXml(initials)}</text></svg>`,
  );
  return { sha256: sha, width: 256, height: 256 };
}

function picture(seed: string, color: string, shape: "circle" | "box" | "wave"): ImageRef {
  const sha = fakeSha(`picture:${seed}`);
  const figure =
    shape === "circle"
      ? `<circle cx="320" cy="240" r="140" fill="#fff" opacity="0.85"/><circle cx="320" cy="240" r="70" fill="${color}" opacity="0.6"/>`
      : shape === "box"
        ? `<rect x="190" y="120" width="260" height="240" rx="24" fill="#fff" opacity="0.85"/><rect x="240" y="170" width="160" height="40" rx="8" fill="${color}" opacity="0.6"/>`
        : `<path d="M0 330 C160 230 320 430 640 300 L640 480 L0 480 Z" fill="#fff" opacity="0.8"/><circle cx="470" cy="150" r="60" fill="#fff" opacity="0.7"/>`;
  assets.set(
    sha,
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">` +
      `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${color}"/><stop offset="1" stop-color="#1d2b3a"/></linearGradient></defs>` +
      `<rect width="640" height="480" fill="url(#g)"/>${figure}</svg>`,
  );
  return { sha256: sha, width: 640, height: 480 };
}

export const fair: Fair = {
  id: "demo-2026",
  name_en: "Land–Sea Corridor Investment & Trade Fair 2026",
  name_zh: "2026 陆海新通道投资贸易博览会",
  venue_en: "Chongqing International Expo Center",
  venue_zh: "重庆国际博览中心",
  starts_on: "2026-05-20",
  ends_on: "2026-05-23",
  timezone: "Asia/Shanghai",
  default_language: "en",
};

export const kioskConfig: KioskConfig = {
  kiosk_id: "dev-kiosk",
  location_en: "Hall N1, east entrance",
  location_zh: "北1馆东入口",
  language: "en",
  idle_seconds: 60,
  fullscreen: false,
};

export const halls: Hall[] = [
  {
    code: "N1",
    name_en: "Hall N1",
    name_zh: "北1馆",
    level: 1,
    width_m: 96,
    depth_m: 60,
    x_m: 0,
    y_m: 0,
  },
  {
    code: "N2",
    name_en: "Hall N2",
    name_zh: "北2馆",
    level: 1,
    width_m: 96,
    depth_m: 60,
    x_m: 0,
    y_m: 0,
  },
  {
    code: "S1",
    name_en: "Hall S1",
    name_zh: "南1馆",
    level: 1,
    width_m: 96,
    depth_m: 60,
    x_m: 0,
    y_m: 0,
  },
  {
    code: "S2",
    name_en: "Hall S2",
    name_zh: "南2馆",
    level: 1,
    width_m: 96,
    depth_m: 60,
    x_m: 0,
    y_m: 0,
  },
];

export const countries: Country[] = [
  { code: "CN", name_en: "China", name_zh: "中国" },
  { code: "HK", name_en: "Hong Kong, China", name_zh: "中国香港" },
  { code: "LA", name_en: "Laos", name_zh: "老挝" },
  { code: "SG", name_en: "Singapore", name_zh: "新加坡" },
  { code: "TH", name_en: "Thailand", name_zh: "泰国" },
  { code: "VN", name_en: "Vietnam", name_zh: "越南" },
];

type PavilionSeed = Omit<Pavilion, "exhibitors" | "logo"> & { initials: string };

const pavilionSeeds: PavilionSeed[] = [
  {
    slug: "thailand",
    kind: "country",
    name_en: "Thailand Pavilion",
    name_zh: "泰国馆",
    country: "TH",
    hall: "S1",
    color: "#2d3a8c",
    initials: "TH",
    description_en:
      "Thai food processors, auto-parts makers and tourism boards present the Eastern Economic Corridor and its links to western China.",
    description_zh: "泰国食品加工、汽车零部件与旅游机构集中展示东部经济走廊及其与中国西部的联通。",
  },
  {
    slug: "vietnam",
    kind: "country",
    name_en: "Vietnam Pavilion",
    name_zh: "越南馆",
    country: "VN",
    hall: "S1",
    color: "#c0392b",
    initials: "VN",
    description_en:
      "Coffee, lacquer art and logistics from Vietnam, a short rail ride from Chongqing along the corridor.",
    description_zh: "来自越南的咖啡、漆器艺术与物流服务，沿通道铁路与重庆紧密相连。",
  },
  {
    slug: "laos",
    kind: "country",
    name_en: "Laos Pavilion",
    name_zh: "老挝馆",
    country: "LA",
    hall: "S1",
    color: "#1f6f8b",
    initials: "LA",
    description_en: "Silk, handicrafts and agricultural products from the Lao PDR.",
    description_zh: null,
  },
  {
    slug: "singapore",
    kind: "country",
    name_en: "Singapore Pavilion",
    name_zh: "新加坡馆",
    country: "SG",
    hall: "S2",
    color: "#d1495b",
    initials: "SG",
    description_en: "Robotics, finance and port services from Singapore.",
    description_zh: "新加坡的机器人、金融与港口服务。",
  },
  {
    slug: "hong-kong",
    kind: "city",
    name_en: "Hong Kong, Guest City of Honour",
    name_zh: "主宾城市：香港",
    country: "HK",
    hall: "S2",
    color: "#b5179e",
    initials: "HK",
    description_en:
      "This year's guest city of honour brings design studios, fintech and professional services.",
    description_zh: "今年的主宾城市带来设计工作室、金融科技与专业服务。",
  },
  {
    slug: "chongqing",
    kind: "region",
    name_en: "Chongqing Pavilion",
    name_zh: "重庆馆",
    country: "CN",
    hall: "N2",
    color: "#e07a1f",
    initials: "渝",
    description_en: "The host city's banks, food brands and smart-manufacturing champions.",
    description_zh: "东道主城市的银行、食品品牌与智能制造领军企业。",
  },
  {
    slug: "guangxi",
    kind: "region",
    name_en: "Guangxi Pavilion",
    name_zh: "广西馆",
    country: "CN",
    hall: "N2",
    color: "#2e8b57",
    initials: "桂",
    description_en: "Beibu Gulf ports and the sea end of the land–sea corridor.",
    description_zh: "北部湾港口，陆海新通道的出海口。",
  },
  {
    slug: "nev",
    kind: "theme",
    name_en: "New Energy Vehicles",
    name_zh: "新能源汽车",
    country: null,
    hall: "N1",
    color: "#13857b",
    initials: "EV",
    description_en: "Electric cars, batteries and charging, from makers across the corridor.",
    description_zh: "通道沿线的电动汽车、电池与充电企业。",
  },
  {
    slug: "smart-manufacturing",
    kind: "theme",
    name_en: "Smart Manufacturing",
    name_zh: "智能制造",
    country: null,
    hall: "N1",
    color: "#55609a",
    initials: "SM",
    description_en: "Sensors, robots and the software that runs modern factories.",
    description_zh: "传感器、机器人与驱动现代工厂的软件。",
  },
];

type CategorySeed = { slug: string; name_en: string; name_zh: string; parent: string | null };

const categorySeeds: CategorySeed[] = [
  { slug: "automotive", name_en: "Automotive & mobility", name_zh: "汽车与出行", parent: null },
  { slug: "ev-cars", name_en: "Electric vehicles", name_zh: "电动汽车", parent: "automotive" },
  {
    slug: "auto-parts",
    name_en: "Parts & batteries",
    name_zh: "零部件与电池",
    parent: "automotive",
  },
  { slug: "food", name_en: "Food & agriculture", name_zh: "食品与农业", parent: null },
  { slug: "coffee-tea", name_en: "Coffee & tea", name_zh: "咖啡与茶", parent: "food" },
  { slug: "packaged-food", name_en: "Packaged food", name_zh: "包装食品", parent: "food" },
  {
    slug: "services",
    name_en: "Finance & trade services",
    name_zh: "金融与贸易服务",
    parent: null,
  },
  { slug: "banking", name_en: "Banking & fintech", name_zh: "银行与金融科技", parent: "services" },
  { slug: "logistics", name_en: "Logistics & ports", name_zh: "物流与港口", parent: "services" },
  { slug: "manufacturing", name_en: "Smart manufacturing", name_zh: "智能制造", parent: null },
  { slug: "robotics", name_en: "Robotics", name_zh: "机器人", parent: "manufacturing" },
  {
    slug: "electronics",
    name_en: "Electronics & sensors",
    name_zh: "电子与传感器",
    parent: "manufacturing",
  },
  { slug: "consumer", name_en: "Design & crafts", name_zh: "设计与工艺", parent: null },
  { slug: "design", name_en: "Design studios", name_zh: "设计工作室", parent: "consumer" },
  { slug: "crafts", name_en: "Handicrafts", name_zh: "手工艺品", parent: "consumer" },
];

/** An exhibitor as the fake keeps it: the profile plus what the fake search looks at. */
export type FakeExhibitor = Omit<ExhibitorProfile, "labels"> & { pinyin: string | null };

type ExhibitorSeed = Omit<FakeExhibitor, "logo" | "products" | "contact"> & {
  initials: string;
  color: string;
  contact: Partial<ExhibitorProfile["contact"]>;
  products: Array<{
    name_en: string;
    name_zh?: string;
    description_en?: string;
    description_zh?: string;
    shape?: "circle" | "box" | "wave";
  }>;
};

const noContact = {
  name_en: null,
  name_zh: null,
  title_en: null,
  title_zh: null,
  email: null,
  phone: null,
};

const exhibitorSeeds: ExhibitorSeed[] = [
  {
    id: "E001",
    name_en: "Chongqing Changan Automobile Co., Ltd.",
    name_zh: "重庆长安汽车股份有限公司",
    pinyin: "chong qing chang an qi che gu fen you xian gong si",
    country: "CN",
    pavilion: "nev",
    booths: ["N1-A01", "N1-A02"],
    categories: ["ev-cars"],
    website: "www.changan-demo.example",
    description_en:
      "One of China's oldest carmakers, showing its latest electric saloon, a plug-in hybrid SUV and a battery-swap station developed with partners along the corridor.",
    description_zh:
      "中国历史最悠久的汽车制造商之一，展出最新电动轿车、插电混动SUV以及与通道沿线伙伴共同开发的换电站。",
    contact: {
      name_en: "Li Wei",
      name_zh: "李伟",
      title_en: "Overseas Sales Director",
      title_zh: "海外销售总监",
      email: "li.wei@changan-demo.example",
      phone: "+86 23 6759 0000",
    },
    products: [
      {
        name_en: "Deepal S7 electric SUV",
        name_zh: "深蓝S7 纯电SUV",
        description_en: "520 km range, 15-minute fast charge to 80%.",
        description_zh: "续航520公里，15分钟快充至80%。",
        shape: "wave",
      },
      {
        name_en: "Battery-swap station",
        name_zh: "换电站",
        description_en: "Swaps a pack in under three minutes.",
        description_zh: "三分钟内完成换电。",
        shape: "box",
      },
    ],
    initials: "长安",
    color: "#1d4e89",
  },
  {
    id: "E002",
    name_en: "Bank of Chongqing",
    name_zh: "重庆银行",
    pinyin: "chong qing yin hang",
    country: "CN",
    pavilion: "chongqing",
    booths: ["N2-B05"],
    categories: ["banking"],
    website: "www.cqbank-demo.example",
    description_en:
      "Trade finance, cross-border RMB settlement and supply-chain credit for companies trading along the land–sea corridor.",
    description_zh: "为陆海新通道沿线贸易企业提供贸易融资、跨境人民币结算与供应链信贷服务。",
    contact: {
      name_en: "Zhang Min",
      name_zh: "张敏",
      title_en: "Head of International Business",
      title_zh: "国际业务部总经理",
      email: "intl@cqbank-demo.example",
      phone: "+86 23 6379 2000",
    },
    products: [
      {
        name_en: "Corridor trade loan",
        name_zh: "通道贸易贷",
        description_en: "Working capital secured on rail waybills.",
        description_zh: "以铁路运单为担保的流动资金贷款。",
        shape: "box",
      },
    ],
    initials: "渝银",
    color: "#a4161a",
  },
  {
    id: "E003",
    name_en: "Bank of China, Chongqing Branch",
    name_zh: "中国银行重庆市分行",
    pinyin: "zhong guo yin hang chong qing shi fen hang",
    country: "CN",
    pavilion: "chongqing",
    booths: ["N2-B06"],
    categories: ["banking"],
    website: "www.boc-demo.example",
    description_en: "Foreign exchange, letters of credit and investment advice for ASEAN partners.",
    description_zh: "为东盟合作伙伴提供外汇、信用证与投资咨询服务。",
    contact: {
      name_en: "Wang Fang",
      name_zh: "王芳",
      title_en: "Relationship Manager",
      title_zh: "客户经理",
      email: "wang.fang@boc-demo.example",
      phone: "+86 23 6378 8888",
    },
    products: [],
    initials: "中银",
    color: "#8e1b1b",
  },
  {
    id: "E004",
    name_en: "Siam Orchid Foods Co., Ltd.",
    name_zh: "暹罗兰花食品有限公司",
    pinyin: "xian luo lan hua shi pin you xian gong si",
    country: "TH",
    pavilion: "thailand",
    booths: ["S1-T01"],
    categories: ["packaged-food"],
    website: "www.siamorchid-demo.example",
    description_en:
      "Dried mango, coconut chips and jasmine rice snacks from Chachoengsao, exporting to 30 countries.",
    description_zh: "来自北柳府的芒果干、椰子片与茉莉香米零食，出口30个国家。",
    contact: {
      name_en: "Somchai Wongsakul",
      name_zh: null,
      title_en: "Export Manager",
      title_zh: "出口经理",
      email: "somchai@siamorchid-demo.example",
      phone: "+66 2 123 4567",
    },
    products: [
      {
        name_en: "Dried Nam Dok Mai mango",
        name_zh: "南多美芒果干",
        description_en: "No added sugar.",
        description_zh: "无添加糖。",
        shape: "circle",
      },
      { name_en: "Toasted coconut chips", name_zh: "烤椰子片", shape: "wave" },
    ],
    initials: "SO",
    color: "#6a4c93",
  },
  {
    id: "E005",
    name_en: "Cà Phê Sơn La Highland Joint Stock Company",
    name_zh: "山罗高原咖啡股份公司",
    pinyin: "shan luo gao yuan ka fei gu fen gong si",
    country: "VN",
    pavilion: "vietnam",
    booths: ["S1-V03"],
    categories: ["coffee-tea"],
    website: "www.caphesonla-demo.example",
    description_en:
      "Arabica grown at 1,000 m in Sơn La province, roasted in Hà Nội. Try a cup of cà phê sữa đá at the booth.",
    description_zh: "产自山罗省海拔1000米的阿拉比卡咖啡，在河内烘焙。欢迎到展位品尝越南冰奶咖啡。",
    contact: {
      name_en: "Nguyễn Thị Lan",
      name_zh: "阮氏兰",
      title_en: "Sales Director",
      title_zh: "销售总监",
      email: "lan@caphesonla-demo.example",
      phone: "+84 24 3826 1234",
    },
    products: [
      {
        name_en: "Sơn La Arabica, medium roast",
        name_zh: "山罗阿拉比卡中度烘焙",
        description_en: "Chocolate and citrus notes.",
        description_zh: "巧克力与柑橘风味。",
        shape: "circle",
      },
    ],
    initials: "CP",
    color: "#6f4518",
  },
  {
    id: "E006",
    name_en: "Chongqing Xiaomian Food Co., Ltd.",
    name_zh: "重庆小面食品有限公司",
    pinyin: "chong qing xiao mian shi pin you xian gong si",
    country: "CN",
    pavilion: "chongqing",
    booths: ["N2-C11"],
    categories: ["packaged-food"],
    website: null,
    description_en:
      "Instant Chongqing noodles with real chilli oil, now shipping to Southeast Asia by rail.",
    description_zh: "正宗红油重庆小面方便装，经铁路发往东南亚。",
    contact: {
      name_en: "Chen Jie",
      name_zh: "陈杰",
      title_en: null,
      title_zh: "市场经理",
      email: "chenjie@xiaomian-demo.example",
      phone: null,
    },
    products: [{ name_en: "Spicy xiaomian, 6-pack", name_zh: "麻辣小面六连包", shape: "box" }],
    initials: "小面",
    color: "#d62828",
  },
  {
    id: "E007",
    name_en: "Lao Silk Heritage Co.",
    name_zh: null,
    pinyin: null,
    country: "LA",
    pavilion: "laos",
    booths: ["S1-L02"],
    categories: ["crafts"],
    website: "www.laosilk-demo.example",
    description_en: "Hand-woven silk scarves and textiles from Luang Prabang weaving villages.",
    description_zh: null,
    contact: {
      name_en: "Khamla Phommavong",
      email: "khamla@laosilk-demo.example",
      phone: "+856 21 212 345",
    },
    products: [
      {
        name_en: "Hand-woven silk scarf",
        description_en: "Natural dyes, each one unique.",
        shape: "wave",
      },
    ],
    initials: "LS",
    color: "#9c6644",
  },
  {
    id: "E008",
    name_en: "Lion City Robotics Pte. Ltd.",
    name_zh: "狮城机器人私人有限公司",
    pinyin: "shi cheng ji qi ren si ren you xian gong si",
    country: "SG",
    pavilion: "singapore",
    booths: ["S2-G01"],
    categories: ["robotics"],
    website: "www.lioncityrobotics-demo.example",
    description_en: "Autonomous mobile robots for warehouses and ports.",
    description_zh: "面向仓库与港口的自主移动机器人。",
    contact: {
      name_en: "Priya Raman",
      name_zh: null,
      title_en: "Business Development",
      title_zh: "业务拓展",
      email: "priya@lcr-demo.example",
      phone: "+65 6123 4567",
    },
    products: [
      {
        name_en: "AMR-500 pallet robot",
        name_zh: "AMR-500 托盘机器人",
        description_en: "Carries 500 kg, charges itself.",
        description_zh: "载重500公斤，自动充电。",
        shape: "box",
      },
    ],
    initials: "LC",
    color: "#d1495b",
  },
  {
    id: "E009",
    name_en: "Harbour Design Studio",
    name_zh: "港湾设计工作室",
    pinyin: "gang wan she ji gong zuo shi",
    country: "HK",
    pavilion: "hong-kong",
    booths: ["S2-H08"],
    categories: ["design"],
    website: "www.harbourdesign-demo.example",
    description_en:
      "Brand identity and packaging design for food and consumer brands entering Asian markets.",
    description_zh: "为进入亚洲市场的食品与消费品牌提供品牌形象与包装设计。",
    contact: {
      name_en: "Karen Lau",
      name_zh: "刘嘉欣",
      title_en: "Creative Director",
      title_zh: "创意总监",
      email: "karen@harbour-demo.example",
      phone: "+852 2345 6789",
    },
    products: [],
    initials: "HD",
    color: "#b5179e",
  },
  {
    id: "E010",
    name_en: "Guangxi Beibu Gulf Port Logistics Co., Ltd.",
    name_zh: "广西北部湾港口物流有限公司",
    pinyin: "guang xi bei bu wan gang kou wu liu you xian gong si",
    country: "CN",
    pavilion: "guangxi",
    booths: ["N2-D01", "N2-D02"],
    categories: ["logistics"],
    website: "www.bbwport-demo.example",
    description_en: "Sea–rail intermodal freight between Qinzhou port and Chongqing in 48 hours.",
    description_zh: "钦州港至重庆海铁联运，48小时直达。",
    contact: {
      name_en: "Huang Tao",
      name_zh: "黄涛",
      title_en: "Sales Manager",
      title_zh: "销售经理",
      email: "huangtao@bbw-demo.example",
      phone: "+86 777 388 0000",
    },
    products: [{ name_en: "Sea–rail express", name_zh: "海铁快线", shape: "wave" }],
    initials: "北港",
    color: "#2e8b57",
  },
  {
    id: "E011",
    name_en: "Chongqing Smart Sensor Technology Co., Ltd.",
    name_zh: "重庆智感科技有限公司",
    pinyin: "chong qing zhi gan ke ji you xian gong si",
    country: "CN",
    pavilion: "smart-manufacturing",
    booths: ["N1-C07"],
    categories: ["electronics", "robotics"],
    website: "www.cqsmartsensor-demo.example",
    description_en: "MEMS pressure and vibration sensors for predictive maintenance.",
    description_zh: "用于预测性维护的MEMS压力与振动传感器。",
    contact: {
      name_en: "Liu Yang",
      name_zh: "刘洋",
      title_en: "CTO",
      title_zh: "首席技术官",
      email: "liuyang@cqss-demo.example",
      phone: "+86 23 8888 1234",
    },
    products: [
      {
        name_en: "VibeSense wireless node",
        name_zh: "无线振动传感节点",
        description_en: "Five-year battery life.",
        description_zh: "电池寿命五年。",
        shape: "circle",
      },
    ],
    initials: "智感",
    color: "#55609a",
  },
  {
    id: "E012",
    name_en: "Xiamen Blue Sea Battery Co., Ltd.",
    name_zh: "厦门蓝海电池有限公司",
    pinyin: "xia men lan hai dian chi you xian gong si",
    country: "CN",
    pavilion: "nev",
    booths: ["N1-A05"],
    categories: ["auto-parts"],
    website: "www.bluesea-demo.example",
    description_en: "LFP battery cells and packs for cars, buses and energy storage.",
    description_zh: "面向乘用车、客车与储能的磷酸铁锂电芯与电池包。",
    contact: {
      name_en: "Lin Hui",
      name_zh: "林慧",
      title_en: "Key Account Manager",
      title_zh: "大客户经理",
      email: "linhui@bluesea-demo.example",
      phone: "+86 592 555 0100",
    },
    products: [{ name_en: "280 Ah LFP cell", name_zh: "280Ah 磷酸铁锂电芯", shape: "box" }],
    initials: "蓝海",
    color: "#0077b6",
  },
  {
    id: "E013",
    name_en: "Bangkok Precision Auto Parts Co., Ltd.",
    name_zh: "曼谷精密汽车零部件有限公司",
    pinyin: "man gu jing mi qi che ling bu jian you xian gong si",
    country: "TH",
    pavilion: "thailand",
    booths: ["S1-T04"],
    categories: ["auto-parts"],
    website: "www.bkkparts-demo.example",
    description_en: "Brake systems and aluminium castings supplied to carmakers in Rayong.",
    description_zh: "为罗勇府汽车厂供应制动系统与铝铸件。",
    contact: {
      name_en: "Anan Srisuk",
      title_en: "Managing Director",
      email: "anan@bkkparts-demo.example",
      phone: "+66 38 123 456",
    },
    products: [],
    initials: "BP",
    color: "#2d3a8c",
  },
  {
    id: "E014",
    name_en: "Saigon Lacquer Art",
    name_zh: "西贡漆画艺术",
    pinyin: "xi gong qi hua yi shu",
    country: "VN",
    pavilion: "vietnam",
    booths: ["S1-V07"],
    categories: ["crafts", "design"],
    website: null,
    description_en: "Traditional sơn mài lacquer paintings and homeware.",
    description_zh: "传统越南漆画与家居用品。",
    contact: { name_en: "Trần Minh Đức", email: "duc@saigonlacquer-demo.example" },
    products: [{ name_en: "Lacquer tray set", name_zh: "漆器托盘套装", shape: "circle" }],
    initials: "SL",
    color: "#9b2226",
  },
  {
    id: "E015",
    name_en: "Kowloon FinTech Ltd.",
    name_zh: "九龙金融科技有限公司",
    pinyin: "jiu long jin rong ke ji you xian gong si",
    country: "HK",
    pavilion: "hong-kong",
    booths: ["S2-H12"],
    categories: ["banking"],
    website: "www.kowloonfintech-demo.example",
    description_en: "Cross-border payment rails connecting Hong Kong, the mainland and ASEAN.",
    description_zh: "连接香港、内地与东盟的跨境支付通道。",
    contact: {
      name_en: "Tony Chan",
      name_zh: "陈东尼",
      title_en: "Partnerships",
      title_zh: "合作伙伴关系",
      email: "tony@klnfintech-demo.example",
      phone: "+852 3456 7890",
    },
    products: [],
    initials: "KF",
    color: "#3a0ca3",
  },
  {
    id: "E016",
    name_en: "<img src=x onerror=alert(1)> Markup Test Co.",
    name_zh: "<script>alert(2)</script>标记测试公司",
    pinyin: "biao ji ce shi gong si",
    country: "SG",
    pavilion: "singapore",
    booths: ["S2-G09"],
    categories: ["electronics"],
    website: "javascript:alert(3)",
    description_en:
      "We test kiosks. <script>alert(2)</script> <img src=x onerror=alert(1)> <b>bold?</b>",
    description_zh: "<img src=x onerror=alert(1)> 这段文字必须原样显示。",
    contact: { name_en: "<b>Eve</b>", title_en: "<i>Tester</i>", email: "eve@example.invalid" },
    products: [
      {
        name_en: "<script>alert(4)</script>",
        description_en: "<img src=x onerror=alert(5)>",
        shape: "box",
      },
    ],
    initials: "<>",
    color: "#444444",
  },
];

export const exhibitors: FakeExhibitor[] = exhibitorSeeds.map(
  ({ initials, color, contact, products, ...rest }) => ({
    ...rest,
    logo: rest.id === "E013" ? null : logo(rest.id, initials, color),
    contact: { ...noContact, ...contact },
    products: products.map((p, i) => ({
      name_en: p.name_en,
      name_zh: p.name_zh ?? null,
      description_en: p.description_en ?? null,
      description_zh: p.description_zh ?? null,
      image: picture(`${rest.id}-${i}`, color, p.shape ?? "box"),
    })),
  }),
);

export const pavilions: Pavilion[] = pavilionSeeds.map(({ initials, ...p }) => ({
  ...p,
  logo: logo(p.slug, initials, p.color ?? "#555"),
  exhibitors: exhibitors.filter((e) => e.pavilion === p.slug).length,
}));

function buildTree(): CategoryNode[] {
  const countIn = (slugs: string[]) =>
    exhibitors.filter((e) => e.categories.some((c) => slugs.includes(c))).length;
  return categorySeeds
    .filter((c) => c.parent === null)
    .map((top) => {
      const children = categorySeeds
        .filter((c) => c.parent === top.slug)
        .map((c) => ({
          slug: c.slug,
          name_en: c.name_en,
          name_zh: c.name_zh,
          exhibitors: countIn([c.slug]),
          children: [],
        }));
      return {
        slug: top.slug,
        name_en: top.name_en,
        name_zh: top.name_zh,
        exhibitors: countIn([top.slug, ...children.map((c) => c.slug)]),
        children,
      };
    });
}

export const categories: CategoryNode[] = buildTree();

/** The category slugs a filter on `slug` covers: itself and, for a top-level node, its children. */
export function categoryAndChildren(slug: string): string[] {
  return [slug, ...categorySeeds.filter((c) => c.parent === slug).map((c) => c.slug)];
}

/** Every category, top-level or not, by slug. */
export function categoryLabel(slug: string): { slug: string; name_en: string; name_zh: string } {
  const seed = categorySeeds.find((c) => c.slug === slug);
  return { slug, name_en: seed?.name_en ?? slug, name_zh: seed?.name_zh ?? slug };
}

/** Hall code of a booth code such as `N1-A01`. */
export function hallOfBooth(booth: string): string {
  return booth.split("-")[0] ?? booth;
}
