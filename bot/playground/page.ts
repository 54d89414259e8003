import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { i18n } from 'i18next';
import { Request, Response, Server } from 'restify';
import { languageOf, translatorFor } from '../i18n';
import { PREVIEW_CHANNELS, PREVIEW_LOCALES, PreviewChannel, PreviewLocale, isPreviewChannel, previewLocaleFor } from './conversations';
import { ASSETS_PATH, CONTROLS_PATH, PLAYGROUND_PATH } from './paths';

/**
 * The hash of the empty string. Web Chat's scroll-to-bottom component adds an
 * empty <style> element without the nonce and fills it through the CSSOM,
 * which CSP does not govern; allowing exactly "empty" lets it exist.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * Scripts only from this origin and no inline script. Web Chat adds <style>
 * elements at run time and stamps them with the nonce handed to it, so styles
 * need no 'unsafe-inline' either. connect-src 'self' also keeps the page from
 * fetching anything from the network.
 */
export function contentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}' ${EMPTY_STYLE_HASH}`,
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "media-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const PAGE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

/** Microsoft's self-contained Web Chat bundle (React, Adaptive Cards and Direct Line inside). */
export const WEBCHAT_BUNDLE = join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
const PUBLIC_DIR = join(__dirname, 'public');

interface Asset {
  file: string;
  type: string;
  body?: Buffer;
  etag?: string;
}

/** GET /playground (the page, in the language of its locale control) and its three assets. */
export function registerPage(server: Server, i18n: i18n, defaultLanguage: string): void {
  const assets: Record<string, Asset> = {
    'webchat.js': { file: WEBCHAT_BUNDLE, type: 'text/javascript; charset=utf-8' },
    'playground.js': { file: join(PUBLIC_DIR, 'playground.js'), type: 'text/javascript; charset=utf-8' },
    'playground.css': { file: join(PUBLIC_DIR, 'playground.css'), type: 'text/css; charset=utf-8' },
  };

  server.get(PLAYGROUND_PATH, async (req: Request, res: Response) => {
    const query = (req.query ?? {}) as { channel?: unknown; locale?: unknown };
    const channel: PreviewChannel = isPreviewChannel(query.channel) ? query.channel : 'webchat';
    const locale = previewLocaleFor(query.locale, defaultLanguage);
    const styleNonce = randomBytes(16).toString('base64');
    const html = renderPage(i18n, channel, locale, styleNonce);
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'content-security-policy': contentSecurityPolicy(styleNonce),
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
    });
    res.end(html);
  });

  server.get(`${PLAYGROUND_PATH}/`, async (_req: Request, res: Response) => {
    res.writeHead(301, { location: PLAYGROUND_PATH });
    res.end();
  });

  server.get(`${ASSETS_PATH}/:name`, async (req: Request, res: Response) => {
    const name = String((req.params as Record<string, unknown>).name);
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (!asset) {
      res.send(404, { error: 'not found' });
      return;
    }
    // Read once, on first use: the Web Chat bundle is about 4 MB.
    asset.body ??= readFileSync(asset.file);
    asset.etag ??= `"${createHash('sha256').update(asset.body).digest('base64url').slice(0, 27)}"`;
    const headers = { 'content-type': asset.type, etag: asset.etag, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };
    if (req.headers['if-none-match'] === asset.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-length': asset.body.length });
    res.end(asset.body);
  });
}

/** The chat comes first in the page: on a phone it fills the first screen, the settings and actions follow. */
export function renderPage(i18n: i18n, channel: PreviewChannel, locale: PreviewLocale, styleNonce: string): string {
  const language = languageOf(locale) ?? 'en';
  const t = translatorFor(i18n, language);
  const text = (key: string, vars?: Record<string, string>) => escapeHtml(t(`playground:page.${key}`, vars ?? {}));
  const options = <T extends string>(values: readonly T[], selected: T, label: (v: T) => string, lang?: (v: T) => string) =>
    values.map((v) => `<option value="${v}"${lang ? ` lang="${lang(v)}"` : ''}${v === selected ? ' selected' : ''}>${label(v)}</option>`).join('');

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${text('title')}</title>
<link rel="stylesheet" href="${ASSETS_PATH}/playground.css">
<script src="${ASSETS_PATH}/webchat.js" defer></script>
<script src="${ASSETS_PATH}/playground.js" defer></script>
</head>
<body data-channel="${channel}" data-locale="${locale}" data-controls="${CONTROLS_PATH}" data-style-nonce="${styleNonce}">
<header>
<h1>${text('title')}</h1>
<p>${text('intro')}</p>
</header>
<main>
<section class="chat" aria-labelledby="chat-heading">
<h2 id="chat-heading">${text('chat')}</h2>
<div id="webchat" class="webchat"></div>
<noscript><p>${text('noscript')}</p></noscript>
</section>
<form class="settings" method="get" action="${PLAYGROUND_PATH}" aria-labelledby="settings-heading">
<h2 id="settings-heading">${text('settings')}</h2>
<p><label for="channel">${text('channel')}</label>
<select id="channel" name="channel">${options(PREVIEW_CHANNELS, channel, (c) => text(`channels.${c}`))}</select></p>
<p><label for="locale">${text('locale')}</label>
<select id="locale" name="locale">${options(PREVIEW_LOCALES, locale, (l) => text(`localeNames.${l}`), (l) => l)}</select></p>
<p><button type="submit">${text('apply')}</button></p>
</form>
<section class="actions" aria-labelledby="actions-heading">
<h2 id="actions-heading">${text('actions')}</h2>
<p><button type="button" id="checkin-prompt" disabled>${text('checkinPrompt')}</button></p>
<p><button type="button" id="start-over" aria-describedby="start-over-hint" disabled>${text('startOver')}</button>
<span id="start-over-hint" class="hint">${text('startOverHint')}</span></p>
<p id="status" role="status" aria-live="polite"
 data-connecting="${text('connecting')}" data-ready="${text('ready')}" data-prompt-sent="${text('promptSent')}"
 ${NOT_SENT_REASONS.map((r) => `data-not-sent-${kebab(r)}="${text(`promptNotSent.${r}`)}"`).join(' ')}
 data-starting-over="${text('startingOver')}" data-failed="${text('failed')}"></p>
</section>
</main>
</body>
</html>
`;
}

/**
 * Why "send my check-in prompt now" sent nothing, in words (outreach's skip
 * reasons a playground participant can reach); any other reason reads "other".
 */
const NOT_SENT_REASONS = ['optedOut', 'answered', 'paused', 'discharged', 'noConsent', 'unreachable', 'other'] as const;

/** optedOut → opted-out: the data-* attribute Web Chat's page script reads back as dataset.notSentOptedOut. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
