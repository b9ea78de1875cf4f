// The applies running in this process: each apply of a gateway that takes one request per
// entity (Kong) registers here for its duration, so the app can show its progress entity by
// entity and cancel it between two requests. An apply another process runs is not reachable
// from here.
import type { EntityOutcome } from '../../../src-shared/model.js';

const KEEP_OUTCOMES = 200;

type Running = {
  controller: AbortController;
  total: number;
  completed: number;
  failed: number;
  // The latest outcomes, newest last, for a live list.
  recent: EntityOutcome[];
};

const running = new Map<string, Running>();

export type ApplyHandle = {
  signal: AbortSignal;
  // How many entity requests this apply will make, once the diff is known.
  expect(total: number): void;
  // One entity request finished (applied or failed).
  report(outcome: EntityOutcome): void;
  done(): void;
};

function handleOf(gateway: string, entry: Running): ApplyHandle {
  return {
    signal: entry.controller.signal,
    expect: (total) => {
      entry.total = total;
    },
    report: (o) => {
      entry.completed += 1;
      if (o.outcome === 'failed') entry.failed += 1;
      entry.recent.push(o);
      if (entry.recent.length > KEEP_OUTCOMES) entry.recent.shift();
    },
    done: () => {
      if (running.get(gateway) === entry) running.delete(gateway);
    },
  };
}

// Registers an apply of `gateway` and hands it the signal to watch and the progress hooks.
export function beginApply(gateway: string): ApplyHandle {
  const entry: Running = {
    controller: new AbortController(),
    total: 0,
    completed: 0,
    failed: 0,
    recent: [],
  };
  running.set(gateway, entry);
  return handleOf(gateway, entry);
}

// The hooks of the apply of `gateway` running now, for code deeper in that apply.
export function runningApply(gateway: string): ApplyHandle | null {
  const entry = running.get(gateway);
  return entry ? handleOf(gateway, entry) : null;
}

export type ApplyProgress = {
  running: boolean;
  cancelling: boolean;
  total: number;
  completed: number;
  failed: number;
  recent: EntityOutcome[];
};

export function applyProgress(gateway: string): ApplyProgress {
  const entry = running.get(gateway);
  if (!entry) {
    return { running: false, cancelling: false, total: 0, completed: 0, failed: 0, recent: [] };
  }
  return {
    running: true,
    cancelling: entry.controller.signal.aborted,
    total: entry.total,
    completed: entry.completed,
    failed: entry.failed,
    recent: [...entry.recent],
  };
}

// True when an apply of that gateway was running and has been told to stop.
export function cancelApply(gateway: string): boolean {
  const entry = running.get(gateway);
  if (!entry || entry.controller.signal.aborted) return false;
  entry.controller.abort();
  return true;
}
