import restify, { Request, Response, Server } from 'restify';
import { Logger } from './log';

export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The restify server with what every route shares: body limits, JSON errors
 * without stack traces, and no request bodies in logs. Routes are added by the
 * composition root (bot/app.ts) and by feature plugins.
 */
export function createServer(log: Logger): Server {
  const server = restify.createServer({ name: 'puente', handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.dedupeSlashes());
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(
    restify.plugins.bodyParser({
      maxBodySize: MAX_BODY_BYTES,
      mapParams: false,
      mapFiles: false,
      rejectUnknown: false,
    }),
  );
  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, next: () => void) => {
    const status = err.statusCode ?? 500;
    if (status >= 500) log.error({ route: req.getPath(), err }, 'request failed');
    // One plain JSON shape for every error; never a stack trace.
    (err as Error & { toJSON: () => unknown }).toJSON = () => ({ error: publicMessage(status, err) });
    next();
  });
  return server;
}

function publicMessage(status: number, err: Error): string {
  if (status === 413) return 'request body too large';
  if (status === 400) return err.message.startsWith('Invalid JSON') ? 'malformed JSON' : err.message || 'bad request';
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not found';
  if (status === 405) return 'method not allowed';
  if (status >= 500) return 'internal error';
  return err.message;
}
