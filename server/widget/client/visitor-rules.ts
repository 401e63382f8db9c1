/**
 * 文件 and 评价 as they concern visitors: from the session answer, then from the `visitor-rules`
 * frames the server pushes on every connect and whenever an admin changes them — once one came,
 * the frames alone (a later session answer is no newer than the socket).
 */
import { uploadRuleFor, visitorRulesOf, type UploadRule, type VisitorRules } from '../../../shared/company-rules.js';
import { evaluationOptionsOf, type EvaluationOptions } from './views/evaluation.js';

export class VisitorRulesHolder {
  private rules: VisitorRules | null = null;
  private framed = false;

  constructor(private readonly onChange: () => void) {}

  fromSession(settings: VisitorRules): void {
    if (!this.framed) this.set(visitorRulesOf(settings));
  }

  fromFrame(rules: VisitorRules): void {
    this.framed = true;
    this.set(rules);
  }

  get upload(): UploadRule {
    return uploadRuleFor(this.rules, 'visitor');
  }

  get evaluation(): EvaluationOptions {
    return evaluationOptionsOf(this.rules);
  }

  private set(rules: VisitorRules): void {
    this.rules = rules;
    this.onChange();
  }
}
