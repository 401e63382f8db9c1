/** 访客端设置 in the store (018_widget_settings.sql): one JSON document, validated by the domain on the way out. */

export interface WidgetSettingsRepository {
  /** The stored document as written, or undefined before the first save (the defaults apply). */
  read(): unknown;
  write(value: unknown, now: number): void;
}

export interface WidgetSettingsRepositories {
  widgetSettings: WidgetSettingsRepository;
}
