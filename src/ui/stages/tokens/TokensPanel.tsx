// The tokens stage: the encoder's input (tokens, ids, unknown words, <eos>) and the
// decoder's input (<bos> + the output), with the vocabulary sizes.
import { BOS_ID, EOS_ID, UNK_ID } from '../../../data/vocab';
import { useText } from '../../../i18n';
import type { StagePanelProps } from '../types';
import { text } from './content';
import { readsNote, vocabText } from './texts';

/** The decoder-only model's one sequence: prompt and continuation, with ids. */
function SequenceTable({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const { prepared, translation, promptLength } = ctx.result;
  const ids = [...prepared.ids, ...translation.ids.filter((id) => id !== EOS_ID)];
  const p = promptLength ?? 0;
  return (
    <table className="data-table" data-testid="tokens-sequence">
      <caption>{tx(text.sequenceCaption)}</caption>
      <thead>
        <tr>
          <th scope="col">{tx(text.position)}</th>
          <th scope="col">{tx(text.typed)}</th>
          <th scope="col">{tx(text.id)}</th>
          <th scope="col">{tx(text.part)}</th>
        </tr>
      </thead>
      <tbody>
        {ctx.labels.target.map((tok, i) => (
          <tr key={i} className={tok.startsWith('<') ? 'row--special' : undefined}>
            <td>{i}</td>
            <td lang={i < p ? 'en' : 'zh-CN'}>
              <code className={`token${tok.startsWith('<') ? ' token--special' : ''}`}>{tok}</code>
              {ids[i] === UNK_ID && <span className="muted"> {tx(text.unknown)}</span>}
            </td>
            <td className="num">{ids[i]}</td>
            <td>{tx(i < p ? text.promptPart : text.continuationPart)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TokensPanel({ ctx }: StagePanelProps) {
  const { text: tx } = useText();
  const { prepared, translation, vocabSizes } = ctx.result;
  const unknown = new Set(prepared.unknown);
  const targetIds = [BOS_ID, ...translation.ids.filter((id) => id !== EOS_ID)];
  if (ctx.family === 'decoder') {
    return (
      <div className="tokens-stage">
        <p>{tx(vocabText(ctx.config, vocabSizes))}</p>
        <SequenceTable ctx={ctx} />
        <p className="muted">{tx(readsNote(ctx.config))}</p>
      </div>
    );
  }
  const masked = ctx.family === 'encoder';
  return (
    <div className="tokens-stage">
      <p>{tx(vocabText(ctx.config, vocabSizes))}</p>
      <div className="tokens-stage__tables">
        <table className="data-table" data-testid="tokens-source">
          <caption>{tx(masked ? text.inputCaption : text.sourceCaption)}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.position)}</th>
              <th scope="col">{tx(text.typed)}</th>
              <th scope="col">{tx(text.read)}</th>
              <th scope="col">{tx(text.id)}</th>
            </tr>
          </thead>
          <tbody>
            {prepared.tokens.map((tok, i) => (
              <tr key={i} className={unknown.has(i) ? 'row--unk' : undefined}>
                <td>{i}</td>
                <td lang="en">{tok}</td>
                <td>
                  {tok === '<mask>' ? (
                    <>
                      <code className="token token--mask">{tok}</code> <span className="muted">{tx(text.maskNote)}</span>
                    </>
                  ) : unknown.has(i) ? (
                    <>
                      <code className="token token--unk">{'<unk>'}</code> <span className="muted">{tx(text.unknown)}</span>
                    </>
                  ) : (
                    <code lang="en">{tok}</code>
                  )}
                </td>
                <td className="num">{prepared.ids[i]}</td>
              </tr>
            ))}
            <tr className="row--special">
              <td>{prepared.tokens.length}</td>
              <td>
                <span className="muted">{tx(text.eosNote)}</span>
              </td>
              <td>
                <code className="token token--special">{'<eos>'}</code>
              </td>
              <td className="num">{EOS_ID}</td>
            </tr>
          </tbody>
        </table>
        {!masked && (
        <table className="data-table" data-testid="tokens-target">
          <caption>{tx(text.targetCaption)}</caption>
          <thead>
            <tr>
              <th scope="col">{tx(text.position)}</th>
              <th scope="col">{tx(text.typed)}</th>
              <th scope="col">{tx(text.id)}</th>
            </tr>
          </thead>
          <tbody>
            {ctx.labels.target.map((tok, i) => (
              <tr key={i} className={i === 0 ? 'row--special' : undefined}>
                <td>{i}</td>
                <td lang={i === 0 ? undefined : 'zh-CN'}>
                  <code className={`token${tok.startsWith('<') ? ' token--special' : ''}`}>{tok}</code>
                  {i === 0 && <span className="muted"> {tx(text.bosNote)}</span>}
                  {targetIds[i] === UNK_ID && <span className="muted"> {tx(text.unknown)}</span>}
                </td>
                <td className="num">{targetIds[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </div>
      <p className="muted">{tx(readsNote(ctx.config))}</p>
    </div>
  );
}
