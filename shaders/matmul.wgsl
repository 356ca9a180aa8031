// matmul.wgsl — batched C = alpha·op(A)·op(B) (+ bias) (+ C), tiled through workgroup memory.
//   op(A) is (M, K): A stored (M, K), or (K, M) when TRANS_A. op(B) is (K, N): B stored (K, N),
//   or (N, K) when TRANS_B. A 2-D operand is shared by every batch (its batch stride is 0).
//
// Who computes what: workgroup (x, y, z) computes the TILE_M × TILE_N block of C at rows
// y·TILE_M…, columns x·TILE_N… of batch z. Its WG_X × WG_Y invocations each own a 4 × 4
// block, strided so neighbours own neighbouring columns: invocation (tx, ty) computes
//   rows y·TILE_M + ty + WG_Y·i and columns x·TILE_N + tx + WG_X·j, for i, j in 0..3,
// which keeps global writes coalesced and workgroup-memory reads conflict-free.
// K is walked in TILE_K slices: the workgroup stages A and B slices in workgroup memory (two
// barriers per slice), zero-padding past M, N and K, so any shape works. Tiles are padded by
// one column so transposed staging writes do not collide in the same memory bank.

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;
override TILE_K: u32 = 32u;
override TRANS_A: bool = false;
override TRANS_B: bool = false;

override TILE_M: u32 = 4u * WG_Y;
override TILE_N: u32 = 4u * WG_X;
override A_STRIDE: u32 = TILE_M + 1u;
override B_STRIDE: u32 = TILE_N + 1u;

const HAS_BIAS: u32 = 1u;
const ACCUMULATE: u32 = 2u;

struct Params { m: u32, n: u32, k: u32, batch_a: u32, batch_b: u32, flags: u32, alpha: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> c: array<f32>;

// a_tile[k·A_STRIDE + m] and b_tile[k·B_STRIDE + n]: one K slice of op(A) and op(B).
var<workgroup> a_tile: array<f32, TILE_K * A_STRIDE>;
var<workgroup> b_tile: array<f32, TILE_K * B_STRIDE>;

fn load_a(base: u32, m: u32, k: u32) -> f32 {
  if (m >= p.m || k >= p.k) { return 0.0; }
  if (TRANS_A) { return a[base + k * p.m + m]; }
  return a[base + m * p.k + k];
}

fn load_b(base: u32, k: u32, n: u32) -> f32 {
  if (k >= p.k || n >= p.n) { return 0.0; }
  if (TRANS_B) { return b[base + n * p.k + k]; }
  return b[base + k * p.n + n];
}

@compute @workgroup_size(WG_X, WG_Y)
fn matmul(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tx = lid.x;
  let ty = lid.y;
  let lin = ty * WG_X + tx;
  let threads = WG_X * WG_Y;
  let row0 = wid.y * TILE_M;
  let col0 = wid.x * TILE_N;
  let base_a = wid.z * p.batch_a;
  let base_b = wid.z * p.batch_b;

  var acc: array<vec4f, 4>;
  let slices = (p.k + TILE_K - 1u) / TILE_K;
  for (var s = 0u; s < slices; s++) {
    let k0 = s * TILE_K;
    // Stage the slices; consecutive invocations read consecutive addresses of the stored layout.
    for (var e = lin; e < TILE_K * TILE_M; e += threads) {
      var m: u32;
      var k: u32;
      if (TRANS_A) { k = e / TILE_M; m = e % TILE_M; } else { m = e / TILE_K; k = e % TILE_K; }
      a_tile[k * A_STRIDE + m] = load_a(base_a, row0 + m, k0 + k);
    }
    for (var e = lin; e < TILE_K * TILE_N; e += threads) {
      var n: u32;
      var k: u32;
      if (TRANS_B) { n = e / TILE_K; k = e % TILE_K; } else { k = e / TILE_N; n = e % TILE_N; }
      b_tile[k * B_STRIDE + n] = load_b(base_b, k0 + k, col0 + n);
    }
    workgroupBarrier();
    for (var k = 0u; k < TILE_K; k++) {
      let ak = k * A_STRIDE + ty;
      let bk = k * B_STRIDE + tx;
      let bv = vec4f(b_tile[bk], b_tile[bk + WG_X], b_tile[bk + 2u * WG_X], b_tile[bk + 3u * WG_X]);
      acc[0] += a_tile[ak] * bv;
      acc[1] += a_tile[ak + WG_Y] * bv;
      acc[2] += a_tile[ak + 2u * WG_Y] * bv;
      acc[3] += a_tile[ak + 3u * WG_Y] * bv;
    }
    workgroupBarrier();
  }

  let base_c = wid.z * p.m * p.n;
  for (var i = 0u; i < 4u; i++) {
    let row = row0 + ty + WG_Y * i;
    if (row >= p.m) { break; }
    for (var j = 0u; j < 4u; j++) {
      let col = col0 + tx + WG_X * j;
      if (col >= p.n) { break; }
      var r = p.alpha * acc[i][j];
      if ((p.flags & HAS_BIAS) != 0u) { r += bias[col]; }
      let at = base_c + row * p.n + col;
      if ((p.flags & ACCUMULATE) != 0u) { r += c[at]; }
      c[at] = r;
    }
  }
}
