// matmul.wgsl — batched and grouped C = alpha·op(A)·op(B) (+ bias) (+ C): a tiled and a direct
// kernel, with the layouts and epilogues that let one dispatch replace several (fusions below).
//   op(A) is (M, K): A stored (M, K), or (K, M) when TRANS_A. op(B) is (K, N): B stored (K, N),
//   or (N, K) when TRANS_B.
//
// Members: workgroup z computes member z of a batch or group: its operands start at
// off + z·stride (elements) in their bindings — a stride of 0 shares one operand (a 2-D
// matrix, or one x for the three projections Q, K, V). A batched tensor has stride M·K; a
// group of arena views (wq, wk, wv) has the distance between them. With REDUCE the members are
// summed into one C instead (dx = Σ_g dY_g·W_gᵀ, the input gradient of the Q, K, V
// projections), looping over them inside the kernel.
//
// Who computes what (both entry points): workgroup (x, y, z) computes the TILE_M × TILE_N
// block of member z's C at rows y·TILE_M…, columns x·TILE_N… (TILE_M = 4·WG_Y,
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
//
// matmul_direct4: matmul_direct reading 128-bit vec4s instead of scalars, for operands whose
// blocks are contiguous and K a multiple of 4 (the wrapper checks; in the shipped models every
// product of the layers qualifies at batch sizes that are multiples of 4). Per 4 k an invocation reads a 4 × 4 block of op(A) and one of op(B)
// with four vec4 loads each, along whichever axis is contiguous in memory (k for A (M, K) and
// B (N, K); m for A (K, M); n for B (K, N)), and does 64 multiply-adds: four times fewer load
// instructions than scalar reads for the same arithmetic. With BLOCKS_M = BLOCKS_N = 2 an
// invocation owns 2 × 2 such blocks (8 × 8 outputs): each block it reads feeds two block
// products, half the loads per multiply-add, with a quarter of the invocations — the better
// trade where lanes are few (the wrapper's caller measures which; tune.ts).
//
// Fused into the same dispatch (what would otherwise be separate kernels):
//   - head layouts (A_HEADS, B_HEADS, C_HEADS): the operand is stored (B·H, T, Dh), the
//     attention-head layout, and read or written as its merged (B·T, H·Dh) matrix — the
//     elementwise splitHeads / mergeHeads copies around the projections disappear;
//   - bias (N) on every row, or an addend (M, N) (ADD: a gradient summed in, not added by
//     a separate elementwise add);
//   - activation (ACT_OUT): pre = alpha·op(A)·op(B) + bias is written to `aux` and C = act(pre)
//     (ReLU or GELU, tanh form, as activation.wgsl) — bias + activation in the epilogue;
//   - activation gradient (ACT_GRAD): C = act′(aux) ⊙ (alpha·op(A)·op(B)) — the activation's
//     backward in the epilogue of the matmul that produces its incoming gradient;
//   - column sums of op(B) (SUMB): as if op(A) had an extra row of ones, that row
//     (alpha·Σ_k op(B)[k, n]) goes to `aux` (or to C's binding when SUMB_IN_C): a linear
//     layer's bias gradient computed by the dispatch that computes its weight gradient,
//     instead of a separate colSum.
// Each fusion is a pipeline constant, so the plain product compiles to the plain kernel.

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;
override TILE_K: u32 = 32u;
override TRANS_A: bool = false;
override TRANS_B: bool = false;
// The fusions are pipeline constants, so a plain product compiles to the plain kernel.
override A_HEADS: bool = false;
override B_HEADS: bool = false;
override C_HEADS: bool = false;
override ADD: bool = false;
override SUMB: bool = false;
override SUMB_IN_C: bool = false;
override REDUCE: bool = false;
// matmul_direct4: 4 × 4 blocks of C per invocation along M and along N (1 or 2 each).
override BLOCKS_M: u32 = 1u;
override BLOCKS_N: u32 = 1u;
// Activation in the epilogue (ACT_OUT) or its derivative (ACT_GRAD): 0 none, 1 ReLU, 2 GELU.
override ACT_OUT: u32 = 0u;
override ACT_GRAD: u32 = 0u;

override A_STRIDE: u32 = WG_Y + 1u; // vec4s per k row of the A slice (TILE_M / 4, padded)
override B_STRIDE: u32 = WG_X + 1u;

// runtime flags (as before the fusions: bias and accumulate vary call by call)
const HAS_BIAS: u32 = 1u;
const ACCUMULATE: u32 = 2u;

const SQRT_2_OVER_PI: f32 = 0.7978845608028654;
const GELU_C: f32 = 0.044715;

// Offsets and strides are in elements of the bound ranges. *_t, *_dh, *_h: T, Dh and H of an
// operand in head layout (unused otherwise).
struct Params {
  m: u32, n: u32, k: u32, groups: u32, flags: u32, alpha: f32,
  a_off: u32, a_stride: u32, b_off: u32, b_stride: u32,
  bias_off: u32, bias_stride: u32, c_off: u32, c_stride: u32, aux_off: u32, aux_stride: u32,
  a_t: u32, a_dh: u32, a_h: u32, b_t: u32, b_dh: u32, b_h: u32, c_t: u32, c_dh: u32, c_h: u32,
}
@group(0) @binding(0) var<uniform> p: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
// the bias (N) or the addend (M, N)
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> c: array<f32>;
// pre-activation out (ACT_OUT), activation input in (ACT_GRAD) or column sums out (SUMB)
@group(0) @binding(5) var<storage, read_write> aux: array<f32>;

// a_tile[k·A_STRIDE + r] = op(A) rows 4r…4r+3 at k; b_tile[k·B_STRIDE + q] = op(B) columns 4q…4q+3.
var<workgroup> a_tile: array<vec4f, TILE_K * A_STRIDE>;
var<workgroup> b_tile: array<vec4f, TILE_K * B_STRIDE>;

fn has(flag: u32) -> bool {
  return (p.flags & flag) != 0u;
}

// ---- layouts: element (r, c) of a stored matrix with `cols` columns is at row_part + col_part.
// In head layout (B·H, T, Dh) the merged (B·T, H·Dh) matrix's (r, c) is at
// ((r / T)·H + c / Dh)·T·Dh + (r mod T)·Dh + c mod Dh, which splits the same way.
fn row_part(r: u32, cols: u32, heads: bool, t: u32, dh: u32, h: u32) -> u32 {
  if (heads) { return (r / t) * h * t * dh + (r % t) * dh; }
  return r * cols;
}

fn col_part(c: u32, heads: bool, t: u32, dh: u32) -> u32 {
  if (heads) { return (c / dh) * t * dh + c % dh; }
  return c;
}

// op(A)[m, k] is at a_m(m) + a_k(k); op(B)[k, n] at b_k(k) + b_n(n).
fn a_m(m: u32) -> u32 {
  if (TRANS_A) { return col_part(m, A_HEADS, p.a_t, p.a_dh); }
  return row_part(m, p.k, A_HEADS, p.a_t, p.a_dh, p.a_h);
}
fn a_k(k: u32) -> u32 {
  if (TRANS_A) { return row_part(k, p.m, A_HEADS, p.a_t, p.a_dh, p.a_h); }
  return col_part(k, A_HEADS, p.a_t, p.a_dh);
}
fn b_k(k: u32) -> u32 {
  if (TRANS_B) { return col_part(k, B_HEADS, p.b_t, p.b_dh); }
  return row_part(k, p.n, B_HEADS, p.b_t, p.b_dh, p.b_h);
}
fn b_n(n: u32) -> u32 {
  if (TRANS_B) { return row_part(n, p.k, B_HEADS, p.b_t, p.b_dh, p.b_h); }
  return col_part(n, B_HEADS, p.b_t, p.b_dh);
}
fn c_at(row: u32, col: u32) -> u32 {
  return row_part(row, p.n, C_HEADS, p.c_t, p.c_dh, p.c_h) + col_part(col, C_HEADS, p.c_t, p.c_dh);
}

/** Rows of the output grid: M, plus the column-sum row. */
fn grid_rows() -> u32 {
  return p.m + select(0u, 1u, SUMB);
}

// tanh with the argument clamped (as activation.wgsl): tanh(±10) is ±1 in f32.
fn tanh_safe(u: f32) -> f32 {
  return tanh(clamp(u, -10.0, 10.0));
}

fn act(v: f32) -> f32 {
  if (ACT_OUT == 1u) { return max(v, 0.0); }
  let u = SQRT_2_OVER_PI * (v + GELU_C * v * v * v);
  return 0.5 * v * (1.0 + tanh_safe(u));
}

fn act_grad(v: f32) -> f32 {
  if (ACT_GRAD == 1u) { return select(0.0, 1.0, v > 0.0); }
  let t = tanh_safe(SQRT_2_OVER_PI * (v + GELU_C * v * v * v));
  let du = SQRT_2_OVER_PI * (1.0 + 3.0 * GELU_C * v * v);
  return 0.5 * (1.0 + t) + 0.5 * v * (1.0 - t * t) * du;
}

fn load_a(base: u32, m: u32, k: u32) -> f32 {
  if (k >= p.k) { return 0.0; }
  if (SUMB && m == p.m) { return 1.0; } // the row of ones
  if (m >= p.m) { return 0.0; }
  return a[base + a_m(m) + a_k(k)];
}

fn load_b(base: u32, k: u32, n: u32) -> f32 {
  if (k >= p.k || n >= p.n) { return 0.0; }
  return b[base + b_k(k) + b_n(n)];
}

/** The column parts of C's offsets for columns col…col + 3 (c_at = row part + column part). */
fn c_cols(col: u32) -> vec4u {
  return vec4u(col_part(col, C_HEADS, p.c_t, p.c_dh), col_part(col + 1u, C_HEADS, p.c_t, p.c_dh),
               col_part(col + 2u, C_HEADS, p.c_t, p.c_dh), col_part(col + 3u, C_HEADS, p.c_t, p.c_dh));
}

/**
 * Member g's C[row, col…col + 3] from the products v, through the epilogue; skips the edges.
 * cols = c_cols(col), computed once per invocation: the offsets' divisions (head layouts)
 * are paid per row and per column, not per element. Written out for the four columns:
 * constant indices keep v and cols in registers.
 */
fn store_row(g: u32, row: u32, col: u32, cols: vec4u, v: vec4f) {
  if (row > p.m) { return; }
  if (row == p.m) {
    if (SUMB) {
      store_sum(g, col, p.alpha * v.x);
      if (col + 1u < p.n) { store_sum(g, col + 1u, p.alpha * v.y); }
      if (col + 2u < p.n) { store_sum(g, col + 2u, p.alpha * v.z); }
      if (col + 3u < p.n) { store_sum(g, col + 3u, p.alpha * v.w); }
    }
    return;
  }
  let rp = row_part(row, p.n, C_HEADS, p.c_t, p.c_dh, p.c_h);
  store_at(g, col, rp + cols.x, v.x);
  if (col + 1u < p.n) { store_at(g, col + 1u, rp + cols.y, v.y); }
  if (col + 2u < p.n) { store_at(g, col + 2u, rp + cols.z, v.z); }
  if (col + 3u < p.n) { store_at(g, col + 3u, rp + cols.w, v.w); }
}

/** Member g's C element at offset rel (column col) from the product v, through the epilogue. */
fn store_at(g: u32, col: u32, rel: u32, v: f32) {
  var r = p.alpha * v;
  if (has(HAS_BIAS)) { r += bias[p.bias_off + g * p.bias_stride + col]; }
  let x_at = p.aux_off + g * p.aux_stride + rel;
  if (ACT_OUT != 0u) {
    aux[x_at] = r;
    r = act(r);
  }
  if (ACT_GRAD != 0u) { r *= act_grad(aux[x_at]); }
  if (ADD) { r += bias[p.bias_off + g * p.bias_stride + rel]; }
  let at = p.c_off + g * p.c_stride + rel;
  if (has(ACCUMULATE)) { r += c[at]; }
  c[at] = r;
}

fn store_sum(g: u32, col: u32, v: f32) {
  let at = p.aux_off + g * p.aux_stride + col;
  if (SUMB_IN_C) {
    c[at] = select(v, v + c[at], has(ACCUMULATE));
  } else {
    aux[at] = select(v, v + aux[at], has(ACCUMULATE));
  }
}


/** Member z's product into acc: K in TILE_K slices staged in workgroup memory. */
fn tiled_member(z: u32, row0: u32, col0: u32, lid: vec3u, acc: ptr<function, array<vec4f, 4>>) {
  let tx = lid.x;
  let ty = lid.y;
  let lin = ty * WG_X + tx;
  let threads = WG_X * WG_Y;
  let base_a = p.a_off + z * p.a_stride;
  let base_b = p.b_off + z * p.b_stride;
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
      (*acc)[0] += av.x * bv;
      (*acc)[1] += av.y * bv;
      (*acc)[2] += av.z * bv;
      (*acc)[3] += av.w * bv;
    }
    workgroupBarrier();
  }
}

@compute @workgroup_size(WG_X, WG_Y)
fn matmul(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let row0 = wid.y * 4u * WG_Y;
  let col0 = wid.x * 4u * WG_X;
  var acc: array<vec4f, 4>;
  if (REDUCE) {
    for (var g = 0u; g < p.groups; g++) { tiled_member(g, row0, col0, lid, &acc); }
  } else {
    tiled_member(wid.z, row0, col0, lid, &acc);
  }
  let col = col0 + 4u * lid.x;
  if (col < p.n) {
    let cols = c_cols(col);
    let row = row0 + 4u * lid.y;
    store_row(wid.z, row, col, cols, acc[0]);
    store_row(wid.z, row + 1u, col, cols, acc[1]);
    store_row(wid.z, row + 2u, col, cols, acc[2]);
    store_row(wid.z, row + 3u, col, cols, acc[3]);
  }
}

// ---- matmul_direct: no workgroup memory, no barriers -------------------------------------
// Out-of-range rows and columns are clamped for loading and skipped when storing, so the
// inner loop has no branches; the column-sum row (SUMB) loads ones instead of A.

/** An offset walking along k: a step per k, and in head layouts a jump every `period` k. */
struct KWalk {
  at: u32,
  step: u32,
  jump: u32,
  period: u32,
  count: u32,
}

/** The offset at this k; then on to the next k. */
fn k_next(w: ptr<function, KWalk>, heads: bool) -> u32 {
  let at = (*w).at;
  (*w).at += (*w).step;
  if (heads) {
    (*w).count += 1u;
    if ((*w).count == (*w).period) {
      (*w).count = 0u;
      (*w).at += (*w).jump;
    }
  }
  return at;
}

/** Member z's walk along op(A)'s k (a_k(k) from its first element), or op(B)'s. */
fn a_walk(z: u32) -> KWalk {
  let step = a_k(1u) - a_k(0u);
  let period = select(p.a_dh, p.a_t, TRANS_A);
  // the jump: the extra step into the next head (or batch row)
  return KWalk(p.a_off + z * p.a_stride, step, a_k(period) - period * step, period, 0u);
}
fn b_walk(z: u32) -> KWalk {
  let step = b_k(1u) - b_k(0u);
  let period = select(p.b_t, p.b_dh, TRANS_B);
  return KWalk(p.b_off + z * p.b_stride, step, b_k(period) - period * step, period, 0u);
}

/**
 * Member z's product into acc, from the offsets of the 4 rows of op(A) (ra) and the 4 columns
 * of op(B) (cb). Along k the offsets advance by a step, plus a jump at head boundaries in head
 * layouts (every `period` k): a_k(k) and b_k(k) without a division per k.
 */
fn direct_member(z: u32, ra: vec4u, cb: vec4u, ones: vec4<bool>, acc: ptr<function, array<vec4f, 4>>) {
  var wa = a_walk(z);
  var wb = b_walk(z);
  for (var k = 0u; k < p.k; k++) {
    let oa = ra + vec4u(k_next(&wa, A_HEADS));
    let ob = cb + vec4u(k_next(&wb, B_HEADS));
    var av = vec4f(a[oa.x], a[oa.y], a[oa.z], a[oa.w]);
    if (SUMB) { av = select(av, vec4f(1.0), ones); }
    let bv = vec4f(b[ob.x], b[ob.y], b[ob.z], b[ob.w]);
    (*acc)[0] += av.x * bv;
    (*acc)[1] += av.y * bv;
    (*acc)[2] += av.z * bv;
    (*acc)[3] += av.w * bv;
  }
}

/** An invocation's 4 × 4 block of C: its first row and column, and where its operands are. */
struct DirectBlock {
  row0: u32,
  col0: u32,
  /** Offsets of the 4 rows of op(A) (a_m) and of the 4 columns of op(B) (b_n), clamped. */
  ra: vec4u,
  cb: vec4u,
  /** Which of the 4 rows is the column-sum row (SUMB), read as ones. */
  ones: vec4<bool>,
}

/** The 4 × 4 block of C at (row0, col0), clamped for loading (stores skip the edges). */
fn direct_block(row0: u32, col0: u32) -> DirectBlock {
  var d: DirectBlock;
  d.row0 = row0;
  d.col0 = col0;
  for (var i = 0u; i < 4u; i++) {
    d.ra[i] = a_m(min(d.row0 + i, max(p.m, 1u) - 1u));
    d.cb[i] = b_n(min(d.col0 + i, p.n - 1u));
    d.ones[i] = d.row0 + i == p.m;
  }
  return d;
}

/** The 4 × 4 block of C at (row0, col0) from its rows r[0…3], through the epilogue; skips the edges. */
fn store_block(g: u32, row0: u32, col0: u32, r: mat4x4f) {
  if (col0 >= p.n) { return; }
  let cols = c_cols(col0);
  var rows = r;
  for (var i = 0u; i < 4u; i++) { store_row(g, row0 + i, col0, cols, rows[i]); }
}

@compute @workgroup_size(WG_X, WG_Y)
fn matmul_direct(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let d = direct_block((wid.y * WG_Y + lid.y) * 4u, (wid.x * WG_X + lid.x) * 4u);
  if (d.row0 >= grid_rows() || d.col0 >= p.n) { return; }
  var acc: array<vec4f, 4>;
  if (REDUCE) {
    for (var g = 0u; g < p.groups; g++) { direct_member(g, d.ra, d.cb, d.ones, &acc); }
  } else {
    direct_member(wid.z, d.ra, d.cb, d.ones, &acc);
  }
  store_block(wid.z, d.row0, d.col0, mat4x4f(acc[0], acc[1], acc[2], acc[3]));
}

// ---- matmul_direct4: matmul_direct with vec4 reads ----------------------------------------
// The same bindings viewed as vec4s (another entry point: a resource interface is per entry
// point, so the two views of binding 1 and 2 never meet). The wrapper guarantees: K a multiple
// of 4 (k advances in blocks of 4, unpadded); M (or N) a multiple of 4 where A (or B) is read
// along m (or n); Dh a multiple of 4 in head layouts; every member's offset a multiple of 4.
@group(0) @binding(1) var<storage, read> a4: array<vec4f>;
@group(0) @binding(2) var<storage, read> b4: array<vec4f>;

/** The 4 × 4 block of op(A) at rows ra (as direct4_member reads it) for k offsets a0…a3. */
fn a_block(ra: vec4u, a0: u32, a1: u32, a2: u32, a3: u32, ones: vec4<bool>) -> mat4x4f {
  var arows: mat4x4f; // column i: row i of the block over the 4 k
  if (TRANS_A) {
    arows = transpose(mat4x4f(a4[(a0 + ra.x) >> 2u], a4[(a1 + ra.x) >> 2u], a4[(a2 + ra.x) >> 2u], a4[(a3 + ra.x) >> 2u]));
  } else {
    arows = mat4x4f(a4[(a0 + ra.x) >> 2u], a4[(a0 + ra.y) >> 2u], a4[(a0 + ra.z) >> 2u], a4[(a0 + ra.w) >> 2u]);
  }
  if (SUMB) { // the row of ones
    let one = vec4f(1.0);
    arows = mat4x4f(select(arows[0], one, ones.x), select(arows[1], one, ones.y), select(arows[2], one, ones.z), select(arows[3], one, ones.w));
  }
  return arows;
}

/** The 4 × 4 block of op(B) at columns cb for k offsets b0…b3 (column kk: B's k-row kk). */
fn b_block(cb: vec4u, b0: u32, b1: u32, b2: u32, b3: u32) -> mat4x4f {
  if (TRANS_B) {
    return transpose(mat4x4f(b4[(b0 + cb.x) >> 2u], b4[(b0 + cb.y) >> 2u], b4[(b0 + cb.z) >> 2u], b4[(b0 + cb.w) >> 2u]));
  }
  return mat4x4f(b4[(b0 + cb.x) >> 2u], b4[(b1 + cb.x) >> 2u], b4[(b2 + cb.x) >> 2u], b4[(b3 + cb.x) >> 2u]);
}

/** An invocation's accumulators: b<r><c> = its 4 × 4 block at row block r, column block c (column i = C's row i). */
struct Acc4 {
  b00: mat4x4f,
  b01: mat4x4f,
  b10: mat4x4f,
  b11: mat4x4f,
}

/**
 * Member z's product into acc, k in steps of 4 (written out, not looped: constant indices keep
 * the blocks in registers). Row block r reads op(A) at ra[r], column block c op(B) at cb[c]:
 *   A read along k (not TRANS_A): ra[r][i] = offset of row i; the A block is its 4 rows.
 *   A read along m (TRANS_A): ra[r].x = offset of the 4 rows; the block is their 4 k-slices.
 *   B read along n (not TRANS_B): cb[c].x = offset of the 4 columns; the block is 4 k-rows.
 *   B read along k (TRANS_B): cb[c][j] = offset of column j; the block is its 4 columns.
 * With 2 × 2 blocks, each block read serves two block products: 4 block reads (16 vec4 loads)
 * per 256 multiply-adds instead of 2 per 64.
 */
fn direct4_member(z: u32, ra: array<vec4u, 2>, cb: array<vec4u, 2>, ones: array<vec4<bool>, 2>, acc: ptr<function, Acc4>) {
  var wa = a_walk(z);
  var wb = b_walk(z);
  for (var k = 0u; k < p.k; k += 4u) {
    let a0 = k_next(&wa, A_HEADS);
    let a1 = k_next(&wa, A_HEADS);
    let a2 = k_next(&wa, A_HEADS);
    let a3 = k_next(&wa, A_HEADS);
    let b0 = k_next(&wb, B_HEADS);
    let b1 = k_next(&wb, B_HEADS);
    let b2 = k_next(&wb, B_HEADS);
    let b3 = k_next(&wb, B_HEADS);
    // C row i += Σ_kk A[i, kk]·(B row kk) = brows · (arows column i): 64 multiply-adds a block.
    let arows0 = a_block(ra[0], a0, a1, a2, a3, ones[0]);
    let brows0 = b_block(cb[0], b0, b1, b2, b3);
    (*acc).b00 += brows0 * arows0;
    if (BLOCKS_N == 2u) {
      let brows1 = b_block(cb[1], b0, b1, b2, b3);
      (*acc).b01 += brows1 * arows0;
      if (BLOCKS_M == 2u) {
        let arows1 = a_block(ra[1], a0, a1, a2, a3, ones[1]);
        (*acc).b10 += brows0 * arows1;
        (*acc).b11 += brows1 * arows1;
      }
    } else if (BLOCKS_M == 2u) {
      let arows1 = a_block(ra[1], a0, a1, a2, a3, ones[1]);
      (*acc).b10 += brows0 * arows1;
    }
  }
}

@compute @workgroup_size(WG_X, WG_Y)
fn matmul_direct4(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  // the invocation's block: BLOCKS_M × BLOCKS_N blocks of 4 × 4 from (row0, col0)
  let row0 = (wid.y * WG_Y + lid.y) * 4u * BLOCKS_M;
  let col0 = (wid.x * WG_X + lid.x) * 4u * BLOCKS_N;
  if (row0 >= grid_rows() || col0 >= p.n) { return; }
  var ra: array<vec4u, 2>;
  var cb: array<vec4u, 2>;
  var ones: array<vec4<bool>, 2>;
  for (var r = 0u; r < BLOCKS_M; r++) {
    let d = direct_block(row0 + 4u * r, col0);
    ra[r] = d.ra;
    ones[r] = d.ones;
    // read along m: the 4-row block, or the last one for the column-sum row past M
    if (TRANS_A) { ra[r].x = a_m(min(row0 + 4u * r, max(p.m, 4u) - 4u)); }
  }
  for (var c = 0u; c < BLOCKS_N; c++) { cb[c] = direct_block(row0, col0 + 4u * c).cb; }
  var acc: Acc4;
  if (REDUCE) {
    for (var g = 0u; g < p.groups; g++) { direct4_member(g, ra, cb, ones, &acc); }
  } else {
    direct4_member(wid.z, ra, cb, ones, &acc);
  }
  // One store_block in a loop, not four inlined: the epilogue is compiled once (pipeline
  // creation time grows with the code), and it runs once per invocation, not per k.
  var blocks = array<mat4x4f, 4>(acc.b00, acc.b01, acc.b10, acc.b11);
  for (var q = 0u; q < 4u; q++) {
    let r = q / 2u;
    let c = q % 2u;
    if (r < BLOCKS_M && c < BLOCKS_N) { store_block(wid.z, row0 + 4u * r, col0 + 4u * c, blocks[q]); }
  }
}
