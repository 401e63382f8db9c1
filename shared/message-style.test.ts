import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGE_STYLE, messageStyleDeclarations, styleToCarry } from './message-style.js';

describe('message style', () => {
  it('maps a valid style to style properties', () => {
    const declarations = messageStyleDeclarations({
      ...DEFAULT_MESSAGE_STYLE,
      fontFace: 'SimSun',
      bold: true,
      underline: true,
      color: '#ff0000',
      fontSize: 18,
    });
    expect(declarations).toEqual({
      fontFamily: '"SimSun", sans-serif',
      fontSize: '18px',
      fontWeight: '700',
      fontStyle: 'normal',
      textDecoration: 'underline',
      color: '#ff0000',
    });
    expect(messageStyleDeclarations(DEFAULT_MESSAGE_STYLE)?.fontFamily).toBeUndefined();
  });

  it('gives no styling at all for anything the schema refuses', () => {
    expect(messageStyleDeclarations({ ...DEFAULT_MESSAGE_STYLE, color: 'red;} body{display:none' })).toBeUndefined();
    expect(messageStyleDeclarations({ ...DEFAULT_MESSAGE_STYLE, extra: 1 })).toBeUndefined();
    expect(messageStyleDeclarations({ ...DEFAULT_MESSAGE_STYLE, fontSize: 200 })).toBeUndefined();
    expect(messageStyleDeclarations('font-weight:bold')).toBeUndefined();
  });

  it('carries nothing for the default style', () => {
    expect(styleToCarry(DEFAULT_MESSAGE_STYLE)).toBeUndefined();
    expect(styleToCarry({ ...DEFAULT_MESSAGE_STYLE, italic: true })).toEqual({ ...DEFAULT_MESSAGE_STYLE, italic: true });
  });
});
