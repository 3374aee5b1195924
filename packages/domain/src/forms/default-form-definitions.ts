/**
 * The forms a fresh installation starts with, one per shipped ticket type. Admins edit copies in
 * the designer. Each phase shows at most 7 fields; everything secondary is `advanced`, because
 * completion collapses on longer forms and engineers fill the resolve form one-handed on site.
 * The resolution text itself is the built-in `Ticket.resolution` (required by the 'resolve'
 * transition), so it is deliberately not repeated here as a custom field.
 */
import type { LocalizedText } from '../shared/localized.ts';
import type { FieldDefinition, FieldOption, FormDefinition } from './form-definition.ts';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });
const opt = (value: string, zh: string, en: string): FieldOption => ({ value, label: t(zh, en) });
const RESOLVE = ['resolve'];

const customerSignature: FieldDefinition = {
  key: 'customer_signature', type: 'signature', label: t('客户签名', 'Customer signature'), collectOn: RESOLVE, advanced: true,
  hint: t('请客户在手机上签名确认', 'Ask the customer to sign on the phone'),
};

const repair: FormDefinition = {
  ticketType: 'repair', version: 1,
  fields: [
    { key: 'device_model', type: 'text', label: t('设备型号', 'Device model'), maxLength: 80, example: 'KFR-35GW' },
    { key: 'error_code', type: 'text', label: t('故障代码', 'Error code'), advanced: true, collectOn: ['create', 'resolve'],
      maxLength: 20, pattern: '[A-Za-z0-9][A-Za-z0-9_.-]*', hint: t('设备面板显示的代码', 'Code shown on the device panel'), example: 'E4' },
    { key: 'under_warranty', type: 'boolean', label: t('是否在保', 'Under warranty'), advanced: true },
    { key: 'fault_photo', type: 'photo', label: t('故障照片', 'Fault photo'), requiredFor: RESOLVE, minLength: 1, maxLength: 9,
      hint: t('拍摄故障部位或铭牌', 'Photograph the faulty part or the nameplate') },
    { key: 'result', type: 'select', label: t('处理结果', 'Result'), requiredFor: RESOLVE, options: [
      opt('resolved', '已解决', 'Resolved'), opt('partial', '部分解决', 'Partly resolved'),
      opt('revisit', '需再次上门', 'Revisit needed'), opt('awaiting_parts', '待备件', 'Awaiting parts'),
    ] },
    { key: 'parts_used', type: 'textarea', label: t('使用备件', 'Parts used'), advanced: true, collectOn: RESOLVE, maxLength: 1000,
      hint: t('每行一项：备件编号 × 数量', 'One per line: part number × quantity'), example: 'P-10023 × 2' },
    customerSignature,
  ],
};

const maintenance: FormDefinition = {
  ticketType: 'maintenance', version: 1,
  fields: [
    { key: 'maintenance_plan', type: 'select', label: t('保养周期', 'Maintenance plan'), required: true, options: [
      opt('monthly', '月度', 'Monthly'), opt('quarterly', '季度', 'Quarterly'),
      opt('semiannual', '半年度', 'Semi-annual'), opt('annual', '年度', 'Annual'),
    ] },
    { key: 'device_model', type: 'text', label: t('设备型号', 'Device model'), maxLength: 80 },
    { key: 'checklist_done', type: 'multiselect', label: t('已完成项目', 'Checklist done'), requiredFor: RESOLVE, minLength: 1, options: [
      opt('clean', '清洁', 'Cleaning'), opt('lubricate', '润滑', 'Lubrication'), opt('tighten', '检查紧固', 'Inspect and tighten'),
      opt('calibrate', '校准', 'Calibration'), opt('consumables', '更换耗材', 'Replace consumables'), opt('safety_test', '安全测试', 'Safety test'),
    ] },
    { key: 'site_photo', type: 'photo', label: t('现场照片', 'Site photo'), requiredFor: RESOLVE, minLength: 1, maxLength: 9 },
    { key: 'running_hours', type: 'number', label: t('运行小时数', 'Running hours'), advanced: true, collectOn: RESOLVE, min: 0, max: 1_000_000 },
    { key: 'findings', type: 'textarea', label: t('发现的问题', 'Findings'), advanced: true, collectOn: RESOLVE, maxLength: 2000 },
    { key: 'next_due_date', type: 'date', label: t('下次保养日期', 'Next maintenance due'), advanced: true, collectOn: RESOLVE, example: '2025-06-01' },
    customerSignature,
  ],
};

const it: FormDefinition = {
  ticketType: 'it', version: 1,
  fields: [
    { key: 'asset_tag', type: 'text', label: t('资产编号', 'Asset tag'), maxLength: 32, pattern: '[A-Za-z0-9][A-Za-z0-9-]*',
      hint: t('贴在设备上的资产标签', 'The asset label stuck on the device'), example: 'IT-000123' },
    { key: 'os', type: 'select', label: t('操作系统', 'Operating system'), options: [
      opt('windows', 'Windows', 'Windows'), opt('macos', 'macOS', 'macOS'), opt('linux', 'Linux', 'Linux'),
      opt('uos', '统信 UOS', 'UnionTech UOS'), opt('kylin', '银河麒麟', 'Kylin'), opt('android', 'Android', 'Android'),
      opt('ios', 'iOS', 'iOS'), opt('other', '其他', 'Other'),
    ] },
    { key: 'remote_possible', type: 'boolean', label: t('可远程协助', 'Remote help possible') },
    { key: 'remote_id', type: 'text', label: t('远程协助码', 'Remote session ID'), advanced: true, maxLength: 40,
      hint: t('向日葵、ToDesk 等的设备代码', 'Device code from Sunlogin, ToDesk or similar') },
    { key: 'affected_users', type: 'number', label: t('影响人数', 'Users affected'), advanced: true, min: 1, max: 100_000 },
    { key: 'callback_email', type: 'email', label: t('回复邮箱', 'Reply e-mail'), advanced: true },
    { key: 'result', type: 'select', label: t('处理结果', 'Result'), requiredFor: RESOLVE, options: [
      opt('resolved', '已解决', 'Resolved'), opt('workaround', '临时方案', 'Workaround'),
      opt('escalated', '已升级', 'Escalated'), opt('not_reproducible', '无法复现', 'Not reproducible'),
    ] },
  ],
};

const installation: FormDefinition = {
  ticketType: 'installation', version: 1,
  fields: [
    { key: 'device_model', type: 'text', label: t('设备型号', 'Device model'), required: true, maxLength: 80 },
    { key: 'quantity', type: 'number', label: t('数量', 'Quantity'), required: true, min: 1, max: 999, example: '1' },
    { key: 'site_ready', type: 'boolean', label: t('现场已具备安装条件', 'Site ready for installation'), advanced: true,
      hint: t('电源、空间、管路等已就绪', 'Power, space and piping are ready') },
    { key: 'site_contact_phone', type: 'phone', label: t('现场联系电话', 'On-site contact phone'), advanced: true },
    { key: 'install_photos', type: 'photo', label: t('安装完成照片', 'Installation photos'), requiredFor: RESOLVE, minLength: 1, maxLength: 9 },
    { key: 'serial_numbers', type: 'textarea', label: t('设备序列号', 'Serial numbers'), requiredFor: RESOLVE, maxLength: 2000,
      hint: t('每行一个序列号，可扫码录入', 'One per line; scanning works'), example: 'SN20250301001' },
    { key: 'acceptance', type: 'select', label: t('验收结果', 'Acceptance'), requiredFor: RESOLVE, options: [
      opt('accepted', '验收通过', 'Accepted'), opt('conditional', '有条件通过', 'Accepted with conditions'), opt('rejected', '未通过', 'Rejected'),
    ] },
    { ...customerSignature, requiredFor: RESOLVE, advanced: false },
  ],
};

const complaint: FormDefinition = {
  ticketType: 'complaint', version: 1,
  fields: [
    { key: 'complaint_category', type: 'select', label: t('投诉类别', 'Complaint category'), required: true, options: [
      opt('attitude', '服务态度', 'Service attitude'), opt('response_time', '响应速度', 'Response time'),
      opt('repair_quality', '维修质量', 'Repair quality'), opt('billing', '收费问题', 'Billing'),
      opt('product_quality', '产品质量', 'Product quality'), opt('other', '其他', 'Other'),
    ] },
    { key: 'severity', type: 'select', label: t('严重程度', 'Severity'), options: [
      opt('normal', '一般', 'Normal'), opt('serious', '严重', 'Serious'), opt('critical', '重大（媒体/监管）', 'Critical (media/regulator)'),
    ] },
    { key: 'customer_expectation', type: 'textarea', label: t('客户诉求', 'What the customer expects'), maxLength: 1000 },
    { key: 'callback_phone', type: 'phone', label: t('回访电话', 'Callback phone'), example: '0755-88889999' },
    { key: 'related_ticket', type: 'text', label: t('关联工单号', 'Related ticket number'), advanced: true, maxLength: 40 },
    { key: 'root_cause', type: 'textarea', label: t('根本原因', 'Root cause'), requiredFor: RESOLVE, minLength: 4, maxLength: 2000 },
    { key: 'customer_accepts', type: 'boolean', label: t('客户认可处理结果', 'Customer accepts the outcome'), requiredFor: RESOLVE },
  ],
};

/** Shipped definitions for repair, maintenance, it, installation and complaint tickets. */
export const defaultFormDefinitions: FormDefinition[] = [repair, maintenance, it, installation, complaint];
