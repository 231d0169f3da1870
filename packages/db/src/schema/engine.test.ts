import { describe, expect, it } from 'vitest';
import { DbError } from '../db-error';
import { engineOfUrl, redactUrl, sqliteFilePath } from './engine';

describe('engineOfUrl', () => {
  it('treats file: URLs as SQLite and postgres(ql):// URLs as PostgreSQL', () => {
    expect(engineOfUrl('file:./data/qxg.db')).toBe('sqlite');
    expect(engineOfUrl('postgres://u@h/db')).toBe('postgresql');
    expect(engineOfUrl('postgresql://u@h:5432/db')).toBe('postgresql');
  });

  it('refuses other URLs with UNSUPPORTED_URL, without printing the password', () => {
    expect(() => engineOfUrl('mysql://root:secret@h/db')).toThrow(DbError);
    expect(() => engineOfUrl('mysql://root:secret@h/db')).toThrow(/root:\*\*\*@h/);
  });
});

describe('sqliteFilePath', () => {
  it('returns the path of a file: URL', () => {
    expect(sqliteFilePath('file:./data/qxg.db')).toBe('./data/qxg.db');
    expect(sqliteFilePath('file:/var/lib/qxg/qxg.db')).toBe('/var/lib/qxg/qxg.db');
  });

  it('refuses URL parameters and empty paths rather than creating a file named after them', () => {
    expect(() => sqliteFilePath('file:./qxg.db?mode=ro')).toThrow(DbError);
    expect(() => sqliteFilePath('file:')).toThrow(DbError);
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl('postgresql://qxg:s3cret@db.internal:5432/qxg')).toBe(
      'postgresql://qxg:***@db.internal:5432/qxg',
    );
    expect(redactUrl('postgresql://postgres@127.0.0.1/test')).toBe('postgresql://postgres@127.0.0.1/test');
  });
});
