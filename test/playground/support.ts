import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { Clock } from '../../bot/clock';

/**
 * A clock that starts at a fixed instant and runs on with real time: the day
 * and hour the bot sees are fixed, while links and messages made one after
 * another still get increasing timestamps (outreach sends to the address
 * linked last).
 */
export function startingAt(iso: string): Clock {
  const origin = Date.parse(iso);
  const started = Date.now();
  return () => new Date(origin + (Date.now() - started));
}

export const ARTIFACTS_DIR = join(__dirname, '..', 'artifacts');

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Debian's Chromium, headless, with no background traffic of its own. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page plus what it did that a test checks at the end: requests leaving the app, console errors (CSP violations among them). */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  foreignRequests: string[];
  consoleErrors: string[];
}

export async function openWatched(browser: Browser, baseUrl: string, viewport: { width: number; height: number } = { width: 1280, height: 900 }): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const watched: WatchedPage = { context, page, foreignRequests: [], consoleErrors: [] };
  const origin = new URL(baseUrl).origin;
  page.on('request', (request) => {
    const url = request.url();
    // blob: and data: URLs are made inside the page; anything else must be this app.
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) watched.foreignRequests.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') watched.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watched.consoleErrors.push(error.message));
  return watched;
}
