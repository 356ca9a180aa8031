// The second half of the predict cards' experiment runs (see predictTesting.ts).
import { describeOutcomes } from './predictTesting';

describeOutcomes(1);
