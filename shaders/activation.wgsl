// activation.wgsl — ReLU and GELU (tanh form), forward and backward.
//
// Who computes what: workgroups of 256 invocations on a 2-D grid; the invocation with global
// index i = gid.x + gid.y · 256 · num_workgroups.x computes element i (y[i] forward, dx[i]
// backward). KIND selects the function: 0 ReLU, 1 GELU.
//   GELU(x) = 0.5·x·(1 + tanh(u)), u = √(2/π)·(x + 0.044715·x³)

const WG: u32 = 256u;
const SQRT_2_OVER_PI: f32 = 0.7978845608028654;
const GELU_C: f32 = 0.044715;

override KIND: u32 = 0u;

struct Params { n: u32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
// backward only
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

fn flat(gid: vec3u, nwg: vec3u) -> u32 {
  return gid.x + gid.y * nwg.x * WG;
}

// tanh with the argument clamped: tanh(±10) is ±1 in f32, and the clamp protects drivers
// whose tanh goes through exp and returns NaN for large inputs.
fn tanh_safe(u: f32) -> f32 {
  return tanh(clamp(u, -10.0, 10.0));
}

@compute @workgroup_size(WG)
fn forward(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= p.n) { return; }
  let v = x[i];
  if (KIND == 0u) {
    y[i] = max(v, 0.0);
  } else {
    let u = SQRT_2_OVER_PI * (v + GELU_C * v * v * v);
    y[i] = 0.5 * v * (1.0 + tanh_safe(u));
  }
}

@compute @workgroup_size(WG)
fn backward(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= p.n) { return; }
  let v = x[i];
  if (KIND == 0u) {
    dx[i] = select(0.0, dy[i], v > 0.0);
  } else {
    // d/dx = 0.5·(1 + t) + 0.5·x·(1 − t²)·√(2/π)·(1 + 3·0.044715·x²), t = tanh(u)
    let t = tanh_safe(SQRT_2_OVER_PI * (v + GELU_C * v * v * v));
    let du = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_C * v * v);
    dx[i] = dy[i] * (0.5 * (1.0 + t) + 0.5 * v * (1.0 - t * t) * du);
  }
}
