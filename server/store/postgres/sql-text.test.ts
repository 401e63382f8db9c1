import { describe, expect, it } from 'vitest';
import { toPostgresSql } from './sql-text.js';

describe('shared SQL text for PostgreSQL', () => {
  it('numbers ? placeholders in order', () => {
    expect(toPostgresSql('SELECT * FROM t WHERE a = ? AND b > ? LIMIT ?')).toEqual({
      text: 'SELECT * FROM t WHERE a = $1 AND b > $2 LIMIT $3',
      count: 3,
      names: null,
    });
  });

  it('numbers @names once each, reusing the number for a repeated name', () => {
    expect(toPostgresSql("SELECT 1 WHERE x IN (@key, '+86' || CAST(@key AS TEXT)) AND y = @other")).toEqual({
      text: "SELECT 1 WHERE x IN ($1, '+86' || CAST($1 AS TEXT)) AND y = $2",
      count: 2,
      names: ['key', 'other'],
    });
  });

  it('leaves quoted strings and identifiers alone, doubled quotes included', () => {
    const sql = `SELECT 'what? @no like' AS "a?b", 'it''s ?' FROM t WHERE n LIKE ? ESCAPE '\\'`;
    expect(toPostgresSql(sql).text).toBe(`SELECT 'what? @no like' AS "a?b", 'it''s ?' FROM t WHERE n ILIKE $1 ESCAPE '\\'`);
  });

  it('turns the LIKE keyword into ILIKE, not words that contain it', () => {
    expect(toPostgresSql('SELECT likes, unlike FROM t WHERE a like ? OR b NOT LIKE ?').text).toBe(
      'SELECT likes, unlike FROM t WHERE a ILIKE $1 OR b NOT ILIKE $2',
    );
  });

  it('refuses a statement that mixes both kinds of placeholder', () => {
    expect(() => toPostgresSql('SELECT 1 WHERE a = ? AND b = @b')).toThrow(/mixes/);
  });
});
