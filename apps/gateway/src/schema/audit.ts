import { scopeOf } from '../auth-scopes';
import { builder } from '../builder';
import { pageAuditLog } from '../services/audit-log';
import { type AuditChange, auditChanges, entityName } from '../services/audit-names';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  type AuditLabel,
  actionLabel,
  entityTypeLabel,
} from '../services/audit-vocabulary';
import { rawId } from './mutation-kit';
import { AuditEntryConnection, AuditEntryRef, UserRef } from './refs';
import { LocalizedText } from './user-errors';

const AuditChangeRef = builder.objectRef<AuditChange>('AuditChange').implement({
  description: 'One field an audited action changed: its label and its values before and after, in words.',
  fields: (t) => ({
    field: t.exposeString('field', {
      description: 'The snapshot’s key, e.g. `canonicalName`, `moved.users`.',
    }),
    label: t.field({ type: LocalizedText, resolve: (c) => c.label }),
    before: t.exposeString('before', { nullable: true }),
    after: t.exposeString('after', { nullable: true }),
  }),
});

const VocabularyEntry = builder.objectRef<{ key: string } & AuditLabel>('AuditVocabularyEntry').implement({
  fields: (t) => ({ key: t.exposeString('key'), zh: t.exposeString('zh'), en: t.exposeString('en') }),
});

const AuditVocabulary = builder.objectRef<Record<string, never>>('AuditVocabulary').implement({
  description: 'The audit log’s labels, from the gateway’s one table (services/audit-vocabulary.ts).',
  fields: (t) => ({
    actions: t.field({
      type: [VocabularyEntry],
      resolve: () => Object.entries(AUDIT_ACTIONS).map(([key, l]) => ({ key, ...l })),
    }),
    entityTypes: t.field({
      type: [VocabularyEntry],
      resolve: () => Object.entries(AUDIT_ENTITY_TYPES).map(([key, l]) => ({ key, ...l })),
    }),
  }),
});

builder.node(AuditEntryRef, {
  description:
    'One mutation, as recorded in the same transaction: who, when, what, before and after; with labels and names for people (`actionLabel`, `entityName`, `changes`).',
  id: { resolve: (e) => e.id },
  authScopes: { admin: true },
  loadMany: (ids, ctx) =>
    ctx.prisma.auditEntry.findMany({ where: { id: { in: [...ids] } } }).then((rows) => {
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    }),
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    action: t.exposeString('action', { description: 'The action’s key, e.g. `recordProgress`.' }),
    actionLabel: t.field({
      type: LocalizedText,
      description: 'The action in words: 报送进展 / Recorded progress.',
      resolve: (e) => actionLabel(e.action),
    }),
    entityType: t.exposeString('entityType'),
    entityTypeLabel: t.field({ type: LocalizedText, resolve: (e) => entityTypeLabel(e.entityType) }),
    entityId: t.exposeString('entityId'),
    entityName: t.string({
      description:
        'What the entry is about, by name: a unit’s name, a username, 区教育科技局 · 任务5第2项(…) for an assignment; a deleted row by the name its snapshot kept.',
      resolve: (e, _a, ctx) => entityName(ctx, e),
    }),
    changes: t.field({
      type: [AuditChangeRef],
      description: 'The before/after as labelled rows, ids of units, users and plans shown by name.',
      resolve: (e, _a, ctx) => auditChanges(ctx, e),
    }),
    before: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.before }),
    after: t.field({ type: 'JSON', nullable: true, resolve: (e) => e.after }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.actorId ? ctx.loaders.user.load(e.actorId) : null),
    }),
  }),
});

builder.queryFields((t) => ({
  auditLog: t.connection(
    {
      type: AuditEntryRef,
      description:
        'Newest first, paged by cursor (`first` ≤ 100, `after`) back to the very first entry. Forward only. ADMIN only. Filters: `action` (a key, or part of its Chinese or English label: 报送进展 finds recordProgress), `actorId` (a User id), `unitId` (a unit key: the unit, its users, assignments, reports, events and manual scores), `from`/`to` (China days, both included).',
      authScopes: scopeOf('viewAudit'),
      args: {
        entityType: t.arg.string(),
        entityId: t.arg.string(),
        action: t.arg.string(),
        actorId: t.arg.id({ description: 'The User node id (or the raw id).' }),
        unitId: t.arg.string({ description: 'The unit’s key.' }),
        from: t.arg.string({ description: 'YYYY-MM-DD (China), from its start.' }),
        to: t.arg.string({ description: 'YYYY-MM-DD (China), to its end.' }),
      },
      resolve: (_r, args, ctx) =>
        pageAuditLog(ctx.prisma, {
          ...args,
          actorId: args.actorId ? (rawId(String(args.actorId), 'User') ?? String(args.actorId)) : null,
        }),
    },
    AuditEntryConnection,
  ),
  auditVocabulary: t.field({
    type: AuditVocabulary,
    description: 'The labels of every audit action and entity type (for filters and legends).',
    authScopes: scopeOf('viewAudit'),
    resolve: () => ({}),
  }),
}));
