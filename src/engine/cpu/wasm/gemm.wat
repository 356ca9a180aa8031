;; The CPU engine's WebAssembly SIMD matmul: C = alpha·A·B (+ bias) (+ C), batched, every
;; operand layout given by strides. Compiled by `npm run build:wasm` (wabt) into gemmWasm.ts;
;; loaded by gemmWasm.ts's host side, which copies the operands into this module's memory.
;;
;; It gives bit for bit the numbers of the JS kernel (matmulKernel.ts): every product of two
;; float32 values is exact in float64, each output element sums its K products in float64 in
;; order p = 0, 1, …, K−1, then alpha·s, + bias, + C are added in float64 and rounded once to
;; float32. SIMD lanes are two neighbouring *output columns*, never two terms of one sum, so
;; vectorising changes no rounding.
;;
;; Layout in linear memory (byte offsets chosen by the host):
;;   a, b, c, bias   float32 operands as the engine stores them;
;;   packA           float64, A in panels of 4 rows: panel i/4 holds A(i+r, p) at [p·4 + r]
;;                   (rows past M are 0);
;;   packB           float64, B in panels of 4 columns: panel j/4 holds B(p, j+c) at [p·4 + c]
;;                   (columns past N are 0);
;;   tile            128 bytes: the 4×4 float64 sums of an edge tile.
;; A(i, p) = a[aBase + i·aRow + p·aCol], B(p, j) = b[bBase + p·bRow + j·bCol] (element strides),
;; with aBase = s·aBatch, bBase = s·bBatch for batch s (stride 0: one operand for every batch).
(module
  (memory (export "memory") 1)

  ;; Pack `rows` × `cols` of a float32 matrix into float64 panels of 4 along `rows`:
  ;; dst[(x/4)·cols·4 + y·4 + x%4] = src[x·sx + y·sy], zero for x ≥ rows (up to a multiple of 4).
  (func $pack (param $src i32) (param $sx i32) (param $sy i32) (param $rows i32) (param $cols i32) (param $dst i32)
    (local $x i32) (local $y i32) (local $padded i32) (local $from i32) (local $to i32)
    (local.set $padded (i32.and (i32.add (local.get $rows) (i32.const 3)) (i32.const -4)))
    (local.set $x (i32.const 0))
    (block $xdone
      (loop $xs
        (br_if $xdone (i32.ge_u (local.get $x) (local.get $padded)))
        ;; first element of this x: panel x/4, lane x%4
        (local.set $to (i32.add (local.get $dst)
          (i32.shl (i32.add (i32.mul (i32.shr_u (local.get $x) (i32.const 2)) (i32.shl (local.get $cols) (i32.const 2)))
                            (i32.and (local.get $x) (i32.const 3))) (i32.const 3))))
        (if (i32.lt_u (local.get $x) (local.get $rows))
          (then
            (local.set $from (i32.add (local.get $src) (i32.shl (i32.mul (local.get $x) (local.get $sx)) (i32.const 2))))
            (local.set $y (i32.const 0))
            (block $ydone
              (loop $ys
                (br_if $ydone (i32.ge_u (local.get $y) (local.get $cols)))
                (f64.store (local.get $to) (f64.promote_f32 (f32.load (local.get $from))))
                (local.set $from (i32.add (local.get $from) (i32.shl (local.get $sy) (i32.const 2))))
                (local.set $to (i32.add (local.get $to) (i32.const 32)))
                (local.set $y (i32.add (local.get $y) (i32.const 1)))
                (br $ys))))
          (else
            (local.set $y (i32.const 0))
            (block $zdone
              (loop $zs
                (br_if $zdone (i32.ge_u (local.get $y) (local.get $cols)))
                (f64.store (local.get $to) (f64.const 0))
                (local.set $to (i32.add (local.get $to) (i32.const 32)))
                (local.set $y (i32.add (local.get $y) (i32.const 1)))
                (br $zs)))))
        (local.set $x (i32.add (local.get $x) (i32.const 1)))
        (br $xs))))

  ;; One finished sum → float32 at $at: alpha·s (+ bias) (+ C), rounded once. Edge tiles; full
  ;; tiles do the same two columns at a time inside $kernel.
  (func $store1 (param $at i32) (param $s f64) (param $alpha f64) (param $bias i32) (param $acc i32)
    (local $v f64)
    (local.set $v (f64.mul (local.get $alpha) (local.get $s)))
    (if (local.get $bias) (then (local.set $v (f64.add (local.get $v) (f64.promote_f32 (f32.load (local.get $bias)))))))
    (if (local.get $acc) (then (local.set $v (f64.add (local.get $v) (f64.promote_f32 (f32.load (local.get $at)))))))
    (f32.store (local.get $at) (f32.demote_f64 (local.get $v))))

  ;; C (M × N, float32 rows at $c) from the packed panels.
  (func $kernel (param $m i32) (param $n i32) (param $k i32) (param $packA i32) (param $packB i32)
                (param $c i32) (param $alpha f64) (param $bias i32) (param $acc i32) (param $tile i32)
    (local $i i32) (local $j i32) (local $p i32) (local $pa i32) (local $pb i32)
    (local $pa0 i32) (local $panel i32) (local $row i32) (local $at i32) (local $biasAt i32)
    (local $r i32) (local $q i32) (local $alphaV v128)
    (local $a v128) (local $b0 v128) (local $b1 v128) (local $v v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)
    (local.set $alphaV (f64x2.splat (local.get $alpha)))
    ;; bytes in one panel: K·4 float64
    (local.set $panel (i32.shl (local.get $k) (i32.const 5)))
    (local.set $i (i32.const 0))
    (local.set $pa0 (local.get $packA))
    (block $idone
      (loop $is
        (br_if $idone (i32.ge_u (local.get $i) (local.get $m)))
        (local.set $j (i32.const 0))
        (local.set $pb (local.get $packB))
        (block $jdone
          (loop $js
            (br_if $jdone (i32.ge_u (local.get $j) (local.get $n)))
            (local.set $s00 (v128.const i64x2 0 0)) (local.set $s01 (v128.const i64x2 0 0))
            (local.set $s10 (v128.const i64x2 0 0)) (local.set $s11 (v128.const i64x2 0 0))
            (local.set $s20 (v128.const i64x2 0 0)) (local.set $s21 (v128.const i64x2 0 0))
            (local.set $s30 (v128.const i64x2 0 0)) (local.set $s31 (v128.const i64x2 0 0))
            (local.set $pa (local.get $pa0))
            (local.set $p (local.get $k))
            (block $pdone
              (loop $ps
                (br_if $pdone (i32.eqz (local.get $p)))
                (local.set $b0 (v128.load (local.get $pb)))
                (local.set $b1 (v128.load offset=16 (local.get $pb)))
                (local.set $a (v128.load64_splat (local.get $pa)))
                (local.set $s00 (f64x2.add (local.get $s00) (f64x2.mul (local.get $a) (local.get $b0))))
                (local.set $s01 (f64x2.add (local.get $s01) (f64x2.mul (local.get $a) (local.get $b1))))
                (local.set $a (v128.load64_splat offset=8 (local.get $pa)))
                (local.set $s10 (f64x2.add (local.get $s10) (f64x2.mul (local.get $a) (local.get $b0))))
                (local.set $s11 (f64x2.add (local.get $s11) (f64x2.mul (local.get $a) (local.get $b1))))
                (local.set $a (v128.load64_splat offset=16 (local.get $pa)))
                (local.set $s20 (f64x2.add (local.get $s20) (f64x2.mul (local.get $a) (local.get $b0))))
                (local.set $s21 (f64x2.add (local.get $s21) (f64x2.mul (local.get $a) (local.get $b1))))
                (local.set $a (v128.load64_splat offset=24 (local.get $pa)))
                (local.set $s30 (f64x2.add (local.get $s30) (f64x2.mul (local.get $a) (local.get $b0))))
                (local.set $s31 (f64x2.add (local.get $s31) (f64x2.mul (local.get $a) (local.get $b1))))
                (local.set $pa (i32.add (local.get $pa) (i32.const 32)))
                (local.set $pb (i32.add (local.get $pb) (i32.const 32)))
                (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                (br $ps)))
            ;; the C element (i, j) and the bias element j
            (local.set $at (i32.add (local.get $c) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $n)) (local.get $j)) (i32.const 2))))
            (local.set $biasAt (select (i32.add (local.get $bias) (i32.shl (local.get $j) (i32.const 2))) (i32.const 0) (local.get $bias)))
            (if (i32.and (i32.le_u (i32.add (local.get $i) (i32.const 4)) (local.get $m))
                         (i32.le_u (i32.add (local.get $j) (i32.const 4)) (local.get $n)))
              (then
                ;; a full tile: each pair of sums → alpha·s (+ bias) (+ C), rounded to float32
                (local.set $row (i32.shl (local.get $n) (i32.const 2)))
                (local.set $v (f64x2.mul (local.get $alphaV) (local.get $s00)))
                (if (local.get $biasAt)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $biasAt)))))))
                (if (local.get $acc)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $at)))))))
                (v128.store64_lane 0 (local.get $at) (f32x4.demote_f64x2_zero (local.get $v)))
                (local.set $v (f64x2.mul (local.get $alphaV) (local.get $s01)))
                (if (local.get $biasAt)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $biasAt) (i32.const 8))))))))
                (if (local.get $acc)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $at) (i32.const 8))))))))
                (v128.store64_lane 0 (i32.add (local.get $at) (i32.const 8)) (f32x4.demote_f64x2_zero (local.get $v)))
                (local.set $at (i32.add (local.get $at) (local.get $row)))
                (local.set $v (f64x2.mul (local.get $alphaV) (local.get $s10)))
                (if (local.get $biasAt)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $biasAt)))))))
                (if (local.get $acc)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $at)))))))
                (v128.store64_lane 0 (local.get $at) (f32x4.demote_f64x2_zero (local.get $v)))
                (local.set $v (f64x2.mul (local.get $alphaV) (local.get $s11)))
                (if (local.get $biasAt)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $biasAt) (i32.const 8))))))))
                (if (local.get $acc)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $at) (i32.const 8))))))))
                (v128.store64_lane 0 (i32.add (local.get $at) (i32.const 8)) (f32x4.demote_f64x2_zero (local.get $v)))
                (local.set $at (i32.add (local.get $at) (local.get $row)))
                (local.set $v (f64x2.mul (local.get $alphaV) (local.get $s20)))
                (if (local.get $biasAt)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $biasAt)))))))
                (if (local.get $acc)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $at)))))))
                (v128.store64_lane 0 (local.get $at) (f32x4.demote_f64x2_zero (local.get $v)))
                (local.set $v (f64x2.mul (local.get $alphaV) (local.get $s21)))
                (if (local.get $biasAt)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $biasAt) (i32.const 8))))))))
                (if (local.get $acc)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $at) (i32.const 8))))))))
                (v128.store64_lane 0 (i32.add (local.get $at) (i32.const 8)) (f32x4.demote_f64x2_zero (local.get $v)))
                (local.set $at (i32.add (local.get $at) (local.get $row)))
                (local.set $v (f64x2.mul (local.get $alphaV) (local.get $s30)))
                (if (local.get $biasAt)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $biasAt)))))))
                (if (local.get $acc)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (local.get $at)))))))
                (v128.store64_lane 0 (local.get $at) (f32x4.demote_f64x2_zero (local.get $v)))
                (local.set $v (f64x2.mul (local.get $alphaV) (local.get $s31)))
                (if (local.get $biasAt)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $biasAt) (i32.const 8))))))))
                (if (local.get $acc)
                  (then (local.set $v (f64x2.add (local.get $v) (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $at) (i32.const 8))))))))
                (v128.store64_lane 0 (i32.add (local.get $at) (i32.const 8)) (f32x4.demote_f64x2_zero (local.get $v))))
              (else
                ;; an edge tile: sums to the tile buffer, then the elements inside C one by one
                (v128.store (local.get $tile) (local.get $s00))
                (v128.store offset=16 (local.get $tile) (local.get $s01))
                (v128.store offset=32 (local.get $tile) (local.get $s10))
                (v128.store offset=48 (local.get $tile) (local.get $s11))
                (v128.store offset=64 (local.get $tile) (local.get $s20))
                (v128.store offset=80 (local.get $tile) (local.get $s21))
                (v128.store offset=96 (local.get $tile) (local.get $s30))
                (v128.store offset=112 (local.get $tile) (local.get $s31))
                (local.set $r (i32.const 0))
                (block $rdone
                  (loop $rs
                    (br_if $rdone (i32.or (i32.ge_u (local.get $r) (i32.const 4))
                                          (i32.ge_u (i32.add (local.get $i) (local.get $r)) (local.get $m))))
                    (local.set $q (i32.const 0))
                    (block $qdone
                      (loop $qs
                        (br_if $qdone (i32.or (i32.ge_u (local.get $q) (i32.const 4))
                                              (i32.ge_u (i32.add (local.get $j) (local.get $q)) (local.get $n))))
                        (call $store1
                          (i32.add (local.get $at) (i32.shl (i32.add (i32.mul (local.get $r) (local.get $n)) (local.get $q)) (i32.const 2)))
                          (f64.load (i32.add (local.get $tile) (i32.shl (i32.add (i32.shl (local.get $r) (i32.const 2)) (local.get $q)) (i32.const 3))))
                          (local.get $alpha)
                          (select (i32.add (local.get $biasAt) (i32.shl (local.get $q) (i32.const 2))) (i32.const 0) (local.get $biasAt))
                          (local.get $acc))
                        (local.set $q (i32.add (local.get $q) (i32.const 1)))
                        (br $qs)))
                    (local.set $r (i32.add (local.get $r) (i32.const 1)))
                    (br $rs)))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $js)))
        (local.set $pa0 (i32.add (local.get $pa0) (local.get $panel)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $is))))

  ;; The batched entry: for each s < batch, pack A_s and B_s (B once when bBatch is 0) and
  ;; compute C_s (M × N at c + s·M·N·4). Offsets in bytes, strides in elements.
  (func (export "gemm")
    (param $batch i32) (param $m i32) (param $n i32) (param $k i32)
    (param $a i32) (param $aBatch i32) (param $aRow i32) (param $aCol i32)
    (param $b i32) (param $bBatch i32) (param $bRow i32) (param $bCol i32)
    (param $c i32) (param $alpha f64) (param $bias i32) (param $acc i32)
    (param $packA i32) (param $packB i32) (param $tile i32)
    (local $s i32)
    (local.set $s (i32.const 0))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $s) (local.get $batch)))
        ;; A as rows i (panels of 4 rows), B as columns j (panels of 4 columns)
        (call $pack (i32.add (local.get $a) (i32.shl (i32.mul (local.get $s) (local.get $aBatch)) (i32.const 2)))
          (local.get $aRow) (local.get $aCol) (local.get $m) (local.get $k) (local.get $packA))
        (if (i32.or (i32.eqz (local.get $s)) (i32.ne (local.get $bBatch) (i32.const 0)))
          (then
            (call $pack (i32.add (local.get $b) (i32.shl (i32.mul (local.get $s) (local.get $bBatch)) (i32.const 2)))
              (local.get $bCol) (local.get $bRow) (local.get $n) (local.get $k) (local.get $packB))))
        (call $kernel (local.get $m) (local.get $n) (local.get $k) (local.get $packA) (local.get $packB)
          (i32.add (local.get $c) (i32.shl (i32.mul (local.get $s) (i32.mul (local.get $m) (local.get $n))) (i32.const 2)))
          (local.get $alpha) (local.get $bias) (local.get $acc) (local.get $tile))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $each))))
)
