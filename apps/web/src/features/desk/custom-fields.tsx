import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Attachment, FieldDefinition } from '../../lib/api-types.ts';
import { useI18n, useText } from '../../lib/i18n.tsx';
import { customFieldRules } from './field-rules.ts';

interface Props {
  fields: FieldDefinition[];
  required: (f: FieldDefinition) => boolean;
  /** Pictures of the ticket a photo field may point at (photo values are attachment ids). */
  attachments?: Attachment[];
}

/** Renders custom fields from a form definition under `customFields.<key>`. */
export function CustomFields({ fields, required, attachments = [] }: Props) {
  const { en } = useI18n();
  const text = useText();
  return (
    <>
      {fields.map((f) => {
        const label = text(f.label, f.key);
        const req = required(f);
        const common = {
          key: f.key, name: ['customFields', f.key], label, required: req, rules: customFieldRules(f, req, en),
          extra: f.hint ? `${text(f.hint)}${f.example ? (en ? ` (e.g. ${f.example})` : `（示例：${f.example}）`) : ''}` : undefined,
          validateFirst: true,
        };
        const options = (f.options ?? []).map((o) => ({ value: o.value, label: text(o.label, o.value) }));
        switch (f.type) {
          case 'textarea':
            return <Form.Item {...common}><Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={f.example} /></Form.Item>;
          case 'number':
            return <Form.Item {...common}><InputNumber style={{ width: 200 }} {...(f.min === undefined ? {} : { min: f.min })} {...(f.max === undefined ? {} : { max: f.max })} /></Form.Item>;
          case 'select':
            return <Form.Item {...common}><Select allowClear options={options} aria-label={label} /></Form.Item>;
          case 'multiselect':
            return <Form.Item {...common}><Select mode="multiple" allowClear options={options} aria-label={label} /></Form.Item>;
          case 'boolean':
            return <Form.Item {...common} valuePropName="checked"><Checkbox>{label}</Checkbox></Form.Item>;
          case 'date':
            return (
              <Form.Item {...common} getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })} normalize={(d: Dayjs | null) => d?.format('YYYY-MM-DD')}>
                <DatePicker />
              </Form.Item>
            );
          case 'datetime':
            return (
              <Form.Item {...common} getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : undefined })} normalize={(d: Dayjs | null) => d?.format()}>
                <DatePicker showTime />
              </Form.Item>
            );
          case 'photo':
            return (
              <Form.Item {...common}>
                <Select
                  mode="multiple" allowClear aria-label={label}
                  placeholder={en ? 'Pick uploaded pictures (upload them under Attachments first)' : '选择已上传的图片（先在"附件"中上传）'}
                  options={attachments.filter((a) => a.contentType.startsWith('image/')).map((a) => ({ value: a.id, label: a.filename }))}
                />
              </Form.Item>
            );
          case 'signature':
            // Signatures are taken on the engineer's or customer's phone, not at the desk.
            return null;
          default:
            return <Form.Item {...common}><Input placeholder={f.example} /></Form.Item>;
        }
      })}
    </>
  );
}
