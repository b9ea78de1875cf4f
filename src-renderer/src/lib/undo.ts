// Undo from the top bar or Ctrl/Cmd+Z: asks the core to take back the last change, says what
// was undone (or why not), and brings every screen up to date with the workspace.
import { create } from 'zustand';
import { useApis } from '../stores/apis-store';
import { useTenancy } from '../stores/tenancy-store';
import { useWorkspace } from '../stores/workspace-store';
import { invoke } from './invoke';
import { notifyError, notifySuccess } from './notify';

// Bumped after each undo; the place on screen is keyed by it, so screens that keep their own
// copy of what they show (forms, the activity table) load afresh.
export const useScreenGeneration = create<{ generation: number; bump(): void }>((set) => ({
  generation: 0,
  bump: () => set((s) => ({ generation: s.generation + 1 })),
}));

let running = false;

export async function undoLastChange(): Promise<void> {
  // A held-down Ctrl+Z repeats; one undo at a time keeps each one deliberate.
  if (running) return;
  running = true;
  try {
    const result = await invoke('activity.undo', {});
    notifySuccess(result.message, 'Undone');
    await refreshScreens();
  } catch (err) {
    notifyError(err, 'Nothing was undone');
  } finally {
    running = false;
  }
}

async function refreshScreens(): Promise<void> {
  const apisTenant = useApis.getState().tenant;
  await Promise.all([
    useWorkspace.getState().refresh(),
    apisTenant ? useApis.getState().load(apisTenant) : Promise.resolve(),
    useTenancy.getState().reload(),
  ]);
  useScreenGeneration.getState().bump();
}
