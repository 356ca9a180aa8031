// Prints the training benchmark (bench/run.mjs and bench/node.ts call report(result)).
const f = (x, d = 2) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '-');

export function report(r) {
  console.log(`\nadapter: ${r.adapter ?? 'none'} (${r.runner})`);
  console.log(`config: D=${r.config.dModel} H=${r.config.nHeads} F=${r.config.dFF} layers ${r.config.nEncoderLayers}+${r.config.nDecoderLayers}, batch ${r.config.batch}\n`);
  const rows = [
    ['ours (WebGPU)', f(r.ours.stepsPerSec), f(r.ours.tokensPerSec, 0), f(r.ours.dispatchesPerStep, 0), f(r.ours.submitsPerStep), f(r.ours.awaitedReadbacksPerStep), r.ours.error ?? matmulNote(r.ours)],
    [`ours (CPU, ${r.cpu.engine ?? '-'})`, f(r.cpu.stepsPerSec), f(r.cpu.tokensPerSec, 0), '-', '-', '-', r.cpu.error ?? ''],
    ...Object.entries(r.tfjsBackends ?? {}).map(([b, t]) => [`TF.js ${b}`, f(t.stepsPerSec), f(t.tokensPerSec, 0), '-', '-', '-', t.error ?? (b === 'wasm' && 'simd' in t ? `simd ${t.simd}, threads ${t.threads}` : '')]),
  ];
  const head = ['engine', 'steps/s', 'tokens/s', 'dispatches/step', 'submits/step', 'awaited readbacks/step', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const line = (c) => c.map((x, i) => (i === 0 || i === c.length - 1 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const x of rows) console.log(line(x));
  if (r.fastestPeer) console.log(`\nfastest peer: TF.js ${r.fastestPeer.backend}, ${f(r.fastestPeer.stepsPerSec)} steps/s; our faster engine / it: ${f(r.oursOverFastestPeer)}`);
  // the goal on the same adapter: ours on WebGPU against TF.js's GPU backends
  for (const b of ['webgpu', 'webgl']) {
    const t = r.tfjsBackends?.[b]?.stepsPerSec;
    if (t && r.ours.stepsPerSec) console.log(`ours (WebGPU) / TF.js ${b}: ${f(r.ours.stepsPerSec / t)}`);
  }
  const em = r.stepsTo95;
  if (em) console.log(`steps to 95% validation exact match (${em.engine}): ${em.steps ?? `not reached (best ${f(em.best * 100, 0)}%)`} (${f(em.seconds, 0)} s)`);
}

/** Which matmul form ours ran, and what the measurement that chose it saw. */
function matmulNote(ours) {
  if (!ours.matmulBlocks) return '';
  const side = 4 * ours.matmulBlocks;
  const t = ours.matmulTuning;
  return `matmul ${side}×${side} per invocation${t ? ` (measured: 4×4 ${f(t.ms[1])} ms, 8×8 ${f(t.ms[2])} ms)` : ' (forced)'}`;
}
