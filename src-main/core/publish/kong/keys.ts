// Keys for a rollback. A revision keeps each key's hash, never the key, so rolling back
// publishes each application's current key: an old key once rotated away is gone for good,
// which is what rotating a key is for. The rollback says when that differs from the revision.
import type { Gateway } from '../../../../src-shared/model.js';
import type { Db } from '../../db/open.js';
import { MarqueeError } from '../../errors.js';
import { openApplicationKey } from '../../tenancy/applications.js';
import type { SecretBox } from '../../tenancy/secrets.js';
import { findTenant } from '../../workspace/tenants.js';
import type { KongDesired, KongEntity } from './compile.js';
import { hashSecret, hintOf } from './secret.js';

export function openRecordedKeys(
  db: Db,
  g: Gateway,
  box: SecretBox | null,
  recorded: KongDesired,
  number: number,
): { desired: KongDesired; notes: string[] } {
  const notes: string[] = [];
  const entities = recorded.entities.map((e): KongEntity => {
    const s = e.secret;
    if (!s || s.value !== undefined || !box) return e;
    const tenant = s.app ? findTenant(db, s.app.tenant) : null;
    let value: string;
    try {
      if (!tenant || !s.app) throw new Error('gone');
      value = openApplicationKey(db, box, tenant, s.app.name);
    } catch (err) {
      if (err instanceof MarqueeError && err.code !== 'not_found') throw err;
      throw new MarqueeError(
        'conflict',
        `gateway ${g.name}: revision #${number} gives ${e.key} a key, but that application ` +
          `is gone; keys are not kept in revisions, so this rollback cannot publish it`,
      );
    }
    const hash = hashSecret(value);
    if (hash !== s.hash) notes.push(`${e.key} gets its current key ${hintOf(value)}`);
    return { ...e, secret: { ...s, hash, hint: hintOf(value), value } };
  });
  return { desired: { ...recorded, entities }, notes };
}
