import { participantFieldsSchema } from '../../bot/domain/participantInput';
import { applyMeasureSettings, measureSettingsInputSchema } from '../../bot/measures/measureSettingsInput';
import { measureSettingsOf } from '../../bot/measures/plan';
import { rescheduleParticipant } from '../../bot/outreach/reschedule';
import { FlagRepository } from '../../bot/flags/repository';
import { AuditLog } from '../../bot/staff/audit';
import { Caseload } from '../../bot/staff/caseload';
import { ParticipantActionError } from '../../bot/staff/participantAdmin';
import { InvalidInputError } from '../../bot/errors';
import { normalizeEmail, StaffAccounts } from '../../bot/staff/staffAccounts';
import { AdminContext, UsageError, parseFlags } from './context';

const USAGE = `usage:
  npm run admin -- participant add --name "Ana R" --lang es --tz America/Chicago --track evening --checkin 19:00 [--screen-day 1] [--substance-use] [--full-measures] [--json]
  npm run admin -- participant list [--json]
  npm run admin -- participant code ID [--json]     (a new one-time enrollment code)
  npm run admin -- participant assign ID (--counsellor EMAIL | --nobody)   (the participant's counsellor; audited)
  npm run admin -- participant measures ID [--substance-use yes|no] [--full-every N|default|off] [--bam-every N|default] [--json]
      (full PHQ-9/GAD-7 every N weeks instead of the stepped screen; BAM every N weeks for substance use)`;

/** `participant add | list | code | assign`: enrollment done by the care team's operator. */
export async function participantCommand(ctx: AdminContext, args: string[]): Promise<void> {
  const [action, ...rest] = args;
  if (action === 'add') return add(ctx, rest);
  if (action === 'list') return list(ctx, rest);
  if (action === 'code') return newCode(ctx, rest);
  if (action === 'assign') return assign(ctx, rest);
  if (action === 'measures') return measureSettings(ctx, rest);
  throw new UsageError(USAGE);
}

async function add(ctx: AdminContext, args: string[]): Promise<void> {
  const { values } = parseFlags(args, {
    name: { type: 'string' },
    lang: { type: 'string' },
    tz: { type: 'string' },
    track: { type: 'string' },
    checkin: { type: 'string' },
    'screen-day': { type: 'string', default: '1' },
    'substance-use': { type: 'boolean', default: false },
    'full-measures': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  }, USAGE);
  const parsed = participantFieldsSchema(ctx.config.quietHours).safeParse({
    displayName: values.name ?? '',
    language: values.lang ?? ctx.config.defaultLanguage,
    timeZone: values.tz ?? ctx.config.programTimeZone,
    track: values.track,
    checkinTime: values.checkin,
    screenWeekday: values['screen-day'],
  });
  if (!parsed.success) throw new UsageError(`refused: ${parsed.error.issues[0].message}`);
  const participant = await ctx.participants.add({
    ...parsed.data,
    reminders: { enabled: true, leadMinutes: 60 },
    substanceUse: values['substance-use'],
    fullMeasures: values['full-measures'],
  });
  await rescheduleParticipant(ctx, participant.id);
  const enrollmentCode = await ctx.participants.issueEnrollmentCode(participant.id, ctx.config.enrollmentCodeDays);
  if (values.json) ctx.out(JSON.stringify({ id: participant.id, enrollmentCode }));
  else {
    ctx.out(`participant ${participant.id}`);
    ctx.out(`enrollment code ${enrollmentCode} (one use, valid ${ctx.config.enrollmentCodeDays} days)`);
  }
}

async function list(ctx: AdminContext, args: string[]): Promise<void> {
  const { values } = parseFlags(args, { json: { type: 'boolean', default: false } }, USAGE);
  const all = (await ctx.participants.list()).map(({ _etag, ...p }) => p);
  if (values.json) {
    ctx.out(JSON.stringify(all, null, 2));
    return;
  }
  for (const p of all) ctx.out(`${p.id}  ${p.language}  ${p.track.padEnd(9)} ${p.checkinTime}  ${p.timeZone}  ${p.status}`);
}

async function newCode(ctx: AdminContext, args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(args, { json: { type: 'boolean', default: false } }, USAGE, true);
  const id = positionals[0];
  if (!id || !(await ctx.participants.get(id))) throw new UsageError('refused: no participant with that id');
  const enrollmentCode = await ctx.participants.issueEnrollmentCode(id, ctx.config.enrollmentCodeDays);
  ctx.out(values.json ? JSON.stringify({ id, enrollmentCode }) : `enrollment code ${enrollmentCode}`);
}

async function assign(ctx: AdminContext, args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(args, { counsellor: { type: 'string' }, nobody: { type: 'boolean', default: false } }, USAGE, true);
  const id = positionals[0];
  if (!id) throw new UsageError(`refused: which participant?\n${USAGE}`);
  if ((values.counsellor === undefined) === !values.nobody) throw new UsageError(`refused: give --counsellor EMAIL or --nobody\n${USAGE}`);
  const caseload = new Caseload(ctx.participants, new FlagRepository(ctx.store), new StaffAccounts(ctx.store, ctx.clock));
  let result;
  try {
    result = await caseload.assign(id, values.nobody ? null : normalizeEmail(values.counsellor!));
  } catch (err) {
    // An unknown counsellor is a refused input (InvalidInputError), a missing participant a refused action.
    if (err instanceof ParticipantActionError || err instanceof InvalidInputError) throw new UsageError(`refused: ${err.message}`);
    throw err;
  }
  await new AuditLog(ctx.store, ctx.clock).record({
    actor: null,
    actorRole: 'operator',
    channel: 'cli',
    action: 'participant.assign',
    recordType: 'participant',
    recordId: id,
    participantId: id,
    detail: { staffId: result.staff?.id ?? null, changed: result.changed },
  });
  ctx.out(`participant ${id} counsellor ${result.staff?.email ?? 'nobody'}${result.changed ? '' : ' (unchanged)'}`);
}

async function measureSettings(ctx: AdminContext, args: string[]): Promise<void> {
  const { values, positionals } = parseFlags(args, {
    'substance-use': { type: 'string' },
    'full-every': { type: 'string' },
    'bam-every': { type: 'string' },
    json: { type: 'boolean', default: false },
  }, USAGE, true);
  const id = positionals[0];
  if (!id || !(await ctx.participants.get(id))) throw new UsageError('refused: no participant with that id');
  const parsed = measureSettingsInputSchema.safeParse({ substanceUse: values['substance-use'], fullEvery: values['full-every'], bamEvery: values['bam-every'] });
  if (!parsed.success) throw new UsageError(`refused: ${parsed.error.issues[0].message}`);
  const updated = await ctx.participants.update(id, (p) => applyMeasureSettings(p, parsed.data));
  const settings = measureSettingsOf(updated, ctx.config.measures);
  if (values.json) ctx.out(JSON.stringify({ id, ...settings }));
  else {
    const full = settings.fullEveryWeeks === null ? 'stepped weekly screen' : `full PHQ-9/GAD-7 every ${settings.fullEveryWeeks} weeks`;
    const bam = settings.substanceUse ? `BAM every ${settings.bamEveryWeeks} weeks` : 'no BAM';
    ctx.out(`participant ${id}: ${full}; ${bam}`);
  }
}
