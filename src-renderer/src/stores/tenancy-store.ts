// The audiences of the tenant on screen: roles, members, tiers and the who-sees-what matrix.
// Kept together because a change to one (a new role) changes what the others show.
import { create } from 'zustand';
import type { Tier } from '../../../src-shared/model';
import type { AccessMatrix, Member, Role } from '../../../src-shared/tenancy';
import { invoke } from '../lib/invoke';
import { notifyError } from '../lib/notify';

type TenancyState = {
  tenant: string | null;
  roles: Role[];
  members: Member[];
  tiers: Tier[];
  matrix: AccessMatrix | null;
  loading: boolean;
  load(tenant: string): Promise<void>;
  // Reloads everything of the current tenant after a change.
  reload(): Promise<void>;
};

export const useTenancy = create<TenancyState>((set, get) => ({
  tenant: null,
  roles: [],
  members: [],
  tiers: [],
  matrix: null,
  loading: false,

  async load(tenant) {
    if (get().tenant !== tenant) {
      set({ tenant, roles: [], members: [], tiers: [], matrix: null });
    }
    set({ loading: true });
    try {
      const [roles, members, tiers, matrix] = await Promise.all([
        invoke('role.list', { tenant }),
        invoke('member.list', { tenant }),
        invoke('tier.list', { tenant }),
        invoke('access.matrix', { tenant }),
      ]);
      if (get().tenant === tenant) set({ roles, members, tiers, matrix, loading: false });
    } catch (err) {
      set({ loading: false });
      notifyError(err, 'Could not load the audiences');
    }
  },

  async reload() {
    const tenant = get().tenant;
    if (tenant) await get().load(tenant);
  },
}));
