// Every view of src/viz on fixed data, in the language of ?lang= (en or zh).
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../../src/i18n';
import { BarChart, Formula, Heatmap, LineChart, VectorStrip } from '../../src/viz';
import '../../src/ui/styles/global.css';
import * as F from './fixtures';

const zh = new URLSearchParams(location.search).get('lang') === 'zh';
initI18n(zh ? 'zh' : 'en');
const tr = (en: string, cn: string) => (zh ? cn : en);

function Gallery() {
  const [status, setStatus] = useState('');
  const labels = (n: number) => Array.from({ length: n }, (_, i) => String(i));
  return (
    <main className="app-main">
      <div className="view">
        <h1>{tr('Views gallery', '视图一览')}</h1>
        <output data-testid="gallery-status">{status}</output>
        <Heatmap
          values={F.WEIGHTS}
          rowLabels={F.TARGET}
          colLabels={F.TARGET}
          rowAxis={tr('query', '查询')}
          colAxis={tr('key', '键')}
          title={tr('Decoder self-attention weights', '解码器自注意力权重')}
          masked={F.causal}
          scale={{ kind: 'sequential', domain: [0, 1] }}
          legendLabel={tr('attention weight', '注意力权重')}
          highlight={{ region: 'upper-triangle' }}
          describeCell={(r, c) => `softmax(row ${r})[${c}]`}
          onCellClick={(r, c) => setStatus(`cell ${r},${c}`)}
          exportName="dec.0.self.weights h1"
          testId="weights"
        />
        <Heatmap
          values={F.SCORES}
          rowLabels={F.TARGET.slice(0, 3)}
          colLabels={F.SOURCE}
          rowAxis={tr('query', '查询')}
          colAxis={tr('key', '键')}
          title={tr('Cross-attention scores', '交叉注意力分数')}
          masked={F.padded}
          scale={{ kind: 'diverging' }}
          legendLabel={tr('score', '分数')}
          highlight={{ rows: [1], cells: [[0, 0]] }}
          testId="scores"
        />
        <Heatmap
          values={F.POSITIONS}
          rowLabels={labels(24)}
          colLabels={labels(48)}
          rowAxis={tr('position', '位置')}
          colAxis={tr('dimension', '维度')}
          title={tr('Sinusoidal positional encoding', '正弦位置编码')}
          scale={{ kind: 'diverging', domain: [-1, 1] }}
          highlight={{ cols: [0, 1] }}
          testId="positions"
        />
        <Heatmap
          values={F.WIDE}
          rowLabels={labels(24)}
          colLabels={labels(192)}
          rowAxis={tr('position', '位置')}
          colAxis={tr('hidden unit', '隐藏单元')}
          title={tr('FFN activations', '前馈层激活')}
          testId="wide"
        />
        <div className="gallery-thumbs" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(5rem, 6rem))', gap: '0.5rem', marginBottom: '1rem' }}>
          {[0, 1, 2, 3].map((h) => (
            <Heatmap
              key={h}
              compact
              values={F.WEIGHTS}
              rowLabels={F.TARGET}
              colLabels={F.TARGET}
              rowAxis=""
              colAxis=""
              title={`head ${h}`}
              ariaLabel={tr(`Layer 0, head ${h}`, `第 0 层，第 ${h} 头`)}
              masked={F.causal}
              onClick={() => setStatus(`thumb ${h}`)}
              testId={`thumb-${h}`}
            />
          ))}
        </div>
        <LineChart
          title={tr('Training loss', '训练损失')}
          series={[
            { label: tr('train', '训练'), x: F.STEPS, y: F.LOSS },
            { label: tr('validation', '验证'), x: F.VAL_STEPS, y: F.VAL_LOSS, dashed: true },
          ]}
          xLabel={tr('step', '步数')}
          yLabel={tr('loss', '损失')}
          markers={[{ x: 400, label: tr('warm-up ends', '预热结束') }]}
          testId="loss"
        />
        <LineChart
          title={tr('Learning rate', '学习率')}
          series={[{ label: 'lr', x: F.STEPS, y: F.LR }]}
          xLabel={tr('step', '步数')}
          yLabel={tr('learning rate', '学习率')}
          yScale="log"
          height={200}
          testId="lr"
        />
        <BarChart title={tr('Top 5 next tokens', '下一个词元的前 5 个候选')} items={F.TOP_K} chosen={0} testId="topk" />
        <VectorStrip title={tr('Position 3', '位置 3')} label="3" values={F.POSITIONS[3]} highlight={[4, 5]} testId="strip" />
        <p data-testid="formula-inline">
          <Formula tex="\mathrm{Attention}(Q,K,V)=\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)V" />
        </p>
        <div data-testid="formula-display">
          <Formula display tex="\mathrm{PE}_{(pos,2i)}=\sin\left(pos/10000^{2i/d_{\text{model}}}\right)\quad\text{位置}" />
        </div>
        <div data-testid="formula-invalid">
          <Formula display tex="\frac{1}{" />
        </div>
      </div>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Gallery />
  </StrictMode>,
);
