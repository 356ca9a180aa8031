// The backward service as the store's port wants it, without putting the training step's code
// (the traced backward, Adam, finite differences) into the first screen's bundle: the service
// module loads on the slice's first request, and calls made meanwhile are replayed in order.
import type { BackwardCompute, StartBackwardCompute } from '../../store/services';
import type { BackwardComputeOptions } from './service';

export function backwardComputeService(opts: BackwardComputeOptions = {}): StartBackwardCompute {
  return (ctx) => {
    let real: BackwardCompute | null = null;
    let disposed = false;
    const waiting: ((c: BackwardCompute) => void)[] = [];
    import('./service').then(
      (m) => {
        if (disposed) return;
        real = m.createBackwardCompute(ctx, opts);
        for (const call of waiting.splice(0)) call(real);
      },
      (e: unknown) => ctx.write({ status: 'error', problem: { kind: 'failed', message: e instanceof Error ? e.message : String(e) } }),
    );
    const call = (f: (c: BackwardCompute) => void) => (real ? f(real) : void waiting.push(f));
    return {
      request: (req) => call((c) => c.request(req)),
      flowComparison: (layers) => call((c) => c.flowComparison(layers)),
      check: (name) => call((c) => c.check(name)),
      applyStep: () => call((c) => c.applyStep()),
      resetSteps: () => call((c) => c.resetSteps()),
      dispose: () => {
        disposed = true;
        real?.dispose();
      },
    };
  };
}
