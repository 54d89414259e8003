import { createHttpServer } from '@vercel/cosmosdb-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CosmosTestServer {
  endpoint: string;
  key: string;
  /** The HTTP server itself, for tests that watch the requests the SDK sends. */
  server: Server;
  close(): Promise<void>;
}

/**
 * An in-process @vercel/cosmosdb-server on 127.0.0.1, over plain HTTP: the
 * package's bundled TLS certificate expired in 2021. Every start is empty.
 * The real @azure/cosmos SDK talks to it, so requests, headers, eTags and
 * continuation tokens are the SDK's own.
 */
export async function startCosmosServer(): Promise<CosmosTestServer> {
  // keepAlive: one connection per client instead of one per request.
  const server = createHttpServer({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    // The server accepts any key; the SDK only needs a well-formed base64 one.
    key: Buffer.from('puente-test-key').toString('base64'),
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
