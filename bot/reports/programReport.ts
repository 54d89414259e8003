import { TRACKS, Track } from '../domain/participant';
import { ProgramHours } from '../domain/programHours';
import { isUnknownParticipant } from '../flags/flag';
import { DocumentStore } from '../store/port';
import { BamPeriod, bamTrend, FlagFigures, flagFigures, ScoreChange, scoreChange } from './outcomeFigures';
import { activeWindowStart, AdherenceCell, adherence, lessonCompletion, ParticipantCounts, participantCounts, promptResponse, Ratio } from './participationFigures';
import { ReportRange } from './reportRange';
import { readReportData } from './reportSource';

/** The program's aggregate figures for a range: counts, rates and means only, never a participant's id or name. */
export interface ProgramReport {
  from: string;
  to: string;
  track: Track | null;
  participants: ParticipantCounts;
  adherence: AdherenceCell[];
  promptResponse: Ratio;
  flags: FlagFigures;
  phq9: ScoreChange;
  gad7: ScoreChange;
  bam: BamPeriod[];
  lessons: Ratio;
}

/** Builds a program report from the store: one pass of projections (reportSource), then pure figures. */
export class ProgramReports {
  constructor(
    private readonly store: DocumentStore,
    private readonly hours: ProgramHours,
  ) {}

  async build(range: ReportRange): Promise<ProgramReport> {
    const data = await readReportData(this.store, range, (p) => range.track === null || p.track === range.track, activeWindowStart(range));
    const scope = data.participants;
    const ids = new Set(scope.map((p) => p.id));
    // Flags about people not enrolled belong to no track: they count in the whole program's figures only.
    const flags = data.flags.filter((f) => (range.track === null ? true : ids.has(f.participantId) && !isUnknownParticipant(f.participantId)));
    return {
      from: range.from,
      to: range.to,
      track: range.track,
      participants: participantCounts(scope, data.checkins.recent, range),
      adherence: adherence(scope, data.checkins, range, range.track ? [range.track] : TRACKS),
      promptResponse: promptResponse(data.checkins.prompts),
      flags: flagFigures(flags, range, this.hours),
      phq9: scoreChange(data.scores, 'phq9', range, ids),
      gad7: scoreChange(data.scores, 'gad7', range, ids),
      bam: bamTrend(data.bam, range, ids),
      lessons: lessonCompletion(data.lessons),
    };
  }
}
