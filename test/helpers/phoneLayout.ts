import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** A phone the size of an iPhone 12-15: the narrowest width the pages promise to work at. */
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Runs in the page. Kept as plain JavaScript text: the test runner's compiler
 * wraps named functions in a helper that does not exist inside the browser.
 *
 * Finds sideways page scrolling, and visible text elements that reach past the
 * screen's edges or are clipped inside their own box. Elements inside a box
 * that scrolls on its own (a table's `.table-scroll`, Web Chat's transcript)
 * may be wider: the reader scrolls that box.
 */
const LAYOUT_PROBLEMS = `(() => {
  const selector = 'h1, h2, h3, p, label, legend, button, a, select, input, textarea, dt, dd, li, summary, caption, th, td, [role="status"]';
  const found = [];
  const width = document.documentElement.clientWidth;
  const scrollWidth = document.scrollingElement.scrollWidth;
  if (scrollWidth > width) found.push('the page scrolls sideways: ' + scrollWidth + ' px wide in ' + width + ' px');
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  const inOwnScroller = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (p.matches('.table-scroll, .webchat__basic-transcript')) return true;
      const overflowX = getComputedStyle(p).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && p.scrollWidth > p.clientWidth) return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || el.closest('.visually-hidden, .skip-link, [hidden]')) continue;
    if (inOwnScroller(el)) continue;
    if (box.left < -0.5 || box.right > width + 0.5) found.push(describe(el) + ' reaches past the screen (' + Math.round(box.left) + '..' + Math.round(box.right) + ' px)');
    const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
    if (clips && el.scrollWidth > el.clientWidth + 1 && !['SELECT', 'INPUT', 'TEXTAREA'].includes(el.tagName)) {
      found.push(describe(el) + ' is cut off (' + el.scrollWidth + ' px of text in ' + el.clientWidth + ' px)');
    }
  }
  return found;
})()`;

/** The page fits the phone; one failure lists every problem. */
export async function assertFitsPhone(page: Page, label: string): Promise<void> {
  const problems = await page.evaluate<string[]>(LAYOUT_PROBLEMS);
  assert.deepEqual(problems, [], `${label} at ${PHONE.width} px`);
}
