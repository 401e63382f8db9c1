/**
 * 字体设置 (SPEC D): the agent's font for their own messages, carried on each text message as a
 * small style object — never HTML or a CSS string. Every field is closed (a face from a fixed
 * list, a bounded integer size, a #rrggbb colour), so whoever renders it can map it to style
 * properties without any escaping, and unknown fields are refused (strict).
 */
import { z } from 'zod';

export const MESSAGE_FONT_FACES = ['default', 'Microsoft YaHei', 'SimSun', 'SimHei', 'KaiTi', 'Arial', 'Times New Roman'] as const;

export const MessageStyleSchema = z.strictObject({
  fontFace: z.enum(MESSAGE_FONT_FACES),
  fontSize: z.number().int().min(12).max(24),
  bold: z.boolean(),
  italic: z.boolean(),
  underline: z.boolean(),
  /** #rrggbb */
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, '#rrggbb'),
});
export type MessageStyle = z.infer<typeof MessageStyleSchema>;
export const DEFAULT_MESSAGE_STYLE: MessageStyle = { fontFace: 'default', fontSize: 14, bold: false, italic: false, underline: false, color: '#1f1f1f' };

/** The style a message carries: none when it is the default, so plain messages stay plain. */
export function styleToCarry(style: MessageStyle): MessageStyle | undefined {
  const same = (Object.keys(DEFAULT_MESSAGE_STYLE) as (keyof MessageStyle)[]).every((key) => style[key] === DEFAULT_MESSAGE_STYLE[key]);
  return same ? undefined : style;
}

/** Style properties as both the DOM (element.style) and React (style={…}) take them. */
export interface MessageStyleDeclarations {
  fontFamily?: string;
  fontSize: string;
  fontWeight: string;
  fontStyle: string;
  textDecoration: string;
  color: string;
}

/**
 * The one mapping from a carried style to style properties, for the widget and the workstation
 * alike. Whatever arrives is validated again: anything the schema does not allow — an unknown
 * field, a colour like "red;background:url(…)" — gives no styling at all.
 */
export function messageStyleDeclarations(input: unknown): MessageStyleDeclarations | undefined {
  const parsed = MessageStyleSchema.safeParse(input);
  if (!parsed.success) return undefined;
  const style = parsed.data;
  return {
    ...(style.fontFace === 'default' ? {} : { fontFamily: `"${style.fontFace}", sans-serif` }),
    fontSize: `${style.fontSize}px`,
    fontWeight: style.bold ? '700' : '400',
    fontStyle: style.italic ? 'italic' : 'normal',
    textDecoration: style.underline ? 'underline' : 'none',
    color: style.color,
  };
}
