// The overview panel: the diagram with its families, the stages inside one attention block,
// why the Transformer trains in parallel, and this model's sizes.
import { useState } from 'react';
import { useText } from '../../../i18n';
import type { StagePanelProps } from '../types';
import { insideAttention, text } from './content';
import { FamiliesAndDiagram } from './Diagram';
import type { Family } from './diagramBlocks';
import { BlocksTable } from './BlocksTable';
import { SizesTable } from './SizesTable';
import { WhyParallel } from './WhyParallel';
import './overview.css';

export function OverviewPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const [family, setFamily] = useState<Family | null>(null);
  return (
    <div className="overview">
      <FamiliesAndDiagram ctx={ctx} family={family} onFamily={setFamily} />
      <nav className="ov-inside" aria-label={tx(text.insideTitle)}>
        <p className="ov-inside__title">{tx(text.insideTitle)}</p>
        <ol>
          {insideAttention.map((s) => (
            <li key={s.stage}>
              <button type="button" className="ov-chip" data-stage={s.stage} onClick={() => ctx.goToStage(s.stage, { side: 'enc' })}>
                {tx(s.label)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="ov-bottom">
        <WhyParallel ctx={ctx} />
        <SizesTable ctx={ctx} />
        <BlocksTable ctx={ctx} />
      </div>
    </div>
  );
}
