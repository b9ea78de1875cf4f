// What every handler receives: the open workspace and where it lives.
import type { Db } from './db/open.js';

export type CoreContext = {
  db: Db;
  workspacePath: string;
};
