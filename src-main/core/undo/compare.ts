// Checks a revert makes before it touches anything: the entity is still as the change left
// it, and the log holds the whole of what it would put back.
import { conflict } from '../errors.js';
import { clip } from '../tenancy/activity.js';

export type Fields = Record<string, unknown>;

export const fieldsOf = (value: unknown): Fields =>
  value && typeof value === 'object' ? (value as Fields) : {};

// Compared through the same clipping the log applies, so a long description that is still
// what the change wrote compares equal to its logged start.
export function assertUnchanged(what: string, current: Fields, after: Fields): void {
  const moved = Object.keys(after).filter(
    (k) => JSON.stringify(clip(current[k]) ?? null) !== JSON.stringify(after[k] ?? null),
  );
  if (moved.length > 0) {
    throw conflict(
      `${what} has changed since (${moved.join(', ')}); undo takes back a change only while ` +
        'it is still as that change left it',
    );
  }
}

const CLIPPED = /… \(\d+ characters\)$/;

export function assertWhole(what: string, before: Fields): void {
  for (const [key, value] of Object.entries(before)) {
    if (typeof value === 'string' && value.length > 2000 && CLIPPED.test(value)) {
      throw conflict(
        `the log keeps only the start of the earlier ${key} of ${what}, so it cannot be put back`,
      );
    }
  }
}
