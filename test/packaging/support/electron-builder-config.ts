/**
 * electron-builder's own configuration loading and validation, reached through electron-builder
 * (app-builder-lib is its dependency and exports no entry for these): the same code `npm run dist`
 * runs before it packages anything, so a config it would refuse fails here first.
 */
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

type BuilderConfig = Record<string, unknown>;

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: BuilderConfig | null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
}

const fromElectronBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const configModule = fromElectronBuilder('app-builder-lib/out/util/config/config.js') as ConfigModule;

/** electron-builder.yml as electron-builder reads it (extends, defaults from package.json). */
export function loadBuilderConfig(): Promise<BuilderConfig> {
  return configModule.getConfig(ROOT, 'electron-builder.yml', null);
}

/** Rejects with electron-builder's own message ("Invalid configuration object…") when it would stop. */
export function validateBuilderConfig(config: BuilderConfig): Promise<void> {
  return configModule.validateConfiguration(config, { isEnabled: false, add: () => undefined });
}
