// Dispatch records → kernel families, so a stage can list the kernels that computed it.
// A GPU record names its .wgsl file ('softmax.wgsl'); a CPU record names the TypeScript twin
// ('cpu/heads.ts'), which we map to the .wgsl family doing the same job on the GPU. A fused
// kernel's name says what it fused ('attention(scores+mask+softmax+weighted-sum)',
// 'matmul.direct×3+splitHeads'); fusedOps reads that list back.
import type { DispatchRecord } from '../../engine/backend';
import type { ShaderFamily } from '../../engine/webgpu/shaderSources';

const CPU_TWIN: Record<string, ShaderFamily> = {
  matmul: 'matmul',
  attention: 'attention',
  softmax: 'softmax',
  layernorm: 'layernorm',
  embedding: 'embedding',
  activation: 'activation',
  crossEntropy: 'cross_entropy',
  adam: 'adam',
  elementwise: 'elementwise',
  heads: 'elementwise',
  memory: 'elementwise',
  reduce: 'elementwise',
  dropout: 'elementwise',
};

const FAMILIES = new Set<string>(['matmul', 'attention', 'softmax', 'layernorm', 'embedding', 'activation', 'cross_entropy', 'adam', 'elementwise']);

/** The kernel family a dispatch belongs to, or null for something unknown. */
export function familyOf(record: Pick<DispatchRecord, 'source'>): ShaderFamily | null {
  const file = record.source.split('/').pop() ?? '';
  const base = file.replace(/\.(wgsl|ts)$/, '');
  if (file.endsWith('.wgsl')) return FAMILIES.has(base) ? (base as ShaderFamily) : null;
  return CPU_TWIN[base] ?? null;
}

/**
 * The ops a fused kernel stands for, from its name: inside the parentheses
 * ('attention(scores+mask+softmax+weighted-sum)' → scores, mask, softmax, weighted-sum) or the
 * '+' suffixes of a variant ('matmul.direct×3+mergeHeads+colSum' → mergeHeads, colSum).
 * Empty for a kernel that fused nothing.
 */
export function fusedOps(kernel: string): string[] {
  const inner = /\(([^)]*)\)/.exec(kernel);
  if (inner) return inner[1].split('+').filter(Boolean);
  return kernel.split('+').slice(1);
}

/** One kernel variant's dispatches in a pass: how many, and their summed GPU time. */
export interface KernelUsage {
  family: ShaderFamily;
  /** Variant as the backend names it, e.g. 'matmul', 'softmax.maskScores', 'splitHeads'. */
  kernel: string;
  source: string;
  count: number;
  /** What the kernel fused (fusedOps), empty when nothing. */
  fuses: string[];
  /** Sum of the dispatches' GPU times in ms, or null when none was timed. */
  gpuMs: number | null;
}

/**
 * The dispatches of the given families, grouped by kernel variant in order of first use.
 * With `scopes`, only dispatches whose labelScope path starts with one of them count (e.g.
 * 'enc.0.self/scores': the score matmul of layer 0's encoder self-attention).
 * What the times mean: each dispatch ran in its own compute pass with timestamp queries
 * written at the pass's start and end, so gpuMs is the GPU's own execution time of that
 * kernel (no CPU encoding, no queue wait), summed over the matching dispatches of one
 * teacher-forced forward pass.
 */
export function kernelUsage(
  records: readonly DispatchRecord[],
  families: readonly ShaderFamily[],
  scopes?: readonly string[] | null,
): KernelUsage[] {
  const wanted = new Set(families);
  const byKernel = new Map<string, KernelUsage>();
  for (const r of records) {
    const family = familyOf(r);
    if (!family || !wanted.has(family)) continue;
    if (scopes && !scopes.some((s) => r.scope === s || r.scope.startsWith(`${s}/`) || r.scope.startsWith(`${s}.`))) continue;
    let u = byKernel.get(r.kernel);
    if (!u) byKernel.set(r.kernel, (u = { family, kernel: r.kernel, source: r.source, count: 0, fuses: fusedOps(r.kernel), gpuMs: null }));
    u.count += 1;
    if (r.gpuMs !== undefined) u.gpuMs = (u.gpuMs ?? 0) + r.gpuMs;
  }
  return [...byKernel.values()];
}
