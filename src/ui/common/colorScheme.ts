// The colour scheme on the page, as rules: the switch's choice (settings slice) resolved
// against the system's `prefers-color-scheme`, and how the result is written on <html>
// (data-color-scheme="light|dark", which the stylesheets key their dark variables on, and the
// CSS color-scheme for form controls and scroll bars). The hooks are in useColorScheme.ts.
import type { ColorSchemeChoice } from '../../store/slices/settings';

export type ColorScheme = 'light' | 'dark';

export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Pure: the scheme a choice gives when the system prefers dark or not. */
export function resolveColorScheme(choice: ColorSchemeChoice, systemPrefersDark: boolean): ColorScheme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

export function systemPrefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

export function applyColorScheme(scheme: ColorScheme, root: HTMLElement | undefined = globalThis.document?.documentElement): void {
  if (!root) return;
  root.dataset.colorScheme = scheme;
  root.style.colorScheme = scheme;
}

/** Applies the choice once, before React renders (main.tsx), so a dark page never flashes light. */
export function applyInitialColorScheme(choice: ColorSchemeChoice): void {
  applyColorScheme(resolveColorScheme(choice, systemPrefersDark()));
}
