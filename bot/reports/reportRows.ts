import { ParticipantStatus, Track } from '../domain/participant';
import { Severity } from '../flags/flag';
import { BamScores } from '../measures/measureRecord';

/** The few fields of each record a report reads (store projections: never names, notes or answers). */
export interface ParticipantRow {
  id: string;
  track: Track;
  status: ParticipantStatus;
  createdAt: string;
  timeZone: string;
}
export interface DayRow {
  pk: string;
  localDate: string;
}
export interface FlagRow {
  participantId: string;
  severity: Severity;
  createdAt: string;
  acknowledgedAt: string | null;
}
export interface ScoreRow {
  participantId: string;
  instrument: 'phq9' | 'gad7';
  localDate: string;
  total: number | null;
}
export interface BamRow {
  participantId: string;
  localDate: string;
  bam: BamScores | null;
}
export interface LessonCounts {
  /** Lessons sent in the range (by their week). */
  sent: number;
  /** Of those, the ones whose reflection was answered. */
  answered: number;
}
