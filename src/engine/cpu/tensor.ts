// The CPU tensor: a typed-array view plus shape, dtype and label. Reshapes share the view's
// storage; disposing marks only this handle dead (the memory itself belongs to the GC).
import { EngineError, shapeStr, type DType, type Shape, type Tensor } from '../backend';

export type CpuData = Float32Array | Int32Array;

export class CpuTensor implements Tensor {
  readonly size: number;
  /** Arena views are never disposed by scope(). */
  readonly persistent: boolean;
  private disposedFlag = false;

  constructor(
    readonly id: number,
    readonly shape: Shape,
    readonly dtype: DType,
    readonly label: string,
    private readonly storage: CpuData,
    persistent = false,
  ) {
    this.size = storage.length;
    this.persistent = persistent;
  }

  get disposed(): boolean {
    return this.disposedFlag;
  }

  /** The elements, row-major. Throws once the tensor is disposed. */
  get data(): CpuData {
    if (this.disposedFlag) throw new EngineError('tensor', `'${this.label}' (id ${this.id}) was disposed`);
    return this.storage;
  }

  /** Storage as f32; call only after checking dtype. */
  get f32(): Float32Array {
    return this.data as Float32Array;
  }

  get i32(): Int32Array {
    return this.data as Int32Array;
  }

  markDisposed(): void {
    this.disposedFlag = true;
  }

  toString(): string {
    return `${this.label} ${shapeStr(this.shape)} ${this.dtype}`;
  }
}

/** A fresh typed array of the dtype, filled with zeros. */
export function allocData(dtype: DType, size: number): CpuData {
  return dtype === 'i32' ? new Int32Array(size) : new Float32Array(size);
}
