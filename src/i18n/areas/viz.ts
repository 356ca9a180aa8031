// Interface strings of the D3 views' own chrome (table toggle, export buttons, legends),
// English and Chinese side by side. The Chinese object is typed by the English one.
import type { Widen } from '../widen';

export const vizEn = {
  placeholder: '',
} as const;

export const vizZh: Widen<typeof vizEn> = {
  placeholder: '',
};
