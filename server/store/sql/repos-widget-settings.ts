/** 访客端设置 on either engine: the one row of widget_settings. */
import type { WidgetSettingsRepositories } from '../widget-settings-types.js';
import type { SqlDb } from './sql-db.js';

export function sqlWidgetSettingsRepositories(db: SqlDb): WidgetSettingsRepositories {
  const read = db.prepare('SELECT value FROM widget_settings WHERE id = 1');
  const put = db.prepare(
    'INSERT INTO widget_settings (id, value, updated_at) VALUES (1, @value, @now) ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    widgetSettings: {
      read: () => {
        const row = read.get() as { value: string } | undefined;
        return row ? (JSON.parse(row.value) as unknown) : undefined;
      },
      write: (value, now) => void put.run({ value: JSON.stringify(value), now }),
    },
  };
}
