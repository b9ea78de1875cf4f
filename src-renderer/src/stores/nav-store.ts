// Where the user is: one tenant (and its tab) or one workspace-wide place.
import { create } from 'zustand';

export type TenantTab = 'overview' | 'apis' | 'storefront' | 'audiences' | 'applications';
export type Place = 'gateways' | 'publish' | 'bundles' | 'activity';

export type Route =
  | { kind: 'home' }
  | { kind: 'tenant'; domain: string; tab: TenantTab }
  | { kind: Place };

type NavState = {
  route: Route;
  // Set by the command palette to open an API's drawer or the import dialog once the
  // tenant's APIs tab is on screen.
  pendingApiId: string | null;
  pendingImport: boolean;
  // Set by the command palette to open the New application dialog on the Applications tab.
  pendingNewApplication: boolean;
  newTenantOpen: boolean;
  go(route: Route): void;
  openTenant(domain: string, tab?: TenantTab): void;
  openApi(domain: string, apiId: string): void;
  requestImport(domain: string): void;
  requestNewApplication(domain: string): void;
  clearPending(): void;
  setNewTenantOpen(open: boolean): void;
};

export const useNav = create<NavState>((set) => ({
  route: { kind: 'home' },
  pendingApiId: null,
  pendingImport: false,
  pendingNewApplication: false,
  newTenantOpen: false,
  go: (route) => set({ route }),
  openTenant: (domain, tab = 'overview') => set({ route: { kind: 'tenant', domain, tab } }),
  openApi: (domain, apiId) =>
    set({ route: { kind: 'tenant', domain, tab: 'apis' }, pendingApiId: apiId }),
  requestImport: (domain) =>
    set({ route: { kind: 'tenant', domain, tab: 'apis' }, pendingImport: true }),
  requestNewApplication: (domain) =>
    set({ route: { kind: 'tenant', domain, tab: 'applications' }, pendingNewApplication: true }),
  clearPending: () =>
    set({ pendingApiId: null, pendingImport: false, pendingNewApplication: false }),
  setNewTenantOpen: (open) => set({ newTenantOpen: open }),
}));
