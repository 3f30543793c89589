// A new user's way through the Handover workspace in headless Chromium (Debian's package),
// with axe-core on every page visited and screenshots in e2e/screenshots/. Started by
// scripts/e2e, which provides a fresh server (E2E_BASE) with two organisations and their users.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const BASE = process.env.E2E_BASE ?? "http://127.0.0.1:8080";
const PASSWORD = process.env.E2E_PASSWORD ?? "e2e-password-long";
const SHOTS = new URL("./screenshots/", import.meta.url).pathname;
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
mkdirSync(SHOTS, { recursive: true });

let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
});
after(async () => browser?.close());

/** A new browser context (its own cookies) speaking `lang`. */
async function person(lang = "en-GB,en;q=0.9") {
  const context = await browser.newContext({ locale: lang.split(",")[0], extraHTTPHeaders: { "Accept-Language": lang } });
  const page = await context.newPage();
  page.on("pageerror", (e) => assert.fail(`script error on ${page.url()}: ${e}`));
  return page;
}

/** Runs axe on the page: no serious or critical violation. Saves a screenshot. */
async function check(page, name) {
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
  await page.evaluate(AXE);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ["violations"] }),
  );
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`),
    [],
    `axe on ${name} (${page.url()})`,
  );
}

/** Words in Latin letters on an Arabic page outside user data (bdi, codes, ltr islands). */
async function untranslated(page) {
  return page.evaluate(() => {
    const allowed = new Set(["Handover", "RTO", "API", "AoC", "SOM", "GIS", "DGLAC", "CoP", "UPS", "USD", "LBP", "EUR", "English", "Français", "OpenAPI", "JSON", "SVG"]);
    const out = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("bdi, code, script, style, [dir=ltr], [translate=no], [lang]:not([lang=ar])")) continue;
      for (const w of n.textContent.match(/[A-Za-z]{3,}/g) ?? []) if (!allowed.has(w)) out.add(w);
    }
    return [...out];
  });
}

async function signIn(page, email) {
  await page.goto(`${BASE}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForURL(/\/plans/), page.click("form[action='/sign-in'] button[type=submit]")]);
}

test("a new user's way through the workspace", async () => {
  // Sign in, in English, from the browser's language.
  const la = await person();
  await la.goto(`${BASE}/`);
  assert.match(la.url(), /\/sign-in/);
  await check(la, "01-sign-in-en");
  await signIn(la, "la-editor@e2e.test");
  await check(la, "02-portfolio-empty-en");
});

test("the sign-in page follows the browser's language, Arabic right to left", async () => {
  const ar = await person("ar-LB,ar;q=0.9");
  await ar.goto(`${BASE}/sign-in`);
  assert.equal(await ar.getAttribute("html", "dir"), "rtl");
  assert.equal(await ar.getAttribute("html", "lang"), "ar");
  assert.deepEqual(await untranslated(ar), []);
  await check(ar, "00-sign-in-ar");
  const fr = await person("fr-FR,fr;q=0.9");
  await fr.goto(`${BASE}/sign-in`);
  assert.equal(await fr.getAttribute("html", "lang"), "fr");
  await check(fr, "00-sign-in-fr");
});
