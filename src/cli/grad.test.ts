// `npm run grad` as a user runs it: tsx in a subprocess against the shipped checkpoint, on a
// sentence pair of the toy grammar. The JSON carries every tensor of the checkpoint with its
// shape, a norm that matches its data and the loss pairGradients computes in-process; a bad
// input gives exit code 2 and one `error:` line on stderr, never a stack trace. The runs go in
// parallel: each tsx start costs about a second here.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFloat32 } from '../model/base64';
import { l2Norm, pairBatch, pairGradients, tokenizePair } from '../train/pairGradients';
import { loadTranslator, SHIPPED_CHECKPOINT } from './common';

const TSX = resolve('node_modules/.bin/tsx');
const SRC = 'did the big dog drink the water at home last night ?';
const TGT = '大 狗 昨晚 在 家 喝 了 水 吗 ？'; // docs: shared/data/en-zh-grammar.md's example

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function grad(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(TSX, ['src/cli/grad.ts', ...args], { maxBuffer: 64 << 20, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const FAILURES: Array<[string, string[], RegExp]> = [
  ['an unknown source word', ['--src', 'the cat purred .', '--tgt', '猫 坐 了 。'], /--src: unknown source word "purred"/],
  ['an unknown target word', ['--src', 'the cat sat .', '--tgt', '猫 坐 了 喵 。'], /--tgt: unknown target word "喵"/],
  ['a missing --tgt', ['--src', 'the cat sat .'], /--tgt is required/],
  ['--smoothing abc', ['--src', 'the cat sat .', '--tgt', '猫 坐 了 。', '--smoothing', 'abc'], /--smoothing must be a number with 0 ≤ ε < 1, got "abc"/],
  ['an unknown flag', ['--src', 'the cat sat .', '--tgt', '猫 坐 了 。', '--temperature', '2'], /Unknown option '--temperature'/],
  ['a missing checkpoint', ['--src', 'the cat sat .', '--tgt', '猫 坐 了 。', '--checkpoint', 'no/such/file.json'], /checkpoint not found: no\/such\/file\.json/],
];

let json: Run;
let text: Run;
let failures: Run[];

beforeAll(async () => {
  [json, text, ...failures] = await Promise.all([
    grad('--src', SRC, '--tgt', TGT, '--json'),
    grad('--src', SRC, '--tgt', TGT, '--smoothing', '0'),
    ...FAILURES.map(([, args]) => grad(...args)),
  ]);
});

describe('npm run grad', () => {
  it("--json: every tensor of the checkpoint, its shape, data whose norm is `norm`, and the in-process loss", async () => {
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(json.stdout.trim().split('\n')).toHaveLength(1); // one JSON object
    const out = JSON.parse(json.stdout) as { loss: number; nTokens: number; grads: Record<string, { shape: number[]; norm: number; data: string }> };
    expect(Object.keys(out)).toEqual(['loss', 'nTokens', 'grads']);
    expect(out.nTokens).toBe(TGT.split(' ').length + 1);

    const file = JSON.parse(readFileSync(SHIPPED_CHECKPOINT, 'utf8')) as { tensors: Record<string, { shape: number[] }> };
    expect(Object.keys(out.grads)).toEqual(Object.keys(file.tensors));
    let nonzero = 0;
    for (const [name, g] of Object.entries(out.grads)) {
      expect(g.shape, name).toEqual(file.tensors[name].shape);
      const data = decodeFloat32(g.data)!;
      expect(data.length, name).toBe(g.shape.reduce((a, b) => a * b, 1));
      expect(Math.abs(l2Norm(data) - g.norm), name).toBeLessThanOrEqual(1e-12 + 1e-9 * g.norm);
      if (g.norm > 1e-6) nonzero++;
    }
    // Every tensor moves except the key biases (softmax ignores them: true gradient 0).
    expect(nonzero).toBe(Object.keys(out.grads).filter((n) => !/\.wk\.bias$/.test(n)).length);

    // The same computation in-process: the loss and a gradient agree.
    const tr = loadTranslator();
    const p = tokenizePair(SRC, TGT);
    const r = await pairGradients(tr.model, pairBatch(tr, p.src, p.tgt), { labelSmoothing: 0.1 });
    expect(out.loss).toBe(r.loss);
    expect(Array.from(decodeFloat32(out.grads['out.weight'].data)!)).toEqual(Array.from(r.grads.get('out.weight')!));
  });

  it('without --json: loss, nTokens and an aligned table of every tensor with shape and norm', async () => {
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    const tr = loadTranslator();
    const p = tokenizePair(SRC, TGT);
    const r = await pairGradients(tr.model, pairBatch(tr, p.src, p.tgt), { labelSmoothing: 0 });
    expect(lines[0]).toMatch(new RegExp(`^loss +${r.loss.toFixed(6)} .*ε = 0;`));
    expect(lines[1]).toMatch(/^nTokens +11$/);
    const header = lines.findIndex((l) => /^tensor +shape +L2 norm$/.test(l));
    const rows = lines.slice(header + 1).filter((l) => l !== '');
    expect(rows.map((l) => l.split(/ +/)[0])).toEqual([...r.grads.keys()]);
    expect(new Set(rows.map((l) => l.length)).size).toBe(1); // aligned columns
    const outRow = rows.find((l) => l.startsWith('out.weight '))!;
    expect(outRow.split(/ {2,}/)).toEqual(['out.weight', '[48, 66]', l2Norm(r.grads.get('out.weight')!).toExponential(4)]);
  });

  FAILURES.forEach(([what, , message], i) => {
    it(`${what}: exit code 2 and one error line, no stack trace`, () => {
      const run = failures[i];
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines, run.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^error: /);
      expect(lines[0]).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    });
  });
});
