import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export const PUBLIC_DIR = join(__dirname, '..', 'public');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export interface Asset {
  type: string;
  body: Buffer;
}

/**
 * The dashboard's static files (bot/staff/public), read once at start-up.
 * Only names found there are served: no path from a request reaches the file system.
 */
export class StaticAssets {
  private readonly files = new Map<string, Asset>();

  constructor(dir = PUBLIC_DIR) {
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (type) this.files.set(name, { type, body: readFileSync(join(dir, name)) });
    }
  }

  get(name: string): Asset | undefined {
    return this.files.get(name);
  }
}
