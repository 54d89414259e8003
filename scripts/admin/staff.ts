import { isLanguage } from '../../bot/i18n';
import { silentLogger } from '../../bot/log';
import { AuditLog, AuditInput } from '../../bot/staff/audit';
import { SignInGuard } from '../../bot/staff/signInGuard';
import { StaffSessions } from '../../bot/staff/sessions';
import { isEmail, normalizeEmail, STAFF_ROLES, StaffAccounts, StaffRole } from '../../bot/staff/staffAccounts';
import { ConflictError } from '../../bot/store/port';
import { AdminContext, UsageError, parseFlags } from './context';

const USAGE = `usage:
  npm run admin -- staff add --email a@clinic.org --role clinician|admin --password-stdin [--language en|es] [--aad-object-id ID] [--name "Maria"]
      (with STAFF_PASSWORD_SIGNIN=false: no --password-stdin; the account signs in with Microsoft)
  npm run admin -- staff list [--json]
  npm run admin -- staff link-teams --email a@clinic.org --aad-object-id ID   (map a Teams user for card actions)
  npm run admin -- staff unlock --email a@clinic.org                          (clear failed sign-ins)
  npm run admin -- staff disable --email a@clinic.org                         (ends every session)`;

/** `staff add | list | link-teams | unlock | disable`: care-team accounts. Each change is audited (channel 'cli'). */
export async function staffCommand(ctx: AdminContext, args: string[], stdin: NodeJS.ReadableStream = process.stdin): Promise<void> {
  const [action, ...rest] = args;
  const accounts = new StaffAccounts(ctx.store, ctx.clock);
  const audit = (input: Omit<AuditInput, 'actor' | 'actorRole' | 'channel' | 'recordType'>) =>
    new AuditLog(ctx.store, ctx.clock).record({ ...input, actor: null, actorRole: 'operator', channel: 'cli', recordType: 'staff' });

  if (action === 'add') {
    const { values } = parseFlags(rest, {
      email: { type: 'string' },
      role: { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
      language: { type: 'string', default: 'en' },
      'aad-object-id': { type: 'string' },
      // How messages to participants are signed ("— Maria, your care team").
      name: { type: 'string' },
    }, USAGE);
    if (values.name !== undefined && (values.name.trim() === '' || values.name.length > 40)) throw new UsageError('refused: --name must be 1 to 40 characters');
    if (!values.email || !isEmail(values.email)) throw new UsageError(`refused: --email must be an email address\n${USAGE}`);
    if (!STAFF_ROLES.includes(values.role as StaffRole)) throw new UsageError(`refused: --role must be one of ${STAFF_ROLES.join(', ')}`);
    if (!isLanguage(values.language)) throw new UsageError('refused: --language must be en or es');
    const password = await passwordOf(ctx, values['password-stdin'], stdin);
    try {
      const account = await accounts.add({
        email: values.email,
        role: values.role as StaffRole,
        password,
        language: values.language,
        aadObjectId: values['aad-object-id'] ?? null,
        displayName: values.name ?? null,
      });
      await audit({ action: 'staff.add', recordId: account.id, detail: { role: account.role } });
      ctx.out(`staff ${account.email} (${account.role}) added`);
    } catch (err) {
      if (err instanceof ConflictError) throw new UsageError(`refused: ${normalizeEmail(values.email)} already has an account`);
      if (err instanceof Error && /password|email/.test(err.message)) throw new UsageError(`refused: ${err.message}`);
      throw err;
    }
    return;
  }
  if (action === 'list') {
    const { values } = parseFlags(rest, { json: { type: 'boolean', default: false } }, USAGE);
    const all = (await accounts.list()).map(({ email, role, language, aadObjectId, disabledAt, createdAt }) => ({ email, role, language, aadObjectId, disabledAt, createdAt }));
    if (values.json) ctx.out(JSON.stringify(all, null, 2));
    else for (const a of all) ctx.out(`${a.email.padEnd(32)} ${a.role.padEnd(9)} ${a.language}  teams:${a.aadObjectId ? 'linked' : '-'}${a.disabledAt ? '  disabled' : ''}`);
    return;
  }
  if (action === 'link-teams' || action === 'unlock' || action === 'disable') {
    const { values } = parseFlags(rest, { email: { type: 'string' }, 'aad-object-id': { type: 'string' } }, USAGE);
    const account = values.email ? await accounts.byEmail(values.email) : undefined;
    if (!account) throw new UsageError('refused: no staff account with that --email');
    if (action === 'link-teams') {
      const aad = values['aad-object-id'];
      if (!aad) throw new UsageError('refused: --aad-object-id is required');
      await accounts.update(account.id, (a) => {
        a.aadObjectId = aad;
      });
      await audit({ action: 'staff.link', recordId: account.id });
      ctx.out(`staff ${account.email} linked to Teams user ${aad}`);
    } else if (action === 'unlock') {
      await new SignInGuard(ctx.store, ctx.clock, { maxFailures: 1, lockMinutes: ctx.config.staff.signInLockMinutes, baseDelayMs: 0, maxDelayMs: 0 }, silentLogger()).clear(account.email);
      await audit({ action: 'staff.unlock', recordId: account.id });
      ctx.out(`staff ${account.email} may sign in again`);
    } else {
      await accounts.update(account.id, (a) => {
        a.disabledAt = ctx.clock().toISOString();
      });
      await new StaffSessions(ctx.store, ctx.clock, ctx.config.staff.sessionIdleMinutes).endAllFor(account.id);
      await audit({ action: 'staff.disable', recordId: account.id });
      ctx.out(`staff ${account.email} disabled; sessions ended`);
    }
    return;
  }
  throw new UsageError(USAGE);
}

/** The new account's password from stdin; none when password sign-in is off (nobody could use it). */
async function passwordOf(ctx: AdminContext, fromStdin: boolean, stdin: NodeJS.ReadableStream): Promise<string | null> {
  if (!ctx.config.staff.passwordSignIn) {
    if (fromStdin) throw new UsageError('refused: password sign-in is off (STAFF_PASSWORD_SIGNIN=false): staff sign in with Microsoft, so drop --password-stdin');
    return null;
  }
  if (!fromStdin) throw new UsageError('refused: pass the password on standard input with --password-stdin (never as an argument)');
  return readPassword(stdin);
}

/** The whole of standard input, less one trailing newline (echo and heredocs add one). */
async function readPassword(stdin: NodeJS.ReadableStream): Promise<string> {
  if ((stdin as NodeJS.ReadStream).isTTY) throw new UsageError('refused: pipe the password in, e.g. `read -rs PW; printf %s "$PW" | npm run admin -- staff add …`');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
