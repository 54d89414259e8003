import { applyMeasureSettings, measureSettingsBodySchema } from '../../measures/measureSettingsInput';
import { MeasurePlanFields, measureSettingsOf } from '../../measures/plan';
import { ParticipantActionError } from '../participantAdmin';
import { StaffCore } from '../staffCore';
import { Authorized, StaffGuard } from './guard';
import { param, parse } from './params';
import { bodyOf } from './web';

const PATH = '/api/staff/participants/:id/measure-settings';
const FIELDS = ['substanceUse', 'fullMeasures', 'fullMeasuresEveryWeeks', 'bamEveryWeeks'] as const;

/**
 * A participant's measure settings on the dashboard, for every clinician (a
 * clinical choice, like the safety plan): the stepped weekly screen or a full
 * PHQ-9/GAD-7 every N weeks, and whether the program includes substance use
 * (the BAM every N weeks). Blank weeks mean the program's default
 * (MEASURES_*_EVERY_WEEKS). The same settings as `admin participant measures`
 * (bot/measures/measureSettingsInput.ts). Reads and saves are audited with
 * the names of the fields changed, never their values.
 */
export function registerMeasureSettingsRoutes(guard: StaffGuard, core: StaffCore): void {
  const defaults = core.config.measures;
  const view = (p: MeasurePlanFields) => ({
    substanceUse: p.substanceUse === true,
    fullMeasures: p.fullMeasures === true,
    fullEveryWeeks: p.fullMeasuresEveryWeeks ?? null,
    bamEveryWeeks: p.bamEveryWeeks ?? null,
    defaults,
    effective: measureSettingsOf(p, defaults),
  });
  const participantOf = async (a: Authorized) => {
    const id = param(a.req, 'id');
    const participant = await core.participants.get(id);
    if (!participant) throw new ParticipantActionError('not_found', 'no such participant');
    return participant;
  };

  guard.api('get', PATH, false, async (a) => {
    const participant = await participantOf(a);
    await a.audit({ action: 'participant.measures_view', recordType: 'participant', recordId: participant.id, participantId: participant.id });
    a.res.send(200, view(participant));
  });

  guard.api('put', PATH, false, async (a) => {
    const { id } = await participantOf(a);
    // Checked before anything is written: a bad body changes nothing.
    const input = parse(measureSettingsBodySchema, bodyOf(a.req));
    let changed: string[] = [];
    const updated = await core.participants.update(id, (p) => {
      const before = FIELDS.map((f) => p[f] ?? null);
      applyMeasureSettings(p, input);
      changed = FIELDS.filter((f, i) => (p[f] ?? null) !== before[i]);
    });
    await a.audit({ action: 'participant.measures_update', recordType: 'participant', recordId: id, participantId: id, detail: { changed: changed.join(' ') } });
    a.res.send(200, { ...view(updated), changed });
  });
}
