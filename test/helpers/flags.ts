import { Flag, Severity, SEVERITY_RANK } from '../../bot/flags/flag';

/**
 * An open check-in flag as the flag service would store it, with every
 * field set: tests that write flags straight to the store (queue paging,
 * outbox, audit) name only what they are about.
 */
export function flagDoc(participantId: string, id: string, severity: Severity, createdAt: string, overrides: Partial<Flag> = {}): Flag {
  return {
    id,
    pk: participantId,
    participantId,
    checkinId: null,
    source: 'checkin',
    severity,
    severityRank: SEVERITY_RANK[severity],
    reasons: [{ code: 'x', severity }],
    message: null,
    track: null,
    sender: null,
    status: 'open',
    createdAt,
    assignee: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    resolvedAt: null,
    resolvedBy: null,
    outcome: null,
    notes: [],
    escalatedAt: null,
    ...overrides,
  };
}
