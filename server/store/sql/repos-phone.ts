import type {
  CallRepository,
  CallRow,
  CustomerRepository,
  CustomerRow,
  PhoneRepositories,
  SipAccountRepository,
  SipAccountRow,
  WrapUpCodeRepository,
  WrapUpCodeRow,
} from '../phone-types.js';
import { cachedStatement, type SqlDb, fromRow, fromRows, insertRow, toParams, updateRow } from './sql-db.js';

function sqlSipAccounts(db: SqlDb): SipAccountRepository {
  const byAgent = db.prepare('SELECT * FROM agent_sip WHERE agent_id = ?');
  const put = db.prepare(
    `INSERT INTO agent_sip (agent_id, enabled, ws_server, uri, auth_user, password, display_name, ice_servers, updated_at)
     VALUES (@agentId, @enabled, @wsServer, @uri, @authUser, @password, @displayName, @iceServers, @updatedAt)
     ON CONFLICT(agent_id) DO UPDATE SET enabled = excluded.enabled, ws_server = excluded.ws_server, uri = excluded.uri,
       auth_user = excluded.auth_user, password = excluded.password, display_name = excluded.display_name,
       ice_servers = excluded.ice_servers, updated_at = excluded.updated_at`,
  );
  return {
    forAgent: (agentId) => {
      const raw = byAgent.get(agentId);
      if (!raw) return undefined;
      const row = fromRow<Omit<SipAccountRow, 'iceServers'> & { iceServers: string }>(raw, ['enabled']);
      return { ...row, iceServers: JSON.parse(row.iceServers) as SipAccountRow['iceServers'] };
    },
    put: (row) => void put.run(toParams({ ...row, iceServers: JSON.stringify(row.iceServers) })),
  };
}

function sqlWrapUpCodes(db: SqlDb): WrapUpCodeRepository {
  const list = db.prepare('SELECT * FROM wrap_up_codes ORDER BY created_at, name');
  const byId = db.prepare('SELECT * FROM wrap_up_codes WHERE id = ?');
  const byName = db.prepare('SELECT * FROM wrap_up_codes WHERE name = ?');
  const one = (row: unknown): WrapUpCodeRow | undefined => (row ? fromRow<WrapUpCodeRow>(row, ['enabled']) : undefined);
  return {
    list: () => fromRows<WrapUpCodeRow>(list.all(), ['enabled']),
    byId: (id) => one(byId.get(id)),
    byName: (name) => one(byName.get(name)),
    insert: (row) => insertRow(db, 'wrap_up_codes', row),
    update: (id, patch) => updateRow(db, 'wrap_up_codes', 'id', id, patch),
  };
}

function sqlCalls(db: SqlDb): CallRepository {
  const byId = db.prepare('SELECT * FROM calls WHERE id = ?');
  const replace = db.prepare(
    `UPDATE calls SET direction = @direction, remote_number = @remoteNumber, remote_key = @remoteKey, local_uri = @localUri,
       started_at = @startedAt, answered_at = @answeredAt, ended_at = @endedAt, duration_seconds = @durationSeconds,
       result = @result, wrap_up_code_id = @wrapUpCodeId, note = @note, customer_id = @customerId, synced_at = @syncedAt
     WHERE id = @id AND agent_id = @agentId`,
  );
  return {
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<CallRow>(row) : undefined;
    },
    insert: (row) => insertRow(db, 'calls', row),
    replace: (row) => void replace.run(toParams({ ...row })),
    list: (filter) => {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit: filter.limit };
      if (filter.agentId !== undefined) {
        where.push('agent_id = @agentId');
        params.agentId = filter.agentId;
      }
      if (filter.missedOnly) where.push("direction = 'inbound' AND result = 'missed'");
      if (filter.remoteKey !== undefined) {
        where.push('remote_key = @remoteKey');
        params.remoteKey = filter.remoteKey;
      }
      const sql = `SELECT * FROM calls ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at DESC, id DESC LIMIT @limit`;
      return fromRows<CallRow>(cachedStatement(db, sql).all(params));
    },
  };
}

function sqlCustomers(db: SqlDb): CustomerRepository {
  const byId = db.prepare('SELECT * FROM customers WHERE id = ?');
  const byKey = db.prepare('SELECT * FROM customers WHERE phone_key = ?');
  // The same normalisation as numbers.ts, in SQL: drop spaces and dashes, then a leading +86.
  const byContact = db.prepare(
    `SELECT visitor_id FROM offline_messages
     WHERE REPLACE(REPLACE(contact, ' ', ''), '-', '') IN (@key, '+86' || CAST(@key AS TEXT))
     GROUP BY visitor_id ORDER BY MAX(created_at) DESC LIMIT 20`,
  );
  return {
    byId: (id) => {
      const row = byId.get(id);
      return row ? fromRow<CustomerRow>(row) : undefined;
    },
    byPhoneKey: (key) => {
      const row = byKey.get(key);
      return row ? fromRow<CustomerRow>(row) : undefined;
    },
    insert: (row) => insertRow(db, 'customers', row),
    visitorIdsByContactKey: (key) => (byContact.all({ key }) as { visitor_id: string }[]).map((r) => r.visitor_id),
  };
}

export function sqlPhoneRepositories(db: SqlDb): PhoneRepositories {
  return { sipAccounts: sqlSipAccounts(db), wrapUpCodes: sqlWrapUpCodes(db), calls: sqlCalls(db), customers: sqlCustomers(db) };
}
