import { Request, Response, Server } from 'restify';
import { Logger } from '../log';
import { PlaygroundConversation, previewLocaleFor } from './conversations';
import { PlaygroundHub } from './hub';
import { DIRECT_LINE_PATH } from './paths';

/** Tokens never really expire here; clients refresh at half this anyway. */
const TOKEN_SECONDS = 3600;

/**
 * The Direct Line 3.0 subset Web Chat and botframework-directlinejs use, with
 * polling (no WebSocket stream): start or resume a conversation, post an
 * activity, get activities after a watermark, and the token calls. Tokens are
 * per conversation, as in Direct Line; starting a conversation needs no
 * secret because the playground only exists in local mode.
 */
export function registerDirectLine(server: Server, hub: PlaygroundHub, log: Logger, defaultLanguage: string): void {
  const conversationBody = (c: PlaygroundConversation) => ({ conversationId: c.id, token: c.token, expires_in: TOKEN_SECONDS });

  const openDefault = (body: unknown, secret?: string) => {
    const b = (body ?? {}) as { user?: { id?: unknown }; locale?: unknown };
    return hub.open({ userId: b.user?.id, channelId: 'webchat', locale: previewLocaleFor(b.locale, defaultLanguage), secret });
  };

  server.post(`${DIRECT_LINE_PATH}/tokens/generate`, async (req: Request, res: Response) => {
    res.send(200, conversationBody(await openDefault(req.body)));
  });

  server.post(`${DIRECT_LINE_PATH}/tokens/refresh`, async (req: Request, res: Response) => {
    const conversation = withToken(req, hub);
    if (!conversation) return void denied(res);
    res.send(200, conversationBody(conversation));
  });

  // A token from tokens/generate (or the page's session call) starts that token's conversation. Anything
  // else counts as a Direct Line secret, which local mode does not check: a new conversation, on which
  // the same secret keeps working (the Emulator and directlinejs clients started with a secret rely on it).
  server.post(`${DIRECT_LINE_PATH}/conversations`, async (req: Request, res: Response) => {
    const conversation = withToken(req, hub);
    if (conversation) res.send(200, conversationBody(conversation));
    else res.send(201, conversationBody(await openDefault(req.body, bearer(req))));
  });

  // Reconnect.
  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const conversation = authorized(req, res, hub);
    if (conversation) res.send(200, conversationBody(conversation));
  });

  server.post(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversation = authorized(req, res, hub);
    if (!conversation) return;
    const body = req.body as unknown;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400, { error: { code: 'BadArgument', message: 'activity.type is required' } });
      return;
    }
    const text = (body as { text?: unknown }).text;
    if (text !== undefined && (typeof text !== 'string' || text.length > 10_000)) {
      res.send(400, { error: { code: 'BadArgument', message: 'activity.text must be a string of at most 10000 characters' } });
      return;
    }
    try {
      const { id, botStatus } = await hub.fromUser(conversation, body as Record<string, unknown>);
      if (botStatus >= 400) {
        log.warn({ conversationId: conversation.id, activityId: id, botStatus }, 'playground: the bot did not accept an activity');
        res.send(502, { error: { code: 'BotError', message: 'The bot returned an error' } });
        return;
      }
      res.send(200, { id });
    } catch (err) {
      log.error({ conversationId: conversation.id, err }, 'playground: could not reach the bot');
      res.send(502, { error: { code: 'BotUnavailable', message: 'The bot could not be reached' } });
    }
  });

  server.get(`${DIRECT_LINE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const conversation = authorized(req, res, hub);
    if (!conversation) return;
    const raw = (req.query as { watermark?: unknown } | undefined)?.watermark;
    const watermark = typeof raw === 'string' ? Number.parseInt(raw, 10) : Number.NaN;
    res.send(200, hub.book.since(conversation, watermark));
  });
}

export function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}

function withToken(req: Request, hub: PlaygroundHub): PlaygroundConversation | undefined {
  const token = bearer(req);
  return token ? hub.book.withToken(token) : undefined;
}

/**
 * The conversation in the path when the request carries that conversation's
 * token or the secret that started it; otherwise answers 403 and returns undefined.
 */
function authorized(req: Request, res: Response, hub: PlaygroundHub): PlaygroundConversation | undefined {
  const credential = bearer(req);
  const conversation = credential ? hub.book.authorizedBy(String((req.params as Record<string, unknown>).conversationId), credential) : undefined;
  if (!conversation) {
    denied(res);
    return undefined;
  }
  return conversation;
}

function denied(res: Response): void {
  res.send(403, { error: { code: 'TokenExpired', message: 'Unknown or expired token for this conversation' } });
}
