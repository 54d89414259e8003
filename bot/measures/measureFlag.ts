import { FlagRules, evaluateMeasure, measureFacts } from '../flags/rules';
import { FlagService } from '../flags/service';
import { MeasureRecord } from './measureRecord';

/** One flag per administration: its id follows from the record's, so a re-run turn raises nothing twice. */
export function measureFlagId(record: Pick<MeasureRecord, 'participantId' | 'id'>): string {
  return `measure:${record.participantId}:${record.id}`;
}

/**
 * PHQ-9 item 9 above "not at all" (thoughts of being better off dead or of
 * self-harm): a safety episode opens whatever the total and whatever the
 * clinic's rules say about its flag's severity.
 */
export function saidSelfHarmThoughts(record: Pick<MeasureRecord, 'instrument' | 'items' | 'total' | 'bam'>): boolean {
  return (measureFacts(record).phq9Item9 ?? 0) > 0;
}

/**
 * Raises (or merges into) the administration's flag when the clinic's rules
 * match it; returns the flag id, or null when nothing matched. Item 9 above
 * 0 always flags urgently (the episode it opens needs its flag), also when a
 * clinic's file left its rule out.
 */
export async function flagMeasure(flags: FlagService, rules: FlagRules, record: MeasureRecord): Promise<string | null> {
  const { reasons } = evaluateMeasure(record, rules);
  if (saidSelfHarmThoughts(record) && !reasons.some((r) => r.severity === 'urgent')) {
    reasons.push({ code: 'phq9_item9', severity: 'urgent', detail: { phq9Item9: record.items.item9 ?? 0 } });
  }
  if (!reasons.length) return null;
  const flag = await flags.raise({ id: measureFlagId(record), participantId: record.participantId, source: 'screen', reasons });
  return flag.id;
}
