// One entry per gateway kind: the handlers call these and never name a kind themselves.
import type {
  Drift,
  Gateway,
  Plan,
  PublishResult,
} from '../../../src-shared/model.js';
import type { Db } from '../db/open.js';
import { driftCaddy } from './caddy/drift.js';
import { rollbackCaddy } from './caddy/rollback.js';
import * as caddy from './engine.js';
import { applyKong, driftKong, planKong, rollbackKong, testKong } from './kong/publisher.js';

export type Publisher = {
  plan(db: Db, g: Gateway): Promise<Plan>;
  apply(db: Db, g: Gateway): Promise<PublishResult>;
  rollback(db: Db, g: Gateway, number: number): Promise<PublishResult>;
  drift(db: Db, g: Gateway): Promise<Drift>;
  test(db: Db, g: Gateway): Promise<{ reachable: boolean; message: string }>;
};

const caddyPublisher: Publisher = {
  plan: (db, g) => caddy.computePlan(db, g),
  apply: (db, g) => caddy.applyPlan(db, g),
  rollback: rollbackCaddy,
  drift: driftCaddy,
  test: (_db, g) => caddy.testGateway(g),
};

const kongPublisher: Publisher = {
  plan: (db, g) => planKong(db, g),
  apply: (db, g) => applyKong(db, g),
  rollback: (db, g, n) => rollbackKong(db, g, n),
  drift: (db, g) => driftKong(db, g),
  test: testKong,
};

export function publisherFor(g: Gateway): Publisher {
  switch (g.kind) {
    case 'caddy':
      return caddyPublisher;
    case 'kong':
      return kongPublisher;
  }
}
