import { Request, Response, Server } from 'restify';
import { PlaygroundHub, UnknownConversationError } from './hub';
import { CONNECTOR_PATH } from './paths';

/**
 * The playground's side of the Bot Connector REST API: the `serviceUrl` of
 * every playground activity, so the bot's ConnectorClient posts replies,
 * proactive messages and updates here exactly as it would to SMS or Teams.
 * Only local mode registers it, so it needs no JWT (the bot sends none there).
 */
export function registerConnector(server: Server, hub: PlaygroundHub): void {
  const base = `${CONNECTOR_PATH}/v3/conversations/:conversationId/activities`;

  const send = async (req: Request, res: Response) => {
    const body = activityBody(req, res);
    if (!body) return;
    try {
      res.send(200, { id: hub.fromBot(String((req.params as Record<string, unknown>).conversationId), body) });
    } catch (err) {
      notFoundOrThrow(err, res);
    }
  };
  server.post(base, send);
  server.post(`${base}/:activityId`, send);

  server.put(`${base}/:activityId`, async (req: Request, res: Response) => {
    const body = activityBody(req, res);
    if (!body) return;
    try {
      const activityId = String((req.params as Record<string, unknown>).activityId);
      if (hub.updateFromBot(String((req.params as Record<string, unknown>).conversationId), activityId, body)) res.send(200, { id: activityId });
      else res.send(404, { error: { code: 'ActivityNotFound', message: 'Unknown activity' } });
    } catch (err) {
      notFoundOrThrow(err, res);
    }
  });
}

function activityBody(req: Request, res: Response): Record<string, unknown> | undefined {
  const body = req.body as unknown;
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  res.send(400, { error: { code: 'BadArgument', message: 'body must be an activity' } });
  return undefined;
}

/** A conversation the playground does not know (gone after "start over" or a restart) is a 404, as a real channel says. */
function notFoundOrThrow(err: unknown, res: Response): void {
  if (!(err instanceof UnknownConversationError)) throw err;
  res.send(404, { error: { code: 'ConversationNotFound', message: 'Unknown conversation' } });
}
