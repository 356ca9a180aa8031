// Interface strings of the Walkthrough view, English and Chinese side by side.
// The Chinese object is typed by the English one: a missing or extra key is a type error.
import type { Widen } from '../widen';

export const walkthroughEn = {
  placeholder: '',
} as const;

export const walkthroughZh: Widen<typeof walkthroughEn> = {
  placeholder: '',
};
