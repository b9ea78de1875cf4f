// The lifecycle of an API and the moves allowed between its states.
//
// Source: WSO2 API Manager's default lifecycle as its documentation prints it ("Customize
// API Life Cycle", apim.docs.wso2.com 4.3.0, the LifeCycle JSON of the Admin Portal):
//   Created    → Published (Publish), Prototyped (Deploy as a Prototype)
//   Prototyped → Published (Publish), Created (Demote to Created)
//   Published  → Blocked (Block), Prototyped (Deploy as a Prototype),
//                Created (Demote to Created), Deprecated (Deprecate)
//   Blocked    → Deprecated (Deprecate), Published (Re-Publish)
//   Deprecated → Retired (Retire)
//   Retired    → nothing
// WSO2 also lists re-running Publish or Deploy as a Prototype on the same state; a move to
// the state an API is already in changes nothing here, so it is not a transition.
import type { ApiSummary } from '../../../src-shared/model.js';
import type { ApiLifecycle, LifecycleEvent } from '../../../src-shared/tenancy.js';
import type { Db } from '../db/open.js';
import { badInput, notFound } from '../errors.js';
import { now } from '../workspace/time.js';

export type LifecycleState = ApiSummary['lifecycle'];

export const TRANSITIONS: Readonly<Record<LifecycleState, readonly LifecycleState[]>> = {
  created: ['published', 'prototyped'],
  prototyped: ['published', 'created'],
  published: ['blocked', 'prototyped', 'created', 'deprecated'],
  blocked: ['deprecated', 'published'],
  deprecated: ['retired'],
  retired: [],
};

export function allowedMoves(from: LifecycleState): readonly LifecycleState[] {
  return TRANSITIONS[from];
}

// Refuses a move WSO2's lifecycle does not allow, saying which moves are.
export function assertTransition(label: string, from: LifecycleState, to: LifecycleState): void {
  if (from === to || TRANSITIONS[from].includes(to)) return;
  const allowed = TRANSITIONS[from];
  throw badInput(
    `lifecycle: ${label} cannot move from ${from} to ${to}; ` +
      (allowed.length ? `from ${from} it may move to ${allowed.join(', ')}` : `${from} is final`),
  );
}

// Call inside the transaction that changes the API's state; from is null for a new API.
export function recordTransition(
  db: Db,
  apiId: string,
  from: LifecycleState | null,
  to: LifecycleState,
): void {
  if (from === to) return;
  db.prepare(
    `INSERT INTO lifecycle_history (api_id, from_state, to_state, at) VALUES (?, ?, ?, ?)`,
  ).run(apiId, from, to, now());
}

export function lifecycleOf(db: Db, apiId: string): ApiLifecycle {
  const api = db.prepare(`SELECT lifecycle FROM apis WHERE id = ?`).get(apiId) as
    | { lifecycle: LifecycleState }
    | undefined;
  if (!api) throw notFound(`no API with id ${apiId}`);

  const history = db
    .prepare(
      `SELECT from_state AS "from", to_state AS "to", at FROM lifecycle_history
       WHERE api_id = ? ORDER BY id`,
    )
    .all(apiId) as LifecycleEvent[];
  return { id: apiId, state: api.lifecycle, allowed: [...TRANSITIONS[api.lifecycle]], history };
}
