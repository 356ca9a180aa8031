// attention.wgsl — fused scaled dot-product attention per (batch·head), forward and backward.
// One dispatch each, in place of: scores matmul → mask → softmax → weighted-sum matmul
// (forward) and weighted-sum backward (2 matmuls) → softmax backward → scores backward
// (2 matmuls). The same arithmetic as those kernels, so P and the gradients agree with them.
//
// Shapes: q (BH, Tq, Dh); k, v (BH, Tk, Dh); key mask (B, Tk) with block bh = b·H + h;
// P (BH, Tq, Tk); out, dOut (BH, Tq, Dh). Row i of block bh sees key j unless it is masked:
// causal (j > i + offset) or padding (key_mask[b, j] = 0). Masked weights are 0; a row with no
// visible key is all zeros (so is its output), never NaN.
//
// Who computes what:
//   forward  — invocation r (global index over 64-wide workgroups, 2-D grid) owns query row
//              r = bh·Tq + i: s_j = scale·q_i·k_j over the visible keys and their max, then
//              e_j = exp(s_j − max) and their sum, then P_ij = e_j / sum and
//              out_i = Σ_j P_ij·v_j. The P row is the scratch between passes. No barriers.
//   backward — workgroup bh (WG invocations) owns one block, in two phases:
//              1. invocation t takes query rows i = t, t+WG, …: dP_ij = dOut_i·v_j,
//                 dS_ij = P_ij·(dP_ij − Σ_j' dP_ij'·P_ij') into the dS scratch, and
//                 dq_i = scale·Σ_j dS_ij·k_j;
//              storageBarrier: the block's dS is visible to the whole workgroup;
//              2. invocation t takes key rows j = t, t+WG, …: dk_j = scale·Σ_i dS_ij·q_i and
//                 dv_j = Σ_i P_ij·dOut_i.
//              dq, dk and dv are written into one binding at dq_off, dk_off, dv_off.
//              WG is the block's row count rounded up to a power of two (8…64): no
//              invocation waits at the barrier without a row to work on, when rows fit.
//   forward4, backward4 — the same, reading q, k, v and dOut (and writing out, dq, dk, dv) as
//              vec4s along Dh, for Dh a multiple of 4 (the wrapper checks): a dot product of
//              two Dh-vectors is Dh/4 vec4 loads of each and Dh/4 dot()s.

const CAUSAL: u32 = 1u;
const KEY_MASK: u32 = 2u;
const LOWEST: f32 = -3.0e38;
const FWD_WG: u32 = 64u;

override WG: u32 = 32u;

struct Params {
  blocks: u32, tq: u32, tk: u32, dh: u32, heads: u32, flags: u32, offset: i32, scale: f32,
  dq_off: u32, dk_off: u32, dv_off: u32,
}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> q: array<f32>;
@group(0) @binding(2) var<storage, read> k: array<f32>;
@group(0) @binding(3) var<storage, read> v: array<f32>;
// forward
@group(0) @binding(4) var<storage, read> key_mask: array<f32>;
@group(0) @binding(5) var<storage, read_write> w: array<f32>;
@group(0) @binding(6) var<storage, read_write> out: array<f32>;
// backward
@group(0) @binding(4) var<storage, read> pw: array<f32>;
@group(0) @binding(5) var<storage, read> d_out: array<f32>;
@group(0) @binding(6) var<storage, read_write> grads: array<f32>;
@group(0) @binding(7) var<storage, read_write> ds: array<f32>;

fn visible(bh: u32, i: u32, j: u32) -> bool {
  if ((p.flags & CAUSAL) != 0u && i32(j) > i32(i) + p.offset) { return false; }
  if ((p.flags & KEY_MASK) != 0u && key_mask[(bh / p.heads) * p.tk + j] == 0.0) { return false; }
  return true;
}

/** Row wr of w: the visible scores (max m) → softmax weights; hidden keys get 0. */
fn normalize_row(bh: u32, i: u32, wr: u32, m: f32) {
  var sum = 0.0;
  for (var j = 0u; j < p.tk; j++) {
    var e = 0.0;
    if (visible(bh, i, j)) { e = exp(w[wr + j] - m); }
    w[wr + j] = e;
    sum += e;
  }
  let inv = 1.0 / sum;
  for (var j = 0u; j < p.tk; j++) { w[wr + j] *= inv; }
}

@compute @workgroup_size(FWD_WG)
fn forward(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let r = gid.x + gid.y * nwg.x * FWD_WG;
  if (r >= p.blocks * p.tq) { return; }
  let bh = r / p.tq;
  let i = r % p.tq;
  let qi = r * p.dh;
  let kb = bh * p.tk * p.dh;
  let wr = r * p.tk;
  var m = LOWEST;
  for (var j = 0u; j < p.tk; j++) {
    if (!visible(bh, i, j)) { continue; }
    var s = 0.0;
    for (var d = 0u; d < p.dh; d++) { s += q[qi + d] * k[kb + j * p.dh + d]; }
    s *= p.scale;
    w[wr + j] = s;
    m = max(m, s);
  }
  if (m == LOWEST) {
    for (var j = 0u; j < p.tk; j++) { w[wr + j] = 0.0; }
    for (var d = 0u; d < p.dh; d++) { out[qi + d] = 0.0; }
    return;
  }
  normalize_row(bh, i, wr, m);
  for (var d = 0u; d < p.dh; d++) {
    var o = 0.0;
    for (var j = 0u; j < p.tk; j++) { o += w[wr + j] * v[kb + j * p.dh + d]; }
    out[qi + d] = o;
  }
}

@compute @workgroup_size(WG)
fn backward(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
            @builtin(local_invocation_index) t: u32) {
  let bh = wid.x + wid.y * nwg.x;
  if (bh >= p.blocks) { return; } // uniform across the workgroup
  let qb = bh * p.tq * p.dh;
  let kb = bh * p.tk * p.dh;
  let wb = bh * p.tq * p.tk;
  // 1. rows: dS and dq
  for (var i = t; i < p.tq; i += WG) {
    let wr = wb + i * p.tk;
    var dot = 0.0;
    for (var j = 0u; j < p.tk; j++) {
      var dp = 0.0;
      for (var d = 0u; d < p.dh; d++) { dp += d_out[qb + i * p.dh + d] * v[kb + j * p.dh + d]; }
      ds[wr + j] = dp;
      dot += dp * pw[wr + j];
    }
    for (var j = 0u; j < p.tk; j++) { ds[wr + j] = pw[wr + j] * (ds[wr + j] - dot); }
    for (var d = 0u; d < p.dh; d++) {
      var g = 0.0;
      for (var j = 0u; j < p.tk; j++) { g += ds[wr + j] * k[kb + j * p.dh + d]; }
      grads[p.dq_off + qb + i * p.dh + d] = p.scale * g;
    }
  }
  storageBarrier();
  // 2. key rows: dk and dv
  for (var j = t; j < p.tk; j += WG) {
    for (var d = 0u; d < p.dh; d++) {
      var gk = 0.0;
      var gv = 0.0;
      for (var i = 0u; i < p.tq; i++) {
        let at = wb + i * p.tk + j;
        gk += ds[at] * q[qb + i * p.dh + d];
        gv += pw[at] * d_out[qb + i * p.dh + d];
      }
      grads[p.dk_off + kb + j * p.dh + d] = p.scale * gk;
      grads[p.dv_off + kb + j * p.dh + d] = gv;
    }
  }
}

// ---- forward4, backward4: vec4 reads along Dh ----------------------------------------------
// The same bindings viewed as vec4s (other entry points: a resource interface is per entry
// point). Offsets in vec4s: dh4 = Dh / 4 per row; dq_off, dk_off and dv_off are multiples of 4.
@group(0) @binding(1) var<storage, read> q4: array<vec4f>;
@group(0) @binding(2) var<storage, read> k4: array<vec4f>;
@group(0) @binding(3) var<storage, read> v4: array<vec4f>;
@group(0) @binding(6) var<storage, read_write> out4: array<vec4f>;
@group(0) @binding(5) var<storage, read> d_out4: array<vec4f>;
@group(0) @binding(6) var<storage, read_write> grads4: array<vec4f>;

@compute @workgroup_size(FWD_WG)
fn forward4(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let r = gid.x + gid.y * nwg.x * FWD_WG;
  if (r >= p.blocks * p.tq) { return; }
  let bh = r / p.tq;
  let i = r % p.tq;
  let dh4 = p.dh / 4u;
  let qi = r * dh4;
  let kb = bh * p.tk * dh4;
  let wr = r * p.tk;
  var m = LOWEST;
  for (var j = 0u; j < p.tk; j++) {
    if (!visible(bh, i, j)) { continue; }
    var s = 0.0;
    for (var d = 0u; d < dh4; d++) { s += dot(q4[qi + d], k4[kb + j * dh4 + d]); }
    s *= p.scale;
    w[wr + j] = s;
    m = max(m, s);
  }
  if (m == LOWEST) {
    for (var j = 0u; j < p.tk; j++) { w[wr + j] = 0.0; }
    for (var d = 0u; d < dh4; d++) { out4[qi + d] = vec4f(0.0); }
    return;
  }
  normalize_row(bh, i, wr, m);
  for (var d = 0u; d < dh4; d++) {
    var o = vec4f(0.0);
    for (var j = 0u; j < p.tk; j++) { o += w[wr + j] * v4[kb + j * dh4 + d]; }
    out4[qi + d] = o;
  }
}

@compute @workgroup_size(WG)
fn backward4(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
             @builtin(local_invocation_index) t: u32) {
  let bh = wid.x + wid.y * nwg.x;
  if (bh >= p.blocks) { return; } // uniform across the workgroup
  let dh4 = p.dh / 4u;
  let qb = bh * p.tq * dh4;
  let kb = bh * p.tk * dh4;
  let wb = bh * p.tq * p.tk;
  // 1. rows: dS and dq
  for (var i = t; i < p.tq; i += WG) {
    let wr = wb + i * p.tk;
    let qr = qb + i * dh4;
    var dot_p = 0.0;
    for (var j = 0u; j < p.tk; j++) {
      var dp = 0.0;
      for (var d = 0u; d < dh4; d++) { dp += dot(d_out4[qr + d], v4[kb + j * dh4 + d]); }
      ds[wr + j] = dp;
      dot_p += dp * pw[wr + j];
    }
    for (var j = 0u; j < p.tk; j++) { ds[wr + j] = pw[wr + j] * (ds[wr + j] - dot_p); }
    for (var d = 0u; d < dh4; d++) {
      var g = vec4f(0.0);
      for (var j = 0u; j < p.tk; j++) { g += ds[wr + j] * k4[kb + j * dh4 + d]; }
      grads4[p.dq_off / 4u + qr + d] = p.scale * g;
    }
  }
  storageBarrier();
  // 2. key rows: dk and dv
  for (var j = t; j < p.tk; j += WG) {
    let kr = kb + j * dh4;
    for (var d = 0u; d < dh4; d++) {
      var gk = vec4f(0.0);
      var gv = vec4f(0.0);
      for (var i = 0u; i < p.tq; i++) {
        let at = wb + i * p.tk + j;
        gk += ds[at] * q4[qb + i * dh4 + d];
        gv += pw[at] * d_out4[qb + i * dh4 + d];
      }
      grads4[p.dk_off / 4u + kr + d] = p.scale * gk;
      grads4[p.dv_off / 4u + kr + d] = gv;
    }
  }
}
