#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure.
//   browser → typecheck ∥ lint → unit (+ kernel) → build → e2e
// typecheck and lint are each one single-threaded process, so they run side by side (their
// output is held and printed whole, one after the other); the other steps stream as they come.
// A summary of steps and durations closes the run.
// Run a subset by naming steps: `node scripts/test-all.mjs unit e2e`.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { swiftShaderEnv } from './swiftshader.mjs';

// The environment of a step, read when the step starts (the browser step may just have
// installed SwiftShader): Node's WebGPU (the `webgpu` package, in the kernel tests) finds its
// Vulkan driver through VK_ICD_FILENAMES, and where a driver exists the GPU tests must find an
// adapter rather than skip (scripts/swiftshader.mjs).
// The browser step itself looks for the driver, and reports where it found it.
function stepEnv(step) {
  if (step.name === 'browser') return { ...process.env, ...step.env };
  return { ...process.env, ...swiftShaderEnv(process.env).add, ...step.env };
}

const bin = (name) => join('node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

const STEPS = [
  { name: 'browser', cmd: process.execPath, args: ['scripts/check-browser.mjs'] },
  { name: 'typecheck', cmd: bin('tsc'), args: ['-p', 'tsconfig.json', '--noEmit'], together: 'static' },
  { name: 'lint', cmd: bin('eslint'), args: ['.'], together: 'static' },
  { name: 'unit', cmd: bin('vitest'), args: ['run'] },
  { name: 'build', cmd: bin('vite'), args: ['build'] },
  // The build step just ran: Playwright serves dist/ without building again.
  { name: 'e2e', cmd: bin('playwright'), args: ['test'], env: { ATTENTION_LAB_PREBUILT: '1' } },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !STEPS.some((s) => s.name === w));
if (unknown.length) {
  console.error(`test-all: unknown step ${unknown.join(', ')}; steps are ${STEPS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const steps = wanted.length ? STEPS.filter((s) => wanted.includes(s.name)) : STEPS;

/** Run a step; `held` collects its output instead of streaming it. Resolves with the exit code. */
function run(step, held) {
  return new Promise((resolve) => {
    const child = spawn(step.cmd, step.args, {
      stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      env: stepEnv(step),
      shell: process.platform === 'win32',
    });
    if (held) {
      child.stdout.on('data', (d) => held.push(d));
      child.stderr.on('data', (d) => held.push(d));
    }
    child.on('error', (err) => {
      console.error(`test-all: could not start ${step.cmd}: ${err.message} (did you run npm install?)`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
const results = [];
const started = Date.now();
let failed = null;

const commandLineOf = (step) => [step.cmd === process.execPath ? 'node' : step.cmd.replace(/^node_modules[\\/].bin[\\/]/, ''), ...step.args].join(' ');

/** The steps in order, consecutive ones of the same `together` group as one batch. */
function batches(list) {
  const out = [];
  for (const step of list) {
    const last = out.at(-1);
    if (step.together && last?.[0].together === step.together) last.push(step);
    else out.push([step]);
  }
  return out;
}

for (const batch of batches(steps)) {
  const alone = batch.length === 1;
  if (!alone) console.log(`\n━━ ${batch.map((s) => s.name).join(' ∥ ')}: side by side, output after each ends`);
  const runs = batch.map(async (step) => {
    if (alone) console.log(`\n━━ ${step.name}: ${commandLineOf(step)}`);
    const held = alone ? null : [];
    const t0 = Date.now();
    const code = await run(step, held);
    return { step, code, ms: Date.now() - t0, held };
  });
  for (const { step, code, ms, held } of await Promise.all(runs)) {
    if (held) {
      console.log(`\n━━ ${step.name}: ${commandLineOf(step)}`);
      process.stdout.write(Buffer.concat(held));
    }
    results.push({ name: step.name, ms, ok: code === 0 });
    if (code !== 0 && !failed) {
      failed = { step, code, commandLine: commandLineOf(step) };
      console.error(`\n✘ test-all: step "${step.name}" failed (${failed.commandLine}, exit code ${code}) after ${seconds(ms)}`);
    }
  }
  if (failed) break;
}

console.log('\n━━ summary');
const width = Math.max(...steps.map((s) => s.name.length));
for (const step of steps) {
  const r = results.find((x) => x.name === step.name);
  const mark = !r ? '·' : r.ok ? '✔' : '✘';
  console.log(`  ${mark} ${step.name.padEnd(width)}  ${r ? seconds(r.ms).padStart(7) : ' skipped'}`);
}
console.log(`  total ${seconds(Date.now() - started)}`);
if (failed) {
  console.log(`FAILED at ${failed.step.name}`);
  process.exitCode = 1;
} else {
  console.log('all steps passed');
}
