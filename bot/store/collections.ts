import { CollectionSpec } from './port';

/**
 * Every collection Puente stores, with the fields its hot queries filter and sort
 * on. Partition key (`pk`) choices are explained in the README ("Store").
 * Features append their collections here; both adapters create them at init.
 */
export const COLLECTIONS: CollectionSpec[] = [
  // Bot Framework conversation state, pk = id = SHA-256 of the state key.
  { name: 'botstate', indexes: [] },
  // Participants, pk = id.
  { name: 'participants', indexes: [['status'], ['displayName']] },
  // Channel user → participant, pk = id = SHA-256 of "channelId:userId".
  { name: 'links', indexes: [] },
  // One-time enrollment codes, pk = id = the code.
  { name: 'enrollment', indexes: [] },
  // Program sessions, pk = 'program': tens of small docs, always read whole by the schedule and reminders.
  { name: 'sessions', indexes: [['startLocal']] },
  // Staff accounts, pk = id = SHA-256 of the lower-cased email: sign-in is one point read.
  { name: 'staff', indexes: [] },
  // Dashboard sessions, pk = id = SHA-256 of the session token (the token itself is never stored).
  { name: 'staffSessions', indexes: [] },
  // Failed sign-in counters, pk = id = SHA-256 of the email tried (known or not, so both look alike).
  { name: 'staffSignins', indexes: [] },
  // Audit events, pk = UTC month 'YYYY-MM': a date-range export reads one partition per month, newest first.
  { name: 'audit', indexes: [['at']] },
  // Teams alert posts per flag, pk = id = flag id: the card to update when the flag is acknowledged.
  { name: 'staffAlerts', indexes: [] },
];
