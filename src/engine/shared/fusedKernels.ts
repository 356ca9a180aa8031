// Names of the fused kernels as dispatch records carry them, the same on both engines: the
// name says what the kernel fused ("where the numbers came from" lists them). Matmul variants
// name their fusions as suffixes instead ('matmul.direct×3+splitHeads', see kernels/matmul.ts).
export const FUSED_KERNELS = {
  attention: 'attention(scores+mask+softmax+weighted-sum)',
  attentionBackward: 'attention.backward(weighted-sum+softmax+scores)',
  addLayerNorm: 'layernorm(add+layernorm)',
} as const;
