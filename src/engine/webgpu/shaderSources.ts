// Every WGSL kernel family, as source text: the pipeline cache compiles from here and the
// walkthrough's "view shader" panel shows it. WGSL has no includes: the row kernels get the
// shared workgroup reductions (reduce.wgsl) appended.
import matmul from '../../../shaders/matmul.wgsl?raw';
import attention from '../../../shaders/attention.wgsl?raw';
import softmax from '../../../shaders/softmax.wgsl?raw';
import layernorm from '../../../shaders/layernorm.wgsl?raw';
import embedding from '../../../shaders/embedding.wgsl?raw';
import activation from '../../../shaders/activation.wgsl?raw';
import crossEntropy from '../../../shaders/cross_entropy.wgsl?raw';
import adam from '../../../shaders/adam.wgsl?raw';
import elementwise from '../../../shaders/elementwise.wgsl?raw';
import reduce from '../../../shaders/reduce.wgsl?raw';

export type ShaderFamily =
  | 'matmul'
  | 'attention'
  | 'softmax'
  | 'layernorm'
  | 'embedding'
  | 'activation'
  | 'cross_entropy'
  | 'adam'
  | 'elementwise';

export interface ShaderSource {
  /** File name under shaders/, e.g. 'matmul.wgsl'. */
  file: string;
  source: string;
}

export const shaderSources: Readonly<Record<ShaderFamily, ShaderSource>> = {
  matmul: { file: 'matmul.wgsl', source: matmul },
  attention: { file: 'attention.wgsl', source: attention },
  softmax: { file: 'softmax.wgsl', source: `${softmax}\n${reduce}` },
  layernorm: { file: 'layernorm.wgsl', source: `${layernorm}\n${reduce}` },
  embedding: { file: 'embedding.wgsl', source: embedding },
  activation: { file: 'activation.wgsl', source: activation },
  cross_entropy: { file: 'cross_entropy.wgsl', source: crossEntropy },
  adam: { file: 'adam.wgsl', source: adam },
  elementwise: { file: 'elementwise.wgsl', source: elementwise },
};
