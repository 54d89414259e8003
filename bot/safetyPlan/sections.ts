import { z } from 'zod';

/**
 * The seven parts of a Stanley–Brown safety plan (CONTENT.md, "Personal
 * safety plan"), in the order the plan is written and read. Two parts list
 * people to call (name and phone); the others are lists of short lines in the
 * person's own words.
 */
export const SECTIONS = [
  'warningSigns',
  'copingStrategies',
  'distractions',
  'helpers',
  'professionals',
  'environment',
  'reasonsForLiving',
] as const;
export type SectionName = (typeof SECTIONS)[number];

export const CONTACT_SECTIONS = ['helpers', 'professionals'] as const satisfies readonly SectionName[];
export type ContactSection = (typeof CONTACT_SECTIONS)[number];
export type TextSection = Exclude<SectionName, ContactSection>;

export function isSectionName(value: unknown): value is SectionName {
  return typeof value === 'string' && (SECTIONS as readonly string[]).includes(value);
}

export function isContactSection(section: SectionName): section is ContactSection {
  return (CONTACT_SECTIONS as readonly string[]).includes(section);
}

export interface Contact {
  name: string;
  phone: string;
}

export type PlanSections = { [S in TextSection]: string[] } & { [S in ContactSection]: Contact[] };
export type SectionItem = string | Contact;

/** Room for a real plan, small enough that a whole plan reads on a phone. */
export const MAX_ITEMS_PER_SECTION = 12;
export const MAX_ITEM_LENGTH = 200;
export const MAX_NAME_LENGTH = 80;

/**
 * Lenient on purpose: clinics write "988", "(555) 010-0123", "+1 555 010 0123"
 * or "555.010.0123 ext 12". Digits, spaces and + ( ) . - with at least three
 * digits (988 has three), an optional extension; no letters otherwise.
 */
const PHONE = /^\+?[\d\s().-]+(?:\s*(?:ext\.?|x)\s*\d{1,6})?$/i;
const phoneSchema = z
  .string()
  .trim()
  .max(30, 'phone: at most 30 characters')
  .refine((v) => PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 3, 'phone: digits, spaces and + ( ) . - only, at least 3 digits');

const lineSchema = z.string().trim().min(1, 'an item may not be empty').max(MAX_ITEM_LENGTH, `an item has at most ${MAX_ITEM_LENGTH} characters`);
export const contactSchema = z
  .object({ name: z.string().trim().min(1, 'name is required').max(MAX_NAME_LENGTH, `name: at most ${MAX_NAME_LENGTH} characters`), phone: phoneSchema })
  .strict();

const lines = z.array(lineSchema).max(MAX_ITEMS_PER_SECTION, `at most ${MAX_ITEMS_PER_SECTION} items per part`).default([]);
const contacts = z.array(contactSchema).max(MAX_ITEMS_PER_SECTION, `at most ${MAX_ITEMS_PER_SECTION} people per part`).default([]);

/** A whole plan as staff send it: every part optional (missing = empty), nothing else allowed. */
export const planSectionsSchema = z
  .object({
    warningSigns: lines,
    copingStrategies: lines,
    distractions: lines,
    helpers: contacts,
    professionals: contacts,
    environment: lines,
    reasonsForLiving: lines,
  })
  .strict();

/** One item for one part: a line, or a contact for the two contact parts. */
export function itemSchema(section: SectionName): z.ZodType<SectionItem> {
  return isContactSection(section) ? contactSchema : lineSchema;
}

export function emptySections(): PlanSections {
  return { warningSigns: [], copingStrategies: [], distractions: [], helpers: [], professionals: [], environment: [], reasonsForLiving: [] };
}

export function isEmptyPlan(sections: PlanSections): boolean {
  return SECTIONS.every((s) => sections[s].length === 0);
}

/** The parts whose content differs between two versions (what a version records as changed). */
export function changedSections(before: PlanSections, after: PlanSections): SectionName[] {
  return SECTIONS.filter((s) => JSON.stringify(before[s]) !== JSON.stringify(after[s]));
}

/** A participant's "my sister Rosa 555 010 0123" as a contact draft: the phone-like run, and the rest as the name. */
export function contactFromText(text: string): Contact {
  const match = text.match(/[+(]?\d[\d\s().-]{5,}\d/);
  if (!match) return { name: text.trim().slice(0, MAX_NAME_LENGTH), phone: '' };
  const before = text.slice(0, match.index).replace(/[\s,:;-]+$/, '');
  const after = text.slice(match.index! + match[0].length).replace(/^[\s,:;-]+/, '');
  return { name: `${before} ${after}`.trim().slice(0, MAX_NAME_LENGTH), phone: match[0].trim() };
}
