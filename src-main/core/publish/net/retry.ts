// Bounded retries with backoff for requests that are safe to repeat (reads, and upserts
// that name their entity). A gateway that is restarting, rate limiting or briefly down
// gets a few chances; a gateway that does not answer within the timeout gets none, since
// waiting three times as long would only hide that it is stuck.
export type RetryPolicy = {
  tries: number;
  // The pause before the second try; each later pause doubles it.
  firstDelayMs: number;
  // No single pause is longer than this, whatever Retry-After asks for.
  maxDelayMs: number;
};

export const DEFAULT_RETRY: RetryPolicy = { tries: 3, firstDelayMs: 200, maxDelayMs: 2_000 };

// A failed attempt: `retryAfterMs` when the gateway said how long to wait.
export class Retryable extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500;

// Seconds (or an HTTP date) from a Retry-After header, in ms; null when absent or unreadable.
export function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Runs `attempt` until it succeeds, throws something other than Retryable, or the tries run
// out; then the last reason is thrown with how many tries it took.
export async function withRetries<T>(
  policy: RetryPolicy,
  attempt: (n: number) => Promise<T>,
  giveUp: (reason: string, tries: number) => Error,
): Promise<T> {
  let delay = policy.firstDelayMs;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (!(err instanceof Retryable)) throw err;
      if (n >= policy.tries) throw giveUp(err.message, n);
      await pause(Math.min(policy.maxDelayMs, err.retryAfterMs ?? delay));
      delay *= 2;
    }
  }
}
