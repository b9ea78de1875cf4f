// What the whole window shows at once: the workspace file, its tenants and its gateways.
import { create } from 'zustand';
import type { Gateway, Tenant, WorkspaceInfo } from '../../../src-shared/model';
import { invoke } from '../lib/invoke';
import { notifyError } from '../lib/notify';

type WorkspaceState = {
  info: WorkspaceInfo | null;
  tenants: Tenant[];
  gateways: Gateway[];
  loaded: boolean;
  refresh(): Promise<void>;
  refreshTenants(): Promise<void>;
  refreshGateways(): Promise<void>;
};

export const useWorkspace = create<WorkspaceState>((set) => ({
  info: null,
  tenants: [],
  gateways: [],
  loaded: false,

  async refresh() {
    try {
      const [info, tenants, gateways] = await Promise.all([
        invoke('workspace.info', {}),
        invoke('tenant.list', {}),
        invoke('gateway.list', {}),
      ]);
      set({ info, tenants, gateways, loaded: true });
    } catch (err) {
      set({ loaded: true });
      notifyError(err, 'Could not open the workspace');
    }
  },

  async refreshTenants() {
    try {
      const [info, tenants] = await Promise.all([
        invoke('workspace.info', {}),
        invoke('tenant.list', {}),
      ]);
      set({ info, tenants });
    } catch (err) {
      notifyError(err, 'Could not list tenants');
    }
  },

  async refreshGateways() {
    try {
      set({ gateways: await invoke('gateway.list', {}) });
    } catch (err) {
      notifyError(err, 'Could not list gateways');
    }
  },
}));
