import { z } from 'zod';
import { PlanSuggestion, PlanVersion, SafetyPlanError } from '../../safetyPlan/records';
import { contactFromText, isContactSection } from '../../safetyPlan/sections';
import { Stored } from '../../store/port';
import { StaffCore } from '../staffCore';
import { Authorized, StaffGuard } from './guard';
import { param, parse } from './params';
import { bodyOf } from './web';

const BASE = '/api/staff/participants/:id/safety-plan';

/** The version a write is based on: its eTag from the last read, null when there was no plan. */
const etagField = z.string().min(1).max(200).nullable();
const saveBody = z.object({ etag: etagField, sections: z.unknown() }).strict();
const acceptBody = z.object({ etag: etagField, item: z.unknown().optional() }).strict();

/**
 * The participant's safety plan for clinicians (and admins): read it with its
 * versions and the participant's open suggestions, save a new version,
 * accept a suggestion (as written or edited) or dismiss it. Every read and
 * write is audited with ids, version numbers and part names, never the text.
 * Writes name the version they edit by its eTag; a stale one gets 412.
 */
export function registerSafetyPlanRoutes(guard: StaffGuard, core: StaffCore): void {
  const plans = core.safetyPlans;

  const participantOf = async (a: Authorized): Promise<string> => {
    const id = param(a.req, 'id');
    if (!(await core.participants.get(id))) throw new SafetyPlanError('not_found', 'no such participant');
    return id;
  };

  guard.api('get', BASE, false, async (a) => {
    const id = await participantOf(a);
    const [plan, versions, suggestions] = await Promise.all([plans.current(id), plans.versions(id), plans.openSuggestions(id)]);
    await a.audit({ action: 'safetyplan.view', recordType: 'safetyplan', recordId: id, participantId: id, detail: { version: plan?.version ?? 0, suggestions: suggestions.length } });
    a.res.send(200, {
      plan: plan ? planJson(plan) : null,
      etag: plan?._etag ?? null,
      versions: versions.map(({ version, editedAt, editedBy, changed, suggestionId }) => ({ version, editedAt, editedBy, changed, suggestionId })),
      suggestions: suggestions.map(suggestionJson),
    });
  });

  guard.api('get', `${BASE}/versions/:version`, false, async (a) => {
    const id = await participantOf(a);
    const number = Number(param(a.req, 'version'));
    const version = Number.isInteger(number) && number > 0 ? await plans.version(id, number) : undefined;
    if (!version) throw new SafetyPlanError('not_found', 'no such version');
    await a.audit({ action: 'safetyplan.view', recordType: 'safetyplan', recordId: id, participantId: id, detail: { version: version.version } });
    a.res.send(200, planJson(version));
  });

  guard.api('put', BASE, false, async (a) => {
    const id = await participantOf(a);
    const body = parse(saveBody, bodyOf(a.req));
    const { plan, changed } = await plans.save(id, body.sections, body.etag, a.viewer.email);
    await a.audit({ action: 'safetyplan.save', recordType: 'safetyplan', recordId: id, participantId: id, detail: { version: plan.version, changed: changed.join(' ') } });
    a.res.send(200, { plan: planJson(plan), etag: plan._etag, changed });
  });

  guard.api('post', `${BASE}/suggestions/:suggestionId/accept`, false, async (a) => {
    const id = await participantOf(a);
    const body = parse(acceptBody, bodyOf(a.req));
    const { plan, suggestion } = await plans.accept(id, param(a.req, 'suggestionId'), body.etag, a.viewer.email, body.item);
    await a.audit({
      action: 'safetyplan.accept',
      recordType: 'safetyplan',
      recordId: id,
      participantId: id,
      detail: { version: plan.version, section: suggestion.section, suggestion: suggestion.id, edited: body.item !== undefined },
    });
    a.res.send(200, { plan: planJson(plan), etag: plan._etag });
  });

  guard.api('post', `${BASE}/suggestions/:suggestionId/dismiss`, false, async (a) => {
    const id = await participantOf(a);
    const suggestion = await plans.dismiss(id, param(a.req, 'suggestionId'), a.viewer.email);
    await a.audit({ action: 'safetyplan.dismiss', recordType: 'safetyplan', recordId: id, participantId: id, detail: { section: suggestion.section, suggestion: suggestion.id } });
    a.res.send(200, { status: suggestion.status });
  });
}

function planJson(v: PlanVersion) {
  return { version: v.version, sections: v.sections, editedAt: v.editedAt, editedBy: v.editedBy, changed: v.changed };
}

/** A contact part's suggestion comes with a name/phone draft for the accept form. */
function suggestionJson(s: Stored<PlanSuggestion>) {
  return {
    id: s.id,
    section: s.section,
    text: s.text,
    createdAt: s.createdAt,
    channel: s.channel,
    draft: isContactSection(s.section) ? contactFromText(s.text) : s.text,
  };
}

