// elementwise.wgsl — element-wise arithmetic, layout copies, dropout masks, small reductions.
//
// Who computes what: unless an entry says otherwise, workgroups of 256 invocations are laid
// on a 2-D grid (to pass the 65535-workgroups limit) and the invocation with global index
//   i = gid.x + gid.y · 256 · num_workgroups.x
// computes output element i (row-major); invocations with i ≥ n do nothing.
// Binding 0 is always the uniform block of the entry point, bound at a dynamic offset.

const WG: u32 = 256u;

fn flat(gid: vec3u, nwg: vec3u) -> u32 {
  return gid.x + gid.y * nwg.x * WG;
}

// ---- binary: out = [out +] a + alpha·b (OP 0) or a ⊙ b (OP 1) -------------------------
override OP: u32 = 0u;
struct BinaryParams { n: u32, acc: u32, alpha: f32 }
@group(0) @binding(0) var<uniform> bp: BinaryParams;
@group(0) @binding(1) var<storage, read> bin_a: array<f32>;
@group(0) @binding(2) var<storage, read> bin_b: array<f32>;
@group(0) @binding(3) var<storage, read_write> bin_out: array<f32>;

@compute @workgroup_size(WG)
fn binary(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= bp.n) { return; }
  var r: f32;
  if (OP == 0u) { r = bin_a[i] + bp.alpha * bin_b[i]; } else { r = bin_a[i] * bin_b[i]; }
  if (bp.acc != 0u) { r = bin_out[i] + r; }
  bin_out[i] = r;
}

// ---- scale: out = [out +] s·a ---------------------------------------------------------
struct ScaleParams { n: u32, acc: u32, s: f32 }
@group(0) @binding(0) var<uniform> sp: ScaleParams;
@group(0) @binding(1) var<storage, read> sc_a: array<f32>;
@group(0) @binding(2) var<storage, read_write> sc_out: array<f32>;

@compute @workgroup_size(WG)
fn scale(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= sp.n) { return; }
  var r = sp.s * sc_a[i];
  if (sp.acc != 0u) { r = sc_out[i] + r; }
  sc_out[i] = r;
}

// ---- fill: every element gets the same 32-bit pattern (an f32 or an i32) ----------------
struct FillParams { n: u32, bits: u32 }
@group(0) @binding(0) var<uniform> fp: FillParams;
@group(0) @binding(1) var<storage, read_write> fill_out: array<u32>;

@compute @workgroup_size(WG)
fn fill(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i < fp.n) { fill_out[i] = fp.bits; }
}

// ---- col_sum: (R, C) → (C). Invocation c sums column c over rows 0..R-1 in order -------
struct ColSumParams { rows: u32, cols: u32, acc: u32 }
@group(0) @binding(0) var<uniform> cp: ColSumParams;
@group(0) @binding(1) var<storage, read> cs_x: array<f32>;
@group(0) @binding(2) var<storage, read_write> cs_out: array<f32>;

@compute @workgroup_size(WG)
fn col_sum(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let c = flat(gid, nwg);
  if (c >= cp.cols) { return; }
  var s = 0.0;
  for (var r = 0u; r < cp.rows; r++) { s += cs_x[r * cp.cols + c]; }
  if (cp.acc != 0u) { s = cs_out[c] + s; }
  cs_out[c] = s;
}

// ---- sum_squares: → (1). One workgroup: invocation t sums x[t], x[t+256], … in order, then
// a fixed tree halves the 256 partial sums; the order never changes, so neither does the sum.
struct SumSqParams { n: u32, acc: u32 }
@group(0) @binding(0) var<uniform> ssp: SumSqParams;
@group(0) @binding(1) var<storage, read> ss_x: array<f32>;
@group(0) @binding(2) var<storage, read_write> ss_out: array<f32>;
var<workgroup> ss_part: array<f32, WG>;

@compute @workgroup_size(WG)
fn sum_squares(@builtin(local_invocation_index) t: u32) {
  var s = 0.0;
  for (var i = t; i < ssp.n; i += WG) { let v = ss_x[i]; s += v * v; }
  ss_part[t] = s;
  workgroupBarrier();
  for (var span = WG / 2u; span > 0u; span /= 2u) {
    if (t < span) { ss_part[t] += ss_part[t + span]; }
    workgroupBarrier();
  }
  if (t == 0u) {
    var r = ss_part[0];
    if (ssp.acc != 0u) { r = ss_out[0] + r; }
    ss_out[0] = r;
  }
}

// ---- split_heads: x (B·T, H·Dh) → y (B·H, T, Dh); element i of y ------------------------
// ---- merge_heads: x (B·H, T, Dh) → y (B·T, H·Dh); element i of y, [y +] when acc -------
struct HeadsParams { n: u32, t: u32, h: u32, dh: u32, acc: u32 }
@group(0) @binding(0) var<uniform> hp: HeadsParams;
@group(0) @binding(1) var<storage, read> hd_x: array<f32>;
@group(0) @binding(2) var<storage, read_write> hd_y: array<f32>;

@compute @workgroup_size(WG)
fn split_heads(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= hp.n) { return; }
  let e = i % hp.dh;
  let t = (i / hp.dh) % hp.t;
  let bh = i / (hp.dh * hp.t);
  let h = bh % hp.h;
  let b = bh / hp.h;
  hd_y[i] = hd_x[(b * hp.t + t) * hp.h * hp.dh + h * hp.dh + e];
}

@compute @workgroup_size(WG)
fn merge_heads(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= hp.n) { return; }
  let width = hp.h * hp.dh;
  let col = i % width;
  let bt = i / width;
  let h = col / hp.dh;
  let e = col % hp.dh;
  let t = bt % hp.t;
  let b = bt / hp.t;
  var r = hd_x[((b * hp.h + h) * hp.t + t) * hp.dh + e];
  if (hp.acc != 0u) { r = hd_y[i] + r; }
  hd_y[i] = r;
}

// ---- concat_time: (B, Ta, D) ++ (B, Tb, D) → (B, Ta+Tb, D), copied as raw 32-bit words ---
struct ConcatParams { n: u32, row_a: u32, row_b: u32 }
@group(0) @binding(0) var<uniform> ctp: ConcatParams;
@group(0) @binding(1) var<storage, read> ct_a: array<u32>;
@group(0) @binding(2) var<storage, read> ct_b: array<u32>;
@group(0) @binding(3) var<storage, read_write> ct_out: array<u32>;

@compute @workgroup_size(WG)
fn concat_time(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= ctp.n) { return; }
  let row = ctp.row_a + ctp.row_b; // words per sequence in the result
  let s = i / row;
  let r = i % row;
  if (r < ctp.row_a) {
    ct_out[i] = ct_a[s * ctp.row_a + r];
  } else {
    ct_out[i] = ct_b[s * ctp.row_b + r - ctp.row_a];
  }
}

// ---- dropout_mask: element i is kept when (pcg(i ^ pcg(seed)) >> 8) ≥ keep_from ----------
// keep_from = ceil(p·2^24) is computed exactly on the host, so the comparison is the same
// integer test as (hash >> 8) / 2^24 ≥ p on every backend.
struct DropoutParams { n: u32, seed: u32, keep_from: u32, keep_scale: f32 }
@group(0) @binding(0) var<uniform> dp: DropoutParams;
@group(0) @binding(1) var<storage, read_write> dm_out: array<f32>;

fn pcg(x: u32) -> u32 {
  let state = x * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

@compute @workgroup_size(WG)
fn dropout_mask(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= dp.n) { return; }
  let h = pcg(i ^ pcg(dp.seed));
  dm_out[i] = select(0.0, dp.keep_scale, (h >> 8u) >= dp.keep_from);
}
