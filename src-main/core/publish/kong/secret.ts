// Application keys on their way to Kong. A key-auth credential's key is the one field Marquee
// sends that must never be shown: plans, revisions, outcomes and errors carry its hash (to
// tell whether Kong holds the same key) or the key's hint, never the key itself.
import { createHash } from 'node:crypto';

export type KongSecret = {
  // The field of the entity that holds the secret on Kong.
  field: 'key';
  // sha256 of the key: compared against Kong's copy, and all a revision keeps.
  hash: string;
  // What a person may read (mqk_…abcd).
  hint: string;
  // The application whose key it is, so a rollback can open the current key again.
  app: { tenant: string; name: string; id: number } | null;
  // The key in clear: only in memory, for the request that sends it.
  value?: string;
};

export const hashSecret = (value: string): string =>
  `sha256:${createHash('sha256').update(value).digest('hex')}`;

export const hintOf = (value: string): string => `…${value.slice(-4)}`;

// A desired state as a revision may keep it: every secret without its clear value.
export function withoutSecretValues<T extends { secret?: KongSecret }>(entities: T[]): T[] {
  return entities.map((e) => {
    if (!e.secret) return e;
    const { value: _value, ...kept } = e.secret;
    return { ...e, secret: kept };
  });
}

// Kong quotes the offending value in some errors (a unique violation on a key names the key):
// an error about a credential must not carry it on into a message or a log.
export function redactCredentialText(text: string): string {
  return text
    .replace(/(\bkey\b\s*[=:]\s*\\?"?)[^"\\,}\s]+/gi, '$1[redacted]')
    .replace(/mqk_[A-Za-z0-9_-]{8,}/g, 'mqk_[redacted]');
}
