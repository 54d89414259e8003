import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Clock } from '../clock';
import { updateDocument } from '../store/etagUpdate';
import { ConflictError, DocumentStore, Stored } from '../store/port';
import { queryAll } from '../store/queryAll';
import { PlanSuggestion, PlanVersion, SAFETY_PLANS, SafetyPlanError, SuggestionStatus } from './records';
import {
  changedSections,
  emptySections,
  isSectionName,
  itemSchema,
  PlanSections,
  planSectionsSchema,
  SectionItem,
  SectionName,
} from './sections';

/** A participant's words are kept whole up to this; staff shorten them to an item (MAX_ITEM_LENGTH) when they add them. */
const MAX_SUGGESTION_LENGTH = 1000;
const VERSIONS_LISTED = 50;

/**
 * The store side of safety plans (collection `safetyPlans`, pk = participantId).
 *
 * Every edit is a new version document made by a conditional create: two
 * staff saving on the same version cannot both win (the second gets
 * "stale"), and no edit overwrites another. The caller names the version it
 * edited by that version's eTag (null for a first plan), so a save over a
 * plan that changed since it was read is refused rather than merged blindly.
 */
export class SafetyPlans {
  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  /** The newest version, or undefined when the participant has no plan yet. */
  async current(participantId: string): Promise<Stored<PlanVersion> | undefined> {
    return (await this.newestVersions(participantId, 1))[0];
  }

  async version(participantId: string, version: number): Promise<Stored<PlanVersion> | undefined> {
    return this.store.get<PlanVersion>(SAFETY_PLANS, participantId, versionId(version));
  }

  /** The newest versions first, at most VERSIONS_LISTED. */
  async versions(participantId: string): Promise<Stored<PlanVersion>[]> {
    return this.newestVersions(participantId, VERSIONS_LISTED);
  }

  /** Saves a whole plan as staff wrote it. `etag` is the version edited (null: there is no plan yet). */
  async save(participantId: string, input: unknown, etag: string | null, editor: string): Promise<{ plan: Stored<PlanVersion>; changed: SectionName[] }> {
    const parsed = planSectionsSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error);
    const base = await this.base(participantId, etag);
    const changed = changedSections(base?.sections ?? emptySections(), parsed.data);
    if (base && changed.length === 0) return { plan: base, changed };
    return { plan: await this.createVersion(participantId, base, parsed.data, changed, editor, null), changed };
  }

  /**
   * Stores what the participant asked to add. `dedupeKey` (the channel's
   * activity id) makes a re-run turn find its own suggestion instead of adding it twice.
   */
  async suggest(participantId: string, input: { section: SectionName; text: string; channel: string; dedupeKey: string }): Promise<Stored<PlanSuggestion>> {
    const text = input.text.trim().slice(0, MAX_SUGGESTION_LENGTH);
    const id = `suggestion:${createHash('sha256').update(`${input.channel}:${input.dedupeKey}`).digest('hex').slice(0, 24)}`;
    try {
      return await this.store.create<PlanSuggestion>(SAFETY_PLANS, {
        id,
        pk: participantId,
        kind: 'suggestion',
        participantId,
        section: input.section,
        text,
        createdAt: this.clock().toISOString(),
        channel: input.channel,
        status: 'open',
        decidedAt: null,
        decidedBy: null,
        version: null,
      });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      return (await this.store.get<PlanSuggestion>(SAFETY_PLANS, participantId, id))!;
    }
  }

  /** Suggestions staff have not decided on, oldest first. */
  async openSuggestions(participantId: string): Promise<Stored<PlanSuggestion>[]> {
    const open = await queryAll<PlanSuggestion>(this.store, SAFETY_PLANS, {
      pk: participantId,
      where: [
        { field: 'pk', op: '=', value: participantId },
        { field: 'kind', op: '=', value: 'suggestion' },
        { field: 'status', op: '=', value: 'open' },
      ],
      orderBy: [{ field: 'createdAt', dir: 'asc' }],
      limit: 100,
    });
    const undecided: Stored<PlanSuggestion>[] = [];
    for (const suggestion of open) if (!(await this.finishInterruptedAccept(suggestion))) undecided.push(suggestion);
    return undecided;
  }

  /**
   * Takes a suggestion into the plan as a new version: its text, or the item
   * staff edited it into (a contact part needs a name and a phone).
   */
  async accept(
    participantId: string,
    suggestionId: string,
    etag: string | null,
    editor: string,
    edited?: unknown,
  ): Promise<{ plan: Stored<PlanVersion>; suggestion: Stored<PlanSuggestion> }> {
    const suggestion = await this.openSuggestion(participantId, suggestionId);
    const finished = await this.finishInterruptedAccept(suggestion);
    if (finished) return { plan: (await this.current(participantId))!, suggestion: finished };
    const parsed = itemSchema(suggestion.section).safeParse(edited ?? suggestion.text);
    if (!parsed.success) throw invalid(parsed.error);
    const base = await this.base(participantId, etag);
    const sections = structuredClone(base?.sections ?? emptySections());
    const list = sections[suggestion.section] as SectionItem[];
    list.push(parsed.data);
    const reparsed = planSectionsSchema.safeParse(sections);
    if (!reparsed.success) throw invalid(reparsed.error);
    const plan = await this.createVersion(participantId, base, reparsed.data, [suggestion.section], editor, suggestion.id);
    return { plan, suggestion: await this.decide(suggestion, 'accepted', editor, plan.version) };
  }

  async dismiss(participantId: string, suggestionId: string, editor: string): Promise<Stored<PlanSuggestion>> {
    const suggestion = await this.openSuggestion(participantId, suggestionId);
    if (await this.finishInterruptedAccept(suggestion)) throw new SafetyPlanError('stale', 'the suggestion was already accepted');
    return this.decide(suggestion, 'dismissed', editor, null);
  }

  /**
   * Accepting writes the new version first and marks the suggestion second, so
   * a crash between the two leaves a version that took the suggestion in while
   * the suggestion still reads "open". Found here, the acceptance is completed
   * (as the version's editor, with its number) instead of the words going into
   * the plan twice. Returns the completed suggestion, or undefined when no version took it in.
   */
  private async finishInterruptedAccept(suggestion: Stored<PlanSuggestion>): Promise<Stored<PlanSuggestion> | undefined> {
    const taken = await this.store.query<PlanVersion>(SAFETY_PLANS, {
      pk: suggestion.pk,
      where: [
        { field: 'pk', op: '=', value: suggestion.pk },
        { field: 'kind', op: '=', value: 'version' },
        { field: 'suggestionId', op: '=', value: suggestion.id },
      ],
      limit: 1,
    });
    const version = taken.items[0];
    if (!version) return undefined;
    // Two readers may complete it at once: whichever writes second finds it decided, which is the same outcome.
    return (await this.markDecided(suggestion, 'accepted', version.editedBy, version.version))?.doc;
  }

  /** One page of the participant's versions, newest first (one partition, ordered by the `version` index). */
  private async newestVersions(participantId: string, limit: number): Promise<Stored<PlanVersion>[]> {
    const page = await this.store.query<PlanVersion>(SAFETY_PLANS, {
      pk: participantId,
      // The pk repeated as a condition: the Cosmos emulator does not scope queries to a partition.
      where: [
        { field: 'pk', op: '=', value: participantId },
        { field: 'kind', op: '=', value: 'version' },
      ],
      orderBy: [{ field: 'version', dir: 'desc' }],
      limit,
    });
    return page.items;
  }

  private async base(participantId: string, etag: string | null): Promise<Stored<PlanVersion> | undefined> {
    const current = await this.current(participantId);
    if ((current?._etag ?? null) !== etag) throw new SafetyPlanError('stale', 'the plan changed since it was read; reload it');
    return current;
  }

  private async createVersion(
    participantId: string,
    base: PlanVersion | undefined,
    sections: PlanSections,
    changed: SectionName[],
    editor: string,
    suggestionId: string | null,
  ): Promise<Stored<PlanVersion>> {
    const version = (base?.version ?? 0) + 1;
    try {
      return await this.store.create<PlanVersion>(SAFETY_PLANS, {
        id: versionId(version),
        pk: participantId,
        kind: 'version',
        participantId,
        version,
        sections,
        editedAt: this.clock().toISOString(),
        editedBy: editor,
        changed,
        suggestionId,
      });
    } catch (err) {
      if (err instanceof ConflictError) throw new SafetyPlanError('stale', 'someone else saved the plan first; reload it');
      throw err;
    }
  }

  private async openSuggestion(participantId: string, suggestionId: string): Promise<Stored<PlanSuggestion>> {
    const suggestion = await this.store.get<PlanSuggestion>(SAFETY_PLANS, participantId, suggestionId);
    if (!suggestion || suggestion.kind !== 'suggestion' || !isSectionName(suggestion.section)) throw new SafetyPlanError('not_found', 'no such suggestion');
    if (suggestion.status !== 'open') throw new SafetyPlanError('stale', `the suggestion was already ${suggestion.status}`);
    return suggestion;
  }

  /** Marks an open suggestion decided; one decided by someone else in between is "stale". */
  private async decide(suggestion: Stored<PlanSuggestion>, status: SuggestionStatus, editor: string, version: number | null): Promise<Stored<PlanSuggestion>> {
    const result = await this.markDecided(suggestion, status, editor, version);
    if (!result?.changed) throw new SafetyPlanError('stale', 'the suggestion was decided by someone else');
    return result.doc;
  }

  private markDecided(suggestion: Stored<PlanSuggestion>, status: SuggestionStatus, editor: string, version: number | null) {
    return updateDocument<PlanSuggestion>(this.store, SAFETY_PLANS, suggestion.pk, suggestion.id, (current) =>
      current.status === 'open' ? { ...current, status, decidedAt: this.clock().toISOString(), decidedBy: editor, version } : undefined,
    );
  }
}

function versionId(version: number): string {
  return `version:${String(version).padStart(6, '0')}`;
}

function invalid(error: z.ZodError): SafetyPlanError {
  const issue = error.issues[0];
  return new SafetyPlanError('invalid', `${issue.path.join('.') || 'plan'}: ${issue.message}`);
}

