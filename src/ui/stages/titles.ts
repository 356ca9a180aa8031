// Every forward stage's title by id, without the panels: what another view needs to name a
// forward stage (the training step links each of its stages to the forward stage it reverses).
// The registry test checks these are the registry's own titles.
import type { Bilingual } from '../../i18n/text';
import type { StageId } from '../../model/stageIds';
import { title as addNorm } from './add-norm/content';
import { title as complexity } from './complexity/content';
import { title as concat } from './concat/content';
import { title as crossAttn } from './cross-attn/content';
import { title as decoderSelfAttn } from './decoder-self-attn/content';
import { title as decoding } from './decoding/content';
import { title as embedding } from './embedding/content';
import { title as encoderStack } from './encoder-stack/content';
import { title as ffn } from './ffn/content';
import { title as heads } from './heads/content';
import { title as mask } from './mask/content';
import { title as output } from './output/content';
import { title as overview } from './overview/content';
import { title as positional } from './positional/content';
import { title as qkv } from './qkv/content';
import { title as scores } from './scores/content';
import { title as softmax } from './softmax/content';
import { title as tokens } from './tokens/content';
import { title as weightedSum } from './weighted-sum/content';

export const STAGE_TITLES: Readonly<Record<StageId, Bilingual>> = {
  overview,
  tokens,
  embedding,
  positional,
  qkv,
  scores,
  mask,
  softmax,
  'weighted-sum': weightedSum,
  heads,
  concat,
  'add-norm': addNorm,
  ffn,
  'encoder-stack': encoderStack,
  'decoder-self-attn': decoderSelfAttn,
  'cross-attn': crossAttn,
  output,
  decoding,
  complexity,
};
