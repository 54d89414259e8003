import { z } from 'zod';
import { MeasurePlanFields } from './plan';

/**
 * A participant's measure settings as an operator types them (admin CLI):
 * substance use yes/no; full PHQ-9/GAD-7 every N weeks, or off (the stepped
 * weekly screen); BAM every N weeks, or default (MEASURES_BAM_EVERY_WEEKS).
 * Only the fields given change.
 */
const weeks = (what: string) =>
  z.string().trim().regex(/^\d+$/, `${what} must be a number of weeks from 1 to 52`).transform(Number)
    .pipe(z.number().int().min(1, `${what} must be a number of weeks from 1 to 52`).max(52, `${what} must be a number of weeks from 1 to 52`));

export const measureSettingsInputSchema = z
  .object({
    substanceUse: z.enum(['yes', 'no'], { message: 'substance use must be yes or no' }).transform((v) => v === 'yes').optional(),
    fullEvery: z.union([z.literal('off'), z.literal('default'), weeks('full measures')]).optional(),
    bamEvery: z.union([z.literal('default'), weeks('BAM')]).optional(),
  })
  .strict();

export type MeasureSettingsInput = z.output<typeof measureSettingsInputSchema>;

/**
 * The same settings as the dashboard sends them (JSON, all three given): the
 * form always shows every setting, so a save states them all.
 */
const WEEKS = 'a whole number of weeks from 1 to 52';
const weeksNumber = z.number({ message: WEEKS }).int(WEEKS).min(1, WEEKS).max(52, WEEKS);

export const measureSettingsBodySchema = z
  .object({
    substanceUse: z.boolean({ message: 'true or false' }),
    fullEvery: z.union([z.literal('off'), z.literal('default'), weeksNumber], { message: `"off", "default" or ${WEEKS}` }),
    bamEvery: z.union([z.literal('default'), weeksNumber], { message: `"default" or ${WEEKS}` }),
  })
  .strict() satisfies z.ZodType<MeasureSettingsInput>;

/** Applies the given settings to a participant record (fields not given stay as they are). */
export function applyMeasureSettings(participant: MeasurePlanFields, input: MeasureSettingsInput): void {
  if (input.substanceUse !== undefined) participant.substanceUse = input.substanceUse;
  if (input.fullEvery === 'off') participant.fullMeasures = false;
  else if (input.fullEvery !== undefined) {
    participant.fullMeasures = true;
    participant.fullMeasuresEveryWeeks = input.fullEvery === 'default' ? null : input.fullEvery;
  }
  if (input.bamEvery !== undefined) participant.bamEveryWeeks = input.bamEvery === 'default' ? null : input.bamEvery;
}
