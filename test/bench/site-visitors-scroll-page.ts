/**
 * What the 访客监控 scrolling bench does inside Chromium: scroll a list continuously from
 * requestAnimationFrame and time every frame there, read the rows the view shows, and the plain
 * list the view is compared with. In-page code is plain source, not functions: tsx's transform
 * would add helpers the page does not have.
 */
import type { Page } from 'playwright';

/** The view's scroller (virtualised) and the plain list's. */
export const VIEW_SCROLLER = '.kefu-sv-scroll';
const PLAIN_SCROLLER = '#plain';

export interface FrameSamples {
  /** requestAnimationFrame to requestAnimationFrame, ms (the first frame's start is the origin). */
  deltas: number[];
  /** PerformanceObserver 'longtask' entries (main-thread tasks over 50 ms) during the scroll. */
  longTasks: number;
  longTaskMs: number;
  /** Sampled every 10th frame: the middle of the scroller showed no row (a blank frame). */
  blankSamples: number;
  samples: number;
  /** site-visitors:changed deltas the page received meanwhile (upserted + left); 0 for the plain list. */
  changes: number;
  /** Times the scroll turned at an end of the list. */
  turns: number;
}

/**
 * Scrolls `selector` by `stepPx` every frame for `seconds`, turning at the ends, and returns the
 * frame times. The scroll is set from rAF, so every frame has new rows to show, and what the page
 * does about them (React, layout, paint) shows as a longer frame.
 */
export function scrollAndTime(page: Page, selector: string, seconds: number, stepPx: number): Promise<FrameSamples> {
  return page.evaluate(`(async () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    if (!el) throw new Error('no scroller ${selector}');
    const result = { deltas: [], longTasks: 0, longTaskMs: 0, blankSamples: 0, samples: 0, changes: 0, turns: 0 };
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) { result.longTasks++; result.longTaskMs += entry.duration; }
    });
    observer.observe({ type: 'longtask' });
    const off = window.kefu ? window.kefu.on('site-visitors:changed', (p) => { result.changes += p.upserted.length + p.left.length; }) : () => {};
    const box = el.getBoundingClientRect();
    const probeX = box.left + Math.min(60, box.width / 2), probeY = box.top + box.height / 2;
    let direction = 1, last = 0, end = 0, frame = 0;
    await new Promise((resolve) => {
      const tick = (t) => {
        result.deltas.push(t - last);
        last = t;
        if (t >= end) return resolve();
        if (++frame % 10 === 0) {
          result.samples++;
          const hit = document.elementFromPoint(probeX, probeY);
          if (!hit || !hit.closest('[role=row], .row')) result.blankSamples++;
        }
        const max = el.scrollHeight - el.clientHeight;
        let next = el.scrollTop + direction * ${stepPx};
        if (next >= max) { next = max; direction = -1; result.turns++; }
        else if (next <= 0) { next = 0; direction = 1; result.turns++; }
        el.scrollTop = next;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame((t) => { last = t; end = t + ${seconds * 1000}; requestAnimationFrame(tick); });
    });
    // Long-task entries are delivered after their task: let the last ones in.
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const entry of observer.takeRecords()) { result.longTasks++; result.longTaskMs += entry.duration; }
    observer.disconnect();
    off();
    return result;
  })()`);
}

/**
 * The text of every row of the view, by its position, read by scrolling it top to bottom (only
 * the rows in view exist). Also the number of rows the view says it has (aria-rowcount − header).
 */
export function readViewRows(page: Page): Promise<{ texts: string[]; rowCount: number; width: number; height: number }> {
  return page.evaluate(`(async () => {
    const el = document.querySelector(${JSON.stringify(VIEW_SCROLLER)});
    const table = el.closest('[role=table]');
    const rowCount = Number(table.getAttribute('aria-rowcount')) - 1;
    const byIndex = new Map();
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    el.scrollTop = 0;
    for (let guard = 0; guard < 100000; guard++) {
      await frame();
      for (const row of el.querySelectorAll('[role=row][aria-rowindex]')) {
        const cells = Array.from(row.querySelectorAll('[role=cell]')).map((cell) => cell.textContent.trim());
        byIndex.set(Number(row.getAttribute('aria-rowindex')), cells.join('  '));
      }
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) break;
      el.scrollTop += Math.max(1, el.clientHeight - 44);
    }
    el.scrollTop = 0;
    await frame();
    const texts = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
    return { texts, rowCount, width: el.clientWidth, height: el.clientHeight };
  })()`);
}

/**
 * The baseline: the same row texts as a plain list — every row a real <div>, nothing virtualised,
 * no framework, nothing changing — in a scroller of the view's size, in the same browser.
 */
export async function openPlainList(page: Page, rows: { texts: string[]; width: number; height: number; rowHeight: number }): Promise<string> {
  const style = `
    body { margin: 0; font: 13px -apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', sans-serif; }
    #plain { width: ${rows.width}px; height: ${rows.height}px; overflow: auto; }
    .row { height: ${rows.rowHeight - 1}px; line-height: ${rows.rowHeight - 1}px; padding: 0 12px; white-space: nowrap; overflow: hidden;
           text-overflow: ellipsis; border-bottom: 1px solid #f5f5f5; }`;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = rows.texts.map((text) => `<div class="row">${escape(text)}</div>`).join('');
  await page.setContent(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${style}</style></head><body><div id="plain">${body}</div></body></html>`,
  );
  return PLAIN_SCROLLER;
}
