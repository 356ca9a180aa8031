// ---- shaders/reduce.wgsl: workgroup tree reductions shared by the row kernels ----------
// Appended to softmax.wgsl and layernorm.wgsl (WGSL has no includes), which declare the
// `override RWG` (a power of two) that sizes the scratch array. Every invocation gets the
// result as a workgroup-uniform value, so callers may branch on it around later barriers.

var<workgroup> red: array<f32, RWG>;

fn reduce_max(t: u32, v: f32) -> f32 {
  red[t] = v;
  workgroupBarrier();
  for (var span = RWG / 2u; span > 0u; span /= 2u) {
    if (t < span) { red[t] = max(red[t], red[t + span]); }
    workgroupBarrier();
  }
  let r = workgroupUniformLoad(&red[0]);
  workgroupBarrier(); // red is reused by the next reduction
  return r;
}

fn reduce_sum(t: u32, v: f32) -> f32 {
  red[t] = v;
  workgroupBarrier();
  for (var span = RWG / 2u; span > 0u; span /= 2u) {
    if (t < span) { red[t] += red[t + span]; }
    workgroupBarrier();
  }
  let r = workgroupUniformLoad(&red[0]);
  workgroupBarrier(); // red is reused by the next reduction
  return r;
}
