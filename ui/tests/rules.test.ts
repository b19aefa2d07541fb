/// <reference types="node" />
//! Repository rules for the interface, run as ordinary tests.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..");
const src = join(root, "src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const sources = files(src).filter((f) => /\.(ts|svelte|js|css)$/.test(f));
const rel = (f: string) => relative(root, f).split(sep).join("/");

describe("interface rules", () => {
  it("never inserts text as HTML ({@html} is banned)", () => {
    const offenders = sources.filter((f) => readFileSync(f, "utf8").includes("{@html"));
    expect(offenders.map(rel), "snapshot and exhibitor text must always be text").toEqual([]);
  });

  it("imports @tauri-apps only inside src/backend", () => {
    const offenders = sources
      .filter((f) =>
        /from\s+["']@tauri-apps\/|import\(\s*["']@tauri-apps\//.test(readFileSync(f, "utf8")),
      )
      .map(rel)
      .filter((f) => !f.startsWith("src/backend/"));
    expect(offenders, "the rest of the UI talks to the Backend interface").toEqual([]);
  });

  it("has no links to leave the kiosk", () => {
    const offenders = sources.filter((f) => /<a\s[^>]*href/i.test(readFileSync(f, "utf8")));
    expect(offenders.map(rel)).toEqual([]);
  });

  it("needs nothing from the network and nothing a strict CSP forbids", () => {
    const html = readFileSync(join(root, "index.html"), "utf8");
    expect(html, "no inline scripts").not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html, "no inline event handlers").not.toMatch(/\son[a-z]+=/i);
    for (const f of sources) {
      const text = readFileSync(f, "utf8");
      expect(text, `${rel(f)} loads nothing remote`).not.toMatch(
        /@import\s+url\(|https?:\/\/fonts\./,
      );
      expect(text, `${rel(f)} uses no eval`).not.toMatch(/\beval\(|new Function\(/);
    }
  });
});
