// One entry for any checkpoint: build the model its family describes and say which it is.
import type { Backend } from '../engine/backend';
import { modelFamily, type ModelFamily } from './config';
import type { Checkpoint } from './checkpoint';
import { LanguageModel } from './languageModel';
import { MaskedLanguageModel } from './maskedLanguageModel';
import { Translator } from './translator';

export type LoadedModel =
  | { family: 'encoder-decoder'; translator: Translator }
  | { family: 'decoder'; lm: LanguageModel }
  | { family: 'encoder'; mlm: MaskedLanguageModel };

/** The family of a parsed checkpoint (a file without `family` is the translator). */
export function checkpointFamily(cp: Pick<Checkpoint, 'config'>): ModelFamily {
  return modelFamily(cp.config);
}

/** Build whichever model the checkpoint holds, on `be`. */
export function loadModel(be: Backend, cp: Checkpoint): LoadedModel {
  switch (checkpointFamily(cp)) {
    case 'decoder':
      return { family: 'decoder', lm: LanguageModel.fromCheckpoint(be, cp) };
    case 'encoder':
      return { family: 'encoder', mlm: MaskedLanguageModel.fromCheckpoint(be, cp) };
    default:
      return { family: 'encoder-decoder', translator: Translator.fromCheckpoint(be, cp) };
  }
}
