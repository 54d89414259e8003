import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'restify';
import { checkActivity } from './activityValidation';
import type { PuenteAdapter } from './adapter';
import { AppError } from './errors';
import { AuthUnavailableError } from './botAuthentication';
import { Config } from './config';
import { Logger } from './log';
import { localServiceUrlProblem } from './serviceUrlPolicy';

/**
 * POST /api/messages, the Bot Framework door. In this order, none of the
 * refusals running a turn: JSON only (415: an HTML form cannot post here);
 * a well-typed activity (400); in local mode a serviceUrl on loopback or an
 * allowed host (400); then the adapter's processActivity (token checked when
 * MicrosoftAppId is set: 401, or 503 when Bot Framework identity cannot be
 * checked). CloudAdapter.process is not used: it answers any other failure
 * with a 500 carrying the exception's message.
 */
export function messagesHandler(deps: {
  adapter: PuenteAdapter;
  config: Config;
  log: Logger;
  logic: (context: TurnContext) => Promise<void>;
}) {
  const { adapter, config, log, logic } = deps;
  return async (req: Request, res: Response): Promise<void> => {
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return refuse(res, new AppError('unsupported_media_type', 'send application/json'));
    }
    const checked = checkActivity(req.body);
    if (!checked.ok) return refuse(res, new AppError('invalid', checked.problem));
    const activity = asSdkActivity(checked.activity);
    if (config.localMode) {
      const problem = localServiceUrlProblem(activity.serviceUrl, config.localServiceUrlHosts);
      if (problem) return refuse(res, new AppError('invalid', problem));
    }
    const header = req.headers.authorization;
    try {
      const invoke = await adapter.handleActivity(typeof header === 'string' ? header : '', activity, logic);
      res.send(invoke?.status ?? 200, invoke?.body);
    } catch (err) {
      if (err instanceof AuthenticationError) return refuse(res, new AppError('unauthorized'));
      if (err instanceof AuthUnavailableError) {
        res.header('Retry-After', '30');
        return refuse(res, new AppError('unavailable', 'authentication unavailable'));
      }
      log.error({ err, channelId: activity.channelId, activityId: activity.id }, 'message request failed');
      res.send(500, { error: 'internal error' });
    }
  };
}

function refuse(res: Response, error: AppError): void {
  res.send(error.status, error.body());
}

/** The SDK's own fix-up (CloudAdapter.process does the same): its Activity carries Dates, the wire carries strings. */
function asSdkActivity(input: Record<string, unknown>): Activity {
  const activity = { ...input } as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof activity[field] === 'string') {
      activity[raw] = activity[field];
      activity[field] = new Date(activity[field]);
    }
  }
  return activity as unknown as Activity;
}
