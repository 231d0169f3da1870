import { ForwardOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { request } from '../../graphql/client';
import { QUERY_KEYS } from '../../graphql/query-keys';
import { useAction } from '../../graphql/use-action';
import { formatChineseDate, formatChineseDateTime } from '../../lib/dates';
import {
  ArchivePlanMutation,
  allPlansQuery,
  type NextPlanDraft,
  nextPlanDraftQuery,
  nextPlanImportPath,
  type PlanRow,
  UnarchivePlanMutation,
} from './plans-data';

const PLAN_CHANGES = [QUERY_KEYS.planAdmin, QUERY_KEYS.plans, QUERY_KEYS.audit];

/** What "start next year's plan" proposes: the notice facts and the standing items to carry over. */
function NextPlanModal({ plan, onClose }: { readonly plan: PlanRow; readonly onClose: () => void }) {
  const navigate = useNavigate();
  const draft = useQuery(nextPlanDraftQuery(plan.key));
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const open = (d: NextPlanDraft) => {
    const carry = d.carryOver.map((c) => c.workItemId).filter((id) => !unchecked.has(id));
    navigate(nextPlanImportPath(d, carry));
  };
  return (
    <Modal
      open
      width={880}
      title={`起草下一年度方案(接续 ${plan.docNumber})`}
      okText="打开导入页"
      cancelText="取消"
      okButtonProps={{ disabled: !draft.data }}
      onOk={() => draft.data && open(draft.data)}
      onCancel={onClose}
    >
      <QueryState query={draft}>
        {(d) =>
          d && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Alert
                type="info"
                showIcon
                title={`${d.year}年方案:文号“${d.docNumberPrefix}…号”、成文日期${formatChineseDate(d.issuedOn)}将预填到导入页,请按正式印发的文件核对。导入后,本方案的考核方案复制到新方案,单位名录沿用。`}
              />
              <Typography.Text strong>
                拟延续的长期坚持、定期事项({d.carryOver.length - unchecked.size}/{d.carryOver.length}{' '}
                项):新方案文本中没有的,导入时加入“上年度延续事项”。
              </Typography.Text>
              <Table
                rowKey="workItemId"
                size="small"
                pagination={{ pageSize: 8, showSizeChanger: false }}
                dataSource={[...d.carryOver]}
                rowSelection={{
                  selectedRowKeys: d.carryOver.map((c) => c.workItemId).filter((id) => !unchecked.has(id)),
                  onChange: (keys) =>
                    setUnchecked(
                      new Set(d.carryOver.map((c) => c.workItemId).filter((id) => !keys.includes(id))),
                    ),
                }}
                columns={[
                  {
                    title: '任务',
                    key: 'task',
                    width: 70,
                    render: (_, c) => `${c.keyTaskNumber}.${c.order}`,
                  },
                  { title: '工作任务', dataIndex: 'content' },
                  { title: '完成时限', dataIndex: 'deadlineText', width: 140 },
                  { title: '牵头单位', dataIndex: 'leadUnitsText', width: 180 },
                ]}
              />
            </Space>
          )
        }
      </QueryState>
    </Modal>
  );
}

/** The plans of every year: withdraw one imported by mistake, restore it, start the next year's. */
export default function PlansPage() {
  const plans = useQuery(allPlansQuery);
  const [next, setNext] = useState<PlanRow | null>(null);
  const archive = useAction({
    run: async (planId: string) => (await request(ArchivePlanMutation, { planId })).archivePlan,
    invalidates: PLAN_CHANGES,
    success: '方案已撤回(归档),只能查看',
  });
  const unarchive = useAction({
    run: async (planId: string) => (await request(UnarchivePlanMutation, { planId })).unarchivePlan,
    invalidates: PLAN_CHANGES,
    success: '方案已恢复',
  });
  return (
    <Page title="方案与年度">
      <Typography.Text type="secondary">
        撤回(归档)的方案不再出现在方案选择中,只能查看、不能填报或考核,可随时恢复。起草下一年度方案时沿用单位名录与考核方案,并建议延续长期坚持的事项。
      </Typography.Text>
      <QueryState query={plans} isEmpty={(p) => p.length === 0} emptyText="尚未导入任何实施方案">
        {(list) => (
          <Table<PlanRow>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={[...list]}
            columns={[
              { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
              { title: '文号', dataIndex: 'docNumber', width: 220 },
              { title: '标题', dataIndex: 'title' },
              {
                title: '成文日期',
                dataIndex: 'issuedOn',
                width: 140,
                render: (d: string) => formatChineseDate(d),
              },
              {
                title: '接续',
                key: 'previous',
                width: 200,
                render: (_, p) => p.previousPlan?.docNumber ?? '—',
              },
              {
                title: '状态',
                key: 'state',
                width: 200,
                render: (_, p) =>
                  p.archived ? (
                    <Space size={4}>
                      <Tag color="default">已撤回</Tag>
                      <Typography.Text type="secondary">
                        {formatChineseDateTime(p.archivedAt)}
                      </Typography.Text>
                    </Space>
                  ) : (
                    <Tag color="green">使用中</Tag>
                  ),
              },
              {
                title: '操作',
                key: 'actions',
                width: 260,
                render: (_, p) => (
                  <Space>
                    {p.archived ? (
                      <Button
                        size="small"
                        icon={<RollbackOutlined />}
                        onClick={() => unarchive.mutate(p.key)}
                      >
                        恢复
                      </Button>
                    ) : (
                      <Popconfirm
                        title={`撤回“${p.docNumber}”?撤回后不能填报、考核,可随时恢复。`}
                        okText="撤回"
                        cancelText="取消"
                        onConfirm={() => archive.mutate(p.key)}
                      >
                        <Button size="small" danger icon={<StopOutlined />}>
                          撤回
                        </Button>
                      </Popconfirm>
                    )}
                    {!p.archived && (
                      <Button size="small" icon={<ForwardOutlined />} onClick={() => setNext(p)}>
                        起草下一年度方案
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      {next && <NextPlanModal plan={next} onClose={() => setNext(null)} />}
    </Page>
  );
}
