import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilePhrase } from '../../shared/file-phrases.js';
import { LIMITS } from '../../shared/limits.js';
import { invoke } from '../app/kefu.js';
import { useFilePhrasesStore } from './filePhrasesStore.js';
import { usePhrasesStore } from './phrasesStore.js';

interface Values {
  name: string;
  categoryId: string;
}

/** '' stands for "no category" in the Select (antd cannot hold null as a value). */
const NONE = '';

/** Rename one of 我的文件 or move it to another of the agent's categories (or make a new one). */
export function FileEditModal({ file, onClose }: { file: FilePhrase | null; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useFilePhrasesStore((s) => s.update);
  const categories = usePhrasesStore((s) => s.categories).filter((c) => c.scope === 'personal');
  const [newCategory, setNewCategory] = useState('');

  useEffect(() => {
    if (file) form.setFieldsValue({ name: file.name, categoryId: file.categoryId ?? NONE });
    setNewCategory('');
  }, [file, form]);

  const addCategory = async () => {
    const name = newCategory.trim();
    if (!name) return;
    const result = await invoke('phrase-categories:create', { name });
    if (!result.ok) {
      void message.error(t('files.saveFailed', { message: result.error.message }));
      return;
    }
    await usePhrasesStore.getState().load();
    form.setFieldValue('categoryId', result.value.id);
    setNewCategory('');
  };

  const submit = async () => {
    if (!file) return;
    const values = await form.validateFields();
    const error = await update(file.id, { name: values.name.trim(), categoryId: values.categoryId === NONE ? null : values.categoryId });
    if (error) {
      void message.error(t('files.saveFailed', { message: error.message }));
      return;
    }
    onClose();
  };

  return (
    <Modal
      open={file !== null}
      title={t('files.edit')}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('files.save')}
      cancelText={t('files.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('files.name')}
          rules={[{ required: true, whitespace: true, message: t('files.nameRequired') }, { max: LIMITS.fileNameMax }]}
        >
          <Input aria-label={t('files.name')} maxLength={LIMITS.fileNameMax} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('files.category')}>
          <Select
            aria-label={t('files.category')}
            options={[{ value: NONE, label: t('files.noCategory') }, ...categories.map((c) => ({ value: c.id, label: c.name }))]}
          />
        </Form.Item>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            aria-label={t('files.newCategoryName')}
            placeholder={t('files.newCategory')}
            value={newCategory}
            maxLength={LIMITS.nameMax}
            onChange={(e) => setNewCategory(e.target.value)}
            onPressEnter={() => void addCategory()}
          />
          <Button onClick={() => void addCategory()} disabled={!newCategory.trim()}>
            {t('files.addCategory')}
          </Button>
        </Space.Compact>
      </Form>
    </Modal>
  );
}
