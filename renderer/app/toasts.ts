// Short messages at the bottom of the window; an action (撤销) makes destructive steps reversible.
import { create } from 'zustand';

export interface Toast {
  id: number;
  kind: 'success' | 'error' | 'info';
  text: string;
  action?: { label: string; run: () => void };
}

let nextId = 1;
export const useToasts = create<{ toasts: Toast[]; dismiss: (id: number) => void }>()((set) => ({
  toasts: [],
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

export function toast(kind: Toast['kind'], text: string, action?: Toast['action']): void {
  const id = nextId++;
  useToasts.setState((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text, action }] }));
  setTimeout(() => useToasts.getState().dismiss(id), kind === 'error' ? 10_000 : action ? 8_000 : 4_000);
}
