// Texts of the parameter-gradient table the training-step stages share.
import type { Bilingual } from '../../../../i18n/text';

export const paramGradText = {
  parameter: { en: 'parameter', zh: '参数' },
  shape: { en: 'shape', zh: '形状' },
  weightNorm: { en: '‖w‖', zh: '‖w‖' },
  gradNorm: { en: '‖∂L/∂w‖', zh: '‖∂L/∂w‖' },
  ratio: { en: '‖∂L/∂w‖ / ‖w‖', zh: '‖∂L/∂w‖ / ‖w‖' },
} satisfies Record<string, Bilingual>;
