import { CollectionSpec } from './port';

/**
 * Every collection Puente stores, with the fields its hot queries filter and sort
 * on. Partition key (`pk`) choices are explained in the README ("Store").
 * Features append their collections here; both adapters create them at init.
 */
export const COLLECTIONS: CollectionSpec[] = [
  // Bot Framework conversation state, pk = id = SHA-256 of the state key.
  { name: 'botstate', indexes: [] },
  // Participants, pk = id. The staff list reads across partitions ordered by the search key (searchName, lower case
  // without accents), filtered on it with a substring match (a trigram index on SQLite); a counsellor's caseload by
  // (assignedStaffId, searchName).
  { name: 'participants', indexes: [['status'], ['displayName'], ['searchName'], ['assignedStaffId', 'searchName']], search: ['searchName'] },
  // Channel user → participant, pk = id = SHA-256 of "channelId:userId".
  { name: 'links', indexes: [] },
  // One-time enrollment codes, pk = id = the code.
  { name: 'enrollment', indexes: [] },
  // Program sessions, pk = 'program': tens of small docs, always read whole by the schedule and reminders.
  { name: 'sessions', indexes: [['startLocal']] },
  // Outreach due instants, pk = participantId, id = kind ('checkin' | 'followup' | 'reminder'): one entry per
  // participant and kind, addressed by point reads/writes; the tick's one query is a range on dueAt (README "Outreach").
  { name: 'outreachDue', indexes: [['dueAt']] },
  // Outreach ledger, pk = participantId, id = kind:localDate or reminder:occurrenceId: the exactly-once claim is a
  // conditional create; the missed-check-ins rule reads a participant's last prompts (one partition, by localDate).
  // The program report reads a quarter's sent check-in prompts of the participants in scope by (kind, state, pk, localDate):
  // one seek per participant, keys only.
  { name: 'outreachLedger', indexes: [['localDate'], ['kind', 'state', 'pk', 'localDate']] },
  // Cron slot elections, pk = id = SHA-256 of the slot key: one conditional create per instance per minute.
  { name: 'outreachRuns', indexes: [] },
  // Send pacing per sending number / Teams conversation, pk = id = SHA-256 of the limiter key: one point read and one
  // eTag-conditional replace per message reserves its slot across instances (bot/outreach/rateLimiter.ts).
  { name: 'outreachPacing', indexes: [] },
  // Outreach figures of all instances for /readyz, pk = id = 'outreach': one small doc, one eTag update per tick.
  { name: 'outreachStatus', indexes: [] },
  // Staff accounts, pk = id = SHA-256 of the lower-cased email: sign-in is one point read.
  { name: 'staff', indexes: [] },
  // Dashboard sessions, pk = id = SHA-256 of the session token (the token itself is never stored).
  { name: 'staffSessions', indexes: [] },
  // Microsoft (OpenID Connect) sign-ins under way, pk = id = SHA-256 of the state: one point read and delete per callback.
  { name: 'staffOidcFlows', indexes: [] },
  // Failed sign-in counters, pk = id = SHA-256 of the email tried (known or not, so both look alike).
  { name: 'staffSignins', indexes: [] },
  // Audit events, pk = UTC month 'YYYY-MM': a date-range export reads one partition per month, newest first.
  { name: 'audit', indexes: [['at']] },
  // Daily check-ins, pk = participantId: one partition holds a participant's history (a point read for today,
  // a single-partition range on localDate for history); id = `${participantId}:${localDate}` makes a day one record.
  // The program report reads a quarter's completed check-ins of the participants in scope by (status, pk, localDate):
  // one seek per participant, keys only.
  { name: 'checkins', indexes: [['localDate'], ['status', 'pk', 'localDate']] },
  // Flags, pk = participantId: a participant's flags stay together; the staff queue reads across partitions
  // by (status, severityRank, createdAt), a counsellor's caseload by (assignedStaffId, status, severityRank, createdAt),
  // a participant's view by (participantId, createdAt), the program report by createdAt, the Teams alert outbox's tick
  // by alertDueAt (bot/flags/alertOutbox.ts: null once nothing is pending).
  {
    name: 'flags',
    indexes: [
      ['status', 'severityRank', 'createdAt'],
      ['participantId', 'createdAt'],
      // The report's projection, answered from this index alone on SQLite (bot/reports/reportSource.ts).
      ['createdAt', 'participantId', 'severityRank', 'acknowledgedAt'],
      ['assignedStaffId', 'status', 'severityRank', 'createdAt'],
      ['alertDueAt'],
    ],
  },
  // Teams alert posts per flag, pk = id = flag id: the card to update when the flag is acknowledged.
  { name: 'staffAlerts', indexes: [] },
  // Coping tips a participant has seen, pk = id = participantId: one small doc, point read and eTag write per tip.
  { name: 'tipHistory', indexes: [] },
  // "Did it help?" answers, pk = participantId: a participant's answers read together (one partition, by answeredAt);
  // id = `${tipId}:${shownAt}` so a re-run turn rewrites the same answer.
  { name: 'tipFeedback', indexes: [['participantId', 'answeredAt']] },
  // Safety plans, pk = participantId: one partition holds a participant's plan versions (id `version:000001`…, the
  // newest by version) and their suggestions from the conversation (the open ones by createdAt). A plan is a few
  // KB and edited a handful of times, so reading the newest version is a one-item query in one partition.
  { name: 'safetyPlans', indexes: [['version'], ['createdAt']] },
  // PHQ-9, GAD-7 and BAM administrations (bot/measures/measureRecord.ts), pk = participantId, id = instrument:localDate:
  // a participant's history is one partition; reports read across partitions by (instrument, localDate).
  // The program report lists baselines and latest scores by (instrument, localDate, completedAt, total), keys only.
  { name: 'measures', indexes: [['instrument', 'localDate'], ['participantId', 'localDate'], ['instrument', 'localDate', 'completedAt', 'total']] },
  // Lessons sent (bot/lessons/lessonRecord.ts), pk = participantId, id = weekStart:lessonId: exactly once per week;
  // reports count completion across partitions by (weekStart, reflectionAt), keys only.
  { name: 'lessonDeliveries', indexes: [['weekStart', 'reflectionAt']] },
  // Each track's weekly lesson plan (bot/lessons/assignments.ts), pk = track, id = weekStart (a Monday): a track's plan
  // is one partition read in week order by the tick and reschedules; the dashboard lists every track (a few hundred docs).
  { name: 'lessonAssignments', indexes: [['weekStart']] },
  // Care-team threads (bot/careTeam/threadMessage.ts), pk = participantId: one partition per thread, read by `at`.
  { name: 'threadMessages', indexes: [['participantId', 'at']] },
  // Staff message claims (bot/careTeam/threadRepository.ts), pk = participantId, id = SHA-256 of staff id + request key:
  // one conditional create per message, so a retried POST sends nothing twice.
  { name: 'threadSends', indexes: [] },
];
