import type { ThemeConfig } from 'antd';

/**
 * Colours that pass WCAG AA contrast (4.5:1 for text) on every background the workstation uses
 * (white, #fafafa panels, #f7f8fa message list, #e6f4ff selected row, #fffbe6 live view), checked
 * by axe-core in test/e2e/accessibility.spec.ts. Ant Design's defaults do not: white on #1677ff is
 * 4.1:1, its secondary grey (45 % black, #8c8c8c) 3.4:1, its red #ff4d4f 3.3:1. These are the same
 * hues a step deeper, so the look stays. app.css repeats them as CSS variables (--kefu-primary,
 * --kefu-text-muted, --kefu-danger) for our own styles: change both together.
 */
export const palette = {
  primary: '#1664e3',
  danger: '#d63031',
  textMuted: '#6b6b6b',
} as const;

type Shade7 = 'green7' | 'orange7' | 'gold7' | 'volcano7' | 'cyan7' | 'green-7' | 'orange-7' | 'gold-7' | 'volcano-7' | 'cyan-7';

function shade7(colors: Record<'green' | 'orange' | 'gold' | 'volcano' | 'cyan', string>): Record<Shade7, string> {
  return Object.fromEntries(
    Object.entries(colors).flatMap(([name, value]) => [
      [`${name}7`, value],
      [`${name}-7`, value],
    ]),
  ) as Record<Shade7, string>;
}

export const theme: ThemeConfig = {
  token: {
    colorPrimary: palette.primary,
    colorLink: palette.primary,
    colorInfo: palette.primary,
    colorError: palette.danger,
    // Secondary text (descriptions, labels of Descriptions, Empty, Typography type="secondary").
    colorTextTertiary: 'rgba(0, 0, 0, 0.58)',
    colorTextDescription: 'rgba(0, 0, 0, 0.58)',
    // Placeholders inform too (Select shows its placeholder as text): 4.7:1 on white.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Typography type="success" / "warning" text.
    colorSuccessText: '#237804',
    colorWarningText: '#874d00',
    // Preset tag colours draw their text in the 7th shade, 2.8–3.4:1 on their own tint for these;
    // the 8th shade (9th for gold) passes. Red, blue, purple, magenta and geekblue already do.
    // Both spellings: antd keeps green7 and green-7, and both become the CSS variable --ant-green-7.
    ...shade7({ green: '#237804', orange: '#ad4e00', gold: '#874d00', volcano: '#ad2102', cyan: '#006d75' }),
    borderRadius: 6,
    fontSize: 14,
  },
  components: {
    // A hovered tab turns antd's lighter primary (#3e88f0, 3.4:1 on the #fafafa helper panel);
    // the selected tab's own colour passes, so hovering shows that instead.
    Tabs: { itemHoverColor: palette.primary },
  },
};
