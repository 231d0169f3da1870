import { InboxOutlined } from '@ant-design/icons';
import { Input, Tabs, Upload } from 'antd';

export type SourceTab = 'text' | 'file';

export interface SourceTabsProps {
  readonly tab: SourceTab;
  readonly onTab: (tab: SourceTab) => void;
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly onFile: (file: { name: string; data: ArrayBuffer } | null) => void;
}

/**
 * The page as HTML when the clipboard holds a copied web page with a table (the 任务分解表 keeps its
 * rows and merged cells that way); otherwise null and the plain text is pasted as usual.
 */
function pastedPage(data: DataTransfer): string | null {
  const html = data.getData('text/html');
  return /<table[\s>]/iu.test(html) ? html : null;
}

/**
 * Where the plan comes from: its published text pasted (plain text, or a web page's HTML), or a file:
 * Word (.docx), a saved web page (.html), a decomposition table (.xlsx, .csv) or text (.txt).
 */
export function SourceTabs({ tab, onTab, text, onText, onFile }: SourceTabsProps) {
  return (
    <Tabs
      activeKey={tab}
      onChange={(k) => onTab(k as SourceTab)}
      items={[
        {
          key: 'text',
          label: '粘贴文本',
          children: (
            <Input.TextArea
              aria-label="方案全文"
              value={text}
              onChange={(e) => onText(e.target.value)}
              onPaste={(e) => {
                const page = text.trim() === '' ? pastedPage(e.clipboardData) : null;
                if (page === null) return;
                e.preventDefault();
                onText(page);
              }}
              autoSize={{ minRows: 10, maxRows: 24 }}
              placeholder="毕节市七星关区人民政府办公室关于印发……的通知(也可粘贴网页源代码;从网页复制含表格的内容时按网页格式粘贴)"
            />
          ),
        },
        {
          key: 'file',
          label: '上传文件',
          children: (
            <Upload.Dragger
              accept=".docx,.html,.htm,.xlsx,.csv,.txt"
              maxCount={1}
              beforeUpload={(f) => {
                void f.arrayBuffer().then((data) => onFile({ name: f.name, data }));
                return false;
              }}
              onRemove={() => onFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>点击或拖入方案文件:Word 文档(.docx)、网页(.html)、任务分解表(.xlsx、.csv)或全文(.txt)</p>
            </Upload.Dragger>
          ),
        },
      ]}
    />
  );
}
