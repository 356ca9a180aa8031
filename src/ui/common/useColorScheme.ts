// The colour scheme in React: the system's preference kept current, and the shell's hook that
// keeps <html> in step with the switch and the system (rules in colorScheme.ts).
import { useEffect, useSyncExternalStore } from 'react';
import { useAppStore } from '../../store';
import { applyColorScheme, DARK_QUERY, resolveColorScheme, systemPrefersDark, type ColorScheme } from './colorScheme';

function subscribeSystem(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the system prefers dark now, kept current. */
export function useSystemPrefersDark(): boolean {
  return useSyncExternalStore(subscribeSystem, systemPrefersDark, () => false);
}

/** The scheme in use; the shell calls this once, and it keeps <html> in step. */
export function useColorScheme(): ColorScheme {
  const choice = useAppStore((s) => s.settings.colorScheme);
  const scheme = resolveColorScheme(choice, useSystemPrefersDark());
  useEffect(() => applyColorScheme(scheme), [scheme]);
  return scheme;
}
