/**
 * Where a local-mode bot may send replies. With no MicrosoftAppId nothing
 * authenticates an activity, and its `serviceUrl` is where the bot POSTs its
 * replies: left open, any page or process that reaches the bot could make it
 * call 169.254.169.254 or another internal address. So a local-mode serviceUrl
 * must be http(s) on a loopback host (the Emulator, the playground, tests) or
 * on a host the operator listed in LOCAL_SERVICE_URL_ALLOW. In production the
 * Bot Framework token vouches for the serviceUrl instead (bot/botAuthentication.ts).
 */
export function localServiceUrlProblem(serviceUrl: string, allowedHosts: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return 'activity.serviceUrl is not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'activity.serviceUrl must be http or https';
  const host = url.hostname.toLowerCase();
  if (isLoopback(host) || allowedHosts.includes(host)) return undefined;
  return 'activity.serviceUrl must be on a loopback host or one listed in LOCAL_SERVICE_URL_ALLOW';
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
