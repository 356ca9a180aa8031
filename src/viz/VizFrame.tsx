import { useState, type ReactNode, type RefObject } from 'react';
import type { ExportSource } from './exportImage';
import { VizToolbar } from './VizToolbar';
import './viz.css';

/**
 * The figure around a chart: title, toolbar ("Table" toggle, PNG/SVG export) and either the
 * picture or its table. `figureRef` lets the chart measure the width it lays out to.
 */
export function VizFrame({
  title,
  testId,
  exportName,
  exportSource,
  renderTable,
  figureRef,
  className,
  children,
}: {
  title: string;
  testId: string;
  exportName?: string;
  exportSource?: () => ExportSource;
  renderTable?: () => ReactNode;
  figureRef?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}) {
  const [tableShown, setTableShown] = useState(false);
  return (
    <figure className={className ? `viz ${className}` : 'viz'} ref={figureRef} data-testid={testId}>
      <div className="viz__header">
        <figcaption className="viz__title">{title}</figcaption>
        <VizToolbar
          table={renderTable ? { shown: tableShown, onToggle: () => setTableShown((v) => !v) } : undefined}
          exportSource={exportSource}
          exportName={exportName ?? title}
          testId={testId}
        />
      </div>
      {tableShown && renderTable ? renderTable() : children}
    </figure>
  );
}
