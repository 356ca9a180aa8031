// cross_entropy.wgsl — fused softmax + cross-entropy over (N, V) logits, forward and backward
// in one pass, with label smoothing, an ignore index and a normalizer.
//   target t_c = (1 − ε)·[c = y] + ε/V;  loss = logΣexp(x) − Σ_c t_c·x_c
//   dlogits_c = (softmax(x)_c − t_c) / normalizer;  ignored rows: loss 0, dlogits 0.
//   The wrapper refuses out-of-range targets on the host whenever it knows them (written from
//   the host, as every caller's are); one it cannot know, outside [0, V), counts as ignored here.
//
// Who computes what:
//   xent_rows — one invocation per row r = gid.x + gid.y·64·nwg.x (narrow vocabularies).
//   xent_wg   — one workgroup of RWG invocations per row r = wid.x + wid.y·nwg.x; invocation
//               t covers classes t, t+RWG, …; tree reductions give max, Σexp and Σx.

override RWG: u32 = 128u;

struct Params { rows: u32, v: u32, ignore: i32, smoothing: f32, normalizer: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> logits: array<f32>;
@group(0) @binding(2) var<storage, read> targets: array<i32>;
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;
@group(0) @binding(4) var<storage, read_write> dlogits: array<f32>;

var<workgroup> red_a: array<f32, RWG>;
var<workgroup> red_b: array<f32, RWG>;
var<workgroup> row_label: i32;

fn ignored(label: i32) -> bool {
  return label == p.ignore || label < 0 || u32(label) >= p.v;
}

@compute @workgroup_size(64)
fn xent_rows(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let row = gid.x + gid.y * nwg.x * 64u;
  if (row >= p.rows) { return; }
  let base = row * p.v;
  let label = targets[row];
  if (ignored(label)) {
    for (var c = 0u; c < p.v; c++) { dlogits[base + c] = 0.0; }
    loss[row] = 0.0;
    return;
  }
  var m = logits[base];
  for (var c = 1u; c < p.v; c++) { m = max(m, logits[base + c]); }
  var s = 0.0;
  var sx = 0.0;
  for (var c = 0u; c < p.v; c++) {
    let x = logits[base + c];
    s += exp(x - m);
    sx += x;
  }
  let uniform_t = p.smoothing / f32(p.v);
  let hit_t = 1.0 - p.smoothing + uniform_t;
  loss[row] = m + log(s) - (1.0 - p.smoothing) * logits[base + u32(label)] - uniform_t * sx;
  let inv = 1.0 / s;
  for (var c = 0u; c < p.v; c++) {
    let t = select(uniform_t, hit_t, c == u32(label));
    dlogits[base + c] = (exp(logits[base + c] - m) * inv - t) / p.normalizer;
  }
}

@compute @workgroup_size(RWG)
fn xent_wg(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u,
           @builtin(local_invocation_index) t: u32) {
  let row = wid.x + wid.y * nwg.x;
  if (row >= p.rows) { return; } // uniform across the workgroup
  let base = row * p.v;
  if (t == 0u) { row_label = targets[row]; }
  let label = workgroupUniformLoad(&row_label); // uniform, so barriers may follow the branch
  if (ignored(label)) {
    for (var c = t; c < p.v; c += RWG) { dlogits[base + c] = 0.0; }
    if (t == 0u) { loss[row] = 0.0; }
    return;
  }
  // row max
  var m = -3.0e38;
  for (var c = t; c < p.v; c += RWG) { m = max(m, logits[base + c]); }
  red_a[t] = m;
  workgroupBarrier();
  for (var span = RWG / 2u; span > 0u; span /= 2u) {
    if (t < span) { red_a[t] = max(red_a[t], red_a[t + span]); }
    workgroupBarrier();
  }
  m = red_a[0];
  workgroupBarrier();
  // Σexp(x − max) and Σx in one tree
  var s = 0.0;
  var sx = 0.0;
  for (var c = t; c < p.v; c += RWG) {
    let x = logits[base + c];
    s += exp(x - m);
    sx += x;
  }
  red_a[t] = s;
  red_b[t] = sx;
  workgroupBarrier();
  for (var span = RWG / 2u; span > 0u; span /= 2u) {
    if (t < span) {
      red_a[t] += red_a[t + span];
      red_b[t] += red_b[t + span];
    }
    workgroupBarrier();
  }
  s = red_a[0];
  sx = red_b[0];
  let uniform_t = p.smoothing / f32(p.v);
  let hit_t = 1.0 - p.smoothing + uniform_t;
  if (t == 0u) {
    loss[row] = m + log(s) - (1.0 - p.smoothing) * logits[base + u32(label)] - uniform_t * sx;
  }
  let inv = 1.0 / s;
  for (var c = t; c < p.v; c += RWG) {
    let tc = select(uniform_t, hit_t, c == u32(label));
    dlogits[base + c] = (exp(logits[base + c] - m) * inv - tc) / p.normalizer;
  }
}
