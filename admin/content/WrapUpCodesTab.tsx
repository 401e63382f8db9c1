import { useApi } from '../api/ApiContext.js';
import { useRemote } from '../api/useRemote.js';
import { LoadError } from '../app/PageFrame.js';
import { NamedItemsTable, namedItemsKeys } from '../forms/NamedItemsTable.js';

/** The wrap-up words are under content.wrapUp; 重命名 is the content page's shared one. */
const KEYS = { ...namedItemsKeys('content.wrapUp'), rename: 'content.rename', renameAria: 'content.renameAria' };

/** 话后处理: the codes an agent picks after a call; add, rename, enable/disable (disabled ones stay on old calls). */
export function WrapUpCodesTab() {
  const api = useApi();
  const codes = useRemote(() => api.call('listWrapUpCodes'), 'wrap-up-codes');
  return (
    <div>
      <LoadError error={codes.error} onRetry={codes.reload} />
      <NamedItemsTable
        items={codes}
        keys={KEYS}
        create={(name) => api.call('createWrapUpCode', { body: { name } })}
        update={(id, body) => api.call('updateWrapUpCode', { params: { id }, body })}
      />
    </div>
  );
}
