import { describe, expect, it } from 'vitest';
import { findNul } from '../src/reject-nul';
import { TEST_ENGINES, useGateway } from './harness';

const RENAME = `mutation($name: String!) {
  upsertUnit(input: { id: "education-science", kind: DEPARTMENT, name: $name }) { userErrors { code } }
}`;

describe('findNul', () => {
  it('names the path of the first string holding U+0000', () => {
    expect(findNul({ input: { notes: ['ok', 'a\u0000b'] } }, ['variables'])).toBe('variables.input.notes.1');
    expect(findNul({ input: { note: 'fine' } })).toBeNull();
  });
});

for (const engine of TEST_ENGINES) {
  describe.skipIf(engine.skipReason !== null)(`the NUL character on ${engine.engine}`, () => {
    const gw = useGateway(engine);

    it('is refused with a bilingual 400 naming the variable, and nothing is written', async () => {
      const token = await gw.tokenFor('ADMIN');
      const before = await gw.db.prisma.unit.findUniqueOrThrow({ where: { id: 'education-science' } });
      const r = await gw.gql(RENAME, { name: '区教育\u0000科技局' }, token);
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.message).toContain('不能含有 NUL 字符');
      expect(r.errors?.[0]?.message).toContain('variables.name');
      expect(r.errors?.[0]?.extensions?.code).toBe('NUL_CHARACTER');
      const after = await gw.db.prisma.unit.findUniqueOrThrow({ where: { id: 'education-science' } });
      expect(after.canonicalName).toBe(before.canonicalName);
    });

    it('is refused in the document itself too', async () => {
      const r = await gw.gql('{ unit(id: "education-science\u0000") { name } }');
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.extensions?.code).toBe('NUL_CHARACTER');
    });
  });
}
