// softmax.wgsl — masked, scaled softmax over the last axis, its backward, and maskScores.
//
// Input (…, Tq, Tk) is viewed as `rows` rows of `cols` = Tk. Row r is query i = r mod Tq of
// block r / Tq (block = batch·heads + head), so the key mask row is (r / Tq) / heads.
// Who computes what:
//   *_rows  — one invocation per row (rows ≤ 128 wide): invocation r = gid.x + gid.y·64·nwg.x
//             walks its row three times (max, Σexp, write). No barriers: good for short
//             attention rows, where a workgroup per row would idle most of its lanes.
//   *_wg    — one workgroup of RWG invocations per row (wide rows): workgroup r = wid.x +
//             wid.y·nwg.x; invocation t covers columns t, t+RWG, …; tree reductions in
//             workgroup memory give the row max and sum.
//   mask_scores — one invocation per element i (global index over 256-wide workgroups).
// Masked entries (causal: j > i + offset; key mask value 0) are excluded; a row with no
// unmasked entry gives zeros. Subtracting the row max keeps exp from overflowing.

const LOWEST: f32 = -3.0e38;
const MASKED_VALUE: f32 = -1e9;
const CAUSAL: u32 = 1u;
const KEY_MASK: u32 = 2u;

override RWG: u32 = 128u;

struct Params { rows: u32, cols: u32, tq: u32, heads: u32, flags: u32, offset: i32, scale: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> key_mask: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
// backward: y and dy in, dx out
@group(0) @binding(1) var<storage, read> yb: array<f32>;
@group(0) @binding(2) var<storage, read> dy: array<f32>;
@group(0) @binding(3) var<storage, read_write> dx: array<f32>;

fn is_masked(row: u32, j: u32) -> bool {
  if ((p.flags & CAUSAL) != 0u && i32(j) > i32(row % p.tq) + p.offset) { return true; }
  if ((p.flags & KEY_MASK) != 0u) {
    let b = (row / p.tq) / p.heads;
    if (key_mask[b * p.cols + j] == 0.0) { return true; }
  }
  return false;
}

// ---- forward, one invocation per row ----------------------------------------------------
@compute @workgroup_size(64)
fn softmax_rows(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let row = gid.x + gid.y * nwg.x * 64u;
  if (row >= p.rows) { return; }
  let base = row * p.cols;
  var m = LOWEST;
  for (var j = 0u; j < p.cols; j++) {
    if (!is_masked(row, j)) { m = max(m, p.scale * x[base + j]); }
  }
  if (m == LOWEST) {
    for (var j = 0u; j < p.cols; j++) { y[base + j] = 0.0; }
    return;
  }
  var s = 0.0;
  for (var j = 0u; j < p.cols; j++) {
    if (!is_masked(row, j)) { s += exp(p.scale * x[base + j] - m); }
  }
  let inv = 1.0 / s;
  for (var j = 0u; j < p.cols; j++) {
    y[base + j] = select(exp(p.scale * x[base + j] - m) * inv, 0.0, is_masked(row, j));
  }
}

// ---- forward, one workgroup per row -----------------------------------------------------
@compute @workgroup_size(RWG)
fn softmax_wg(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
              @builtin(local_invocation_index) t: u32) {
  let row = wid.x + wid.y * nwg.x;
  if (row >= p.rows) { return; } // uniform across the workgroup
  let base = row * p.cols;
  var m = LOWEST;
  for (var j = t; j < p.cols; j += RWG) {
    if (!is_masked(row, j)) { m = max(m, p.scale * x[base + j]); }
  }
  m = reduce_max(t, m);
  if (m == LOWEST) {
    for (var j = t; j < p.cols; j += RWG) { y[base + j] = 0.0; }
    return;
  }
  var s = 0.0;
  for (var j = t; j < p.cols; j += RWG) {
    if (!is_masked(row, j)) { s += exp(p.scale * x[base + j] - m); }
  }
  let inv = 1.0 / reduce_sum(t, s);
  for (var j = t; j < p.cols; j += RWG) {
    y[base + j] = select(exp(p.scale * x[base + j] - m) * inv, 0.0, is_masked(row, j));
  }
}

// ---- backward: dx = scale · y ⊙ (dy − Σ_j dy·y) -------------------------------------------
@compute @workgroup_size(64)
fn backward_rows(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let row = gid.x + gid.y * nwg.x * 64u;
  if (row >= p.rows) { return; }
  let base = row * p.cols;
  var dot = 0.0;
  for (var j = 0u; j < p.cols; j++) { dot += dy[base + j] * yb[base + j]; }
  for (var j = 0u; j < p.cols; j++) {
    dx[base + j] = p.scale * yb[base + j] * (dy[base + j] - dot);
  }
}

@compute @workgroup_size(RWG)
fn backward_wg(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
               @builtin(local_invocation_index) t: u32) {
  let row = wid.x + wid.y * nwg.x;
  if (row >= p.rows) { return; }
  let base = row * p.cols;
  var part = 0.0;
  for (var j = t; j < p.cols; j += RWG) { part += dy[base + j] * yb[base + j]; }
  let dot = reduce_sum(t, part);
  for (var j = t; j < p.cols; j += RWG) {
    dx[base + j] = p.scale * yb[base + j] * (dy[base + j] - dot);
  }
}

// ---- mask_scores: the scores softmax sees — scale·x, masked entries MASKED_VALUE ---------
@compute @workgroup_size(256)
fn mask_scores(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = gid.x + gid.y * nwg.x * 256u;
  if (i >= p.rows * p.cols) { return; }
  let row = i / p.cols;
  y[i] = select(p.scale * x[i], MASKED_VALUE, is_masked(row, i % p.cols));
}

// reduce_max, reduce_sum and their scratch `red`: shaders/reduce.wgsl, appended to this file.
