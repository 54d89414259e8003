import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CheckIn, MEDICATION_ANSWERS, USE_ANSWERS } from '../domain/checkins';
import type { MeasureRecord } from '../measures/measureRecord';
import { FlagReason, highestSeverity, Severity, SEVERITIES } from './flag';

/**
 * Clinic-editable flag rules: which check-in answers the care team should look
 * at, and how urgently. The defaults (CONTENT.md) are in
 * bot/flags/rules.default.json; FLAG_RULES_PATH points at a clinic's copy.
 */
export const DEFAULT_FLAG_RULES_PATH = join(__dirname, 'rules.default.json');

/** What a rule can look at, derived from one check-in. Null: not answered (no rule matches). */
export interface CheckInFacts {
  mood: number | null;
  craving: number | null;
  sleepHours: number | null;
  phq2: number | null;
  gad2: number | null;
  use: string | null;
  medication: string | null;
  /** yes: either C-SSRS question answered yes; unanswered: one could not be read; no: both no. */
  safety: 'yes' | 'no' | 'unanswered' | null;
}

/** What a rule can look at, derived from one finished PHQ-9, GAD-7 or BAM (the others null). */
export interface MeasureFacts {
  /** PHQ-9 total 0–27. */
  phq9: number | null;
  /** PHQ-9 item 9 (thoughts of being better off dead or of self-harm) 0–3, as soon as it is answered. */
  phq9Item9: number | null;
  /** GAD-7 total 0–21. */
  gad7: number | null;
  /** BAM composites: use 0–12 (items 4–6), risk 0–24, protective 0–24. */
  bamUse: number | null;
  bamRisk: number | null;
  bamProtective: number | null;
}

export type RuleFacts = CheckInFacts & MeasureFacts;

const NUMBER_FIELDS = {
  mood: [0, 10], craving: [0, 10], sleepHours: [0, 24], phq2: [0, 6], gad2: [0, 6],
  phq9: [0, 27], phq9Item9: [0, 3], gad7: [0, 21], bamUse: [0, 12], bamRisk: [0, 24], bamProtective: [0, 24],
} as const;
const WORD_FIELDS = { use: USE_ANSWERS, medication: MEDICATION_ANSWERS, safety: ['yes', 'no', 'unanswered'] } as const;
const FIELDS = [...Object.keys(NUMBER_FIELDS), ...Object.keys(WORD_FIELDS)] as [keyof RuleFacts, ...Array<keyof RuleFacts>];
const OPS = ['=', '!=', '<', '<=', '>', '>='] as const;

const ruleSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case'),
    field: z.enum(FIELDS),
    op: z.enum(OPS),
    value: z.union([z.number(), z.string()]),
    severity: z.enum(SEVERITIES),
    description: z.string().optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.field in NUMBER_FIELDS) {
      const [min, max] = NUMBER_FIELDS[rule.field as keyof typeof NUMBER_FIELDS];
      if (typeof rule.value !== 'number' || rule.value < min || rule.value > max) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${rule.field} needs a number from ${min} to ${max}` });
      }
      return;
    }
    const allowed: readonly string[] = WORD_FIELDS[rule.field as keyof typeof WORD_FIELDS];
    if (typeof rule.value !== 'string' || !allowed.includes(rule.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${rule.field} needs one of ${allowed.join(', ')}` });
    }
    if (rule.op !== '=' && rule.op !== '!=') {
      ctx.addIssue({ code: 'custom', path: ['op'], message: `${rule.field} compares with = or != only` });
    }
  });

/**
 * Flags about a message rather than a check-in answer (the safety gate and
 * episode raise them); the file sets only their severity.
 */
export const MESSAGE_SIGNALS = ['crisis_language', 'possible_risk', 'risk_confirmed', 'says_not_safe', 'contact_request', 'session_cant_attend'] as const;
export type MessageSignal = (typeof MESSAGE_SIGNALS)[number];

/** CONTENT.md's defaults, for a clinic file that does not list a signal. */
const SIGNAL_DEFAULTS: Readonly<Record<MessageSignal, Severity>> = {
  crisis_language: 'urgent',
  possible_risk: 'high',
  risk_confirmed: 'urgent',
  says_not_safe: 'urgent',
  contact_request: 'moderate',
  session_cant_attend: 'low',
};

const signalSchema = z
  .object({ code: z.enum(MESSAGE_SIGNALS), severity: z.enum(SEVERITIES), description: z.string().optional() })
  .strict();

/**
 * Stepped screening: a PHQ-2 / GAD-2 at or above its threshold continues into
 * the rest of the PHQ-9 / GAD-7. A clinical cut-off like the rules' (CONTENT.md:
 * 3, the instruments' positive screen), so it lives in the same clinic file.
 */
const screenScore = (what: string) => z.number({ message: `${what} needs a whole number from 1 to 6` }).int(`${what} needs a whole number from 1 to 6`).min(1, `${what} needs a whole number from 1 to 6`).max(6, `${what} needs a whole number from 1 to 6`);
const steppingSchema = z
  .object({ description: z.string().optional(), phq2: screenScore('phq2').default(3), gad2: screenScore('gad2').default(3) })
  .strict();
export type SteppingThresholds = Omit<z.output<typeof steppingSchema>, 'description'>;

const rulesFileSchema = z
  .object({
    description: z.string().optional(),
    rules: z.array(ruleSchema).min(1),
    signals: z.array(signalSchema).optional(),
    stepping: steppingSchema.optional(),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.rules.forEach((rule, i) => {
      if (seen.has(rule.code)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'code'], message: `"${rule.code}" is used twice` });
      seen.add(rule.code);
    });
  });

export type FlagRule = z.output<typeof ruleSchema>;
export interface FlagRules {
  rules: FlagRule[];
  /** The severity each message signal's flag reason carries. */
  signals: Readonly<Record<MessageSignal, Severity>>;
  /** The PHQ-2 / GAD-2 scores that step into the PHQ-9 / GAD-7 (3 and 3 when the file says nothing). */
  stepping: Readonly<SteppingThresholds>;
  /** Where they were read from (for the start-up log). */
  source: string;
}

export class FlagRulesError extends Error {}

/** Reads and validates a rules file (the defaults when no path is given); throws FlagRulesError naming the problem. */
export function loadFlagRules(path: string = DEFAULT_FLAG_RULES_PATH): FlagRules {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new FlagRulesError(`Flag rules file ${path} could not be read as JSON: ${(err as Error).message}`);
  }
  const parsed = rulesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`);
    throw new FlagRulesError(`Flag rules file ${path} is invalid: ${problems.join('; ')}`);
  }
  const signals = { ...SIGNAL_DEFAULTS };
  for (const signal of parsed.data.signals ?? []) signals[signal.code] = signal.severity;
  const { phq2, gad2 } = steppingSchema.parse(parsed.data.stepping ?? {});
  return { rules: parsed.data.rules, signals, stepping: { phq2, gad2 }, source: path };
}

export function checkInFacts(checkIn: Pick<CheckIn, 'answers' | 'screen' | 'unreadable'>): CheckInFacts {
  const { answers, screen, unreadable } = checkIn;
  const safetyAnswers = [answers.wishedDead, answers.suicidalThoughts];
  const safety = safetyAnswers.includes(true)
    ? 'yes'
    : unreadable.includes('wishedDead') || unreadable.includes('suicidalThoughts')
      ? 'unanswered'
      : safetyAnswers.every((a) => a === false)
        ? 'no'
        : null;
  return {
    mood: answers.mood,
    craving: answers.craving,
    sleepHours: answers.sleepHours,
    phq2: screen?.phq2 ?? null,
    gad2: screen?.gad2 ?? null,
    use: answers.use,
    medication: answers.medication,
    safety,
  };
}

export interface Evaluation {
  /** Every rule that matched, in file order. */
  reasons: FlagReason[];
  /** The flag's severity; null when nothing matched. */
  severity: Severity | null;
}

const NO_MEASURE: MeasureFacts = { phq9: null, phq9Item9: null, gad7: null, bamUse: null, bamRisk: null, bamProtective: null };

/** Applies the rules to a check-in: every match is a reason; the highest severity wins. */
export function evaluateCheckIn(checkIn: Pick<CheckIn, 'answers' | 'screen' | 'unreadable'>, rules: FlagRules): Evaluation {
  return evaluate({ ...checkInFacts(checkIn), ...NO_MEASURE }, rules);
}

/** The measure's facts; item 9 counts as soon as it is answered, totals and scores once complete. */
export function measureFacts(record: Pick<MeasureRecord, 'instrument' | 'items' | 'total' | 'bam'>): MeasureFacts {
  const item9 = record.instrument === 'phq9' ? record.items.item9 : undefined;
  return {
    phq9: record.instrument === 'phq9' ? record.total : null,
    phq9Item9: typeof item9 === 'number' ? item9 : null,
    gad7: record.instrument === 'gad7' ? record.total : null,
    bamUse: record.bam?.use ?? null,
    bamRisk: record.bam?.risk ?? null,
    bamProtective: record.bam?.protective ?? null,
  };
}

const NO_CHECKIN: CheckInFacts = { mood: null, craving: null, sleepHours: null, phq2: null, gad2: null, use: null, medication: null, safety: null };

/** Applies the rules to a PHQ-9, GAD-7 or BAM administration. */
export function evaluateMeasure(record: Pick<MeasureRecord, 'instrument' | 'items' | 'total' | 'bam'>, rules: FlagRules): Evaluation {
  return evaluate({ ...NO_CHECKIN, ...measureFacts(record) }, rules);
}

function evaluate(facts: RuleFacts, rules: FlagRules): Evaluation {
  const reasons: FlagReason[] = [];
  for (const rule of rules.rules) {
    const value = facts[rule.field];
    if (value === null || !holds(value, rule.op, rule.value)) continue;
    const detail = typeof rule.value === 'number' ? { [rule.field]: value, threshold: rule.value } : { [rule.field]: value };
    reasons.push({ code: rule.code, severity: rule.severity, detail });
  }
  return { reasons, severity: reasons.length ? highestSeverity(reasons) : null };
}

function holds(actual: number | string, op: FlagRule['op'], expected: number | string): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
  }
}
