// Pick the current language's side of a { en, zh } text.
import { useCallback } from 'react';
import { useAppStore } from '../../../store';
import type { Bilingual } from '../types';

export function useBilingual(): (text: Bilingual) => string {
  const lang = useAppStore((s) => s.settings.language);
  return useCallback((text: Bilingual) => text[lang], [lang]);
}
