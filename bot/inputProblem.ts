import type { z } from 'zod';
import { InputProblem, InvalidInputError } from './errors';

type Issue = z.core.$ZodIssue;

/** The value at an issue's path: undefined there means the field was left out. */
function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
}

function problemOf(issue: Issue, input: unknown): { problem: InputProblem; limit?: number } {
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return { problem: value === undefined || value === null ? 'required' : 'wrong_type' };
    case 'too_small':
      if (issue.origin === 'string' && (typeof value !== 'string' || value.trim() === '')) return { problem: 'required' };
      return { problem: issue.origin === 'string' ? 'too_short' : 'too_small', limit: Number(issue.minimum) };
    case 'too_big':
      return { problem: issue.origin === 'string' ? 'too_long' : 'too_large', limit: Number(issue.maximum) };
    case 'invalid_value':
      return { problem: 'not_allowed' };
    case 'invalid_format':
      return { problem: 'bad_format' };
    case 'unrecognized_keys':
      return { problem: 'unknown_field' };
    default:
      // A refinement (a time zone no one has, a check-in time in quiet hours): a value of the right form that is not accepted.
      return { problem: value === undefined ? 'required' : 'not_allowed' };
  }
}

/**
 * A failed zod parse as the one 400 every staff endpoint answers: the first
 * problem as a stable code, the field it is about, the bound it broke.
 */
export function invalidInput(error: z.ZodError, input: unknown): InvalidInputError {
  const issue = error.issues[0];
  const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : issue.path.map(String).join('.');
  const { problem, limit } = problemOf(issue, input);
  return new InvalidInputError(problem, field || null, `${field || 'input'}: ${issue.message}`, limit);
}
