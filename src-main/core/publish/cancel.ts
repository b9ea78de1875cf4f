// Cancelling a running apply. Each apply of a gateway that can stop between requests (Kong)
// registers here for its duration; `cancelApply` aborts it. Within this process only: an
// apply another process runs is not reachable from here.
const running = new Map<string, AbortController>();

// Registers an apply of `gateway` and hands it the signal to watch; `done` unregisters it.
export function beginApply(gateway: string): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController();
  running.set(gateway, controller);
  return {
    signal: controller.signal,
    done: () => {
      if (running.get(gateway) === controller) running.delete(gateway);
    },
  };
}

// True when an apply of that gateway was running and has been told to stop.
export function cancelApply(gateway: string): boolean {
  const controller = running.get(gateway);
  if (!controller || controller.signal.aborted) return false;
  controller.abort();
  return true;
}
