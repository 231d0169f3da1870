import type { Db } from '@qxg/db';
import { STATUS_INFO, WORK_ITEM_STATUSES } from '@qxg/disclosure-core';

const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The core's status vocabulary as rows (generated from STATUS_INFO at each start, never written
 * by hand): status, urgency, class, traffic light, colour, Chinese and English labels.
 */
const STATUS_ROWS = WORK_ITEM_STATUSES.map((status) => {
  const i = STATUS_INFO[status];
  return `SELECT ${sqlText(status)} AS status, ${i.urgency} AS urgency, ${sqlText(i.class)} AS status_class, ${sqlText(i.light)} AS light, ${sqlText(i.color)} AS color, ${sqlText(i.label.zh)} AS label_zh, ${sqlText(i.label.en)} AS label_en`;
}).join('\nUNION ALL ');

/**
 * Read-only SQL views for analysts (docs/analysts.md). They are derived objects, not part of the
 * Prisma schema: the gateway drops and recreates them at each start, in one transaction, so they
 * always match the tables the current migrations made. The same SQL runs on SQLite and PostgreSQL.
 * Statuses come from `status_snapshots`, which the gateway fills (statuses depend on an as-of day
 * and on the core's rules, which SQL cannot reproduce); their labels and classes from `v_statuses`,
 * generated from the core's STATUS_INFO.
 */
export const SQL_VIEWS: readonly { readonly name: string; readonly sql: string }[] = [
  { name: 'v_statuses', sql: STATUS_ROWS },
  {
    name: 'v_work_items',
    sql: `SELECT p.id AS plan_id, p.doc_number AS plan_doc_number, p.year AS plan_year,
       c.number AS category_number, c.title AS category_title,
       k.id AS key_task_id, k.number AS key_task_number, k.title AS key_task_title,
       w.id AS work_item_id, w.position AS position, w.content AS content,
       w.lead_units_text AS lead_units_text, w.responsible_units_text AS responsible_units_text,
       w.deadline_text AS deadline_text
  FROM work_items w
  JOIN key_tasks k ON k.id = w.key_task_id
  JOIN plans p ON p.id = k.plan_id
  LEFT JOIN categories c ON c.id = k.category_id`,
  },
  {
    name: 'v_assignments',
    sql: `SELECT wi.*, a.id AS assignment_id, a.role AS role, a.expanded_from AS expanded_from,
       a.version AS version, u.id AS unit_id, u.canonical_name AS unit_name, u.kind AS unit_kind
  FROM assignments a
  JOIN v_work_items wi ON wi.work_item_id = a.work_item_id
  JOIN units u ON u.id = a.unit_id`,
  },
  {
    name: 'v_assignment_status',
    sql: `SELECT va.*, s.as_of AS as_of, s.status AS status, vs.label_zh AS status_label_zh,
       vs.status_class AS status_class, vs.light AS status_light, s.due_on AS due_on,
       CASE WHEN s.is_overdue THEN 1 ELSE 0 END AS is_overdue,
       s.working_days_left AS working_days_left, s.explanation_zh AS explanation_zh,
       s.explanation_en AS explanation_en, s.computed_at AS computed_at
  FROM v_assignments va
  JOIN status_snapshots s ON s.assignment_id = va.assignment_id
  JOIN v_statuses vs ON vs.status = s.status`,
  },
  {
    // How current the snapshots are: one row per snapshot day. The gateway brings today's rows up
    // to date after every status-changing write and at 00:00 China time, rewriting only the rows whose
    // status changed, so refreshed_at is when a status of that day last changed.
    name: 'v_snapshot_info',
    sql: `SELECT s.as_of AS as_of, COUNT(*) AS assignments, MIN(s.computed_at) AS first_computed_at,
       MAX(s.computed_at) AS refreshed_at,
       CASE WHEN s.as_of = (SELECT MAX(x.as_of) FROM status_snapshots x) THEN 1 ELSE 0 END AS is_latest
  FROM status_snapshots s
 GROUP BY s.as_of`,
  },
  {
    name: 'v_reports_in_force',
    sql: `SELECT r.id AS report_id, r.assignment_id AS assignment_id, va.plan_id AS plan_id,
       va.work_item_id AS work_item_id, va.unit_id AS unit_id, va.unit_name AS unit_name,
       r.reported_on AS reported_on, r.state AS state, r.percent AS percent, r.note AS note,
       (SELECT COUNT(*) FROM evidence e WHERE e.report_id = r.id) AS evidence_count
  FROM progress_reports r
  JOIN v_assignments va ON va.assignment_id = r.assignment_id
 WHERE NOT EXISTS (SELECT 1 FROM progress_reports later WHERE later.supersedes_id = r.id)`,
  },
  {
    name: 'v_unit_progress',
    sql: `SELECT plan_id, as_of, unit_id, unit_name, unit_kind,
       COUNT(*) AS assignments,
       SUM(CASE WHEN status_class = 'done' THEN 1 ELSE 0 END) AS done,
       SUM(CASE WHEN status_class = 'late' THEN 1 ELSE 0 END) AS overdue,
       SUM(CASE WHEN status_class = 'due_soon' THEN 1 ELSE 0 END) AS due_soon
  FROM v_assignment_status
 GROUP BY plan_id, as_of, unit_id, unit_name, unit_kind`,
  },
];

/** Drops and recreates the views (dependants first on the way down). */
export async function createSqlViews(db: Db): Promise<void> {
  const cascade = db.engine === 'postgresql' ? ' CASCADE' : '';
  await db.prisma.$transaction(async (tx) => {
    for (const view of [...SQL_VIEWS].reverse()) {
      await tx.$executeRawUnsafe(`DROP VIEW IF EXISTS ${view.name}${cascade}`);
    }
    for (const view of SQL_VIEWS) await tx.$executeRawUnsafe(`CREATE VIEW ${view.name} AS\n${view.sql}`);
  });
}
