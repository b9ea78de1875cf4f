// Knobs of one publish. The gateway's stored settings fill them; tests set them directly to
// make faults show within seconds.
import type { RetryPolicy } from './net/retry.js';

export type PublishOptions = {
  readTimeoutMs?: number;
  writeTimeoutMs?: number;
  retry?: RetryPolicy;
  // How many entity requests run at once on gateways that take one request per entity.
  concurrency?: number;
  // Put back what was there before when an apply fails part way (on unless turned off).
  restoreOnFailure?: boolean;
};
