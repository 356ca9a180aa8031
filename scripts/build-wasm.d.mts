// Types for build-wasm.mjs (plain JS so `npm run build:wasm` needs no build itself).
export interface WasmSource {
  wat: string;
  out: string;
  name: string;
}
export declare const WASM_SOURCES: WasmSource[];
export declare function compileWat(path: string): Promise<Uint8Array>;
export declare function generated(source: WasmSource): Promise<string>;
