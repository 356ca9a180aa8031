// layernorm.wgsl — LayerNorm over the last axis of (R, C): forward and backward.
//   y = (x − mean)·rstd·γ + β,  rstd = 1/√(σ² + ε),  σ² the biased variance.
//
// Who computes what:
//   forward_rows / dx_rows — one invocation per row r = gid.x + gid.y·64·nwg.x (narrow rows:
//       no barriers, each invocation walks its row a few times).
//   forward_wg / dx_wg — one workgroup of RWG invocations per row r = wid.x + wid.y·nwg.x;
//       invocation t covers columns t, t+RWG, …; tree reductions give the row sums.
//   dparams — one invocation per column c: dγ[c] and dβ[c] summed over rows 0..R-1 in order
//       (a fixed order, so the result is the same on every run).
// Backward: x̂ = (x − mean)·rstd, g = dy·γ,  dx = rstd·(g − mean(g) − x̂·mean(g·x̂)).

override RWG: u32 = 64u;

struct Params { rows: u32, cols: u32, acc: u32, eps: f32 }
@group(0) @binding(0) var<uniform> p: Params;

// forward
@group(0) @binding(1) var<storage, read> fx: array<f32>;
@group(0) @binding(2) var<storage, read> gamma: array<f32>;
@group(0) @binding(3) var<storage, read> beta: array<f32>;
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
@group(0) @binding(5) var<storage, read_write> mean_out: array<f32>;
@group(0) @binding(6) var<storage, read_write> rstd_out: array<f32>;

// backward (dx and dparams)
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read> bx: array<f32>;
@group(0) @binding(3) var<storage, read> mean_in: array<f32>;
@group(0) @binding(4) var<storage, read> rstd_in: array<f32>;
@group(0) @binding(5) var<storage, read> gamma_in: array<f32>;
@group(0) @binding(6) var<storage, read_write> dx: array<f32>;
@group(0) @binding(5) var<storage, read_write> dgamma: array<f32>;
@group(0) @binding(6) var<storage, read_write> dbeta: array<f32>;

var<workgroup> red2: array<f32, RWG>;

// ---- forward ----------------------------------------------------------------------------
@compute @workgroup_size(64)
fn forward_rows(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let row = gid.x + gid.y * nwg.x * 64u;
  if (row >= p.rows) { return; }
  let base = row * p.cols;
  let n = f32(p.cols);
  var s = 0.0;
  for (var j = 0u; j < p.cols; j++) { s += fx[base + j]; }
  let mean = s / n;
  var q = 0.0;
  for (var j = 0u; j < p.cols; j++) { let d = fx[base + j] - mean; q += d * d; }
  let rstd = 1.0 / sqrt(q / n + p.eps);
  for (var j = 0u; j < p.cols; j++) {
    y[base + j] = (fx[base + j] - mean) * rstd * gamma[j] + beta[j];
  }
  mean_out[row] = mean;
  rstd_out[row] = rstd;
}

@compute @workgroup_size(RWG)
fn forward_wg(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
              @builtin(local_invocation_index) t: u32) {
  let row = wid.x + wid.y * nwg.x;
  if (row >= p.rows) { return; } // uniform across the workgroup
  let base = row * p.cols;
  let n = f32(p.cols);
  var s = 0.0;
  for (var j = t; j < p.cols; j += RWG) { s += fx[base + j]; }
  let mean = reduce_sum(t, s) / n;
  var q = 0.0;
  for (var j = t; j < p.cols; j += RWG) { let d = fx[base + j] - mean; q += d * d; }
  let rstd = 1.0 / sqrt(reduce_sum(t, q) / n + p.eps);
  for (var j = t; j < p.cols; j += RWG) {
    y[base + j] = (fx[base + j] - mean) * rstd * gamma[j] + beta[j];
  }
  if (t == 0u) {
    mean_out[row] = mean;
    rstd_out[row] = rstd;
  }
}

// ---- backward: dx -----------------------------------------------------------------------
@compute @workgroup_size(64)
fn dx_rows(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let row = gid.x + gid.y * nwg.x * 64u;
  if (row >= p.rows) { return; }
  let base = row * p.cols;
  let mean = mean_in[row];
  let rstd = rstd_in[row];
  var sg = 0.0;
  var sgx = 0.0;
  for (var j = 0u; j < p.cols; j++) {
    let g = dy[base + j] * gamma_in[j];
    sg += g;
    sgx += g * (bx[base + j] - mean) * rstd;
  }
  let n = f32(p.cols);
  let mg = sg / n;
  let mgx = sgx / n;
  for (var j = 0u; j < p.cols; j++) {
    let xhat = (bx[base + j] - mean) * rstd;
    dx[base + j] = rstd * (dy[base + j] * gamma_in[j] - mg - xhat * mgx);
  }
}

@compute @workgroup_size(RWG)
fn dx_wg(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
         @builtin(local_invocation_index) t: u32) {
  let row = wid.x + wid.y * nwg.x;
  if (row >= p.rows) { return; }
  let base = row * p.cols;
  let mean = mean_in[row];
  let rstd = rstd_in[row];
  var sg = 0.0;
  var sgx = 0.0;
  for (var j = t; j < p.cols; j += RWG) {
    let g = dy[base + j] * gamma_in[j];
    sg += g;
    sgx += g * (bx[base + j] - mean) * rstd;
  }
  // both sums in one tree (two arrays), to halve the barriers
  red[t] = sg;
  red2[t] = sgx;
  workgroupBarrier();
  for (var span = RWG / 2u; span > 0u; span /= 2u) {
    if (t < span) {
      red[t] += red[t + span];
      red2[t] += red2[t + span];
    }
    workgroupBarrier();
  }
  let n = f32(p.cols);
  let mg = red[0] / n;
  let mgx = red2[0] / n;
  for (var j = t; j < p.cols; j += RWG) {
    let xhat = (bx[base + j] - mean) * rstd;
    dx[base + j] = rstd * (dy[base + j] * gamma_in[j] - mg - xhat * mgx);
  }
}

// ---- backward: dγ, dβ (acc bit 0: add to dγ, bit 1: add to dβ) ---------------------------
@compute @workgroup_size(64)
fn dparams(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let c = gid.x + gid.y * nwg.x * 64u;
  if (c >= p.cols) { return; }
  var sg = 0.0;
  var sb = 0.0;
  for (var r = 0u; r < p.rows; r++) {
    let d = dy[r * p.cols + c];
    sg += d * (bx[r * p.cols + c] - mean_in[r]) * rstd_in[r];
    sb += d;
  }
  if ((p.acc & 1u) != 0u) { sg += dgamma[c]; }
  if ((p.acc & 2u) != 0u) { sb += dbeta[c]; }
  dgamma[c] = sg;
  dbeta[c] = sb;
}

// reduce_sum and its scratch `red` (also used by dx_wg's paired reduction): shaders/reduce.wgsl,
// appended to this file.
