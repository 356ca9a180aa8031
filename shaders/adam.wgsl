// adam.wgsl — one AdamW step over the whole parameter arena: a one-invocation dispatch that
// advances the step count, then one dispatch over every element.
//
// Who computes what:
//   adam_count — one invocation: unless the step is skipped (below), t ← t + 1 in the arena's
//                adamStep. The count lives on the device because only the device knows whether
//                a step is skipped; the host never waits to find out.
//   adam       — invocation i (global index over 256-wide workgroups on a 2-D grid) updates
//                element i of the params, m and v regions from element i of the grads region,
//                with bias corrections from the t that adam_count left.
// Global-norm clipping happens in-kernel: every invocation reads the gradients' sum of
// squares, and when it is not finite (inf or NaN, tested on the exponent bits — WGSL may
// assume no infinities) it returns without touching anything: the step is skipped, t included.
//   g = grad·min(1, max_norm/‖grad‖);  m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²
//   p = p − lr·( (m/bc1) / (√(v/bc2) + ε) + wd·p )     (bc_k = 1 − β_k^t, decoupled decay)

const WG: u32 = 256u;
const HAS_NORM: u32 = 1u;
const HAS_MAX_NORM: u32 = 2u;

struct Params {
  n: u32, flags: u32,
  lr: f32, beta1: f32, beta2: f32, eps: f32, wd: f32, max_norm: f32,
}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read_write> params: array<f32>;
@group(0) @binding(2) var<storage, read> grads: array<f32>;
@group(0) @binding(3) var<storage, read_write> m: array<f32>;
@group(0) @binding(4) var<storage, read_write> v: array<f32>;
@group(0) @binding(5) var<storage, read> grad_sum_squares: array<f32>;
@group(0) @binding(6) var<storage, read> step_in: array<i32>;

fn is_finite(x: f32) -> bool {
  return (bitcast<u32>(x) & 0x7f800000u) != 0x7f800000u;
}

fn skipped(ss: f32) -> bool {
  return (p.flags & HAS_NORM) != 0u && !is_finite(ss);
}

/** 1 − β^t (β = 0 is allowed: pow(0, t) need not be defined). */
fn bias_correction(beta: f32, t: f32) -> f32 {
  return select(1.0 - pow(beta, t), 1.0, beta == 0.0);
}

@group(0) @binding(1) var<storage, read> count_gss: array<f32>;
@group(0) @binding(2) var<storage, read_write> step_count: array<i32>;

@compute @workgroup_size(1)
fn adam_count() {
  if (skipped(count_gss[0])) { return; }
  step_count[0] = step_count[0] + 1;
}

@compute @workgroup_size(WG)
fn adam(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = gid.x + gid.y * nwg.x * WG;
  if (i >= p.n) { return; }
  var clip = 1.0;
  if ((p.flags & HAS_NORM) != 0u) {
    let ss = grad_sum_squares[0];
    if (skipped(ss)) { return; }
    let norm = sqrt(ss);
    if ((p.flags & HAS_MAX_NORM) != 0u && norm > p.max_norm) { clip = p.max_norm / norm; }
  }
  let t = f32(step_in[0]);
  let bc1 = bias_correction(p.beta1, t);
  let bc2 = bias_correction(p.beta2, t);
  let g = grads[i] * clip;
  let mi = p.beta1 * m[i] + (1.0 - p.beta1) * g;
  let vi = p.beta2 * v[i] + (1.0 - p.beta2) * g * g;
  m[i] = mi;
  v[i] = vi;
  let w = params[i];
  params[i] = w - p.lr * ((mi / bc1) / (sqrt(vi / bc2) + p.eps) + p.wd * w);
}
