// The toy dataset's default probe sentence, as the trainer picks it (src/train/probe.ts), so
// the field shows it before an engine exists.
import { defaultProbeText } from '../../train/probe';

export const TOY_PROBE = defaultProbeText({ dataset: 'toy', validation: [] });
