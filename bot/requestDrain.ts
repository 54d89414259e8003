import type { Next, Request, Response } from 'restify';
import { AppError } from './errors';

/**
 * Counts the requests being served so a shutdown can let them finish. Once
 * draining, every new request is answered 503 (and its connection closed)
 * while the ones already in flight run to their end: a turn in progress
 * still saves its state and sends its replies.
 */
export class RequestDrain {
  private inFlight = 0;
  private draining = false;
  private waiters: Array<() => void> = [];

  get accepting(): boolean {
    return !this.draining;
  }

  get pending(): number {
    return this.inFlight;
  }

  /** The server.pre handler: refuses while draining, otherwise counts the request until its response closes. */
  handler() {
    return (_req: Request, res: Response, next: Next): void => {
      if (this.draining) {
        res.setHeader('Connection', 'close');
        res.setHeader('Retry-After', '5');
        const refused = new AppError('unavailable', 'shutting down');
        res.send(refused.status, refused.body());
        return next(false);
      }
      this.inFlight++;
      res.once('close', () => {
        this.inFlight--;
        if (this.inFlight === 0) this.wake();
      });
      next();
    };
  }

  /**
   * Stops accepting and resolves once every request in flight has been
   * answered, or after graceMs; true when nothing was cut off.
   */
  async drain(graceMs: number): Promise<boolean> {
    this.draining = true;
    if (this.inFlight === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.waiters.push(() => resolve(true)));
    const late = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), graceMs);
    });
    try {
      return await Promise.race([idle, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    waiting.forEach((w) => w());
  }
}
