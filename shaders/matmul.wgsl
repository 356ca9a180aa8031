// matmul.wgsl — batched C = alpha·op(A)·op(B) (+ bias) (+ C): a tiled and a direct kernel.
//   op(A) is (M, K): A stored (M, K), or (K, M) when TRANS_A. op(B) is (K, N): B stored (K, N),
//   or (N, K) when TRANS_B. A 2-D operand is shared by every batch (its batch stride is 0).
//
// Who computes what (both entry points): workgroup (x, y, z) computes the TILE_M × TILE_N
// block of C at rows y·TILE_M…, columns x·TILE_N… of batch z (TILE_M = 4·WG_Y,
// TILE_N = 4·WG_X). Invocation (tx, ty) owns the 4 × 4 block at rows y·TILE_M + 4·ty + i,
// columns x·TILE_N + 4·tx + j, and accumulates it in registers as four vec4s.
//
// matmul (tiled): K is walked in TILE_K slices; the workgroup stages one slice of op(A) and
// op(B) in workgroup memory as vec4s (two barriers per slice), zero-padding past M, N and K,
// so any shape works. Per k each invocation reads one vec4 of A rows and one vec4 of B
// columns and does 16 multiply-adds. Tiles are padded by one vec4 per k row so staging
// writes spread over memory banks. For long K, where staged values are reused many times.
//
// matmul_direct: no workgroup memory and no barriers; each invocation reads its rows and
// columns straight from memory and the caches serve the reuse. For short K (a slice or two),
// where staging and barriers would cost more than they save, and for small products.

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;
override TILE_K: u32 = 32u;
override TRANS_A: bool = false;
override TRANS_B: bool = false;

override A_STRIDE: u32 = WG_Y + 1u; // vec4s per k row of the A slice (TILE_M / 4, padded)
override B_STRIDE: u32 = WG_X + 1u;

const HAS_BIAS: u32 = 1u;
const ACCUMULATE: u32 = 2u;

struct Params { m: u32, n: u32, k: u32, batch_a: u32, batch_b: u32, flags: u32, alpha: f32 }
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> c: array<f32>;

// a_tile[k·A_STRIDE + r] = op(A) rows 4r…4r+3 at k; b_tile[k·B_STRIDE + q] = op(B) columns 4q…4q+3.
var<workgroup> a_tile: array<vec4f, TILE_K * A_STRIDE>;
var<workgroup> b_tile: array<vec4f, TILE_K * B_STRIDE>;

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

/** C[row, col] = alpha·v (+ bias[col]) (+ C[row, col]), skipping rows and columns past the edge. */
fn store(base_c: u32, row: u32, col: u32, v: f32) {
  if (row >= p.m || col >= p.n) { return; }
  var r = p.alpha * v;
  if ((p.flags & HAS_BIAS) != 0u) { r += bias[col]; }
  let at = base_c + row * p.n + col;
  if ((p.flags & ACCUMULATE) != 0u) { r += c[at]; }
  c[at] = r;
}

@compute @workgroup_size(WG_X, WG_Y)
fn matmul(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let tx = lid.x;
  let ty = lid.y;
  let lin = ty * WG_X + tx;
  let threads = WG_X * WG_Y;
  let row0 = wid.y * 4u * WG_Y;
  let col0 = wid.x * 4u * WG_X;
  let base_a = wid.z * p.batch_a;
  let base_b = wid.z * p.batch_b;

  var acc: array<vec4f, 4>;
  let slices = (p.k + TILE_K - 1u) / TILE_K;
  for (var s = 0u; s < slices; s++) {
    let k0 = s * TILE_K;
    // Stage the slices. Neighbouring invocations read neighbouring addresses of the stored
    // layout: along k for A (M, K) and B (N, K), along m or n for the transposed layouts.
    for (var e = lin; e < TILE_K * WG_Y; e += threads) {
      var r: u32;
      var k: u32;
      if (TRANS_A) { k = e / WG_Y; r = e % WG_Y; } else { r = e / TILE_K; k = e % TILE_K; }
      let m = row0 + 4u * r;
      let kk = k0 + k;
      a_tile[k * A_STRIDE + r] =
        vec4f(load_a(base_a, m, kk), load_a(base_a, m + 1u, kk), load_a(base_a, m + 2u, kk), load_a(base_a, m + 3u, kk));
    }
    for (var e = lin; e < TILE_K * WG_X; e += threads) {
      var q: u32;
      var k: u32;
      if (TRANS_B) { q = e / TILE_K; k = e % TILE_K; } else { k = e / WG_X; q = e % WG_X; }
      let n = col0 + 4u * q;
      let kk = k0 + k;
      b_tile[k * B_STRIDE + q] =
        vec4f(load_b(base_b, kk, n), load_b(base_b, kk, n + 1u), load_b(base_b, kk, n + 2u), load_b(base_b, kk, n + 3u));
    }
    workgroupBarrier();
    for (var k = 0u; k < TILE_K; k++) {
      let av = a_tile[k * A_STRIDE + ty];
      let bv = b_tile[k * B_STRIDE + tx];
      acc[0] += av.x * bv;
      acc[1] += av.y * bv;
      acc[2] += av.z * bv;
      acc[3] += av.w * bv;
    }
    workgroupBarrier();
  }

  let base_c = wid.z * p.m * p.n;
  for (var i = 0u; i < 4u; i++) {
    let row = row0 + 4u * ty + i;
    let col = col0 + 4u * tx;
    store(base_c, row, col, acc[i].x);
    store(base_c, row, col + 1u, acc[i].y);
    store(base_c, row, col + 2u, acc[i].z);
    store(base_c, row, col + 3u, acc[i].w);
  }
}

// ---- matmul_direct: no workgroup memory, no barriers -------------------------------------
// Out-of-range rows and columns are clamped for loading and skipped when storing, so the
// inner loop has no branches.
@compute @workgroup_size(WG_X, WG_Y)
fn matmul_direct(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let row0 = (wid.y * WG_Y + lid.y) * 4u;
  let col0 = (wid.x * WG_X + lid.x) * 4u;
  if (row0 >= p.m || col0 >= p.n) { return; }
  let base_a = wid.z * p.batch_a;
  let base_b = wid.z * p.batch_b;
  // A offsets of the 4 rows (stride along k) and B offsets of the 4 columns
  var ra: vec4u;
  var cb: vec4u;
  for (var i = 0u; i < 4u; i++) {
    let r = min(row0 + i, p.m - 1u);
    let q = min(col0 + i, p.n - 1u);
    if (TRANS_A) { ra[i] = base_a + r; } else { ra[i] = base_a + r * p.k; }
    if (TRANS_B) { cb[i] = base_b + q * p.k; } else { cb[i] = base_b + q; }
  }
  let step_a = select(1u, p.m, TRANS_A);
  let step_b = select(p.n, 1u, TRANS_B);
  var acc: array<vec4f, 4>;
  for (var k = 0u; k < p.k; k++) {
    let oa = ra + vec4u(k * step_a);
    let ob = cb + vec4u(k * step_b);
    let av = vec4f(a[oa.x], a[oa.y], a[oa.z], a[oa.w]);
    let bv = vec4f(b[ob.x], b[ob.y], b[ob.z], b[ob.w]);
    acc[0] += av.x * bv;
    acc[1] += av.y * bv;
    acc[2] += av.z * bv;
    acc[3] += av.w * bv;
  }
  let base_c = wid.z * p.m * p.n;
  for (var i = 0u; i < 4u; i++) {
    store(base_c, row0 + i, col0, acc[i].x);
    store(base_c, row0 + i, col0 + 1u, acc[i].y);
    store(base_c, row0 + i, col0 + 2u, acc[i].z);
    store(base_c, row0 + i, col0 + 3u, acc[i].w);
  }
}
