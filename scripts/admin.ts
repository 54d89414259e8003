/**
 * Operator commands: `npm run admin -- <area> <action> [flags]`.
 * Areas: participant (enrollment), sessions, staff (care-team accounts), lessons (each track's weekly lessons). Each area lives in scripts/admin/<area>.ts.
 */
import { openAdminContext, runCommand, UsageError } from './admin/context';
import { participantCommand } from './admin/participants';
import { sessionsCommand } from './admin/sessions';
import { staffCommand } from './admin/staff';
import { lessonsCommand } from './admin/lessons';
import { AdminContext } from './admin/context';

const AREAS: Record<string, (ctx: AdminContext, args: string[]) => Promise<void>> = {
  participant: participantCommand,
  sessions: sessionsCommand,
  staff: staffCommand,
  lessons: lessonsCommand,
};

void runCommand(async () => {
  const [area, ...args] = process.argv.slice(2);
  const command = area ? AREAS[area] : undefined;
  if (!command) throw new UsageError(`usage: npm run admin -- <${Object.keys(AREAS).join('|')}> …`);
  const ctx = await openAdminContext();
  try {
    await command(ctx, args);
  } finally {
    await ctx.store.close();
  }
});
