import { describe, expect, it } from 'vitest';
import { loadBuilderConfig, validateBuilderConfig } from './support/electron-builder-config.js';

describe('electron-builder.yml', () => {
  it('passes electron-builder 26’s own validation (npm run dist stops on the first refusal)', async () => {
    const config = await loadBuilderConfig();
    await expect(validateBuilderConfig(config)).resolves.toBeUndefined();
  });

  it('the Linux menu entry names the app in Chinese and English', async () => {
    const config = (await loadBuilderConfig()) as { linux?: { desktop?: { entry?: Record<string, string> } } };
    expect(config.linux?.desktop?.entry).toMatchObject({ Name: '客服工作台', 'Name[en]': 'Kefu Desk' });
  });
});

describe('electron-builder.yml: self-update', () => {
  it('has a generic publish entry (so electron-builder writes latest.yml and the blockmaps) whose URL never resolves', async () => {
    const config = (await loadBuilderConfig()) as { publish?: { provider: string; url: string }[] };
    expect(config.publish).toEqual([{ provider: 'generic', url: 'https://kefu-desk.invalid/updates' }]);
  });
});
