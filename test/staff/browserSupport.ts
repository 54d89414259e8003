import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { PASSWORD } from './staffHarness';

/** What the staff dashboard's Chromium tests share: the browser, sign-in, and axe-core. */

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', 'artifacts');
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** axe-core in the page (evaluate runs outside the page's CSP); serious and critical violations fail. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(AXE);
  const result = (await page.evaluate(() => (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run())) as AxeResult;
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
