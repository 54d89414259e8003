import restify, { Request, Response, Server } from 'restify';
import { Logger } from './log';
import { bodyGate, bodyParser } from './requestBody';
import { RequestDrain } from './requestDrain';

export { MAX_BODY_BYTES } from './requestBody';

/**
 * The restify server with what every route shares: refusal of new requests
 * while shutting down (503), body limits and types (413, 415), JSON errors
 * with fixed wording, never an exception's message or stack, and no request
 * bodies in logs. Routes are added by the composition root (bot/app.ts) and
 * by feature plugins.
 */
export function createServer(log: Logger, drain: RequestDrain): Server {
  const server = restify.createServer({ name: 'puente', handleUncaughtExceptions: false });
  server.pre(drain.handler());
  server.pre(bodyGate());
  server.pre(restify.plugins.pre.dedupeSlashes());
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(bodyParser());
  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, next: () => void) => {
    // An error a handler threw (not a restify error) would otherwise be wrapped in one quoting its message.
    if (typeof err.statusCode !== 'number') err.statusCode = 500;
    const status = err.statusCode;
    if (status >= 500) log.error({ route: req.getPath(), err }, 'request failed');
    // One plain JSON shape for every error; the wording comes from the status alone.
    (err as Error & { toJSON: () => unknown }).toJSON = () => ({ error: publicMessage(status) });
    next();
  });
  return server;
}

const PUBLIC_MESSAGES: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  406: 'not acceptable',
  413: 'request body too large',
  415: 'unsupported media type',
  503: 'unavailable',
};

function publicMessage(status: number): string {
  if (status >= 500 && status !== 503) return 'internal error';
  return PUBLIC_MESSAGES[status] ?? 'bad request';
}
