import { StaffOidcConfig } from '../config';
import { Stored } from '../store/port';
import { OidcIdentity } from './oidc';
import { StaffSession, StaffSessions } from './sessions';
import { StaffAccount, StaffAccounts, StaffRole } from './staffAccounts';

export type OidcRefusal = 'no_account' | 'no_role' | 'disabled' | 'other_object_id';

export type OidcSignInResult =
  | { ok: true; token: string; session: Stored<StaffSession>; account: Stored<StaffAccount>; roleChanged: boolean }
  | { ok: false; reason: OidcRefusal; account?: Stored<StaffAccount> };

/**
 * A verified identity from the provider becomes a dashboard session of an
 * existing staff account, or is refused. The account is found by Entra
 * object id first, then by email; the role comes from the token (app roles,
 * then groups; admin wins over clinician) and is written to the account, so
 * the directory stays the one place roles are granted. No account is ever
 * created here: staff are enrolled by an operator.
 */
export class OidcSignIn {
  constructor(
    private readonly config: StaffOidcConfig,
    private readonly accounts: StaffAccounts,
    private readonly sessions: StaffSessions,
  ) {}

  roleOf(identity: OidcIdentity): StaffRole | undefined {
    const has = (values: string[], claimed: string[]) => values.some((v) => claimed.includes(v));
    if (has(this.config.adminRoles, identity.roles) || has(this.config.adminGroups, identity.groups)) return 'admin';
    if (has(this.config.clinicianRoles, identity.roles) || has(this.config.clinicianGroups, identity.groups)) return 'clinician';
    return undefined;
  }

  async signIn(identity: OidcIdentity): Promise<OidcSignInResult> {
    const account =
      (identity.objectId ? await this.accounts.byAadObjectId(identity.objectId) : undefined) ??
      (identity.email ? await this.accounts.byEmail(identity.email) : undefined);
    if (!account) return { ok: false, reason: 'no_account' };
    if (account.disabledAt) return { ok: false, reason: 'disabled', account };
    // An account already linked to another directory user is not taken over by someone who shares its email.
    if (account.aadObjectId && identity.objectId && account.aadObjectId !== identity.objectId) return { ok: false, reason: 'other_object_id', account };
    const role = this.roleOf(identity);
    if (!role) return { ok: false, reason: 'no_role', account };

    const roleChanged = account.role !== role;
    const linked = !account.aadObjectId && identity.objectId;
    const current =
      roleChanged || linked
        ? await this.accounts.update(account.id, (next) => {
            next.role = role;
            next.aadObjectId ??= identity.objectId ?? null;
          })
        : account;
    // Sessions opened under the old role end with it.
    if (roleChanged) await this.sessions.endAllFor(current.id);
    const { token, session } = await this.sessions.start(current.id);
    return { ok: true, token, session, account: current, roleChanged };
  }
}
