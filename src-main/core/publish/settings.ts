// A gateway's stored publish settings and admin token, read only where a publish needs
// them: the token never travels in the Gateway model, so no shell or log ever sees it.
import type { Gateway } from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import type { PublishOptions } from './options.js';

type Row = { credentials: string | null; settings_json: string };

// Which Kong a kong gateway is: Enterprise has workspaces and consumer groups.
export type KongEditionSetting = 'oss' | 'enterprise';

export type GatewayAccess = {
  token: string | null;
  options: PublishOptions;
  edition: KongEditionSetting;
};

export function gatewayAccess(db: Db, g: Gateway): GatewayAccess {
  const row = db
    .prepare(`SELECT credentials, settings_json FROM gateways WHERE id = ?`)
    .get(g.id) as Row | undefined;
  const stored = JSON.parse(row?.settings_json ?? '{}') as PublishOptions;
  const options: PublishOptions = {};
  if (typeof stored.concurrency === 'number') options.concurrency = stored.concurrency;
  if (typeof stored.restoreOnFailure === 'boolean') {
    options.restoreOnFailure = stored.restoreOnFailure;
  }
  const edition = (stored as { edition?: unknown }).edition === 'enterprise' ? 'enterprise' : 'oss';
  return { token: row?.credentials ?? null, options, edition };
}
