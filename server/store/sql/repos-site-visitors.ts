/** Invitations (主动邀请, 自动邀请) and the automatic rules on either engine. */
import type { InvitationCountRow, InvitationRow, InvitationRuleRow, SiteVisitorRepositories } from '../site-visitor-types.js';
import { type SqlDb, fromRow, fromRows, insertRow, updateRow } from './sql-db.js';

const RULE_BOOLEANS = ['enabled', 'returningOnly'] as const;

/** A stored 'pending' past its expiry is 'ignored': the same CASE for every count. */
const STATE_AT = (now: string) => `CASE WHEN state = 'pending' AND expires_at <= ${now} THEN 'ignored' ELSE state END`;

export function sqlSiteVisitorRepositories(db: SqlDb): SiteVisitorRepositories {
  const byId = db.prepare('SELECT * FROM invitations WHERE id = ?');
  const byClientId = db.prepare('SELECT * FROM invitations WHERE client_id = ?');
  const pendingFor = db.prepare(
    "SELECT * FROM invitations WHERE visitor_id = ? AND state = 'pending' AND expires_at > ? ORDER BY created_at DESC, id DESC LIMIT 1",
  );
  const answer = db.prepare(
    "UPDATE invitations SET state = @state, answered_at = @answeredAt, conversation_id = @conversationId WHERE id = @id AND state = 'pending'",
  );
  const lapsed = db.prepare("SELECT * FROM invitations WHERE state = 'pending' AND expires_at <= ? ORDER BY expires_at, id LIMIT ?");
  const forRule = db.prepare('SELECT COUNT(*) AS n FROM invitations WHERE rule_id = ? AND created_at >= ? AND created_at < ?');
  const forRuleAndVisitor = db.prepare('SELECT COUNT(*) AS n FROM invitations WHERE rule_id = ? AND created_at >= ? AND created_at < ? AND visitor_id = ?');
  // MAX(name) is stable enough for a label: an agent's nickname or a rule's name rarely changes within a period.
  const countsBy = (column: 'agent_id' | 'rule_id', name: 'from_name' | 'rule_name', inGroup: boolean) =>
    db.prepare(
      `SELECT ${column} AS owner, MAX(${name}) AS name, ${STATE_AT('@now')} AS state, COUNT(*) AS n FROM invitations
       WHERE ${column} IS NOT NULL AND created_at >= @from AND created_at < @to ${inGroup ? 'AND group_id = @groupId' : ''} GROUP BY 1, 3`,
    );
  const counts = {
    agent: { all: countsBy('agent_id', 'from_name', false), group: countsBy('agent_id', 'from_name', true) },
    rule: { all: countsBy('rule_id', 'rule_name', false), group: countsBy('rule_id', 'rule_name', true) },
  };

  const rulesList = db.prepare('SELECT * FROM invitation_rules ORDER BY created_at, id');
  const ruleById = db.prepare('SELECT * FROM invitation_rules WHERE id = ?');
  const ruleDelete = db.prepare('DELETE FROM invitation_rules WHERE id = ?');
  const ruleCount = db.prepare('SELECT COUNT(*) AS n FROM invitation_rules');

  const invitation = (row: unknown): InvitationRow | undefined => (row ? fromRow<InvitationRow>(row) : undefined);
  const rule = (row: unknown): InvitationRuleRow | undefined => (row ? fromRow<InvitationRuleRow>(row, RULE_BOOLEANS) : undefined);
  return {
    invitations: {
      insert: (row) => insertRow(db, 'invitations', row),
      byId: (id) => invitation(byId.get(id)),
      byClientId: (clientId) => invitation(byClientId.get(clientId)),
      pendingForVisitor: (visitorId, now) => invitation(pendingFor.get(visitorId, now)),
      answer: (id, patch) => answer.run({ id, ...patch }).changes > 0,
      lapsed: (now, limit) => fromRows<InvitationRow>(lapsed.all(now, limit)),
      countForRule: (ruleId, from, to, visitorId) =>
        (visitorId === undefined ? (forRule.get(ruleId, from, to) as { n: number }) : (forRuleAndVisitor.get(ruleId, from, to, visitorId) as { n: number })).n,
      countsBy: (by, from, to, now, groupId) => {
        const rows = groupId === null ? counts[by].all.all({ from, to, now }) : counts[by].group.all({ from, to, now, groupId });
        return (rows as { owner: string; name: string; state: InvitationCountRow['state']; n: number }[]).map((r) => ({
          key: r.owner,
          name: r.name,
          state: r.state,
          count: Number(r.n),
        }));
      },
    },
    invitationRules: {
      list: () => fromRows<InvitationRuleRow>(rulesList.all(), RULE_BOOLEANS),
      byId: (id) => rule(ruleById.get(id)),
      insert: (row) => insertRow(db, 'invitation_rules', row),
      update: (id, patch) => updateRow(db, 'invitation_rules', 'id', id, patch),
      delete: (id) => void ruleDelete.run(id),
      count: () => (ruleCount.get() as { n: number }).n,
    },
  };
}
