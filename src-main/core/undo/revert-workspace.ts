// Reverting edits of tenants, their branding and their APIs.
import { ApiPatch, BrandingPatch } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { conflict } from '../errors.js';
import { recordTransition, TRANSITIONS, type LifecycleState } from '../tenancy/lifecycle.js';
import { apiLabel, apiSnapshot, brandingSnapshot, tenantSnapshot } from '../tenancy/snapshots.js';
import { getApi, updateApi } from '../workspace/apis.js';
import { getBranding, setBrandingImage, updateBranding } from '../workspace/branding.js';
import { getTenant, updateTenant } from '../workspace/tenants.js';
import { now } from '../workspace/time.js';
import { assertUnchanged, assertWhole, type Fields } from './compare.js';
import type { Revert } from './revert.js';

export function revertTenantEdit(db: Db, domain: string, before: Fields, after: Fields): Revert {
  const tenant = getTenant(db, domain);
  assertUnchanged(`tenant ${domain}`, tenantSnapshot(tenant), after);
  assertWhole(`tenant ${domain}`, before);

  return {
    apply: () =>
      updateTenant(db, {
        domain,
        name: before.name as string | undefined,
        description: before.description as string | undefined,
      }),
  };
}

const IMAGE_SLOTS = ['logo', 'favicon'] as const;

export function revertBrandingEdit(
  db: Db,
  domain: string,
  before: Fields,
  after: Fields,
): Revert {
  const tenant = getTenant(db, domain);
  assertUnchanged(`the branding of ${domain}`, brandingSnapshot(getBranding(db, tenant.id)), after);
  assertWhole(`the branding of ${domain}`, before);

  // The log names an image by type and size only, and a replaced image's bytes are gone:
  // only "there was none" can be put back.
  const { logo: _logo, favicon: _favicon, ...fields } = before;
  const cleared = IMAGE_SLOTS.filter((slot) => slot in before);
  for (const slot of cleared) {
    if (before[slot] !== null) {
      throw conflict(
        `the earlier ${slot} of ${domain} (${String(before[slot])}) is not kept; ` +
          'set it again from its file',
      );
    }
  }
  const patch = BrandingPatch.parse(fields);

  return {
    apply: () => {
      if (Object.keys(patch).length > 0) updateBranding(db, tenant.id, patch);
      for (const slot of cleared) setBrandingImage(db, tenant.id, slot, null, null);
    },
  };
}

export function revertApiEdit(db: Db, id: string, before: Fields, after: Fields): Revert {
  const api = getApi(db, id);
  const label = `API ${apiLabel(api)}`;
  assertUnchanged(label, apiSnapshot(api), after);
  assertWhole(label, before);

  const { lifecycle, ...fields } = before;
  const parsed = ApiPatch.safeParse(fields);
  if (!parsed.success) throw conflict(`the earlier settings of ${label} no longer validate`);
  const patch = parsed.data;
  const target = lifecycle as LifecycleState | undefined;
  // Undo moves the API back to where it was even when the lifecycle would not allow that
  // move (deprecated back to published, say): it takes back a mistake rather than making a
  // new decision. The move is kept in the API's history like any other, and the undo's
  // activity entry says it went outside the usual moves.
  const outside = target !== undefined && !TRANSITIONS[api.lifecycle].includes(target);

  return {
    note: outside
      ? `lifecycle moved back from ${api.lifecycle} to ${target}, outside the usual moves`
      : undefined,
    apply: () => {
      if (target !== undefined) {
        db.prepare(`UPDATE apis SET lifecycle = ?, updated_at = ? WHERE id = ?`).run(
          target,
          now(),
          id,
        );
        recordTransition(db, id, api.lifecycle, target);
      }
      if (Object.keys(patch).length > 0) updateApi(db, id, patch);
    },
  };
}
