// A small reverse-mode tape. Each differentiable op (ops.ts) computes its output and, when a
// tape is present, pushes a closure that turns the output's gradient into its inputs'
// gradients. backward() replays the closures in reverse. Parameter gradients are not kept
// here: ops accumulate them straight into the arena's gradient views.
// Each closure runs under the label scope 'backward/<the forward scope it was pushed in>', so a
// profile can say which part of the model a backward kernel served ('backward/enc.0.self/scores').
import type { Backend, Tensor } from '../engine/backend';

export class Tape {
  private readonly steps: Array<{ run: () => void; scope: string }> = [];
  private readonly grads = new Map<number, Tensor>();

  constructor(readonly be: Backend) {}

  /** Register the backward closure of an op that has just run. */
  push(step: () => void): void {
    this.steps.push({ run: step, scope: this.be.labelPath() });
  }

  /** The gradient flowing into t, or undefined when nothing downstream used t. */
  grad(t: Tensor): Tensor | undefined {
    return this.grads.get(t.id);
  }

  /** Add g to t's gradient. Never mutates g or an existing gradient (they may be shared). */
  addGrad(t: Tensor, g: Tensor): void {
    const prev = this.grads.get(t.id);
    if (!prev) {
      if (g.size !== t.size) {
        throw new Error(`tape: gradient of '${t.label}' has ${g.size} elements, tensor has ${t.size}`);
      }
      this.grads.set(t.id, g);
    } else {
      this.grads.set(t.id, this.be.add(prev, g));
    }
  }

  /**
   * Replace t's gradient with g, which must already include the previous one (an op that
   * sums its contribution in itself, e.g. matmul with `add: tape.grad(t)`: no separate add).
   */
  setGrad(t: Tensor, g: Tensor): void {
    if (g.size !== t.size) {
      throw new Error(`tape: gradient of '${t.label}' has ${g.size} elements, tensor has ${t.size}`);
    }
    this.grads.set(t.id, g);
  }

  /** Seed the output's gradient and run every backward closure, newest first. */
  backward(output: Tensor, seed: Tensor): void {
    this.addGrad(output, seed);
    for (let i = this.steps.length - 1; i >= 0; i--) {
      const { run, scope } = this.steps[i];
      this.be.labelScope(scope ? `backward/${scope}` : 'backward', run);
    }
    this.steps.length = 0;
  }
}
