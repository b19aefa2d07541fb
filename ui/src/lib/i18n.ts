//! Every string the interface shows, in English and Chinese, and the rules for choosing between
//! two languages: a missing translation falls back to the other language, never to an empty label.
import type { Language } from "../bindings/Language";

export const en = {
  touchToStart: "Touch to start",
  welcome: "Welcome",
  featured: "Featured pavilion",
  findExhibitor: "Find exhibitor",
  findExhibitorHint: "Name, pinyin or booth code",
  pavilions: "Pavilions",
  pavilionsHint: "Countries, cities, provinces and themes",
  floorMap: "Floor map",
  floorMapHint: "Halls, booths and routes",
  floorMapTileHint: "Halls and booths",
  categories: "Categories",
  categoriesHint: "Browse by industry",
  back: "Back",
  home: "Home",
  switchLanguage: "中文",
  switchLanguageLabel: "Language",
  largeText: "Larger text",
  highContrast: "High contrast",
  reachMode: "Low reach",
  youAreAt: "You are at: {place}",
  kind_country: "Countries & regions",
  kind_city: "Guest city",
  kind_region: "Provinces",
  kind_theme: "Themes",
  exhibitorsOne: "1 exhibitor",
  exhibitorsMany: "{n} exhibitors",
  exhibitorsNone: "No exhibitors yet",
  showingOf: "Showing {shown} of {total}",
  showMore: "Show more",
  allInCategory: "All of {name}",
  hall: "Hall",
  booth: "Booth",
  booths: "Booths",
  pavilion: "Pavilion",
  country: "Country",
  category: "Category",
  anyCategory: "Any category",
  anyCountry: "Any country",
  anyHall: "Any hall",
  anyPavilion: "Any pavilion",
  clearFilters: "Clear filters",
  done: "Done",
  searchPlaceholder: "Type a name or booth…",
  results: "Results",
  exhibitors: "Exhibitors",
  resultsCount: "{n} found",
  emptyTitle: "Who are you looking for?",
  emptyHint: "Try a company name, pinyin like chongqing or cq, or a booth code like N1-A01.",
  noResultsTitle: 'Nothing found for "{q}"',
  noResultsHint:
    "Check the spelling, try fewer letters, pinyin like chongqing or cq, or a booth code like N1-A01.",
  noResultsFilters: "Some filters are on. Clearing them may help.",
  keyClear: "Clear",
  keySpace: "Space",
  about: "About",
  products: "Products",
  contact: "Contact",
  website: "Website",
  email: "E-mail",
  phone: "Phone",
  showOnMap: "Show on map",
  takeContact: "Take contact",
  mapComingSoon: "Floor map — coming soon",
  mapComingSoonBody:
    "The interactive floor map with directions from this kiosk is on its way. Until then, booth codes start with the hall: N1-A01 is in Hall N1.",
  mapTarget: "Looking for booth {booth}",
  mapYouAreHere: "You are here",
  mapHereGuess:
    "This kiosk ({id}) is not on the fair's map: “You are here” shows kiosk {kiosk} instead.",
  mapLevel: "Level {level}",
  mapHint: "Tap a booth to see who exhibits there. Pinch or use + and − to zoom.",
  mapRouteTo: "Route to booth {booth}",
  mapDistance: "{m} m · about {min} min walk",
  mapStepFree: "Step-free route",
  mapStepFreeHint: "No stairs or escalators",
  mapNoRoute: "There is no walking route to this booth from here.",
  mapNoStepFreeRoute: "No step-free route: only stairs or escalators lead to this booth.",
  mapLegOf: "{hall} · part {n} of {total}",
  mapNextHall: "Next: {hall}",
  mapPrevHall: "Back: {hall}",
  mapBoothTitle: "Booth {booth}",
  mapBoothEmpty: "No exhibitor is listed at this booth.",
  mapRouteHere: "Route here",
  mapClose: "Close",
  contactCard: "Contact card",
  scanToSave: "Scan with your phone camera to save the contact",
  phoneWillSave: "Your phone will save",
  cardName: "Name",
  cardCompany: "Company",
  cardTitle: "Title",
  cardWhere: "At the fair",
  cardLeftOut: "Left out so the code stays quick to scan: {fields}",
  left_note: "hall and booth",
  left_second_language: "Chinese names",
  left_title: "job title",
  left_url: "website",
  left_email: "e-mail",
  left_phone: "phone",
  left_contact_name: "contact person",
  left_organisation: "full company name",
  websiteQr: "Scan to open the website",
  close: "Close",
  stillHere: "Still here?",
  resetIn: "Starting over in {n} s",
  yesContinue: "Yes, continue",
  errorTitle: "Something went wrong",
  errorBody: "Please try again, or ask at the information desk.",
  notFound: "This page is no longer available.",
  retry: "Try again",
  loading: "Loading…",
  accessibility: "Accessibility",
};

export type MessageKey = keyof typeof en;

export const zh: Partial<Record<MessageKey, string>> = {
  touchToStart: "触摸开始",
  welcome: "欢迎",
  featured: "特色展馆",
  findExhibitor: "查找展商",
  findExhibitorHint: "名称、拼音或展位号",
  pavilions: "展馆",
  pavilionsHint: "国家、城市、省份与主题",
  floorMap: "平面图",
  floorMapHint: "展馆、展位与路线",
  floorMapTileHint: "展馆与展位",
  categories: "行业分类",
  categoriesHint: "按行业浏览",
  back: "返回",
  home: "首页",
  switchLanguage: "EN",
  switchLanguageLabel: "语言",
  largeText: "大字体",
  highContrast: "高对比度",
  reachMode: "低位操作",
  youAreAt: "您的位置：{place}",
  kind_country: "国家与地区",
  kind_city: "主宾城市",
  kind_region: "省区市",
  kind_theme: "主题展区",
  exhibitorsOne: "1 家展商",
  exhibitorsMany: "{n} 家展商",
  exhibitorsNone: "暂无展商",
  showingOf: "已显示 {shown} / {total}",
  showMore: "显示更多",
  allInCategory: "全部{name}",
  hall: "展馆",
  booth: "展位",
  booths: "展位",
  pavilion: "展区",
  country: "国家/地区",
  category: "行业",
  anyCategory: "全部行业",
  anyCountry: "全部国家/地区",
  anyHall: "全部展馆",
  anyPavilion: "全部展区",
  clearFilters: "清除筛选",
  done: "完成",
  searchPlaceholder: "输入名称、拼音或展位号…",
  results: "结果",
  exhibitors: "展商",
  resultsCount: "找到 {n} 家",
  emptyTitle: "您想找哪家展商？",
  emptyHint: "试试公司名称、拼音（如 chongqing 或 cq）或展位号（如 N1-A01）。",
  noResultsTitle: "没有找到“{q}”",
  noResultsHint:
    "请检查拼写、少输入几个字母，或试试拼音（如 chongqing、cq）或展位号（如 N1-A01）。",
  noResultsFilters: "当前有筛选条件，清除后也许能找到。",
  keyClear: "清除",
  keySpace: "空格",
  about: "简介",
  products: "产品",
  contact: "联系方式",
  website: "网站",
  email: "电子邮件",
  phone: "电话",
  showOnMap: "在地图上显示",
  takeContact: "获取名片",
  mapComingSoon: "平面图即将推出",
  mapComingSoonBody:
    "可从本机导航的互动平面图即将上线。在此之前：展位号以展馆开头，例如 N1-A01 位于北1馆（N1）。",
  mapTarget: "正在查找展位 {booth}",
  mapYouAreHere: "您在这里",
  mapHereGuess: "本机（{id}）不在展会地图上，“您在这里”暂按 {kiosk} 号机显示。",
  mapLevel: "{level} 层",
  mapHint: "点击展位查看展商。双指或 + − 按钮缩放。",
  mapRouteTo: "前往展位 {booth} 的路线",
  mapDistance: "{m} 米 · 步行约 {min} 分钟",
  mapStepFree: "无障碍路线",
  mapStepFreeHint: "不走楼梯和扶梯",
  mapNoRoute: "从这里没有通往该展位的步行路线。",
  mapNoStepFreeRoute: "没有无障碍路线：只能经楼梯或扶梯到达该展位。",
  mapLegOf: "{hall} · 第 {n} 段，共 {total} 段",
  mapNextHall: "下一段：{hall}",
  mapPrevHall: "上一段：{hall}",
  mapBoothTitle: "展位 {booth}",
  mapBoothEmpty: "该展位暂无展商信息。",
  mapRouteHere: "到这里的路线",
  mapClose: "关闭",
  contactCard: "电子名片",
  scanToSave: "用手机相机扫描，保存联系人",
  phoneWillSave: "手机将保存",
  cardName: "姓名",
  cardCompany: "公司",
  cardTitle: "职位",
  cardWhere: "展位",
  cardLeftOut: "为便于扫描，名片未包含：{fields}",
  left_note: "展馆和展位",
  left_second_language: "英文名称",
  left_title: "职位",
  left_url: "网址",
  left_email: "电子邮件",
  left_phone: "电话",
  left_contact_name: "联系人",
  left_organisation: "完整公司名称",
  websiteQr: "扫码打开网站",
  close: "关闭",
  stillHere: "还在吗？",
  resetIn: "{n} 秒后重新开始",
  yesContinue: "是的，继续",
  errorTitle: "出了点问题",
  errorBody: "请重试，或前往服务台咨询。",
  notFound: "该页面已不可用。",
  retry: "重试",
  loading: "加载中…",
  accessibility: "无障碍",
};

export type Tables = Record<Language, Partial<Record<string, string>>>;

export const tables: Tables = { en, zh };

function nonEmpty(s: string | null | undefined): s is string {
  return typeof s === "string" && s.trim() !== "";
}

/**
 * Chooses between an English and a Chinese value: the one in `lang` when it has text,
 * otherwise the other one, otherwise `fallback` (e.g. an id), so a label is never blank.
 */
export function pick(
  valueEn: string | null | undefined,
  valueZh: string | null | undefined,
  lang: Language,
  fallback = "",
): string {
  const [first, second] = lang === "zh" ? [valueZh, valueEn] : [valueEn, valueZh];
  if (nonEmpty(first)) return first;
  if (nonEmpty(second)) return second;
  return fallback;
}

/** The value in the *other* language, when it exists and differs from the shown one. */
export function secondary(
  valueEn: string | null | undefined,
  valueZh: string | null | undefined,
  lang: Language,
): string | null {
  const shown = pick(valueEn, valueZh, lang);
  const other = lang === "zh" ? valueEn : valueZh;
  return nonEmpty(other) && other.trim() !== shown.trim() ? other : null;
}

/** Looks a message up in `lang`, falling back to the other language and then to the key. */
export function translate(
  key: string,
  lang: Language,
  params: Record<string, string | number> = {},
  from: Tables = tables,
): string {
  const text = pick(from.en[key], from.zh[key], lang, key);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** "1 exhibitor" / "12 exhibitors" / "12 家展商". */
export function exhibitorCount(n: number, lang: Language): string {
  if (n === 0) return translate("exhibitorsNone", lang);
  if (n === 1) return translate("exhibitorsOne", lang);
  return translate("exhibitorsMany", lang, { n });
}
