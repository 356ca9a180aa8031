// Texts of the `embedding` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Token embeddings', zh: '词元嵌入' };

export const explain: StageExplanation = {
  what: {
    en: 'Each token id selects one row of a learned table E with D numbers per token (D = d_model). That row is the token’s embedding. The paper multiplies it by √D before the positions are added; the panel below says whether this model does. The encoder and the decoder have separate tables, one per vocabulary.',
    zh: '每个词元编号从一张可学习的表 E 中选出一行，每个词元有 D 个数（D = d_model）。这一行就是该词元的嵌入。论文在加上位置编码之前先把这一行乘以 √D；本模型是否这样做，见下方面板。编码器和解码器各有一张表，分别对应各自的词表。',
  },
  why: {
    en: 'Ids are arbitrary labels: id 17 is not “closer” to id 18 than to id 40. A learned vector gives each token a place in a D-dimensional space where training can put related words near each other and where the following layers can compute with it.',
    zh: '编号只是任意的标签：编号 17 并不比编号 40 更“接近”编号 18。可学习的向量让每个词元在 D 维空间中有一个位置，训练可以把相关的词放得更近，后面的层也能用它来计算。',
  },
  problem: {
    en: 'It replaces a huge, sparse one-hot code with a short dense vector: the lookup gives the same result as multiplying a one-hot row by the table, without doing the multiplication. In the paper, the √D factor brings the entries to about unit size, comparable with the positional encoding (between −1 and 1) added next, so position does not drown out the token.',
    zh: '它用一个短而稠密的向量代替巨大而稀疏的独热编码：查表的结果与用独热行向量乘以这张表相同，但不必真的做乘法。在论文中，√D 这个系数把数值放大到大约 1 的量级，与接下来要加上的位置编码（介于 −1 和 1 之间）相当，这样位置信息不会盖过词元本身。',
  },
};

export const text = {
  heatmapTitle: { en: 'Looked-up rows ×{{scale}} ({{side}})', zh: '查到的行 ×{{scale}}（{{side}}）' },
  heatmapTitlePlain: { en: 'Looked-up rows, not scaled ({{side}})', zh: '查到的行，未缩放（{{side}}）' },
  legend: { en: 'value', zh: '数值' },
  lookupCaption: { en: 'The lookup: each token’s id picks a row of E ({{v}} × {{d}})', zh: '查表：每个词元的编号选出 E（{{v}} × {{d}}）中的一行' },
  position: { en: 'position', zh: '位置' },
  token: { en: 'token', zh: '词元' },
  id: { en: 'id', zh: '编号' },
  row: { en: 'row of E', zh: 'E 的行' },
  scaleTitle: { en: 'The ×√D scale', zh: '×√D 缩放' },
  scaleLine: {
    en: 'D = {{d}}, so every looked-up row is multiplied by √{{d}} ≈ {{scale}}.',
    zh: 'D = {{d}}，所以查到的每一行都乘以 √{{d}} ≈ {{scale}}。',
  },
  before: {
    en: 'table entries (derived: the values shown ÷ {{scale}}): standard deviation {{std}}, range {{min}} to {{max}}',
    zh: '表中原始数值（由图中数值 ÷ {{scale}} 推得）：标准差 {{std}}，范围 {{min}} 到 {{max}}',
  },
  after: {
    en: 'after ×{{scale}} (what the model adds positions to): standard deviation {{std}}, range {{min}} to {{max}}',
    zh: '乘以 {{scale}} 之后（模型在此基础上加位置编码）：标准差 {{std}}，范围 {{min}} 到 {{max}}',
  },
  peRange: {
    en: 'The positional encoding added next lies between −1 and 1.',
    zh: '接下来要加上的位置编码介于 −1 和 1 之间。',
  },
  noScale: { en: 'This model does not scale its embeddings (embedScale is off): the rows are used as they are.', zh: '此模型不缩放嵌入（embedScale 关闭）：查到的行原样使用。' },
  learned: {
    en: 'E is a parameter like any weight matrix: it starts random and is trained end to end with the rest of the translator by backpropagation. Unlike Word2Vec vectors, which are trained separately beforehand and then kept fixed, these rows are shaped by this task.',
    zh: 'E 和其他权重矩阵一样是参数：它从随机值开始，与翻译模型的其余部分一起通过反向传播端到端训练。Word2Vec 的向量是事先单独训练、之后固定不变的；而这里的行是为这个任务训练出来的。',
  },
  cell: {
    en: 'row {{id}} of E, entry d{{dim}}: {{raw}} × {{scale}} = {{value}}',
    zh: 'E 的第 {{id}} 行、第 d{{dim}} 维：{{raw}} × {{scale}} = {{value}}',
  },
  cellNoScale: { en: 'row {{id}} of E, entry d{{dim}}', zh: 'E 的第 {{id}} 行、第 d{{dim}} 维' },
} satisfies Record<string, Bilingual>;
