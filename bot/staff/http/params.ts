import type { Request } from 'restify';
import { z } from 'zod';
import { InvalidInputError } from '../../errors';
import { invalidInput } from '../../inputProblem';

const DEFAULT_PAGE = 25;
export const MAX_PAGE = 100;

export const limitField = z.coerce.number().int().min(1).max(MAX_PAGE).default(DEFAULT_PAGE);

export const pageQuery = z.object({
  limit: limitField,
  continuation: z.string().max(4096).optional(),
});

/** A path parameter; a missing one is the client's mistake (400). */
export function param(req: Request, name: string): string {
  const value = (req.params as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== 'string' || value === '') throw new InvalidInputError('required', name, `${name} is missing`);
  return value;
}

/** Query or body through a zod schema: the first problem, by code and field, as a 400. */
export function parse<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, value);
  return parsed.data;
}
