// Interface strings of the Study view, English and Chinese side by side.
// The Chinese object is typed by the English one: a missing or extra key is a type error.
import type { Widen } from '../widen';

export const studyEn = {
  placeholder: '',
} as const;

export const studyZh: Widen<typeof studyEn> = {
  placeholder: '',
};
