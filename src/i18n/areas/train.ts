// Interface strings of the Train view, English and Chinese side by side.
// The Chinese object is typed by the English one: a missing or extra key is a type error.
import type { Widen } from '../widen';

export const trainEn = {
  placeholder: '',
} as const;

export const trainZh: Widen<typeof trainEn> = {
  placeholder: '',
};
