/**
 * openid-client 6 is an ES module; the CommonJS build loads it with
 * require(esm), which Node has without a flag from 20.19, 22.12 and 23 on.
 * Older Node (still within `engines`, which the rest of the service runs on)
 * would only fail at the first sign-in, so configuration refuses OIDC there.
 */
export const OIDC_NODE_REQUIREMENT = 'Node 20.19+, 22.12+ or 24';

/** Whether this Node version (e.g. process.versions.node, "20.18.3") can load openid-client. */
export function nodeLoadsOidc(version: string): boolean {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  if (major === 20) return minor >= 19;
  if (major === 22) return minor >= 12;
  return major >= 23;
}
