// Prints the kernel benchmark as a table (bench/run.mjs calls report(result) after a run).
const f = (x, d = 3) => (x === null || x === undefined ? '-' : x.toFixed(d));

export function report(result) {
  console.log(`\nadapter: ${result.adapter}; TensorFlow.js on ${result.tfjsBackend ?? 'webgpu'}`);
  const rows = result.rows.map((r) => [r.kernel, r.shape, f(r.oursMs), f(r.tfjsMs), f(r.cpuMs, 2), f(r.ratio, 2)]);
  const head = ['kernel', 'shape', 'ours ms', 'tfjs ms', 'cpu ms', 'ours/tfjs'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const worst = Math.max(...result.rows.map((r) => r.ratio));
  console.log(`\nworst ratio ${worst.toFixed(2)} (goal ≤ 1.0, aiming for 0.5)`);
}
