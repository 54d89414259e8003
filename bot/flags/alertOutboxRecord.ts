/** What a flag document holds of the staff alerts it still owes (alertOutbox.ts says how they are queued and claimed). */

/** raised: post the card (or update it when posted before); escalated: the louder second post; changed: update the cards; message: a line in the card's thread. */
export type AlertKind = 'raised' | 'escalated' | 'changed' | 'message';

export interface PendingAlert {
  /** `<kind>:<n>`, n counting per flag: what a holder removes once posted. */
  id: string;
  kind: AlertKind;
  queuedAt: string;
}

export interface AlertOutbox {
  pending: PendingAlert[];
  /** Entries queued so far (the next id's number). */
  queued: number;
  /** The instance posting now, its token and the end of its lease. */
  claim: { owner: string; fence: number; until: string } | null;
  /** The last token handed out: one more per claim. */
  fence: number;
  /** Failed attempts at the first entry since it last went out; the back-off grows with them. */
  attempts: number;
  /** Every failed attempt of this flag's alerts. */
  failures: number;
  nextAttemptAt: string | null;
  lastFailure: { at: string; status: number | null } | null;
}
