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
    const allowed = new Set(["Handover", "RTO", "API", "AoC", "SOM", "GIS", "DGLAC", "CoP", "UPS", "USD", "LBP", "EUR", "English", "Français", "OpenAPI", "JSON", "SVG", "UTC"]);
    const out = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("bdi, code, script, style, textarea, select, [dir=ltr], [dir=auto], [translate=no], [lang]:not([lang=ar])")) continue;
      for (const w of n.textContent.match(/[A-Za-z]{3,}/g) ?? []) if (!allowed.has(w)) out.add(w);
    }
    return [...out];
  });
}

/** Clicks a form's submit button and waits for the server's answer to the post: a redirect. */
async function post(page, selector) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.click(selector),
  ]);
  const status = response.status();
  if (status !== 303 && status !== 200) {
    assert.fail(`posting ${selector} on ${page.url()} answered ${status}: ${(await response.text()).slice(0, 2000)}`);
  }
  await page.waitForLoadState("load");
}

async function signIn(page, email) {
  await page.goto(`${BASE}/sign-in`);
  await page.fill("#email", email);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForURL(/\/plans/), page.click("form[action='/sign-in'] button[type=submit]")]);
}

test("a new user's way through the workspace", async () => {
  // 1. The local authority's editor signs in (English, from the browser's language).
  const la = await person();
  await la.goto(`${BASE}/`);
  assert.match(la.url(), /\/sign-in/);
  await check(la, "01-sign-in-en");
  await signIn(la, "la-editor@e2e.test");
  await check(la, "02-portfolio-empty-en");

  // 2. A plan from the RTO template, started in July 2026 so that Q1 is due now.
  await la.goto(`${BASE}/plans/new`);
  await check(la, "03-new-plan-en");
  await la.fill("#f-name", "Saida-Zahrani RTO transition");
  await la.fill("#f-code", "saida-rto");
  await la.check("#p-partner-e2e");
  await la.fill("#f-start", "2026-07-01");
  await Promise.all([la.waitForURL(/\/plans\/saida-rto$/), la.click("form[action='/plans/new'] button[type=submit]")]);
  await check(la, "04-plan-overview-en");
  for (const tab of ["framework", "risks", "reports", "gantt", "audit"]) {
    await la.goto(`${BASE}/plans/saida-rto/${tab}`);
    await check(la, `05-plan-${tab}-en`);
  }
  await la.goto(`${BASE}/templates`);
  await check(la, "06-templates-en");

  // 3. The reporter enters and submits Q1's actuals on one form.
  const reporter = await person();
  await signIn(reporter, "la-reporter@e2e.test");
  await reporter.goto(`${BASE}/plans/saida-rto/reports`);
  const reportHref = await reporter.locator("a[href*='/plans/saida-rto/reports/']").first().getAttribute("href");
  await reporter.goto(`${BASE}${reportHref}`);
  await check(reporter, "07-report-form-en");
  const values = reporter.locator("input[name$='.value']");
  assert.ok((await values.count()) > 0, "the report form lists the quarter's indicators");
  await values.first().fill("12");
  await post(reporter, "button[value=submit]");
  await reporter.goto(`${BASE}${reportHref}`);
  assert.equal(await reporter.locator("input[name$='.value']").count(), 0, "a submitted report is no longer editable");

  // 4. The partner's editor approves it; the report is then locked.
  const dp = await person();
  await signIn(dp, "dp-editor@e2e.test");
  const reviewHref = reportHref.includes("org=") ? reportHref : `${reportHref}?org=saida-union`;
  await dp.goto(`${BASE}${reviewHref}`);
  await check(dp, "08-report-review-en");
  await post(dp, "button[value=approve]");
  await dp.goto(`${BASE}${reviewHref}`);
  assert.equal(await dp.locator("button[value=approve]").count(), 0, "an approved report is locked");
  await dp.goto(`${BASE}/plans/saida-rto/reports`);
  await check(dp, "09-reports-after-approval-en");

  // 5. Marking an activity started changes the Gantt.
  await la.goto(`${BASE}/plans/saida-rto/gantt`);
  const before = await la.locator("svg").first().innerHTML();
  const activityHref = await la.locator("a[href*='/plans/saida-rto/activities/']").first().getAttribute("href");
  await la.goto(`${BASE}${activityHref}`);
  await check(la, "10-activity-en");
  await la.selectOption("#f-status", "started");
  await post(la, "form[action$='/status'] button[type=submit]");
  await la.goto(`${BASE}/plans/saida-rto/gantt`);
  const afterStart = await la.locator("svg").first().innerHTML();
  assert.notEqual(afterStart, before, "the Gantt shows the started activity");
  await check(la, "11-gantt-after-start-en");

  // 6. The finance officer costs an activity, freezes the AoC baseline, records a payment and
  // downloads the budget workbook.
  await la.goto(`${BASE}/plans/saida-rto/budget/lines/new`);
  await check(la, "15-cost-line-form-en");
  await la.selectOption("#f-activity", { index: 1 });
  await la.selectOption("#f-category", "in_house_expertise");
  await la.fill("#f-description", "RTO engineer, 3 person-months");
  await la.selectOption("#f-unit", "person_month");
  await la.fill("#f-unit_price", "1507.50");
  await la.fill("#f-currency", "USD");
  await la.fill("#f-q1", "3");
  await post(la, "form.fin-form button[type=submit]");
  await la.goto(`${BASE}/plans/saida-rto/budget?currency=own`);
  assert.match(await la.textContent("main"), /4,522\.50/, "the budget shows 3 × 1,507.50 to the cent");
  await check(la, "16-budget-en");
  await la.goto(`${BASE}/plans/saida-rto/budget/versions`);
  await la.fill("#f-name", "AoC baseline");
  await la.selectOption("#f-purpose", "aoc_baseline");
  await post(la, "form[action$='/budget/versions'] button[type=submit]");
  await check(la, "17-budget-versions-en");
  await la.goto(`${BASE}/plans/saida-rto/spending`);
  await check(la, "18-spending-en");
  const workbook = await la.request.get(`${BASE}/plans/saida-rto/budget.xlsx?currency=own`);
  assert.equal(workbook.status(), 200);
  assert.equal((await workbook.body()).subarray(0, 2).toString(), "PK", "the workbook is an XLSX file");
  await la.goto(`${BASE}/rates`);
  await check(la, "19-rates-en");

  // 7. Arabic: right to left, nothing left in English, on every page of the plan.
  await la.click("a[hreflang=ar]");
  await la.waitForURL(/\/rates/);
  assert.equal(await la.getAttribute("html", "dir"), "rtl");
  for (const path of ["", "/framework", "/risks", "/reports", "/gantt", "/audit"]) {
    await la.goto(`${BASE}/plans/saida-rto${path}`);
    assert.equal(await la.getAttribute("html", "lang"), "ar");
    assert.deepEqual(await untranslated(la), [], `untranslated words on ${path || "/"}`);
    await check(la, `12-plan${path.replaceAll("/", "-") || "-overview"}-ar`);
  }
  // The finance pages in Arabic: right to left and accessible. (They name the import file's
  // column headers, which the importer reads, and parties' names outside <bdi>: not yet checked
  // for untranslated words.)
  for (const path of ["/budget", "/spending", "/budget/versions"]) {
    await la.goto(`${BASE}/plans/saida-rto${path}`);
    assert.equal(await la.getAttribute("html", "dir"), "rtl");
    await check(la, `12-plan${path.replaceAll("/", "-")}-ar`);
  }
  await la.goto(`${BASE}/plans`);
  assert.deepEqual(await untranslated(la), []);
  await check(la, "13-portfolio-ar");
  // French too.
  await la.click("a[hreflang=fr]");
  await la.waitForURL(/\/plans/);
  assert.equal(await la.getAttribute("html", "lang"), "fr");
  await la.goto(`${BASE}/plans/saida-rto`);
  await check(la, "14-plan-overview-fr");
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
