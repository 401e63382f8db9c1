/**
 * Company settings about what a conversation offers (公司设置: 小结, 评价, 文件): the schemas of
 * the values ServerSettingsSchema holds, and the pure rules every side reads from them — the
 * server enforces them, the widget and the workstation refuse early with the same numbers.
 */
import { z } from 'zod';
import { LIMITS } from './limits.js';
import { isUnsafeText, UNSAFE_TEXT_MESSAGE } from './text-safety.js';

const MB = 1024 * 1024;

/** Ratings are 1 (very dissatisfied) … 5 (very satisfied): the level is stored, never its label. */
export const EVALUATION_LEVELS = [5, 4, 3, 2, 1] as const;
export const EVALUATION_LABEL_MAX = 20;

const evaluationLabel = z
  .string()
  .trim()
  .max(EVALUATION_LABEL_MAX)
  .refine((text) => !isUnsafeText(text), UNSAFE_TEXT_MESSAGE);
/**
 * What the visitor reads for each level, index = rating − 1. An empty label means the widget's
 * own wording in the visitor's language (非常满意 / Very satisfied …), so an untouched install
 * still speaks English to English visitors.
 */
export const EvaluationLabelsSchema = z.tuple([evaluationLabel, evaluationLabel, evaluationLabel, evaluationLabel, evaluationLabel]);
export type EvaluationLabels = z.infer<typeof EvaluationLabelsSchema>;

/** The label the company gave `rating`, or '' for the built-in one. */
export function companyEvaluationLabel(labels: readonly string[] | undefined, rating: number): string {
  return labels?.[rating - 1]?.trim() ?? '';
}

/** Whole megabytes, up to the hard ceiling of every upload (LIMITS.fileBytesMax, the HTTP body limit too). */
export const UPLOAD_MB_CEILING = Math.floor(LIMITS.fileBytesMax / MB);
export const UploadMaxMbSchema = z.number().int().min(1).max(UPLOAD_MB_CEILING);

/** What one side may upload in a conversation right now. */
export interface UploadRule {
  allowed: boolean;
  /** Bytes of a file; an image stops at the smaller of this and LIMITS.imageBytesMax. */
  fileBytesMax: number;
  imageBytesMax: number;
}

/** The ServerSettings fields the rule reads (named here, so domain.ts and this file do not import each other). */
interface UploadSettings {
  visitorUploadsEnabled: boolean;
  visitorUploadMaxMb: number;
  agentUploadMaxMb: number;
}

/** The rule for visitors or for staff; missing settings (an older server) mean the hard limits. */
export function uploadRuleFor(settings: Partial<UploadSettings> | null | undefined, who: 'visitor' | 'staff'): UploadRule {
  const mb = who === 'visitor' ? settings?.visitorUploadMaxMb : settings?.agentUploadMaxMb;
  const fileBytesMax = Math.min(LIMITS.fileBytesMax, (mb ?? UPLOAD_MB_CEILING) * MB);
  return {
    allowed: who === 'staff' || settings?.visitorUploadsEnabled !== false,
    fileBytesMax,
    imageBytesMax: Math.min(LIMITS.imageBytesMax, fileBytesMax),
  };
}

/** The limit that applies to this upload (image or other file), in bytes. */
export const uploadBytesMax = (rule: UploadRule, isImage: boolean): number => (isImage ? rule.imageBytesMax : rule.fileBytesMax);

/**
 * The company rules a visitor's widget follows (文件 and 评价 as they concern visitors), and nothing
 * else: pushed to open widgets as `visitor-rules` frames (server/realtime/business-hours-push.ts).
 * The field names are ServerSettings' own, so uploadRuleFor and the evaluation form read either.
 * Not strict: a widget from before a rule was added still takes the frame (and ignores the new field).
 */
export const VisitorRulesSchema = z.object({
  visitorUploadsEnabled: z.boolean(),
  visitorUploadMaxMb: UploadMaxMbSchema,
  evaluationLabels: EvaluationLabelsSchema,
  evaluationCommentEnabled: z.boolean(),
});
export type VisitorRules = z.infer<typeof VisitorRulesSchema>;

/** The visitor rules out of the company settings: each field named, so no staff setting ever rides along. */
export function visitorRulesOf(settings: VisitorRules): VisitorRules {
  return {
    visitorUploadsEnabled: settings.visitorUploadsEnabled,
    visitorUploadMaxMb: settings.visitorUploadMaxMb,
    evaluationLabels: [...settings.evaluationLabels],
    evaluationCommentEnabled: settings.evaluationCommentEnabled,
  };
}
