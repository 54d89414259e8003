import { Stored } from '../store/port';
import { hashPassword, verifyPassword } from './password';
import { StaffSession, StaffSessions } from './sessions';
import { SignInGuard } from './signInGuard';
import { StaffAccount, StaffAccounts } from './staffAccounts';

export type SignInResult =
  | { ok: true; token: string; session: Stored<StaffSession>; account: Stored<StaffAccount> }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; lockedUntil: Date };

export interface Signedin {
  session: Stored<StaffSession>;
  account: Stored<StaffAccount>;
}

export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sign-in, session lookup and sign-out. Unknown emails, wrong passwords and
 * disabled accounts get the same answer after the same work (a password hash
 * is checked either way), so the answer does not tell which emails exist.
 */
export class StaffAuth {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly accounts: StaffAccounts,
    private readonly sessions: StaffSessions,
    private readonly guard: SignInGuard,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** `source` is the client address: failures lock the email from that address only (bot/staff/signInGuard.ts). */
  async signIn(email: string, password: string, source: string | null): Promise<SignInResult> {
    const state = await this.guard.check(email, source);
    if (state.locked) return { ok: false, reason: 'locked', lockedUntil: state.lockedUntil };
    if (state.delayMs > 0) await this.sleep(state.delayMs);

    const account = await this.accounts.byEmail(email);
    // An account without a password takes as long to refuse as one that is missing.
    const hash = account && !account.disabledAt && account.passwordHash ? account.passwordHash : await this.dummy();
    const matches = await verifyPassword(password, hash);
    if (!account || account.disabledAt || !matches) {
      const after = await this.guard.recordFailure(email, source);
      return after.locked ? { ok: false, reason: 'locked', lockedUntil: after.lockedUntil } : { ok: false, reason: 'invalid' };
    }
    await this.guard.recordSuccess(email, source);
    const { token, session } = await this.sessions.start(account.id);
    return { ok: true, token, session, account };
  }

  /** The session and its account, or undefined when the token is unknown, expired or the account disabled. */
  async authenticate(token: string | undefined): Promise<Signedin | undefined> {
    if (!token) return undefined;
    const session = await this.sessions.resume(token);
    if (!session) return undefined;
    const account = await this.accounts.get(session.staffId);
    if (!account || account.disabledAt) {
      await this.sessions.end(token);
      return undefined;
    }
    return { session, account };
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.end(token);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('not-a-password-anyone-has');
    return this.dummyHash;
  }
}
