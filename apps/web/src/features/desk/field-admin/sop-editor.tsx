import { useState } from 'react';
import { App, Button, Drawer, Form, Image, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useI18n } from '../../../lib/i18n.tsx';
import { fieldAdminApi, type Sop, type SopImage } from './field-admin-api.ts';
import { saveError } from './save-errors.ts';

interface SopForm { title: string; models: string[]; body: string; videoLinks: string[] }
const FIELDS = ['title', 'models', 'body', 'videoLinks', 'imageIds'] as const;
const isHttpUrl = (s: string) => { try { return /^https?:$/.test(new URL(s).protocol); } catch { return false; } };

/** Writes one SOP: title, the models it is for, steps as text, pictures and video links; saved as a draft or published. */
export function SopEditor({ sop, onClose, onSaved }: { sop: Sop | null; onClose: () => void; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const en = locale === 'en-US';
  const { message } = App.useApp();
  const [form] = Form.useForm<SopForm>();
  const [images, setImages] = useState<SopImage[]>(sop?.images ?? []);
  const [uploading, setUploading] = useState(false);
  const save = useMutation({
    mutationFn: async ({ v, status }: { v: SopForm; status: Sop['status'] }) => {
      const body = { ...v, imageIds: images.map((i) => i.id), status };
      return sop ? fieldAdminApi.updateSop(sop.id, body) : fieldAdminApi.createSop(body);
    },
    onSuccess: (s) => {
      message.success(s.status === 'published' ? t('SOP 已发布', 'SOP published') : t('草稿已保存', 'Draft saved'));
      onSaved();
    },
    onError: (e) => message.error(saveError(e, en, form, FIELDS)),
  });
  const submit = (status: Sop['status']) => void form.validateFields().then((v) => save.mutate({ v, status }));
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    try {
      const img = await fieldAdminApi.uploadSopImage(file);
      setImages((xs) => [...xs, img]);
    } catch (e) {
      message.error(saveError(e, en));
    } finally {
      setUploading(false);
    }
  };
  return (
    <Drawer open width={640} onClose={onClose} title={sop ? t('编辑 SOP', 'Edit SOP') : t('新建 SOP', 'New SOP')} destroyOnHidden
      extra={(
        <Space>
          <Button onClick={() => submit('draft')} loading={save.isPending} data-testid="sop-save-draft">{t('存为草稿', 'Save draft')}</Button>
          <Button type="primary" onClick={() => submit('published')} loading={save.isPending} data-testid="sop-publish">{t('保存并发布', 'Save & publish')}</Button>
        </Space>
      )}>
      <Form form={form} layout="vertical" initialValues={{ title: sop?.title ?? '', models: sop?.models ?? [], body: sop?.body ?? '', videoLinks: sop?.videoLinks ?? [] }}>
        <Form.Item name="title" label={t('标题', 'Title')} rules={[{ required: true, whitespace: true, message: t('请填写标题', 'Enter a title') }]}><Input /></Form.Item>
        <Form.Item name="models" label={t('适用型号（回车添加）', 'Device models (Enter to add)')} rules={[{ required: true, type: 'array', min: 1, message: t('至少填写一个型号，示例：KFR-35GW', 'At least one model, e.g. KFR-35GW') }]}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} aria-label={t('适用型号', 'Device models')} />
        </Form.Item>
        <Form.Item name="body" label={t('步骤与说明', 'Steps and notes')}><Input.TextArea rows={8} placeholder={t('1. 断电并放电\n2. …', '1. Power off\n2. …')} /></Form.Item>
        <Form.Item label={t('图片', 'Images')}>
          <Space wrap>
            {images.map((img) => (
              <div key={img.id} style={{ position: 'relative' }}>
                <Image src={img.url} alt={img.filename} width={96} height={72} style={{ objectFit: 'cover' }} />
                <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('移除图片', 'Remove image')} style={{ position: 'absolute', top: 2, right: 2 }}
                  onClick={() => setImages((xs) => xs.filter((x) => x.id !== img.id))} />
              </div>
            ))}
            <label style={{ cursor: 'pointer' }}>
              <Button icon={<UploadOutlined />} loading={uploading} onClick={(e) => (e.currentTarget.nextElementSibling as HTMLInputElement | null)?.click()}>{t('上传图片', 'Upload image')}</Button>
              <input type="file" accept="image/*" hidden data-testid="sop-image-input" onChange={(e) => { void upload(e.target.files?.[0]); e.target.value = ''; }} />
            </label>
          </Space>
        </Form.Item>
        <Form.Item name="videoLinks" label={t('视频链接（http/https，回车添加）', 'Video links (http/https, Enter to add)')}
          rules={[{ validator: async (_, v: string[] | undefined) => { if ((v ?? []).some((x) => !isHttpUrl(x))) throw new Error(t('视频链接须以 http:// 或 https:// 开头', 'Video links must start with http:// or https://')); } }]}>
          <Select mode="tags" open={false} aria-label={t('视频链接', 'Video links')} />
        </Form.Item>
        {sop?.publishedAt && <Typography.Text type="secondary">{t('上次发布：', 'Last published: ')}{new Date(sop.publishedAt).toLocaleString(en ? 'en-GB' : 'zh-CN')}</Typography.Text>}
      </Form>
    </Drawer>
  );
}
