// Prints the training benchmark (bench/run.mjs calls report(result) after a run).
const f = (x, d = 2) => (typeof x === 'number' ? x.toFixed(d) : '-');

export function report(r) {
  console.log(`\nadapter: ${r.adapter}`);
  console.log(`config: D=${r.config.dModel} H=${r.config.nHeads} F=${r.config.dFF} layers ${r.config.nEncoderLayers}+${r.config.nDecoderLayers}, batch ${r.config.batch}\n`);
  const rows = [
    ['ours (WebGPU)', f(r.ours.stepsPerSec), f(r.ours.tokensPerSec, 0), f(r.ours.dispatchesPerStep, 0), f(r.ours.submitsPerStep), f(r.ours.awaitedReadbacksPerStep)],
    ['ours (CPU)', f(r.cpu.stepsPerSec), f(r.cpu.tokensPerSec, 0), '-', '-', '-'],
    [`TF.js (${r.tfjs.backend ?? 'webgpu'})`, f(r.tfjs.stepsPerSec), f(r.tfjs.tokensPerSec, 0), '-', '-', '-'],
  ];
  if (r.page) rows.push(['Train view (WebGPU)', f(r.page.webgpu?.stepsPerSec), f(r.page.webgpu?.tokensPerSec, 0), '-', '-', '-'], ['Train view (CPU worker)', f(r.page.cpu?.stepsPerSec), f(r.page.cpu?.tokensPerSec, 0), '-', '-', '-']);
  const head = ['engine', 'steps/s', 'tokens/s', 'dispatches/step', 'submits/step', 'awaited readbacks/step'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((x) => x[i].length)));
  const line = (c) => c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const x of rows) console.log(line(x));
  console.log(`\nours / TF.js steps/s: ${f(r.oursOverTfjs)} (goal ≥ 2)`);
  const em = r.ours.stepsTo90ValidExactMatch;
  if (em) console.log(`steps to 90% validation exact match (${em.engine}): ${em.steps ?? 'not reached'} (${f(em.seconds, 0)} s)`);
}
