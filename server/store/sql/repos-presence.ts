/** Node heartbeats, agents' presence with their phone status, and the phone log (../presence-types.ts), one SQL text for both engines. */
import type { AgentPresenceRow, PhoneActivityRow, PresenceRepositories, ServerNodeRow } from '../presence-types.js';
import { type SqlDb, fromRow, fromRows, insertRow } from './sql-db.js';

export function sqlPresenceRepositories(db: SqlDb): PresenceRepositories {
  const beat = db.prepare(
    `INSERT INTO server_nodes (node_id, started_at, beat_at) VALUES (?, ?, ?)
     ON CONFLICT (node_id) DO UPDATE SET beat_at = excluded.beat_at`,
  );
  const nodes = db.prepare('SELECT * FROM server_nodes ORDER BY node_id');
  const claim = db.prepare('DELETE FROM server_nodes WHERE node_id = ? AND beat_at = ?');
  const connect = db.prepare(
    `INSERT INTO agent_presence (agent_id, node_id, since, phone_status, phone_since) VALUES (?, ?, ?, NULL, NULL)
     ON CONFLICT (agent_id, node_id) DO NOTHING`,
  );
  const disconnect = db.prepare('DELETE FROM agent_presence WHERE agent_id = ? AND node_id = ?');
  const one = db.prepare('SELECT * FROM agent_presence WHERE agent_id = ? AND node_id = ?');
  const ofAgent = db.prepare('SELECT * FROM agent_presence WHERE agent_id = ? ORDER BY since, node_id');
  const ofNode = db.prepare('SELECT * FROM agent_presence WHERE node_id = ? ORDER BY agent_id');
  const all = db.prepare('SELECT * FROM agent_presence ORDER BY agent_id, since, node_id');
  const setPhone = db.prepare('UPDATE agent_presence SET phone_status = ?, phone_since = ? WHERE agent_id = ? AND node_id = ?');
  const removeNode = db.prepare('DELETE FROM agent_presence WHERE node_id = ?');
  const lastPhone = db.prepare('SELECT * FROM phone_activity WHERE agent_id = ? ORDER BY at DESC, rowid DESC LIMIT 1');
  const phoneBetween = db.prepare('SELECT * FROM phone_activity WHERE agent_id = ? AND at >= ? AND at < ? ORDER BY at, rowid');
  return {
    serverNodes: {
      beat: (nodeId, startedAt, at) => void beat.run(nodeId, startedAt, at),
      list: () => fromRows<ServerNodeRow>(nodes.all()),
      claim: (nodeId, beatAt) => claim.run(nodeId, beatAt).changes === 1,
    },
    agentPresence: {
      connect: (agentId, nodeId, since) => void connect.run(agentId, nodeId, since),
      disconnect: (agentId, nodeId) => void disconnect.run(agentId, nodeId),
      get: (agentId, nodeId) => {
        const row = one.get(agentId, nodeId);
        return row ? fromRow<AgentPresenceRow>(row) : undefined;
      },
      ofAgent: (agentId) => fromRows<AgentPresenceRow>(ofAgent.all(agentId)),
      ofNode: (nodeId) => fromRows<AgentPresenceRow>(ofNode.all(nodeId)),
      all: () => fromRows<AgentPresenceRow>(all.all()),
      setPhone: (agentId, nodeId, status, since) => void setPhone.run(status, since, agentId, nodeId),
      removeNode: (nodeId) => void removeNode.run(nodeId),
    },
    phoneActivity: {
      insert: (row) => insertRow(db, 'phone_activity', row),
      last: (agentId) => {
        const row = lastPhone.get(agentId);
        return row ? fromRow<PhoneActivityRow>(row) : undefined;
      },
      between: (agentId, from, to) => fromRows<PhoneActivityRow>(phoneBetween.all(agentId, from, to)),
    },
  };
}
