// Prints the kernel benchmark as a table (bench/run.mjs and bench/node.ts call report(result)).
const f = (x, d = 3) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '-');
const PEERS = ['webgpu', 'webgl', 'wasm'];

export function report(result) {
  console.log(`\nadapter: ${result.adapter ?? 'none'} (${result.runner}); TensorFlow.js ${result.tfjs?.version ?? '-'}`);
  const t = result.matmulTuning;
  if (t) console.log(`our direct matmuls: ${4 * t.blocks}×${4 * t.blocks} outputs per invocation (measured${t.shape ? ` on (${t.shape.rows}×${t.shape.inner})·(${t.shape.inner}×${t.shape.outer})` : ''}: 4×4 ${t.ms[1].toFixed(2)} ms, 8×8 ${t.ms[2].toFixed(2)} ms, ${t.timer} timer)`);
  for (const [b, e] of Object.entries(result.tfjs?.errors ?? {})) console.log(`  TF.js ${b}: ${e}`);
  const rows = result.rows.map((r) => [r.kernel, r.shape, f(r.oursMs), ...PEERS.map((b) => f(r.tfjs?.[b]?.ms)), f(r.cpuMs, 2), r.fastestPeer ?? '-', f(r.ratio, 2)]);
  const head = ['kernel', 'shape', 'ours ms', 'tf webgpu', 'tf webgl', 'tf wasm', 'cpu ms', 'fastest peer', 'ours/peer'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const ratios = result.rows.map((r) => r.ratio).filter((x) => typeof x === 'number');
  if (ratios.length) console.log(`\nworst ratio against the fastest peer ${Math.max(...ratios).toFixed(2)} (below 1: ours is faster)`);
}
