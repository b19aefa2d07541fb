// The XSS proof's helpers inside the kiosk's page (tests/tests/xss.rs runs this file through
// WebDriver with the fair's texts as arguments[0]). It installs recorders for everything a
// payload could do if it ever ran, watches the DOM for elements a payload would create, and
// offers one step per screen: reach it by tapping the app's own controls, wait until it shows
// its data, and check that every text of the fair it should show is there as text.
//
// No eval, no string timers, no inline handlers: the page's CSP would refuse them, and a
// refusal here would count as a violation.
const E = arguments[0];
const w = window;
if (w.__xss) return "already installed";

const nativeSetTimeout = w.setTimeout.bind(w);
const x = {
  calls: [], // what a payload ran: alert(3), __fairwayPwned(17), ...
  csp: [], // securitypolicyviolation events
  bad: [], // elements or attributes a payload would create
  misses: [], // texts a screen should have shown and did not
  renders: 0, // field values checked on a screen
  visible: 0, // of those, checked as rendered (innerText), not only present
  screens: {}, // screen name → visits
  values: {}, // screen name → field values checked there
};
w.__xss = x;

// ---- Recorders -------------------------------------------------------------------------------
const record = (what) =>
  function (...args) {
    x.calls.push(`${what}(${args.map((a) => String(a)).join(", ").slice(0, 120)})`);
    return undefined;
  };
w.__fairwayPwned = record("__fairwayPwned");
for (const name of ["alert", "confirm", "prompt", "print", "open", "eval"]) w[name] = record(name);
document.write = record("document.write");
document.writeln = record("document.writeln");
for (const name of ["setTimeout", "setInterval"]) {
  const original = w[name].bind(w);
  w[name] = function (handler, ...rest) {
    if (typeof handler !== "function") {
      x.calls.push(`${name}(code: ${String(handler).slice(0, 80)})`);
      return 0;
    }
    return original(handler, ...rest);
  };
}
document.addEventListener("securitypolicyviolation", (e) => {
  x.csp.push(
    `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}` +
      ` ${String(e.sample || "").slice(0, 80)}`,
  );
});

// ---- What a payload would create ---------------------------------------------------------------
// The page's own head (its module script, stylesheet, meta tags) exists before any data arrives.
const own = new Set(document.head.querySelectorAll("*"));
const FORBIDDEN = new Set(
  (
    "script style link meta base iframe frame frameset object embed applet xmp plaintext noembed " +
    "noscript isindex keygen marquee details template video audio source picture foreignobject " +
    "animate set discard math maction form textarea select input"
  ).split(" "),
);
const URL_ATTRS = new Set([
  "href",
  "xlink:href",
  "src",
  "srcset",
  "srcdoc",
  "action",
  "formaction",
  "data",
  "background",
  "poster",
]);
const squeeze = (v) => v.replace(/[\u0000-\u0020\u200b-\u200d\ufeff]/g, "").toLowerCase();
const IMAGE_ORIGINS = ["fairway://", "http://fairway.localhost/", "data:image/"];

// Stylesheets and module scripts the app itself loads later (a screen's code split into its own
// chunk) come from the app's own origin and its assets folder.
function appAsset(url) {
  try {
    const u = new URL(url, location.href);
    return u.origin === location.origin && u.pathname.startsWith("/assets/");
  } catch {
    return false;
  }
}

function why(el) {
  if (own.has(el)) return null;
  const tag = el.localName.toLowerCase();
  if (tag === "link" && el.parentNode === document.head && appAsset(el.getAttribute("href") || ""))
    return null;
  if (tag === "script" && el.parentNode === document.head && appAsset(el.getAttribute("src") || ""))
    return null;
  if (FORBIDDEN.has(tag)) return `<${tag}>`;
  if (tag === "img" && !IMAGE_ORIGINS.some((o) => (el.getAttribute("src") || "").startsWith(o)))
    return `<img src="${el.getAttribute("src")}">`;
  for (const a of el.attributes) {
    const name = a.name.toLowerCase();
    if (name.startsWith("on")) return `<${tag} ${name}>`;
    const value = squeeze(a.value);
    if (URL_ATTRS.has(name) && /^(javascript|vbscript|data:text)/.test(value))
      return `<${tag} ${name}="${a.value.slice(0, 60)}">`;
    if (name === "style" && /(javascript:|expression\(|behavior:|url\()/.test(value))
      return `<${tag} style="${a.value.slice(0, 60)}">`;
  }
  return null;
}

function scan(root) {
  const all = root.nodeType === 1 ? [root, ...root.querySelectorAll("*")] : [];
  for (const el of all) {
    const reason = why(el);
    if (reason && x.bad.length < 100) x.bad.push(reason);
  }
}
x.sweep = () => scan(document.documentElement);
new MutationObserver((mutations) => {
  for (const m of mutations) {
    if (m.type === "attributes") scan(m.target);
    for (const n of m.addedNodes) if (n.nodeType === 1) scan(n);
  }
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true });

// ---- Waiting and tapping ------------------------------------------------------------------------
const $ = (s, root = document) => root.querySelector(s);
const $$ = (s, root = document) => [...root.querySelectorAll(s)];
const sleep = (ms) => new Promise((r) => nativeSetTimeout(r, ms));
async function until(what, test, ms = 15000) {
  const start = performance.now();
  for (;;) {
    const v = test();
    if (v) return v;
    if (performance.now() - start > ms) throw new Error(`not within ${ms} ms: ${what}`);
    await sleep(25);
  }
}
// A tap through the element's own click handler; the activity event keeps the idle timer (which
// listens for pointerdown) from ending the session in the middle of the walk.
async function tap(selector) {
  const el = await until(selector, () => $(selector));
  w.dispatchEvent(new Event("pointerdown"));
  el.scrollIntoView({ block: "center" });
  el.click();
  return el;
}
const css = (v) => CSS.escape(v);

// ---- The fair's texts ---------------------------------------------------------------------------
const pick = (en, zh, lang) => (lang === "zh" ? zh || en : en || zh) || "";
const other = (en, zh, lang) => {
  const o = lang === "zh" ? en : zh;
  return o && o.trim() !== pick(en, zh, lang).trim() ? o : null;
};
const hallOf = (code) => E.halls.find((h) => h.code === code);
const pavilionOf = (slug) => E.pavilions.find((p) => p.slug === slug);
const categoryOf = (slug) => E.categories.find((c) => c.slug === slug);
const boothHall = (booth) => hallOf(booth.split("-")[0]);

function visit(screen) {
  x.screens[screen] = (x.screens[screen] || 0) + 1;
}
function expectTexts(screen, root, texts) {
  const content = root ? root.textContent : "";
  for (const t of texts) {
    if (!t) continue;
    x.renders += 1;
    x.values[screen] = (x.values[screen] || 0) + 1;
    if (!content.includes(t)) x.misses.push(`${screen}: missing ${JSON.stringify(t.slice(0, 80))}`);
  }
}
// The text as a visitor sees it: rendered (innerText: laid out, not hidden), whitespace folded.
function expectVisible(screen, el, t) {
  const fold = (s) => s.replace(/\s+/g, " ").trim();
  x.visible += 1;
  if (!el || !fold(el.innerText).includes(fold(t)))
    x.misses.push(
      `${screen}: not visible ${JSON.stringify(t.slice(0, 60))} in ${JSON.stringify(
        el ? el.innerText.slice(0, 60) : null,
      )}`,
    );
}

// ---- Screens -----------------------------------------------------------------------------------
async function home() {
  if (!$("[data-testid=screen-home]")) await tap("[data-testid=nav-home]");
  await until("home", () => $("[data-testid=screen-home]"));
}

x.attract = async () => {
  const a = await until("the attract screen", () => $("[data-testid=attract]"));
  visit("attract");
  expectTexts("attract", a, E.fair);
  expectVisible("attract", a, E.fair[0]);
  // The featured pavilion taking its turn: both of its names.
  const shown = E.pavilions.find((p) => a.textContent.includes(p.en));
  if (!shown) x.misses.push("attract: no featured pavilion shows its name");
  else expectTexts("attract", a, [shown.en, shown.zh]);
  return shown ? shown.slug : null;
};

x.home = async (lang) => {
  await home();
  visit("home");
  const s = $("[data-testid=screen-home]");
  expectTexts("home", s, [pick(E.fair[0], E.fair[1], lang), pick(E.fair[2], E.fair[3], lang)]);
  expectVisible("home", $("h1", s), pick(E.fair[0], E.fair[1], lang));
  expectTexts("home", $("[data-testid=nav-title]"), [pick(E.fair[0], E.fair[1], lang)]);
};

x.pavilions = async (lang) => {
  await home();
  await tap("[data-testid=tile-pavilions]");
  const s = await until(
    "every pavilion listed",
    () =>
      $$("[data-testid^=pavilion-]").length >= E.pavilions.length &&
      $("[data-testid=screen-pavilions]"),
  );
  visit("pavilions");
  for (const p of E.pavilions) {
    const row = $(`[data-testid=pavilion-${css(p.slug)}]`, s);
    expectTexts("pavilions", row, [pick(p.en, p.zh, lang), other(p.en, p.zh, lang)]);
  }
};

// One pavilion from the pavilions list, then each of its exhibitors: profile, card and map.
x.pavilion = async (lang, slug) => {
  const p = pavilionOf(slug);
  const members = E.exhibitors.filter((e) => e.pavilion === slug);
  await tap(`[data-testid=pavilion-${css(slug)}]`);
  const s = await until(
    `pavilion ${slug} with its ${members.length} exhibitors`,
    () =>
      $("[data-testid=screen-pavilion]") &&
      $("[data-testid=screen-pavilion] h1")?.textContent === pick(p.en, p.zh, lang) &&
      members.every((e) => $(`[data-testid=exhibitor-row][data-id=${css(e.id)}]`)) &&
      $("[data-testid=screen-pavilion]"),
  );
  visit("pavilion");
  expectTexts("pavilion", s, [
    pick(p.en, p.zh, lang),
    other(p.en, p.zh, lang),
    pick(p.description_en, p.description_zh, lang),
  ]);
  expectVisible("pavilion", $("h1", s), pick(p.en, p.zh, lang));
  for (const e of members) {
    const row = $(`[data-testid=exhibitor-row][data-id=${css(e.id)}]`, s);
    expectTexts("pavilion", row, [pick(e.en, e.zh, lang), other(e.en, e.zh, lang)]);
  }
  for (const e of members) {
    const index = E.exhibitors.indexOf(e);
    await exhibitor(lang, e, index % 2 === (lang === "en" ? 0 : 1));
  }
  await tap("[data-testid=nav-back]");
  await until("back on the pavilions list", () => $("[data-testid=screen-pavilions]"));
  return members.length;
};

// The map (a Leaflet canvas and a button per hall) is the slowest screen: each exhibitor's map
// is walked in one language, alternating, so each language sees half of them.
async function exhibitor(lang, e, withMap) {
  const name = pick(e.en, e.zh, lang);
  await tap(`[data-testid=exhibitor-row][data-id=${css(e.id)}]`);
  const s = await until(
    `the profile of ${e.id}`,
    () =>
      $("[data-testid=exhibitor-name]")?.textContent === name &&
      $("[data-testid=contact]") &&
      $("[data-testid=screen-exhibitor]"),
  );
  visit("exhibitor");
  expectTexts("exhibitor", s, [
    name,
    other(e.en, e.zh, lang),
    pick(e.description_en, e.description_zh, lang),
    pick(e.product_en, e.product_zh, lang),
    other(e.product_en, e.product_zh, lang),
    pick(e.product_description_en, e.product_description_zh, lang),
    pick(e.contact_en, e.contact_zh, lang),
    other(e.contact_en, e.contact_zh, lang),
    pick(e.title_en, e.title_zh, lang),
    e.website,
    e.email,
    pick(pavilionOf(e.pavilion).en, pavilionOf(e.pavilion).zh, lang),
    pick(boothHall(e.booth).en, boothHall(e.booth).zh, lang),
    ...e.categories.map((c) => pick(categoryOf(c).en, categoryOf(c).zh, lang)),
  ]);
  expectVisible("exhibitor", $("[data-testid=exhibitor-name]"), name);
  expectVisible(
    "exhibitor",
    $("[data-testid=exhibitor-description]"),
    pick(e.description_en, e.description_zh, lang),
  );

  // "Take contact": the card's QR and the fields it holds.
  await tap("[data-testid=take-contact]");
  const card = await until(
    `the card of ${e.id}`,
    () =>
      $("[data-testid=contact-company]")?.textContent === name &&
      $("[data-testid=contact-qr] path") &&
      $("[data-testid=screen-contact]"),
  );
  visit("contact");
  expectTexts("contact", card, [name]);
  expectVisible("contact", $("[data-testid=contact-company]"), name);
  const fields = $("[data-testid=contact-fields]");
  if (!fields || !fields.textContent.trim()) x.misses.push(`contact ${e.id}: no fields beside the QR`);
  await tap("[data-testid=contact-close]");
  await until(`back on ${e.id}`, () => $("[data-testid=exhibitor-name]")?.textContent === name);
  if (!withMap) {
    await tap("[data-testid=nav-back]");
    await until("back on the list", () => !$("[data-testid=screen-exhibitor]"));
    return;
  }

  // The map: every hall's name in the switcher, the route's steps, the booth and who stands in it.
  await tap("[data-testid=show-on-map]");
  const map = await until(
    `the route to ${e.booth}`,
    () =>
      ($$("[data-testid=route-step]").length || $("[data-testid=route-error]")) &&
      $("[data-testid=screen-map]"),
  );
  visit("map");
  const hall = boothHall(e.booth);
  expectTexts("map", $(".halls", map), E.halls.map((h) => pick(h.en, h.zh, lang)));
  if ($("[data-testid=route-error]")) x.misses.push(`map ${e.id}: no route to ${e.booth}`);
  const steps = $$("[data-testid=route-step]").map((s) => s.textContent).join("\n");
  if (hall.code !== E.halls[0].code)
    expectTexts("map", $("[data-testid=route-panel]"), [lang === "zh" ? hall.zh : hall.en]);
  else if (!steps) x.misses.push(`map ${e.id}: no steps`);
  await tap(`[data-testid=hall-switch-${css(hall.code)}]`);
  const booth = await until(
    `booth ${e.booth} on the map`,
    () => $(`[data-testid=map-booth][data-code=${css(e.booth)}]`),
  );
  booth.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: w }));
  const panel = await until(
    `the panel of booth ${e.booth}`,
    () => $("[data-testid=booth-exhibitor]") && $("[data-testid=booth-panel]"),
  );
  expectTexts("map", panel, [name]);
  await tap("[data-testid=nav-back]");
  await until(`back on ${e.id}`, () => $("[data-testid=exhibitor-name]")?.textContent === name);
  await tap("[data-testid=nav-back]");
  await until("back on the list", () => !$("[data-testid=screen-exhibitor]"));
}

x.categories = async (lang) => {
  await home();
  await tap("[data-testid=tile-categories]");
  const all = async () =>
    until(
      "every category listed",
      () =>
        E.categories.every((c) => $(`[data-testid=category-${css(c.slug)}]`)) &&
        $("[data-testid=screen-categories]"),
    );
  const s = await all();
  visit("categories");
  expectTexts(
    "categories",
    s,
    E.categories.map((c) => pick(c.en, c.zh, lang)),
  );
  let lists = 0;
  for (const c of E.categories) {
    const members = E.exhibitors.filter((e) => e.categories.includes(c.slug));
    await tap(`[data-testid=category-${css(c.slug)}]`);
    const page = await until(
      `category ${c.slug} with its exhibitors`,
      () =>
        $("[data-testid=screen-category] h1")?.textContent === pick(c.en, c.zh, lang) &&
        members.every((e) => $(`[data-testid=exhibitor-row][data-id=${css(e.id)}]`)) &&
        $("[data-testid=screen-category]"),
    );
    visit("category");
    const parent = c.parent ? categoryOf(c.parent) : null;
    expectTexts("category", page, [
      pick(c.en, c.zh, lang),
      other(c.en, c.zh, lang),
      parent ? pick(parent.en, parent.zh, lang) : null,
    ]);
    for (const e of members) {
      const row = $(`[data-testid=exhibitor-row][data-id=${css(e.id)}]`, page);
      expectTexts("category", row, [pick(e.en, e.zh, lang)]);
    }
    lists += 1;
    await tap("[data-testid=nav-back]");
    await all();
  }
  return lists;
};

x.find = async () => {
  await home();
  await tap("[data-testid=tile-find]");
  await until("the search screen", () => $("[data-testid=keyboard]"));
};

// After the test typed a query on the keyboard: every result row shows its exhibitor's names.
x.results = async (lang, query) => {
  const rows = await until(`results for ${query}`, () => {
    const text = $("[data-testid=search-text]")?.innerText.trim();
    const found = $$("[data-testid=exhibitor-row]");
    return text === query && (found.length || $("[data-testid=no-results]")) && [found];
  });
  visit("search");
  for (const row of rows[0]) {
    const e = E.exhibitors.find((e) => e.id === row.dataset.id);
    if (!e) x.misses.push(`search: a row for unknown ${row.dataset.id}`);
    else expectTexts("search", row, [pick(e.en, e.zh, lang), other(e.en, e.zh, lang)]);
  }
  return rows[0].length;
};

// The search screen's filter pickers list categories, halls and pavilions by name.
x.pickers = async (lang) => {
  const lists = {
    category: E.categories.map((c) => pick(c.en, c.zh, lang)),
    hall: E.halls.map((h) => pick(h.en, h.zh, lang)),
    pavilion: E.pavilions.map((p) => pick(p.en, p.zh, lang)),
    country: [],
  };
  for (const [key, texts] of Object.entries(lists)) {
    await tap(`[data-testid=filter-${key}]`);
    const picker = await until(`the ${key} picker`, () => $("[data-testid=picker]"));
    visit("picker");
    expectTexts("picker", picker, texts);
    await tap("[data-testid=picker] .btn");
    await until(`the ${key} picker closes`, () => !$("[data-testid=picker]"));
  }
};

x.staff = async () => {
  await home();
  const title = await until("the title bar", () => $("[data-testid=nav-title]"));
  for (let i = 0; i < 5; i++) title.click();
  const s = await until(
    "the staff status",
    () => $("[data-testid=staff-sequence]") && $("[data-testid=screen-staff]"),
  );
  visit("staff");
  return s.textContent.length;
};

x.toggleLanguage = async (lang) => {
  await tap("[data-testid=toggle-language]");
  await until(`the page in ${lang}`, () =>
    document.documentElement.lang === (lang === "zh" ? "zh-Hans" : "en"),
  );
};

x.result = () => {
  x.sweep();
  return {
    calls: x.calls,
    csp: x.csp,
    bad: x.bad,
    misses: x.misses.slice(0, 40),
    missed: x.misses.length,
    renders: x.renders,
    visible: x.visible,
    screens: x.screens,
    values: x.values,
  };
};
return "installed";
