// The encoder-decoder drawn as a grid of buttons (each opens its stage), the ×N layer frames,
// the encoder → cross-attention link, and the three families as brackets that dim what a
// family does not keep.
import { useText } from '../../../i18n';
import { Emphasis } from '../shared/Emphasis';
import type { Side, StageContext } from '../types';
import { blocks, families, text } from './content';
import { LAST_ROW, LINK_ROW, ONE_STACK_LAST_ROW, ONE_STACK_ROWS, STACK_ROWS, diagramBlocks, diagramFamily, keeps, type DiagramBlock, type Family } from './diagramBlocks';

const COLON = { en: ': ', zh: '：' };

/** Diagram rows start below the two bracket rows and the column headings. */
const ROW0 = 3;
const COLUMN: Record<Side, number> = { enc: 1, dec: 3 };

function Tokens({ tokens, lang }: { tokens: string[]; lang?: string }) {
  return (
    <span className="ov-tokens" lang={lang}>
      {tokens.map((t, i) => (
        <code key={i}>{t}</code>
      ))}
    </span>
  );
}

function Block({ b, ctx, family, column, row0 = ROW0 }: { b: DiagramBlock; ctx: StageContext; family: Family | null; column?: number; row0?: number }) {
  const { text: tx } = useText();
  const kept = keeps(family, b.keptBy);
  const first = b.row === (b.side === 'enc' ? 1 : 2);
  const tokens = b.kind === 'io' && b.key.endsWith('input') ? (b.side === 'enc' ? ctx.labels.source : ctx.labels.target) : null;
  return (
    <button
      type="button"
      className={`ov-block ov-block--${b.kind}${b.inStack ? ' ov-block--stack' : ''}${first ? '' : ' ov-block--flow'}${kept ? '' : ' is-dropped'}`}
      style={{ gridColumn: column ?? COLUMN[b.side], gridRow: b.row + row0 }}
      data-stage={b.stage}
      data-block={b.key}
      onClick={() => ctx.goToStage(b.stage, { side: b.side })}
    >
      <span>{tx(b.label, b.values)}</span>
      {tokens && <Tokens tokens={tokens} lang={b.side === 'dec' ? 'zh-CN' : 'en'} />}
      {!kept && <span className="visually-hidden"> ({tx(families.dropped)})</span>}
    </button>
  );
}

function StackFrame({ side, ctx, family }: { side: Side; ctx: StageContext; family: Family | null }) {
  const { text: tx } = useText();
  const [first, last] = STACK_ROWS[side];
  const n = side === 'enc' ? ctx.config.nEncoderLayers : ctx.config.nDecoderLayers;
  const kept = keeps(family, side === 'enc' ? ['encDec', 'encOnly'] : ['encDec', 'decOnly']);
  const label = tx(blocks.stack, { n });
  return (
    <div
      className={`ov-stack${kept ? '' : ' is-dropped'}`}
      style={{ gridColumn: COLUMN[side], gridRow: `${first + ROW0} / ${last + ROW0 + 1}` }}
      data-testid={`overview-stack-${side}`}
    >
      {side === 'enc' ? (
        <button type="button" className="ov-stack__label" data-stage="encoder-stack" title={tx(blocks.stackTitle)} onClick={() => ctx.goToStage('encoder-stack')}>
          {label}
        </button>
      ) : (
        <span className="ov-stack__label">{label}</span>
      )}
    </div>
  );
}

function Bracket({ id, label, column, family, onPick }: { id: Family; label: string; column: string; family: Family | null; onPick: (f: Family | null) => void }) {
  const on = family === id;
  return (
    <button
      type="button"
      className={`ov-bracket ov-bracket--${id}${on ? ' is-on' : ''}`}
      style={{ gridColumn: column, gridRow: id === 'encDec' ? 1 : 2 }}
      aria-pressed={on}
      data-family={id}
      onClick={() => onPick(on ? null : id)}
    >
      {label}
    </button>
  );
}

/** A one-stack model (decoder-only or encoder-only): its one column, nothing else drawn. */
function OneStackDiagram({ ctx, model }: { ctx: StageContext; model: Exclude<Family, 'encDec'> }) {
  const { text: tx } = useText();
  const side: Side = model === 'decOnly' ? 'dec' : 'enc';
  const [first, last] = ONE_STACK_ROWS;
  const row0 = 1; // the column heading takes the first grid row
  const n = side === 'enc' ? ctx.config.nEncoderLayers : ctx.config.nDecoderLayers;
  return (
    <div
      className="ov-diagram ov-diagram--one"
      role="group"
      aria-label={tx(model === 'decOnly' ? text.diagramLabelDecoder : text.diagramLabelEncoder)}
      data-testid="overview-diagram"
      data-family={model}
      style={{ gridTemplateRows: `repeat(${ONE_STACK_LAST_ROW + row0}, auto)` }}
    >
      <p className="ov-heading" style={{ gridColumn: 1, gridRow: 1 }}>
        {tx(side === 'enc' ? blocks.encoder : blocks.decoder)}
      </p>
      <div className="ov-stack" style={{ gridColumn: 1, gridRow: `${first + row0} / ${last + row0 + 1}` }} data-testid={`overview-stack-${side}`}>
        <span className="ov-stack__label">{tx(blocks.stack, { n })}</span>
      </div>
      {diagramBlocks(ctx.config, ctx.result.vocabSizes).map((b) => (
        <Block key={b.key} b={b} ctx={ctx} family={null} column={1} row0={row0} />
      ))}
    </div>
  );
}

export function Diagram({ ctx, family, onFamily }: { ctx: StageContext; family: Family | null; onFamily: (f: Family | null) => void }) {
  const { text: tx } = useText();
  const model = diagramFamily(ctx.config);
  if (model !== 'encDec') return <OneStackDiagram ctx={ctx} model={model} />;
  const all = diagramBlocks(ctx.config, ctx.result.vocabSizes);
  const linkKept = keeps(family, ['encDec']);
  return (
    <div className="ov-diagram" role="group" aria-label={tx(text.diagramLabel)} data-testid="overview-diagram" style={{ gridTemplateRows: `repeat(${LAST_ROW + ROW0}, auto)` }}>
      <Bracket id="encDec" label={tx(families.thisModel, { name: tx(families.encDec) })} column="1 / 4" family={family} onPick={onFamily} />
      <Bracket id="encOnly" label={tx(families.encOnly)} column="1" family={family} onPick={onFamily} />
      <Bracket id="decOnly" label={tx(families.decOnly)} column="3" family={family} onPick={onFamily} />
      <p className="ov-heading" style={{ gridColumn: 1, gridRow: ROW0 }}>
        {tx(blocks.encoder)}
      </p>
      <p className="ov-heading" style={{ gridColumn: 3, gridRow: ROW0 }}>
        {tx(blocks.decoder)}
      </p>
      <StackFrame side="enc" ctx={ctx} family={family} />
      <StackFrame side="dec" ctx={ctx} family={family} />
      <p className={`ov-link${linkKept ? '' : ' is-dropped'}`} style={{ gridColumn: 2, gridRow: LINK_ROW + ROW0 }}>
        <span className="ov-link__arrow" aria-hidden="true">
          ⟶
        </span>
        <span>{tx(blocks.memory, { s: ctx.labels.source.length, d: ctx.config.dModel })}</span>
      </p>
      {all.map((b) => (
        <Block key={b.key} b={b} ctx={ctx} family={family} />
      ))}
    </div>
  );
}

/** The diagram with the family notes under it; the emphasis targets of the study cards. */
export function FamiliesAndDiagram({ ctx, family: picked, onFamily }: { ctx: StageContext; family: Family | null; onFamily: (f: Family | null) => void }) {
  const { text: tx } = useText();
  const model = diagramFamily(ctx.config);
  // A one-stack model draws only itself, and its family's note is the one marked.
  const family = model === 'encDec' ? picked : model;
  const named = (id: Family, name: string) => (id === model ? tx(families.thisModel, { name }) : name);
  const notes: Array<[Family, string, string]> = [
    ['encDec', named('encDec', tx(families.encDec)), tx(families.encDecNote)],
    ['encOnly', named('encOnly', tx(families.encOnly)), tx(families.encOnlyNote)],
    ['decOnly', named('decOnly', tx(families.decOnly)), tx(families.decOnlyNote)],
  ];
  return (
    <Emphasis active={ctx.highlight === 'model-families'} testId="overview-families">
      <p className="muted">{tx(text.clickHint)}</p>
      {model === 'encDec' ? (
        <p className="muted">{tx(families.heading)}</p>
      ) : (
        <p className="note" data-testid="overview-this-family">
          {tx(text.thisFamily, { family: tx(model === 'decOnly' ? families.decOnly : families.encOnly) })}
        </p>
      )}
      <Emphasis active={ctx.highlight === 'encoder-decoder-blocks'} testId="overview-blocks">
        <Diagram ctx={ctx} family={family} onFamily={onFamily} />
      </Emphasis>
      <p className="note">{tx(ctx.config.norm === 'post' ? text.normPost : text.normPre)}</p>
      <ul className="ov-family-notes">
        {notes.map(([id, name, note]) => (
          <li key={id} className={family === id ? 'is-on' : undefined}>
            <strong>{name}</strong>
            {tx(COLON)}
            {note}
          </li>
        ))}
      </ul>
      <p className="muted">{tx(families.beyond)}</p>
    </Emphasis>
  );
}
