import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, InputNumber, Select, Space, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { statusLabel } from '../../lib/vocabulary';
import {
  appendAt,
  type DefinitionPath,
  METHOD_DEFAULTS,
  METHOD_LABELS,
  pathString,
  removeAt,
  setAt,
} from './scheme-tree';

// A tree form over a scheme definition (the core's `AssessmentScheme`): every change makes a new
// definition (the JSON view and the core's validateScheme follow at once).

type Obj = Record<string, unknown>;
type Edit = (next: unknown) => void;

interface FormProps {
  readonly definition: unknown;
  readonly onChange: Edit;
  /** Issue messages by the core's path (`classes[0].indicators[1].points`). */
  readonly issues: ReadonlyMap<string, string>;
  readonly disabled: boolean;
}

const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const asList = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** One labelled field with the core's issue at its path under it. */
function Field(props: {
  readonly label: string;
  readonly path: DefinitionPath;
  readonly issues: ReadonlyMap<string, string>;
  readonly children: ReactNode;
}) {
  const issue = props.issues.get(pathString(props.path));
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {props.label}
      </Typography.Text>
      {props.children}
      {issue && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {issue}
        </Typography.Text>
      )}
    </Space>
  );
}

function NumberField(
  props: FormProps & {
    readonly label: string;
    readonly aria?: string;
    readonly path: DefinitionPath;
    readonly step?: number;
  },
) {
  const { definition, onChange, path, label, issues, disabled } = props;
  const value = num(valueAt(definition, path));
  return (
    <Field label={label} path={path} issues={issues}>
      <InputNumber
        aria-label={props.aria ?? label}
        value={value}
        step={props.step ?? 1}
        disabled={disabled}
        onChange={(v) => onChange(setAt(definition, path, v ?? undefined))}
      />
    </Field>
  );
}

function valueAt(definition: unknown, path: DefinitionPath): unknown {
  return path.reduce<unknown>((n, k) => (n as Record<string | number, unknown> | undefined)?.[k], definition);
}

function TextField(
  props: FormProps & {
    readonly label: string;
    readonly aria?: string;
    readonly path: DefinitionPath;
    readonly width?: number;
  },
) {
  const { definition, onChange, path, label, issues, disabled } = props;
  const value = valueAt(definition, path);
  return (
    <Field label={label} path={path} issues={issues}>
      <Input
        aria-label={props.aria ?? label}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        style={{ width: props.width ?? 220 }}
        onChange={(e) => onChange(setAt(definition, path, e.target.value))}
      />
    </Field>
  );
}

function ChoiceField(
  props: FormProps & {
    readonly label: string;
    readonly aria?: string;
    readonly path: DefinitionPath;
    readonly options: readonly (readonly [string, string])[];
    readonly onPick?: (value: string) => unknown;
  },
) {
  const { definition, onChange, path, label, issues, disabled, options } = props;
  const value = valueAt(definition, path);
  return (
    <Field label={label} path={path} issues={issues}>
      <Select
        aria-label={props.aria ?? label}
        value={typeof value === 'string' ? value : null}
        disabled={disabled}
        style={{ minWidth: 140 }}
        options={options.map(([v, l]) => ({ value: v, label: l }))}
        onChange={(v: string) => onChange(props.onPick ? props.onPick(v) : setAt(definition, path, v))}
      />
    </Field>
  );
}

/** A method parameter the form edits: a number, a choice, or the event match. */
type Param =
  | { readonly key: string; readonly label: string; readonly step: number }
  | { readonly key: string; readonly label: string; readonly options: readonly (readonly [string, string])[] }
  | { readonly key: 'match' };

/** Each method's parameters, in the order the form shows them. */
const METHOD_PARAMS: Readonly<Record<string, readonly Param[]>> = {
  completion: [
    { key: 'lateFraction', label: `${statusLabel('DONE_LATE')}得分比例`, step: 0.1 },
    {
      key: 'whenNoneDue',
      label: '无到期任务时',
      options: [
        ['full', '不扣分(满分)'],
        ['zero', '不得分'],
      ],
    },
  ],
  timeliness: [
    {
      key: 'per',
      label: '扣分方式',
      options: [
        ['late_item', '每项逾期'],
        ['working_day_late', '每逾期一个工作日'],
      ],
    },
    { key: 'deduct', label: '每次扣分', step: 0.5 },
  ],
  events: [
    {
      key: 'direction',
      label: '加减分',
      options: [
        ['deduct', '扣分(从满分扣)'],
        ['add', '加分(从0加)'],
      ],
    },
    { key: 'each', label: '每次分值', step: 0.5 },
    { key: 'match' },
  ],
  recurring: [
    { key: 'match' },
    { key: 'minimum', label: '至少次数', step: 1 },
    {
      key: 'belowMinimum',
      label: '不足时',
      options: [
        ['zero', '不得分'],
        ['proportional', '按比例得分'],
      ],
    },
  ],
  manual: [
    {
      key: 'whenMissing',
      label: '未评分时',
      options: [
        ['zero', '暂计0分'],
        ['full', '按满分计'],
      ],
    },
  ],
};

/** The parameters of a leaf's method, by kind. */
function MethodFields(props: FormProps & { readonly path: DefinitionPath; readonly prefix: string }) {
  const { path, prefix } = props;
  const kind = asObj(valueAt(props.definition, path)).kind;
  return (
    <>
      {(METHOD_PARAMS[String(kind)] ?? []).map((param) => {
        const at = [...path, param.key];
        if (!('label' in param)) return <EventMatchFields key="match" {...props} path={at} prefix={prefix} />;
        const field = { ...props, label: param.label, aria: `${prefix}${param.label}`, path: at };
        return 'options' in param ? (
          <ChoiceField key={param.key} {...field} options={param.options} />
        ) : (
          <NumberField key={param.key} {...field} step={param.step} />
        );
      })}
    </>
  );
}

function EventMatchFields(props: FormProps & { readonly path: DefinitionPath; readonly prefix: string }) {
  const match = asObj(valueAt(props.definition, props.path));
  return (
    <>
      <ChoiceField
        {...props}
        label="事件类型"
        aria={`${props.prefix}事件类型`}
        path={[...props.path, 'kind']}
        options={[
          ['circular', '通报'],
          ['experience_promoted', '经验推广'],
          ['training', '培训'],
        ]}
        onPick={(kind) =>
          setAt(props.definition, props.path, kind === 'circular' ? { kind, tone: 'criticism' } : { kind })
        }
      />
      {match.kind === 'circular' && (
        <ChoiceField
          {...props}
          label="通报类别"
          aria={`${props.prefix}通报类别`}
          path={[...props.path, 'tone']}
          options={[
            ['criticism', '通报批评'],
            ['commendation', '通报表扬'],
          ]}
        />
      )}
    </>
  );
}

/** One indicator (a group with its children, or a leaf with its method), editable in place. */
function IndicatorEditor(props: FormProps & { readonly path: DefinitionPath; readonly depth: number }) {
  const { token } = theme.useToken();
  const { definition, onChange, path, depth, disabled } = props;
  const node = asObj(valueAt(definition, path));
  const name = typeof node.name === 'string' && node.name !== '' ? node.name : String(node.id ?? '');
  const isGroup = node.kind === 'group';
  const method = asObj(node.method);
  const label = (what: string) => `${name}${what}`;
  const newLeaf = (id: string) => ({
    kind: 'leaf',
    id,
    name: '新指标',
    points: 0,
    method: METHOD_DEFAULTS.completion,
  });
  return (
    <div
      style={{
        borderLeft: `3px solid ${token.colorPrimaryBg}`,
        paddingLeft: 12,
        marginLeft: depth * 12,
        marginBottom: 8,
      }}
      data-testid={`indicator-${String(node.id)}`}
    >
      <Flex wrap gap={12} align="end">
        <TextField {...props} label="名称" aria={label('名称')} path={[...path, 'name']} width={200} />
        <TextField {...props} label="编号" aria={label('编号')} path={[...path, 'id']} width={90} />
        <NumberField {...props} label="分值" aria={label('分值')} path={[...path, 'points']} step={0.5} />
        {!isGroup && (
          <ChoiceField
            {...props}
            label="计分方法"
            aria={label('计分方法')}
            path={[...path, 'method', 'kind']}
            options={Object.entries(METHOD_LABELS)}
            onPick={(kind) => setAt(definition, [...path, 'method'], METHOD_DEFAULTS[kind])}
          />
        )}
        {!isGroup && method.kind !== undefined && (
          <MethodFields {...props} path={[...path, 'method']} prefix={name} />
        )}
        {!disabled && (
          <Space>
            {depth < 2 && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() =>
                  onChange(
                    isGroup
                      ? appendAt(
                          definition,
                          [...path, 'children'],
                          newLeaf(`${String(node.id)}.${asList(node.children).length + 1}`),
                        )
                      : setAt(definition, path, {
                          kind: 'group',
                          id: node.id,
                          name: node.name,
                          points: node.points,
                          ...(node.rationale ? { rationale: node.rationale } : {}),
                          children: [
                            { ...newLeaf(`${String(node.id)}.1`), points: node.points, method: node.method },
                          ],
                        }),
                  )
                }
              >
                子指标
              </Button>
            )}
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={`删除${name}`}
              onClick={() => onChange(removeAt(definition, path))}
            />
          </Space>
        )}
      </Flex>
      {props.issues.get(pathString(path)) && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {props.issues.get(pathString(path))}
        </Typography.Text>
      )}
      {isGroup &&
        asList(node.children).map((_, i) => (
          <IndicatorEditor key={i} {...props} path={[...path, 'children', i]} depth={depth + 1} />
        ))}
    </div>
  );
}

/** A class's level-one indicators or bonuses, each editable, and a button adding one (`fresh`, its id numbered). */
function IndicatorList(
  props: FormProps & {
    readonly path: DefinitionPath;
    readonly add: string;
    readonly fresh: {
      readonly id: string;
      readonly name: string;
      readonly points: number;
      readonly method: unknown;
    };
  },
) {
  const { definition, onChange, disabled, path, add, fresh } = props;
  const list = asList(valueAt(definition, path));
  return (
    <>
      {list.map((_, i) => (
        <IndicatorEditor key={i} {...props} path={[...path, i]} depth={0} />
      ))}
      {!disabled && (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            onChange(
              appendAt(definition, path, { kind: 'leaf', ...fresh, id: `${fresh.id}${list.length + 1}` }),
            )
          }
        >
          {add}
        </Button>
      )}
    </>
  );
}

/** The whole scheme as a tree form: name, total, period and grades; each class with its indicators and bonuses. */
export function SchemeForm(props: FormProps) {
  const { definition } = props;
  const classes = asList(asObj(definition).classes);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title="方案">
        <Flex wrap gap={12}>
          <TextField {...props} label="名称" path={['name']} width={360} />
          <NumberField {...props} label="总分" path={['total']} />
          <TextField {...props} label="考核起始日" path={['period', 'from']} width={130} />
          <TextField {...props} label="考核截止日" path={['period', 'to']} width={130} />
          <NumberField {...props} label="优秀分数线" path={['grades', 'excellent']} />
          <NumberField {...props} label="良好分数线" path={['grades', 'good']} />
          <NumberField {...props} label="合格分数线" path={['grades', 'pass']} />
        </Flex>
      </Card>
      {classes.map((c, ci) => {
        const at = (...keys: (string | number)[]) => ['classes', ci, ...keys];
        return (
          <Card
            key={ci}
            size="small"
            title={String(c.name ?? c.id ?? '')}
            extra={
              <Flex gap={12} align="end">
                <TextField {...props} label="类别名称" path={at('name')} width={160} />
                <NumberField {...props} label="加分上限" path={at('bonusCap')} />
              </Flex>
            }
          >
            <IndicatorList
              {...props}
              path={at('indicators')}
              add="添加一级指标"
              fresh={{
                id: `${String(c.id)}-`,
                name: '新指标',
                points: 0,
                method: METHOD_DEFAULTS.completion,
              }}
            />
            <Typography.Title level={5}>加分项</Typography.Title>
            <IndicatorList
              {...props}
              path={at('bonuses')}
              add="添加加分项"
              fresh={{ id: `${String(c.id)}-b`, name: '新加分项', points: 1, method: METHOD_DEFAULTS.events }}
            />
          </Card>
        );
      })}
    </Space>
  );
}
