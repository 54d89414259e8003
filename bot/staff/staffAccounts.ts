import { createHash } from 'node:crypto';
import { Clock } from '../clock';
import { Language } from '../i18n';
import { updateDocument } from '../store/etagUpdate';
import { DocBase, DocumentStore, Stored } from '../store/port';
import { hashPassword, passwordProblem, ScryptParams } from './password';

export const STAFF = 'staff';

export const STAFF_ROLES = ['clinician', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * A member of the care team who may sign in to the dashboard. pk = id =
 * staffId(email). `aadObjectId` (or the email) maps a Teams user to the account
 * when they press a card's Acknowledge button.
 */
export interface StaffAccount extends DocBase {
  /** Lower-cased; what the dashboard and the audit log show as "who". */
  email: string;
  role: StaffRole;
  /** Empty for an account added while password sign-in was off: it signs in with Microsoft only. */
  passwordHash: string;
  aadObjectId: string | null;
  /** How the person signs messages to participants ("Maria"); absent: from the email (displayNameOf). */
  displayName?: string | null;
  /** Dashboard language. */
  language: Language;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewStaffAccount {
  email: string;
  role: StaffRole;
  /** Null: no password (password sign-in is off; the identity provider signs them in). */
  password: string | null;
  aadObjectId?: string | null;
  displayName?: string | null;
  language?: Language;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return EMAIL.test(normalizeEmail(email)) && email.length <= 254;
}

/** The name a staff member signs with: theirs, else the email's first word ("maria.lopez@…" → "Maria"). */
export function displayNameOf(account: Pick<StaffAccount, 'email' | 'displayName'>): string {
  if (account.displayName) return account.displayName;
  const word = account.email.split('@')[0].split(/[._+-]/)[0] ?? account.email;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function staffId(email: string): string {
  return createHash('sha256').update(`staff:${normalizeEmail(email)}`).digest('hex');
}

export class StaffAccounts {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    /** Tests may lower the KDF cost; production uses the default. */
    private readonly kdf?: ScryptParams,
  ) {}

  /** Creates an account; ConflictError when the email is taken. */
  async add(input: NewStaffAccount): Promise<Stored<StaffAccount>> {
    if (!isEmail(input.email)) throw new Error('email is not valid');
    const problem = input.password === null ? undefined : passwordProblem(input.password);
    if (problem) throw new Error(problem);
    const email = normalizeEmail(input.email);
    const now = this.clock().toISOString();
    const id = staffId(email);
    return this.store.create<StaffAccount>(STAFF, {
      id,
      pk: id,
      email,
      role: input.role,
      passwordHash: input.password === null ? '' : await hashPassword(input.password, this.kdf),
      aadObjectId: input.aadObjectId ?? null,
      displayName: input.displayName?.trim() || null,
      language: input.language ?? 'en',
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  async get(id: string): Promise<Stored<StaffAccount> | undefined> {
    return this.store.get<StaffAccount>(STAFF, id, id);
  }

  async byEmail(email: string): Promise<Stored<StaffAccount> | undefined> {
    return this.get(staffId(email));
  }

  /** The account a Teams user (Azure AD object id) is mapped to, if any. */
  async byAadObjectId(aadObjectId: string): Promise<Stored<StaffAccount> | undefined> {
    const page = await this.store.query<StaffAccount>(STAFF, { where: [{ field: 'aadObjectId', op: '=', value: aadObjectId }], limit: 1 });
    return page.items[0];
  }

  async list(): Promise<Stored<StaffAccount>[]> {
    return (await this.store.query<StaffAccount>(STAFF, {})).items.sort((a, b) => a.email.localeCompare(b.email));
  }

  /** eTag-safe read-modify-write. */
  async update(id: string, change: (account: StaffAccount) => void): Promise<Stored<StaffAccount>> {
    const result = await updateDocument<StaffAccount>(this.store, STAFF, id, id, (next) => {
      change(next);
      next.updatedAt = this.clock().toISOString();
      return next;
    });
    if (!result) throw new Error('no such staff account');
    return result.doc;
  }
}
