/**
 * The rule editor's fields and the body they make. The form keeps 分配技能组 as '' for the default
 * routing (a Select cannot hold null), and drops the source pattern when the source kind has none.
 */
import type { InvitationRule, InvitationRuleBody, RuleSource } from '../../shared/protocol/rest-site-visitors.js';

export interface RuleFields {
  name: string;
  enabled: boolean;
  urlPattern: string;
  dwellSeconds: number;
  source: RuleSource;
  sourcePattern: string;
  returningOnly: boolean;
  text: string;
  perVisitorPerDay: number;
  perDay: number;
  groupId: string;
}

export const RULE_FIELDS = [
  'name',
  'enabled',
  'urlPattern',
  'dwellSeconds',
  'source',
  'sourcePattern',
  'returningOnly',
  'text',
  'perVisitorPerDay',
  'perDay',
  'groupId',
] as const satisfies readonly (keyof RuleFields)[];

export const DEFAULT_ROUTING = '';

/** Only these kinds of source have a referrer or keyword to match. */
export const hasSourcePattern = (source: RuleSource): boolean => source === 'search' || source === 'referral';

/** A new rule starts on, for any page after 30 seconds, once per visitor a day. */
export function fieldsOf(rule: InvitationRule | null, defaultText: string): RuleFields {
  if (!rule) {
    return {
      name: '',
      enabled: true,
      urlPattern: '',
      dwellSeconds: 30,
      source: 'any',
      sourcePattern: '',
      returningOnly: false,
      text: defaultText,
      perVisitorPerDay: 1,
      perDay: 500,
      groupId: DEFAULT_ROUTING,
    };
  }
  return { ...rule, groupId: rule.groupId ?? DEFAULT_ROUTING };
}

export function bodyOf(fields: RuleFields): InvitationRuleBody {
  return {
    name: fields.name,
    enabled: fields.enabled,
    urlPattern: fields.urlPattern ?? '',
    dwellSeconds: fields.dwellSeconds,
    source: fields.source,
    sourcePattern: hasSourcePattern(fields.source) ? (fields.sourcePattern ?? '') : '',
    returningOnly: fields.returningOnly,
    text: fields.text,
    perVisitorPerDay: fields.perVisitorPerDay,
    perDay: fields.perDay,
    groupId: fields.groupId === DEFAULT_ROUTING ? null : fields.groupId,
  };
}

/** The body of a rule as stored (to change one field of it, e.g. 启用). */
export function bodyOfRule(rule: InvitationRule): InvitationRuleBody {
  return bodyOf(fieldsOf(rule, ''));
}
