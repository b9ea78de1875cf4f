// One confirmation dialog for every destructive action: `await confirmAction({...})`.
import type { ReactNode } from 'react';
import { create } from 'zustand';

export type ConfirmRequest = {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  // When set, the user must type this exact text before the action is allowed.
  typeToConfirm?: string;
};

type ConfirmState = {
  request: ConfirmRequest | null;
  resolve: ((ok: boolean) => void) | null;
  ask(request: ConfirmRequest): Promise<boolean>;
  answer(ok: boolean): void;
};

export const useConfirm = create<ConfirmState>((set, get) => ({
  request: null,
  resolve: null,
  ask: (request) =>
    new Promise<boolean>((resolve) => {
      get().resolve?.(false);
      set({ request, resolve });
    }),
  answer: (ok) => {
    get().resolve?.(ok);
    set({ request: null, resolve: null });
  },
}));

export const confirmAction = (request: ConfirmRequest): Promise<boolean> =>
  useConfirm.getState().ask(request);
