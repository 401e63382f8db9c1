import type { ReactNode } from 'react';
import { assertNever } from '../../shared/errors.js';
import type { RichDoc, RichInline } from '../../shared/knowledge.js';

function Inline({ run }: { run: RichInline }) {
  let node: ReactNode = run.text;
  if (run.italic) node = <em>{node}</em>;
  if (run.bold) node = <strong>{node}</strong>;
  // The schema only lets http(s) hrefs through; a new window, no opener, no referrer.
  if (run.href)
    node = (
      <a href={run.href} target="_blank" rel="noopener noreferrer nofollow">
        {node}
      </a>
    );
  return <>{node}</>;
}

const runs = (items: RichInline[]) => items.map((run, i) => <Inline key={i} run={run} />);

/** A knowledge answer rendered from its structure as React elements (never as HTML). */
export function RichAnswer({ doc }: { doc: RichDoc }) {
  return (
    <div className="kefu-kb-answer" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {doc.map((block, i) => {
        switch (block.type) {
          case 'p':
            return (
              <p key={i} style={{ margin: '0 0 6px' }}>
                {runs(block.children)}
              </p>
            );
          case 'ul':
            return (
              <ul key={i} style={{ margin: '0 0 6px', paddingLeft: 18 }}>
                {block.items.map((item, j) => (
                  <li key={j}>{runs(item)}</li>
                ))}
              </ul>
            );
          case 'ol':
            return (
              <ol key={i} style={{ margin: '0 0 6px', paddingLeft: 18 }}>
                {block.items.map((item, j) => (
                  <li key={j}>{runs(item)}</li>
                ))}
              </ol>
            );
          default:
            return assertNever(block);
        }
      })}
    </div>
  );
}
