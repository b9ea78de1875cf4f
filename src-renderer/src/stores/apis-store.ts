// The APIs of the tenant on screen. Loaded whole: a tenant holds hundreds, the table pages.
import { create } from 'zustand';
import type { ApiSummary } from '../../../src-shared/model';
import { invoke } from '../lib/invoke';
import { notifyError } from '../lib/notify';

type ApisState = {
  tenant: string | null;
  apis: ApiSummary[];
  loading: boolean;
  load(tenant: string): Promise<void>;
  upsert(api: ApiSummary): void;
  remove(id: string): void;
};

export const useApis = create<ApisState>((set, get) => ({
  tenant: null,
  apis: [],
  loading: false,

  async load(tenant) {
    set((s) => ({ tenant, loading: true, apis: s.tenant === tenant ? s.apis : [] }));
    try {
      const apis = await invoke('api.list', { tenant });
      if (get().tenant === tenant) set({ apis, loading: false });
    } catch (err) {
      set({ loading: false });
      notifyError(err, 'Could not list APIs');
    }
  },

  upsert(api) {
    if (api.tenant !== get().tenant) return;
    set((s) => {
      const at = s.apis.findIndex((a) => a.id === api.id);
      if (at === -1) return { apis: [...s.apis, api] };
      const apis = s.apis.slice();
      apis[at] = api;
      return { apis };
    });
  },

  remove(id) {
    set((s) => ({ apis: s.apis.filter((a) => a.id !== id) }));
  },
}));
