import '../testing/setupDom.js';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { renderWithApp } from '../testing/renderWithApp.js';
import { conversation } from '../testing/fixtures.js';
import { VisitorRow } from './VisitorRow.js';

afterEach(cleanup);

function renderRow(selected: boolean) {
  const calls: string[] = [];
  const c = conversation({ roomNo: '访客123456', visitorName: '张三', unread: 2 });
  renderWithApp(
    <ul aria-label="访客列表">
      <VisitorRow
        conversation={c}
        waitingSince={0}
        now={5_000}
        selected={selected}
        style={{}}
        onSelect={() => calls.push('select')}
        onClose={() => calls.push('close')}
      />
    </ul>,
  );
  return { calls, row: screen.getByRole('listitem') };
}

describe('a row of 访客列表', () => {
  it('holds two sibling buttons, neither inside the other (axe: nested-interactive)', () => {
    const { row } = renderRow(false);
    const buttons = within(row).getAllByRole('button');
    expect(buttons).toHaveLength(2);
    const [open, close] = buttons as [HTMLElement, HTMLElement];
    expect(open.contains(close)).toBe(false);
    expect(close.contains(open)).toBe(false);
    expect(open.textContent).toContain('访客123456');
    expect(open.textContent).toContain('张三');
    expect(close.getAttribute('aria-label')).toBe('结束对话 访客123456');
    // Neither the row nor anything but the two buttons takes focus or a click of its own.
    expect(row.querySelectorAll('[tabindex], [role="option"]')).toHaveLength(0);
  });

  it('opens with its main button and ends with the other, which does not open it too', () => {
    const { calls, row } = renderRow(false);
    fireEvent.click(within(row).getByRole('button', { name: '结束对话 访客123456' }));
    expect(calls).toEqual(['close']);
    fireEvent.click(within(row).getAllByRole('button')[0]!);
    expect(calls).toEqual(['close', 'select']);
  });

  it('marks the open conversation as current', () => {
    renderRow(true);
    expect(screen.getAllByRole('button')[0]!.getAttribute('aria-current')).toBe('true');
    cleanup();
    renderRow(false);
    expect(screen.getAllByRole('button')[0]!.hasAttribute('aria-current')).toBe(false);
  });
});
