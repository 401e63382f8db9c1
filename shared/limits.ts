/** Limits shared by server, services, renderer and widget, so every side refuses the same input. */
export const LIMITS = {
  /** Characters in one text message. */
  messageTextMax: 5000,
  /** Bytes of an uploaded image. */
  imageBytesMax: 5 * 1024 * 1024,
  /** Bytes of an uploaded file. */
  fileBytesMax: 20 * 1024 * 1024,
  /** Characters in a file name we keep. */
  fileNameMax: 200,
  /** Characters of a visitor's draft sent for live view (实时查看). */
  draftMax: 5000,
  /** Milliseconds between two draft frames from one visitor. */
  draftThrottleMs: 300,
  /** Characters in a summary note (小结). */
  summaryNoteMax: 2000,
  /** Characters in an offline message (留言). */
  offlineTextMax: 2000,
  /** Characters in names, accounts, contacts. */
  nameMax: 64,
  contactMax: 128,
  /** Password policy (shared/password-policy.ts): the fewest characters a new password may have. */
  passwordMin: 8,
  passwordMax: 128,
  /** Characters in an evaluation comment. */
  evaluationCommentMax: 500,
  /** Max concurrent conversations one agent may be given (最大接线量), upper bound for admins. */
  maxConcurrentCeiling: 50,
  /** Events replayed per page after a reconnect. */
  replayPageSize: 500,
  /** Messages returned per page. */
  messagePageMax: 500,
  /** Bytes of one realtime frame. */
  frameBytesMax: 64 * 1024,
  /** 顾客信息 / 轨迹: characters of a page URL or referrer, of a page title. */
  pageUrlMax: 2048,
  pageTitleMax: 256,
  /** Page views kept per visitor (oldest dropped) and shown in the trail (轨迹). */
  pageViewsKeptMax: 500,
  trailShownMax: 100,
  /** 名片分类: characters of one customer tag, tags per visitor. */
  customerTagMax: 20,
  customerTagsMax: 20,
  /**
   * Epoch milliseconds a client may send (call times, record filters): 2000-01-01 to 2100-01-01
   * UTC. Nothing this product stores happened earlier or will happen later; outside that range a
   * value is a unit mix-up (seconds for ms) or a probe, and it would skew every report it reaches.
   */
  timestampMinMs: 946_684_800_000,
  timestampMaxMs: 4_102_444_800_000,
  /** Talk time of one call record: at most a day (a carrier drops a call long before that). */
  callSecondsMax: 86_400,
} as const;

/** Image types accepted, recognised by their first bytes, never by name. */
export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageMimeType = (typeof IMAGE_MIME_TYPES)[number];
