// One entry per gateway kind: the handlers call these and never name a kind themselves.
import type {
  Drift,
  Gateway,
  Plan,
  PublishResult,
} from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import type { SecretBox } from '../tenancy/secrets.js';
import { driftCaddy } from './caddy/drift.js';
import { rollbackCaddy } from './caddy/rollback.js';
import * as caddy from './engine.js';
import { applyKong, driftKong, planKong, rollbackKong, testKong } from './kong/publisher.js';

// What a publisher may need beyond the workspace: the box that opens application keys, for
// gateways that are handed keys (Kong key-auth); Caddy 2.6 checks none.
export type PublishEnv = { secrets?: SecretBox };

export type Publisher = {
  plan(db: Db, g: Gateway, env?: PublishEnv): Promise<Plan>;
  apply(db: Db, g: Gateway, env?: PublishEnv): Promise<PublishResult>;
  rollback(db: Db, g: Gateway, number: number, env?: PublishEnv): Promise<PublishResult>;
  drift(db: Db, g: Gateway, env?: PublishEnv): Promise<Drift>;
  test(db: Db, g: Gateway): Promise<{ reachable: boolean; message: string }>;
  // Whether an apply can be stopped between requests (see publish/cancel.ts).
  cancellable: boolean;
};

const caddyPublisher: Publisher = {
  plan: (db, g) => caddy.computePlan(db, g),
  apply: (db, g) => caddy.applyPlan(db, g),
  rollback: (db, g, n) => rollbackCaddy(db, g, n),
  drift: (db, g) => driftCaddy(db, g),
  test: (_db, g) => caddy.testGateway(g),
  // One admin request carries the whole change: there is no point in between to stop at.
  cancellable: false,
};

const kongPublisher: Publisher = {
  plan: (db, g, env) => planKong(db, g, { secrets: env?.secrets }),
  apply: (db, g, env) => applyKong(db, g, { secrets: env?.secrets }),
  rollback: (db, g, n, env) => rollbackKong(db, g, n, { secrets: env?.secrets }),
  drift: (db, g) => driftKong(db, g),
  test: testKong,
  cancellable: true,
};

export function publisherFor(g: Gateway): Publisher {
  switch (g.kind) {
    case 'caddy':
      return caddyPublisher;
    case 'kong':
      return kongPublisher;
  }
}
