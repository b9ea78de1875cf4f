// The keyboard shortcuts of the window. Kept as data so the dialog that lists them and the
// listener that runs them cannot disagree.
export type ShortcutAction =
  | 'undo'
  | 'help'
  | 'go-tenants'
  | 'go-gateways'
  | 'go-publish'
  | 'go-bundles'
  | 'go-activity';

export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl';

// keys: what to press, in order; the palette's own Ctrl/Cmd+K is listed but run by Spotlight.
export const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: [`${MOD}+K`], what: 'Open the command palette' },
  { keys: [`${MOD}+Z`], what: 'Undo the last change' },
  { keys: ['?'], what: 'Show these shortcuts' },
  { keys: ['g', 't'], what: 'Go to the first tenant' },
  { keys: ['g', 'w'], what: 'Go to Gateways' },
  { keys: ['g', 'p'], what: 'Go to Publish' },
  { keys: ['g', 'b'], what: 'Go to Bundles' },
  { keys: ['g', 'a'], what: 'Go to Activity' },
];

const GO: Record<string, ShortcutAction> = {
  t: 'go-tenants',
  w: 'go-gateways',
  p: 'go-publish',
  b: 'go-bundles',
  a: 'go-activity',
};

// A "g" waits this long for its second key.
const SEQUENCE_MS = 1200;

// Typing in a field keeps its own meaning of every key, Ctrl/Cmd+Z included.
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || el.isContentEditable;
}

export type KeyState = { pendingG: number | null };

// Decides what a key press means; null when it is none of ours.
export function shortcutFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>,
  state: KeyState,
  now: number,
): ShortcutAction | null {
  if (isTyping(e.target)) return null;
  const mod = isMac ? e.metaKey : e.ctrlKey;
  if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'z') return 'undo';
  if (e.ctrlKey || e.metaKey || e.altKey) return null;

  if (e.key === '?') return 'help';
  const waiting = state.pendingG !== null && now - state.pendingG < SEQUENCE_MS;
  state.pendingG = null;
  if (waiting && GO[e.key]) return GO[e.key];
  if (e.key === 'g') state.pendingG = now;
  return null;
}
