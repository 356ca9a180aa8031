// t() for keys built from runtime codes (`train.setup.invalid.${key}`, `data.checkpoint.${code}`)
// whose values differ per key: the typed t() wants every key's values at once. The keys
// themselves are checked by the translation files and the tests that render each one.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type LooseT = (key: string, values?: Record<string, unknown>) => string;

export function useLooseT(): LooseT {
  const { t } = useTranslation();
  return useCallback((key, values) => (t as unknown as (k: string, v?: object) => string)(key, values), [t]);
}
