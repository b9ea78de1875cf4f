// Which logged changes undo can take back, and how. A plan checks everything first and
// changes nothing; its apply runs inside the undo's transaction.
import type { Db } from '../db/open.js';
import { conflict } from '../errors.js';
import { getTenant } from '../workspace/tenants.js';
import { fieldsOf } from './compare.js';
import type { LoggedChange } from './entries.js';
import {
  revertApplicationAdd,
  revertMember,
  revertRole,
  revertSubscription,
  revertTier,
} from './revert-tenancy.js';
import { revertApiEdit, revertBrandingEdit, revertTenantEdit } from './revert-workspace.js';

export type Revert = {
  apply: () => void;
  // Something the undo's activity entry should say beyond what was undone.
  note?: string;
};

// Changes undo refuses, and why: each would need what the workspace no longer holds, or
// would take away more than the one change.
const REFUSED: Record<string, string> = {
  'tenant.create':
    'removing the tenant would take everything added to it since along; remove it yourself ' +
    'if that is what you want',
  'tenant.delete':
    'a removed tenant is gone with its APIs, definitions, applications and keys; the log ' +
    'keeps only its name',
  'api.create':
    'undo does not remove imported APIs; delete the API yourself if that is what you want',
  'api.delete': "a removed API's definition is not kept, so it cannot be put back",
  'application.update':
    'a key rotation cannot be undone: the earlier key is kept in clear nowhere, on purpose',
  'application.delete':
    "the application's key went with it, and keys are kept in clear nowhere, on purpose",
};

function refusalFor(entry: LoggedChange): string {
  if (entry.batch) {
    return `it was one of many changes made by ${entry.batch}, and undo takes back single ` +
      'changes only';
  }
  const reason = REFUSED[`${entry.entity}.${entry.action}`];
  if (reason) return reason;
  return `undo does not cover ${entry.action}s of ${entry.entity}s`;
}

export function planRevert(db: Db, entry: LoggedChange): Revert {
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  const refuse = (): never => {
    throw conflict(refusalFor(entry));
  };
  if (entry.batch) refuse();

  switch (`${entry.entity}.${entry.action}`) {
    case 'tenant.update':
      return revertTenantEdit(db, entry.key, before, after);
    case 'branding.update':
      return revertBrandingEdit(db, entry.key, before, after);
    case 'api.update':
      return revertApiEdit(db, entry.key, before, after);
  }

  const tenancyKinds = ['tier', 'role', 'member', 'application', 'subscription'];
  if (!tenancyKinds.includes(entry.entity) || !entry.tenant) return refuse();
  if (entry.entity === 'application' && entry.action !== 'create') return refuse();

  const change = { tenant: getTenant(db, entry.tenant), key: entry.key, before, after };
  switch (entry.entity) {
    case 'tier':
      return revertTier(db, entry.action, change);
    case 'role':
      return revertRole(db, entry.action, change);
    case 'member':
      return revertMember(db, entry.action, change);
    case 'application':
      return revertApplicationAdd(db, change);
    default:
      return revertSubscription(db, entry.action, change);
  }
}
