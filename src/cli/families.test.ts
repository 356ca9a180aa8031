// `npm run generate` and `npm run fill-mask` as a user runs them: tsx in subprocesses (in
// parallel: each start costs seconds here) against the shipped decoder-only and encoder-only
// checkpoints. The JSON has the documented shape; probabilities are the model's untempered
// ones; bad input, bad options and checkpoints of the wrong family or format end with exit code
// 2 and one `error:` line, never a stack trace.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_CHECKPOINT, SHIPPED_DECODER } from './common';

const TSX = resolve('node_modules/.bin/tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(TSX, [`src/cli/${script}.ts`, ...args], { maxBuffer: 16 << 20, timeout: 120_000 }, (err, stdout, stderr) => {
      done({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

interface Step {
  token: string;
  prob: number;
  top5: Array<{ token: string; prob: number }>;
}

const dir = mkdtempSync(join(tmpdir(), 'families-cli-'));
const lines = join(dir, 'lines.txt');
writeFileSync(lines, 'the cat sat .\n\nshe did not read my letter in the library .\n');

const FAILURES: Array<[string, string, string[], RegExp]> = [
  ['fill-mask without <mask>', 'fillMask', ['the cat sat .'], /no <mask> in "the cat sat \."/],
  ['generate with the translator checkpoint', 'generate', ['the cat sat .', '--checkpoint', SHIPPED_CHECKPOINT], /is an encoder-decoder translator, not a decoder-only language model/],
  ['fill-mask with the decoder-only checkpoint', 'fillMask', ['the <mask> sat .', '--checkpoint', SHIPPED_DECODER], /is a decoder-only language model, not an encoder-only masked language model/],
  ['generate with an over-long prompt', 'generate', ['the cat '.repeat(20)], /prompt too long: 40 words; with <bos> and <sep> the model takes at most 31/],
  ['generate --temperature=-1', 'generate', ['the cat sat .', '--temperature=-1'], /temperature must be a number from 0 to 100, got -1/],
  ['generate --temperature -1 (read by Node as a missing value)', 'generate', ['the cat sat .', '--temperature', '-1'], /Option '--temperature' argument is ambiguous\..*\(try --help\)$/],
  ['generate --top-k 1.5', 'generate', ['the cat sat .', '--top-k', '1.5'], /--top-k must be a whole number, got "1\.5"/],
  ['generate with a file that is not a checkpoint', 'generate', ['the cat sat .', '--checkpoint', 'package.json'], /cannot load checkpoint package\.json: format must be/],
];

let greedy: Run;
let sampled: Run;
let sampledAgain: Run;
let filled: Run;
let failures: Run[];

beforeAll(async () => {
  [greedy, sampled, sampledAgain, filled, ...failures] = await Promise.all([
    run('generate', '--file', lines, '--json'),
    run('generate', 'did the big dog drink the water at home last night ?', '--json', '--temperature', '1.5', '--top-k', '5', '--seed', '7'),
    run('generate', 'did the big dog drink the water at home last night ?', '--json', '--temperature', '1.5', '--top-k', '5', '--seed', '7'),
    run('fillMask', 'the <mask> sat .', '--json'),
    ...FAILURES.map(([, script, args]) => run(script, ...args)),
  ]);
}, 300_000);

function checkSteps(steps: Step[]): void {
  for (const s of steps) {
    expect(s.top5).toHaveLength(5);
    for (let i = 1; i < 5; i++) expect(s.top5[i].prob).toBeLessThanOrEqual(s.top5[i - 1].prob);
    expect(s.prob).toBeGreaterThan(0);
    expect(s.prob).toBeLessThanOrEqual(1);
  }
  expect(steps.at(-1)!.token).toBe('<eos>');
}

describe('npm run generate', () => {
  it('--json --file: one object per non-empty line, { prompt, tokens, text, steps: [{ token, prob, top5 }] }, greedy = the argmax', () => {
    expect(greedy.stderr).toBe('');
    expect(greedy.code).toBe(0);
    const outs = greedy.stdout.trim().split('\n').map((l) => JSON.parse(l) as { prompt: string; promptTokens: string[]; tokens: string[]; text: string; steps: Step[] });
    expect(outs.map((o) => o.prompt)).toEqual(['the cat sat .', 'she did not read my letter in the library .']);
    expect(outs.map((o) => o.text)).toEqual(['猫 坐 了 。', '她 在 图书馆 没 读 我 的 信 。']);
    expect(outs[0].promptTokens).toEqual(['<bos>', 'the', 'cat', 'sat', '.', '<sep>']);
    for (const o of outs) {
      expect(Object.keys(o)).toEqual(['prompt', 'promptTokens', 'unknown', 'tokens', 'text', 'steps']);
      expect(o.tokens.join(' ')).toBe(o.text);
      expect(o.steps.map((s) => s.token)).toEqual([...o.tokens, '<eos>']);
      checkSteps(o.steps);
      for (const s of o.steps) expect(s.top5[0]).toEqual({ token: s.token, prob: s.prob });
    }
  });

  it('sampling: the same seed gives the same tokens; each is in the untempered top-5 (top-k 5 keeps the order)', () => {
    expect(sampled.code).toBe(0);
    expect(sampled.stdout).toBe(sampledAgain.stdout);
    const o = JSON.parse(sampled.stdout) as { steps: Step[] };
    checkSteps(o.steps);
    for (const s of o.steps) {
      const listed = s.top5.find((x) => x.token === s.token);
      expect(listed, s.token).toBeDefined();
      expect(listed!.prob).toBe(s.prob); // untempered
    }
  });
});

describe('npm run fill-mask', () => {
  it('--json: { tokens, masks: [{ position, top5 }] } with positions counted over the words', () => {
    expect(filled.stderr).toBe('');
    expect(filled.code).toBe(0);
    const o = JSON.parse(filled.stdout) as { text: string; tokens: string[]; masks: Array<{ position: number; top5: Array<{ token: string; prob: number }> }>; filled: string[] };
    expect(o.tokens).toEqual(['the', '<mask>', 'sat', '.']);
    expect(o.masks.map((m) => m.position)).toEqual([1]);
    const top = o.masks[0].top5.map((x) => x.token);
    expect(top).toHaveLength(5);
    // The subjects of "the _ sat .": five of the six nouns that can be subjects.
    for (const t of top) expect(['cat', 'dog', 'bird', 'teacher', 'student', 'doctor']).toContain(t);
    expect(o.filled).toEqual(['the', top[0], 'sat', '.']);
  });
});

describe('bad input and checkpoints', () => {
  FAILURES.forEach(([what, , , message], i) => {
    it(`${what}: exit code 2 and one error line, no stack trace`, () => {
      const r = failures[i];
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      const errLines = r.stderr.trimEnd().split('\n');
      expect(errLines, r.stderr).toHaveLength(1);
      expect(errLines[0]).toMatch(/^error: /);
      expect(errLines[0]).toMatch(message);
    });
  });
});
