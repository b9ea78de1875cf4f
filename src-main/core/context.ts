// What every handler receives: the open workspace and where it lives.
import type { Db } from './db/open.js';
import type { SecretBox } from './tenancy/secrets.js';

export type CoreContext = {
  db: Db;
  workspacePath: string;
  // Seals application keys; without one the core uses the key file beside the workspace.
  secrets?: SecretBox;
};
