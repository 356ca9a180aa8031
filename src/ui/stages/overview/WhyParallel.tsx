// An RNN's chain of steps next to self-attention's all-pairs step, drawn over this sentence's
// own tokens, and the inductive biases of CNNs, RNNs and Transformers.
import { useText } from '../../../i18n';
import { Emphasis } from '../shared/Emphasis';
import type { StageContext } from '../types';
import { parallel } from './content';

/** At most this many tokens are drawn; longer sentences keep their first ones and the last. */
const MAX_DRAWN = 8;
const STEP = 64;
const BOX = 44;

function drawnTokens(tokens: string[]): Array<string | null> {
  if (tokens.length <= MAX_DRAWN) return tokens;
  return [...tokens.slice(0, MAX_DRAWN - 2), null, tokens[tokens.length - 1]];
}

function Token({ x, y, token }: { x: number; y: number; token: string | null }) {
  return (
    <text x={x} y={y} textAnchor="middle" className="ov-svg__token">
      {token ?? '…'}
    </text>
  );
}

function RnnChain({ tokens, label }: { tokens: string[]; label: string }) {
  const drawn = drawnTokens(tokens);
  const width = drawn.length * STEP;
  return (
    <svg viewBox={`0 0 ${width} 96`} className="ov-svg" role="img" aria-label={label}>
      <defs>
        <marker id="ov-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="ov-svg__head" />
        </marker>
      </defs>
      {drawn.map((t, i) => {
        const cx = i * STEP + STEP / 2;
        return (
          <g key={i}>
            <rect x={cx - BOX / 2} y={8} width={BOX} height={28} rx={5} className={t === null ? 'ov-svg__gap' : 'ov-svg__state'} />
            <text x={cx} y={27} textAnchor="middle" className="ov-svg__label">
              {t === null ? '…' : `h${i === drawn.length - 1 ? tokens.length - 1 : i}`}
            </text>
            {t !== null && <line x1={cx} y1={66} x2={cx} y2={40} className="ov-svg__edge" markerEnd="url(#ov-arrow)" />}
            <Token x={cx} y={84} token={t} />
            {i > 0 && <line x1={cx - STEP + BOX / 2} y1={22} x2={cx - BOX / 2 - 2} y2={22} className="ov-svg__edge ov-svg__edge--serial" markerEnd="url(#ov-arrow)" />}
          </g>
        );
      })}
    </svg>
  );
}

function AllPairs({ tokens, label }: { tokens: string[]; label: string }) {
  const drawn = drawnTokens(tokens);
  const width = drawn.length * STEP;
  const x = (i: number) => i * STEP + STEP / 2;
  const arcs: string[] = [];
  drawn.forEach((a, i) =>
    drawn.forEach((b, j) => {
      if (j <= i || a === null || b === null) return;
      const lift = 10 + (j - i) * 9;
      arcs.push(`M${x(i)},62 Q${(x(i) + x(j)) / 2},${62 - lift * 1.6} ${x(j)},62`);
    }),
  );
  return (
    <svg viewBox={`0 0 ${width} 96`} className="ov-svg" role="img" aria-label={label}>
      {arcs.map((d, k) => (
        <path key={k} d={d} className="ov-svg__arc" />
      ))}
      {drawn.map((t, i) => (
        <g key={i}>
          <circle cx={x(i)} cy={64} r={4} className="ov-svg__dot" />
          <Token x={x(i)} y={84} token={t} />
        </g>
      ))}
    </svg>
  );
}

export function WhyParallel({ ctx }: { ctx: StageContext }) {
  const { text: tx } = useText();
  // The stack this model has: the decoder-only model's one sequence, else the encoder's input.
  const tokens = ctx.family === 'decoder' ? ctx.labels.target : ctx.labels.source;
  const s = tokens.length;
  return (
    <Emphasis active={ctx.highlight === 'rnn-vs-parallel'} testId="overview-parallel">
      <h3>{tx(parallel.heading)}</h3>
      <div className="ov-parallel">
        <figure className="ov-parallel__fig">
          <figcaption>
            <strong>{tx(parallel.rnnTitle)}</strong>
          </figcaption>
          <RnnChain tokens={tokens} label={tx(parallel.rnnLabel)} />
          <p>{tx(parallel.rnnCaption, { s, first: tokens[0], last: tokens[s - 1], path: s - 1 })}</p>
        </figure>
        <figure className="ov-parallel__fig">
          <figcaption>
            <strong>{tx(parallel.attnTitle)}</strong>
          </figcaption>
          <AllPairs tokens={tokens} label={tx(parallel.attnLabel)} />
          <p>{tx(parallel.attnCaption, { s, pairs: s * s })}</p>
        </figure>
      </div>
      {ctx.family !== 'encoder' && <p>{tx(parallel.teacherForcing)}</p>}
      <h4>{tx(parallel.biasHeading)}</h4>
      <ul>
        <li>{tx(parallel.cnn)}</li>
        <li>{tx(parallel.rnn)}</li>
        <li>{tx(parallel.transformer)}</li>
      </ul>
      <button type="button" className="link-button" data-stage="complexity" onClick={() => ctx.goToStage('complexity')}>
        {tx(parallel.complexityLink)} →
      </button>
    </Emphasis>
  );
}
