import { Button, Card, Checkbox, Form, Image, Input, Select, Space, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { FAULT_TYPES, faultTypeLabels } from '../../../lib/fault-types.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { knowledgeApi, type KnowledgeCard } from '../../../lib/knowledge-api.ts';
import { isApiError } from '../../../lib/problem.ts';

type FieldName = Parameters<FormInstance<Values>['setFields']>[0][number]['name'];

interface Values {
  title: string;
  symptom: string;
  cause: string;
  steps: string[];
  parts: string[];
  model: string;
  productLine: string;
  faultType: string | undefined;
  photos: string[];
}

/**
 * The card's fields as a form. Plain text only (no HTML is stored or rendered), so nothing needs
 * sanitising; the server validates lengths and answers field-level problems that land here.
 */
export function CardEditor({ card: c, onSaved, onError }: { card: KnowledgeCard; onSaved: (fresh: KnowledgeCard) => void; onError: (e: unknown) => void }) {
  const { t, en } = useI18n();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => knowledgeApi.update(c.id, {
      version: c.version, title: v.title, symptom: v.symptom, cause: v.cause ?? '', steps: v.steps.map((s) => s.trim()).filter(Boolean),
      parts: v.parts ?? [], model: v.model?.trim() || null, productLine: v.productLine?.trim() || null, faultType: v.faultType ?? null,
      causeCode: c.causeCode?.code ?? null, photos: v.photos ?? [],
    }),
    onSuccess: onSaved,
    onError: (e) => {
      if (isApiError(e) && e.fieldErrors.length) {
        form.setFields(e.fieldErrors.map((i) => ({ name: i.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as FieldName, errors: [i.message] })));
      }
      onError(e);
    },
  });
  const required = { required: true, whitespace: true, message: t('必填', 'Required') };
  return (
    <Card size="small" title={t('编辑知识卡片', 'Edit card')}>
      <Form<Values>
        form={form} layout="vertical" onFinish={(v) => save.mutate(v)}
        initialValues={{
          title: c.title, symptom: c.symptom, cause: c.cause, steps: c.steps.length ? c.steps : [''], parts: c.parts, model: c.model ?? '',
          productLine: c.productLine ?? '', faultType: c.faultType?.code, photos: c.photos.map((p) => p.id),
        }}
      >
        <Form.Item name="title" label={t('标题', 'Title')} rules={[required, { max: 120 }]}><Input /></Form.Item>
        <Form.Item name="symptom" label={t('故障现象', 'Symptom')} rules={[required, { max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="cause" label={t('原因', 'Cause')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item label={t('处理步骤', 'Steps')} required>
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ width: '100%' }}>
                    <span>{i + 1}.</span>
                    <Form.Item name={f.name} rules={[required, { max: 500 }]} style={{ marginBottom: 0, width: 520, maxWidth: '70vw' }}>
                      <Input aria-label={t(`步骤 ${i + 1}`, `Step ${i + 1}`)} />
                    </Form.Item>
                    {fields.length > 1 && <MinusCircleOutlined aria-label={t('删除步骤', 'Remove step')} onClick={() => remove(f.name)} />}
                  </Space>
                ))}
                <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>{t('添加步骤', 'Add step')}</Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="parts" label={t('备件', 'Parts')}><Select mode="tags" aria-label={t('备件', 'Parts')} placeholder={t('输入后回车', 'Type and press Enter')} /></Form.Item>
        <Space wrap>
          <Form.Item name="model" label={t('型号', 'Model')}><Input style={{ width: 200 }} /></Form.Item>
          <Form.Item name="productLine" label={t('产品线', 'Product line')}><Input style={{ width: 160 }} /></Form.Item>
          <Form.Item name="faultType" label={t('故障类型', 'Fault type')}>
            <Select allowClear style={{ width: 200 }} options={FAULT_TYPES.map((code) => ({ value: code, label: en ? faultTypeLabels[code]?.en : faultTypeLabels[code]?.zh }))} />
          </Form.Item>
        </Space>
        {c.photos.length > 0 && (
          <Form.Item name="photos" label={t('照片（取消勾选即移除）', 'Photos (untick to remove)')}>
            <Checkbox.Group>
              {c.photos.map((p) => <Checkbox key={p.id} value={p.id}><Image src={p.url} alt={p.filename} width={72} preview={false} /></Checkbox>)}
            </Checkbox.Group>
          </Form.Item>
        )}
        <div><Button type="primary" htmlType="submit" loading={save.isPending}>{t('保存', 'Save')}</Button></div>
      </Form>
    </Card>
  );
}
