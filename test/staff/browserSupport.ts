import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { PASSWORD } from './staffHarness';

/** What the staff dashboard's Chromium tests share: the browser, watched pages, sign-in, and axe-core. */

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

export interface WatchOptions {
  viewport?: { width: number; height: number };
  /** Also count every 4xx/5xx answer the page gets as a problem. */
  responses?: boolean;
}

/**
 * A page in a fresh context whose page errors and console errors (and, with
 * `responses`, failed requests) are pushed onto `problems`, for the test to
 * assert empty at the end.
 */
export async function watchedPage(browser: Browser, problems: string[], options: WatchOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  if (options.responses) {
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`${res.status()} ${new URL(res.url()).pathname}`);
    });
  }
  return page;
}

/**
 * axe-core in the page (evaluate runs outside the page's CSP); serious and
 * critical violations fail. `include` narrows the check to one selector.
 */
export async function assertAccessible(page: Page, label: string, include?: string): Promise<void> {
  await page.evaluate(AXE);
  const result = (await page.evaluate((context) => {
    const { axe } = window as unknown as { axe: { run(context?: string): Promise<unknown> } };
    return context === null ? axe.run() : axe.run(context);
  }, include ?? null)) as AxeResult;
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
    `${label}: axe found serious violations`,
  );
}

/** Signs in through the form and waits for `path` (where the sign-in page sends the user back). */
export async function signIn(page: Page, base: string, email: string, path = '/staff'): Promise<void> {
  await page.goto(`${base}${path}`);
  assert.match(page.url(), /\/staff\/sign-in\?next=/);
  await page.getByLabel(/Email|Correo/).fill(email);
  await page.getByLabel(/Password|Contraseña/).fill(PASSWORD);
  await page.getByLabel(/Password|Contraseña/).press('Enter');
  await page.waitForURL(`${base}${path}`);
}
