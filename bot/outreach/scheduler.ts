import { countOutreach } from '../telemetry/outreachTelemetry';
import { inSpan } from '../telemetry/telemetry';
import { randomUUID } from 'node:crypto';
import type { i18n } from 'i18next';
import { MessageSpec } from '../channels/prompt';
import { renderPrompt } from '../channels/render';
import { OutreachConfig } from '../config';
import { CheckIns } from '../domain/checkins';
import { FlagService } from '../flags/service';
import { localDateOf } from '../domain/localTime';
import { ChannelAddress, Participant } from '../domain/participant';
import { Participants } from '../domain/participants';
import { attends, occurrenceOn, ProgramSession, ProgramSessions } from '../domain/sessions';
import { Language, Translate, translatorFor } from '../i18n';
import { Logger } from '../log';
import { DocumentStore, Stored } from '../store/port';
import { DailyDueEntry, DueEntries, DueEntry, LessonDueEntry, NewDueEntry, OutreachKind, ReminderDueEntry, slotOf } from './dueEntries';
import { ClaimHold } from './claimHold';
import { Ledger, LedgerEntry, ledgerKey } from './ledger';
import {
  checkinInstant,
  deliveryAddress,
  followingCheckinEntry,
  followupBeforeQuietHours,
  followupEntry,
  nextReminderEntry,
  reach,
  reminderInstant,
  reminderPolicy,
  SkipReason,
  splitOccurrenceId,
} from './planner';
import { inQuietHours, QuietHours, quietHoursEnd } from './quietHours';
import { heldForSafety } from '../safety/episodeHold';
import { Delivery, Sender } from './sender';
import { CHECKIN_FOLLOWUP, CHECKIN_PROMPT, LESSON_OPENER, reminderSpec } from './texts';
import { LessonAssignments } from '../lessons/assignments';
import { LessonDeliveries } from '../lessons/deliveries';
import { LessonSchedule } from '../lessons/lessonSchedule';
import { addDays } from '../domain/localTime';

export interface SchedulerDeps {
  store: DocumentStore;
  participants: Participants;
  checkins: CheckIns;
  flags: Pick<FlagService, 'raise' | 'listForParticipant'>;
  i18n: i18n;
  quietHours: QuietHours;
  outreach: Pick<OutreachConfig, 'followupHours' | 'leaseSeconds' | 'concurrency' | 'lessonWeekdays' | 'quietReminder'>;
  log: Logger;
  /** Absent for dry runs, which never send. */
  sender?: Sender;
  /** Identifies this instance's claims in the ledger. */
  owner?: string;
  /** Monotonic milliseconds: how far a long tick has got past its instant (rate-limited SMS take a while). */
  monotonic?: () => number;
}

/** What one tick did (or, in a dry run, would do). */
export interface TickReport {
  at: string;
  dryRun: boolean;
  durationMs: number;
  /** Entries due at the tick's instant. */
  due: number;
  sent: number;
  failed: number;
  skipped: Partial<Record<SkipReason, number>>;
  /** Entries moved later without sending: a changed check-in time or lead, quiet hours before a meeting. */
  deferred: number;
  /** Claimed by another live tick or instance (or, in a dry run, already sent); left alone. */
  inFlight: number;
  /** Entries whose handling threw (store trouble): they stay due and the next tick tries again. */
  errors: number;
  /** Dry run only: the messages that would go out. */
  planned: PlannedSend[];
}

export interface PlannedSend {
  participantId: string;
  kind: OutreachKind;
  channelId: string;
  dueAt: string;
  key: string;
}

/**
 * What to do with one due entry. `missed`: the local date of a prompt that is
 * the second unanswered one in a row, whose missed-check-ins flag goes up first.
 */
type SendPlan = {
  action: 'send';
  participant: Stored<Participant>;
  key: string;
  spec: MessageSpec;
  address: ChannelAddress;
  next: NewDueEntry | null;
  missed: string | null;
  /** What else a sent message records (a lesson's delivery). */
  onSent?: (at: Date) => Promise<void>;
};
type Plan = SendPlan | { action: 'skip'; reason: SkipReason; next: NewDueEntry | null; missed?: string | null } | { action: 'defer'; next: NewDueEntry };

interface TickContext {
  at: Date;
  dryRun: boolean;
  report: TickReport;
  /** The tick's instant plus the real time spent so far. */
  now(): Date;
  sessions(): Promise<ProgramSession[]>;
}

/**
 * One tick: read the due entries (one indexed query), and for each decide
 * against the participant's current record: send, skip (counted, with a
 * reason) or defer. A send claims its ledger key first; exactly one claim
 * wins across ticks and instances. Every entry is then replaced by the next
 * of its chain with its eTag, so a concurrent change is never overwritten.
 */
export class OutreachScheduler {
  private readonly due: DueEntries;
  private readonly ledger: Ledger;
  private readonly sessions: ProgramSessions;
  private readonly lessons: LessonSchedule;
  private readonly lessonDeliveries: LessonDeliveries;
  private readonly owner: string;
  private readonly monotonic: () => number;
  /** Entries this process is working on: an overlapping tick leaves them alone. */
  private readonly working = new Set<string>();
  private stopping = false;
  private readonly translators = new Map<Language, Translate>();

  constructor(private readonly deps: SchedulerDeps) {
    this.due = new DueEntries(deps.store);
    this.ledger = new Ledger(deps.store);
    // Only list() is used here; the clock would stamp sessions a tick never adds.
    this.sessions = new ProgramSessions(deps.store, () => new Date());
    this.lessons = new LessonSchedule(new LessonAssignments(deps.store), deps.outreach.lessonWeekdays);
    this.lessonDeliveries = new LessonDeliveries(deps.store);
    this.owner = deps.owner ?? randomUUID();
    this.monotonic = deps.monotonic ?? (() => performance.now());
  }

  /** One fixed translator per language, made once. */
  private translator(language: Language): Translate {
    let t = this.translators.get(language);
    if (!t) {
      t = translatorFor(this.deps.i18n, language);
      this.translators.set(language, t);
    }
    return t;
  }

  /** After this, ticks start no new entries (those in hand finish): for shutdown. */
  stop(): void {
    this.stopping = true;
  }

  /** One tick in its own span (the counts of its report as attributes). */
  async tick(at: Date, options: { dryRun?: boolean } = {}): Promise<TickReport> {
    return inSpan('outreach.tick', { 'puente.dry_run': options.dryRun ?? false }, async (span) => {
      const report = await this.runTick(at, options);
      const skipped = Object.values(report.skipped).reduce((a, b) => a + (b ?? 0), 0);
      span.setAttributes({ 'puente.due': report.due, 'puente.sent': report.sent, 'puente.failed': report.failed, 'puente.skipped': skipped, 'puente.errors': report.errors });
      return report;
    });
  }

  private async runTick(at: Date, options: { dryRun?: boolean }): Promise<TickReport> {
    const started = this.monotonic();
    const dryRun = options.dryRun ?? false;
    const report: TickReport = { at: at.toISOString(), dryRun, durationMs: 0, due: 0, sent: 0, failed: 0, skipped: {}, deferred: 0, inFlight: 0, errors: 0, planned: [] };
    let sessions: Promise<ProgramSession[]> | undefined;
    const ctx: TickContext = {
      at,
      dryRun,
      report,
      now: () => new Date(at.getTime() + (this.monotonic() - started)),
      // Read once per tick, and only when a reminder is due.
      sessions: () => (sessions ??= this.sessions.list()),
    };
    const entries = await this.due.dueBy(at);
    report.due = entries.length;
    let next = 0;
    const worker = async () => {
      while (next < entries.length && !this.stopping) {
        const entry = entries[next++];
        const key = `${entry.pk}/${entry.id}`;
        if (this.working.has(key)) {
          report.inFlight++;
          continue;
        }
        this.working.add(key);
        try {
          await this.handleChain(entry, ctx);
        } catch (err) {
          // One participant's trouble must not stop the others; the entry stays due and is retried next tick.
          report.errors++;
          this.deps.log.error({ participantId: entry.participantId, kind: entry.kind, err }, 'outreach entry failed');
        } finally {
          this.working.delete(key);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.deps.outreach.concurrency, Math.max(entries.length, 1)) }, worker));
    report.durationMs = Math.round(this.monotonic() - started);
    return report;
  }

  /**
   * Handles an entry, then whatever its chain moved on to that is itself due
   * at the tick's instant: a stale prompt skipped after downtime is followed
   * by today's, which goes out in this tick rather than the next. Bounded: a
   * chain never has more than a few steps due at one instant.
   */
  private async handleChain(first: Stored<DueEntry>, ctx: TickContext): Promise<void> {
    let entry: Stored<DueEntry> | undefined = first;
    for (let step = 0; entry && step < MAX_CHAIN_STEPS; step++) {
      const next = await this.handle(entry, ctx);
      if (!next || next.dueAt > ctx.at.toISOString()) return;
      // A dry run wrote nothing: it goes on with the entry as the real tick would have written it.
      entry = ctx.dryRun ? { ...next, id: slotOf(next.kind), pk: next.participantId, updatedAt: ctx.at.toISOString(), _etag: '' } as Stored<DueEntry> : await this.due.get(next.participantId, slotOf(next.kind));
      if (entry && (entry.kind !== next.kind || entry.dueAt !== next.dueAt)) return; // someone else moved it meanwhile
    }
  }

  /** Handles one entry; returns the entry its chain moved on to (or, in a dry run, would), if any. */
  private async handle(entry: Stored<DueEntry>, ctx: TickContext): Promise<NewDueEntry | null> {
    const participant = await this.deps.participants.get(entry.participantId);
    const plan = await this.plan(entry, participant, ctx);
    if (ctx.dryRun) {
      await this.recordDryRun(entry, plan, ctx);
      return plan.action === 'send' ? null : plan.next;
    }
    switch (plan.action) {
      case 'defer':
        if (await this.due.advance(entry, plan.next, ctx.now())) ctx.report.deferred++;
        return null;
      case 'skip':
        if (plan.missed) await this.raiseMissed(entry.participantId, plan.missed);
        // Counted by whoever moved the entry on, so two overlapping ticks count it once.
        if (!(await this.due.advance(entry, plan.next, ctx.now()))) return null;
        count(ctx.report.skipped, plan.reason);
        countOutreach('skipped', { kind: entry.kind, reason: plan.reason });
        return plan.next;
      case 'send':
        await this.send(entry, plan, ctx);
        return null;
    }
  }

  /** Counts what the tick would do; reads the ledger (never writes it) so a message already out is not listed. */
  private async recordDryRun(entry: Stored<DueEntry>, plan: Plan, ctx: TickContext): Promise<void> {
    if (plan.action === 'defer') ctx.report.deferred++;
    else if (plan.action === 'skip') count(ctx.report.skipped, plan.reason);
    else {
      const claimed = await this.ledger.get(entry.participantId, plan.key);
      if (claimed && (claimed.state !== 'claimed' || claimed.leaseUntil > ctx.now().toISOString())) {
        ctx.report.inFlight++;
        return;
      }
      ctx.report.planned.push({ participantId: entry.participantId, kind: entry.kind, channelId: plan.address.channelId, dueAt: entry.dueAt, key: plan.key });
    }
  }

  // ---- deciding -----------------------------------------------------------

  private async plan(entry: Stored<DueEntry>, p: Stored<Participant> | undefined, ctx: TickContext): Promise<Plan> {
    if (!p) return { action: 'skip', reason: 'unknownParticipant', next: null };
    // Discharged ends every chain; rescheduleParticipant starts them again on re-admission.
    if (p.status === 'discharged') return { action: 'skip', reason: 'discharged', next: null };
    switch (entry.kind) {
      case 'checkin':
        return this.planCheckin(entry, p, ctx);
      case 'followup':
        return this.planFollowup(entry, p, ctx);
      case 'reminder':
        return this.planReminder(entry, p, ctx);
      case 'lesson':
        return this.planLesson(entry, p, ctx);
    }
  }

  private async planCheckin(entry: DailyDueEntry, p: Stored<Participant>, ctx: TickContext): Promise<Plan> {
    const { localDate } = entry;
    const now = ctx.now();
    // The check-in time or zone changed since the entry was written: keep to the participant's current clock.
    const expected = checkinInstant(p, localDate);
    if (expected > now) return { action: 'defer', next: { ...entry, dueAt: expected.toISOString() } };
    const next = followingCheckinEntry(p, localDate, now);
    // Paused, opted out, … keep the chain going (one write a day) so the day they are back needs nobody to remember.
    const to = reach(p);
    if (!to.ok) return { action: 'skip', reason: to.reason, next };
    if (heldForSafety(p, now)) return { action: 'skip', reason: 'safetyEpisode', next };
    // Catch-up: only the same local day, and never into quiet hours.
    if (localDateOf(now, p.timeZone) !== localDate) return { action: 'skip', reason: 'expired', next };
    // They checked in on their own before the prompt: nothing to prompt for, and no follow-up either.
    if (await this.answered(p.id, localDate)) return { action: 'skip', reason: 'answered', next };
    if (inQuietHours(now, p.timeZone, this.deps.quietHours)) {
      // A check-in time inside (widened) quiet hours goes out when they end, the same day; else the day is lost.
      const end = quietHoursEnd(now, p.timeZone, this.deps.quietHours);
      if (localDateOf(end, p.timeZone) !== localDate) return { action: 'skip', reason: 'quietHours', next };
      this.deps.log.info({ participantId: p.id, localDate, dueAt: end.toISOString() }, 'check-in prompt falls in quiet hours; moved to their end');
      return { action: 'defer', next: { ...entry, dueAt: end.toISOString() } };
    }
    return { action: 'send', participant: p, key: ledgerKey('checkin', localDate), spec: CHECKIN_PROMPT, address: to.address, next, missed: null };
  }

  private async planFollowup(entry: DailyDueEntry, p: Stored<Participant>, ctx: TickContext): Promise<Plan> {
    const { localDate } = entry;
    const now = ctx.now();
    // After the follow-up comes the next day's prompt, placed with the participant's current settings.
    const next = followingCheckinEntry(p, localDate, now);
    const to = reach(p);
    if (!to.ok) return { action: 'skip', reason: to.reason, next };
    if (await this.answered(p.id, localDate)) return { action: 'skip', reason: 'answered', next };
    if (heldForSafety(p, now)) return { action: 'skip', reason: 'safetyEpisode', next };
    // Judged whether or not the follow-up itself can still go out.
    const missed = (await this.secondUnansweredInARow(p.id, localDate)) ? localDate : null;
    if (localDateOf(now, p.timeZone) !== localDate) return { action: 'skip', reason: 'expired', next, missed };
    if (inQuietHours(now, p.timeZone, this.deps.quietHours)) return { action: 'skip', reason: 'quietHours', next, missed };
    return { action: 'send', participant: p, key: ledgerKey('followup', localDate), spec: CHECKIN_FOLLOWUP, address: to.address, next, missed };
  }

  private async planReminder(entry: ReminderDueEntry, p: Stored<Participant>, ctx: TickContext): Promise<Plan> {
    const now = ctx.now();
    if (!p.reminders.enabled) return { action: 'skip', reason: 'remindersOff', next: null };
    const sessions = await ctx.sessions();
    const { sessionId, localDate } = splitOccurrenceId(entry.occurrenceId);
    const session = sessions.find((s) => s.id === sessionId);
    const occurrence = session && attends(session, p) ? occurrenceOn(session, localDate) : undefined;
    const after = occurrence?.start ?? new Date(entry.sessionStart);
    const policy = reminderPolicy({ quietHours: this.deps.quietHours, outreach: this.deps.outreach });
    const next = nextReminderEntry(p, sessions, after.getTime() > now.getTime() ? after : now, policy);
    if (!occurrence) return { action: 'skip', reason: 'cancelled', next };
    // The lead time changed since the entry was written.
    const expected = reminderInstant(occurrence.start, p, policy);
    if (expected > now) return { action: 'defer', next: { ...entry, dueAt: expected.toISOString(), sessionStart: occurrence.start.toISOString() } };
    const to = reach(p);
    if (!to.ok) return { action: 'skip', reason: to.reason, next };
    if (now >= occurrence.start) return { action: 'skip', reason: 'expired', next };
    if (inQuietHours(now, p.timeZone, this.deps.quietHours)) {
      // Remind when quiet hours end, if that is still before the meeting; an early meeting's reminder
      // was placed the evening before (or left to be skipped) by reminderInstant, and catching up on it now is no use.
      const end = quietHoursEnd(now, p.timeZone, this.deps.quietHours);
      if (end < occurrence.start) return { action: 'defer', next: { ...entry, dueAt: end.toISOString() } };
      return { action: 'skip', reason: 'quietHours', next };
    }
    const t = this.translator(p.language);
    const spec = reminderSpec({ start: occurrence.start, kind: occurrence.session.kind, now, zone: p.timeZone, language: p.language }, t);
    return { action: 'send', participant: p, key: ledgerKey('reminder', occurrence.occurrenceId), spec, address: to.address, next, missed: null };
  }

  /**
   * The week's lesson opener, on the track's lesson day at the check-in time,
   * held like a check-in prompt (opt-out, pause, safety episode, quiet hours),
   * and skipped like a check-in already answered when the participant has
   * already had this week's lesson (they wrote "lesson" before its day).
   * Whatever changed since the entry was placed (check-in time, track, the
   * plan) is judged against the participant's current lesson.
   */
  private async planLesson(entry: LessonDueEntry, p: Stored<Participant>, ctx: TickContext): Promise<Plan> {
    const { localDate } = entry;
    const now = ctx.now();
    const current = await this.lessons.next(p, localDate, new Date(0));
    if (!current) return { action: 'skip', reason: 'cancelled', next: null };
    if (current.entry.localDate !== localDate || current.entry.dueAt > now.toISOString()) return { action: 'defer', next: current.entry };
    const next = (await this.lessons.next(p, addDays(localDate, 1), new Date(0)))?.entry ?? null;
    const to = reach(p);
    if (!to.ok) return { action: 'skip', reason: to.reason, next };
    if (heldForSafety(p, now)) return { action: 'skip', reason: 'safetyEpisode', next };
    const { weekStart, lessonId } = current;
    if (await this.lessonDeliveries.get(p.id, weekStart, lessonId)) {
      this.deps.log.info({ participantId: p.id, weekStart, lessonId }, 'lesson already delivered this week; opener skipped');
      return { action: 'skip', reason: 'lessonRead', next };
    }
    if (localDateOf(now, p.timeZone) !== localDate) return { action: 'skip', reason: 'expired', next };
    if (inQuietHours(now, p.timeZone, this.deps.quietHours)) {
      const end = quietHoursEnd(now, p.timeZone, this.deps.quietHours);
      if (localDateOf(end, p.timeZone) !== localDate) return { action: 'skip', reason: 'quietHours', next };
      return { action: 'defer', next: { ...entry, dueAt: end.toISOString() } };
    }
    const onSent = async (at: Date) => {
      await this.lessonDeliveries.recordSent(p.id, weekStart, lessonId, at);
    };
    return { action: 'send', participant: p, key: ledgerKey('lesson', localDate), spec: LESSON_OPENER, address: to.address, next, missed: null, onSent };
  }

  /** "Answered" = a check-in record of that local day exists (finished or not). */
  private async answered(participantId: string, localDate: string): Promise<boolean> {
    return (await this.deps.checkins.get(participantId, localDate)) !== undefined;
  }

  /**
   * Is the prompt of `localDate` (unanswered) the second unanswered one in a
   * row? True when the prompt before it went unanswered too, and the one
   * before that was answered (or there was none): one flag per run of misses.
   */
  private async secondUnansweredInARow(participantId: string, localDate: string): Promise<boolean> {
    const [previous, beforeThat] = await this.ledger.promptDatesBefore(participantId, localDate, 2);
    if (!previous || (await this.answered(participantId, previous))) return false;
    return !beforeThat || (await this.answered(participantId, beforeThat));
  }

  // ---- sending ------------------------------------------------------------

  private async send(entry: Stored<DueEntry>, plan: SendPlan, ctx: TickContext): Promise<void> {
    const p = plan.participant;
    if (plan.missed) await this.raiseMissed(p.id, plan.missed);
    const claim = await this.ledger.claim(
      plan.key,
      { participantId: p.id, kind: entry.kind, localDate: entry.localDate, occurrenceId: entry.occurrenceId },
      this.owner,
      ctx.now(),
      this.deps.outreach.leaseSeconds * 1000,
    );
    if (claim.status === 'held') {
      ctx.report.inFlight++;
      return;
    }
    if (claim.status === 'done') {
      // Sent (or failed) by a tick that stopped before moving the entry on: move it on, count nothing.
      await this.due.advance(entry, this.nextAfter(entry, claim.entry, plan), ctx.now());
      return;
    }
    const hold = new ClaimHold(this.ledger, claim.entry, this.deps.outreach.leaseSeconds * 1000, () => ctx.now());
    const { delivery, address } = await this.deliver(p, plan, entry.kind, hold);
    if (delivery.status === 'lost') {
      // Taken over while this sender waited: the new holder sends it and moves the entry on.
      ctx.report.inFlight++;
      this.deps.log.warn({ participantId: p.id, kind: entry.kind, fence: hold.current.fence }, 'outreach claim lost while waiting to retry');
      return;
    }
    if (delivery.status === 'deferred') {
      // Holding the claim (and a worker) through a wait longer than a lease would let another tick take it over.
      await this.ledger.release(hold.current);
      const { id: _id, pk: _pk, updatedAt: _u, _etag: _e, ...same } = entry;
      // On the minute (ticks run on minutes), never before the channel allows.
      const later = new Date(Math.ceil((ctx.now().getTime() + delivery.retryAfterMs) / 60_000) * 60_000).toISOString();
      if (await this.due.advance(entry, { ...same, dueAt: later } as NewDueEntry, ctx.now())) ctx.report.deferred++;
      this.deps.log.info({ participantId: p.id, kind: entry.kind, retryAfterMs: delivery.retryAfterMs }, 'outreach message deferred by the channel');
      return;
    }
    const result = await this.ledger.finish(hold.current, {
      state: delivery.status === 'sent' ? 'sent' : 'failed',
      channelId: address?.channelId ?? null,
      sentAt: delivery.status === 'sent' ? ctx.now().toISOString() : null,
      failure: delivery.status === 'sent' ? null : delivery.status === 'unreachable' ? 'unreachable' : delivery.failure,
    });
    if (!result) {
      // Only reachable when the sender never waited: its claim ran out during one long attempt.
      ctx.report.inFlight++;
      this.deps.log.warn({ participantId: p.id, kind: entry.kind, fence: hold.current.fence }, 'outreach claim taken over before its result was recorded');
      return;
    }
    countOutreach(delivery.status === 'sent' ? 'sent' : 'failed', { kind: entry.kind, reason: result.failure ?? undefined, channel: address?.channelId });
    if (delivery.status === 'sent') await plan.onSent?.(ctx.now());
    if (delivery.status === 'sent') ctx.report.sent++;
    else {
      ctx.report.failed++;
      this.deps.log.warn(
        { participantId: p.id, kind: entry.kind, channelId: address?.channelId ?? null, outcome: delivery.status, attempts: delivery.attempts },
        'outreach message not delivered',
      );
      await this.raiseUndeliverable(p.id, { kind: entry.kind, channel: address?.channelId ?? 'none', outcome: delivery.status, attempts: delivery.attempts });
    }
    await this.due.advance(entry, this.nextAfter(entry, result, plan), ctx.now());
  }

  /**
   * Sends to the chosen address; when the channel says that conversation is
   * gone (403/404), marks the address unreachable and tries the participant's
   * next reachable one, if any.
   */
  private async deliver(
    p: Stored<Participant>,
    plan: SendPlan,
    kind: OutreachKind,
    hold: ClaimHold,
  ): Promise<{ delivery: Delivery; address: ChannelAddress | undefined }> {
    const sender = this.deps.sender;
    if (!sender) throw new Error('outreach scheduler has no sender (dry-run only)');
    const t = this.translator(p.language);
    let participant: Participant = p;
    let address: ChannelAddress | undefined = plan.address;
    let delivery: Delivery = { status: 'unreachable', attempts: 0, statusCode: 404 };
    while (address) {
      const to = address;
      delivery = await inSpan('outreach.send', { 'puente.kind': kind, 'puente.channel': to.channelId }, async (span) => {
        const d = await sender.deliver(to, renderPrompt(plan.spec, to.channelId, t), hold);
        span.setAttributes({ 'puente.outcome': d.status, 'puente.attempts': d.attempts });
        return d;
      });
      if (delivery.status !== 'unreachable') return { delivery, address };
      this.deps.log.warn({ participantId: p.id, kind, channelId: address.channelId, status: delivery.statusCode }, 'outreach address unreachable');
      const lost = address.channelId;
      participant = await this.deps.participants.update(p.id, (doc) => {
        if (doc.addresses[lost]) doc.addresses[lost].reachable = false;
      });
      address = deliveryAddress(participant);
    }
    return { delivery, address: plan.address };
  }

  /**
   * Where the entry goes once its message has a result: a prompt that went out
   * is followed by its follow-up, N hours after it was sent; anything else by
   * the next step the plan worked out. Follows from the ledger alone, so a
   * later tick finishing a dead one's work gets the same answer.
   */
  private nextAfter(entry: DueEntry, result: LedgerEntry, plan: SendPlan): NewDueEntry | null {
    if (entry.kind === 'checkin' && result.state === 'sent' && result.sentAt) {
      const followup = followupEntry(entry.participantId, entry.localDate, new Date(result.sentAt), this.deps.outreach.followupHours);
      return followupBeforeQuietHours(followup, new Date(result.sentAt), plan.participant.timeZone, this.deps.quietHours);
    }
    return plan.next;
  }

  /**
   * One "outreach undeliverable" flag per participant until staff resolve it:
   * its id counts the resolved ones before it, so every failure meanwhile
   * (any day, any instance) lands on the same open flag, and the first after a
   * resolution opens the next.
   */
  private async raiseUndeliverable(participantId: string, detail: Record<string, string | number>): Promise<void> {
    const earlier = (await this.deps.flags.listForParticipant(participantId)).filter(
      (f) => f.source === 'outreach' && f.id.startsWith(UNDELIVERABLE_PREFIX),
    );
    const resolved = earlier.filter((f) => f.status === 'resolved').length;
    await this.deps.flags.raise({
      id: `${UNDELIVERABLE_PREFIX}${resolved + 1}`,
      participantId,
      source: 'outreach',
      reasons: [{ code: 'outreach_undeliverable', severity: 'low', detail }],
    });
  }

  private async raiseMissed(participantId: string, localDate: string): Promise<void> {
    await this.deps.flags.raise({
      id: `outreach:missed:${localDate}`,
      participantId,
      source: 'outreach',
      reasons: [{ code: 'missed_checkins', severity: 'moderate', detail: { inARow: 2, lastPromptDate: localDate } }],
    });
  }
}

const UNDELIVERABLE_PREFIX = 'outreach:undeliverable:';

/** A stale entry, then today's: more steps due at one instant would mean a chain that does not move on. */
const MAX_CHAIN_STEPS = 4;

function count(skipped: Partial<Record<SkipReason, number>>, reason: SkipReason): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}
