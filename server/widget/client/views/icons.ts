/** Tiny inline SVG icons: emoji glyphs are missing on many systems (they showed as boxes). */
const SVG_NS = 'http://www.w3.org/2000/svg';

const PATHS = {
  image:
    'M4 5h16a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2v9.6l4.3-4.3 3 3 2.2-2.2L19 16.6V7H5zm10 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
  file: 'M6 2h8l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm7 1.5V8h4.5L13 3.5zM8 12h8v1.5H8V12zm0 3.5h8V17H8v-1.5z',
  attach: 'M16.5 6.5v9.2a4.5 4.5 0 0 1-9 0V5.8a3 3 0 0 1 6 0v9.4a1.5 1.5 0 0 1-3 0V7h1.5v8.2h0V5.8a1.5 1.5 0 0 0-3 0v9.9a3 3 0 0 0 6 0V6.5h1.5z',
  emoji:
    'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 1.8a8.2 8.2 0 1 0 0 16.4 8.2 8.2 0 0 0 0-16.4zM8.5 9a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6zm7 0a1.3 1.3 0 1 1 0 2.6 1.3 1.3 0 0 1 0-2.6zM7.6 13.5h1.7a2.9 2.9 0 0 0 5.4 0h1.7a4.6 4.6 0 0 1-8.8 0z',
} as const;

export function icon(name: keyof typeof PATHS): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', PATHS[name]);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}
