// The top bar's Undo. Hovering asks the core what an undo would take back now (or why it
// would refuse), so the tooltip says it before anyone clicks.
import { ActionIcon, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { invoke } from '../lib/invoke';
import { isMac } from '../lib/shortcuts';
import { undoLastChange } from '../lib/undo';

const KEYS = isMac ? '⌘Z' : 'Ctrl+Z';

function UndoIcon({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor"
      strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </svg>
  );
}

export function UndoButton() {
  const [label, setLabel] = useState(`Undo the last change (${KEYS})`);
  const [nothing, setNothing] = useState(false);

  async function preview() {
    try {
      const p = await invoke('activity.undoable', {});
      setNothing(p.entry === null);
      setLabel(p.refusal ?? `Undo: ${p.entry?.summary} (${KEYS})`);
    } catch {
      // The tooltip keeps its general text; a click still says what went wrong.
    }
  }

  return (
    <Tooltip label={label} multiline maw={380} withArrow>
      {/* The wrapper still sees the pointer when the button is disabled. */}
      <span onMouseEnter={() => void preview()} style={{ display: 'inline-flex' }}>
        <ActionIcon variant="default" size="lg" aria-label="Undo the last change"
          data-testid="undo-button" disabled={nothing}
          onClick={async () => {
            await undoLastChange();
            await preview();
          }}>
          <UndoIcon />
        </ActionIcon>
      </span>
    </Tooltip>
  );
}
