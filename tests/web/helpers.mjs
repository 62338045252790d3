// Shared by the web tests: paths, the two CLIs, the fixture list, and a headless Chromium that
// records what a page does (requests, CSP violations, console errors, dialogs).

import { spawnSync } from 'node:child_process';
import { after, before } from 'node:test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
export const SITE = join(DIST, 'site');
export const NPM = join(DIST, 'npm');
export const RUST_CLI = join(ROOT, 'target/release/nianbao');
export const NODE_CLI = join(NPM, 'cli.js');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const VERSION = JSON.parse(readFileSync(join(NPM, 'package.json'), 'utf8')).version;

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const REPORT = /\.(txt|md|html?|docx)$/i;

/** Every report under tests/fixtures, the shared corpus (read in place) and the samples. */
export function reportFiles() {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (REPORT.test(name)) files.push(path);
    }
  };
  walk(join(ROOT, 'tests/fixtures'));
  if (existsSync(CORPUS)) {
    for (const name of readdirSync(CORPUS).sort()) {
      if (/\.(txt|md)$/.test(name) && !/^readme/i.test(name)) files.push(join(CORPUS, name));
    }
  }
  files.push(join(ROOT, 'www/sample-report.txt'), join(ROOT, 'www/sample-report-errors.txt'));
  return files;
}

/** Runs a command; returns { status, stdout, stderr }. */
export function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The native CLI's JSON lines for files, run from `cwd` (so names are as given). */
export function rustCheck(args, cwd = ROOT) {
  return run(RUST_CLI, ['check', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
}

export function nodeCheck(args, cwd = ROOT) {
  return run(process.execPath, [NODE_CLI, 'check', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
}

export function shortName(path) {
  return basename(path);
}

let playwright;

/** Headless Chromium (the Debian package), driven by playwright-core. */
export async function launch() {
  playwright ??= await import('playwright-core');
  return playwright.chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A page that records every request, CSP violation, console error, uncaught error and dialog
 * (`page.record`).
 */
export async function recordingPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const record = { requests: [], violations: [], consoleErrors: [], consoleWarnings: [], pageErrors: [], dialogs: [] };
  page.on('request', (request) => record.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') record.consoleErrors.push(message.text());
    if (message.type() === 'warning') record.consoleWarnings.push(message.text());
  });
  page.on('pageerror', (error) => record.pageErrors.push(String(error)));
  page.on('dialog', async (dialog) => {
    record.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.exposeBinding('__recordViolation', (_, v) => record.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__recordViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
      true,
    );
  });
  page.record = record;
  page.context_ = context;
  return page;
}

/** The widget's result for a file, through `el.check(new File(...))`, as sorted-keys JSON. */
export async function widgetCheck(page, bytes, name) {
  return page.evaluate(
    async ({ data, name }) => {
      const bin = atob(data);
      const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
      const el = document.querySelector('nianbao-validator');
      const { toSortedJson } = await import(new URL('./json.js', document.baseURI).href);
      const result = await el.check(new File([bytes], name));
      return toSortedJson(result);
    },
    { data: Buffer.from(bytes).toString('base64'), name },
  );
}

/** Waits until the widget's live region says a check finished. */
export async function waitForDone(page, { en = false } = {}) {
  const text = en ? 'Check complete' : '检查完成';
  await page.waitForFunction(
    (t) => {
      const el = document.querySelector('nianbao-validator');
      const status = el && el.shadowRoot && el.shadowRoot.querySelector('[role="status"]');
      return status && status.textContent.startsWith(t);
    },
    text,
    { timeout: 30000 },
  );
}

/**
 * Serves the demo site and opens it in Chromium before a file's tests, with the sample
 * checked; closes both after. `set` receives `{ server, browser, page }`.
 */
export function openWidgetPage(set, pageOptions = {}) {
  const opened = {};
  before(async () => {
    opened.server = await serve(SITE);
    opened.browser = await launch();
    opened.page = await recordingPage(opened.browser, pageOptions);
    await opened.page.goto(opened.server.url);
    await waitForDone(opened.page);
    set(opened);
  });
  after(async () => {
    await opened.browser?.close();
    await opened.server?.close();
  });
}
