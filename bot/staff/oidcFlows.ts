import { createHash } from 'node:crypto';
import { Clock } from '../clock';
import { Language } from '../i18n';
import { DocBase, DocumentStore, isWriteConflict } from '../store/port';
import { OidcChecks } from './oidc';

export const STAFF_OIDC_FLOWS = 'staffOidcFlows';

/** A sign-in lasts at most this long between leaving for the provider and coming back. */
const FLOW_MINUTES = 10;

/**
 * A sign-in on its way through the identity provider, kept server-side.
 * pk = id = SHA-256 of its `state`; the browser holds the state itself in a
 * short-lived cookie, so a callback counts only in the browser that started it
 * and a copy of the store finishes no one's sign-in.
 */
interface OidcFlow extends DocBase {
  nonce: string;
  codeVerifier: string;
  /** Where to go once signed in (a /staff path) and the page language. */
  next: string;
  language: Language;
  expiresAt: string;
}

export interface PendingSignIn {
  checks: OidcChecks;
  next: string;
  language: Language;
}

export class OidcFlows {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  get maxAgeSeconds(): number {
    return FLOW_MINUTES * 60;
  }

  async save(pending: PendingSignIn): Promise<void> {
    const id = flowId(pending.checks.state);
    const expiresAt = new Date(this.clock().getTime() + FLOW_MINUTES * 60_000).toISOString();
    await this.store.create<OidcFlow>(STAFF_OIDC_FLOWS, {
      id,
      pk: id,
      nonce: pending.checks.nonce,
      codeVerifier: pending.checks.codeVerifier,
      next: pending.next,
      language: pending.language,
      expiresAt,
    });
  }

  /** The flow of a state, used up: a second callback with the same state finds nothing. Undefined when unknown or expired. */
  async take(state: string): Promise<PendingSignIn | undefined> {
    const id = flowId(state);
    const flow = await this.store.get<OidcFlow>(STAFF_OIDC_FLOWS, id, id);
    if (!flow) return undefined;
    try {
      await this.store.delete(STAFF_OIDC_FLOWS, id, id, flow._etag);
    } catch (err) {
      if (isWriteConflict(err)) return undefined;
      throw err;
    }
    if (new Date(flow.expiresAt) <= this.clock()) return undefined;
    return { checks: { state, nonce: flow.nonce, codeVerifier: flow.codeVerifier }, next: flow.next, language: flow.language };
  }

  /** Removes abandoned sign-ins (the staff task each minute); returns how many. */
  async sweep(): Promise<number> {
    const { items } = await this.store.query<OidcFlow>(STAFF_OIDC_FLOWS, {
      where: [{ field: 'expiresAt', op: '<=', value: this.clock().toISOString() }],
      limit: 200,
    });
    for (const f of items) await this.store.delete(STAFF_OIDC_FLOWS, f.pk, f.id);
    return items.length;
  }
}

function flowId(state: string): string {
  return createHash('sha256').update(`oidc:${state}`).digest('hex');
}
