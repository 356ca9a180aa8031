// Named elements that a study card can ask a panel to emphasise when "show me" opens it.
// The walkthrough (src/ui/stages) implements each one on the stage listed; cards may only
// name ids from this list (a test checks that each card's highlight lives on the card's stage).
import type { CardStage } from './types';

interface HighlightSpec {
  stage: CardStage;
  /** What the panel should emphasise, for the engineer implementing it. */
  description: string;
}

export const HIGHLIGHTS = {
  'all-pairs': {
    stage: 'softmax',
    description: 'The full T×T weight matrix: every query row reaches every key in one step.',
  },
  'encoder-decoder-blocks': {
    stage: 'overview',
    description: 'The N× encoder and decoder stacks with their sublayers and the encoder→decoder link.',
  },
  'model-families': {
    stage: 'overview',
    description: 'Encoder-only / decoder-only / encoder-decoder side by side, with the part each keeps.',
  },
  'rnn-vs-parallel': {
    stage: 'overview',
    description: 'An RNN’s serial chain of steps next to the Transformer’s all-positions-at-once pass.',
  },
  'embedding-lookup': {
    stage: 'embedding',
    description: 'The token id selecting one row of the embedding table.',
  },
  'embed-scale': {
    stage: 'embedding',
    description: 'The ×√d_model multiplier applied to the looked-up rows, with the value ranges before and after.',
  },
  'contextual-vectors': {
    stage: 'encoder-stack',
    description: 'One word’s vector before the encoder and after each layer, changing with its context.',
  },
  'pe-waves': {
    stage: 'positional',
    description: 'The sin/cos curves of several dimensions against position (fast to slow frequencies).',
  },
  'pe-add': {
    stage: 'positional',
    description: 'Embedding + positional encoding = encoder input: an element-wise sum of equal widths.',
  },
  'qkv-projections': {
    stage: 'qkv',
    description: 'X times W_Q, W_K and W_V giving Q, K and V.',
  },
  'qkv-shapes': {
    stage: 'qkv',
    description: 'The live shape labels: (B, T, D) → (B, H, T, Dh) for Q, K and V.',
  },
  'score-matrix': {
    stage: 'scores',
    description: 'The raw QKᵀ scores, query rows against key columns.',
  },
  'sqrt-dk': {
    stage: 'scores',
    description: 'The ÷√d_k step, with the spread of the scores before and after it.',
  },
  'causal-triangle': {
    stage: 'mask',
    description: 'The masked upper triangle (keys after the query) of decoder self-attention.',
  },
  'padding-columns': {
    stage: 'mask',
    description: 'The masked key columns that belong to <pad> tokens.',
  },
  'softmax-rows': {
    stage: 'softmax',
    description: 'One row’s softmax: weights summing to 1, and the row’s entropy.',
  },
  'weighted-values': {
    stage: 'weighted-sum',
    description: 'One query’s output as the weighted sum of the value rows.',
  },
  'head-grid': {
    stage: 'heads',
    description: 'The grid of per-head attention heatmaps of one layer.',
  },
  'concat-wo': {
    stage: 'concat',
    description: 'The heads’ outputs placed side by side, then multiplied by W_O.',
  },
  'residual-path': {
    stage: 'add-norm',
    description: 'The skip connection x + Sublayer(x) around a sublayer.',
  },
  'ln-stats': {
    stage: 'add-norm',
    description: 'Per-token mean and standard deviation, then γ and β, in LayerNorm.',
  },
  'norm-placement': {
    stage: 'add-norm',
    description: 'Where the LayerNorm sits: after the residual add (post-norm) or on the sublayer input (pre-norm).',
  },
  'ffn-expand': {
    stage: 'ffn',
    description: 'The widths d_model → d_ff → d_model of the position-wise FFN.',
  },
  'ffn-zeroed': {
    stage: 'ffn',
    description: 'The hidden units that the activation zeroes (ReLU) or nearly zeroes (GELU).',
  },
  'decoder-masks': {
    stage: 'decoder-self-attn',
    description: 'Decoder self-attention with the causal and padding masks combined.',
  },
  'cross-sources': {
    stage: 'cross-attn',
    description: 'Queries from the decoder, keys and values from the encoder’s final output.',
  },
  'cross-alignment': {
    stage: 'cross-attn',
    description: 'The target-by-source weight heatmap read as a soft word alignment.',
  },
  topk: {
    stage: 'output',
    description: 'The top-k next tokens with their probabilities, and how temperature reshapes them.',
  },
  'loss-target': {
    stage: 'output',
    description: 'The gold token’s probability and its −log p, against the smoothed target distribution.',
  },
  'teacher-forcing': {
    stage: 'decoding',
    description: 'The gold target shifted right (<bos> first) fed in at once, every position predicted in parallel.',
  },
  'decode-loop': {
    stage: 'decoding',
    description: 'The autoregressive loop: each chosen token appended and fed back.',
  },
  'kv-cache': {
    stage: 'decoding',
    description: 'The cached key/value rows of earlier positions versus the one new row computed per step.',
  },
  'complexity-curves': {
    stage: 'complexity',
    description: 'Attention’s O(n²·d) and the FFN’s O(n·d·d_ff) cost plotted against sequence length n.',
  },
  'lr-schedule': {
    stage: 'train',
    description: 'The learning-rate curve: linear warm-up, then inverse-square-root decay.',
  },
  'loss-curve': {
    stage: 'train',
    description: 'Training and validation loss over steps.',
  },
  'grad-norm': {
    stage: 'train',
    description: 'The gradient-norm chart and the divergence guard’s marks.',
  },
} as const satisfies Record<string, HighlightSpec>;

export type HighlightId = keyof typeof HIGHLIGHTS;

export const HIGHLIGHT_IDS = Object.keys(HIGHLIGHTS) as HighlightId[];

export function isHighlightId(s: string): s is HighlightId {
  return Object.prototype.hasOwnProperty.call(HIGHLIGHTS, s);
}
