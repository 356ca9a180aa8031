// embedding.wgsl — token embedding gather (with scale and positions) and its backward.
//
// Who computes what:
//   forward  — invocation i (global index over 256-wide workgroups) computes y[i] for token
//              n = i / D, feature d = i mod D:  y = table[ids[n], d]·scale + pos[n mod T + off, d].
//              The wrapper refuses out-of-range ids on the host whenever it knows them; an id
//              it cannot know (written by the device), outside [0, V), gathers zeros here.
//   links    — invocation n (one per token) finds whether n is the first occurrence of its id
//              and the next token with the same id: links[2n] = next (or -1), links[2n+1] = first.
//   backward — invocation i for token n = i / D, feature d: if n is the first occurrence of its
//              id, it walks the chain n → next → … in token order, sums dy[·, d] and adds
//              scale·sum to dTable[id, d]. Each (id, d) has exactly one writer and a fixed
//              summation order, so repeated tokens give bit-identical results without atomics.

const WG: u32 = 256u;

struct ForwardParams { total: u32, d: u32, v: u32, seq_len: u32, pos_offset: u32, has_pos: u32, scale: f32 }
@group(0) @binding(0) var<uniform> fp: ForwardParams;
@group(0) @binding(1) var<storage, read> ids: array<i32>;
@group(0) @binding(2) var<storage, read> table: array<f32>;
@group(0) @binding(3) var<storage, read> pos: array<f32>;
@group(0) @binding(4) var<storage, read_write> y: array<f32>;

fn flat(gid: vec3u, nwg: vec3u) -> u32 {
  return gid.x + gid.y * nwg.x * WG;
}

@compute @workgroup_size(WG)
fn forward(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= fp.total) { return; }
  let n = i / fp.d;
  let d = i % fp.d;
  let id = ids[n];
  var r = 0.0;
  if (id >= 0 && u32(id) < fp.v) { r = table[u32(id) * fp.d + d] * fp.scale; }
  if (fp.has_pos != 0u) { r += pos[(n % fp.seq_len + fp.pos_offset) * fp.d + d]; }
  y[i] = r;
}

struct LinkParams { tokens: u32 }
@group(0) @binding(0) var<uniform> lp: LinkParams;
@group(0) @binding(2) var<storage, read_write> links: array<i32>;

@compute @workgroup_size(WG)
fn link_tokens(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let n = flat(gid, nwg);
  if (n >= lp.tokens) { return; }
  let id = ids[n];
  var first = 1;
  for (var m = 0u; m < n; m++) {
    if (ids[m] == id) { first = 0; break; }
  }
  var next = -1;
  for (var m = n + 1u; m < lp.tokens; m++) {
    if (ids[m] == id) { next = i32(m); break; }
  }
  links[2u * n] = next;
  links[2u * n + 1u] = first;
}

struct BackwardParams { total: u32, d: u32, v: u32, scale: f32 }
@group(0) @binding(0) var<uniform> bp: BackwardParams;
@group(0) @binding(2) var<storage, read> links_in: array<i32>;
@group(0) @binding(3) var<storage, read> dy: array<f32>;
@group(0) @binding(4) var<storage, read_write> dtable: array<f32>;

@compute @workgroup_size(WG)
fn backward(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = flat(gid, nwg);
  if (i >= bp.total) { return; }
  let n = i / bp.d;
  let d = i % bp.d;
  let id = ids[n];
  if (links_in[2u * n + 1u] == 0 || id < 0 || u32(id) >= bp.v) { return; }
  var s = 0.0;
  var m = i32(n);
  loop {
    s += dy[u32(m) * bp.d + d];
    m = links_in[2u * u32(m)];
    if (m < 0) { break; }
  }
  let at = u32(id) * bp.d + d;
  dtable[at] = dtable[at] + bp.scale * s;
}
