import { Request, Response, Server } from 'restify';
import { Logger } from '../log';
import { isPreviewChannel, isPreviewLocale } from './conversations';
import { bearer } from './directLine';
import { PlaygroundHub } from './hub';
import { CONTROLS_PATH, DIRECT_LINE_PATH } from './paths';

/**
 * The page's controls. `session` starts a Direct Line conversation on the
 * chosen channel preview and locale for the page's user (enrolling it);
 * the others act on the conversation whose token they carry.
 */
export function registerControls(server: Server, hub: PlaygroundHub, log: Logger): void {
  server.post(`${CONTROLS_PATH}/session`, async (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { channel?: unknown; locale?: unknown; userId?: unknown };
    if (!isPreviewChannel(body.channel) || !isPreviewLocale(body.locale)) {
      res.send(400, { error: 'channel must be webchat, sms or msteams and locale en-US or es-US' });
      return;
    }
    const conversation = await hub.open({ userId: body.userId, channelId: body.channel, locale: body.locale });
    log.info({ conversationId: conversation.id, channelId: conversation.channelId, participantId: conversation.participantId }, 'playground: conversation started');
    res.send(200, {
      userId: conversation.userId,
      conversationId: conversation.id,
      token: conversation.token,
      directLine: DIRECT_LINE_PATH,
    });
  });

  server.post(`${CONTROLS_PATH}/checkin-prompt`, async (req: Request, res: Response) => {
    const conversation = byToken(req, res, hub);
    if (!conversation) return;
    res.send(200, await hub.checkinPromptNow(conversation));
  });

  server.post(`${CONTROLS_PATH}/start-over`, async (req: Request, res: Response) => {
    const conversation = byToken(req, res, hub);
    if (!conversation) return;
    await hub.startOver(conversation);
    log.info({ participantId: conversation.participantId }, 'playground: participant removed (start over)');
    res.send(200, { removed: true });
  });
}

function byToken(req: Request, res: Response, hub: PlaygroundHub) {
  const token = bearer(req);
  const conversation = token ? hub.book.withToken(token) : undefined;
  if (!conversation) res.send(403, { error: 'unknown or expired token' });
  return conversation;
}
