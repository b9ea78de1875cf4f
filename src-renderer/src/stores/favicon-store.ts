// Tenant favicons for the rail, fetched once per tenant and refreshed when branding changes.
import { create } from 'zustand';
import { invoke } from '../lib/invoke';

type FaviconState = {
  byDomain: Record<string, string | null>;
  ensure(domain: string): void;
  set(domain: string, favicon: string | null): void;
};

const requested = new Set<string>();

export const useFavicons = create<FaviconState>((set) => ({
  byDomain: {},
  ensure(domain) {
    if (requested.has(domain)) return;
    requested.add(domain);
    invoke('branding.get', { domain })
      .then((b) => set((s) => ({ byDomain: { ...s.byDomain, [domain]: b.favicon } })))
      .catch(() => requested.delete(domain));
  },
  set: (domain, favicon) => set((s) => ({ byDomain: { ...s.byDomain, [domain]: favicon } })),
}));
