/**
 * 名片分类 in the workstation: the managed tag categories as the server last said, read again on
 * its `tag-categories.changed` hint (an admin changed them in the console; a replay after being
 * offline brings the hint too) and on every reconnect, and sent to the page each time
 * (`customers:tag-categories-changed`), so an open 标签 editor offers the new categories without a
 * restart. Offline the editor still takes free tags.
 */
import type { TagCategory } from '../../../shared/tag-categories.js';
import type { RestClient } from '../api/rest-client.js';
import { createServerMirror, type ServerMirror, type ServerMirrorDeps } from '../base/server-mirror.js';
import type { WorkstationEvents } from '../workstation-events.js';
import type { Remote } from '../workstation-core.js';

export type TagCategoryService = ServerMirror<TagCategory[]>;

export interface TagCategoryServiceDeps extends Pick<ServerMirrorDeps<TagCategory[]>, 'gate' | 'internal' | 'agentId' | 'log'> {
  rest: Pick<RestClient, 'call'>;
  remote: Remote;
  events: Pick<WorkstationEvents, 'emit'>;
}

export function createTagCategoryService({ rest, remote, events, ...deps }: TagCategoryServiceDeps): TagCategoryService {
  return createServerMirror({
    ...deps,
    what: 'tag categories',
    outdatedOn: 'tag-categories:outdated',
    fetch: async () => remote(await rest.call('listTagCategories')),
    publish: (categories) => events.emit('customers:tag-categories-changed', categories),
  });
}
