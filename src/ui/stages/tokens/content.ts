// Texts of the `tokens` stage, English and Simplified Chinese.
import type { Bilingual } from '../../../i18n/text';
import type { StageExplanation } from '../types';

export const title: Bilingual = { en: 'Tokens and ids', zh: '词元与编号' };

export const explain: StageExplanation = {
  what: {
    en: 'The sentence is lowercased and split into tokens: words, and each punctuation mark on its own. Each token is looked up in the source vocabulary and replaced by its id; a word the vocabulary lacks becomes <unk>. The encoder reads these ids followed by <eos>, which marks the end. The decoder reads <bos> (“begin”) followed by the Chinese tokens produced so far, looked up in a separate target vocabulary.',
    zh: '句子先转成小写，再切分成词元：单词，以及单独成词元的每个标点。每个词元在源语言词表中查到对应的编号；词表里没有的词变成 <unk>。编码器读入这些编号，后面再加一个表示结束的 <eos>。解码器读入 <bos>（“开始”）以及到目前为止生成的中文词元，它们在另一个目标语言词表中查编号。',
  },
  why: {
    en: 'A neural network computes with numbers, not text. A fixed vocabulary turns every sentence into a list of whole numbers that can index rows of an embedding table. The special tokens tell the model where a sequence ends (<eos>) and give the decoder something to start from before it has produced any word (<bos>).',
    zh: '神经网络只能对数字做运算，不能直接处理文字。固定的词表把每个句子变成一串整数，这些整数可以用来索引嵌入表中的行。特殊词元告诉模型序列在哪里结束（<eos>），并在解码器还没生成任何词时给它一个起点（<bos>）。',
  },
  problem: {
    en: 'It turns open-ended text into a finite set of symbols the model was trained on. The price is that unknown words all collapse into the single <unk> token: the model cannot tell “zebra” from “piano”, so it can only guess their translation.',
    zh: '它把开放的文本变成模型训练过的有限符号集合。代价是所有未知词都变成同一个 <unk> 词元：模型分不清 “zebra” 和 “piano”，只能猜它们的译法。',
  },
};

export const text = {
  sourceCaption: { en: 'Encoder input: source tokens and their ids', zh: '编码器输入：源词元及其编号' },
  targetCaption: { en: 'Decoder input: <bos> and the output so far, with their ids', zh: '解码器输入：<bos> 和已生成的输出，及其编号' },
  position: { en: 'position', zh: '位置' },
  typed: { en: 'token', zh: '词元' },
  read: { en: 'the model reads', zh: '模型读到的' },
  id: { en: 'id', zh: '编号' },
  unknown: { en: 'not in the vocabulary', zh: '不在词表中' },
  special: { en: 'special token', zh: '特殊词元' },
  eosNote: { en: 'end of the source sentence', zh: '源句子结束' },
  bosNote: { en: 'start of the target sentence', zh: '目标句子开始' },
  sequenceCaption: { en: 'The one sequence the decoder reads, with its ids', zh: '解码器读入的唯一序列及其编号' },
  part: { en: 'part', zh: '部分' },
  promptPart: { en: 'prompt', zh: '提示' },
  continuationPart: { en: 'continuation', zh: '续写' },
  maskNote: { en: 'hidden word: the model fills it', zh: '被遮住的词：由模型填写' },
  inputCaption: { en: 'Encoder input: the words (with <mask>) and their ids', zh: '编码器输入：这些词（含 <mask>）及其编号' },
  vocabSizes: {
    en: 'Vocabulary sizes: source V_src = {{src}} tokens, target V_tgt = {{tgt}} tokens, each including the 4 special tokens <pad>, <bos>, <eos>, <unk> (ids 0–3).',
    zh: '词表大小：源语言 V_src = {{src}} 个词元，目标语言 V_tgt = {{tgt}} 个词元，都包含 4 个特殊词元 <pad>、<bos>、<eos>、<unk>（编号 0–3）。',
  },
  decoderNote: {
    en: 'The target side shown is what the decoder reads in one teacher-forced pass over the model’s own translation: position t sees <bos> and the tokens before t, and predicts the token at t.',
    zh: '这里的目标一侧，是在对模型自己的译文做一次教师强制计算时解码器读到的内容：位置 t 看到 <bos> 和 t 之前的词元，并预测位置 t 的词元。',
  },
  computedBy: {
    en: 'Tokenizing and the vocabulary lookup run in TypeScript on the CPU (src/data/tokenize.ts, src/data/vocab.ts) before any kernel; the ids then go to the GPU as an int32 buffer that the embedding kernel reads.',
    zh: '切分词元和查词表都在 CPU 上用 TypeScript 完成（src/data/tokenize.ts、src/data/vocab.ts），早于任何计算内核；随后编号以 int32 缓冲区的形式送到 GPU，由嵌入内核读取。',
  },
} satisfies Record<string, Bilingual>;
