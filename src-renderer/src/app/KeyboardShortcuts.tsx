// Runs the window's keyboard shortcuts and shows the dialog that lists them (press ?).
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useEffect } from 'react';
import { create } from 'zustand';
import { SHORTCUTS, shortcutFor, type KeyState, type ShortcutAction } from '../lib/shortcuts';
import { undoLastChange } from '../lib/undo';
import { useNav } from '../stores/nav-store';
import { useWorkspace } from '../stores/workspace-store';

export const useShortcutsDialog = create<{ open: boolean; setOpen(open: boolean): void }>(
  (set) => ({ open: false, setOpen: (open) => set({ open }) }),
);

// While a dialog or drawer is open, keys belong to it: undo or a jump would change the
// screen behind it.
const dialogOpen = (): boolean => document.querySelector('[role="dialog"]') !== null;

function run(action: ShortcutAction): void {
  const nav = useNav.getState();
  switch (action) {
    case 'undo':
      void undoLastChange();
      return;
    case 'help':
      useShortcutsDialog.getState().setOpen(true);
      return;
    case 'go-tenants': {
      const first = useWorkspace.getState().tenants[0];
      if (first) nav.openTenant(first.domain);
      return;
    }
    case 'go-gateways':
      return nav.go({ kind: 'gateways' });
    case 'go-publish':
      return nav.go({ kind: 'publish' });
    case 'go-bundles':
      return nav.go({ kind: 'bundles' });
    case 'go-activity':
      return nav.go({ kind: 'activity' });
  }
}

export function KeyboardShortcuts() {
  const open = useShortcutsDialog((s) => s.open);
  const setOpen = useShortcutsDialog((s) => s.setOpen);

  useEffect(() => {
    const state: KeyState = { pendingG: null };
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || dialogOpen()) return;
      const action = shortcutFor(e, state, Date.now());
      if (!action) return;
      e.preventDefault();
      run(action);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Modal opened={open} onClose={() => setOpen(false)} title="Keyboard shortcuts" centered
      data-testid="shortcuts-dialog">
      <Table verticalSpacing="xs">
        <Table.Tbody>
          {SHORTCUTS.map((s) => (
            <Table.Tr key={s.what}>
              <Table.Td w={140}>
                <Group gap={4} wrap="nowrap">
                  {s.keys.map((k, i) => (
                    <Group key={k} gap={4} wrap="nowrap">
                      {i > 0 && <Text size="xs" c="dimmed">then</Text>}
                      <Kbd size="sm">{k}</Kbd>
                    </Group>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td><Text size="sm">{s.what}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        Shortcuts wait while you type in a field, so Ctrl/Cmd+Z there undoes your typing.
      </Text>
    </Modal>
  );
}
